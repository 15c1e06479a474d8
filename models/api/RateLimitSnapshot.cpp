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
    s.resetEpochSeconds = parseNumber(reset, Merge::Highest);
    s.serverDate = HttpDate::parse(date);
    return s;
}

std::optional<qint64> RateLimitSnapshot::secondsUntilReset() const {
    if (!resetEpochSeconds || !serverDate.isValid())
        return std::nullopt;
    return qMax<qint64>(0, *resetEpochSeconds - serverDate.toSecsSinceEpoch());
}
