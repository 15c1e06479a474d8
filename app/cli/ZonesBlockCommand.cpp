#include "cli/ZonesBlockCommand.h"

ZonesBlockCommand::ZonesBlockCommand(QObject* parent)
    : ZonesChangeCommand(ZoneAction::Block, parent) {}
