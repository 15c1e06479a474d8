#include "cli/RiskDelivery.h"

#include "api/BaseUrlPolicy.h"
#include "api/OktaClient.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "common/SystemClock.h"
#include "riskevents/RateLimitStatus.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMetaEnum>

namespace {
QString duration(qint64 ms) {
    const qint64 s = (ms + 999) / 1000;
    return s >= 60 ? QCoreApplication::translate("RiskDelivery", "%1 min %2 s").arg(s / 60).arg(s % 60)
                   : QCoreApplication::translate("RiskDelivery", "%1 s").arg(s);
}
} // namespace

RiskDelivery::RiskDelivery(OktaClient* client, CliOutput* output, QObject* parent)
    : QObject(parent)
    , m_output(output)
    , m_scheduler(new SendScheduler(client, SystemClock::instance(), this)) {
    connect(m_scheduler, &SendScheduler::progressChanged, this, [this] { onProgress(); });
    connect(m_scheduler, &SendScheduler::stopped, this, &RiskDelivery::onStopped);
    connect(m_scheduler, &SendScheduler::requestFinished, this, &RiskDelivery::onRequestFinished);
}

void RiskDelivery::onRequestFinished(int requestId, const OktaResult& result) {
    // Answers the scheduler retries or waits out: say so as they happen, so a slow run is not
    // a mystery. Rejections and stops are reported at the end.
    if (result.isSuccess())
        return;
    const bool transient = result.httpStatus >= 500 || result.httpStatus == 408 ||
                           result.outcome == OktaResult::Outcome::NetworkError ||
                           result.outcome == OktaResult::Outcome::Timeout ||
                           result.outcome == OktaResult::Outcome::InvalidResponse;
    if (result.httpStatus == 429)
        m_output->progress(tr("request %1: rate-limited by Okta (%2); waiting for the window to reset")
                               .arg(requestId)
                               .arg(result.describe()));
    else if (transient)
        m_output->progress(tr("request %1 not confirmed: %2").arg(requestId).arg(result.describe()));
}

RiskDelivery::~RiskDelivery() = default;

QString RiskDelivery::profileIdFor(const OktaClient* client) {
    // Sandbox orgs listen on a new port each time; their runs share one journal folder.
    const QString host = client->baseUrl().host();
    return BaseUrlPolicy::isLoopbackHost(host) ? QStringLiteral("sandbox") : host;
}

bool RiskDelivery::begin(SendRun run, std::unique_ptr<RunJournal> journal, qint64 importRejected,
                         QString* error) {
    m_journal = std::move(journal);
    m_importRejected = importRejected;
    m_output->progress(tr("run %1: %2 subjects in %3 requests (journal %4)")
                           .arg(run.runId)
                           .arg(run.count(SubjectOutcome::Status::Pending))
                           .arg(run.queue.size())
                           .arg(m_journal->directory()));
    if (!run.unconfirmed.isEmpty())
        m_output->warning(tr("%n request(s) were in flight when the last session ended; they are "
                             "sent again and their subjects may reach Okta twice.",
                             nullptr, int(run.unconfirmed.size())));
    if (!m_scheduler->setRun(std::move(run), m_journal.get())) {
        *error = tr("the run could not be set up");
        return false;
    }
    m_sinceProgress.start();
    m_scheduler->start();
    return true;
}

void RiskDelivery::onProgress(bool force) {
    if (!force && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < 1000)
        return;
    m_sinceProgress.restart();
    const RateLimitStatus* budget = m_scheduler->rateLimitStatus();
    QString line = tr("accepted %1, rejected %2, pending %3 of %4; requests sent %5, left %6")
                       .arg(m_scheduler->acceptedCount())
                       .arg(m_scheduler->rejectedCount())
                       .arg(m_scheduler->pendingCount())
                       .arg(m_scheduler->subjectCount())
                       .arg(m_scheduler->requestsSent())
                       .arg(m_scheduler->requestsLeft());
    if (budget) {
        line += tr("; budget %1/%2%3")
                    .arg(budget->remaining())
                    .arg(budget->limit())
                    .arg(budget->fromHeaders() ? QString() : tr(" (documented default)"));
        if (budget->resetInSeconds() >= 0)
            line += tr(", resets in %1 s").arg(budget->resetInSeconds());
        if (budget->waitSeconds() > 0)
            line += tr(", waiting %1 s").arg(budget->waitSeconds());
    }
    const qint64 eta = m_scheduler->etaMs();
    if (eta >= 0)
        line += tr("; ETA %1").arg(duration(eta));
    m_output->progress(line);
}

void RiskDelivery::onStopped(SendScheduler::StopReason reason, const QString& explanation) {
    onProgress(true);
    const SendRun& run = m_scheduler->run();
    QJsonArray rejected;
    QStringList rejectedLines;
    for (int i = 0; i < run.subjects.size(); ++i) {
        const SubjectOutcome& outcome = run.outcomes.at(i);
        if (outcome.status != SubjectOutcome::Status::Rejected)
            continue;
        const RiskSubject& s = run.subjects.at(i);
        rejected.append(QJsonObject{{QStringLiteral("ip"), s.ip},
                                    {QStringLiteral("line"), s.sourceLine},
                                    {QStringLiteral("reason"), outcome.reason},
                                    {QStringLiteral("requestId"), outcome.requestId}});
        rejectedLines.append(tr("line %1: %2 rejected by Okta: %3 (request id %4)")
                                 .arg(s.sourceLine)
                                 .arg(s.ip, outcome.reason, outcome.requestId));
    }
    const QString reasonName =
        QString::fromLatin1(QMetaEnum::fromType<SendScheduler::StopReason>().valueToKey(int(reason)));
    if (m_output->isJson()) {
        QJsonObject summary = m_jsonExtra;
        summary.insert(QStringLiteral("runId"), run.runId);
        summary.insert(QStringLiteral("journal"), m_journal->directory());
        summary.insert(QStringLiteral("subjects"), int(run.subjects.size()));
        summary.insert(QStringLiteral("accepted"), m_scheduler->acceptedCount());
        summary.insert(QStringLiteral("rejected"), rejected);
        summary.insert(QStringLiteral("pending"), m_scheduler->pendingCount());
        summary.insert(QStringLiteral("stopReason"), reasonName);
        summary.insert(QStringLiteral("explanation"), explanation);
        m_output->json(summary);
    } else {
        m_output->lines(rejectedLines);
        m_output->line(tr("run %1: %2 subjects: accepted %3, rejected %4, pending %5")
                           .arg(run.runId)
                           .arg(run.subjects.size())
                           .arg(m_scheduler->acceptedCount())
                           .arg(m_scheduler->rejectedCount())
                           .arg(m_scheduler->pendingCount()));
    }
    if (reason != SendScheduler::StopReason::Completed)
        m_output->error(explanation.isEmpty() ? reasonName : explanation);
    if (m_scheduler->pendingCount() > 0)
        m_output->errorDetail(tr("pending subjects stay in the journal; `threatdesk risk resume` "
                                 "continues the run."));

    int exitCode = ExitCode::Failure;
    switch (reason) {
    case SendScheduler::StopReason::Completed:
        exitCode =
            m_scheduler->rejectedCount() == 0 && m_importRejected == 0 ? ExitCode::Ok : ExitCode::Rejected;
        break;
    case SendScheduler::StopReason::Unauthorized:
    case SendScheduler::StopReason::Forbidden:
        exitCode = ExitCode::Auth;
        break;
    case SendScheduler::StopReason::EndpointGone:
        exitCode = ExitCode::Rejected;
        break;
    default:
        exitCode = ExitCode::Failure;
        break;
    }
    emit finished(exitCode);
}
