// `threatdesk risk send` against a threatdesk-sandbox process started with --fault, as a user
// (or a cron job) meets it: the run stops with the subjects pending, the exit code says it
// failed, stderr names the problem, the summary's counts add up, and `risk resume` delivers
// the rest once the fault is gone.
#include "CliRun.h"
#include "SandboxProcess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace CliTest;

namespace {

// A faulted run waits through back-offs and timeouts (wall-clock time, not CPU): more than
// CliTest::ProcessTimeoutMs allows.
constexpr int LongRunTimeoutMs = 180000;
constexpr int SubjectCount = 5000; // admin_5000.csv: five requests
const QString RiskPath = QStringLiteral("/api/v1/risk/events/ip");

} // namespace

// RUN_LONG(name, arguments, token): RUN_CLI with the longer timeout.
#define RUN_LONG(name, ...) RUN_CLI(name, __VA_ARGS__, {}, {}, LongRunTimeoutMs)

class TestCliFaults : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void faultStopsTheRunAndResumeFinishesIt_data();
    void faultStopsTheRunAndResumeFinishesIt();

private:
    QTemporaryDir m_dataHome;
    QTemporaryDir m_configHome;
};

void TestCliFaults::initTestCase() {
    // Run journals go to a private data folder, never the user's.
    QVERIFY(m_dataHome.isValid());
    QVERIFY(m_configHome.isValid());
    qputenv("XDG_CONFIG_HOME", m_configHome.path().toLocal8Bit());
    QVERIFY2(QFileInfo(binary("threatdesk")).isExecutable(), qPrintable(binary("threatdesk")));
    QVERIFY2(QFileInfo(binary("threatdesk-sandbox")).isExecutable(),
             qPrintable(binary("threatdesk-sandbox")));
}

void TestCliFaults::faultStopsTheRunAndResumeFinishesIt_data() {
    QTest::addColumn<QString>("fault");          // --fault, on the risk-events path
    QTest::addColumn<QStringList>("cliOptions"); // global options before `risk send`
    QTest::addColumn<QString>("says");           // on stderr
    QTest::addColumn<int>("acceptedFirst");      // before the fault stopped the run

    // Each fault lasts exactly as long as the CLI's default retries (5 sends, or 5 429s in a
    // row), so it is gone when `risk resume` runs.
    QTest::newRow("persistent 500") << QStringLiteral("500:5") << QStringList() << QStringLiteral("HTTP 500")
                                    << 0;
    QTest::newRow("stall past --timeout")
        << QStringLiteral("stall:5:60000") << QStringList{QStringLiteral("--timeout"), QStringLiteral("1")}
        << QStringLiteral("no answer in time") << 0;
    QTest::newRow("oversized answer") << QStringLiteral("oversized:5") << QStringList()
                                      << QStringLiteral("larger than 33554432 bytes") << 0;
    // The first request passes, so the client knows the sandbox's 2-second window.
    QTest::newRow("429 without headers") << QStringLiteral("429-no-headers:5:after=1") << QStringList()
                                         << QStringLiteral("429 Too Many Requests") << 1000;
}

void TestCliFaults::faultStopsTheRunAndResumeFinishesIt() {
    QFETCH(QString, fault);
    QFETCH(QStringList, cliOptions);
    QFETCH(QString, says);
    QFETCH(int, acceptedFirst);

    // Each row its own data folder: no run of one row is resumed by another.
    const QString dataHome =
        m_dataHome.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-'));
    QVERIFY(QDir().mkpath(dataHome));
    qputenv("XDG_DATA_HOME", dataHome.toLocal8Bit());

    START_SANDBOX(sandbox, {QStringLiteral("--window"), QStringLiteral("2"), QStringLiteral("--fault"),
                            fault + QLatin1Char(':') + RiskPath});
    const QStringList org{QStringLiteral("--org"), sandbox.url(), QStringLiteral("--json")};
    RUN_LONG(sent,
             org + cliOptions +
                 QStringList{QStringLiteral("risk"), QStringLiteral("send"),
                             QStringLiteral(THREATDESK_TEST_DATA_DIR "/admin_5000.csv")},
             sandbox.token());
    EXPECT_EXIT(sent, 4);
    QVERIFY2(sent.err.contains(says), qPrintable(sent.err));
    QVERIFY2(sent.err.contains(QLatin1String("risk resume")), qPrintable(sent.err));

    const QJsonObject summary = parseJson(sent.out).object();
    QVERIFY2(!summary.isEmpty(), qPrintable(sent.out));
    QCOMPARE(summary.value(QStringLiteral("subjects")).toInt(), SubjectCount);
    const int accepted = summary.value(QStringLiteral("accepted")).toInt();
    const int rejected = int(summary.value(QStringLiteral("rejected")).toArray().size());
    const int pending = summary.value(QStringLiteral("pending")).toInt();
    QCOMPARE(accepted + rejected + pending, SubjectCount);
    QCOMPARE(accepted, acceptedFirst);
    QCOMPARE(rejected, 0);
    QCOMPARE(summary.value(QStringLiteral("stopReason")).toString(), QStringLiteral("RetriesExhausted"));
    QVERIFY2(summary.value(QStringLiteral("explanation")).toString().contains(says),
             qPrintable(summary.value(QStringLiteral("explanation")).toString()));

    // The fault is used up: resuming delivers what was pending.
    RUN_LONG(resumed, org + QStringList{QStringLiteral("risk"), QStringLiteral("resume")}, sandbox.token());
    EXPECT_EXIT(resumed, 0);
    const QJsonObject done = parseJson(resumed.out).object();
    QCOMPARE(done.value(QStringLiteral("runId")).toString(),
             summary.value(QStringLiteral("runId")).toString());
    QCOMPARE(done.value(QStringLiteral("accepted")).toInt(), SubjectCount);
    QCOMPARE(done.value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(done.value(QStringLiteral("stopReason")).toString(), QStringLiteral("Completed"));

    RUN_LONG(nothing, org + QStringList{QStringLiteral("risk"), QStringLiteral("resume")}, sandbox.token());
    EXPECT_EXIT(nothing, 0);
}

QTEST_GUILESS_MAIN(TestCliFaults)
#include "TestCliFaults.moc"
