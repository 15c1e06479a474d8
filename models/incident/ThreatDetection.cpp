#include "incident/ThreatDetection.h"

#include "api/OktaTime.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {
const QString ThreatDetectedType = QStringLiteral("security.threat.detected");
const QString AttackStartType = QStringLiteral("security.attack.start");
const QString AttackEndType = QStringLiteral("security.attack.end");

// debugData keys worth a place in the one-line detail, in this order; the rest (hashes, request
// ids of Okta's own pipeline) only add noise to a table cell. The raw event keeps everything.
const char* const DetailKeys[] = {"threatDetections", "risk", "behaviors", "requestUri", "url"};

// System Log values are strings in practice, but a number, bool or nested object must not be
// lost: render them compactly on one line.
QString oneLine(const QJsonValue& value) {
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isDouble())
        text = QString::number(value.toDouble(), 'g', 15);
    return text.simplified();
}

// threatDetections as Okta logs it, a JSON object in a string ({"Login failures":"HIGH"}), as
// "Login failures (HIGH)"; empty when it is absent or not such an object.
QString suspectedThreats(const QJsonValue& value) {
    QJsonObject object = value.toObject();
    if (value.isString())
        object = QJsonDocument::fromJson(value.toString().toUtf8()).object();
    QStringList threats;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        // The names are the log's too: one line, like every value (caught by fuzz_okta_json).
        const QString name = it.key().simplified();
        const QString level = oneLine(it.value());
        threats << (level.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, level));
    }
    return threats.join(QStringLiteral(", "));
}

// Every refusal: the reason (naming the field) and no detection.
std::optional<ThreatDetection> fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return std::nullopt;
}
} // namespace

QString ThreatDetection::systemLogFilter() {
    return QStringLiteral("eventType eq \"%1\" or eventType eq \"%2\" or eventType eq \"%3\"")
        .arg(ThreatDetectedType, AttackStartType, AttackEndType);
}

std::optional<ThreatDetection> ThreatDetection::fromLogEvent(const QJsonObject& event, QString* error) {
    ThreatDetection d;
    // The type first: an unrelated event is "not ours", whatever else it lacks.
    const QJsonValue typeValue = event.value(QLatin1String("eventType"));
    if (!typeValue.isString() || typeValue.toString().isEmpty())
        return fail(error, QCoreApplication::translate("ThreatDetection", "eventType is missing"));
    d.eventType = typeValue.toString();
    if (d.eventType == ThreatDetectedType) {
        d.kind = Kind::ThreatDetected;
    } else if (d.eventType == AttackStartType) {
        d.kind = Kind::AttackStart;
    } else if (d.eventType == AttackEndType) {
        d.kind = Kind::AttackEnd;
    } else {
        return fail(error, QCoreApplication::translate("ThreatDetection",
                                                       "eventType '%1' is not a ThreatInsight event")
                               .arg(d.eventType));
    }

    d.uuid = event.value(QLatin1String("uuid")).toString().trimmed();
    if (d.uuid.isEmpty())
        return fail(error, QCoreApplication::translate("ThreatDetection", "uuid is missing"));
    const QJsonValue publishedValue = event.value(QLatin1String("published"));
    if (!publishedValue.isString() || publishedValue.toString().trimmed().isEmpty())
        return fail(error, QCoreApplication::translate("ThreatDetection", "published is missing"));
    d.published = OktaTime::parse(publishedValue.toString());
    if (!d.published.isValid())
        return fail(error,
                    QCoreApplication::translate("ThreatDetection", "published '%1' is not an ISO 8601 time")
                        .arg(publishedValue.toString()));

    const QJsonObject client = event.value(QLatin1String("client")).toObject();
    const QJsonValue ipValue = client.value(QLatin1String("ipAddress"));
    d.ip = ipValue.isString() ? ipValue.toString().trimmed() : QString();
    if (!d.ip.isEmpty() && QHostAddress(d.ip).isNull())
        return fail(error, QCoreApplication::translate("ThreatDetection",
                                                       "client.ipAddress '%1' is not an IP address")
                               .arg(d.ip));
    // A detection is about a client; only the org-wide attack events may come without one.
    if (d.ip.isEmpty() && d.kind == Kind::ThreatDetected)
        return fail(error, QCoreApplication::translate("ThreatDetection", "client.ipAddress is missing"));

    const QJsonObject outcome = event.value(QLatin1String("outcome")).toObject();
    d.outcome = oneLine(outcome.value(QLatin1String("result")));
    d.outcomeReason = oneLine(outcome.value(QLatin1String("reason")));

    const QJsonObject debugData =
        event.value(QLatin1String("debugContext")).toObject().value(QLatin1String("debugData")).toObject();
    d.threatSuspected = oneLine(debugData.value(QLatin1String("threatSuspected")));
    // Real orgs often log threatSuspected as a bare "true" and what was suspected in
    // threatDetections, a JSON object in a string ({"Login failures":"HIGH"}): show that instead.
    const QString flag = d.threatSuspected.toLower();
    if (flag == QLatin1String("true") || flag == QLatin1String("false") || d.threatSuspected.isEmpty()) {
        const QString detections = suspectedThreats(debugData.value(QLatin1String("threatDetections")));
        if (!detections.isEmpty())
            d.threatSuspected = detections;
    }

    QStringList detail;
    const QString displayMessage = oneLine(event.value(QLatin1String("displayMessage")));
    if (!displayMessage.isEmpty())
        detail << displayMessage;
    if (!d.threatSuspected.isEmpty())
        detail
            << QCoreApplication::translate("ThreatDetection", "threat suspected: %1").arg(d.threatSuspected);
    for (const char* key : DetailKeys) {
        // url repeats requestUri (plus the query) when both are logged.
        if (qstrcmp(key, "url") == 0 && debugData.contains(QLatin1String("requestUri")))
            continue;
        const QString value = oneLine(debugData.value(QLatin1String(key)));
        if (!value.isEmpty())
            detail << QStringLiteral("%1: %2").arg(QLatin1String(key), value);
    }
    if (!d.outcomeReason.isEmpty())
        detail << QCoreApplication::translate("ThreatDetection", "reason: %1").arg(d.outcomeReason);
    d.detail = detail.join(QStringLiteral("; "));

    const QJsonObject geo = client.value(QLatin1String("geographicalContext")).toObject();
    QStringList place;
    for (const char* key : {"city", "country"}) {
        const QString part = oneLine(geo.value(QLatin1String(key)));
        if (!part.isEmpty())
            place << part;
    }
    d.location = place.join(QStringLiteral(", "));

    d.raw = event;
    if (error)
        error->clear();
    return d;
}

QString ThreatDetection::kindText() const {
    switch (kind) {
    case Kind::ThreatDetected:
        return QCoreApplication::translate("ThreatDetection", "Threat detected");
    case Kind::AttackStart:
        return QCoreApplication::translate("ThreatDetection", "Attack started");
    case Kind::AttackEnd:
        return QCoreApplication::translate("ThreatDetection", "Attack ended");
    }
    return {};
}
