// RunSummary: a run journal's counts, answers and last state read from its small files only
// (never subjects.jsonl), agreeing with RunJournal::load(); damage is named, never hidden.
#include "riskevents/RunJournal.h"
#include "riskevents/RunSummary.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QDateTime at(int hour, int minute = 0) {
    return QDateTime(QDate(2026, 2, 18), QTime(hour, minute), Qt::UTC);
}

// n subjects in requests of 20 (10 per event, 2 events per request).
SendRun newRun(const QString& runId, int n) {
    BatchPlanner::Options options;
    options.timestamp = at(6);
    options.subjectsPerEvent = 10;
    options.eventsPerRequest = 2;
    options.timeToLiveSeconds = 3600;
    // The planner needs no addresses: default subjects, all of one level.
    return SendRun::plan(QVector<RiskSubject>(n), options, QStringLiteral("acme"), runId, at(6));
}

RequestOutcome answer(int id, RequestOutcome::Status status, const QString& requestId) {
    RequestOutcome o;
    o.id = id;
    o.status = status;
    o.httpStatus = status == RequestOutcome::Status::Accepted ? 202 : 400;
    o.oktaRequestId = requestId;
    o.answeredAt = at(7);
    return o;
}

bool writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

// Writes `run` to `journal` with request 1 sent and, when `accepted`, answered "accepted".
bool startRun(RunJournal& journal, const SendRun& run, bool accepted) {
    QString error;
    return journal.create(run, &error) && journal.writeRequest(*run.request(1), &error) &&
           (!accepted || journal.writeOutcome(
                             answer(1, RequestOutcome::Status::Accepted, QStringLiteral("req-1")), &error));
}

// Answers `parent` "processed": its first subject rejected, the rest split into a new request
// (written, not answered). The new request's id, 0 when a file cannot be written.
int splitOff(RunJournal& journal, SendRun& run, int parent) {
    const QVector<int> subjects = run.request(parent)->subjects;
    const int child = run.addRequest(parent, subjects.mid(1));
    RequestOutcome processed =
        answer(parent, RequestOutcome::Status::Processed, QStringLiteral("req-%1").arg(parent));
    processed.rejected.append({subjects.first(), QStringLiteral("ip: not a public address")});
    processed.children = {child};
    processed.detail = QStringLiteral("1 subject rejected");
    QString error;
    const bool written = journal.writeRequest(*run.request(parent), &error) &&
                         journal.writeRequest(*run.request(child), &error) &&
                         journal.writeOutcome(processed, &error);
    return written ? child : 0;
}

} // namespace

class TestRunSummary : public QObject {
    Q_OBJECT
private slots:
    void init();
    void completedRunWithNestedSplits();
    void cancelledRunKeepsItsPending();
    void interruptedRunHasAnUnconfirmedRequest();
    void damagedOutcomeFileIsNamed();
    void missingRunJsonIsUnreadable();
    void plannedSizesFromTheRequestFileWhenThePackingDoesNotFit();
    void millionSubjectRunReadsQuickly();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString directory(const QString& runId) const {
        return RunJournal::runDirectory(m_dir->path(), QStringLiteral("acme"), runId);
    }
};

void TestRunSummary::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRunSummary::completedRunWithNestedSplits() {
    const QString runId = QStringLiteral("20260218-060000-000-aaaa");
    SendRun run = newRun(runId, 100); // requests 1..5 of 20
    RunJournal journal(directory(runId));
    QString error;
    QVERIFY(startRun(journal, run, true));
    // 2: one subject rejected, the rest split into 6; 6 likewise into 7, which is accepted.
    const int six = splitOff(journal, run, 2);
    QCOMPARE(six, 6);
    QCOMPARE(splitOff(journal, run, six), 7);
    QVERIFY(journal.writeRequest(*run.request(7), &error));
    QVERIFY(
        journal.writeOutcome(answer(7, RequestOutcome::Status::Accepted, QStringLiteral("req-7")), &error));
    for (int id = 3; id <= 5; ++id) {
        QVERIFY(journal.writeRequest(*run.request(id), &error));
        QVERIFY(journal.writeOutcome(
            answer(id, RequestOutcome::Status::Accepted, QStringLiteral("req-%1").arg(id)), &error));
    }
    QVERIFY(journal.writeState(QStringLiteral("stopped"),
                               QStringLiteral("Completed: Done: 98 subjects accepted"), at(7), &error));
    // Never read: damage there changes nothing.
    QVERIFY(writeText(journal.directory() + QStringLiteral("/subjects.jsonl"), "not json at all"));

    const RunSummary summary = RunSummary::read(journal.directory());
    QVERIFY2(summary.readable, qPrintable(summary.error));
    QCOMPARE(summary.error, QString());
    QCOMPARE(summary.directory, journal.directory());
    QCOMPARE(summary.runId, runId);
    QCOMPARE(summary.profileId, QStringLiteral("acme"));
    QCOMPARE(summary.createdAt, at(6));
    QCOMPARE(summary.timestamp, at(6));
    QCOMPARE(summary.timeToLiveSeconds, std::optional<qint64>(3600));
    QCOMPARE(summary.subjects, 100);
    QCOMPARE(summary.accepted, 98);
    QCOMPARE(summary.rejected, 2);
    QCOMPARE(summary.pending, 0);
    QCOMPARE(summary.plannedRequests, 5);
    QCOMPARE(summary.waitingRequests, 0);
    QCOMPARE(summary.unconfirmedRequests, 0);
    QCOMPARE(summary.answers.size(), 7);
    QCOMPARE(summary.answers[1].id, 2);
    QCOMPARE(summary.answers[1].status, QStringLiteral("processed"));
    QCOMPARE(summary.answers[1].httpStatus, 400);
    QCOMPARE(summary.answers[1].detail, QStringLiteral("1 subject rejected"));
    QCOMPARE(summary.answers[1].answeredAt, at(7));
    QCOMPARE(summary.requestIds,
             (QStringList{"req-1", "req-2", "req-3", "req-4", "req-5", "req-6", "req-7"}));
    QCOMPARE(summary.state, QStringLiteral("stopped"));
    QCOMPARE(summary.reason, QStringLiteral("Completed: Done: 98 subjects accepted"));
    QCOMPARE(summary.reasonKey(), QStringLiteral("Completed"));
    QCOMPARE(summary.reasonText(), QStringLiteral("Done: 98 subjects accepted"));
    QVERIFY(summary.stateWrittenAt.isValid());
    QVERIFY(summary.finished);
}

void TestRunSummary::cancelledRunKeepsItsPending() {
    const QString runId = QStringLiteral("20260218-060000-000-bbbb");
    const SendRun run = newRun(runId, 50); // 20, 20, 10
    RunJournal journal(directory(runId));
    QString error;
    QVERIFY(startRun(journal, run, true));
    QVERIFY(journal.writeState(QStringLiteral("stopped"),
                               QStringLiteral("Cancelled: Cancelled. 30 subject(s) stay pending."), at(7),
                               &error));

    const RunSummary summary = RunSummary::read(journal.directory());
    QVERIFY(summary.readable);
    QCOMPARE(summary.accepted, 20);
    QCOMPARE(summary.rejected, 0);
    QCOMPARE(summary.pending, 30);
    QCOMPARE(summary.waitingRequests, 2);
    QCOMPARE(summary.unconfirmedRequests, 0);
    QCOMPARE(summary.reasonKey(), QStringLiteral("Cancelled"));
    QVERIFY(!summary.finished); // stopped, but with subjects left: resumable
    const auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->count(SubjectOutcome::Status::Pending), summary.pending);
}

void TestRunSummary::interruptedRunHasAnUnconfirmedRequest() {
    // No final state: request 2 was written (in flight) when the app died.
    const QString runId = QStringLiteral("20260218-060000-000-cccc");
    const SendRun run = newRun(runId, 60);
    RunJournal journal(directory(runId));
    QString error;
    QVERIFY(startRun(journal, run, true));
    QVERIFY(journal.writeRequest(*run.request(2), &error));

    const RunSummary summary = RunSummary::read(journal.directory());
    QVERIFY(summary.readable);
    QCOMPARE(summary.error, QString());
    QCOMPARE(summary.accepted, 20);
    QCOMPARE(summary.pending, 40);
    QCOMPARE(summary.waitingRequests, 2);
    QCOMPARE(summary.unconfirmedRequests, 1);
    QCOMPARE(summary.state, QString());
    QVERIFY(!summary.stateWrittenAt.isValid());
    QVERIFY(!summary.finished);
    const auto loaded = journal.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->unconfirmed, QVector<int>{2});
}

void TestRunSummary::damagedOutcomeFileIsNamed() {
    const QString runId = QStringLiteral("20260218-050000-000-abab");
    const SendRun run = newRun(runId, 40);
    RunJournal journal(directory(runId));
    QString error;
    QVERIFY(startRun(journal, run, false));
    QVERIFY(writeText(journal.directory() + QStringLiteral("/requests/000001.outcome.json"),
                      "{\"id\":1,\"status\":\"acc"));
    QVERIFY(journal.writeRequest(*run.request(2), &error));
    QVERIFY(writeText(journal.directory() + QStringLiteral("/requests/000002.outcome.json"),
                      "{\"id\":2,\"status\":\"maybe\"}"));

    const RunSummary summary = RunSummary::read(journal.directory());
    QVERIFY(summary.readable); // the counts are still there, with the damage named
    QCOMPARE(summary.subjects, 40);
    QCOMPARE(summary.accepted, 0);
    QCOMPARE(summary.pending, 40);
    QVERIFY(summary.answers.isEmpty());
    const QStringList problems = summary.error.split(QLatin1Char('\n'));
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems[0].contains(QStringLiteral("000001.outcome.json")), qPrintable(summary.error));
    QVERIFY2(problems[0].contains(QStringLiteral("not a JSON object")), qPrintable(summary.error));
    QVERIFY2(problems[1].contains(QStringLiteral("000002.outcome.json has the unknown status \"maybe\"")),
             qPrintable(summary.error));
}

void TestRunSummary::missingRunJsonIsUnreadable() {
    const QString runDirectory = directory(QStringLiteral("20260218-061500-250-ffff"));
    QVERIFY(QDir().mkpath(runDirectory + QStringLiteral("/requests")));
    RunSummary summary = RunSummary::read(runDirectory);
    QVERIFY(!summary.readable);
    QCOMPARE(summary.directory, runDirectory);
    QVERIFY2(summary.error.contains(QStringLiteral("run.json")), qPrintable(summary.error));
    QCOMPARE(summary.subjects, 0);
    QVERIFY(!summary.finished);

    // Present but from another journal format, or without its counts: just as unreadable.
    QVERIFY(writeText(runDirectory + QStringLiteral("/run.json"), "{\"format\": 99}"));
    summary = RunSummary::read(runDirectory);
    QVERIFY(!summary.readable);
    QVERIFY2(summary.error.contains(QStringLiteral("run.json has the unknown journal format 99")),
             qPrintable(summary.error));
    QVERIFY(writeText(runDirectory + QStringLiteral("/run.json"), "{\"format\": 1}"));
    summary = RunSummary::read(runDirectory);
    QVERIFY(!summary.readable);
    QVERIFY2(summary.error.contains(QStringLiteral("run.json has no subject count")),
             qPrintable(summary.error));
}

void TestRunSummary::plannedSizesFromTheRequestFileWhenThePackingDoesNotFit() {
    // A journal whose run.json packing does not explain its plan (another planner): an accepted
    // request counts its request file's subjects, or plan.json's when that file is missing.
    const QString runId = QStringLiteral("20260218-060000-000-dada");
    const SendRun run = newRun(runId, 50); // 20, 20, 10
    RunJournal journal(directory(runId));
    QString error;
    QVERIFY(journal.create(run, &error));
    const QString metaPath = journal.directory() + QStringLiteral("/run.json");
    QFile metaFile(metaPath);
    QVERIFY(metaFile.open(QIODevice::ReadOnly));
    QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
    metaFile.close();
    meta.insert(QStringLiteral("subjectsPerEvent"), 50);
    QVERIFY(writeText(metaPath, QJsonDocument(meta).toJson()));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    QVERIFY(
        journal.writeOutcome(answer(1, RequestOutcome::Status::Accepted, QStringLiteral("req-1")), &error));
    QVERIFY(
        journal.writeOutcome(answer(3, RequestOutcome::Status::Accepted, QStringLiteral("req-3")), &error));

    const RunSummary summary = RunSummary::read(journal.directory());
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.accepted, 30);
    QCOMPARE(summary.pending, 20);
}

void TestRunSummary::millionSubjectRunReadsQuickly() {
    // The shape of a million-subject run (1,000 requests of 1,000, all answered, one split),
    // written by hand: no subjects.jsonl and no plan.json, as neither is read.
    const QString runId = QStringLiteral("20260218-060000-000-eeee");
    const QString runDirectory = directory(runId);
    QVERIFY(QDir().mkpath(runDirectory + QStringLiteral("/requests")));
    const QJsonObject meta{{QStringLiteral("format"), RunJournal::FormatVersion},
                           {QStringLiteral("runId"), runId},
                           {QStringLiteral("profileId"), QStringLiteral("acme")},
                           {QStringLiteral("createdAt"), QStringLiteral("2026-02-18T06:00:00.000Z")},
                           {QStringLiteral("timestamp"), QStringLiteral("2026-02-18T06:00:00.000Z")},
                           {QStringLiteral("subjectsPerEvent"), 50},
                           {QStringLiteral("eventsPerRequest"), 20},
                           {QStringLiteral("subjectCount"), 1000000},
                           {QStringLiteral("plannedRequests"), 1000}};
    QVERIFY(writeText(runDirectory + QStringLiteral("/run.json"), QJsonDocument(meta).toJson()));
    RunJournal journal(runDirectory);
    QString error;
    for (int id = 1; id <= 1000; ++id) {
        PlannedRequest request;
        request.id = id;
        for (int i = 0; i < 1000; ++i)
            request.subjects.append((id - 1) * 1000 + i);
        QVERIFY(journal.writeRequest(request, &error));
        RequestOutcome outcome = answer(id, RequestOutcome::Status::Accepted, QStringLiteral("r%1").arg(id));
        if (id == 500) {
            // Processed: 10 rejected, the other 990 split into request 1001.
            outcome.status = RequestOutcome::Status::Processed;
            for (int i = 0; i < 10; ++i)
                outcome.rejected.append({request.subjects[i], QStringLiteral("ip: not routable")});
            PlannedRequest split;
            split.id = 1001;
            split.parentId = 500;
            split.subjects = request.subjects.mid(10);
            QVERIFY(journal.writeRequest(split, &error));
            QVERIFY(journal.writeOutcome(
                answer(1001, RequestOutcome::Status::Accepted, QStringLiteral("r1001")), &error));
            outcome.children = {1001};
        }
        QVERIFY(journal.writeOutcome(outcome, &error));
    }

    QElapsedTimer timer;
    timer.start();
    const RunSummary summary = RunSummary::read(runDirectory);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.subjects, 1000000);
    QCOMPARE(summary.accepted, 999990);
    QCOMPARE(summary.rejected, 10);
    QCOMPARE(summary.pending, 0);
    QCOMPARE(summary.requestIds.size(), 1001);
    QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
}

QTEST_GUILESS_MAIN(TestRunSummary)
#include "TestRunSummary.moc"
