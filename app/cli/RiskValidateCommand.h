#pragma once

#include "cli/CliCommand.h"
#include "cli/RiskInputOptions.h"
#include "riskevents/ImportResult.h"

// `risk validate FILE`: reads and judges the rows without talking to any org. Exit 0 when no
// row was rejected (merged duplicates are fine), 1 otherwise.
class RiskValidateCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "risk validate";
    static constexpr const char* Synopsis =
        "FILE|- [--default-level LEVEL] [--allow-private] [--format auto|csv|list] [--clean-messages]";
    static constexpr const char* Summary = QT_TRANSLATE_NOOP(
        "RiskValidateCommand", "Check a CSV, TSV or IP list against Okta's risk-event rules.");

    using CliCommand::CliCommand;
    QList<QCommandLineOption> options() const override { return RiskInputOptions::definitions(); }
    bool configure(const QCommandLineParser& parser, QString* error) override;
    bool needsOrg() const override { return false; }
    int maxArguments() const override { return 1; }

protected:
    void start() override;

private:
    void onImported(const ImportResult& result);
    RiskInputOptions m_input;
};
