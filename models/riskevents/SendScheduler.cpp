#include "riskevents/SendScheduler.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "riskevents/RateLimitStatus.h"
#include "riskevents/RunJournal.h"

#include <QCoreApplication>
#include <QMap>
#include <QMetaEnum>
#include <QRegularExpression>

#include <algorithm>

namespace {

// 5xx, 408 and answers that never came or cannot be read (a 2xx with a garbled body included:
// it is not what Okta sends, so we cannot be sure the request was taken; at-least-once
// delivery prefers sending it again).
bool isTransient(const OktaResult& result) {
    if (result.httpStatus >= 500 || result.httpStatus == 408)
        return true;
    switch (result.outcome) {
    case OktaResult::Outcome::NetworkError:
    case OktaResult::Outcome::Timeout:
    case OktaResult::Outcome::InvalidResponse:
        return true;
    default:
        return false;
    }
}

QString requestIdSuffix(const OktaResult& result) {
    return result.requestId.isEmpty()
               ? QString()
               : QCoreApplication::translate("SendScheduler", " [request id %1]").arg(result.requestId);
}

} // namespace

SendScheduler::SendScheduler(OktaClient* client, Clock* clock, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_budget(m_options.budget)
    , m_timer(clock->createTimer())
    , m_random(QRandomGenerator::securelySeeded()) {
    qRegisterMetaType<OktaResult>();
    m_status = new RateLimitStatus(&m_budget, m_clock, this);
}

SendScheduler::~SendScheduler() {
    m_timer->stop();
    if (m_job) {
        // Nobody will hear the answer: the request stays "written, no outcome" in the journal.
        m_job->disconnect(this);
        m_job->abort();
    }
}

void SendScheduler::setOptions(const Options& options) {
    m_options = options;
    m_options.maxAttempts = qMax(1, m_options.maxAttempts);
    m_options.maxRateLimitedInARow = qMax(1, m_options.maxRateLimitedInARow);
    m_options.backoffBaseMs = qMax<qint64>(1, m_options.backoffBaseMs);
    m_options.backoffMaxMs = qMax(m_options.backoffBaseMs, m_options.backoffMaxMs);
    if (m_job.isNull()) {
        m_budget = RateBudget(m_options.budget);
        m_status->update();
    }
    m_random =
        m_options.jitterSeed ? QRandomGenerator(m_options.jitterSeed) : QRandomGenerator::securelySeeded();
}

bool SendScheduler::setRun(SendRun run, RunJournal* journal) {
    if (m_state == State::Running || m_state == State::Paused || m_job)
        return false;
    m_run = std::move(run);
    m_journal = journal;
    m_writtenThisSession.clear();
    m_accepted = m_run.count(SubjectOutcome::Status::Accepted);
    m_rejected = m_run.count(SubjectOutcome::Status::Rejected);
    m_stopReason = StopReason::None;
    m_stopExplanation.clear();
    resetAttempts();
    setState(State::Idle);
    if (!m_run.subjects.isEmpty())
        emit outcomesChanged(0, subjectCount() - 1);
    emit progressChanged();
    return true;
}

void SendScheduler::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    if (m_journal && state != State::Stopped) {
        static const char* const names[] = {"idle", "running", "paused", "stopped"};
        m_journal->writeState(QString::fromLatin1(names[static_cast<int>(state)]), {}, m_clock->nowUtc(),
                              nullptr);
    }
    emit stateChanged(state);
}

void SendScheduler::resetAttempts() {
    m_attempts = 0;
    m_retryAtMs = 0;
    m_rateLimitedInARow = 0;
}

void SendScheduler::start() {
    if (m_state == State::Running || m_state == State::Paused)
        return;
    m_stopReason = StopReason::None;
    m_stopExplanation.clear();
    resetAttempts();
    setState(State::Running);
    emit progressChanged();
    pump();
}

void SendScheduler::pause() {
    if (m_state != State::Running)
        return;
    m_timer->stop();
    setState(State::Paused);
    emit progressChanged();
}

void SendScheduler::resume() {
    if (m_state != State::Paused)
        return;
    setState(State::Running);
    emit progressChanged();
    pump();
}

void SendScheduler::retryPending() {
    if (m_state == State::Running || m_state == State::Paused) {
        resetAttempts();
        m_timer->stop();
        if (m_state == State::Paused)
            setState(State::Running);
        pump();
        return;
    }
    start();
}

void SendScheduler::cancel() {
    if (m_state == State::Stopped)
        return;
    m_timer->stop();
    if (m_job) {
        // The answer no longer matters; Okta may or may not have the request (journal: no
        // outcome, so a resumed run sends it again).
        QPointer<OktaJob> job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->abort();
        m_budget.onAbandoned();
    }
    stop(StopReason::Cancelled, tr("Cancelled. %n subject(s) stay pending.", nullptr, pendingCount()));
}

qint64 SendScheduler::etaMs() const {
    if (m_state != State::Running || m_run.queue.isEmpty())
        return m_run.queue.isEmpty() ? 0 : -1;
    const qint64 now = m_clock->nowMs();
    const qint64 retryWait = qMax<qint64>(0, m_retryAtMs - now);
    return retryWait + m_budget.estimateMs(now, requestsLeft(), m_latencyMs);
}

qint64 SendScheduler::backoffMs(int attempts) {
    const int exponent = qBound(0, attempts - 1, 30);
    const qint64 delay = qMin(m_options.backoffMaxMs, m_options.backoffBaseMs << exponent);
    // "Equal jitter": half fixed, half random, so clients that failed together spread out.
    return delay / 2 + static_cast<qint64>(m_random.bounded(static_cast<double>(delay / 2 + 1)));
}

void SendScheduler::pump() {
    if (m_state != State::Running || m_job)
        return;
    if (m_run.queue.isEmpty()) {
        stop(StopReason::Completed, tr("Done: %n subject(s) accepted", nullptr, m_accepted) +
                                        tr(", %n rejected.", nullptr, m_rejected));
        return;
    }
    const qint64 now = m_clock->nowMs();
    qint64 wait = m_budget.delayMs(now);
    if (wait == RateBudget::WaitForAnswer)
        wait = 1000; // cannot happen with one request in flight; never spin if it does
    wait = qMax(wait, m_retryAtMs - now);
    if (wait > 0) {
        m_timer->start(wait, [this] { pump(); });
        m_status->update();
        emit progressChanged();
        return;
    }
    send(m_run.queue.constFirst());
}

void SendScheduler::send(int requestId) {
    const PlannedRequest* request = m_run.request(requestId);
    if (!request) {
        m_run.queue.removeFirst(); // cannot happen: queue and requests are built together
        pump();
        return;
    }
    if (m_journal && !m_writtenThisSession.contains(requestId)) {
        QString error;
        if (!m_journal->writeRequest(*request, &error)) {
            stop(StopReason::JournalError,
                 tr("Sending stopped: the run's journal cannot be written (%1). Nothing is sent unrecorded.")
                     .arg(error));
            return;
        }
        m_writtenThisSession.insert(requestId);
    }
    const QByteArray body = m_run.planner().buildBody(m_run.subjects, request->subjects);
    m_sentAtMs = m_clock->nowMs();
    m_budget.onSent(m_sentAtMs);
    ++m_requestsSent;
    m_jobRequestId = requestId;
    m_job = m_client->sendRiskEvents(body);
    connect(m_job, &OktaJob::finished, this,
            [this, requestId](const OktaResult& result) { onFinished(requestId, result); });
    m_status->update();
    emit requestStarted(requestId, static_cast<int>(request->subjects.size()));
}

void SendScheduler::onFinished(int requestId, const OktaResult& result) {
    m_job = nullptr;
    const qint64 now = m_clock->nowMs();
    m_latencyMs = (3 * m_latencyMs + qMax<qint64>(0, now - m_sentAtMs)) / 4;
    m_budget.onAnswer(m_sentAtMs, now, result.rateLimit, result.httpStatus == 429);
    m_status->update();
    emit requestFinished(requestId, result);

    // An error answer whose body could not be read (too large, garbled) still has a status that
    // says enough to act on, except for 400/413, whose causes name the subjects: those go again.
    const bool readable = result.outcome == OktaResult::Outcome::HttpError;
    const bool unreadableError = result.outcome == OktaResult::Outcome::InvalidResponse &&
                                 result.httpStatus >= 300 && result.httpStatus != 400 &&
                                 result.httpStatus != 413;
    const int status = readable || unreadableError ? result.httpStatus : 0;
    if (status != 429)
        m_rateLimitedInARow = 0;
    if (result.outcome == OktaResult::Outcome::Success) {
        accept(requestId, result);
    } else if (status == 429) {
        // Not a failure of the request: RateBudget now blocks until the window resets. A storm
        // of them (another client draining the org's budget, a misbehaving proxy) still ends.
        if (++m_rateLimitedInARow >= m_options.maxRateLimitedInARow)
            stopWithPending(requestId, StopReason::RetriesExhausted, explainRateLimited(result), result);
    } else if (status == 400 || status == 413) {
        handleRejection(requestId, result);
    } else if (status == 401) {
        stopWithPending(requestId, StopReason::Unauthorized, explain(StopReason::Unauthorized, result),
                        result);
    } else if (status == 403) {
        stopWithPending(requestId, StopReason::Forbidden, explain(StopReason::Forbidden, result), result);
    } else if (status == 404 || status == 410) {
        stopWithPending(requestId, StopReason::EndpointGone, explain(StopReason::EndpointGone, result),
                        result);
    } else if (result.outcome == OktaResult::Outcome::NotSent) {
        stopWithPending(requestId, StopReason::NotSent, explain(StopReason::NotSent, result), result);
    } else if (isTransient(result)) {
        ++m_attempts;
        if (m_attempts >= m_options.maxAttempts) {
            stopWithPending(requestId, StopReason::RetriesExhausted,
                            explain(StopReason::RetriesExhausted, result), result);
        } else {
            m_retryAtMs = now + backoffMs(m_attempts);
        }
    } else {
        stopWithPending(requestId, StopReason::Refused, explain(StopReason::Refused, result), result);
    }
    emit progressChanged();
    pump();
}

bool SendScheduler::record(const RequestOutcome& outcome) {
    if (!m_journal)
        return true;
    QString error;
    if (m_journal->writeOutcome(outcome, &error))
        return true;
    stop(StopReason::JournalError,
         tr("Sending stopped: the run's journal cannot be written (%1). Nothing is sent unrecorded.")
             .arg(error));
    return false;
}

void SendScheduler::emitRange(const QVector<int>& subjects) {
    if (subjects.isEmpty())
        return;
    const auto [low, high] = std::minmax_element(subjects.cbegin(), subjects.cend());
    emit outcomesChanged(*low, *high);
}

RequestOutcome SendScheduler::outcomeOf(int requestId, RequestOutcome::Status status,
                                        const OktaResult& result) const {
    RequestOutcome outcome;
    outcome.id = requestId;
    outcome.status = status;
    outcome.httpStatus = result.httpStatus;
    outcome.oktaRequestId = result.requestId;
    outcome.answeredAt = m_clock->nowUtc();
    return outcome;
}

void SendScheduler::accept(int requestId, const OktaResult& result) {
    RequestOutcome outcome = outcomeOf(requestId, RequestOutcome::Status::Accepted, result);
    // Okta has them whatever happens to the journal: memory tells the truth first.
    m_run.apply(outcome);
    const QVector<int> subjects = m_run.request(requestId)->subjects;
    m_accepted += static_cast<int>(subjects.size());
    m_run.queue.removeOne(requestId);
    resetAttempts();
    emitRange(subjects);
    record(outcome);
}

SendScheduler::CausePosition SendScheduler::parseCause(const QString& cause) {
    static const QRegularExpression withEvent(
        QStringLiteral(R"(^\s*\[(\d{1,9})\]\s*\.\s*subjects\s*\[(\d{1,9})\](.*)$)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression withoutEvent(QStringLiteral(R"(^\s*subjects\s*\[(\d{1,9})\](.*)$)"),
                                                 QRegularExpression::DotMatchesEverythingOption);
    CausePosition position;
    QString rest;
    if (const auto match = withEvent.match(cause); match.hasMatch()) {
        position.event = match.captured(1).toInt();
        position.subject = match.captured(2).toInt();
        rest = match.captured(3);
    } else if (const auto bare = withoutEvent.match(cause); bare.hasMatch()) {
        position.event = 0;
        position.subject = bare.captured(1).toInt();
        rest = bare.captured(2);
    } else {
        position.reason = cause.trimmed();
        return position;
    }
    // "[3].subjects[7].ip: 'x' is not…" → "ip: 'x' is not…"; "[3].subjects[7]: bad" → "bad".
    qsizetype skip = 0;
    while (skip < rest.size() &&
           (rest[skip] == QLatin1Char('.') || rest[skip] == QLatin1Char(':') || rest[skip].isSpace()))
        ++skip;
    position.reason = rest.mid(skip).trimmed();
    if (position.reason.isEmpty())
        position.reason = cause.trimmed();
    return position;
}

void SendScheduler::handleRejection(int requestId, const OktaResult& result) {
    const PlannedRequest request = *m_run.request(requestId);
    const int count = static_cast<int>(request.subjects.size());
    const BatchPlanner planner = m_run.planner();

    QStringList causes = result.error.errorCauses;
    if (causes.isEmpty() && !result.error.errorSummary.isEmpty())
        causes.append(result.error.errorSummary);
    QMap<int, QString> reasons; // position in the request → Okta's reason(s)
    for (const QString& cause : std::as_const(causes)) {
        const CausePosition where = parseCause(cause);
        const int position = planner.positionOf(where.event, where.subject, count);
        if (position < 0)
            continue;
        QString& reason = reasons[position];
        reason = reason.isEmpty() ? where.reason : reason + QStringLiteral("; ") + where.reason;
    }

    RequestOutcome outcome = outcomeOf(requestId, RequestOutcome::Status::Processed, result);
    outcome.detail = result.describe();

    QVector<QVector<int>> childSubjects;
    if (!reasons.isEmpty()) {
        QVector<int> rest;
        for (int i = 0; i < count; ++i) {
            const auto reason = reasons.constFind(i);
            if (reason != reasons.cend())
                outcome.rejected.append({request.subjects[i], *reason});
            else
                rest.append(request.subjects[i]);
        }
        if (!rest.isEmpty())
            childSubjects.append(rest);
    } else if (count <= 1) {
        QString reason = result.error.errorSummary;
        if (!result.error.errorCauses.isEmpty())
            reason += (reason.isEmpty() ? QString() : QStringLiteral(": ")) +
                      result.error.errorCauses.join(QStringLiteral("; "));
        if (reason.isEmpty())
            reason = result.describe();
        for (int subject : request.subjects)
            outcome.rejected.append({subject, reason});
    } else {
        // Okta did not say which subject is wrong: halve until each culprit is alone.
        childSubjects.append(request.subjects.mid(0, count / 2));
        childSubjects.append(request.subjects.mid(count / 2));
    }

    // Children are on disk before the parent's outcome names them.
    for (QVector<int>& subjects : childSubjects) {
        const int childId = m_run.addRequest(requestId, std::move(subjects));
        outcome.children.append(childId);
        if (m_journal) {
            QString error;
            if (!m_journal->writeRequest(*m_run.request(childId), &error)) {
                stop(StopReason::JournalError, tr("Sending stopped: the run's journal cannot be written "
                                                  "(%1). Nothing is sent unrecorded.")
                                                   .arg(error));
                return;
            }
            m_writtenThisSession.insert(childId);
        }
    }
    m_run.apply(outcome);
    m_rejected += static_cast<int>(outcome.rejected.size());
    const int head = static_cast<int>(m_run.queue.indexOf(requestId));
    if (head >= 0) {
        m_run.queue.remove(head);
        for (qsizetype i = 0; i < outcome.children.size(); ++i)
            m_run.queue.insert(head + i, outcome.children[i]);
    }
    resetAttempts();
    QVector<int> changed;
    for (const RequestOutcome::Rejection& rejection : std::as_const(outcome.rejected))
        changed.append(rejection.subject);
    emitRange(changed);
    record(outcome);
}

void SendScheduler::stopWithPending(int requestId, StopReason reason, const QString& explanation,
                                    const OktaResult& result) {
    RequestOutcome outcome = outcomeOf(requestId, RequestOutcome::Status::Pending, result);
    outcome.detail = explanation;
    m_run.apply(outcome);
    if (const PlannedRequest* request = m_run.request(requestId))
        emitRange(request->subjects);
    if (!record(outcome))
        return;
    stop(reason, explanation);
}

void SendScheduler::stop(StopReason reason, const QString& explanation) {
    if (m_state == State::Stopped)
        return;
    m_timer->stop();
    m_stopReason = reason;
    m_stopExplanation = explanation;
    if (m_journal) {
        const QMetaEnum names = QMetaEnum::fromType<StopReason>();
        m_journal->writeState(QStringLiteral("stopped"),
                              QString::fromLatin1(names.valueToKey(static_cast<int>(reason))) +
                                  QStringLiteral(": ") + explanation,
                              m_clock->nowUtc(), nullptr);
    }
    setState(State::Stopped);
    m_status->update();
    emit progressChanged();
    emit stopped(reason, explanation);
}

QString SendScheduler::explainRateLimited(const OktaResult& result) const {
    return tr("Okta answered request %1 with 429 Too Many Requests %n time(s) in a row (%2); another "
              "client may be using up this org's risk-event budget. The remaining subjects stay pending; "
              "retry later.",
              nullptr, m_rateLimitedInARow)
        .arg(m_jobRequestId)
        .arg(result.describe());
}

QString SendScheduler::explain(StopReason reason, const OktaResult& result) const {
    const QString what = result.describe();
    switch (reason) {
    case StopReason::Unauthorized:
        return tr("Okta did not accept the credentials (%1). Check the API token or the OAuth service app; "
                  "sending risk events needs the scope okta.riskEvents.manage and an app registered as a "
                  "risk provider. Nothing more was sent; the remaining subjects stay pending.")
            .arg(what);
    case StopReason::Forbidden:
        return tr("Okta refused to take risk events from these credentials (%1). The token needs the scope "
                  "okta.riskEvents.manage, and the service app must be registered as a risk provider of the "
                  "org (Security > Device integrations > Risk providers, or POST /api/v1/risk/providers with "
                  "its client id). Nothing more was sent; the remaining subjects stay pending.")
            .arg(what);
    case StopReason::EndpointGone:
        return tr("This org no longer accepts IP risk events (%1). Okta deprecated the risk events API in "
                  "2025; its successor is Shared Signals (security events providers). Nothing more was sent; "
                  "the remaining subjects stay pending.")
            .arg(what);
    case StopReason::RetriesExhausted:
        return tr("Okta did not take request %1 after %n attempt(s) (%2). The remaining subjects stay "
                  "pending; retry when Okta answers again.",
                  nullptr, m_attempts)
            .arg(m_jobRequestId)
            .arg(what);
    case StopReason::NotSent:
        return tr("Nothing could be sent: %1.").arg(result.detail.isEmpty() ? what : result.detail);
    case StopReason::Refused:
        return tr("Okta answered in a way ThreatDesk cannot act on (%1). The remaining subjects stay "
                  "pending.")
            .arg(what);
    default:
        break;
    }
    return what + requestIdSuffix(result);
}
