#include "common/SystemClock.h"

#include <QTimer>

#include <limits>

namespace {
class SystemTimer : public Clock::Timer {
public:
    SystemTimer() {
        m_timer.setSingleShot(true);
        // Budget waits end at a window boundary: a coarse timer may fire up to 5 % late.
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            auto callback = std::move(m_callback);
            m_callback = nullptr;
            if (callback)
                callback();
        });
    }
    void start(qint64 delayMs, std::function<void()> callback) override {
        m_callback = std::move(callback);
        const qint64 clamped = qBound<qint64>(0, delayMs, qint64(std::numeric_limits<int>::max()));
        m_timer.start(static_cast<int>(clamped));
    }
    void stop() override {
        m_timer.stop();
        m_callback = nullptr;
    }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
    std::function<void()> m_callback;
};
} // namespace

SystemClock::SystemClock()
    : m_anchorMs(QDateTime::currentMSecsSinceEpoch()) {
    m_elapsed.start();
}

qint64 SystemClock::nowMs() const {
    return m_anchorMs + m_elapsed.elapsed();
}

std::unique_ptr<Clock::Timer> SystemClock::createTimer() {
    return std::make_unique<SystemTimer>();
}

SystemClock* SystemClock::instance() {
    static SystemClock clock;
    return &clock;
}
