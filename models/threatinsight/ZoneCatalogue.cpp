#include "threatinsight/ZoneCatalogue.h"

#include <QCoreApplication>

ZoneCatalogue::ZoneCatalogue(QList<NetworkZone> zones)
    : m_zones(std::move(zones)) {}

ZoneCatalogue ZoneCatalogue::fromJson(const QJsonArray& array, QStringList* errors) {
    QList<NetworkZone> zones;
    for (int i = 0; i < array.size(); ++i) {
        QString error;
        if (auto zone = NetworkZone::fromJson(array.at(i).toObject(), &error))
            zones.append(*zone);
        else if (errors)
            errors->append(QCoreApplication::translate("ZoneCatalogue", "zone %1: %2").arg(i).arg(error));
    }
    return ZoneCatalogue(std::move(zones));
}

const NetworkZone* ZoneCatalogue::findById(const QString& id) const {
    for (const NetworkZone& zone : m_zones) {
        if (zone.id == id)
            return &zone;
    }
    return nullptr;
}

ZoneCatalogue::Resolution ZoneCatalogue::resolve(const QString& nameOrId) const {
    const QString wanted = nameOrId.trimmed();
    if (wanted.isEmpty())
        return {nullptr, QCoreApplication::translate("ZoneCatalogue", "an empty zone name was given")};
    if (const NetworkZone* byId = findById(wanted))
        return {byId, {}};
    auto matching = [this, &wanted](Qt::CaseSensitivity cs) {
        QList<const NetworkZone*> found;
        for (const NetworkZone& zone : m_zones) {
            if (zone.name.compare(wanted, cs) == 0)
                found.append(&zone);
        }
        return found;
    };
    QList<const NetworkZone*> found = matching(Qt::CaseSensitive);
    if (found.isEmpty())
        found = matching(Qt::CaseInsensitive);
    if (found.size() == 1)
        return {found.first(), {}};
    if (found.isEmpty())
        return {nullptr,
                QCoreApplication::translate("ZoneCatalogue", "no network zone is named or has the id '%1'")
                    .arg(wanted)};
    QStringList candidates;
    for (const NetworkZone* zone : found)
        candidates.append(QStringLiteral("%1 (%2)").arg(zone->name, zone->id));
    return {nullptr, QCoreApplication::translate("ZoneCatalogue",
                                                 "'%1' matches several zones: %2; give the id instead")
                         .arg(wanted, candidates.join(QStringLiteral(", ")))};
}

QString ZoneCatalogue::displayName(const QString& id) const {
    const NetworkZone* zone = findById(id);
    return zone ? zone->name : id;
}
