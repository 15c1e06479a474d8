#include "SandboxZoneCatalog.h"

#include "SandboxIpAddress.h"
#include "SandboxRiskEventValidator.h"

#include <QHash>
#include <QHostAddress>

namespace {

const QString kType = QStringLiteral("type");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kStatus = QStringLiteral("status");
const QString kUsage = QStringLiteral("usage");
const QString kSystem = QStringLiteral("system");
const QString kGateways = QStringLiteral("gateways");
const QString kProxies = QStringLiteral("proxies");
const QString kCreated = QStringLiteral("created");
const QString kLastUpdated = QStringLiteral("lastUpdated");

// Okta's documented ceilings on gateway/proxy entries.
constexpr int MaxEntriesCustom = 150;
constexpr int MaxEntriesBlocklist = 1000;
constexpr int MaxEntriesSystem = 5000;

QJsonObject address(const char* type, const char* value) {
    return QJsonObject{{kType, QLatin1String(type)}, {QStringLiteral("value"), QLatin1String(value)}};
}

QJsonObject ipZone(const char* id, const char* name, const char* status, const char* usage, bool system,
                   const char* created, const char* lastUpdated, const QJsonValue& gateways,
                   const QJsonValue& proxies) {
    return QJsonObject{{kType, QStringLiteral("IP")},
                       {kId, QLatin1String(id)},
                       {kName, QLatin1String(name)},
                       {kStatus, QLatin1String(status)},
                       {kUsage, QLatin1String(usage)},
                       {kSystem, system},
                       {kCreated, QLatin1String(created)},
                       {kLastUpdated, QLatin1String(lastUpdated)},
                       {kGateways, gateways},
                       {kProxies, proxies}};
}

QJsonObject link(const QString& href, const QStringList& allow) {
    return QJsonObject{
        {QStringLiteral("href"), href},
        {QStringLiteral("hints"), QJsonObject{{QStringLiteral("allow"), QJsonArray::fromStringList(allow)}}}};
}

bool isOneOf(const QJsonValue& value, const QStringList& allowed) {
    return value.isString() && allowed.contains(value.toString());
}

} // namespace

SandboxZoneCatalog::SandboxZoneCatalog()
    : m_zones(seedZones()) {}

QList<QJsonObject> SandboxZoneCatalog::seedZones() {
    // Ids are fixed so tests, demos and saved ThreatInsight configurations can refer to them.
    // Addresses come from the documentation and benchmarking ranges (RFC 5737, 3849, 2544, 6598).
    QList<QJsonObject> zones;
    zones << ipZone("nzoLgcy7Kq2VbX9sT1d6", "LegacyIpZone", "ACTIVE", "POLICY", true,
                    "2025-10-07T06:36:40.000Z", "2025-11-02T17:12:09.000Z",
                    QJsonArray{address("CIDR", "198.51.100.0/28")}, QJsonValue::Null);
    zones << ipZone("nzoBlkd3Rw8NcZ4pU1d6", "BlockedIpZone", "ACTIVE", "BLOCKLIST", true,
                    "2025-10-07T06:36:40.000Z", "2026-01-14T09:41:27.000Z",
                    QJsonArray{address("CIDR", "203.0.113.66/32")}, QJsonValue::Null);
    zones << ipZone("nzoXmpt5Hd1QeW7rY1d6", "DefaultExemptIpZone", "ACTIVE", "POLICY", true,
                    "2025-10-07T06:36:40.000Z", "2025-10-07T06:36:40.000Z",
                    QJsonArray{address("CIDR", "192.0.2.10/32"), address("RANGE", "192.0.2.20-192.0.2.29")},
                    QJsonValue::Null);
    zones << ipZone("nzoC0rpHq2M4nV8tB0g3", "Corporate HQ", "ACTIVE", "POLICY", false,
                    "2025-10-21T13:05:51.000Z", "2026-02-03T08:22:14.000Z",
                    QJsonArray{address("CIDR", "198.51.100.64/26"),
                               address("RANGE", "198.51.100.200-198.51.100.220"),
                               address("CIDR", "2001:db8:100::/48")},
                    QJsonArray{address("RANGE", "198.51.100.250-198.51.100.254")});
    zones << ipZone(
        "nzoVpnEg6Lz3Kd9wF0g3", "VPN Egress", "ACTIVE", "POLICY", false, "2025-10-21T13:09:02.000Z",
        "2025-12-11T19:47:33.000Z",
        QJsonArray{address("CIDR", "192.0.2.128/25"), address("RANGE", "203.0.113.10-203.0.113.19")},
        QJsonValue::Null);
    zones << ipZone("nzoPrtSoc1Jx5Ry2H0g3", "Partner SOC", "INACTIVE", "POLICY", false,
                    "2025-11-18T10:30:00.000Z", "2026-01-09T16:03:45.000Z",
                    QJsonArray{address("RANGE", "100.64.20.1-100.64.20.50")}, QJsonArray{});
    zones << ipZone("nzoBadAct4Gm8Ts6P0g3", "Known Bad Actors", "ACTIVE", "BLOCKLIST", false,
                    "2025-12-01T07:15:38.000Z", "2026-02-17T22:58:01.000Z",
                    QJsonArray{address("CIDR", "203.0.113.128/26"), address("CIDR", "198.18.42.0/24"),
                               address("RANGE", "198.19.7.10-198.19.7.90")},
                    QJsonValue::Null);
    zones << QJsonObject{{kType, QStringLiteral("DYNAMIC")},
                         {kId, QStringLiteral("nzoT0rAnn9Wc2Ye5j0g4")},
                         {kName, QStringLiteral("Tor and anonymizers")},
                         {kStatus, QStringLiteral("ACTIVE")},
                         {kUsage, QStringLiteral("BLOCKLIST")},
                         {kSystem, false},
                         {kCreated, QStringLiteral("2025-10-22T11:48:19.000Z")},
                         {kLastUpdated, QStringLiteral("2025-10-22T11:48:19.000Z")},
                         {QStringLiteral("locations"), QJsonArray{}},
                         {QStringLiteral("proxyType"), QStringLiteral("Tor")},
                         {QStringLiteral("asns"), QJsonArray{}}};
    const QJsonObject includeExclude{{QStringLiteral("include"), QJsonArray{}},
                                     {QStringLiteral("exclude"), QJsonArray{}}};
    zones << QJsonObject{
        {kType, QStringLiteral("DYNAMIC_V2")},
        {kId, QStringLiteral("nzoEdnz7Qs3Uv1Kb80g4")},
        {kName, QStringLiteral("DefaultEnhancedDynamicZone")},
        {kStatus, QStringLiteral("ACTIVE")},
        {kUsage, QStringLiteral("BLOCKLIST")},
        {kSystem, true},
        {kCreated, QStringLiteral("2025-10-07T06:36:40.000Z")},
        {kLastUpdated, QStringLiteral("2025-10-07T06:36:40.000Z")},
        {QStringLiteral("locations"), includeExclude},
        {QStringLiteral("asns"), includeExclude},
        {QStringLiteral("ipServiceCategories"),
         QJsonObject{{QStringLiteral("include"), QJsonArray{QStringLiteral("ALL_ANONYMIZERS")}},
                     {QStringLiteral("exclude"), QJsonArray{}}}}};
    return zones;
}

qsizetype SandboxZoneCatalog::indexOf(const QString& id) const {
    for (qsizetype i = 0; i < m_zones.size(); ++i) {
        if (m_zones.at(i).value(kId).toString() == id)
            return i;
    }
    return -1;
}

std::optional<QJsonObject> SandboxZoneCatalog::find(const QString& id) const {
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_zones.at(index);
}

QString SandboxZoneCatalog::checkAddress(const QString& type, const QString& text, QString* key) {
    const QString quoted = SandboxRiskEventValidator::describe(text);
    const auto canonical = [](const QString& address) {
        return QHostAddress(address).toString();
    };
    const bool looksLikeRange = text.contains(QLatin1Char('-'));
    const bool looksLikeCidr = text.contains(QLatin1Char('/'));
    if (type == QLatin1String("CIDR")) {
        if (looksLikeRange && SandboxIpAddress::isRange(text))
            return QStringLiteral("%1 is an address range, but the type is CIDR (use type RANGE)")
                .arg(quoted);
        if (SandboxIpAddress::isSingleAddress(text))
            return QStringLiteral(
                       "%1 is not a valid CIDR block: no prefix length (write %2/%3 for one address)")
                .arg(quoted, text)
                .arg(SandboxIpAddress::isIpv4(text) ? 32 : 128);
        if (!SandboxIpAddress::isCidr(text))
            return QStringLiteral("%1 is not a valid CIDR block").arg(quoted);
        const qsizetype slash = text.indexOf(QLatin1Char('/'));
        *key = QStringLiteral("CIDR ") + canonical(text.left(slash)) + text.mid(slash);
        return {};
    }
    // RANGE
    if (looksLikeCidr && SandboxIpAddress::isCidr(text))
        return QStringLiteral("%1 is a CIDR block, but the type is RANGE (use type CIDR)").arg(quoted);
    if (SandboxIpAddress::isSingleAddress(text))
        return QStringLiteral("%1 is a single address; a RANGE needs first-last (write %2-%2)")
            .arg(quoted, text);
    const QStringList ends = text.split(QLatin1Char('-'));
    if (ends.size() == 2) {
        const bool v4 = SandboxIpAddress::isIpv4(ends.at(0)) && SandboxIpAddress::isIpv4(ends.at(1));
        const bool v6 = SandboxIpAddress::isIpv6(ends.at(0)) && SandboxIpAddress::isIpv6(ends.at(1));
        const bool mixed = SandboxIpAddress::isSingleAddress(ends.at(0)) &&
                           SandboxIpAddress::isSingleAddress(ends.at(1)) && !v4 && !v6;
        if (mixed)
            return QStringLiteral("%1 mixes IPv4 and IPv6; both ends of a range must be of one family")
                .arg(quoted);
    }
    // Also refuses first > last, with the message Okta's clients already know.
    if (!SandboxIpAddress::isRange(text))
        return QStringLiteral("%1 is not a valid address range (first-last)").arg(quoted);
    *key = QStringLiteral("RANGE ") + canonical(ends.at(0)) + QLatin1Char('-') + canonical(ends.at(1));
    return {};
}

void SandboxZoneCatalog::validateAddresses(const QJsonValue& value, const QString& field, int maxEntries,
                                           const QString& limitNote, QStringList* causes) {
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isArray()) {
        causes->append(field + QStringLiteral(": expected an array of addresses, got %1")
                                   .arg(SandboxRiskEventValidator::describe(value)));
        return;
    }
    const QJsonArray entries = value.toArray();
    if (entries.size() > maxEntries)
        causes->append(field + QStringLiteral(": at most %1 entries, got %2 (the limit for %3)")
                                   .arg(maxEntries)
                                   .arg(entries.size())
                                   .arg(limitNote));
    QHash<QString, qsizetype> seen; // canonical entry -> first index
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = field + QStringLiteral("[%1]").arg(i);
        const QJsonObject entry = entries.at(i).toObject();
        if (!entries.at(i).isObject()) {
            causes->append(where + QStringLiteral(": expected an object with type and value"));
            continue;
        }
        const QJsonValue type = entry.value(kType);
        const QJsonValue text = entry.value(QStringLiteral("value"));
        if (!isOneOf(type, {QStringLiteral("CIDR"), QStringLiteral("RANGE")})) {
            causes->append(where + QStringLiteral(".type: %1 is not one of CIDR, RANGE")
                                       .arg(SandboxRiskEventValidator::describe(type)));
            continue;
        }
        if (!text.isString()) {
            causes->append(where + QStringLiteral(".value: expected a string, got %1")
                                       .arg(SandboxRiskEventValidator::describe(text)));
            continue;
        }
        QString key;
        const QString problem = checkAddress(type.toString(), text.toString(), &key);
        if (!problem.isEmpty()) {
            causes->append(where + QStringLiteral(".value: ") + problem);
            continue;
        }
        const auto first = seen.constFind(key);
        if (first != seen.constEnd()) {
            causes->append(where + QStringLiteral(".value: %1 repeats %2[%3]")
                                       .arg(SandboxRiskEventValidator::describe(text), field)
                                       .arg(*first));
            continue;
        }
        seen.insert(key, i);
    }
}

QStringList SandboxZoneCatalog::validateReplacement(const QString& id, const QJsonObject& body) const {
    QStringList causes;
    const std::optional<QJsonObject> existing = find(id);
    if (!existing)
        return causes; // the caller answers 404 before validating
    const QString type = existing->value(kType).toString();
    const bool system = existing->value(kSystem).toBool();

    const QJsonValue newType = body.value(kType);
    if (newType.isUndefined() || newType.isNull())
        causes << QStringLiteral("type: is required");
    else if (newType != QJsonValue(type))
        causes << QStringLiteral("type: cannot change the type of zone '%1' from %2 to %3")
                      .arg(id, type, SandboxRiskEventValidator::describe(newType));

    const QJsonValue name = body.value(kName);
    if (name.isUndefined() || name.isNull() || (name.isString() && name.toString().trimmed().isEmpty())) {
        causes << QStringLiteral("name: is required");
    } else if (!name.isString()) {
        causes << QStringLiteral("name: expected a string, got %1")
                      .arg(SandboxRiskEventValidator::describe(name));
    } else if (name.toString().size() > 128) {
        causes << QStringLiteral("name: at most 128 characters, got %1").arg(name.toString().size());
    } else {
        for (const QJsonObject& other : m_zones) {
            if (other.value(kId).toString() != id && other.value(kName).toString() == name.toString())
                causes << QStringLiteral("name: a zone named '%1' already exists").arg(name.toString());
        }
    }

    const QJsonValue usage = body.value(kUsage);
    QString effectiveUsage = existing->value(kUsage).toString();
    if (!usage.isUndefined() && !usage.isNull()) {
        if (!isOneOf(usage, {QStringLiteral("POLICY"), QStringLiteral("BLOCKLIST")}))
            causes << QStringLiteral("usage: %1 is not one of POLICY, BLOCKLIST")
                          .arg(SandboxRiskEventValidator::describe(usage));
        else if (system && usage.toString() != effectiveUsage)
            causes << QStringLiteral("usage: cannot change the usage of system zone '%1'")
                          .arg(existing->value(kName).toString());
        else
            effectiveUsage = usage.toString();
    }

    const bool exemptZone =
        system && existing->value(kName).toString() == QLatin1String("DefaultExemptIpZone");
    const QJsonValue exemptList = body.value(QStringLiteral("useAsExemptList"));
    if (!exemptList.isUndefined() && !exemptList.isNull() && !exemptList.isBool())
        causes << QStringLiteral("useAsExemptList: expected true or false, got %1")
                      .arg(SandboxRiskEventValidator::describe(exemptList));
    else if (exemptZone && exemptList != QJsonValue(true))
        causes << QStringLiteral("useAsExemptList: must be true to update DefaultExemptIpZone (Okta requires "
                                 "\"useAsExemptList\": true in every PUT of this zone)");
    else if (!exemptZone && exemptList == QJsonValue(true))
        causes << QStringLiteral(
                      "useAsExemptList: only DefaultExemptIpZone can be the exempt list; zone '%1' "
                      "cannot")
                      .arg(existing->value(kName).toString());

    if (type == QLatin1String("IP")) {
        const bool blocklist = effectiveUsage == QLatin1String("BLOCKLIST");
        int maxEntries = MaxEntriesCustom;
        QString limitNote = QStringLiteral("an IP zone");
        if (blocklist) {
            maxEntries = MaxEntriesBlocklist;
            limitNote = QStringLiteral("a BLOCKLIST zone");
        } else if (system) {
            maxEntries = MaxEntriesSystem;
            limitNote = existing->value(kName).toString();
        }
        validateAddresses(body.value(kGateways), kGateways, maxEntries, limitNote, &causes);
        validateAddresses(body.value(kProxies), kProxies, maxEntries, limitNote, &causes);
        const bool hasProxies = !body.value(kProxies).toArray().isEmpty();
        if (hasProxies && blocklist)
            causes << QStringLiteral("proxies: a BLOCKLIST zone cannot have proxies");
        else if (hasProxies && exemptZone)
            causes << QStringLiteral("proxies: DefaultExemptIpZone cannot have proxies");
    } else {
        for (const QString& field : {kGateways, kProxies}) {
            const QJsonValue value = body.value(field);
            if (!value.isUndefined() && !value.isNull())
                causes << QStringLiteral("%1: only IP zones have %1; zone '%2' is of type %3")
                              .arg(field, id, type);
        }
    }
    return causes;
}

QJsonObject SandboxZoneCatalog::replace(const QString& id, const QJsonObject& body, const QString& now) {
    const qsizetype index = indexOf(id);
    if (index < 0)
        return {};
    const QJsonObject& existing = m_zones.at(index);
    // Read-only fields keep their stored values whatever the body says.
    QJsonObject zone{{kType, existing.value(kType)},
                     {kId, id},
                     {kName, body.value(kName).toString()},
                     {kStatus, existing.value(kStatus)},
                     {kUsage, body.value(kUsage).isString() ? body.value(kUsage) : existing.value(kUsage)},
                     {kSystem, existing.value(kSystem)},
                     {kCreated, existing.value(kCreated)},
                     {kLastUpdated, now}};
    if (existing.value(kType).toString() == QLatin1String("IP")) {
        for (const QString& field : {kGateways, kProxies}) {
            const QJsonValue value = body.value(field);
            zone.insert(field, value.isArray() ? value : QJsonValue(QJsonValue::Null));
        }
    } else {
        for (const QString& field : {QStringLiteral("locations"), QStringLiteral("asns"),
                                     QStringLiteral("proxyType"), QStringLiteral("ipServiceCategories")}) {
            if (body.contains(field))
                zone.insert(field, body.value(field));
            else if (existing.contains(field))
                zone.insert(field, existing.value(field));
        }
    }
    m_zones[index] = zone;
    return zone;
}

std::optional<QJsonObject> SandboxZoneCatalog::setStatus(const QString& id, const QString& status,
                                                         const QString& now) {
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    QJsonObject& zone = m_zones[index];
    if (zone.value(kStatus).toString() != status) {
        zone.insert(kStatus, status);
        zone.insert(kLastUpdated, now);
    }
    return zone;
}

bool SandboxZoneCatalog::remove(const QString& id) {
    const qsizetype index = indexOf(id);
    if (index < 0)
        return false;
    m_zones.removeAt(index);
    return true;
}

QJsonArray SandboxZoneCatalog::toState() const {
    QJsonArray array;
    for (const QJsonObject& zone : m_zones)
        array.append(zone);
    return array;
}

bool SandboxZoneCatalog::restoreState(const QJsonArray& zones, QString* error) {
    QList<QJsonObject> restored;
    QStringList ids;
    for (qsizetype i = 0; i < zones.size(); ++i) {
        const QJsonObject zone = zones.at(i).toObject();
        const QString id = zone.value(kId).toString();
        if (id.isEmpty() || ids.contains(id) ||
            !isOneOf(zone.value(kType),
                     {QStringLiteral("IP"), QStringLiteral("DYNAMIC"), QStringLiteral("DYNAMIC_V2")})) {
            if (error)
                *error = QStringLiteral("zones[%1] is not a network zone with a unique id and a known type")
                             .arg(i);
            return false;
        }
        ids << id;
        QJsonObject stored = zone;
        stored.remove(QStringLiteral("_links"));
        restored << stored;
    }
    m_zones = restored;
    return true;
}

QJsonObject SandboxZoneCatalog::withLinks(const QJsonObject& zone, const QUrl& base) {
    const QString self = base.toString() + QStringLiteral("/api/v1/zones/") + zone.value(kId).toString();
    QStringList allow{QStringLiteral("GET"), QStringLiteral("PUT")};
    if (!zone.value(kSystem).toBool())
        allow << QStringLiteral("DELETE");
    const bool active = zone.value(kStatus).toString() == QLatin1String("ACTIVE");
    const QString lifecycle = active ? QStringLiteral("deactivate") : QStringLiteral("activate");
    QJsonObject result = zone;
    result.insert(QStringLiteral("_links"),
                  QJsonObject{{QStringLiteral("self"), link(self, allow)},
                              {lifecycle, link(self + QStringLiteral("/lifecycle/") + lifecycle,
                                               {QStringLiteral("POST")})}});
    return result;
}
