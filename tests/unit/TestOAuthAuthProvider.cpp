// OAuthAuthProvider against a scripted network (FakeNetworkAccessManager): the token request's
// form and signed assertion, caching and expiry on an injected clock, one request for concurrent
// callers, DPoP (invalid_dpop_proof, use_dpop_nonce), the resource Authorization forms, error
// explanations, and OktaJob's one transparent retry after a 401.
#include "FakeNetworkAccessManager.h"

#include "api/OAuthAuthProvider.h"
#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/SswsAuthProvider.h"
#include "auth/ClientAssertion.h"
#include "auth/DpopProofBuilder.h"
#include "auth/Jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace {

using Answer = FakeNetworkAccessManager::Answer;
using Authorization = AuthProvider::Authorization;

const QUrl Org(QStringLiteral("https://acme.okta.com"));
const QString TokenEndpoint = QStringLiteral("https://acme.okta.com/oauth2/v1/token");
const QString ClientId = QStringLiteral("0oaClient123");
const QUrl Resource(QStringLiteral("https://acme.okta.com/api/v1/zones?limit=200"));

Answer tokenAnswer(const QString& accessToken, const QString& type = QStringLiteral("Bearer"),
                   int expiresIn = 3600, const QString& scope = QStringLiteral("okta.networkZones.read")) {
    Answer answer;
    answer.status = 200;
    answer.addHeader("Content-Type", "application/json");
    answer.addHeader("X-Okta-Request-Id", "req-token");
    answer.body = QJsonDocument(QJsonObject{{"token_type", type},
                                            {"expires_in", expiresIn},
                                            {"access_token", accessToken},
                                            {"scope", scope}})
                      .toJson(QJsonDocument::Compact);
    return answer;
}

Answer oauthError(const QString& error, const QString& description, int status = 400,
                  const QByteArray& nonce = {}) {
    Answer answer;
    answer.status = status;
    answer.addHeader("Content-Type", "application/json");
    answer.addHeader("X-Okta-Request-Id", "req-error");
    if (!nonce.isEmpty())
        answer.addHeader("DPoP-Nonce", nonce);
    answer.body = QJsonDocument(QJsonObject{{"error", error}, {"error_description", description}})
                      .toJson(QJsonDocument::Compact);
    return answer;
}

QUrlQuery formOf(const FakeNetworkAccessManager::Request& request) {
    return QUrlQuery(QString::fromUtf8(request.body));
}

QString field(const FakeNetworkAccessManager::Request& request, const QString& name) {
    return formOf(request).queryItemValue(name, QUrl::FullyDecoded);
}

// Collects the answer of one authorize() call.
struct Result {
    std::shared_ptr<std::optional<Authorization>> value = std::make_shared<std::optional<Authorization>>();
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    AuthProvider::Callback callback() const {
        auto v = value;
        auto c = calls;
        return [v, c](const Authorization& auth) {
            *v = auth;
            ++*c;
        };
    }
    bool done() const { return value->has_value(); }
    const Authorization& get() const { return **value; }
};

QByteArray extraHeader(const Authorization& auth, const QByteArray& name) {
    for (const auto& header : auth.extraHeaders)
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    return {};
}

} // namespace

class TestOAuthAuthProvider : public QObject {
    Q_OBJECT

private:
    std::optional<SigningKey> m_key;
    qint64 m_nowMs = 1700000000000;

    std::unique_ptr<OAuthAuthProvider>
    makeProvider(FakeNetworkAccessManager* nam,
                 QStringList scopes = {QStringLiteral("okta.networkZones.read")}, int timeoutMs = 30000) {
        OAuthAuthProvider::Options options;
        options.clientId = ClientId;
        options.scopes = scopes;
        options.transferTimeoutMs = timeoutMs;
        auto provider = std::make_unique<OAuthAuthProvider>(nam, Org, *m_key, options);
        provider->setClock([this] { return m_nowMs; });
        return provider;
    }

    // Authorizes one resource request and waits for the answer.
    Authorization authorizeNow(OAuthAuthProvider& provider, const QByteArray& method = "GET",
                               const QUrl& url = Resource) {
        Result result;
        provider.authorize(method, url, result.callback());
        if (!QTest::qWaitFor([&] { return result.done(); }, 5000))
            qFatal("authorize() never answered");
        return result.get();
    }

private slots:
    void plainHttpOrgGetsNoAssertion_data();
    void plainHttpOrgGetsNoAssertion();
    void initTestCase() {
        QString error;
        m_key = SigningKey::generateRsa(2048, &error);
        QVERIFY2(m_key.has_value(), qPrintable(error));
        m_key->setKeyId(QStringLiteral("kid-1"));
    }
    void init() { m_nowMs = 1700000000000; }

    void tokenRequestCarriesFormAndVerifiableAssertion() {
        FakeNetworkAccessManager nam;
        nam.enqueue(tokenAnswer("tok-1", "Bearer", 3600, "okta.networkZones.read okta.logs.read"));
        nam.enqueue(tokenAnswer("tok-2"));
        auto provider = makeProvider(&nam, {"okta.networkZones.read", "okta.logs.read"});

        const Authorization auth = authorizeNow(*provider);
        QVERIFY(auth.error.isEmpty());
        QCOMPARE(auth.headerValue, QByteArray("Bearer tok-1"));
        QVERIFY(auth.extraHeaders.isEmpty());
        QCOMPARE(provider->grantedScopes(), QStringList({"okta.networkZones.read", "okta.logs.read"}));
        QVERIFY(!provider->usesDpop());

        QCOMPARE(nam.requestCount(), 1);
        const auto& request = nam.requests().at(0);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.url.toString(), TokenEndpoint);
        QCOMPARE(request.request.header(QNetworkRequest::ContentTypeHeader).toString(),
                 QStringLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(request.request.rawHeader("Accept"), QByteArray("application/json"));
        QVERIFY(!request.request.hasRawHeader("DPoP"));
        QVERIFY(!request.request.hasRawHeader("Authorization"));
        QCOMPARE(request.request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::ManualRedirectPolicy));
        QCOMPARE(field(request, "grant_type"), QStringLiteral("client_credentials"));
        QCOMPARE(field(request, "scope"), QStringLiteral("okta.networkZones.read okta.logs.read"));
        QCOMPARE(field(request, "client_assertion_type"),
                 QString::fromLatin1(ClientAssertion::AssertionType));

        const QByteArray assertion = field(request, "client_assertion").toLatin1();
        QString error;
        const auto claims = Jwt::verify(assertion, m_key->publicJwk(), &error);
        QVERIFY2(claims.has_value(), qPrintable(error));
        QCOMPARE(claims->value("iss").toString(), ClientId);
        QCOMPARE(claims->value("sub").toString(), ClientId);
        QCOMPARE(claims->value("aud").toString(), TokenEndpoint);
        QCOMPARE(claims->value("iat").toInteger(), m_nowMs / 1000);
        QVERIFY(claims->value("exp").toInteger() > claims->value("iat").toInteger());
        QCOMPARE(Jwt::decode(assertion)->header.value("kid").toString(), QStringLiteral("kid-1"));

        // requestToken forces a fresh token, with a fresh assertion (jti).
        bool reported = false;
        bool ok = false;
        provider->requestToken([&](bool success, const QString&) {
            reported = true;
            ok = success;
        });
        QTRY_VERIFY(reported);
        QVERIFY(ok);
        QCOMPARE(nam.requestCount(), 2);
        QCOMPARE(provider->grantedScopes(), QStringList({"okta.networkZones.read"}));
        const auto second =
            Jwt::verify(field(nam.requests().at(1), "client_assertion").toLatin1(), m_key->publicJwk());
        QVERIFY(second.has_value());
        QVERIFY(second->value("jti").toString() != claims->value("jti").toString());
        QCOMPARE(authorizeNow(*provider).headerValue, QByteArray("Bearer tok-2"));
    }

    void tokenIsCachedUntilShortlyBeforeExpiry() {
        FakeNetworkAccessManager nam;
        nam.enqueue(tokenAnswer("tok-1", "Bearer", 3600));
        nam.enqueue(tokenAnswer("tok-2", "Bearer", 3600));
        auto provider = makeProvider(&nam);
        QVERIFY(!provider->tokenExpiresAt().isValid());

        QCOMPARE(authorizeNow(*provider).headerValue, QByteArray("Bearer tok-1"));
        QCOMPARE(provider->tokenExpiresAt().toMSecsSinceEpoch(), m_nowMs + 3600 * 1000);
        const qint64 start = m_nowMs;

        m_nowMs = start + (3600 - 61) * 1000; // still outside the 60 s refresh margin
        Result cached;
        provider->authorize("GET", Resource, cached.callback());
        QVERIFY(cached.done()); // answered at once from the cache
        QCOMPARE(cached.get().headerValue, QByteArray("Bearer tok-1"));
        QCOMPARE(nam.requestCount(), 1);

        m_nowMs = start + (3600 - 59) * 1000; // inside the margin: renewed
        QCOMPARE(authorizeNow(*provider).headerValue, QByteArray("Bearer tok-2"));
        QCOMPARE(nam.requestCount(), 2);

        // invalidate() drops the token (after a 401).
        provider->invalidate();
        nam.enqueue(tokenAnswer("tok-3"));
        QCOMPARE(authorizeNow(*provider).headerValue, QByteArray("Bearer tok-3"));
        QCOMPARE(nam.requestCount(), 3);
    }

    void concurrentCallersShareOneRequest() {
        FakeNetworkAccessManager nam;
        nam.enqueue(tokenAnswer("tok-1"));
        auto provider = makeProvider(&nam);
        QVector<Result> results(3);
        for (const Result& result : results)
            provider->authorize("GET", Resource, result.callback());
        bool tokenReported = false;
        provider->requestToken([&](bool ok, const QString&) { tokenReported = ok; });
        QTRY_VERIFY(results.at(2).done());
        QVERIFY(tokenReported);
        QCOMPARE(nam.requestCount(), 1);
        for (const Result& result : results) {
            QCOMPARE(*result.calls, 1);
            QCOMPARE(result.get().headerValue, QByteArray("Bearer tok-1"));
        }
    }

    void invalidDpopProofSwitchesToDpop() {
        FakeNetworkAccessManager nam;
        nam.enqueue(oauthError("invalid_dpop_proof", "The DPoP proof JWT header is missing."));
        nam.enqueue(tokenAnswer("tok-dpop", "DPoP"));
        auto provider = makeProvider(&nam);

        const Authorization auth = authorizeNow(*provider, "POST", Resource);
        QVERIFY2(auth.error.isEmpty(), qPrintable(auth.error));
        QVERIFY(provider->usesDpop());
        QCOMPARE(nam.requestCount(), 2);
        QVERIFY(!nam.requests().at(0).request.hasRawHeader("DPoP"));

        const QByteArray tokenProof = nam.requests().at(1).request.rawHeader("DPoP");
        const auto decoded = Jwt::decode(tokenProof);
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->header.value("typ").toString(), QStringLiteral("dpop+jwt"));
        const QJsonObject jwk = decoded->header.value("jwk").toObject();
        QVERIFY(Jwt::verify(tokenProof, jwk).has_value());
        QCOMPARE(decoded->claims.value("htm").toString(), QStringLiteral("POST"));
        QCOMPARE(decoded->claims.value("htu").toString(), TokenEndpoint);
        QVERIFY(!decoded->claims.contains("ath"));
        QVERIFY(!decoded->claims.contains("nonce"));
        // A fresh assertion for the retry: Okta burned the first jti.
        QVERIFY(field(nam.requests().at(0), "client_assertion") !=
                field(nam.requests().at(1), "client_assertion"));

        // Resource requests: DPoP scheme plus a proof bound to the token, same key.
        QCOMPARE(auth.headerValue, QByteArray("DPoP tok-dpop"));
        const QByteArray proof = extraHeader(auth, "DPoP");
        const auto resourceProof = Jwt::decode(proof);
        QVERIFY(resourceProof.has_value());
        QCOMPARE(resourceProof->header.value("jwk").toObject(), jwk);
        QVERIFY(Jwt::verify(proof, jwk).has_value());
        QCOMPARE(resourceProof->claims.value("htm").toString(), QStringLiteral("POST"));
        QCOMPARE(resourceProof->claims.value("htu").toString(),
                 QStringLiteral("https://acme.okta.com/api/v1/zones"));
        QCOMPARE(resourceProof->claims.value("ath").toString(),
                 DpopProofBuilder::accessTokenHash("tok-dpop"));
    }

    void useDpopNonceIsSentOnRetry() {
        FakeNetworkAccessManager nam;
        nam.enqueue(oauthError("invalid_dpop_proof", "DPoP proof required."));
        nam.enqueue(oauthError("use_dpop_nonce", "Authorization server requires nonce in DPoP proof.", 400,
                               "nonce-1"));
        Answer granted = tokenAnswer("tok-dpop", "DPoP");
        granted.addHeader("DPoP-Nonce", "nonce-2");
        nam.enqueue(granted);
        auto provider = makeProvider(&nam);

        const Authorization auth = authorizeNow(*provider);
        QVERIFY2(auth.error.isEmpty(), qPrintable(auth.error));
        QCOMPARE(nam.requestCount(), 3);
        const auto second = Jwt::decode(nam.requests().at(1).request.rawHeader("DPoP"));
        QVERIFY(second.has_value());
        QVERIFY(!second->claims.contains("nonce"));
        const auto third = Jwt::decode(nam.requests().at(2).request.rawHeader("DPoP"));
        QVERIFY(third.has_value());
        QCOMPARE(third->claims.value("nonce").toString(), QStringLiteral("nonce-1"));
        // The latest nonce the server gave goes into resource proofs.
        const auto resourceProof = Jwt::decode(extraHeader(auth, "DPoP"));
        QVERIFY(resourceProof.has_value());
        QCOMPARE(resourceProof->claims.value("nonce").toString(), QStringLiteral("nonce-2"));
        QCOMPARE(resourceProof->claims.value("htm").toString(), QStringLiteral("GET"));
    }

    void dpopRetriesAreBounded() {
        FakeNetworkAccessManager nam;
        nam.setHandler([](const FakeNetworkAccessManager::Request&) {
            return oauthError("use_dpop_nonce", "nonce needed", 400, "nonce-x");
        });
        auto provider = makeProvider(&nam);
        const Authorization auth = authorizeNow(*provider);
        QVERIFY(auth.headerValue.isEmpty());
        QVERIFY(auth.error.contains("use_dpop_nonce"));
        QCOMPARE(nam.requestCount(), 2);
    }

    void errorsAreExplained_data() {
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("invalid_client") << "invalid_client"
                                        << "Invalid value for 'client_id' parameter."
                                        << QStringList{"client id", "public key", "kid", "client_id"};
        QTest::newRow("invalid_scope")
            << "invalid_scope"
            << "The following scopes are not allowed: okta.logs.read"
            << QStringList{"okta.networkZones.read okta.logs.read", "granted to the service app"};
        QTest::newRow("invalid_grant")
            << "invalid_grant"
            << "The client_assertion token is not yet valid." << QStringList{"clock"};
        QTest::newRow("expired assertion")
            << "invalid_client"
            << "The client_assertion token is expired." << QStringList{"clock", "expired"};
        QTest::newRow("other") << "access_denied"
                               << "Policy evaluation failed for this request."
                               << QStringList{"access_denied", "Policy evaluation failed"};
    }
    void errorsAreExplained() {
        QFETCH(QString, error);
        QFETCH(QString, description);
        QFETCH(QStringList, expected);
        FakeNetworkAccessManager nam;
        nam.enqueue(oauthError(error, description, error == "invalid_client" ? 401 : 400));
        auto provider = makeProvider(&nam, {"okta.networkZones.read", "okta.logs.read"});
        QSignalSpy failed(provider.get(), &OAuthAuthProvider::tokenFailed);

        const Authorization auth = authorizeNow(*provider);
        QVERIFY(auth.headerValue.isEmpty());
        for (const QString& part : expected)
            QVERIFY2(auth.error.contains(part), qPrintable(auth.error));
        QVERIFY2(auth.error.contains("req-error"), qPrintable(auth.error)); // the request id for support
        // Never the assertion.
        QVERIFY(!auth.error.contains(field(nam.requests().at(0), "client_assertion")));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(nam.requestCount(), 1);

        QString reported;
        bool ok = true;
        nam.enqueue(oauthError(error, description, 400));
        provider->requestToken([&](bool success, const QString& message) {
            ok = success;
            reported = message;
        });
        QTRY_VERIFY(!reported.isEmpty());
        QVERIFY(!ok);
        QVERIFY(reported.contains(expected.first()));
    }

    void explainErrorWithoutContext() {
        QVERIFY(OAuthAuthProvider::explainError("invalid_scope", {}).contains("granted"));
        QVERIFY(OAuthAuthProvider::explainError("invalid_client", {}).contains("public key"));
        QVERIFY(OAuthAuthProvider::explainError("invalid_grant", {}).contains("clock"));
    }

    void timeoutAndNetworkFailureAnswerOnce() {
        FakeNetworkAccessManager nam;
        Answer hang;
        hang.hang = true;
        nam.enqueue(hang);
        auto provider = makeProvider(&nam, {"okta.networkZones.read"}, 50);
        Result result;
        provider->authorize("GET", Resource, result.callback());
        QTRY_VERIFY(result.done());
        QCOMPARE(*result.calls, 1);
        QVERIFY(result.get().error.contains("did not answer"));

        Answer down;
        down.networkError = QNetworkReply::ConnectionRefusedError;
        nam.enqueue(down);
        const Authorization auth = authorizeNow(*provider);
        QVERIFY(auth.headerValue.isEmpty());
        QVERIFY(auth.error.contains("could not be reached"));
    }

    void noScopesIsRefusedBeforeSending() {
        FakeNetworkAccessManager nam;
        auto provider = makeProvider(&nam, {});
        const Authorization auth = authorizeNow(*provider);
        QVERIFY(auth.error.contains("scopes"));
        QCOMPARE(nam.requestCount(), 0);
    }

    void malformedTokenAnswerIsAnError() {
        FakeNetworkAccessManager nam;
        Answer answer = tokenAnswer("", "Bearer");
        nam.enqueue(answer);
        auto provider = makeProvider(&nam);
        const Authorization auth = authorizeNow(*provider);
        QVERIFY(auth.headerValue.isEmpty());
        QVERIFY(!auth.error.isEmpty());
    }

    void resource401IsRetriedOnceWithANewToken() {
        FakeNetworkAccessManager nam;
        OktaClient client(&nam);
        QVERIFY(client.setBaseUrl(Org.toString()));
        client.setAuthProvider(std::shared_ptr<AuthProvider>(makeProvider(&nam).release()));
        nam.enqueue(tokenAnswer("tok-1"));
        nam.enqueue(FakeNetworkAccessManager::okta(
            401, m_nowMs / 1000, -1, -1, -1,
            FakeNetworkAccessManager::errorBody("E0000011", "Invalid token provided")));
        nam.enqueue(tokenAnswer("tok-2"));
        nam.enqueue(FakeNetworkAccessManager::okta(200, m_nowMs / 1000, -1, -1, -1, "{\"action\":\"none\"}"));

        QSignalSpy exchanges(&client, &OktaClient::exchangeFinished);
        OktaJob* job = client.getThreatInsightConfiguration();
        QSignalSpy finished(job, &OktaJob::finished);
        QTRY_COMPARE(finished.count(), 1);
        const auto result = finished.at(0).at(0).value<OktaResult>();
        QCOMPARE(result.outcome, OktaResult::Outcome::Success);
        QCOMPARE(result.httpStatus, 200);
        QCOMPARE(nam.requestCount(), 4);
        QCOMPARE(nam.requests().at(1).request.rawHeader("Authorization"), QByteArray("Bearer tok-1"));
        QCOMPARE(nam.requests().at(2).url.toString(), TokenEndpoint);
        QCOMPARE(nam.requests().at(3).request.rawHeader("Authorization"), QByteArray("Bearer tok-2"));
        QCOMPARE(nam.requests().at(3).url, nam.requests().at(1).url);
        QCOMPARE(exchanges.count(), 2); // observers (rate-limit gauges) see both exchanges
    }

    void resource401TwiceIsReported() {
        FakeNetworkAccessManager nam;
        OktaClient client(&nam);
        QVERIFY(client.setBaseUrl(Org.toString()));
        client.setAuthProvider(std::shared_ptr<AuthProvider>(makeProvider(&nam).release()));
        const QByteArray body = FakeNetworkAccessManager::errorBody("E0000011", "Invalid token provided");
        nam.enqueue(tokenAnswer("tok-1"));
        nam.enqueue(FakeNetworkAccessManager::okta(401, m_nowMs / 1000, -1, -1, -1, body));
        nam.enqueue(tokenAnswer("tok-2"));
        nam.enqueue(FakeNetworkAccessManager::okta(401, m_nowMs / 1000, -1, -1, -1, body));

        OktaJob* job = client.request("POST", "/api/v1/threats/configuration", {}, "{\"action\":\"block\"}");
        QSignalSpy finished(job, &OktaJob::finished);
        QTRY_COMPARE(finished.count(), 1);
        const auto result = finished.at(0).at(0).value<OktaResult>();
        QCOMPARE(result.outcome, OktaResult::Outcome::HttpError);
        QCOMPARE(result.httpStatus, 401);
        QCOMPARE(nam.requestCount(), 4);
        QCOMPARE(nam.requests().at(3).body, QByteArray("{\"action\":\"block\"}"));
        QTest::qWait(20);
        QCOMPARE(nam.requestCount(), 4);
    }

    void apiToken401IsNotRetried() {
        FakeNetworkAccessManager nam;
        OktaClient client(&nam);
        QVERIFY(client.setBaseUrl(Org.toString()));
        client.setAuthProvider(std::make_shared<SswsAuthProvider>(QStringLiteral("00abc")));
        nam.enqueue(FakeNetworkAccessManager::okta(
            401, m_nowMs / 1000, -1, -1, -1,
            FakeNetworkAccessManager::errorBody("E0000011", "Invalid token provided")));
        OktaJob* job = client.getThreatInsightConfiguration();
        QSignalSpy finished(job, &OktaJob::finished);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<OktaResult>().httpStatus, 401);
        QTest::qWait(20);
        QCOMPARE(nam.requestCount(), 1);
    }
};

void TestOAuthAuthProvider::plainHttpOrgGetsNoAssertion_data() {
    QTest::addColumn<QUrl>("org");
    QTest::newRow("http") << QUrl(QStringLiteral("http://acme.okta.com"));
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://acme.okta.com"));
}

// The client assertion follows the API token's rule: https, or http to a loopback host only.
void TestOAuthAuthProvider::plainHttpOrgGetsNoAssertion() {
    QFETCH(QUrl, org);
    FakeNetworkAccessManager nam;
    OAuthAuthProvider::Options options;
    options.clientId = ClientId;
    options.scopes = {QStringLiteral("okta.networkZones.read")};
    OAuthAuthProvider provider(&nam, org, *m_key, options);
    const Authorization auth = authorizeNow(provider);
    QVERIFY(auth.headerValue.isEmpty());
    QVERIFY2(auth.error.contains(QLatin1String("Refusing to send the client assertion")),
             qPrintable(auth.error));
    QCOMPARE(nam.requestCount(), 0);

    // Loopback over http is the sandbox org: allowed.
    OAuthAuthProvider loopback(&nam, QUrl(QStringLiteral("http://127.0.0.1:8080")), *m_key, options);
    nam.enqueue(tokenAnswer(QStringLiteral("at-loopback")));
    QCOMPARE(authorizeNow(loopback).headerValue, QByteArray("Bearer at-loopback"));
    QCOMPARE(nam.requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestOAuthAuthProvider)
#include "TestOAuthAuthProvider.moc"
