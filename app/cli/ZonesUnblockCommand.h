#pragma once

#include "cli/ZonesChangeCommand.h"

// `zones unblock`: ZonesChangeCommand with ZoneAction::Unblock.
class ZonesUnblockCommand : public ZonesChangeCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "zones unblock";
    static constexpr const char* Synopsis = ZonesChangeCommand::Synopsis;
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("ZonesUnblockCommand",
                          "Remove IPs, CIDRs or ranges from a BLOCKLIST zone (BlockedIpZone unless --zone).");

    explicit ZonesUnblockCommand(QObject* parent = nullptr);
};
