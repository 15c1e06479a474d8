// The client's OAuth provider against the sandbox's token endpoint over loopback: the two were
// written independently (models/auth and app/sandbox), so this is where they must agree.
#include "SandboxServer.h"
#include "api/OAuthAuthProvider.h"
#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/PagedListJob.h"
#include "auth/SigningKey.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class TestOAuthAgainstSandbox : public QObject {
    Q_OBJECT

private:
    struct Org {
        explicit Org(SandboxOptions options)
            : server(std::move(options))
            , client(&nam) {}
        SandboxServer server;
        QNetworkAccessManager nam;
        OktaClient client;
    };

    static OAuthAuthProvider::Options optionsFor(const QString& clientId, const QStringList& scopes) {
        OAuthAuthProvider::Options options;
        options.clientId = clientId;
        options.scopes = scopes;
        options.transferTimeoutMs = 10000;
        return options;
    }

    // Starts the org and signs in with the sandbox's seeded demo service app.
    static std::shared_ptr<OAuthAuthProvider>
    connect(Org& org, const QStringList& scopes,
            const QString& clientId = SandboxServer::RiskProviderClientId) {
        QString error;
        if (!org.server.start(&error) || !org.client.setBaseUrl(org.server.baseUrl().toString(), &error))
            qFatal("sandbox: %s", qPrintable(error));
        const auto key = SigningKey::fromJwk(SandboxServer::demoServiceAppPrivateJwk(), &error);
        if (!key)
            qFatal("demo key: %s", qPrintable(error));
        auto provider = std::make_shared<OAuthAuthProvider>(&org.nam, org.server.baseUrl(), *key,
                                                            optionsFor(clientId, scopes));
        org.client.setAuthProvider(provider);
        return provider;
    }

    static OktaResult await(OktaJob* job) {
        QSignalSpy spy(job, &OktaJob::finished);
        if (!spy.wait(20000))
            qFatal("no answer");
        return spy.at(0).at(0).value<OktaResult>();
    }

private slots:
    void bearerTokenReadsThreatInsight() {
        Org org(SandboxOptions{});
        auto provider = connect(org, {QStringLiteral("okta.threatInsights.read")});
        const OktaResult result = await(org.client.getThreatInsightConfiguration());
        QVERIFY2(result.isSuccess(), qPrintable(result.describe()));
        QCOMPARE(provider->grantedScopes(), QStringList{QStringLiteral("okta.threatInsights.read")});
        QVERIFY(!provider->usesDpop());
        // The scope it lacks: Okta's 403, not a crash or a silent success.
        const OktaResult zones = await(org.client.listZones());
        QCOMPARE(zones.httpStatus, 403);
        QCOMPARE(zones.error.errorCode, QStringLiteral("E0000006"));
    }

    void dpopRequiredNegotiatesProofAndNonce() {
        SandboxOptions options;
        options.requireDpop = true;
        Org org(options);
        auto provider = connect(
            org, {QStringLiteral("okta.threatInsights.read"), QStringLiteral("okta.riskEvents.manage")});
        const OktaResult result = await(org.client.getThreatInsightConfiguration());
        QVERIFY2(result.isSuccess(), qPrintable(result.describe()));
        QVERIFY(provider->usesDpop());
        const OktaResult sent = await(org.client.sendRiskEvents(
            R"([{"subjects":[{"ip":"185.220.101.1","riskLevel":"HIGH","message":"dpop"}]}])"));
        QVERIFY2(sent.isSuccess(), qPrintable(sent.describe()));
        QCOMPARE(sent.httpStatus, 202);
        QCOMPARE(org.server.acceptedRiskSubjects().size(), 1);
    }

    void scopeTheAppLacksIsExplained() {
        SandboxOptions options;
        Org org(options);
        QString error;
        QVERIFY(org.server.start(&error));
        // An app allowed to read ThreatInsight only, asking for more.
        auto key = SigningKey::generateEcP256(&error);
        QVERIFY(key);
        key->setKeyId(QStringLiteral("reader"));
        QVERIFY(org.server.registerServiceApp(QStringLiteral("0oaReaderOnly"), key->publicJwk(),
                                              {QStringLiteral("okta.threatInsights.read")}, &error));
        QVERIFY(org.client.setBaseUrl(org.server.baseUrl().toString(), &error));
        auto provider = std::make_shared<OAuthAuthProvider>(
            &org.nam, org.server.baseUrl(), *key,
            optionsFor(QStringLiteral("0oaReaderOnly"), {QStringLiteral("okta.threatInsights.read"),
                                                         QStringLiteral("okta.riskEvents.manage")}));
        org.client.setAuthProvider(provider);
        const OktaResult result = await(org.client.getThreatInsightConfiguration());
        QCOMPARE(result.outcome, OktaResult::Outcome::NotSent);
        QVERIFY2(result.detail.contains(QStringLiteral("okta.riskEvents.manage")), qPrintable(result.detail));
    }

    void unknownKeyIsInvalidClient() {
        Org org(SandboxOptions{});
        QString error;
        QVERIFY(org.server.start(&error));
        QVERIFY(org.client.setBaseUrl(org.server.baseUrl().toString(), &error));
        // A key Okta does not know for this client id: the admin must check the uploaded key.
        const auto stranger = SigningKey::generateEcP256(&error);
        QVERIFY(stranger);
        auto provider = std::make_shared<OAuthAuthProvider>(
            &org.nam, org.server.baseUrl(), *stranger,
            optionsFor(SandboxServer::RiskProviderClientId, {QStringLiteral("okta.threatInsights.read")}));
        org.client.setAuthProvider(provider);
        QSignalSpy failed(provider.get(), &OAuthAuthProvider::tokenFailed);
        const OktaResult result = await(org.client.getThreatInsightConfiguration());
        QCOMPARE(result.outcome, OktaResult::Outcome::NotSent);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(result.detail.contains(QStringLiteral("key"), Qt::CaseInsensitive),
                 qPrintable(result.detail));
    }
};

QTEST_GUILESS_MAIN(TestOAuthAgainstSandbox)
#include "TestOAuthAgainstSandbox.moc"
