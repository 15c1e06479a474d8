#include "cli/ThreatInsightReport.h"

#include "api/OktaResult.h"
#include "cli/CliOutput.h"

#include <QJsonArray>
#include <QStringList>
#include <utility>

namespace {
// Label column wide enough for the longest label ("Excluded zones:") plus a space.
constexpr int LabelWidth = 16;

QString label(const QString& text) {
    return text.leftJustified(LabelWidth);
}
} // namespace

ThreatInsightReport::ThreatInsightReport(QJsonObject configuration, ThreatInsightConfiguration parsed,
                                         QString requestId)
    : m_configuration(std::move(configuration))
    , m_parsed(std::move(parsed))
    , m_requestId(std::move(requestId)) {}

std::optional<ThreatInsightReport> ThreatInsightReport::fromResult(const OktaResult& result, QString* error) {
    if (!result.body.isObject()) {
        *error = QStringLiteral("expected a JSON object");
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
        output.warning(QStringLiteral("zone names unavailable, showing ids only: %1").arg(m_zoneNamesError));
    if (output.isJson())
        printJson(output);
    else
        printText(output);
}

void ThreatInsightReport::printText(CliOutput& output) const {
    QStringList lines;
    lines.append(label(QStringLiteral("Action:")) +
                 QStringLiteral("%1 (%2)").arg(m_parsed.action,
                                               ThreatInsightConfiguration::describeAction(m_parsed.action)));
    QStringList zones;
    for (const QString& id : m_parsed.excludeZones) {
        if (!m_catalogue)
            zones.append(QStringLiteral("%1 (name unavailable)").arg(id));
        else if (const NetworkZone* zone = m_catalogue->findById(id))
            zones.append(QStringLiteral("%1 (%2)").arg(zone->name, id));
        else
            zones.append(QStringLiteral("%1 (no zone with this id in the org)").arg(id));
    }
    if (zones.isEmpty())
        zones.append(QStringLiteral("none"));
    lines.append(label(QStringLiteral("Excluded zones:")) + zones.takeFirst());
    for (const QString& zone : std::as_const(zones))
        lines.append(label(QString()) + zone);
    lines.append(label(QStringLiteral("Created:")) + timestamp(QStringLiteral("created")));
    lines.append(label(QStringLiteral("Last updated:")) + timestamp(QStringLiteral("lastUpdated")));
    lines.append(label(QStringLiteral("Request id:")) +
                 (m_requestId.isEmpty() ? QStringLiteral("none") : m_requestId));
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
    return value.isEmpty() ? QStringLiteral("unknown") : value;
}
