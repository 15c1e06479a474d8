#pragma once

#include "cli/CliCommand.h"

#include <QStringList>
#include <optional>

struct OktaResult;

// `threatinsight set`: lists zones (to resolve names and to name the result), reads the current
// configuration when the excluded zones are to be kept, POSTs the new one and prints it.
class ThreatInsightSetCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "threatinsight set";
    static constexpr const char* Synopsis =
        "--action none|audit|block [--exclude-zone NAME_OR_ID]... [--clear-zones]";
    static constexpr const char* Summary = QT_TRANSLATE_NOOP(
        "ThreatInsightSetCommand", "Change the ThreatInsight action; excluded zones are kept unless "
                                   "--exclude-zone or --clear-zones is given.");

    using CliCommand::CliCommand;

    QList<QCommandLineOption> options() const override;
    bool configure(const QCommandLineParser& parser, QString* error) override;

protected:
    void start() override;

private:
    enum class ZoneChange { Keep, Replace, Clear };

    void onZonesListed(const OktaResult& result);
    bool resolveZoneArguments();
    void onCurrentConfiguration(const OktaResult& result);
    void sendUpdate();
    void onUpdated(const OktaResult& result);

    QString m_action;
    ZoneChange m_zoneChange = ZoneChange::Keep;
    QStringList m_zoneArguments;
    QStringList m_zoneIds;
    std::optional<ZoneCatalogue> m_catalogue;
    QString m_zonesError;
};
