#pragma once

#include <QDateTime>
#include <QString>
#include <QVector>

// What became of one request, as the journal records it after the answer.
struct RequestOutcome {
    enum class Status : quint8 {
        Accepted,  // 2xx: every subject of the request is accepted
        Processed, // 400 (or 413): `rejected` are final, `children` carry the others again
        Pending,   // not delivered for now (retries exhausted, run stopped): sent again on resume
    };
    struct Rejection {
        int subject = -1; // index into the run's subjects
        QString reason;   // Okta's words
    };

    int id = 0; // PlannedRequest::id
    Status status = Status::Pending;
    int httpStatus = 0;
    QString oktaRequestId;
    QDateTime answeredAt;
    QVector<Rejection> rejected;
    QVector<int> children; // request ids, in sending order
    QString detail;        // for humans: what happened (Okta's summary, network error...)
};
