#pragma once

#include "riskevents/BatchPlanner.h"
#include "riskevents/RiskSubject.h"
#include "riskevents/RunJournal.h"
#include "riskevents/SendScheduler.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class Clock;
class OktaClient;

// One send run as the Risk events screen drives it: plans the subjects, writes the journal
// (<journalBase>/<profile>/<run id>/), starts the scheduler and keeps both alive until the next
// run. Also finds runs that a crash or a quit left unfinished and resumes them. The GUI
// counterpart of the CLI's RiskDelivery; models/ only, no widgets.
class RiskSendSession : public QObject {
    Q_OBJECT
public:
    // `client` and `clock` must outlive the session.
    RiskSendSession(OktaClient* client, Clock* clock, QString journalBase, QString profileId,
                    QObject* parent = nullptr);
    ~RiskSendSession() override;

    // Applied to every scheduler this session creates (tests shorten back-off).
    void setSchedulerOptions(const SendScheduler::Options& options);

    // Plans `subjects` with `options`, writes the journal and starts sending. False and the
    // reason when nothing could start (no subjects, a run still active, journal not writable).
    bool start(const QVector<RiskSubject>& subjects, const BatchPlanner::Options& options, QString* error);
    // Loads an unfinished run from its journal directory and continues it.
    bool resume(const QString& runDirectory, QString* error);

    // Journal directories of this profile whose run is complete on disk but not finished
    // (subjects still pending), newest first: what the screen offers to resume at start.
    QStringList interruptedRuns() const;
    // "Run of 21 Nov 2026 03:12: 400 subjects, 380 accepted, 20 pending" for the resume prompt.
    static QString describeRun(const QString& runDirectory);

    SendScheduler* scheduler() const { return m_scheduler; } // nullptr before start()/resume()
    QString runDirectory() const;
    bool isActive() const; // a scheduler that is running or paused

    // The exact JSON bodies start() would send for these subjects (dry run), at most
    // `maxRequests` of them, and how many requests the whole batch makes.
    static QVector<QByteArray> previewBodies(const QVector<RiskSubject>& subjects,
                                             const BatchPlanner::Options& options, int maxRequests,
                                             int* totalRequests);

signals:
    // A new scheduler exists (start or resume): connect the table model and the gauge to it.
    void runStarted(SendScheduler* scheduler);
    void stopped(SendScheduler::StopReason reason, const QString& explanation);

private:
    bool adopt(SendRun run, std::unique_ptr<RunJournal> journal, QString* error);

    OktaClient* m_client;
    Clock* m_clock;
    QString m_journalBase;
    QString m_profileId;
    SendScheduler::Options m_schedulerOptions;
    std::unique_ptr<RunJournal> m_journal;
    SendScheduler* m_scheduler = nullptr;
};
