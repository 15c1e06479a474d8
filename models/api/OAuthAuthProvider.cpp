#include "api/OAuthAuthProvider.h"

#include "api/BaseUrlPolicy.h"
#include "api/HttpTrace.h"
#include "api/OktaClient.h"
#include "api/TlsProblems.h"
#include "auth/ClientAssertion.h"
#include "auth/DpopProofBuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QVector>

#include <utility>

namespace {

// Duplicated headers arrive comma-joined; a nonce or an id is never a list.
QString firstValue(const QByteArray& header) {
    const int comma = header.indexOf(',');
    return QString::fromLatin1(comma < 0 ? header.trimmed() : header.left(comma).trimmed());
}

QByteArray formField(const char* name, const QByteArray& value) {
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value));
}

} // namespace

struct OAuthAuthProvider::Private {
    struct Waiter {
        QByteArray method;
        QUrl url;
        Callback done;
    };
    using TokenCallback = std::function<void(bool ok, const QString& error)>;

    QPointer<QNetworkAccessManager> nam;
    QString tokenEndpoint;
    SigningKey key;
    Options options;
    MsClock clock;
    // Made on first use: the token gets bound to this key, so it lives as long as the provider.
    std::unique_ptr<DpopProofBuilder> dpop;

    QString accessToken;
    bool dpopToken = false; // token_type DPoP
    qint64 expiresAtMs = 0;
    qint64 refreshAtMs = 0;
    QString dpopNonce;

    QPointer<QNetworkReply> reply;
    QTimer timeout;
    bool timedOut = false;
    QByteArray assertion;    // of the request in flight, only to keep it out of error texts
    TlsProblems tlsProblems; // of the request in flight
    QString originRefusal;   // why the token endpoint may not get the assertion; empty when it may
    bool retriedForDpop = false;
    bool retriedForNonce = false;
    QVector<Waiter> waiters;
    QVector<TokenCallback> tokenCallbacks;

    explicit Private(const SigningKey& signingKey)
        : key(signingKey) {}

    qint64 now() const { return clock(); }
    bool hasValidToken() const { return !accessToken.isEmpty() && now() < refreshAtMs; }
    DpopProofBuilder& dpopBuilder() {
        if (!dpop) {
            dpop = std::make_unique<DpopProofBuilder>();
            const MsClock msClock = clock;
            dpop->setClock([msClock] { return msClock() / 1000; });
        }
        return *dpop;
    }
};

OAuthAuthProvider::OAuthAuthProvider(QNetworkAccessManager* nam, const QUrl& orgBaseUrl,
                                     const SigningKey& key, Options options, QObject* parent)
    : AuthProvider(parent)
    , d(std::make_unique<Private>(key)) {
    d->nam = nam;
    d->tokenEndpoint = ClientAssertion::tokenEndpointFor(orgBaseUrl.toString(QUrl::FullyEncoded));
    d->options = std::move(options);
    // The assertion is a credential for a minute: the same rule as the API token (https, or http
    // to a loopback host only), and only to the org's own token endpoint. Both are fixed here.
    QString policyError;
    const QUrl origin = BaseUrlPolicy::normalize(orgBaseUrl.toString(), &policyError);
    if (origin.isEmpty() || !BaseUrlPolicy::isSameOrigin(QUrl(d->tokenEndpoint), origin))
        d->originRefusal =
            tr("Refusing to send the client assertion to %1: %2")
                .arg(QUrl(d->tokenEndpoint).host(),
                     policyError.isEmpty() ? tr("it is not the org's token endpoint.") : policyError);
    d->clock = [] {
        return QDateTime::currentMSecsSinceEpoch();
    };
    d->timeout.setSingleShot(true);
    connect(&d->timeout, &QTimer::timeout, this, [this] {
        if (d->reply) {
            d->timedOut = true;
            d->reply->abort(); // finished() follows and reports the timeout
        }
    });
}

OAuthAuthProvider::~OAuthAuthProvider() {
    if (d->reply) {
        d->reply->disconnect(this);
        d->reply->abort();
        d->reply->deleteLater();
    }
    // Every authorize() gets its answer, even when the provider goes away first.
    const auto waiters = std::exchange(d->waiters, {});
    const auto tokenCallbacks = std::exchange(d->tokenCallbacks, {});
    Authorization cancelled;
    cancelled.error = tr("The sign-in to Okta was cancelled.");
    for (const auto& waiter : waiters)
        waiter.done(cancelled);
    for (const auto& callback : tokenCallbacks)
        callback(false, cancelled.error);
}

void OAuthAuthProvider::setClock(MsClock clock) {
    d->clock = std::move(clock);
    if (d->dpop) {
        const MsClock msClock = d->clock;
        d->dpop->setClock([msClock] { return msClock() / 1000; });
    }
}

QString OAuthAuthProvider::methodName() const {
    return tr("OAuth service app");
}

QDateTime OAuthAuthProvider::tokenExpiresAt() const {
    if (d->accessToken.isEmpty())
        return {};
    return QDateTime::fromMSecsSinceEpoch(d->expiresAtMs, Qt::UTC);
}

void OAuthAuthProvider::authorize(const QByteArray& method, const QUrl& url, const Callback& done) {
    if (d->hasValidToken()) {
        done(authorization(method, url));
        return;
    }
    d->waiters.append({method, url, done});
    if (!d->reply)
        startTokenRequest();
}

void OAuthAuthProvider::invalidate() {
    // The DPoP mode and nonce stay: they describe the org, not the token.
    d->accessToken.clear();
    d->expiresAtMs = 0;
    d->refreshAtMs = 0;
}

void OAuthAuthProvider::requestToken(const std::function<void(bool ok, const QString& error)>& done) {
    d->tokenCallbacks.append(done);
    if (d->reply)
        return; // the request in flight is fresh enough
    invalidate();
    startTokenRequest();
}

OAuthAuthProvider::Authorization OAuthAuthProvider::authorization(const QByteArray& method, const QUrl& url) {
    Authorization auth;
    if (!d->dpopToken) {
        auth.headerValue = "Bearer " + d->accessToken.toLatin1();
        return auth;
    }
    QString error;
    const QByteArray proof = d->dpopBuilder().proof(method, url, d->dpopNonce, d->accessToken, &error);
    if (proof.isEmpty()) {
        auth.error = tr("No DPoP proof could be made: %1").arg(error);
        return auth;
    }
    auth.headerValue = "DPoP " + d->accessToken.toLatin1();
    auth.extraHeaders.append(qMakePair(QByteArrayLiteral("DPoP"), proof));
    return auth;
}

void OAuthAuthProvider::startTokenRequest() {
    d->retriedForDpop = false;
    d->retriedForNonce = false;
    sendTokenRequest();
}

void OAuthAuthProvider::sendTokenRequest() {
    if (!d->nam) {
        failTokenRequest(tr("No network access is available for the token request."));
        return;
    }
    if (!d->originRefusal.isEmpty()) {
        failTokenRequest(d->originRefusal);
        return;
    }
    // Okta answers a scope-less client_credentials request with a puzzling invalid_scope.
    if (d->options.scopes.isEmpty()) {
        failTokenRequest(tr("No scopes are set for the service app; ask for at least one, e.g. "
                            "okta.networkZones.read."));
        return;
    }
    ClientAssertion assertion(d->options.clientId, d->tokenEndpoint, d->key);
    if (!d->options.keyId.isEmpty())
        assertion.setKeyId(d->options.keyId);
    const MsClock msClock = d->clock;
    assertion.setClock([msClock] { return msClock() / 1000; });
    QString error;
    // A fresh assertion (fresh jti) for every request, retries included: Okta burns a jti on a 400.
    d->assertion = assertion.create(&error);
    if (d->assertion.isEmpty()) {
        failTokenRequest(tr("The client assertion could not be signed: %1").arg(error));
        return;
    }

    QNetworkRequest request{QUrl(d->tokenEndpoint)};
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", OktaClient::userAgent());
    // A redirect could carry the assertion to another host; the token endpoint never redirects.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (usesDpop()) {
        const QByteArray proof =
            d->dpopBuilder().proof("POST", QUrl(d->tokenEndpoint), d->dpopNonce, QString(), &error);
        if (proof.isEmpty()) {
            failTokenRequest(tr("No DPoP proof could be made: %1").arg(error));
            return;
        }
        request.setRawHeader("DPoP", proof);
    }

    const QByteArray body = formField("grant_type", "client_credentials") + '&' +
                            formField("scope", d->options.scopes.join(QLatin1Char(' ')).toUtf8()) + '&' +
                            formField("client_assertion_type", ClientAssertion::AssertionType) + '&' +
                            formField("client_assertion", d->assertion);
    d->timedOut = false;
    HttpTrace::request("POST", request, body);
    d->reply = d->nam->post(request, body);
    connect(d->reply, &QNetworkReply::finished, this, &OAuthAuthProvider::onTokenReplyFinished);
    d->tlsProblems.watch(d->reply, this);
    connect(d->reply, &QNetworkReply::downloadProgress, this, [this](qint64, qint64) { d->timeout.start(); });
    d->timeout.start(d->options.transferTimeoutMs);
}

void OAuthAuthProvider::onTokenReplyFinished() {
    QNetworkReply* reply = d->reply;
    if (!reply || sender() != reply)
        return;
    d->reply = nullptr;
    reply->deleteLater();
    d->timeout.stop();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString requestId = firstValue(reply->rawHeader("X-Okta-Request-Id"));
    const QString nonce = firstValue(reply->rawHeader("DPoP-Nonce"));
    if (!nonce.isEmpty())
        d->dpopNonce = nonce; // the latest nonce is the one to use next
    const QString withId =
        requestId.isEmpty() ? QString() : QLatin1Char(' ') + tr("(Okta request id %1)").arg(requestId);

    const QByteArray body = status == 0 ? QByteArray() : reply->readAll();
    HttpTrace::answer("POST", QUrl(d->tokenEndpoint), reply, body);
    if (d->timedOut) {
        failTokenRequest(tr("Okta's token endpoint did not answer within %1 s.")
                             .arg(d->options.transferTimeoutMs / 1000.0));
        return;
    }
    if (status == 0) {
        const QString problem = d->tlsProblems.isEmpty()
                                    ? reply->errorString()
                                    : d->tlsProblems.describe(QUrl(d->tokenEndpoint).host());
        failTokenRequest(tr("Okta's token endpoint could not be reached: %1").arg(problem));
        return;
    }
    const QJsonObject json = QJsonDocument::fromJson(body).object();

    if (status >= 200 && status < 300) {
        const QString accessToken = json.value(QStringLiteral("access_token")).toString();
        const QString tokenType = json.value(QStringLiteral("token_type")).toString();
        const bool isDpop = tokenType.compare(QLatin1String("DPoP"), Qt::CaseInsensitive) == 0;
        const bool isBearer = tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0;
        if (accessToken.isEmpty() || (!isDpop && !isBearer)) {
            failTokenRequest(tr("Okta's token endpoint answered without a usable access token.") + withId);
            return;
        }
        // expires_in is only RECOMMENDED by RFC 6749; Okta's service-app tokens last an hour.
        qint64 lifetimeMs =
            static_cast<qint64>(json.value(QStringLiteral("expires_in")).toDouble(3600) * 1000);
        if (lifetimeMs <= 0)
            lifetimeMs = 3600 * 1000;
        const qint64 now = d->now();
        d->accessToken = accessToken;
        d->dpopToken = isDpop;
        if (isDpop)
            m_useDpop = true;
        d->expiresAtMs = now + lifetimeMs;
        // A short-lived token still gets used for half its life instead of one request each.
        d->refreshAtMs = d->expiresAtMs - qMin(d->options.refreshMarginMs, lifetimeMs / 2);
        const QString scope = json.value(QStringLiteral("scope")).toString();
        m_grantedScopes =
            scope.isEmpty() ? d->options.scopes : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        d->assertion.clear();

        QPointer<OAuthAuthProvider> self(this);
        const auto waiters = std::exchange(d->waiters, {});
        const auto tokenCallbacks = std::exchange(d->tokenCallbacks, {});
        // All waiters get this token: it is fresh even if the clock says otherwise meanwhile.
        for (const auto& waiter : waiters) {
            if (!self)
                return;
            waiter.done(authorization(waiter.method, waiter.url));
        }
        for (const auto& callback : tokenCallbacks) {
            if (!self)
                return;
            callback(true, QString());
        }
        if (self)
            emit tokenGranted(m_grantedScopes);
        return;
    }

    QString error = json.value(QStringLiteral("error")).toString();
    QString description = json.value(QStringLiteral("error_description")).toString();
    if (error.isEmpty() && json.contains(QStringLiteral("errorCode"))) { // Okta's API error shape
        error = json.value(QStringLiteral("errorCode")).toString();
        description = json.value(QStringLiteral("errorSummary")).toString();
    }
    // The org requires DPoP: the same request again, now with a proof (once).
    if (error == QLatin1String("invalid_dpop_proof") && !d->retriedForDpop) {
        d->retriedForDpop = true;
        const bool hadProof = usesDpop();
        m_useDpop = true;
        if (!hadProof) {
            sendTokenRequest();
            return;
        }
    }
    if (error == QLatin1String("use_dpop_nonce") && !nonce.isEmpty() && !d->retriedForNonce) {
        d->retriedForNonce = true;
        m_useDpop = true;
        sendTokenRequest();
        return;
    }
    if (!d->assertion.isEmpty())
        description.replace(QString::fromLatin1(d->assertion), tr("[client assertion]"));
    d->assertion.clear();
    if (error.isEmpty()) {
        const QString location = QString::fromLatin1(reply->rawHeader("Location"));
        failTokenRequest((status >= 300 && status < 400 && !location.isEmpty()
                              ? tr("Okta's token endpoint answered HTTP %1, redirecting to %2; not followed.")
                                    .arg(status)
                                    .arg(location)
                              : tr("Okta's token endpoint answered HTTP %1.").arg(status)) +
                         withId);
        return;
    }
    failTokenRequest(explainError(error, description, d->options.scopes) + withId);
}

void OAuthAuthProvider::failTokenRequest(const QString& message) {
    d->assertion.clear();
    QPointer<OAuthAuthProvider> self(this);
    const auto waiters = std::exchange(d->waiters, {});
    const auto tokenCallbacks = std::exchange(d->tokenCallbacks, {});
    Authorization failed;
    failed.error = message;
    for (const auto& waiter : waiters) {
        if (!self)
            return;
        waiter.done(failed);
    }
    for (const auto& callback : tokenCallbacks) {
        if (!self)
            return;
        callback(false, message);
    }
    if (self)
        emit tokenFailed(message);
}

QString OAuthAuthProvider::explainError(const QString& error, const QString& description) {
    return explainError(error, description, {});
}

QString OAuthAuthProvider::explainError(const QString& error, const QString& description,
                                        const QStringList& requestedScopes) {
    const QString okta = description.trimmed().isEmpty()
                             ? QString()
                             : QLatin1Char(' ') + tr("Okta says: \"%1\"").arg(description.trimmed());
    // Okta reports an assertion outside its iat/exp window under invalid_client or invalid_grant.
    static const QRegularExpression timeWords(
        QStringLiteral("\\b(expired|issued at|iat|exp|nbf|not yet valid|future|clock)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const bool timeProblem = error == QLatin1String("invalid_grant") ||
                             ((error == QLatin1String("invalid_client") || error.isEmpty()) &&
                              timeWords.match(description).hasMatch());
    if (timeProblem)
        return tr("Okta rejected the signed client assertion as expired or not yet valid (%1). This usually "
                  "means this computer's clock is off: check its date, time and time zone (set it to sync "
                  "with an internet time server) and try again.")
                   .arg(error.isEmpty() ? QStringLiteral("invalid_grant") : error) +
               okta;
    if (error == QLatin1String("invalid_client"))
        return tr("Okta does not accept this service app's credentials (invalid_client): either the client "
                  "id "
                  "is unknown to the org, or the public key (and its key id, kid) registered for the app in "
                  "Okta does not match the private key in use.") +
               okta;
    if (error == QLatin1String("invalid_scope")) {
        const QString asked =
            requestedScopes.isEmpty() ? tr("the requested scopes") : requestedScopes.join(QLatin1Char(' '));
        return tr("Okta refused the requested scopes (invalid_scope). Asked for: %1. Each of them must be "
                  "granted to the service app in Okta (the app's Okta API Scopes tab).")
                   .arg(asked) +
               okta;
    }
    if (error == QLatin1String("unauthorized_client"))
        return tr("The app may not use the client credentials flow (unauthorized_client): in Okta it must be "
                  "an API Services app with the Client Credentials grant enabled.") +
               okta;
    if (error == QLatin1String("invalid_dpop_proof"))
        return tr("Okta refused the DPoP proof (invalid_dpop_proof); the org requires DPoP-bound tokens for "
                  "this app.") +
               okta;
    if (error == QLatin1String("use_dpop_nonce"))
        return tr("Okta kept asking for a new DPoP nonce (use_dpop_nonce); try again.") + okta;
    return tr("Okta refused the token request (%1).").arg(error) + okta;
}
