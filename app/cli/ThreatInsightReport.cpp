#include "cli/ThreatInsightReport.h"

#include "api/OktaResult.h"
#include "cli/CliOutput.h"

#include <QJsonArray>
#include <QStringList>
#include <algorithm>
#include <utility>

ThreatInsightReport::ThreatInsightReport(QJsonObject configuration, ThreatInsightConfiguration parsed,
                                         QString requestId)
    : m_configuration(std::move(configuration))
    , m_parsed(std::move(parsed))
    , m_requestId(std::move(requestId)) {}

std::optional<ThreatInsightReport> ThreatInsightReport::fromResult(const OktaResult& result, QString* error) {
    if (!result.body.isObject()) {
        *error = tr("expected a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = result.body.object();
    auto parsed = ThreatInsightConfiguration::fromJson(object, error);
    if (!parsed)
        return std::nullopt;
    return ThreatInsightReport(object, *parsed, result.requestId);
}

void ThreatInsightReport::print(CliOutput& output) const {
    if (!m_catalogue && !m_parsed.excludeZones.isEmpty())
        output.warning(tr("zone names unavailable, showing ids only: %1").arg(m_zoneNamesError));
    if (output.isJson())
        printJson(output);
    else
        printText(output);
}

void ThreatInsightReport::printText(CliOutput& output) const {
    const QString action = tr("Action:");
    const QString excluded = tr("Excluded zones:");
    const QString created = tr("Created:");
    const QString updated = tr("Last updated:");
    const QString request = tr("Request id:");
    // The label column fits the longest label, whatever the language, plus a space.
    qsizetype width = 0;
    for (const QString& text : {action, excluded, created, updated, request})
        width = std::max(width, text.size());
    const auto label = [width](const QString& text) {
        return text.leftJustified(width + 1);
    };

    QStringList lines;
    lines.append(label(action) +
                 QStringLiteral("%1 (%2)").arg(m_parsed.action,
                                               ThreatInsightConfiguration::describeAction(m_parsed.action)));
    QStringList zones;
    for (const QString& id : m_parsed.excludeZones) {
        if (!m_catalogue)
            zones.append(tr("%1 (name unavailable)").arg(id));
        else if (const NetworkZone* zone = m_catalogue->findById(id))
            zones.append(QStringLiteral("%1 (%2)").arg(zone->name, id));
        else
            zones.append(tr("%1 (no zone with this id in the org)").arg(id));
    }
    if (zones.isEmpty())
        zones.append(tr("none"));
    lines.append(label(excluded) + zones.takeFirst());
    for (const QString& zone : std::as_const(zones))
        lines.append(label(QString()) + zone);
    lines.append(label(created) + timestamp(QStringLiteral("created")));
    lines.append(label(updated) + timestamp(QStringLiteral("lastUpdated")));
    lines.append(label(request) + (m_requestId.isEmpty() ? tr("none") : m_requestId));
    output.lines(lines);
}

void ThreatInsightReport::printJson(CliOutput& output) const {
    QJsonArray zones;
    for (const QString& id : m_parsed.excludeZones) {
        const NetworkZone* zone = m_catalogue ? m_catalogue->findById(id) : nullptr;
        zones.append(QJsonObject{{QStringLiteral("id"), id},
                                 {QStringLiteral("name"), zone ? QJsonValue(zone->name) : QJsonValue()}});
    }
    output.json(QJsonObject{
        {QStringLiteral("configuration"), m_configuration},
        {QStringLiteral("excludedZones"), zones},
        {QStringLiteral("requestId"), m_requestId.isEmpty() ? QJsonValue() : QJsonValue(m_requestId)},
    });
}

QString ThreatInsightReport::timestamp(const QString& key) const {
    // Okta's own string, unchanged: it is what support and the Admin Console show.
    const QString value = m_configuration.value(key).toString();
    return value.isEmpty() ? tr("unknown") : value;
}
