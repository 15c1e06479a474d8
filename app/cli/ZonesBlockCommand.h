#pragma once

#include "cli/ZonesChangeCommand.h"

// `zones block`: ZonesChangeCommand with ZoneAction::Block.
class ZonesBlockCommand : public ZonesChangeCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "zones block";
    static constexpr const char* Synopsis = ZonesChangeCommand::Synopsis;
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("ZonesBlockCommand", "Add IPs, CIDRs or ranges to a BLOCKLIST zone (BlockedIpZone "
                                               "unless --zone): Okta refuses their requests.");

    explicit ZonesBlockCommand(QObject* parent = nullptr);
};
