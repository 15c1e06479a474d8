#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// One injected misbehaviour. Faults let tests and demos exercise the client's retry,
// back-off and "did it arrive?" logic without a real, flaky network.
struct SandboxFault {
    enum class Kind {
        ServerError,
        ConnectionReset,
        Stall,
        MalformedJson,
        RateLimitWithoutHeaders,
        DropResponse,
        OversizedJson,             // processed; the answer's JSON body inflated to `sizeBytes`
        RateLimitDuplicateHeaders, // a 429 whose X-Rate-Limit-* headers come twice, conflicting
    };
    Kind kind = Kind::ServerError;
    int count = 1;      // applies to the next `count` matching requests
    int delayMs = 0;    // Stall: answer (normally) after this delay
    QString pathPrefix; // empty = any path; else only requests whose path starts with it
    int sizeBytes = 0;  // OversizedJson: the body is at least this long
    int after = 0;      // the first `after` matching requests pass untouched ("fail the third one")

    // A stall given without a delay (spec "stall:2", or JSON without delayMs) holds this long.
    static constexpr int DefaultStallMs = 10000;
    static constexpr int MaxDelayMs = 600000;
    // Just past the client's 32 MiB response cap unless a size is given.
    static constexpr int DefaultOversizedBytes = 33 * 1024 * 1024;
    static constexpr int MaxSizeBytes = 256 * 1024 * 1024;

    // "500:3", "reset:1", "stall:2:5000", "malformed:1", "429-no-headers:2", "drop-response:1",
    // "oversized:1:BYTES", "429-duplicate-headers:2"; the count defaults to 1, an optional part
    // "after=N" lets the first N matching requests pass, and an optional last part starting with
    // '/' is the path prefix ("500:2:after=1:/api/v1/risk").
    static std::optional<SandboxFault> parse(const QString& spec, QString* error);
    // The admin API's {"kind","count","delayMs","pathPrefix","sizeBytes","after"}; each problem
    // is one cause.
    static std::optional<SandboxFault> fromJson(const QJsonObject& object, QStringList* causes);
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString& name);
    // "500, reset, stall, malformed, 429-no-headers, drop-response, oversized, 429-duplicate-headers"
    static QString kindNames();

    QJsonObject toJson() const;
    bool appliesTo(const QString& path) const;
};
