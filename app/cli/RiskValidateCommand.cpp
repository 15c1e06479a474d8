#include "cli/RiskValidateCommand.h"

#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/RiskImportStep.h"
#include "cli/RiskValidationReport.h"

bool RiskValidateCommand::configure(const QCommandLineParser& parser, QString* error) {
    return m_input.read(parser, error);
}

void RiskValidateCommand::start() {
    auto* step = new RiskImportStep(this);
    connect(step, &RiskImportStep::finished, this, &RiskValidateCommand::onImported);
    step->start(m_input, &output());
}

void RiskValidateCommand::onImported(const ImportResult& result) {
    if (!result.error.isEmpty()) {
        output().error(result.error);
        finish(ExitCode::Rejected);
        return;
    }
    const RiskValidationReport report(result);
    if (output().isJson())
        output().json(report.json(true));
    else
        output().lines(report.text());
    finish(result.rejected == 0 ? ExitCode::Ok : ExitCode::Rejected);
}
