#include "riskevents/ImportJob.h"

#include "riskevents/RiskRowImporter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QThread>

ImportJob* ImportJob::fromFile(const QString& path, const ImportOptions& options, QObject* parent) {
    return new ImportJob(path, {}, false, options, parent);
}

ImportJob* ImportJob::fromText(const QString& text, const ImportOptions& options, QObject* parent) {
    return new ImportJob({}, text.toUtf8(), true, options, parent);
}

ImportJob::ImportJob(QString path, QByteArray data, bool fromText, const ImportOptions& options,
                     QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_data(std::move(data))
    , m_fromText(fromText)
    , m_options(options) {
    qRegisterMetaType<ImportResult>();
    m_totalBytes = m_fromText ? m_data.size() : QFileInfo(m_path).size();
}

ImportJob::~ImportJob() {
    if (m_thread) {
        // The worker only touches this object through queued calls, which die with it; it
        // must not outlive the data it reads, so stop it and wait.
        m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

void ImportJob::start() {
    if (m_started)
        return;
    m_started = true;
    const QString path = m_path;
    const QByteArray data = m_data;
    const bool fromText = m_fromText;
    const ImportOptions options = m_options;
    const qint64 total = m_totalBytes;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    m_thread = QThread::create([this, path, data, fromText, options, total, cancel] {
        const RiskRowImporter importer(options);
        auto report = [this, total](qint64 bytes) {
            QMetaObject::invokeMethod(
                this, [this, bytes, total] { emit progress(bytes, total); }, Qt::QueuedConnection);
        };
        ImportResult result;
        if (fromText) {
            QByteArray bytes = data;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::ReadOnly);
            result = importer.import(&buffer, cancel.get(), report);
        } else {
            result = importer.importFile(path, cancel.get(), report);
        }
        if (cancel->load())
            result.cancelled = true;
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("ImportJob"));
    m_thread->start();
}

void ImportJob::cancel() {
    m_cancel->store(true);
    if (!m_started) {
        // Never started: still one finished(), from the event loop like every other path.
        m_started = true;
        ImportResult result;
        result.cancelled = true;
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
    }
}

void ImportJob::deliver(const ImportResult& result) {
    if (m_finished)
        return;
    m_finished = true;
    if (m_thread)
        m_thread->wait(); // it has nothing left to do but return
    emit finished(result);
}
