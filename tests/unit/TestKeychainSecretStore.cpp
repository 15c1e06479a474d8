#include "secrets/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/types.h>

// Runs against the real Secret Service of a private session bus with an unlocked
// gnome-keyring, started by tests/with-keyring.sh. Without it the test fails; it never skips.

namespace {

struct Answer {
    int count = 0;
    SecretResult result;
    SecretStore::Callback callback() {
        return [this](const SecretResult& r) {
            ++count;
            result = r;
        };
    }
};

const QString Service = QStringLiteral("ThreatDesk");

bool isServicelessChild() {
    return qEnvironmentVariableIsSet("THREATDESK_SECRETS_NO_SERVICE_CHILD");
}

QString newProfileId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray randomBytes(qsizetype size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// An entry as QtKeychain has it, bypassing the store (to check the chunk layout).
struct RawEntry {
    bool answered = false;
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

RawEntry rawRead(const QString& key) {
    RawEntry entry;
    auto* job = new QKeychain::ReadPasswordJob(Service);
    job->setKey(key);
    job->setInsecureFallback(false);
    QObject guard; // drops a late answer once this function returned
    QObject::connect(job, &QKeychain::Job::finished, &guard, [&entry](QKeychain::Job* finished) {
        entry.answered = true;
        entry.error = finished->error();
        entry.data = static_cast<QKeychain::ReadPasswordJob*>(finished)->binaryData();
    });
    job->start();
    if (!QTest::qWaitFor([&entry] { return entry.answered; }, 10000))
        qWarning("raw keychain read did not answer");
    return entry;
}

bool rawWrite(const QString& key, const QByteArray& data) {
    bool answered = false;
    bool ok = false;
    auto* job = new QKeychain::WritePasswordJob(Service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setBinaryData(data);
    QObject guard;
    QObject::connect(job, &QKeychain::Job::finished, &guard, [&](QKeychain::Job* finished) {
        answered = true;
        ok = finished->error() == QKeychain::NoError;
    });
    job->start();
    return QTest::qWaitFor([&answered] { return answered; }, 10000) && ok;
}

// Stops the keyring daemon so that keychain jobs hang, and resumes it when destroyed.
class PausedKeyring {
public:
    PausedKeyring() {
        const auto reply =
            QDBusConnection::sessionBus().interface()->servicePid(QStringLiteral("org.freedesktop.secrets"));
        if (reply.isValid() && reply.value() > 0 && ::kill(pid_t(reply.value()), SIGSTOP) == 0)
            m_pid = pid_t(reply.value());
    }
    ~PausedKeyring() { resume(); }
    PausedKeyring(const PausedKeyring&) = delete;
    PausedKeyring& operator=(const PausedKeyring&) = delete;
    bool isPaused() const { return m_pid > 0; }
    void resume() {
        if (m_pid > 0)
            ::kill(m_pid, SIGCONT);
        m_pid = 0;
    }

private:
    pid_t m_pid = 0;
};

} // namespace

class TestKeychainSecretStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void writeReadOverwriteRemove();
    void readMissingIsNotFound();
    void profilesAreScoped();
    void largePrivateKeyRoundTripsInChunks();
    void shrinkingSecretRemovesStaleParts();
    void corruptedPartIsReported();
    void callsRunInOrder();
    void oversizedSecretIsRefused();
    void removeProfileRemovesEveryKind();
    void timeoutIsReportedOnceAndLateAnswerIgnored();
    void storeDestroyedWhileJobHangsIsSafe();
    void nothingIsWrittenInPlainText();
    void missingSecretServiceIsReported();

private:
    // Canaries written during the run; none may appear in any file afterwards.
    QList<QByteArray> m_canaries;
};

void TestKeychainSecretStore::initTestCase() {
    if (qEnvironmentVariableIsEmpty("THREATDESK_KEYRING_SESSION"))
        QFAIL("This test needs the real Secret Service: run it through tests/with-keyring.sh "
              "(e.g. tests/with-keyring.sh ctest -R SecretStore), which starts a private D-Bus session "
              "with an unlocked gnome-keyring.");
    // The plaintext scan walks HOME: it must be the throw-away one, not a user's.
    QCOMPARE(QDir::homePath(), QDir(qEnvironmentVariable("THREATDESK_TEST_HOME")).absolutePath());
    if (isServicelessChild())
        return; // started by missingSecretServiceIsReported() on a bus without a secret service

    KeychainSecretStore store;
    QCOMPARE(store.service(), Service);
    QVERIFY(store.isPersistent());
    QCOMPARE(store.jobTimeout(), KeychainSecretStore::DefaultJobTimeout);
    Answer available;
    store.checkAvailable(this, available.callback());
    QTRY_COMPARE_WITH_TIMEOUT(available.count, 1, 15000);
    QVERIFY2(available.result.ok, qPrintable(available.result.error));
}

void TestKeychainSecretStore::writeReadOverwriteRemove() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    const QByteArray first = "00a-token-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_canaries << first;

    Answer written;
    store.write(id, SecretKind::ApiToken, first, this, written.callback());
    QCOMPARE(written.count, 0); // never answered from inside the call
    QTRY_COMPARE(written.count, 1);
    QVERIFY2(written.result.ok, qPrintable(written.result.error));

    Answer readBack;
    store.read(id, SecretKind::ApiToken, this, readBack.callback());
    QTRY_COMPARE(readBack.count, 1);
    QVERIFY2(readBack.result.ok, qPrintable(readBack.result.error));
    QCOMPARE(readBack.result.value, first);

    Answer overwritten;
    store.write(id, SecretKind::ApiToken, "second", this, overwritten.callback());
    QTRY_COMPARE(overwritten.count, 1);
    QVERIFY(overwritten.result.ok);
    Answer readAgain;
    store.read(id, SecretKind::ApiToken, this, readAgain.callback());
    QTRY_COMPARE(readAgain.count, 1);
    QCOMPARE(readAgain.result.value, QByteArray("second"));

    Answer removed;
    store.remove(id, SecretKind::ApiToken, this, removed.callback());
    QTRY_COMPARE(removed.count, 1);
    QVERIFY2(removed.result.ok, qPrintable(removed.result.error));
    Answer gone;
    store.read(id, SecretKind::ApiToken, this, gone.callback());
    QTRY_COMPARE(gone.count, 1);
    QCOMPARE(gone.result.errorKind, SecretError::NotFound);
    QCOMPARE(rawRead(SecretStore::entryKey(id, SecretKind::ApiToken)).error, QKeychain::EntryNotFound);

    // Removing again is not an error.
    Answer removedAgain;
    store.remove(id, SecretKind::ApiToken, this, removedAgain.callback());
    QTRY_COMPARE(removedAgain.count, 1);
    QVERIFY(removedAgain.result.ok);
}

void TestKeychainSecretStore::readMissingIsNotFound() {
    KeychainSecretStore store;
    Answer answer;
    store.read(newProfileId(), SecretKind::ClientSecret, this, answer.callback());
    QTRY_COMPARE(answer.count, 1);
    QVERIFY(!answer.result.ok);
    QCOMPARE(answer.result.errorKind, SecretError::NotFound);
}

void TestKeychainSecretStore::profilesAreScoped() {
    KeychainSecretStore store;
    const QString p1 = newProfileId();
    const QString p2 = newProfileId();
    Answer w1, w2;
    store.write(p1, SecretKind::ApiToken, "token-of-p1", this, w1.callback());
    store.write(p2, SecretKind::ApiToken, "token-of-p2", this, w2.callback());
    QTRY_COMPARE(w2.count, 1);
    QTRY_COMPARE(w1.count, 1);
    QVERIFY(w1.result.ok && w2.result.ok);

    Answer r1, r2, otherKind;
    store.read(p1, SecretKind::ApiToken, this, r1.callback());
    store.read(p2, SecretKind::ApiToken, this, r2.callback());
    store.read(p1, SecretKind::ClientSecret, this, otherKind.callback());
    QTRY_COMPARE(otherKind.count, 1);
    QTRY_COMPARE(r1.count, 1);
    QTRY_COMPARE(r2.count, 1);
    QCOMPARE(r1.result.value, QByteArray("token-of-p1"));
    QCOMPARE(r2.result.value, QByteArray("token-of-p2"));
    QCOMPARE(otherKind.result.errorKind, SecretError::NotFound);

    // A store of another service does not see ThreatDesk's entries.
    KeychainSecretStore other(QStringLiteral("ThreatDesk-other"), nullptr);
    Answer foreign;
    other.read(p1, SecretKind::ApiToken, this, foreign.callback());
    QTRY_COMPARE(foreign.count, 1);
    QCOMPARE(foreign.result.errorKind, SecretError::NotFound);

    Answer cleanup;
    store.removeProfile(p1, this, {});
    store.removeProfile(p2, this, cleanup.callback());
    QTRY_COMPARE(cleanup.count, 1);
}

void TestKeychainSecretStore::largePrivateKeyRoundTripsInChunks() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    const QByteArray key = randomBytes(10 * 1024);
    Answer written;
    store.write(id, SecretKind::PrivateKey, key, this, written.callback());
    QTRY_COMPARE(written.count, 1);
    QVERIFY2(written.result.ok, qPrintable(written.result.error));

    Answer readBack;
    store.read(id, SecretKind::PrivateKey, this, readBack.callback());
    QTRY_COMPARE(readBack.count, 1);
    QVERIFY2(readBack.result.ok, qPrintable(readBack.result.error));
    QCOMPARE(readBack.result.value, key);

    // Layout: a small header and ceil(10240 / 2000) = 6 parts, none above the chunk size.
    const QString base = SecretStore::entryKey(id, SecretKind::PrivateKey);
    const RawEntry header = rawRead(base);
    QCOMPARE(header.error, QKeychain::NoError);
    QVERIFY(header.data.size() < 100);
    QVERIFY(header.data.startsWith("C6 10240 "));
    for (int part = 1; part <= 6; ++part) {
        const RawEntry entry = rawRead(base + u'#' + QString::number(part));
        QCOMPARE(entry.error, QKeychain::NoError);
        QVERIFY(entry.data.size() <= KeychainSecretStore::ChunkSize);
        QVERIFY(key.contains(entry.data));
    }
    QCOMPARE(rawRead(base + QStringLiteral("#7")).error, QKeychain::EntryNotFound);

    Answer removed;
    store.remove(id, SecretKind::PrivateKey, this, removed.callback());
    QTRY_COMPARE(removed.count, 1);
    QVERIFY(removed.result.ok);
    for (int part = 1; part <= 6; ++part)
        QCOMPARE(rawRead(base + u'#' + QString::number(part)).error, QKeychain::EntryNotFound);
    QCOMPARE(rawRead(base).error, QKeychain::EntryNotFound);
}

void TestKeychainSecretStore::shrinkingSecretRemovesStaleParts() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    const QString base = SecretStore::entryKey(id, SecretKind::PrivateKey);
    Answer big;
    store.write(id, SecretKind::PrivateKey, randomBytes(5000), this, big.callback());
    QTRY_COMPARE(big.count, 1);
    QVERIFY(big.result.ok);
    QCOMPARE(rawRead(base + QStringLiteral("#3")).error, QKeychain::NoError);

    Answer smaller;
    const QByteArray twoParts = randomBytes(2500);
    store.write(id, SecretKind::PrivateKey, twoParts, this, smaller.callback());
    QTRY_COMPARE(smaller.count, 1);
    QVERIFY(smaller.result.ok);
    QCOMPARE(rawRead(base + QStringLiteral("#3")).error, QKeychain::EntryNotFound);

    Answer small;
    store.write(id, SecretKind::PrivateKey, "tiny", this, small.callback());
    QTRY_COMPARE(small.count, 1);
    QVERIFY(small.result.ok);
    QCOMPARE(rawRead(base + QStringLiteral("#1")).error, QKeychain::EntryNotFound);
    Answer readBack;
    store.read(id, SecretKind::PrivateKey, this, readBack.callback());
    QTRY_COMPARE(readBack.count, 1);
    QCOMPARE(readBack.result.value, QByteArray("tiny"));

    Answer cleanup;
    store.removeProfile(id, this, cleanup.callback());
    QTRY_COMPARE(cleanup.count, 1);
}

void TestKeychainSecretStore::corruptedPartIsReported() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    Answer written;
    store.write(id, SecretKind::PrivateKey, randomBytes(4500), this, written.callback());
    QTRY_COMPARE(written.count, 1);
    QVERIFY(written.result.ok);
    QVERIFY(rawWrite(SecretStore::entryKey(id, SecretKind::PrivateKey) + QStringLiteral("#2"), "garbage"));

    Answer readBack;
    store.read(id, SecretKind::PrivateKey, this, readBack.callback());
    QTRY_COMPARE(readBack.count, 1);
    QVERIFY(!readBack.result.ok);
    QCOMPARE(readBack.result.errorKind, SecretError::Other);
    QVERIFY(readBack.result.value.isEmpty());

    Answer cleanup;
    store.removeProfile(id, this, cleanup.callback());
    QTRY_COMPARE(cleanup.count, 1);
    QVERIFY(cleanup.result.ok);
}

void TestKeychainSecretStore::callsRunInOrder() {
    // A read made while a chunked write is under way sees the whole new secret, never a mix.
    KeychainSecretStore store;
    const QString id = newProfileId();
    const QByteArray first = randomBytes(6000);
    const QByteArray second = randomBytes(7000);
    Answer w1, r1, w2, r2;
    store.write(id, SecretKind::PrivateKey, first, this, w1.callback());
    store.read(id, SecretKind::PrivateKey, this, r1.callback());
    store.write(id, SecretKind::PrivateKey, second, this, w2.callback());
    store.read(id, SecretKind::PrivateKey, this, r2.callback());
    QTRY_COMPARE(r2.count, 1);
    QCOMPARE(w1.count, 1);
    QCOMPARE(r1.count, 1);
    QCOMPARE(w2.count, 1);
    QVERIFY(w1.result.ok && w2.result.ok);
    QVERIFY2(r1.result.ok, qPrintable(r1.result.error));
    QVERIFY(r1.result.value == first);
    QVERIFY(r2.result.value == second);

    Answer cleanup;
    store.removeProfile(id, this, cleanup.callback());
    QTRY_COMPARE(cleanup.count, 1);
}

void TestKeychainSecretStore::oversizedSecretIsRefused() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    Answer tooLarge;
    store.write(id, SecretKind::PrivateKey, QByteArray(SecretStore::MaxSecretSize + 1, 'k'), this,
                tooLarge.callback());
    QTRY_COMPARE(tooLarge.count, 1);
    QVERIFY(!tooLarge.result.ok);
    QCOMPARE(tooLarge.result.errorKind, SecretError::TooLarge);
    QVERIFY(tooLarge.result.error.contains(QString::number(SecretStore::MaxSecretSize)));
    QCOMPARE(rawRead(SecretStore::entryKey(id, SecretKind::PrivateKey)).error, QKeychain::EntryNotFound);
    QCOMPARE(rawRead(SecretStore::entryKey(id, SecretKind::PrivateKey) + QStringLiteral("#1")).error,
             QKeychain::EntryNotFound);
}

void TestKeychainSecretStore::removeProfileRemovesEveryKind() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    const QString kept = newProfileId();
    for (SecretKind kind : allSecretKinds()) {
        // The private key is chunked, so its parts must go too.
        const QByteArray secret = kind == SecretKind::PrivateKey ? randomBytes(4100) : QByteArray("s");
        Answer a, b;
        store.write(id, kind, secret, this, a.callback());
        store.write(kept, kind, "keep", this, b.callback());
        QTRY_COMPARE(b.count, 1);
        QTRY_COMPARE(a.count, 1);
        QVERIFY(a.result.ok && b.result.ok);
    }
    Answer removed;
    store.removeProfile(id, this, removed.callback());
    QTRY_COMPARE(removed.count, 1);
    QVERIFY2(removed.result.ok, qPrintable(removed.result.error));
    for (SecretKind kind : allSecretKinds()) {
        Answer gone, still;
        store.read(id, kind, this, gone.callback());
        store.read(kept, kind, this, still.callback());
        QTRY_COMPARE(still.count, 1);
        QTRY_COMPARE(gone.count, 1);
        QCOMPARE(gone.result.errorKind, SecretError::NotFound);
        QCOMPARE(still.result.value, QByteArray("keep"));
    }
    const QString base = SecretStore::entryKey(id, SecretKind::PrivateKey);
    for (int part = 1; part <= 3; ++part)
        QCOMPARE(rawRead(base + u'#' + QString::number(part)).error, QKeychain::EntryNotFound);

    Answer cleanup;
    store.removeProfile(kept, this, cleanup.callback());
    QTRY_COMPARE(cleanup.count, 1);
}

void TestKeychainSecretStore::timeoutIsReportedOnceAndLateAnswerIgnored() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    Answer warm; // the first call sets up libsecret's session; do it before pausing
    store.checkAvailable(this, warm.callback());
    QTRY_COMPARE(warm.count, 1);

    store.setJobTimeout(std::chrono::milliseconds(100));
    Answer hung;
    {
        // A paused daemon makes the job hang deterministically; it is resumed on any exit.
        PausedKeyring paused;
        QVERIFY2(paused.isPaused(), "could not pause the Secret Service daemon");
        store.write(id, SecretKind::ApiToken, "late-write", this, hung.callback());
        QTRY_COMPARE(hung.count, 1);
        QCOMPARE(hung.result.errorKind, SecretError::Timeout);
        QVERIFY(hung.result.error.contains(QStringLiteral("100 ms")));
    }

    // QtKeychain runs one job at a time, so once this read answers the hung write has answered
    // too (late); that answer must have been ignored.
    store.setJobTimeout(KeychainSecretStore::DefaultJobTimeout);
    Answer after;
    store.read(id, SecretKind::ApiToken, this, after.callback());
    QTRY_COMPARE_WITH_TIMEOUT(after.count, 1, 15000);
    QVERIFY2(after.result.ok, qPrintable(after.result.error));
    // A write that timed out may still have completed: Timeout means "outcome unknown".
    QCOMPARE(after.result.value, QByteArray("late-write"));
    QCOMPARE(hung.count, 1);
    QCOMPARE(hung.result.errorKind, SecretError::Timeout);

    Answer cleanup;
    store.removeProfile(id, this, cleanup.callback());
    QTRY_COMPARE(cleanup.count, 1);
}

void TestKeychainSecretStore::storeDestroyedWhileJobHangsIsSafe() {
    const QString id = newProfileId();
    Answer hung;
    {
        PausedKeyring paused;
        QVERIFY2(paused.isPaused(), "could not pause the Secret Service daemon");
        auto store = std::make_unique<KeychainSecretStore>();
        store->setJobTimeout(std::chrono::milliseconds(50));
        store->read(id, SecretKind::ApiToken, this, hung.callback());
        QTRY_COMPARE(hung.count, 1);
        QCOMPARE(hung.result.errorKind, SecretError::Timeout);
        // A second call still pending when the store goes: its answer is dropped, no crash.
        store->read(id, SecretKind::ClientSecret, this, hung.callback());
        store.reset();
    }
    KeychainSecretStore next;
    Answer after;
    next.read(id, SecretKind::ApiToken, this, after.callback());
    QTRY_COMPARE_WITH_TIMEOUT(after.count, 1, 15000);
    QCOMPARE(after.result.errorKind, SecretError::NotFound);
    QCOMPARE(hung.count, 1);
}

void TestKeychainSecretStore::nothingIsWrittenInPlainText() {
    KeychainSecretStore store;
    const QString id = newProfileId();
    const QByteArray token = "plaintext-canary-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray key = "-----BEGIN PRIVATE KEY-----canary-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    key += QByteArray(6000, 'K'); // chunked
    m_canaries << token << key.left(60);
    Answer w1, w2;
    store.write(id, SecretKind::ApiToken, token, this, w1.callback());
    store.write(id, SecretKind::PrivateKey, key, this, w2.callback());
    QTRY_COMPARE(w2.count, 1);
    QTRY_COMPARE(w1.count, 1);
    QVERIFY(w1.result.ok && w2.result.ok);

    // Every file under the throw-away HOME (keyrings, QSettings, caches) and the XDG dirs the
    // session set, searched for the secrets as raw bytes, base64 and hex.
    QStringList roots{QDir::homePath()};
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        if (!qEnvironmentVariableIsEmpty(var))
            roots << qEnvironmentVariable(var);
    }
    QList<QByteArray> needles;
    for (const QByteArray& canary : std::as_const(m_canaries))
        needles << canary << canary.toBase64().left(40) << canary.toHex().left(40);
    int filesScanned = 0;
    for (const QString& root : std::as_const(roots)) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            ++filesScanned;
            const QByteArray content = file.readAll();
            for (const QByteArray& needle : std::as_const(needles))
                QVERIFY2(!content.contains(needle),
                         qPrintable(QStringLiteral("secret found in plain text in %1").arg(file.fileName())));
        }
    }
    // The keyring itself is on disk there (encrypted), so the scan looked at real storage.
    QVERIFY(filesScanned > 0);

    Answer cleanup;
    store.removeProfile(id, this, cleanup.callback());
    QTRY_COMPARE(cleanup.count, 1);
}

void TestKeychainSecretStore::missingSecretServiceIsReported() {
    if (isServicelessChild()) {
        // On a session bus that can neither find nor start a secret service.
        KeychainSecretStore store;
        Answer available, written;
        store.checkAvailable(this, available.callback());
        store.write(newProfileId(), SecretKind::ApiToken, "never-stored", this, written.callback());
        QTRY_COMPARE(written.count, 1);
        QTRY_COMPARE(available.count, 1);
        QCOMPARE(available.result.errorKind, SecretError::Unavailable);
        QVERIFY2(available.result.error.contains(QStringLiteral("Secret Service")),
                 qPrintable(available.result.error));
        QCOMPARE(written.result.errorKind, SecretError::Unavailable);
        return;
    }
    // Runs this test function again in a private bus with no service directories (so nothing
    // is D-Bus activated), and checks that it passed there.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile config(dir.filePath(QStringLiteral("session.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                 "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                 "<busconfig><type>session</type><listen>unix:tmpdir=" +
                 QDir::tempPath().toUtf8() +
                 "</listen><auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\" "
                 "eavesdrop=\"true\"/>"
                 "<allow eavesdrop=\"true\"/>"
                 "<allow own=\"*\"/></policy></busconfig>\n");
    config.close();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("THREATDESK_SECRETS_NO_SERVICE_CHILD"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral("dbus-run-session"),
                {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--"),
                 QCoreApplication::applicationFilePath(), QStringLiteral("missingSecretServiceIsReported")});
    QVERIFY2(child.waitForFinished(60000), "the child test did not finish");
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : TestKeychainSecretStore::missingSecretServiceIsReported()"),
             output.constData());
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
