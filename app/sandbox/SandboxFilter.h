#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The subset of Okta's SCIM-like filter syntax the sandbox understands:
//   attr eq "text" | attr eq true | attr sw "prefix", combined with and / or and parentheses
// ("and" binds tighter than "or"). Attributes may be dotted paths ("outcome.result"). Anything
// else is refused with a message rather than silently matching everything.
class SandboxFilter {
public:
    static std::optional<SandboxFilter> parse(const QString& text, const QStringList& attributes,
                                              QString* error);
    bool matches(const QJsonObject& object) const;

private:
    struct Node {
        enum class Kind { Compare, And, Or };
        Kind kind = Kind::Compare;
        QString attribute;
        QString op; // "eq" or "sw"
        QJsonValue value;
        std::vector<Node> children;
    };
    class Parser;

    static bool evaluate(const Node& node, const QJsonObject& object);

    Node m_root;
};
