#pragma once

#include <QCoreApplication>
#include <QString>

#include <array>
#include <optional>

// Strict parser for the `ip` of a risk subject: exactly one IPv4 address (dotted quad, parts 0-255,
// no leading zeros) or one IPv6 address (no zone id). Canonical form: IPv4 as given, IPv6 in
// RFC 5952 form, IPv4-mapped IPv6 (::ffff:a.b.c.d) as the IPv4 address. Anything else gets a
// reason that names what it is (CIDR, range, host name, integer, ...). Hand-written over char16_t
// because an import parses a million of them (no regex, no QHostAddress).
class IpAddressParser {
    Q_DECLARE_TR_FUNCTIONS(IpAddressParser)
public:
    enum class Family : quint8 { V4, V6 };

    // A parsed address: V4 uses bytes[0..3], V6 all 16 (network order).
    struct Address {
        Family family = Family::V4;
        std::array<quint8, 16> bytes{};
    };

    enum class Problem : quint8 {
        None,
        Missing,        // empty field
        Cidr,           // 1.2.3.0/24, even /32
        Range,          // 1.2.3.4-1.2.3.9
        ZoneId,         // fe80::1%eth0
        PortOrBrackets, // 1.2.3.4:80, [2001:db8::1]
        SeveralValues,  // "1.2.3.4 5.6.7.8"
        Integer,        // 16909060, 0x01020304
        Ipv4LeadingZero,
        Ipv4PartTooLarge,
        Ipv4Malformed, // not four parts
        Ipv6Malformed,
        Hostname,
        Malformed,
        NotPublic, // parsed, but private/loopback/... and not allowed
    };

    // A non-public range: its CIDR and what it is, both shown to the user.
    struct NonPublicRange {
        const char* cidr;
        const char* name;
    };

    struct Result {
        Problem problem = Problem::None;
        QString canonical;                     // set whenever the text is one address (also NotPublic)
        const NonPublicRange* range = nullptr; // the range that made it NotPublic
        bool ok() const { return problem == Problem::None; }
        QString reason() const { return reasonText(problem, range); } // empty when ok
    };

    // Parses, canonicalises and (unless allowNonPublic) rejects non-public addresses. The text is
    // taken as is: callers trim the field first.
    static Result parse(QStringView text, bool allowNonPublic = false);

    // Strict syntax only (no classification). IPv4-mapped IPv6 comes back as V4.
    static std::optional<Address> parseAddress(QStringView text);
    // IPv4 dotted quad or RFC 5952 IPv6.
    static QString toString(const Address& address);
    // The non-public range holding `address`, or nullptr when it is public.
    static const NonPublicRange* nonPublicRange(const Address& address);
    // The user-facing sentence for a problem (empty for None).
    static QString reasonText(Problem problem, const NonPublicRange* range = nullptr);
};
