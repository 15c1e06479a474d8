#include "profiles/ScopeSets.h"

namespace {
const QString kThreatInsightsRead = QStringLiteral("okta.threatInsights.read");
const QString kThreatInsightsManage = QStringLiteral("okta.threatInsights.manage");
const QString kNetworkZonesRead = QStringLiteral("okta.networkZones.read");
const QString kNetworkZonesManage = QStringLiteral("okta.networkZones.manage");
const QString kRiskEventsManage = QStringLiteral("okta.riskEvents.manage");
const QString kRiskProvidersRead = QStringLiteral("okta.riskProviders.read");
const QString kLogsRead = QStringLiteral("okta.logs.read");
} // namespace

QStringList ScopeSets::scopesFor(Feature feature) {
    switch (feature) {
    case Feature::ThreatInsightRead:
        return {kThreatInsightsRead};
    case Feature::ThreatInsightManage:
        return {kThreatInsightsManage};
    case Feature::NetworkZonesRead:
        return {kNetworkZonesRead};
    case Feature::NetworkZonesManage:
        return {kNetworkZonesManage};
    case Feature::RiskEvents:
        return {kRiskEventsManage};
    case Feature::RiskProviders:
        return {kRiskProvidersRead};
    case Feature::Logs:
        return {kLogsRead};
    }
    return {};
}

QStringList ScopeSets::allScopes() {
    return {kThreatInsightsRead, kThreatInsightsManage, kNetworkZonesRead, kNetworkZonesManage,
            kRiskEventsManage,   kRiskProvidersRead,    kLogsRead};
}

QStringList ScopeSets::defaultScopes() {
    // Zone management is left out: only the block-an-IP workflow needs it, and least privilege
    // is the better default.
    return {kThreatInsightsRead, kThreatInsightsManage, kNetworkZonesRead,
            kRiskEventsManage,   kRiskProvidersRead,    kLogsRead};
}

bool ScopeSets::isKnownScope(const QString& scope) {
    return allScopes().contains(scope);
}

QStringList ScopeSets::missingFor(Feature feature, const QStringList& granted) {
    QStringList missing;
    for (const QString& scope : scopesFor(feature)) {
        // A manage scope includes read access on Okta's side.
        QString manage = scope;
        manage.replace(QLatin1String(".read"), QLatin1String(".manage"));
        if (!granted.contains(scope) && !(scope.endsWith(QLatin1String(".read")) && granted.contains(manage)))
            missing << scope;
    }
    return missing;
}
