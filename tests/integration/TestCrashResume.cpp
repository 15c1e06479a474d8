// Crash-resume: `threatdesk risk send` of 100,000 subjects against a threatdesk-sandbox process,
// killed with SIGKILL mid-run, then `threatdesk risk resume` (itself killed once and resumed
// again). The sandbox's record must end with every subject, as sent, and at most one request's
// worth of duplicates per kill: the request that was in flight when the process died.
#include "CliRun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CliTest;

namespace {

constexpr int SubjectCount = 100000;
constexpr int SubjectsPerRequest = 1000; // 20 events of 50 subjects
constexpr int PlannedRequests = SubjectCount / SubjectsPerRequest;
// Generous: CI runs this on two loaded cores and again under ASan+UBSan.
constexpr int PhaseTimeoutMs = 400000;

struct Subject {
    QString ip;
    QString level;   // as the sandbox records it
    QString message; // empty: none sent
};

// Distinct public addresses (every fifth one IPv6), levels and messages in a mix, written in
// varied letter case as an admin's export might be.
QVector<Subject> makeSubjects() {
    QVector<Subject> subjects;
    subjects.reserve(SubjectCount);
    const char* levels[] = {"LOW", "HIGH", "MEDIUM", "LOW", "MEDIUM"};
    for (int k = 0; k < SubjectCount; ++k) {
        Subject s;
        s.ip = k % 5 == 0
                   ? QStringLiteral("2a01:4f8:%1::%2").arg(k / 65535 + 1, 0, 16).arg(k % 65535 + 1, 0, 16)
                   : QStringLiteral("51.%1.%2.%3").arg(k / 65536 + 1).arg((k / 256) % 256).arg(k % 256);
        s.level = QString::fromLatin1(levels[k % 5]);
        if (k % 3 != 0)
            s.message = QStringLiteral("feed-%1 row_%2.seen").arg(k % 7).arg(k);
        subjects.append(s);
    }
    return subjects;
}

bool writeCsv(const QString& path, const QVector<Subject>& subjects) {
    QByteArray csv = "ip,riskLevel,message\n";
    csv.reserve(subjects.size() * 48);
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        const Subject& s = subjects.at(i);
        csv += s.ip.toLatin1() + ',' + (i % 2 ? s.level.toLower() : s.level).toLatin1() + ',' +
               s.message.toLatin1() + '\n';
    }
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size();
}

const QString InFlightWarning = QStringLiteral("in flight when the last session ended");

// "resuming run ID (created …): accepted N, …" on stderr: N, or -1 when the line is missing.
int acceptedWhenResumed(const QString& err, const QString& runId) {
    const QRegularExpression line(QStringLiteral("resuming run %1 \\(created [^)]*\\): accepted (\\d+), "
                                                 "rejected 0, pending (\\d+) of 100000")
                                      .arg(runId));
    const QRegularExpressionMatch match = line.match(err);
    if (!match.hasMatch() || match.captured(1).toInt() + match.captured(2).toInt() != SubjectCount)
        return -1;
    return match.captured(1).toInt();
}

QString canonicalIp(const QString& ip) {
    return QHostAddress(ip).toString();
}

} // namespace

class TestCrashResume : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedSendResumesWithoutLoss();
    void damagedJournalFileIsNamedAndSentAgain();

private:
    bool startSandbox(QString* problem);
    void startCli(QProcess& process, const QStringList& arguments);
    // Risk-event requests the sandbox has answered 202 so far (from its request log on stderr).
    int acceptedRequests() const { return m_acceptedRequests; }
    QJsonArray fetchRecord(QString* problem);
    // Makes acceptedRequests() exact: the sandbox serves one request at a time and logs it in
    // order, so once the log has a request made now, it has every answer given before.
    void syncWithSandbox();

    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QByteArray m_sandboxErr;
    int m_acceptedRequests = 0;
    int m_barriers = 0;
    QString m_sanitizerReports; // from the sandbox, in the ASan+UBSan build
    QString m_url;
    QString m_token;
    QVector<Subject> m_subjects;
    QString m_csv;
};

void TestCrashResume::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(binary("threatdesk")).isExecutable(), qPrintable(binary("threatdesk")));
    QVERIFY2(QFileInfo(binary("threatdesk-sandbox")).isExecutable(),
             qPrintable(binary("threatdesk-sandbox")));
    m_subjects = makeSubjects();
    m_csv = m_dir.filePath(QStringLiteral("feed.csv"));
    QVERIFY(writeCsv(m_csv, m_subjects));
    for (const char* name : {"data", "config", "cache"})
        QVERIFY(QDir().mkpath(m_dir.filePath(QString::fromLatin1(name))));
    QString problem;
    QVERIFY2(startSandbox(&problem), qPrintable(problem));
}

void TestCrashResume::cleanupTestCase() {
    if (m_sandbox.state() == QProcess::NotRunning)
        return;
    m_sandbox.terminate();
    if (!m_sandbox.waitForFinished(ProcessTimeoutMs))
        m_sandbox.kill();
    m_sandbox.waitForFinished(ProcessTimeoutMs);
}

bool TestCrashResume::startSandbox(QString* problem) {
    // At most 10 requests a second: the 100 requests of the run take ten seconds or more, so
    // the test can see the run half done and kill it there, also on a fast machine.
    connect(&m_sandbox, &QProcess::readyReadStandardError, this, [this] {
        m_sandboxErr += m_sandbox.readAllStandardError();
        static const QByteArray accepted = "POST /api/v1/risk/events/ip -> 202\n";
        static const QByteArray barrier = "GET /_sandbox/faults -> 200\n";
        qsizetype newline;
        while ((newline = m_sandboxErr.indexOf('\n')) >= 0) {
            if (m_sandboxErr.left(newline + 1).contains("runtime error:") ||
                m_sandboxErr.left(newline + 1).contains("Sanitizer"))
                m_sanitizerReports += QString::fromUtf8(m_sandboxErr.left(newline + 1));
            if (m_sandboxErr.left(newline + 1) == accepted)
                ++m_acceptedRequests;
            else if (m_sandboxErr.left(newline + 1) == barrier)
                ++m_barriers;
            m_sandboxErr.remove(0, newline + 1);
        }
    });
    m_sandbox.start(binary("threatdesk-sandbox"),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--risk-events-limit"),
                     QStringLiteral("10"), QStringLiteral("--window"), QStringLiteral("1")});
    if (!m_sandbox.waitForStarted(ProcessTimeoutMs)) {
        *problem = QStringLiteral("threatdesk-sandbox did not start: ") + m_sandbox.errorString();
        return false;
    }
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (out.count('\n') < 2 && timer.elapsed() < ProcessTimeoutMs &&
           m_sandbox.state() == QProcess::Running) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        out += m_sandbox.readAllStandardOutput();
    }
    const QList<QByteArray> lines = out.split('\n');
    m_url = QString::fromUtf8(lines.value(0)).trimmed();
    m_token = QString::fromUtf8(lines.value(1)).trimmed();
    if (!m_url.startsWith(QLatin1String("http://127.0.0.1:")) || m_token.isEmpty()) {
        *problem = QStringLiteral("threatdesk-sandbox printed '%1'").arg(QString::fromUtf8(out));
        return false;
    }
    return true;
}

void TestCrashResume::startCli(QProcess& process, const QStringList& arguments) {
    // Journals, settings and caches in private folders; the token from the environment (never on
    // the command line); English messages.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    environment.insert(TokenVariable, m_token);
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    process.setProcessEnvironment(environment);
    process.start(binary("threatdesk"), QStringList{QStringLiteral("--org"), m_url} + arguments);
    process.closeWriteChannel();
}

QJsonArray TestCrashResume::fetchRecord(QString* problem) {
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_url + QStringLiteral("/_sandbox/risk-events")));
    request.setRawHeader("Authorization", "SSWS " + m_token.toUtf8());
    request.setTransferTimeout(PhaseTimeoutMs);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(PhaseTimeoutMs) || reply->error() != QNetworkReply::NoError) {
        *problem = QStringLiteral("GET /_sandbox/risk-events: ") + reply->errorString();
        return {};
    }
    return QJsonDocument::fromJson(reply->readAll()).array();
}

void TestCrashResume::syncWithSandbox() {
    const int barriers = m_barriers;
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_url + QStringLiteral("/_sandbox/faults")));
    request.setRawHeader("Authorization", "SSWS " + m_token.toUtf8());
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), PhaseTimeoutMs);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QTRY_VERIFY_WITH_TIMEOUT(m_barriers > barriers, PhaseTimeoutMs);
}

#define SYNC_WITH_SANDBOX()                                                                                  \
    syncWithSandbox();                                                                                       \
    if (QTest::currentTestFailed())                                                                          \
    return

void TestCrashResume::killedSendResumesWithoutLoss() {
    QElapsedTimer phase; // for the log: where the time goes on a slow machine
    phase.start();
    // 1. The send, killed once the sandbox has a good part of the run but not all.
    QProcess send;
    startCli(send, {QStringLiteral("risk"), QStringLiteral("send"), m_csv});
    QTRY_VERIFY_WITH_TIMEOUT(
        acceptedRequests() >= PlannedRequests / 5 || send.state() == QProcess::NotRunning, PhaseTimeoutMs);
    if (send.state() == QProcess::NotRunning)
        QFAIL(qPrintable(QStringLiteral("risk send ended before it could be killed: ") +
                         QString::fromUtf8(send.readAllStandardError())));
    send.kill(); // SIGKILL: no handler, no flush, no clean-up
    QTRY_VERIFY_WITH_TIMEOUT(send.state() == QProcess::NotRunning, PhaseTimeoutMs);
    QCOMPARE(send.exitStatus(), QProcess::CrashExit);
    SYNC_WITH_SANDBOX();
    const int atFirstKill = acceptedRequests();
    QVERIFY2(atFirstKill < PlannedRequests * 4 / 5, qPrintable(QString::number(atFirstKill)));
    const QString sendErr = QString::fromUtf8(send.readAllStandardError());
    static const QRegularExpression runLine(QStringLiteral("run (\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4}): "));
    const QString runId = runLine.match(sendErr).captured(1);
    QVERIFY2(!runId.isEmpty(), qPrintable(sendErr));

    qInfo("send killed after %lld ms", phase.restart());
    // A newer run that completes: `risk resume` must pass over it to the unfinished one.
    const QString decoyCsv = m_dir.filePath(QStringLiteral("decoy.csv"));
    {
        QFile decoy(decoyCsv);
        QVERIFY(decoy.open(QIODevice::WriteOnly));
        decoy.write("ip,riskLevel,message\n52.1.1.1,high,decoy\n52.1.1.2,low,\n");
    }
    QProcess decoySend;
    startCli(decoySend, {QStringLiteral("risk"), QStringLiteral("send"), decoyCsv});
    QTRY_VERIFY_WITH_TIMEOUT(decoySend.state() == QProcess::NotRunning, PhaseTimeoutMs);
    QCOMPARE(decoySend.exitCode(), 0);
    SYNC_WITH_SANDBOX();
    const int decoyRequests = acceptedRequests() - atFirstKill;
    QCOMPARE(decoyRequests, 1);

    // 2. The resume, killed too after it delivered some more.
    QProcess firstResume;
    startCli(firstResume, {QStringLiteral("risk"), QStringLiteral("resume")});
    QTRY_VERIFY_WITH_TIMEOUT(acceptedRequests() >= atFirstKill + decoyRequests + PlannedRequests / 10 ||
                                 firstResume.state() == QProcess::NotRunning,
                             PhaseTimeoutMs);
    if (firstResume.state() == QProcess::NotRunning)
        QFAIL(qPrintable(QStringLiteral("risk resume ended before it could be killed: ") +
                         QString::fromUtf8(firstResume.readAllStandardError())));
    firstResume.kill();
    QTRY_VERIFY_WITH_TIMEOUT(firstResume.state() == QProcess::NotRunning, PhaseTimeoutMs);
    SYNC_WITH_SANDBOX();
    const int atSecondKill = acceptedRequests() - decoyRequests;
    QVERIFY2(atSecondKill < PlannedRequests, qPrintable(QString::number(atSecondKill)));
    const QString firstResumeErr = QString::fromUtf8(firstResume.readAllStandardError());
    // The journal survived the kill: it has every request the sandbox answered but the one in
    // flight.
    const int journaledAtFirstKill = acceptedWhenResumed(firstResumeErr, runId);
    QVERIFY2(journaledAtFirstKill >= (atFirstKill - 1) * SubjectsPerRequest &&
                 journaledAtFirstKill <= atFirstKill * SubjectsPerRequest,
             qPrintable(QStringLiteral("%1 accepted requests\n%2").arg(atFirstKill).arg(firstResumeErr)));

    qInfo("first resume killed after %lld ms", phase.restart());
    // 3. The resume that completes the run.
    QProcess resume;
    startCli(resume, {QStringLiteral("risk"), QStringLiteral("resume")});
    QTRY_VERIFY_WITH_TIMEOUT(resume.state() == QProcess::NotRunning, PhaseTimeoutMs);
    const QString out = QString::fromUtf8(resume.readAllStandardOutput());
    const QString err = QString::fromUtf8(resume.readAllStandardError());
    const QString both = QStringLiteral("--- stdout\n%1--- stderr\n%2").arg(out, err);
    QCOMPARE(resume.exitStatus(), QProcess::NormalExit);
    // In the ASan+UBSan build: the resumed run is clean (UBSan only prints).
    QVERIFY2(!err.contains(QLatin1String("runtime error:")) && !err.contains(QLatin1String("Sanitizer")),
             qPrintable(both));
    QVERIFY2(resume.exitCode() == 0, qPrintable(both));
    const int journaledAtSecondKill = acceptedWhenResumed(err, runId);
    // (The sandbox's count includes the request in flight at the first kill, if it went twice.)
    QVERIFY2(journaledAtSecondKill >= (atSecondKill - 2) * SubjectsPerRequest &&
                 journaledAtSecondKill <= atSecondKill * SubjectsPerRequest,
             qPrintable(QStringLiteral("%1 accepted requests\n%2").arg(atSecondKill).arg(both)));
    QVERIFY2(
        out.contains(
            QStringLiteral("run %1: 100000 subjects: accepted 100000, rejected 0, pending 0").arg(runId)),
        qPrintable(both));

    qInfo("second resume finished after %lld ms", phase.restart());
    // Nothing is left to resume.
    QProcess again;
    startCli(again, {QStringLiteral("risk"), QStringLiteral("resume")});
    QTRY_VERIFY_WITH_TIMEOUT(again.state() == QProcess::NotRunning, PhaseTimeoutMs);
    const QString againOut = QString::fromUtf8(again.readAllStandardOutput());
    QCOMPARE(again.exitCode(), 0);
    QVERIFY2(againOut.contains(QStringLiteral("no unfinished run")), qPrintable(againOut));

    // 4. The sandbox's record: every subject as sent, duplicates at most one request per kill.
    QString problem;
    phase.restart();
    const QJsonArray record = fetchRecord(&problem);
    qInfo("the sandbox's record (%lld subjects) read in %lld ms", qint64(record.size()), phase.restart());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QHash<QString, int> indexOf;
    indexOf.reserve(m_subjects.size());
    for (int i = 0; i < m_subjects.size(); ++i)
        indexOf.insert(canonicalIp(m_subjects.at(i).ip), i);
    QCOMPARE(indexOf.size(), SubjectCount);
    QVector<int> received(SubjectCount, 0);
    int decoys = 0;
    for (const QJsonValue& value : record) {
        const QJsonObject r = value.toObject();
        const QString ip = r.value(QStringLiteral("ip")).toString();
        if (ip.startsWith(QLatin1String("52.1.1."))) {
            ++decoys;
            continue;
        }
        const auto found = indexOf.constFind(canonicalIp(ip));
        QVERIFY2(found != indexOf.cend(),
                 qPrintable(QStringLiteral("the sandbox got %1, never in the file").arg(ip)));
        const Subject& expected = m_subjects.at(*found);
        QCOMPARE(r.value(QStringLiteral("riskLevel")).toString(), expected.level);
        QCOMPARE(r.value(QStringLiteral("message")).toString(), expected.message);
        ++received[*found];
    }
    int twice = 0;
    for (int i = 0; i < SubjectCount; ++i) {
        QVERIFY2(received.at(i) >= 1, qPrintable(m_subjects.at(i).ip + QStringLiteral(" never arrived")));
        QVERIFY2(received.at(i) <= 2, qPrintable(m_subjects.at(i).ip + QStringLiteral(" arrived 3 times")));
        twice += received.at(i) - 1;
    }
    constexpr int Kills = 2;
    qInfo("killed at %d and %d accepted requests; %d subjects arrived twice", atFirstKill, atSecondKill,
          twice);
    QVERIFY2(twice <= Kills * SubjectsPerRequest, qPrintable(QString::number(twice)));
    // Every possible duplicate was announced when its run was resumed.
    const int warned = int(firstResumeErr.contains(InFlightWarning)) + int(err.contains(InFlightWarning));
    QVERIFY2(twice <= warned * SubjectsPerRequest,
             qPrintable(QStringLiteral("%1 duplicates, %2 warnings\n%3\n%4")
                            .arg(twice)
                            .arg(warned)
                            .arg(firstResumeErr, err)));
    QCOMPARE(decoys, 2);
    QVERIFY2(m_sanitizerReports.isEmpty(), qPrintable(m_sanitizerReports));
    QCOMPARE(record.size(), SubjectCount + twice + decoys);
    QVERIFY(acceptedRequests() <= PlannedRequests + Kills + decoyRequests);
}

// No crash leaves half a journal file, but a disk fault may: `risk resume` names the file and
// sends its request again rather than giving up on the run.
void TestCrashResume::damagedJournalFileIsNamedAndSentAgain() {
    const QString csv = m_dir.filePath(QStringLiteral("small.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray rows = "ip,riskLevel,message\n";
        for (int k = 0; k < 3 * SubjectsPerRequest; ++k)
            rows += QStringLiteral("53.1.%1.%2,medium,small run\n").arg(k / 256).arg(k % 256).toLatin1();
        file.write(rows);
    }
    QProcess send;
    startCli(send, {QStringLiteral("risk"), QStringLiteral("send"), csv});
    QTRY_VERIFY_WITH_TIMEOUT(send.state() == QProcess::NotRunning, PhaseTimeoutMs);
    QCOMPARE(send.exitCode(), 0);
    const QString sendErr = QString::fromUtf8(send.readAllStandardError());
    static const QRegularExpression journalLine(QStringLiteral("\\(journal (.*)\\)\n"));
    const QString journal = journalLine.match(sendErr).captured(1);
    QVERIFY2(QFileInfo(journal).isDir(), qPrintable(sendErr));
    QFile outcome(journal + QStringLiteral("/requests/000002.outcome.json"));
    QVERIFY(outcome.open(QIODevice::ReadWrite));
    QVERIFY(outcome.resize(outcome.size() / 2));
    outcome.close();

    QProcess resume;
    startCli(resume, {QStringLiteral("risk"), QStringLiteral("resume")});
    QTRY_VERIFY_WITH_TIMEOUT(resume.state() == QProcess::NotRunning, PhaseTimeoutMs);
    const QString out = QString::fromUtf8(resume.readAllStandardOutput());
    const QString err = QString::fromUtf8(resume.readAllStandardError());
    const QString both = QStringLiteral("--- stdout\n%1--- stderr\n%2").arg(out, err);
    QVERIFY2(resume.exitCode() == 0, qPrintable(both));
    QVERIFY2(err.contains(QStringLiteral("warning: damaged journal file 000002.outcome.json: ")),
             qPrintable(both));
    QVERIFY2(err.contains(QStringLiteral("accepted 2000, rejected 0, pending 1000 of 3000")),
             qPrintable(both));
    QVERIFY2(out.contains(QStringLiteral("3000 subjects: accepted 3000, rejected 0, pending 0")),
             qPrintable(both));
}

QTEST_GUILESS_MAIN(TestCrashResume)
#include "TestCrashResume.moc"
