#include "cli/RiskResumeCommand.h"

#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/RiskDelivery.h"
#include "riskevents/RunJournal.h"
#include "riskevents/RunSummary.h"

#include <QCommandLineParser>
#include <QDir>

namespace {
const QString RunOption = QStringLiteral("run");
}

QList<QCommandLineOption> RiskResumeCommand::options() const {
    return {QCommandLineOption(RunOption, tr("The run to continue (default: the newest unfinished)."),
                               QStringLiteral("ID"))};
}

bool RiskResumeCommand::configure(const QCommandLineParser& parser, QString* error) {
    m_runId = parser.value(RunOption).trimmed();
    if (parser.isSet(RunOption) && m_runId.isEmpty()) {
        *error = tr("--run needs a run id.");
        return false;
    }
    return true;
}

void RiskResumeCommand::start() {
    const QString profile = RiskDelivery::profileIdFor(client());
    const QString base = RunJournal::defaultBaseDirectory();
    QStringList candidates = RunJournal::runDirectories(base, profile);
    if (!m_runId.isEmpty()) {
        const QString wanted = RunJournal::runDirectory(base, profile, m_runId);
        candidates = candidates.contains(wanted) ? QStringList{wanted} : QStringList();
        if (candidates.isEmpty()) {
            output().error(tr("no run '%1' for %2.").arg(m_runId, profile));
            finish(ExitCode::Rejected);
            return;
        }
    }
    for (const QString& directory : std::as_const(candidates)) {
        // Settled runs are passed over on their summary (no subjects read): loading every old
        // run in full would make each `risk resume` slower than the last.
        if (m_runId.isEmpty()) {
            const RunSummary summary = RunSummary::read(directory);
            if (summary.readable && summary.error.isEmpty() && summary.pending == 0)
                continue;
        }
        auto journal = std::make_unique<RunJournal>(directory);
        QString error;
        std::optional<SendRun> run = journal->load(&error);
        if (!run) {
            output().warning(tr("%1 cannot be read: %2").arg(directory, error));
            continue;
        }
        if (run->count(SubjectOutcome::Status::Pending) == 0) {
            if (!m_runId.isEmpty()) {
                output().line(tr("run %1 has nothing pending.").arg(m_runId));
                finish(ExitCode::Ok);
                return;
            }
            continue;
        }
        // Says which run (a user may have several) and where it stood when its last session ended.
        output().progress(tr("resuming run %1 (created %2): accepted %3, rejected %4, pending %5 of %6")
                              .arg(run->runId, run->createdAt.toString(Qt::ISODate))
                              .arg(run->count(SubjectOutcome::Status::Accepted))
                              .arg(run->count(SubjectOutcome::Status::Rejected))
                              .arg(run->count(SubjectOutcome::Status::Pending))
                              .arg(run->subjects.size()));
        for (const QString& damaged : std::as_const(run->damaged))
            output().warning(tr("damaged journal file %1; its request is sent again.").arg(damaged));
        auto* delivery = new RiskDelivery(client(), &output(), this);
        connect(delivery, &RiskDelivery::finished, this, [this](int code) { finish(code); });
        if (!delivery->begin(std::move(*run), std::move(journal), 0, &error)) {
            output().error(error);
            finish(ExitCode::Failure);
        }
        return;
    }
    output().line(tr("no unfinished run for %1.").arg(profile));
    finish(ExitCode::Ok);
}
