#pragma once

#include <QObject>
#include <QString>

class OktaClient;
class QNetworkAccessManager;
class SandboxServer;

// The org a command talks to: a real one (--org, token from the environment) or a fresh
// in-process sandbox org (--sandbox). Owns the network access manager, the client and, for the
// sandbox, the server, all living as long as the command.
class OrgConnection : public QObject {
    Q_OBJECT
public:
    static constexpr const char* TokenVariable = "THREATDESK_API_TOKEN";

    explicit OrgConnection(QObject* parent = nullptr);
    ~OrgConnection() override;

    // False with a usage message when the URL is refused or the token is missing. The token
    // never comes from the command line: it would end up in shell history and `ps`.
    bool openOrg(const QString& url, QString* error);
    // False with the reason when the sandbox cannot listen.
    bool openSandbox(QString* error);

    OktaClient* client() const { return m_client; }

private:
    void useToken(const QString& token);

    QNetworkAccessManager* m_nam;
    OktaClient* m_client;
    SandboxServer* m_sandbox = nullptr;
};
