// The whole delivery path over loopback: BatchPlanner → RunJournal → SendScheduler → OktaClient
// → the sandbox org with a short rate-limit window. Every subject must end accepted with the
// sandbox's request id, in priority order, without a single 429 caused by us; refused subjects
// are rejected with the sandbox's reason; faults are survived; an abrupt stop resumes from the
// journal with at most one request delivered twice.
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

int rank(const QString& level) {
    return level == QLatin1String("HIGH") ? 0 : level == QLatin1String("MEDIUM") ? 1 : 2;
}

SandboxOptions shortWindow(int limit = 2, qint64 skewSeconds = 0) {
    return SandboxOrg::rateWindow(limit, WindowSeconds, skewSeconds);
}

SendScheduler::Options fastRetries() {
    SendScheduler::Options options;
    options.backoffBaseMs = 50;
    options.backoffMaxMs = 400;
    options.maxAttempts = 6;
    // Without any header yet, assume the sandbox's window rather than Okta's minute.
    options.budget.defaultWindowMs = WindowSeconds * 1000;
    return options;
}

} // namespace

class TestRiskSendEndToEnd : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sendsAFewThousandSubjectsInOrderWithinTheBudget_data();
    void sendsAFewThousandSubjectsInOrderWithinTheBudget();
    void rejectsWhatTheOrgRefusesAndSendsTheRest();
    void survivesFaults();
    void resumesAfterAnAbruptStop();
    void readOnlyTokenStopsWithAnExplanation();

private:
    QTemporaryDir m_dir;
};

void TestRiskSendEndToEnd::initTestCase() {
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<SendScheduler::StopReason>();
}

void TestRiskSendEndToEnd::sendsAFewThousandSubjectsInOrderWithinTheBudget_data() {
    QTest::addColumn<qint64>("skewSeconds");
    QTest::newRow("clocks agree") << qint64(0);
    QTest::newRow("server clock 7 s ahead") << qint64(7);
    QTest::newRow("server clock 1 h behind") << qint64(-3600);
}

void TestRiskSendEndToEnd::sendsAFewThousandSubjectsInOrderWithinTheBudget() {
    QFETCH(qint64, skewSeconds);
    SandboxOrg org;
    QVERIFY(org.start(shortWindow(2, skewSeconds)));
    const QVector<RiskSubject> subjects = SandboxOrg::mixedSubjects(4500); // 5 requests, 3 windows
    RunJournal journal(m_dir.filePath(QStringLiteral("e2e-%1").arg(skewSeconds)));
    SendRun run = SandboxOrg::planRun(subjects);
    const QString timestamp = BatchPlanner::formatTimestamp(run.planOptions.timestamp);
    QString error;
    QVERIFY2(journal.create(run, &error), qPrintable(error));

    SendScheduler scheduler(&org.client, SystemClock::instance());
    scheduler.setOptions(fastRetries());
    QVERIFY(scheduler.setRun(std::move(run), &journal));
    QSignalSpy stopped(&scheduler, &SendScheduler::stopped);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 30000);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(scheduler.acceptedCount(), 4500);
    QCOMPARE(org.rateLimited, 0);
    QCOMPARE(org.riskRequests, 5);

    // The org has each subject exactly once, as sent, in priority order.
    const QJsonArray record = org.server->acceptedRiskSubjects();
    QCOMPARE(record.size(), 4500);
    QHash<QString, QJsonObject> byIp;
    int previousRank = 0;
    for (const QJsonValue& value : record) {
        const QJsonObject r = value.toObject();
        QVERIFY2(!byIp.contains(r.value("ip").toString()), qPrintable(r.value("ip").toString()));
        byIp.insert(r.value("ip").toString(), r);
        const int level = rank(r.value("riskLevel").toString());
        QVERIFY2(level >= previousRank, "a lower level reached the org before a higher one");
        previousRank = level;
        QCOMPARE(r.value("timestamp").toString(), timestamp);
    }
    for (int i = 0; i < subjects.size(); ++i) {
        const QJsonObject r = byIp.value(subjects[i].ip);
        QCOMPARE(r.value("riskLevel").toString(), RiskLevels::toString(subjects[i].level));
        QCOMPARE(r.value("message").toString(), subjects[i].message);
        const SubjectOutcome& o = scheduler.outcome(i);
        QCOMPARE(o.status, SubjectOutcome::Status::Accepted);
        QCOMPARE(o.requestId, r.value("requestId").toString());
    }
    const auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->count(SubjectOutcome::Status::Accepted), 4500);
    QVERIFY(loaded->queue.isEmpty());
}

void TestRiskSendEndToEnd::rejectsWhatTheOrgRefusesAndSendsTheRest() {
    SandboxOrg org;
    QVERIFY(org.start(shortWindow(30)));
    QVector<RiskSubject> subjects = SandboxOrg::mixedSubjects(300);
    // What a careless importer might let through; the org names each one.
    subjects[17].ip = QStringLiteral("10.0.0.0/8");
    subjects[123].ip = QStringLiteral("300.1.2.3");
    subjects[250].level = RiskLevel::High;
    subjects[250].message = QStringLiteral("semicolons; are not allowed");
    SendScheduler scheduler(&org.client, SystemClock::instance());
    scheduler.setOptions(fastRetries());
    QVERIFY(scheduler.setRun(SandboxOrg::planRun(subjects)));
    QSignalSpy stopped(&scheduler, &SendScheduler::stopped);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(scheduler.rejectedCount(), 3);
    QCOMPARE(scheduler.acceptedCount(), 297);
    QCOMPARE(org.riskRequests, 2); // the causes name the subjects: no splitting needed
    QCOMPARE(scheduler.outcome(17).status, SubjectOutcome::Status::Rejected);
    QVERIFY2(scheduler.outcome(17).reason.contains("is not a single IPv4 or IPv6 address"),
             qPrintable(scheduler.outcome(17).reason));
    QVERIFY(scheduler.outcome(17).reason.startsWith("ip:"));
    QVERIFY(scheduler.outcome(123).reason.contains("300.1.2.3"));
    QVERIFY2(scheduler.outcome(250).reason.startsWith("message:"), qPrintable(scheduler.outcome(250).reason));
    QVERIFY(!scheduler.outcome(250).requestId.isEmpty());
    QCOMPARE(org.server->acceptedRiskSubjects().size(), 297);
}

void TestRiskSendEndToEnd::survivesFaults() {
    SandboxOrg org;
    QVERIFY(org.start(shortWindow(30)));
    const QString path = QStringLiteral("/api/v1/risk/events/ip");
    org.server->injectFault({SandboxFault::Kind::ServerError, 2, 0, path});
    org.server->injectFault({SandboxFault::Kind::ConnectionReset, 1, 0, path});
    org.server->injectFault({SandboxFault::Kind::MalformedJson, 1, 0, path});
    org.server->injectFault({SandboxFault::Kind::RateLimitWithoutHeaders, 1, 0, path});
    const QVector<RiskSubject> subjects = SandboxOrg::mixedSubjects(2500);
    SendScheduler scheduler(&org.client, SystemClock::instance());
    scheduler.setOptions(fastRetries());
    QVERIFY(scheduler.setRun(SandboxOrg::planRun(subjects)));
    QSignalSpy stopped(&scheduler, &SendScheduler::stopped);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 30000);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(scheduler.acceptedCount(), 2500);
    // None of those faults processed the request: nothing arrived twice.
    QCOMPARE(org.server->acceptedRiskSubjects().size(), 2500);
    QCOMPARE(org.rateLimited, 1); // the injected one, not ours
    QVERIFY(org.server->pendingFaults().isEmpty());
}

void TestRiskSendEndToEnd::resumesAfterAnAbruptStop() {
    SandboxOrg org;
    QVERIFY(org.start(shortWindow(30)));
    const QVector<RiskSubject> subjects = SandboxOrg::mixedSubjects(3500); // 4 requests
    const QString dir = m_dir.filePath(QStringLiteral("crash"));
    {
        RunJournal journal(dir);
        SendRun run = SandboxOrg::planRun(subjects);
        QString error;
        QVERIFY(journal.create(run, &error));
        auto scheduler = std::make_unique<SendScheduler>(&org.client, SystemClock::instance());
        scheduler->setOptions(fastRetries());
        QVERIFY(scheduler->setRun(std::move(run), &journal));
        // The app dies right after the org processed the second request, before the answer is
        // read: the journal has the request, not its outcome. (Not the DropResponse fault: the
        // client would see an error and retry by itself, and QNetworkAccessManager may even
        // re-send a request whose connection closed before any answer.)
        int served = 0;
        const auto connection =
            connect(org.server.get(), &SandboxServer::requestServed, org.server.get(),
                    [&](const QString&, const QString& path, int) {
                        if (path.startsWith(QLatin1String("/api/v1/risk/events")) && ++served == 2)
                            scheduler.reset();
                    });
        scheduler->start();
        QTRY_VERIFY_WITH_TIMEOUT(!scheduler, 10000);
        disconnect(connection);
    }
    QCOMPARE(org.server->acceptedRiskSubjects().size(), 2000);

    RunJournal journal(dir);
    QString error;
    auto resumed = journal.load(&error);
    QVERIFY2(resumed, qPrintable(error));
    QCOMPARE(resumed->unconfirmed, (QVector<int>{2}));
    QCOMPARE(resumed->count(SubjectOutcome::Status::Accepted), 1000);
    SendScheduler scheduler(&org.client, SystemClock::instance());
    scheduler.setOptions(fastRetries());
    QVERIFY(scheduler.setRun(std::move(*resumed), &journal));
    QSignalSpy stopped(&scheduler, &SendScheduler::stopped);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(scheduler.acceptedCount(), 3500);

    // Every subject reached the org; only the request in flight at the stop did so twice.
    const QJsonArray record = org.server->acceptedRiskSubjects();
    QHash<QString, int> seen;
    for (const QJsonValue& value : record)
        ++seen[value.toObject().value("ip").toString()];
    int twice = 0;
    for (const RiskSubject& s : subjects) {
        QVERIFY(seen.value(s.ip) >= 1);
        QVERIFY(seen.value(s.ip) <= 2);
        twice += seen.value(s.ip) == 2 ? 1 : 0;
    }
    QCOMPARE(twice, 1000);
    QCOMPARE(record.size(), 4500);
    const auto final = journal.load(&error);
    QVERIFY(final);
    QCOMPARE(final->count(SubjectOutcome::Status::Accepted), 3500);
    QVERIFY(final->unconfirmed.isEmpty());
}

void TestRiskSendEndToEnd::readOnlyTokenStopsWithAnExplanation() {
    SandboxOrg org;
    SandboxOptions options = shortWindow(30);
    QVERIFY(org.start(options, SandboxServer::DefaultReadOnlyToken));
    SendScheduler scheduler(&org.client, SystemClock::instance());
    scheduler.setOptions(fastRetries());
    QVERIFY(scheduler.setRun(SandboxOrg::planRun(SandboxOrg::mixedSubjects(1500))));
    QSignalSpy stopped(&scheduler, &SendScheduler::stopped);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Forbidden);
    QVERIFY(stopped[0][1].toString().contains("okta.riskEvents.manage"));
    QCOMPARE(scheduler.pendingCount(), 1500);
    QCOMPARE(org.riskRequests, 1);
}

QTEST_GUILESS_MAIN(TestRiskSendEndToEnd)
#include "TestRiskSendEndToEnd.moc"
