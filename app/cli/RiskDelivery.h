#pragma once

#include "riskevents/RunJournal.h"
#include "riskevents/SendScheduler.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <memory>

class CliOutput;
class OktaClient;

// Delivers one journaled run for `risk send` and `risk resume`: progress and the rate-limit
// budget on stderr about once a second, then every subject's fate and the exit code.
class RiskDelivery : public QObject {
    Q_OBJECT
public:
    RiskDelivery(OktaClient* client, CliOutput* output, QObject* parent = nullptr);
    ~RiskDelivery() override;

    // The journal directory under the app data location for runs against this client's org.
    static QString profileIdFor(const OktaClient* client);
    // Starts delivering; false (and why) when the run cannot start. `importRejected` counts
    // rows the import already rejected: they make the exit code non-zero too.
    bool begin(SendRun run, std::unique_ptr<RunJournal> journal, qint64 importRejected, QString* error);
    // Extra members for the --json summary (e.g. the validation report).
    void setJsonExtra(const QJsonObject& extra) { m_jsonExtra = extra; }

signals:
    void finished(int exitCode);

private:
    void onProgress(bool force = false);
    void onStopped(SendScheduler::StopReason reason, const QString& explanation);
    void onRequestFinished(int requestId, const OktaResult& result);

    CliOutput* m_output;
    std::unique_ptr<RunJournal> m_journal;
    SendScheduler* m_scheduler;
    qint64 m_importRejected = 0;
    QElapsedTimer m_sinceProgress;
    QJsonObject m_jsonExtra;
};
