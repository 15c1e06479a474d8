#include "riskevents/RateLimitStatus.h"

namespace {
int ceilSeconds(qint64 ms) {
    return ms < 0 ? -1 : static_cast<int>((ms + 999) / 1000);
}
} // namespace

RateLimitStatus::RateLimitStatus(const RateBudget* budget, Clock* clock, QObject* parent)
    : QObject(parent)
    , m_budget(budget)
    , m_clock(clock)
    , m_tick(clock->createTimer()) {
    update();
}

RateLimitStatus::~RateLimitStatus() = default;

int RateLimitStatus::resetInSeconds() const {
    return ceilSeconds(m_status.resetInMs);
}

int RateLimitStatus::waitSeconds() const {
    return ceilSeconds(m_waitMs);
}

void RateLimitStatus::update() {
    const qint64 now = m_clock->nowMs();
    const RateBudget::Status next = m_budget->status(now);
    const qint64 delay = m_budget->delayMs(now);
    const qint64 waitMs = delay == RateBudget::WaitForAnswer ? 0 : delay;

    const bool differs = next.fromHeaders != m_status.fromHeaders || next.limit != m_status.limit ||
                         next.remaining != m_status.remaining ||
                         ceilSeconds(next.resetInMs) != ceilSeconds(m_status.resetInMs) ||
                         next.requestsInWindow != m_status.requestsInWindow ||
                         next.windowMs != m_status.windowMs || ceilSeconds(waitMs) != ceilSeconds(m_waitMs) ||
                         next.rateLimitedCount != m_status.rateLimitedCount ||
                         next.inFlight != m_status.inFlight;
    QVector<qint64> recent = m_budget->recentSendTimesMs(now);
    // The chart shifts as requests age: a new second with requests in it is a new picture.
    const bool chartDiffers =
        recent != m_recentSends || (!recent.isEmpty() && now / 1000 != m_updatedAtMs / 1000);
    m_status = next;
    m_waitMs = waitMs;
    m_recentSends = std::move(recent);
    m_updatedAtMs = now;

    // Tick when the next shown second changes, while anything counts down or ages out.
    qint64 nextTick = -1;
    auto consider = [&nextTick](qint64 ms) {
        if (ms > 0) {
            const qint64 toNextSecond = (ms - 1) % 1000 + 1;
            nextTick = nextTick < 0 ? toNextSecond : qMin(nextTick, toNextSecond);
        }
    };
    consider(m_status.resetInMs);
    consider(m_waitMs);
    if (m_status.requestsInWindow > 0)
        consider(1000);
    if (nextTick > 0)
        m_tick->start(nextTick, [this] { update(); });
    else
        m_tick->stop();

    if (differs || chartDiffers)
        emit changed();
}
