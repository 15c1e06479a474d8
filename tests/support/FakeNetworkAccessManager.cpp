#include "FakeNetworkAccessManager.h"

#include "api/HttpDate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QTimer>

#include <cstring>

namespace {

class FakeReply : public QNetworkReply {
public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest& request,
              const FakeNetworkAccessManager::Answer& answer, QObject* parent)
        : QNetworkReply(parent)
        , m_answer(answer) {
        setRequest(request);
        setOperation(op);
        setUrl(request.url());
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (!answer.hang)
            QMetaObject::invokeMethod(
                this, [this] { deliver(); }, Qt::QueuedConnection);
    }

    void abort() override {
        if (isFinished())
            return;
        fail(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    }
    qint64 bytesAvailable() const override {
        return m_body.size() - m_position + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        const qint64 n = qMin<qint64>(maxSize, m_body.size() - m_position);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_body.constData() + m_position, static_cast<size_t>(n));
        m_position += n;
        return n;
    }

private:
    void fail(QNetworkReply::NetworkError error, const QString& text) {
        setError(error, text);
        setFinished(true);
        emit errorOccurred(error);
        emit finished();
    }
    void deliver() {
        if (isFinished())
            return;
        if (m_answer.networkError != QNetworkReply::NoError) {
            fail(m_answer.networkError, QStringLiteral("fake network error"));
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
        for (const auto& header : std::as_const(m_answer.headers))
            setRawHeader(header.first, header.second);
        m_body = m_answer.body;
        emit metaDataChanged();
        if (!m_body.isEmpty()) {
            emit readyRead();
            emit downloadProgress(m_body.size(), m_body.size());
        }
        if (m_answer.status >= 400)
            setError(m_answer.status == 404 ? ContentNotFoundError : UnknownContentError,
                     QStringLiteral("HTTP %1").arg(m_answer.status));
        setFinished(true);
        emit finished();
    }

    FakeNetworkAccessManager::Answer m_answer;
    QByteArray m_body;
    qint64 m_position = 0;
};

} // namespace

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject* parent)
    : QNetworkAccessManager(parent) {}

QNetworkReply* FakeNetworkAccessManager::createRequest(Operation op, const QNetworkRequest& request,
                                                       QIODevice* outgoingData) {
    Request recorded;
    recorded.request = request;
    recorded.url = request.url();
    recorded.method = op == CustomOperation
                          ? request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()
                      : op == GetOperation  ? QByteArrayLiteral("GET")
                      : op == PostOperation ? QByteArrayLiteral("POST")
                      : op == PutOperation  ? QByteArrayLiteral("PUT")
                                            : QByteArrayLiteral("OTHER");
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    m_requests.append(recorded);

    Answer answer;
    if (!m_queue.isEmpty())
        answer = m_queue.takeFirst();
    else if (m_handler)
        answer = m_handler(recorded);
    auto* reply = new FakeReply(op, request, answer, this);
    emit requestReceived(static_cast<int>(m_requests.size()) - 1);
    return reply;
}

FakeNetworkAccessManager::Answer FakeNetworkAccessManager::okta(int status, qint64 dateEpochSeconds,
                                                                int limit, int remaining,
                                                                qint64 resetEpochSeconds,
                                                                const QByteArray& body,
                                                                const QByteArray& requestId) {
    Answer answer;
    answer.status = status;
    answer.body = body;
    answer.addHeader("Date", HttpDate::format(QDateTime::fromSecsSinceEpoch(dateEpochSeconds, Qt::UTC)));
    static int counter = 0;
    answer.addHeader("X-Okta-Request-Id",
                     requestId.isEmpty() ? "fake-" + QByteArray::number(++counter) : requestId);
    if (limit >= 0) {
        answer.addHeader("X-Rate-Limit-Limit", QByteArray::number(limit));
        answer.addHeader("X-Rate-Limit-Remaining", QByteArray::number(remaining));
        answer.addHeader("X-Rate-Limit-Reset", QByteArray::number(resetEpochSeconds));
    }
    if (!body.isEmpty())
        answer.addHeader("Content-Type", "application/json");
    return answer;
}

QByteArray FakeNetworkAccessManager::errorBody(const QString& code, const QString& summary,
                                               const QStringList& causes) {
    QJsonArray causeArray;
    for (const QString& cause : causes)
        causeArray.append(QJsonObject{{QStringLiteral("errorSummary"), cause}});
    return QJsonDocument(QJsonObject{{QStringLiteral("errorCode"), code},
                                     {QStringLiteral("errorSummary"), summary},
                                     {QStringLiteral("errorLink"), code},
                                     {QStringLiteral("errorId"), QStringLiteral("oaeFake")},
                                     {QStringLiteral("errorCauses"), causeArray}})
        .toJson(QJsonDocument::Compact);
}
