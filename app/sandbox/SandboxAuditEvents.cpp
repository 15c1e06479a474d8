#include "SandboxAuditEvents.h"

#include "SandboxLogEvent.h"

#include <QJsonArray>
#include <QUuid>

namespace {

// The user the sandbox's admin API token belongs to (an API token acts as its owner in Okta).
const QString AdminUserId = QStringLiteral("00u4Thr3atD3skAdm0g7");

QJsonObject zoneTarget(const QJsonObject& zone) {
    const QString name = zone.value(QStringLiteral("name")).toString();
    return QJsonObject{{QStringLiteral("id"), zone.value(QStringLiteral("id"))},
                       {QStringLiteral("type"), QStringLiteral("NetworkZone")},
                       {QStringLiteral("alternateId"), name},
                       {QStringLiteral("displayName"), name},
                       {QStringLiteral("detailEntry"),
                        QJsonObject{{QStringLiteral("zoneType"), zone.value(QStringLiteral("type"))},
                                    {QStringLiteral("usage"), zone.value(QStringLiteral("usage"))}}}};
}

// Gateway values only (no types): what an admin recognises in the log.
QStringList addressValues(const QJsonValue& list) {
    QStringList values;
    for (const QJsonValue& entry : list.toArray())
        values << entry.toObject().value(QStringLiteral("value")).toString();
    return values;
}

// Okta's debugData values are strings: lists are written comma-separated.
QString minus(const QStringList& a, const QStringList& b) {
    QStringList result;
    for (const QString& value : a) {
        if (!b.contains(value))
            result.append(value);
    }
    return result.join(QStringLiteral(", "));
}

SandboxLogEvent::Fields baseFields(const QString& eventType, const QString& displayMessage,
                                   const SandboxAuditEvents::Context& context) {
    SandboxLogEvent::Fields f;
    f.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    f.publishedMs = context.publishedMs;
    f.eventType = eventType;
    f.severity = QStringLiteral("INFO");
    f.displayMessage = displayMessage;
    f.actor = context.actor;
    f.client = SandboxLogEvent::client(context.clientIp, context.userAgent, QStringLiteral("Unknown"),
                                       QStringLiteral("UNKNOWN"), QJsonValue::Null);
    f.outcomeResult = QStringLiteral("SUCCESS");
    f.transactionId = context.requestId;
    f.debugData = QJsonObject{{QStringLiteral("requestId"), context.requestId},
                              {QStringLiteral("requestUri"), context.requestUri},
                              {QStringLiteral("url"), context.requestUri}};
    return f;
}

} // namespace

QJsonObject SandboxAuditEvents::adminActor() {
    return SandboxLogEvent::actor(AdminUserId, QStringLiteral("User"),
                                  QStringLiteral("sandbox-admin@example.com"),
                                  QStringLiteral("Sandbox Admin"));
}

QJsonObject SandboxAuditEvents::serviceAppActor(const QString& clientId) {
    return SandboxLogEvent::actor(clientId, QStringLiteral("PublicClientApp"), clientId, clientId);
}

QJsonObject SandboxAuditEvents::zoneUpdated(const QJsonObject& before, const QJsonObject& after,
                                            const Context& context) {
    SandboxLogEvent::Fields f =
        baseFields(QStringLiteral("zone.update"), QStringLiteral("Update network zone"), context);
    f.target = QJsonArray{zoneTarget(after)};
    for (const char* field : {"gateways", "proxies"}) {
        const QString name = QLatin1String(field);
        const QStringList old = addressValues(before.value(name));
        const QStringList now = addressValues(after.value(name));
        // Gateways are always listed (the point of most updates); proxies only when touched.
        if (name == QLatin1String("gateways") || old != now) {
            f.debugData.insert(name + QStringLiteral("Added"), minus(now, old));
            f.debugData.insert(name + QStringLiteral("Removed"), minus(old, now));
        }
    }
    for (const char* field : {"name", "usage"}) {
        const QString name = QLatin1String(field);
        if (before.value(name) != after.value(name)) {
            QString capitalised = name;
            capitalised[0] = capitalised.at(0).toUpper();
            f.debugData.insert(QStringLiteral("old") + capitalised, before.value(name).toString());
            f.debugData.insert(QStringLiteral("new") + capitalised, after.value(name).toString());
        }
    }
    return SandboxLogEvent::make(f);
}

QJsonObject SandboxAuditEvents::zoneEvent(const QString& eventType, const QJsonObject& zone,
                                          const Context& context) {
    QString message = QStringLiteral("Update network zone");
    if (eventType == QLatin1String("zone.delete"))
        message = QStringLiteral("Delete network zone");
    else if (eventType == QLatin1String("zone.activate"))
        message = QStringLiteral("Activate network zone");
    else if (eventType == QLatin1String("zone.deactivate"))
        message = QStringLiteral("Deactivate network zone");
    SandboxLogEvent::Fields f = baseFields(eventType, message, context);
    f.target = QJsonArray{zoneTarget(zone)};
    return SandboxLogEvent::make(f);
}

QJsonObject SandboxAuditEvents::threatInsightUpdated(const QString& oldAction,
                                                     const QStringList& oldExcludeZones,
                                                     const QString& newAction,
                                                     const QStringList& newExcludeZones,
                                                     const Context& context) {
    SandboxLogEvent::Fields f = baseFields(QStringLiteral("security.threat.configuration.update"),
                                           QStringLiteral("Update ThreatInsight configuration"), context);
    f.target = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("threatInsightConfiguration")},
                                      {QStringLiteral("type"), QStringLiteral("ThreatInsightConfiguration")},
                                      {QStringLiteral("alternateId"), QStringLiteral("ThreatInsight")},
                                      {QStringLiteral("displayName"), QStringLiteral("Okta ThreatInsight")},
                                      {QStringLiteral("detailEntry"), QJsonValue::Null}}};
    f.debugData.insert(QStringLiteral("oldAction"), oldAction);
    f.debugData.insert(QStringLiteral("newAction"), newAction);
    f.debugData.insert(QStringLiteral("oldExcludeZones"), oldExcludeZones.join(QStringLiteral(", ")));
    f.debugData.insert(QStringLiteral("newExcludeZones"), newExcludeZones.join(QStringLiteral(", ")));
    return SandboxLogEvent::make(f);
}
