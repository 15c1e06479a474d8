#pragma once

#include "threatinsight/NetworkZone.h"

#include <QJsonArray>
#include <QList>
#include <QString>

// The org's zones, and how a name typed by an admin becomes a zone id: an exact id wins, then
// an exact name, then a case-insensitive name; more than one match is an error, never a guess.
class ZoneCatalogue {
public:
    struct Resolution {
        const NetworkZone* zone = nullptr;
        QString error;
    };

    ZoneCatalogue() = default;
    explicit ZoneCatalogue(QList<NetworkZone> zones);
    // Zones that fail to parse are reported in `errors` (one line each) and left out.
    static ZoneCatalogue fromJson(const QJsonArray& array, QStringList* errors);

    const QList<NetworkZone>& zones() const { return m_zones; }
    const NetworkZone* findById(const QString& id) const;
    Resolution resolve(const QString& nameOrId) const;
    // The zone's name, or the id itself when the zone is unknown (deleted since).
    QString displayName(const QString& id) const;

private:
    QList<NetworkZone> m_zones;
};
