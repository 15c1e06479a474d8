#include "riskevents/RiskProvider.h"

#include "api/OktaTime.h"
#include <QCoreApplication>

std::optional<RiskProvider> RiskProvider::fromJson(const QJsonObject& object, QString* error) {
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
    // Okta's own example uses "2021-01-05 22:18:30" (no T, no Z): OktaTime reads it as UTC.
    auto timestamp = [&object](const char* key) {
        return OktaTime::parse(object.value(QLatin1String(key)).toString());
    };
    provider.created = timestamp("created");
    provider.lastUpdated = timestamp("lastUpdated");
    return provider;
}
