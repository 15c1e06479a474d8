#include "SandboxIpAddress.h"

#include <QHostAddress>
#include <QStringList>

#include <cstring>

namespace {

bool isDecimal(const QString& text) {
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool isHexGroup(const QString& group) {
    if (group.isEmpty() || group.size() > 4)
        return false;
    for (const QChar c : group) {
        const bool hex = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                         (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
                         (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
        if (!hex)
            return false;
    }
    return true;
}

bool allHexGroups(const QString& part, int* groups) {
    *groups = 0;
    if (part.isEmpty())
        return true;
    const QStringList list = part.split(QLatin1Char(':'));
    for (const QString& group : list) {
        if (!isHexGroup(group))
            return false;
    }
    *groups = static_cast<int>(list.size());
    return true;
}

bool isPrefixLength(const QString& text, int maximum) {
    if (!isDecimal(text) || text.size() > 3 || (text.size() > 1 && text.at(0) == QLatin1Char('0')))
        return false;
    return text.toInt() <= maximum;
}

} // namespace

bool SandboxIpAddress::isIpv4(const QString& text) {
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString& part : parts) {
        if (!isDecimal(part) || part.size() > 3)
            return false;
        if (part.size() > 1 && part.at(0) == QLatin1Char('0'))
            return false;
        if (part.toInt() > 255)
            return false;
    }
    return true;
}

bool SandboxIpAddress::isIpv6(const QString& text) {
    if (text.isEmpty() || text.size() > 45)
        return false;
    QString address = text;
    int extraGroups = 0;
    // An embedded IPv4 tail ("::ffff:192.0.2.1") stands for the last two groups.
    const qsizetype lastColon = address.lastIndexOf(QLatin1Char(':'));
    if (lastColon < 0)
        return false;
    const QString tail = address.mid(lastColon + 1);
    if (tail.contains(QLatin1Char('.'))) {
        if (!isIpv4(tail))
            return false;
        address.truncate(lastColon + 1);
        extraGroups = 2;
        // "1::" + tail leaves "1::"; "1:2:3:4:5:6:" + tail leaves a dangling colon to drop.
        if (!address.endsWith(QLatin1String("::")))
            address.chop(1);
    }

    const qsizetype doubleColon = address.indexOf(QLatin1String("::"));
    int groups = 0;
    if (doubleColon < 0) {
        if (!allHexGroups(address, &groups) || address.isEmpty())
            return false;
        return groups + extraGroups == 8;
    }
    if (address.indexOf(QLatin1String("::"), doubleColon + 1) >= 0)
        return false; // two "::" or ":::"
    int leftGroups = 0;
    int rightGroups = 0;
    if (!allHexGroups(address.left(doubleColon), &leftGroups) ||
        !allHexGroups(address.mid(doubleColon + 2), &rightGroups))
        return false;
    return leftGroups + rightGroups + extraGroups <= 7;
}

bool SandboxIpAddress::isCidr(const QString& text) {
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return false;
    const QString address = text.left(slash);
    const QString prefix = text.mid(slash + 1);
    if (isIpv4(address))
        return isPrefixLength(prefix, 32);
    if (isIpv6(address))
        return isPrefixLength(prefix, 128);
    return false;
}

bool SandboxIpAddress::isRange(const QString& text) {
    const QStringList ends = text.split(QLatin1Char('-'));
    if (ends.size() != 2)
        return false;
    const QString& first = ends.at(0);
    const QString& last = ends.at(1);
    if (isIpv4(first) && isIpv4(last))
        return QHostAddress(first).toIPv4Address() <= QHostAddress(last).toIPv4Address();
    if (isIpv6(first) && isIpv6(last)) {
        const Q_IPV6ADDR a = QHostAddress(first).toIPv6Address();
        const Q_IPV6ADDR b = QHostAddress(last).toIPv6Address();
        return std::memcmp(a.c, b.c, sizeof(a.c)) <= 0;
    }
    return false;
}
