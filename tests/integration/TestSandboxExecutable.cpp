// The built threatdesk-sandbox executable as scripts and the CLI start it: first stdout line the
// base URL, second the default token, serving until SIGTERM; bad options exit 2, a busy port 1.
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace {

constexpr int TimeoutMs = 20000;
const QString Program = QStringLiteral(THREATDESK_BINARY_DIR "/bin/threatdesk-sandbox");
const QByteArray DefaultToken = "sandbox-admin-token-0123456789";

struct Answer {
    bool finished = false;
    int status = 0;
    QByteArray body;
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    QHash<QByteArray, QByteArray> headers;
};

} // namespace

class TestSandboxExecutable : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void printsUrlAndTokenThenServes();
    void customTokenPrintsOnlyTheUrl();
    void optionsReachTheServer();
    void badOptionsExitWithTwo_data();
    void badOptionsExitWithTwo();
    void busyPortExitsWithOne();
    void helpExitsWithZero();

private:
    // Starts the sandbox and waits until it has printed `lines` lines on stdout.
    std::unique_ptr<QProcess> start(const QStringList& arguments, int lines);
    Answer get(const QString& url, const QByteArray& token);
    static void stop(QProcess& process);

    QNetworkAccessManager* m_nam = nullptr;
};

void TestSandboxExecutable::init() {
    QVERIFY2(QFile::exists(Program), qPrintable(Program));
    m_nam = new QNetworkAccessManager(this);
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

void TestSandboxExecutable::cleanup() {
    delete m_nam;
    m_nam = nullptr;
}

std::unique_ptr<QProcess> TestSandboxExecutable::start(const QStringList& arguments, int lines) {
    auto process = std::make_unique<QProcess>();
    process->setProgram(Program);
    process->setArguments(arguments);
    process->start();
    const bool ready = QTest::qWaitFor(
        [&process, lines] {
            return process->state() == QProcess::NotRunning || process->peek(1 << 16).count('\n') >= lines;
        },
        TimeoutMs);
    if (!ready || process->state() != QProcess::Running)
        qWarning("sandbox not ready: %s", process->readAllStandardError().constData());
    return process;
}

Answer TestSandboxExecutable::get(const QString& url, const QByteArray& token) {
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Authorization", "SSWS " + token);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = m_nam->get(request);
    Answer answer;
    answer.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, TimeoutMs);
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return answer;
}

void TestSandboxExecutable::stop(QProcess& process) {
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate(); // SIGTERM
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, TimeoutMs)) {
        qWarning("sandbox ignored SIGTERM; killing it");
        process.kill();
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, TimeoutMs))
            qWarning("sandbox survived SIGKILL");
    }
}

void TestSandboxExecutable::printsUrlAndTokenThenServes() {
    const auto process = start({QStringLiteral("--port"), QStringLiteral("0")}, 2);
    QCOMPARE(process->state(), QProcess::Running);
    const QString url = QString::fromUtf8(process->readLine()).trimmed();
    const QByteArray token = process->readLine().trimmed();
    QVERIFY2(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:[1-9][0-9]*$")).match(url).hasMatch(),
             qPrintable(url));
    QCOMPARE(token, DefaultToken);

    const Answer answer = get(url + QStringLiteral("/api/v1/threats/configuration"), token);
    QVERIFY(answer.finished);
    QCOMPARE(answer.status, 200);
    const QJsonObject configuration = QJsonDocument::fromJson(answer.body).object();
    QCOMPARE(configuration.value(QStringLiteral("action")).toString(), QStringLiteral("audit"));
    QCOMPARE(configuration.value(QStringLiteral("_links"))
                 .toObject()
                 .value(QStringLiteral("self"))
                 .toObject()
                 .value(QStringLiteral("href"))
                 .toString(),
             url + QStringLiteral("/api/v1/threats/configuration"));
    QCOMPARE(answer.header("X-Rate-Limit-Limit"), QByteArray("600"));
    QCOMPARE(get(url + QStringLiteral("/api/v1/zones"), "wrong-token").status, 401);

    // SIGTERM: a clean exit.
    process->terminate();
    QTRY_COMPARE_WITH_TIMEOUT(process->state(), QProcess::NotRunning, TimeoutMs);
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    QVERIFY(process->readAllStandardOutput().isEmpty()); // nothing after the two lines
}

void TestSandboxExecutable::customTokenPrintsOnlyTheUrl() {
    const auto process = start({QStringLiteral("--token"), QStringLiteral("my-own-token")}, 1);
    QCOMPARE(process->state(), QProcess::Running);
    const QString url = QString::fromUtf8(process->readLine()).trimmed();
    QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1:")));
    QCOMPARE(get(url + QStringLiteral("/api/v1/zones"), "my-own-token").status, 200);
    QCOMPARE(get(url + QStringLiteral("/api/v1/zones"), DefaultToken).status, 401);
    stop(*process);
    QCOMPARE(process->exitCode(), 0);
    QVERIFY(process->readAllStandardOutput().isEmpty()); // the token is never printed
}

void TestSandboxExecutable::optionsReachTheServer() {
    const auto process = start({QStringLiteral("--port=0"), QStringLiteral("--other-limit"),
                                QStringLiteral("7"), QStringLiteral("--clock-skew"), QStringLiteral("-86400"),
                                QStringLiteral("--fault"), QStringLiteral("500:1:/api/v1/zones")},
                               2);
    QCOMPARE(process->state(), QProcess::Running);
    const QString url = QString::fromUtf8(process->readLine()).trimmed();
    const QByteArray token = process->readLine().trimmed();
    Answer answer = get(url + QStringLiteral("/api/v1/zones"), token);
    QCOMPARE(answer.status, 500);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("errorCode")).toString(),
             QStringLiteral("E0000009"));
    answer = get(url + QStringLiteral("/api/v1/zones"), token);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("X-Rate-Limit-Limit"), QByteArray("7"));
    QCOMPARE(answer.header("X-Rate-Limit-Remaining"), QByteArray("5"));
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(answer.header("Date")),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    date.setTimeSpec(Qt::UTC);
    QVERIFY(date.isValid());
    QVERIFY(qAbs(date.toSecsSinceEpoch() - (QDateTime::currentSecsSinceEpoch() - 86400)) <= 5);
    stop(*process);
}

void TestSandboxExecutable::badOptionsExitWithTwo_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown option") << QStringList{"--bogus"} << "bogus";
    QTest::newRow("port not a number") << QStringList{"--port", "abc"} << "--port";
    QTest::newRow("port too large") << QStringList{"--port", "65536"} << "--port";
    QTest::newRow("missing value") << QStringList{"--window"} << "--window";
    QTest::newRow("window zero") << QStringList{"--window", "0"} << "--window";
    QTest::newRow("negative limit") << QStringList{"--risk-events-limit", "-3"} << "--risk-events-limit";
    QTest::newRow("bad fault") << QStringList{"--fault", "explode:1"} << "--fault";
    QTest::newRow("bad oversized size") << QStringList{"--fault", "oversized:1:0"} << "--fault";
    QTest::newRow("positional") << QStringList{"serve"} << "serve";
}

void TestSandboxExecutable::badOptionsExitWithTwo() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    QProcess process;
    process.start(Program, arguments);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, TimeoutMs);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(named), qPrintable(error));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestSandboxExecutable::busyPortExitsWithOne() {
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost));
    QProcess process;
    process.start(Program, {QStringLiteral("--port"), QString::number(busy.serverPort())});
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, TimeoutMs);
    QCOMPARE(process.exitCode(), 1);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("already in use")), qPrintable(error));
    QVERIFY2(error.contains(QString::number(busy.serverPort())), qPrintable(error));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestSandboxExecutable::helpExitsWithZero() {
    QProcess process;
    process.start(Program, {QStringLiteral("--help")});
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, TimeoutMs);
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    for (const char* option :
         {"--port", "--token", "--read-only-token", "--risk-events-limit", "--other-limit", "--window",
          "--state", "--accept-non-ip-zones", "--clock-skew", "--fault"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    // Every fault kind is named in the --fault help (the help text wraps lines).
    const QString flat = help.simplified();
    for (const char* kind : {"500:N", "reset:N", "stall:N:MS", "malformed:N", "429-no-headers:N",
                             "drop-response:N", "oversized:N:BYTES", "429-duplicate-headers:N", "after=K"})
        QVERIFY2(flat.contains(QLatin1String(kind)), kind);
}

QTEST_GUILESS_MAIN(TestSandboxExecutable)
#include "TestSandboxExecutable.moc"
