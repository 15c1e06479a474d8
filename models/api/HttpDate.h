#pragma once

#include <QByteArray>
#include <QDateTime>

// HTTP dates (RFC 7231 section 7.1.1.1): parsing accepts the three historic forms, formatting
// always gives IMF-fixdate in English whatever the locale.
namespace HttpDate {
QDateTime parse(const QByteArray& value);
QByteArray format(const QDateTime& utc);
} // namespace HttpDate
