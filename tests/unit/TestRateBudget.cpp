// RateBudget: the default budget before any answer, the X-Rate-Limit-* headers (in-flight
// requests counted), mapping the server's Reset to local time through Date headers, 429 with and
// without headers, garbage, clock jumps, and a simulation against fixed windows: never a 429
// caused by the client and every full window used completely.
#include "riskevents/RateBudget.h"

#include "api/HttpDate.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

namespace {

constexpr qint64 T0 = 1700000000000; // 2023-11-14T22:13:20.000Z, a whole minute + 20 s

RateLimitSnapshot snapshot(qint64 dateMs, int limit, int remaining, qint64 resetEpochSeconds) {
    RateLimitSnapshot s;
    if (limit >= 0)
        s.limit = limit;
    if (remaining >= 0)
        s.remaining = remaining;
    if (resetEpochSeconds >= 0)
        s.resetEpochSeconds = resetEpochSeconds;
    if (dateMs >= 0)
        s.serverDate = QDateTime::fromSecsSinceEpoch(dateMs / 1000, Qt::UTC);
    return s;
}

// An Okta-like org: fixed windows aligned to epoch multiples, every request counted.
struct FixedWindowServer {
    int limit = 30;
    qint64 windowMs = 10000;
    std::map<qint64, int> used;

    RateLimitSnapshot hit(qint64 serverMs, bool* limited) {
        const qint64 window = serverMs / windowMs;
        const int count = ++used[window];
        *limited = count > limit;
        return snapshot(serverMs, limit, qMax(0, limit - count), (window + 1) * windowMs / 1000);
    }
};

} // namespace

class TestRateBudget : public QObject {
    Q_OBJECT
private slots:
    void defaultBudgetIsThirtyPerRollingMinute();
    void defaultBudgetRollsRequestByRequest();
    void headersRuleOnceTheyArrive();
    void inFlightRequestsCountAgainstRemaining();
    void waitsForTheResetMappedThroughDate();
    void serverClockAheadOrBehindIsHandled_data();
    void serverClockAheadOrBehindIsHandled();
    void rateLimitedWithHeadersWaitsResetMinusDatePlusOne();
    void rateLimitedWithoutHeadersWaitsAWindow();
    void rateLimitedWithGarbageResetIsBounded();
    void concurrencyLimitWithZeroLimitDoesNotStall();
    void answerWithoutHeadersStillUsesBudget();
    void staleAnswerDoesNotRestoreBudget();
    void duplicatedHeadersAreConservative();
    void absurdResetIsCapped();
    void clockJumpRestartsTheOffsetEstimate();
    void windowLengthIsLearnt();
    void abandonedRequestStillCounts();
    void statusReportsTheGauge();
    void estimateIsPlausible();
    void simulationNeverCausesA429AndFillsEveryWindow_data();
    void simulationNeverCausesA429AndFillsEveryWindow();
};

void TestRateBudget::defaultBudgetIsThirtyPerRollingMinute() {
    RateBudget budget;
    qint64 now = T0;
    for (int i = 0; i < 30; ++i) {
        QCOMPARE(budget.delayMs(now), 0);
        budget.onSent(now);
        now += 100;
    }
    // The 31st waits until the first has left the rolling minute.
    QCOMPARE(budget.delayMs(now), T0 + 60000 - now);
    QCOMPARE(budget.delayMs(T0 + 60000), 0);
}

void TestRateBudget::defaultBudgetRollsRequestByRequest() {
    RateBudget::Options options;
    options.defaultLimit = 2;
    options.defaultWindowMs = 10000;
    RateBudget budget(options);
    budget.onSent(T0);
    budget.onSent(T0 + 4000);
    QCOMPARE(budget.delayMs(T0 + 5000), 5000);
    budget.onSent(T0 + 10000);
    QCOMPARE(budget.delayMs(T0 + 10000), 4000);
    QVERIFY(!budget.hasHeaders());
}

void TestRateBudget::headersRuleOnceTheyArrive() {
    RateBudget budget;
    budget.onSent(T0);
    // A generous org: 600 per minute, 599 left.
    budget.onAnswer(T0, T0 + 20, snapshot(T0, 600, 599, T0 / 1000 + 40), false);
    QVERIFY(budget.hasHeaders());
    qint64 now = T0 + 20;
    for (int i = 0; i < 100; ++i) { // far beyond the default 30
        QCOMPARE(budget.delayMs(now), 0);
        budget.onSent(now);
        budget.onAnswer(now, now + 1, snapshot(now, 600, 598 - i, T0 / 1000 + 40), false);
        now += 2;
    }
}

void TestRateBudget::inFlightRequestsCountAgainstRemaining() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0, 30, 2, T0 / 1000 + 40), false);
    budget.onSent(T0 + 10);
    QCOMPARE(budget.delayMs(T0 + 11), 0); // 2 − 1 in flight
    budget.onSent(T0 + 11);
    QVERIFY(budget.delayMs(T0 + 12) > 0); // 2 − 2: wait for the reset
    QCOMPARE(budget.inFlight(), 2);
}

void TestRateBudget::waitsForTheResetMappedThroughDate() {
    RateBudget budget;
    // Same clocks; the answer is dated 22:13:20 and arrives 300 ms into that second.
    budget.onSent(T0 + 250);
    budget.onAnswer(T0 + 250, T0 + 300, snapshot(T0 + 250, 30, 0, T0 / 1000 + 40), false);
    // δ ≥ d − r = −300 ms: the server has surely reached Reset at local Reset + 300 ms.
    QCOMPARE(budget.offsetLowerBoundMs(), std::optional<qint64>(-300));
    const qint64 expected = T0 + 40000 + 300 + budget.options().resetMarginMs;
    QCOMPARE(budget.delayMs(T0 + 1000), expected - (T0 + 1000));
    QCOMPARE(budget.delayMs(expected), 0);
    // A better sample (answered 5 ms after the second began) tightens the bound.
    budget.onSent(T0 + 2000);
    budget.onAnswer(T0 + 2000, T0 + 2005, snapshot(T0 + 2000, 30, 0, T0 / 1000 + 40), false);
    QCOMPARE(budget.offsetLowerBoundMs(), std::optional<qint64>(-5));
    QCOMPARE(budget.delayMs(T0 + 3000), T0 + 40000 + 5 + budget.options().resetMarginMs - (T0 + 3000));
}

void TestRateBudget::serverClockAheadOrBehindIsHandled_data() {
    QTest::addColumn<qint64>("skewMs");
    QTest::newRow("server 7.3 s behind") << qint64(-7300);
    QTest::newRow("in sync") << qint64(0);
    QTest::newRow("server 0.999 s ahead") << qint64(999);
    QTest::newRow("server 2 h ahead") << qint64(7200000);
}

void TestRateBudget::serverClockAheadOrBehindIsHandled() {
    QFETCH(qint64, skewMs);
    RateBudget budget;
    const qint64 local = T0 + 123;
    const qint64 server = local + skewMs + 10; // arrival after 10 ms on the wire
    const qint64 reset = (server / 60000 + 1) * 60;
    budget.onSent(local);
    budget.onAnswer(local, local + 20, snapshot(server, 30, 0, reset), false);
    const qint64 wait = budget.delayMs(local + 20);
    QVERIFY(wait > 0);
    // When we may send again, the server's clock has passed Reset…
    QVERIFY2(local + 20 + wait + skewMs >= reset * 1000, qPrintable(QString::number(wait)));
    // …by less than a second and a bit (Date has 1-s resolution).
    QVERIFY2(local + 20 + wait + skewMs < reset * 1000 + 1000 + 100, qPrintable(QString::number(wait)));
}

void TestRateBudget::rateLimitedWithHeadersWaitsResetMinusDatePlusOne() {
    RateBudget budget;
    budget.onSent(T0);
    // Server clock 1 h ahead: only Reset − Date matters.
    const qint64 server = T0 + 3600000;
    budget.onAnswer(T0, T0 + 50, snapshot(server, 30, 0, server / 1000 + 12), true);
    QCOMPARE(budget.delayMs(T0 + 50), 13000);
    QCOMPARE(budget.status(T0 + 50).rateLimitedCount, 1);
    QCOMPARE(budget.delayMs(T0 + 50 + 13000), 0);
}

void TestRateBudget::rateLimitedWithoutHeadersWaitsAWindow() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 50, RateLimitSnapshot{}, true);
    QCOMPARE(budget.delayMs(T0 + 50), 60000);
    QCOMPARE(budget.delayMs(T0 + 60050), 0);

    // With a window length learnt from earlier answers (10 s), one such window.
    RateBudget learnt;
    learnt.onSent(T0);
    learnt.onAnswer(T0, T0 + 5, snapshot(T0, 30, 29, T0 / 1000 + 10), false);
    learnt.onSent(T0 + 10);
    learnt.onAnswer(T0 + 10, T0 + 20, RateLimitSnapshot{}, true);
    // One window from the 429, or the known window's end if that is later.
    const qint64 wait = learnt.delayMs(T0 + 20);
    QVERIFY2(wait >= 10000 && wait <= 10100, qPrintable(QString::number(wait)));
}

void TestRateBudget::rateLimitedWithGarbageResetIsBounded() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 50, snapshot(T0, 30, 0, 99999999999LL), true);
    const qint64 wait = budget.delayMs(T0 + 50);
    QVERIFY(wait > 0);
    QVERIFY(wait <= budget.options().maxWaitMs + budget.options().resetMarginMs + 1000);
    // A Reset in the past still waits at least a second.
    RateBudget past;
    past.onSent(T0);
    past.onAnswer(T0, T0 + 50, snapshot(T0, 30, 0, T0 / 1000 - 100), true);
    QCOMPARE(past.delayMs(T0 + 50), 1000);
}

void TestRateBudget::concurrencyLimitWithZeroLimitDoesNotStall() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 50, snapshot(T0, 0, 0, T0 / 1000 + 5), true);
    QCOMPARE(budget.delayMs(T0 + 50), 6000);
    QCOMPARE(budget.delayMs(T0 + 6050), 0);
}

void TestRateBudget::answerWithoutHeadersStillUsesBudget() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0, 30, 2, T0 / 1000 + 40), false);
    budget.onSent(T0 + 20);
    budget.onAnswer(T0 + 20, T0 + 30, RateLimitSnapshot{}, false); // headers lost: still used one
    QCOMPARE(budget.delayMs(T0 + 30), 0);
    budget.onSent(T0 + 30);
    budget.onAnswer(T0 + 30, T0 + 40, RateLimitSnapshot{}, false);
    QVERIFY(budget.delayMs(T0 + 40) > 0);
}

void TestRateBudget::staleAnswerDoesNotRestoreBudget() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onSent(T0 + 1);
    // The second request's answer (window ending at +40 s, 0 left) arrives first…
    budget.onAnswer(T0 + 1, T0 + 20, snapshot(T0, 30, 0, T0 / 1000 + 40), false);
    // …then the first one's, from the same window, claiming more.
    budget.onAnswer(T0, T0 + 21, snapshot(T0, 30, 1, T0 / 1000 + 40), false);
    QVERIFY(budget.delayMs(T0 + 22) > 0);
    // An answer about an older window changes nothing either.
    budget.onSent(T0 + 23);
    budget.onAnswer(T0 + 23, T0 + 24, snapshot(T0, 30, 29, T0 / 1000 - 20), false);
    QVERIFY(budget.delayMs(T0 + 25) > 0);
}

void TestRateBudget::duplicatedHeadersAreConservative() {
    const RateLimitSnapshot s =
        RateLimitSnapshot::fromHeaders("600, 30", "29, 3", QByteArray::number(T0 / 1000 + 40),
                                       HttpDate::format(QDateTime::fromMSecsSinceEpoch(T0, Qt::UTC)));
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, s, false);
    QCOMPARE(budget.status(T0 + 10).limit, 30);
    QCOMPARE(budget.status(T0 + 10).remaining, 3);
}

void TestRateBudget::absurdResetIsCapped() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0, 30, 0, 4102444800LL), false); // year 2100
    const qint64 wait = budget.delayMs(T0 + 10);
    QVERIFY(wait > 0);
    QVERIFY(wait <= budget.options().maxWaitMs + budget.options().resetMarginMs);
}

void TestRateBudget::clockJumpRestartsTheOffsetEstimate() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0 + 5000, 30, 29, T0 / 1000 + 40), false);
    QCOMPARE(budget.offsetLowerBoundMs(), std::optional<qint64>(4990));
    // The server clock jumped back 10 s: the new upper bound is below the old lower bound.
    budget.onSent(T0 + 100);
    budget.onAnswer(T0 + 100, T0 + 110, snapshot(T0 - 5000 + 100, 30, 28, T0 / 1000 + 40), false);
    QCOMPARE(budget.offsetLowerBoundMs(), std::optional<qint64>(-5000 + 100 - 110 - 100));
}

void TestRateBudget::windowLengthIsLearnt() {
    RateBudget budget;
    QCOMPARE(budget.windowMs(), 60000);
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0 + 3000, 30, 29, T0 / 1000 + 10), false);
    QCOMPARE(budget.windowMs(), 7000);
    budget.onSent(T0 + 10000);
    budget.onAnswer(T0 + 10000, T0 + 10010, snapshot(T0 + 10000, 30, 29, T0 / 1000 + 20), false);
    QCOMPARE(budget.windowMs(), 10000);
}

void TestRateBudget::abandonedRequestStillCounts() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0, 30, 1, T0 / 1000 + 40), false);
    budget.onSent(T0 + 20);
    budget.onAbandoned();
    QCOMPARE(budget.inFlight(), 0);
    QVERIFY(budget.delayMs(T0 + 30) > 0);
}

void TestRateBudget::statusReportsTheGauge() {
    RateBudget budget;
    RateBudget::Status s = budget.status(T0);
    QVERIFY(!s.fromHeaders);
    QCOMPARE(s.limit, 30);
    QCOMPARE(s.remaining, 30);
    QCOMPARE(s.resetInMs, -1);
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0, 30, 29, T0 / 1000 + 10), false);
    budget.onSent(T0 + 20);
    s = budget.status(T0 + 20);
    QVERIFY(s.fromHeaders);
    QCOMPARE(s.limit, 30);
    QCOMPARE(s.remaining, 29);
    QCOMPARE(s.inFlight, 1);
    QCOMPARE(s.requestsInWindow, 2);
    QCOMPARE(s.windowMs, 10000);
    QCOMPARE(s.resetInMs, 10000 + 10 + budget.options().resetMarginMs - 20);
}

void TestRateBudget::estimateIsPlausible() {
    RateBudget budget;
    budget.onSent(T0);
    budget.onAnswer(T0, T0 + 10, snapshot(T0, 30, 10, T0 / 1000 + 10), false);
    QCOMPARE(budget.estimateMs(T0 + 10, 0, 100), 0);
    QCOMPARE(budget.estimateMs(T0 + 10, 10, 100), 1000);
    // 10 now, 30 in the next window, 5 in the one after.
    const qint64 eta = budget.estimateMs(T0 + 10, 45, 100);
    QVERIFY2(eta > 20000 && eta < 21000, qPrintable(QString::number(eta)));
}

void TestRateBudget::simulationNeverCausesA429AndFillsEveryWindow_data() {
    QTest::addColumn<qint64>("skewMs");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<int>("maxLatencyMs");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("loopback, in sync, 10 s") << qint64(0) << qint64(10000) << 2 << 1u;
    QTest::newRow("loopback, server behind, 10 s") << qint64(-2750) << qint64(10000) << 2 << 2u;
    QTest::newRow("internet, server ahead, 60 s") << qint64(1300) << qint64(60000) << 250 << 3u;
    QTest::newRow("internet, in sync, 10 s") << qint64(0) << qint64(10000) << 120 << 4u;
    QTest::newRow("server 0.5 s behind, 10 s") << qint64(-500) << qint64(10000) << 40 << 5u;
}

void TestRateBudget::simulationNeverCausesA429AndFillsEveryWindow() {
    QFETCH(qint64, skewMs);
    QFETCH(qint64, windowMs);
    QFETCH(int, maxLatencyMs);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    FixedWindowServer server;
    server.windowMs = windowMs;
    RateBudget budget;
    qint64 now = T0 + 4321;
    int rateLimited = 0;
    const int requests = 400;
    for (int sent = 0; sent < requests;) {
        const qint64 delay = budget.delayMs(now);
        QVERIFY(delay != RateBudget::WaitForAnswer);
        if (delay > 0) {
            now += delay;
            continue;
        }
        budget.onSent(now);
        const qint64 there = random.bounded(1, maxLatencyMs + 1);
        const qint64 back = random.bounded(1, maxLatencyMs + 1);
        bool limited = false;
        const RateLimitSnapshot answer = server.hit(now + there + skewMs, &limited);
        budget.onAnswer(now, now + there + back, answer, limited);
        rateLimited += limited ? 1 : 0;
        now += there + back;
        ++sent;
    }
    QCOMPARE(rateLimited, 0);
    // Every window between the first and the last was used to the full.
    QVERIFY(server.used.size() >= 3);
    const qint64 first = server.used.begin()->first;
    const qint64 last = server.used.rbegin()->first;
    for (qint64 w = first + 1; w < last; ++w) {
        const auto it = server.used.find(w);
        QVERIFY2(
            it != server.used.end() && it->second == server.limit,
            qPrintable(
                QStringLiteral("window %1 used %2").arg(w).arg(it == server.used.end() ? 0 : it->second)));
    }
}

QTEST_GUILESS_MAIN(TestRateBudget)
#include "TestRateBudget.moc"
