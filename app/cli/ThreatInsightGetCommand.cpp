#include "cli/ThreatInsightGetCommand.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/PagedListJob.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/ThreatInsightReport.h"

ThreatInsightGetCommand::ThreatInsightGetCommand(QObject* parent)
    : CliCommand(parent) {}

ThreatInsightGetCommand::~ThreatInsightGetCommand() = default;

QString ThreatInsightGetCommand::readFailed() {
    return tr("reading the ThreatInsight configuration failed");
}

void ThreatInsightGetCommand::start() {
    OktaJob* job = client()->getThreatInsightConfiguration();
    connect(job, &OktaJob::finished, this, &ThreatInsightGetCommand::onConfiguration);
}

void ThreatInsightGetCommand::onConfiguration(const OktaResult& result) {
    if (!result.isSuccess()) {
        finish(output().failure(readFailed(), result));
        return;
    }
    QString error;
    auto report = ThreatInsightReport::fromResult(result, &error);
    if (!report) {
        finish(unreadableAnswer(readFailed(), result, error));
        return;
    }
    m_report = std::make_unique<ThreatInsightReport>(std::move(*report));
    if (m_report->configuration().excludeZones.isEmpty()) {
        // No ids to name: spare the org a zone listing.
        m_report->print(output());
        finish(ExitCode::Ok);
        return;
    }
    PagedListJob* zones = client()->listZones();
    connect(zones, &OktaJob::finished, this, &ThreatInsightGetCommand::onZones);
}

void ThreatInsightGetCommand::onZones(const OktaResult& result) {
    // Names are a convenience: a failed listing (e.g. a token without okta.networkZones.read)
    // still shows the configuration, with the ids and the reason.
    if (result.isSuccess())
        m_report->setZones(catalogueFrom(result));
    else
        m_report->setZoneNamesUnavailable(result.describe());
    m_report->print(output());
    finish(ExitCode::Ok);
}
