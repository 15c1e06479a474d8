#pragma once

#include "riskevents/PlannedRequest.h"
#include "riskevents/RequestOutcome.h"
#include "riskevents/SendRun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// The durable queue of one send run: a directory (by default
// <AppDataLocation>/runs/<profile>/<run id>/) that survives a crash or a quit.
//
//   run.json            run id, profile, creation time, event timestamp and time-to-live,
//                       packing (subjects per event, events per request), counts; written last
//                       at creation, so its presence means the run is complete on disk
//   subjects.jsonl      one subject per line, input order: {"ip","riskLevel","message","line"}
//   plan.json           {"requests":[[subject indices…],…]}: the planned requests, ids 1..n
//   requests/NNNNNN.json          a request, written before it is sent (again on each session):
//                                 {"id","parent","subjects":[…]}; split requests
//                                 (id > n) exist only as such files and name their parent
//   requests/NNNNNN.outcome.json  its outcome, written after the answer:
//                                 {"id","status":"accepted|processed|pending","httpStatus",
//                                  "requestId","answeredAt","rejected":[{"subject","reason"}],
//                                  "children":[ids],"detail"}
//   state.json          the last state of the scheduler, for history: {"state","reason","updatedAt"}
//
// Every file is written with QSaveFile (complete or absent, flushed to disk before it takes
// its name), so a crash or SIGKILL leaves no half-written file; a run killed while being
// created has no run.json, is never listed, and sent nothing; removeAbandoned() deletes it an
// hour later, when the next run of its profile is created. A split writes its children's
// request files before the parent's outcome, so an outcome never names a missing child. A
// request or outcome file that is damaged all the same (disk fault, an edit) is named in
// SendRun::damaged and its request counts as unanswered: sent again, never lost. Damage to
// run.json, subjects.jsonl or plan.json (written once, before anything is sent) fails load().
//
// Delivery is at-least-once. A request is on disk before it leaves and its outcome after the
// answer; a request whose file exists without an outcome was in flight when the app stopped
// (crash, kill, cancel while sending) or its answer was lost. Okta may have accepted it, and
// resuming sends it again: those subjects may reach Okta twice (harmless for risk events: the
// same signal is refreshed). With one request in flight at a time that is at most one request
// per interruption; load() lists such requests in SendRun::unconfirmed. Within a session the
// same holds for a request whose answer is lost (network error, timeout, unreadable answer):
// it is retried and may arrive twice (and QNetworkAccessManager may itself re-send a request
// once when a kept-alive connection closes before any answer). Nothing is ever lost: every subject
// ends accepted (with Okta's request id and time), rejected (with Okta's reason) or pending.
class RunJournal {
    Q_DECLARE_TR_FUNCTIONS(RunJournal)
public:
    explicit RunJournal(QString directory);

    // <AppDataLocation>/runs
    static QString defaultBaseDirectory();
    // <base>/<profile>/<run id>, with the profile id made safe as a directory name.
    static QString runDirectory(const QString& baseDirectory, const QString& profileId, const QString& runId);
    static QString profileDirectory(const QString& baseDirectory, const QString& profileId);
    // "20260218-063508-123-3f9a" (UTC, ms, random): sortable, unique enough for one user.
    static QString newRunId(const QDateTime& nowUtc);
    // The UTC time a run id names; invalid if `runId` is not a run id.
    static QDateTime runIdTime(const QString& runId);
    // Run directories of a profile that hold a complete run, newest first.
    static QStringList runDirectories(const QString& baseDirectory, const QString& profileId);
    // Removes the profile's run directories that were never completed (no run.json: the app was
    // killed while writing them, or a write failed) and whose run id is at least
    // `minimumAgeSeconds` older than `nowUtc`. A younger one may still be being written by another
    // process (a million subjects take seconds). Folders not named like a run id are left alone.
    // Returns the directories removed.
    static QStringList removeAbandoned(const QString& baseDirectory, const QString& profileId,
                                       const QDateTime& nowUtc,
                                       qint64 minimumAgeSeconds = AbandonedAfterSeconds);
    static constexpr qint64 AbandonedAfterSeconds = 3600;

    // A file under requests/: "NNNNNN.json" (a request) or "NNNNNN.outcome.json" (its outcome).
    struct RequestFile {
        int id = 0;
        bool isOutcome = false;
        QString name; // file name, for messages
        QString path;
    };
    // The request and outcome files of the run in `directory`, by name; other names are skipped.
    static QVector<RequestFile> requestFiles(const QString& directory);

    QString directory() const { return m_directory; }
    bool exists() const;

    // Writes a new run (subjects, plan, metadata). Fails if the directory already holds one.
    bool create(const SendRun& run, QString* error);
    // Rebuilds the run: accepted/rejected subjects from the outcomes, the requests still to
    // deliver in order (splits in place of their parent), and the unconfirmed ones.
    std::optional<SendRun> load(QString* error) const;

    // Before sending (each session): the request's file; a stale "pending" outcome is removed.
    bool writeRequest(const PlannedRequest& request, QString* error);
    // After the answer.
    bool writeOutcome(const RequestOutcome& outcome, QString* error);
    bool writeState(const QString& state, const QString& reason, const QDateTime& nowUtc, QString* error);
    // {state, reason} from state.json; empty strings when there is none.
    QPair<QString, QString> readState() const;

    static constexpr int FormatVersion = 1;

private:
    QString requestPath(int id) const;
    QString outcomePath(int id) const;

    QString m_directory;
};
