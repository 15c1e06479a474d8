#pragma once

#include <QDateTime>
#include <QString>

// Where one subject stands. Every subject of a run ends in exactly one of these states.
struct SubjectOutcome {
    enum class Status : quint8 {
        Pending,  // not (yet) delivered: waiting, failed after retries, or the run was stopped
        Accepted, // Okta answered 202 to a request carrying it
        Rejected, // Okta refused it (400) and said why
    };

    Status status = Status::Pending;
    QString requestId; // Okta's X-Okta-Request-Id of the answer that settled it (support asks for it)
    QDateTime time;    // when that answer arrived (local clock, UTC)
    QString reason;    // Rejected: Okta's reason; Pending: the last problem, if any

    static QString statusName(Status status) {
        switch (status) {
        case Status::Accepted:
            return QStringLiteral("accepted");
        case Status::Rejected:
            return QStringLiteral("rejected");
        case Status::Pending:
            break;
        }
        return QStringLiteral("pending");
    }
};
