#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// A Network Zone as listed by GET /api/v1/zones. `raw` keeps the whole object so a later
// replace (PUT) never loses fields this class does not model.
struct NetworkZone {
    struct Address {
        QString type; // CIDR | RANGE
        QString value;
    };

    QString id;
    QString name;
    QString type;   // IP | DYNAMIC | DYNAMIC_V2
    QString status; // ACTIVE | INACTIVE
    QString usage;  // POLICY | BLOCKLIST
    bool system = false;
    QList<Address> gateways;
    QList<Address> proxies;
    QDateTime created;
    QDateTime lastUpdated;
    QJsonObject raw;

    bool isIpZone() const { return type == QLatin1String("IP"); }
    // ThreatInsight only exempts IP zones (Okta's Terraform provider documents it).
    bool canBeExcludedFromThreatInsight() const { return isIpZone(); }
    // "1.2.3.0/24, 2.3.4.5-2.3.4.15 (+3 more)" or "no gateways".
    QString gatewaySummary(int maxShown = 3) const;

    static std::optional<NetworkZone> fromJson(const QJsonObject& object, QString* error);
};
