#pragma once

#include "threatinsight/ZoneCatalogue.h"

#include <QCommandLineOption>
#include <QList>
#include <QObject>
#include <QPointer>

class CliOutput;
class OktaClient;
class OrgConnection;
class QCommandLineParser;
struct OktaResult;

// One sub-command (e.g. "threatinsight set"). The application parses the global options, asks
// the command for its own options, lets it read them (configure), connects to the org and calls
// run(); the command chains its jobs and emits `finished` exactly once with the exit code.
// A new command is a subclass plus one line in CliCommandRegistry.
class CliCommand : public QObject {
    Q_OBJECT
public:
    explicit CliCommand(QObject* parent = nullptr);
    ~CliCommand() override;

    // The command's own options (the global ones are added by the application).
    virtual QList<QCommandLineOption> options() const { return {}; }
    // Reads the parsed options; false and a message (usage error) when they make no sense.
    // Runs before any connection is made, so bad input never costs a request.
    virtual bool configure(const QCommandLineParser& parser, QString* error);
    // Whether the command talks to an org (needs --org or --sandbox). Asked after configure().
    virtual bool needsOrg() const { return true; }
    // A command that names its own profile (`profiles test NAME`) connects with it instead of
    // the global --org / --sandbox / --profile. Asked after configure(); empty for the others.
    virtual QString profileToConnect() const { return {}; }
    // How many positional arguments (e.g. FILE) the command takes; configure() reads them.
    virtual int maxArguments() const { return 0; }

    // `client` is null for commands that do not need an org.
    void run(OktaClient* client, CliOutput* output);
    // The connection behind client(), for commands that look past the client (profiles test).
    void setConnection(OrgConnection* connection) { m_connection = connection; }
    bool isFinished() const { return m_finished; }

signals:
    void finished(int exitCode);

protected:
    virtual void start() = 0;
    void finish(int exitCode);

    OktaClient* client() const;
    OrgConnection* connection() const { return m_connection; }
    CliOutput& output() const { return *m_output; }
    // The zones of a listZones() answer; zones that cannot be read are reported as warnings.
    ZoneCatalogue catalogueFrom(const OktaResult& listing) const;
    // Okta answered 2xx but not with the object we expect: say so with the request id.
    int unreadableAnswer(const QString& what, const OktaResult& result, const QString& reason);

private:
    QPointer<OktaClient> m_client;
    OrgConnection* m_connection = nullptr; // owned by the application, outlives the command
    CliOutput* m_output = nullptr;
    bool m_finished = false;
};
