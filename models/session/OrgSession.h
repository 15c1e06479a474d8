#pragma once

#include "api/OktaResult.h"
#include "profiles/OrgProfile.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class OktaClient;
class ProfileStore;
class QNetworkAccessManager;
class SecretStore;

// The org the desktop app is connected to: opens a profile (secret from the SecretStore, the
// built-in sandbox through an injected starter), owns the OktaClient for it and says how the
// connection stands. Pages only ever talk to Okta through client() while the session is Open;
// on every switch the old client is announced (closing()) and deleted, so no answer of the
// previous org can reach a page of the next one.
class OrgSession : public QObject {
    Q_OBJECT
public:
    enum class State { Closed, Opening, Open, Failed };
    Q_ENUM(State)

    // Starts the in-process sandbox org (the app layer owns it; models/ never sees it) and gives
    // its base URL and admin token, or false and the reason.
    using SandboxStarter = std::function<bool(QUrl* baseUrl, QString* token, QString* error)>;
    // The answer of testConnection(): ok, and one sentence for the user (what was reached, or
    // Okta's error with its request id).
    using TestDone = std::function<void(bool ok, const QString& message)>;

    // `nam` is not owned and must outlive the session; `profiles` and `secrets` neither.
    OrgSession(QNetworkAccessManager* nam, ProfileStore* profiles, SecretStore* secrets,
               QObject* parent = nullptr);
    ~OrgSession() override;

    void setSandboxStarter(SandboxStarter starter);
    // Swaps the secret store, e.g. for a session-only one when the system keychain is missing.
    // Takes effect at the next open(); not owned.
    void setSecretStore(SecretStore* secrets) { m_secrets = secrets; }
    // Applied to every client this session creates (tests shorten it).
    void setTransferTimeoutMs(int ms);

    // Closes the current org, then opens this profile asynchronously (the keychain answers later):
    // stateChanged(Opening) now, then opened() or failed(reason). Remembers it as the last used.
    void open(const QString& profileId);
    void close();
    // Opens the last used profile if it still exists; false (nothing happens) otherwise.
    bool openLastUsed();

    State state() const { return m_state; }
    QString errorMessage() const { return m_error; } // why the last open failed
    const OrgProfile& profile() const { return m_profile; }
    OktaClient* client() const; // nullptr unless Open
    // For the status bar: "Acme (acme.okta.com)", "API token" / "OAuth service app" / "Sandbox".
    QString orgLabel() const;
    QString authMethodLabel() const;
    // The budget the last answer of this org carried (any endpoint family), and its path.
    const RateLimitSnapshot& lastRateLimit() const { return m_lastRateLimit; }
    QString lastRateLimitPath() const { return m_lastRateLimitPath; }

    ProfileStore* profiles() const { return m_profiles; }
    SecretStore* secrets() const { return m_secrets; }
    QNetworkAccessManager* networkAccessManager() const { return m_nam; }

    // "Test connection" of the profile dialog: one read-only call with this profile and secret
    // (not stored), on a throw-away client. `done` runs once, later, unless `context` is gone.
    void testConnection(const OrgProfile& profile, const QByteArray& secret, const QObject* context,
                        TestDone done);

signals:
    void stateChanged(OrgSession::State state);
    void closing(); // the client is about to be deleted: drop jobs and models of this org
    void opened();  // client() is ready
    void failed(const QString& reason);
    // Every HTTP exchange of the open org (for the status bar's budget).
    void exchangeFinished(const OktaResult& result);

private:
    void setState(State state);
    void fail(const QString& reason);
    void finishOpen(OktaClient* client);

    QNetworkAccessManager* m_nam;
    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    SandboxStarter m_sandboxStarter;
    int m_transferTimeoutMs = 0;
    State m_state = State::Closed;
    QString m_error;
    OrgProfile m_profile;
    QPointer<OktaClient> m_client;
    quint64 m_generation = 0; // a keychain answer for an older open() is ignored
    RateLimitSnapshot m_lastRateLimit;
    QString m_lastRateLimitPath;
};
