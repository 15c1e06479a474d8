// The GUI's send run controller against the in-process sandbox org (loopback, real time with a
// two-second rate-limit window): start, refuse a second run, cancel, find the interrupted run,
// resume it to the end; plus the cheap journal reading behind the resume prompt and the
// dry-run preview.
#include "SandboxOrg.h"

#include "api/OktaClient.h"
#include "common/SystemClock.h"
#include "riskevents/RiskSendSession.h"
#include "riskevents/RunJournal.h"
#include "riskevents/SendRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace {

constexpr int WindowSeconds = 2;

QVector<RiskSubject> subjectsOf(int n) {
    QVector<RiskSubject> subjects;
    const RiskLevel cycle[] = {RiskLevel::Low, RiskLevel::High, RiskLevel::Medium};
    for (int i = 0; i < n; ++i) {
        RiskSubject s;
        s.ip = QStringLiteral("198.%1.%2.%3").arg(18 + i / 65536).arg((i / 256) % 256).arg(i % 256);
        s.level = cycle[i % 3];
        s.message = i % 2 ? QStringLiteral("feed row %1").arg(i) : QString();
        s.sourceLine = i + 2;
        subjects.append(s);
    }
    return subjects;
}

SendScheduler::Options fastOptions() {
    SendScheduler::Options options;
    options.backoffBaseMs = 50;
    options.backoffMaxMs = 400;
    options.maxAttempts = 6;
    options.budget.defaultWindowMs = WindowSeconds * 1000;
    return options;
}

BatchPlanner::Options planOptions() {
    BatchPlanner::Options options;
    options.timeToLiveSeconds = 3600;
    return options;
}

// How often the org has each ip.
QHash<QString, int> acceptedByIp(const SandboxServer& server) {
    QHash<QString, int> seen;
    const QJsonArray record = server.acceptedRiskSubjects();
    for (const QJsonValue& value : record)
        ++seen[value.toObject().value(QStringLiteral("ip")).toString()];
    return seen;
}

RequestOutcome outcome(int id, RequestOutcome::Status status) {
    RequestOutcome o;
    o.id = id;
    o.status = status;
    o.httpStatus = status == RequestOutcome::Status::Accepted ? 202 : 400;
    o.oktaRequestId = QStringLiteral("req-%1").arg(id);
    o.answeredAt = QDateTime::currentDateTimeUtc();
    return o;
}

} // namespace

class TestRiskSendSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<SendScheduler::StopReason>();
        // describeRun() formats numbers and dates for the user.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void startSendsEverythingAndJournalsIt() {
        SandboxOrg org;
        QVERIFY(org.start(SandboxOrg::rateWindow(30, WindowSeconds)));
        const QString base = m_dir.filePath(QStringLiteral("start"));
        RiskSendSession session(&org.client, SystemClock::instance(), base, QStringLiteral("sandbox"));
        session.setSchedulerOptions(fastOptions());
        QVERIFY(!session.isActive());
        QCOMPARE(session.scheduler(), nullptr);

        QString error;
        QVERIFY(!session.start({}, planOptions(), &error));
        QVERIFY2(error.contains(QStringLiteral("no valid subject")), qPrintable(error));

        // Folders of runs killed while being written: the one from two hours ago goes when a run
        // starts, the one a minute old may still be being written by another process.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString abandoned = RunJournal::runDirectory(base, QStringLiteral("sandbox"),
                                                           RunJournal::newRunId(now.addSecs(-7200)));
        const QString young =
            RunJournal::runDirectory(base, QStringLiteral("sandbox"), RunJournal::newRunId(now.addSecs(-60)));
        for (const QString& directory : {abandoned, young}) {
            QVERIFY(QDir().mkpath(directory + QStringLiteral("/requests")));
            QFile file(directory + QStringLiteral("/subjects.jsonl"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"ip\":\"198.51.100.1\",\"riskLevel\":\"HIGH\",\"message\":\"\",\"line\":2}\n");
        }

        QSignalSpy started(&session, &RiskSendSession::runStarted);
        QSignalSpy stopped(&session, &RiskSendSession::stopped);
        QVERIFY2(session.start(subjectsOf(2500), planOptions(), &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(abandoned));
        QVERIFY(QFileInfo::exists(young + QStringLiteral("/subjects.jsonl")));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started[0][0].value<SendScheduler*>(), session.scheduler());
        QVERIFY(session.runDirectory().startsWith(base + QStringLiteral("/sandbox/")));
        QVERIFY(QFile::exists(session.runDirectory() + QStringLiteral("/run.json")));
        QVERIFY(session.isActive());
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
        QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
        QVERIFY(!session.isActive());
        QCOMPARE(session.scheduler()->acceptedCount(), 2500);
        QCOMPARE(org.server->acceptedRiskSubjects().size(), 2500);

        // The journal tells the same, and a completed run is nothing to resume.
        RunJournal journal(session.runDirectory());
        const auto loaded = journal.load(&error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->count(SubjectOutcome::Status::Accepted), 2500);
        QVERIFY(session.interruptedRuns().isEmpty());
        QVERIFY(!session.resume(session.runDirectory(), &error));
        QVERIFY2(error.contains(QStringLiteral("nothing pending")), qPrintable(error));
        QCOMPARE(RiskSendSession::describeRun(session.runDirectory()).section(QLatin1Char(':'), -1),
                 QStringLiteral(" 2,500 subjects, 2,500 accepted, 0 pending"));

        // The next run gets a new scheduler; the old one goes once control returns.
        QPointer<SendScheduler> first = session.scheduler();
        QVERIFY(session.start(subjectsOf(10), planOptions(), &error));
        QVERIFY(session.scheduler() != first);
        QCOMPARE(started.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 2, 10000);
        QCOMPARE(RunJournal::runDirectories(base, QStringLiteral("sandbox")).size(), 2);
    }

    void refusesASecondRunWhileOneIsActive() {
        SandboxOrg org;
        QVERIFY(org.start(SandboxOrg::rateWindow(1, WindowSeconds))); // one request per window: the run lasts
        RiskSendSession session(&org.client, SystemClock::instance(), m_dir.filePath(QStringLiteral("busy")),
                                QStringLiteral("sandbox"));
        session.setSchedulerOptions(fastOptions());
        QString error;
        QVERIFY(session.start(subjectsOf(3000), planOptions(), &error));
        SendScheduler* scheduler = session.scheduler();
        QVERIFY(session.isActive());
        QVERIFY(!session.start(subjectsOf(5), planOptions(), &error));
        QVERIFY2(error.contains(QStringLiteral("still being sent")), qPrintable(error));
        QVERIFY(!session.resume(session.runDirectory(), &error));
        QCOMPARE(session.scheduler(), scheduler);
        // Paused still counts as active.
        scheduler->pause();
        QVERIFY(session.isActive());
        QVERIFY(!session.start(subjectsOf(5), planOptions(), &error));
        QSignalSpy stopped(&session, &RiskSendSession::stopped);
        scheduler->cancel();
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Cancelled);
        QVERIFY(!session.isActive());
    }

    void cancelledRunIsOfferedAndResumedToTheEnd() {
        SandboxOrg org;
        // Two requests, then a wait until the window rolls. The window is long enough that the
        // wait is still there after two requests of 1,000 subjects in a slow (sanitized) build.
        QVERIFY(org.start(SandboxOrg::rateWindow(2, 6)));
        const QString base = m_dir.filePath(QStringLiteral("resume"));
        const QVector<RiskSubject> subjects = subjectsOf(3500); // 4 requests
        QString runDirectory;
        qsizetype accepted = 0;
        {
            RiskSendSession session(&org.client, SystemClock::instance(), base, QStringLiteral("sandbox"));
            session.setSchedulerOptions(fastOptions());
            QString error;
            QVERIFY(session.start(subjects, planOptions(), &error));
            runDirectory = session.runDirectory();
            SendScheduler* scheduler = session.scheduler();
            // Cancel while the budget holds a request back (nothing in flight, so nothing can
            // reach the org twice). Normally after the second request; a slow machine may
            // see the window roll first, so the count is read, not assumed.
            QTRY_VERIFY_WITH_TIMEOUT(scheduler->acceptedCount() >= 1000 && !scheduler->isRequestInFlight() &&
                                         scheduler->requestsLeft() > 0,
                                     10000);
            scheduler->cancel();
            QCOMPARE(scheduler->stopReason(), SendScheduler::StopReason::Cancelled);
            QCOMPARE(session.interruptedRuns(), QStringList{runDirectory});
            accepted = scheduler->acceptedCount();
        }
        QCOMPARE(org.server->acceptedRiskSubjects().size(), accepted);

        // A new session (the app started again) finds it and describes it.
        RiskSendSession session(&org.client, SystemClock::instance(), base, QStringLiteral("sandbox"));
        session.setSchedulerOptions(fastOptions());
        QCOMPARE(session.interruptedRuns(), QStringList{runDirectory});
        const QString description = RiskSendSession::describeRun(runDirectory);
        QVERIFY2(description.startsWith(QStringLiteral("Run of ")), qPrintable(description));
        const QLocale locale;
        QVERIFY2(description.endsWith(QStringLiteral(": 3,500 subjects, %1 accepted, %2 pending")
                                          .arg(locale.toString(accepted), locale.toString(3500 - accepted))),
                 qPrintable(description));

        QSignalSpy started(&session, &RiskSendSession::runStarted);
        QSignalSpy stopped(&session, &RiskSendSession::stopped);
        QString error;
        QVERIFY2(session.resume(runDirectory, &error), qPrintable(error));
        QCOMPARE(started.size(), 1);
        QCOMPARE(session.runDirectory(), runDirectory);
        QVERIFY(session.interruptedRuns().isEmpty()); // the active run is not offered
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
        QCOMPARE(stopped[0][0].value<SendScheduler::StopReason>(), SendScheduler::StopReason::Completed);
        QCOMPARE(session.scheduler()->acceptedCount(), 3500);

        // Every subject reached the org exactly once.
        const QHash<QString, int> seen = acceptedByIp(*org.server);
        QCOMPARE(seen.size(), 3500);
        for (const RiskSubject& s : subjects)
            QCOMPARE(seen.value(s.ip), 1);
        QVERIFY(session.interruptedRuns().isEmpty());
    }

    void countsFromOutcomeFilesOnly() {
        // A run whose journal says: request 1 accepted, request 2 processed with one rejection
        // and the rest split into request 4 (not answered), request 3 never sent.
        const QString base = m_dir.filePath(QStringLiteral("counts"));
        const QString profile = QStringLiteral("acme.okta.com");
        const QDateTime created(QDate(2026, 11, 21), QTime(3, 12), QTimeZone::utc());
        SendRun run =
            SendRun::plan(subjectsOf(2500), planOptions(), profile, RunJournal::newRunId(created), created);
        RunJournal journal(RunJournal::runDirectory(base, profile, run.runId));
        QString error;
        QVERIFY2(journal.create(run, &error), qPrintable(error));
        QVERIFY(journal.writeOutcome(outcome(1, RequestOutcome::Status::Accepted), &error));
        const QVector<int> second = run.request(2)->subjects;
        const int child = run.addRequest(2, second.mid(1));
        QCOMPARE(child, 4);
        QVERIFY(journal.writeRequest(*run.request(child), &error));
        RequestOutcome processed = outcome(2, RequestOutcome::Status::Processed);
        processed.rejected.append({second.first(), QStringLiteral("ip: not routable")});
        processed.children = {child};
        QVERIFY(journal.writeOutcome(processed, &error));
        journal.writeState(QStringLiteral("running"), {}, created, &error); // then the app crashed

        RiskSendSession session(nullptr, SystemClock::instance(), base, profile);
        QCOMPARE(session.interruptedRuns(), QStringList{journal.directory()});
        const QString description = RiskSendSession::describeRun(journal.directory());
        QVERIFY2(description.endsWith(
                     QStringLiteral(": 2,500 subjects, 1,000 accepted, 1 rejected, 1,499 pending")),
                 qPrintable(description));
        QVERIFY2(description.contains(QStringLiteral("2026")), qPrintable(description));
        // The journal's own reading agrees.
        const auto loaded = journal.load(&error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->count(SubjectOutcome::Status::Pending), 1499);

        // Once the rest is accepted nothing is pending, whatever state.json says.
        QVERIFY(journal.writeOutcome(outcome(4, RequestOutcome::Status::Accepted), &error));
        QVERIFY(journal.writeOutcome(outcome(3, RequestOutcome::Status::Accepted), &error));
        QVERIFY(session.interruptedRuns().isEmpty());
        QVERIFY2(RiskSendSession::describeRun(journal.directory())
                     .endsWith(QStringLiteral("2,499 accepted, 1 rejected, 0 pending")),
                 qPrintable(RiskSendSession::describeRun(journal.directory())));

        // A run stopped as completed is never offered, and other profiles are not looked at.
        QVERIFY(RiskSendSession(nullptr, SystemClock::instance(), base, QStringLiteral("other"))
                    .interruptedRuns()
                    .isEmpty());
        QVERIFY(
            RiskSendSession::describeRun(m_dir.filePath(QStringLiteral("nowhere"))).contains("unreadable"));
    }

    void previewBodiesAreTheExactRequests() {
        const QVector<RiskSubject> subjects = subjectsOf(2500);
        BatchPlanner::Options options = planOptions();
        options.timestamp = QDateTime(QDate(2026, 11, 21), QTime(3, 12), QTimeZone::utc());
        const QVector<PlannedRequest> planned = BatchPlanner(options).plan(subjects, true);
        QCOMPARE(planned.size(), 3);

        int total = 0;
        QVector<QByteArray> bodies = RiskSendSession::previewBodies(subjects, options, 2, &total);
        QCOMPARE(total, 3);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies[0], planned[0].body);
        QCOMPARE(bodies[1], planned[1].body);

        bodies = RiskSendSession::previewBodies(subjects, options, 10, &total);
        QCOMPARE(total, 3);
        QCOMPARE(bodies.size(), 3);
        const int expected[] = {1000, 1000, 500};
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(bodies[r], planned[r].body);
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(bodies[r], &parseError);
            QVERIFY2(document.isArray(), qPrintable(parseError.errorString()));
            int count = 0;
            for (const QJsonValue& event : document.array()) {
                QCOMPARE(event.toObject().value("timestamp").toString(),
                         QStringLiteral("2026-11-21T03:12:00.000Z"));
                QVERIFY(event.toObject().contains("expiresAt"));
                count += static_cast<int>(event.toObject().value("subjects").toArray().size());
            }
            QCOMPARE(count, expected[r]);
        }
        // HIGH first: the first subject of the first request is a HIGH one.
        const QJsonObject first = QJsonDocument::fromJson(bodies[0])
                                      .array()
                                      .first()
                                      .toObject()
                                      .value("subjects")
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(first.value("riskLevel").toString(), QStringLiteral("HIGH"));

        QVERIFY(RiskSendSession::previewBodies({}, options, 5, &total).isEmpty());
        QCOMPARE(total, 0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRiskSendSession)
#include "TestRiskSendSession.moc"
