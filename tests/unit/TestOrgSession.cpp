// OrgSession against the in-process sandbox org (GuiTestOrg): opening the sandbox and stored
// profiles, the failure paths of the keychain, switching orgs, the connection test of the
// profile dialog and the labels and budget the status bar shows.
#include "GuiTestOrg.h"
#include "SandboxServer.h"
#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "auth/SigningKey.h"
#include "profiles/ProfileStore.h"
#include "profiles/ScopeSets.h"
#include "secrets/MemorySecretStore.h"
#include "session/OrgSession.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int WaitMs = 5000;

// What testConnection() answered, once it has.
struct TestAnswer {
    int calls = 0;
    bool ok = false;
    QString message;
};

// Runs a read through the secret store and waits for its answer: answers come in the order the
// calls were made, so every earlier keychain answer has been delivered too.
bool drainSecretStore(SecretStore* secrets) {
    bool done = false;
    secrets->checkAvailable(nullptr, [&done](const SecretResult&) { done = true; });
    return QTest::qWaitFor([&done] { return done; }, WaitMs);
}

OktaResult await(OktaJob* job) {
    QSignalSpy spy(job, &OktaJob::finished);
    if (!spy.wait(WaitMs))
        return {};
    return spy.at(0).at(0).value<OktaResult>();
}

} // namespace

class TestOrgSession : public QObject {
    Q_OBJECT

    // A stored API-token profile for acme.okta.com (the store refuses loopback URLs for user
    // profiles), optionally with its token in the secret store.
    static QString addTokenProfile(GuiTestOrg& org, const QString& name, const QByteArray& token = {}) {
        OrgProfile profile;
        profile.displayName = name;
        profile.orgUrl = QStringLiteral("acme.okta.com");
        QString error;
        const QString id = org.profiles()->add(profile, &error);
        if (id.isEmpty())
            qFatal("add: %s", qPrintable(error));
        if (!token.isEmpty()) {
            bool written = false;
            org.secrets()->write(id, SecretKind::ApiToken, token, nullptr,
                                 [&written](const SecretResult& result) { written = result.ok; });
            if (!QTest::qWaitFor([&written] { return written; }, WaitMs))
                qFatal("the token was not written");
        }
        return id;
    }

    // Points a stored profile at the running sandbox by editing the settings file directly, as
    // tests/integration/TestCli.cpp does: the store itself never accepts a loopback URL.
    static void pointAtSandbox(GuiTestOrg& org, const QString& id) {
        org.settings()->setValue(QStringLiteral("profiles/%1/orgUrl").arg(id),
                                 org.sandbox()->baseUrl().toString());
        org.settings()->sync();
    }

    static bool openSandboxAndWait(GuiTestOrg& org) {
        org.openSandbox();
        return QTest::qWaitFor([&org] { return org.session()->state() == OrgSession::State::Open; }, WaitMs);
    }

    static TestAnswer runTest(OrgSession* session, const OrgProfile& profile, const QByteArray& secret,
                              const QObject* context) {
        TestAnswer answer;
        session->testConnection(profile, secret, context, [&answer](bool ok, const QString& message) {
            ++answer.calls;
            answer.ok = ok;
            answer.message = message;
        });
        if (answer.calls != 0)
            qFatal("testConnection answered from inside the call");
        if (!QTest::qWaitFor([&answer] { return answer.calls > 0; }, WaitMs))
            qWarning("testConnection did not answer in time");
        return answer;
    }

private slots:
    void startsClosed();
    void opensTheSandbox();
    void lastRateLimitFollowsTheExchanges();
    void sandboxThatCannotStartFails();
    void unknownProfileFails();
    void missingSecretFailsNamingProfileAndKeychain();
    void unreadableKeychainFails();
    void proxyFollowsTheProfile();
    void opensATokenProfileFromTheKeychain();
    void wrongStoredTokenOpensButCallsAreRefused();
    void switchingAnnouncesClosingBeforeTheClientGoes();
    void staleKeychainAnswerIsIgnored();
    void closeDropsTheClient();
    void openLastUsed();
    void labels();
    void testConnectionWithGoodAndBadToken();
    void testConnectionWithOAuthServiceApp();
    void testConnectionRefusesUnusableInput_data();
    void testConnectionRefusesUnusableInput();
    void testConnectionAnswerDroppedWithItsContext();
};
void TestOrgSession::startsClosed() {
    GuiTestOrg org;
    QVERIFY(org.isValid());
    QCOMPARE(org.session()->state(), OrgSession::State::Closed);
    QVERIFY(org.session()->client() == nullptr);
    QCOMPARE(org.session()->orgLabel(), QStringLiteral("No org"));
    QVERIFY(org.session()->authMethodLabel().isEmpty());
    QVERIFY(!org.session()->lastRateLimit().hasBudget());
    QCOMPARE(org.session()->profiles(), org.profiles());
    QCOMPARE(static_cast<SecretStore*>(org.session()->secrets()), static_cast<SecretStore*>(org.secrets()));
}

void TestOrgSession::opensTheSandbox() {
    GuiTestOrg org;
    OrgSession* session = org.session();
    QSignalSpy states(session, &OrgSession::stateChanged);
    QSignalSpy opened(session, &OrgSession::opened);
    QSignalSpy failed(session, &OrgSession::failed);
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Open, WaitMs);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<OrgSession::State>(), OrgSession::State::Opening);
    QCOMPARE(states.at(1).at(0).value<OrgSession::State>(), OrgSession::State::Open);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(session->errorMessage().isEmpty());
    QVERIFY(session->profile().isSandbox());
    QVERIFY(org.sandbox() != nullptr);

    OktaClient* client = session->client();
    QVERIFY(client != nullptr);
    QCOMPARE(client->baseUrl(), org.sandbox()->baseUrl());
    const OktaResult result = await(client->getThreatInsightConfiguration());
    QVERIFY2(result.isSuccess(), qPrintable(result.describe()));
    QCOMPARE(result.body.object().value(QStringLiteral("action")).toString(),
             org.sandbox()->threatInsightConfiguration().value(QStringLiteral("action")).toString());
    QCOMPARE(org.profiles()->lastUsedProfileId(), QString::fromLatin1(OrgProfile::SandboxId));
}

void TestOrgSession::lastRateLimitFollowsTheExchanges() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    OrgSession* session = org.session();
    QVERIFY(!session->lastRateLimit().hasBudget());
    QSignalSpy exchanges(session, &OrgSession::exchangeFinished);

    const OktaResult first = await(session->client()->getThreatInsightConfiguration());
    QVERIFY2(first.isSuccess(), qPrintable(first.describe()));
    QCOMPARE(exchanges.size(), 1);
    QVERIFY(session->lastRateLimit().hasBudget());
    QCOMPARE(session->lastRateLimit().remaining, first.rateLimit.remaining);
    QCOMPARE(session->lastRateLimitPath(), QStringLiteral("/api/v1/threats/configuration"));
    const int remainingAfterFirst = *session->lastRateLimit().remaining;

    // A second call of the same bucket spends one more request of it.
    const OktaResult second = await(session->client()->getThreatInsightConfiguration());
    QVERIFY(second.isSuccess());
    QCOMPARE(exchanges.size(), 2);
    QCOMPARE(session->lastRateLimit().remaining, second.rateLimit.remaining);
    QVERIFY(*session->lastRateLimit().remaining <= remainingAfterFirst ||
            session->lastRateLimit().resetEpochSeconds != first.rateLimit.resetEpochSeconds);

    // Another endpoint family: the budget shown follows the last answer.
    const OktaResult zones = await(session->client()->getZone(
        SandboxServer::seedZones().first().value(QStringLiteral("id")).toString()));
    QVERIFY2(zones.isSuccess(), qPrintable(zones.describe()));
    QVERIFY(session->lastRateLimitPath().startsWith(QLatin1String("/api/v1/zones/")));
    QCOMPARE(session->lastRateLimit().limit, zones.rateLimit.limit);
}

void TestOrgSession::sandboxThatCannotStartFails() {
    QTemporaryDir dir;
    SandboxOptions options;
    options.stateFile = dir.filePath(QStringLiteral("state.json"));
    QFile state(options.stateFile);
    QVERIFY(state.open(QIODevice::WriteOnly));
    state.write("{ this is not JSON");
    state.close();
    GuiTestOrg org(options);
    QSignalSpy failed(org.session(), &OrgSession::failed);
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Failed, WaitMs);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(org.session()->errorMessage().startsWith(QLatin1String("The sandbox org could not start: ")),
             qPrintable(org.session()->errorMessage()));
    QVERIFY(org.session()->client() == nullptr);
    QVERIFY(org.sandbox() == nullptr);
}

void TestOrgSession::unknownProfileFails() {
    GuiTestOrg org;
    OrgSession* session = org.session();
    QSignalSpy failed(session, &OrgSession::failed);
    QSignalSpy opened(session, &OrgSession::opened);
    session->open(QStringLiteral("no-such-profile"));
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Failed, WaitMs);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(opened.size(), 0);
    const QString reason = failed.at(0).at(0).toString();
    QCOMPARE(session->errorMessage(), reason);
    QVERIFY2(reason.contains(QLatin1String("no-such-profile")), qPrintable(reason));
    QVERIFY(session->client() == nullptr);
}

void TestOrgSession::missingSecretFailsNamingProfileAndKeychain() {
    GuiTestOrg org;
    const QString id = addTokenProfile(org, QStringLiteral("Acme without token"));
    OrgSession* session = org.session();
    QSignalSpy failed(session, &OrgSession::failed);
    session->open(id);
    // The keychain answers later: the session says it is opening meanwhile.
    QCOMPARE(session->state(), OrgSession::State::Opening);
    QVERIFY(session->client() == nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Failed, WaitMs);
    QCOMPARE(failed.size(), 1);
    const QString reason = session->errorMessage();
    QVERIFY2(reason.contains(QLatin1String("Acme without token")), qPrintable(reason));
    QVERIFY2(reason.contains(QLatin1String("keychain")), qPrintable(reason));
    QVERIFY2(reason.contains(QLatin1String("API token")), qPrintable(reason));
    QVERIFY(session->client() == nullptr);
    // A profile that failed is not the one to reopen at the next start.
    QVERIFY(org.profiles()->lastUsedProfileId() != id);
}

void TestOrgSession::proxyFollowsTheProfile() {
    GuiTestOrg org;
    OrgProfile direct;
    direct.displayName = QStringLiteral("Acme direct");
    direct.orgUrl = QStringLiteral("acme.okta.com");
    direct.useSystemProxy = false;
    QString error;
    const QString directId = org.profiles()->add(direct, &error);
    QVERIFY2(!directId.isEmpty(), qPrintable(error));
    const QString proxiedId = addTokenProfile(org, QStringLiteral("Acme proxied"), "a-token");
    OrgSession* session = org.session();
    session->open(directId);
    QCOMPARE(session->networkAccessManager()->proxy().type(), QNetworkProxy::NoProxy);
    session->open(proxiedId);
    QCOMPARE(session->networkAccessManager()->proxy().type(), QNetworkProxy::DefaultProxy);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Open, WaitMs);
    // Reopening the open profile by its own id (Reconnect) works although close() clears it.
    session->open(session->profile().id);
    QTRY_VERIFY2_WITH_TIMEOUT(session->state() == OrgSession::State::Open,
                              qPrintable(session->errorMessage()), WaitMs);
    QCOMPARE(session->profile().id, proxiedId);
    session->close();
    // Closed: the old org's name is gone from the labels.
    QCOMPARE(session->orgLabel(), QStringLiteral("No org"));
    QVERIFY(session->profile().id.isEmpty());
}

void TestOrgSession::unreadableKeychainFails() {
    GuiTestOrg org;
    const QString id = addTokenProfile(org, QStringLiteral("Acme locked"), "a-token");
    org.secrets()->setForcedError(SecretError::Unavailable);
    org.session()->open(id);
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Failed, WaitMs);
    const QString reason = org.session()->errorMessage();
    QVERIFY2(reason.contains(QLatin1String("Acme locked")), qPrintable(reason));
    QVERIFY2(reason.contains(QLatin1String("keychain")), qPrintable(reason));
    // The store's own reason is passed on.
    QVERIFY2(reason.contains(QLatin1String("Simulated secret store failure")), qPrintable(reason));
}

void TestOrgSession::opensATokenProfileFromTheKeychain() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org)); // starts the sandbox, whose URL the profile then uses
    const QString id =
        addTokenProfile(org, QStringLiteral("Acme via sandbox"), org.sandbox()->token().toUtf8());
    pointAtSandbox(org, id);
    OrgSession* session = org.session();
    QSignalSpy states(session, &OrgSession::stateChanged);
    session->open(id);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Open, WaitMs);
    QCOMPARE(states.at(0).at(0).value<OrgSession::State>(), OrgSession::State::Closed);
    QCOMPARE(states.at(1).at(0).value<OrgSession::State>(), OrgSession::State::Opening);
    QCOMPARE(states.last().at(0).value<OrgSession::State>(), OrgSession::State::Open);
    QCOMPARE(session->profile().id, id);
    QCOMPARE(session->profile().authMethod, OrgProfile::AuthMethod::ApiToken);
    QVERIFY(session->client() != nullptr);
    QCOMPARE(session->client()->baseUrl(), org.sandbox()->baseUrl());
    const OktaResult result = await(session->client()->getThreatInsightConfiguration());
    QVERIFY2(result.isSuccess(), qPrintable(result.describe()));
    QCOMPARE(org.profiles()->lastUsedProfileId(), id);
}

void TestOrgSession::wrongStoredTokenOpensButCallsAreRefused() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    const QString id = addTokenProfile(org, QStringLiteral("Acme wrong token"), "not-the-sandbox-token");
    pointAtSandbox(org, id);
    org.session()->open(id);
    // Opening does not call the org; the first call tells.
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, WaitMs);
    const OktaResult result = await(org.session()->client()->getThreatInsightConfiguration());
    QCOMPARE(result.outcome, OktaResult::Outcome::HttpError);
    QCOMPARE(result.httpStatus, 401);
}

void TestOrgSession::switchingAnnouncesClosingBeforeTheClientGoes() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    OrgSession* session = org.session();
    const QPointer<OktaClient> old = session->client();
    QVERIFY(old);
    const QString id = addTokenProfile(org, QStringLiteral("Acme next"), org.sandbox()->token().toUtf8());
    pointAtSandbox(org, id);

    int closings = 0;
    bool aliveAtClosing = false;
    bool clientStillOffered = false;
    connect(session, &OrgSession::closing, this, [&] {
        ++closings;
        aliveAtClosing = !old.isNull();
        clientStillOffered = session->client() == old.data();
    });
    session->open(id);
    QCOMPARE(closings, 1);
    QVERIFY(aliveAtClosing);               // pages can still drop their jobs of the old client
    QVERIFY(clientStillOffered);           // and compare it to the one they hold
    QVERIFY(session->client() == nullptr); // Opening: nothing to talk to
    QTRY_VERIFY_WITH_TIMEOUT(old.isNull(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Open, WaitMs);
    QVERIFY(session->client() != nullptr);
    QVERIFY(session->client() != old.data());
    disconnect(session, &OrgSession::closing, this, nullptr);
}

void TestOrgSession::staleKeychainAnswerIsIgnored() {
    GuiTestOrg org;
    const QString id = addTokenProfile(org, QStringLiteral("Acme slow"), "a-token");
    OrgSession* session = org.session();
    QSignalSpy opened(session, &OrgSession::opened);
    QSignalSpy failed(session, &OrgSession::failed);
    session->open(id); // its keychain answer comes on a later turn...
    org.openSandbox(); // ...after the user picked another org
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Open, WaitMs);
    QVERIFY(drainSecretStore(org.secrets()));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(session->profile().isSandbox());
    QCOMPARE(session->client()->baseUrl(), org.sandbox()->baseUrl());
}

void TestOrgSession::closeDropsTheClient() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    OrgSession* session = org.session();
    QVERIFY(await(session->client()->getThreatInsightConfiguration()).isSuccess());
    QVERIFY(session->lastRateLimit().hasBudget());
    const QPointer<OktaClient> old = session->client();
    QSignalSpy closing(session, &OrgSession::closing);
    session->close();
    QCOMPARE(closing.size(), 1);
    QCOMPARE(session->state(), OrgSession::State::Closed);
    QVERIFY(session->client() == nullptr);
    QVERIFY(!session->lastRateLimit().hasBudget()); // the old org's budget is not this one's
    QTRY_VERIFY_WITH_TIMEOUT(old.isNull(), WaitMs);
    // Closing twice announces nothing more.
    session->close();
    QCOMPARE(closing.size(), 1);
}

void TestOrgSession::openLastUsed() {
    GuiTestOrg org;
    QVERIFY(!org.session()->openLastUsed()); // nothing used yet
    QCOMPARE(org.session()->state(), OrgSession::State::Closed);

    const QString id = addTokenProfile(org, QStringLiteral("Acme last"), "a-token");
    org.session()->open(id);
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, WaitMs);
    org.session()->close();
    QVERIFY(org.session()->openLastUsed());
    QCOMPARE(org.session()->profile().id, id);
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, WaitMs);

    org.session()->close();
    QVERIFY(org.profiles()->remove(id));
    QVERIFY(!org.session()->openLastUsed());
    QCOMPARE(org.session()->state(), OrgSession::State::Closed);
}

void TestOrgSession::labels() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    OrgSession* session = org.session();
    QCOMPARE(session->orgLabel(),
             QStringLiteral("Sandbox org (%1)").arg(org.sandbox()->baseUrl().authority()));
    QCOMPARE(session->authMethodLabel(), QStringLiteral("Sandbox (API token)"));

    const QString tokenId = addTokenProfile(org, QStringLiteral("Acme prod"), "a-token");
    session->open(tokenId);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Open, WaitMs);
    QCOMPARE(session->orgLabel(), QStringLiteral("Acme prod (acme.okta.com)"));
    QCOMPARE(session->authMethodLabel(), QStringLiteral("API token"));

    OrgProfile oauth;
    oauth.displayName = QStringLiteral("Acme SOC");
    oauth.orgUrl = QStringLiteral("https://acme.oktapreview.com/");
    oauth.authMethod = OrgProfile::AuthMethod::OAuthServiceApp;
    oauth.clientId = QStringLiteral("0oa123");
    oauth.scopes = ScopeSets::defaultScopes();
    const QString oauthId = org.profiles()->add(oauth);
    QVERIFY(!oauthId.isEmpty());
    session->open(oauthId);
    // Labels describe the chosen profile while it opens (and after it failed: no key stored).
    QCOMPARE(session->orgLabel(), QStringLiteral("Acme SOC (acme.oktapreview.com)"));
    QCOMPARE(session->authMethodLabel(), QStringLiteral("OAuth service app"));
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), OrgSession::State::Failed, WaitMs);
    QVERIFY2(session->errorMessage().contains(QLatin1String("private key")),
             qPrintable(session->errorMessage()));
    QCOMPARE(session->authMethodLabel(), QStringLiteral("OAuth service app"));
}

void TestOrgSession::testConnectionWithGoodAndBadToken() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    OrgSession* session = org.session();
    // Not stored: the profile as typed in the dialog, so a loopback URL reaches the sandbox.
    OrgProfile typed;
    typed.displayName = QStringLiteral("Typed");
    typed.orgUrl = org.sandbox()->baseUrl().toString();
    const int requestsBefore = org.sandbox()->requestCount();

    const TestAnswer good = runTest(session, typed, org.sandbox()->token().toUtf8(), this);
    QCOMPARE(good.calls, 1);
    QVERIFY2(good.ok, qPrintable(good.message));
    QVERIFY2(good.message.contains(QLatin1String("ThreatInsight configuration was read")),
             qPrintable(good.message));
    QVERIFY2(good.message.contains(QLatin1String("request id")), qPrintable(good.message));

    const TestAnswer bad = runTest(session, typed, "not-the-token", this);
    QCOMPARE(bad.calls, 1);
    QVERIFY(!bad.ok);
    QVERIFY2(bad.message.contains(QLatin1String("401")), qPrintable(bad.message));
    QVERIFY2(!bad.message.contains(QLatin1String("not-the-token")), qPrintable(bad.message));
    QCOMPARE(org.sandbox()->requestCount(), requestsBefore + 2);

    // The test client is thrown away: the open org's client and budget are untouched.
    QCOMPARE(session->state(), OrgSession::State::Open);
    QVERIFY(session->profile().isSandbox());
    QVERIFY(!session->lastRateLimit().hasBudget());
    QTRY_COMPARE_WITH_TIMEOUT(session->findChildren<OktaClient*>().size(), 1, WaitMs);
}

void TestOrgSession::testConnectionWithOAuthServiceApp() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    QString error;
    const auto key = SigningKey::fromJwk(SandboxServer::demoServiceAppPrivateJwk(), &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    OrgProfile typed;
    typed.displayName = QStringLiteral("Typed SOC");
    typed.orgUrl = org.sandbox()->baseUrl().toString();
    typed.authMethod = OrgProfile::AuthMethod::OAuthServiceApp;
    typed.clientId = SandboxServer::RiskProviderClientId;
    typed.keyId = SandboxServer::DemoServiceAppKeyId;
    typed.scopes = ScopeSets::defaultScopes();

    const TestAnswer good = runTest(org.session(), typed, key->privatePem(), this);
    QVERIFY2(good.ok, qPrintable(good.message));

    typed.clientId = QStringLiteral("0oaUnknownApp");
    const TestAnswer unknown = runTest(org.session(), typed, key->privatePem(), this);
    QCOMPARE(unknown.calls, 1);
    QVERIFY(!unknown.ok);
    QVERIFY2(unknown.message.startsWith(QLatin1String("The connection test failed")),
             qPrintable(unknown.message));

    const TestAnswer garbage = runTest(org.session(), typed, "-----BEGIN PRIVATE KEY-----\nxx\n", this);
    QVERIFY(!garbage.ok);
    QVERIFY2(garbage.message.contains(QLatin1String("private key is unusable")), qPrintable(garbage.message));
}

void TestOrgSession::testConnectionRefusesUnusableInput_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty token") << QStringLiteral("https://acme.okta.com") << QByteArray("  ")
                                 << QStringLiteral("the API token is empty.");
    QTest::newRow("http to a real host")
        << QStringLiteral("http://acme.okta.com") << QByteArray("token") << QStringLiteral("http");
    QTest::newRow("no url") << QString() << QByteArray("token") << QString();
}

void TestOrgSession::testConnectionRefusesUnusableInput() {
    QFETCH(QString, url);
    QFETCH(QByteArray, secret);
    QFETCH(QString, expected);
    GuiTestOrg org;
    OrgProfile typed;
    typed.displayName = QStringLiteral("Typed");
    typed.orgUrl = url;
    const TestAnswer answer = runTest(org.session(), typed, secret, this);
    QCOMPARE(answer.calls, 1);
    QVERIFY(!answer.ok);
    QVERIFY(!answer.message.isEmpty());
    QVERIFY2(answer.message.contains(expected, Qt::CaseInsensitive), qPrintable(answer.message));
}

void TestOrgSession::testConnectionAnswerDroppedWithItsContext() {
    GuiTestOrg org;
    QVERIFY(openSandboxAndWait(org));
    OrgProfile typed;
    typed.displayName = QStringLiteral("Typed");
    typed.orgUrl = org.sandbox()->baseUrl().toString();
    int calls = 0;
    auto* context = new QObject;
    QSignalSpy served(org.sandbox(), &SandboxServer::requestServed);
    org.session()->testConnection(typed, org.sandbox()->token().toUtf8(), context,
                                  [&calls](bool, const QString&) { ++calls; });
    delete context; // the dialog closed before the answer
    QVERIFY(served.wait(WaitMs));
    // The answer has been handled once the throw-away client is gone.
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->findChildren<OktaClient*>().size(), 1, WaitMs);
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestOrgSession)
#include "TestOrgSession.moc"
