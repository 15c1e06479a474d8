#pragma once

#include "profiles/OrgProfile.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class KeychainSecretStore;
class OktaClient;
class ProfileStore;
class QNetworkAccessManager;
class SandboxServer;

// The org a command talks to: a real one (--org, token from the environment), a fresh
// in-process sandbox org (--sandbox) or a stored profile (--profile, secret from the keychain).
// Owns the network access manager, the client and, for the sandbox, the server, all living as
// long as the command.
class OrgConnection : public QObject {
    Q_OBJECT
public:
    static constexpr const char* TokenVariable = "THREATDESK_API_TOKEN";

    // The outcome of openProfile(): an exit code (ExitCode::Ok when connected) and, when not,
    // the message for the user.
    using Opened = std::function<void(int exitCode, const QString& error)>;
    // The outcome of requestOAuthToken(): the granted scopes, or the reason it failed.
    using TokenDone = std::function<void(bool ok, const QString& error, const QStringList& scopes)>;

    explicit OrgConnection(QObject* parent = nullptr);
    ~OrgConnection() override;

    // False with a usage message when the URL is refused or the token is missing. The token
    // never comes from the command line: it would end up in shell history and `ps`.
    bool openOrg(const QString& url, QString* error);
    // False with the reason when the sandbox cannot listen.
    bool openSandbox(QString* error);
    // Looks the profile up (name or id) and reads its secret from the keychain. The keychain
    // answers asynchronously, so `done` runs on a later event-loop turn (or at once when the
    // profile is unknown or needs no secret, like the sandbox).
    // `transferTimeoutMs` (0: the default) also bounds an OAuth token request.
    void openProfile(const QString& nameOrId, int transferTimeoutMs, Opened done);

    OktaClient* client() const { return m_client; }
    // The profile opened by openProfile(); empty id otherwise.
    const OrgProfile& profile() const { return m_profile; }

    // OAuth profiles only: asks the token endpoint for a token now (profiles test).
    void requestOAuthToken(TokenDone done);

private:
    void useToken(const QString& token);
    void onSecret(const QByteArray& secret, const Opened& done);

    QNetworkAccessManager* m_nam;
    OktaClient* m_client;
    SandboxServer* m_sandbox = nullptr;
    ProfileStore* m_profiles = nullptr;
    KeychainSecretStore* m_secrets = nullptr;
    OrgProfile m_profile;
    int m_transferTimeoutMs = 0;
};
