#include "cli/ZonesUnblockCommand.h"

ZonesUnblockCommand::ZonesUnblockCommand(QObject* parent)
    : ZonesChangeCommand(ZoneAction::Unblock, parent) {}
