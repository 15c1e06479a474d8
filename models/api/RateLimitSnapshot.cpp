#include "api/RateLimitSnapshot.h"

#include "api/HttpDate.h"

#include <QList>
#include <limits>

std::optional<qint64> RateLimitSnapshot::parseNumber(const QByteArray& value, Merge merge) {
    std::optional<qint64> result;
    for (const QByteArray& part : value.split(',')) {
        bool ok = false;
        const qint64 n = part.trimmed().toLongLong(&ok);
        if (!ok || n < 0)
            continue;
        if (!result || (merge == Merge::Lowest ? n < *result : n > *result))
            result = n;
    }
    return result;
}

namespace {
std::optional<int> toInt(std::optional<qint64> value) {
    if (!value || *value > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*value);
}
} // namespace

RateLimitSnapshot RateLimitSnapshot::fromHeaders(const QByteArray& limit, const QByteArray& remaining,
                                                 const QByteArray& reset, const QByteArray& date) {
    RateLimitSnapshot s;
    s.limit = toInt(parseNumber(limit, Merge::Lowest));
    s.remaining = toInt(parseNumber(remaining, Merge::Lowest));
    // More left than the bucket holds is not budget, it is a broken header (or two merged ones).
    if (s.limit && s.remaining && *s.remaining > *s.limit)
        s.remaining = s.limit;
    s.resetEpochSeconds = parseNumber(reset, Merge::Highest);
    s.serverDate = HttpDate::parse(date);
    return s;
}

std::optional<qint64> RateLimitSnapshot::secondsUntilReset() const {
    if (!resetEpochSeconds || !serverDate.isValid())
        return std::nullopt;
    const qint64 now = serverDate.toSecsSinceEpoch();
    // A Date before 1970 and a Reset near 2^63 would overflow (fuzzing found it): no usable wait.
    if (now < 0 && *resetEpochSeconds > std::numeric_limits<qint64>::max() + now)
        return std::nullopt;
    return qMax<qint64>(0, *resetEpochSeconds - now);
}
