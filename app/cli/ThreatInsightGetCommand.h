#pragma once

#include "cli/CliCommand.h"

#include <memory>

class ThreatInsightReport;
struct OktaResult;

// `threatinsight get`: the configuration, then the zone list for the excluded zones' names.
class ThreatInsightGetCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "threatinsight get";
    static constexpr const char* Synopsis = "";
    static constexpr const char* Summary = QT_TRANSLATE_NOOP(
        "ThreatInsightGetCommand", "Show the ThreatInsight action and the network zones it ignores.");

    explicit ThreatInsightGetCommand(QObject* parent = nullptr);
    ~ThreatInsightGetCommand() override;

protected:
    void start() override;

private:
    void onConfiguration(const OktaResult& result);
    // What failed, for the messages of a failed or unreadable read.
    static QString readFailed();
    void onZones(const OktaResult& result);

    std::unique_ptr<ThreatInsightReport> m_report;
};
