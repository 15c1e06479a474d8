#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <optional>

// The org's ThreatInsight settings (GET/POST /api/v1/threats/configuration).
struct ThreatInsightConfiguration {
    QString action;           // none | audit | block
    QStringList excludeZones; // Network Zone ids
    QDateTime created;
    QDateTime lastUpdated;

    static const QStringList& actions();
    static bool isValidAction(const QString& action);
    // Okta's one-line meaning of an action, for CLI and UI.
    static QString describeAction(const QString& action);

    // Accepts Okta's object; a missing excludeZones reads as []. Fails (with a reason) when
    // action is missing or excludeZones is not an array of strings.
    static std::optional<ThreatInsightConfiguration> fromJson(const QJsonObject& object, QString* error);
    // The body of an update: {"action":…,"excludeZones":[…]}.
    QJsonObject toUpdateJson() const;
};
