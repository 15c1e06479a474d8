#include "SandboxSystemLog.h"

#include "SandboxTime.h"

#include <QUuid>

#include <algorithm>

QStringList SandboxSystemLog::filterAttributes() {
    return {QStringLiteral("eventType"),
            QStringLiteral("uuid"),
            QStringLiteral("severity"),
            QStringLiteral("outcome.result"),
            QStringLiteral("client.ipAddress"),
            QStringLiteral("actor.id"),
            QStringLiteral("transaction.id"),
            QStringLiteral("debugContext.debugData.requestId"),
            QStringLiteral("debugContext.debugData.riskLevel"),
            QStringLiteral("debugContext.debugData.threatSuspected"),
            QStringLiteral("actor.type"),
            QStringLiteral("actor.alternateId"),
            QStringLiteral("client.geographicalContext.country")};
}

void SandboxSystemLog::append(const QJsonObject& event, qint64 publishedMs, bool seeded) {
    // Usually the newest event: search from the end.
    qsizetype at = m_entries.size();
    while (at > 0 && m_entries.at(at - 1).publishedMs > publishedMs)
        --at;
    m_entries.insert(at, {publishedMs, event, seeded});
}

void SandboxSystemLog::removeSeeded() {
    m_entries.removeIf([](const Entry& entry) { return entry.seeded; });
}

SandboxSystemLog::Page SandboxSystemLog::query(const Query& request) const {
    QList<const Entry*> matching;
    for (const Entry& entry : m_entries) {
        if (entry.publishedMs < request.sinceMs || (request.untilMs && entry.publishedMs >= *request.untilMs))
            continue;
        if (request.filter && !request.filter->matches(entry.event))
            continue;
        matching.append(&entry);
    }
    Page page;
    qsizetype start = 0;
    if (!request.after.isEmpty()) {
        page.cursorFound = false;
        for (qsizetype i = 0; i < matching.size(); ++i) {
            if (matching.at(i)->event.value(QStringLiteral("uuid")).toString() == request.after) {
                page.cursorFound = true;
                start = i + 1;
                break;
            }
        }
        if (!page.cursorFound)
            return page;
    }
    const qsizetype end = std::min(matching.size(), start + request.limit);
    for (qsizetype i = start; i < end; ++i)
        page.events.append(matching.at(i)->event);
    if (end < matching.size() && end > start)
        page.nextCursor = matching.at(end - 1)->event.value(QStringLiteral("uuid")).toString();
    return page;
}

QJsonArray SandboxSystemLog::events() const {
    QJsonArray array;
    for (const Entry& entry : m_entries)
        array.append(entry.event);
    return array;
}

QJsonObject SandboxSystemLog::riskSignalConsumed(const QString& ip, const QString& riskLevel,
                                                 const QJsonValue& message, const QString& requestId,
                                                 qint64 publishedMs, const QString& providerId,
                                                 const QString& clientId) {
    const QJsonObject debugData{{QStringLiteral("riskLevel"), riskLevel},
                                {QStringLiteral("message"), message},
                                {QStringLiteral("requestId"), requestId}};
    return QJsonObject{
        {QStringLiteral("uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("published"), SandboxTime::isoTimestamp(publishedMs)},
        {QStringLiteral("eventType"), QStringLiteral("security.risk.signal.consume")},
        {QStringLiteral("version"), QStringLiteral("0")},
        {QStringLiteral("severity"), QStringLiteral("INFO")},
        {QStringLiteral("legacyEventType"), QJsonValue::Null},
        {QStringLiteral("displayMessage"), QStringLiteral("Risk signal consumed")},
        {QStringLiteral("outcome"), QJsonObject{{QStringLiteral("result"), QStringLiteral("SUCCESS")},
                                                {QStringLiteral("reason"), QJsonValue::Null}}},
        {QStringLiteral("client"),
         QJsonObject{{QStringLiteral("ipAddress"), ip}, {QStringLiteral("zone"), QStringLiteral("null")}}},
        {QStringLiteral("debugContext"), QJsonObject{{QStringLiteral("debugData"), debugData}}},
        {QStringLiteral("actor"), QJsonObject{{QStringLiteral("id"), clientId},
                                              {QStringLiteral("type"), QStringLiteral("PublicClientApp")},
                                              {QStringLiteral("alternateId"), clientId},
                                              {QStringLiteral("displayName"), QStringLiteral("ThreatDesk")}}},
        {QStringLiteral("target"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), providerId},
                                {QStringLiteral("type"), QStringLiteral("RiskProvider")},
                                {QStringLiteral("alternateId"), QStringLiteral("ThreatDesk")},
                                {QStringLiteral("displayName"), QStringLiteral("ThreatDesk")}}}},
        {QStringLiteral("transaction"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("WEB")}, {QStringLiteral("id"), requestId}}}};
}
