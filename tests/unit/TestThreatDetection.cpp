// ThreatDetection::fromLogEvent over System Log events as Okta writes them: every field read,
// IPv6 clients, each missing or odd field named in the error, other event types refused, and
// the filter that selects the three ThreatInsight event types.
#include "incident/ThreatDetection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
// A security.threat.detected event shaped like Okta's (trimmed of fields we do not read).
QJsonObject threatEvent() {
    // moc cannot read raw string literals, so the JSON is spelled out line by line.
    return QJsonDocument::fromJson("{"
                                   "\"uuid\": \"9b1d2f5e-6a1b-11ef-8a0b-2f6c1e0d3a41\","
                                   "\"published\": \"2026-11-21T22:30:15.123Z\","
                                   "\"eventType\": \"security.threat.detected\","
                                   "\"severity\": \"WARN\","
                                   "\"displayMessage\": \"Request from suspicious actor\","
                                   "\"actor\": {"
                                   "\"id\": \"unknown\","
                                   "\"type\": \"PublicClientApp\""
                                   "},"
                                   "\"client\": {"
                                   "\"ipAddress\": \"203.0.113.77\","
                                   "\"userAgent\": {"
                                   "\"rawUserAgent\": \"python-requests/2.31\""
                                   "},"
                                   "\"geographicalContext\": {"
                                   "\"city\": \"Amsterdam\","
                                   "\"state\": \"North Holland\","
                                   "\"country\": \"Netherlands\""
                                   "}"
                                   "},"
                                   "\"outcome\": {"
                                   "\"result\": \"DENY\","
                                   "\"reason\": \"Password spray\""
                                   "},"
                                   "\"debugContext\": {"
                                   "\"debugData\": {"
                                   "\"threatSuspected\": \"Login failures\","
                                   "\"threatDetections\": \"{\\\"Password Spray\\\":\\\"HIGH\\\"}\","
                                   "\"requestUri\": \"/api/v1/authn\","
                                   "\"url\": \"/api/v1/authn?\","
                                   "\"dtHash\": \"e0b1c2d3\""
                                   "}"
                                   "}"
                                   "}")
        .object();
}

QJsonObject without(QJsonObject object, const QString& key) {
    object.remove(key);
    return object;
}

QJsonObject withClient(QJsonObject event, const QJsonObject& client) {
    event.insert(QStringLiteral("client"), client);
    return event;
}
} // namespace

class TestThreatDetection : public QObject {
    Q_OBJECT
private slots:
    void readsEveryFieldOfADetection();
    void readsAnIpv6Client();
    void attackEventsMayComeWithoutAClient();
    void attackKindsAndTheirText();
    void otherEventTypesAreRefusedByName();
    void missingFieldsAreNamed_data();
    void missingFieldsAreNamed();
    void badIpAddressIsNamed();
    void oddButReadableFields();
    void detailSkipsNoiseAndDuplicateUrl();
    void filterSelectsTheThreeTypes();
    void threatSuspectedFlagFallsBackToThreatDetections();
};

void TestThreatDetection::readsEveryFieldOfADetection() {
    QString error = QStringLiteral("stale");
    const auto d = ThreatDetection::fromLogEvent(threatEvent(), &error);
    QVERIFY2(d.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(d->uuid, QStringLiteral("9b1d2f5e-6a1b-11ef-8a0b-2f6c1e0d3a41"));
    QCOMPARE(d->published, QDateTime(QDate(2026, 11, 21), QTime(22, 30, 15, 123), Qt::UTC));
    QCOMPARE(d->published.timeSpec(), Qt::UTC);
    QCOMPARE(d->eventType, QStringLiteral("security.threat.detected"));
    QCOMPARE(d->kind, ThreatDetection::Kind::ThreatDetected);
    QCOMPARE(d->ip, QStringLiteral("203.0.113.77"));
    QCOMPARE(d->outcome, QStringLiteral("DENY"));
    QCOMPARE(d->outcomeReason, QStringLiteral("Password spray"));
    QCOMPARE(d->threatSuspected, QStringLiteral("Login failures"));
    QCOMPARE(d->location, QStringLiteral("Amsterdam, Netherlands"));
    QCOMPARE(d->detail, QStringLiteral("Request from suspicious actor; threat suspected: Login failures; "
                                       "threatDetections: {\"Password Spray\":\"HIGH\"}; "
                                       "requestUri: /api/v1/authn; reason: Password spray"));
    QVERIFY(!d->detail.contains(QLatin1Char('\n')));
    QCOMPARE(d->raw, threatEvent());
    QCOMPARE(d->kindText(), QStringLiteral("Threat detected"));
}

void TestThreatDetection::readsAnIpv6Client() {
    const QJsonObject event = withClient(
        threatEvent(),
        QJsonObject{{QStringLiteral("ipAddress"), QStringLiteral("2001:db8:85a3::8a2e:370:7334")}});
    QString error;
    const auto d = ThreatDetection::fromLogEvent(event, &error);
    QVERIFY2(d.has_value(), qPrintable(error));
    QCOMPARE(d->ip, QStringLiteral("2001:db8:85a3::8a2e:370:7334"));
    QVERIFY(d->location.isEmpty()); // no geographicalContext: no location, no error
}

void TestThreatDetection::attackEventsMayComeWithoutAClient() {
    QJsonObject event = without(threatEvent(), QStringLiteral("client"));
    event.insert(QStringLiteral("eventType"), QStringLiteral("security.attack.start"));
    event.insert(QStringLiteral("outcome"),
                 QJsonObject{{QStringLiteral("result"), QStringLiteral("SUCCESS")}});
    event.insert(QStringLiteral("debugContext"), QJsonObject{});
    event.insert(QStringLiteral("displayMessage"), QStringLiteral("Org under attack"));
    QString error;
    const auto d = ThreatDetection::fromLogEvent(event, &error);
    QVERIFY2(d.has_value(), qPrintable(error));
    QCOMPARE(d->kind, ThreatDetection::Kind::AttackStart);
    QVERIFY(d->ip.isEmpty());
    QCOMPARE(d->outcome, QStringLiteral("SUCCESS"));
    QVERIFY(d->outcomeReason.isEmpty());
    QVERIFY(d->threatSuspected.isEmpty());
    QCOMPARE(d->detail, QStringLiteral("Org under attack"));
    QVERIFY(d->location.isEmpty());
}

void TestThreatDetection::attackKindsAndTheirText() {
    QJsonObject event = threatEvent();
    event.insert(QStringLiteral("eventType"), QStringLiteral("security.attack.start"));
    auto d = ThreatDetection::fromLogEvent(event, nullptr);
    QVERIFY(d.has_value());
    QCOMPARE(d->kind, ThreatDetection::Kind::AttackStart);
    QCOMPARE(d->kindText(), QStringLiteral("Attack started"));
    event.insert(QStringLiteral("eventType"), QStringLiteral("security.attack.end"));
    d = ThreatDetection::fromLogEvent(event, nullptr);
    QVERIFY(d.has_value());
    QCOMPARE(d->kind, ThreatDetection::Kind::AttackEnd);
    QCOMPARE(d->kindText(), QStringLiteral("Attack ended"));
    QCOMPARE(d->ip, QStringLiteral("203.0.113.77")); // an attack event may name a client too
}

void TestThreatDetection::otherEventTypesAreRefusedByName() {
    QJsonObject event = threatEvent();
    event.insert(QStringLiteral("eventType"), QStringLiteral("security.risk.signal.consume"));
    QString error;
    QVERIFY(!ThreatDetection::fromLogEvent(event, &error).has_value());
    QCOMPARE(error, QStringLiteral("eventType 'security.risk.signal.consume' is not a ThreatInsight event"));
    // The type is checked first: an unrelated event is reported as such even when it lacks a uuid.
    event.remove(QStringLiteral("uuid"));
    QVERIFY(!ThreatDetection::fromLogEvent(event, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("not a ThreatInsight event")), qPrintable(error));
    // Case matters, as it does in Okta's filter.
    event = threatEvent();
    event.insert(QStringLiteral("eventType"), QStringLiteral("Security.Threat.Detected"));
    QVERIFY(!ThreatDetection::fromLogEvent(event, &error).has_value());
    QCOMPARE(error, QStringLiteral("eventType 'Security.Threat.Detected' is not a ThreatInsight event"));
    // A null error pointer is allowed.
    QVERIFY(!ThreatDetection::fromLogEvent(event, nullptr).has_value());
}

void TestThreatDetection::missingFieldsAreNamed_data() {
    QTest::addColumn<QJsonObject>("event");
    QTest::addColumn<QString>("error");

    QTest::newRow("no eventType") << without(threatEvent(), QStringLiteral("eventType"))
                                  << QStringLiteral("eventType is missing");
    QJsonObject numericType = threatEvent();
    numericType.insert(QStringLiteral("eventType"), 42);
    QTest::newRow("eventType not a string") << numericType << QStringLiteral("eventType is missing");
    QTest::newRow("no uuid") << without(threatEvent(), QStringLiteral("uuid"))
                             << QStringLiteral("uuid is missing");
    QJsonObject blankUuid = threatEvent();
    blankUuid.insert(QStringLiteral("uuid"), QStringLiteral("   "));
    QTest::newRow("blank uuid") << blankUuid << QStringLiteral("uuid is missing");
    QTest::newRow("no published") << without(threatEvent(), QStringLiteral("published"))
                                  << QStringLiteral("published is missing");
    QJsonObject badTime = threatEvent();
    badTime.insert(QStringLiteral("published"), QStringLiteral("yesterday"));
    QTest::newRow("published not a time")
        << badTime << QStringLiteral("published 'yesterday' is not an ISO 8601 time");
    QTest::newRow("detection without client")
        << without(threatEvent(), QStringLiteral("client")) << QStringLiteral("client.ipAddress is missing");
    QTest::newRow("detection with empty ip")
        << withClient(threatEvent(), QJsonObject{{QStringLiteral("ipAddress"), QString()}})
        << QStringLiteral("client.ipAddress is missing");
    QTest::newRow("detection with null ip")
        << withClient(threatEvent(), QJsonObject{{QStringLiteral("ipAddress"), QJsonValue::Null}})
        << QStringLiteral("client.ipAddress is missing");
}

void TestThreatDetection::missingFieldsAreNamed() {
    QFETCH(QJsonObject, event);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!ThreatDetection::fromLogEvent(event, &actual).has_value());
    QCOMPARE(actual, error);
}

void TestThreatDetection::badIpAddressIsNamed() {
    QString error;
    QVERIFY(!ThreatDetection::fromLogEvent(
                 withClient(threatEvent(),
                            QJsonObject{{QStringLiteral("ipAddress"), QStringLiteral("10.0.0.300")}}),
                 &error)
                 .has_value());
    QCOMPARE(error, QStringLiteral("client.ipAddress '10.0.0.300' is not an IP address"));
    QVERIFY(!ThreatDetection::fromLogEvent(
                 withClient(threatEvent(),
                            QJsonObject{{QStringLiteral("ipAddress"), QStringLiteral("evil.example")}}),
                 &error)
                 .has_value());
    QCOMPARE(error, QStringLiteral("client.ipAddress 'evil.example' is not an IP address"));
}

void TestThreatDetection::oddButReadableFields() {
    // Okta itself logs threatSuspected as the string "true"; a bool, a number, a missing outcome,
    // a time without milliseconds or zone, and a location with only a country are all readable.
    QJsonObject event = threatEvent();
    event.insert(QStringLiteral("published"), QStringLiteral("2026-11-21 22:30:15"));
    event.remove(QStringLiteral("outcome"));
    event.remove(QStringLiteral("displayMessage"));
    event.insert(
        QStringLiteral("debugContext"),
        QJsonObject{{QStringLiteral("debugData"),
                     QJsonObject{{QStringLiteral("threatSuspected"), true},
                                 {QStringLiteral("risk"), QJsonObject{{QStringLiteral("level"), 3}}}}}});
    event.insert(QStringLiteral("client"),
                 QJsonObject{{QStringLiteral("ipAddress"), QStringLiteral(" 198.51.100.4 ")},
                             {QStringLiteral("geographicalContext"),
                              QJsonObject{{QStringLiteral("city"), QJsonValue::Null},
                                          {QStringLiteral("country"), QStringLiteral("Brazil")}}}});
    QString error;
    const auto d = ThreatDetection::fromLogEvent(event, &error);
    QVERIFY2(d.has_value(), qPrintable(error));
    QCOMPARE(d->published, QDateTime(QDate(2026, 11, 21), QTime(22, 30, 15), Qt::UTC)); // UTC, never local
    QCOMPARE(d->ip, QStringLiteral("198.51.100.4"));
    QVERIFY(d->outcome.isEmpty());
    QVERIFY(d->outcomeReason.isEmpty());
    QCOMPARE(d->threatSuspected, QStringLiteral("true"));
    QCOMPARE(d->detail, QStringLiteral("threat suspected: true; risk: {\"level\":3}"));
    QCOMPARE(d->location, QStringLiteral("Brazil"));
}

void TestThreatDetection::detailSkipsNoiseAndDuplicateUrl() {
    QJsonObject event = threatEvent();
    QJsonObject debugData{{QStringLiteral("url"), QStringLiteral("/login/login.htm?fromURI=%2F")},
                          {QStringLiteral("behaviors"), QStringLiteral("{New IP=POSITIVE}")},
                          {QStringLiteral("requestId"), QStringLiteral("reqNoise")},
                          {QStringLiteral("displayMessage"), QStringLiteral("multi\nline")}};
    event.insert(QStringLiteral("debugContext"), QJsonObject{{QStringLiteral("debugData"), debugData}});
    event.insert(QStringLiteral("displayMessage"), QStringLiteral("Request from\n  suspicious actor"));
    event.insert(QStringLiteral("outcome"),
                 QJsonObject{{QStringLiteral("result"), QStringLiteral("RATE_LIMIT")}});
    const auto d = ThreatDetection::fromLogEvent(event, nullptr);
    QVERIFY(d.has_value());
    QVERIFY(d->threatSuspected.isEmpty());
    QCOMPARE(d->outcome, QStringLiteral("RATE_LIMIT"));
    // Without requestUri the url is the next best thing; Okta's internal ids stay out.
    QCOMPARE(d->detail, QStringLiteral("Request from suspicious actor; behaviors: {New IP=POSITIVE}; "
                                       "url: /login/login.htm?fromURI=%2F"));
}

void TestThreatDetection::filterSelectsTheThreeTypes() {
    QCOMPARE(
        ThreatDetection::systemLogFilter(),
        QStringLiteral("eventType eq \"security.threat.detected\" or eventType eq \"security.attack.start\" "
                       "or eventType eq \"security.attack.end\""));
}

void TestThreatDetection::threatSuspectedFlagFallsBackToThreatDetections() {
    // As real orgs log it: a bare flag, and the threats in a JSON string.
    QJsonObject event = threatEvent();
    QJsonObject debugContext = event.value(QStringLiteral("debugContext")).toObject();
    QJsonObject debugData = debugContext.value(QStringLiteral("debugData")).toObject();
    debugData.insert(QStringLiteral("threatSuspected"), QStringLiteral("true"));
    debugData.insert(QStringLiteral("threatDetections"),
                     QStringLiteral("{\"Login failures\":\"HIGH\",\"Password Spray\":\"MEDIUM\"}"));
    debugContext.insert(QStringLiteral("debugData"), debugData);
    event.insert(QStringLiteral("debugContext"), debugContext);
    QString error;
    std::optional<ThreatDetection> detection = ThreatDetection::fromLogEvent(event, &error);
    QVERIFY2(detection, qPrintable(error));
    QCOMPARE(detection->threatSuspected, QStringLiteral("Login failures (HIGH), Password Spray (MEDIUM)"));

    // A flag without threatDetections stays what it is rather than vanish.
    debugData.remove(QStringLiteral("threatDetections"));
    debugContext.insert(QStringLiteral("debugData"), debugData);
    event.insert(QStringLiteral("debugContext"), debugContext);
    detection = ThreatDetection::fromLogEvent(event, &error);
    QVERIFY2(detection, qPrintable(error));
    QCOMPARE(detection->threatSuspected, QStringLiteral("true"));

    // Caught by fuzz_okta_json's one-line check: names inside threatDetections broke the detail.
    debugData.insert(QStringLiteral("threatDetections"),
                     QStringLiteral("{\"Login\\nfailures \":\"HIGH\\tx\"}"));
    debugContext.insert(QStringLiteral("debugData"), debugData);
    event.insert(QStringLiteral("debugContext"), debugContext);
    detection = ThreatDetection::fromLogEvent(event, &error);
    QVERIFY2(detection, qPrintable(error));
    QCOMPARE(detection->threatSuspected, QStringLiteral("Login failures (HIGH x)"));
    QVERIFY(!detection->detail.contains(QLatin1Char('\n')));
}

QTEST_GUILESS_MAIN(TestThreatDetection)
#include "TestThreatDetection.moc"
