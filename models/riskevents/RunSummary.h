#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// What a run journal (see RunJournal.h) says about its run without loading it: counts of
// accepted / rejected / pending subjects, the answers recorded and the last state. Reads
// run.json, state.json and the outcome files; of the request files only the splits' (and a
// planned one only when run.json's packing cannot give its size), plan.json only when neither
// can; never subjects.jsonl. A million-subject run (a thousand requests) reads in milliseconds.
// Walks the requests as RunJournal::load() does, so both count every subject once.
struct RunSummary {
    Q_DECLARE_TR_FUNCTIONS(RunSummary)

public:
    // One recorded answer (requests/NNNNNN.outcome.json).
    struct Answer {
        int id = 0;
        QString status; // accepted | processed | pending
        int httpStatus = 0;
        QString requestId; // Okta's X-Okta-Request-Id
        QDateTime answeredAt;
        QString detail;
    };

    QString directory;
    // False when run.json cannot be read: nothing below `error` is known then.
    bool readable = false;
    // Every unreadable file, one per line, each naming its file; the counts may be incomplete.
    QString error;

    QString runId;
    QString profileId;
    QDateTime createdAt; // UTC
    QDateTime timestamp; // of the events, UTC
    std::optional<qint64> timeToLiveSeconds;

    int subjects = 0;
    int accepted = 0;
    int rejected = 0;
    int pending = 0; // everything not accepted or rejected, damage included

    int plannedRequests = 0;
    int waitingRequests = 0;     // still to deliver (no outcome, or a "pending" one)
    int unconfirmedRequests = 0; // written (in flight) but never answered
    QVector<Answer> answers;     // by request id
    QStringList requestIds;      // Okta's request ids of the answers, by request id

    // From state.json (empty when there is none): the scheduler's state and "<key>: <text>".
    QString state;
    QString reason;
    QDateTime stateWrittenAt; // state.json's modification time, UTC
    // Stopped as "Completed": every subject settled, nothing to resume.
    bool finished = false;

    // The part of `reason` before ": " (a SendScheduler::StopReason name) and the rest.
    QString reasonKey() const;
    QString reasonText() const;

    static RunSummary read(const QString& runDirectory);
};
