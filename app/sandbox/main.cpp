// threatdesk-sandbox: runs the sandbox org until SIGTERM/SIGINT. See SandboxCommandLine for options.
#include "SandboxCommandLine.h"
#include "SandboxServer.h"
#include "SandboxTerminationSignals.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

void printLine(FILE* stream, const QString& text) {
    std::fputs(qUtf8Printable(text + QLatin1Char('\n')), stream);
    std::fflush(stream); // whoever started us reads the URL line before we ever exit
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("threatdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THREATDESK_VERSION));

    const SandboxCommandLine::Result commandLine = SandboxCommandLine::parse(QCoreApplication::arguments());
    if (commandLine.helpRequested) {
        printLine(stdout, SandboxCommandLine::helpText());
        return 0;
    }
    if (commandLine.versionRequested) {
        printLine(stdout, QStringLiteral("threatdesk-sandbox " THREATDESK_VERSION));
        return 0;
    }
    if (!commandLine.error.isEmpty()) {
        printLine(stderr, QStringLiteral("threatdesk-sandbox: %1\nTry 'threatdesk-sandbox --help'.")
                              .arg(commandLine.error));
        return 2;
    }

    SandboxServer server(commandLine.options);
    for (const SandboxFault& fault : commandLine.faults)
        server.injectFault(fault);
    QString error;
    if (!server.start(&error)) {
        printLine(stderr, QStringLiteral("threatdesk-sandbox: ") + error);
        return 1;
    }

    printLine(stdout, server.baseUrl().toString());
    if (!commandLine.tokenGiven)
        printLine(stdout, server.token());
    printLine(stderr, QStringLiteral("threatdesk-sandbox: serving %1 (read-only token: %2); stop with Ctrl+C")
                          .arg(server.baseUrl().toString(), server.readOnlyToken()));
    printLine(stderr, QStringLiteral("threatdesk-sandbox: OAuth token endpoint %1 (service app %2 and any "
                                     "--service-app; DPoP %3)")
                          .arg(server.tokenEndpoint().toString(), SandboxServer::RiskProviderClientId,
                               server.options().requireDpop ? QStringLiteral("required")
                                                            : QStringLiteral("optional")));
    QObject::connect(&server, &SandboxServer::requestServed, &server,
                     [](const QString& method, const QString& path, int status) {
                         printLine(stderr, QStringLiteral("%1 %2 -> %3").arg(method, path).arg(status));
                     });

    SandboxTerminationSignals terminationSignals;
    QObject::connect(&terminationSignals, &SandboxTerminationSignals::received, &app,
                     &QCoreApplication::quit);
    return QCoreApplication::exec();
}
