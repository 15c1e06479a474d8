#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <functional>
#include <memory>

// Time as the scheduler sees it: a millisecond clock anchored to the UTC epoch and one-shot
// timers. Injected so that tests drive time by hand (ManualClock) instead of sleeping.
class Clock {
public:
    // A one-shot timer owned by its user; destroying it cancels it.
    class Timer {
    public:
        virtual ~Timer();
        // (Re)starts the timer; `callback` runs once, from the event loop, after `delayMs`
        // (negative delays count as 0). Restarting replaces the pending callback.
        virtual void start(qint64 delayMs, std::function<void()> callback) = 0;
        virtual void stop() = 0;
        virtual bool isActive() const = 0;
    };

    virtual ~Clock();

    // Milliseconds since the UTC epoch.
    virtual qint64 nowMs() const = 0;
    QDateTime nowUtc() const;
    virtual std::unique_ptr<Timer> createTimer() = 0;
};
