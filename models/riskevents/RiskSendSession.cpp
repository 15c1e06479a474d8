#include "riskevents/RiskSendSession.h"

#include "common/Clock.h"
#include "riskevents/SendRun.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <functional>

namespace {

std::optional<QJsonObject> readObject(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

// What the resume prompt and the interrupted-run search need, read from run.json, the outcome
// files and the (small) files of split requests only: subjects.jsonl and plan.json of a
// million-subject run stay unread.
struct RunSummary {
    QDateTime createdAt;
    int subjects = 0;
    int accepted = 0;
    int rejected = 0;
    int pending = 0;
};

std::optional<RunSummary> summarize(const QString& directory) {
    const auto meta = readObject(directory + QStringLiteral("/run.json"));
    if (!meta)
        return std::nullopt;
    RunSummary summary;
    summary.createdAt =
        QDateTime::fromString(meta->value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    summary.subjects = meta->value(QStringLiteral("subjectCount")).toInt(-1);
    const int planned = meta->value(QStringLiteral("plannedRequests")).toInt(-1);
    const int perRequest = qBound(1, meta->value(QStringLiteral("subjectsPerEvent")).toInt(1), 50) *
                           qBound(1, meta->value(QStringLiteral("eventsPerRequest")).toInt(1), 20);
    if (summary.subjects < 0 || planned < 0)
        return std::nullopt;

    struct Outcome {
        QString status;
        int rejected = 0;
        QVector<int> children;
    };
    QHash<int, Outcome> outcomes;
    QHash<int, int> splitSizes; // split request id → subject count
    const QDir requestDir(directory + QStringLiteral("/requests"));
    const QStringList files = requestDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        bool ok = false;
        const int id = name.section(QLatin1Char('.'), 0, 0).toInt(&ok);
        if (!ok || id < 1)
            continue;
        const bool isOutcome = name.endsWith(QLatin1String(".outcome.json"));
        if (!isOutcome && id <= planned)
            continue; // planned sizes follow from the packing
        const auto object = readObject(requestDir.filePath(name));
        if (!object)
            continue;
        if (isOutcome) {
            Outcome outcome;
            outcome.status = object->value(QStringLiteral("status")).toString();
            outcome.rejected = static_cast<int>(object->value(QStringLiteral("rejected")).toArray().size());
            const QJsonArray children = object->value(QStringLiteral("children")).toArray();
            for (const QJsonValue& child : children)
                outcome.children.append(child.toInt());
            outcomes.insert(id, outcome);
        } else {
            splitSizes.insert(id,
                              static_cast<int>(object->value(QStringLiteral("subjects")).toArray().size()));
        }
    }

    // The planner cuts the priority order into full requests and one remainder.
    auto sizeOf = [&](int id) {
        if (id > planned)
            return splitSizes.value(id);
        return qBound(0, summary.subjects - (id - 1) * perRequest, perRequest);
    };
    // Only accepted and rejected subjects are counted; the rest is pending, whatever a damaged
    // journal leaves unexplained included.
    std::function<void(int, int)> visit = [&](int id, int depth) {
        const auto outcome = outcomes.constFind(id);
        if (outcome == outcomes.cend() || depth > 64)
            return;
        if (outcome->status == QLatin1String("accepted")) {
            summary.accepted += sizeOf(id);
        } else if (outcome->status == QLatin1String("processed")) {
            summary.rejected += outcome->rejected;
            for (int child : outcome->children) {
                if (child > planned)
                    visit(child, depth + 1);
            }
        }
    };
    for (int id = 1; id <= planned; ++id)
        visit(id, 0);
    summary.accepted = qMin(summary.accepted, summary.subjects);
    summary.rejected = qMin(summary.rejected, summary.subjects - summary.accepted);
    summary.pending = summary.subjects - summary.accepted - summary.rejected;
    return summary;
}

// state.json says "stopped" with "Completed: …" once the scheduler has settled every subject.
bool isFinished(const QString& directory) {
    const QPair<QString, QString> state = RunJournal(directory).readState();
    return state.first == QLatin1String("stopped") && state.second.startsWith(QLatin1String("Completed"));
}

} // namespace

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
        if (directory == active || isFinished(directory))
            continue;
        const auto summary = summarize(directory);
        if (summary && summary->pending > 0)
            result.append(directory);
    }
    return result;
}

QString RiskSendSession::describeRun(const QString& runDirectory) {
    const auto summary = summarize(runDirectory);
    if (!summary)
        return tr("Run in %1 (unreadable)").arg(QDir::toNativeSeparators(runDirectory));
    const QString when = summary->createdAt.isValid() ? QLocale().toString(summary->createdAt.toLocalTime(),
                                                                           QStringLiteral("d MMM yyyy HH:mm"))
                                                      : QDir(runDirectory).dirName();
    // No "(s)": the app ships no English plural forms.
    QString text = summary->subjects == 1 ? tr("Run of %1: 1 subject").arg(when)
                                          : tr("Run of %1: %L2 subjects").arg(when).arg(summary->subjects);
    text += tr(", %L1 accepted").arg(summary->accepted);
    if (summary->rejected > 0)
        text += tr(", %L1 rejected").arg(summary->rejected);
    text += tr(", %L1 pending").arg(summary->pending);
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
