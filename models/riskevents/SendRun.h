#pragma once

#include "riskevents/BatchPlanner.h"
#include "riskevents/PlannedRequest.h"
#include "riskevents/RequestOutcome.h"
#include "riskevents/RiskSubject.h"
#include "riskevents/SubjectOutcome.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

// Everything one send run knows in memory: the subjects, the plan (and the splits made since),
// each subject's outcome and the requests still to deliver, in order. Built by plan() for a new
// run or by RunJournal::load() for a resumed one; SendScheduler works on it.
struct SendRun {
    QString runId;
    QString profileId;
    QDateTime createdAt;
    BatchPlanner::Options planOptions; // as the planner used them (timestamp fixed)
    QVector<RiskSubject> subjects;
    QVector<SubjectOutcome> outcomes; // one per subject
    QVector<PlannedRequest> requests; // requests[id − 1]; an entry with id 0 is a gap
    int plannedCount = 0;             // ids 1..plannedCount come from the planner
    QVector<int> queue;               // ids still to deliver, in sending order
    // Requests written but never answered when the last session ended (a crash, a cancel while
    // in flight): Okta may have them already, so re-sending them may duplicate their subjects.
    QVector<int> unconfirmed;
    // Request and outcome files RunJournal::load() could not read ("000012.outcome.json: why"):
    // their requests count as unanswered and are sent again, so nothing is lost.
    QStringList damaged;

    // A new run: every subject pending, every planned request queued (bodies not built).
    static SendRun plan(const QVector<RiskSubject>& subjects, const BatchPlanner::Options& options,
                        const QString& profileId, const QString& runId, const QDateTime& createdAt);

    BatchPlanner planner() const { return BatchPlanner(planOptions); }
    const PlannedRequest* request(int id) const;
    // Registers a request split from `parentId`; returns its id.
    int addRequest(int parentId, QVector<int> subjectIndices);
    int nextRequestId() const { return static_cast<int>(requests.size()) + 1; }
    // Marks the subjects of `outcome` (its request must be known).
    void apply(const RequestOutcome& outcome);
    int count(SubjectOutcome::Status status) const;
};
