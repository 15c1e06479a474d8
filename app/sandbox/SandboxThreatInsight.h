#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class SandboxZoneCatalog;

// The org's ThreatInsight settings and Okta's rules for updating them (POST, not PUT).
class SandboxThreatInsight {
public:
    QString action = QStringLiteral("audit");
    QStringList excludeZones;
    QString created = QStringLiteral("2025-10-07T06:36:55.000Z");
    QString lastUpdated = QStringLiteral("2026-02-18T06:35:08.000Z");

    static QStringList actions(); // none, audit, block

    // The resource as GET and POST answer it, with its _links for `base`.
    QJsonObject toJson(const QUrl& base) const;

    // Causes for everything wrong with a POST body (empty = acceptable). On success `update`
    // receives the new action and excludeZones (an omitted excludeZones means none).
    static QStringList validateUpdate(const QJsonObject& body, const SandboxZoneCatalog& zones,
                                      bool acceptNonIpZones, SandboxThreatInsight* update);

    QJsonObject toState() const;
    static std::optional<SandboxThreatInsight> fromState(const QJsonObject& state, QString* error);
};
