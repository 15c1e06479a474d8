#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// The skeleton of one Okta System Log event (LogEvent): every field a real event carries, so
// clients reading the sandbox's log meet the same shape as in a real org. The builders of the
// individual event types (SandboxDetections, SandboxAuditEvents) fill it in.
class SandboxLogEvent {
public:
    struct Fields {
        QString uuid;
        qint64 publishedMs = 0;
        QString eventType;
        QString severity = QStringLiteral("INFO"); // DEBUG, INFO, WARN, ERROR
        QString displayMessage;
        QJsonObject actor;
        QJsonObject client;
        QString outcomeResult = QStringLiteral("SUCCESS");
        QJsonValue outcomeReason = QJsonValue::Null;
        QJsonValue target = QJsonValue::Null; // an array of targets, or null
        QString transactionId;
        QJsonObject debugData; // requestId is added from transactionId when missing
    };

    static QJsonObject make(const Fields& fields);

    static QJsonObject actor(const QString& id, const QString& type, const QString& alternateId,
                             const QString& displayName);
    // client: `ipAddress` may be null (org-wide events); `geographicalContext` an object or null.
    static QJsonObject client(const QJsonValue& ipAddress, const QString& rawUserAgent, const QString& os,
                              const QString& browser, const QJsonValue& geographicalContext);
    static QJsonObject geographicalContext(const QString& city, const QJsonValue& state,
                                           const QString& country, const QJsonValue& postalCode, double lat,
                                           double lon);
};
