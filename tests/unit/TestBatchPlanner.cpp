// BatchPlanner: priority order, packing (50 subjects/event, 20 events/request), the exact JSON
// bodies (timestamps, expiresAt, escaping) and the mapping of Okta's "[i].subjects[j]" positions.
#include "riskevents/BatchPlanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <numeric>

namespace {

RiskSubject subject(const QString& ip, RiskLevel level, const QString& message = {}) {
    RiskSubject s;
    s.ip = ip;
    s.level = level;
    s.message = message;
    return s;
}

// n subjects, levels cycling LOW, HIGH, MEDIUM so that the plan must reorder them.
QVector<RiskSubject> mixed(int n) {
    QVector<RiskSubject> subjects;
    const RiskLevel cycle[] = {RiskLevel::Low, RiskLevel::High, RiskLevel::Medium};
    for (int i = 0; i < n; ++i)
        subjects.append(subject(QStringLiteral("10.%1.%2.%3").arg(i >> 16).arg((i >> 8) & 255).arg(i & 255),
                                cycle[i % 3], QStringLiteral("row %1").arg(i)));
    return subjects;
}

BatchPlanner::Options fixedTime() {
    BatchPlanner::Options options;
    options.timestamp = QDateTime(QDate(2021, 1, 20), QTime(0, 0, 0, 1), Qt::UTC);
    return options;
}

QJsonArray parse(const QByteArray& body) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        qWarning() << "not a JSON array:" << error.errorString() << body.left(200);
    return document.array();
}

} // namespace

class TestBatchPlanner : public QObject {
    Q_OBJECT
private slots:
    void emptyInputPlansNothing();
    void priorityOrderIsStableByLevel();
    void packsFiftySubjectsPerEventTwentyEventsPerRequest();
    void everySubjectExactlyOnceInPriorityOrder();
    void bodyIsExactForADryRun();
    void messageIsLeftOutWhenEmpty();
    void timestampIsUtcWithMilliseconds();
    void expiresAtFollowsTheTimeToLive();
    void nonPositiveTimeToLiveMeansNoExpiresAt();
    void invalidTimestampMeansNow();
    void sizesAreClampedToOktaLimits();
    void smallerSizesPackAccordingly();
    void stringsAreEscaped();
    void planWithoutBodiesHasTheSameSubjects();
    void largePlanBuiltInParallelIsTheSame();
    void positionOfMapsOktaPositions_data();
    void positionOfMapsOktaPositions();
    void buildBodyForASubsetKeepsItsOrder();
};

void TestBatchPlanner::emptyInputPlansNothing() {
    const BatchPlanner planner(fixedTime());
    QVERIFY(planner.plan({}).isEmpty());
    QCOMPARE(planner.buildBody({}, {}), QByteArray("[]"));
}

void TestBatchPlanner::priorityOrderIsStableByLevel() {
    const QVector<RiskSubject> subjects{
        subject("1.0.0.1", RiskLevel::Low),  subject("1.0.0.2", RiskLevel::Medium),
        subject("1.0.0.3", RiskLevel::High), subject("1.0.0.4", RiskLevel::Low),
        subject("1.0.0.5", RiskLevel::High), subject("1.0.0.6", RiskLevel::Medium),
        subject("1.0.0.7", RiskLevel::High),
    };
    QCOMPARE(BatchPlanner::priorityOrder(subjects), (QVector<int>{2, 4, 6, 1, 5, 0, 3}));
}

void TestBatchPlanner::packsFiftySubjectsPerEventTwentyEventsPerRequest() {
    const QVector<RiskSubject> subjects = mixed(2345);
    const auto requests = BatchPlanner(fixedTime()).plan(subjects);
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].subjects.size(), 1000);
    QCOMPARE(requests[1].subjects.size(), 1000);
    QCOMPARE(requests[2].subjects.size(), 345);
    for (int r = 0; r < requests.size(); ++r) {
        QCOMPARE(requests[r].id, r + 1);
        QCOMPARE(requests[r].parentId, 0);
        const QJsonArray events = parse(requests[r].body);
        const int expectedEvents = (static_cast<int>(requests[r].subjects.size()) + 49) / 50;
        QCOMPARE(events.size(), expectedEvents);
        for (int e = 0; e < events.size(); ++e) {
            const QJsonArray eventSubjects = events[e].toObject().value("subjects").toArray();
            QCOMPARE(eventSubjects.size(),
                     e + 1 < events.size() ? 50 : (requests[r].subjects.size() - 1) % 50 + 1);
        }
    }
}

void TestBatchPlanner::everySubjectExactlyOnceInPriorityOrder() {
    const QVector<RiskSubject> subjects = mixed(3001);
    const auto requests = BatchPlanner(fixedTime()).plan(subjects);
    QVector<int> seen;
    RiskLevel previous = RiskLevel::High;
    int previousIndex = -1;
    for (const PlannedRequest& request : requests) {
        const QJsonArray events = parse(request.body);
        int position = 0;
        for (const QJsonValue& event : events) {
            for (const QJsonValue& value : event.toObject().value("subjects").toArray()) {
                const int index = request.subjects[position++];
                const RiskSubject& s = subjects[index];
                QCOMPARE(value.toObject().value("ip").toString(), s.ip);
                QCOMPARE(value.toObject().value("riskLevel").toString(), RiskLevels::toString(s.level));
                QCOMPARE(value.toObject().value("message").toString(), s.message);
                // Never a lower level before a higher one; within a level, input order.
                QVERIFY(!RiskLevels::outranks(s.level, previous));
                if (s.level == previous)
                    QVERIFY(index > previousIndex);
                previous = s.level;
                previousIndex = index;
                seen.append(index);
            }
        }
        QCOMPARE(position, request.subjects.size());
    }
    std::sort(seen.begin(), seen.end());
    QVector<int> all(subjects.size());
    std::iota(all.begin(), all.end(), 0);
    QCOMPARE(seen, all);
}

void TestBatchPlanner::bodyIsExactForADryRun() {
    const QVector<RiskSubject> subjects{subject("192.0.2.1", RiskLevel::Low, "scanner"),
                                        subject("2001:db8::1", RiskLevel::High, "brute-force_login")};
    const auto requests = BatchPlanner(fixedTime()).plan(subjects);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(
        requests[0].body,
        QByteArray(R"([{"subjects":[{"ip":"2001:db8::1","riskLevel":"HIGH","message":"brute-force_login"},)"
                   R"({"ip":"192.0.2.1","riskLevel":"LOW","message":"scanner"}],)"
                   R"("timestamp":"2021-01-20T00:00:00.001Z"}])"));
}

void TestBatchPlanner::messageIsLeftOutWhenEmpty() {
    const QByteArray body =
        BatchPlanner(fixedTime()).buildBody({subject("192.0.2.7", RiskLevel::Medium)}, {0});
    QVERIFY(!body.contains("message"));
    QVERIFY(body.contains(R"({"ip":"192.0.2.7","riskLevel":"MEDIUM"})"));
}

void TestBatchPlanner::timestampIsUtcWithMilliseconds() {
    QCOMPARE(BatchPlanner::formatTimestamp(QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8, 0), Qt::UTC)),
             QStringLiteral("2026-02-18T06:35:08.000Z"));
    // A local time in another zone is converted, not relabelled.
    const QDateTime berlin(QDate(2026, 7, 1), QTime(12, 0, 0, 250), QTimeZone("Europe/Berlin"));
    QCOMPARE(BatchPlanner::formatTimestamp(berlin), QStringLiteral("2026-07-01T10:00:00.250Z"));
    BatchPlanner::Options options;
    options.timestamp = berlin;
    const BatchPlanner planner(options);
    QCOMPARE(planner.options().timestamp.timeSpec(), Qt::UTC);
    QVERIFY(planner.buildBody({subject("192.0.2.1", RiskLevel::Low)}, {0})
                .contains(R"("timestamp":"2026-07-01T10:00:00.250Z")"));
}

void TestBatchPlanner::expiresAtFollowsTheTimeToLive() {
    BatchPlanner::Options options = fixedTime();
    options.timeToLiveSeconds = 3600;
    const BatchPlanner planner(options);
    QCOMPARE(planner.expiresAt(), options.timestamp.addSecs(3600));
    const QJsonArray events = parse(planner.buildBody(mixed(120), BatchPlanner::priorityOrder(mixed(120))));
    QCOMPARE(events.size(), 3);
    for (const QJsonValue& event : events) {
        QCOMPARE(event.toObject().value("timestamp").toString(), QStringLiteral("2021-01-20T00:00:00.001Z"));
        QCOMPARE(event.toObject().value("expiresAt").toString(), QStringLiteral("2021-01-20T01:00:00.001Z"));
    }
}

void TestBatchPlanner::nonPositiveTimeToLiveMeansNoExpiresAt() {
    BatchPlanner::Options options = fixedTime();
    options.timeToLiveSeconds = 0;
    const BatchPlanner planner(options);
    QVERIFY(!planner.options().timeToLiveSeconds);
    QVERIFY(!planner.expiresAt().isValid());
    QVERIFY(!planner.buildBody({subject("192.0.2.1", RiskLevel::Low)}, {0}).contains("expiresAt"));
}

void TestBatchPlanner::invalidTimestampMeansNow() {
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const BatchPlanner planner;
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(planner.options().timestamp.toMSecsSinceEpoch() >= before);
    QVERIFY(planner.options().timestamp.toMSecsSinceEpoch() <= after);
}

void TestBatchPlanner::sizesAreClampedToOktaLimits() {
    BatchPlanner::Options options = fixedTime();
    options.subjectsPerEvent = 500;
    options.eventsPerRequest = 0;
    const BatchPlanner planner(options);
    QCOMPARE(planner.options().subjectsPerEvent, 50);
    QCOMPARE(planner.options().eventsPerRequest, 1);
    QCOMPARE(planner.subjectsPerRequest(), 50);
}

void TestBatchPlanner::smallerSizesPackAccordingly() {
    BatchPlanner::Options options = fixedTime();
    options.subjectsPerEvent = 2;
    options.eventsPerRequest = 3;
    const auto requests = BatchPlanner(options).plan(mixed(13));
    QCOMPARE(requests.size(), 3); // 6 + 6 + 1
    QCOMPARE(parse(requests[0].body).size(), 3);
    QCOMPARE(parse(requests[2].body).size(), 1);
    QCOMPARE(parse(requests[2].body)[0].toObject().value("subjects").toArray().size(), 1);
}

void TestBatchPlanner::stringsAreEscaped() {
    // The validator never lets these through; the writer must still produce valid JSON.
    const QString nasty =
        QStringLiteral("quote\" back\\slash \n\t\x01 é 中 ") + QString::fromUcs4(U"\U0001F600");
    const QByteArray body =
        BatchPlanner(fixedTime()).buildBody({subject("192.0.2.1", RiskLevel::High, nasty)}, {0});
    const QJsonArray events = parse(body);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].toObject().value("subjects").toArray()[0].toObject().value("message").toString(),
             nasty);
    QVERIFY(body.contains("\\u0001"));
}

void TestBatchPlanner::planWithoutBodiesHasTheSameSubjects() {
    const QVector<RiskSubject> subjects = mixed(2100);
    const BatchPlanner planner(fixedTime());
    const auto with = planner.plan(subjects, true);
    const auto without = planner.plan(subjects, false);
    QCOMPARE(without.size(), with.size());
    for (int i = 0; i < with.size(); ++i) {
        QCOMPARE(without[i].subjects, with[i].subjects);
        QVERIFY(without[i].body.isEmpty());
        QCOMPARE(planner.buildBody(subjects, without[i].subjects), with[i].body);
    }
}

void TestBatchPlanner::largePlanBuiltInParallelIsTheSame() {
    // Enough requests for plan() to use its worker threads: same bodies as one by one.
    const QVector<RiskSubject> subjects = mixed(64500);
    const BatchPlanner planner(fixedTime());
    const auto requests = planner.plan(subjects, true);
    QCOMPARE(requests.size(), 65);
    for (const PlannedRequest& request : requests)
        QCOMPARE(request.body, planner.buildBody(subjects, request.subjects));
}

void TestBatchPlanner::positionOfMapsOktaPositions_data() {
    QTest::addColumn<int>("event");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("position");
    QTest::newRow("first") << 0 << 0 << 1000 << 0;
    QTest::newRow("[3].subjects[7]") << 3 << 7 << 1000 << 157;
    QTest::newRow("last") << 19 << 49 << 1000 << 999;
    QTest::newRow("last of a short request") << 2 << 4 << 105 << 104;
    QTest::newRow("past the end") << 2 << 5 << 105 << -1;
    QTest::newRow("index beyond an event") << 0 << 50 << 1000 << -1;
    QTest::newRow("negative event") << -1 << 0 << 1000 << -1;
    QTest::newRow("negative index") << 0 << -1 << 1000 << -1;
    QTest::newRow("huge event") << 2000000000 << 0 << 1000 << -1;
}

void TestBatchPlanner::positionOfMapsOktaPositions() {
    QFETCH(int, event);
    QFETCH(int, index);
    QFETCH(int, count);
    QFETCH(int, position);
    QCOMPARE(BatchPlanner(fixedTime()).positionOf(event, index, count), position);
}

void TestBatchPlanner::buildBodyForASubsetKeepsItsOrder() {
    const QVector<RiskSubject> subjects = mixed(10);
    const QJsonArray events = parse(BatchPlanner(fixedTime()).buildBody(subjects, {7, 2, 5}));
    const QJsonArray s = events[0].toObject().value("subjects").toArray();
    QCOMPARE(s.size(), 3);
    QCOMPARE(s[0].toObject().value("ip").toString(), subjects[7].ip);
    QCOMPARE(s[1].toObject().value("ip").toString(), subjects[2].ip);
    QCOMPARE(s[2].toObject().value("ip").toString(), subjects[5].ip);
}

QTEST_GUILESS_MAIN(TestBatchPlanner)
#include "TestBatchPlanner.moc"
