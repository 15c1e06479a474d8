#pragma once

#include <QString>
#include <optional>

// Okta's subject riskLevel. The numeric order is the sending priority: HIGH goes first.
enum class RiskLevel : quint8 { High = 0, Medium = 1, Low = 2 };

namespace RiskLevels {
// LOW/MEDIUM/HIGH in any case, surrounding blanks ignored.
std::optional<RiskLevel> parse(QStringView text);
// Upper case, as sent to Okta.
QString toString(RiskLevel level);
// True when `a` outranks `b` (HIGH > MEDIUM > LOW).
inline bool outranks(RiskLevel a, RiskLevel b) {
    return static_cast<quint8>(a) < static_cast<quint8>(b);
}
} // namespace RiskLevels
