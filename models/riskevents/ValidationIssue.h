#pragma once

#include <QString>

// One reason a row was rejected, or merged into another: which line, which field, which rule,
// and the value as given. Every rejected or merged row yields one (and the user sees it).
struct ValidationIssue {
    enum class Kind { Rejected, Merged };
    Kind kind = Kind::Rejected;
    qint64 line = 0;
    QString field; // "ip", "riskLevel", "message", "row"
    QString value; // as given (truncated for display by the UI, never here)
    QString
        reason; // human sentence naming the rule, e.g. "CIDR ranges are not accepted: give a single address"
    // The whole row, so a table can show and edit every field, not only the one at fault; set on
    // every issue of the row. Rejected: the fields as given, trimmed (empty when the row could not
    // be split into fields). Merged: the merged row's validated values (canonical ip, level as
    // HIGH/MEDIUM/LOW, checked message). Only rows with issues carry them.
    QString rowIp{};
    QString rowLevel{};
    QString rowMessage{};
};
