#include "riskevents/RiskSendSession.h"

#include "common/Clock.h"
#include "riskevents/RunSummary.h"
#include "riskevents/SendRun.h"

#include <QDir>
#include <QLocale>

RiskSendSession::RiskSendSession(OktaClient* client, Clock* clock, QString journalBase, QString profileId,
                                 QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_journalBase(std::move(journalBase))
    , m_profileId(std::move(profileId)) {}

RiskSendSession::~RiskSendSession() {
    // Before the journal it writes to goes.
    delete m_scheduler;
}

void RiskSendSession::setSchedulerOptions(const SendScheduler::Options& options) {
    m_schedulerOptions = options;
}

QString RiskSendSession::runDirectory() const {
    return m_journal ? m_journal->directory() : QString();
}

bool RiskSendSession::isActive() const {
    return m_scheduler && (m_scheduler->state() == SendScheduler::State::Running ||
                           m_scheduler->state() == SendScheduler::State::Paused);
}

bool RiskSendSession::start(const QVector<RiskSubject>& subjects, const BatchPlanner::Options& options,
                            QString* error) {
    auto fail = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    if (subjects.isEmpty())
        return fail(tr("Nothing to send: there is no valid subject."));
    if (isActive())
        return fail(tr("A run is still being sent; pause or cancel it before starting another."));
    const QDateTime now = m_clock->nowUtc();
    // Otherwise the folder of a run killed while being written (up to ~70 MB) stays forever.
    RunJournal::removeAbandoned(m_journalBase, m_profileId, now);
    SendRun run = SendRun::plan(subjects, options, m_profileId, RunJournal::newRunId(now), now);
    auto journal =
        std::make_unique<RunJournal>(RunJournal::runDirectory(m_journalBase, m_profileId, run.runId));
    QString journalError;
    if (!journal->create(run, &journalError)) {
        // Nothing is sent that is not written down first.
        return fail(tr("The run cannot be written to %1: %2")
                        .arg(QDir::toNativeSeparators(journal->directory()), journalError));
    }
    return adopt(std::move(run), std::move(journal), error);
}

bool RiskSendSession::resume(const QString& runDirectory, QString* error) {
    auto fail = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    if (isActive())
        return fail(tr("A run is still being sent; pause or cancel it before resuming another."));
    auto journal = std::make_unique<RunJournal>(runDirectory);
    QString loadError;
    std::optional<SendRun> run = journal->load(&loadError);
    if (!run)
        return fail(
            tr("The run in %1 cannot be read: %2").arg(QDir::toNativeSeparators(runDirectory), loadError));
    if (run->count(SubjectOutcome::Status::Pending) == 0)
        return fail(tr("The run in %1 has nothing pending.").arg(QDir::toNativeSeparators(runDirectory)));
    return adopt(std::move(*run), std::move(journal), error);
}

bool RiskSendSession::adopt(SendRun run, std::unique_ptr<RunJournal> journal, QString* error) {
    if (SendScheduler* previous = m_scheduler) {
        // The screen may be inside one of its signals right now: it goes later, and its journal
        // lives until then.
        disconnect(previous, nullptr, this, nullptr);
        std::shared_ptr<RunJournal> keep(std::move(m_journal));
        connect(previous, &QObject::destroyed, previous, [keep] {});
        previous->deleteLater();
        m_scheduler = nullptr;
    }
    m_journal = std::move(journal);
    m_scheduler = new SendScheduler(m_client, m_clock, this);
    m_scheduler->setOptions(m_schedulerOptions);
    if (!m_scheduler->setRun(std::move(run), m_journal.get())) {
        if (error)
            *error = tr("The run could not be set up.");
        return false;
    }
    connect(m_scheduler, &SendScheduler::stopped, this, &RiskSendSession::stopped);
    emit runStarted(m_scheduler);
    m_scheduler->start();
    return true;
}

QStringList RiskSendSession::interruptedRuns() const {
    QStringList result;
    const QString active = isActive() ? runDirectory() : QString();
    const QStringList directories = RunJournal::runDirectories(m_journalBase, m_profileId);
    for (const QString& directory : directories) {
        if (directory == active)
            continue;
        const RunSummary summary = RunSummary::read(directory);
        if (summary.readable && !summary.finished && summary.pending > 0)
            result.append(directory);
    }
    return result;
}

QString RiskSendSession::describeRun(const QString& runDirectory) {
    const RunSummary summary = RunSummary::read(runDirectory);
    if (!summary.readable)
        return tr("Run in %1 (unreadable)").arg(QDir::toNativeSeparators(runDirectory));
    const QString when = summary.createdAt.isValid()
                             ? QLocale().toString(summary.createdAt.toLocalTime(),
                                                  tr("d MMM yyyy HH:mm", "date and time format of a run"))
                             : QDir(runDirectory).dirName();
    // No "(s)": the app ships no English plural forms.
    QString text = summary.subjects == 1 ? tr("Run of %1: 1 subject").arg(when)
                                         : tr("Run of %1: %L2 subjects").arg(when).arg(summary.subjects);
    text += tr(", %L1 accepted").arg(summary.accepted);
    if (summary.rejected > 0)
        text += tr(", %L1 rejected").arg(summary.rejected);
    text += tr(", %L1 pending").arg(summary.pending);
    return text;
}

QVector<QByteArray> RiskSendSession::previewBodies(const QVector<RiskSubject>& subjects,
                                                   const BatchPlanner::Options& options, int maxRequests,
                                                   int* totalRequests) {
    const BatchPlanner planner(options);
    // Indices only for the whole batch; bodies just for what is shown.
    const QVector<PlannedRequest> requests = planner.plan(subjects, false);
    if (totalRequests)
        *totalRequests = static_cast<int>(requests.size());
    QVector<QByteArray> bodies;
    const qsizetype shown = qBound(qsizetype(0), qsizetype(maxRequests), requests.size());
    bodies.reserve(shown);
    for (qsizetype i = 0; i < shown; ++i)
        bodies.append(planner.buildBody(subjects, requests[i].subjects));
    return bodies;
}
