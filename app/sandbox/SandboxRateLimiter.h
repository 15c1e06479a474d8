#pragma once

#include <QString>
#include <QtGlobal>

#include <array>

// Okta-like fixed windows: window k covers [k*W, (k+1)*W) in epoch seconds and resets at
// (k+1)*W, counted per endpoint family. Every request to a family counts, even the refused ones.
class SandboxRateLimiter {
public:
    enum class Family { RiskEvents, Threats, Zones, Logs, RiskProviders, Other };

    struct Snapshot {
        int limit = 0;
        int remaining = 0;
        qint64 resetEpochSeconds = 0;
        bool exceeded = false;
    };

    SandboxRateLimiter(int riskEventsLimit, int otherLimit, int windowSeconds);

    static Family familyForPath(const QString& path);
    static QString familyName(Family family);

    // Counts one request and reports the bucket as it is after counting it.
    Snapshot hit(Family family, qint64 nowEpochSeconds);
    // The bucket as it is now, without counting anything.
    Snapshot peek(Family family, qint64 nowEpochSeconds) const;

    int limitFor(Family family) const;
    int windowSeconds() const { return m_windowSeconds; }

private:
    struct Bucket {
        qint64 window = -1;
        int used = 0;
    };

    qint64 windowIndex(qint64 nowEpochSeconds) const;
    Snapshot snapshot(Family family, qint64 window, int used) const;

    int m_riskEventsLimit;
    int m_otherLimit;
    int m_windowSeconds;
    std::array<Bucket, 6> m_buckets{};
};
