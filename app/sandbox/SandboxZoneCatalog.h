#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// The org's Network Zones: a realistic seed (system zones, named IP zones with CIDR and RANGE
// gateways, a BLOCKLIST zone, an INACTIVE one, dynamic zones) and Okta's rules for replacing one.
// Zones are stored without _links; withLinks() adds them for the base URL being served.
class SandboxZoneCatalog {
public:
    SandboxZoneCatalog();

    static QList<QJsonObject> seedZones();

    const QList<QJsonObject>& zones() const { return m_zones; }
    std::optional<QJsonObject> find(const QString& id) const;

    // PUT /api/v1/zones/{id}: causes for everything wrong with `body` (empty = acceptable).
    QStringList validateReplacement(const QString& id, const QJsonObject& body) const;
    // Applies an already validated replacement and returns the stored zone.
    QJsonObject replace(const QString& id, const QJsonObject& body, const QString& now);
    std::optional<QJsonObject> setStatus(const QString& id, const QString& status, const QString& now);
    bool remove(const QString& id);

    QJsonArray toState() const;
    bool restoreState(const QJsonArray& zones, QString* error);

    static QJsonObject withLinks(const QJsonObject& zone, const QUrl& base);

private:
    qsizetype indexOf(const QString& id) const;
    static void validateAddresses(const QJsonValue& value, const QString& field, int maxEntries,
                                  QStringList* causes);

    QList<QJsonObject> m_zones;
};
