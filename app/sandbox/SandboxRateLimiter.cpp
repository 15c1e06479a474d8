#include "SandboxRateLimiter.h"

#include <algorithm>
#include <climits>

namespace {

bool isUnder(const QString& path, QLatin1String prefix) {
    return path == prefix || (path.startsWith(prefix) && path.at(prefix.size()) == QLatin1Char('/'));
}

} // namespace

SandboxRateLimiter::SandboxRateLimiter(int riskEventsLimit, int otherLimit, int windowSeconds)
    : m_riskEventsLimit(std::max(0, riskEventsLimit))
    , m_otherLimit(std::max(0, otherLimit))
    , m_windowSeconds(std::max(1, windowSeconds)) {}

SandboxRateLimiter::Family SandboxRateLimiter::familyForPath(const QString& path) {
    if (isUnder(path, QLatin1String("/api/v1/risk/events")))
        return Family::RiskEvents;
    if (isUnder(path, QLatin1String("/api/v1/risk/providers")))
        return Family::RiskProviders;
    if (isUnder(path, QLatin1String("/api/v1/threats")))
        return Family::Threats;
    if (isUnder(path, QLatin1String("/api/v1/zones")))
        return Family::Zones;
    if (isUnder(path, QLatin1String("/api/v1/logs")))
        return Family::Logs;
    return Family::Other;
}

QString SandboxRateLimiter::familyName(Family family) {
    switch (family) {
    case Family::RiskEvents:
        return QStringLiteral("risk-events");
    case Family::Threats:
        return QStringLiteral("threats");
    case Family::Zones:
        return QStringLiteral("zones");
    case Family::Logs:
        return QStringLiteral("logs");
    case Family::RiskProviders:
        return QStringLiteral("risk-providers");
    case Family::Other:
        break;
    }
    return QStringLiteral("other");
}

int SandboxRateLimiter::limitFor(Family family) const {
    return family == Family::RiskEvents ? m_riskEventsLimit : m_otherLimit;
}

qint64 SandboxRateLimiter::windowIndex(qint64 nowEpochSeconds) const {
    // Floor division, so a (test) clock before 1970 still lands in the right window.
    qint64 index = nowEpochSeconds / m_windowSeconds;
    if (nowEpochSeconds % m_windowSeconds < 0)
        --index;
    return index;
}

SandboxRateLimiter::Snapshot SandboxRateLimiter::snapshot(Family family, qint64 window, int used) const {
    Snapshot s;
    s.limit = limitFor(family);
    s.remaining = std::max(0, s.limit - used);
    s.resetEpochSeconds = (window + 1) * m_windowSeconds;
    s.exceeded = used > s.limit;
    return s;
}

SandboxRateLimiter::Snapshot SandboxRateLimiter::hit(Family family, qint64 nowEpochSeconds) {
    Bucket& bucket = m_buckets.at(static_cast<std::size_t>(family));
    const qint64 window = windowIndex(nowEpochSeconds);
    if (bucket.window != window) {
        bucket.window = window;
        bucket.used = 0;
    }
    if (bucket.used < INT_MAX)
        ++bucket.used;
    return snapshot(family, window, bucket.used);
}

SandboxRateLimiter::Snapshot SandboxRateLimiter::peek(Family family, qint64 nowEpochSeconds) const {
    const Bucket& bucket = m_buckets.at(static_cast<std::size_t>(family));
    const qint64 window = windowIndex(nowEpochSeconds);
    return snapshot(family, window, bucket.window == window ? bucket.used : 0);
}
