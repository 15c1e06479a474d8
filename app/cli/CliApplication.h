#pragma once

#include "cli/CliOutput.h"
#include "cli/GlobalOptions.h"

#include <QObject>
#include <QStringList>

class CliCommand;
class QCommandLineParser;
class OktaClient;
class OrgConnection;

// The headless side of `threatdesk`: parses the global options, finds the command, connects to
// the org and runs the command inside the event loop, then exits with the command's code.
class CliApplication : public QObject {
    Q_OBJECT
public:
    explicit CliApplication(QObject* parent = nullptr);
    ~CliApplication() override;

    // True when the arguments name a sub-command (or ask for --help / --version): run headless.
    // Looked at before any QCoreApplication exists, since the GUI will need a QApplication.
    static bool hasCommand(int argc, char** argv);

    // Runs QCoreApplication::arguments() and returns the process exit code.
    int exec();

private:
    static constexpr int Running = -1;
    // The parser's error, with unknown options named in the user's language.
    static QString parseError(const QCommandLineParser& parser);

    void start();
    // Each step returns Running to go on, or the exit code the run ends with (help, errors).
    int launch(const QStringList& arguments);
    int parseGlobalOptions(const QStringList& arguments, QStringList* words);
    int prepareCommand(const QString& program, const QStringList& words);
    // Opens the org and starts the command once connected. A --profile connection reads the
    // keychain, which answers on a later event-loop turn, so this may return before the start.
    int connectToOrg();
    void onConnected(int exitCode, const QString& error);
    void runCommand(OktaClient* client);
    void finish(int exitCode);

    CliOutput m_output;
    GlobalOptions m_globals;
    OrgConnection* m_connection = nullptr;
    CliCommand* m_command = nullptr;
};
