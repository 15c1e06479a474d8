#include "riskevents/RiskProvider.h"

#include <QCoreApplication>

std::optional<RiskProvider> RiskProvider::fromJson(const QJsonObject& object, QString* error)
{
    RiskProvider provider;
    provider.id = object.value(QLatin1String("id")).toString();
    provider.name = object.value(QLatin1String("name")).toString();
    provider.clientId = object.value(QLatin1String("clientId")).toString();
    provider.action = object.value(QLatin1String("action")).toString();
    if (provider.id.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("RiskProvider", "a risk provider without id");
        return std::nullopt;
    }
    // Okta's own example uses "2021-01-05 22:18:30" (no T); accept both forms.
    auto timestamp = [&object](const char* key) {
        const QString text = object.value(QLatin1String(key)).toString();
        QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return t;
    };
    provider.created = timestamp("created");
    provider.lastUpdated = timestamp("lastUpdated");
    return provider;
}
