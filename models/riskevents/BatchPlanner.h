#pragma once

#include "riskevents/PlannedRequest.h"
#include "riskevents/RiskSubject.h"

#include <QDateTime>
#include <QVector>

#include <optional>

// Turns validated subjects into requests: HIGH first, then MEDIUM, then LOW (stable within a
// level), 50 subjects per event, 20 events per request. Every event of a run carries the same
// `timestamp` (and `expiresAt` when a time-to-live is chosen), so a request split or re-sent
// later has the same content. Bodies are written by hand: QJson per subject is too slow for
// a million subjects (see tests/bench/bench_plan.cpp).
class BatchPlanner {
public:
    static constexpr int MaxSubjectsPerEvent = 50;
    static constexpr int MaxEventsPerRequest = 20;

    struct Options {
        QDateTime timestamp;                        // the events' `timestamp`; invalid = now
        std::optional<qint64> timeToLiveSeconds;    // `expiresAt` = timestamp + ttl when set (> 0)
        int subjectsPerEvent = MaxSubjectsPerEvent; // clamped to 1..50
        int eventsPerRequest = MaxEventsPerRequest; // clamped to 1..20
    };

    BatchPlanner();
    explicit BatchPlanner(Options options);

    // The options as used: timestamp set and in UTC milliseconds, sizes clamped.
    const Options& options() const { return m_options; }
    int subjectsPerRequest() const { return m_options.subjectsPerEvent * m_options.eventsPerRequest; }
    QDateTime expiresAt() const; // invalid without a time-to-live

    // Indices of `subjects` in sending order.
    static QVector<int> priorityOrder(const QVector<RiskSubject>& subjects);
    // Every subject in requests numbered from 1; with `withBodies` each request's exact body.
    QVector<PlannedRequest> plan(const QVector<RiskSubject>& subjects, bool withBodies = true) const;
    // The exact body for these subjects in this order.
    QByteArray buildBody(const QVector<RiskSubject>& subjects, const QVector<int>& indices) const;
    // Where Okta's "[event].subjects[index]" points within a body of `count` subjects built by
    // buildBody(): the position in its index list, or -1 when it points nowhere.
    int positionOf(int event, int index, int count) const;

    // Okta's risk-event time format, UTC with milliseconds: 2021-01-20T00:00:00.001Z.
    static QString formatTimestamp(const QDateTime& time);

private:
    Options m_options;
    QByteArray m_eventTail; // `],"timestamp":"…"[,"expiresAt":"…"]}` shared by every event
};
