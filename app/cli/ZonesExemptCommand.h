#pragma once

#include "cli/ZonesChangeCommand.h"

// `zones exempt`: ZonesChangeCommand with ZoneAction::Exempt.
class ZonesExemptCommand : public ZonesChangeCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "zones exempt";
    static constexpr const char* Synopsis = ZonesChangeCommand::Synopsis;
    static constexpr const char* Summary = QT_TRANSLATE_NOOP(
        "ZonesExemptCommand",
        "Add IPs, CIDRs or ranges to DefaultExemptIpZone (or --zone), whose IPs ThreatInsight never flags.");

    explicit ZonesExemptCommand(QObject* parent = nullptr);
};
