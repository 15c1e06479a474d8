#include "cli/ThreatInsightSetCommand.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/PagedListJob.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/ThreatInsightReport.h"

#include <QCommandLineParser>

namespace {
const QString ActionOption = QStringLiteral("action");
const QString ExcludeZoneOption = QStringLiteral("exclude-zone");
const QString ClearZonesOption = QStringLiteral("clear-zones");
} // namespace

QList<QCommandLineOption> ThreatInsightSetCommand::options() const {
    return {
        QCommandLineOption(ActionOption,
                           tr("none (disabled), audit (log suspicious requests) or block (log and "
                              "block them). Required."),
                           QStringLiteral("ACTION")),
        QCommandLineOption(ExcludeZoneOption,
                           tr("Network zone (name or id) whose IPs ThreatInsight ignores; repeat "
                              "for several. Replaces the current list."),
                           QStringLiteral("NAME_OR_ID")),
        QCommandLineOption(ClearZonesOption, tr("Exclude no zone at all.")),
    };
}

bool ThreatInsightSetCommand::configure(const QCommandLineParser& parser, QString* error) {
    const QString allowed = ThreatInsightConfiguration::actions().join(QStringLiteral(", "));
    if (!parser.isSet(ActionOption)) {
        *error = tr("threatinsight set needs --action (one of: %1).").arg(allowed);
        return false;
    }
    m_action = parser.value(ActionOption).trimmed().toLower();
    if (!ThreatInsightConfiguration::isValidAction(m_action)) {
        *error =
            tr("--action '%1' is not an action; use one of: %2.").arg(parser.value(ActionOption), allowed);
        return false;
    }
    m_zoneArguments = parser.values(ExcludeZoneOption);
    for (const QString& zone : std::as_const(m_zoneArguments)) {
        if (zone.trimmed().isEmpty()) {
            *error = tr("--exclude-zone needs a zone name or id, not an empty string.");
            return false;
        }
    }
    if (parser.isSet(ClearZonesOption) && !m_zoneArguments.isEmpty()) {
        *error = tr("--clear-zones and --exclude-zone contradict each other: give one of them.");
        return false;
    }
    if (parser.isSet(ClearZonesOption))
        m_zoneChange = ZoneChange::Clear;
    else if (!m_zoneArguments.isEmpty())
        m_zoneChange = ZoneChange::Replace;
    return true;
}

void ThreatInsightSetCommand::start() {
    // Zones first: names must resolve before anything is changed, and the result is printed
    // with names whatever the zone change.
    PagedListJob* job = client()->listZones();
    connect(job, &OktaJob::finished, this, &ThreatInsightSetCommand::onZonesListed);
}

void ThreatInsightSetCommand::onZonesListed(const OktaResult& result) {
    if (result.isSuccess()) {
        m_catalogue = catalogueFrom(result);
    } else if (m_zoneChange == ZoneChange::Replace) {
        finish(output().failure(tr("listing network zones (to resolve --exclude-zone) failed"), result));
        return;
    } else {
        m_zonesError = result.describe();
    }

    if (m_zoneChange == ZoneChange::Replace && !resolveZoneArguments()) {
        finish(ExitCode::Rejected);
        return;
    }
    if (m_zoneChange == ZoneChange::Keep) {
        // Changing only the action must never silently drop the org's exclusions.
        OktaJob* job = client()->getThreatInsightConfiguration();
        connect(job, &OktaJob::finished, this, &ThreatInsightSetCommand::onCurrentConfiguration);
        return;
    }
    sendUpdate();
}

bool ThreatInsightSetCommand::resolveZoneArguments() {
    bool allResolved = true;
    for (const QString& argument : std::as_const(m_zoneArguments)) {
        const ZoneCatalogue::Resolution resolution = m_catalogue->resolve(argument);
        if (!resolution.zone) {
            output().error(tr("--exclude-zone '%1': %2").arg(argument, resolution.error));
            allResolved = false;
            continue;
        }
        const NetworkZone& zone = *resolution.zone;
        if (!zone.canBeExcludedFromThreatInsight()) {
            // Okta's Terraform provider says only IP zones are accepted, a support article says
            // any zone is: warn, send, and let the org decide.
            output().warning(tr("zone '%1' (%2) is a %3 zone; Okta documents that ThreatInsight "
                                "only excludes IP zones. Sending it anyway; the org decides.")
                                 .arg(zone.name, zone.id, zone.type));
        }
        if (!m_zoneIds.contains(zone.id))
            m_zoneIds.append(zone.id);
    }
    if (!allResolved) {
        QStringList known;
        for (const NetworkZone& zone : m_catalogue->zones())
            known.append(QStringLiteral("%1 (%2)").arg(zone.name, zone.id));
        output().errorDetail(known.isEmpty()
                                 ? tr("the org has no network zones")
                                 : tr("zones in this org: %1").arg(known.join(QStringLiteral(", "))));
    }
    return allResolved;
}

void ThreatInsightSetCommand::onCurrentConfiguration(const OktaResult& result) {
    const QString what = tr("reading the current ThreatInsight configuration failed");
    if (!result.isSuccess()) {
        finish(output().failure(what, result));
        return;
    }
    QString error;
    const auto current = ThreatInsightReport::fromResult(result, &error);
    if (!current) {
        finish(unreadableAnswer(what, result, error));
        return;
    }
    m_zoneIds = current->configuration().excludeZones;
    sendUpdate();
}

void ThreatInsightSetCommand::sendUpdate() {
    ThreatInsightConfiguration update;
    update.action = m_action;
    update.excludeZones = m_zoneIds;
    OktaJob* job = client()->updateThreatInsightConfiguration(update.toUpdateJson());
    connect(job, &OktaJob::finished, this, &ThreatInsightSetCommand::onUpdated);
}

void ThreatInsightSetCommand::onUpdated(const OktaResult& result) {
    const QString what = tr("updating the ThreatInsight configuration failed");
    if (!result.isSuccess()) {
        finish(output().failure(what, result));
        return;
    }
    QString error;
    auto report = ThreatInsightReport::fromResult(result, &error);
    if (!report) {
        finish(unreadableAnswer(what, result, error));
        return;
    }
    if (m_catalogue)
        report->setZones(*m_catalogue);
    else
        report->setZoneNamesUnavailable(m_zonesError);
    report->print(output());
    finish(ExitCode::Ok);
}
