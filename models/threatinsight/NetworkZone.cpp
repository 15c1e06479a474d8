#include "threatinsight/NetworkZone.h"

#include "api/OktaTime.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace {
QList<NetworkZone::Address> parseAddresses(const QJsonValue& value) {
    QList<NetworkZone::Address> out;
    for (const QJsonValue& item : value.toArray()) {
        const QJsonObject o = item.toObject();
        out.append({o.value(QLatin1String("type")).toString(), o.value(QLatin1String("value")).toString()});
    }
    return out;
}
} // namespace

std::optional<NetworkZone> NetworkZone::fromJson(const QJsonObject& object, QString* error) {
    NetworkZone zone;
    zone.id = object.value(QLatin1String("id")).toString();
    zone.name = object.value(QLatin1String("name")).toString();
    zone.type = object.value(QLatin1String("type")).toString();
    if (zone.id.isEmpty() || zone.type.isEmpty()) {
        if (error)
            *error =
                QCoreApplication::translate("NetworkZone", "a zone without id or type ('%1')").arg(zone.name);
        return std::nullopt;
    }
    zone.status = object.value(QLatin1String("status")).toString();
    zone.usage = object.value(QLatin1String("usage")).toString();
    zone.system = object.value(QLatin1String("system")).toBool();
    zone.gateways = parseAddresses(object.value(QLatin1String("gateways")));
    zone.proxies = parseAddresses(object.value(QLatin1String("proxies")));
    zone.created = OktaTime::parse(object.value(QLatin1String("created")).toString());
    zone.lastUpdated = OktaTime::parse(object.value(QLatin1String("lastUpdated")).toString());
    zone.raw = object;
    return zone;
}

QString NetworkZone::gatewaySummary(int maxShown) const {
    if (gateways.isEmpty())
        return QCoreApplication::translate("NetworkZone", "no gateways");
    QStringList shown;
    for (int i = 0; i < gateways.size() && i < maxShown; ++i)
        shown.append(gateways[i].value);
    QString text = shown.join(QStringLiteral(", "));
    if (gateways.size() > maxShown)
        text += QCoreApplication::translate("NetworkZone", " (+%1 more)").arg(gateways.size() - maxShown);
    return text;
}
