#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// One ThreatInsight System Log event: a request from a suspicious IP
// (security.threat.detected) or the org coming under / out of attack (security.attack.start,
// security.attack.end). Read from the event's client.ipAddress, outcome.result/reason,
// debugContext.debugData (threatSuspected and the rest) and client.geographicalContext.
struct ThreatDetection {
    enum class Kind { ThreatDetected, AttackStart, AttackEnd };

    QString uuid;
    QDateTime published; // UTC
    QString eventType;
    Kind kind = Kind::ThreatDetected;
    QString ip;              // empty for attack start/end events without a client IP
    QString outcome;         // DENY | RATE_LIMIT | ALLOW | SUCCESS …, as logged
    QString outcomeReason;   // outcome.reason, may be empty
    QString threatSuspected; // debugContext.debugData.threatSuspected, e.g. "Login failures"
    QString detail;          // one line: displayMessage, threatSuspected and other debugData
    QString location;        // "City, Country" when the log has it
    QJsonObject raw;

    // The System Log filter that selects exactly these events.
    static QString systemLogFilter();
    // nullopt and the reason (naming the field) for events that are not ThreatInsight events
    // or lack uuid/published.
    static std::optional<ThreatDetection> fromLogEvent(const QJsonObject& event, QString* error);
    // "Threat detected" / "Attack started" / "Attack ended" (translated).
    QString kindText() const;
};
