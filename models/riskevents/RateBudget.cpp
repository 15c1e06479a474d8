#include "riskevents/RateBudget.h"

#include <algorithm>
#include <limits>

namespace {
// Real Okta windows are a minute; a Reset further away than this from Date is garbage.
constexpr qint64 MaxPlausibleWindowMs = 3600 * 1000;
} // namespace

RateBudget::RateBudget()
    : RateBudget(Options{}) {}

RateBudget::RateBudget(Options options)
    : m_options(options) {
    m_options.defaultLimit = qMax(1, m_options.defaultLimit);
    m_options.defaultWindowMs = qMax<qint64>(1000, m_options.defaultWindowMs);
    m_options.resetMarginMs = qMax<qint64>(0, m_options.resetMarginMs);
    m_options.noDateMarginMs = qMax<qint64>(0, m_options.noDateMarginMs);
    m_options.maxWaitMs = qMax<qint64>(1000, m_options.maxWaitMs);
    m_options.offsetSamples = qMax(1, m_options.offsetSamples);
}

std::optional<qint64> RateBudget::offsetLowerBoundMs() const {
    if (m_offsetLower.empty())
        return std::nullopt;
    return m_offsetLowerMax;
}

qint64 RateBudget::windowMs() const {
    return m_windowSeenMs > 0 ? m_windowSeenMs : m_options.defaultWindowMs;
}

qint64 RateBudget::resetLocalMs(const Window& window) const {
    if (const auto offset = offsetLowerBoundMs())
        return window.resetServerMs - *offset + m_options.resetMarginMs;
    return window.resetServerMs + m_options.resetMarginMs + m_options.noDateMarginMs;
}

void RateBudget::addOffsetSample(qint64 lowerMs, qint64 upperMs) {
    // An upper bound below what we believed the lower bound to be means one of the clocks
    // jumped: start the estimate over rather than trust stale samples.
    if (!m_offsetLower.empty() && upperMs <= m_offsetLowerMax)
        m_offsetLower.clear();
    m_offsetLower.push_back(lowerMs);
    while (m_offsetLower.size() > static_cast<size_t>(m_options.offsetSamples))
        m_offsetLower.pop_front();
    m_offsetLowerMax = *std::max_element(m_offsetLower.begin(), m_offsetLower.end());
}

void RateBudget::rollIfDue(qint64 nowMs) {
    if (!m_window)
        return;
    const qint64 resetLocal = resetLocalMs(*m_window);
    if (nowMs < resetLocal)
        return;
    // The window the server named is over; until an answer names the next one, assume a fresh
    // window of the estimated length.
    const qint64 length = windowMs();
    const qint64 windows = (nowMs - resetLocal) / length + 1;
    m_window->resetServerMs += windows * length;
    m_window->remaining = m_window->limit;
    m_window->guessed = true;
}

int RateBudget::sentWithin(qint64 fromMs, qint64 toMs) const {
    int count = 0;
    for (auto it = m_sendTimes.rbegin(); it != m_sendTimes.rend() && *it > fromMs; ++it) {
        if (*it <= toMs)
            ++count;
    }
    return count;
}

void RateBudget::onSent(qint64 nowMs) {
    rollIfDue(nowMs);
    ++m_inFlight;
    m_sendTimes.push_back(nowMs);
    const qint64 keep = 2 * qMax(windowMs(), m_options.defaultWindowMs);
    while (!m_sendTimes.empty() && m_sendTimes.front() <= nowMs - keep)
        m_sendTimes.pop_front();
}

void RateBudget::onAbandoned() {
    if (m_inFlight > 0)
        --m_inFlight;
    // The server may well have counted it.
    if (m_window && m_window->remaining > 0)
        --m_window->remaining;
}

void RateBudget::onAnswer(qint64 sentMs, qint64 answeredMs, const RateLimitSnapshot& snapshot,
                          bool rateLimited) {
    if (m_inFlight > 0)
        --m_inFlight;
    const bool hasDate = snapshot.serverDate.isValid();
    const qint64 dateMs = hasDate ? snapshot.serverDate.toMSecsSinceEpoch() : 0;
    if (hasDate)
        addOffsetSample(dateMs - answeredMs, dateMs + 1000 - sentMs);

    std::optional<qint64> resetMs;
    if (snapshot.resetEpochSeconds &&
        *snapshot.resetEpochSeconds < std::numeric_limits<qint64>::max() / 1000) {
        resetMs = *snapshot.resetEpochSeconds * 1000;
        // A Reset absurdly far away must not stall the run: cap it.
        const qint64 reference = hasDate ? dateMs : answeredMs + offsetLowerBoundMs().value_or(0);
        resetMs = qMin(*resetMs, reference + m_options.maxWaitMs);
        if (hasDate && !rateLimited && *resetMs > dateMs && *resetMs - dateMs <= MaxPlausibleWindowMs)
            m_windowSeenMs = qMax(m_windowSeenMs, *resetMs - dateMs);
    }

    rollIfDue(answeredMs);
    // A concurrency 429 may say Limit 0: that is no budget to plan with.
    const bool usable = snapshot.limit && *snapshot.limit > 0 && snapshot.remaining && resetMs;
    if (usable) {
        if (!m_window || m_window->guessed || *resetMs > m_window->resetServerMs) {
            m_window = Window{*snapshot.limit, *snapshot.remaining, *resetMs, false};
        } else if (*resetMs == m_window->resetServerMs) {
            m_window->limit = *snapshot.limit;
            m_window->remaining = qMin(m_window->remaining, *snapshot.remaining);
        }
        // else: the answer to an older request, about a window already over.
    } else if (m_window && m_window->remaining > 0) {
        --m_window->remaining; // that request used one, even if the answer does not say so
    }

    if (rateLimited) {
        ++m_rateLimitedCount;
        qint64 waitMs = windowMs(); // without headers, one whole window surely refills the bucket
        if (snapshot.resetEpochSeconds && hasDate)
            waitMs = (*snapshot.resetEpochSeconds - snapshot.serverDate.toSecsSinceEpoch() + 1) * 1000;
        waitMs = qBound<qint64>(1000, waitMs, m_options.maxWaitMs);
        m_blockedUntilMs = qMax(m_blockedUntilMs, answeredMs + waitMs);
        if (m_window)
            m_window->remaining = 0;
    }
}

int RateBudget::availableNow(qint64 nowMs) const {
    if (!m_window)
        return m_options.defaultLimit - sentWithin(nowMs - m_options.defaultWindowMs, nowMs);
    const int remaining = nowMs >= resetLocalMs(*m_window) ? m_window->limit : m_window->remaining;
    return remaining - m_inFlight;
}

qint64 RateBudget::delayMs(qint64 nowMs) const {
    qint64 delay = qMax<qint64>(0, m_blockedUntilMs - nowMs);
    if (!m_window) {
        const qint64 from = nowMs - m_options.defaultWindowMs;
        const int used = sentWithin(from, nowMs);
        if (used >= m_options.defaultLimit) {
            // The oldest send that has to leave the rolling window before one more may go.
            const auto firstInWindow = std::upper_bound(m_sendTimes.begin(), m_sendTimes.end(), from);
            const qint64 expiring = *(firstInWindow + (used - m_options.defaultLimit));
            delay = qMax(delay, expiring + m_options.defaultWindowMs - nowMs);
        }
    } else {
        const qint64 resetLocal = resetLocalMs(*m_window);
        if (nowMs < resetLocal) {
            if (m_window->remaining - m_inFlight <= 0)
                delay = qMax(delay, resetLocal - nowMs);
        } else if (m_window->limit - m_inFlight <= 0) {
            return delay > 0 ? delay : WaitForAnswer;
        }
    }
    return delay;
}

qint64 RateBudget::estimateMs(qint64 nowMs, int requests, qint64 perRequestMs) const {
    if (requests <= 0)
        return 0;
    perRequestMs = qMax<qint64>(0, perRequestMs);
    qint64 delay = delayMs(nowMs);
    if (delay == WaitForAnswer)
        delay = perRequestMs;
    const int available = delay > 0 ? 0 : qMax(0, availableNow(nowMs));
    if (requests <= available)
        return static_cast<qint64>(requests) * perRequestMs;
    const int limit = m_window ? m_window->limit : m_options.defaultLimit;
    const qint64 length = m_window ? windowMs() : m_options.defaultWindowMs;
    qint64 untilFresh = m_window ? qMax<qint64>(0, resetLocalMs(*m_window) - nowMs) : length;
    untilFresh = qMax(untilFresh, delay);
    const int left = requests - available;
    const int fullWindows = (left - 1) / limit;
    return untilFresh + fullWindows * length + static_cast<qint64>(left - fullWindows * limit) * perRequestMs;
}

RateBudget::Status RateBudget::status(qint64 nowMs) const {
    Status s;
    s.fromHeaders = m_window.has_value();
    s.inFlight = m_inFlight;
    s.rateLimitedCount = m_rateLimitedCount;
    s.blockedForMs = qMax<qint64>(0, m_blockedUntilMs - nowMs);
    if (m_window) {
        const qint64 resetLocal = resetLocalMs(*m_window);
        s.limit = m_window->limit;
        s.remaining = nowMs >= resetLocal ? m_window->limit : m_window->remaining;
        s.resetInMs = qMax<qint64>(0, resetLocal - nowMs);
        s.windowMs = windowMs();
    } else {
        s.limit = m_options.defaultLimit;
        s.windowMs = m_options.defaultWindowMs;
        s.remaining = qMax(0, m_options.defaultLimit - sentWithin(nowMs - s.windowMs, nowMs));
    }
    s.requestsInWindow = sentWithin(nowMs - s.windowMs, nowMs);
    return s;
}

QVector<qint64> RateBudget::recentSendTimesMs(qint64 nowMs) const {
    const qint64 from = nowMs - (m_window ? windowMs() : m_options.defaultWindowMs);
    auto first = m_sendTimes.rbegin();
    while (first != m_sendTimes.rend() && *first > from)
        ++first;
    QVector<qint64> times;
    times.reserve(static_cast<qsizetype>(first - m_sendTimes.rbegin()));
    for (auto it = first.base(); it != m_sendTimes.end() && *it <= nowMs; ++it)
        times.append(*it);
    return times;
}
