#pragma once

#include <QJsonDocument>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Okta's rules for POST /api/v1/risk/events/ip, applied to the whole body at once. Each violation
// becomes one cause "<position>: <rule>", e.g. "[3].subjects[7].ip: '10.0.0.0/8' is not a single
// IPv4 or IPv6 address", so the client can map a rejection back to the exact row it sent.
class SandboxRiskEventValidator {
public:
    static constexpr int MaxEvents = 20;
    static constexpr int MaxSubjects = 50;
    static constexpr int MaxMessageLength = 512;

    // Empty list = the body is acceptable.
    static QStringList validate(const QJsonDocument& body);

    // 'value' for strings (shortened when long), the JSON type otherwise; used in causes.
    static QString describe(const QJsonValue& value);

private:
    static void validateEvent(const QJsonValue& event, const QString& position, QStringList* causes);
    static void validateSubject(const QJsonValue& subject, const QString& position, QStringList* causes);
};
