#pragma once

#include <QByteArray>
#include <QMap>
#include <QUrl>

// RFC 8288 Link header values, as Okta sends them for paging:
// <https://org/api/v1/zones?after=x&limit=2>; rel="next", <…>; rel="self"
namespace LinkHeader {
// rel name (lower case) -> target; the first link with a given rel wins.
QMap<QString, QUrl> parse(const QByteArray& value);
QUrl next(const QByteArray& value);
} // namespace LinkHeader
