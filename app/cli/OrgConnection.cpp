#include "cli/OrgConnection.h"

#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "api/OktaClient.h"
#include "api/SswsAuthProvider.h"
#include "auth/SigningKey.h"
#include "cli/CliProfiles.h"
#include "cli/ExitCode.h"
#include "profiles/ProfileStore.h"
#include "secrets/KeychainSecretStore.h"

#include "api/OAuthAuthProvider.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

OrgConnection::OrgConnection(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_client(new OktaClient(m_nam, this)) {}

OrgConnection::~OrgConnection() = default;

bool OrgConnection::openOrg(const QString& url, QString* error) {
    if (!m_client->setBaseUrl(url, error))
        return false;
    const QString token = qEnvironmentVariable(TokenVariable).trimmed();
    if (token.isEmpty()) {
        *error = tr("--org needs an Okta API token: set the environment variable %1 "
                    "(it is never taken from the command line).")
                     .arg(QLatin1String(TokenVariable));
        return false;
    }
    useToken(token);
    return true;
}

bool OrgConnection::openSandbox(QString* error) {
    m_sandbox = new SandboxServer(SandboxOptions{}, this);
    QString reason;
    if (!m_sandbox->start(&reason)) {
        *error = tr("the sandbox org could not start: %1").arg(reason);
        return false;
    }
    if (!m_client->setBaseUrl(m_sandbox->baseUrl().toString(), error))
        return false;
    useToken(m_sandbox->token());
    return true;
}

void OrgConnection::openProfile(const QString& nameOrId, int transferTimeoutMs, Opened done) {
    m_transferTimeoutMs = transferTimeoutMs;
    m_profiles = new ProfileStore(this);
    QString error;
    if (!CliProfiles::find(*m_profiles, nameOrId, &m_profile, &error)) {
        done(ExitCode::Usage, error);
        return;
    }
    if (m_profile.isSandbox()) {
        const int code = openSandbox(&error) ? ExitCode::Ok : ExitCode::Failure;
        done(code, error);
        return;
    }
    if (!m_client->setBaseUrl(m_profile.orgUrl, &error)) {
        done(ExitCode::Usage, tr("profile '%1': %2").arg(m_profile.displayName, error));
        return;
    }
    // The profile says whether the system's proxy settings apply to this org (corporate
    // networks often require one); otherwise connect directly.
    // One connection per CLI process, so the application-wide switch is the right scope.
    if (m_profile.useSystemProxy)
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    else
        m_nam->setProxy(QNetworkProxy::NoProxy);
    const SecretKind kind = m_profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp
                                ? SecretKind::PrivateKey
                                : SecretKind::ApiToken;
    m_secrets = new KeychainSecretStore(this);
    m_secrets->read(m_profile.id, kind, this, [this, kind, done](const SecretResult& result) {
        if (result.ok) {
            onSecret(result.value, done);
            return;
        }
        const QString what = kind == SecretKind::PrivateKey ? tr("private key") : tr("API token");
        if (result.errorKind == SecretError::NotFound) {
            // Missing configuration, like a missing THREATDESK_API_TOKEN.
            done(ExitCode::Usage, tr("profile '%1' has no stored %2 in the keychain; remove "
                                     "it and add it again with 'threatdesk profiles add'.")
                                      .arg(m_profile.displayName, what));
            return;
        }
        done(ExitCode::Failure, tr("the %1 of profile '%2' could not be read from the "
                                   "keychain: %3")
                                    .arg(what, m_profile.displayName, result.error));
    });
}

void OrgConnection::onSecret(const QByteArray& secret, const Opened& done) {
    if (m_profile.authMethod == OrgProfile::AuthMethod::ApiToken) {
        useToken(QString::fromUtf8(secret).trimmed());
        done(ExitCode::Ok, {});
        return;
    }
    QString error;
    std::optional<SigningKey> key = SigningKey::fromPem(secret, &error);
    if (!key) {
        done(ExitCode::Failure, tr("the private key of profile '%1' in the keychain is "
                                   "unusable: %2")
                                    .arg(m_profile.displayName, error));
        return;
    }
    OAuthAuthProvider::Options options;
    options.clientId = m_profile.clientId;
    options.keyId = m_profile.keyId;
    options.scopes = m_profile.scopes;
    if (m_transferTimeoutMs > 0)
        options.transferTimeoutMs = m_transferTimeoutMs;
    m_client->setAuthProvider(std::make_shared<OAuthAuthProvider>(m_nam, m_client->baseUrl(), *key, options));
    done(ExitCode::Ok, {});
}

void OrgConnection::requestOAuthToken(TokenDone done) {
    auto* provider = qobject_cast<OAuthAuthProvider*>(m_client->authProvider());
    if (!provider) {
        done(false, tr("this connection does not use OAuth."), {});
        return;
    }
    QPointer<OAuthAuthProvider> guard(provider);
    provider->requestToken([guard, done](bool ok, const QString& error) {
        done(ok, error, guard ? guard->grantedScopes() : QStringList());
    });
}

void OrgConnection::useToken(const QString& token) {
    m_client->setAuthProvider(std::make_shared<SswsAuthProvider>(token));
}
