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

    // PUT /api/v1/zones/{id}: causes for everything wrong with `body` (empty = acceptable), each
    // naming the field and entry. Read-only fields (id, created, lastUpdated, _links, system,
    // status) in the body are ignored. CIDR blocks with host bits set ("1.2.3.4/24") are accepted
    // as Okta accepts them (its own examples use one); prefixes out of range are not. Limits:
    // 150 gateways (and proxies) for admin-made IP zones, 1000 for BLOCKLIST zones, 5000 for
    // the default system POLICY zones (DefaultExemptIpZone, LegacyIpZone). DefaultExemptIpZone
    // takes no proxies and must be sent with "useAsExemptList": true.
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
    // `limitNote` says whose limit maxEntries is ("a BLOCKLIST zone", "DefaultExemptIpZone").
    static void validateAddresses(const QJsonValue& value, const QString& field, int maxEntries,
                                  const QString& limitNote, QStringList* causes);
    // One gateway/proxy value against its declared type; empty = fine. `key` receives a
    // canonical form for duplicate detection.
    static QString checkAddress(const QString& type, const QString& value, QString* key);

    QList<QJsonObject> m_zones;
};
