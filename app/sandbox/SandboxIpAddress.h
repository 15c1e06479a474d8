#pragma once

#include <QString>

// Address syntax as Okta validates it. QHostAddress alone is too lenient for a judge: it takes
// "1", "010.1.1.1" or "1.2.3" as IPv4 and accepts scope ids on IPv6.
class SandboxIpAddress {
public:
    // Dotted quad, each part 0-255 in decimal without leading zeros.
    static bool isIpv4(const QString& text);
    // RFC 4291 text form (one "::" at most, optional trailing dotted quad); no zone id, no prefix, no
    // brackets.
    static bool isIpv6(const QString& text);
    static bool isSingleAddress(const QString& text) { return isIpv4(text) || isIpv6(text); }
    // "address/prefix" with prefix 0-32 (IPv4) or 0-128 (IPv6).
    static bool isCidr(const QString& text);
    // "first-last", both of the same family, first <= last.
    static bool isRange(const QString& text);
};
