#include "riskevents/IpAddressParser.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <algorithm>

namespace {

using Address = IpAddressParser::Address;
using Family = IpAddressParser::Family;
using Problem = IpAddressParser::Problem;
using NonPublicRange = IpAddressParser::NonPublicRange;

inline bool isDigit(char16_t c) {
    return c >= u'0' && c <= u'9';
}

inline int hexValue(char16_t c) {
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

// Dotted quad, strict: four parts of 1-3 digits, 0-255, no leading zero ("0" itself is fine).
// Unrolled per digit: this runs for nearly every row of a large import.
bool parseV4(const char16_t* p, const char16_t* end, quint8* out) {
    auto digit = [](char16_t c) {
        return static_cast<unsigned>(c) - u'0';
    };
    if (end - p < 7 || end - p > 15)
        return false;
    for (int part = 0; part < 4; ++part) {
        unsigned value = digit(*p);
        if (value > 9)
            return false;
        ++p;
        if (p != end && digit(*p) <= 9) {
            if (value == 0)
                return false; // leading zero
            value = value * 10 + digit(*p++);
            if (p != end && digit(*p) <= 9) {
                value = value * 10 + digit(*p++);
                if (value > 255 || (p != end && digit(*p) <= 9))
                    return false;
            }
        }
        out[part] = static_cast<quint8>(value);
        if (part < 3) {
            if (p == end || *p != u'.')
                return false;
            ++p;
        }
    }
    return p == end;
}

// RFC 4291 text form: 1-4 hex digits per group, one "::" standing for at least one zero group,
// an optional dotted quad in the last 32 bits. No zone id, no brackets.
bool parseV6(const char16_t* p, const char16_t* end, quint8* out) {
    quint16 groups[8] = {};
    int count = 0;
    int gap = -1; // index where "::" stands
    if (p == end)
        return false;
    if (*p == u':') {
        if (p + 1 == end || p[1] != u':')
            return false;
        p += 2;
        gap = 0;
    }
    while (p != end) {
        const char16_t* start = p;
        int value = 0;
        int digits = 0;
        while (p != end && digits <= 4) {
            const int h = hexValue(*p);
            if (h < 0)
                break;
            value = (value << 4) | h;
            ++digits;
            ++p;
        }
        if (digits == 0)
            return false;
        if (p != end && *p == u'.') {
            // Embedded IPv4: takes the last two groups and must end the text.
            quint8 v4[4];
            if (count > 6 || !parseV4(start, end, v4))
                return false;
            groups[count++] = static_cast<quint16>((v4[0] << 8) | v4[1]);
            groups[count++] = static_cast<quint16>((v4[2] << 8) | v4[3]);
            p = end;
            break;
        }
        if (digits > 4 || count == 8)
            return false;
        groups[count++] = static_cast<quint16>(value);
        if (p == end)
            break;
        if (*p != u':')
            return false;
        ++p;
        if (p != end && *p == u':') {
            if (gap >= 0)
                return false;
            gap = count;
            ++p;
        } else if (p == end) {
            return false; // a single trailing colon
        }
    }
    if (gap >= 0) {
        if (count > 7)
            return false; // "::" must stand for at least one group
        const int missing = 8 - count;
        for (int i = count - 1; i >= gap; --i)
            groups[i + missing] = groups[i];
        for (int i = gap; i < gap + missing; ++i)
            groups[i] = 0;
    } else if (count != 8) {
        return false;
    }
    for (int i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<quint8>(groups[i] >> 8);
        out[2 * i + 1] = static_cast<quint8>(groups[i] & 0xff);
    }
    return true;
}

// Strict parse. `plainV4` tells whether the text was a dotted quad (then it is already canonical).
bool parseStrict(QStringView text, Address& address, bool& plainV4) {
    const char16_t* p = text.utf16();
    const char16_t* end = p + text.size();
    plainV4 = false;
    if (p == end)
        return false;
    // Most rows are IPv4: try that first, IPv6 only when a colon shows up.
    address.family = Family::V4;
    if (parseV4(p, end, address.bytes.data())) {
        plainV4 = true;
        return true;
    }
    if (std::find(p, end, u':') == end)
        return false;
    quint8 bytes[16];
    if (!parseV6(p, end, bytes))
        return false;
    static constexpr quint8 mappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(bytes, bytes + 12, mappedPrefix)) {
        // ::ffff:0:0/96 is sent (and judged) as the IPv4 address it maps.
        address.family = Family::V4;
        address.bytes = {};
        std::copy(bytes + 12, bytes + 16, address.bytes.begin());
        return true;
    }
    address.family = Family::V6;
    std::copy(bytes, bytes + 16, address.bytes.begin());
    return true;
}

bool allDigits(QStringView s) {
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (!isDigit(c.unicode()))
            return false;
    return true;
}

bool allHex(QStringView s) {
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (hexValue(c.unicode()) < 0)
            return false;
    return true;
}

bool isAddress(QStringView s) {
    return IpAddressParser::parseAddress(s.trimmed()).has_value();
}

// ASCII only: a no-break space is not a separator someone typed between two values.
bool isSeparatorOfValues(QChar c) {
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\v' || u == u'\f' || u == u',' ||
           u == u';' || u == u'|';
}

// Why a text that is not one address was refused. Order matters: the most specific answer first.
Problem classify(QStringView text) {
    if (text.isEmpty())
        return Problem::Missing;
    if (const qsizetype slash = text.indexOf(u'/'); slash >= 0) {
        if (isAddress(text.left(slash)))
            return Problem::Cidr;
    }
    if (const qsizetype dash = text.indexOf(u'-'); dash >= 0) {
        const QStringView left = text.left(dash).trimmed();
        const QStringView right = text.mid(dash + 1).trimmed();
        if (isAddress(left) && (isAddress(right) || allDigits(right)))
            return Problem::Range;
    }
    if (const qsizetype percent = text.indexOf(u'%'); percent >= 0) {
        const QStringView left = text.left(percent);
        if (left.contains(u':') && isAddress(left))
            return Problem::ZoneId;
    }
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close > 0 && isAddress(text.mid(1, close - 1)))
            return Problem::PortOrBrackets;
    }
    if (const qsizetype colon = text.indexOf(u':'); colon > 0 && text.count(u':') == 1) {
        if (isAddress(text.left(colon)) && allDigits(text.mid(colon + 1)))
            return Problem::PortOrBrackets;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isSeparatorOfValues(text[i])) {
            // Several values only when one of the pieces is an address; otherwise just garbage.
            qsizetype start = 0;
            for (qsizetype j = 0; j <= text.size(); ++j) {
                if (j == text.size() || isSeparatorOfValues(text[j])) {
                    if (j > start && isAddress(text.mid(start, j - start)))
                        return Problem::SeveralValues;
                    start = j + 1;
                }
            }
            break;
        }
    }
    if (allDigits(text))
        return Problem::Integer;
    if (text.size() > 2 && (text.startsWith(u"0x") || text.startsWith(u"0X")) && allHex(text.mid(2)))
        return Problem::Integer;
    if (text.contains(u':'))
        return Problem::Ipv6Malformed;
    bool digitsAndDots = true;
    bool letter = false;
    bool hostChars = true;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool isLetter = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
        letter = letter || isLetter;
        if (!isDigit(u) && u != u'.')
            digitsAndDots = false;
        if (!isLetter && !isDigit(u) && u != u'.' && u != u'-')
            hostChars = false;
    }
    if (digitsAndDots) {
        const auto parts = text.split(u'.');
        if (parts.size() != 4)
            return Problem::Ipv4Malformed;
        for (QStringView part : parts) {
            if (part.isEmpty())
                return Problem::Ipv4Malformed;
            if (part.size() > 1 && part[0] == u'0')
                return Problem::Ipv4LeadingZero;
            if (part.size() > 3 || part.toInt() > 255)
                return Problem::Ipv4PartTooLarge;
        }
        return Problem::Ipv4Malformed; // not reached: four good parts parse
    }
    if (hostChars && letter && !text.startsWith(u'.') && !text.endsWith(u'-') && !text.contains(u".."))
        return Problem::Hostname;
    return Problem::Malformed;
}

// Ranges that are not public, in the order they are tested. The names are shown to the user.
constexpr NonPublicRange kV4This{"0.0.0.0/8", QT_TRANSLATE_NOOP("IpAddressParser", "this network")};
constexpr NonPublicRange kV4Private10{"10.0.0.0/8", QT_TRANSLATE_NOOP("IpAddressParser", "private network")};
constexpr NonPublicRange kV4Shared{
    "100.64.0.0/10", QT_TRANSLATE_NOOP("IpAddressParser", "shared address space, carrier-grade NAT")};
constexpr NonPublicRange kV4Loopback{"127.0.0.0/8", QT_TRANSLATE_NOOP("IpAddressParser", "loopback")};
constexpr NonPublicRange kV4LinkLocal{"169.254.0.0/16", QT_TRANSLATE_NOOP("IpAddressParser", "link-local")};
constexpr NonPublicRange kV4Private172{"172.16.0.0/12",
                                       QT_TRANSLATE_NOOP("IpAddressParser", "private network")};
constexpr NonPublicRange kV4Ietf{"192.0.0.0/24",
                                 QT_TRANSLATE_NOOP("IpAddressParser", "IETF protocol assignments")};
constexpr NonPublicRange kV4TestNet1{"192.0.2.0/24",
                                     QT_TRANSLATE_NOOP("IpAddressParser", "documentation, TEST-NET-1")};
constexpr NonPublicRange kV4Private192{"192.168.0.0/16",
                                       QT_TRANSLATE_NOOP("IpAddressParser", "private network")};
constexpr NonPublicRange kV4Benchmark{"198.18.0.0/15", QT_TRANSLATE_NOOP("IpAddressParser", "benchmarking")};
constexpr NonPublicRange kV4TestNet2{"198.51.100.0/24",
                                     QT_TRANSLATE_NOOP("IpAddressParser", "documentation, TEST-NET-2")};
constexpr NonPublicRange kV4TestNet3{"203.0.113.0/24",
                                     QT_TRANSLATE_NOOP("IpAddressParser", "documentation, TEST-NET-3")};
constexpr NonPublicRange kV4Multicast{"224.0.0.0/4", QT_TRANSLATE_NOOP("IpAddressParser", "multicast")};
constexpr NonPublicRange kV4Reserved{
    "240.0.0.0/4", QT_TRANSLATE_NOOP("IpAddressParser", "reserved, incl. broadcast 255.255.255.255")};
constexpr NonPublicRange kV6Unspecified{"::/128",
                                        QT_TRANSLATE_NOOP("IpAddressParser", "unspecified address")};
constexpr NonPublicRange kV6Loopback{"::1/128", QT_TRANSLATE_NOOP("IpAddressParser", "loopback")};
constexpr NonPublicRange kV6Translation{
    "64:ff9b:1::/48", QT_TRANSLATE_NOOP("IpAddressParser", "local-use IPv4/IPv6 translation")};
constexpr NonPublicRange kV6Discard{"100::/64", QT_TRANSLATE_NOOP("IpAddressParser", "discard-only")};
constexpr NonPublicRange kV6Doc{"2001:db8::/32", QT_TRANSLATE_NOOP("IpAddressParser", "documentation")};
constexpr NonPublicRange kV6Doc3fff{"3fff::/20", QT_TRANSLATE_NOOP("IpAddressParser", "documentation")};
constexpr NonPublicRange kV6UniqueLocal{
    "fc00::/7", QT_TRANSLATE_NOOP("IpAddressParser", "unique local, private network")};
constexpr NonPublicRange kV6LinkLocal{"fe80::/10", QT_TRANSLATE_NOOP("IpAddressParser", "link-local")};
constexpr NonPublicRange kV6Multicast{"ff00::/8", QT_TRANSLATE_NOOP("IpAddressParser", "multicast")};

const NonPublicRange* nonPublicV4(const quint8* b) {
    switch (b[0]) {
    case 0:
        return &kV4This;
    case 10:
        return &kV4Private10;
    case 100:
        return (b[1] & 0xc0) == 64 ? &kV4Shared : nullptr;
    case 127:
        return &kV4Loopback;
    case 169:
        return b[1] == 254 ? &kV4LinkLocal : nullptr;
    case 172:
        return (b[1] & 0xf0) == 16 ? &kV4Private172 : nullptr;
    case 192:
        if (b[1] == 0 && b[2] == 0)
            return &kV4Ietf;
        if (b[1] == 0 && b[2] == 2)
            return &kV4TestNet1;
        if (b[1] == 168)
            return &kV4Private192;
        return nullptr;
    case 198:
        if ((b[1] & 0xfe) == 18)
            return &kV4Benchmark;
        if (b[1] == 51 && b[2] == 100)
            return &kV4TestNet2;
        return nullptr;
    case 203:
        return b[1] == 0 && b[2] == 113 ? &kV4TestNet3 : nullptr;
    default:
        break;
    }
    if ((b[0] & 0xf0) == 224)
        return &kV4Multicast;
    if ((b[0] & 0xf0) == 240)
        return &kV4Reserved;
    return nullptr;
}

const NonPublicRange* nonPublicV6(const quint8* b) {
    bool zeroUpTo15 = true;
    for (int i = 0; i < 15; ++i)
        zeroUpTo15 = zeroUpTo15 && b[i] == 0;
    if (zeroUpTo15 && b[15] == 0)
        return &kV6Unspecified;
    if (zeroUpTo15 && b[15] == 1)
        return &kV6Loopback;
    if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
        return &kV6Translation;
    if (b[0] == 1 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0)
        return &kV6Discard;
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
        return &kV6Doc;
    if (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0)
        return &kV6Doc3fff;
    if ((b[0] & 0xfe) == 0xfc)
        return &kV6UniqueLocal;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return &kV6LinkLocal;
    if (b[0] == 0xff)
        return &kV6Multicast;
    return nullptr;
}

const NonPublicRange* const kAllRanges[] = {
    &kV4This,      &kV4Private10, &kV4Shared,      &kV4Loopback,  &kV4LinkLocal,   &kV4Private172,
    &kV4Ietf,      &kV4TestNet1,  &kV4Private192,  &kV4Benchmark, &kV4TestNet2,    &kV4TestNet3,
    &kV4Multicast, &kV4Reserved,  &kV6Unspecified, &kV6Loopback,  &kV6Translation, &kV6Discard,
    &kV6Doc,       &kV6Doc3fff,   &kV6UniqueLocal, &kV6LinkLocal, &kV6Multicast,
};

QString notPublicText(const NonPublicRange* range) {
    return QCoreApplication::translate(
               "IpAddressParser",
               "not a public address: in %1 (%2); allow non-public addresses in the settings to send it")
        .arg(QLatin1String(range ? range->cidr : "?"),
             range ? QCoreApplication::translate("IpAddressParser", range->name)
                   : QCoreApplication::translate("IpAddressParser", "non-public"));
}

char16_t* writeDecimal(char16_t* out, int value) {
    if (value >= 100)
        *out++ = static_cast<char16_t>(u'0' + value / 100);
    if (value >= 10)
        *out++ = static_cast<char16_t>(u'0' + value / 10 % 10);
    *out++ = static_cast<char16_t>(u'0' + value % 10);
    return out;
}

} // namespace

IpAddressParser::Result IpAddressParser::parse(QStringView text, bool allowNonPublic) {
    Result result;
    Address address;
    bool plainV4 = false;
    if (!parseStrict(text, address, plainV4)) {
        result.problem = classify(text);
        return result;
    }
    // A strict dotted quad is already canonical: share no work, one allocation.
    result.canonical = plainV4 ? text.toString() : toString(address);
    if (!allowNonPublic) {
        if (const NonPublicRange* range = nonPublicRange(address)) {
            result.problem = Problem::NotPublic;
            result.range = range;
        }
    }
    return result;
}

std::optional<IpAddressParser::Address> IpAddressParser::parseAddress(QStringView text) {
    Address address;
    bool plainV4 = false;
    if (!parseStrict(text, address, plainV4))
        return std::nullopt;
    return address;
}

QString IpAddressParser::toString(const Address& address) {
    char16_t buffer[40];
    char16_t* out = buffer;
    const quint8* b = address.bytes.data();
    if (address.family == Family::V4) {
        for (int i = 0; i < 4; ++i) {
            if (i)
                *out++ = u'.';
            out = writeDecimal(out, b[i]);
        }
        return QString(reinterpret_cast<const QChar*>(buffer), out - buffer);
    }
    quint16 groups[8];
    for (int i = 0; i < 8; ++i)
        groups[i] = static_cast<quint16>((b[2 * i] << 8) | b[2 * i + 1]);
    // RFC 5952: "::" replaces the longest run of two or more zero groups, the first on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    static constexpr char16_t hexDigits[] = u"0123456789abcdef";
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            *out++ = u':';
            *out++ = u':';
            i += bestLength - 1;
            continue;
        }
        if (i > 0 && i != bestStart + bestLength)
            *out++ = u':';
        const quint16 g = groups[i];
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const int nibble = (g >> shift) & 0xf;
            if (nibble || started || shift == 0) {
                *out++ = hexDigits[nibble];
                started = true;
            }
        }
    }
    return QString(reinterpret_cast<const QChar*>(buffer), out - buffer);
}

const IpAddressParser::NonPublicRange* IpAddressParser::nonPublicRange(const Address& address) {
    return address.family == Family::V4 ? nonPublicV4(address.bytes.data())
                                        : nonPublicV6(address.bytes.data());
}

QString IpAddressParser::reasonText(Problem problem, const NonPublicRange* range) {
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Missing:
        return tr("ip is missing: each row needs one IPv4 or IPv6 address");
    case Problem::Cidr:
        return tr("CIDR ranges are not accepted (not even /32): give a single address");
    case Problem::Range:
        return tr("address ranges are not accepted: give a single address");
    case Problem::ZoneId:
        return tr("IPv6 zone ids (%...) are not accepted: give the address without the zone");
    case Problem::PortOrBrackets:
        return tr("ports and brackets are not accepted: give the bare address");
    case Problem::SeveralValues:
        return tr("several values in one field: give exactly one address");
    case Problem::Integer:
        return tr("integers are not accepted as addresses: write IPv4 as a dotted quad a.b.c.d");
    case Problem::Ipv4LeadingZero:
        return tr("IPv4 parts must not have leading zeros (they are ambiguous): write 10, not 010");
    case Problem::Ipv4PartTooLarge:
        return tr("IPv4 parts must be 0 to 255");
    case Problem::Ipv4Malformed:
        return tr("an IPv4 address has exactly four dot-separated parts of 0 to 255");
    case Problem::Ipv6Malformed:
        return tr("not a valid IPv6 address");
    case Problem::Hostname:
        return tr("host names are not accepted: give an IPv4 or IPv6 address");
    case Problem::Malformed:
        return tr("not an IPv4 or IPv6 address");
    case Problem::NotPublic: {
        // One string per range, made once: feeds full of private addresses should not format each.
        static const QHash<const NonPublicRange*, QString> reasons = [] {
            QHash<const NonPublicRange*, QString> texts;
            for (const NonPublicRange* r : kAllRanges)
                texts.insert(r, notPublicText(r));
            return texts;
        }();
        return reasons.value(range, notPublicText(range));
    }
    }
    return {};
}
