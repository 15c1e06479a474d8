#include "riskevents/SendRun.h"

#include <algorithm>

SendRun SendRun::plan(const QVector<RiskSubject>& subjects, const BatchPlanner::Options& options,
                      const QString& profileId, const QString& runId, const QDateTime& createdAt) {
    SendRun run;
    run.runId = runId;
    run.profileId = profileId;
    run.createdAt = createdAt;
    const BatchPlanner planner(options);
    run.planOptions = planner.options();
    run.subjects = subjects;
    run.outcomes.resize(subjects.size());
    run.requests = planner.plan(subjects, false);
    run.plannedCount = static_cast<int>(run.requests.size());
    run.queue.reserve(run.plannedCount);
    for (const PlannedRequest& request : std::as_const(run.requests))
        run.queue.append(request.id);
    return run;
}

const PlannedRequest* SendRun::request(int id) const {
    if (id < 1 || id > requests.size() || requests[id - 1].id != id)
        return nullptr;
    return &requests[id - 1];
}

int SendRun::addRequest(int parentId, QVector<int> subjectIndices) {
    PlannedRequest request;
    request.id = nextRequestId();
    request.parentId = parentId;
    request.subjects = std::move(subjectIndices);
    requests.append(std::move(request));
    return requests.constLast().id;
}

void SendRun::apply(const RequestOutcome& outcome) {
    const PlannedRequest* request = this->request(outcome.id);
    if (!request)
        return;
    switch (outcome.status) {
    case RequestOutcome::Status::Accepted:
        for (int subject : request->subjects) {
            SubjectOutcome& o = outcomes[subject];
            o.status = SubjectOutcome::Status::Accepted;
            o.requestId = outcome.oktaRequestId;
            o.time = outcome.answeredAt;
            o.reason.clear();
        }
        break;
    case RequestOutcome::Status::Processed:
        for (const RequestOutcome::Rejection& rejection : outcome.rejected) {
            if (rejection.subject < 0 || rejection.subject >= outcomes.size())
                continue;
            SubjectOutcome& o = outcomes[rejection.subject];
            o.status = SubjectOutcome::Status::Rejected;
            o.requestId = outcome.oktaRequestId;
            o.time = outcome.answeredAt;
            o.reason = rejection.reason;
        }
        break;
    case RequestOutcome::Status::Pending:
        for (int subject : request->subjects) {
            SubjectOutcome& o = outcomes[subject];
            o.status = SubjectOutcome::Status::Pending;
            o.reason = outcome.detail;
        }
        break;
    }
}

int SendRun::count(SubjectOutcome::Status status) const {
    return static_cast<int>(std::count_if(outcomes.cbegin(), outcomes.cend(),
                                          [status](const SubjectOutcome& o) { return o.status == status; }));
}
