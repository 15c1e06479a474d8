#include "SandboxLogEvent.h"

#include "SandboxIpAddress.h"
#include "SandboxTime.h"

#include <QJsonArray>

QJsonObject SandboxLogEvent::make(const Fields& f) {
    QJsonObject debugData = f.debugData;
    if (!debugData.contains(QStringLiteral("requestId")))
        debugData.insert(QStringLiteral("requestId"), f.transactionId);
    // request.ipChain repeats the client address, as Okta logs it for direct (unproxied) requests.
    QJsonArray ipChain;
    const QJsonValue ip = f.client.value(QStringLiteral("ipAddress"));
    if (ip.isString()) {
        ipChain.append(QJsonObject{
            {QStringLiteral("ip"), ip},
            {QStringLiteral("geographicalContext"), f.client.value(QStringLiteral("geographicalContext"))},
            {QStringLiteral("version"),
             SandboxIpAddress::isIpv6(ip.toString()) ? QStringLiteral("V6") : QStringLiteral("V4")},
            {QStringLiteral("source"), QJsonValue::Null}});
    }
    return QJsonObject{
        {QStringLiteral("uuid"), f.uuid},
        {QStringLiteral("published"), SandboxTime::isoTimestamp(f.publishedMs)},
        {QStringLiteral("eventType"), f.eventType},
        {QStringLiteral("version"), QStringLiteral("0")},
        {QStringLiteral("severity"), f.severity},
        {QStringLiteral("legacyEventType"), QJsonValue::Null},
        {QStringLiteral("displayMessage"), f.displayMessage},
        {QStringLiteral("actor"), f.actor},
        {QStringLiteral("client"), f.client},
        {QStringLiteral("device"), QJsonValue::Null},
        {QStringLiteral("authenticationContext"),
         QJsonObject{{QStringLiteral("authenticationProvider"), QJsonValue::Null},
                     {QStringLiteral("authenticationStep"), 0},
                     {QStringLiteral("credentialProvider"), QJsonValue::Null},
                     {QStringLiteral("credentialType"), QJsonValue::Null},
                     {QStringLiteral("issuer"), QJsonValue::Null},
                     {QStringLiteral("externalSessionId"), QStringLiteral("unknown")},
                     {QStringLiteral("interface"), QJsonValue::Null}}},
        {QStringLiteral("outcome"), QJsonObject{{QStringLiteral("result"), f.outcomeResult},
                                                {QStringLiteral("reason"), f.outcomeReason}}},
        {QStringLiteral("target"), f.target},
        {QStringLiteral("transaction"), QJsonObject{{QStringLiteral("type"), QStringLiteral("WEB")},
                                                    {QStringLiteral("id"), f.transactionId},
                                                    {QStringLiteral("detail"), QJsonObject{}}}},
        {QStringLiteral("debugContext"), QJsonObject{{QStringLiteral("debugData"), debugData}}},
        {QStringLiteral("securityContext"), QJsonObject{{QStringLiteral("asNumber"), QJsonValue::Null},
                                                        {QStringLiteral("asOrg"), QJsonValue::Null},
                                                        {QStringLiteral("isp"), QJsonValue::Null},
                                                        {QStringLiteral("domain"), QJsonValue::Null},
                                                        {QStringLiteral("isProxy"), QJsonValue::Null}}},
        {QStringLiteral("request"), QJsonObject{{QStringLiteral("ipChain"), ipChain}}}};
}

QJsonObject SandboxLogEvent::actor(const QString& id, const QString& type, const QString& alternateId,
                                   const QString& displayName) {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("alternateId"), alternateId},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("detailEntry"), QJsonValue::Null}};
}

QJsonObject SandboxLogEvent::client(const QJsonValue& ipAddress, const QString& rawUserAgent,
                                    const QString& os, const QString& browser,
                                    const QJsonValue& geographicalContext) {
    return QJsonObject{
        {QStringLiteral("userAgent"), QJsonObject{{QStringLiteral("rawUserAgent"), rawUserAgent},
                                                  {QStringLiteral("os"), os},
                                                  {QStringLiteral("browser"), browser}}},
        {QStringLiteral("zone"), QStringLiteral("null")},
        {QStringLiteral("device"), QStringLiteral("Unknown")},
        {QStringLiteral("id"), QJsonValue::Null},
        {QStringLiteral("ipAddress"), ipAddress},
        {QStringLiteral("geographicalContext"), geographicalContext}};
}

QJsonObject SandboxLogEvent::geographicalContext(const QString& city, const QJsonValue& state,
                                                 const QString& country, const QJsonValue& postalCode,
                                                 double lat, double lon) {
    return QJsonObject{{QStringLiteral("city"), city},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("country"), country},
                       {QStringLiteral("postalCode"), postalCode},
                       {QStringLiteral("geolocation"),
                        QJsonObject{{QStringLiteral("lat"), lat}, {QStringLiteral("lon"), lon}}}};
}
