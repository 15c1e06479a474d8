#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

// Where an org URL points; drives the "is this really Okta?" warning and the sandbox rule.
enum class OrgUrlKind { OktaProduction, OktaPreview, OktaEmea, Custom, Loopback };

// What validate() found: errors block saving, warnings only need the user's attention.
struct ProfileValidation {
    QStringList errors;
    QStringList warnings;
    bool isValid() const { return errors.isEmpty(); }
};

// One org the user can connect to. Deliberately holds no secret: the API token or private key
// lives in the SecretStore, keyed by `id`, so this struct can be written to QSettings as is.
struct OrgProfile {
    Q_DECLARE_TR_FUNCTIONS(OrgProfile)
public:
    enum class AuthMethod { ApiToken, OAuthServiceApp, Sandbox };

    static constexpr const char* SandboxId = "sandbox";

    QString id;          // stable; a UUID without braces, or "sandbox" for the built-in one
    QString displayName; // unique among profiles, case-insensitively
    QString orgUrl;      // as typed until stored; ProfileStore keeps the normalised origin
    AuthMethod authMethod = AuthMethod::ApiToken;
    // OAuth service app only. The client id and key id are public identifiers, not secrets.
    QString clientId;
    QString keyId;
    QStringList scopes;
    bool useSystemProxy = true;

    // The built-in profile that starts the in-process sandbox org. Its URL stays empty: the
    // sandbox picks a free loopback port each time it starts.
    static OrgProfile sandbox();
    bool isSandbox() const { return id == QLatin1String(SandboxId); }

    // Checks everything but name uniqueness (that needs the other profiles).
    ProfileValidation validate() const;
    // The normalised origin of `orgUrl` (BaseUrlPolicy), or an empty URL when refused.
    QUrl normalizedOrgUrl(QString* error = nullptr) const;

    static OrgUrlKind classify(const QString& host);
    static QString authMethodKey(AuthMethod method);
    static bool authMethodFromKey(const QString& key, AuthMethod* method);
    static QString newId();

    friend bool operator==(const OrgProfile& a, const OrgProfile& b);
    friend bool operator!=(const OrgProfile& a, const OrgProfile& b) { return !(a == b); }
};
