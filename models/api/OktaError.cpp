#include "api/OktaError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

std::optional<OktaError> OktaError::fromJson(const QByteArray& body) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    OktaError e;
    if (o.contains(QLatin1String("errorCode")) || o.contains(QLatin1String("errorSummary"))) {
        e.errorCode = o.value(QLatin1String("errorCode")).toString();
        e.errorSummary = o.value(QLatin1String("errorSummary")).toString();
        e.errorLink = o.value(QLatin1String("errorLink")).toString();
        e.errorId = o.value(QLatin1String("errorId")).toString();
        for (const QJsonValue& cause : o.value(QLatin1String("errorCauses")).toArray()) {
            const QString summary = cause.toObject().value(QLatin1String("errorSummary")).toString();
            if (!summary.isEmpty())
                e.errorCauses.append(summary);
        }
    } else if (o.contains(QLatin1String("error"))) {
        e.errorCode = o.value(QLatin1String("error")).toString();
        e.errorSummary = o.value(QLatin1String("error_description")).toString();
    }
    if (e.isEmpty())
        return std::nullopt;
    return e;
}
