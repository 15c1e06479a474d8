#pragma once

#include "common/Clock.h"

#include <QVector>

// A clock that only moves when told to. Timers fire, in due order and with the clock set to
// their due time, during advance(); callbacks may start new timers, which fire in the same
// advance() when they fall due within it.
class ManualClock : public Clock {
public:
    explicit ManualClock(qint64 startMs = 1700000000000); // 2023-11-14T22:13:20Z
    ~ManualClock() override;

    qint64 nowMs() const override { return m_nowMs; }
    std::unique_ptr<Timer> createTimer() override;

    void advance(qint64 ms);
    void advanceTo(qint64 epochMs);
    // Advances straight to the next due timer (if any) and fires what is due then.
    bool advanceToNextTimer();
    // Sets the time without firing anything (for jumps in tests of clock handling).
    void setNowMs(qint64 epochMs) { m_nowMs = epochMs; }

    int activeTimerCount() const;
    // Due time of the earliest active timer, or -1.
    qint64 nextDueMs() const;

private:
    class ManualTimer;
    friend class ManualTimer;
    void fireDue(qint64 untilMs);

    qint64 m_nowMs;
    quint64 m_sequence = 0;
    QVector<ManualTimer*> m_timers;
};
