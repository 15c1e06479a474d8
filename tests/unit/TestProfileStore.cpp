// ProfileStore: persistence through a temporary INI file, the no-secrets rule, the built-in
// sandbox, name uniqueness, removal and the last-used profile.
#include "profiles/ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class TestProfileStore : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void emptyStoreListsOnlyTheSandbox();
    void roundTripThroughIniFile();
    void writesOnlyKnownNonSecretKeys();
    void updateDropsForeignKeys();
    void profilesSortedByNameAfterSandbox();
    void sandboxCannotBeRemovedOrEdited();
    void duplicateNamesRejected_data();
    void duplicateNamesRejected();
    void renameToOwnNameInOtherCaseAllowed();
    void invalidProfileRejected();
    void addRejectsExistingOrUnsafeId();
    void updateUnknownIdRejected();
    void removeEmitsSignals();
    void removeUnknownIdDoesNothing();
    void lastUsedProfileId();
    void removingLastUsedClearsIt();
    void unreadableEntriesAreSkipped();

private:
    OrgProfile tokenProfile(const QString& name, const QString& url = QStringLiteral("acme.okta.com")) const;
    OrgProfile oauthProfile(const QString& name) const;
    QString iniPath() const { return m_dir->filePath(QStringLiteral("profiles.ini")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
};

void TestProfileStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(m_settings.get());
}

void TestProfileStore::cleanup() {
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

OrgProfile TestProfileStore::tokenProfile(const QString& name, const QString& url) const {
    OrgProfile p;
    p.displayName = name;
    p.orgUrl = url;
    p.authMethod = OrgProfile::AuthMethod::ApiToken;
    return p;
}

OrgProfile TestProfileStore::oauthProfile(const QString& name) const {
    OrgProfile p = tokenProfile(name, QStringLiteral("https://acme.oktapreview.com/"));
    p.authMethod = OrgProfile::AuthMethod::OAuthServiceApp;
    p.clientId = QStringLiteral("0oa1b2c3d4e5f6");
    p.keyId = QStringLiteral("kid-2026");
    p.scopes = QStringList{QStringLiteral("okta.threatInsights.read"), QStringLiteral("okta.logs.read")};
    p.useSystemProxy = false;
    return p;
}

void TestProfileStore::emptyStoreListsOnlyTheSandbox() {
    const QList<OrgProfile> all = m_store->profiles();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first(), OrgProfile::sandbox());
    QVERIFY(m_store->contains(QStringLiteral("sandbox")));
    QCOMPARE(m_store->profile(QStringLiteral("sandbox")), OrgProfile::sandbox());
    QVERIFY(m_store->profile(QStringLiteral("nope")).id.isEmpty());
    QVERIFY(m_store->lastUsedProfileId().isEmpty());
}

void TestProfileStore::roundTripThroughIniFile() {
    QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
    QString error;
    const QString tokenId =
        m_store->add(tokenProfile(QStringLiteral("  Acme prod "), QStringLiteral("ACME.okta.com/")), &error);
    QVERIFY2(!tokenId.isEmpty(), qPrintable(error));
    const QString oauthId = m_store->add(oauthProfile(QStringLiteral("Acme preview")), &error);
    QVERIFY2(!oauthId.isEmpty(), qPrintable(error));
    QCOMPARE(changed.size(), 2);
    QVERIFY(tokenId != oauthId);

    // A fresh QSettings and store over the same file see the same profiles.
    m_store.reset();
    m_settings.reset();
    QSettings reread(iniPath(), QSettings::IniFormat);
    ProfileStore store(&reread);
    QCOMPARE(store.profiles().size(), 3);

    const OrgProfile token = store.profile(tokenId);
    QCOMPARE(token.id, tokenId);
    QCOMPARE(token.displayName, QStringLiteral("Acme prod"));
    QCOMPARE(token.orgUrl, QStringLiteral("https://acme.okta.com"));
    QCOMPARE(token.authMethod, OrgProfile::AuthMethod::ApiToken);
    QVERIFY(token.useSystemProxy);
    QVERIFY(token.clientId.isEmpty());

    OrgProfile expected = oauthProfile(QStringLiteral("Acme preview"));
    expected.id = oauthId;
    expected.orgUrl = QStringLiteral("https://acme.oktapreview.com");
    QCOMPARE(store.profile(oauthId), expected);

    // Update survives the round trip too.
    OrgProfile edited = store.profile(oauthId);
    edited.scopes << QStringLiteral("okta.networkZones.read");
    edited.useSystemProxy = true;
    QVERIFY2(store.update(edited, &error), qPrintable(error));
    QSettings again(iniPath(), QSettings::IniFormat);
    QCOMPARE(ProfileStore(&again).profile(oauthId), edited);
}

void TestProfileStore::writesOnlyKnownNonSecretKeys() {
    // The struct has no secret field; even so, pin the exact keys so that adding one fails here.
    const QString tokenId = m_store->add(tokenProfile(QStringLiteral("Token org")));
    const QString oauthId = m_store->add(oauthProfile(QStringLiteral("OAuth org")));
    QVERIFY(!tokenId.isEmpty());
    QVERIFY(!oauthId.isEmpty());
    QVERIFY(m_store->setLastUsedProfileId(oauthId));

    QSettings file(iniPath(), QSettings::IniFormat);
    QStringList keys = file.allKeys();
    keys.sort();
    QStringList expected{
        QStringLiteral("lastUsedProfileId"),
        QStringLiteral("profiles/%1/authMethod").arg(oauthId),
        QStringLiteral("profiles/%1/clientId").arg(oauthId),
        QStringLiteral("profiles/%1/displayName").arg(oauthId),
        QStringLiteral("profiles/%1/keyId").arg(oauthId),
        QStringLiteral("profiles/%1/orgUrl").arg(oauthId),
        QStringLiteral("profiles/%1/scopes").arg(oauthId),
        QStringLiteral("profiles/%1/useSystemProxy").arg(oauthId),
        QStringLiteral("profiles/%1/authMethod").arg(tokenId),
        QStringLiteral("profiles/%1/displayName").arg(tokenId),
        QStringLiteral("profiles/%1/orgUrl").arg(tokenId),
        QStringLiteral("profiles/%1/useSystemProxy").arg(tokenId),
    };
    expected.sort();
    QCOMPARE(keys, expected);

    QFile raw(iniPath());
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll().toLower();
    for (const char* word : {"token=", "secret", "password", "privatekey", "private_key", "ssws", "bearer"})
        QVERIFY2(!text.contains(word), word);
}

void TestProfileStore::updateDropsForeignKeys() {
    const QString id = m_store->add(tokenProfile(QStringLiteral("Acme")));
    // Something (an old version, a hand edit) left a secret next to the profile.
    m_settings->setValue(QStringLiteral("profiles/%1/apiToken").arg(id), QStringLiteral("00abcdef"));
    m_settings->sync();
    OrgProfile p = m_store->profile(id);
    p.displayName = QStringLiteral("Acme renamed");
    QVERIFY(m_store->update(p));
    QVERIFY(!m_settings->contains(QStringLiteral("profiles/%1/apiToken").arg(id)));

    // Switching from OAuth to a token drops the OAuth-only fields.
    const QString oauthId = m_store->add(oauthProfile(QStringLiteral("OAuth")));
    OrgProfile o = m_store->profile(oauthId);
    o.authMethod = OrgProfile::AuthMethod::ApiToken;
    QVERIFY(m_store->update(o));
    QVERIFY(!m_settings->contains(QStringLiteral("profiles/%1/clientId").arg(oauthId)));
    QVERIFY(m_store->profile(oauthId).scopes.isEmpty());
}

void TestProfileStore::profilesSortedByNameAfterSandbox() {
    QVERIFY(!m_store->add(tokenProfile(QStringLiteral("zeta"))).isEmpty());
    QVERIFY(!m_store->add(tokenProfile(QStringLiteral("Alpha"))).isEmpty());
    QVERIFY(!m_store->add(tokenProfile(QStringLiteral("beta"))).isEmpty());
    QStringList names;
    for (const OrgProfile& p : m_store->profiles())
        names << p.displayName;
    QCOMPARE(names, (QStringList{QStringLiteral("Sandbox org"), QStringLiteral("Alpha"),
                                 QStringLiteral("beta"), QStringLiteral("zeta")}));
}

void TestProfileStore::sandboxCannotBeRemovedOrEdited() {
    QSignalSpy removed(m_store.get(), &ProfileStore::profileRemoved);
    QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
    QVERIFY(!m_store->remove(QStringLiteral("sandbox")));

    OrgProfile sandbox = OrgProfile::sandbox();
    sandbox.displayName = QStringLiteral("My sandbox");
    QString error;
    QVERIFY(!m_store->update(sandbox, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(m_store->add(OrgProfile::sandbox()).isEmpty());

    // Nor can a user profile take the sandbox's auth method.
    OrgProfile fake = tokenProfile(QStringLiteral("Fake sandbox"), QStringLiteral("http://127.0.0.1:8080"));
    fake.authMethod = OrgProfile::AuthMethod::Sandbox;
    QVERIFY(m_store->add(fake).isEmpty());

    QCOMPARE(removed.size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->profiles(), QList<OrgProfile>{OrgProfile::sandbox()});
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestProfileStore::duplicateNamesRejected_data() {
    QTest::addColumn<QString>("second");
    QTest::newRow("same") << "Acme";
    QTest::newRow("other case") << "ACME";
    QTest::newRow("padded") << "  acme ";
    QTest::newRow("sandbox name") << "sandbox ORG";
}

void TestProfileStore::duplicateNamesRejected() {
    QFETCH(QString, second);
    QVERIFY(!m_store->add(tokenProfile(QStringLiteral("Acme"))).isEmpty());
    QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
    QString error;
    QVERIFY(m_store->add(tokenProfile(second, QStringLiteral("other.okta.com")), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->profiles().size(), 2);

    // Renaming another profile onto the name is refused as well.
    const QString otherId = m_store->add(tokenProfile(QStringLiteral("Other")));
    OrgProfile other = m_store->profile(otherId);
    other.displayName = second;
    QVERIFY(!m_store->update(other));
    QCOMPARE(m_store->profile(otherId).displayName, QStringLiteral("Other"));
}

void TestProfileStore::renameToOwnNameInOtherCaseAllowed() {
    const QString id = m_store->add(tokenProfile(QStringLiteral("Acme")));
    OrgProfile p = m_store->profile(id);
    p.displayName = QStringLiteral("ACME");
    QString error;
    QVERIFY2(m_store->update(p, &error), qPrintable(error));
    QCOMPARE(m_store->profile(id).displayName, QStringLiteral("ACME"));
}

void TestProfileStore::invalidProfileRejected() {
    QString error;
    QVERIFY(
        m_store->add(tokenProfile(QStringLiteral("Plain"), QStringLiteral("http://acme.okta.com")), &error)
            .isEmpty());
    QVERIFY2(error.contains(QLatin1String("https")), qPrintable(error));
    QVERIFY(
        m_store->add(tokenProfile(QStringLiteral("Local"), QStringLiteral("http://127.0.0.1:9000")), &error)
            .isEmpty());
    QVERIFY(m_store->add(tokenProfile(QString())).isEmpty());
    OrgProfile oauth = oauthProfile(QStringLiteral("No client"));
    oauth.clientId.clear();
    QVERIFY(m_store->add(oauth, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("client id")), qPrintable(error));

    // A warning (custom domain) does not stop saving.
    QVERIFY(
        !m_store
             ->add(tokenProfile(QStringLiteral("Custom"), QStringLiteral("https://login.acme.com")), &error)
             .isEmpty());
    QCOMPARE(m_store->profiles().size(), 2);
}

void TestProfileStore::addRejectsExistingOrUnsafeId() {
    OrgProfile p = tokenProfile(QStringLiteral("First"));
    p.id = QStringLiteral("6d0c5b9e-0000-4000-8000-000000000001");
    QCOMPARE(m_store->add(p), p.id);
    p.displayName = QStringLiteral("Second");
    QVERIFY(m_store->add(p).isEmpty());
    p.id = QStringLiteral("../escape");
    QVERIFY(m_store->add(p).isEmpty());
    p.id = QStringLiteral("a/b");
    QVERIFY(m_store->add(p).isEmpty());
    QCOMPARE(m_store->profiles().size(), 2);
}

void TestProfileStore::updateUnknownIdRejected() {
    OrgProfile p = tokenProfile(QStringLiteral("Ghost"));
    p.id = OrgProfile::newId();
    QString error;
    QVERIFY(!m_store->update(p, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestProfileStore::removeEmitsSignals() {
    const QString keep = m_store->add(tokenProfile(QStringLiteral("Keep")));
    const QString gone = m_store->add(oauthProfile(QStringLiteral("Gone")));
    QSignalSpy removed(m_store.get(), &ProfileStore::profileRemoved);
    QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
    QVERIFY(m_store->remove(gone));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), gone);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!m_store->contains(gone));
    QVERIFY(m_store->contains(keep));
    for (const QString& key : m_settings->allKeys())
        QVERIFY2(!key.contains(gone), qPrintable(key));
}

void TestProfileStore::removeUnknownIdDoesNothing() {
    QSignalSpy removed(m_store.get(), &ProfileStore::profileRemoved);
    QVERIFY(!m_store->remove(OrgProfile::newId()));
    QVERIFY(!m_store->remove(QString()));
    QCOMPARE(removed.size(), 0);
}

void TestProfileStore::lastUsedProfileId() {
    const QString id = m_store->add(tokenProfile(QStringLiteral("Acme")));
    QVERIFY(m_store->lastUsedProfileId().isEmpty());
    QVERIFY(m_store->setLastUsedProfileId(id));
    QCOMPARE(m_store->lastUsedProfileId(), id);
    QVERIFY(m_store->setLastUsedProfileId(QStringLiteral("sandbox")));
    QCOMPARE(m_store->lastUsedProfileId(), QStringLiteral("sandbox"));
    QVERIFY(!m_store->setLastUsedProfileId(QStringLiteral("unknown")));
    QCOMPARE(m_store->lastUsedProfileId(), QStringLiteral("sandbox"));

    QVERIFY(m_store->setLastUsedProfileId(id));
    QSettings reread(iniPath(), QSettings::IniFormat);
    QCOMPARE(ProfileStore(&reread).lastUsedProfileId(), id);

    // An id left behind by a hand edit is not offered.
    m_settings->setValue(QStringLiteral("lastUsedProfileId"), QStringLiteral("stale"));
    QVERIFY(m_store->lastUsedProfileId().isEmpty());
}

void TestProfileStore::removingLastUsedClearsIt() {
    const QString id = m_store->add(tokenProfile(QStringLiteral("Acme")));
    QVERIFY(m_store->setLastUsedProfileId(id));
    QVERIFY(m_store->remove(id));
    QVERIFY(m_store->lastUsedProfileId().isEmpty());
    QVERIFY(!m_settings->contains(QStringLiteral("lastUsedProfileId")));
}

void TestProfileStore::unreadableEntriesAreSkipped() {
    m_settings->setValue(QStringLiteral("profiles/noMethod/displayName"), QStringLiteral("No method"));
    m_settings->setValue(QStringLiteral("profiles/badMethod/displayName"), QStringLiteral("Bad"));
    m_settings->setValue(QStringLiteral("profiles/badMethod/authMethod"), QStringLiteral("password"));
    m_settings->setValue(QStringLiteral("profiles/noName/authMethod"), QStringLiteral("apiToken"));
    m_settings->setValue(QStringLiteral("profiles/sandbox/displayName"), QStringLiteral("Hijack"));
    m_settings->setValue(QStringLiteral("profiles/sandbox/authMethod"), QStringLiteral("apiToken"));
    m_settings->setValue(QStringLiteral("profiles/fakeSandbox/displayName"), QStringLiteral("Fake"));
    m_settings->setValue(QStringLiteral("profiles/fakeSandbox/authMethod"), QStringLiteral("sandbox"));
    m_settings->setValue(QStringLiteral("profiles/good/displayName"), QStringLiteral("Good"));
    m_settings->setValue(QStringLiteral("profiles/good/authMethod"), QStringLiteral("apiToken"));
    m_settings->setValue(QStringLiteral("profiles/good/orgUrl"), QStringLiteral("https://acme.okta.com"));

    const QList<OrgProfile> all = m_store->profiles();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0), OrgProfile::sandbox());
    QCOMPARE(all.at(1).id, QStringLiteral("good"));
    QCOMPARE(m_store->profile(QStringLiteral("sandbox")), OrgProfile::sandbox());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "TestProfileStore.moc"
