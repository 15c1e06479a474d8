#include "ProfileDialog.h"

#include "DialogHooks.h"
#include "Icons.h"
#include "auth/SigningKey.h"
#include "profiles/ProfileStore.h"
#include "profiles/ScopeSets.h"
#include "secrets/SecretStore.h"
#include "session/OrgSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

namespace {

SecretKind secretKindFor(OrgProfile::AuthMethod method) {
    return method == OrgProfile::AuthMethod::OAuthServiceApp ? SecretKind::PrivateKey : SecretKind::ApiToken;
}

// Overwrites our copy of a secret before it is released (copies elsewhere are their owners').
void wipe(QByteArray* secret) {
    secret->fill('\0');
    secret->clear();
}

// Like the CLI: a PEM (PKCS#1, PKCS#8, SEC1) or a JWK; the keychain always gets PKCS#8 PEM.
std::optional<SigningKey> parseKey(const QByteArray& text, QString* error) {
    return text.contains("-----BEGIN") ? SigningKey::fromPem(text, error) : SigningKey::fromJwk(text, error);
}

QLabel* makeMessageLabel(const QString& objectName, const QString& accessibleName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    // User-typed names and URLs end up in these messages: never interpret them as markup.
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

ProfileDialog::ProfileDialog(OrgSession* session, DialogHooks* hooks, const OrgProfile& existing,
                             QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_hooks(hooks)
    , m_existing(existing) {
    setObjectName(QStringLiteral("profileDialog"));
    setWindowIcon(Icons::icon(QStringLiteral("profile")));
    buildUi();
    fillFromProfile(existing);
    if (existing.isSandbox() || existing.authMethod == OrgProfile::AuthMethod::Sandbox) {
        // The main window never offers this; should it happen anyway, nothing can be changed.
        m_readOnly = true;
        setWindowTitle(tr("Sandbox org"));
        for (QWidget* field : inputs())
            field->setEnabled(false);
        m_testButton->setEnabled(false);
        m_saveButton->setEnabled(false);
        showErrors({{nullptr, QString(),
                     tr("The built-in sandbox org cannot be edited: it starts on this computer and has "
                        "no URL or secret to change.")}},
                   false);
    } else {
        setWindowTitle(isEditing() ? tr("Edit org profile '%1'").arg(existing.displayName)
                                   : tr("Add org profile"));
    }
    setAccessibleName(windowTitle());
}

ProfileDialog::~ProfileDialog() {
    // Closed from outside (the main window went away) while the keychain had not answered:
    // the answer will never reach us, so take the new profile back out rather than leave a
    // profile whose secret may be missing.
    if (m_saving && m_pendingAdded && m_session) {
        m_session->profiles()->remove(m_pendingId);
        m_session->secrets()->removeProfile(m_pendingId, nullptr, [](const SecretResult&) {});
    }
}

void ProfileDialog::buildUi() {
    auto* form = new QFormLayout;

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("profileNameEdit"));
    m_nameEdit->setAccessibleName(tr("Profile name"));
    m_nameEdit->setPlaceholderText(tr("e.g. Acme production"));
    m_nameEdit->setMaxLength(200); // validate() names the real limit (100) instead of cutting silently
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);
    form->addRow(nameLabel, m_nameEdit);

    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("orgUrlEdit"));
    m_urlEdit->setAccessibleName(tr("Org URL"));
    m_urlEdit->setPlaceholderText(tr("e.g. acme.okta.com (https:// is implied)"));
    auto* urlLabel = new QLabel(tr("Org &URL:"), this);
    urlLabel->setBuddy(m_urlEdit);
    form->addRow(urlLabel, m_urlEdit);
    m_urlWarningLabel = makeMessageLabel(QStringLiteral("urlWarningLabel"), tr("Org URL warning"), this);
    form->addRow(QString(), m_urlWarningLabel);

    m_authCombo = new QComboBox(this);
    m_authCombo->setObjectName(QStringLiteral("authMethodCombo"));
    m_authCombo->setAccessibleName(tr("Sign-in method"));
    m_authCombo->addItem(tr("API token"), OrgProfile::authMethodKey(OrgProfile::AuthMethod::ApiToken));
    m_authCombo->addItem(tr("OAuth service app"),
                         OrgProfile::authMethodKey(OrgProfile::AuthMethod::OAuthServiceApp));
    auto* authLabel = new QLabel(tr("Sign-in &method:"), this);
    authLabel->setBuddy(m_authCombo);
    form->addRow(authLabel, m_authCombo);

    // One page per sign-in method. Rows are not hidden inside the form: with a word-wrapped
    // message shown, QFormLayout (Qt 6.4) gave a re-shown row zero height.
    m_authStack = new QStackedWidget(this);
    m_authStack->setObjectName(QStringLiteral("authMethodPages"));
    auto* tokenPage = new QWidget(m_authStack);
    auto* tokenForm = new QFormLayout(tokenPage);
    tokenForm->setContentsMargins(0, 0, 0, 0);
    m_tokenEdit = new QLineEdit(tokenPage);
    m_tokenEdit->setObjectName(QStringLiteral("apiTokenEdit"));
    m_tokenEdit->setAccessibleName(tr("API token"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    auto* tokenLabel = new QLabel(tr("API &token:"), tokenPage);
    tokenLabel->setBuddy(m_tokenEdit);
    tokenForm->addRow(tokenLabel, m_tokenEdit);
    m_authStack->addWidget(tokenPage);

    auto* oauthPage = new QWidget(m_authStack);
    auto* oauthForm = new QFormLayout(oauthPage);
    oauthForm->setContentsMargins(0, 0, 0, 0);
    m_clientIdEdit = new QLineEdit(oauthPage);
    m_clientIdEdit->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientIdEdit->setAccessibleName(tr("Client id"));
    m_clientIdEdit->setPlaceholderText(tr("The service app's client id, e.g. 0oa1b2c3d4"));
    auto* clientLabel = new QLabel(tr("&Client id:"), oauthPage);
    clientLabel->setBuddy(m_clientIdEdit);
    oauthForm->addRow(clientLabel, m_clientIdEdit);

    m_keyIdEdit = new QLineEdit(oauthPage);
    m_keyIdEdit->setObjectName(QStringLiteral("keyIdEdit"));
    m_keyIdEdit->setAccessibleName(tr("Key id"));
    m_keyIdEdit->setPlaceholderText(tr("Optional: the kid Okta knows the key by"));
    auto* keyIdLabel = new QLabel(tr("&Key id:"), oauthPage);
    keyIdLabel->setBuddy(m_keyIdEdit);
    oauthForm->addRow(keyIdLabel, m_keyIdEdit);

    m_keyEdit = new QPlainTextEdit(oauthPage);
    m_keyEdit->setObjectName(QStringLiteral("privateKeyEdit"));
    m_keyEdit->setAccessibleName(tr("Private key"));
    m_keyEdit->setTabChangesFocus(true);
    m_keyEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_keyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyEdit->setMinimumHeight(fontMetrics().height() * 5);
    m_loadKeyButton = new QPushButton(tr("&Load from file…"), oauthPage);
    m_loadKeyButton->setObjectName(QStringLiteral("loadPrivateKeyButton"));
    m_loadKeyButton->setAccessibleName(tr("Load the private key from a file"));
    m_loadKeyButton->setIcon(Icons::icon(QStringLiteral("import")));
    m_loadKeyButton->setAutoDefault(false);
    auto* keyBox = new QVBoxLayout;
    keyBox->addWidget(m_keyEdit);
    keyBox->addWidget(m_loadKeyButton, 0, Qt::AlignLeft);
    auto* keyLabel = new QLabel(tr("&Private key:"), oauthPage);
    keyLabel->setBuddy(m_keyEdit);
    oauthForm->addRow(keyLabel, keyBox);

    m_scopeList = new QListWidget(oauthPage);
    m_scopeList->setObjectName(QStringLiteral("scopeList"));
    m_scopeList->setAccessibleName(tr("Scopes"));
    for (const QString& scope : ScopeSets::allScopes()) {
        auto* item = new QListWidgetItem(scope, m_scopeList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    auto* scopeLabel = new QLabel(tr("&Scopes:"), oauthPage);
    scopeLabel->setBuddy(m_scopeList);
    oauthForm->addRow(scopeLabel, m_scopeList);
    m_authStack->addWidget(oauthPage);
    form->addRow(m_authStack);

    // The pages' labels line up with the dialog's: every label column gets the widest label.
    const QList<QLabel*> labels = {nameLabel,   urlLabel,   authLabel, tokenLabel,
                                   clientLabel, keyIdLabel, keyLabel,  scopeLabel};
    int labelWidth = 0;
    for (QLabel* label : labels)
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QLabel* label : labels)
        label->setMinimumWidth(labelWidth);

    m_proxyCheck = new QCheckBox(tr("Use the system &proxy settings"), this);
    m_proxyCheck->setObjectName(QStringLiteral("useSystemProxyCheck"));
    m_proxyCheck->setAccessibleName(tr("Use system proxy"));
    form->addRow(QString(), m_proxyCheck);

    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testButton->setIcon(Icons::icon(QStringLiteral("reload")));
    m_testButton->setAutoDefault(false); // Enter saves
    m_testButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_testResultLabel =
        makeMessageLabel(QStringLiteral("testResultLabel"), tr("Connection test result"), this);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResultLabel, 1);

    m_errorLabel = makeMessageLabel(QStringLiteral("errorLabel"), tr("Problems that block saving"), this);
    m_statusLabel = makeMessageLabel(QStringLiteral("saveStatusLabel"), tr("Saving status"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("profileDialogButtons"));
    m_saveButton = m_buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setAccessibleName(tr("Save the profile"));
    m_saveButton->setIcon(Icons::icon(QStringLiteral("save")));
    m_saveButton->setDefault(true);
    m_cancelButton = m_buttons->button(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_statusLabel);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_urlEdit, &QLineEdit::textChanged, this, [this] {
        updateUrlWarning();
        onEdited();
    });
    for (QLineEdit* edit : {m_nameEdit, m_tokenEdit, m_clientIdEdit, m_keyIdEdit})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::onEdited);
    connect(m_keyEdit, &QPlainTextEdit::textChanged, this, &ProfileDialog::onEdited);
    connect(m_scopeList, &QListWidget::itemChanged, this, &ProfileDialog::onEdited);
    connect(m_authCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateAuthPage();
        onEdited();
    });
    connect(m_loadKeyButton, &QPushButton::clicked, this, &ProfileDialog::chooseKeyFile);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
}

void ProfileDialog::fillFromProfile(const OrgProfile& profile) {
    m_nameEdit->setText(profile.displayName);
    m_urlEdit->setText(profile.orgUrl);
    const bool oauth = profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp;
    m_authCombo->setCurrentIndex(oauth ? 1 : 0);
    m_clientIdEdit->setText(profile.clientId);
    m_keyIdEdit->setText(profile.keyId);
    // A new OAuth profile starts with what every feature needs; an edited one keeps its own
    // scopes, including any ThreatDesk does not know (added on the command line), never dropped.
    const QStringList checked = isEditing() && oauth ? profile.scopes : ScopeSets::defaultScopes();
    for (const QString& scope : checked) {
        if (m_scopeList->findItems(scope, Qt::MatchExactly).isEmpty()) {
            auto* item = new QListWidgetItem(scope, m_scopeList);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        }
    }
    for (int row = 0; row < m_scopeList->count(); ++row) {
        QListWidgetItem* item = m_scopeList->item(row);
        item->setCheckState(checked.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    m_proxyCheck->setChecked(profile.useSystemProxy);
    updateAuthPage();
    updateUrlWarning();
}

QList<QWidget*> ProfileDialog::inputs() const {
    return {m_nameEdit,  m_urlEdit, m_authCombo,     m_tokenEdit, m_clientIdEdit,
            m_keyIdEdit, m_keyEdit, m_loadKeyButton, m_scopeList, m_proxyCheck};
}

OrgProfile::AuthMethod ProfileDialog::selectedAuthMethod() const {
    OrgProfile::AuthMethod method = OrgProfile::AuthMethod::ApiToken;
    OrgProfile::authMethodFromKey(m_authCombo->currentData().toString(), &method);
    return method;
}

void ProfileDialog::updateAuthPage() {
    const OrgProfile::AuthMethod method = selectedAuthMethod();
    const bool oauth = method == OrgProfile::AuthMethod::OAuthServiceApp;
    m_authStack->setCurrentIndex(oauth ? 1 : 0);
    // The stack takes the size of the current page only, so the token page leaves no gap.
    for (int page = 0; page < m_authStack->count(); ++page)
        m_authStack->widget(page)->setSizePolicy(
            page == m_authStack->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored,
            page == m_authStack->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    if (isVisible()) {
        layout()->activate(); // the new page's fields get their geometry now
        // Grow for the OAuth rows once the layouts have taken in the new page (next turn);
        // the token page's spare room goes below the form.
        QTimer::singleShot(0, this, [this] { resize(size().expandedTo(sizeHint())); });
    }
    // Tells the user that an empty secret field keeps what the keychain already holds.
    const bool keeps = isEditing() && m_existing.authMethod == method;
    m_tokenEdit->setPlaceholderText(keeps ? tr("Leave empty to keep the stored token")
                                          : tr("Paste the Okta API token"));
    m_keyEdit->setPlaceholderText(keeps ? tr("Leave empty to keep the stored private key")
                                        : tr("Paste the private key (PEM or JWK) or load it from a file"));
}

OrgProfile ProfileDialog::profileFromFields() const {
    OrgProfile profile;
    profile.id = m_existing.id;
    profile.displayName = m_nameEdit->text();
    profile.orgUrl = m_urlEdit->text().trimmed();
    profile.authMethod = selectedAuthMethod();
    profile.useSystemProxy = m_proxyCheck->isChecked();
    if (profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp) {
        profile.clientId = m_clientIdEdit->text().trimmed();
        profile.keyId = m_keyIdEdit->text().trimmed();
        for (int row = 0; row < m_scopeList->count(); ++row) {
            const QListWidgetItem* item = m_scopeList->item(row);
            if (item->checkState() == Qt::Checked)
                profile.scopes << item->text();
        }
    }
    return profile;
}

QList<ProfileDialog::FieldError> ProfileDialog::validationErrors(const OrgProfile& profile) const {
    // validate() speaks in sentences, not fields: an error belongs to the field whose repair
    // (a known-good value) makes it disappear. This keeps the dialog in step with the CLI's
    // rules without matching on the wording.
    struct Probe {
        QWidget* field;
        QString name;
        std::function<void(OrgProfile*)> repair;
    };
    const QList<Probe> probes = {
        {m_nameEdit, tr("Name"),
         [](OrgProfile* p) {
             p->displayName = QStringLiteral("Probe");
         }},
        {m_urlEdit, tr("Org URL"),
         [](OrgProfile* p) {
             p->orgUrl = QStringLiteral("https://probe.okta.com");
         }},
        {m_clientIdEdit, tr("Client id"),
         [](OrgProfile* p) {
             p->clientId = QStringLiteral("probe");
         }},
        {m_keyIdEdit, tr("Key id"),
         [](OrgProfile* p) {
             p->keyId.clear();
         }},
        {m_scopeList, tr("Scopes"),
         [](OrgProfile* p) {
             p->scopes = ScopeSets::defaultScopes();
         }},
    };
    QList<FieldError> errors;
    const ProfileValidation validation = profile.validate();
    for (const QString& message : validation.errors) {
        FieldError error{nullptr, QString(), message};
        for (const Probe& probe : probes) {
            OrgProfile repaired = profile;
            probe.repair(&repaired);
            if (!repaired.validate().errors.contains(message)) {
                error.field = probe.field;
                error.fieldName = probe.name;
                break;
            }
        }
        errors << error;
    }
    return errors;
}

bool ProfileDialog::typedSecret(OrgProfile* profile, QByteArray* secret, FieldError* error) const {
    secret->clear();
    if (profile->authMethod != OrgProfile::AuthMethod::OAuthServiceApp) {
        const QString token = m_tokenEdit->text().trimmed();
        static const QRegularExpression whitespace(QStringLiteral("\\s"));
        if (token.contains(whitespace)) {
            *error = {m_tokenEdit, tr("API token"), tr("An API token is one line without spaces.")};
            return false;
        }
        *secret = token.toUtf8();
        return true;
    }
    QByteArray text = m_keyEdit->toPlainText().trimmed().toUtf8();
    if (text.isEmpty())
        return true;
    QString keyError;
    std::optional<SigningKey> key = parseKey(text, &keyError);
    wipe(&text);
    if (!key) {
        *error = {m_keyEdit, tr("Private key"), tr("This is not a usable private key: %1").arg(keyError)};
        return false;
    }
    if (profile->keyId.isEmpty())
        profile->keyId = key->keyId(); // a JWK brings its kid
    *secret = key->privatePem();
    return true;
}

bool ProfileDialog::canKeepStoredSecret(const OrgProfile& profile) const {
    return isEditing() && m_existing.authMethod == profile.authMethod;
}

QList<ProfileDialog::FieldError> ProfileDialog::collectErrors(OrgProfile* profile, QByteArray* secret) const {
    QList<FieldError> errors = validationErrors(*profile);
    FieldError secretError;
    if (!typedSecret(profile, secret, &secretError)) {
        errors << secretError;
    } else if (secret->isEmpty() && !canKeepStoredSecret(*profile)) {
        const bool oauth = profile->authMethod == OrgProfile::AuthMethod::OAuthServiceApp;
        if (oauth)
            errors << FieldError{m_keyEdit, tr("Private key"),
                                 isEditing()
                                     ? tr("The profile now signs in as an OAuth service app: "
                                          "paste its private key or load it from a file.")
                                     : tr("Paste the service app's private key or load it from a file.")};
        else
            errors << FieldError{m_tokenEdit, tr("API token"),
                                 isEditing() ? tr("The profile now signs in with an API token: enter it.")
                                             : tr("Enter the Okta API token.")};
    }
    return errors;
}

void ProfileDialog::showErrors(const QList<FieldError>& errors, bool focusFirst) {
    QStringList lines;
    for (const FieldError& error : errors)
        lines << (error.fieldName.isEmpty() ? error.message
                                            : tr("%1: %2").arg(error.fieldName, error.message));
    m_errorLabel->setText(lines.join(QLatin1Char('\n')));
    m_errorLabel->setAccessibleDescription(m_errorLabel->text());
    m_errorLabel->setVisible(!errors.isEmpty());
    if (focusFirst) {
        for (const FieldError& error : errors) {
            if (error.field && error.field->isVisible()) {
                error.field->setFocus(Qt::OtherFocusReason);
                break;
            }
        }
    }
}

void ProfileDialog::onEdited() {
    // A finished test's answer was about the values before this edit.
    if (!m_testing)
        m_testResultLabel->hide();
    revalidateIfShown();
}

void ProfileDialog::revalidateIfShown() {
    if (!m_errorsShown || m_saving || m_readOnly)
        return;
    OrgProfile profile = profileFromFields();
    QByteArray secret;
    showErrors(collectErrors(&profile, &secret), false);
    wipe(&secret);
}

void ProfileDialog::updateUrlWarning() {
    const QString url = m_urlEdit->text().trimmed();
    QStringList warnings;
    if (!url.isEmpty() && !m_readOnly) {
        // Only the URL varies, so every warning is about it (a custom domain, most often).
        OrgProfile probe;
        probe.displayName = QStringLiteral("Probe");
        probe.orgUrl = url;
        warnings = probe.validate().warnings;
    }
    m_urlWarningLabel->setText(warnings.join(QLatin1Char('\n')));
    m_urlWarningLabel->setAccessibleDescription(m_urlWarningLabel->text());
    m_urlWarningLabel->setVisible(!warnings.isEmpty());
}

void ProfileDialog::setBusy(bool saving, bool testing) {
    m_saving = saving;
    m_testing = testing;
    const bool editable = !saving && !m_readOnly;
    for (QWidget* field : inputs())
        field->setEnabled(editable);
    m_saveButton->setEnabled(editable);
    m_cancelButton->setEnabled(!saving);
    m_testButton->setEnabled(editable && !testing);
    m_statusLabel->setText(saving ? tr("Saving… waiting for the keychain to store the secret.") : QString());
    m_statusLabel->setVisible(saving);
}

void ProfileDialog::reject() {
    if (m_saving)
        return;
    QDialog::reject();
}

void ProfileDialog::chooseKeyFile() {
    if (!m_hooks)
        return;
    DialogHooks::FileRequest request;
    request.objectName = QStringLiteral("privateKeyFileDialog");
    request.caption = tr("Load the service app's private key");
    request.nameFilter = tr("Private keys (*.pem *.key *.json *.jwk);;All files (*)");
    m_hooks->chooseFile(this, request, [this](const QString& path) {
        if (!path.isEmpty())
            loadKeyFile(path);
    });
}

void ProfileDialog::loadKeyFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showErrors({{m_keyEdit, tr("Private key"), tr("Cannot read %1: %2").arg(path, file.errorString())}},
                   true);
        return;
    }
    QByteArray content = file.read(SecretStore::MaxSecretSize + 1);
    if (content.size() > SecretStore::MaxSecretSize) {
        wipe(&content);
        showErrors({{m_keyEdit, tr("Private key"),
                     tr("%1 is too large for a private key (at most %2 KiB).")
                         .arg(path)
                         .arg(SecretStore::MaxSecretSize / 1024)}},
                   true);
        return;
    }
    m_keyEdit->setPlainText(QString::fromUtf8(content));
    // Said at once, not at Save: the file is fresh in the user's mind.
    QString keyError;
    const bool usable = parseKey(content.trimmed(), &keyError).has_value();
    wipe(&content);
    if (!usable)
        showErrors(
            {{m_keyEdit, tr("Private key"), tr("%1 holds no usable private key: %2").arg(path, keyError)}},
            true);
    else if (m_errorsShown)
        revalidateIfShown();
    else
        showErrors({}, false); // an earlier file's problem is gone
}

void ProfileDialog::testConnection() {
    if (m_testing || m_saving || m_readOnly || !m_session)
        return;
    const auto refuse = [this](const QString& message) {
        m_testResultLabel->setText(message);
        m_testResultLabel->setProperty("ok", false);
        m_testResultLabel->show();
    };
    OrgProfile profile = profileFromFields();
    QByteArray secret;
    FieldError error;
    if (!typedSecret(&profile, &secret, &error)) {
        refuse(tr("%1: %2").arg(error.fieldName, error.message));
        return;
    }
    if (profile.orgUrl.isEmpty()) {
        refuse(tr("Enter the org URL first."));
        return;
    }
    const bool oauth = profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp;
    if (oauth && profile.clientId.isEmpty()) {
        refuse(tr("Enter the service app's client id first."));
        return;
    }
    if (!secret.isEmpty()) {
        runTest(profile, secret);
        wipe(&secret);
        return;
    }
    if (!canKeepStoredSecret(profile)) {
        refuse(oauth ? tr("Paste the private key first.") : tr("Enter the API token first."));
        return;
    }
    // Editing without a new secret: test with the one the keychain holds.
    setBusy(false, true);
    m_testResultLabel->setText(tr("Reading the stored secret from the keychain…"));
    m_testResultLabel->show();
    const SecretKind kind = secretKindFor(profile.authMethod);
    m_session->secrets()->read(m_existing.id, kind, this, [this, profile, kind](const SecretResult& result) {
        if (!result.ok) {
            setBusy(m_saving, false);
            // Whole sentences per secret kind: other languages inflect the article by the noun.
            const bool key = kind == SecretKind::PrivateKey;
            QString text;
            if (result.errorKind == SecretError::NotFound)
                text = key ? tr("No private key is stored for this profile; type one to test.")
                           : tr("No API token is stored for this profile; type one to test.");
            else
                text = (key ? tr("The stored private key could not be read from the keychain: %1")
                            : tr("The stored API token could not be read from the keychain: %1"))
                           .arg(result.error);
            m_testResultLabel->setText(text);
            m_testResultLabel->setProperty("ok", false);
            return;
        }
        QByteArray stored = result.value;
        runTest(profile, stored);
        wipe(&stored);
    });
}

void ProfileDialog::runTest(const OrgProfile& profile, const QByteArray& secret) {
    if (!m_session)
        return;
    setBusy(m_saving, true);
    m_testResultLabel->setText(tr("Testing the connection to %1…").arg(profile.orgUrl));
    m_testResultLabel->setProperty("ok", QVariant());
    m_testResultLabel->show();
    m_session->testConnection(profile, secret, this, [this](bool ok, const QString& message) {
        setBusy(m_saving, false);
        m_testResultLabel->setText(message);
        m_testResultLabel->setProperty("ok", ok);
        m_testResultLabel->setAccessibleDescription(message);
        m_testResultLabel->show();
    });
}

void ProfileDialog::save() {
    if (m_saving || m_readOnly || !m_session)
        return;
    OrgProfile profile = profileFromFields();
    QByteArray secret;
    const QList<FieldError> errors = collectErrors(&profile, &secret);
    if (!errors.isEmpty()) {
        wipe(&secret);
        m_errorsShown = true;
        showErrors(errors, true);
        return;
    }
    ProfileStore* store = m_session->profiles();
    QString error;
    QString id = profile.id;
    const bool adding = !isEditing();
    if (adding)
        id = store->add(profile, &error);
    else if (!store->update(profile, &error))
        id.clear();
    if (id.isEmpty()) {
        // The store's reason names the rule (e.g. a duplicate name); it is what the CLI says too.
        wipe(&secret);
        m_errorsShown = true;
        const bool duplicate = error.contains(profile.displayName.trimmed(), Qt::CaseInsensitive);
        showErrors({{duplicate ? static_cast<QWidget*>(m_nameEdit) : nullptr, QString(), error}}, true);
        return;
    }
    showErrors({}, false);
    if (secret.isEmpty()) {
        // Edited without a new secret: the stored one stays.
        emit profileSaved(id);
        accept();
        return;
    }
    m_pendingId = id;
    m_pendingAdded = adding;
    setBusy(true, m_testing);
    const SecretKind kind = secretKindFor(profile.authMethod);
    m_session->secrets()->write(id, kind, secret, this, [this, id, adding, kind](const SecretResult& result) {
        onSecretWritten(id, adding, kind, result.ok, result.error);
    });
    wipe(&secret);
}

void ProfileDialog::onSecretWritten(const QString& id, bool added, SecretKind kind, bool ok,
                                    const QString& error) {
    m_pendingId.clear();
    m_pendingAdded = false;
    setBusy(false, m_testing);
    if (!m_session)
        return;
    if (!ok) {
        // Nothing may half-exist: a new profile goes again, an edited one gets its old fields back
        // (its old secret was not replaced).
        if (added) {
            m_session->profiles()->remove(id);
            // A keychain that timed out may still store it later; ask it to forget, best effort.
            m_session->secrets()->removeProfile(id, nullptr, [](const SecretResult&) {});
        } else {
            m_session->profiles()->update(m_existing);
        }
        const bool key = kind == SecretKind::PrivateKey;
        const QString message =
            key ? tr("The private key could not be stored in the keychain: %1 The profile was not saved.")
                      .arg(error)
                : tr("The API token could not be stored in the keychain: %1 The profile was not saved.")
                      .arg(error);
        m_errorsShown = true;
        showErrors({{key ? static_cast<QWidget*>(m_keyEdit) : m_tokenEdit, QString(), message}}, true);
        return;
    }
    const SecretKind previous = secretKindFor(m_existing.authMethod);
    if (!added && previous != kind) {
        // The profile signs in differently now: its old secret is of no use any more.
        m_session->secrets()->remove(id, previous, nullptr, [](const SecretResult&) {});
    }
    m_tokenEdit->clear();
    m_keyEdit->clear();
    emit profileSaved(id);
    accept();
}
