// HttpTrace: the redaction rules of the "threatdesk.http" debug log, and a real SSWS and OAuth
// (private_key_jwt + DPoP) exchange with the in-process sandbox org that logs every request and
// answer, but none of the secrets that travelled (API token, client assertion, access token,
// DPoP proofs, private key).
#include "SandboxServer.h"
#include "api/HttpTrace.h"
#include "api/OAuthAuthProvider.h"
#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/SswsAuthProvider.h"
#include "auth/SigningKey.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace {
// Every message of every category while installed.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void collect(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "default") +
                     QLatin1String(": ") + message);
    }
    if (type != QtDebugMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

// Records what really went over the wire (headers and token request bodies), so the test knows
// the secrets it must not find in the log, including those made on the fly.
class RecordingNetworkAccessManager : public QNetworkAccessManager {
public:
    QList<QByteArray> authorizations;
    QList<QByteArray> dpopProofs;
    QList<QByteArray> bodies;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override {
        if (request.hasRawHeader("Authorization"))
            authorizations.append(request.rawHeader("Authorization"));
        if (request.hasRawHeader("DPoP"))
            dpopProofs.append(request.rawHeader("DPoP"));
        if (data && !data->isSequential())
            bodies.append(data->peek(data->size()));
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

OktaResult await(OktaJob* job) {
    QSignalSpy spy(job, &OktaJob::finished);
    if (!spy.wait(30000))
        qFatal("no answer");
    return spy.at(0).at(0).value<OktaResult>();
}

// The secret part of "Scheme secret".
QByteArray credentialOf(const QByteArray& authorization) {
    return authorization.mid(authorization.indexOf(' ') + 1);
}

QString formValue(const QByteArray& body, const QByteArray& name) {
    for (const QByteArray& field : body.split('&')) {
        if (field.startsWith(name + '='))
            return QUrl::fromPercentEncoding(field.mid(name.size() + 1));
    }
    return {};
}
} // namespace

class TestHttpTrace : public QObject {
    Q_OBJECT

private slots:
    void categoryIsOffByDefault();
    void authorizationKeepsOnlyTheScheme_data();
    void authorizationKeepsOnlyTheScheme();
    void otherSecretHeaders();
    void formFields_data();
    void formFields();
    void jsonMembers();
    void jsonThatIsNotJson();
    void urls();
    void realExchangesLogNoSecret();
};

void TestHttpTrace::categoryIsOffByDefault() {
    QCOMPARE(QByteArray(HttpTrace::category().categoryName()), QByteArray("threatdesk.http"));
    // Off unless someone asked for it (QT_LOGGING_RULES or a logging configuration file).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES") && qEnvironmentVariableIsEmpty("QT_LOGGING_CONF"))
        QVERIFY(!HttpTrace::category().isDebugEnabled());
    QVERIFY(HttpTrace::category().isWarningEnabled());
}

void TestHttpTrace::authorizationKeepsOnlyTheScheme_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("SSWS") << QByteArray("SSWS 00abcDEF-secret_token") << QByteArray("SSWS <redacted>");
    QTest::newRow("Bearer") << QByteArray("Bearer eyJhbGciOi.payload.sig") << QByteArray("Bearer <redacted>");
    QTest::newRow("DPoP") << QByteArray("DPoP eyJhbGciOi.payload.sig") << QByteArray("DPoP <redacted>");
    QTest::newRow("Basic") << QByteArray("Basic dXNlcjpwYXNz") << QByteArray("Basic <redacted>");
    QTest::newRow("no scheme") << QByteArray("justasecret") << QByteArray("<redacted>");
    QTest::newRow("padded") << QByteArray("  SSWS   tok  ") << QByteArray("SSWS <redacted>");
    QTest::newRow("empty") << QByteArray() << QByteArray("<redacted>");
}

void TestHttpTrace::authorizationKeepsOnlyTheScheme() {
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpTrace::redactHeader("Authorization", value), expected);
    QCOMPARE(HttpTrace::redactHeader("authorization", value), expected);
    QCOMPARE(HttpTrace::redactHeader("Proxy-Authorization", value), expected);
}

void TestHttpTrace::otherSecretHeaders() {
    QCOMPARE(HttpTrace::redactHeader("DPoP", "eyJ0eXAiOiJkcG9wK2p3dCJ9.e30.sig"), QByteArray("<redacted>"));
    QCOMPARE(HttpTrace::redactHeader("Cookie", "sid=abc"), QByteArray("<redacted>"));
    QCOMPARE(HttpTrace::redactHeader("Set-Cookie", "sid=abc; Secure"), QByteArray("<redacted>"));
    // Everything else is kept: it is what a debug log is for.
    QCOMPARE(HttpTrace::redactHeader("Accept", "application/json"), QByteArray("application/json"));
    QCOMPARE(HttpTrace::redactHeader("X-Rate-Limit-Remaining", "29"), QByteArray("29"));
    QCOMPARE(HttpTrace::redactHeader("DPoP-Nonce", "n-123"), QByteArray("n-123"));
}

void TestHttpTrace::formFields_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("token request")
        << QByteArray("grant_type=client_credentials&scope=okta.logs.read&client_assertion_type=urn%3Aietf%"
                      "3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=eyJ.eyJ.sig")
        << QByteArray("grant_type=client_credentials&scope=okta.logs.read&client_assertion_type=urn%3Aietf%"
                      "3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=<redacted>");
    QTest::newRow("jwt bearer grant")
        << QByteArray("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJ.x.y")
        << QByteArray(
               "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=<redacted>");
    QTest::newRow("secret, refresh and access tokens")
        << QByteArray("client_secret=s3cr3t&refresh_token=r1&access_token=a1&client_id=0oa1")
        << QByteArray(
               "client_secret=<redacted>&refresh_token=<redacted>&access_token=<redacted>&client_id=0oa1");
    QTest::newRow("encoded name") << QByteArray("client%5Fsecret=s3cr3t")
                                  << QByteArray("client%5Fsecret=<redacted>");
    QTest::newRow("field without value")
        << QByteArray("client_secret&x=1") << QByteArray("client_secret=<redacted>&x=1");
    QTest::newRow("nothing secret") << QByteArray("grant_type=client_credentials")
                                    << QByteArray("grant_type=client_credentials");
}

void TestHttpTrace::formFields() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpTrace::redactForm(body), expected);
}

void TestHttpTrace::jsonMembers() {
    const QByteArray answer = R"({"token_type":"DPoP","expires_in":3600,"access_token":"eyJsecret",)"
                              R"("scope":"okta.logs.read","refresh_token":"r-secret","id_token":"i-secret"})";
    const QByteArray redacted = HttpTrace::redactJson(answer);
    for (const char* secret : {"eyJsecret", "r-secret", "i-secret"})
        QVERIFY2(!redacted.contains(secret), redacted.constData());
    QVERIFY(redacted.contains(R"("access_token":"<redacted>")"));
    QVERIFY(redacted.contains(R"("scope":"okta.logs.read")"));
    QVERIFY(redacted.contains(R"("expires_in":3600)"));

    // At any depth, in arrays too; a private JWK loses its private members.
    const QByteArray nested =
        R"([{"keys":[{"kty":"EC","crv":"P-256","x":"pubX","y":"pubY","d":"privD"}]},{"a":{"client_secret":"cs"}}])";
    const QByteArray nestedRedacted = HttpTrace::redactJson(nested);
    QVERIFY2(!nestedRedacted.contains("privD") && !nestedRedacted.contains("\"cs\""),
             nestedRedacted.constData());
    QVERIFY(nestedRedacted.contains("pubX"));

    // Okta's error bodies stay readable.
    const QByteArray error =
        R"({"errorCode":"E0000011","errorSummary":"Invalid token provided","errorCauses":[]})";
    QCOMPARE(QJsonDocument::fromJson(HttpTrace::redactJson(error)), QJsonDocument::fromJson(error));
}

void TestHttpTrace::jsonThatIsNotJson() {
    // Truncated or garbled text cannot be redacted reliably: only its size is logged.
    const QByteArray broken = R"({"access_token":"eyJsecret","tok)";
    QCOMPARE(HttpTrace::redactJson(broken), QByteArray("(") + QByteArray::number(broken.size()) + " bytes)");
    QCOMPARE(HttpTrace::redactJson("access_token=abc"), QByteArray("(16 bytes)"));
}

void TestHttpTrace::urls() {
    QCOMPARE(
        HttpTrace::redactUrl(QUrl(QStringLiteral("https://acme.okta.com/api/v1/zones?limit=200&after=x"))),
        QStringLiteral("https://acme.okta.com/api/v1/zones?limit=200&after=x"));
    const QString redacted = HttpTrace::redactUrl(
        QUrl(QStringLiteral("https://user:pw@acme.okta.com/cb?access_token=abc&state=1")));
    QVERIFY2(!redacted.contains(QLatin1String("pw")) && !redacted.contains(QLatin1String("abc")),
             qPrintable(redacted));
    QVERIFY2(redacted.contains(QLatin1String("state=1")), qPrintable(redacted));
}

void TestHttpTrace::realExchangesLogNoSecret() {
    SandboxOptions options;
    options.token = QStringLiteral("trace-") + QUuid::createUuid().toString(QUuid::Id128);
    options.requireDpop = true;
    SandboxServer sandbox(options);
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));

    QLoggingCategory::setFilterRules(QStringLiteral("threatdesk.http.debug=true"));
    g_log.clear();
    g_previousHandler = qInstallMessageHandler(collect);
    auto restore = qScopeGuard([] {
        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
    });

    RecordingNetworkAccessManager nam;
    // SSWS: a read and a 401 with a wrong token.
    {
        OktaClient client(&nam);
        QVERIFY(client.setBaseUrl(sandbox.baseUrl().toString(), &error));
        client.setAuthProvider(std::make_shared<SswsAuthProvider>(options.token));
        QVERIFY2(await(client.getThreatInsightConfiguration()).isSuccess(), "SSWS read failed");
        client.setAuthProvider(std::make_shared<SswsAuthProvider>(QStringLiteral("wrong-") + options.token));
        QCOMPARE(await(client.getThreatInsightConfiguration()).httpStatus, 401);
    }
    // OAuth: private_key_jwt with the sandbox's demo app; the org requires DPoP with a nonce.
    const QJsonObject privateJwk = SandboxServer::demoServiceAppPrivateJwk();
    {
        OktaClient client(&nam);
        QVERIFY(client.setBaseUrl(sandbox.baseUrl().toString(), &error));
        const auto key = SigningKey::fromJwk(privateJwk, &error);
        QVERIFY2(key, qPrintable(error));
        OAuthAuthProvider::Options oauth;
        oauth.clientId = SandboxServer::RiskProviderClientId;
        oauth.scopes = QStringList{QStringLiteral("okta.threatInsights.read")};
        auto provider = std::make_shared<OAuthAuthProvider>(&nam, client.baseUrl(), *key, oauth);
        client.setAuthProvider(provider);
        const OktaResult result = await(client.getThreatInsightConfiguration());
        QVERIFY2(result.isSuccess(), qPrintable(result.describe()));
        QVERIFY(provider->usesDpop());
    }

    // What travelled: the token, the wrong token, client assertions, the DPoP access token and
    // proofs. The log must hold none of it.
    QByteArrayList secrets{options.token.toUtf8(), privateJwk.value(QStringLiteral("d")).toString().toUtf8()};
    for (const QByteArray& authorization : std::as_const(nam.authorizations))
        secrets.append(credentialOf(authorization));
    secrets += nam.dpopProofs;
    for (const QByteArray& body : std::as_const(nam.bodies)) {
        const QString assertion = formValue(body, "client_assertion");
        if (!assertion.isEmpty())
            secrets.append(assertion.toUtf8());
    }
    QVERIFY(nam.authorizations.size() >= 3);
    QVERIFY2(nam.dpopProofs.size() >= 2, "the sandbox did not make the client use DPoP");
    QVERIFY2(nam.authorizations.last().startsWith("DPoP "), nam.authorizations.last().constData());
    QVERIFY2(secrets.size() >= 6, "too few secrets were seen to make this test meaningful");

    QStringList trace;
    {
        QMutexLocker lock(&g_logMutex);
        trace = g_log;
    }
    const QString text = trace.join(QLatin1Char('\n'));
    for (const QByteArray& secret : std::as_const(secrets)) {
        QVERIFY(secret.size() >= 16);
        // Whole, or any 16-character piece of it (a truncated or split line would still leak).
        for (qsizetype i = 0; i + 16 <= secret.size(); i += 8)
            QVERIFY2(!text.contains(QString::fromUtf8(secret.mid(i, 16))),
                     qPrintable(QStringLiteral("a secret (%1...) is in the debug log:\n%2")
                                    .arg(QString::fromUtf8(secret.left(6)), text)));
    }

    // And the log is not empty: each request and answer is there, with the schemes.
    auto contains = [&](const QString& what) {
        return text.contains(what);
    };
    QVERIFY2(contains(QStringLiteral("threatdesk.http: -> GET ") + sandbox.baseUrl().toString() +
                      QStringLiteral("/api/v1/threats/configuration")),
             qPrintable(text));
    QVERIFY2(contains(QStringLiteral("Authorization: SSWS <redacted>")), qPrintable(text));
    QVERIFY2(contains(QStringLiteral("Authorization: DPoP <redacted>")), qPrintable(text));
    QVERIFY2(contains(QStringLiteral("DPoP: <redacted>")), qPrintable(text));
    QVERIFY2(contains(QStringLiteral("client_assertion=<redacted>")), qPrintable(text));
    QVERIFY2(contains(QStringLiteral("-> POST ") + sandbox.baseUrl().toString() +
                      QStringLiteral("/oauth2/v1/token")),
             qPrintable(text));
    QVERIFY2(contains(QStringLiteral("<- 401 GET")), qPrintable(text));
    QVERIFY2(contains(QStringLiteral("<- 200 POST")), qPrintable(text));
    QVERIFY2(contains(QStringLiteral("X-Okta-Request-Id: ")), qPrintable(text));
    QVERIFY2(contains(QStringLiteral("X-Rate-Limit-Remaining: ")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestHttpTrace)
#include "TestHttpTrace.moc"
