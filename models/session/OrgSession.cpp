#include "session/OrgSession.h"

#include "api/OAuthAuthProvider.h"
#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/SswsAuthProvider.h"
#include "auth/SigningKey.h"
#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace {

SecretKind secretKindOf(const OrgProfile& profile) {
    return profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp ? SecretKind::PrivateKey
                                                                         : SecretKind::ApiToken;
}

// A client for `profile` with `secret`, or nullptr and the reason. The secret only ever goes
// into the auth provider, never into a message.
OktaClient* makeClient(QNetworkAccessManager* nam, const OrgProfile& profile, const QString& baseUrl,
                       const QByteArray& secret, int transferTimeoutMs, QObject* parent, QString* error) {
    auto* client = new OktaClient(nam, parent);
    if (transferTimeoutMs > 0)
        client->setTransferTimeoutMs(transferTimeoutMs);
    if (!client->setBaseUrl(baseUrl, error)) {
        delete client;
        return nullptr;
    }
    if (profile.authMethod != OrgProfile::AuthMethod::OAuthServiceApp) {
        const QString token = QString::fromUtf8(secret).trimmed();
        if (token.isEmpty()) {
            *error = OrgSession::tr("the API token is empty.");
            delete client;
            return nullptr;
        }
        client->setAuthProvider(std::make_shared<SswsAuthProvider>(token));
        return client;
    }
    QString keyError;
    std::optional<SigningKey> key = SigningKey::fromPem(secret, &keyError);
    if (!key) {
        *error = OrgSession::tr("the private key is unusable: %1").arg(keyError);
        delete client;
        return nullptr;
    }
    OAuthAuthProvider::Options options;
    options.clientId = profile.clientId;
    options.keyId = profile.keyId;
    options.scopes = profile.scopes;
    if (transferTimeoutMs > 0)
        options.transferTimeoutMs = transferTimeoutMs;
    client->setAuthProvider(std::make_shared<OAuthAuthProvider>(nam, client->baseUrl(), *key, options));
    return client;
}

} // namespace

OrgSession::OrgSession(QNetworkAccessManager* nam, ProfileStore* profiles, SecretStore* secrets,
                       QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_profiles(profiles)
    , m_secrets(secrets) {}

OrgSession::~OrgSession() {
    delete m_client.data();
}

void OrgSession::setSandboxStarter(SandboxStarter starter) {
    m_sandboxStarter = std::move(starter);
}

void OrgSession::setTransferTimeoutMs(int ms) {
    m_transferTimeoutMs = ms;
}

OktaClient* OrgSession::client() const {
    return m_state == State::Open ? m_client.data() : nullptr;
}

void OrgSession::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void OrgSession::close() {
    ++m_generation; // an answer of the keychain for the previous open is now stale
    if (m_client) {
        emit closing();
        // Deleted later: a page may still be inside a slot called by one of its jobs.
        m_client->disconnect(this);
        m_client->deleteLater();
        m_client.clear();
    }
    m_lastRateLimit = {};
    m_lastRateLimitPath.clear();
    m_error.clear();
    m_profile = OrgProfile();
    setState(State::Closed);
}

bool OrgSession::openLastUsed() {
    const QString id = m_profiles->lastUsedProfileId();
    if (id.isEmpty() || !m_profiles->contains(id))
        return false;
    open(id);
    return true;
}

void OrgSession::fail(const QString& reason) {
    m_error = reason;
    setState(State::Failed);
    emit failed(reason);
}

void OrgSession::open(const QString& requestedId) {
    // A copy: the caller may pass profile().id, which close() clears.
    const QString profileId = requestedId;
    close();
    const quint64 generation = m_generation;
    m_profile = m_profiles->profile(profileId);
    if (m_profile.id.isEmpty()) {
        m_profile.id = profileId;
        fail(tr("There is no profile '%1' any more; pick another org or add a profile.").arg(profileId));
        return;
    }
    setState(State::Opening);
    // The profile says whether the system's proxy settings apply to this org (corporate networks
    // often need one); otherwise connect directly. One org is open at a time, so the shared
    // access manager carries the choice.
    m_nam->setProxy(m_profile.useSystemProxy || m_profile.isSandbox()
                        ? QNetworkProxy(QNetworkProxy::DefaultProxy)
                        : QNetworkProxy(QNetworkProxy::NoProxy));

    if (m_profile.isSandbox()) {
        QUrl url;
        QString token;
        QString error;
        if (!m_sandboxStarter) {
            fail(tr("The sandbox org is not available in this build."));
            return;
        }
        if (!m_sandboxStarter(&url, &token, &error)) {
            fail(tr("The sandbox org could not start: %1").arg(error));
            return;
        }
        OktaClient* client =
            makeClient(m_nam, m_profile, url.toString(), token.toUtf8(), m_transferTimeoutMs, this, &error);
        if (!client) {
            fail(tr("The sandbox org could not be reached: %1").arg(error));
            return;
        }
        finishOpen(client);
        return;
    }

    const SecretKind kind = secretKindOf(m_profile);
    m_secrets->read(m_profile.id, kind, this, [this, generation, kind](const SecretResult& result) {
        if (generation != m_generation)
            return; // the user switched org meanwhile
        const QString what = kind == SecretKind::PrivateKey ? tr("private key") : tr("API token");
        if (!result.ok) {
            if (result.errorKind == SecretError::NotFound)
                fail(tr("Profile '%1' has no %2 in the keychain; edit the profile and enter it again.")
                         .arg(m_profile.displayName, what));
            else
                fail(tr("The %1 of profile '%2' could not be read from the keychain: %3")
                         .arg(what, m_profile.displayName, result.error));
            return;
        }
        QString error;
        OktaClient* client =
            makeClient(m_nam, m_profile, m_profile.orgUrl, result.value, m_transferTimeoutMs, this, &error);
        if (!client) {
            fail(tr("Profile '%1': %2").arg(m_profile.displayName, error));
            return;
        }
        finishOpen(client);
    });
}

void OrgSession::finishOpen(OktaClient* client) {
    // Remembered only once it opened: a profile that fails is not reopened at the next start.
    m_profiles->setLastUsedProfileId(m_profile.id);
    m_client = client;
    connect(client, &OktaClient::exchangeFinished, this, [this](const OktaResult& result) {
        if (result.rateLimit.hasBudget()) {
            m_lastRateLimit = result.rateLimit;
            m_lastRateLimitPath = result.url.path();
        }
        emit exchangeFinished(result);
    });
    setState(State::Open);
    emit opened();
}

QString OrgSession::orgLabel() const {
    if (m_profile.id.isEmpty())
        return tr("No org");
    if (m_profile.isSandbox())
        return m_client ? tr("%1 (%2)").arg(m_profile.displayName, m_client->baseUrl().authority())
                        : m_profile.displayName;
    const QString host = QUrl(m_profile.orgUrl).host();
    return host.isEmpty() ? m_profile.displayName : tr("%1 (%2)").arg(m_profile.displayName, host);
}

QString OrgSession::authMethodLabel() const {
    if (m_profile.id.isEmpty())
        return {};
    switch (m_profile.authMethod) {
    case OrgProfile::AuthMethod::ApiToken:
        return tr("API token");
    case OrgProfile::AuthMethod::OAuthServiceApp:
        return tr("OAuth service app");
    case OrgProfile::AuthMethod::Sandbox:
        return tr("Sandbox (API token)");
    }
    return {};
}

void OrgSession::testConnection(const OrgProfile& profile, const QByteArray& secret, const QObject* context,
                                TestDone done) {
    QPointer<const QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto answer = [guard, hadContext, done](bool ok, const QString& message) {
        if (hadContext && !guard)
            return;
        done(ok, message);
    };
    QString error;
    OktaClient* client =
        makeClient(m_nam, profile, profile.orgUrl, secret, m_transferTimeoutMs, this, &error);
    if (!client) {
        // Asynchronous like every other answer, so callers need no second code path.
        QMetaObject::invokeMethod(
            this, [answer, error] { answer(false, error); }, Qt::QueuedConnection);
        return;
    }
    // Reading the ThreatInsight configuration needs only okta.threatInsights.read: the least a
    // profile of this app must be able to do.
    OktaJob* job = client->getThreatInsightConfiguration();
    connect(job, &OktaJob::finished, client, [client, answer](const OktaResult& result) {
        client->deleteLater();
        if (result.isSuccess()) {
            const QString id = result.requestId.isEmpty() ? tr("none") : result.requestId;
            answer(true, tr("Connected: the ThreatInsight configuration was read (request id %1).").arg(id));
            return;
        }
        answer(false, tr("The connection test failed: %1").arg(result.describe()));
    });
}
