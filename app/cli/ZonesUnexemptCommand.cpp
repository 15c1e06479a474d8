#include "cli/ZonesUnexemptCommand.h"

ZonesUnexemptCommand::ZonesUnexemptCommand(QObject* parent)
    : ZonesChangeCommand(ZoneAction::Unexempt, parent) {}
