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
        DropResponse
    };
    Kind kind = Kind::ServerError;
    int count = 1;      // applies to the next `count` matching requests
    int delayMs = 0;    // Stall: answer (normally) after this delay
    QString pathPrefix; // empty = any path; else only requests whose path starts with it

    // A stall given without a delay (spec "stall:2", or JSON without delayMs) holds this long.
    static constexpr int DefaultStallMs = 10000;
    static constexpr int MaxDelayMs = 600000;

    // "500:3", "reset:1", "stall:2:5000", "malformed:1", "429-no-headers:2", "drop-response:1";
    // the count defaults to 1 and an optional last part starting with '/' is the path prefix
    // ("500:2:/api/v1/risk").
    static std::optional<SandboxFault> parse(const QString& spec, QString* error);
    // The admin API's {"kind","count","delayMs","pathPrefix"}; each problem is one cause.
    static std::optional<SandboxFault> fromJson(const QJsonObject& object, QStringList* causes);
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString& name);
    static QString kindNames(); // "500, reset, stall, malformed, 429-no-headers, drop-response"

    QJsonObject toJson() const;
    bool appliesTo(const QString& path) const;
};
