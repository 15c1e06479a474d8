#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

// A registered risk provider (GET /api/v1/risk/providers): sending IP risk events needs one
// whose clientId is the service app holding the token.
struct RiskProvider {
    QString id;
    QString name;
    QString clientId;
    QString action; // none | log_only | enforce_and_log
    QDateTime created;
    QDateTime lastUpdated;

    static std::optional<RiskProvider> fromJson(const QJsonObject& object, QString* error);
};
