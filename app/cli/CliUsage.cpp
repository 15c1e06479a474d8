#include "cli/CliUsage.h"

#include "cli/GlobalOptions.h"

#include <QStringList>
#include <algorithm>

namespace {
QString optionSyntax(const QCommandLineOption& option) {
    QString text = QStringLiteral("--") + option.names().constFirst();
    if (!option.valueName().isEmpty())
        text += QLatin1Char(' ') + option.valueName();
    return text;
}

QString commandLine(const CliCommandRegistry::Entry& entry) {
    return entry.synopsis.isEmpty() ? entry.name : entry.name + QLatin1Char(' ') + entry.synopsis;
}
} // namespace

QString CliUsage::optionTable(const QList<QCommandLineOption>& options) {
    qsizetype width = 0;
    for (const QCommandLineOption& option : options)
        width = std::max(width, optionSyntax(option).size());
    QString text;
    for (const QCommandLineOption& option : options)
        text +=
            QStringLiteral("  %1  %2\n").arg(optionSyntax(option).leftJustified(width), option.description());
    return text;
}

QString CliUsage::general() {
    QString text =
        tr("Usage: threatdesk [--sandbox | --profile NAME] [--import FILE]\n"
           "         opens the desktop app (on the sandbox org, a profile, or the last one used)\n"
           "       threatdesk [--org URL | --sandbox | --profile NAME] [--json] [--timeout SECONDS] "
           "<command> [options]\n         runs one command headless\n\nCommands:\n");
    for (const CliCommandRegistry::Entry& entry : CliCommandRegistry::entries())
        text += QStringLiteral("  %1\n      %2\n").arg(commandLine(entry), entry.summary);

    QList<QCommandLineOption> options = GlobalOptions::definitions();
    options.append(QCommandLineOption(QStringLiteral("help"),
                                      tr("Show this help, or a command's help after the command.")));
    options.append(QCommandLineOption(QStringLiteral("version"), tr("Print the version.")));
    text += tr("\nGlobal options (before or after the command):\n") + optionTable(options);
    text += tr("\nExit codes: 0 ok, 1 rejected by Okta or unresolvable input, 2 usage or "
               "configuration error,\n3 authentication or permission denied, 4 network, "
               "timeout, rate limit or server failure.\n");
    return text;
}

QString CliUsage::forCommand(const CliCommandRegistry::Entry& entry,
                             const QList<QCommandLineOption>& options) {
    QString text = tr("Usage: threatdesk [global options] %1\n\n%2\n").arg(commandLine(entry), entry.summary);
    if (!options.isEmpty())
        text += tr("\nOptions:\n") + optionTable(options);
    text += tr("\nGlobal options: see 'threatdesk --help'.\n");
    return text;
}
