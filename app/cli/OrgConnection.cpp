#include "cli/OrgConnection.h"

#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "api/OktaClient.h"
#include "api/SswsAuthProvider.h"

#include <QNetworkAccessManager>

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
        *error = QStringLiteral("--org needs an Okta API token: set the environment variable %1 "
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
        *error = QStringLiteral("the sandbox org could not start: %1").arg(reason);
        return false;
    }
    if (!m_client->setBaseUrl(m_sandbox->baseUrl().toString(), error))
        return false;
    useToken(m_sandbox->token());
    return true;
}

void OrgConnection::useToken(const QString& token) {
    m_client->setAuthProvider(std::make_shared<SswsAuthProvider>(token));
}
