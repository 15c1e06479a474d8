#pragma once

#include "cli/ZonesChangeCommand.h"

// `zones unexempt`: ZonesChangeCommand with ZoneAction::Unexempt.
class ZonesUnexemptCommand : public ZonesChangeCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "zones unexempt";
    static constexpr const char* Synopsis = ZonesChangeCommand::Synopsis;
    static constexpr const char* Summary = QT_TRANSLATE_NOOP(
        "ZonesUnexemptCommand", "Remove IPs, CIDRs or ranges from DefaultExemptIpZone (or --zone).");

    explicit ZonesUnexemptCommand(QObject* parent = nullptr);
};
