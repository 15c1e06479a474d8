#include "ManualClock.h"

#include <algorithm>

class ManualClock::ManualTimer : public Clock::Timer {
public:
    explicit ManualTimer(ManualClock* clock)
        : m_clock(clock) {
        m_clock->m_timers.append(this);
    }
    ~ManualTimer() override {
        if (m_clock)
            m_clock->m_timers.removeOne(this);
    }
    void start(qint64 delayMs, std::function<void()> callback) override {
        m_callback = std::move(callback);
        m_dueMs = m_clock->m_nowMs + qMax<qint64>(0, delayMs);
        m_sequence = ++m_clock->m_sequence; // equal due times fire in start order
        m_active = true;
    }
    void stop() override {
        m_active = false;
        m_callback = nullptr;
    }
    bool isActive() const override { return m_active; }

    ManualClock* m_clock;
    std::function<void()> m_callback;
    qint64 m_dueMs = 0;
    quint64 m_sequence = 0;
    bool m_active = false;
};

ManualClock::ManualClock(qint64 startMs)
    : m_nowMs(startMs) {}

ManualClock::~ManualClock() {
    for (ManualTimer* timer : std::as_const(m_timers))
        timer->m_clock = nullptr;
}

std::unique_ptr<Clock::Timer> ManualClock::createTimer() {
    return std::make_unique<ManualTimer>(this);
}

void ManualClock::advance(qint64 ms) {
    advanceTo(m_nowMs + qMax<qint64>(0, ms));
}

void ManualClock::advanceTo(qint64 epochMs) {
    fireDue(epochMs);
    m_nowMs = qMax(m_nowMs, epochMs);
}

bool ManualClock::advanceToNextTimer() {
    const qint64 due = nextDueMs();
    if (due < 0)
        return false;
    advanceTo(qMax(due, m_nowMs));
    return true;
}

int ManualClock::activeTimerCount() const {
    return static_cast<int>(
        std::count_if(m_timers.cbegin(), m_timers.cend(), [](const ManualTimer* t) { return t->m_active; }));
}

qint64 ManualClock::nextDueMs() const {
    qint64 due = -1;
    for (const ManualTimer* timer : m_timers) {
        if (timer->m_active && (due < 0 || timer->m_dueMs < due))
            due = timer->m_dueMs;
    }
    return due;
}

void ManualClock::fireDue(qint64 untilMs) {
    for (;;) {
        ManualTimer* next = nullptr;
        for (ManualTimer* timer : std::as_const(m_timers)) {
            if (!timer->m_active || timer->m_dueMs > untilMs)
                continue;
            if (!next || timer->m_dueMs < next->m_dueMs ||
                (timer->m_dueMs == next->m_dueMs && timer->m_sequence < next->m_sequence))
                next = timer;
        }
        if (!next)
            return;
        m_nowMs = qMax(m_nowMs, next->m_dueMs);
        next->m_active = false;
        auto callback = std::move(next->m_callback);
        next->m_callback = nullptr;
        if (callback)
            callback(); // may start, stop or destroy timers, including `next`
    }
}
