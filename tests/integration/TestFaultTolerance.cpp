// Every fault the sandbox org can inject, one at a time, during a send of a few thousand subjects
// through BatchPlanner → RunJournal → SendScheduler → OktaClient over loopback. After each one
// every subject is accepted, rejected or pending (never lost), the org's record matches what
// the scheduler accepted (duplicates only where a request may have been processed, at most one
// request's worth per such answer), pending subjects resume from the journal once the fault is
// gone, and the stop explanation or the answers name what happened.
#include "SandboxOrg.h"

#include "api/OktaClient.h"
#include "common/SystemClock.h"
#include "riskevents/RunJournal.h"
#include "riskevents/SendScheduler.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int WindowSeconds = 2;
constexpr int SubjectCount = 2500; // three requests of at most 1,000 subjects
constexpr int MaxRequestSubjects = 1000;
constexpr int RunTimeoutMs = 90000; // generous: CI runs this on 2 loaded cores and under ASan
constexpr int TransferTimeoutMs = 20000;
const QString RiskPath = QStringLiteral("/api/v1/risk/events/ip");

SendScheduler::Options fastRetries() {
    SendScheduler::Options options;
    options.backoffBaseMs = 50;
    options.backoffMaxMs = 400;
    options.maxAttempts = 4;
    options.maxRateLimitedInARow = 3;
    // Without any header yet, assume the sandbox's window rather than Okta's minute.
    options.budget.defaultWindowMs = WindowSeconds * 1000;
    return options;
}

// One run of the scheduler to its stop, with what it heard on the way.
struct Delivery {
    SendScheduler::StopReason reason = SendScheduler::StopReason::None;
    QString explanation;
    QStringList answers; // OktaResult::describe() of every answer
    int accepted = 0;
    int rejected = 0;
    int pending = 0;
    QVector<SubjectOutcome> outcomes;
};

bool deliver(SandboxOrg& org, SendRun run, RunJournal* journal, Delivery* delivery) {
    SendScheduler scheduler(&org.client, SystemClock::instance());
    scheduler.setOptions(fastRetries());
    if (!scheduler.setRun(std::move(run), journal))
        return false;
    QObject::connect(&scheduler, &SendScheduler::requestFinished, &scheduler,
                     [delivery](int, const OktaResult& result) { delivery->answers << result.describe(); });
    QSignalSpy stopped(&scheduler, &SendScheduler::stopped);
    scheduler.start();
    if (!QTest::qWaitFor([&stopped] { return stopped.size() > 0; }, RunTimeoutMs))
        return false;
    delivery->reason = stopped[0][0].value<SendScheduler::StopReason>();
    delivery->explanation = stopped[0][1].toString();
    delivery->accepted = scheduler.acceptedCount();
    delivery->rejected = scheduler.rejectedCount();
    delivery->pending = scheduler.pendingCount();
    delivery->outcomes = scheduler.run().outcomes;
    return true;
}

// How often the org recorded each IP.
QHash<QString, int> orgRecord(const SandboxServer& server) {
    QHash<QString, int> seen;
    for (const QJsonValue& value : server.acceptedRiskSubjects())
        ++seen[value.toObject().value(QStringLiteral("ip")).toString()];
    return seen;
}

} // namespace

class TestFaultTolerance : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everySubjectIsAccountedFor_data();
    void everySubjectIsAccountedFor();
    void oversizedAnswerPastTheRealCap();
    void duplicatedRateLimitHeadersAreReadConservatively();
    void oversizedErrorAnswerStillStopsForTheRightReason();

private:
    QTemporaryDir m_dir;
};

void TestFaultTolerance::initTestCase() {
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<SendScheduler::StopReason>();
}

void TestFaultTolerance::everySubjectIsAccountedFor_data() {
    QTest::addColumn<QStringList>("faults");      // sandbox fault specs, on the risk-events path
    QTest::addColumn<qint64>("skewSeconds");      // server clock − local clock
    QTest::addColumn<int>("riskLimit");           // requests per 2-s window
    QTest::addColumn<int>("transferTimeoutMs");   // the client's silence timeout
    QTest::addColumn<qint64>("maxResponseBytes"); // the client's cap (lowered to stay fast)
    QTest::addColumn<bool>("completes");          // else: stops with subjects pending
    QTest::addColumn<QString>("says");            // in the explanation (stopped) or an answer
    QTest::addColumn<int>("processingFaults");    // answers whose request the org did process

    const auto row = [](const char* name, const QStringList& faults, bool completes, const QString& says,
                        int processingFaults = 0, int transferTimeoutMs = 20000,
                        qint64 maxBytes = OktaClient::DefaultMaxResponseBytes, qint64 skew = 0,
                        int riskLimit = 30) {
        QTest::newRow(name) << faults << skew << riskLimit << transferTimeoutMs << maxBytes << completes
                            << says << processingFaults;
    };
    constexpr qint64 SmallCap = 64 * 1024;
    row("500 transient", {"500:2"}, true, "HTTP 500");
    row("500 persistent", {"500:100"}, false, "HTTP 500");
    row("connection reset", {"reset:1"}, true, "network error");
    row("connection reset persistent", {"reset:100"}, false, "network error");
    // A stalled answer is held past the row's end, so the org never processes it. A timeout is
    // "maybe processed" all the same (on a loaded machine under ASan a normal answer can be that
    // slow too): one request's worth may arrive twice, as for any timeout.
    row("stall past the timeout", {"stall:1:120000"}, true, "no answer in time", 1, 5000);
    row("stall persistent", {"stall:100:120000"}, false, "no answer in time", 1, 5000);
    row("malformed JSON", {"malformed:1"}, true, "not valid JSON");
    row("malformed JSON persistent", {"malformed:100"}, false, "not valid JSON");
    // The org took the request before the oversized answer: one request's worth may arrive twice.
    row("oversized JSON", {"oversized:1:262144"}, true, "larger than", 1, 20000, SmallCap);
    row("oversized JSON persistent", {"oversized:4:262144"}, false, "larger than", 4, 20000, SmallCap);
    row("429 without headers", {"429-no-headers:1"}, true, "HTTP 429");
    row("429 storm without headers", {"429-no-headers:100"}, false, "429 Too Many Requests");
    row("429 with duplicated headers", {"429-duplicate-headers:2"}, true, "HTTP 429");
    row("429 storm with duplicated headers", {"429-duplicate-headers:100"}, false, "429 Too Many Requests");
    row("server clock 2 h ahead", {"429-duplicate-headers:1:after=1"}, true, "HTTP 429", 0, 20000,
        OktaClient::DefaultMaxResponseBytes, 7200, 2);
    row("server clock 2 h behind", {"429-duplicate-headers:1:after=1"}, true, "HTTP 429", 0, 20000,
        OktaClient::DefaultMaxResponseBytes, -7200, 2);
    row("server clock 2 h ahead, 500s", {"500:2"}, true, "HTTP 500", 0, 20000,
        OktaClient::DefaultMaxResponseBytes, 7200, 2);
}

void TestFaultTolerance::everySubjectIsAccountedFor() {
    QFETCH(QStringList, faults);
    QFETCH(qint64, skewSeconds);
    QFETCH(int, riskLimit);
    QFETCH(int, transferTimeoutMs);
    QFETCH(qint64, maxResponseBytes);
    QFETCH(bool, completes);
    QFETCH(QString, says);
    QFETCH(int, processingFaults);

    SandboxOptions options;
    options.riskEventsLimit = riskLimit;
    options.windowSeconds = WindowSeconds;
    options.clockSkewSeconds = skewSeconds;
    SandboxOrg org;
    QVERIFY(org.start(options, {}, TransferTimeoutMs));
    org.client.setTransferTimeoutMs(transferTimeoutMs);
    org.client.setMaxResponseBytes(maxResponseBytes);
    for (const QString& spec : std::as_const(faults)) {
        QString error;
        std::optional<SandboxFault> fault = SandboxFault::parse(spec + QLatin1Char(':') + RiskPath, &error);
        QVERIFY2(fault, qPrintable(error));
        org.server->injectFault(*fault);
    }

    const QVector<RiskSubject> subjects = SandboxOrg::mixedSubjects(SubjectCount);
    const QString dir = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-'));
    RunJournal journal(dir);
    SendRun run = SandboxOrg::planRun(subjects);
    QString error;
    QVERIFY2(journal.create(run, &error), qPrintable(error));

    Delivery first;
    QVERIFY(deliver(org, std::move(run), &journal, &first));
    const QString heard = first.explanation + QLatin1Char('\n') + first.answers.join(QLatin1Char('\n'));

    // Never lost: every subject is in exactly one state.
    QCOMPARE(first.accepted + first.rejected + first.pending, SubjectCount);
    QCOMPARE(first.rejected, 0);
    int accepted = 0;
    for (const SubjectOutcome& o : std::as_const(first.outcomes))
        accepted += o.status == SubjectOutcome::Status::Accepted ? 1 : 0;
    QCOMPARE(accepted, first.accepted);

    // What happened is said: in the stop explanation when the run stopped, else in the answers.
    QVERIFY2(heard.contains(says), qPrintable(heard));
    if (completes) {
        QVERIFY2(first.reason == SendScheduler::StopReason::Completed, qPrintable(heard));
        QCOMPARE(first.accepted, SubjectCount);
    } else {
        QVERIFY2(first.reason == SendScheduler::StopReason::RetriesExhausted, qPrintable(heard));
        QVERIFY2(first.explanation.contains(says), qPrintable(first.explanation));
        QVERIFY2(first.explanation.contains(QLatin1String("pending")), qPrintable(first.explanation));
        QVERIFY(first.pending > 0);
        // The subjects of the request that failed carry the reason too.
        int explained = 0;
        for (const SubjectOutcome& o : std::as_const(first.outcomes))
            explained += o.status == SubjectOutcome::Status::Pending && o.reason.contains(says) ? 1 : 0;
        QVERIFY2(explained > 0 && explained <= MaxRequestSubjects, qPrintable(QString::number(explained)));
    }

    // The org has exactly the accepted ones, plus at most one request's worth per answer to a
    // request it processed.
    QHash<QString, int> seen = orgRecord(*org.server);
    int duplicates = 0;
    for (int i = 0; i < SubjectCount; ++i) {
        const int times = seen.value(subjects[i].ip);
        const bool isAccepted = first.outcomes[i].status == SubjectOutcome::Status::Accepted;
        if (isAccepted)
            QVERIFY2(times >= 1, qPrintable(subjects[i].ip));
        else if (processingFaults == 0)
            QVERIFY2(times == 0, qPrintable(subjects[i].ip));
        QVERIFY2(times <= 1 + processingFaults, qPrintable(subjects[i].ip));
        duplicates += qMax(0, times - (isAccepted ? 1 : 0));
    }
    QVERIFY2(duplicates <= processingFaults * MaxRequestSubjects, qPrintable(QString::number(duplicates)));
    if (processingFaults == 0)
        QCOMPARE(org.server->acceptedRiskSubjects().size(), first.accepted);
    // Every 429 the org sent was an injected one: the budget caused none.
    if (!says.contains(QLatin1String("429")))
        QCOMPARE(org.rateLimited, 0);

    // The journal agrees, and what is pending resumes from it once the fault is gone.
    auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->count(SubjectOutcome::Status::Accepted), first.accepted);
    QCOMPARE(loaded->count(SubjectOutcome::Status::Pending), first.pending);
    if (completes) {
        QVERIFY(loaded->queue.isEmpty());
        return;
    }
    org.server->clearFaults();
    Delivery resumed;
    QVERIFY(deliver(org, std::move(*loaded), &journal, &resumed));
    QVERIFY2(resumed.reason == SendScheduler::StopReason::Completed, qPrintable(resumed.explanation));
    QCOMPARE(resumed.accepted, SubjectCount);
    QCOMPARE(resumed.pending, 0);
    seen = orgRecord(*org.server);
    for (const RiskSubject& s : subjects) {
        QVERIFY2(seen.value(s.ip) >= 1, qPrintable(s.ip));
        QVERIFY2(seen.value(s.ip) <= 1 + processingFaults, qPrintable(s.ip));
    }
    QVERIFY(org.server->acceptedRiskSubjects().size() <=
            SubjectCount + processingFaults * MaxRequestSubjects);
    const auto final = journal.load(&error);
    QVERIFY2(final, qPrintable(error));
    QCOMPARE(final->count(SubjectOutcome::Status::Accepted), SubjectCount);
}

// The client's real cap: a 2xx answer just past 32 MiB is cut off, not read into memory, and the
// request goes again.
void TestFaultTolerance::oversizedAnswerPastTheRealCap() {
    SandboxOptions options;
    options.windowSeconds = WindowSeconds;
    SandboxOrg org;
    QVERIFY(org.start(options, {}, TransferTimeoutMs));
    QCOMPARE(org.client.maxResponseBytes(), OktaClient::DefaultMaxResponseBytes);
    org.server->injectFault(*SandboxFault::parse(QStringLiteral("oversized:1:") + RiskPath, nullptr));
    QCOMPARE(org.server->pendingFaults().value(0).sizeBytes, SandboxFault::DefaultOversizedBytes);
    QVERIFY(SandboxFault::DefaultOversizedBytes > OktaClient::DefaultMaxResponseBytes);

    const QVector<RiskSubject> subjects = SandboxOrg::mixedSubjects(SubjectCount);
    Delivery delivery;
    QVERIFY(deliver(org, SandboxOrg::planRun(subjects), nullptr, &delivery));
    QCOMPARE(delivery.reason, SendScheduler::StopReason::Completed);
    QCOMPARE(delivery.accepted, SubjectCount);
    QVERIFY2(delivery.answers.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("larger than %1 bytes").arg(OktaClient::DefaultMaxResponseBytes)),
             qPrintable(delivery.answers.join(QLatin1Char('\n'))));
    // The first request was processed before its answer was cut off: it reached the org twice.
    const QHash<QString, int> seen = orgRecord(*org.server);
    int twice = 0;
    for (const RiskSubject& s : subjects) {
        QVERIFY(seen.value(s.ip) >= 1 && seen.value(s.ip) <= 2);
        twice += seen.value(s.ip) == 2 ? 1 : 0;
    }
    QVERIFY2(twice <= MaxRequestSubjects, qPrintable(QString::number(twice)));
}

// A 429 carrying Okta's headers and a proxy's generous ones: the run waits for Okta's reset
// instead of believing "plenty left, resets now" and hammering the org.
void TestFaultTolerance::duplicatedRateLimitHeadersAreReadConservatively() {
    SandboxOptions options;
    options.riskEventsLimit = 2;
    options.windowSeconds = WindowSeconds;
    SandboxOrg org;
    QVERIFY(org.start(options, {}, TransferTimeoutMs));
    org.server->injectFault(
        *SandboxFault::parse(QStringLiteral("429-duplicate-headers:1:after=1:") + RiskPath, nullptr));
    Delivery delivery;
    QVERIFY(deliver(org, SandboxOrg::planRun(SandboxOrg::mixedSubjects(SubjectCount)), nullptr, &delivery));
    QCOMPARE(delivery.reason, SendScheduler::StopReason::Completed);
    QCOMPARE(delivery.accepted, SubjectCount);
    QCOMPARE(org.rateLimited, 1); // the injected one; none of ours
    QCOMPARE(org.server->acceptedRiskSubjects().size(), SubjectCount);
}

// A 403 whose body is too large to read: the status alone says the credentials lack the scope;
// the run stops for that reason, not after pointless retries.
void TestFaultTolerance::oversizedErrorAnswerStillStopsForTheRightReason() {
    SandboxOptions options;
    options.windowSeconds = WindowSeconds;
    SandboxOrg org;
    QVERIFY(org.start(options, SandboxServer::DefaultReadOnlyToken, TransferTimeoutMs));
    org.client.setMaxResponseBytes(64 * 1024);
    org.server->injectFault(*SandboxFault::parse(QStringLiteral("oversized:10:262144:") + RiskPath, nullptr));
    Delivery delivery;
    QVERIFY(deliver(org, SandboxOrg::planRun(SandboxOrg::mixedSubjects(SubjectCount)), nullptr, &delivery));
    QCOMPARE(delivery.reason, SendScheduler::StopReason::Forbidden);
    QCOMPARE(delivery.answers.size(), 1);
    QVERIFY2(delivery.answers[0].contains(QLatin1String("HTTP 403, unexpected answer")),
             qPrintable(delivery.answers[0]));
    QCOMPARE(delivery.pending, SubjectCount);
    QVERIFY2(delivery.explanation.contains(QLatin1String("okta.riskEvents.manage")),
             qPrintable(delivery.explanation));
    QVERIFY2(delivery.explanation.contains(QLatin1String("larger than")), qPrintable(delivery.explanation));
    QCOMPARE(org.server->acceptedRiskSubjects().size(), 0);
}

QTEST_GUILESS_MAIN(TestFaultTolerance)
#include "TestFaultTolerance.moc"
