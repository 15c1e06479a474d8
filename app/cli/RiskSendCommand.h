#pragma once

#include "cli/CliCommand.h"
#include "cli/RiskInputOptions.h"
#include "riskevents/ImportResult.h"

#include <optional>

// `risk send FILE`: validates, plans (HIGH first, 50 subjects per event, 20 events per request),
// journals and delivers within the rate budget. With --dry-run it prints the exact request
// bodies instead and talks to no org. Exit 0 only when every row was accepted.
class RiskSendCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "risk send";
    static constexpr const char* Synopsis =
        "FILE|- [--default-level LEVEL] [--allow-private] [--format auto|csv|list] [--clean-messages] "
        "[--expires-in DURATION] [--dry-run]";
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("RiskSendCommand", "Send IP risk events to Okta within its rate limit.");

    using CliCommand::CliCommand;
    QList<QCommandLineOption> options() const override;
    bool configure(const QCommandLineParser& parser, QString* error) override;
    bool needsOrg() const override { return !m_dryRun; }
    int maxArguments() const override { return 1; }

    // "24h", "90m", "3600s", "2d" or plain seconds; empty when unreadable or not positive.
    static std::optional<qint64> parseDuration(const QString& text);

protected:
    void start() override;

private:
    void onImported(const ImportResult& result);
    void printDryRun(const ImportResult& result);

    RiskInputOptions m_input;
    std::optional<qint64> m_timeToLiveSeconds;
    bool m_dryRun = false;
};
