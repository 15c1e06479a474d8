#include "cli/CliApplication.h"

#include "api/OktaClient.h"
#include "cli/CliCommand.h"
#include "cli/CliCommandRegistry.h"
#include "cli/CliUsage.h"
#include "cli/ExitCode.h"
#include "cli/OrgConnection.h"
#include "common/BuildInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMetaObject>
#include <cstdio>

namespace {
// Built when used, not at static initialisation: the translators are installed by then.
QCommandLineOption helpOption() {
    return QCommandLineOption(QStringList{QStringLiteral("help"), QStringLiteral("h")},
                              QCoreApplication::translate("CliApplication", "Show help."));
}

QCommandLineOption versionOption() {
    return QCommandLineOption(QStringLiteral("version"),
                              QCoreApplication::translate("CliApplication", "Print the version."));
}
} // namespace

CliApplication::CliApplication(QObject* parent)
    : QObject(parent) {}

CliApplication::~CliApplication() = default;

bool CliApplication::hasCommand(int argc, char** argv) {
    QStringList known;      // global long options, e.g. "--json"
    QStringList takesValue; // those followed by a value, e.g. "--org"
    for (const QCommandLineOption& option : GlobalOptions::definitions()) {
        known.append(QStringLiteral("--") + option.names().constFirst());
        if (!option.valueName().isEmpty())
            takesValue.append(known.constLast());
    }
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--"))
            return i + 1 < argc;
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h") ||
            argument == QLatin1String("--version"))
            return true;
        if (!argument.startsWith(QLatin1Char('-')))
            return true;
        // An unknown long option goes to the parser, which names it in its error. (Qt's own GUI
        // options, like -style, have a single dash.)
        if (argument.startsWith(QLatin1String("--")) &&
            !known.contains(argument.section(QLatin1Char('='), 0, 0)))
            return true;
        if (takesValue.contains(argument))
            ++i; // skip the option's value: "--org get" names an org, not a command
    }
    return false;
}

QString CliApplication::parseError(const QCommandLineParser& parser) {
    // The most common mistake in our own words, so it reads in the user's language even where
    // Qt's own catalogue (qtbase) is not installed.
    const QStringList unknown = parser.unknownOptionNames();
    if (unknown.size() == 1)
        return tr("Unknown option '%1'.").arg(unknown.constFirst());
    if (unknown.size() > 1)
        return tr("Unknown options: %1.").arg(unknown.join(QStringLiteral(", ")));
    return parser.errorText();
}

int CliApplication::exec() {
    QCoreApplication::setApplicationName(QStringLiteral("threatdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THREATDESK_VERSION));
    // Everything, including a usage error, ends through QCoreApplication::exit() from inside the
    // running loop, so there is one way out.
    QMetaObject::invokeMethod(this, &CliApplication::start, Qt::QueuedConnection);
    return QCoreApplication::exec();
}

void CliApplication::start() {
    const int exitCode = launch(QCoreApplication::arguments());
    if (exitCode != Running)
        finish(exitCode);
}

int CliApplication::launch(const QStringList& arguments) {
    QStringList words;
    int exitCode = parseGlobalOptions(arguments, &words);
    if (exitCode == Running)
        exitCode = prepareCommand(arguments.value(0), words);
    if (exitCode != Running)
        return exitCode;
    if (m_command->needsOrg())
        return connectToOrg();
    runCommand(nullptr);
    return Running;
}

void CliApplication::runCommand(OktaClient* client) {
    connect(m_command, &CliCommand::finished, this, &CliApplication::finish);
    m_command->run(client, &m_output);
}

int CliApplication::parseGlobalOptions(const QStringList& arguments, QStringList* words) {
    // Global options end at the first word; the rest belongs to the command.
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOptions(GlobalOptions::definitions());
    const QCommandLineOption help = helpOption();
    const QCommandLineOption version = versionOption();
    parser.addOption(help);
    parser.addOption(version);
    if (!parser.parse(arguments))
        return m_output.usageError(parseError(parser));
    if (parser.isSet(help)) {
        m_output.text(CliUsage::general());
        return ExitCode::Ok;
    }
    if (parser.isSet(version)) {
        // The first line stays "threatdesk VERSION" for scripts; the rest is for bug reports.
        m_output.line(QStringLiteral("threatdesk %1").arg(BuildInfo::appVersion()));
        m_output.line(QStringLiteral("Qt %1 (built with %2), QtKeychain %3")
                          .arg(BuildInfo::qtRuntimeVersion(), BuildInfo::qtBuildVersion(),
                               BuildInfo::keychainVersion()));
        m_output.line(QStringLiteral("License: %1").arg(BuildInfo::licence()));
        return ExitCode::Ok;
    }
    m_globals.readFrom(parser);
    *words = parser.positionalArguments();
    return Running;
}

int CliApplication::prepareCommand(const QString& program, const QStringList& words) {
    int consumed = 0;
    QString error;
    const CliCommandRegistry::Entry* entry = CliCommandRegistry::find(words, &consumed, &error);
    if (!entry) {
        // "threatdesk zones --help": no single command to describe, so show them all.
        if (words.contains(QLatin1String("--help")) || words.contains(QLatin1String("-h"))) {
            m_output.text(CliUsage::general());
            return ExitCode::Ok;
        }
        return m_output.usageError(error);
    }
    m_command = entry->create(this);

    // The command's options, and the global ones again so they may follow the command too.
    QCommandLineParser parser;
    parser.addOptions(m_command->options());
    parser.addOptions(GlobalOptions::definitions());
    const QCommandLineOption help = helpOption();
    parser.addOption(help);
    if (!parser.parse(QStringList{program} + words.mid(consumed)))
        return m_output.usageError(QStringLiteral("%1: %2").arg(entry->name, parseError(parser)));
    if (parser.isSet(help)) {
        m_output.text(CliUsage::forCommand(*entry, m_command->options()));
        return ExitCode::Ok;
    }
    if (parser.positionalArguments().size() > m_command->maxArguments())
        return m_output.usageError(
            tr("%1: unexpected argument '%2'.")
                .arg(entry->name, parser.positionalArguments().value(m_command->maxArguments())));
    m_globals.readFrom(parser);
    if (!m_globals.validate(&error))
        return m_output.usageError(error);
    m_output.setJson(m_globals.json());
    if (!m_command->configure(parser, &error))
        return m_output.usageError(error);
    return Running;
}

int CliApplication::connectToOrg() {
    const QString ownProfile = m_command->profileToConnect();
    if (!ownProfile.isEmpty() && m_globals.hasOrg())
        return m_output.usageError(tr("this command names its profile: drop --org, --sandbox "
                                      "and --profile."));
    if (ownProfile.isEmpty() && !m_globals.hasOrg())
        return m_output.usageError(
            tr("this command talks to an org: give --org URL (with the API token in %1), "
               "--sandbox or --profile NAME.")
                .arg(QLatin1String(OrgConnection::TokenVariable)));
    m_connection = new OrgConnection(this);
    const QString profile = ownProfile.isEmpty() ? m_globals.profile() : ownProfile;
    if (!profile.isEmpty()) {
        m_connection->openProfile(profile, m_globals.timeoutMs(), [this](int exitCode, const QString& error) {
            onConnected(exitCode, error);
        });
        return Running;
    }
    QString error;
    if (m_globals.useSandbox()) {
        if (!m_connection->openSandbox(&error)) {
            m_output.error(error);
            return ExitCode::Failure;
        }
    } else if (!m_connection->openOrg(m_globals.orgUrl(), &error)) {
        return m_output.usageError(error);
    }
    onConnected(ExitCode::Ok, {});
    return Running;
}

void CliApplication::onConnected(int exitCode, const QString& error) {
    if (exitCode != ExitCode::Ok) {
        m_output.error(error); // a profile problem, not a command-line one: no pointer to --help
        finish(exitCode);
        return;
    }
    OktaClient* client = m_connection->client();
    if (m_globals.timeoutMs() > 0)
        client->setTransferTimeoutMs(m_globals.timeoutMs());
    m_command->setConnection(m_connection);
    runCommand(client);
}

void CliApplication::finish(int exitCode) {
    QCoreApplication::exit(exitCode);
}
