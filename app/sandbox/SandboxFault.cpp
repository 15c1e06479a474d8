#include "SandboxFault.h"

#include <array>
#include <utility>

namespace {

constexpr int MaxCount = 1000000;

const std::array<std::pair<SandboxFault::Kind, const char*>, 8> kKinds{{
    {SandboxFault::Kind::ServerError, "500"},
    {SandboxFault::Kind::ConnectionReset, "reset"},
    {SandboxFault::Kind::Stall, "stall"},
    {SandboxFault::Kind::MalformedJson, "malformed"},
    {SandboxFault::Kind::RateLimitWithoutHeaders, "429-no-headers"},
    {SandboxFault::Kind::DropResponse, "drop-response"},
    {SandboxFault::Kind::OversizedJson, "oversized"},
    {SandboxFault::Kind::RateLimitDuplicateHeaders, "429-duplicate-headers"},
}};

const QString AfterPrefix = QStringLiteral("after=");

// Kinds whose spec takes a third number: stall:COUNT:DELAY_MS, oversized:COUNT:BYTES.
bool hasParameter(SandboxFault::Kind kind) {
    return kind == SandboxFault::Kind::Stall || kind == SandboxFault::Kind::OversizedJson;
}

bool setError(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}

std::optional<int> parseBoundedInt(const QString& text, int minimum, int maximum) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

QString SandboxFault::kindName(Kind kind) {
    for (const auto& [k, name] : kKinds) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<SandboxFault::Kind> SandboxFault::kindFromName(const QString& name) {
    for (const auto& [k, kindText] : kKinds) {
        if (name == QLatin1String(kindText))
            return k;
    }
    return std::nullopt;
}

QString SandboxFault::kindNames() {
    QStringList names;
    for (const auto& entry : kKinds)
        names << QString::fromLatin1(entry.second);
    return names.join(QStringLiteral(", "));
}

std::optional<SandboxFault> SandboxFault::parse(const QString& spec, QString* error) {
    QStringList parts = spec.trimmed().split(QLatin1Char(':'));
    SandboxFault fault;
    // A trailing part that looks like a path restricts the fault to that prefix.
    if (parts.size() > 1 && parts.last().startsWith(QLatin1Char('/')))
        fault.pathPrefix = parts.takeLast();
    if (parts.size() > 1 && parts.last().startsWith(AfterPrefix)) {
        const QString text = parts.takeLast().mid(AfterPrefix.size());
        const std::optional<int> after = parseBoundedInt(text, 0, MaxCount);
        if (!after) {
            setError(error, QStringLiteral("'after=%1' in '%2' is not a number of requests").arg(text, spec));
            return std::nullopt;
        }
        fault.after = *after;
    }

    const std::optional<Kind> kind = kindFromName(parts.value(0));
    if (!kind) {
        setError(error, QStringLiteral("unknown fault kind '%1' in '%2' (expected one of %3)")
                            .arg(parts.value(0), spec, kindNames()));
        return std::nullopt;
    }
    fault.kind = *kind;
    const int maxParts = hasParameter(fault.kind) ? 3 : 2;
    if (parts.size() > maxParts) {
        const QString expected = fault.kind == Kind::Stall ? QStringLiteral("stall:COUNT:DELAY_MS")
                                 : fault.kind == Kind::OversizedJson
                                     ? QStringLiteral("oversized:COUNT:BYTES")
                                     : parts.value(0) + QStringLiteral(":COUNT");
        setError(error, QStringLiteral("too many parts in fault '%1' (expected %2)").arg(spec, expected));
        return std::nullopt;
    }
    if (parts.size() > 1) {
        const std::optional<int> count = parseBoundedInt(parts.at(1), 1, MaxCount);
        if (!count) {
            setError(
                error,
                QStringLiteral("fault count '%1' in '%2' is not a positive integer").arg(parts.at(1), spec));
            return std::nullopt;
        }
        fault.count = *count;
    }
    if (fault.kind == Kind::Stall) {
        fault.delayMs = DefaultStallMs;
        if (parts.size() > 2) {
            const std::optional<int> delay = parseBoundedInt(parts.at(2), 0, MaxDelayMs);
            if (!delay) {
                setError(error,
                         QStringLiteral("stall delay '%1' in '%2' is not a number of milliseconds (0-%3)")
                             .arg(parts.at(2), spec)
                             .arg(MaxDelayMs));
                return std::nullopt;
            }
            fault.delayMs = *delay;
        }
    }
    if (fault.kind == Kind::OversizedJson) {
        fault.sizeBytes = DefaultOversizedBytes;
        if (parts.size() > 2) {
            const std::optional<int> size = parseBoundedInt(parts.at(2), 1, MaxSizeBytes);
            if (!size) {
                setError(error,
                         QStringLiteral("oversized body size '%1' in '%2' is not a number of bytes (1-%3)")
                             .arg(parts.at(2), spec)
                             .arg(MaxSizeBytes));
                return std::nullopt;
            }
            fault.sizeBytes = *size;
        }
    }
    return fault;
}

std::optional<SandboxFault> SandboxFault::fromJson(const QJsonObject& object, QStringList* causes) {
    QStringList problems;
    SandboxFault fault;
    const QJsonValue kind = object.value(QStringLiteral("kind"));
    const std::optional<Kind> parsedKind = kind.isString() ? kindFromName(kind.toString()) : std::nullopt;
    if (kind.isUndefined() || kind.isNull())
        problems << QStringLiteral("kind: is required (one of %1)").arg(kindNames());
    else if (!parsedKind)
        problems << QStringLiteral("kind: '%1' is not one of %2")
                        .arg(kind.isString() ? kind.toString() : QStringLiteral("non-string"), kindNames());
    else
        fault.kind = *parsedKind;

    const QJsonValue count = object.value(QStringLiteral("count"));
    if (!count.isUndefined() && !count.isNull()) {
        const double value = count.toDouble(-1);
        if (!count.isDouble() || value < 1 || value > MaxCount || value != static_cast<int>(value))
            problems << QStringLiteral("count: must be a positive integer");
        else
            fault.count = static_cast<int>(value);
    }

    const QJsonValue delay = object.value(QStringLiteral("delayMs"));
    if (fault.kind == Kind::Stall)
        fault.delayMs = DefaultStallMs;
    if (!delay.isUndefined() && !delay.isNull()) {
        const double value = delay.toDouble(-1);
        if (!delay.isDouble() || value < 0 || value > MaxDelayMs || value != static_cast<int>(value))
            problems << QStringLiteral("delayMs: must be an integer between 0 and %1").arg(MaxDelayMs);
        else
            fault.delayMs = static_cast<int>(value);
    }

    if (fault.kind == Kind::OversizedJson)
        fault.sizeBytes = DefaultOversizedBytes;
    const QJsonValue size = object.value(QStringLiteral("sizeBytes"));
    if (!size.isUndefined() && !size.isNull()) {
        const double value = size.toDouble(-1);
        if (!size.isDouble() || value < 1 || value > MaxSizeBytes || value != static_cast<int>(value))
            problems << QStringLiteral("sizeBytes: must be an integer between 1 and %1").arg(MaxSizeBytes);
        else
            fault.sizeBytes = static_cast<int>(value);
    }

    const QJsonValue after = object.value(QStringLiteral("after"));
    if (!after.isUndefined() && !after.isNull()) {
        const double value = after.toDouble(-1);
        if (!after.isDouble() || value < 0 || value > MaxCount || value != static_cast<int>(value))
            problems << QStringLiteral("after: must be a number of requests (0 or more)");
        else
            fault.after = static_cast<int>(value);
    }

    const QJsonValue prefix = object.value(QStringLiteral("pathPrefix"));
    if (!prefix.isUndefined() && !prefix.isNull()) {
        if (!prefix.isString() ||
            (!prefix.toString().isEmpty() && !prefix.toString().startsWith(QLatin1Char('/'))))
            problems << QStringLiteral("pathPrefix: must be a path starting with '/'");
        else
            fault.pathPrefix = prefix.toString();
    }

    if (!problems.isEmpty()) {
        if (causes)
            *causes = problems;
        return std::nullopt;
    }
    return fault;
}

QJsonObject SandboxFault::toJson() const {
    QJsonObject object{{QStringLiteral("kind"), kindName(kind)},
                       {QStringLiteral("count"), count},
                       {QStringLiteral("delayMs"), delayMs},
                       {QStringLiteral("pathPrefix"), pathPrefix}};
    // Only where they mean something, so the common faults read as before.
    if (kind == Kind::OversizedJson)
        object.insert(QStringLiteral("sizeBytes"), sizeBytes);
    if (after > 0)
        object.insert(QStringLiteral("after"), after);
    return object;
}

bool SandboxFault::appliesTo(const QString& path) const {
    return pathPrefix.isEmpty() || path.startsWith(pathPrefix);
}
