#include "cli/RiskSendCommand.h"

#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/RiskDelivery.h"
#include "cli/RiskImportStep.h"
#include "cli/RiskValidationReport.h"
#include "common/SystemClock.h"
#include "riskevents/BatchPlanner.h"
#include "riskevents/SendRun.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QString ExpiresInOption = QStringLiteral("expires-in");
const QString DryRunOption = QStringLiteral("dry-run");
} // namespace

QList<QCommandLineOption> RiskSendCommand::options() const {
    QList<QCommandLineOption> all = RiskInputOptions::definitions();
    all.append(QCommandLineOption(ExpiresInOption,
                                  tr("Set expiresAt this long after the events' timestamp, e.g. 24h, "
                                     "90m, 2d (Okta's default: 24 h after it consumes the event)."),
                                  QStringLiteral("DURATION")));
    all.append(
        QCommandLineOption(DryRunOption, tr("Print the exact request bodies instead of sending them.")));
    return all;
}

std::optional<qint64> RiskSendCommand::parseDuration(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    qint64 unit = 1;
    QString number = t;
    const QChar suffix = t.back();
    if (!suffix.isDigit()) {
        number.chop(1);
        if (suffix == QLatin1Char('s'))
            unit = 1;
        else if (suffix == QLatin1Char('m'))
            unit = 60;
        else if (suffix == QLatin1Char('h'))
            unit = 3600;
        else if (suffix == QLatin1Char('d'))
            unit = 86400;
        else
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    if (!ok || value <= 0 || value > 3650LL * 86400 / unit)
        return std::nullopt;
    return value * unit;
}

bool RiskSendCommand::configure(const QCommandLineParser& parser, QString* error) {
    if (!m_input.read(parser, error))
        return false;
    m_dryRun = parser.isSet(DryRunOption);
    if (parser.isSet(ExpiresInOption)) {
        m_timeToLiveSeconds = parseDuration(parser.value(ExpiresInOption));
        if (!m_timeToLiveSeconds) {
            *error = tr("--expires-in '%1' is not a positive duration like 24h, 90m or 2d.")
                         .arg(parser.value(ExpiresInOption));
            return false;
        }
    }
    return true;
}

void RiskSendCommand::start() {
    auto* step = new RiskImportStep(this);
    connect(step, &RiskImportStep::finished, this, &RiskSendCommand::onImported);
    step->start(m_input, &output());
}

void RiskSendCommand::onImported(const ImportResult& result) {
    if (!result.error.isEmpty()) {
        output().error(result.error);
        finish(ExitCode::Rejected);
        return;
    }
    const RiskValidationReport report(result);
    if (!output().isJson())
        output().lines(report.text());
    if (m_dryRun) {
        printDryRun(result);
        return;
    }
    if (result.subjects.isEmpty()) {
        if (output().isJson())
            output().json(report.json(false));
        output().error(tr("nothing to send: no valid row."));
        finish(result.rejected == 0 ? ExitCode::Ok : ExitCode::Rejected);
        return;
    }
    BatchPlanner::Options plan;
    plan.timeToLiveSeconds = m_timeToLiveSeconds;
    const QDateTime now = SystemClock::instance()->nowUtc();
    const QString profile = RiskDelivery::profileIdFor(client());
    // Otherwise the folder of a run killed while being written (up to ~70 MB) stays forever.
    RunJournal::removeAbandoned(RunJournal::defaultBaseDirectory(), profile, now);
    SendRun run = SendRun::plan(result.subjects, plan, profile, RunJournal::newRunId(now), now);
    auto journal = std::make_unique<RunJournal>(
        RunJournal::runDirectory(RunJournal::defaultBaseDirectory(), profile, run.runId));
    QString error;
    if (!journal->create(run, &error)) {
        // Nothing is sent that is not written down first.
        output().error(tr("the run cannot be written to %1: %2").arg(journal->directory(), error));
        finish(ExitCode::Failure);
        return;
    }
    auto* delivery = new RiskDelivery(client(), &output(), this);
    delivery->setJsonExtra({{QStringLiteral("validation"), report.json(false)}});
    connect(delivery, &RiskDelivery::finished, this, [this](int code) { finish(code); });
    if (!delivery->begin(std::move(run), std::move(journal), result.rejected, &error)) {
        output().error(error);
        finish(ExitCode::Failure);
    }
}

void RiskSendCommand::printDryRun(const ImportResult& result) {
    BatchPlanner::Options options;
    options.timeToLiveSeconds = m_timeToLiveSeconds;
    const BatchPlanner planner(options);
    const QVector<PlannedRequest> requests = planner.plan(result.subjects, true);
    if (output().isJson()) {
        QJsonArray bodies;
        for (const PlannedRequest& request : requests)
            bodies.append(QJsonDocument::fromJson(request.body).array());
        QJsonObject out = RiskValidationReport(result).json(false);
        out.insert(QStringLiteral("requests"), bodies);
        output().json(out);
    } else {
        for (const PlannedRequest& request : requests) {
            output().line(tr("# request %1 of %2: POST /api/v1/risk/events/ip, %3 subjects")
                              .arg(request.id)
                              .arg(requests.size())
                              .arg(request.subjects.size()));
            output().line(QString::fromUtf8(request.body));
        }
    }
    finish(result.rejected == 0 ? ExitCode::Ok : ExitCode::Rejected);
}
