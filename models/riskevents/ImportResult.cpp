#include "riskevents/ImportResult.h"

#include <QLocale>

QString ImportResult::summary() const {
    if (!error.isEmpty())
        return error;
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions); // "1,000": C omits group separators
    auto n = [&locale](qint64 v) {
        return locale.toString(v);
    };
    QString text = QStringLiteral("%1 rows: %2 valid (HIGH %3, MEDIUM %4, LOW %5), %6 rejected, %7 merged")
                       .arg(n(rows), n(valid), n(count(RiskLevel::High)), n(count(RiskLevel::Medium)),
                            n(count(RiskLevel::Low)), n(rejected), n(merged));
    if (cleanedMessages > 0)
        text += QStringLiteral(", %1 messages cleaned").arg(n(cleanedMessages));
    if (cancelled)
        text += QStringLiteral(" (cancelled)");
    return text;
}
