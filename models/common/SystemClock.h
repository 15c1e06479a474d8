#pragma once

#include "common/Clock.h"

#include <QElapsedTimer>

// The real clock. Time is the wall clock read once at construction plus a monotonic elapsed
// timer, so a wall-clock jump (NTP, DST, the user) during a run cannot make waits negative or
// huge; the offset to the server's clock is estimated separately (RateBudget).
class SystemClock : public Clock {
public:
    SystemClock();
    qint64 nowMs() const override;
    std::unique_ptr<Timer> createTimer() override;

    // A process-wide instance for callers that do not inject one.
    static SystemClock* instance();

private:
    qint64 m_anchorMs;
    QElapsedTimer m_elapsed;
};
