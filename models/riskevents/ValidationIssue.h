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
};
