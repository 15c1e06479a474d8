#include "riskevents/MessageRules.h"

bool MessageRules::isValid(QStringView message) {
    if (message.size() > MaxLength)
        return false;
    for (QChar c : message)
        if (!isAllowed(c.unicode()))
            return false;
    return true;
}

QList<MessageRules::Violation> MessageRules::check(QStringView message) {
    QList<Violation> violations;
    if (isValid(message))
        return violations;
    if (message.size() > MaxLength) {
        violations.append(
            {Problem::TooLong,
             tr("message is longer than %1 characters (%2)").arg(MaxLength).arg(message.size())});
    }
    qsizetype firstPosition = -1;
    char32_t first = 0;
    qsizetype badCount = 0;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char16_t c = message[i].unicode();
        if (isAllowed(c))
            continue;
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && i + 1 < message.size() &&
            QChar::isLowSurrogate(message[i + 1].unicode())) {
            code = QChar::surrogateToUcs4(c, message[i + 1].unicode());
            if (firstPosition < 0) {
                firstPosition = i;
                first = code;
            }
            ++badCount;
            ++i;
            continue;
        }
        if (firstPosition < 0) {
            firstPosition = i;
            first = code;
        }
        ++badCount;
    }
    if (badCount > 0) {
        QString reason = tr("message may only contain letters, digits, space, '.', '_' and '-': "
                            "found %1 at position %2")
                             .arg(describeCharacter(first))
                             .arg(firstPosition + 1);
        if (badCount > 1)
            reason += tr(" (%1 characters not allowed in all)").arg(badCount);
        violations.append({Problem::BadCharacter, reason});
    }
    return violations;
}

QString MessageRules::describeCharacter(char32_t c) {
    const QString code = QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
    switch (c) {
    case 0:
        return code + QStringLiteral(" (NUL)");
    case u'\t':
        return tr("%1 (tab)").arg(code);
    case u'\n':
        return tr("%1 (line break)").arg(code);
    case u'\r':
        return tr("%1 (carriage return)").arg(code);
    case 0xfffd:
        return tr("%1 (invalid UTF-8 or a replacement character)").arg(code);
    default:
        break;
    }
    if (c > 0x20 && c < 0x7f)
        return QLatin1Char('\'') + QChar(static_cast<char16_t>(c)) + QLatin1Char('\'');
    if (QChar::isPrint(c) && c > 0x7f)
        return QLatin1Char('\'') + QString::fromUcs4(&c, 1) + QStringLiteral("' (") + code + QLatin1Char(')');
    return code;
}

QString MessageRules::clean(QStringView message) {
    if (isValid(message))
        return message.toString();
    QString source = message.toString();
    bool ascii = true;
    for (QChar c : source)
        ascii = ascii && c.unicode() < 0x80;
    if (!ascii)
        source = source.normalized(QString::NormalizationForm_KD); // é -> e + combining accent
    QString out;
    out.reserve(std::min<qsizetype>(source.size(), MaxLength + 1));
    bool replaced = false; // the last thing written stands for removed characters
    for (QChar c : std::as_const(source)) {
        if (isAllowed(c.unicode())) {
            if (c == u' ' && replaced)
                continue; // "a , b" -> "a b", not "a  b"
            out.append(c);
            replaced = false;
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue; // the accent of a folded letter
        } else {
            if (!out.isEmpty() && !out.endsWith(QLatin1Char(' ')))
                out.append(QLatin1Char(' '));
            replaced = true;
        }
        if (out.size() > MaxLength)
            break;
    }
    out.truncate(MaxLength);
    if (replaced && out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}
