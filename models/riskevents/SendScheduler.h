#pragma once

#include "api/OktaResult.h"
#include "common/Clock.h"
#include "riskevents/RateBudget.h"
#include "riskevents/RequestOutcome.h"
#include "riskevents/SendRun.h"

#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>

#include <memory>

class OktaClient;
class OktaJob;
class RateLimitStatus;
class RunJournal;

// Delivers a SendRun to Okta within the rate budget and settles every subject: accepted (with
// Okta's request id and time), rejected (with Okta's reason) or pending.
//
// One request is in flight at a time, in plan order; a request that has to wait (budget, 429,
// back-off) holds back the ones after it. That is what guarantees every HIGH subject is
// accepted before any MEDIUM one goes out, and every MEDIUM before LOW. At 30 requests a
// minute a request takes far less than its share of the window, so this costs no throughput.
//
// Answers: 2xx accepts the request. 429 waits as RateBudget says and sends the same request
// again. 5xx, 408, network errors, timeouts, unreadable answers: exponential back-off with
// jitter, at most `maxAttempts` sends, then the run stops with the request pending
// (retryPending() continues); `maxRateLimitedInARow` 429s to one request in a row stop it the
// same way. 400/413: subjects named by Okta's causes ("[i].subjects[j]…")
// are rejected with Okta's text and the rest go again as a new request; when no cause names a
// subject the request is split in halves until the culprits are alone and rejected. 401/403
// and 404/410 stop the run with an explanation; everything not yet accepted stays pending.
//
// With a RunJournal every request is written before it is sent and its outcome after (see
// RunJournal.h for the at-least-once guarantee). No nested event loops: everything happens in
// signal handlers and Clock timers.
class SendScheduler : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Stopped };
    Q_ENUM(State)
    enum class StopReason {
        None,
        Completed,        // nothing left: every subject accepted or rejected
        Cancelled,        // the user cancelled
        Unauthorized,     // 401
        Forbidden,        // 403: scope or risk-provider registration missing
        EndpointGone,     // 404/410: the org no longer accepts IP risk events
        RetriesExhausted, // 5xx / network errors `maxAttempts` times in a row
        NotSent,          // the client refused to send (no org URL, no credentials…)
        Refused,          // any other answer we cannot act on
        JournalError,     // the journal cannot be written: nothing is sent unrecorded
    };
    Q_ENUM(StopReason)

    struct Options {
        int maxAttempts = 5;         // sends of one request on transient errors before giving up
        qint64 backoffBaseMs = 1000; // first back-off, doubled each time
        qint64 backoffMaxMs = 60000;
        quint32 jitterSeed = 0; // 0: random jitter; else reproducible (tests)
        // 429 answers to one request in a row before the run stops with it pending. Each waits
        // for a window reset, so this is minutes of Okta refusing, not a fast give-up.
        int maxRateLimitedInARow = 5;
        RateBudget::Options budget;
    };

    SendScheduler(OktaClient* client, Clock* clock, QObject* parent = nullptr);
    ~SendScheduler() override;

    void setOptions(const Options& options); // before setRun()
    const Options& options() const { return m_options; }
    // The run to deliver and, optionally, its journal (not owned, must outlive the scheduler's
    // use). False while running or paused.
    bool setRun(SendRun run, RunJournal* journal = nullptr);
    const SendRun& run() const { return m_run; }
    const SubjectOutcome& outcome(int subject) const { return m_run.outcomes.at(subject); }

    State state() const { return m_state; }
    StopReason stopReason() const { return m_stopReason; }
    QString stopExplanation() const { return m_stopExplanation; }
    RateLimitStatus* rateLimitStatus() const { return m_status; }
    const RateBudget& budget() const { return m_budget; }

    // Progress.
    int subjectCount() const { return static_cast<int>(m_run.subjects.size()); }
    int acceptedCount() const { return m_accepted; }
    int rejectedCount() const { return m_rejected; }
    int pendingCount() const { return subjectCount() - m_accepted - m_rejected; }
    int requestsSent() const { return m_requestsSent; } // this session, retries included
    int requestsLeft() const { return static_cast<int>(m_run.queue.size()); }
    // Time to deliver what is left at the budget's pace; -1 when not running.
    qint64 etaMs() const;
    // Request at the head of the queue and how often it was sent in a row without success.
    int currentRequestId() const { return m_run.queue.isEmpty() ? 0 : m_run.queue.constFirst(); }
    int currentAttempts() const { return m_attempts; }
    bool isRequestInFlight() const { return !m_job.isNull(); }

    // Okta's cause "[3].subjects[7].ip: 'x' is not…" → {3, 7, "ip: 'x' is not…"}; event −1 when
    // the cause names no subject. `subjects[j]` without an event counts as event 0.
    struct CausePosition {
        int event = -1;
        int subject = -1;
        QString reason;
    };
    static CausePosition parseCause(const QString& cause);

public slots:
    void start();        // Idle or Stopped → Running
    void pause();        // no new request; the one in flight completes
    void resume();       // Paused → Running
    void cancel();       // stops now (aborts the request in flight); the rest stays pending
    void retryPending(); // forget back-off and attempt counts; (re)start delivering what is pending

signals:
    void stateChanged(SendScheduler::State state);
    void requestStarted(int requestId, int subjectCount);
    void requestFinished(int requestId, const OktaResult& result);
    // Outcomes of subjects with indices in [firstSubject, lastSubject] may have changed.
    void outcomesChanged(int firstSubject, int lastSubject);
    void progressChanged();
    // Every run ends here, whatever happened; `explanation` is for the user.
    void stopped(SendScheduler::StopReason reason, const QString& explanation);

private:
    void setState(State state);
    void pump();
    void send(int requestId);
    void onFinished(int requestId, const OktaResult& result);
    void accept(int requestId, const OktaResult& result);
    void handleRejection(int requestId, const OktaResult& result);
    void stopWithPending(int requestId, StopReason reason, const QString& explanation,
                         const OktaResult& result);
    void stop(StopReason reason, const QString& explanation);
    bool record(const RequestOutcome& outcome);
    // The outcome of an answer, before its status-specific details.
    RequestOutcome outcomeOf(int requestId, RequestOutcome::Status status, const OktaResult& result) const;
    void emitRange(const QVector<int>& subjects);
    qint64 backoffMs(int attempts);
    void resetAttempts();
    QString explain(StopReason reason, const OktaResult& result) const;
    QString explainRateLimited(const OktaResult& result) const;

    OktaClient* m_client;
    Clock* m_clock;
    Options m_options;
    RateBudget m_budget;
    RateLimitStatus* m_status = nullptr;
    std::unique_ptr<Clock::Timer> m_timer;
    QRandomGenerator m_random;
    SendRun m_run;
    RunJournal* m_journal = nullptr;
    QSet<int> m_writtenThisSession;
    State m_state = State::Idle;
    StopReason m_stopReason = StopReason::None;
    QString m_stopExplanation;
    QPointer<OktaJob> m_job;
    int m_jobRequestId = 0;
    qint64 m_sentAtMs = 0;
    int m_attempts = 0;          // failed sends of the head request in a row
    int m_rateLimitedInARow = 0; // 429 answers to the head request in a row
    qint64 m_retryAtMs = 0;      // back-off: not before this (local ms)
    int m_requestsSent = 0;
    int m_accepted = 0;
    int m_rejected = 0;
    qint64 m_latencyMs = 300; // smoothed time per request on the wire, for the ETA
};
