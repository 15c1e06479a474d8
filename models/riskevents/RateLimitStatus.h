#pragma once

#include "common/Clock.h"
#include "riskevents/RateBudget.h"

#include <QObject>
#include <QVector>

#include <memory>

// The risk-event rate limit as the GUI shows it (the gauge): limit, remaining, reset countdown,
// requests in the last window. Reads a RateBudget; while a countdown runs it refreshes itself
// once a second and emits changed() only when a shown value differs.
class RateLimitStatus : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool fromHeaders READ fromHeaders NOTIFY changed)
    Q_PROPERTY(int limit READ limit NOTIFY changed)
    Q_PROPERTY(int remaining READ remaining NOTIFY changed)
    Q_PROPERTY(int resetInSeconds READ resetInSeconds NOTIFY changed)
    Q_PROPERTY(int requestsInWindow READ requestsInWindow NOTIFY changed)
    Q_PROPERTY(int windowSeconds READ windowSeconds NOTIFY changed)
    Q_PROPERTY(int waitSeconds READ waitSeconds NOTIFY changed)
    Q_PROPERTY(int rateLimitedCount READ rateLimitedCount NOTIFY changed)
public:
    RateLimitStatus(const RateBudget* budget, Clock* clock, QObject* parent = nullptr);
    ~RateLimitStatus() override;

    bool fromHeaders() const { return m_status.fromHeaders; } // false: Okta's documented default
    int limit() const { return m_status.limit; }
    int remaining() const { return m_status.remaining; }
    int resetInSeconds() const; // -1 when unknown
    int requestsInWindow() const { return m_status.requestsInWindow; }
    int windowSeconds() const { return static_cast<int>(m_status.windowMs / 1000); }
    int waitSeconds() const; // until the budget lets the next request go; 0 = now
    int rateLimitedCount() const { return m_status.rateLimitedCount; }
    const RateBudget::Status& status() const { return m_status; }
    // Local clock times (ms) of our requests in the last window as of the last update, oldest
    // first, and that update's time: the gauge's chart of recent requests. While any is in the
    // window, changed() is emitted each second so the chart moves with time.
    const QVector<qint64>& recentSendTimesMs() const { return m_recentSends; }
    qint64 updatedAtMs() const { return m_updatedAtMs; }

public slots:
    // Re-reads the budget (the scheduler calls it after every send and answer).
    void update();

signals:
    void changed();

private:
    const RateBudget* m_budget;
    Clock* m_clock;
    std::unique_ptr<Clock::Timer> m_tick;
    RateBudget::Status m_status;
    qint64 m_waitMs = 0;
    QVector<qint64> m_recentSends;
    qint64 m_updatedAtMs = 0;
};
