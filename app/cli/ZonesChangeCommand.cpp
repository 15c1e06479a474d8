#include "cli/ZonesChangeCommand.h"

#include "api/OktaClient.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/OrgConnection.h"
#include "cli/RiskDelivery.h"
#include "common/Translations.h"
#include "history/HistoryStore.h"
#include "incident/ZoneGatewayChange.h"
#include "incident/ZoneGatewayEditor.h"
#include "profiles/OrgProfile.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QLocale>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {
const QString ZoneOption = QStringLiteral("zone");
const QString YesOption = QStringLiteral("yes");
const QString DryRunOption = QStringLiteral("dry-run");
// The plan's label column: 16 fits the English labels; a longer translation widens it.
constexpr qsizetype MinLabelWidth = 16;

QString number(qsizetype value) {
    return Translations::numberLocale().toString(static_cast<qint64>(value));
}

bool standardInputIsTerminal() {
#ifdef Q_OS_UNIX
    return ::isatty(STDIN_FILENO) == 1;
#else
    return false; // no asynchronous console read there: --yes or --dry-run
#endif
}

QJsonArray valuesArray(const QList<NetworkZone::Address>& addresses) {
    QJsonArray array;
    for (const NetworkZone::Address& address : addresses)
        array.append(address.value);
    return array;
}
} // namespace

ZonesChangeCommand::ZonesChangeCommand(ZoneAction action, QObject* parent)
    : CliCommand(parent)
    , m_action(action) {}

ZonesChangeCommand::~ZonesChangeCommand() = default;

QList<QCommandLineOption> ZonesChangeCommand::options() const {
    return {
        QCommandLineOption(
            ZoneOption,
            tr("The zone to change (name or id); default %1.").arg(ZoneActions::defaultZoneName(m_action)),
            QStringLiteral("NAME")),
        QCommandLineOption(QStringList{YesOption, QStringLiteral("y")}, tr("Apply without asking.")),
        QCommandLineOption(DryRunOption, tr("Only show what would change; write nothing.")),
    };
}

bool ZonesChangeCommand::configure(const QCommandLineParser& parser, QString* error) {
    const QString name = QStringLiteral("zones ") + ZoneActions::word(m_action);
    m_inputs = parser.positionalArguments();
    if (m_inputs.isEmpty()) {
        *error = tr("%1 needs at least one IP address, CIDR or range, e.g. %1 203.0.113.7").arg(name);
        return false;
    }
    m_zone = parser.value(ZoneOption).trimmed();
    if (parser.isSet(ZoneOption) && m_zone.isEmpty()) {
        *error = tr("--zone needs a zone name or id, not an empty string.");
        return false;
    }
    m_yes = parser.isSet(YesOption);
    m_dryRun = parser.isSet(DryRunOption);
    if (m_yes && m_dryRun) {
        *error = tr("--yes and --dry-run contradict each other: give one of them.");
        return false;
    }
    // Syntax is checked here, before any connection: a typo never costs a request.
    for (qsizetype i = 0; i < m_inputs.size(); ++i) {
        QString problem;
        if (!ZoneGatewayChange::parseAddress(m_inputs.at(i), &problem))
            m_problems.append(tr("'%1' (item %2): %3").arg(m_inputs.at(i).trimmed()).arg(i + 1).arg(problem));
    }
    return true;
}

void ZonesChangeCommand::start() {
    if (!m_problems.isEmpty()) {
        output().error(
            tr("zones %1: %2 of %n item(s) cannot be used; nothing was sent:", nullptr, int(m_inputs.size()))
                .arg(ZoneActions::word(m_action))
                .arg(m_problems.size()));
        for (const QString& problem : std::as_const(m_problems))
            output().errorDetail(problem);
        finish(ExitCode::Rejected);
        return;
    }
    m_editor = new ZoneGatewayEditor(client(), this);
    // Changes made from the command line show in the app's History for the same profile.
    const OrgProfile profile = connection() ? connection()->profile() : OrgProfile();
    const QString profileId = profile.id.isEmpty() ? RiskDelivery::profileIdFor(client()) : profile.id;
    QString profileName = profile.displayName;
    if (profileName.isEmpty())
        profileName = profileId == QLatin1String(OrgProfile::SandboxId) ? tr("Sandbox org")
                                                                        : client()->baseUrl().host();
    m_history = new HistoryStore(HistoryStore::defaultBaseDirectory(), this);
    m_editor->setHistory(m_history, profileId, profileName);
    connect(m_editor, &ZoneGatewayEditor::planned, this, &ZonesChangeCommand::onPlanned);
    connect(m_editor, &ZoneGatewayEditor::applied, this, &ZonesChangeCommand::onApplied);
    connect(m_editor, &ZoneGatewayEditor::failed, this, &ZonesChangeCommand::onFailed);
    m_editor->prepare(m_action, m_inputs, m_zone);
}

void ZonesChangeCommand::say(const QString& text) {
    if (output().isJson())
        output().progress(text);
    else
        output().line(text);
}

void ZonesChangeCommand::printPlan(const ZoneGatewayChange& change) {
    const NetworkZone& zone = change.zone();
    const bool adding = ZoneActions::adds(m_action);
    const QString added = adding ? tr("add") : tr("remove");
    const QString unchanged = adding ? tr("already there") : tr("not in the zone");
    const qsizetype width = std::max({MinLabelWidth, added.size() + 1, unchanged.size() + 1});
    auto row = [this, width](const QString& label, const QString& value) {
        say(QStringLiteral("  %1%2").arg(label.leftJustified(width), value));
    };
    say(tr("Zone: %1 (%2), %3 %4, %5")
            .arg(zone.name, zone.id, zone.usage.isEmpty() ? QStringLiteral("POLICY") : zone.usage, zone.type,
                 zone.status));
    for (const NetworkZone::Address& address : change.changed())
        row(added, address.value);
    for (const NetworkZone::Address& address : change.unchanged())
        row(unchanged, address.value);
    for (const QString& note : change.normalisationNotes())
        say(tr("Note: %1").arg(note));
    for (const QString& note : change.coveredNotes())
        say(tr("Note: %1").arg(note));
    const QString limit = number(ZoneGatewayChange::gatewayLimit(zone));
    say(change.hasChanges() ? tr("Gateways: %1 \u2192 %2 of %3")
                                  .arg(number(change.gatewaysBefore()), number(change.gatewaysAfter()), limit)
                            : tr("Gateways: %1 of %2").arg(number(change.gatewaysBefore()), limit));
    if (zone.status == QLatin1String("INACTIVE"))
        say(tr("Note: %1 is INACTIVE: its entries take effect only once it is activated.").arg(zone.name));
}

void ZonesChangeCommand::onPlanned(const ZoneGatewayChange& change) {
    printPlan(change);
    if (!change.isValid()) {
        const QStringList errors = change.errors();
        output().error(tr("zones %1: not applied:").arg(ZoneActions::word(m_action)));
        for (const QString& error : errors)
            output().errorDetail(error);
        finish(ExitCode::Rejected);
        return;
    }
    if (!change.hasChanges()) {
        say(tr("Nothing to change: %1 already is as asked.").arg(change.zone().name));
        if (output().isJson())
            output().json(change.zone().raw);
        finish(ExitCode::Ok);
        return;
    }
    if (m_dryRun) {
        say(tr("Dry run: nothing was written."));
        if (output().isJson())
            output().json(
                QJsonObject{{QStringLiteral("action"), ZoneActions::word(m_action)},
                            {QStringLiteral("zoneId"), change.zone().id},
                            {QStringLiteral("zoneName"), change.zone().name},
                            {ZoneActions::adds(m_action) ? QStringLiteral("add") : QStringLiteral("remove"),
                             valuesArray(change.changed())},
                            {QStringLiteral("unchanged"), valuesArray(change.unchanged())},
                            {QStringLiteral("notes"),
                             QJsonArray::fromStringList(change.normalisationNotes() + change.coveredNotes())},
                            {QStringLiteral("gatewaysBefore"), change.gatewaysBefore()},
                            {QStringLiteral("gatewaysAfter"), change.gatewaysAfter()},
                            {QStringLiteral("gatewayLimit"), ZoneGatewayChange::gatewayLimit(change.zone())},
                            {QStringLiteral("requestBody"), change.requestBody()}});
        finish(ExitCode::Ok);
        return;
    }
    if (m_yes) {
        m_editor->apply();
        return;
    }
    if (!standardInputIsTerminal()) {
        output().error(tr("not applied: pass --yes to apply without a question, or --dry-run to only "
                          "show the change"));
        finish(ExitCode::Usage);
        return;
    }
    askToApply(change.zone().name);
}

void ZonesChangeCommand::askToApply(const QString& zoneName) {
#ifdef Q_OS_UNIX
    // The question goes to stderr so stdout stays the result; the answer is read when stdin has
    // data (a notifier, no blocking read, no nested event loop).
    std::fputs(qPrintable(tr("Apply to %1? [y/N] ").arg(zoneName)), stderr);
    std::fflush(stderr);
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &ZonesChangeCommand::onStandardInput);
#else
    Q_UNUSED(zoneName);
    onAnswer({});
#endif
}

void ZonesChangeCommand::onStandardInput() {
#ifdef Q_OS_UNIX
    char buffer[256];
    const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count < 0 && (errno == EINTR || errno == EAGAIN))
        return; // nothing after all: wait for the next notification
    if (count > 0)
        m_answer.append(buffer, count);
    const qsizetype end = m_answer.indexOf('\n');
    if (count > 0 && end < 0 && m_answer.size() < 1024)
        return; // the line is not complete yet
    m_stdin->setEnabled(false);
    onAnswer(QString::fromLocal8Bit(end < 0 ? m_answer : m_answer.left(end)));
#endif
}

void ZonesChangeCommand::onAnswer(const QString& answer) {
    const QString word = answer.trimmed().toLower();
    if (word == QLatin1String("y") || word == QLatin1String("yes")) {
        m_editor->apply();
        return;
    }
    output().error(tr("not applied: the change was not confirmed."));
    finish(ExitCode::Usage);
}

void ZonesChangeCommand::onApplied(const ZoneGatewayChange& change, const NetworkZone& zone,
                                   const QString& requestId) {
    const QString id = requestId.isEmpty() ? tr("none") : requestId;
    if (!change.hasChanges()) {
        say(tr("Nothing written: %1 already had this change when it was read again (made meanwhile); "
               "request id %2")
                .arg(zone.name, id));
    } else {
        QStringList values;
        for (const NetworkZone::Address& address : change.changed())
            values.append(address.value);
        const QString done =
            ZoneActions::adds(m_action) ? tr("Added %1 to %2: %3") : tr("Removed %1 from %2: %3");
        say(done.arg(number(values.size()), zone.name, values.join(QStringLiteral(", "))));
        say(tr("%1 now has %2 of %3 gateways; request id %4")
                .arg(zone.name, number(zone.gateways.size()), number(ZoneGatewayChange::gatewayLimit(zone)),
                     id));
    }
    if (output().isJson())
        output().json(zone.raw);
    finish(ExitCode::Ok);
}

void ZonesChangeCommand::onFailed(const QString& message) {
    output().error(message);
    if (!m_editor->failureHasResult()) {
        // Unknown or ambiguous zone, or a plan no longer valid on the fresh copy: fix the input.
        finish(ExitCode::Rejected);
        return;
    }
    const OktaResult& result = m_editor->failureResult();
    for (const QString& cause : result.error.errorCauses)
        output().errorDetail(tr("cause: %1").arg(cause));
    output().errorDetail(
        tr("request id: %1").arg(result.requestId.isEmpty() ? tr("none") : result.requestId));
    finish(CliOutput::exitCodeFor(result));
}
