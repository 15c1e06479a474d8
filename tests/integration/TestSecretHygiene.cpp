// Secret hygiene: a scripted session of the real `threatdesk` command line against a
// threatdesk-sandbox process, with an API token and an OAuth service-app key (private_key_jwt,
// DPoP), errors (401, a key the org does not know, a malformed key file, an unreachable org) and
// crashes (SIGKILL, SIGABRT, SIGSEGV mid-send), every debug log switched on. Afterwards every file
// under HOME and the XDG config, data, cache and state folders and TMPDIR, and everything either
// program printed, is searched for each secret in several forms: there must be none. The search
// itself is shown to find a planted secret, so a pass means something.
//
// The keychain is the one place secrets may live: run through tests/with-keyring.sh.
#include "RecordingTcpProxy.h"
#include "auth/SigningKey.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {
constexpr int ProcessTimeoutMs = 120000;
// The seeded risk provider's client id: a key registered for it can send risk events.
const QString ClientId = QStringLiteral("0oa4Thr3atD3skCli0g7");

QString randomHex(int bytes) {
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(data.data()), bytes / 4);
    return QString::fromLatin1(data.toHex());
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A secret and the forms it could be written in.
struct Secret {
    QString name;
    QByteArrayList forms;
};

// A string and its usual encodings: raw, base64, base64url, hex, UTF-16LE.
QByteArrayList encodings(const QByteArray& value) {
    QByteArray utf16;
    for (const char c : value)
        utf16 += QByteArray(1, c) + '\0';
    return {value, value.toBase64(),
            value.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), value.toHex(),
            utf16};
}

// The private scalar of a P-256 key in PKCS#8 DER: ECPrivateKey's version 1, then OCTET STRING(32).
QByteArray ecPrivateScalar(const QByteArray& der) {
    const QByteArray marker = QByteArray::fromHex("020101"
                                                  "0420");
    const qsizetype at = der.indexOf(marker);
    return at < 0 ? QByteArray() : der.mid(at + marker.size(), 32);
}

// A private key in every form a leak could take: the PEM's base64 lines, its body in one piece,
// the DER, and the private scalar d (raw, base64url as in a JWK, base64, hex).
Secret keySecret(const QString& name, const QByteArray& pem) {
    Secret secret{name, {}};
    QByteArray body;
    for (const QByteArray& line : pem.split('\n')) {
        if (line.startsWith("-----") || line.trimmed().isEmpty())
            continue;
        body += line.trimmed();
        if (line.trimmed().size() >= 24)
            secret.forms.append(line.trimmed());
    }
    secret.forms.append(body);
    const QByteArray der = QByteArray::fromBase64(body);
    secret.forms.append(der);
    const QByteArray d = ecPrivateScalar(der);
    if (d.size() == 32)
        secret.forms += encodings(d);
    return secret;
}

// Each secret in each file under `root` and in each captured output: "secret in where".
QStringList findSecrets(const QList<Secret>& secrets, const QStringList& roots,
                        const QList<QPair<QString, QByteArray>>& outputs, QString* summary = nullptr) {
    QList<QPair<QString, QByteArray>> haystacks = outputs;
    for (const QString& root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            haystacks.append({QStringLiteral("file ") + path, readFile(path)});
        }
    }
    if (summary) {
        qsizetype bytes = 0;
        int files = 0;
        for (const auto& haystack : std::as_const(haystacks)) {
            bytes += haystack.second.size();
            files += haystack.first.startsWith(QLatin1String("file ")) ? 1 : 0;
        }
        int forms = 0;
        for (const Secret& secret : secrets)
            forms += static_cast<int>(secret.forms.size());
        *summary = QStringLiteral("searched %1 files and %2 outputs (%3 bytes) for %4 secrets in %5 forms")
                       .arg(files)
                       .arg(haystacks.size() - files)
                       .arg(bytes)
                       .arg(secrets.size())
                       .arg(forms);
    }
    QStringList hits;
    for (const auto& haystack : std::as_const(haystacks)) {
        for (const Secret& secret : secrets) {
            for (const QByteArray& form : secret.forms) {
                if (form.size() >= 16 && haystack.second.contains(form)) {
                    hits.append(QStringLiteral("%1 found in %2").arg(secret.name, haystack.first));
                    break;
                }
            }
        }
    }
    return hits;
}

// One `threatdesk` run: output kept for the search.
struct Run {
    QStringList arguments;
    int exitCode = -1;
    bool crashed = false;
    bool killedMidSend = false; // crashMidSend delivered its signal while the send was running
    QByteArray out;
    QByteArray err;
    QString describe() const {
        return QStringLiteral("threatdesk %1\nexit %2%3\n--- stdout\n%4--- stderr\n%5")
            .arg(arguments.join(QLatin1Char(' ')))
            .arg(exitCode)
            .arg(crashed ? QStringLiteral(" (crashed)") : QString())
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};
} // namespace

class TestSecretHygiene : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void searchFindsAPlantedSecret();
    void scriptedSessionLeavesNoSecret();
    void cleanupTestCase();

private:
    QProcessEnvironment environment() const;
    // Runs threatdesk to its end without blocking the event loop (the proxy lives in it).
    Run run(const QStringList& arguments, const QByteArray& input = {}, const QString& token = {});
    // Starts a send and kills the process with `signal` mid-run: once its risk-events request is
    // in flight and the proxy holds the answer back (`holdAnswer`), or else once it has logged
    // sending one (a run bound to wait for the rate limit afterwards).
    Run crashMidSend(const QStringList& arguments, int signal, bool holdAnswer);
    bool startSandbox(QString* problem);
    void pointProfileAt(const QString& placeholderHost, const QString& url);
    QStringList searchRoots() const;
    QList<QPair<QString, QByteArray>> outputs() const;
    QList<Secret> secrets() const;

    QTemporaryDir m_root;      // HOME, XDG_* and TMPDIR: everything searched
    QTemporaryDir m_userFiles; // what the user supplies (token and key files): not searched
    QString m_token;
    QString m_wrongToken;
    QByteArray m_keyPem;     // registered with the org
    QByteArray m_unknownPem; // a key the org does not know
    QByteArray m_brokenPem;  // the source of a malformed key file
    QProcess m_sandbox;
    QByteArray m_sandboxOutput;
    QString m_sandboxUrl;
    RecordingTcpProxy m_proxy;
    QList<Run> m_runs;
    bool m_keyringSession = false;
};

void TestSecretHygiene::initTestCase() {
    m_keyringSession = qEnvironmentVariableIsSet("THREATDESK_KEYRING_SESSION");
    QVERIFY2(m_keyringSession,
             "THREATDESK_KEYRING_SESSION is not set: run the tests through tests/with-keyring.sh");
    QVERIFY(m_root.isValid() && m_userFiles.isValid());
    for (const char* dir : {"home", "config", "data", "cache", "state", "tmp"})
        QVERIFY(QDir(m_root.path()).mkpath(QLatin1String(dir)));

    m_token = QStringLiteral("hygTok") + randomHex(20);
    m_wrongToken = QStringLiteral("hygWrong") + randomHex(20);
    QString error;
    const auto key = SigningKey::generateEcP256(&error);
    const auto unknown = SigningKey::generateEcP256(&error);
    const auto broken = SigningKey::generateEcP256(&error);
    QVERIFY2(key && unknown && broken, qPrintable(error));
    m_keyPem = key->privatePem();
    m_unknownPem = unknown->privatePem();
    m_brokenPem = broken->privatePem();

    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("token.txt")), m_token.toUtf8() + '\n'));
    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("key.pem")), m_keyPem));
    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("unknown.pem")), m_unknownPem));
    // Malformed: a real key's PEM with lines missing from its middle.
    QByteArrayList lines = m_brokenPem.split('\n');
    lines.removeAt(2);
    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("broken.pem")), lines.join('\n')));
    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("public.jwk")),
                      QJsonDocument(key->publicJwk()).toJson()));
    QByteArray small = "ip,riskLevel,message\n";
    for (int i = 1; i <= 3; ++i)
        small += "198.51.100." + QByteArray::number(i) + ",HIGH,hygiene\n";
    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("small.csv")), small));
    // Three requests' worth, so a send is still running when its first request is in flight.
    QByteArray large = "ip,riskLevel\n";
    for (int i = 0; i < 2500; ++i)
        large += "203.0." + QByteArray::number(113 + i / 250 % 2) + '.' + QByteArray::number(i % 250 + 1) +
                 "," + (i % 2 ? "LOW" : "MEDIUM") + '\n';
    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("large.csv")), large));
    // More requests than the org's risk-event budget: a send of it is bound to be mid-run.
    QByteArray huge = "ip,riskLevel\n";
    for (int i = 0; i < 30000; ++i)
        huge += "2001:db8::" + QByteArray::number(i + 1, 16) + ",LOW\n";
    QVERIFY(writeFile(m_userFiles.filePath(QStringLiteral("huge.csv")), huge));

    QVERIFY2(startSandbox(&error), qPrintable(error));
}

QProcessEnvironment TestSecretHygiene::environment() const {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("THREATDESK_API_TOKEN"));
    environment.insert(QStringLiteral("HOME"), m_root.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_root.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_root.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), m_root.filePath(QStringLiteral("state")));
    environment.insert(QStringLiteral("TMPDIR"), m_root.filePath(QStringLiteral("tmp")));
    // Every debug message of every category, ours (threatdesk.http) and Qt's.
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    environment.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    return environment;
}

bool TestSecretHygiene::startSandbox(QString* problem) {
    m_sandbox.setProcessEnvironment(environment());
    m_sandbox.setProcessChannelMode(QProcess::MergedChannels);
    m_sandbox.start(QStringLiteral(THREATDESK_BINARY_DIR "/bin/threatdesk-sandbox"),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"), m_token,
                     QStringLiteral("--service-app"),
                     ClientId + QLatin1Char(':') + m_userFiles.filePath(QStringLiteral("public.jwk")),
                     QStringLiteral("--require-dpop"),
                     // 20 risk-event requests an hour: what the session sends, and no more.
                     QStringLiteral("--risk-events-limit"), QStringLiteral("20"), QStringLiteral("--window"),
                     QStringLiteral("3600")});
    if (!m_sandbox.waitForStarted(ProcessTimeoutMs)) {
        *problem = m_sandbox.errorString();
        return false;
    }
    // The first line that is the base URL (debug messages may come first).
    QRegularExpression urlLine(QStringLiteral("^http://127\\.0\\.0\\.1:(\\d+)$"));
    while (true) {
        if (!m_sandbox.canReadLine() && !m_sandbox.waitForReadyRead(ProcessTimeoutMs)) {
            *problem =
                QStringLiteral("threatdesk-sandbox printed no URL: ") + QString::fromUtf8(m_sandboxOutput);
            return false;
        }
        while (m_sandbox.canReadLine()) {
            const QByteArray line = m_sandbox.readLine();
            m_sandboxOutput += line;
            const auto match = urlLine.match(QString::fromUtf8(line).trimmed());
            if (match.hasMatch()) {
                m_sandboxUrl = match.captured(0);
                return m_proxy.listen(match.captured(1).toUShort(), problem);
            }
        }
    }
}

Run TestSecretHygiene::run(const QStringList& arguments, const QByteArray& input, const QString& token) {
    Run result;
    result.arguments = arguments;
    QProcess process;
    QProcessEnvironment env = environment();
    if (!token.isEmpty())
        env.insert(QStringLiteral("THREATDESK_API_TOKEN"), token);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_root.filePath(QStringLiteral("home")));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(THREATDESK_BINARY_DIR "/bin/threatdesk"), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(ProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.exitCode = process.exitCode();
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    m_runs.append(result);
    return result;
}

Run TestSecretHygiene::crashMidSend(const QStringList& arguments, int signal, bool holdAnswer) {
    Run result;
    result.arguments = arguments;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_root.filePath(QStringLiteral("home")));
    const int heldBefore = m_proxy.heldConnections();
    if (holdAnswer)
        m_proxy.holdAnswersAfter("POST /api/v1/risk/events/ip");
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(THREATDESK_BINARY_DIR "/bin/threatdesk"), arguments);
    process.closeWriteChannel();
    auto sending = [&] {
        if (holdAnswer)
            return m_proxy.heldConnections() > heldBefore;
        result.err += process.readAllStandardError();
        return result.err.contains("threatdesk.http: -> POST ") &&
               result.err.contains("/api/v1/risk/events/ip");
    };
    static_cast<void>(QTest::qWaitFor([&] { return sending() || !finished.isEmpty(); }, ProcessTimeoutMs));
    const bool midSend = sending() && finished.isEmpty();
    if (midSend)
        result.killedMidSend = ::kill(static_cast<pid_t>(process.processId()), signal) == 0;
    if (finished.isEmpty() && !finished.wait(ProcessTimeoutMs))
        process.kill();
    process.waitForFinished();
    m_proxy.holdAnswersAfter({});
    result.exitCode = process.exitCode();
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.out = process.readAllStandardOutput();
    result.err += process.readAllStandardError();
    m_runs.append(result);
    return result;
}

void TestSecretHygiene::pointProfileAt(const QString& placeholderHost, const QString& url) {
    // The store refuses loopback org URLs for user profiles (only the built-in sandbox runs
    // there), so the test edits the stored URL by hand, as TestCli does; keychain reads and
    // sign-ins are the real path.
    const QString settings = m_root.filePath(QStringLiteral("config/ThreatDesk/threatdesk.conf"));
    QByteArray text = readFile(settings);
    QVERIFY2(text.contains(placeholderHost.toUtf8()), text.constData());
    text.replace("https://" + placeholderHost.toUtf8(), url.toUtf8());
    QVERIFY(writeFile(settings, text));
}

QStringList TestSecretHygiene::searchRoots() const {
    return {m_root.path()};
}

QList<QPair<QString, QByteArray>> TestSecretHygiene::outputs() const {
    QList<QPair<QString, QByteArray>> result;
    for (const Run& run : m_runs) {
        const QString what = QStringLiteral("threatdesk ") + run.arguments.join(QLatin1Char(' '));
        result.append({QStringLiteral("stdout of ") + what, run.out});
        result.append({QStringLiteral("stderr of ") + what, run.err});
    }
    return result;
}

QList<Secret> TestSecretHygiene::secrets() const {
    QList<Secret> list{{QStringLiteral("the API token"), encodings(m_token.toUtf8())},
                       {QStringLiteral("the wrong API token"), encodings(m_wrongToken.toUtf8())},
                       keySecret(QStringLiteral("the service app's private key"), m_keyPem),
                       keySecret(QStringLiteral("the unknown private key"), m_unknownPem),
                       keySecret(QStringLiteral("the malformed key file's key"), m_brokenPem)};
    // The access tokens the org issued: the sandbox's own debug log (Qt HttpServer's
    // "qt.httpserver" category) prints each request's headers, Authorization included.
    static const QRegularExpression authorization(
        QStringLiteral("\"Authorization\": \"(?:Bearer|DPoP) ([^\"]+)\""));
    QSet<QString> accessTokens;
    for (auto it = authorization.globalMatch(QString::fromUtf8(m_sandboxOutput)); it.hasNext();)
        accessTokens.insert(it.next().captured(1));
    for (const QString& token : std::as_const(accessTokens))
        list.append({QStringLiteral("an access token the org issued (%1...)").arg(token.left(6)),
                     encodings(token.toUtf8())});
    // The client assertions of token requests that went through the proxy.
    static const QRegularExpression assertion(QStringLiteral("client_assertion=([A-Za-z0-9_.%-]+)"));
    for (auto it = assertion.globalMatch(QString::fromLatin1(m_proxy.toServer())); it.hasNext();)
        list.append({QStringLiteral("a client assertion"), {it.next().captured(1).toUtf8()}});
    return list;
}

void TestSecretHygiene::searchFindsAPlantedSecret() {
    const QList<Secret> all = secrets();
    // Every form is long enough to be searched, and the key's private scalar was found.
    for (const Secret& secret : all) {
        QVERIFY2(!secret.forms.isEmpty(), qPrintable(secret.name));
        if (secret.name.contains(QLatin1String("key")))
            QVERIFY2(secret.forms.size() >= 8, qPrintable(secret.name)); // lines, body, DER, 5 forms of d
    }
    QVERIFY(findSecrets(all, searchRoots(), {}).isEmpty());

    // A token inside binary junk deep in the data folder, as base64.
    const QString planted = m_root.filePath(QStringLiteral("data/ThreatDesk/deep/planted.bin"));
    QVERIFY(QDir().mkpath(QFileInfo(planted).path()));
    QVERIFY(writeFile(planted,
                      QByteArray("\x00\x01junk", 6) + m_token.toUtf8().toBase64() + QByteArray(3, '\0')));
    // The key's d, hex-encoded, in a captured output.
    const Secret key = keySecret(QStringLiteral("the service app's private key"), m_keyPem);
    const QByteArray dHex = key.forms.at(key.forms.size() - 2);
    QStringList hits =
        findSecrets(all, searchRoots(), {{QStringLiteral("stderr of a planted run"), "x " + dHex + " y"}});
    QFile::remove(planted);
    QCOMPARE(hits.size(), 2);
    QVERIFY2(hits.contains(QStringLiteral("the service app's private key found in stderr of a planted run")),
             qPrintable(hits.join(QLatin1Char('\n'))));
    QVERIFY2(hits.contains(QStringLiteral("the API token found in file ") + planted),
             qPrintable(hits.join(QLatin1Char('\n'))));
    // One PEM line alone is found too.
    hits = findSecrets(all, {}, {{QStringLiteral("a log"), "..." + key.forms.at(1) + "..."}});
    QCOMPARE(hits, QStringList{QStringLiteral("the service app's private key found in a log")});
}

void TestSecretHygiene::scriptedSessionLeavesNoSecret() {
    const QString proxyUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_proxy.port());
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString unreachableUrl = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    const QString profiles = QStringLiteral("profiles");
    const QString add = QStringLiteral("add");
    const QString org = QStringLiteral("--org");
    auto file = [this](const char* name) {
        return m_userFiles.filePath(QLatin1String(name));
    };
    const QString oauthScopes = QStringLiteral("okta.threatInsights.read,okta.riskEvents.manage");

    // Profiles: an API token (from a file, and one from standard input), a service-app key, and
    // the error cases' profiles.
    Run r = run({profiles, add, QStringLiteral("Hyg token"), org, QStringLiteral("token.acme.okta.com"),
                 QStringLiteral("--token-file"), file("token.txt")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run({profiles, add, QStringLiteral("Hyg wrong"), org, QStringLiteral("wrong.acme.okta.com"),
             QStringLiteral("--token-stdin")},
            m_wrongToken.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run({profiles, add, QStringLiteral("Hyg unreachable"), org,
             QStringLiteral("unreachable.acme.okta.com"), QStringLiteral("--token-stdin")},
            m_token.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run({profiles, add, QStringLiteral("Hyg oauth"), org, QStringLiteral("oauth.acme.okta.com"),
             QStringLiteral("--oauth"), QStringLiteral("--client-id"), ClientId, QStringLiteral("--key-file"),
             file("key.pem"), QStringLiteral("--scopes"), oauthScopes});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run({profiles, add, QStringLiteral("Hyg unknown key"), org,
             QStringLiteral("unknownkey.acme.okta.com"), QStringLiteral("--oauth"),
             QStringLiteral("--client-id"), ClientId, QStringLiteral("--key-file"), QStringLiteral("-"),
             QStringLiteral("--scopes"), oauthScopes},
            m_unknownPem);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // A malformed key file is refused, and nothing is stored.
    r = run({profiles, add, QStringLiteral("Hyg broken key"), org, QStringLiteral("broken.acme.okta.com"),
             QStringLiteral("--oauth"), QStringLiteral("--client-id"), ClientId, QStringLiteral("--key-file"),
             file("broken.pem")});
    QVERIFY2(r.exitCode == 2 && r.err.contains("no usable private key"), qPrintable(r.describe()));

    pointProfileAt(QStringLiteral("token.acme.okta.com"), proxyUrl);
    pointProfileAt(QStringLiteral("wrong.acme.okta.com"), proxyUrl);
    // The service app signs its assertions for the sandbox's own token endpoint URL: straight there.
    pointProfileAt(QStringLiteral("oauth.acme.okta.com"), m_sandboxUrl);
    pointProfileAt(QStringLiteral("unknownkey.acme.okta.com"), m_sandboxUrl);
    pointProfileAt(QStringLiteral("unreachable.acme.okta.com"), unreachableUrl);

    // Use both.
    const QString profile = QStringLiteral("--profile");
    const QString json = QStringLiteral("--json");
    const QStringList get{QStringLiteral("threatinsight"), QStringLiteral("get")};
    const QStringList sendSmall{QStringLiteral("risk"), QStringLiteral("send"), file("small.csv"),
                                QStringLiteral("--allow-private")};
    const QStringList sendLarge{QStringLiteral("risk"), QStringLiteral("send"), file("large.csv"),
                                QStringLiteral("--allow-private")};
    for (const QString& name : {QStringLiteral("Hyg token"), QStringLiteral("Hyg oauth")}) {
        r = run(QStringList{profiles, QStringLiteral("test"), name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run(QStringList{profile, name} + get);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run(QStringList{profile, name, json} + get);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run(QStringList{profile, name} + sendSmall);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    r = run(QStringList{org, proxyUrl} + get, {}, m_token);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run(QStringList{org, proxyUrl, json} + sendSmall, {}, m_token);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // Errors: a wrong token (401), a key the org does not know, an unreachable org.
    r = run(QStringList{profile, QStringLiteral("Hyg wrong")} + get);
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    r = run(QStringList{org, proxyUrl} + get, {}, m_wrongToken);
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    r = run(QStringList{profiles, QStringLiteral("test"), QStringLiteral("Hyg unknown key")});
    QVERIFY2(r.exitCode == 3 && r.err.contains("invalid_client"), qPrintable(r.describe()));
    r = run(QStringList{profile, QStringLiteral("Hyg unknown key")} + sendSmall);
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    r = run(QStringList{profile, QStringLiteral("Hyg unreachable")} + get);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    r = run(QStringList{org, unreachableUrl} + get, {}, m_token);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));

    // Crashes mid-send, then the interrupted runs are resumed.
    r = crashMidSend(QStringList{profile, QStringLiteral("Hyg token")} + sendLarge, SIGKILL, true);
    QVERIFY2(r.killedMidSend && (r.crashed || r.exitCode != 0), qPrintable(r.describe()));
    r = crashMidSend(QStringList{profile, QStringLiteral("Hyg token")} + sendLarge, SIGABRT, true);
    QVERIFY2(r.killedMidSend && (r.crashed || r.exitCode != 0), qPrintable(r.describe()));
    for (int i = 0; i < 2; ++i) {
        r = run(QStringList{profile, QStringLiteral("Hyg token"), QStringLiteral("risk"),
                            QStringLiteral("resume")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    const QStringList sendHuge{QStringLiteral("risk"), QStringLiteral("send"), file("huge.csv"),
                               QStringLiteral("--allow-private")};
    r = crashMidSend(QStringList{profile, QStringLiteral("Hyg oauth")} + sendHuge, SIGSEGV, false);
    QVERIFY2(r.killedMidSend && (r.crashed || r.exitCode != 0), qPrintable(r.describe()));

    // The session is over; its profiles go (and their keychain entries with them).
    for (const QString& name :
         {QStringLiteral("Hyg token"), QStringLiteral("Hyg wrong"), QStringLiteral("Hyg unreachable"),
          QStringLiteral("Hyg oauth"), QStringLiteral("Hyg unknown key")}) {
        r = run({profiles, QStringLiteral("remove"), name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }

    // The search would be vacuous if nothing had been written or issued.
    QVERIFY(QFileInfo::exists(m_root.filePath(QStringLiteral("config/ThreatDesk/threatdesk.conf"))));
    QVERIFY2(QDir(m_root.filePath(QStringLiteral("data")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                     .size() > 0,
             "no run journal was written");
    // And the debug log was on: the exchanges were logged, redacted.
    qsizetype traced = 0;
    for (const Run& each : std::as_const(m_runs))
        traced += each.err.count("threatdesk.http: -> ");
    QVERIFY2(traced >= 10, "the threatdesk.http debug log was not printed");
    // The sandbox's output is not searched: it is the org's side, which receives the secrets by
    // design, and its Qt HttpServer debug log prints every request's headers. It tells which
    // access tokens were issued.
    m_sandboxOutput += m_sandbox.readAll();
    const QList<Secret> all = secrets();
    int accessTokens = 0;
    for (const Secret& secret : all)
        accessTokens += secret.name.startsWith(QLatin1String("an access token")) ? 1 : 0;
    QVERIFY2(accessTokens >= 3, "too few access tokens were seen to make the search meaningful");
    const QList<QPair<QString, QByteArray>> printed = outputs();

    QString summary;
    const QStringList hits = findSecrets(all, searchRoots(), printed, &summary);
    qInfo("%s", qPrintable(summary));
    QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("secrets were written where they never may be:\n") +
                                        hits.join(QLatin1Char('\n'))));
}

void TestSecretHygiene::cleanupTestCase() {
    if (m_sandbox.state() != QProcess::NotRunning) {
        m_sandbox.terminate();
        if (!m_sandbox.waitForFinished(ProcessTimeoutMs))
            m_sandbox.kill();
        m_sandbox.waitForFinished();
    }
}

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "TestSecretHygiene.moc"
