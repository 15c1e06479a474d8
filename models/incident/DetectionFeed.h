#pragma once

#include "api/OktaResult.h"
#include "incident/ThreatDetection.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class Clock;
class OktaClient;
class PagedListJob;

// Reads ThreatInsight detections from the System Log: every page of GET /api/v1/logs with
// ThreatDetection::systemLogFilter() between `since` and now (the injected clock), newest
// first once loaded. One refresh at a time: a refresh while one runs is ignored (and says so).
class DetectionFeed : public QObject {
    Q_OBJECT
public:
    DetectionFeed(OktaClient* client, Clock* clock, QObject* parent = nullptr);
    ~DetectionFeed() override;

    // Reads [now - lookbackSeconds, now). false when a refresh is already running.
    bool refresh(qint64 lookbackSeconds);
    // Reads [since, until).
    bool refreshRange(const QDateTime& since, const QDateTime& until);
    void cancel();

    bool isLoading() const { return !m_job.isNull(); }
    const QList<ThreatDetection>& detections() const { return m_detections; }
    QDateTime lastRefreshed() const { return m_lastRefreshed; }

    // `limit` of each System Log page (1..1000, default OktaClient::DefaultLogPageSize).
    void setPageSize(int pageSize);
    int pageSize() const { return m_pageSize; }
    // The range of the last successful load, [since, until).
    QDateTime loadedSince() const { return m_loadedSince; }
    QDateTime loadedUntil() const { return m_loadedUntil; }
    // The answer behind the last failed(), for callers that map it to an exit code (the CLI).
    const OktaResult& lastFailure() const { return m_lastFailure; }

signals:
    void loadingChanged(bool loading);
    // `skipped`: one line per log event that could not be read (field and reason), never dropped
    // silently.
    void loaded(const QList<ThreatDetection>& detections, const QStringList& skipped);
    void failed(const QString& message); // Okta's summary, causes and request id

private:
    void onListed(const OktaResult& result);

    OktaClient* m_client;
    Clock* m_clock;
    QPointer<PagedListJob> m_job;
    QList<ThreatDetection> m_detections;
    QDateTime m_lastRefreshed;
    QDateTime m_since; // of the running refresh
    QDateTime m_until;
    QDateTime m_loadedSince;
    QDateTime m_loadedUntil;
    OktaResult m_lastFailure;
    int m_pageSize;
};
