// HistoryStore: runs read from their journals (counts, outcome, request ids) without reading the
// subjects, ThreatInsight changes appended and read back, damaged records listed (never
// skipped), profiles kept apart, newest first, and the CSV export (RFC 4180, formula-safe).
#include "history/HistoryStore.h"
#include "riskevents/RunJournal.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QVector<RiskSubject> subjects(int n) {
    QVector<RiskSubject> result;
    for (int i = 0; i < n; ++i) {
        RiskSubject s;
        s.ip = QStringLiteral("198.51.%1.%2").arg(i / 200).arg(i % 200);
        s.level = RiskLevel::High;
        s.sourceLine = i + 1;
        result.append(s);
    }
    return result;
}

QDateTime at(int hour, int minute = 0) {
    return QDateTime(QDate(2026, 2, 18), QTime(hour, minute), Qt::UTC);
}

// n subjects in requests of 20 (10 per event, 2 events per request).
SendRun newRun(const QString& profileId, const QString& runId, const QDateTime& created, int n) {
    BatchPlanner::Options options;
    options.timestamp = created;
    options.subjectsPerEvent = 10;
    options.eventsPerRequest = 2;
    return SendRun::plan(subjects(n), options, profileId, runId, created);
}

RequestOutcome accepted(int id, const QString& requestId) {
    RequestOutcome o;
    o.id = id;
    o.status = RequestOutcome::Status::Accepted;
    o.httpStatus = 202;
    o.oktaRequestId = requestId;
    o.answeredAt = at(7);
    return o;
}

const HistoryEntry* findRun(const QList<HistoryEntry>& entries, const QString& runId) {
    for (const HistoryEntry& entry : entries) {
        if (entry.kind == HistoryEntry::Kind::RiskRun &&
            entry.runDirectory.endsWith(QLatin1Char('/') + runId))
            return &entry;
    }
    return nullptr;
}

QString zoneNames(const QString& id) {
    if (id == QLatin1String("nzo1"))
        return QStringLiteral("Office");
    if (id == QLatin1String("nzo2"))
        return QStringLiteral("Corp VPN");
    return {};
}

HistoryStore::ThreatInsightChange change(const QString& profileId, const QString& fromAction,
                                         const QStringList& fromZones, const QString& toAction,
                                         const QStringList& toZones, const QDateTime& when) {
    HistoryStore::ThreatInsightChange c;
    c.profileId = profileId;
    c.profileName = QStringLiteral("Acme production");
    c.before.action = fromAction;
    c.before.excludeZones = fromZones;
    c.after.action = toAction;
    c.after.excludeZones = toZones;
    c.requestId = QStringLiteral("req-ti-%1").arg(when.time().hour());
    c.when = when;
    return c;
}

HistoryStore::ZoneChange zoneChange(const QString& action, const QStringList& entries, int before, int after,
                                    const QDateTime& when) {
    HistoryStore::ZoneChange c;
    c.profileId = QStringLiteral("acme");
    c.profileName = QStringLiteral("Acme production");
    c.action = action;
    c.zoneId = QStringLiteral("nzoBlkd3Rw8NcZ4pU1d6");
    c.zoneName = QStringLiteral("BlockedIpZone");
    (action == QLatin1String("block") || action == QLatin1String("exempt") ? c.added : c.removed) = entries;
    c.gatewaysBefore = before;
    c.gatewaysAfter = after;
    c.requestId = QStringLiteral("req-zone-%1").arg(when.time().hour());
    c.when = when;
    return c;
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT
private slots:
    void init();
    void emptyProfileHasNoEntries();
    void completedRunWithSplitsCountsLikeTheJournal();
    void cancelledRunKeepsItsPendingSubjects();
    void interruptedRunIsNamedSo();
    void liveRunIsRunning();
    void stoppedRunNamesTheReason();
    void damagedRunIsListedNotSkipped();
    void threatInsightChangesRoundTrip();
    void corruptLineBecomesAnUnreadableEntry();
    void profilesAreKeptApart();
    void runsAndChangesNewestFirst();
    void zoneChangesRoundTrip();
    void zoneChangeDamagedLineIsListed();
    void zoneChangesAmongOtherEntries();
    void exportCsvQuotesAndDefusesFormulas();
    void exportCsvReportsWriteErrors();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
    QString journalDir(const QString& profileId, const QString& runId) const {
        return RunJournal::runDirectory(m_store->runsDirectory(), profileId, runId);
    }
};

void TestHistoryStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<HistoryStore>(m_dir->filePath(QStringLiteral("data")));
}

void TestHistoryStore::emptyProfileHasNoEntries() {
    QVERIFY(m_store->entries(QStringLiteral("acme")).isEmpty());
    QCOMPARE(m_store->runsDirectory(), m_dir->filePath(QStringLiteral("data/runs")));
}

void TestHistoryStore::completedRunWithSplitsCountsLikeTheJournal() {
    const QString runId = QStringLiteral("20260218-060000-000-aaaa");
    SendRun run = newRun(QStringLiteral("acme"), runId, at(6), 100); // requests 1..5 of 20
    RunJournal journal(journalDir(QStringLiteral("acme"), runId));
    QString error;
    QVERIFY2(journal.create(run, &error), qPrintable(error));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    QVERIFY(journal.writeOutcome(accepted(1, QStringLiteral("req-1")), &error));
    // 2: 400, two subjects rejected, the other 18 split in two children that are accepted.
    const QVector<int> two = run.request(2)->subjects;
    QVERIFY(journal.writeRequest(*run.request(2), &error));
    const int six = run.addRequest(2, two.mid(2, 9));
    const int seven = run.addRequest(2, two.mid(11));
    QVERIFY(journal.writeRequest(*run.request(six), &error));
    QVERIFY(journal.writeRequest(*run.request(seven), &error));
    RequestOutcome processed;
    processed.id = 2;
    processed.status = RequestOutcome::Status::Processed;
    processed.httpStatus = 400;
    processed.oktaRequestId = QStringLiteral("req-2");
    processed.rejected.append({two[0], QStringLiteral("ip: not a public address")});
    processed.rejected.append({two[1], QStringLiteral("ip: not a public address")});
    processed.children = {six, seven};
    processed.detail = QStringLiteral("2 subjects rejected");
    QVERIFY(journal.writeOutcome(processed, &error));
    QVERIFY(journal.writeOutcome(accepted(six, QStringLiteral("req-6")), &error));
    QVERIFY(journal.writeOutcome(accepted(seven, QStringLiteral("req-7")), &error));
    for (int id = 3; id <= 5; ++id) {
        QVERIFY(journal.writeRequest(*run.request(id), &error));
        QVERIFY(journal.writeOutcome(accepted(id, QStringLiteral("req-%1").arg(id)), &error));
    }
    QVERIFY(journal.writeState(QStringLiteral("stopped"),
                               QStringLiteral("Completed: Done: 98 subjects accepted"), at(7), &error));
    // A request file written by another tool (indented JSON) counts the same.
    QFile sixFile(journal.directory() + QStringLiteral("/requests/000006.json"));
    QVERIFY(sixFile.open(QIODevice::ReadOnly));
    const QByteArray indented = QJsonDocument::fromJson(sixFile.readAll()).toJson(QJsonDocument::Indented);
    sixFile.close();
    QVERIFY(indented.contains("\"parent\": 2"));
    QVERIFY(sixFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    sixFile.write(indented);
    sixFile.close();
    // Damage in subjects.jsonl does not matter: the history never reads it.
    QFile subjectsFile(journal.directory() + QStringLiteral("/subjects.jsonl"));
    QVERIFY(subjectsFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    subjectsFile.write("not json at all");
    subjectsFile.close();

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 1);
    const HistoryEntry& entry = entries.first();
    QCOMPARE(entry.kind, HistoryEntry::Kind::RiskRun);
    QCOMPARE(entry.when, at(6));
    QCOMPARE(entry.profileId, QStringLiteral("acme"));
    QCOMPARE(entry.outcome, QStringLiteral("completed"));
    QCOMPARE(entry.subjects, 100);
    QCOMPARE(entry.accepted, 98);
    QCOMPARE(entry.rejected, 2);
    QCOMPARE(entry.pending, 0);
    QCOMPARE(entry.requestIds, (QStringList{"req-1", "req-2", "req-3", "req-4", "req-5", "req-6", "req-7"}));
    QCOMPARE(entry.runDirectory, journal.directory());
    QCOMPARE(entry.summary, QStringLiteral("100 subjects: 98 accepted, 2 rejected, 0 pending"));
    QVERIFY2(entry.details.contains(runId), qPrintable(entry.details));
    QVERIFY2(entry.details.contains(QStringLiteral("request 2: processed, HTTP 400, Okta request id req-2")),
             qPrintable(entry.details));
}

void TestHistoryStore::cancelledRunKeepsItsPendingSubjects() {
    const QString runId = QStringLiteral("20260218-060000-000-bbbb");
    const SendRun run = newRun(QStringLiteral("acme"), runId, at(6), 50); // 20, 20, 10
    RunJournal journal(journalDir(QStringLiteral("acme"), runId));
    QString error;
    QVERIFY(journal.create(run, &error));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    QVERIFY(journal.writeOutcome(accepted(1, QStringLiteral("req-1")), &error));
    QVERIFY(journal.writeState(QStringLiteral("stopped"),
                               QStringLiteral("Cancelled: Cancelled. 30 subject(s) stay pending."), at(7),
                               &error));

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].outcome, QStringLiteral("cancelled"));
    QCOMPARE(entries[0].subjects, 50);
    QCOMPARE(entries[0].accepted, 20);
    QCOMPARE(entries[0].rejected, 0);
    QCOMPARE(entries[0].pending, 30);
    QCOMPARE(entries[0].requestIds, QStringList{"req-1"});
    QVERIFY2(entries[0].details.contains(QStringLiteral("Cancelled. 30 subject(s) stay pending.")),
             qPrintable(entries[0].details));
}

void TestHistoryStore::interruptedRunIsNamedSo() {
    // No final state: request 2 was written (in flight) when the app died.
    const QString runId = QStringLiteral("20260218-060000-000-cccc");
    const SendRun run = newRun(QStringLiteral("acme"), runId, at(6), 60);
    RunJournal journal(journalDir(QStringLiteral("acme"), runId));
    QString error;
    QVERIFY(journal.create(run, &error));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    QVERIFY(journal.writeOutcome(accepted(1, QStringLiteral("req-1")), &error));
    QVERIFY(journal.writeRequest(*run.request(2), &error));

    QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].outcome, QStringLiteral("interrupted"));
    QCOMPARE(entries[0].accepted, 20);
    QCOMPARE(entries[0].pending, 40);
    QVERIFY2(entries[0].details.contains(QStringLiteral("1 request(s) were in flight")),
             qPrintable(entries[0].details));

    // "running" written by an earlier process (before this store came up) is not live.
    QVERIFY(journal.writeState(QStringLiteral("running"), {}, at(6, 1), &error));
    QFile state(journal.directory() + QStringLiteral("/state.json"));
    QVERIFY(state.open(QIODevice::ReadWrite));
    QVERIFY(
        state.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    state.close();
    entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries[0].outcome, QStringLiteral("interrupted"));
}

void TestHistoryStore::liveRunIsRunning() {
    const QString runId = QStringLiteral("20260218-060000-000-dddd");
    const SendRun run = newRun(QStringLiteral("acme"), runId, at(6), 30);
    RunJournal journal(journalDir(QStringLiteral("acme"), runId));
    QString error;
    QVERIFY(journal.create(run, &error));
    QVERIFY(journal.writeState(QStringLiteral("paused"), {}, at(6, 1), &error));
    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries[0].outcome, QStringLiteral("running"));
    QCOMPARE(entries[0].pending, 30);
    QVERIFY2(entries[0].summary.endsWith(QStringLiteral("; paused")), qPrintable(entries[0].summary));

    QSignalSpy changed(m_store.get(), &HistoryStore::changed);
    m_store->notifyRunChanged(QStringLiteral("acme"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("acme"));
}

void TestHistoryStore::stoppedRunNamesTheReason() {
    const QString runId = QStringLiteral("20260218-060000-000-eeee");
    const SendRun run = newRun(QStringLiteral("acme"), runId, at(6), 20);
    RunJournal journal(journalDir(QStringLiteral("acme"), runId));
    QString error;
    QVERIFY(journal.create(run, &error));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    RequestOutcome refused;
    refused.id = 1;
    refused.status = RequestOutcome::Status::Pending;
    refused.httpStatus = 401;
    refused.oktaRequestId = QStringLiteral("req-401");
    refused.detail = QStringLiteral("Invalid token provided");
    QVERIFY(journal.writeOutcome(refused, &error));
    QVERIFY(journal.writeState(QStringLiteral("stopped"),
                               QStringLiteral("Unauthorized: Okta did not accept the credentials (401)."),
                               at(7), &error));

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries[0].outcome, QStringLiteral("stopped"));
    QCOMPARE(entries[0].pending, 20);
    QCOMPARE(entries[0].requestIds, QStringList{"req-401"});
    QVERIFY2(entries[0].summary.contains(QStringLiteral("credentials not accepted (401)")),
             qPrintable(entries[0].summary));
    QVERIFY(entries[0].details.contains(QStringLiteral("Okta did not accept the credentials (401).")));
    QVERIFY(entries[0].details.contains(QStringLiteral("Invalid token provided")));
}

void TestHistoryStore::damagedRunIsListedNotSkipped() {
    const QString runId = QStringLiteral("20260218-061500-250-ffff");
    const QString directory = journalDir(QStringLiteral("acme"), runId);
    QVERIFY(QDir().mkpath(directory));
    QFile meta(directory + QStringLiteral("/run.json"));
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.write("{\"format\": 1, \"runId\": ");
    meta.close();

    // And a readable run with one damaged outcome file.
    const QString otherId = QStringLiteral("20260218-050000-000-abab");
    const SendRun run = newRun(QStringLiteral("acme"), otherId, at(5), 20);
    RunJournal journal(journalDir(QStringLiteral("acme"), otherId));
    QString error;
    QVERIFY(journal.create(run, &error));
    QVERIFY(journal.writeRequest(*run.request(1), &error));
    QFile outcome(journal.directory() + QStringLiteral("/requests/000001.outcome.json"));
    QVERIFY(outcome.open(QIODevice::WriteOnly));
    outcome.write("{\"id\":1,\"status\":\"acc");
    outcome.close();

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].outcome, QStringLiteral("unreadable"));
    QCOMPARE(entries[0].runDirectory, directory);
    QCOMPARE(entries[0].when, QDateTime(QDate(2026, 2, 18), QTime(6, 15, 0, 250), Qt::UTC));
    QVERIFY2(entries[0].details.contains(QStringLiteral("run.json")), qPrintable(entries[0].details));
    QCOMPARE(entries[1].outcome, QStringLiteral("unreadable"));
    QCOMPARE(entries[1].subjects, 20);
    QVERIFY2(entries[1].details.contains(QStringLiteral("000001.outcome.json")),
             qPrintable(entries[1].details));
}

void TestHistoryStore::threatInsightChangesRoundTrip() {
    QSignalSpy changed(m_store.get(), &HistoryStore::changed);
    QString error;
    QVERIFY2(m_store->recordThreatInsightChange(change(QStringLiteral("acme"), QStringLiteral("audit"),
                                                       {QStringLiteral("nzo1")}, QStringLiteral("block"),
                                                       {QStringLiteral("nzo2")}, at(8)),
                                                zoneNames, &error),
             qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("acme"));

    auto failed = change(QStringLiteral("acme"), QStringLiteral("block"), {QStringLiteral("nzo2")},
                         QStringLiteral("none"), {QStringLiteral("nzo2"), QStringLiteral("nzo9")}, at(9));
    failed.ok = false;
    failed.error = QStringLiteral("Api validation failed: excludeZones (E0000001)");
    QVERIFY(m_store->recordThreatInsightChange(failed, zoneNames, &error));
    QCOMPARE(changed.count(), 2);

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 2);
    // Newest first.
    const HistoryEntry& newest = entries[0];
    QCOMPARE(newest.kind, HistoryEntry::Kind::ThreatInsightChange);
    QCOMPARE(newest.when, at(9));
    QCOMPARE(newest.outcome, QStringLiteral("failed"));
    QCOMPARE(newest.summary,
             QStringLiteral("failed: action block \u2192 none; excluded +nzo9")); // unknown names stay ids
    QVERIFY(newest.details.contains(QStringLiteral("Api validation failed: excludeZones (E0000001)")));
    QCOMPARE(newest.requestIds, QStringList{"req-ti-9"});

    const HistoryEntry& first = entries[1];
    QCOMPARE(first.when, at(8));
    QCOMPARE(first.outcome, QStringLiteral("saved"));
    QCOMPARE(first.profileId, QStringLiteral("acme"));
    QCOMPARE(first.profileName, QStringLiteral("Acme production"));
    QCOMPARE(first.summary, QStringLiteral("action audit \u2192 block; excluded +Corp VPN \u2212Office"));
    QCOMPARE(first.requestIds, QStringList{"req-ti-8"});
    QVERIFY2(first.details.contains(QStringLiteral("Before: action audit; excluded zones: Office (nzo1)")),
             qPrintable(first.details));
    QVERIFY2(first.details.contains(QStringLiteral("After: action block; excluded zones: Corp VPN (nzo2)")),
             qPrintable(first.details));

    // One JSON object per line, appended.
    QFile file(m_dir->filePath(QStringLiteral("data/history/acme/threatinsight.jsonl")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[2].isEmpty());
}

void TestHistoryStore::corruptLineBecomesAnUnreadableEntry() {
    QString error;
    QVERIFY(m_store->recordThreatInsightChange(
        change(QStringLiteral("acme"), QStringLiteral("none"), {}, QStringLiteral("audit"), {}, at(8)),
        zoneNames, &error));
    // A line cut short (a crash mid-write), then a valid JSON line without the required fields.
    const QString path = m_dir->filePath(QStringLiteral("data/history/acme/threatinsight.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    file.write("{\"format\":1,\"when\":\"2026-02-18T09:00:00Z\"}\n\n{\"when\":\"2026-02-18T10:0");
    file.close();
    // The next record starts on a line of its own.
    QVERIFY(m_store->recordThreatInsightChange(
        change(QStringLiteral("acme"), QStringLiteral("audit"), {}, QStringLiteral("block"), {}, at(11)),
        zoneNames, &error));

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries[0].when, at(11));
    QCOMPARE(entries[0].summary, QStringLiteral("action audit \u2192 block; excluded zones unchanged"));
    QCOMPARE(entries[1].when, at(8));
    QCOMPARE(entries[1].outcome, QStringLiteral("saved"));
    // Damaged lines last, in file order, naming their line number and what is wrong.
    QCOMPARE(entries[2].outcome, QStringLiteral("unreadable"));
    QVERIFY2(entries[2].summary.contains(QStringLiteral("line 2")), qPrintable(entries[2].summary));
    QVERIFY2(entries[2].summary.contains(QStringLiteral("\"ok\"")), qPrintable(entries[2].summary));
    QCOMPARE(entries[3].outcome, QStringLiteral("unreadable"));
    QVERIFY2(entries[3].summary.contains(QStringLiteral("line 4")), qPrintable(entries[3].summary));
    QVERIFY2(entries[3].details.contains(QStringLiteral("2026-02-18T10:0")), qPrintable(entries[3].details));
    QCOMPARE(entries[3].kind, HistoryEntry::Kind::ThreatInsightChange);
    QCOMPARE(entries[3].profileId, QStringLiteral("acme"));
}

void TestHistoryStore::profilesAreKeptApart() {
    QString error;
    const QString evil = QStringLiteral("../acme");
    const SendRun run = newRun(QStringLiteral("acme"), QStringLiteral("20260218-060000-000-1111"), at(6), 20);
    QVERIFY(RunJournal(journalDir(QStringLiteral("acme"), run.runId)).create(run, &error));
    QVERIFY(m_store->recordThreatInsightChange(
        change(QStringLiteral("other"), QStringLiteral("none"), {}, QStringLiteral("audit"), {}, at(8)),
        zoneNames, &error));
    QVERIFY(m_store->recordThreatInsightChange(
        change(evil, QStringLiteral("none"), {}, QStringLiteral("block"), {}, at(9)), zoneNames, &error));

    const QList<HistoryEntry> acme = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(acme.size(), 1);
    QCOMPARE(acme[0].kind, HistoryEntry::Kind::RiskRun);
    const QList<HistoryEntry> other = m_store->entries(QStringLiteral("other"));
    QCOMPARE(other.size(), 1);
    QCOMPARE(other[0].kind, HistoryEntry::Kind::ThreatInsightChange);
    QCOMPARE(other[0].profileId, QStringLiteral("other"));
    const QList<HistoryEntry> evilEntries = m_store->entries(evil);
    QCOMPARE(evilEntries.size(), 1);
    QCOMPARE(evilEntries[0].summary, QStringLiteral("action none \u2192 block; excluded zones unchanged"));
    // The odd profile id stayed inside <base>/history.
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("data/acme/threatinsight.jsonl"))));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("data/history/acme/threatinsight.jsonl"))));
}

void TestHistoryStore::runsAndChangesNewestFirst() {
    QString error;
    const SendRun older =
        newRun(QStringLiteral("acme"), QStringLiteral("20260218-050000-000-0001"), at(5), 20);
    const SendRun newer =
        newRun(QStringLiteral("acme"), QStringLiteral("20260218-070000-000-0002"), at(7), 40);
    QVERIFY(RunJournal(journalDir(QStringLiteral("acme"), older.runId)).create(older, &error));
    QVERIFY(RunJournal(journalDir(QStringLiteral("acme"), newer.runId)).create(newer, &error));
    QVERIFY(m_store->recordThreatInsightChange(
        change(QStringLiteral("acme"), QStringLiteral("none"), {}, QStringLiteral("audit"), {}, at(6)),
        zoneNames, &error));
    QVERIFY(m_store->recordThreatInsightChange(
        change(QStringLiteral("acme"), QStringLiteral("audit"), {}, QStringLiteral("block"), {}, at(8)),
        zoneNames, &error));

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries[0].when, at(8));
    QCOMPARE(entries[0].kind, HistoryEntry::Kind::ThreatInsightChange);
    QVERIFY(findRun(entries, newer.runId) == &entries[1]);
    QCOMPARE(entries[2].when, at(6));
    QVERIFY(findRun(entries, older.runId) == &entries[3]);
    QCOMPARE(entries[3].outcome, QStringLiteral("interrupted")); // created, never started
}

void TestHistoryStore::zoneChangesRoundTrip() {
    QSignalSpy changed(m_store.get(), &HistoryStore::changed);
    QString error;
    QVERIFY2(m_store->recordZoneChange(
                 zoneChange(QStringLiteral("block"),
                            {QStringLiteral("198.51.100.7/32"), QStringLiteral("2001:db8::7/128"),
                             QStringLiteral("192.0.2.0/24")},
                            12, 15, at(8)),
                 &error),
             qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("acme"));
    auto failed = zoneChange(QStringLiteral("unblock"), {QStringLiteral("198.51.100.7/32")}, 15, 14, at(9));
    failed.ok = false;
    failed.error =
        QStringLiteral("Okta refused the change of BlockedIpZone: PUT /api/v1/zones/nzo failed: HTTP 500");
    QVERIFY(m_store->recordZoneChange(failed, &error));
    QCOMPARE(changed.count(), 2);

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 2);
    const HistoryEntry& newest = entries[0];
    QCOMPARE(newest.kind, HistoryEntry::Kind::ZoneChange);
    QCOMPARE(newest.when, at(9));
    QCOMPARE(newest.outcome, QStringLiteral("failed"));
    QCOMPARE(newest.summary, QStringLiteral("failed: unblock 1 in BlockedIpZone (15 \u2192 14 gateways)"));
    QCOMPARE(newest.requestIds, QStringList{"req-zone-9"});
    QVERIFY2(newest.details.contains(QStringLiteral("Zone change (unblock) failed")),
             qPrintable(newest.details));
    QVERIFY2(newest.details.contains(QStringLiteral("To remove (1): 198.51.100.7/32")),
             qPrintable(newest.details));
    QVERIFY2(newest.details.contains(QStringLiteral("Error: Okta refused the change of BlockedIpZone")),
             qPrintable(newest.details));

    const HistoryEntry& first = entries[1];
    QCOMPARE(first.kind, HistoryEntry::Kind::ZoneChange);
    QCOMPARE(first.outcome, QStringLiteral("saved"));
    QCOMPARE(first.profileId, QStringLiteral("acme"));
    QCOMPARE(first.profileName, QStringLiteral("Acme production"));
    QCOMPARE(first.summary, QStringLiteral("block 3 in BlockedIpZone (12 \u2192 15 gateways)"));
    QCOMPARE(first.requestIds, QStringList{"req-zone-8"});
    QCOMPARE(first.details, QStringLiteral("Zone change (block) saved\n"
                                           "Zone: BlockedIpZone (nzoBlkd3Rw8NcZ4pU1d6)\n"
                                           "Added (3): 198.51.100.7/32, 2001:db8::7/128, 192.0.2.0/24\n"
                                           "Gateways: 12 \u2192 15"));

    // Its own file, one JSON object per line; the ThreatInsight file is not created.
    QFile file(m_dir->filePath(QStringLiteral("data/history/acme/zones.jsonl")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3);
    const QJsonObject line = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(line.value(QStringLiteral("action")).toString(), QStringLiteral("block"));
    QCOMPARE(line.value(QStringLiteral("added")).toArray().size(), 3);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("data/history/acme/threatinsight.jsonl"))));
}

void TestHistoryStore::zoneChangeDamagedLineIsListed() {
    QString error;
    QVERIFY(m_store->recordZoneChange(
        zoneChange(QStringLiteral("exempt"), {QStringLiteral("192.0.2.9/32")}, 2, 3, at(8)), &error));
    const QString path = m_dir->filePath(QStringLiteral("data/history/acme/zones.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    file.write("{\"format\":1,\"when\":\"2026-02-18T09:00:00Z\",\"ok\":true}\n{\"when\":");
    file.close();
    QVERIFY(m_store->recordZoneChange(
        zoneChange(QStringLiteral("unexempt"), {QStringLiteral("192.0.2.9/32")}, 3, 2, at(10)), &error));
    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries[0].summary, QStringLiteral("unexempt 1 in BlockedIpZone (3 \u2192 2 gateways)"));
    QCOMPARE(entries[1].summary, QStringLiteral("exempt 1 in BlockedIpZone (2 \u2192 3 gateways)"));
    QCOMPARE(entries[2].kind, HistoryEntry::Kind::ZoneChange);
    QCOMPARE(entries[2].outcome, QStringLiteral("unreadable"));
    QCOMPARE(entries[2].summary,
             QStringLiteral("zones.jsonl line 2 cannot be read: the field \"action\" is missing"));
    QCOMPARE(entries[3].outcome, QStringLiteral("unreadable"));
    QVERIFY2(
        entries[3].summary.startsWith(QStringLiteral("zones.jsonl line 3 cannot be read: not valid JSON")),
        qPrintable(entries[3].summary));
    QCOMPARE(entries[3].profileId, QStringLiteral("acme"));
}

void TestHistoryStore::zoneChangesAmongOtherEntries() {
    QString error;
    const SendRun run = newRun(QStringLiteral("acme"), QStringLiteral("20260218-070000-000-0002"), at(7), 20);
    QVERIFY(RunJournal(journalDir(QStringLiteral("acme"), run.runId)).create(run, &error));
    QVERIFY(m_store->recordThreatInsightChange(
        change(QStringLiteral("acme"), QStringLiteral("none"), {}, QStringLiteral("audit"), {}, at(6)),
        zoneNames, &error));
    QVERIFY(m_store->recordZoneChange(
        zoneChange(QStringLiteral("block"), {QStringLiteral("198.51.100.7/32")}, 1, 2, at(8)), &error));
    auto other = zoneChange(QStringLiteral("block"), {QStringLiteral("198.51.100.8/32")}, 1, 2, at(9));
    other.profileId = QStringLiteral("other");
    QVERIFY(m_store->recordZoneChange(other, &error));

    const QList<HistoryEntry> entries = m_store->entries(QStringLiteral("acme"));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[0].kind, HistoryEntry::Kind::ZoneChange);
    QVERIFY(findRun(entries, run.runId) == &entries[1]);
    QCOMPARE(entries[2].kind, HistoryEntry::Kind::ThreatInsightChange);
    QCOMPARE(m_store->entries(QStringLiteral("other")).size(), 1);

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY2(HistoryStore::exportCsv({entries[0]}, &buffer, &error), qPrintable(error));
    QCOMPARE(buffer.data(),
             QByteArray("when,kind,profile,outcome,subjects,accepted,rejected,pending,summary,"
                        "requestIds\r\n2026-02-18T08:00:00Z,zone-change,Acme production,saved,,,,,"
                        "block 1 in BlockedIpZone (1 \xe2\x86\x92 2 gateways),req-zone-8\r\n"));
}

void TestHistoryStore::exportCsvQuotesAndDefusesFormulas() {
    HistoryEntry run;
    run.kind = HistoryEntry::Kind::RiskRun;
    run.when = at(6);
    run.profileId = QStringLiteral("acme");
    run.profileName = QStringLiteral("Acme, \"prod\"");
    run.outcome = QStringLiteral("completed");
    run.subjects = 3;
    run.accepted = 2;
    run.rejected = 1;
    run.summary = QStringLiteral("two\nlines");
    run.requestIds = {QStringLiteral("req-1"), QStringLiteral("req-2")};
    HistoryEntry change;
    change.kind = HistoryEntry::Kind::ThreatInsightChange;
    change.when = at(7);
    change.profileId = QStringLiteral("x");
    change.profileName = QStringLiteral("=HYPERLINK(\"http://evil\")");
    change.outcome = QStringLiteral("saved");
    change.summary = QStringLiteral("+cmd");
    change.requestIds = {QStringLiteral("@SUM(A1)")};
    HistoryEntry minus = change;
    minus.when = QDateTime();
    minus.profileName.clear();
    minus.profileId = QStringLiteral("-1+2");
    minus.summary = QStringLiteral("\tx");
    minus.requestIds.clear();

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(HistoryStore::exportCsv({run, change, minus}, &buffer, &error), qPrintable(error));
    const QByteArray expected =
        "when,kind,profile,outcome,subjects,accepted,rejected,pending,summary,requestIds\r\n"
        "2026-02-18T06:00:00Z,risk-run,\"Acme, "
        "\"\"prod\"\"\",completed,3,2,1,0,\"two\nlines\",req-1;req-2\r\n"
        "2026-02-18T07:00:00Z,threatinsight-change,\"'=HYPERLINK(\"\"http://"
        "evil\"\")\",saved,,,,,'+cmd,'@SUM(A1)\r\n"
        ",threatinsight-change,'-1+2,saved,,,,,'\tx,\r\n";
    QCOMPARE(buffer.data(), expected);
}

void TestHistoryStore::exportCsvReportsWriteErrors() {
    QBuffer closed;
    QString error;
    QVERIFY(!HistoryStore::exportCsv({}, &closed, &error));
    QVERIFY2(error.contains(QStringLiteral("cannot write")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "TestHistoryStore.moc"
