// OrgProfile: URL classification, validation rules and the built-in sandbox; ScopeSets.
#include "profiles/OrgProfile.h"
#include "profiles/ScopeSets.h"

#include <QTest>

Q_DECLARE_METATYPE(OrgUrlKind)
Q_DECLARE_METATYPE(OrgProfile::AuthMethod)

class TestOrgProfile : public QObject {
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void validateUrl_data();
    void validateUrl();
    void customDomainWarningNamesTheHost();
    void oauthFields_data();
    void oauthFields();
    void displayName_data();
    void displayName();
    void sandboxIsBuiltIn();
    void sandboxRules_data();
    void sandboxRules();
    void authMethodKeysRoundTrip();
    void newIdsAreUuidsWithoutBraces();
    void scopeSets();
    void manageScopeCoversRead();
};

void TestOrgProfile::classify_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<OrgUrlKind>("kind");

    QTest::newRow("production") << "acme.okta.com" << OrgUrlKind::OktaProduction;
    QTest::newRow("production upper case") << "ACME.Okta.COM" << OrgUrlKind::OktaProduction;
    QTest::newRow("production absolute") << "acme.okta.com." << OrgUrlKind::OktaProduction;
    QTest::newRow("admin subdomain") << "acme-admin.okta.com" << OrgUrlKind::OktaProduction;
    QTest::newRow("preview") << "acme.oktapreview.com" << OrgUrlKind::OktaPreview;
    QTest::newRow("emea") << "acme.okta-emea.com" << OrgUrlKind::OktaEmea;
    QTest::newRow("custom") << "login.acme.com" << OrgUrlKind::Custom;
    QTest::newRow("bare okta.com") << "okta.com" << OrgUrlKind::Custom;
    QTest::newRow("suffix without dot") << "evilokta.com" << OrgUrlKind::Custom;
    QTest::newRow("okta as a prefix") << "acme.okta.com.evil.net" << OrgUrlKind::Custom;
    QTest::newRow("typo") << "acme.okta.co" << OrgUrlKind::Custom;
    QTest::newRow("loopback v4") << "127.0.0.1" << OrgUrlKind::Loopback;
    QTest::newRow("loopback v6") << "::1" << OrgUrlKind::Loopback;
    QTest::newRow("localhost") << "localhost" << OrgUrlKind::Loopback;
    QTest::newRow("private address") << "10.0.0.5" << OrgUrlKind::Custom;
}

void TestOrgProfile::classify() {
    QFETCH(QString, host);
    QFETCH(OrgUrlKind, kind);
    QCOMPARE(OrgProfile::classify(host), kind);
}

namespace {
OrgProfile tokenProfile(const QString& url) {
    OrgProfile p;
    p.id = OrgProfile::newId();
    p.displayName = QStringLiteral("Acme");
    p.orgUrl = url;
    p.authMethod = OrgProfile::AuthMethod::ApiToken;
    return p;
}
} // namespace

void TestOrgProfile::validateUrl_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("okta https") << "https://acme.okta.com" << true << 0 << "";
    QTest::newRow("okta bare host") << "acme.okta.com" << true << 0 << "";
    QTest::newRow("preview") << "https://acme.oktapreview.com/" << true << 0 << "";
    QTest::newRow("emea") << "acme.okta-emea.com" << true << 0 << "";
    QTest::newRow("custom domain warns") << "https://login.acme.com" << true << 1 << "";
    QTest::newRow("custom domain with port warns") << "https://login.acme.com:8443" << true << 1 << "";
    QTest::newRow("http refused") << "http://acme.okta.com" << false << 0 << "https";
    QTest::newRow("http custom refused") << "http://login.acme.com" << false << 0 << "https";
    QTest::newRow("ftp refused") << "ftp://acme.okta.com" << false << 0 << "https";
    QTest::newRow("empty") << "" << false << 0 << "empty";
    QTest::newRow("path refused") << "https://acme.okta.com/admin" << false << 0 << "path";
    QTest::newRow("loopback http not for real profiles")
        << "http://127.0.0.1:8080" << false << 0 << "sandbox";
    QTest::newRow("loopback https not for real profiles")
        << "https://localhost:8443" << false << 0 << "sandbox";
}

void TestOrgProfile::validateUrl() {
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QFETCH(int, warnings);
    QFETCH(QString, errorContains);

    const ProfileValidation result = tokenProfile(url).validate();
    QCOMPARE(result.isValid(), valid);
    QCOMPARE(result.warnings.size(), warnings);
    if (!valid) {
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().contains(errorContains, Qt::CaseInsensitive),
                 qPrintable(result.errors.first()));
    }
}

void TestOrgProfile::customDomainWarningNamesTheHost() {
    const ProfileValidation result = tokenProfile(QStringLiteral("https://Login.Acme.com/")).validate();
    QVERIFY(result.isValid());
    QCOMPARE(result.warnings.size(), 1);
    const QString warning = result.warnings.first();
    QVERIFY2(warning.contains(QLatin1String("'login.acme.com'")), qPrintable(warning));
    QVERIFY(warning.contains(QLatin1String("okta.com")));
    QVERIFY(warning.contains(QLatin1String("oktapreview.com")));
    QVERIFY(warning.contains(QLatin1String("okta-emea.com")));
    QVERIFY(warning.contains(QLatin1String("custom domain")));
}

void TestOrgProfile::oauthFields_data() {
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("warnings");

    const QStringList read{QStringLiteral("okta.threatInsights.read")};
    QTest::newRow("complete") << "0oa1b2c3d4"
                              << "kid-1" << read << 0 << 0;
    QTest::newRow("key id optional") << "0oa1b2c3d4"
                                     << "" << read << 0 << 0;
    QTest::newRow("no client id") << ""
                                  << "kid-1" << read << 1 << 0;
    QTest::newRow("client id with space") << "0oa 1b2"
                                          << "" << read << 1 << 0;
    QTest::newRow("no scopes") << "0oa1b2c3d4"
                               << "" << QStringList() << 1 << 0;
    QTest::newRow("unknown scope warns") << "0oa1b2c3d4"
                                         << "" << QStringList{QStringLiteral("okta.users.read")} << 0 << 1;
    QTest::newRow("scope with space") << "0oa1b2c3d4"
                                      << "" << QStringList{QStringLiteral("okta.logs.read x")} << 1 << 0;
}

void TestOrgProfile::oauthFields() {
    QFETCH(QString, clientId);
    QFETCH(QString, keyId);
    QFETCH(QStringList, scopes);
    QFETCH(int, errors);
    QFETCH(int, warnings);

    OrgProfile p = tokenProfile(QStringLiteral("https://acme.okta.com"));
    p.authMethod = OrgProfile::AuthMethod::OAuthServiceApp;
    p.clientId = clientId;
    p.keyId = keyId;
    p.scopes = scopes;
    const ProfileValidation result = p.validate();
    QCOMPARE(result.errors.size(), errors);
    QCOMPARE(result.warnings.size(), warnings);

    // The same fields mean nothing to an API token profile.
    p.authMethod = OrgProfile::AuthMethod::ApiToken;
    QVERIFY(p.validate().isValid());
}

void TestOrgProfile::displayName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << "Acme production" << true;
    QTest::newRow("unicode") << QString::fromUtf8("Ærø prod") << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("blank") << "   " << false;
    QTest::newRow("control character") << "Acme\nprod" << false;
    QTest::newRow("100 characters") << QString(100, QLatin1Char('a')) << true;
    QTest::newRow("101 characters") << QString(101, QLatin1Char('a')) << false;
}

void TestOrgProfile::displayName() {
    QFETCH(QString, name);
    QFETCH(bool, valid);
    OrgProfile p = tokenProfile(QStringLiteral("acme.okta.com"));
    p.displayName = name;
    QCOMPARE(p.validate().isValid(), valid);
}

void TestOrgProfile::sandboxIsBuiltIn() {
    const OrgProfile sandbox = OrgProfile::sandbox();
    QCOMPARE(sandbox.id, QStringLiteral("sandbox"));
    QVERIFY(sandbox.isSandbox());
    QCOMPARE(sandbox.authMethod, OrgProfile::AuthMethod::Sandbox);
    QCOMPARE(sandbox.displayName, QStringLiteral("Sandbox org"));
    QVERIFY(sandbox.orgUrl.isEmpty());
    QVERIFY(!sandbox.useSystemProxy);
    QVERIFY(sandbox.validate().isValid());
    QVERIFY(sandbox.validate().warnings.isEmpty());
}

void TestOrgProfile::sandboxRules_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<OrgProfile::AuthMethod>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");

    QTest::newRow("built-in, no url yet") << "sandbox" << OrgProfile::AuthMethod::Sandbox << "" << true;
    QTest::newRow("built-in on loopback http")
        << "sandbox" << OrgProfile::AuthMethod::Sandbox << "http://127.0.0.1:54321" << true;
    QTest::newRow("built-in on localhost")
        << "sandbox" << OrgProfile::AuthMethod::Sandbox << "http://localhost:1" << true;
    QTest::newRow("built-in pointed at a real org")
        << "sandbox" << OrgProfile::AuthMethod::Sandbox << "https://acme.okta.com" << false;
    QTest::newRow("sandbox method on another profile")
        << "0f6c" << OrgProfile::AuthMethod::Sandbox << "http://127.0.0.1:8080" << false;
    QTest::newRow("sandbox id with a token")
        << "sandbox" << OrgProfile::AuthMethod::ApiToken << "http://127.0.0.1:8080" << false;
    QTest::newRow("token profile on loopback")
        << "0f6c" << OrgProfile::AuthMethod::ApiToken << "http://127.0.0.1:8080" << false;
}

void TestOrgProfile::sandboxRules() {
    QFETCH(QString, id);
    QFETCH(OrgProfile::AuthMethod, method);
    QFETCH(QString, url);
    QFETCH(bool, valid);
    OrgProfile p = OrgProfile::sandbox();
    p.id = id;
    p.authMethod = method;
    p.orgUrl = url;
    QCOMPARE(p.validate().isValid(), valid);
}

void TestOrgProfile::authMethodKeysRoundTrip() {
    for (const auto method : {OrgProfile::AuthMethod::ApiToken, OrgProfile::AuthMethod::OAuthServiceApp,
                              OrgProfile::AuthMethod::Sandbox}) {
        OrgProfile::AuthMethod back = OrgProfile::AuthMethod::ApiToken;
        QVERIFY(OrgProfile::authMethodFromKey(OrgProfile::authMethodKey(method), &back));
        QCOMPARE(back, method);
    }
    QVERIFY(!OrgProfile::authMethodFromKey(QStringLiteral("password"), nullptr));
    QVERIFY(!OrgProfile::authMethodFromKey(QString(), nullptr));
}

void TestOrgProfile::newIdsAreUuidsWithoutBraces() {
    const QString a = OrgProfile::newId();
    const QString b = OrgProfile::newId();
    QVERIFY(a != b);
    QCOMPARE(a.size(), 36);
    QVERIFY(!a.contains(QLatin1Char('{')));
}

void TestOrgProfile::scopeSets() {
    using F = ScopeSets::Feature;
    QCOMPARE(ScopeSets::scopesFor(F::ThreatInsightRead),
             QStringList{QStringLiteral("okta.threatInsights.read")});
    QCOMPARE(ScopeSets::scopesFor(F::ThreatInsightManage),
             QStringList{QStringLiteral("okta.threatInsights.manage")});
    QCOMPARE(ScopeSets::scopesFor(F::NetworkZonesRead),
             QStringList{QStringLiteral("okta.networkZones.read")});
    QCOMPARE(ScopeSets::scopesFor(F::NetworkZonesManage),
             QStringList{QStringLiteral("okta.networkZones.manage")});
    QCOMPARE(ScopeSets::scopesFor(F::RiskEvents), QStringList{QStringLiteral("okta.riskEvents.manage")});
    QCOMPARE(ScopeSets::scopesFor(F::RiskProviders), QStringList{QStringLiteral("okta.riskProviders.read")});
    QCOMPARE(ScopeSets::scopesFor(F::Logs), QStringList{QStringLiteral("okta.logs.read")});
    QCOMPARE(ScopeSets::allScopes().size(), 7);
    QCOMPARE(ScopeSets::allScopes().removeDuplicates(), 0);
    for (const QString& scope : ScopeSets::defaultScopes())
        QVERIFY(ScopeSets::isKnownScope(scope));
    QVERIFY(!ScopeSets::defaultScopes().contains(QStringLiteral("okta.networkZones.manage")));
    QVERIFY(!ScopeSets::isKnownScope(QStringLiteral("okta.users.manage")));
}

void TestOrgProfile::manageScopeCoversRead() {
    using F = ScopeSets::Feature;
    const QStringList manage{QStringLiteral("okta.threatInsights.manage")};
    QVERIFY(ScopeSets::missingFor(F::ThreatInsightRead, manage).isEmpty());
    QVERIFY(ScopeSets::missingFor(F::ThreatInsightManage, manage).isEmpty());
    QCOMPARE(ScopeSets::missingFor(F::ThreatInsightManage, {QStringLiteral("okta.threatInsights.read")}),
             manage);
    QCOMPARE(ScopeSets::missingFor(F::Logs, manage), QStringList{QStringLiteral("okta.logs.read")});
}

QTEST_GUILESS_MAIN(TestOrgProfile)
#include "TestOrgProfile.moc"
