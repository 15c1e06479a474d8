#pragma once

#include "profiles/OrgProfile.h"
#include "secrets/SecretKind.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class DialogHooks;
class OrgSession;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QWidget;

// Add or edit an org profile: name, org URL (with a warning when it does not look like Okta),
// API token or OAuth service app (client id, key id, private key PEM, scopes), system proxy,
// and "Test connection". Secrets go to the session's SecretStore only, never to settings.
// Shown with DialogHooks::showDialog (open(), no nested event loop); objectName "profileDialog".
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    // An `existing` profile with an empty id means "add a new one".
    ProfileDialog(OrgSession* session, DialogHooks* hooks, const OrgProfile& existing,
                  QWidget* parent = nullptr);
    ~ProfileDialog() override;

    // Ignored while the secret is being saved: the dialog must see the keychain's answer to
    // take a half-saved profile back out.
    void reject() override;

signals:
    // After the profile and its secret were stored.
    void profileSaved(const QString& profileId);

private:
    // One problem with what was typed, and the field it belongs to (for the inline message).
    struct FieldError {
        QWidget* field = nullptr;
        QString fieldName;
        QString message;
    };

    void buildUi();
    void fillFromProfile(const OrgProfile& profile);
    bool isEditing() const { return !m_existing.id.isEmpty(); }
    QList<QWidget*> inputs() const; // every control the user edits the profile with
    OrgProfile::AuthMethod selectedAuthMethod() const;
    // The profile as typed (id of the edited profile; no secret).
    OrgProfile profileFromFields() const;
    // validate() of `profile`, each error attributed to the field it is about.
    QList<FieldError> validationErrors(const OrgProfile& profile) const;
    // The secret typed for `profile` (token, or the key normalised to PKCS#8 PEM, which may also
    // fill in the key id); empty when the field is empty. False and the error when unusable.
    bool typedSecret(OrgProfile* profile, QByteArray* secret, FieldError* error) const;
    // True when saving without a typed secret keeps the stored one (same sign-in method).
    bool canKeepStoredSecret(const OrgProfile& profile) const;
    // Every problem that blocks saving; `secret` gets the typed secret when there is one.
    QList<FieldError> collectErrors(OrgProfile* profile, QByteArray* secret) const;
    void showErrors(const QList<FieldError>& errors, bool focusFirst);
    void updateUrlWarning();
    void updateAuthPage();
    void onEdited();
    void revalidateIfShown();
    void setBusy(bool saving, bool testing);

    void chooseKeyFile();
    void loadKeyFile(const QString& path);
    void testConnection();
    void runTest(const OrgProfile& profile, const QByteArray& secret);
    void save();
    void onSecretWritten(const QString& id, bool added, SecretKind kind, bool ok, const QString& error);

    QPointer<OrgSession> m_session;
    DialogHooks* m_hooks;
    OrgProfile m_existing;
    bool m_readOnly = false; // the built-in sandbox profile
    bool m_saving = false;
    bool m_testing = false;
    bool m_errorsShown = false; // after a refused Save the messages follow the typing
    QString m_pendingId;        // the profile stored while its secret is being written
    bool m_pendingAdded = false;

    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QLabel* m_urlWarningLabel = nullptr;
    QComboBox* m_authCombo = nullptr;
    QStackedWidget* m_authStack = nullptr; // the fields of each sign-in method
    QLineEdit* m_tokenEdit = nullptr;
    QLineEdit* m_clientIdEdit = nullptr;
    QLineEdit* m_keyIdEdit = nullptr;
    QPlainTextEdit* m_keyEdit = nullptr;
    QPushButton* m_loadKeyButton = nullptr;
    QListWidget* m_scopeList = nullptr;
    QCheckBox* m_proxyCheck = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResultLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
};
