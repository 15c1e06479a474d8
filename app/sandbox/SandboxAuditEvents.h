#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// System Log events for changes made through the API, as Okta writes them for the Admin API:
// zone.update (PUT), zone.delete, zone.activate, zone.deactivate and
// security.threat.configuration.update (POST /api/v1/threats/configuration). zone.deactivate and
// zone.delete are confirmed by public detection rules written against Okta's log; zone.update,
// zone.activate and security.threat.configuration.update follow Okta's "<object>.<verb>" naming
// and appear in third-party Okta event mappings, but no Okta page at hand lists them: the most
// plausible names, not verified ones.
class SandboxAuditEvents {
public:
    // Who did it and from where; one per request.
    struct Context {
        QJsonObject actor;  // adminActor() or serviceAppActor()
        QString clientIp;   // the caller's (loopback) address
        QString userAgent;  // the User-Agent header, may be empty
        QString requestId;  // X-Okta-Request-Id of the request: transaction.id and debugData.requestId
        QString requestUri; // path of the request
        qint64 publishedMs = 0;
    };

    static QJsonObject adminActor();                             // the owner of the SSWS admin token
    static QJsonObject serviceAppActor(const QString& clientId); // an OAuth service app

    // zone.update: debugData lists the gateways (and proxies) added and removed, and the old and
    // new name / usage when they changed.
    static QJsonObject zoneUpdated(const QJsonObject& before, const QJsonObject& after,
                                   const Context& context);
    // zone.delete, zone.activate, zone.deactivate: the zone as it was (delete) or is now.
    static QJsonObject zoneEvent(const QString& eventType, const QJsonObject& zone, const Context& context);
    static QJsonObject threatInsightUpdated(const QString& oldAction, const QStringList& oldExcludeZones,
                                            const QString& newAction, const QStringList& newExcludeZones,
                                            const Context& context);
};
