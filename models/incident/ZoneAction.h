#pragma once

#include <QString>

// The four incident-response edits of a zone's gateways. Block/Unblock work on a BLOCKLIST zone
// (BlockedIpZone unless the admin names another), Exempt/Unexempt on DefaultExemptIpZone, whose
// IPs ThreatInsight never flags.
enum class ZoneAction { Block, Unblock, Exempt, Unexempt };

namespace ZoneActions {
// "block" | "unblock" | "exempt" | "unexempt" (CLI words, history records).
QString word(ZoneAction action);
// False when `word` names no action.
bool fromWord(const QString& word, ZoneAction* action);
bool adds(ZoneAction action);       // Block, Exempt
bool isBlocking(ZoneAction action); // Block, Unblock
// The zone used when the admin names none: "BlockedIpZone" or "DefaultExemptIpZone".
QString defaultZoneName(ZoneAction action);
} // namespace ZoneActions
