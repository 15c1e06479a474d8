#pragma once

#include <QStringList>

// The OAuth scopes each feature needs, so the profile editor can preselect them and the UI can
// explain a 403 by naming the scope that was not granted.
class ScopeSets {
public:
    enum class Feature {
        ThreatInsightRead,
        ThreatInsightManage,
        NetworkZonesRead,
        NetworkZonesManage,
        RiskEvents,
        RiskProviders,
        Logs,
    };

    static QStringList scopesFor(Feature feature);
    // Every scope ThreatDesk knows, in a stable order (the editor's check list).
    static QStringList allScopes();
    // What a new OAuth profile starts with: enough for every feature ThreatDesk offers.
    static QStringList defaultScopes();
    static bool isKnownScope(const QString& scope);
    // The scopes of `feature` missing from `granted`; empty when the feature is usable.
    static QStringList missingFor(Feature feature, const QStringList& granted);
};
