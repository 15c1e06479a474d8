#include "SandboxThreatInsight.h"

#include "SandboxRiskEventValidator.h"
#include "SandboxZoneCatalog.h"

#include <QJsonArray>

QStringList SandboxThreatInsight::actions() {
    return {QStringLiteral("none"), QStringLiteral("audit"), QStringLiteral("block")};
}

QJsonObject SandboxThreatInsight::toJson(const QUrl& base) const {
    QJsonObject object = toState();
    const QJsonObject self{
        {QStringLiteral("href"), base.toString() + QStringLiteral("/api/v1/threats/configuration")},
        {QStringLiteral("hints"),
         QJsonObject{{QStringLiteral("allow"), QJsonArray{QStringLiteral("GET"), QStringLiteral("POST")}}}}};
    object.insert(QStringLiteral("_links"), QJsonObject{{QStringLiteral("self"), self}});
    return object;
}

QStringList SandboxThreatInsight::validateUpdate(const QJsonObject& body, const SandboxZoneCatalog& zones,
                                                 bool acceptNonIpZones, SandboxThreatInsight* update) {
    QStringList causes;
    const QString allowedActions = actions().join(QStringLiteral(", "));
    const QJsonValue action = body.value(QStringLiteral("action"));
    if (action.isUndefined() || action.isNull())
        causes << QStringLiteral("action: is required (one of %1)").arg(allowedActions);
    else if (!action.isString() || !actions().contains(action.toString()))
        causes << QStringLiteral("action: %1 is not one of %2")
                      .arg(SandboxRiskEventValidator::describe(action), allowedActions);

    QStringList excluded;
    const QJsonValue excludeZones = body.value(QStringLiteral("excludeZones"));
    if (!excludeZones.isUndefined() && !excludeZones.isNull()) {
        if (!excludeZones.isArray()) {
            causes << QStringLiteral("excludeZones: expected an array of zone ids, got %1")
                          .arg(SandboxRiskEventValidator::describe(excludeZones));
        } else {
            const QJsonArray ids = excludeZones.toArray();
            for (qsizetype i = 0; i < ids.size(); ++i) {
                const QString where = QStringLiteral("excludeZones[%1]: ").arg(i);
                const QJsonValue id = ids.at(i);
                if (!id.isString()) {
                    causes << where + QStringLiteral("expected a zone id string, got %1")
                                          .arg(SandboxRiskEventValidator::describe(id));
                    continue;
                }
                const std::optional<QJsonObject> zone = zones.find(id.toString());
                if (!zone) {
                    causes << where + QStringLiteral("Zone '%1' does not exist").arg(id.toString());
                    continue;
                }
                const QString type = zone->value(QStringLiteral("type")).toString();
                if (type != QLatin1String("IP") && !acceptNonIpZones) {
                    causes << where + QStringLiteral(
                                          "Zone '%1' (%2) is of type %3; only IP zones can be excluded")
                                          .arg(id.toString(), zone->value(QStringLiteral("name")).toString(),
                                               type);
                    continue;
                }
                if (!excluded.contains(id.toString()))
                    excluded << id.toString();
            }
        }
    }
    if (causes.isEmpty() && update) {
        update->action = action.toString();
        update->excludeZones = excluded;
    }
    return causes;
}

QJsonObject SandboxThreatInsight::toState() const {
    return QJsonObject{{QStringLiteral("action"), action},
                       {QStringLiteral("excludeZones"), QJsonArray::fromStringList(excludeZones)},
                       {QStringLiteral("created"), created},
                       {QStringLiteral("lastUpdated"), lastUpdated}};
}

std::optional<SandboxThreatInsight> SandboxThreatInsight::fromState(const QJsonObject& state,
                                                                    QString* error) {
    SandboxThreatInsight configuration;
    const QString action = state.value(QStringLiteral("action")).toString();
    if (!actions().contains(action)) {
        if (error)
            *error = QStringLiteral("threatInsight.action '%1' is not one of none, audit, block").arg(action);
        return std::nullopt;
    }
    configuration.action = action;
    for (const QJsonValue& id : state.value(QStringLiteral("excludeZones")).toArray())
        configuration.excludeZones << id.toString();
    configuration.created = state.value(QStringLiteral("created")).toString(configuration.created);
    configuration.lastUpdated =
        state.value(QStringLiteral("lastUpdated")).toString(configuration.lastUpdated);
    return configuration;
}
