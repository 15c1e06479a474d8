// SendScheduler against a scripted network (FakeNetworkAccessManager) and a ManualClock: the
// budget, 429 with and without headers, 5xx back-off and give-up, 400 with and without mappable
// causes, 401/403/404/410, pause/resume/cancel, priority order and the signals the GUI uses.
#include "FakeNetworkAccessManager.h"
#include "ManualClock.h"

#include "api/OktaClient.h"
#include "api/SswsAuthProvider.h"
#include "riskevents/RateLimitStatus.h"
#include "riskevents/RunJournal.h"
#include "riskevents/SendScheduler.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

namespace {

using Answer = FakeNetworkAccessManager::Answer;

RiskSubject subject(int i, RiskLevel level) {
    RiskSubject s;
    s.ip = QStringLiteral("198.51.%1.%2").arg(i / 250).arg(i % 250 + 1);
    s.level = level;
    s.message = QStringLiteral("row %1").arg(i);
    s.sourceLine = i + 2;
    return s;
}

// Levels cycle LOW, MEDIUM, HIGH: the plan has to reorder everything.
QVector<RiskSubject> mixedSubjects(int n) {
    QVector<RiskSubject> subjects;
    const RiskLevel cycle[] = {RiskLevel::Low, RiskLevel::Medium, RiskLevel::High};
    for (int i = 0; i < n; ++i)
        subjects.append(subject(i, cycle[i % 3]));
    return subjects;
}

// The ips of a request body, in order.
QStringList ipsOf(const QByteArray& body) {
    QStringList ips;
    const QJsonArray events = QJsonDocument::fromJson(body).array();
    for (const QJsonValue& event : events) {
        for (const QJsonValue& s : event.toObject().value("subjects").toArray())
            ips.append(s.toObject().value("ip").toString());
    }
    return ips;
}

QStringList levelsOf(const QByteArray& body) {
    QStringList levels;
    const QJsonArray events = QJsonDocument::fromJson(body).array();
    for (const QJsonValue& event : events) {
        for (const QJsonValue& s : event.toObject().value("subjects").toArray())
            levels.append(s.toObject().value("riskLevel").toString());
    }
    return levels;
}

struct Harness {
    ManualClock clock{1700000000500}; // half a second into a second
    FakeNetworkAccessManager nam;
    OktaClient client{&nam};
    std::unique_ptr<SendScheduler> scheduler;
    std::vector<qint64> sendTimes; // clock time of every request the "server" saw

    explicit Harness(SendScheduler::Options options = {}) {
        client.setBaseUrl(QStringLiteral("https://acme.okta.com"));
        client.setAuthProvider(std::make_shared<SswsAuthProvider>(QStringLiteral("token")));
        QObject::connect(&nam, &FakeNetworkAccessManager::requestReceived, &nam,
                         [this](int) { sendTimes.push_back(clock.nowMs()); });
        if (!options.jitterSeed)
            options.jitterSeed = 42;
        scheduler = std::make_unique<SendScheduler>(&client, &clock);
        scheduler->setOptions(options);
    }

    qint64 nowSeconds() const { return clock.nowMs() / 1000; }

    // Fixed-window org on the manual clock: 202 with headers, 429 when over the limit.
    void serveLikeOkta(int limit = 30, qint64 windowSeconds = 60, int* rateLimited = nullptr) {
        nam.setHandler([this, limit, windowSeconds, rateLimited](const FakeNetworkAccessManager::Request&) {
            const qint64 now = clock.nowMs() / 1000;
            const qint64 window = now / windowSeconds;
            const int used = ++m_used[window];
            const qint64 reset = (window + 1) * windowSeconds;
            if (used > limit) {
                if (rateLimited)
                    ++*rateLimited;
                return FakeNetworkAccessManager::okta(
                    429, now, limit, 0, reset,
                    FakeNetworkAccessManager::errorBody(
                        "E0000047", "API call exceeded rate limit due to too many requests."));
            }
            return FakeNetworkAccessManager::okta(202, now, limit, limit - used, reset);
        });
    }

    void setSubjects(const QVector<RiskSubject>& subjects, RunJournal* journal = nullptr, int perEvent = 50,
                     int perRequest = 20) {
        BatchPlanner::Options options;
        options.timestamp = clock.nowUtc();
        options.subjectsPerEvent = perEvent;
        options.eventsPerRequest = perRequest;
        SendRun run = SendRun::plan(subjects, options, QStringLiteral("profile"), QStringLiteral("run-1"),
                                    clock.nowUtc());
        if (journal) {
            QString error;
            QVERIFY2(journal->create(run, &error), qPrintable(error));
        }
        QVERIFY(scheduler->setRun(std::move(run), journal));
    }

    // Lets the network answer and moves time to the scheduler's next timer until it stops,
    // pauses, or `maxSteps` is reached. No sleeps: the fake answers on the next event-loop turn.
    void drive(int maxSteps = 100000) {
        for (int step = 0; step < maxSteps; ++step) {
            const auto state = scheduler->state();
            if (state == SendScheduler::State::Stopped || state == SendScheduler::State::Idle)
                return;
            if (scheduler->isRequestInFlight()) {
                QCoreApplication::processEvents();
                continue;
            }
            if (state == SendScheduler::State::Paused)
                return;
            if (!clock.advanceToNextTimer())
                return;
        }
    }

private:
    std::map<qint64, int> m_used;
};

} // namespace

class TestSendScheduler : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void deliversEverythingInPriorityOrder();
    void emptyRunCompletesAtOnce();
    void neverExceedsTheBudgetAndUsesItFully();
    void defaultBudgetUntilTheFirstAnswer();
    void rateLimitedWithHeadersWaitsResetMinusDatePlusOne();
    void rateLimitedWithoutHeadersBacksOffAWindow();
    void duplicatedAndGarbledHeadersDoNotCrash();
    void serverErrorsBackOffExponentiallyWithJitter();
    void rateLimitStormStopsWithPendingAndRetryFinishes();
    void retriesExhaustedLeavesPendingAndRetryPendingFinishes();
    void networkErrorsAndTimeoutsAreTransient();
    void successWithAnUnreadableBodyIsRetried();
    void badRequestRejectsTheSubjectsOktaNames();
    void badRequestWithoutCausesIsSplitUntilTheCulpritIsAlone();
    void malformedBodyErrorIsSplitToo();
    void unauthorizedStopsAndExplains();
    void forbiddenStopsAndExplains();
    void goneEndpointStopsAndExplains_data();
    void goneEndpointStopsAndExplains();
    void otherClientErrorsStopTheRun();
    void notSentStopsTheRun();
    void pauseLetsTheRequestInFlightFinish();
    void cancelAbortsAndLeavesPending();
    void retryingRequestHoldsBackLowerPriorities();
    void progressEtaAndRateLimitStatus();
    void journalRecordsEveryStep();
    void parseCause_data();
    void parseCause();
};

void TestSendScheduler::initTestCase() {
    qRegisterMetaType<SendScheduler::StopReason>();
    qRegisterMetaType<SendScheduler::State>();
}

void TestSendScheduler::deliversEverythingInPriorityOrder() {
    Harness h;
    h.serveLikeOkta();
    const QVector<RiskSubject> subjects = mixedSubjects(2500);
    h.setSubjects(subjects);
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    QSignalSpy finished(h.scheduler.get(), &SendScheduler::requestFinished);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(h.scheduler->acceptedCount(), 2500);
    QCOMPARE(h.scheduler->pendingCount(), 0);
    QCOMPARE(h.nam.requestCount(), 3);
    QCOMPARE(finished.size(), 3);

    // HIGH, then MEDIUM, then LOW across the bodies, in the order they were sent.
    QStringList levels;
    QStringList ips;
    for (const auto& request : h.nam.requests()) {
        QCOMPARE(request.url.path(), QStringLiteral("/api/v1/risk/events/ip"));
        QCOMPARE(request.method, QByteArray("POST"));
        levels += levelsOf(request.body);
        ips += ipsOf(request.body);
    }
    QCOMPARE(levels.size(), 2500);
    // 833 HIGH, 833 MEDIUM, 834 LOW.
    QCOMPARE(levels.lastIndexOf("HIGH"), 832);
    QCOMPARE(levels.indexOf("MEDIUM"), 833);
    QCOMPARE(levels.lastIndexOf("MEDIUM"), 1665);
    QCOMPARE(levels.indexOf("LOW"), 1666);
    ips.sort();
    ips.removeDuplicates();
    QCOMPARE(ips.size(), 2500);

    for (int i = 0; i < subjects.size(); ++i) {
        const SubjectOutcome& o = h.scheduler->outcome(i);
        QCOMPARE(o.status, SubjectOutcome::Status::Accepted);
        QVERIFY(o.requestId.startsWith("fake-"));
        QVERIFY(o.time.isValid());
    }
}

void TestSendScheduler::emptyRunCompletesAtOnce() {
    Harness h;
    h.setSubjects({});
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(h.nam.requestCount(), 0);
}

void TestSendScheduler::neverExceedsTheBudgetAndUsesItFully() {
    Harness h;
    int rateLimited = 0;
    h.serveLikeOkta(3, 60, &rateLimited);
    h.setSubjects(mixedSubjects(100), nullptr, 2, 5); // 10 subjects per request: 10 requests
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(rateLimited, 0);
    QCOMPARE(h.nam.requestCount(), 10);
    // Three per server window, and each window's three go as soon as it opens.
    std::map<qint64, int> perWindow;
    for (qint64 t : h.sendTimes)
        ++perWindow[t / 60000];
    QCOMPARE(perWindow.size(), size_t(4));
    for (const auto& [window, count] : perWindow)
        QVERIFY(count == 3 || window == perWindow.rbegin()->first);
    for (size_t i = 3; i < h.sendTimes.size(); i += 3) {
        const qint64 windowStart = h.sendTimes[i] / 60000 * 60000;
        QVERIFY2(h.sendTimes[i] - windowStart < 1200,
                 qPrintable(QString::number(h.sendTimes[i] - windowStart)));
    }
}

void TestSendScheduler::defaultBudgetUntilTheFirstAnswer() {
    // Answers without any rate-limit header: the documented 30 per minute holds throughout.
    Harness h;
    h.nam.setHandler([&h](const auto&) { return FakeNetworkAccessManager::okta(202, h.nowSeconds()); });
    h.setSubjects(mixedSubjects(35), nullptr, 1, 1); // 35 requests
    h.scheduler->start();
    h.drive();
    QCOMPARE(h.nam.requestCount(), 35);
    for (size_t i = 30; i < h.sendTimes.size(); ++i)
        QVERIFY(h.sendTimes[i] - h.sendTimes[i - 30] >= 60000);
    QCOMPARE(h.scheduler->acceptedCount(), 35);
}

void TestSendScheduler::rateLimitedWithHeadersWaitsResetMinusDatePlusOne() {
    Harness h;
    const qint64 now = h.nowSeconds();
    h.nam.enqueue(FakeNetworkAccessManager::okta(
        429, now, 30, 0, now + 10,
        FakeNetworkAccessManager::errorBody("E0000047", "API call exceeded rate limit")));
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(10));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(h.nam.requestCount(), 2);
    QVERIFY2(h.sendTimes[1] - h.sendTimes[0] >= 11000,
             qPrintable(QString::number(h.sendTimes[1] - h.sendTimes[0])));
    QVERIFY(h.sendTimes[1] - h.sendTimes[0] < 12000);
    QCOMPARE(h.nam.requests()[0].body, h.nam.requests()[1].body); // the same request again
    QCOMPARE(h.scheduler->acceptedCount(), 10);
    QCOMPARE(h.scheduler->budget().status(h.clock.nowMs()).rateLimitedCount, 1);
}

void TestSendScheduler::rateLimitedWithoutHeadersBacksOffAWindow() {
    Harness h;
    Answer bare;
    bare.status = 429;
    h.nam.enqueue(bare);
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(10));
    h.scheduler->start();
    h.drive();
    QCOMPARE(h.nam.requestCount(), 2);
    QVERIFY(h.sendTimes[1] - h.sendTimes[0] >= 60000);
    QVERIFY(h.sendTimes[1] - h.sendTimes[0] <= 61000);
    QCOMPARE(h.scheduler->acceptedCount(), 10);
}

void TestSendScheduler::duplicatedAndGarbledHeadersDoNotCrash() {
    Harness h;
    const qint64 now = h.nowSeconds();
    Answer duplicated = FakeNetworkAccessManager::okta(202, now);
    duplicated.addHeader("X-Rate-Limit-Limit", "30, 30");
    duplicated.addHeader("X-Rate-Limit-Remaining", "29, 29");
    duplicated.addHeader("X-Rate-Limit-Reset",
                         QByteArray::number(now + 60) + ", " + QByteArray::number(now + 60));
    Answer garbled = FakeNetworkAccessManager::okta(429, now);
    garbled.addHeader("X-Rate-Limit-Limit", "lots");
    garbled.addHeader("X-Rate-Limit-Remaining", "-5");
    garbled.addHeader("X-Rate-Limit-Reset", "tomorrow");
    h.nam.enqueue(duplicated);
    h.nam.enqueue(garbled);
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(30), nullptr, 10, 1);
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(h.scheduler->acceptedCount(), 30);
    QCOMPARE(h.nam.requestCount(), 4);
    // The garbled 429 cost a bounded back-off, not a spin and not forever.
    QVERIFY(h.sendTimes[2] - h.sendTimes[1] >= 1000);
    QVERIFY(h.sendTimes[2] - h.sendTimes[1] <= 121000);
}

void TestSendScheduler::serverErrorsBackOffExponentiallyWithJitter() {
    Harness h;
    const qint64 now = h.nowSeconds();
    for (int i = 0; i < 3; ++i)
        h.nam.enqueue(FakeNetworkAccessManager::okta(
            500, now, 30, 29 - i, now + 60,
            FakeNetworkAccessManager::errorBody("E0000009", "Internal Server Error")));
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(10));
    h.scheduler->start();
    h.drive();
    QCOMPARE(h.nam.requestCount(), 4);
    // Equal jitter around 1 s, 2 s, 4 s: each wait in [d/2, d].
    const qint64 base[] = {1000, 2000, 4000};
    for (int i = 0; i < 3; ++i) {
        const qint64 gap = h.sendTimes[i + 1] - h.sendTimes[i];
        QVERIFY2(gap >= base[i] / 2 && gap <= base[i],
                 qPrintable(QStringLiteral("gap %1: %2").arg(i).arg(gap)));
    }
    QCOMPARE(h.scheduler->acceptedCount(), 10);
}

void TestSendScheduler::retriesExhaustedLeavesPendingAndRetryPendingFinishes() {
    SendScheduler::Options options;
    options.maxAttempts = 3;
    Harness h(options);
    bool failing = true;
    h.nam.setHandler([&](const auto&) {
        if (failing)
            return FakeNetworkAccessManager::okta(
                503, h.nowSeconds(), -1, -1, -1,
                FakeNetworkAccessManager::errorBody("E0000009", "Service Unavailable"));
        return FakeNetworkAccessManager::okta(202, h.nowSeconds());
    });
    h.setSubjects(mixedSubjects(1500));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::RetriesExhausted);
    QVERIFY(stopped[0][1].toString().contains("503"));
    QCOMPARE(h.nam.requestCount(), 3);
    QCOMPARE(h.scheduler->pendingCount(), 1500);
    QCOMPARE(h.scheduler->requestsLeft(), 2);
    // The subjects of the failing request carry the reason.
    const int first = h.scheduler->run().request(1)->subjects.first();
    QVERIFY(h.scheduler->outcome(first).reason.contains("503"));

    failing = false;
    h.scheduler->retryPending();
    QCOMPARE(h.scheduler->state(), SendScheduler::State::Running);
    h.drive();
    QCOMPARE(stopped.size(), 2);
    QCOMPARE(stopped[1][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(h.scheduler->acceptedCount(), 1500);
    QVERIFY(h.scheduler->outcome(first).reason.isEmpty());
}

void TestSendScheduler::rateLimitStormStopsWithPendingAndRetryFinishes() {
    // Another client drains the org's budget: 429 after 429 for the same request. Each one waits
    // for Okta's reset; after `maxRateLimitedInARow` the run stops with the rest pending.
    SendScheduler::Options options;
    options.maxRateLimitedInARow = 4;
    Harness h(options);
    bool storm = true;
    h.nam.setHandler([&](const auto&) {
        const qint64 now = h.nowSeconds();
        if (storm)
            return FakeNetworkAccessManager::okta(
                429, now, 30, 0, now + 5,
                FakeNetworkAccessManager::errorBody("E0000047",
                                                    "API call exceeded rate limit due to too many "
                                                    "requests."));
        return FakeNetworkAccessManager::okta(202, now, 30, 29, now + 60);
    });
    h.setSubjects(mixedSubjects(1500));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::RetriesExhausted);
    const QString explanation = stopped[0][1].toString();
    QVERIFY2(explanation.contains("429 Too Many Requests 4 time"), qPrintable(explanation));
    QVERIFY2(explanation.contains("pending"), qPrintable(explanation));
    QCOMPARE(h.nam.requestCount(), 4);
    // Each retry waited for the reset Okta named (Reset − Date + 1 s).
    for (size_t i = 1; i < h.sendTimes.size(); ++i)
        QVERIFY(h.sendTimes[i] - h.sendTimes[i - 1] >= 5000);
    QCOMPARE(h.scheduler->pendingCount(), 1500);
    const int first = h.scheduler->run().request(1)->subjects.first();
    QVERIFY(h.scheduler->outcome(first).reason.contains("429"));

    storm = false;
    h.scheduler->retryPending();
    h.drive();
    QCOMPARE(stopped.size(), 2);
    QCOMPARE(stopped[1][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(h.scheduler->acceptedCount(), 1500);

    // A 429 between successes does not count toward the storm.
    Harness mixed(options);
    int answers = 0;
    mixed.nam.setHandler([&](const auto&) {
        const qint64 now = mixed.nowSeconds();
        if (++answers % 2 == 1)
            return FakeNetworkAccessManager::okta(429, now, 30, 0, now + 1);
        return FakeNetworkAccessManager::okta(202, now, 30, 29, now + 60);
    });
    mixed.setSubjects(mixedSubjects(3000));
    QSignalSpy mixedStopped(mixed.scheduler.get(), &SendScheduler::stopped);
    mixed.scheduler->start();
    mixed.drive();
    QCOMPARE(mixedStopped.size(), 1);
    QCOMPARE(mixedStopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
}

void TestSendScheduler::networkErrorsAndTimeoutsAreTransient() {
    Harness h;
    Answer refused;
    refused.networkError = QNetworkReply::ConnectionRefusedError;
    Answer timeout;
    timeout.networkError = QNetworkReply::TimeoutError;
    Answer badGateway =
        FakeNetworkAccessManager::okta(502, h.nowSeconds(), -1, -1, -1, "<html>bad gateway</html>");
    h.nam.enqueue(refused);
    h.nam.enqueue(timeout);
    h.nam.enqueue(badGateway);
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(10));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(h.nam.requestCount(), 4);
    QCOMPARE(h.scheduler->acceptedCount(), 10);
}

void TestSendScheduler::successWithAnUnreadableBodyIsRetried() {
    // Okta answers 202 with nothing; a 200 with garbage is not Okta (a proxy?): at-least-once
    // delivery sends it again rather than risk losing it.
    Harness h;
    h.nam.enqueue(
        FakeNetworkAccessManager::okta(200, h.nowSeconds(), 30, 29, h.nowSeconds() + 60, "{not json"));
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(10));
    h.scheduler->start();
    h.drive();
    QCOMPARE(h.nam.requestCount(), 2);
    QCOMPARE(h.scheduler->acceptedCount(), 10);
}

void TestSendScheduler::badRequestRejectsTheSubjectsOktaNames() {
    Harness h;
    const QVector<RiskSubject> subjects = mixedSubjects(120); // one request: 3 events
    h.setSubjects(subjects);
    const QVector<int> order = h.scheduler->run().request(1)->subjects;
    const int culpritA = order[1];      // [0].subjects[1]
    const int culpritB = order[50 + 7]; // [1].subjects[7]
    h.nam.enqueue(FakeNetworkAccessManager::okta(
        400, h.nowSeconds(), 30, 29, h.nowSeconds() + 60,
        FakeNetworkAccessManager::errorBody(
            "E0000001", "Api validation failed: subjects",
            {QStringLiteral("[0].subjects[1].ip: '%1' is not a single IPv4 or IPv6 address")
                 .arg(subjects[culpritA].ip),
             QStringLiteral("[1].subjects[7].message: must be at most 512 characters"),
             QStringLiteral("[9].subjects[0].ip: names nothing we sent")})));
    h.serveLikeOkta();
    QSignalSpy changed(h.scheduler.get(), &SendScheduler::outcomesChanged);
    h.scheduler->start();
    h.drive();
    QCOMPARE(h.nam.requestCount(), 2);
    QCOMPARE(h.scheduler->rejectedCount(), 2);
    QCOMPARE(h.scheduler->acceptedCount(), 118);
    QCOMPARE(h.scheduler->outcome(culpritA).status, SubjectOutcome::Status::Rejected);
    QCOMPARE(h.scheduler->outcome(culpritA).reason,
             QStringLiteral("ip: '%1' is not a single IPv4 or IPv6 address").arg(subjects[culpritA].ip));
    QCOMPARE(h.scheduler->outcome(culpritB).reason,
             QStringLiteral("message: must be at most 512 characters"));
    QVERIFY(!h.scheduler->outcome(culpritA).requestId.isEmpty());
    // The second request is the rest, in the same order.
    QStringList expected;
    for (int index : order) {
        if (index != culpritA && index != culpritB)
            expected.append(subjects[index].ip);
    }
    QCOMPARE(ipsOf(h.nam.requests()[1].body), expected);
    QCOMPARE(h.scheduler->run().request(2)->parentId, 1);
    QVERIFY(!changed.isEmpty());
}

void TestSendScheduler::badRequestWithoutCausesIsSplitUntilTheCulpritIsAlone() {
    Harness h;
    QVector<RiskSubject> subjects = mixedSubjects(16);
    subjects[5].ip = QStringLiteral("203.0.113.99"); // the "server" refuses any body containing it
    h.nam.setHandler([&h](const FakeNetworkAccessManager::Request& request) {
        if (request.body.contains("203.0.113.99"))
            return FakeNetworkAccessManager::okta(
                400, h.nowSeconds(), 30, 20, h.nowSeconds() + 60,
                FakeNetworkAccessManager::errorBody("E0000001", "Api validation failed: body",
                                                    {"body: invalid"}));
        return FakeNetworkAccessManager::okta(202, h.nowSeconds(), 30, 20, h.nowSeconds() + 60);
    });
    h.setSubjects(subjects);
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(h.scheduler->rejectedCount(), 1);
    QCOMPARE(h.scheduler->acceptedCount(), 15);
    QCOMPARE(h.scheduler->outcome(5).status, SubjectOutcome::Status::Rejected);
    QCOMPARE(h.scheduler->outcome(5).reason, QStringLiteral("Api validation failed: body: body: invalid"));
    // 16 → 8 + 8 → 4 + 4 → 2 + 2 → 1 + 1: 1 + 2 + 2 + 2 + 2 = 9 requests.
    QCOMPARE(h.nam.requestCount(), 9);
    // The halves went in order: never a later subject before an earlier one of the same request.
    QStringList sentIps;
    for (const auto& request : h.nam.requests()) {
        if (!request.body.contains("203.0.113.99"))
            sentIps += ipsOf(request.body);
    }
    QStringList planned;
    for (int index : BatchPlanner::priorityOrder(subjects)) {
        if (index != 5)
            planned.append(subjects[index].ip);
    }
    QCOMPARE(sentIps, planned);
}

void TestSendScheduler::malformedBodyErrorIsSplitToo() {
    Harness h;
    h.nam.enqueue(FakeNetworkAccessManager::okta(
        400, h.nowSeconds(), 30, 29, h.nowSeconds() + 60,
        FakeNetworkAccessManager::errorBody("E0000003", "The request body was not well-formed.")));
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(10));
    h.scheduler->start();
    h.drive();
    QCOMPARE(h.nam.requestCount(), 3); // the whole, then both halves
    QCOMPARE(h.scheduler->acceptedCount(), 10);
    QCOMPARE(h.scheduler->run().request(2)->subjects.size(), 5);
    QCOMPARE(h.scheduler->run().request(3)->subjects.size(), 5);
}

void TestSendScheduler::unauthorizedStopsAndExplains() {
    Harness h;
    h.nam.setHandler([&h](const auto&) {
        return FakeNetworkAccessManager::okta(
            401, h.nowSeconds(), -1, -1, -1,
            FakeNetworkAccessManager::errorBody("E0000011", "Invalid token provided"));
    });
    h.setSubjects(mixedSubjects(2500));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Unauthorized);
    const QString explanation = stopped[0][1].toString();
    QVERIFY2(explanation.contains("okta.riskEvents.manage"), qPrintable(explanation));
    QVERIFY(explanation.contains("risk provider"));
    QVERIFY(explanation.contains("E0000011"));
    QCOMPARE(h.nam.requestCount(), 1);
    QCOMPARE(h.scheduler->pendingCount(), 2500);
    QCOMPARE(h.scheduler->state(), SendScheduler::State::Stopped);
}

void TestSendScheduler::forbiddenStopsAndExplains() {
    Harness h;
    h.serveLikeOkta();
    h.nam.enqueue(FakeNetworkAccessManager::okta(202, h.nowSeconds(), 30, 29, h.nowSeconds() + 60));
    h.nam.enqueue(FakeNetworkAccessManager::okta(
        403, h.nowSeconds(), 30, 28, h.nowSeconds() + 60,
        FakeNetworkAccessManager::errorBody("E0000006",
                                            "You do not have permission to perform the requested action")));
    h.setSubjects(mixedSubjects(2500));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Forbidden);
    const QString explanation = stopped[0][1].toString();
    QVERIFY(explanation.contains("okta.riskEvents.manage"));
    QVERIFY(explanation.contains("risk provider"));
    QCOMPARE(h.nam.requestCount(), 2);
    QCOMPARE(h.scheduler->acceptedCount(), 1000);
    QCOMPARE(h.scheduler->pendingCount(), 1500);
    // Fixed the permissions: the run continues where it stopped.
    h.scheduler->retryPending();
    h.drive();
    QCOMPARE(stopped.size(), 2);
    QCOMPARE(stopped[1][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(h.scheduler->acceptedCount(), 2500);
}

void TestSendScheduler::goneEndpointStopsAndExplains_data() {
    QTest::addColumn<int>("status");
    QTest::newRow("404") << 404;
    QTest::newRow("410") << 410;
}

void TestSendScheduler::goneEndpointStopsAndExplains() {
    QFETCH(int, status);
    Harness h;
    h.nam.enqueue(FakeNetworkAccessManager::okta(
        status, h.nowSeconds(), -1, -1, -1,
        FakeNetworkAccessManager::errorBody("E0000007", "Not found: Resource not found: ip (Risk events)")));
    h.setSubjects(mixedSubjects(10));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::EndpointGone);
    const QString explanation = stopped[0][1].toString();
    QVERIFY(explanation.contains("no longer accepts IP risk events"));
    QVERIFY(explanation.contains("2025"));
    QVERIFY(explanation.contains("Shared Signals"));
    QCOMPARE(h.scheduler->pendingCount(), 10);
}

void TestSendScheduler::otherClientErrorsStopTheRun() {
    Harness h;
    h.nam.enqueue(FakeNetworkAccessManager::okta(
        405, h.nowSeconds(), -1, -1, -1,
        FakeNetworkAccessManager::errorBody("E0000022",
                                            "The endpoint does not support the provided HTTP method")));
    h.setSubjects(mixedSubjects(10));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Refused);
    QCOMPARE(h.nam.requestCount(), 1);
    QCOMPARE(h.scheduler->pendingCount(), 10);
}

void TestSendScheduler::notSentStopsTheRun() {
    Harness h;
    h.client.setAuthProvider(std::make_shared<SswsAuthProvider>(QString()));
    h.setSubjects(mixedSubjects(10));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::NotSent);
    QCOMPARE(h.nam.requestCount(), 0);
    QCOMPARE(h.scheduler->pendingCount(), 10);
}

void TestSendScheduler::pauseLetsTheRequestInFlightFinish() {
    Harness h;
    h.serveLikeOkta();
    h.setSubjects(mixedSubjects(3000));
    QSignalSpy states(h.scheduler.get(), &SendScheduler::stateChanged);
    h.scheduler->start();
    QVERIFY(h.scheduler->isRequestInFlight());
    h.scheduler->pause();
    QCOMPARE(h.scheduler->state(), SendScheduler::State::Paused);
    h.drive();
    QCOMPARE(h.nam.requestCount(), 1);
    QCOMPARE(h.scheduler->acceptedCount(), 1000); // the answer in flight still counts
    QVERIFY(!h.scheduler->isRequestInFlight());
    h.clock.advance(600000);
    QCoreApplication::processEvents();
    QCOMPARE(h.nam.requestCount(), 1); // paused: nothing new, whatever the time
    h.scheduler->resume();
    h.drive();
    QCOMPARE(h.scheduler->state(), SendScheduler::State::Stopped);
    QCOMPARE(h.scheduler->acceptedCount(), 3000);
    QVERIFY(states.size() >= 4); // running, paused, running, stopped
}

void TestSendScheduler::cancelAbortsAndLeavesPending() {
    Harness h;
    Answer hang;
    hang.hang = true;
    h.nam.enqueue(FakeNetworkAccessManager::okta(202, h.nowSeconds(), 30, 29, h.nowSeconds() + 60));
    h.nam.enqueue(hang);
    h.setSubjects(mixedSubjects(3000));
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    QTRY_COMPARE(h.nam.requestCount(), 2);
    QVERIFY(h.scheduler->isRequestInFlight());
    h.scheduler->cancel();
    QCOMPARE(stopped.size(), 1); // at once, not after the network
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Cancelled);
    QVERIFY(!h.scheduler->isRequestInFlight());
    QCOMPARE(h.scheduler->acceptedCount(), 1000);
    QCOMPARE(h.scheduler->pendingCount(), 2000);
    QCOMPARE(h.scheduler->requestsLeft(), 2);
    QCoreApplication::processEvents();
    QCOMPARE(stopped.size(), 1);
    h.scheduler->cancel(); // harmless
    QCOMPARE(stopped.size(), 1);
}

void TestSendScheduler::retryingRequestHoldsBackLowerPriorities() {
    // The HIGH request fails twice: nothing MEDIUM or LOW goes out meanwhile.
    Harness h;
    QVector<RiskSubject> subjects;
    for (int i = 0; i < 30; ++i)
        subjects.append(subject(i, i < 10 ? RiskLevel::Low : i < 20 ? RiskLevel::Medium : RiskLevel::High));
    const qint64 now = h.nowSeconds();
    h.nam.enqueue(FakeNetworkAccessManager::okta(500, now, 30, 29, now + 60));
    h.nam.enqueue(FakeNetworkAccessManager::okta(429, now, 30, 0, now + 2));
    h.serveLikeOkta();
    h.setSubjects(subjects, nullptr, 10, 1);
    h.scheduler->start();
    h.drive();
    QCOMPARE(h.nam.requestCount(), 5);
    const QStringList expected{"HIGH", "HIGH", "HIGH", "MEDIUM", "LOW"};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(levelsOf(h.nam.requests()[i].body).first(), expected[i]);
    QCOMPARE(h.scheduler->acceptedCount(), 30);
}

void TestSendScheduler::progressEtaAndRateLimitStatus() {
    Harness h;
    h.serveLikeOkta(2, 60);
    h.setSubjects(mixedSubjects(5000));
    QSignalSpy progress(h.scheduler.get(), &SendScheduler::progressChanged);
    QSignalSpy statusChanged(h.scheduler->rateLimitStatus(), &RateLimitStatus::changed);
    h.scheduler->start();
    // Two requests go, then the budget (two per window) holds the rest until the clock moves.
    QTRY_COMPARE(h.scheduler->acceptedCount(), 2000);
    QVERIFY(!h.scheduler->isRequestInFlight());
    RateLimitStatus* status = h.scheduler->rateLimitStatus();
    QVERIFY(status->fromHeaders());
    QCOMPARE(status->limit(), 2);
    QCOMPARE(status->remaining(), 0);
    QCOMPARE(status->requestsInWindow(), 2);
    QVERIFY(status->resetInSeconds() > 0 && status->resetInSeconds() <= 61);
    QVERIFY(status->waitSeconds() > 0);
    // Three requests left, two per minute: the ETA is between one and two minutes.
    const qint64 eta = h.scheduler->etaMs();
    QVERIFY2(eta > 60000 - 60000 / 2 && eta < 2 * 61000, qPrintable(QString::number(eta)));
    // The countdown ticks with the clock.
    const int before = status->resetInSeconds();
    const int changesBefore = static_cast<int>(statusChanged.size());
    h.clock.advance(3000);
    QCOMPARE(status->resetInSeconds(), before - 3);
    QVERIFY(statusChanged.size() >= changesBefore + 3);
    QVERIFY(!progress.isEmpty());
    h.drive();
    QCOMPARE(h.scheduler->acceptedCount(), 5000);
    QCOMPARE(h.scheduler->etaMs(), 0);
}

void TestSendScheduler::journalRecordsEveryStep() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RunJournal journal(dir.filePath("run"));
    Harness h;
    const QVector<RiskSubject> subjects = mixedSubjects(2100);
    h.nam.enqueue(FakeNetworkAccessManager::okta(
        400, h.nowSeconds(), 30, 29, h.nowSeconds() + 60,
        FakeNetworkAccessManager::errorBody("E0000001", "Api validation failed",
                                            {"[0].subjects[0].ip: bad"})));
    h.nam.enqueue(FakeNetworkAccessManager::okta(202, h.nowSeconds(), 30, 28, h.nowSeconds() + 60));
    h.nam.enqueue(FakeNetworkAccessManager::okta(503, h.nowSeconds(), 30, 27, h.nowSeconds() + 60));
    h.serveLikeOkta();
    h.setSubjects(subjects, &journal);
    QSignalSpy stopped(h.scheduler.get(), &SendScheduler::stopped);
    h.scheduler->start();
    h.drive();
    QCOMPARE(stopped.size(), 1);
    QString error;
    const auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(loaded->queue.isEmpty());
    QVERIFY(loaded->unconfirmed.isEmpty());
    QCOMPARE(loaded->count(SubjectOutcome::Status::Accepted), 2099);
    QCOMPARE(loaded->count(SubjectOutcome::Status::Rejected), 1);
    for (int i = 0; i < subjects.size(); ++i) {
        QCOMPARE(loaded->outcomes[i].status, h.scheduler->outcome(i).status);
        QCOMPARE(loaded->outcomes[i].requestId, h.scheduler->outcome(i).requestId);
        QCOMPARE(loaded->outcomes[i].reason, h.scheduler->outcome(i).reason);
    }
    QCOMPARE(journal.readState().first, QStringLiteral("stopped"));
    QVERIFY(journal.readState().second.startsWith("Completed"));
}

void TestSendScheduler::parseCause_data() {
    QTest::addColumn<QString>("cause");
    QTest::addColumn<int>("event");
    QTest::addColumn<int>("subject");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sandbox") << "[3].subjects[7].ip: '10.0.0.0/8' is not a single IPv4 or IPv6 address" << 3
                             << 7 << "ip: '10.0.0.0/8' is not a single IPv4 or IPv6 address";
    QTest::newRow("colon") << "[0].subjects[12]: riskLevel must be LOW, MEDIUM or HIGH" << 0 << 12
                           << "riskLevel must be LOW, MEDIUM or HIGH";
    QTest::newRow("spaces") << "  [1] . subjects [2] .message: too long" << 1 << 2 << "message: too long";
    QTest::newRow("no event") << "subjects[4].ip: bad" << 0 << 4 << "ip: bad";
    QTest::newRow("position only") << "[2].subjects[3]" << 2 << 3 << "[2].subjects[3]";
    QTest::newRow("event only") << "[2].timestamp: not a date" << -1 << -1 << "[2].timestamp: not a date";
    QTest::newRow("body") << "body: The request body was not well-formed." << -1 << -1
                          << "body: The request body was not well-formed.";
    QTest::newRow("no position") << "ip: is required" << -1 << -1 << "ip: is required";
    QTest::newRow("overflow") << "[99999999999].subjects[1].ip: x" << -1 << -1
                              << "[99999999999].subjects[1].ip: x";
    QTest::newRow("empty") << "" << -1 << -1 << "";
}

void TestSendScheduler::parseCause() {
    QFETCH(QString, cause);
    QFETCH(int, event);
    QFETCH(int, subject);
    QFETCH(QString, reason);
    const auto position = SendScheduler::parseCause(cause);
    QCOMPARE(position.event, event);
    QCOMPARE(position.subject, subject);
    QCOMPARE(position.reason, reason);
}

QTEST_GUILESS_MAIN(TestSendScheduler)
#include "TestSendScheduler.moc"
