#include "api/OktaJob.h"

#include "api/AuthProvider.h"
#include "api/BaseUrlPolicy.h"
#include "api/HttpTrace.h"
#include "api/LinkHeader.h"
#include "api/OktaClient.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
// A request body that can be read once and never rewound (see onAuthorized). Not a QBuffer:
// Qt recognises QBuffer and rewinds its bytes itself.
class OneShotBody : public QIODevice {
public:
    explicit OneShotBody(QByteArray data)
        : m_data(std::move(data)) {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        const qint64 n = qMin(maxSize, m_data.size() - m_read);
        memcpy(data, m_data.constData() + m_read, static_cast<size_t>(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

// Duplicated headers arrive comma-joined; an id is never a list.
QString firstValue(const QByteArray& header) {
    const int comma = header.indexOf(',');
    return QString::fromLatin1(comma < 0 ? header.trimmed() : header.left(comma).trimmed());
}
} // namespace

OktaJob::OktaJob(OktaClient* client, QByteArray method, QUrl url, QByteArray body)
    : QObject(client)
    , m_client(client)
    , m_method(std::move(method))
    , m_url(std::move(url))
    , m_body(std::move(body)) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &OktaJob::onTimeout);
}

OktaJob::~OktaJob() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OktaJob::start() {
    if (m_finished || m_aborted)
        return;
    sendExchange(m_method, m_url, m_body);
}

void OktaJob::abort() {
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply) {
        m_reply->abort(); // finished() follows and reports the cancellation
        return;
    }
    OktaResult result = baseResult(m_method, m_url);
    result.outcome = OktaResult::Outcome::NetworkError;
    result.detail = tr("cancelled");
    finish(result);
}

OktaResult OktaJob::baseResult(const QByteArray& method, const QUrl& url) const {
    OktaResult result;
    result.method = method;
    result.url = url;
    return result;
}

void OktaJob::sendExchange(const QByteArray& method, const QUrl& url, const QByteArray& body) {
    m_exchangeMethod = method;
    m_exchangeUrl = url;
    m_exchangeBody = body;
    m_exchangeRetried = false;
    sendCurrentExchange();
}

void OktaJob::sendCurrentExchange() {
    const QByteArray& method = m_exchangeMethod;
    const QUrl& url = m_exchangeUrl;
    OktaResult refusal = baseResult(method, url);
    refusal.outcome = OktaResult::Outcome::NotSent;
    if (!m_client) {
        refusal.detail = tr("the client is gone");
        finish(refusal);
        return;
    }
    if (m_client->baseUrl().isEmpty()) {
        refusal.detail = tr("no org URL is set");
        finish(refusal);
        return;
    }
    // The Authorization header must only ever go to the org itself.
    if (!BaseUrlPolicy::isSameOrigin(url, m_client->baseUrl())) {
        refusal.detail = tr("refusing to send credentials to %1, which is not the org").arg(url.host());
        finish(refusal);
        return;
    }
    m_auth = m_client->m_auth;
    if (!m_auth) {
        refusal.detail = tr("no credentials are configured");
        finish(refusal);
        return;
    }
    QPointer<OktaJob> self(this);
    m_auth->authorize(method, url, [self](const AuthProvider::Authorization& authorization) {
        if (self)
            self->onAuthorized(authorization);
    });
}

void OktaJob::onAuthorized(const AuthProvider::Authorization& authorization) {
    if (m_finished || m_aborted || !m_client)
        return;
    if (authorization.headerValue.isEmpty()) {
        OktaResult result = baseResult(m_exchangeMethod, m_exchangeUrl);
        result.outcome = OktaResult::Outcome::NotSent;
        result.detail = authorization.error.isEmpty() ? tr("no credentials") : authorization.error;
        finish(result);
        return;
    }
    QNetworkRequest request(m_exchangeUrl);
    request.setRawHeader("Authorization", authorization.headerValue);
    for (const auto& header : authorization.extraHeaders)
        request.setRawHeader(header.first, header.second);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", OktaClient::userAgent());
    if (!m_exchangeBody.isEmpty() || m_exchangeMethod != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // A redirect could carry the token to another host; Okta never redirects the API.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    QNetworkAccessManager* nam = m_client->networkAccessManager();
    HttpTrace::request(m_exchangeMethod, request, m_exchangeBody);
    if (m_exchangeMethod == "GET") {
        m_reply = nam->get(request);
    } else {
        // Qt silently resends a request whose connection drops before any answer. For a POST
        // that may already have been processed, that would duplicate it unseen (and spend the
        // rate budget twice), so the body goes through a device that cannot rewind: Qt then
        // reports the drop, and the caller decides whether to retry.
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_exchangeBody.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* body = new OneShotBody(m_exchangeBody);
        m_reply = nam->sendCustomRequest(request, m_exchangeMethod, body);
        body->setParent(m_reply);
    }
    m_timedOut = false;
    m_tooLarge = false;
    connect(m_reply, &QNetworkReply::finished, this, &OktaJob::onReplyFinished);
    m_tlsProblems.watch(m_reply, this);
    connect(m_reply, &QNetworkReply::downloadProgress, this,
            [this](qint64 received, qint64) { onProgress(received); });
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64, qint64) { m_timeout.start(); });
    m_timeout.start(m_client->transferTimeoutMs());
}

void OktaJob::onProgress(qint64 received) {
    m_timeout.start(); // the timeout is for silence, not for the whole transfer
    if (m_client && received > m_client->maxResponseBytes() && m_reply) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

void OktaJob::onTimeout() {
    if (m_reply) {
        m_timedOut = true;
        m_reply->abort();
    }
}

void OktaJob::onReplyFinished() {
    QNetworkReply* reply = m_reply;
    if (!reply || sender() != reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_timeout.stop();

    OktaResult result = baseResult(m_exchangeMethod, m_exchangeUrl);
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.requestId = firstValue(reply->rawHeader("X-Okta-Request-Id"));
    result.rateLimit = RateLimitSnapshot::fromHeaders(
        reply->rawHeader("X-Rate-Limit-Limit"), reply->rawHeader("X-Rate-Limit-Remaining"),
        reply->rawHeader("X-Rate-Limit-Reset"), reply->rawHeader("Date"));
    result.nextPage = LinkHeader::next(reply->rawHeader("Link"));
    const qint64 maxBytes = m_client ? m_client->maxResponseBytes() : OktaClient::DefaultMaxResponseBytes;
    QByteArray body;

    if (m_aborted) {
        result.outcome = OktaResult::Outcome::NetworkError;
        result.detail = tr("cancelled");
    } else if (m_timedOut) {
        result.outcome = OktaResult::Outcome::Timeout;
        result.detail =
            tr("nothing received for %1 s").arg(m_client ? m_client->transferTimeoutMs() / 1000.0 : 0);
    } else if (m_tooLarge || reply->bytesAvailable() > maxBytes) {
        result.outcome = OktaResult::Outcome::InvalidResponse;
        result.detail = tr("the answer is larger than %1 bytes").arg(maxBytes);
    } else if (result.httpStatus == 0) {
        result.outcome = OktaResult::Outcome::NetworkError;
        // ContentReSendError is the one-shot body refusing Qt's silent resend (see onAuthorized).
        if (reply->error() == QNetworkReply::ContentReSendError)
            result.detail = tr("the connection closed before Okta answered; the request may or may not "
                               "have been processed");
        else if (!m_tlsProblems.isEmpty())
            result.detail = m_tlsProblems.describe(m_exchangeUrl.host());
        else
            result.detail = reply->errorString();
    } else {
        body = reply->readAll();
        if (result.httpStatus >= 200 && result.httpStatus < 300) {
            result.outcome = OktaResult::Outcome::Success;
            if (!body.trimmed().isEmpty()) {
                QJsonParseError parseError;
                result.body = QJsonDocument::fromJson(body, &parseError);
                if (parseError.error != QJsonParseError::NoError) {
                    result.outcome = OktaResult::Outcome::InvalidResponse;
                    result.detail = tr("the answer is not valid JSON (%1 at byte %2)")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset);
                }
            }
        } else {
            result.outcome = OktaResult::Outcome::HttpError;
            if (const auto error = OktaError::fromJson(body))
                result.error = *error;
            else if (result.httpStatus >= 300 && result.httpStatus < 400)
                result.detail = tr("redirected to %1; not followed")
                                    .arg(QString::fromLatin1(reply->rawHeader("Location")));
            else
                result.detail = reply->errorString();
            if (result.httpStatus == 401 && m_auth)
                m_auth->invalidate();
        }
    }
    HttpTrace::answer(m_exchangeMethod, m_exchangeUrl, reply, body, result.detail);
    if (m_client)
        emit m_client->exchangeFinished(result);
    // An expired or revoked OAuth token: the same exchange once more with a fresh one; a 401
    // cannot have been processed, so resending is safe. The caller only sees the second answer.
    if (result.httpStatus == 401 && !m_aborted && !m_exchangeRetried && m_auth && m_auth->canRefresh()) {
        m_exchangeRetried = true;
        sendCurrentExchange();
        return;
    }
    exchangeFinished(result);
}

void OktaJob::exchangeFinished(const OktaResult& result) {
    finish(result);
}

void OktaJob::finish(const OktaResult& result) {
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_result = result;
    emit finished(m_result);
    deleteLater();
}
