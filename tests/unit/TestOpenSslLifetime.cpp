// OpenSSL must not free its state at exit while Qt's network thread may still use it
// (OpenSslLifetime). Each case runs in a forked child, whose exit is the thing under test.
#include "OpenSslLifetime.h"

#include <QTest>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

class TestOpenSslLifetime : public QObject {
    Q_OBJECT
private slots:
    void stateOutlivesExitHandlers_data();
    void stateOutlivesExitHandlers();
};

namespace {

// Run by OPENSSL_cleanup(), which is what must not happen at exit: the child ends with 1.
void openSslCleanedUp() {
    _exit(1);
}

// Registered before OpenSSL's first initialisation, so it runs after OpenSSL's own exit handler
// (handlers run in reverse order), if OpenSSL registered one. _exit() ends the child there,
// before the parent's inherited handlers run.
void exitHandlersDone() {
    _exit(0);
}

} // namespace

void TestOpenSslLifetime::stateOutlivesExitHandlers_data() {
    QTest::addColumn<bool>("skipCleanup");
    QTest::addColumn<int>("expectedExit");
    // The control shows the probe sees the cleanup: by default OpenSSL frees everything at exit.
    QTest::newRow("OpenSSL's default (control)") << false << 1;
    QTest::newRow("skipCleanupAtExit") << true << 0;
}

void TestOpenSslLifetime::stateOutlivesExitHandlers() {
    QFETCH(bool, skipCleanup);
    QFETCH(int, expectedExit);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        std::atexit(exitHandlersDone);
        const bool initialised =
            skipCleanup ? OpenSslLifetime::skipCleanupAtExit() : OPENSSL_init_crypto(0, nullptr) == 1;
        if (!initialised)
            _exit(2);
        unsigned char bytes[16]; // in use before exit, as the network thread's TLS would be
        if (RAND_bytes(bytes, sizeof bytes) != 1 || OPENSSL_atexit(openSslCleanedUp) != 1)
            _exit(3);
        std::exit(0);
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), expectedExit);
}

QTEST_GUILESS_MAIN(TestOpenSslLifetime)
#include "TestOpenSslLifetime.moc"
