// `threatdesk detections` as a user runs it: a separate process, its stdout, stderr and exit code,
// against the in-process sandbox (--sandbox, seeded detections) or a threatdesk-sandbox process
// (--org URL) when detections are generated through its admin API or a fault is injected.
#include "CliRun.h"
#include "SandboxProcess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>

using namespace CliTest;

namespace {

constexpr int SeededEvents = 14; // 12 security.threat.detected + attack start and end
const QStringList SeededIps{QStringLiteral("203.0.113.45"),    QStringLiteral("198.51.100.23"),
                            QStringLiteral("2001:db8:4f::17"), QStringLiteral("198.51.100.77"),
                            QStringLiteral("203.0.113.201"),   QStringLiteral("2001:db8:a0::5"),
                            QStringLiteral("203.0.113.9"),     QStringLiteral("198.51.100.140")};

// The table's data rows: every stdout line that starts with a UTC time.
QStringList tableRows(const QString& out) {
    static const QRegularExpression row(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ "));
    QStringList rows;
    for (const QString& line : out.split(QLatin1Char('\n'))) {
        if (row.match(line).hasMatch())
            rows << line;
    }
    return rows;
}

QString isoUtc(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace

class TestCliDetections : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void helpListsTheCommand();
    void tableListsTheSeededDetections();
    void jsonIsAnArrayOfOktaEvents();
    void sinceAndUntilBoundTheRange();
    void badOptionsExit2_data();
    void badOptionsExit2();
    void generatedDetectionsAppear();
    void serverFaultExits4WithRequestId();

private:
    QTemporaryDir m_home; // private config and data folders: nothing of the user's is touched
};

void TestCliDetections::initTestCase() {
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
    QVERIFY2(QFileInfo(binary("threatdesk")).isExecutable(), qPrintable(binary("threatdesk")));
    QVERIFY2(QFileInfo(binary("threatdesk-sandbox")).isExecutable(),
             qPrintable(binary("threatdesk-sandbox")));
}

void TestCliDetections::helpListsTheCommand() {
    RUN_CLI(run, {QStringLiteral("--help")});
    EXPECT_EXIT(run, 0);
    QVERIFY2(run.out.contains(QStringLiteral("detections [--since 24h|TIME] [--until TIME]")),
             qPrintable(run.out));
    RUN_CLI(own, {QStringLiteral("detections"), QStringLiteral("--help")});
    EXPECT_EXIT(own, 0);
    QVERIFY2(own.out.contains(QStringLiteral("--since SINCE")) && own.out.contains(QStringLiteral("90d")),
             qPrintable(own.out));
    QVERIFY2(own.out.contains(QStringLiteral("--until TIME")), qPrintable(own.out));
}

void TestCliDetections::tableListsTheSeededDetections() {
    const QDateTime before = QDateTime::currentDateTimeUtc();
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("detections")});
    EXPECT_EXIT(run, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // no skipped events, no warnings
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.first().simplified() == QStringLiteral("TIME IP EVENT OUTCOME THREAT"),
             qPrintable(run.out));

    const QStringList rows = tableRows(run.out);
    QCOMPARE(rows.size(), SeededEvents);
    // Newest first: 25 minutes ago, an allowed request from 198.51.100.140.
    QVERIFY2(rows.first().contains(QStringLiteral(" 198.51.100.140 ")) &&
                 rows.first().contains(QStringLiteral("ALLOW")),
             qPrintable(rows.first()));
    QVERIFY2(rows.last().contains(QStringLiteral(" 203.0.113.45 ")) &&
                 rows.last().contains(QStringLiteral("DENY")),
             qPrintable(rows.last()));
    QStringList times;
    for (const QString& row : rows)
        times << row.section(QLatin1Char(' '), 0, 0);
    QStringList sorted = times;
    std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
    QCOMPARE(times, sorted);
    for (const QString& ip : SeededIps)
        QVERIFY2(run.out.contains(QLatin1Char(' ') + ip + QLatin1Char(' ')), qPrintable(ip));
    QVERIFY(run.out.contains(QStringLiteral("Attack started")));
    QVERIFY(run.out.contains(QStringLiteral("Attack ended")));
    QVERIFY(run.out.contains(QStringLiteral("RATE_LIMIT")));
    QVERIFY(run.out.contains(QStringLiteral("Password spray: 96 failed sign-ins in 10 minutes")));

    // The count line names the range (24 hours up to now, UTC) and the distinct IPs.
    static const QRegularExpression count(
        QStringLiteral("^14 detections from (\\S+Z) to (\\S+Z); 8 distinct IPs$"));
    const QRegularExpressionMatch match = count.match(lines.last());
    QVERIFY2(match.hasMatch(), qPrintable(lines.last()));
    const QDateTime from = QDateTime::fromString(match.captured(1), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(match.captured(2), Qt::ISODate);
    QCOMPARE(from.secsTo(to), 24 * 3600);
    QVERIFY(to >= before.addSecs(-1) && to <= QDateTime::currentDateTimeUtc().addSecs(1));
}

void TestCliDetections::jsonIsAnArrayOfOktaEvents() {
    // --json before or after the command.
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("--sandbox"), QStringLiteral("--json"), QStringLiteral("detections")},
          QStringList{QStringLiteral("--sandbox"), QStringLiteral("detections"), QStringLiteral("--json")}}) {
        RUN_CLI(run, arguments);
        EXPECT_EXIT(run, 0);
        const QJsonDocument document = parseJson(run.out);
        QVERIFY2(document.isArray(), qPrintable(run.out));
        const QJsonArray events = document.array();
        QCOMPARE(events.size(), SeededEvents);
        QSet<QString> types;
        QSet<QString> uuids;
        for (const QJsonValue& value : events) {
            const QJsonObject event = value.toObject();
            types.insert(event.value(QStringLiteral("eventType")).toString());
            uuids.insert(event.value(QStringLiteral("uuid")).toString());
            // Okta's objects as logged, not a summary of them.
            QVERIFY(event.contains(QStringLiteral("published")));
            QVERIFY(event.value(QStringLiteral("outcome")).isObject());
            QVERIFY(
                event.value(QStringLiteral("debugContext")).toObject().contains(QStringLiteral("debugData")));
        }
        QCOMPARE(types, (QSet<QString>{QStringLiteral("security.threat.detected"),
                                       QStringLiteral("security.attack.start"),
                                       QStringLiteral("security.attack.end")}));
        QCOMPARE(uuids.size(), SeededEvents);
        QCOMPARE(events.first()
                     .toObject()
                     .value(QStringLiteral("client"))
                     .toObject()
                     .value(QStringLiteral("ipAddress"))
                     .toString(),
                 QStringLiteral("198.51.100.140"));
    }
}

void TestCliDetections::sinceAndUntilBoundTheRange() {
    RUN_CLI(recent, {QStringLiteral("--sandbox"), QStringLiteral("detections"), QStringLiteral("--since"),
                     QStringLiteral("2h")});
    EXPECT_EXIT(recent, 0);
    QCOMPARE(tableRows(recent.out).size(), 2); // 25 and 118 minutes ago
    QVERIFY2(recent.out.contains(QStringLiteral("2 detections from ")), qPrintable(recent.out));
    QVERIFY2(recent.out.contains(QStringLiteral("; 2 distinct IPs")), qPrintable(recent.out));

    // The attack window: start 780 minutes ago (in: since is inclusive) to the end at 660 (out).
    // The sandbox seeds relative to its own start, a moment after `now`, so both edges hold.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    RUN_CLI(window,
            {QStringLiteral("--sandbox"), QStringLiteral("detections"), QStringLiteral("--since"),
             isoUtc(now.addSecs(-780 * 60)), QStringLiteral("--until"), isoUtc(now.addSecs(-660 * 60))});
    EXPECT_EXIT(window, 0);
    const QStringList rows = tableRows(window.out);
    QCOMPARE(rows.size(), 4);
    QVERIFY2(rows.last().contains(QStringLiteral("Attack started")), qPrintable(window.out));
    QVERIFY2(!window.out.contains(QStringLiteral("Attack ended")), qPrintable(window.out));
    QVERIFY2(window.out.contains(QStringLiteral("4 detections from %1 to %2; 3 distinct IPs")
                                     .arg(isoUtc(now.addSecs(-780 * 60)), isoUtc(now.addSecs(-660 * 60)))),
             qPrintable(window.out));

    // --until alone: the day before it.
    const QDateTime until = now.addSecs(-660 * 60);
    RUN_CLI(untilOnly, {QStringLiteral("--sandbox"), QStringLiteral("detections"), QStringLiteral("--until"),
                        isoUtc(until)});
    EXPECT_EXIT(untilOnly, 0);
    QVERIFY2(
        untilOnly.out.contains(QStringLiteral("from %1 to %2").arg(isoUtc(until.addDays(-1)), isoUtc(until))),
        qPrintable(untilOnly.out));

    // Nothing in range: the count line alone.
    RUN_CLI(empty, {QStringLiteral("--sandbox"), QStringLiteral("detections"), QStringLiteral("--since"),
                    QStringLiteral("10m")});
    EXPECT_EXIT(empty, 0);
    QVERIFY(tableRows(empty.out).isEmpty());
    QVERIFY2(empty.out.startsWith(QStringLiteral("0 detections from ")), qPrintable(empty.out));
    RUN_CLI(emptyJson, {QStringLiteral("--sandbox"), QStringLiteral("--json"), QStringLiteral("detections"),
                        QStringLiteral("--since"), QStringLiteral("10m")});
    EXPECT_EXIT(emptyJson, 0);
    QVERIFY2(parseJson(emptyJson.out).isArray() && parseJson(emptyJson.out).array().isEmpty(),
             qPrintable(emptyJson.out));
}

void TestCliDetections::badOptionsExit2_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString longAgo = isoUtc(QDateTime::currentDateTimeUtc().addDays(-91));
    const QString twoDaysAgo = isoUtc(QDateTime::currentDateTimeUtc().addDays(-2));
    QTest::newRow("unknown unit") << QStringList{QStringLiteral("--since"), QStringLiteral("3x")}
                                  << QStringLiteral("--since '3x' is not a duration");
    QTest::newRow("zero") << QStringList{QStringLiteral("--since"), QStringLiteral("0h")}
                          << QStringLiteral("use a positive number followed by m, h or d");
    QTest::newRow("past retention") << QStringList{QStringLiteral("--since"), QStringLiteral("91d")}
                                    << QStringLiteral(
                                           "--since 91d reaches past Okta's System Log retention of 90 "
                                           "days");
    QTest::newRow("not a time") << QStringList{QStringLiteral("--since"), QStringLiteral("yesterday")}
                                << QStringLiteral(
                                       "--since 'yesterday' is neither a duration (30m, 24h, 7d) nor "
                                       "an ISO 8601 UTC time");
    QTest::newRow("time past retention") << QStringList{QStringLiteral("--since"), longAgo}
                                         << QStringLiteral("Okta keeps the System Log for 90 days only");
    QTest::newRow("bad until") << QStringList{QStringLiteral("--until"), QStringLiteral("soon")}
                               << QStringLiteral("--until 'soon' is not an ISO 8601 UTC time");
    QTest::newRow("until before since")
        << QStringList{QStringLiteral("--since"), QStringLiteral("1h"), QStringLiteral("--until"), twoDaysAgo}
        << QStringLiteral("must be before --until");
    QTest::newRow("until past retention") << QStringList{QStringLiteral("--until"), longAgo}
                                          << QStringLiteral("Okta keeps the System Log for 90 days only");
    QTest::newRow("since without value")
        << QStringList{QStringLiteral("--since")} << QStringLiteral("Missing value after '--since'");
}

void TestCliDetections::badOptionsExit2() {
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    // --org with a dead URL: a usage error must stop the command before any request.
    RUN_CLI(run,
            QStringList{QStringLiteral("--org"), QStringLiteral("http://127.0.0.1:9"),
                        QStringLiteral("detections")} +
                options,
            QStringLiteral("unused-token"));
    EXPECT_EXIT(run, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.describe(2)));
    QVERIFY(run.out.isEmpty());
}

void TestCliDetections::generatedDetectionsAppear() {
    START_SANDBOX(sandbox, {});
    // Three detections from one IP through the sandbox's admin API.
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(sandbox.url() + QStringLiteral("/_sandbox/detections")));
    request.setRawHeader("Authorization", "SSWS " + sandbox.token().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply =
        nam.post(request, QJsonDocument(QJsonObject{{QStringLiteral("count"), 3},
                                                    {QStringLiteral("ip"), QStringLiteral("203.0.113.99")},
                                                    {QStringLiteral("outcome"), QStringLiteral("DENY")}})
                              .toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, ProcessTimeoutMs);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    reply->deleteLater();

    RUN_CLI(run, {QStringLiteral("--org"), sandbox.url(), QStringLiteral("detections")}, sandbox.token());
    EXPECT_EXIT(run, 0);
    const QStringList rows = tableRows(run.out);
    QCOMPARE(rows.size(), SeededEvents + 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(rows.at(i).contains(QStringLiteral(" 203.0.113.99 ")) &&
                     rows.at(i).contains(QStringLiteral("DENY")),
                 qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("17 detections from ")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("; 9 distinct IPs")), qPrintable(run.out));
}

void TestCliDetections::serverFaultExits4WithRequestId() {
    START_SANDBOX(sandbox, {QStringLiteral("--fault"), QStringLiteral("500:1:/api/v1/logs")});
    RUN_CLI(run, {QStringLiteral("--org"), sandbox.url(), QStringLiteral("detections")}, sandbox.token());
    EXPECT_EXIT(run, 4);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    QVERIFY2(run.err.contains(QStringLiteral("reading the System Log failed")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("HTTP 500")), qPrintable(run.err));
    QVERIFY2(!requestIdIn(run.err).isEmpty(), qPrintable(run.err));

    // The fault is spent: the same command now works.
    RUN_CLI(again, {QStringLiteral("--org"), sandbox.url(), QStringLiteral("detections")}, sandbox.token());
    EXPECT_EXIT(again, 0);
    QCOMPARE(tableRows(again.out).size(), SeededEvents);
}

QTEST_GUILESS_MAIN(TestCliDetections)
#include "TestCliDetections.moc"
