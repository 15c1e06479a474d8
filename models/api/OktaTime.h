#pragma once

#include <QDateTime>
#include <QString>

// Okta's timestamps: ISO 8601, UTC ("2025-10-07T06:36:55.000Z"); some examples omit the T or
// the Z ("2021-01-05 22:18:30"), and those are UTC too, never local time.
namespace OktaTime {
QDateTime parse(const QString& text);
// yyyy-MM-ddTHH:mm:ss.SSSZ, as Okta expects in request bodies.
QString format(const QDateTime& dateTime);
} // namespace OktaTime
