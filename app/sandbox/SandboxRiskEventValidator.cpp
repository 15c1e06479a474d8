#include "SandboxRiskEventValidator.h"

#include "SandboxIpAddress.h"
#include "SandboxTime.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <optional>

namespace {

const QLatin1String kTimestampFormat("yyyy-MM-ddTHH:mm:ss.SSSZ");

bool isAbsent(const QJsonValue& value) {
    return value.isUndefined() || value.isNull();
}

std::optional<QChar> firstDisallowedMessageChar(const QString& message) {
    for (const QChar c : message) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                             (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                             (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char(' ') ||
                             c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-');
        if (!allowed)
            return c;
    }
    return std::nullopt;
}

// Returns the parsed time when the field is present and valid; adds a cause when it is invalid.
std::optional<qint64> checkTimestamp(const QJsonObject& event, const QString& field, const QString& position,
                                     QStringList* causes) {
    const QJsonValue value = event.value(field);
    if (isAbsent(value))
        return std::nullopt;
    const QString where = position + QLatin1Char('.') + field + QStringLiteral(": ");
    if (!value.isString()) {
        causes->append(where + QStringLiteral("expected a string in ISO 8601 UTC format %1, got %2")
                                   .arg(kTimestampFormat, SandboxRiskEventValidator::describe(value)));
        return std::nullopt;
    }
    const std::optional<qint64> parsed = SandboxTime::parseStrictUtc(value.toString());
    if (!parsed)
        causes->append(where + QStringLiteral("%1 is not an ISO 8601 UTC timestamp (%2)")
                                   .arg(SandboxRiskEventValidator::describe(value), kTimestampFormat));
    return parsed;
}

} // namespace

QString SandboxRiskEventValidator::describe(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 80)
            text = text.left(77) + QStringLiteral("...");
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // Whole numbers as written (1611100800, not 1.6111e+09); others with full precision.
        if (std::abs(number) < 1e15 && std::floor(number) == number)
            return QStringLiteral("the number %1").arg(static_cast<qint64>(number));
        return QStringLiteral("the number %1").arg(number, 0, 'g', 17);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QStringList SandboxRiskEventValidator::validate(const QJsonDocument& body) {
    QStringList causes;
    if (!body.isArray()) {
        causes << QStringLiteral("body: expected an array of risk events");
        return causes;
    }
    const QJsonArray events = body.array();
    if (events.isEmpty()) {
        causes << QStringLiteral("body: expected at least 1 risk event, got 0");
        return causes;
    }
    if (events.size() > MaxEvents)
        causes << QStringLiteral("body: at most %1 events per request, got %2")
                      .arg(MaxEvents)
                      .arg(events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        validateEvent(events.at(i), QStringLiteral("[%1]").arg(i), &causes);
    return causes;
}

void SandboxRiskEventValidator::validateEvent(const QJsonValue& eventValue, const QString& position,
                                              QStringList* causes) {
    if (!eventValue.isObject()) {
        causes->append(position +
                       QStringLiteral(": expected a risk event object, got %1").arg(describe(eventValue)));
        return;
    }
    const QJsonObject event = eventValue.toObject();

    const std::optional<qint64> timestamp =
        checkTimestamp(event, QStringLiteral("timestamp"), position, causes);
    const std::optional<qint64> expiresAt =
        checkTimestamp(event, QStringLiteral("expiresAt"), position, causes);
    if (timestamp && expiresAt && *expiresAt <= *timestamp)
        causes->append(position + QStringLiteral(".expiresAt: '%1' must be after timestamp '%2'")
                                      .arg(event.value(QStringLiteral("expiresAt")).toString(),
                                           event.value(QStringLiteral("timestamp")).toString()));

    const QString where = position + QStringLiteral(".subjects");
    const QJsonValue subjectsValue = event.value(QStringLiteral("subjects"));
    if (isAbsent(subjectsValue)) {
        causes->append(where + QStringLiteral(": is required"));
        return;
    }
    if (!subjectsValue.isArray()) {
        causes->append(
            where + QStringLiteral(": expected an array of subjects, got %1").arg(describe(subjectsValue)));
        return;
    }
    const QJsonArray subjects = subjectsValue.toArray();
    if (subjects.isEmpty())
        causes->append(where + QStringLiteral(": expected at least 1 subject, got 0"));
    if (subjects.size() > MaxSubjects)
        causes->append(
            where +
            QStringLiteral(": at most %1 subjects per event, got %2").arg(MaxSubjects).arg(subjects.size()));
    for (qsizetype j = 0; j < subjects.size(); ++j)
        validateSubject(subjects.at(j), where + QStringLiteral("[%1]").arg(j), causes);
}

void SandboxRiskEventValidator::validateSubject(const QJsonValue& subjectValue, const QString& position,
                                                QStringList* causes) {
    if (!subjectValue.isObject()) {
        causes->append(position +
                       QStringLiteral(": expected a subject object, got %1").arg(describe(subjectValue)));
        return;
    }
    const QJsonObject subject = subjectValue.toObject();

    const QJsonValue ip = subject.value(QStringLiteral("ip"));
    const QString ipWhere = position + QStringLiteral(".ip: ");
    if (isAbsent(ip))
        causes->append(ipWhere + QStringLiteral("is required"));
    else if (!ip.isString())
        causes->append(ipWhere + QStringLiteral("expected a string, got %1").arg(describe(ip)));
    else if (!SandboxIpAddress::isSingleAddress(ip.toString()))
        causes->append(ipWhere + QStringLiteral("%1 is not a single IPv4 or IPv6 address").arg(describe(ip)));

    const QJsonValue level = subject.value(QStringLiteral("riskLevel"));
    const QString levelWhere = position + QStringLiteral(".riskLevel: ");
    if (isAbsent(level))
        causes->append(levelWhere + QStringLiteral("is required (one of LOW, MEDIUM, HIGH)"));
    else if (!level.isString() ||
             (level.toString() != QLatin1String("LOW") && level.toString() != QLatin1String("MEDIUM") &&
              level.toString() != QLatin1String("HIGH")))
        causes->append(levelWhere +
                       QStringLiteral("%1 is not one of LOW, MEDIUM, HIGH").arg(describe(level)));

    const QJsonValue message = subject.value(QStringLiteral("message"));
    const QString messageWhere = position + QStringLiteral(".message: ");
    if (isAbsent(message))
        return;
    if (!message.isString()) {
        causes->append(messageWhere + QStringLiteral("expected a string, got %1").arg(describe(message)));
        return;
    }
    const QString text = message.toString();
    if (text.size() > MaxMessageLength)
        causes->append(
            messageWhere +
            QStringLiteral("at most %1 characters, got %2").arg(MaxMessageLength).arg(text.size()));
    if (const std::optional<QChar> bad = firstDisallowedMessageChar(text))
        causes->append(messageWhere +
                       QStringLiteral("character '%1' is not allowed; only letters, digits, space, "
                                      "'.', '_' and '-' are")
                           .arg(*bad));
}
