// A crash must not leave the secrets of the process's memory in a core file or crash report.
#include "ProcessHardening.h"

#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

class TestProcessHardening : public QObject {
    Q_OBJECT
private slots:
    void coreDumpsAreOffAfterwards();
};

void TestProcessHardening::coreDumpsAreOffAfterwards() {
    QVERIFY(ProcessHardening::disableCoreDumps());
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
    QCOMPARE(limit.rlim_cur, rlim_t(0));
    QCOMPARE(limit.rlim_max, rlim_t(0)); // the hard limit too: nothing later can raise it again
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    QVERIFY(ProcessHardening::disableCoreDumps()); // idempotent
}

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "TestProcessHardening.moc"
