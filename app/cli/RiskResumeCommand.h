#pragma once

#include "cli/CliCommand.h"

// `risk resume [--run ID]`: continues the newest run of this org that still has pending
// subjects (after a crash, a quit, a cancel or exhausted retries), from its journal.
class RiskResumeCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "risk resume";
    static constexpr const char* Synopsis = "[--run ID]";
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("RiskResumeCommand", "Continue an interrupted risk-event run from its journal.");

    using CliCommand::CliCommand;
    QList<QCommandLineOption> options() const override;
    bool configure(const QCommandLineParser& parser, QString* error) override;

protected:
    void start() override;

private:
    QString m_runId;
};
