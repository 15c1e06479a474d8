// ImportJob: the import off the GUI thread, progress in bytes, cancel, exactly one finished()
// delivered on the caller's thread.
#include "riskevents/ImportJob.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

QString dataPath(const char* name) {
    return QStringLiteral(THREATDESK_TEST_DATA_DIR "/") + QLatin1String(name);
}

ImportResult resultOf(const QSignalSpy& spy) {
    return spy.first().first().value<ImportResult>();
}

} // namespace

class TestImportJob : public QObject {
    Q_OBJECT
private slots:
    void importsFileOffTheGuiThread();
    void pastedText();
    void progressReachesTotal();
    void cancelWhileRunning();
    void cancelBeforeStart();
    void unreadableFile();
    void deletedWhileRunning();
    void startTwice();
};

void TestImportJob::importsFileOffTheGuiThread() {
    ImportJob* job = ImportJob::fromFile(dataPath("admin_5000.csv"), {}, this);
    QThread* const callerThread = QThread::currentThread();
    QThread* finishedOn = nullptr;
    connect(job, &ImportJob::finished, this, [&finishedOn] { finishedOn = QThread::currentThread(); });
    QSignalSpy finished(job, &ImportJob::finished);
    QVERIFY(!job->isRunning());
    job->start();
    QVERIFY(job->isRunning() || job->isFinished());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finishedOn, callerThread);
    QVERIFY(job->isFinished());
    const ImportResult result = resultOf(finished);
    QVERIFY(result.ok());
    QCOMPARE(result.rows, 5000);
    QCOMPARE(result.valid, 5000);
    QVERIFY(result.isBalanced());
    delete job;
}

void TestImportJob::pastedText() {
    ImportOptions options;
    options.defaultLevel = RiskLevel::Medium;
    ImportJob* job = ImportJob::fromText(QStringLiteral("1.2.3.4\n5.6.7.8\tHIGH\n10.0.0.1\n"), options, this);
    QSignalSpy finished(job, &ImportJob::finished);
    job->start();
    QTRY_COMPARE(finished.size(), 1);
    const ImportResult result = resultOf(finished);
    QCOMPARE(result.rows, 3);
    QCOMPARE(result.valid, 2);
    QCOMPARE(result.rejected, 1);
    QCOMPARE(result.issues.first().line, 3);
    QVERIFY(result.isBalanced());
    delete job;
}

void TestImportJob::progressReachesTotal() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 60000; ++i)
        file.write(
            QStringLiteral("%1.%2.%3.4,LOW\n").arg(1 + i / 65536).arg(i / 256 % 256).arg(i % 256).toLatin1());
    file.close();

    ImportJob* job = ImportJob::fromFile(path, {}, this);
    QCOMPARE(job->totalBytes(), file.size());
    QSignalSpy progress(job, &ImportJob::progress);
    QSignalSpy finished(job, &ImportJob::finished);
    job->start();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(progress.size() >= 2);
    qint64 previous = 0;
    for (const QList<QVariant>& report : std::as_const(progress)) {
        QVERIFY(report.at(0).toLongLong() > previous);
        previous = report.at(0).toLongLong();
        QCOMPARE(report.at(1).toLongLong(), file.size());
    }
    QCOMPARE(previous, file.size());
    QCOMPARE(resultOf(finished).rows, 60000);
    delete job;
}

// Cancelled from the first progress report: the worker stops at its next check, far before the
// end of 2,000,000 rows, and still finishes exactly once.
void TestImportJob::cancelWhileRunning() {
    const QString text = QStringLiteral("1.2.3.4,LOW\n").repeated(2000000);
    ImportJob* job = ImportJob::fromText(text, {}, this);
    connect(job, &ImportJob::progress, job, &ImportJob::cancel);
    QSignalSpy finished(job, &ImportJob::finished);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const ImportResult result = resultOf(finished);
    QVERIFY(result.cancelled);
    QVERIFY(result.rows < 2000000);
    QVERIFY(result.isBalanced());
    QCoreApplication::processEvents(); // no second finished() queued behind
    QCOMPARE(finished.size(), 1);
    delete job;
}

void TestImportJob::cancelBeforeStart() {
    ImportJob* job = ImportJob::fromFile(dataPath("admin_5000.csv"), {}, this);
    QSignalSpy finished(job, &ImportJob::finished);
    job->cancel();
    job->start(); // too late: nothing runs
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(resultOf(finished).cancelled);
    QCOMPARE(resultOf(finished).rows, 0);
    delete job;
}

void TestImportJob::unreadableFile() {
    ImportJob* job = ImportJob::fromFile(QStringLiteral("/nonexistent/feed.csv"), {}, this);
    QSignalSpy finished(job, &ImportJob::finished);
    job->start();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!resultOf(finished).error.isEmpty());
    QVERIFY(!resultOf(finished).ok());
    delete job;
}

void TestImportJob::deletedWhileRunning() {
    const QString text = QStringLiteral("1.2.3.4,LOW\n").repeated(500000);
    ImportJob* job = ImportJob::fromText(text, {}, this);
    bool finishedSeen = false;
    connect(job, &ImportJob::finished, this, [&finishedSeen] { finishedSeen = true; });
    job->start();
    delete job; // cancels and waits; queued signals die with it
    QCoreApplication::processEvents();
    QVERIFY(!finishedSeen);
}

void TestImportJob::startTwice() {
    ImportJob* job = ImportJob::fromText(QStringLiteral("1.2.3.4,LOW\n"), {}, this);
    QSignalSpy finished(job, &ImportJob::finished);
    job->start();
    job->start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(resultOf(finished).valid, 1);
    delete job;
}

QTEST_GUILESS_MAIN(TestImportJob)
#include "TestImportJob.moc"
