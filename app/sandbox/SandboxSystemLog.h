#pragma once

#include "SandboxFilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The org's System Log, as far as the sandbox writes it: security.risk.signal.consume per accepted
// risk subject, ThreatInsight detections (seeded and generated) and the zone / ThreatInsight
// changes made through the API. Kept in publishing order (ascending; equal times in the order
// they were appended), whatever order events are appended in.
class SandboxSystemLog {
public:
    struct Query {
        qint64 sinceMs = 0;
        std::optional<qint64> untilMs; // exclusive; none = no upper bound
        std::optional<SandboxFilter> filter;
        int limit = 100;
        QString after; // uuid of the last event of the previous page
    };
    struct Page {
        QJsonArray events;
        bool cursorFound = true; // false when `after` names no event in the filtered list
        QString nextCursor;      // empty when nothing remains
    };

    static QStringList filterAttributes();

    // `seeded`: part of the start-up seed, which removeSeeded() takes out again (to re-anchor it
    // when the clock is replaced).
    void append(const QJsonObject& event, qint64 publishedMs, bool seeded = false);
    void removeSeeded();
    Page query(const Query& query) const;
    QJsonArray events() const;

    static QJsonObject riskSignalConsumed(const QString& ip, const QString& riskLevel,
                                          const QJsonValue& message, const QString& requestId,
                                          qint64 publishedMs, const QString& providerId,
                                          const QString& clientId);

private:
    struct Entry {
        qint64 publishedMs = 0;
        QJsonObject event;
        bool seeded = false;
    };
    QList<Entry> m_entries;
};
