#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace MessageRulesDetail {
// One lookup per character: this runs over every message of a million-row import.
struct AllowedTable {
    bool allowed[128] = {};
    constexpr AllowedTable() {
        for (int c = 0; c < 128; ++c)
            allowed[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                         c == ' ' || c == '.' || c == '_' || c == '-';
    }
};
inline constexpr AllowedTable kAllowed{};
} // namespace MessageRulesDetail

// Okta's rule for a subject's optional `message`: at most 512 characters, only letters, digits,
// space, '.', '_' and '-'. Import never edits a message on its own; clean() is the explicit
// "clean messages" action the user asks for.
class MessageRules {
    Q_DECLARE_TR_FUNCTIONS(MessageRules)
public:
    static constexpr qsizetype MaxLength = 512;

    enum class Problem { TooLong, BadCharacter };
    struct Violation {
        Problem problem;
        QString reason;
    };

    static bool isAllowed(char16_t c) { return c < 128 && MessageRulesDetail::kAllowed.allowed[c]; }
    // Fast check used on every imported row.
    static bool isValid(QStringView message);
    // One violation per broken rule (length, characters); empty when the message is valid.
    static QList<Violation> check(QStringView message);
    // Folds accents (é -> e), replaces every other character that is not allowed by a space
    // (runs of them by one), trims, and cuts to 512 characters. Valid messages come back unchanged.
    static QString clean(QStringView message);
    // How a character is shown in a reason: ',' or U+0009 (tab).
    static QString describeCharacter(char32_t c);
};
