#include "threatinsight/ThreatInsightConfiguration.h"

#include "api/OktaTime.h"

#include <QCoreApplication>
#include <QJsonArray>

const QStringList& ThreatInsightConfiguration::actions() {
    static const QStringList list = {QStringLiteral("none"), QStringLiteral("audit"),
                                     QStringLiteral("block")};
    return list;
}

bool ThreatInsightConfiguration::isValidAction(const QString& action) {
    return actions().contains(action);
}

QString ThreatInsightConfiguration::describeAction(const QString& action) {
    if (action == QLatin1String("none"))
        return QCoreApplication::translate("ThreatInsightConfiguration",
                                           "disabled: ThreatInsight does nothing");
    if (action == QLatin1String("audit"))
        return QCoreApplication::translate("ThreatInsightConfiguration", "log suspicious requests");
    if (action == QLatin1String("block"))
        return QCoreApplication::translate("ThreatInsightConfiguration", "log and block suspicious requests");
    return QCoreApplication::translate("ThreatInsightConfiguration", "unknown action '%1'").arg(action);
}

namespace {
QDateTime parseTimestamp(const QJsonValue& value) {
    return OktaTime::parse(value.toString());
}
} // namespace

std::optional<ThreatInsightConfiguration> ThreatInsightConfiguration::fromJson(const QJsonObject& object,
                                                                               QString* error) {
    auto fail = [error](const QString& reason) {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const QJsonValue action = object.value(QLatin1String("action"));
    if (!action.isString() || action.toString().isEmpty())
        return fail(
            QCoreApplication::translate("ThreatInsightConfiguration", "the configuration has no action"));
    ThreatInsightConfiguration config;
    config.action = action.toString();
    const QJsonValue zones = object.value(QLatin1String("excludeZones"));
    if (!zones.isUndefined() && !zones.isNull()) {
        if (!zones.isArray())
            return fail(
                QCoreApplication::translate("ThreatInsightConfiguration", "excludeZones is not an array"));
        for (const QJsonValue& zone : zones.toArray()) {
            if (!zone.isString())
                return fail(QCoreApplication::translate("ThreatInsightConfiguration",
                                                        "excludeZones holds something other than a zone id"));
            config.excludeZones.append(zone.toString());
        }
    }
    config.created = parseTimestamp(object.value(QLatin1String("created")));
    config.lastUpdated = parseTimestamp(object.value(QLatin1String("lastUpdated")));
    return config;
}

QJsonObject ThreatInsightConfiguration::toUpdateJson() const {
    return QJsonObject{{QStringLiteral("action"), action},
                       {QStringLiteral("excludeZones"), QJsonArray::fromStringList(excludeZones)}};
}
