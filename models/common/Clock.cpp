#include "common/Clock.h"

Clock::Timer::~Timer() = default;

Clock::~Clock() = default;

QDateTime Clock::nowUtc() const {
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}
