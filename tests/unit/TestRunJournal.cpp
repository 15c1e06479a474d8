// RunJournal: the on-disk queue of a send run. Round trip of subjects and plan, reconstruction
// of accepted/rejected/pending from outcome files (splits in place of their parent), requests
// in flight at a stop, damage detection, safe directory names, removal of folders of runs killed
// while being written, and recovery after an abrupt stop of a running scheduler.
#include "FakeNetworkAccessManager.h"
#include "ManualClock.h"

#include "api/OktaClient.h"
#include "api/SswsAuthProvider.h"
#include "riskevents/RunJournal.h"
#include "riskevents/SendScheduler.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QVector<RiskSubject> subjects(int n) {
    QVector<RiskSubject> result;
    const RiskLevel cycle[] = {RiskLevel::Medium, RiskLevel::Low, RiskLevel::High};
    for (int i = 0; i < n; ++i) {
        RiskSubject s;
        s.ip = i % 7 == 0 ? QStringLiteral("2001:db8::%1").arg(i, 0, 16)
                          : QStringLiteral("192.0.%1.%2").arg(i / 200).arg(i % 200);
        s.level = cycle[i % 3];
        s.message = i % 5 == 0 ? QString() : QStringLiteral("seen by sensor-%1_a.b").arg(i);
        s.sourceLine = i + 1;
        result.append(s);
    }
    return result;
}

BatchPlanner::Options planOptions(int perEvent = 50, int perRequest = 20) {
    BatchPlanner::Options options;
    options.timestamp = QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8, 123), Qt::UTC);
    options.timeToLiveSeconds = 7200;
    options.subjectsPerEvent = perEvent;
    options.eventsPerRequest = perRequest;
    return options;
}

SendRun newRun(int n, int perEvent = 50, int perRequest = 20) {
    return SendRun::plan(subjects(n), planOptions(perEvent, perRequest), QStringLiteral("acme prod"),
                         QStringLiteral("20260218-063508-123-abcd"),
                         QDateTime(QDate(2026, 2, 18), QTime(6, 35, 9), Qt::UTC));
}

RequestOutcome accepted(int id, const QString& requestId) {
    RequestOutcome o;
    o.id = id;
    o.status = RequestOutcome::Status::Accepted;
    o.httpStatus = 202;
    o.oktaRequestId = requestId;
    o.answeredAt = QDateTime(QDate(2026, 2, 18), QTime(6, 36, 0, 42), Qt::UTC);
    return o;
}

} // namespace

class TestRunJournal : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void createAndLoadRoundTrip();
    void createRefusesAnExistingRun();
    void freshRunHasEverythingQueued();
    void outcomesRebuildStatusesAndOrder();
    void pendingOutcomeIsQueuedWithItsReason();
    void resendingRemovesAStalePendingOutcome();
    void orphanSplitsAreIgnoredButKeepTheirIds();
    void damagedJournalIsReported_data();
    void damagedJournalIsReported();
    void damagedRequestFilesAreNamedAndSentAgain();
    void profileDirectoryIsSafe();
    void runDirectoriesNewestFirst();
    void abandonedRunsAreRemovedAfterAnHour();
    void stateIsRecorded();
    void recoveryAfterAnAbruptStop();

private:
    QTemporaryDir m_dir;
};

void TestRunJournal::initTestCase() {
    QVERIFY(m_dir.isValid());
}

void TestRunJournal::createAndLoadRoundTrip() {
    const SendRun run = newRun(2345);
    RunJournal journal(m_dir.filePath("roundtrip"));
    QString error;
    QVERIFY2(journal.create(run, &error), qPrintable(error));
    QVERIFY(journal.exists());
    const auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->runId, run.runId);
    QCOMPARE(loaded->profileId, run.profileId);
    QCOMPARE(loaded->createdAt, run.createdAt);
    QCOMPARE(loaded->planOptions.timestamp, run.planOptions.timestamp);
    QCOMPARE(loaded->planOptions.timeToLiveSeconds, run.planOptions.timeToLiveSeconds);
    QCOMPARE(loaded->subjects.size(), run.subjects.size());
    for (int i = 0; i < run.subjects.size(); ++i) {
        QCOMPARE(loaded->subjects[i].ip, run.subjects[i].ip);
        QCOMPARE(loaded->subjects[i].level, run.subjects[i].level);
        QCOMPARE(loaded->subjects[i].message, run.subjects[i].message);
        QCOMPARE(loaded->subjects[i].sourceLine, run.subjects[i].sourceLine);
    }
    QCOMPARE(loaded->plannedCount, 3);
    for (int id = 1; id <= 3; ++id)
        QCOMPARE(loaded->request(id)->subjects, run.request(id)->subjects);
    // The same bodies come out of the reloaded run: a resumed request is byte for byte the same.
    for (int id = 1; id <= 3; ++id)
        QCOMPARE(loaded->planner().buildBody(loaded->subjects, loaded->request(id)->subjects),
                 run.planner().buildBody(run.subjects, run.request(id)->subjects));
}

void TestRunJournal::createRefusesAnExistingRun() {
    RunJournal journal(m_dir.filePath("twice"));
    QString error;
    QVERIFY(journal.create(newRun(10), &error));
    QVERIFY(!journal.create(newRun(10), &error));
    QVERIFY(error.contains("already"));
}

void TestRunJournal::freshRunHasEverythingQueued() {
    RunJournal journal(m_dir.filePath("fresh"));
    QString error;
    QVERIFY(journal.create(newRun(2500), &error));
    const auto loaded = journal.load(&error);
    QVERIFY(loaded);
    QCOMPARE(loaded->queue, (QVector<int>{1, 2, 3}));
    QVERIFY(loaded->unconfirmed.isEmpty());
    QCOMPARE(loaded->count(SubjectOutcome::Status::Pending), 2500);
}

void TestRunJournal::outcomesRebuildStatusesAndOrder() {
    SendRun run = newRun(100, 10, 2); // 5 requests of 20
    RunJournal journal(m_dir.filePath("outcomes"));
    QString error;
    QVERIFY(journal.create(run, &error));

    // 1 accepted.
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    QVERIFY(journal.writeOutcome(accepted(1, "req-1"), &error));
    // 2: 400, one subject rejected, the rest split in two children: 6 accepted, 7 in flight.
    const QVector<int> two = run.request(2)->subjects;
    QVERIFY(journal.writeRequest(*run.request(2), &error));
    const int six = run.addRequest(2, two.mid(1, 10));
    const int seven = run.addRequest(2, two.mid(11));
    QCOMPARE(six, 6);
    QCOMPARE(seven, 7);
    QVERIFY(journal.writeRequest(*run.request(six), &error));
    QVERIFY(journal.writeRequest(*run.request(seven), &error));
    RequestOutcome processed;
    processed.id = 2;
    processed.status = RequestOutcome::Status::Processed;
    processed.httpStatus = 400;
    processed.oktaRequestId = "req-2";
    processed.rejected.append({two[0], "ip: not a single address"});
    processed.children = {six, seven};
    QVERIFY(journal.writeOutcome(processed, &error));
    QVERIFY(journal.writeOutcome(accepted(six, "req-6"), &error));
    // 3 was being sent when the app died.
    QVERIFY(journal.writeRequest(*run.request(3), &error));

    const auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->queue, (QVector<int>{seven, 3, 4, 5}));
    QCOMPARE(loaded->unconfirmed, (QVector<int>{seven, 3}));
    QCOMPARE(loaded->count(SubjectOutcome::Status::Accepted), 30);
    QCOMPARE(loaded->count(SubjectOutcome::Status::Rejected), 1);
    QCOMPARE(loaded->count(SubjectOutcome::Status::Pending), 69);
    const SubjectOutcome& rejected = loaded->outcomes[two[0]];
    QCOMPARE(rejected.status, SubjectOutcome::Status::Rejected);
    QCOMPARE(rejected.reason, QStringLiteral("ip: not a single address"));
    QCOMPARE(rejected.requestId, QStringLiteral("req-2"));
    const SubjectOutcome& first = loaded->outcomes[run.request(1)->subjects[0]];
    QCOMPARE(first.requestId, QStringLiteral("req-1"));
    QCOMPARE(first.time, QDateTime(QDate(2026, 2, 18), QTime(6, 36, 0, 42), Qt::UTC));
    QCOMPARE(loaded->outcomes[two[1]].requestId, QStringLiteral("req-6"));
    QCOMPARE(loaded->request(seven)->parentId, 2);
    QCOMPARE(loaded->nextRequestId(), 8);
}

void TestRunJournal::pendingOutcomeIsQueuedWithItsReason() {
    SendRun run = newRun(30, 10, 1);
    RunJournal journal(m_dir.filePath("pending"));
    QString error;
    QVERIFY(journal.create(run, &error));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    RequestOutcome pending;
    pending.id = 1;
    pending.status = RequestOutcome::Status::Pending;
    pending.httpStatus = 403;
    pending.detail = "Okta refused (scope okta.riskEvents.manage)";
    QVERIFY(journal.writeOutcome(pending, &error));
    const auto loaded = journal.load(&error);
    QVERIFY(loaded);
    QCOMPARE(loaded->queue, (QVector<int>{1, 2, 3}));
    QVERIFY(loaded->unconfirmed.isEmpty()); // answered: not a possible duplicate
    const SubjectOutcome& o = loaded->outcomes[run.request(1)->subjects[0]];
    QCOMPARE(o.status, SubjectOutcome::Status::Pending);
    QCOMPARE(o.reason, pending.detail);
}

void TestRunJournal::resendingRemovesAStalePendingOutcome() {
    SendRun run = newRun(30, 10, 1);
    RunJournal journal(m_dir.filePath("resend"));
    QString error;
    QVERIFY(journal.create(run, &error));
    RequestOutcome pending;
    pending.id = 1;
    pending.status = RequestOutcome::Status::Pending;
    QVERIFY(journal.writeOutcome(pending, &error));
    // A later session sends it again and dies before the answer.
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    const auto loaded = journal.load(&error);
    QVERIFY(loaded);
    QCOMPARE(loaded->unconfirmed, (QVector<int>{1}));
}

void TestRunJournal::orphanSplitsAreIgnoredButKeepTheirIds() {
    SendRun run = newRun(40, 10, 1); // 4 requests
    RunJournal journal(m_dir.filePath("orphans"));
    QString error;
    QVERIFY(journal.create(run, &error));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    // Children written, then the app died before the parent's outcome.
    const int child = run.addRequest(1, run.request(1)->subjects.mid(0, 5));
    QVERIFY(journal.writeRequest(*run.request(child), &error));
    const auto loaded = journal.load(&error);
    QVERIFY(loaded);
    QCOMPARE(loaded->queue, (QVector<int>{1, 2, 3, 4}));
    QCOMPARE(loaded->unconfirmed, (QVector<int>{1}));
    QCOMPARE(loaded->nextRequestId(), child + 1);
}

void TestRunJournal::damagedJournalIsReported_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("run.json") << "run.json" << QByteArray("{\"format\":");
    QTest::newRow("future format") << "run.json" << QByteArray("{\"format\":99}");
    QTest::newRow("plan names a ghost") << "plan.json" << QByteArray("{\"requests\":[[0,1,99999]]}");
    QTest::newRow("subject") << "subjects.jsonl"
                             << QByteArray("{\"ip\":\"1.2.3.4\",\"riskLevel\":\"EXTREME\"}\n");
    QTest::newRow("subjects cut short") << "subjects.jsonl" << QByteArray("{\"ip\":\"1.2.3.4\",\"riskLe");
}

void TestRunJournal::damagedJournalIsReported() {
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    const QString dir =
        m_dir.filePath(QStringLiteral("damaged-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    RunJournal journal(dir);
    QString error;
    QVERIFY(journal.create(newRun(30, 10, 1), &error));
    QFile f(dir + QLatin1Char('/') + file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    error.clear();
    QVERIFY(!journal.load(&error));
    QVERIFY(!error.isEmpty());
}

// Request and outcome files cannot be half-written (QSaveFile), but a disk fault or an edit may
// damage one: the run still loads, names the file, and sends its request again.
void TestRunJournal::damagedRequestFilesAreNamedAndSentAgain() {
    SendRun run = newRun(30, 10, 1); // 3 requests of 10
    const QString dir = m_dir.filePath("damaged-requests");
    RunJournal journal(dir);
    QString error;
    QVERIFY(journal.create(run, &error));
    auto put = [&](const QString& name, const QByteArray& content) {
        QFile f(dir + QStringLiteral("/requests/") + name);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    };
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    put("000001.outcome.json", "{\"id\":1,\"status\":\"acc"); // cut short
    QVERIFY(journal.writeRequest(*run.request(2), &error));
    QVERIFY(journal.writeOutcome(accepted(2, "req-2"), &error));
    put("000002.outcome.json.AbCdEf", "{\"id\":2,\"st"); // a temporary file a crash left behind
    put("000003.json", "{\"id\":4}");
    put("000005.outcome.json", ""); // an id of a split that is gone: stays taken
    put("000006.outcome.json", "{\"id\":6,\"status\":\"maybe\"}");
    put("999999999.json", "{\"id\":999999999}");

    auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->damaged.size(), 5);
    QVERIFY2(loaded->damaged[0].startsWith("000001.outcome.json: "), qPrintable(loaded->damaged[0]));
    QVERIFY2(loaded->damaged[1].startsWith("000003.json: ") && loaded->damaged[1].contains("request 3"),
             qPrintable(loaded->damaged[1]));
    QVERIFY(loaded->damaged[2].startsWith("000005.outcome.json: "));
    QVERIFY2(loaded->damaged[3].contains("unknown status"), qPrintable(loaded->damaged[3]));
    QVERIFY(loaded->damaged[4].startsWith("999999999.json: "));
    QCOMPARE(loaded->queue, (QVector<int>{1, 3}));
    QCOMPARE(loaded->unconfirmed, (QVector<int>{1, 3}));
    QCOMPARE(loaded->count(SubjectOutcome::Status::Accepted), 10);
    QCOMPARE(loaded->count(SubjectOutcome::Status::Pending), 20);
    QCOMPARE(loaded->nextRequestId(), 7);

    // Sending request 1 again replaces its damaged outcome.
    QVERIFY(journal.writeRequest(*loaded->request(1), &error));
    QVERIFY(journal.writeOutcome(accepted(1, "req-1b"), &error));
    loaded = journal.load(&error);
    QVERIFY(loaded);
    QCOMPARE(loaded->damaged.size(), 4);
    QCOMPARE(loaded->queue, (QVector<int>{3}));
    QCOMPARE(loaded->count(SubjectOutcome::Status::Accepted), 20);
}

void TestRunJournal::profileDirectoryIsSafe() {
    const QString base = m_dir.filePath("base");
    for (const QString& profile : {QStringLiteral("../../etc"), QStringLiteral(".."), QStringLiteral("."),
                                   QStringLiteral("a/b\\c"), QString(), QStringLiteral("acme prod ~ é")}) {
        const QString dir = RunJournal::profileDirectory(base, profile);
        QVERIFY2(dir.startsWith(base + QLatin1Char('/')), qPrintable(dir));
        const QString name = dir.mid(base.size() + 1);
        QVERIFY2(!name.contains('/') && !name.contains('\\') && name != "." && name != ".." &&
                     !name.isEmpty(),
                 qPrintable(name));
    }
    QCOMPARE(RunJournal::profileDirectory(base, "acme-prod_1"), base + "/acme-prod_1");
    QVERIFY(RunJournal::profileDirectory(base, "a") !=
            RunJournal::profileDirectory(base, "A.")); // no collisions by accident
}

void TestRunJournal::runDirectoriesNewestFirst() {
    const QString base = m_dir.filePath("history");
    QString error;
    const QStringList ids{"20260101-000000-000-0001", "20260301-000000-000-0001", "20260201-000000-000-0001"};
    for (const QString& id : ids)
        QVERIFY(RunJournal(RunJournal::runDirectory(base, "p", id)).create(newRun(5), &error));
    QDir().mkpath(RunJournal::runDirectory(base, "p", "20270101-incomplete"));
    const QStringList dirs = RunJournal::runDirectories(base, "p");
    QCOMPARE(dirs.size(), 3);
    QVERIFY(dirs[0].endsWith(ids[1]));
    QVERIFY(dirs[1].endsWith(ids[2]));
    QVERIFY(dirs[2].endsWith(ids[0]));
    const QString id = RunJournal::newRunId(QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8, 9), Qt::UTC));
    QVERIFY2(id.startsWith("20260218-063508-009-") && id.size() == 24, qPrintable(id));
    QVERIFY(RunJournal::defaultBaseDirectory().endsWith("/runs"));
}

void TestRunJournal::abandonedRunsAreRemovedAfterAnHour() {
    const QString base = m_dir.filePath("abandoned");
    const QDateTime now(QDate(2026, 2, 18), QTime(12, 0), Qt::UTC);
    QCOMPARE(RunJournal::runIdTime("20260218-063508-009-3f9a"),
             QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8, 9), Qt::UTC));
    const QStringList notIds{"notes", "20260218-063508-009", "20260218-063508-009-3f9a-x",
                             "20261318-063508-009-3f9a"};
    for (const QString& name : notIds)
        QVERIFY2(!RunJournal::runIdTime(name).isValid(), qPrintable(name));

    QString error;
    const auto folder = [&](const QString& profile, const QString& id) {
        return RunJournal::runDirectory(base, profile, id);
    };
    // Complete (run.json): kept at any age.
    const QString complete = folder("p", RunJournal::newRunId(now.addDays(-30)));
    QVERIFY(RunJournal(complete).create(newRun(5), &error));
    // Killed while being written: subjects on disk, no run.json.
    const auto incomplete = [&](const QString& path) {
        QVERIFY(QDir().mkpath(path + "/requests"));
        QFile file(path + "/subjects.jsonl");
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("{\"ip\":\"192.0.2.1\",\"riskLevel\":\"LOW\",\"message\":\"\",\"line\":1}\n") > 0);
    };
    const QString old = folder("p", RunJournal::newRunId(now.addSecs(-RunJournal::AbandonedAfterSeconds)));
    const QString older = folder("p", RunJournal::newRunId(now.addDays(-2)));
    const QString young =
        folder("p", RunJournal::newRunId(now.addSecs(-RunJournal::AbandonedAfterSeconds + 1)));
    const QString future = folder("p", RunJournal::newRunId(now.addSecs(600))); // a clock set back
    const QString notARun = folder("p", "20200101-keep-me");
    const QString otherProfile = folder("q", RunJournal::newRunId(now.addDays(-2)));
    for (const QString& path : {old, older, young, future, notARun, otherProfile})
        incomplete(path);

    QStringList removed = RunJournal::removeAbandoned(base, "p", now);
    removed.sort();
    QStringList expected{old, older};
    expected.sort();
    QCOMPARE(removed, expected);
    for (const QString& path : {old, older})
        QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
    for (const QString& path : {complete + "/run.json", young + "/subjects.jsonl", future + "/subjects.jsonl",
                                notARun + "/subjects.jsonl", otherProfile + "/subjects.jsonl"})
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    QCOMPARE(RunJournal::runDirectories(base, "p"), QStringList{complete});
    // Nothing left to remove; a profile without runs is fine.
    QVERIFY(RunJournal::removeAbandoned(base, "p", now).isEmpty());
    QVERIFY(RunJournal::removeAbandoned(base, "nobody", now).isEmpty());
}

void TestRunJournal::stateIsRecorded() {
    RunJournal journal(m_dir.filePath("state"));
    QString error;
    QVERIFY(journal.create(newRun(5), &error));
    QCOMPARE(journal.readState(), (QPair<QString, QString>()));
    QVERIFY(
        journal.writeState("stopped", "Forbidden: scope missing", QDateTime::currentDateTimeUtc(), &error));
    QCOMPARE(journal.readState(), (QPair<QString, QString>("stopped", "Forbidden: scope missing")));
}

void TestRunJournal::recoveryAfterAnAbruptStop() {
    ManualClock clock;
    FakeNetworkAccessManager nam;
    OktaClient client(&nam);
    client.setBaseUrl(QStringLiteral("https://acme.okta.com"));
    client.setAuthProvider(std::make_shared<SswsAuthProvider>(QStringLiteral("token")));
    nam.setHandler([&clock](const FakeNetworkAccessManager::Request&) {
        return FakeNetworkAccessManager::okta(202, clock.nowMs() / 1000);
    });
    // The second request reaches "Okta" and is processed, but the answer never comes back.
    FakeNetworkAccessManager::Answer lost;
    lost.hang = true;
    nam.enqueue(FakeNetworkAccessManager::okta(202, clock.nowMs() / 1000));
    nam.enqueue(lost);

    const QString dir = m_dir.filePath("crash");
    const SendRun run = newRun(3500); // 4 requests
    {
        RunJournal journal(dir);
        QString error;
        QVERIFY(journal.create(run, &error));
        auto scheduler = std::make_unique<SendScheduler>(&client, &clock);
        QVERIFY(scheduler->setRun(run, &journal));
        scheduler->start();
        QTRY_COMPARE(nam.requestCount(), 2);
        QVERIFY(scheduler->isRequestInFlight());
        QCOMPARE(scheduler->acceptedCount(), 1000);
        scheduler.reset(); // the app dies: no outcome for request 2, no signal
    }

    RunJournal journal(dir);
    QString error;
    auto resumed = journal.load(&error);
    QVERIFY2(resumed, qPrintable(error));
    QCOMPARE(resumed->count(SubjectOutcome::Status::Accepted), 1000);
    QCOMPARE(resumed->queue, (QVector<int>{2, 3, 4}));
    QCOMPARE(resumed->unconfirmed, (QVector<int>{2}));

    SendScheduler scheduler(&client, &clock);
    QVERIFY(scheduler.setRun(*resumed, &journal));
    QCOMPARE(scheduler.acceptedCount(), 1000);
    QSignalSpy stopped(&scheduler, &SendScheduler::stopped);
    scheduler.start();
    QTRY_COMPARE(stopped.size(), 1);
    QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
    QCOMPARE(scheduler.acceptedCount(), 3500);
    // Request 2 went twice (at-least-once); nothing else did.
    QCOMPARE(nam.requestCount(), 5);
    QCOMPARE(nam.requests()[1].body, nam.requests()[2].body);
    const auto final = journal.load(&error);
    QVERIFY(final);
    QCOMPARE(final->count(SubjectOutcome::Status::Accepted), 3500);
    QVERIFY(final->queue.isEmpty());
}

QTEST_GUILESS_MAIN(TestRunJournal)
#include "TestRunJournal.moc"
