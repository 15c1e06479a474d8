// The profile dialog driven like a user would: fields typed with QTest, buttons clicked, the
// private key loaded through the scripted file dialog, the connection tested against the
// in-process sandbox org (GuiTestOrg). Asserts what ends up in the ProfileStore, the secret
// store and the settings file.
#include "GuiTestOrg.h"
#include "ProfileDialog.h"
#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"
#include "auth/SigningKey.h"
#include "profiles/ProfileStore.h"
#include "profiles/ScopeSets.h"
#include "secrets/MemorySecretStore.h"
#include "session/OrgSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int WaitMs = 5000;
const QByteArray Token = "00SecretTokenValue-abcdefghijklmnop";

template <typename T> T* child(QWidget* dialog, const char* name) {
    T* widget = dialog->findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

// The secret stored for a profile and kind, or a null array when there is none.
QByteArray storedSecret(SecretStore* secrets, const QString& id, SecretKind kind) {
    bool done = false;
    QByteArray value;
    secrets->read(id, kind, nullptr, [&](const SecretResult& result) {
        done = true;
        value = result.ok ? result.value : QByteArray();
    });
    if (!QTest::qWaitFor([&done] { return done; }, WaitMs))
        qFatal("the secret store did not answer");
    return value;
}

void storeSecret(SecretStore* secrets, const QString& id, SecretKind kind, const QByteArray& secret) {
    bool done = false;
    secrets->write(id, kind, secret, nullptr, [&done](const SecretResult& result) { done = result.ok; });
    if (!QTest::qWaitFor([&done] { return done; }, WaitMs))
        qFatal("the secret was not written");
}

QByteArray settingsText(GuiTestOrg& org) {
    org.settings()->sync();
    QFile file(org.settings()->fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString demoKeyPem() {
    const auto key = SigningKey::fromJwk(SandboxServer::demoServiceAppPrivateJwk());
    if (!key)
        qFatal("demo key");
    return QString::fromLatin1(key->privatePem());
}

} // namespace

class TestProfileDialog : public QObject {
    Q_OBJECT

    // Opens the dialog as the app does (DialogHooks::showDialog: open(), deleted on close).
    static QPointer<ProfileDialog> show(GuiTestOrg& org, const OrgProfile& existing = {}) {
        auto* dialog = new ProfileDialog(org.session(), org.hooks(), existing);
        org.hooks()->showDialog(dialog);
        return dialog;
    }

    static QString addStoredTokenProfile(GuiTestOrg& org, const QString& name, const QByteArray& token) {
        OrgProfile profile;
        profile.displayName = name;
        profile.orgUrl = QStringLiteral("acme.okta.com");
        QString error;
        const QString id = org.profiles()->add(profile, &error);
        if (id.isEmpty())
            qFatal("add: %s", qPrintable(error));
        storeSecret(org.secrets(), id, SecretKind::ApiToken, token);
        return id;
    }

    static void fillTokenProfile(ProfileDialog* dialog, const QString& name, const QString& url,
                                 const QByteArray& token) {
        QTest::keyClicks(child<QLineEdit>(dialog, "profileNameEdit"), name);
        QTest::keyClicks(child<QLineEdit>(dialog, "orgUrlEdit"), url);
        QTest::keyClicks(child<QLineEdit>(dialog, "apiTokenEdit"), QString::fromUtf8(token));
    }

    // Picks the OAuth service app and waits until its fields are laid out (the dialog grows for
    // them on the next event-loop turn), so clicks land on them.
    static void chooseOAuth(ProfileDialog* dialog) {
        child<QComboBox>(dialog, "authMethodCombo")->setCurrentIndex(1);
        QPushButton* load = child<QPushButton>(dialog, "loadPrivateKeyButton");
        QTRY_VERIFY_WITH_TIMEOUT(load->isVisible() && load->height() > 0, WaitMs);
    }

    static void clickSave(ProfileDialog* dialog) {
        QPushButton* save = child<QPushButton>(dialog, "saveButton");
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
    }

private slots:
    void everyControlIsNamed();
    void addsAnApiTokenProfile();
    void validationBlocksSaving_data();
    void validationBlocksSaving();
    void errorsFollowTheTypingAfterARefusedSave();
    void customDomainWarnsButSaves();
    void duplicateNameIsRefusedByTheStore();
    void keychainFailureLeavesNothingBehind();
    void keychainFailureOnEditRestoresTheProfile();
    void closedWhileSavingLeavesNothingBehind();
    void editKeepsTheSecretWhenTheFieldIsEmpty();
    void editReplacesTheSecretWhenOneIsTyped();
    void addsAnOAuthProfileWithAKeyFromAFile();
    void unusableKeyFileIsExplained();
    void testConnectionAgainstTheSandbox();
    void testConnectionWithTheStoredSecret();
    void testConnectionNeedsASecret();
    void sandboxProfileIsNotEditable();
};

void TestProfileDialog::everyControlIsNamed() {
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org);
    QCOMPARE(dialog->objectName(), QStringLiteral("profileDialog"));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Add org profile"));
    QList<QWidget*> controls;
    for (QWidget* w : dialog->findChildren<QWidget*>()) {
        if (qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractButton*>(w) ||
            qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QListWidget*>(w))
            controls << w;
    }
    QVERIFY(controls.size() >= 11);
    for (QWidget* w : std::as_const(controls)) {
        if (qobject_cast<QLineEdit*>(w) && qobject_cast<QComboBox*>(w->parentWidget()))
            continue; // a combo box's internal editor
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QCOMPARE(child<QLineEdit>(dialog, "apiTokenEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(child<QCheckBox>(dialog, "useSystemProxyCheck")->isChecked());
    delete dialog;
}

void TestProfileDialog::addsAnApiTokenProfile() {
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org);
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QSignalSpy accepted(dialog.data(), &QDialog::accepted);
    fillTokenProfile(dialog, QStringLiteral("Acme prod"), QStringLiteral("acme.okta.com"), Token);
    QVERIFY(!child<QLabel>(dialog, "urlWarningLabel")->isVisible()); // an Okta domain
    QTest::mouseClick(child<QCheckBox>(dialog, "useSystemProxyCheck"), Qt::LeftButton);
    clickSave(dialog);

    // The keychain answers later: the dialog waits, visibly, and cannot be dismissed meanwhile.
    QLabel* status = child<QLabel>(dialog, "saveStatusLabel");
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().startsWith(QLatin1String("Saving")), qPrintable(status->text()));
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, "cancelButton")->isEnabled());
    dialog->reject();
    QVERIFY(dialog->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, WaitMs);
    QCOMPARE(accepted.size(), 1);
    const QString id = saved.at(0).at(0).toString();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), WaitMs); // closed and deleted

    const OrgProfile stored = org.profiles()->profile(id);
    QCOMPARE(stored.displayName, QStringLiteral("Acme prod"));
    QCOMPARE(stored.orgUrl, QStringLiteral("https://acme.okta.com"));
    QCOMPARE(stored.authMethod, OrgProfile::AuthMethod::ApiToken);
    QCOMPARE(stored.useSystemProxy, false);
    QCOMPARE(org.secrets()->size(), 1);
    QCOMPARE(storedSecret(org.secrets(), id, SecretKind::ApiToken), Token);
    const QByteArray ini = settingsText(org);
    QVERIFY2(ini.contains("Acme prod"), ini.constData());
    QVERIFY(!ini.contains(Token));
}

void TestProfileDialog::validationBlocksSaving_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("focused");
    QTest::addColumn<QStringList>("messages");
    QTest::newRow("empty name") << QString() << QStringLiteral("acme.okta.com") << Token
                                << QStringLiteral("profileNameEdit")
                                << QStringList{QStringLiteral("Name: The profile needs a name.")};
    QTest::newRow("http to a real host")
        << QStringLiteral("Acme") << QStringLiteral("http://acme.okta.com") << Token
        << QStringLiteral("orgUrlEdit")
        << QStringList{QStringLiteral(
               "Org URL: 'http://acme.okta.com': plain http would send the token unencrypted")};
    QTest::newRow("loopback") << QStringLiteral("Acme") << QStringLiteral("http://127.0.0.1:8080") << Token
                              << QStringLiteral("orgUrlEdit")
                              << QStringList{QStringLiteral("Org URL: '127.0.0.1' is a loopback address")};
    QTest::newRow("no token") << QStringLiteral("Acme") << QStringLiteral("acme.okta.com") << QByteArray()
                              << QStringLiteral("apiTokenEdit")
                              << QStringList{QStringLiteral("API token: Enter the Okta API token.")};
    QTest::newRow("token with a space") << QStringLiteral("Acme") << QStringLiteral("acme.okta.com")
                                        << QByteArray("two words") << QStringLiteral("apiTokenEdit")
                                        << QStringList{QStringLiteral("API token: An API token is one line")};
    QTest::newRow("everything missing")
        << QString() << QString() << QByteArray() << QStringLiteral("profileNameEdit")
        << QStringList{QStringLiteral("Name: The profile needs a name."), QStringLiteral("Org URL: "),
                       QStringLiteral("API token: Enter the Okta API token.")};
}

void TestProfileDialog::validationBlocksSaving() {
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(QByteArray, token);
    QFETCH(QString, focused);
    QFETCH(QStringList, messages);
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org);
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    dialog->activateWindow();
    fillTokenProfile(dialog, name, url, token);
    clickSave(dialog);

    QLabel* errors = child<QLabel>(dialog, "errorLabel");
    QVERIFY(errors->isVisible());
    for (const QString& message : messages)
        QVERIFY2(errors->text().contains(message), qPrintable(errors->text()));
    QCOMPARE(errors->text().count(QLatin1Char('\n')) + 1, messages.size());
    QCOMPARE(dialog->focusWidget() ? dialog->focusWidget()->objectName() : QString(), focused);
    QVERIFY(dialog->isVisible());
    QVERIFY(!child<QLabel>(dialog, "saveStatusLabel")->isVisible());
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());
    // Nothing was stored anywhere.
    QCOMPARE(saved.size(), 0);
    QCOMPARE(org.profiles()->profiles().size(), 1); // the sandbox only
    QCOMPARE(org.secrets()->size(), 0);
    delete dialog;
}

void TestProfileDialog::errorsFollowTheTypingAfterARefusedSave() {
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org);
    fillTokenProfile(dialog, QString(), QStringLiteral("acme.okta.com"), Token);
    clickSave(dialog);
    QLabel* errors = child<QLabel>(dialog, "errorLabel");
    QVERIFY(errors->text().contains(QLatin1String("Name:")));
    QTest::keyClicks(child<QLineEdit>(dialog, "profileNameEdit"), QStringLiteral("Acme"));
    QVERIFY(!errors->isVisible()); // repaired: the message goes at once
    child<QLineEdit>(dialog, "orgUrlEdit")->clear();
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().startsWith(QLatin1String("Org URL: ")), qPrintable(errors->text()));
    delete dialog;
}

void TestProfileDialog::customDomainWarnsButSaves() {
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org);
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QLabel* warning = child<QLabel>(dialog, "urlWarningLabel");
    QTest::keyClicks(child<QLineEdit>(dialog, "orgUrlEdit"), QStringLiteral("login.acme.com"));
    QVERIFY(warning->isVisible()); // live, while typing
    QVERIFY2(warning->text().contains(QLatin1String("'login.acme.com' is not an Okta domain")),
             qPrintable(warning->text()));
    child<QLineEdit>(dialog, "orgUrlEdit")->setText(QStringLiteral("acme.oktapreview.com"));
    QVERIFY(!warning->isVisible());
    child<QLineEdit>(dialog, "orgUrlEdit")->setText(QStringLiteral("https://login.acme.com"));
    QVERIFY(warning->isVisible());

    QTest::keyClicks(child<QLineEdit>(dialog, "profileNameEdit"), QStringLiteral("Acme custom"));
    QTest::keyClicks(child<QLineEdit>(dialog, "apiTokenEdit"), QString::fromUtf8(Token));
    clickSave(dialog); // a warning does not block
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, WaitMs);
    QCOMPARE(org.profiles()->profile(saved.at(0).at(0).toString()).orgUrl,
             QStringLiteral("https://login.acme.com"));
}

void TestProfileDialog::duplicateNameIsRefusedByTheStore() {
    GuiTestOrg org;
    addStoredTokenProfile(org, QStringLiteral("Acme prod"), "other-token");
    QPointer<ProfileDialog> dialog = show(org);
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    fillTokenProfile(dialog, QStringLiteral("ACME PROD"), QStringLiteral("acme2.okta.com"), Token);
    clickSave(dialog);
    QLabel* errors = child<QLabel>(dialog, "errorLabel");
    QVERIFY(errors->isVisible());
    QCOMPARE(errors->text(), QStringLiteral("A profile named 'Acme prod' already exists."));
    QCOMPARE(dialog->focusWidget(), child<QLineEdit>(dialog, "profileNameEdit"));
    QCOMPARE(org.profiles()->profiles().size(), 2);
    QCOMPARE(org.secrets()->size(), 1); // the other profile's token only
    QCOMPARE(saved.size(), 0);
    delete dialog;
}

void TestProfileDialog::keychainFailureLeavesNothingBehind() {
    GuiTestOrg org;
    org.secrets()->setForcedError(SecretError::Unavailable);
    QPointer<ProfileDialog> dialog = show(org);
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QSignalSpy removed(org.profiles(), &ProfileStore::profileRemoved);
    fillTokenProfile(dialog, QStringLiteral("Acme prod"), QStringLiteral("acme.okta.com"), Token);
    clickSave(dialog);
    QVERIFY(child<QLabel>(dialog, "saveStatusLabel")->isVisible());
    QLabel* errors = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(errors->isVisible(), WaitMs);
    QVERIFY2(errors->text().contains(QLatin1String("could not be stored in the keychain")),
             qPrintable(errors->text()));
    QVERIFY2(errors->text().contains(QLatin1String("Simulated secret store failure.")),
             qPrintable(errors->text()));
    QVERIFY2(errors->text().contains(QLatin1String("API token")), qPrintable(errors->text()));
    // The profile added before the write was taken out again.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(org.profiles()->profiles().size(), 1);
    QVERIFY(!settingsText(org).contains("Acme prod"));
    QCOMPARE(saved.size(), 0);
    QVERIFY(dialog->isVisible());
    QVERIFY(!child<QLabel>(dialog, "saveStatusLabel")->isVisible());
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());
    QVERIFY(child<QLineEdit>(dialog, "profileNameEdit")->isEnabled());

    // Once the keychain works, the same input saves.
    org.secrets()->setForcedError(std::nullopt);
    clickSave(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, WaitMs);
    QCOMPARE(storedSecret(org.secrets(), saved.at(0).at(0).toString(), SecretKind::ApiToken), Token);
}

void TestProfileDialog::keychainFailureOnEditRestoresTheProfile() {
    GuiTestOrg org;
    const QString id = addStoredTokenProfile(org, QStringLiteral("Acme prod"), "old-token");
    const OrgProfile before = org.profiles()->profile(id);
    org.secrets()->setForcedError(SecretError::Timeout);
    QPointer<ProfileDialog> dialog = show(org, before);
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QLineEdit* name = child<QLineEdit>(dialog, "profileNameEdit");
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Acme renamed"));
    QTest::keyClicks(child<QLineEdit>(dialog, "apiTokenEdit"), QStringLiteral("new-token"));
    clickSave(dialog);
    QLabel* errors = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(errors->isVisible(), WaitMs);
    QVERIFY2(errors->text().contains(QLatin1String("keychain")), qPrintable(errors->text()));
    QCOMPARE(org.profiles()->profile(id), before);
    QCOMPARE(saved.size(), 0);
    org.secrets()->setForcedError(std::nullopt);
    QCOMPARE(storedSecret(org.secrets(), id, SecretKind::ApiToken), QByteArray("old-token"));
    delete dialog;
}

void TestProfileDialog::closedWhileSavingLeavesNothingBehind() {
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org);
    fillTokenProfile(dialog, QStringLiteral("Acme prod"), QStringLiteral("acme.okta.com"), Token);
    clickSave(dialog);
    QCOMPARE(org.profiles()->profiles().size(), 2); // stored, its token on the way
    delete dialog; // e.g. the main window closed before the keychain answered
    QCOMPARE(org.profiles()->profiles().size(), 1);
    QVERIFY(!settingsText(org).contains("Acme prod"));
    QCOMPARE(org.secrets()->size(), 0);
}

void TestProfileDialog::editKeepsTheSecretWhenTheFieldIsEmpty() {
    GuiTestOrg org;
    const QString id = addStoredTokenProfile(org, QStringLiteral("Acme prod"), Token);
    QPointer<ProfileDialog> dialog = show(org, org.profiles()->profile(id));
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QVERIFY(dialog->windowTitle().contains(QLatin1String("Acme prod")));
    QCOMPARE(child<QLineEdit>(dialog, "profileNameEdit")->text(), QStringLiteral("Acme prod"));
    QCOMPARE(child<QLineEdit>(dialog, "orgUrlEdit")->text(), QStringLiteral("https://acme.okta.com"));
    QLineEdit* token = child<QLineEdit>(dialog, "apiTokenEdit");
    QVERIFY(token->text().isEmpty()); // the secret is never shown again
    QVERIFY2(token->placeholderText().contains(QLatin1String("keep the stored token")),
             qPrintable(token->placeholderText()));

    QLineEdit* name = child<QLineEdit>(dialog, "profileNameEdit");
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Acme production"));
    clickSave(dialog);
    // Nothing to wait for: the stored secret stays as it is.
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), id);
    QCOMPARE(org.profiles()->profile(id).displayName, QStringLiteral("Acme production"));
    QCOMPARE(storedSecret(org.secrets(), id, SecretKind::ApiToken), Token);
    QCOMPARE(org.secrets()->size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), WaitMs);

    // Switching the sign-in method needs the new kind of secret.
    OrgProfile profile = org.profiles()->profile(id);
    dialog = show(org, profile);
    chooseOAuth(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "clientIdEdit"), QStringLiteral("0oa123"));
    QVERIFY2(
        !child<QPlainTextEdit>(dialog, "privateKeyEdit")->placeholderText().contains(QLatin1String("keep")),
        qPrintable(child<QPlainTextEdit>(dialog, "privateKeyEdit")->placeholderText()));
    clickSave(dialog);
    QVERIFY2(child<QLabel>(dialog, "errorLabel")->text().startsWith(QLatin1String("Private key: ")),
             qPrintable(child<QLabel>(dialog, "errorLabel")->text()));
    QCOMPARE(org.profiles()->profile(id), profile);
    delete dialog;
}

void TestProfileDialog::editReplacesTheSecretWhenOneIsTyped() {
    GuiTestOrg org;
    const QString id = addStoredTokenProfile(org, QStringLiteral("Acme prod"), "old-token");
    QPointer<ProfileDialog> dialog = show(org, org.profiles()->profile(id));
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QTest::keyClicks(child<QLineEdit>(dialog, "apiTokenEdit"), QString::fromUtf8(Token));
    clickSave(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, WaitMs);
    QCOMPARE(saved.at(0).at(0).toString(), id);
    QCOMPARE(storedSecret(org.secrets(), id, SecretKind::ApiToken), Token);
    QCOMPARE(org.profiles()->profiles().size(), 2);
    QVERIFY(!settingsText(org).contains(Token));
}

void TestProfileDialog::addsAnOAuthProfileWithAKeyFromAFile() {
    GuiTestOrg org;
    QTemporaryDir dir;
    const QString keyPath = dir.filePath(QStringLiteral("service-app.pem"));
    {
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(demoKeyPem().toLatin1());
    }
    QPointer<ProfileDialog> dialog = show(org);
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QTest::keyClicks(child<QLineEdit>(dialog, "profileNameEdit"), QStringLiteral("Acme SOC"));
    QTest::keyClicks(child<QLineEdit>(dialog, "orgUrlEdit"), QStringLiteral("acme.okta.com"));
    chooseOAuth(dialog);
    QVERIFY(child<QLineEdit>(dialog, "clientIdEdit")->isVisible());
    QVERIFY(!child<QLineEdit>(dialog, "apiTokenEdit")->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, "clientIdEdit"), QStringLiteral("0oa123"));
    QTest::keyClicks(child<QLineEdit>(dialog, "keyIdEdit"), QStringLiteral("kid-1"));

    // Scopes start with what every feature needs; zone management is left to the user.
    QListWidget* scopes = child<QListWidget>(dialog, "scopeList");
    QCOMPARE(scopes->count(), ScopeSets::allScopes().size());
    QStringList checked;
    for (int row = 0; row < scopes->count(); ++row)
        if (scopes->item(row)->checkState() == Qt::Checked)
            checked << scopes->item(row)->text();
    QCOMPARE(checked, ScopeSets::defaultScopes());
    scopes->findItems(QStringLiteral("okta.logs.read"), Qt::MatchExactly)
        .first()
        ->setCheckState(Qt::Unchecked);

    org.hooks()->chooseFileAnswer(QStringLiteral("privateKeyFileDialog"), keyPath);
    QTest::mouseClick(child<QPushButton>(dialog, "loadPrivateKeyButton"), Qt::LeftButton);
    QPlainTextEdit* key = child<QPlainTextEdit>(dialog, "privateKeyEdit");
    QTRY_VERIFY_WITH_TIMEOUT(key->toPlainText().contains(QLatin1String("BEGIN PRIVATE KEY")), WaitMs);
    QCOMPARE(org.hooks()->askedCount(QStringLiteral("privateKeyFileDialog")), 1);
    QVERIFY(!child<QLabel>(dialog, "errorLabel")->isVisible());

    clickSave(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, WaitMs);
    const QString id = saved.at(0).at(0).toString();
    const OrgProfile stored = org.profiles()->profile(id);
    QCOMPARE(stored.authMethod, OrgProfile::AuthMethod::OAuthServiceApp);
    QCOMPARE(stored.clientId, QStringLiteral("0oa123"));
    QCOMPARE(stored.keyId, QStringLiteral("kid-1"));
    QStringList expectedScopes = ScopeSets::defaultScopes();
    expectedScopes.removeAll(QStringLiteral("okta.logs.read"));
    QCOMPARE(stored.scopes, expectedScopes);
    const QByteArray pem = storedSecret(org.secrets(), id, SecretKind::PrivateKey);
    QVERIFY(SigningKey::fromPem(pem).has_value());
    QCOMPARE(storedSecret(org.secrets(), id, SecretKind::ApiToken), QByteArray());
    QVERIFY(!settingsText(org).contains("PRIVATE KEY"));

    // Editing it shows the public fields and its scopes, never the key.
    dialog = show(org, stored);
    QCOMPARE(child<QComboBox>(dialog, "authMethodCombo")->currentIndex(), 1);
    QCOMPARE(child<QLineEdit>(dialog, "clientIdEdit")->text(), QStringLiteral("0oa123"));
    QVERIFY(child<QPlainTextEdit>(dialog, "privateKeyEdit")->toPlainText().isEmpty());
    QVERIFY(
        child<QPlainTextEdit>(dialog, "privateKeyEdit")->placeholderText().contains(QLatin1String("keep")));
    QCOMPARE(child<QListWidget>(dialog, "scopeList")
                 ->findItems(QStringLiteral("okta.logs.read"), Qt::MatchExactly)
                 .first()
                 ->checkState(),
             Qt::Unchecked);
    delete dialog;
}

void TestProfileDialog::unusableKeyFileIsExplained() {
    GuiTestOrg org;
    QTemporaryDir dir;
    const QString keyPath = dir.filePath(QStringLiteral("public.pem"));
    {
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n");
    }
    QPointer<ProfileDialog> dialog = show(org);
    chooseOAuth(dialog);
    org.hooks()->chooseFileAnswer(QStringLiteral("privateKeyFileDialog"), keyPath);
    QTest::mouseClick(child<QPushButton>(dialog, "loadPrivateKeyButton"), Qt::LeftButton);
    QLabel* errors = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(errors->isVisible(), WaitMs);
    QVERIFY2(errors->text().startsWith(QLatin1String("Private key: ")), qPrintable(errors->text()));
    QVERIFY2(errors->text().contains(keyPath), qPrintable(errors->text()));

    // A missing file is said as such; a cancelled dialog changes nothing.
    org.hooks()->chooseFileAnswer(QStringLiteral("privateKeyFileDialog"),
                                  dir.filePath(QStringLiteral("nope.pem")));
    QTest::mouseClick(child<QPushButton>(dialog, "loadPrivateKeyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(errors->text().contains(QLatin1String("Cannot read")), WaitMs);
    const QString before = child<QPlainTextEdit>(dialog, "privateKeyEdit")->toPlainText();
    QTest::mouseClick(child<QPushButton>(dialog, "loadPrivateKeyButton"),
                      Qt::LeftButton); // unscripted: cancel
    QTRY_COMPARE_WITH_TIMEOUT(org.hooks()->askedCount(QStringLiteral("privateKeyFileDialog")), 3, WaitMs);
    QCOMPARE(child<QPlainTextEdit>(dialog, "privateKeyEdit")->toPlainText(), before);
    delete dialog;
}

void TestProfileDialog::testConnectionAgainstTheSandbox() {
    GuiTestOrg org;
    org.openSandbox(); // starts the sandbox org whose URL is typed below
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, WaitMs);
    QPointer<ProfileDialog> dialog = show(org);
    // A typed profile is tested as it is: the loopback URL that Save refuses still reaches the
    // sandbox, since OrgSession::testConnection applies only the client's URL policy.
    fillTokenProfile(dialog, QStringLiteral("Sandbox by hand"), org.sandbox()->baseUrl().toString(),
                     org.sandbox()->token().toUtf8());
    QPushButton* test = child<QPushButton>(dialog, "testConnectionButton");
    QLabel* result = child<QLabel>(dialog, "testResultLabel");
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(!test->isEnabled()); // busy
    QVERIFY(result->isVisible());
    QVERIFY2(result->text().startsWith(QLatin1String("Testing the connection")), qPrintable(result->text()));
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), WaitMs);
    QVERIFY2(result->text().startsWith(QLatin1String("Connected")), qPrintable(result->text()));
    QCOMPARE(result->property("ok").toBool(), true);

    QLineEdit* token = child<QLineEdit>(dialog, "apiTokenEdit");
    token->clear();
    QVERIFY(!result->isVisible()); // the answer was about the old token
    QTest::keyClicks(token, QStringLiteral("wrong-token"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), WaitMs);
    QVERIFY2(result->text().startsWith(QLatin1String("The connection test failed")),
             qPrintable(result->text()));
    QVERIFY2(result->text().contains(QLatin1String("401")), qPrintable(result->text()));
    QVERIFY(!result->text().contains(QLatin1String("wrong-token")));
    QCOMPARE(result->property("ok").toBool(), false);

    // Testing stores nothing.
    QCOMPARE(org.profiles()->profiles().size(), 1);
    QCOMPARE(org.secrets()->size(), 0);

    // An OAuth service app signs in with the sandbox's demo key.
    chooseOAuth(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "clientIdEdit"), SandboxServer::RiskProviderClientId);
    QTest::keyClicks(child<QLineEdit>(dialog, "keyIdEdit"), SandboxServer::DemoServiceAppKeyId);
    child<QPlainTextEdit>(dialog, "privateKeyEdit")->setPlainText(demoKeyPem());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), WaitMs);
    QVERIFY2(result->property("ok").toBool(), qPrintable(result->text()));
    delete dialog;
}

void TestProfileDialog::testConnectionWithTheStoredSecret() {
    GuiTestOrg org;
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, WaitMs);
    const QString id =
        addStoredTokenProfile(org, QStringLiteral("Acme prod"), org.sandbox()->token().toUtf8());
    QPointer<ProfileDialog> dialog = show(org, org.profiles()->profile(id));
    // The token field stays empty: the dialog tests with the token the keychain holds.
    QLineEdit* url = child<QLineEdit>(dialog, "orgUrlEdit");
    url->setText(org.sandbox()->baseUrl().toString());
    QPushButton* test = child<QPushButton>(dialog, "testConnectionButton");
    QLabel* result = child<QLabel>(dialog, "testResultLabel");
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(!test->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), WaitMs);
    QVERIFY2(result->property("ok").toBool(), qPrintable(result->text()));

    // A keychain that cannot be read is said as such.
    org.secrets()->setForcedError(SecretError::Unavailable);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), WaitMs);
    QVERIFY2(result->text().contains(QLatin1String("could not be read from the keychain")),
             qPrintable(result->text()));
    QCOMPARE(result->property("ok").toBool(), false);
    delete dialog;
}

void TestProfileDialog::testConnectionNeedsASecret() {
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org);
    QPushButton* test = child<QPushButton>(dialog, "testConnectionButton");
    QLabel* result = child<QLabel>(dialog, "testResultLabel");
    QTest::mouseClick(test, Qt::LeftButton);
    QCOMPARE(result->text(), QStringLiteral("Enter the org URL first."));
    QTest::keyClicks(child<QLineEdit>(dialog, "orgUrlEdit"), QStringLiteral("acme.okta.com"));
    QTest::mouseClick(test, Qt::LeftButton);
    QCOMPARE(result->text(), QStringLiteral("Enter the API token first."));
    QVERIFY(test->isEnabled());
    QCOMPARE(org.profiles()->profiles().size(), 1);
    delete dialog;
}

void TestProfileDialog::sandboxProfileIsNotEditable() {
    GuiTestOrg org;
    QPointer<ProfileDialog> dialog = show(org, OrgProfile::sandbox());
    QSignalSpy saved(dialog.data(), &ProfileDialog::profileSaved);
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, "testConnectionButton")->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog, "profileNameEdit")->isEnabled());
    QLabel* errors = child<QLabel>(dialog, "errorLabel");
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().contains(QLatin1String("sandbox org cannot be edited")),
             qPrintable(errors->text()));
    QTest::keyClick(dialog, Qt::Key_Return);
    QCOMPARE(saved.size(), 0);
    QCOMPARE(org.profiles()->profiles().size(), 1);
    delete dialog;
}

QTEST_MAIN(TestProfileDialog)
#include "TestProfileDialog.moc"
