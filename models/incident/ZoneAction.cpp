#include "incident/ZoneAction.h"

namespace ZoneActions {

QString word(ZoneAction action) {
    switch (action) {
    case ZoneAction::Block:
        return QStringLiteral("block");
    case ZoneAction::Unblock:
        return QStringLiteral("unblock");
    case ZoneAction::Exempt:
        return QStringLiteral("exempt");
    case ZoneAction::Unexempt:
        return QStringLiteral("unexempt");
    }
    return {};
}

bool fromWord(const QString& word, ZoneAction* action) {
    for (ZoneAction candidate :
         {ZoneAction::Block, ZoneAction::Unblock, ZoneAction::Exempt, ZoneAction::Unexempt}) {
        if (ZoneActions::word(candidate) == word) {
            if (action)
                *action = candidate;
            return true;
        }
    }
    return false;
}

bool adds(ZoneAction action) {
    return action == ZoneAction::Block || action == ZoneAction::Exempt;
}

bool isBlocking(ZoneAction action) {
    return action == ZoneAction::Block || action == ZoneAction::Unblock;
}

QString defaultZoneName(ZoneAction action) {
    return isBlocking(action) ? QStringLiteral("BlockedIpZone") : QStringLiteral("DefaultExemptIpZone");
}

} // namespace ZoneActions
