// The `threatdesk` command line as a user runs it: a separate process, its stdout, stderr and
// exit code, against the in-process sandbox (--sandbox) or a real threatdesk-sandbox process
// (--org URL) when state must survive from one command to the next.
#include "CliRun.h"
#include "SandboxProcess.h"

#include "SandboxServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CliTest;

namespace {

QJsonObject seedZone(const QString& name) {
    for (const QJsonObject& zone : SandboxServer::seedZones()) {
        if (zone.value(QStringLiteral("name")).toString() == name)
            return zone;
    }
    return {};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void versionPrintsTheProjectVersion();
    void noCommandStartsTheDesktopApp();
    void helpListsEveryCommand();
    void usageErrorsExit2_data();
    void usageErrorsExit2();

    void sandboxGetShowsTheConfiguration();
    void sandboxGetJson();
    void zonesListShowsEverySeededZone();
    void zonesListJsonIsOktasArray();
    void zonesListFilter();

    void setThenGetPersistsAcrossCommands();
    void setWithoutZoneOptionsKeepsExcludedZones();
    void zoneNamesUnavailableStillShowsTheConfiguration();
    void unknownZoneNameExits1();
    void nonIpZoneWarnsAndTheOrgDecides();

    void missingTokenExits2();
    void plainHttpToRemoteHostExits2();
    void wrongTokenExits3();
    void readOnlyTokenCannotSet();
    void serverFaultExits4WithRequestId();
    void stalledServerTimesOut();

    // risk validate | send | resume
    void riskValidateReportsEveryRow();
    void riskValidateJson();
    void riskValidateStandardInput();
    void riskSendDryRunPrintsTheBodies();
    void riskSendDeliversThroughTheSandbox();
    void riskSendWithReadOnlyTokenStopsAndResumes();

    // profiles list | add | remove | test, --profile (inside tests/with-keyring.sh)
    void profilesListShowsTheSandbox();
    void sandboxProfileTestAndUse();
    void tokenProfileLifecycle();
    void oauthProfileWithGeneratedKey();
    void profileRefusals_data();
    void profileRefusals();

private:
    QString settingsFile() const;

    QTemporaryDir m_configHome; // private QSettings location (profiles)
    bool m_keyringSession = false;
    QJsonObject m_ipZone;      // a seeded, active, non-system IP zone
    QJsonObject m_otherIpZone; // another one
    QTemporaryDir m_dataHome;
};

void TestCli::initTestCase() {
    // Run journals go to a private data folder, never the user's; profiles to a private
    // QSettings location (QSettings on Linux honours XDG_CONFIG_HOME).
    QVERIFY(m_dataHome.isValid());
    QVERIFY(m_configHome.isValid());
    qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", m_configHome.path().toLocal8Bit());
    // The profile tests need the throw-away keyring of tests/with-keyring.sh: they fail (not
    // skip) without it, and never touch the user's own keyring.
    m_keyringSession = qEnvironmentVariableIsSet("THREATDESK_KEYRING_SESSION");
    QVERIFY2(QFileInfo(binary("threatdesk")).isExecutable(), qPrintable(binary("threatdesk")));
    QVERIFY2(QFileInfo(binary("threatdesk-sandbox")).isExecutable(),
             qPrintable(binary("threatdesk-sandbox")));
    m_ipZone = seedZone(QStringLiteral("VPN Egress"));
    m_otherIpZone = seedZone(QStringLiteral("Corporate HQ"));
    QCOMPARE(m_ipZone.value(QStringLiteral("type")).toString(), QStringLiteral("IP"));
    QCOMPARE(m_otherIpZone.value(QStringLiteral("type")).toString(), QStringLiteral("IP"));
}

void TestCli::versionPrintsTheProjectVersion() {
    RUN_CLI(run, {QStringLiteral("--version")});
    EXPECT_EXIT(run, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("threatdesk " THREATDESK_VERSION));
    QVERIFY2(lines.value(1).startsWith(QStringLiteral("Qt ") + QLatin1String(qVersion())),
             qPrintable(run.out));
    QVERIFY2(lines.value(1).contains(QLatin1String("QtKeychain 0.")), qPrintable(run.out));
    QCOMPARE(lines.value(2), QStringLiteral("License: GPL-3.0-or-later"));
}

// Without a sub-command the desktop app starts (offscreen here); --quit-when-shown makes it quit
// once its window is shown: a smoke test of the GUI start-up from the real executable.
void TestCli::noCommandStartsTheDesktopApp() {
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("--quit-when-shown")},
          QStringList{QStringLiteral("--sandbox"), QStringLiteral("--quit-when-shown")}}) {
        RUN_CLI(run, arguments);
        EXPECT_EXIT(run, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("shown-at-us ")), qPrintable(run.out));
    }
    // A desktop-app option without its value is a usage error, before any window.
    RUN_CLI(bad, (QStringList{QStringLiteral("--quit-when-shown"), QStringLiteral("--import")}));
    EXPECT_EXIT(bad, 2);
    QVERIFY2(bad.err.contains(QLatin1String("Missing value after '--import'")), qPrintable(bad.err));
}

void TestCli::helpListsEveryCommand() {
    RUN_CLI(run, {QStringLiteral("--help")});
    EXPECT_EXIT(run, 0);
    QVERIFY(
        run.out.startsWith(QLatin1String("Usage: threatdesk [--sandbox | --profile NAME] [--import FILE]")));
    QVERIFY(run.out.contains(QLatin1String("threatdesk [--org URL | --sandbox | --profile NAME]")));
    for (const char* expected :
         {"threatinsight get", "threatinsight set --action none|audit|block [--exclude-zone NAME_OR_ID]...",
          "zones list [--filter EXPR]", "THREATDESK_API_TOKEN", "--timeout SECONDS", "profiles list",
          "profiles add NAME --org URL (--token-file FILE | --token-stdin", "profiles remove NAME",
          "profiles test NAME", "--profile NAME"})
        QVERIFY2(run.out.contains(QLatin1String(expected)), expected);

    RUN_CLI(commandHelp, {QStringLiteral("threatinsight"), QStringLiteral("set"), QStringLiteral("--help")});
    EXPECT_EXIT(commandHelp, 0);
    QVERIFY2(commandHelp.out.contains(QLatin1String("--exclude-zone NAME_OR_ID")),
             qPrintable(commandHelp.out));
    QVERIFY2(commandHelp.out.contains(QLatin1String("--clear-zones")), qPrintable(commandHelp.out));
}

void TestCli::usageErrorsExit2_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString sandbox = QStringLiteral("--sandbox");
    const QString ti = QStringLiteral("threatinsight");
    const QString set = QStringLiteral("set");
    const QString action = QStringLiteral("--action");
    QTest::newRow("bad action") << QStringList{sandbox, ti, set, action, QStringLiteral("panic")}
                                << QStringLiteral("'panic' is not an action; use one of: none, audit, block");
    QTest::newRow("missing action") << QStringList{sandbox, ti, set} << QStringLiteral("needs --action");
    QTest::newRow("clear and exclude") << QStringList{sandbox,
                                                      ti,
                                                      set,
                                                      action,
                                                      QStringLiteral("block"),
                                                      QStringLiteral("--clear-zones"),
                                                      QStringLiteral("--exclude-zone"),
                                                      QStringLiteral("VPN Egress")}
                                       << QStringLiteral("--clear-zones and --exclude-zone");
    QTest::newRow("unknown option") << QStringList{sandbox, QStringLiteral("--colour"), ti,
                                                   QStringLiteral("get")}
                                    << QStringLiteral("Unknown option 'colour'");
    QTest::newRow("unknown option, no command")
        << QStringList{QStringLiteral("--colour")} << QStringLiteral("Unknown option 'colour'");
    QTest::newRow("unknown command option")
        << QStringList{sandbox, ti, QStringLiteral("get"), QStringLiteral("--action"),
                       QStringLiteral("block")}
        << QStringLiteral("threatinsight get: Unknown option 'action'");
    QTest::newRow("option without value") << QStringList{ti, QStringLiteral("get"), QStringLiteral("--org")}
                                          << QStringLiteral("Missing value after '--org'");
    QTest::newRow("bad timeout") << QStringList{sandbox, QStringLiteral("--timeout"), QStringLiteral("soon"),
                                                ti, QStringLiteral("get")}
                                 << QStringLiteral("--timeout takes a number of seconds");
    QTest::newRow("sandbox and org") << QStringList{sandbox, QStringLiteral("--org"),
                                                    QStringLiteral("acme.okta.com"), ti,
                                                    QStringLiteral("get")}
                                     << QStringLiteral("--org and --sandbox cannot be combined");
    QTest::newRow("no org") << QStringList{ti, QStringLiteral("get")} << QStringLiteral("give --org URL");
    QTest::newRow("unknown command") << QStringList{sandbox, QStringLiteral("users")}
                                     << QStringLiteral("unknown command 'users'");
    QTest::newRow("missing sub-command")
        << QStringList{sandbox, ti} << QStringLiteral("'threatinsight' needs a sub-command: 'get', 'set'");
    QTest::newRow("unexpected argument")
        << QStringList{sandbox, QStringLiteral("zones"), QStringLiteral("list"), QStringLiteral("extra")}
        << QStringLiteral("unexpected argument 'extra'");
}

void TestCli::usageErrorsExit2() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN_CLI(run, arguments);
    EXPECT_EXIT(run, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.describe(2)));
    QVERIFY(run.out.isEmpty());
}

void TestCli::sandboxGetShowsTheConfiguration() {
    const QJsonObject seeded = SandboxServer().threatInsightConfiguration();
    const QString action = seeded.value(QStringLiteral("action")).toString();
    QCOMPARE(action, QStringLiteral("audit"));

    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("threatinsight"), QStringLiteral("get")});
    EXPECT_EXIT(run, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0), QStringLiteral("Action:         audit (log suspicious requests)"));
    QCOMPARE(lines.at(1), QStringLiteral("Excluded zones: none"));
    QCOMPARE(lines.at(2),
             QStringLiteral("Created:        ") + seeded.value(QStringLiteral("created")).toString());
    QCOMPARE(lines.at(3),
             QStringLiteral("Last updated:   ") + seeded.value(QStringLiteral("lastUpdated")).toString());
    QVERIFY2(!requestIdIn(lines.at(4)).isEmpty(), qPrintable(lines.at(4)));
    QVERIFY(!run.out.contains(SandboxServer::DefaultToken));
    QVERIFY(!run.err.contains(SandboxServer::DefaultToken));
}

void TestCli::sandboxGetJson() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("--json"), QStringLiteral("threatinsight"),
                  QStringLiteral("get")});
    EXPECT_EXIT(run, 0);
    const QJsonDocument document = parseJson(run.out);
    QVERIFY2(document.isObject(), qPrintable(run.out));
    const QJsonObject root = document.object();
    const QJsonObject configuration = root.value(QStringLiteral("configuration")).toObject();
    QCOMPARE(configuration.value(QStringLiteral("action")).toString(), QStringLiteral("audit"));
    QCOMPARE(configuration.value(QStringLiteral("excludeZones")).toArray(), QJsonArray());
    QCOMPARE(configuration.value(QStringLiteral("created")).toString(),
             QStringLiteral("2025-10-07T06:36:55.000Z"));
    QVERIFY(configuration.value(QStringLiteral("_links")).isObject()); // Okta's object, untouched
    QCOMPARE(root.value(QStringLiteral("excludedZones")).toArray(), QJsonArray());
    QCOMPARE(root.value(QStringLiteral("requestId")).toString().size(), 20);
}

void TestCli::zonesListShowsEverySeededZone() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("list")});
    EXPECT_EXIT(run, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QList<QJsonObject> seeds = SandboxServer::seedZones();
    QCOMPARE(lines.size(), seeds.size() + 2); // header, one line per zone, the count
    QVERIFY2(lines.constFirst().contains(
                 QRegularExpression(QStringLiteral("^NAME +ID +TYPE +USAGE +STATUS +GATEWAYS$"))),
             qPrintable(lines.constFirst()));
    for (qsizetype i = 0; i < seeds.size(); ++i) {
        const QJsonObject& zone = seeds.at(i);
        const QString line = lines.at(i + 1);
        QVERIFY2(line.startsWith(zone.value(QStringLiteral("name")).toString() + QLatin1Char(' ')),
                 qPrintable(line));
        for (const char* key : {"id", "type", "usage", "status"})
            QVERIFY2(line.contains(QLatin1Char(' ') + zone.value(QLatin1String(key)).toString() +
                                   QLatin1Char(' ')),
                     qPrintable(line));
    }
    const QString vpn = lines.at(seeds.indexOf(m_ipZone) + 1);
    QVERIFY2(vpn.endsWith(QLatin1String("  192.0.2.128/25, 203.0.113.10-203.0.113.19")), qPrintable(vpn));
    const QString dynamic = lines.at(seeds.indexOf(seedZone(QStringLiteral("Tor and anonymizers"))) + 1);
    QVERIFY2(dynamic.contains(QLatin1String(" DYNAMIC ")) && dynamic.endsWith(QLatin1String("no gateways")),
             qPrintable(dynamic));
    QVERIFY2(lines.constLast().startsWith(QStringLiteral("%1 zones; request id ").arg(seeds.size())),
             qPrintable(lines.constLast()));
}

void TestCli::zonesListJsonIsOktasArray() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("zones"), QStringLiteral("list"),
                  QStringLiteral("--json")});
    EXPECT_EXIT(run, 0);
    const QJsonDocument document = parseJson(run.out);
    QVERIFY2(document.isArray(), qPrintable(run.out));
    const QJsonArray zones = document.array();
    const QList<QJsonObject> seeds = SandboxServer::seedZones();
    QCOMPARE(zones.size(), seeds.size());
    for (qsizetype i = 0; i < seeds.size(); ++i) {
        QJsonObject listed = zones.at(i).toObject();
        QVERIFY(listed.contains(QStringLiteral("_links")));
        listed.remove(QStringLiteral("_links"));
        QCOMPARE(listed, seeds.at(i)); // every field as the org sent it
    }
}

void TestCli::zonesListFilter() {
    RUN_CLI(run,
            {QStringLiteral("--sandbox"), QStringLiteral("--json"), QStringLiteral("zones"),
             QStringLiteral("list"), QStringLiteral("--filter"), QStringLiteral("usage eq \"BLOCKLIST\"")});
    EXPECT_EXIT(run, 0);
    QStringList expected;
    for (const QJsonObject& zone : SandboxServer::seedZones()) {
        if (zone.value(QStringLiteral("usage")).toString() == QLatin1String("BLOCKLIST"))
            expected.append(zone.value(QStringLiteral("id")).toString());
    }
    QStringList listed;
    for (const QJsonValue& zone : parseJson(run.out).array())
        listed.append(zone.toObject().value(QStringLiteral("id")).toString());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(listed, expected);
}

void TestCli::setThenGetPersistsAcrossCommands() {
    START_SANDBOX(sandbox, {});
    const QString name = m_ipZone.value(QStringLiteral("name")).toString();
    const QString id = m_ipZone.value(QStringLiteral("id")).toString();
    const QStringList org{QStringLiteral("--org"), sandbox.url()};

    RUN_CLI(set,
            org + QStringList{QStringLiteral("threatinsight"), QStringLiteral("set"),
                              QStringLiteral("--action"), QStringLiteral("block"),
                              QStringLiteral("--exclude-zone"), name},
            sandbox.token());
    EXPECT_EXIT(set, 0);
    QVERIFY2(set.out.startsWith(QLatin1String("Action:         block (log and block suspicious requests)\n"
                                              "Excluded zones: ") +
                                name + QStringLiteral(" (") + id + QStringLiteral(")\n")),
             qPrintable(set.out));
    QVERIFY(!requestIdIn(set.out).isEmpty());
    QVERIFY(!set.out.contains(sandbox.token()) && !set.err.contains(sandbox.token()));

    RUN_CLI(get, org + QStringList{QStringLiteral("threatinsight"), QStringLiteral("get")}, sandbox.token());
    EXPECT_EXIT(get, 0);
    QVERIFY2(get.out.startsWith(QLatin1String("Action:         block (log and block suspicious requests)\n"
                                              "Excluded zones: ") +
                                name + QStringLiteral(" (") + id + QStringLiteral(")\n")),
             qPrintable(get.out));
    QVERIFY(requestIdIn(get.out) != requestIdIn(set.out));

    // By id and by a differently cased name: both resolve, in the order given.
    const QString otherId = m_otherIpZone.value(QStringLiteral("id")).toString();
    RUN_CLI(two,
            org + QStringList{QStringLiteral("--json"), QStringLiteral("threatinsight"),
                              QStringLiteral("set"), QStringLiteral("--action"), QStringLiteral("audit"),
                              QStringLiteral("--exclude-zone"), otherId, QStringLiteral("--exclude-zone"),
                              name.toLower()},
            sandbox.token());
    EXPECT_EXIT(two, 0);
    RUN_CLI(getJson,
            org +
                QStringList{QStringLiteral("threatinsight"), QStringLiteral("get"), QStringLiteral("--json")},
            sandbox.token());
    EXPECT_EXIT(getJson, 0);
    const QJsonObject root = parseJson(getJson.out).object();
    QCOMPARE(
        root.value(QStringLiteral("configuration")).toObject().value(QStringLiteral("action")).toString(),
        QStringLiteral("audit"));
    QCOMPARE(root.value(QStringLiteral("configuration"))
                 .toObject()
                 .value(QStringLiteral("excludeZones"))
                 .toArray(),
             (QJsonArray{otherId, id}));
    const QJsonArray named = root.value(QStringLiteral("excludedZones")).toArray();
    QCOMPARE(named.size(), 2);
    QCOMPARE(named.at(0).toObject(),
             (QJsonObject{{QStringLiteral("id"), otherId},
                          {QStringLiteral("name"), m_otherIpZone.value(QStringLiteral("name")).toString()}}));
    QCOMPARE(named.at(1).toObject(),
             (QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}}));
    QCOMPARE(root.value(QStringLiteral("requestId")).toString().size(), 20);
}

void TestCli::setWithoutZoneOptionsKeepsExcludedZones() {
    START_SANDBOX(sandbox, {});
    const QString id = m_ipZone.value(QStringLiteral("id")).toString();
    const QStringList set{QStringLiteral("--org"), sandbox.url(), QStringLiteral("threatinsight"),
                          QStringLiteral("set"), QStringLiteral("--action")};

    RUN_CLI(first, set + QStringList{QStringLiteral("block"), QStringLiteral("--exclude-zone"), id},
            sandbox.token());
    EXPECT_EXIT(first, 0);
    RUN_CLI(actionOnly, set + QStringList{QStringLiteral("none")}, sandbox.token());
    EXPECT_EXIT(actionOnly, 0);
    QVERIFY2(actionOnly.out.startsWith(
                 QStringLiteral("Action:         none (disabled: ThreatInsight does nothing)\n"
                                "Excluded zones: %1 (%2)\n")
                     .arg(m_ipZone.value(QStringLiteral("name")).toString(), id)),
             qPrintable(actionOnly.out));

    RUN_CLI(cleared, set + QStringList{QStringLiteral("audit"), QStringLiteral("--clear-zones")},
            sandbox.token());
    EXPECT_EXIT(cleared, 0);
    QVERIFY2(cleared.out.startsWith(QLatin1String("Action:         audit (log suspicious requests)\n"
                                                  "Excluded zones: none\n")),
             qPrintable(cleared.out));
}

void TestCli::zoneNamesUnavailableStillShowsTheConfiguration() {
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString state = directory.filePath(QStringLiteral("org.json"));
    const QString id = m_ipZone.value(QStringLiteral("id")).toString();
    {
        START_SANDBOX(sandbox, {QStringLiteral("--state"), state});
        RUN_CLI(set,
                {QStringLiteral("--org"), sandbox.url(), QStringLiteral("threatinsight"),
                 QStringLiteral("set"), QStringLiteral("--action"), QStringLiteral("block"),
                 QStringLiteral("--exclude-zone"), id},
                sandbox.token());
        EXPECT_EXIT(set, 0);
        QVERIFY(sandbox.stop());
    }
    // Same org, but listing zones fails once: the configuration is still shown, with the id.
    START_SANDBOX(sandbox, {QStringLiteral("--state"), state, QStringLiteral("--fault"),
                            QStringLiteral("500:1:/api/v1/zones")});
    RUN_CLI(get,
            {QStringLiteral("--org"), sandbox.url(), QStringLiteral("threatinsight"), QStringLiteral("get")},
            sandbox.token());
    EXPECT_EXIT(get, 0);
    QVERIFY2(get.out.contains(QStringLiteral("Excluded zones: %1 (name unavailable)\n").arg(id)),
             qPrintable(get.out));
    QVERIFY2(get.err.contains(QLatin1String("zone names unavailable")) &&
                 get.err.contains(QLatin1String("HTTP 500")),
             qPrintable(get.err));
}

void TestCli::unknownZoneNameExits1() {
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("threatinsight"), QStringLiteral("set"),
                  QStringLiteral("--action"), QStringLiteral("block"), QStringLiteral("--exclude-zone"),
                  QStringLiteral("VPN Egres")});
    EXPECT_EXIT(run, 1);
    QVERIFY2(run.err.contains(QLatin1String("--exclude-zone 'VPN Egres': no network zone is named")),
             qPrintable(run.err));
    // The candidates, so the admin can retype.
    QVERIFY2(run.err.contains(
                 QStringLiteral("VPN Egress (%1)").arg(m_ipZone.value(QStringLiteral("id")).toString())),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::nonIpZoneWarnsAndTheOrgDecides() {
    // Okta's sources disagree on non-IP zones: the CLI warns and sends; this sandbox refuses.
    RUN_CLI(run, {QStringLiteral("--sandbox"), QStringLiteral("threatinsight"), QStringLiteral("set"),
                  QStringLiteral("--action"), QStringLiteral("block"), QStringLiteral("--exclude-zone"),
                  QStringLiteral("Tor and anonymizers")});
    EXPECT_EXIT(run, 1);
    QVERIFY2(run.err.contains(QLatin1String("warning: zone 'Tor and anonymizers' (nzoT0rAnn9Wc2Ye5j0g4) is a "
                                            "DYNAMIC zone")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("HTTP 400")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("  cause: ")) && run.err.contains(QLatin1String("only IP zones")),
             qPrintable(run.err));
    QVERIFY(!requestIdIn(run.err).isEmpty());
}

void TestCli::missingTokenExits2() {
    RUN_CLI(run, {QStringLiteral("--org"), QStringLiteral("https://acme.okta.com"),
                  QStringLiteral("threatinsight"), QStringLiteral("get")});
    EXPECT_EXIT(run, 2);
    QVERIFY2(run.err.contains(QLatin1String("set the environment variable THREATDESK_API_TOKEN")),
             qPrintable(run.err));
}

void TestCli::plainHttpToRemoteHostExits2() {
    const QString token = QStringLiteral("00secret-token-not-to-be-printed");
    RUN_CLI(run,
            {QStringLiteral("--org"), QStringLiteral("http://acme.okta.com"), QStringLiteral("zones"),
             QStringLiteral("list")},
            token);
    EXPECT_EXIT(run, 2);
    QVERIFY2(run.err.contains(QLatin1String("plain http would send the token unencrypted")),
             qPrintable(run.err));
    QVERIFY(!run.err.contains(token));
}

void TestCli::wrongTokenExits3() {
    START_SANDBOX(sandbox, {});
    const QString wrong = QStringLiteral("not-the-sandbox-token-42");
    RUN_CLI(run,
            {QStringLiteral("--org"), sandbox.url(), QStringLiteral("threatinsight"), QStringLiteral("get")},
            wrong);
    EXPECT_EXIT(run, 3);
    QVERIFY2(run.err.contains(QLatin1String("HTTP 401")) && run.err.contains(QLatin1String("E0000011")),
             qPrintable(run.err));
    QVERIFY(!requestIdIn(run.err).isEmpty());
    QVERIFY(!run.err.contains(wrong) && !run.out.contains(wrong));
}

void TestCli::readOnlyTokenCannotSet() {
    const QString readOnly = QStringLiteral("read-only-token-for-cli-test");
    START_SANDBOX(sandbox, {QStringLiteral("--read-only-token"), readOnly});
    const QStringList ti{QStringLiteral("--org"), sandbox.url(), QStringLiteral("threatinsight")};

    RUN_CLI(get, ti + QStringList{QStringLiteral("get")}, readOnly);
    EXPECT_EXIT(get, 0);
    RUN_CLI(set, ti + QStringList{QStringLiteral("set"), QStringLiteral("--action"), QStringLiteral("none")},
            readOnly);
    EXPECT_EXIT(set, 3);
    QVERIFY2(set.err.contains(QLatin1String("updating the ThreatInsight configuration failed")) &&
                 set.err.contains(QLatin1String("HTTP 403")) && set.err.contains(QLatin1String("E0000006")),
             qPrintable(set.err));
    QVERIFY(!set.err.contains(readOnly));

    // Nothing changed.
    RUN_CLI(after, ti + QStringList{QStringLiteral("get")}, readOnly);
    QVERIFY2(after.out.startsWith(QLatin1String("Action:         audit ")), qPrintable(after.out));
}

void TestCli::serverFaultExits4WithRequestId() {
    START_SANDBOX(sandbox, {QStringLiteral("--fault"), QStringLiteral("500:50")});
    for (const QString& command : {QStringLiteral("threatinsight get"), QStringLiteral("zones list")}) {
        RUN_CLI(run, QStringList{QStringLiteral("--org"), sandbox.url()} + command.split(QLatin1Char(' ')),
                sandbox.token());
        EXPECT_EXIT(run, 4);
        QVERIFY2(run.err.contains(QLatin1String("HTTP 500")) && run.err.contains(QLatin1String("E0000009")),
                 qPrintable(run.err));
        static const QRegularExpression requestIdLine(QStringLiteral("\n  request id: [A-Za-z0-9]{20}\n"));
        QVERIFY2(run.err.contains(requestIdLine), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
}

void TestCli::stalledServerTimesOut() {
    START_SANDBOX(sandbox, {QStringLiteral("--fault"), QStringLiteral("stall:1:20000")});
    QElapsedTimer timer;
    timer.start();
    RUN_CLI(run,
            {QStringLiteral("--org"), sandbox.url(), QStringLiteral("--timeout"), QStringLiteral("0.5"),
             QStringLiteral("threatinsight"), QStringLiteral("get")},
            sandbox.token());
    EXPECT_EXIT(run, 4);
    QVERIFY2(run.err.contains(QLatin1String("no answer in time")), qPrintable(run.err));
    QVERIFY2(timer.elapsed() < 15000, "--timeout was not applied");
}

namespace {
QString riskFile() {
    return QStringLiteral(THREATDESK_TEST_DATA_DIR "/risk_mixed.csv");
}

// Each test that journals runs gets its own data folder, so no run of one test is resumed by
// another.
void useDataHomeFor(const QTemporaryDir& base, const char* test) {
    const QString path = base.filePath(QString::fromLatin1(test));
    QDir().mkpath(path);
    qputenv("XDG_DATA_HOME", path.toLocal8Bit());
}
} // namespace

void TestCli::riskValidateReportsEveryRow() {
    RUN_CLI(run, {QStringLiteral("risk"), QStringLiteral("validate"), riskFile()});
    EXPECT_EXIT(run, 1); // two rows rejected
    QVERIFY2(
        run.out.contains(QStringLiteral("rows 6, valid 3 (HIGH 1, MEDIUM 1, LOW 1), rejected 2, merged 1")),
        qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("line 4: rejected ip '10.0.0.0/8'")));
    QVERIFY(run.out.contains(QStringLiteral("CIDR")));
    QVERIFY(run.out.contains(QStringLiteral("line 5: rejected message 'bad!'")));
    QVERIFY(run.out.contains(QStringLiteral("line 6: merged ip '8.8.8.8'")));

    RUN_CLI(clean, {QStringLiteral("risk"), QStringLiteral("validate"), QStringLiteral("--clean-messages"),
                    QStringLiteral("--allow-private"), QStringLiteral("--format"), QStringLiteral("csv"),
                    riskFile()});
    EXPECT_EXIT(clean, 1); // the CIDR stays rejected whatever the settings
    QVERIFY2(clean.out.contains(QStringLiteral("valid 4")), qPrintable(clean.out));

    RUN_CLI(bad, {QStringLiteral("risk"), QStringLiteral("validate"), QStringLiteral("--default-level"),
                  QStringLiteral("severe"), riskFile()});
    EXPECT_EXIT(bad, 2);
    QVERIFY(bad.err.contains(QStringLiteral("--default-level 'severe'")));
    RUN_CLI(missing,
            {QStringLiteral("risk"), QStringLiteral("validate"), QStringLiteral("/no/such/file.csv")});
    EXPECT_EXIT(missing, 2);
}

void TestCli::riskValidateJson() {
    RUN_CLI(run, {QStringLiteral("--json"), QStringLiteral("risk"), QStringLiteral("validate"), riskFile()});
    EXPECT_EXIT(run, 1);
    const QJsonObject report = parseJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 6);
    QCOMPARE(report.value(QStringLiteral("valid")).toInt(), 3);
    const QJsonArray rejected = report.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 2);
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("line")).toInt(), 4);
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("ip"));
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("10.0.0.0/8"));
    QCOMPARE(report.value(QStringLiteral("merged")).toArray().size(), 1);
    const QJsonArray subjects = report.value(QStringLiteral("subjects")).toArray();
    QCOMPARE(subjects.size(), 3);
    QCOMPARE(subjects.at(0).toObject().value(QStringLiteral("riskLevel")).toString(), QStringLiteral("HIGH"));
    // Canonical RFC 5952 form, as it will be sent.
    QCOMPARE(subjects.at(1).toObject().value(QStringLiteral("ip")).toString(),
             QStringLiteral("2606:4700::1111"));
    QCOMPARE(subjects.at(1).toObject().value(QStringLiteral("line")).toInt(), 7);
}

void TestCli::riskValidateStandardInput() {
    QProcess process;
    process.start(binary("threatdesk"),
                  {QStringLiteral("risk"), QStringLiteral("validate"), QStringLiteral("--default-level"),
                   QStringLiteral("high"), QStringLiteral("--format"), QStringLiteral("list"),
                   QStringLiteral("-")});
    QVERIFY(process.waitForStarted(ProcessTimeoutMs));
    process.write("# pasted from an incident\n185.220.101.1\n185.220.101.2 seen twice\n192.168.1.1\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(ProcessTimeoutMs));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QCOMPARE(process.exitCode(), 1); // the private address
    QVERIFY2(out.contains(QStringLiteral("rows 3, valid 2 (HIGH 2, MEDIUM 0, LOW 0), rejected 1")),
             qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("not a public address")));
}

void TestCli::riskSendDryRunPrintsTheBodies() {
    // No org needed: nothing is sent.
    RUN_CLI(run, {QStringLiteral("--json"), QStringLiteral("risk"), QStringLiteral("send"),
                  QStringLiteral("--dry-run"), QStringLiteral("--expires-in"), QStringLiteral("2h"),
                  QStringLiteral(THREATDESK_TEST_DATA_DIR "/admin_5000.csv")});
    EXPECT_EXIT(run, 0);
    const QJsonArray requests = parseJson(run.out).object().value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 5); // 1,000 subjects per request
    const QJsonArray first = requests.at(0).toArray();
    QCOMPARE(first.size(), 20);
    const QJsonObject event = first.at(0).toObject();
    QCOMPARE(event.value(QStringLiteral("subjects")).toArray().size(), 50);
    QCOMPARE(
        event.value(QStringLiteral("subjects")).toArray().at(0).toObject().value(QStringLiteral("riskLevel")),
        QJsonValue(QStringLiteral("HIGH")));
    const QDateTime timestamp =
        QDateTime::fromString(event.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
    const QDateTime expires =
        QDateTime::fromString(event.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    QCOMPARE(timestamp.secsTo(expires), 7200);
    // The last request carries the LOW subjects.
    const QJsonArray last = requests.at(4).toArray();
    QCOMPARE(last.last()
                 .toObject()
                 .value(QStringLiteral("subjects"))
                 .toArray()
                 .last()
                 .toObject()
                 .value(QStringLiteral("riskLevel")),
             QJsonValue(QStringLiteral("LOW")));

    RUN_CLI(badTtl, {QStringLiteral("risk"), QStringLiteral("send"), QStringLiteral("--dry-run"),
                     QStringLiteral("--expires-in"), QStringLiteral("soon"), riskFile()});
    EXPECT_EXIT(badTtl, 2);
}

void TestCli::riskSendDeliversThroughTheSandbox() {
    useDataHomeFor(m_dataHome, QTest::currentTestFunction());
    // 5 requests at 3 per 2-second window: the budget has to wait at least once.
    START_SANDBOX(sandbox, {QStringLiteral("--risk-events-limit"), QStringLiteral("3"),
                            QStringLiteral("--window"), QStringLiteral("2")});
    RUN_CLI(run,
            {QStringLiteral("--org"), sandbox.url(), QStringLiteral("--json"), QStringLiteral("risk"),
             QStringLiteral("send"), QStringLiteral(THREATDESK_TEST_DATA_DIR "/admin_5000.csv")},
            sandbox.token());
    EXPECT_EXIT(run, 0);
    const QJsonObject summary = parseJson(run.out).object();
    QCOMPARE(summary.value(QStringLiteral("accepted")).toInt(), 5000);
    QCOMPARE(summary.value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("stopReason")).toString(), QStringLiteral("Completed"));
    const QFileInfo journal(summary.value(QStringLiteral("journal")).toString());
    QVERIFY(journal.isDir());
    // Progress and the budget went to stderr.
    QVERIFY2(run.err.contains(QStringLiteral("budget")), qPrintable(run.err));

    // The folder of a run killed two hours ago while being written (no run.json) goes when the
    // next run is created.
    const QString runId =
        QDateTime::currentDateTimeUtc().addSecs(-7200).toString(QStringLiteral("yyyyMMdd-HHmmss-zzz-")) +
        QStringLiteral("dead");
    const QString abandoned = journal.dir().filePath(runId + QStringLiteral("/requests"));
    QVERIFY(QDir().mkpath(abandoned));

    // Rows rejected before sending make the exit code 1 even when Okta accepted the rest.
    RUN_CLI(
        mixed,
        {QStringLiteral("--org"), sandbox.url(), QStringLiteral("risk"), QStringLiteral("send"), riskFile()},
        sandbox.token());
    EXPECT_EXIT(mixed, 1);
    QVERIFY2(mixed.out.contains(QStringLiteral("3 subjects: accepted 3, rejected 0, pending 0")),
             qPrintable(mixed.out));
    QVERIFY(!QFileInfo::exists(QFileInfo(abandoned).path()));
    QVERIFY(journal.exists());
}

void TestCli::riskSendWithReadOnlyTokenStopsAndResumes() {
    useDataHomeFor(m_dataHome, QTest::currentTestFunction());
    START_SANDBOX(sandbox, {QStringLiteral("--read-only-token"), QStringLiteral("viewer-token-0123456789")});
    RUN_CLI(
        denied,
        {QStringLiteral("--org"), sandbox.url(), QStringLiteral("risk"), QStringLiteral("send"), riskFile()},
        QStringLiteral("viewer-token-0123456789"));
    EXPECT_EXIT(denied, 3);
    QVERIFY2(denied.err.contains(QStringLiteral("okta.riskEvents.manage")), qPrintable(denied.err));
    QVERIFY(denied.out.contains(QStringLiteral("pending 3")));

    // The journal kept the run: resuming with the admin token delivers it.
    RUN_CLI(resumed,
            {QStringLiteral("--org"), sandbox.url(), QStringLiteral("risk"), QStringLiteral("resume")},
            sandbox.token());
    EXPECT_EXIT(resumed, 0);
    QVERIFY2(resumed.out.contains(QStringLiteral("accepted 3, rejected 0, pending 0")),
             qPrintable(resumed.out));
    RUN_CLI(nothing,
            {QStringLiteral("--org"), sandbox.url(), QStringLiteral("risk"), QStringLiteral("resume")},
            sandbox.token());
    EXPECT_EXIT(nothing, 0);
    QVERIFY(nothing.out.contains(QStringLiteral("no unfinished run")));
}

#define REQUIRE_KEYRING()                                                                                    \
    QVERIFY2(m_keyringSession,                                                                               \
             "THREATDESK_KEYRING_SESSION is not set: run the tests through tests/with-keyring.sh")

namespace {
const QString Profiles = QStringLiteral("profiles");

QJsonObject profileNamed(const QJsonArray& profiles, const QString& name) {
    for (const QJsonValue& value : profiles) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}
} // namespace

QString TestCli::settingsFile() const {
    return m_configHome.filePath(QStringLiteral("ThreatDesk/threatdesk.conf"));
}

void TestCli::profilesListShowsTheSandbox() {
    REQUIRE_KEYRING();
    RUN_CLI(text, {Profiles, QStringLiteral("list")});
    EXPECT_EXIT(text, 0);
    QVERIFY2(text.out.startsWith(QLatin1String("NAME")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("\nSandbox org +sandbox +.*sandbox"))),
             qPrintable(text.out));

    RUN_CLI(json, {Profiles, QStringLiteral("list"), QStringLiteral("--json")});
    EXPECT_EXIT(json, 0);
    const QJsonArray profiles = parseJson(json.out).array();
    QVERIFY2(!profiles.isEmpty(), qPrintable(json.out));
    QCOMPARE(profiles.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("sandbox"));
    QCOMPARE(profiles.first().toObject().value(QStringLiteral("authMethod")).toString(),
             QStringLiteral("sandbox"));
}

void TestCli::sandboxProfileTestAndUse() {
    REQUIRE_KEYRING();
    RUN_CLI(test, {Profiles, QStringLiteral("test"), QStringLiteral("sandbox")});
    EXPECT_EXIT(test, 0);
    QVERIFY2(test.out.startsWith(QLatin1String("OK: profile 'Sandbox org'")), qPrintable(test.out));
    QVERIFY2(!requestIdIn(test.out).isEmpty(), qPrintable(test.out));

    // By name, case-insensitively, on a command that needs an org.
    RUN_CLI(get, {QStringLiteral("--profile"), QStringLiteral("sandbox ORG"), QStringLiteral("threatinsight"),
                  QStringLiteral("get")});
    EXPECT_EXIT(get, 0);
    QVERIFY2(get.out.startsWith(QLatin1String("Action:")), qPrintable(get.out));
}

void TestCli::tokenProfileLifecycle() {
    REQUIRE_KEYRING();
    START_SANDBOX(sandbox, {});
    const QString name = QStringLiteral("Token Lifecycle");
    const QString token = sandbox.token();
    QStringList outputs;

    RUN_CLI(add,
            {Profiles, QStringLiteral("add"), name, QStringLiteral("--org"), QStringLiteral("acme.okta.com"),
             QStringLiteral("--token-stdin")},
            {}, token.toUtf8() + '\n');
    EXPECT_EXIT(add, 0);
    QVERIFY2(add.out.contains(QLatin1String("Added profile 'Token Lifecycle'")), qPrintable(add.out));
    outputs << add.out << add.err;

    RUN_CLI(list, {Profiles, QStringLiteral("list")});
    EXPECT_EXIT(list, 0);
    QVERIFY2(list.out.contains(QRegularExpression(
                 QStringLiteral("\nToken Lifecycle +[0-9a-f-]{36} +https://acme\\.okta\\.com +api token"))),
             qPrintable(list.out));
    RUN_CLI(listJson, {Profiles, QStringLiteral("list"), QStringLiteral("--json")});
    EXPECT_EXIT(listJson, 0);
    const QJsonObject listed = profileNamed(parseJson(listJson.out).array(), name);
    QCOMPARE(listed.value(QStringLiteral("authMethod")).toString(), QStringLiteral("apiToken"));
    QCOMPARE(listed.value(QStringLiteral("orgUrl")).toString(), QStringLiteral("https://acme.okta.com"));
    outputs << list.out << list.err << listJson.out << listJson.err;

    // The token lives in the keychain only.
    QByteArray settings = readFile(settingsFile());
    QVERIFY2(settings.contains("Token Lifecycle"), settings.constData());
    QVERIFY(!settings.contains(token.toUtf8()));

    // The store refuses loopback URLs for user profiles (only the built-in sandbox runs there),
    // so to reach the threatdesk-sandbox process the test edits the stored URL by hand, as a user
    // could; everything else (keychain read, SSWS sign-in) is the real path.
    QVERIFY(writeFile(settingsFile(), settings.replace("https://acme.okta.com", sandbox.url().toUtf8())));

    RUN_CLI(test, {Profiles, QStringLiteral("test"), QStringLiteral("token lifecycle")});
    EXPECT_EXIT(test, 0);
    QVERIFY2(test.out.startsWith(QLatin1String("OK: profile 'Token Lifecycle'")), qPrintable(test.out));
    QVERIFY2(!requestIdIn(test.out).isEmpty(), qPrintable(test.out));
    RUN_CLI(get, {QStringLiteral("--profile"), name, QStringLiteral("threatinsight"), QStringLiteral("get")});
    EXPECT_EXIT(get, 0);
    QVERIFY2(get.out.startsWith(QLatin1String("Action:")), qPrintable(get.out));
    outputs << test.out << test.err << get.out << get.err;

    // Removing deletes the keychain entry: with the profile put back into the settings, the
    // secret is still gone.
    const QByteArray beforeRemove = readFile(settingsFile());
    RUN_CLI(remove, {Profiles, QStringLiteral("remove"), name});
    EXPECT_EXIT(remove, 0);
    RUN_CLI(afterRemove, {Profiles, QStringLiteral("list")});
    QVERIFY2(!afterRemove.out.contains(name), qPrintable(afterRemove.out));
    QVERIFY(writeFile(settingsFile(), beforeRemove));
    RUN_CLI(orphan, {Profiles, QStringLiteral("test"), name});
    EXPECT_EXIT(orphan, 2);
    QVERIFY2(orphan.err.contains(QLatin1String("has no stored API token")), qPrintable(orphan.err));
    RUN_CLI(cleanup, {Profiles, QStringLiteral("remove"), name});
    EXPECT_EXIT(cleanup, 0);
    outputs << remove.out << remove.err << orphan.out << orphan.err;

    for (const QString& text : std::as_const(outputs))
        QVERIFY2(!text.contains(token), "the token was printed");
    QVERIFY(!readFile(settingsFile()).contains(token.toUtf8()));
}

void TestCli::oauthProfileWithGeneratedKey() {
    REQUIRE_KEYRING();
    const QString name = QStringLiteral("Service App");
    RUN_CLI(add,
            {Profiles, QStringLiteral("add"), name, QStringLiteral("--org"), QStringLiteral("acme.okta.com"),
             QStringLiteral("--oauth"), QStringLiteral("--client-id"), QStringLiteral("0oa1service"),
             QStringLiteral("--generate-key"), QStringLiteral("ec"), QStringLiteral("--scopes"),
             QStringLiteral("okta.threatInsights.read"), QStringLiteral("--json")});
    EXPECT_EXIT(add, 0);
    const QJsonObject added = parseJson(add.out).object();
    const QJsonObject jwk = added.value(QStringLiteral("publicJwk")).toObject();
    QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), QStringLiteral("EC"));
    QVERIFY(!jwk.value(QStringLiteral("kid")).toString().isEmpty());
    QVERIFY2(!jwk.contains(QStringLiteral("d")), "the private key was printed");
    QVERIFY(!add.out.contains(QLatin1String("PRIVATE KEY")) &&
            !add.err.contains(QLatin1String("PRIVATE KEY")));

    RUN_CLI(listJson, {Profiles, QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonObject listed = profileNamed(parseJson(listJson.out).array(), name);
    QCOMPARE(listed.value(QStringLiteral("clientId")).toString(), QStringLiteral("0oa1service"));
    QCOMPARE(listed.value(QStringLiteral("keyId")).toString(), jwk.value(QStringLiteral("kid")).toString());
    QVERIFY(!readFile(settingsFile()).contains("PRIVATE KEY"));

    // The printed public key is what the service app needs: register it with a threatdesk-sandbox
    // process and sign in with the key from the keychain (URL edited by hand, as above).
    QTemporaryDir keys;
    QVERIFY(keys.isValid());
    const QString jwkFile = keys.filePath(QStringLiteral("public.jwk"));
    QVERIFY(writeFile(jwkFile, QJsonDocument(jwk).toJson()));
    START_SANDBOX(sandbox, {QStringLiteral("--service-app"),
                            QStringLiteral("0oa1service:%1:okta.threatInsights.read").arg(jwkFile)});
    QByteArray settings = readFile(settingsFile());
    QVERIFY(writeFile(settingsFile(), settings.replace("https://acme.okta.com", sandbox.url().toUtf8())));

    RUN_CLI(test, {Profiles, QStringLiteral("test"), name});
    EXPECT_EXIT(test, 0);
    QVERIFY2(
        test.out.startsWith(QLatin1String("OAuth token granted; scopes: okta.threatInsights.read\nOK: ")),
        qPrintable(test.out));
    RUN_CLI(testJson, {Profiles, QStringLiteral("test"), name, QStringLiteral("--json")});
    EXPECT_EXIT(testJson, 0);
    QCOMPARE(parseJson(testJson.out).object().value(QStringLiteral("grantedScopes")).toArray(),
             QJsonArray{QStringLiteral("okta.threatInsights.read")});
    // A scope the app was not granted: Okta's 403 maps to exit 3.
    RUN_CLI(zones, {QStringLiteral("--profile"), name, QStringLiteral("zones"), QStringLiteral("list")});
    EXPECT_EXIT(zones, 3);

    RUN_CLI(remove, {Profiles, QStringLiteral("remove"), name});
    EXPECT_EXIT(remove, 0);
}

void TestCli::profileRefusals_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QString add = QStringLiteral("add");
    const QString org = QStringLiteral("--org");
    const QString acme = QStringLiteral("acme.okta.com");
    QTest::newRow("token as argument")
        << QStringList{Profiles,           add, QStringLiteral("X"), org, acme, QStringLiteral("--token"),
                       QStringLiteral("t")}
        << 2 << QStringLiteral("Unknown option 'token'");
    QTest::newRow("no token source") << QStringList{Profiles, add, QStringLiteral("X"), org, acme} << 2
                                     << QStringLiteral("exactly one of --token-file FILE and --token-stdin");
    QTest::newRow("loopback org") << QStringList{Profiles,
                                                 add,
                                                 QStringLiteral("X"),
                                                 org,
                                                 QStringLiteral("http://127.0.0.1:1"),
                                                 QStringLiteral("--token-stdin")}
                                  << 2 << QStringLiteral("loopback");
    QTest::newRow("duplicate name") << QStringList{Profiles, add,  QStringLiteral("sandbox org"),
                                                   org,      acme, QStringLiteral("--token-stdin")}
                                    << 2 << QStringLiteral("exists already");
    QTest::newRow("oauth without key") << QStringList{Profiles,
                                                      add,
                                                      QStringLiteral("X"),
                                                      org,
                                                      acme,
                                                      QStringLiteral("--oauth"),
                                                      QStringLiteral("--client-id"),
                                                      QStringLiteral("0oa1")}
                                       << 2 << QStringLiteral("--key-file FILE and --generate-key");
    QTest::newRow("remove sandbox") << QStringList{Profiles, QStringLiteral("remove"),
                                                   QStringLiteral("sandbox")}
                                    << 1 << QStringLiteral("cannot be removed");
    QTest::newRow("remove unknown") << QStringList{Profiles, QStringLiteral("remove"), QStringLiteral("nope")}
                                    << 1 << QStringLiteral("no profile named 'nope'");
    QTest::newRow("profile and sandbox")
        << QStringList{QStringLiteral("--profile"), QStringLiteral("sandbox"), QStringLiteral("--sandbox"),
                       QStringLiteral("zones"), QStringLiteral("list")}
        << 2 << QStringLiteral("--profile cannot be combined");
    QTest::newRow("unknown profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("nope"),
                                                    QStringLiteral("zones"), QStringLiteral("list")}
                                     << 2 << QStringLiteral("no profile named 'nope'");
}

void TestCli::profileRefusals() {
    REQUIRE_KEYRING();
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    RUN_CLI(run, arguments, {}, QByteArrayLiteral("not-a-real-token\n"));
    EXPECT_EXIT(run, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.describe(exitCode)));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!readFile(settingsFile()).contains("not-a-real-token"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
