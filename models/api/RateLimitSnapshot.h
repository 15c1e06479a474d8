#pragma once

#include <QByteArray>
#include <QDateTime>
#include <optional>

// What one response said about its rate-limit bucket. Headers can be missing or duplicated
// (Qt joins duplicates with ", "): every field is optional and parsing never fails.
struct RateLimitSnapshot {
    std::optional<int> limit;
    std::optional<int> remaining;
    std::optional<qint64> resetEpochSeconds;
    QDateTime serverDate; // from the Date header; invalid when missing or unreadable

    static RateLimitSnapshot fromHeaders(const QByteArray& limit, const QByteArray& remaining,
                                         const QByteArray& reset, const QByteArray& date);

    bool hasBudget() const {
        return limit.has_value() && remaining.has_value() && resetEpochSeconds.has_value();
    }
    // Seconds from the server's Date to the window reset (never negative), measured on the
    // server's clock so local clock skew does not matter. Empty without both headers.
    std::optional<qint64> secondsUntilReset() const;

    // Duplicated numeric headers ("30, 30" or "600, 30"): the most conservative value wins
    // (lowest Limit and Remaining, latest Reset); garbage parts are ignored, and Remaining is
    // never more than Limit.
    enum class Merge { Lowest, Highest };
    static std::optional<qint64> parseNumber(const QByteArray& value, Merge merge);
};
