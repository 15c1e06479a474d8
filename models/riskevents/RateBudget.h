#pragma once

#include "api/RateLimitSnapshot.h"

#include <QVector>
#include <QtGlobal>

#include <deque>
#include <optional>

// When may the next risk-event request go? Pure decision logic on local milliseconds (from a
// Clock), no timers, so it is tested exhaustively with made-up times.
//
// - Until an answer carries X-Rate-Limit-* headers: at most `defaultLimit` requests in any
//   rolling `defaultWindowMs` (Okta documents 30 per minute).
// - Then the headers rule: never send while remaining − inFlight ≤ 0. The window resets at the
//   server's Reset, which is mapped to local time with the server-clock offset δ (server −
//   local) estimated from Date headers: an answer dated d (1-s resolution) to a request sent at
//   local s and answered at local r gives d − r ≤ δ < d + 1 s − s. The largest lower bound over
//   recent answers is safe (the server has surely reached Reset at local Reset − δ_lower) and
//   tight, which is what lets a client use every request of every window without a 429.
// - A 429 blocks for Reset − Date + 1 s (server clock, as Okta says); without usable headers
//   for one window (estimated or default). Every wait is bounded by `maxWaitMs`.
class RateBudget {
public:
    struct Options {
        int defaultLimit = 30;
        qint64 defaultWindowMs = 60000;
        qint64 resetMarginMs = 50;    // after the mapped reset, to absorb scheduling jitter
        qint64 noDateMarginMs = 1000; // extra margin while no Date header was ever seen
        qint64 maxWaitMs = 120000;    // no header can make us wait longer than this at once
        int offsetSamples = 32;       // δ is estimated over this many recent answers (clock jumps heal)
    };

    // What the GUI shows; see RateLimitStatus.
    struct Status {
        bool fromHeaders = false; // false: the documented default applies
        int limit = 0;
        int remaining = 0;        // as the server last said (or estimated after a reset), minus nothing
        qint64 resetInMs = -1;    // until the current window resets (local time); -1 unknown
        int requestsInWindow = 0; // sent by us in the last window length
        qint64 windowMs = 0;      // the window length used for the above
        qint64 blockedForMs = 0;  // left of a 429 wait
        int inFlight = 0;
        int rateLimitedCount = 0; // 429 answers seen
    };

    RateBudget();
    explicit RateBudget(Options options);
    const Options& options() const { return m_options; }

    // Records that a request leaves now.
    void onSent(qint64 nowMs);
    // Records the answer (any status, headers possibly missing) to a request sent at `sentMs`.
    void onAnswer(qint64 sentMs, qint64 answeredMs, const RateLimitSnapshot& snapshot, bool rateLimited);
    // A request in flight will never be answered (aborted); it still counts as sent.
    void onAbandoned();

    // 0: a request may go now; > 0: wait this long; WaitForAnswer: only an in-flight answer
    // can free budget.
    static constexpr qint64 WaitForAnswer = -1;
    qint64 delayMs(qint64 nowMs) const;

    // Rough time to send `requests` more, each taking `perRequestMs` on the wire.
    qint64 estimateMs(qint64 nowMs, int requests, qint64 perRequestMs) const;

    Status status(qint64 nowMs) const;
    // Local times of the requests sent in the last window (as status() measures it), oldest
    // first: what the gauge charts. Costs O(requests in the window).
    QVector<qint64> recentSendTimesMs(qint64 nowMs) const;
    int inFlight() const { return m_inFlight; }
    bool hasHeaders() const { return m_window.has_value(); }
    // Lower bound of server − local clock in ms; empty before the first Date header.
    std::optional<qint64> offsetLowerBoundMs() const;
    // Window length: the largest Reset − Date seen (whole seconds), or the default.
    qint64 windowMs() const;

private:
    struct Window {
        int limit = 0;
        int remaining = 0;
        qint64 resetServerMs = 0;
        bool guessed = false; // a reset we rolled over to by time, not one the server named
    };

    qint64 resetLocalMs(const Window& window) const;
    void rollIfDue(qint64 nowMs);
    int sentWithin(qint64 fromMs, qint64 toMs) const;
    void addOffsetSample(qint64 lowerMs, qint64 upperMs);
    int availableNow(qint64 nowMs) const;

    Options m_options;
    std::optional<Window> m_window;
    int m_inFlight = 0;
    std::deque<qint64> m_sendTimes; // local, oldest first, trimmed to a window or two
    std::deque<qint64> m_offsetLower;
    qint64 m_offsetLowerMax = 0;
    qint64 m_windowSeenMs = 0;
    qint64 m_blockedUntilMs = 0;
    int m_rateLimitedCount = 0;
};
