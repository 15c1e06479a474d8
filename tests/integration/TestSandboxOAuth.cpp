// OAuth 2.0 in the sandbox org over real loopback HTTP: the token endpoint (private_key_jwt client
// assertions signed RS256/ES256, replayed jti, scopes), Bearer scope checks per endpoint, risk
// providers tied to service apps, and DPoP (nonce dance, bound tokens, ath). The assertions and
// proofs are built with the client's crypto (models/auth): this test is where both sides meet.
#include "SandboxCommandLine.h"
#include "SandboxServer.h"

#include "auth/ClientAssertion.h"
#include "auth/DpopProofBuilder.h"
#include "auth/Jwt.h"
#include "auth/SigningKey.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>
#include <optional>

namespace {

constexpr int ReplyTimeoutMs = 20000;
const QString OtherClientId = QStringLiteral("0oaN0Pr0v1d3rApp0g7");
const QString CorporateHq = QStringLiteral("nzoC0rpHq2M4nV8tB0g3");
const qint64 StartMs = QDateTime(QDate(2026, 11, 21), QTime(22, 30), Qt::UTC).toMSecsSinceEpoch();

struct HttpResult {
    bool finished = false;
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray& name) const {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QString text(const char* name) const { return object().value(QLatin1String(name)).toString(); }
};

QString newJti() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray riskEventsBody() {
    const QJsonArray events{
        QJsonObject{{QStringLiteral("subjects"),
                     QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("198.51.100.7")},
                                            {QStringLiteral("riskLevel"), QStringLiteral("HIGH")}}}}}};
    return QJsonDocument(events).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSandboxOAuth : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tokenSuccess_data();
    void tokenSuccess();
    void assertionRejected_data();
    void assertionRejected();
    void replayedJtiIsRefusedEvenAfterAFailure();
    void unsupportedGrantType();
    void invalidScope();
    void bearerScopePerEndpoint_data();
    void bearerScopePerEndpoint();
    void unknownAndExpiredTokens();
    void riskEventsNeedAProviderForTheServiceApp();
    void seededDemoKeyWorks();
    void registrationRefusesBadKeys();
    void commandLineServiceApp();
    void dpopRequired();

private:
    qint64 nowSeconds() const { return m_nowMs / 1000; }
    std::unique_ptr<SandboxServer> startServer(SandboxOptions options = {});
    QJsonObject claimsFor(const SandboxServer& server, const QString& clientId) const;
    QByteArray sign(const QJsonObject& claims, const SigningKey& key) const;
    HttpResult send(const QByteArray& method, const QUrl& url, const QByteArray& body,
                    const QList<QPair<QByteArray, QByteArray>>& headers);
    HttpResult requestToken(const SandboxServer& server, const QByteArray& assertion, const QString& scope,
                            const QByteArray& dpop = {},
                            const QString& grantType = QStringLiteral("client_credentials"),
                            const QString& assertionType = ClientAssertion::AssertionType);
    QString bearerToken(const SandboxServer& server, const SigningKey& key, const QString& clientId,
                        const QString& scope);
    HttpResult api(const SandboxServer& server, const QByteArray& method, const QString& path,
                   const QByteArray& authorization, const QByteArray& body = {}, const QByteArray& dpop = {});

    QNetworkAccessManager* m_nam = nullptr;
    qint64 m_nowMs = StartMs;
    std::optional<SigningKey> m_rsaKey;
    std::optional<SigningKey> m_ecKey;
};

void TestSandboxOAuth::init() {
    m_nam = new QNetworkAccessManager(this);
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_nowMs = StartMs;
    if (!m_rsaKey) {
        m_rsaKey = SigningKey::generateRsa(2048);
        m_rsaKey->setKeyId(QStringLiteral("rsa-key-1"));
    }
    if (!m_ecKey) {
        m_ecKey = SigningKey::generateEcP256();
        m_ecKey->setKeyId(QStringLiteral("ec-key-1"));
    }
    QVERIFY(m_rsaKey && m_ecKey);
}

void TestSandboxOAuth::cleanup() {
    delete m_nam;
    m_nam = nullptr;
}

std::unique_ptr<SandboxServer> TestSandboxOAuth::startServer(SandboxOptions options) {
    auto server = std::make_unique<SandboxServer>(std::move(options));
    server->setTimeSource([this] { return m_nowMs; });
    QString error;
    if (!server->start(&error))
        qWarning("sandbox did not start: %s", qUtf8Printable(error));
    return server;
}

QJsonObject TestSandboxOAuth::claimsFor(const SandboxServer& server, const QString& clientId) const {
    return QJsonObject{{QStringLiteral("iss"), clientId},
                       {QStringLiteral("sub"), clientId},
                       {QStringLiteral("aud"), server.tokenEndpoint().toString()},
                       {QStringLiteral("iat"), nowSeconds()},
                       {QStringLiteral("exp"), nowSeconds() + 300},
                       {QStringLiteral("jti"), newJti()}};
}

QByteArray TestSandboxOAuth::sign(const QJsonObject& claims, const SigningKey& key) const {
    QJsonObject header;
    if (!key.keyId().isEmpty())
        header.insert(QStringLiteral("kid"), key.keyId());
    QString error;
    const QByteArray token = Jwt::sign(header, claims, key, &error);
    if (token.isEmpty())
        qWarning("cannot sign: %s", qUtf8Printable(error));
    return token;
}

HttpResult TestSandboxOAuth::send(const QByteArray& method, const QUrl& url, const QByteArray& body,
                                  const QList<QPair<QByteArray, QByteArray>>& headers) {
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_nam->sendCustomRequest(request, method, body);
    HttpResult result;
    result.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, ReplyTimeoutMs);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult TestSandboxOAuth::requestToken(const SandboxServer& server, const QByteArray& assertion,
                                          const QString& scope, const QByteArray& dpop,
                                          const QString& grantType, const QString& assertionType) {
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), grantType);
    form.addQueryItem(QStringLiteral("scope"), scope);
    form.addQueryItem(QStringLiteral("client_assertion_type"), assertionType);
    form.addQueryItem(QStringLiteral("client_assertion"), QString::fromLatin1(assertion));
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!dpop.isEmpty())
        headers.append(qMakePair(QByteArray("DPoP"), dpop));
    return send("POST", server.tokenEndpoint(), form.toString(QUrl::FullyEncoded).toLatin1(), headers);
}

QString TestSandboxOAuth::bearerToken(const SandboxServer& server, const SigningKey& key,
                                      const QString& clientId, const QString& scope) {
    const HttpResult result = requestToken(server, sign(claimsFor(server, clientId), key), scope);
    if (result.status != 200)
        qWarning("token request failed: %d %s", result.status, result.body.constData());
    return result.text("access_token");
}

HttpResult TestSandboxOAuth::api(const SandboxServer& server, const QByteArray& method, const QString& path,
                                 const QByteArray& authorization, const QByteArray& body,
                                 const QByteArray& dpop) {
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", authorization}};
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (!dpop.isEmpty())
        headers.append(qMakePair(QByteArray("DPoP"), dpop));
    return send(method, QUrl(server.baseUrl().toString() + path), body, headers);
}

// ---------------------------------------------------------------------------------------------

void TestSandboxOAuth::tokenSuccess_data() {
    QTest::addColumn<bool>("ec");
    QTest::addColumn<bool>("withKid");
    QTest::newRow("RS256") << false << true;
    QTest::newRow("ES256") << true << true;
    QTest::newRow("ES256 without kid") << true << false;
}

void TestSandboxOAuth::tokenSuccess() {
    QFETCH(bool, ec);
    QFETCH(bool, withKid);
    const auto server = startServer();
    SigningKey key = ec ? *m_ecKey : *m_rsaKey;
    QVERIFY(server->registerServiceApp(SandboxServer::RiskProviderClientId, key.publicJwk()));
    if (!withKid)
        key.setKeyId({});

    // The client's own assertion builder, as the product uses it.
    ClientAssertion assertion(SandboxServer::RiskProviderClientId, server->tokenEndpoint().toString(), key);
    assertion.setClock([this] { return nowSeconds(); });
    const HttpResult result =
        requestToken(*server, assertion.create(), QStringLiteral("okta.logs.read okta.networkZones.read"));
    QVERIFY(result.finished);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.text("token_type"), QStringLiteral("Bearer"));
    QCOMPARE(result.object().value(QStringLiteral("expires_in")).toInt(), 3600);
    QCOMPARE(result.text("scope"), QStringLiteral("okta.logs.read okta.networkZones.read"));
    const QString token = result.text("access_token");
    QVERIFY(token.size() >= 32);
    QVERIFY(!result.header("X-Okta-Request-Id").isEmpty());

    const QByteArray bearer = "Bearer " + token.toLatin1();
    QCOMPARE(api(*server, "GET", QStringLiteral("/api/v1/logs"), bearer).status, 200);
    QCOMPARE(api(*server, "GET", QStringLiteral("/api/v1/zones"), bearer).status, 200);
    // SSWS keeps working next to OAuth.
    QCOMPARE(
        api(*server, "GET", QStringLiteral("/api/v1/zones"), "SSWS " + server->token().toLatin1()).status,
        200);
}

void TestSandboxOAuth::assertionRejected_data() {
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("description");
    QTest::newRow("bad signature") << "bad-signature"
                                   << "signature";
    QTest::newRow("tampered payload") << "tampered"
                                      << "signature";
    QTest::newRow("wrong aud") << "aud"
                               << "'aud' must be";
    QTest::newRow("expired") << "expired"
                             << "expired";
    QTest::newRow("exp more than 1 h after iat") << "long"
                                                 << "at most 3600 seconds";
    QTest::newRow("iat in the future") << "future"
                                       << "'iat' is in the future";
    QTest::newRow("iss differs from sub") << "sub"
                                          << "'iss' and 'sub'";
    QTest::newRow("unknown client") << "unknown"
                                    << "not a registered service app";
    QTest::newRow("unknown kid") << "kid"
                                 << "No key with kid";
    QTest::newRow("no jti") << "no-jti"
                            << "no 'jti'";
    QTest::newRow("wrong assertion type") << "type"
                                          << "client_assertion_type";
    QTest::newRow("not a JWT") << "garbage"
                               << "not a valid JWT";
    QTest::newRow("padded base64url") << "padded"
                                      << "not a valid JWT";
}

void TestSandboxOAuth::assertionRejected() {
    QFETCH(QString, problem);
    QFETCH(QString, description);
    const auto server = startServer();
    QVERIFY(server->registerServiceApp(SandboxServer::RiskProviderClientId, m_rsaKey->publicJwk()));
    QJsonObject claims = claimsFor(*server, SandboxServer::RiskProviderClientId);
    SigningKey key = *m_rsaKey;
    QString assertionType = ClientAssertion::AssertionType;
    if (problem == QLatin1String("bad-signature")) {
        key = *SigningKey::generateRsa(2048);
        key.setKeyId(m_rsaKey->keyId());
    } else if (problem == QLatin1String("aud")) {
        claims.insert(QStringLiteral("aud"), QStringLiteral("https://acme.okta.com/oauth2/v1/token"));
    } else if (problem == QLatin1String("expired")) {
        claims.insert(QStringLiteral("iat"), nowSeconds() - 600);
        claims.insert(QStringLiteral("exp"), nowSeconds() - 1);
    } else if (problem == QLatin1String("long")) {
        claims.insert(QStringLiteral("exp"), nowSeconds() + 3601);
    } else if (problem == QLatin1String("future")) {
        claims.insert(QStringLiteral("iat"), nowSeconds() + 120);
        claims.insert(QStringLiteral("exp"), nowSeconds() + 300);
    } else if (problem == QLatin1String("sub")) {
        claims.insert(QStringLiteral("sub"), OtherClientId);
    } else if (problem == QLatin1String("unknown")) {
        claims.insert(QStringLiteral("iss"), OtherClientId);
        claims.insert(QStringLiteral("sub"), OtherClientId);
    } else if (problem == QLatin1String("kid")) {
        key.setKeyId(QStringLiteral("rotated-away"));
    } else if (problem == QLatin1String("no-jti")) {
        claims.remove(QStringLiteral("jti"));
    } else if (problem == QLatin1String("type")) {
        assertionType = QStringLiteral("urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
    }
    QByteArray assertion = sign(claims, key);
    if (problem == QLatin1String("tampered")) {
        QList<QByteArray> parts = assertion.split('.');
        QJsonObject other = claims;
        other.insert(QStringLiteral("exp"), nowSeconds() + 600);
        parts[1] = QJsonDocument(other)
                       .toJson(QJsonDocument::Compact)
                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        assertion = parts.join('.');
    } else if (problem == QLatin1String("garbage")) {
        assertion = "not-a-jwt";
    } else if (problem == QLatin1String("padded")) {
        QList<QByteArray> parts = assertion.split('.');
        parts[0] = QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")},
                                             {QStringLiteral("kid"), QStringLiteral("rsa-key-1")},
                                             {QStringLiteral("x"), QStringLiteral("a")}})
                       .toJson(QJsonDocument::Compact)
                       .toBase64(QByteArray::Base64UrlEncoding);
        QVERIFY(parts[0].endsWith('='));
        assertion = parts.join('.');
    }
    const HttpResult result = requestToken(*server, assertion, QStringLiteral("okta.logs.read"), {},
                                           QStringLiteral("client_credentials"), assertionType);
    QVERIFY(result.finished);
    QCOMPARE(result.status, 401);
    QCOMPARE(result.text("error"), QStringLiteral("invalid_client"));
    QVERIFY2(result.text("error_description").contains(description), result.body.constData());
    QVERIFY(result.object().value(QStringLiteral("access_token")).isUndefined());
}

void TestSandboxOAuth::replayedJtiIsRefusedEvenAfterAFailure() {
    const auto server = startServer();
    QVERIFY(server->registerServiceApp(SandboxServer::RiskProviderClientId, m_ecKey->publicJwk()));
    const QByteArray assertion = sign(claimsFor(*server, SandboxServer::RiskProviderClientId), *m_ecKey);
    QCOMPARE(requestToken(*server, assertion, QStringLiteral("okta.logs.read")).status, 200);
    const HttpResult replay = requestToken(*server, assertion, QStringLiteral("okta.logs.read"));
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.text("error"), QStringLiteral("invalid_client"));
    QVERIFY(replay.text("error_description").contains(QStringLiteral("already been used")));

    // A failed request burns its jti too: fixing the assertion but keeping the jti does not help.
    QJsonObject claims = claimsFor(*server, SandboxServer::RiskProviderClientId);
    claims.insert(QStringLiteral("aud"), QStringLiteral("https://acme.okta.com/oauth2/v1/token"));
    const HttpResult wrongAud =
        requestToken(*server, sign(claims, *m_ecKey), QStringLiteral("okta.logs.read"));
    QVERIFY(wrongAud.text("error_description").contains(QStringLiteral("'aud'")));
    claims.insert(QStringLiteral("aud"), server->tokenEndpoint().toString());
    const HttpResult again = requestToken(*server, sign(claims, *m_ecKey), QStringLiteral("okta.logs.read"));
    QCOMPARE(again.status, 401);
    QVERIFY(again.text("error_description").contains(QStringLiteral("already been used")));
}

void TestSandboxOAuth::unsupportedGrantType() {
    const auto server = startServer();
    QVERIFY(server->registerServiceApp(SandboxServer::RiskProviderClientId, m_ecKey->publicJwk()));
    const HttpResult result =
        requestToken(*server, sign(claimsFor(*server, SandboxServer::RiskProviderClientId), *m_ecKey),
                     QStringLiteral("okta.logs.read"), {}, QStringLiteral("password"));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.text("error"), QStringLiteral("unsupported_grant_type"));
    QCOMPARE(send("GET", server->tokenEndpoint(), {}, {}).status, 405);
}

void TestSandboxOAuth::invalidScope() {
    const auto server = startServer();
    QVERIFY(server->registerServiceApp(
        OtherClientId, m_ecKey->publicJwk(),
        {QStringLiteral("okta.logs.read"), QStringLiteral("okta.networkZones.read")}));
    const auto request = [&](const QString& scope) {
        return requestToken(*server, sign(claimsFor(*server, OtherClientId), *m_ecKey), scope);
    };
    HttpResult result = request(QStringLiteral("okta.logs.read okta.networkZones.manage"));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.text("error"), QStringLiteral("invalid_scope"));
    QVERIFY(result.text("error_description").contains(QStringLiteral("okta.networkZones.manage")));
    QVERIFY(!result.text("error_description").contains(QStringLiteral("okta.logs.read")));
    result = request(QStringLiteral("okta.bogus.read"));
    QCOMPARE(result.text("error"), QStringLiteral("invalid_scope"));
    result = request(QString());
    QCOMPARE(result.status, 400);
    QCOMPARE(result.text("error"), QStringLiteral("invalid_scope"));
    result = request(QStringLiteral("okta.networkZones.read"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.text("scope"), QStringLiteral("okta.networkZones.read"));
}

void TestSandboxOAuth::bearerScopePerEndpoint_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("allowedStatus");
    const QByteArray threatBody = R"({"action":"audit","excludeZones":[]})";
    QTest::newRow("threats GET") << QByteArray("GET") << "/api/v1/threats/configuration" << QByteArray()
                                 << "okta.threatInsights.read" << 200;
    QTest::newRow("threats POST") << QByteArray("POST") << "/api/v1/threats/configuration" << threatBody
                                  << "okta.threatInsights.manage" << 200;
    QTest::newRow("zones GET") << QByteArray("GET") << "/api/v1/zones" << QByteArray()
                               << "okta.networkZones.read" << 200;
    QTest::newRow("zone GET") << QByteArray("GET") << "/api/v1/zones/" + CorporateHq << QByteArray()
                              << "okta.networkZones.read" << 200;
    QTest::newRow("zone deactivate") << QByteArray("POST")
                                     << "/api/v1/zones/" + CorporateHq + "/lifecycle/deactivate"
                                     << QByteArray() << "okta.networkZones.manage" << 200;
    QTest::newRow("zone DELETE") << QByteArray("DELETE") << "/api/v1/zones/" + CorporateHq << QByteArray()
                                 << "okta.networkZones.manage" << 204;
    QTest::newRow("zone PUT") << QByteArray("PUT") << "/api/v1/zones/nzoNoSuchZone0000000" << QByteArray("{}")
                              << "okta.networkZones.manage" << 404;
    QTest::newRow("risk events POST") << QByteArray("POST") << "/api/v1/risk/events/ip" << riskEventsBody()
                                      << "okta.riskEvents.manage" << 202;
    QTest::newRow("risk providers GET")
        << QByteArray("GET") << "/api/v1/risk/providers" << QByteArray() << "okta.riskProviders.read" << 200;
    QTest::newRow("logs GET") << QByteArray("GET") << "/api/v1/logs" << QByteArray() << "okta.logs.read"
                              << 200;
}

void TestSandboxOAuth::bearerScopePerEndpoint() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, scope);
    QFETCH(int, allowedStatus);
    const auto server = startServer();
    QVERIFY(server->registerServiceApp(SandboxServer::RiskProviderClientId, m_ecKey->publicJwk()));

    QStringList others = SandboxOAuth::allScopes();
    others.removeAll(scope);
    const QString without =
        bearerToken(*server, *m_ecKey, SandboxServer::RiskProviderClientId, others.join(QLatin1Char(' ')));
    QVERIFY(!without.isEmpty());
    const HttpResult refused = api(*server, method, path, "Bearer " + without.toLatin1(), body);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.object().value(QStringLiteral("errorCode")).toString(), QStringLiteral("E0000006"));

    const QString with = bearerToken(*server, *m_ecKey, SandboxServer::RiskProviderClientId, scope);
    QVERIFY(!with.isEmpty());
    const HttpResult allowed = api(*server, method, path, "Bearer " + with.toLatin1(), body);
    QVERIFY2(allowed.status == allowedStatus, allowed.body.constData());
}

void TestSandboxOAuth::unknownAndExpiredTokens() {
    const auto server = startServer();
    QVERIFY(server->registerServiceApp(SandboxServer::RiskProviderClientId, m_rsaKey->publicJwk()));
    HttpResult result = api(*server, "GET", QStringLiteral("/api/v1/logs"), "Bearer not-a-token");
    QCOMPARE(result.status, 401);
    QCOMPARE(result.object().value(QStringLiteral("errorCode")).toString(), QStringLiteral("E0000011"));

    const QString token = bearerToken(*server, *m_rsaKey, SandboxServer::RiskProviderClientId,
                                      QStringLiteral("okta.logs.read"));
    QCOMPARE(api(*server, "GET", QStringLiteral("/api/v1/logs"), "Bearer " + token.toLatin1()).status, 200);
    // A Bearer token is not a DPoP token.
    QCOMPARE(api(*server, "GET", QStringLiteral("/api/v1/logs"), "DPoP " + token.toLatin1()).status, 401);
    m_nowMs += 3600 * 1000;
    result = api(*server, "GET", QStringLiteral("/api/v1/logs"), "Bearer " + token.toLatin1());
    QCOMPARE(result.status, 401);
    QCOMPARE(result.object().value(QStringLiteral("errorCode")).toString(), QStringLiteral("E0000011"));
}

void TestSandboxOAuth::riskEventsNeedAProviderForTheServiceApp() {
    const auto server = startServer();
    QVERIFY(server->registerServiceApp(OtherClientId, m_ecKey->publicJwk()));
    const QString token = bearerToken(*server, *m_ecKey, OtherClientId,
                                      QStringLiteral("okta.riskEvents.manage okta.riskProviders.read"));
    QVERIFY(!token.isEmpty());
    const QByteArray bearer = "Bearer " + token.toLatin1();

    const HttpResult providers = api(*server, "GET", QStringLiteral("/api/v1/risk/providers"), bearer);
    QCOMPARE(providers.status, 200);
    const QJsonArray list = QJsonDocument::fromJson(providers.body).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("clientId")).toString(),
             SandboxServer::RiskProviderClientId);

    const HttpResult refused =
        api(*server, "POST", QStringLiteral("/api/v1/risk/events/ip"), bearer, riskEventsBody());
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.object().value(QStringLiteral("errorCode")).toString(), QStringLiteral("E0000006"));
    const QString summary = refused.object().value(QStringLiteral("errorSummary")).toString();
    QVERIFY2(summary.contains(QStringLiteral("no risk provider")) && summary.contains(OtherClientId),
             qPrintable(summary));
    QVERIFY(server->acceptedRiskSubjects().isEmpty());
}

void TestSandboxOAuth::seededDemoKeyWorks() {
    const auto server = startServer();
    const std::optional<SigningKey> demo = SigningKey::fromJwk(SandboxServer::demoServiceAppPrivateJwk());
    QVERIFY(demo);
    QCOMPARE(demo->keyId(), SandboxServer::DemoServiceAppKeyId);
    QCOMPARE(demo->publicJwk(), SandboxServer::demoServiceAppPublicJwk());
    const QString token = bearerToken(*server, *demo, SandboxServer::RiskProviderClientId,
                                      SandboxOAuth::allScopes().join(QLatin1Char(' ')));
    QVERIFY(!token.isEmpty());
    QCOMPARE(api(*server, "POST", QStringLiteral("/api/v1/risk/events/ip"), "Bearer " + token.toLatin1(),
                 riskEventsBody())
                 .status,
             202);
    QCOMPARE(server->acceptedRiskSubjects().size(), 1);
    // The demo key belongs to the seeded app only.
    QVERIFY(server->registerServiceApp(OtherClientId, m_ecKey->publicJwk()));
    const HttpResult other = requestToken(*server, sign(claimsFor(*server, OtherClientId), *demo),
                                          QStringLiteral("okta.logs.read"));
    QCOMPARE(other.status, 401);
}

void TestSandboxOAuth::registrationRefusesBadKeys() {
    SandboxServer server;
    QString error;
    QJsonObject withPrivate = m_ecKey->publicJwk();
    withPrivate.insert(QStringLiteral("d"), QStringLiteral("AAAA"));
    QVERIFY(!server.registerServiceApp(OtherClientId, withPrivate, {}, &error));
    QVERIFY(error.contains(QStringLiteral("private")));
    QJsonObject offCurve = m_ecKey->publicJwk();
    offCurve.insert(QStringLiteral("y"), offCurve.value(QStringLiteral("x")));
    QVERIFY(!server.registerServiceApp(OtherClientId, offCurve, {}, &error));
    QVERIFY(!server.registerServiceApp(
        OtherClientId, QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")}}, {}, &error));
    QVERIFY(!server.registerServiceApp(OtherClientId, m_ecKey->publicJwk(),
                                       {QStringLiteral("okta.users.read")}, &error));
    QVERIFY(error.contains(QStringLiteral("okta.users.read")));
    const std::optional<SigningKey> small = SigningKey::generateRsa(1024);
    if (small) {
        QVERIFY(!server.registerServiceApp(OtherClientId, small->publicJwk(), {}, &error));
        QVERIFY(error.contains(QStringLiteral("2048")));
    }
}

void TestSandboxOAuth::commandLineServiceApp() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("app.jwk.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{m_rsaKey->publicJwk()}}}).toJson());
    file.close();

    const SandboxCommandLine::Result bad = SandboxCommandLine::parse(
        {QStringLiteral("threatdesk-sandbox"), QStringLiteral("--service-app"),
         OtherClientId + QStringLiteral(":") + dir.filePath(QStringLiteral("missing.json"))});
    QVERIFY(bad.error.startsWith(QStringLiteral("--service-app:")));
    const SandboxCommandLine::Result badScope = SandboxCommandLine::parse(
        {QStringLiteral("threatdesk-sandbox"), QStringLiteral("--service-app"),
         OtherClientId + QStringLiteral(":") + path + QStringLiteral(":okta.users.read")});
    QVERIFY(!badScope.error.isEmpty());

    const SandboxCommandLine::Result parsed =
        SandboxCommandLine::parse({QStringLiteral("threatdesk-sandbox"), QStringLiteral("--require-dpop"),
                                   QStringLiteral("--service-app"),
                                   OtherClientId + QStringLiteral(":") + path +
                                       QStringLiteral(":okta.logs.read,okta.networkZones.read")});
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QVERIFY(parsed.options.requireDpop);
    QCOMPARE(parsed.options.serviceApps.size(), 1);
    QCOMPARE(parsed.options.serviceApps.at(0).clientId, OtherClientId);
    QCOMPARE(parsed.options.serviceApps.at(0).allowedScopes,
             QStringList({QStringLiteral("okta.logs.read"), QStringLiteral("okta.networkZones.read")}));
    QVERIFY(SandboxCommandLine::helpText().contains(QStringLiteral("--service-app")));
    QVERIFY(SandboxCommandLine::helpText().contains(QStringLiteral("--require-dpop")));

    SandboxOptions options = parsed.options;
    options.requireDpop = false;
    const auto server = startServer(options);
    QVERIFY(server->isListening());
    QCOMPARE(requestToken(*server, sign(claimsFor(*server, OtherClientId), *m_rsaKey),
                          QStringLiteral("okta.logs.read"))
                 .status,
             200);
    QCOMPARE(requestToken(*server, sign(claimsFor(*server, OtherClientId), *m_rsaKey),
                          QStringLiteral("okta.riskEvents.manage"))
                 .text("error"),
             QStringLiteral("invalid_scope"));
}

void TestSandboxOAuth::dpopRequired() {
    SandboxOptions options;
    options.requireDpop = true;
    const auto server = startServer(options);
    QVERIFY(server->registerServiceApp(SandboxServer::RiskProviderClientId, m_rsaKey->publicJwk()));
    DpopProofBuilder dpop;
    QVERIFY(dpop.isValid());
    dpop.setClock([this] { return nowSeconds(); });
    const auto assertion = [&] {
        return sign(claimsFor(*server, SandboxServer::RiskProviderClientId), *m_rsaKey);
    };
    const QString scope = QStringLiteral("okta.logs.read");

    // 1. No proof at all.
    HttpResult result = requestToken(*server, assertion(), scope);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.text("error"), QStringLiteral("invalid_dpop_proof"));
    // 2. A proof without the server's nonce: told to use one.
    result = requestToken(*server, assertion(), scope, dpop.proof("POST", server->tokenEndpoint()));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.text("error"), QStringLiteral("use_dpop_nonce"));
    const QString nonce = QString::fromLatin1(result.header("DPoP-Nonce"));
    QVERIFY(!nonce.isEmpty());
    // A proof for another URL, or signed wrongly, is not a proof.
    result =
        requestToken(*server, assertion(), scope,
                     dpop.proof("POST", QUrl(server->baseUrl().toString() + "/oauth2/v1/authorize"), nonce));
    QCOMPARE(result.text("error"), QStringLiteral("invalid_dpop_proof"));
    QVERIFY(result.text("error_description").contains(QStringLiteral("htu")));
    result = requestToken(*server, assertion(), scope, dpop.proof("GET", server->tokenEndpoint(), nonce));
    QCOMPARE(result.text("error"), QStringLiteral("invalid_dpop_proof"));
    QByteArray forged = dpop.proof("POST", server->tokenEndpoint(), nonce);
    forged.chop(4);
    forged += "AAAA";
    result = requestToken(*server, assertion(), scope, forged);
    QCOMPARE(result.text("error"), QStringLiteral("invalid_dpop_proof"));
    // 3. With the nonce: a DPoP-bound token.
    const QByteArray tokenProof = dpop.proof("POST", server->tokenEndpoint(), nonce);
    result = requestToken(*server, assertion(), scope, tokenProof);
    QVERIFY2(result.status == 200, result.body.constData());
    QCOMPARE(result.text("token_type"), QStringLiteral("DPoP"));
    const QString token = result.text("access_token");
    // A replayed proof is refused.
    QCOMPARE(requestToken(*server, assertion(), scope, tokenProof).text("error"),
             QStringLiteral("invalid_dpop_proof"));

    const QUrl logs(server->baseUrl().toString() + QStringLiteral("/api/v1/logs"));
    const QByteArray scheme = "DPoP " + token.toLatin1();
    QCOMPARE(
        api(*server, "GET", QStringLiteral("/api/v1/logs"), scheme, {}, dpop.proof("GET", logs, {}, token))
            .status,
        200);
    // Bad ath: a proof made for another access token.
    result = api(*server, "GET", QStringLiteral("/api/v1/logs"), scheme, {},
                 dpop.proof("GET", logs, {}, QStringLiteral("some-other-token")));
    QCOMPARE(result.status, 401);
    QCOMPARE(result.object().value(QStringLiteral("errorCode")).toString(), QStringLiteral("E0000011"));
    QVERIFY(result.object()
                .value(QStringLiteral("errorCauses"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("errorSummary"))
                .toString()
                .contains(QStringLiteral("ath")));
    // No proof, the Bearer scheme, or a proof by another key: all 401.
    QCOMPARE(api(*server, "GET", QStringLiteral("/api/v1/logs"), scheme).status, 401);
    QCOMPARE(api(*server, "GET", QStringLiteral("/api/v1/logs"), "Bearer " + token.toLatin1(), {},
                 dpop.proof("GET", logs, {}, token))
                 .status,
             401);
    DpopProofBuilder stranger;
    stranger.setClock([this] { return nowSeconds(); });
    QCOMPARE(api(*server, "GET", QStringLiteral("/api/v1/logs"), scheme, {},
                 stranger.proof("GET", logs, {}, token))
                 .status,
             401);
    // Wrong method in the proof.
    QCOMPARE(
        api(*server, "GET", QStringLiteral("/api/v1/logs"), scheme, {}, dpop.proof("POST", logs, {}, token))
            .status,
        401);
    // Scopes still apply to DPoP tokens.
    const QUrl zones(server->baseUrl().toString() + QStringLiteral("/api/v1/zones"));
    QCOMPARE(
        api(*server, "GET", QStringLiteral("/api/v1/zones"), scheme, {}, dpop.proof("GET", zones, {}, token))
            .status,
        403);

    // Nonces expire: an old one earns a fresh use_dpop_nonce.
    m_nowMs += 301 * 1000;
    result = requestToken(*server, assertion(), scope, dpop.proof("POST", server->tokenEndpoint(), nonce));
    QCOMPARE(result.text("error"), QStringLiteral("use_dpop_nonce"));
    QVERIFY(!result.header("DPoP-Nonce").isEmpty());
    QVERIFY(result.header("DPoP-Nonce") != nonce.toLatin1());
}

QTEST_GUILESS_MAIN(TestSandboxOAuth)
#include "TestSandboxOAuth.moc"
