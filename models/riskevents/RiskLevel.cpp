#include "riskevents/RiskLevel.h"

namespace RiskLevels {

std::optional<RiskLevel> parse(QStringView text) {
    const QStringView t = text.trimmed();
    if (t.compare(QLatin1String("HIGH"), Qt::CaseInsensitive) == 0)
        return RiskLevel::High;
    if (t.compare(QLatin1String("MEDIUM"), Qt::CaseInsensitive) == 0)
        return RiskLevel::Medium;
    if (t.compare(QLatin1String("LOW"), Qt::CaseInsensitive) == 0)
        return RiskLevel::Low;
    return std::nullopt;
}

QString toString(RiskLevel level) {
    switch (level) {
    case RiskLevel::High:
        return QStringLiteral("HIGH");
    case RiskLevel::Medium:
        return QStringLiteral("MEDIUM");
    case RiskLevel::Low:
        return QStringLiteral("LOW");
    }
    return QStringLiteral("MEDIUM");
}

} // namespace RiskLevels
