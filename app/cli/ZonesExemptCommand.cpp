#include "cli/ZonesExemptCommand.h"

ZonesExemptCommand::ZonesExemptCommand(QObject* parent)
    : ZonesChangeCommand(ZoneAction::Exempt, parent) {}
