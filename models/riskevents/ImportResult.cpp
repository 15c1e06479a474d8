#include "riskevents/ImportResult.h"

#include "common/Translations.h"

#include <QCoreApplication>
#include <QLocale>

#include <climits>

QString ImportResult::summary() const {
    if (!error.isEmpty())
        return error;
    const QLocale locale = Translations::numberLocale();
    auto n = [&locale](qint64 v) {
        return locale.toString(v);
    };
    // The counts pick the singular or plural; the numbers are grouped as the language writes them.
    const int rowsForm = static_cast<int>(qMin(rows, qint64(INT_MAX)));
    const int cleanedForm = static_cast<int>(qMin(cleanedMessages, qint64(INT_MAX)));
    QString text =
        QCoreApplication::translate("ImportResult",
                                    "%1 rows: %2 valid (HIGH %3, MEDIUM %4, LOW %5), %6 rejected, %7 merged",
                                    nullptr, rowsForm)
            .arg(n(rows), n(valid), n(count(RiskLevel::High)), n(count(RiskLevel::Medium)),
                 n(count(RiskLevel::Low)), n(rejected), n(merged));
    if (cleanedMessages > 0)
        text += QCoreApplication::translate("ImportResult", ", %1 messages cleaned", nullptr, cleanedForm)
                    .arg(n(cleanedMessages));
    if (cancelled)
        text += QCoreApplication::translate("ImportResult", " (cancelled)");
    return text;
}
