#pragma once

#include "riskevents/ImportOptions.h"
#include "riskevents/ImportResult.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

// Runs one RiskRowImporter pass on a worker QThread so the GUI stays responsive. Signals are
// emitted on the thread that owns the job (the caller's): `progress` in bytes while reading,
// then exactly one `finished` on every path (done, cancelled, unreadable input). The job may be
// deleted at any time; its destructor cancels and waits for the worker.
class ImportJob : public QObject {
    Q_OBJECT
public:
    static ImportJob* fromFile(const QString& path, const ImportOptions& options, QObject* parent = nullptr);
    // Pasted text (spreadsheet cells arrive tab-separated).
    static ImportJob* fromText(const QString& text, const ImportOptions& options, QObject* parent = nullptr);
    ~ImportJob() override;

    // Starts the worker and returns at once; a second call does nothing.
    void start();
    // Asks the worker to stop; `finished` still comes, with result.cancelled set.
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    qint64 totalBytes() const { return m_totalBytes; }

signals:
    void progress(qint64 bytesRead, qint64 bytesTotal);
    void finished(const ImportResult& result);

private:
    ImportJob(QString path, QByteArray data, bool fromText, const ImportOptions& options, QObject* parent);
    void deliver(const ImportResult& result);

    QString m_path;
    QByteArray m_data;
    bool m_fromText = false;
    ImportOptions m_options;
    qint64 m_totalBytes = 0;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QThread* m_thread = nullptr;
    bool m_started = false;
    bool m_finished = false;
};
