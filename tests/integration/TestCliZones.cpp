// `threatdesk zones block|unblock|exempt|unexempt` as a user runs it: a separate process, its
// stdout, stderr and exit code, against the in-process sandbox (--sandbox, state gone after the
// command) or a threatdesk-sandbox process (--org URL) when a change must be seen by a later
// command.
#include "CliRun.h"
#include "SandboxProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace CliTest;

namespace {

const QString BlockedId = QStringLiteral("nzoBlkd3Rw8NcZ4pU1d6");

QStringList gatewaysIn(const QJsonObject& zone) {
    QStringList values;
    for (const QJsonValue& gateway : zone.value(QStringLiteral("gateways")).toArray())
        values.append(gateway.toObject().value(QStringLiteral("value")).toString());
    return values;
}

} // namespace

class TestCliZones : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void helpListsTheFourCommands();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
    void badInputExits1NamingEveryItemBeforeAnyRequest();
    void dryRunPrintsThePlan();
    void dryRunJson();
    void withoutYesAndWithoutTerminalExits2();
    void nothingToChangeExits0();
    void refusedZoneExits1();
    void unknownZoneExits1();
    void blockThenListThenUnblock();
    void exemptAndUnexemptWithJson();
    void serverFaultExits4WithRequestId();
    void terminalAnswerApplies();

private:
    QStringList zonesListed(const SandboxProcess& sandbox);

    QTemporaryDir m_dataHome;
    QTemporaryDir m_configHome;
};

void TestCliZones::initTestCase() {
    // History files go to a private data folder, never the user's.
    QVERIFY(m_dataHome.isValid());
    QVERIFY(m_configHome.isValid());
    qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", m_configHome.path().toLocal8Bit());
    QVERIFY2(QFileInfo(binary("threatdesk")).isExecutable(), qPrintable(binary("threatdesk")));
    QVERIFY2(QFileInfo(binary("threatdesk-sandbox")).isExecutable(),
             qPrintable(binary("threatdesk-sandbox")));
}

QStringList TestCliZones::zonesListed(const SandboxProcess& sandbox) {
    const CliRun list = runCli({QStringLiteral("--org"), sandbox.url(), QStringLiteral("zones"),
                                QStringLiteral("list"), QStringLiteral("--json")},
                               sandbox.token());
    if (!list.finished || list.exitCode != 0) {
        qWarning("%s", qPrintable(list.describe(0)));
        return {};
    }
    for (const QJsonValue& zone : parseJson(list.out).array()) {
        if (zone.toObject().value(QStringLiteral("id")).toString() == BlockedId)
            return gatewaysIn(zone.toObject());
    }
    return {};
}

void TestCliZones::helpListsTheFourCommands() {
    RUN_CLI(run, {QStringLiteral("--help")});
    EXPECT_EXIT(run, 0);
    for (const char* word : {"block", "unblock", "exempt", "unexempt"}) {
        const QString line = QStringLiteral("  zones %1 IP_OR_CIDR... [--zone NAME] [--yes] [--dry-run]\n")
                                 .arg(QLatin1String(word));
        QVERIFY2(run.out.contains(line), qPrintable(run.out));
    }
    RUN_CLI(own, {QStringLiteral("zones"), QStringLiteral("exempt"), QStringLiteral("--help")});
    EXPECT_EXIT(own, 0);
    QVERIFY2(own.out.contains(QLatin1String("--zone NAME")) &&
                 own.out.contains(QLatin1String("DefaultExemptIpZone")),
             qPrintable(own.out));
}

void TestCliZones::usageErrorsExit2_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no address") << QStringList{"--sandbox", "zones", "block"}
                                << "zones block needs at least one IP address, CIDR or range";
    QTest::newRow("yes and dry run") << QStringList{"--sandbox",    "zones", "unblock",
                                                    "198.51.100.7", "--yes", "--dry-run"}
                                     << "--yes and --dry-run contradict each other";
    QTest::newRow("empty zone") << QStringList{"--sandbox", "zones", "block", "198.51.100.7", "--zone", " "}
                                << "--zone needs a zone name or id";
    QTest::newRow("no org") << QStringList{"zones", "block", "198.51.100.7"}
                            << "this command talks to an org";
}

void TestCliZones::usageErrorsExit2() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN_CLI(run, arguments);
    EXPECT_EXIT(run, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliZones::badInputExits1NamingEveryItemBeforeAnyRequest() {
    // Nothing listens on port 9: had any request been made, the exit would be 4.
    RUN_CLI(run,
            {QStringLiteral("--org"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("zones"),
             QStringLiteral("block"), QStringLiteral("198.51.100.7"), QStringLiteral("10.0.0.300"),
             QStringLiteral("1.2.3.4/40"), QStringLiteral("203.0.113.20-203.0.113.10"),
             QStringLiteral("--yes")},
            QStringLiteral("some-token"));
    EXPECT_EXIT(run, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QLatin1String("zones block: 3 of 4 items cannot be used; nothing was sent:\n")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("  '10.0.0.300' (item 2): IPv4 parts must be 0 to 255\n")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(
                 QLatin1String("  '1.2.3.4/40' (item 3): the prefix length after '/' must be a number "
                               "from 0 to 32 for IPv4\n")),
             qPrintable(run.err));
    QVERIFY2(
        run.err.contains(QLatin1String("'203.0.113.20-203.0.113.10' (item 4): a range goes from the lower")),
        qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("198.51.100.7")));
}

void TestCliZones::dryRunPrintsThePlan() {
    RUN_CLI(run,
            {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("block"),
             QStringLiteral("198.51.100.7"), QStringLiteral("203.0.113.66"), QStringLiteral("10.1.2.0/24"),
             QStringLiteral("198.51.100.7/32"), QStringLiteral("--dry-run")});
    EXPECT_EXIT(run, 0);
    const QString expected =
        QStringLiteral("Zone: BlockedIpZone (nzoBlkd3Rw8NcZ4pU1d6), BLOCKLIST IP, ACTIVE\n"
                       "  add             198.51.100.7/32\n"
                       "  add             10.1.2.0/24\n"
                       "  already there   203.0.113.66/32\n"
                       "Note: '198.51.100.7/32' (item 4) is the same as item 1: listed once\n"
                       "Gateways: 1 \u2192 3 of 1,000\n"
                       "Dry run: nothing was written.\n");
    QCOMPARE(run.out, expected);

    // Unblock: entries not in the zone are named; one inside a wider entry would stay blocked, so
    // nothing is applied and the item says why (exit 1).
    RUN_CLI(unblock,
            {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("unblock"),
             QStringLiteral("203.0.113.66"), QStringLiteral("8.8.8.8"), QStringLiteral("203.0.113.130"),
             QStringLiteral("--zone"), QStringLiteral("Known Bad Actors"), QStringLiteral("--dry-run")});
    EXPECT_EXIT(unblock, 1);
    QVERIFY2(unblock.out.contains(QLatin1String("  not in the zone 203.0.113.66/32\n"
                                                "  not in the zone 8.8.8.8/32\n")),
             qPrintable(unblock.out));
    QVERIFY2(unblock.err.contains(QLatin1String("'203.0.113.130' (item 3): 203.0.113.130/32 is inside "
                                                "203.0.113.128/26, which stays")),
             qPrintable(unblock.err));
    QVERIFY2(!unblock.out.contains(QLatin1String("as asked")), qPrintable(unblock.out));
}

void TestCliZones::dryRunJson() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("--json"), QStringLiteral("zones"),
                  QStringLiteral("exempt"), QStringLiteral("198.51.100.9"), QStringLiteral("--dry-run")});
    EXPECT_EXIT(run, 0);
    const QJsonObject plan = parseJson(run.out).object();
    QCOMPARE(plan.value(QStringLiteral("zoneName")).toString(), QStringLiteral("DefaultExemptIpZone"));
    QCOMPARE(plan.value(QStringLiteral("add")).toArray(), QJsonArray{QStringLiteral("198.51.100.9/32")});
    QCOMPARE(plan.value(QStringLiteral("gatewayLimit")).toInt(), 5000);
    const QJsonObject body = plan.value(QStringLiteral("requestBody")).toObject();
    QVERIFY(body.value(QStringLiteral("useAsExemptList")).toBool());
    QVERIFY(!body.contains(QStringLiteral("id")));
    // The plan text went to stderr, so stdout is one JSON document.
    QVERIFY2(run.err.contains(QStringLiteral("Gateways: 2 \u2192 3 of 5,000")), qPrintable(run.err));
}

void TestCliZones::withoutYesAndWithoutTerminalExits2() {
    RUN_CLI(run,
            {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("block"),
             QStringLiteral("198.51.100.7")},
            {}, QByteArray("y\n")); // a pipe is not a terminal: the answer is not taken
    EXPECT_EXIT(run, 2);
    QVERIFY2(run.out.contains(QLatin1String("  add             198.51.100.7/32\n")), qPrintable(run.out));
    QVERIFY2(
        run.err.contains(QLatin1String("not applied: pass --yes to apply without a question, or --dry-run to "
                                       "only show the change")),
        qPrintable(run.err));
}

void TestCliZones::nothingToChangeExits0() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("block"),
                  QStringLiteral("203.0.113.66/32"), QStringLiteral("--yes")});
    EXPECT_EXIT(run, 0);
    QVERIFY2(run.out.contains(QLatin1String("  already there   203.0.113.66/32\n")), qPrintable(run.out));
    QVERIFY2(run.out.endsWith(QLatin1String("Nothing to change: BlockedIpZone already is as asked.\n")),
             qPrintable(run.out));
}

void TestCliZones::refusedZoneExits1() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("block"),
                  QStringLiteral("198.51.100.7"), QStringLiteral("--zone"), QStringLiteral("Corporate HQ"),
                  QStringLiteral("--yes")});
    EXPECT_EXIT(run, 1);
    QVERIFY2(
        run.err.contains(QLatin1String("zones block: not applied:\n  Corporate HQ is a POLICY zone: blocking "
                                       "needs a BLOCKLIST zone such as BlockedIpZone\n")),
        qPrintable(run.err));
    RUN_CLI(exempt, {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("exempt"),
                     QStringLiteral("198.51.100.7"), QStringLiteral("--zone"),
                     QStringLiteral("blockedipzone"), QStringLiteral("--yes")});
    EXPECT_EXIT(exempt, 1);
    QVERIFY2(exempt.err.contains(
                 QLatin1String("BlockedIpZone is a BLOCKLIST zone: exempting needs a POLICY IP zone")),
             qPrintable(exempt.err));
}

void TestCliZones::unknownZoneExits1() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("block"),
                  QStringLiteral("198.51.100.7"), QStringLiteral("--zone"), QStringLiteral("Nowhere"),
                  QStringLiteral("--yes")});
    EXPECT_EXIT(run, 1);
    QVERIFY2(
        run.err.contains(QLatin1String("no network zone is named or has the id 'Nowhere'; zones in this org: "
                                       "LegacyIpZone, BlockedIpZone")),
        qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliZones::blockThenListThenUnblock() {
    START_SANDBOX(sandbox, {});
    const QStringList org{QStringLiteral("--org"), sandbox.url()};
    RUN_CLI(block,
            org + QStringList{QStringLiteral("zones"), QStringLiteral("block"),
                              QStringLiteral("198.51.100.7"), QStringLiteral("2001:db8::7"),
                              QStringLiteral("--yes")},
            sandbox.token());
    EXPECT_EXIT(block, 0);
    QVERIFY2(block.out.contains(QLatin1String("Added 2 to BlockedIpZone: 198.51.100.7/32, 2001:db8::7/128\n"
                                              "BlockedIpZone now has 3 of 1,000 gateways; request id ")),
             qPrintable(block.out));
    const QString blockId = requestIdIn(block.out);
    QCOMPARE(blockId.size(), 20);
    QVERIFY(!block.out.contains(sandbox.token()) && !block.err.contains(sandbox.token()));
    QCOMPARE(zonesListed(sandbox), (QStringList{"203.0.113.66/32", "198.51.100.7/32", "2001:db8::7/128"}));

    RUN_CLI(unblock,
            org + QStringList{QStringLiteral("zones"), QStringLiteral("unblock"),
                              QStringLiteral("198.51.100.7"), QStringLiteral("-y")},
            sandbox.token());
    EXPECT_EXIT(unblock, 0);
    QVERIFY2(unblock.out.contains(QLatin1String("Removed 1 from BlockedIpZone: 198.51.100.7/32\n")),
             qPrintable(unblock.out));
    QCOMPARE(zonesListed(sandbox), (QStringList{"203.0.113.66/32", "2001:db8::7/128"}));

    // Both changes are in the history of the sandbox profile, as the app's History shows them.
    QStringList files;
    QDirIterator it(m_dataHome.path(), {QStringLiteral("zones.jsonl")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    QCOMPARE(files.size(), 1);
    QVERIFY2(files.first().endsWith(QLatin1String("/history/sandbox/zones.jsonl")),
             qPrintable(files.first()));
    QFile file(files.first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.value(QStringLiteral("summary")).toString(),
             QStringLiteral("block 2 in BlockedIpZone (1 \u2192 3 gateways)"));
    QCOMPARE(first.value(QStringLiteral("requestId")).toString(), blockId);
    QVERIFY(!lines[0].contains(sandbox.token().toUtf8()));
}

void TestCliZones::exemptAndUnexemptWithJson() {
    START_SANDBOX(sandbox, {});
    const QStringList org{QStringLiteral("--org"), sandbox.url(), QStringLiteral("--json")};
    RUN_CLI(exempt,
            org + QStringList{QStringLiteral("zones"), QStringLiteral("exempt"),
                              QStringLiteral("198.51.100.9"), QStringLiteral("--yes")},
            sandbox.token());
    EXPECT_EXIT(exempt, 0);
    const QJsonObject zone = parseJson(exempt.out).object();
    QCOMPARE(zone.value(QStringLiteral("name")).toString(), QStringLiteral("DefaultExemptIpZone"));
    QCOMPARE(gatewaysIn(zone), (QStringList{"192.0.2.10/32", "192.0.2.20-192.0.2.29", "198.51.100.9/32"}));
    QVERIFY2(exempt.err.contains(QLatin1String("Added 1 to DefaultExemptIpZone")), qPrintable(exempt.err));

    RUN_CLI(unexempt,
            org + QStringList{QStringLiteral("zones"), QStringLiteral("unexempt"),
                              QStringLiteral("192.0.2.10"), QStringLiteral("198.51.100.9"),
                              QStringLiteral("--yes")},
            sandbox.token());
    EXPECT_EXIT(unexempt, 0);
    QCOMPARE(gatewaysIn(parseJson(unexempt.out).object()), QStringList{"192.0.2.20-192.0.2.29"});
}

void TestCliZones::serverFaultExits4WithRequestId() {
    START_SANDBOX(sandbox, {QStringLiteral("--fault"), QStringLiteral("500:5:/api/v1/zones")});
    RUN_CLI(run,
            {QStringLiteral("--org"), sandbox.url(), QStringLiteral("zones"), QStringLiteral("block"),
             QStringLiteral("198.51.100.7"), QStringLiteral("--yes")},
            sandbox.token());
    EXPECT_EXIT(run, 4);
    QVERIFY2(run.err.contains(QLatin1String("HTTP 500")), qPrintable(run.err));
    static const QRegularExpression requestIdLine(QStringLiteral("\n  request id: [A-Za-z0-9]{20}\n"));
    QVERIFY2(run.err.contains(requestIdLine), qPrintable(run.err));
}

// On a terminal the command asks, and reads the answer without blocking the event loop.
void TestCliZones::terminalAnswerApplies() {
#ifndef Q_OS_UNIX
    QSKIP("pseudo terminals are a Unix feature");
#else
    START_SANDBOX(sandbox, {});
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    QVERIFY(master >= 0);
    QVERIFY(::grantpt(master) == 0 && ::unlockpt(master) == 0);
    const QByteArray slaveName = ::ptsname(master);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(TokenVariable, sandbox.token());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.setChildProcessModifier([slaveName] {
        const int slave = ::open(slaveName.constData(), O_RDWR);
        if (slave >= 0) {
            ::dup2(slave, STDIN_FILENO);
            ::close(slave);
        }
    });
    process.start(binary("threatdesk"), {QStringLiteral("--org"), sandbox.url(), QStringLiteral("zones"),
                                         QStringLiteral("block"), QStringLiteral("198.51.100.77")});
    QVERIFY(process.waitForStarted(ProcessTimeoutMs));
    process.setReadChannel(QProcess::StandardError);
    // The question comes first; only then the answer is typed.
    QByteArray err;
    while (!err.contains("Apply to BlockedIpZone? [y/N] ")) {
        QVERIFY2(process.waitForReadyRead(ProcessTimeoutMs), err.constData());
        err += process.readAllStandardError();
    }
    QCOMPARE(::write(master, "y\n", 2), ssize_t(2));
    QVERIFY(process.waitForFinished(ProcessTimeoutMs));
    ::close(master);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(process.exitCode() == 0,
             qPrintable(out + QString::fromUtf8(err + process.readAllStandardError())));
    QVERIFY2(out.contains(QLatin1String("Added 1 to BlockedIpZone: 198.51.100.77/32")), qPrintable(out));
    QVERIFY(zonesListed(sandbox).contains(QStringLiteral("198.51.100.77/32")));
#endif
}

QTEST_GUILESS_MAIN(TestCliZones)
#include "TestCliZones.moc"
