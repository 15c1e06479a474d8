#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Time formats Okta uses on the wire. Kept apart so the server, the log and the tests agree.
class SandboxTime {
public:
    // RFC 7231 IMF-fixdate, always in English whatever the locale: "Sat, 21 Nov 2026 22:30:00 GMT".
    static QByteArray httpDate(qint64 msecsSinceEpoch);
    // Okta's resource timestamps: "2026-02-18T06:35:08.000Z".
    static QString isoTimestamp(qint64 msecsSinceEpoch);
    // The risk-event format, strictly: yyyy-MM-ddTHH:mm:ss(.SSS)Z, a real calendar date, UTC only.
    static std::optional<qint64> parseStrictUtc(const QString& text);
    // System Log since/until: any ISO 8601 date-time Qt understands; no offset means UTC.
    static std::optional<qint64> parseIso8601(const QString& text);
};
