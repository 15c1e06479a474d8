// IpAddressParser: strict single IPv4/IPv6, canonical form, the reason for every other form, and
// the non-public ranges.
#include "riskevents/IpAddressParser.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTest>

using Problem = IpAddressParser::Problem;
Q_DECLARE_METATYPE(IpAddressParser::Problem)

class TestIpAddressParser : public QObject {
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void rejected_data();
    void rejected();
    void nonPublic_data();
    void nonPublic();
    void nonPublicAllowed();
    void reasonsNameTheRule_data();
    void reasonsNameTheRule();
    void canonicalMatchesQHostAddress();
    void plainV4IsCanonical();
};

void TestIpAddressParser::valid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("ipv4") << "1.2.3.4"
                          << "1.2.3.4";
    QTest::newRow("ipv4 with zero parts") << "8.0.0.8"
                                          << "8.0.0.8";
    QTest::newRow("ipv4 max parts") << "223.255.255.254"
                                    << "223.255.255.254";
    QTest::newRow("ipv6 canonical") << "2606:4700:4700::1111"
                                    << "2606:4700:4700::1111";
    QTest::newRow("ipv6 zeros written out") << "2606:4700:4700:0:0:0:0:1111"
                                            << "2606:4700:4700::1111";
    QTest::newRow("ipv6 fully expanded (Tor list)") << "2001:0470:0001:0908:0000:0000:0000:9001"
                                                    << "2001:470:1:908::9001";
    QTest::newRow("ipv6 upper case") << "2A00:1450:4001:0810:0000:0000:0000:200E"
                                     << "2a00:1450:4001:810::200e";
    QTest::newRow("ipv6 longest zero run") << "2001:470:0:1:0:0:0:1"
                                           << "2001:470:0:1::1";
    QTest::newRow("ipv6 first run on a tie") << "2001:470:0:0:1:0:0:1"
                                             << "2001:470::1:0:0:1";
    QTest::newRow("ipv6 single zero not compressed") << "2001:470:1:1:1:1:0:1"
                                                     << "2001:470:1:1:1:1:0:1";
    QTest::newRow("ipv6 no zeros") << "2001:470:1:2:3:4:5:6"
                                   << "2001:470:1:2:3:4:5:6";
    QTest::newRow("ipv6 trailing ::") << "2606:4700::"
                                      << "2606:4700::";
    QTest::newRow("ipv6 zeros at the end") << "2606:4700:1:0:0:0:0:0"
                                           << "2606:4700:1::";
    QTest::newRow("ipv6 :: for one group") << "2001:470:1:2:3:4::6"
                                           << "2001:470:1:2:3:4:0:6";
    QTest::newRow("ipv4-mapped dotted") << "::ffff:8.8.8.8"
                                        << "8.8.8.8";
    QTest::newRow("ipv4-mapped upper hex") << "::FFFF:808:808"
                                           << "8.8.8.8";
    QTest::newRow("ipv4-mapped written out") << "0:0:0:0:0:ffff:1.2.3.4"
                                             << "1.2.3.4";
    QTest::newRow("embedded ipv4, NAT64 well-known") << "64:ff9b::8.8.8.8"
                                                     << "64:ff9b::808:808";
    QTest::newRow("::2 (only ::/128 and ::1 are listed)") << "::2"
                                                          << "::2";
}

void TestIpAddressParser::valid() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto result = IpAddressParser::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.reason()));
    QCOMPARE(result.canonical, canonical);
    QVERIFY(result.reason().isEmpty());
    // Canonical text parses to itself.
    QCOMPARE(IpAddressParser::parse(canonical).canonical, canonical);
}

void TestIpAddressParser::rejected_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Problem>("problem");
    QTest::newRow("empty") << "" << Problem::Missing;
    QTest::newRow("cidr /24") << "1.2.3.0/24" << Problem::Cidr;
    QTest::newRow("cidr /32") << "1.2.3.4/32" << Problem::Cidr;
    QTest::newRow("cidr spaced") << "1.2.3.4 /32" << Problem::Cidr;
    QTest::newRow("cidr ipv6") << "2001:470::/32" << Problem::Cidr;
    QTest::newRow("cidr ipv6 /128") << "2606:4700::1/128" << Problem::Cidr;
    QTest::newRow("cidr netmask") << "1.2.3.0/255.255.255.0" << Problem::Cidr;
    QTest::newRow("range") << "1.2.3.4-1.2.3.9" << Problem::Range;
    QTest::newRow("range spaced") << "1.2.3.4 - 1.2.3.9" << Problem::Range;
    QTest::newRow("range short") << "1.2.3.4-9" << Problem::Range;
    QTest::newRow("range ipv6") << "2606:4700::1-2606:4700::9" << Problem::Range;
    QTest::newRow("zone id") << "fe80::1%eth0" << Problem::ZoneId;
    QTest::newRow("zone id url-encoded") << "2606:4700::1%25en0" << Problem::ZoneId;
    QTest::newRow("brackets") << "[2606:4700::1]" << Problem::PortOrBrackets;
    QTest::newRow("brackets and port") << "[2606:4700::1]:443" << Problem::PortOrBrackets;
    QTest::newRow("ipv4 and port") << "1.2.3.4:80" << Problem::PortOrBrackets;
    QTest::newRow("two addresses, space") << "1.2.3.4 5.6.7.8" << Problem::SeveralValues;
    QTest::newRow("two addresses, comma") << "1.2.3.4,5.6.7.8" << Problem::SeveralValues;
    QTest::newRow("two addresses, semicolon") << "1.2.3.4;2606:4700::1" << Problem::SeveralValues;
    QTest::newRow("two addresses, line break") << "1.2.3.4\n5.6.7.8" << Problem::SeveralValues;
    QTest::newRow("address and words") << "1.2.3.4 scanner" << Problem::SeveralValues;
    QTest::newRow("integer") << "16909060" << Problem::Integer;
    QTest::newRow("integer max") << "4294967295" << Problem::Integer;
    QTest::newRow("integer hex") << "0x01020304" << Problem::Integer;
    QTest::newRow("leading zero") << "010.1.2.3" << Problem::Ipv4LeadingZero;
    QTest::newRow("leading zero last") << "1.2.3.04" << Problem::Ipv4LeadingZero;
    QTest::newRow("double zero") << "00.1.2.3" << Problem::Ipv4LeadingZero;
    QTest::newRow("part 256") << "256.1.2.3" << Problem::Ipv4PartTooLarge;
    QTest::newRow("part 1000") << "1.2.3.1000" << Problem::Ipv4PartTooLarge;
    QTest::newRow("three parts") << "1.2.3" << Problem::Ipv4Malformed;
    QTest::newRow("five parts") << "1.2.3.4.5" << Problem::Ipv4Malformed;
    QTest::newRow("empty part") << "1..2.3" << Problem::Ipv4Malformed;
    QTest::newRow("trailing dot") << "1.2.3.4." << Problem::Ipv4Malformed;
    QTest::newRow("nine groups") << "1:2:3:4:5:6:7:8:9" << Problem::Ipv6Malformed;
    QTest::newRow("seven groups") << "1:2:3:4:5:6:7" << Problem::Ipv6Malformed;
    QTest::newRow("two ::") << "1::2::3" << Problem::Ipv6Malformed;
    QTest::newRow(":: for no group") << "1:2:3:4:5:6:7::8" << Problem::Ipv6Malformed;
    QTest::newRow("group of five digits") << "12345::1" << Problem::Ipv6Malformed;
    QTest::newRow("leading single colon") << ":1:2::3" << Problem::Ipv6Malformed;
    QTest::newRow("trailing single colon") << "1:2::3:" << Problem::Ipv6Malformed;
    QTest::newRow("non-hex") << "2606:4700::g" << Problem::Ipv6Malformed;
    QTest::newRow("embedded v4 leading zero") << "::ffff:1.2.3.04" << Problem::Ipv6Malformed;
    QTest::newRow("embedded v4 not last") << "::1.2.3.4:1" << Problem::Ipv6Malformed;
    QTest::newRow("host name") << "example.com" << Problem::Hostname;
    QTest::newRow("host name with dash") << "scanner-1.example.net" << Problem::Hostname;
    QTest::newRow("localhost") << "localhost" << Problem::Hostname;
    QTest::newRow("words") << "abc def" << Problem::Malformed;
    QTest::newRow("no-break space") << QStringLiteral("1.2.3.4\u00a0") << Problem::Malformed;
    QTest::newRow("NUL") << QString::fromUtf16(u"1.2.3.4\0", 8) << Problem::Malformed;
    QTest::newRow("arabic digits") << QStringLiteral("\u0661.\u0662.\u0663.\u0664") << Problem::Malformed;
    QTest::newRow("replacement char") << QStringLiteral("1.2.3.\ufffd") << Problem::Malformed;
    QTest::newRow("quote") << "\"1.2.3.4\"" << Problem::Malformed;
}

void TestIpAddressParser::rejected() {
    QFETCH(QString, text);
    QFETCH(Problem, problem);
    const auto result = IpAddressParser::parse(text, true);
    QCOMPARE(result.problem, problem);
    QVERIFY(!result.ok());
    QVERIFY(!result.reason().isEmpty());
    QVERIFY(!IpAddressParser::parseAddress(text).has_value());
}

void TestIpAddressParser::nonPublic_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("range"); // empty: public
    const char* rows[][2] = {
        {"0.1.2.3", "0.0.0.0/8"},
        {"10.1.2.3", "10.0.0.0/8"},
        {"100.64.0.1", "100.64.0.0/10"},
        {"100.127.255.255", "100.64.0.0/10"},
        {"100.128.0.1", ""},
        {"100.63.255.255", ""},
        {"127.0.0.1", "127.0.0.0/8"},
        {"169.254.1.1", "169.254.0.0/16"},
        {"169.253.1.1", ""},
        {"172.16.0.1", "172.16.0.0/12"},
        {"172.31.255.255", "172.16.0.0/12"},
        {"172.32.0.1", ""},
        {"172.15.255.255", ""},
        {"192.0.0.8", "192.0.0.0/24"},
        {"192.0.1.1", ""},
        {"192.0.2.1", "192.0.2.0/24"},
        {"192.168.1.1", "192.168.0.0/16"},
        {"192.169.1.1", ""},
        {"198.18.0.1", "198.18.0.0/15"},
        {"198.19.255.255", "198.18.0.0/15"},
        {"198.20.0.1", ""},
        {"198.51.100.7", "198.51.100.0/24"},
        {"198.51.101.7", ""},
        {"203.0.113.9", "203.0.113.0/24"},
        {"203.0.114.9", ""},
        {"224.0.0.1", "224.0.0.0/4"},
        {"239.255.255.255", "224.0.0.0/4"},
        {"240.0.0.1", "240.0.0.0/4"},
        {"255.255.255.255", "240.0.0.0/4"},
        {"223.255.255.255", ""},
        {"::", "::/128"},
        {"::1", "::1/128"},
        {"::ffff:10.0.0.1", "10.0.0.0/8"},
        {"::ffff:127.0.0.1", "127.0.0.0/8"},
        {"::ffff:0.0.0.0", "0.0.0.0/8"},
        {"64:ff9b:1::1", "64:ff9b:1::/48"},
        {"64:ff9b:1:ffff::1", "64:ff9b:1::/48"},
        {"64:ff9b:2::1", ""},
        {"100::1", "100::/64"},
        {"100::ffff:ffff:ffff:ffff", "100::/64"},
        {"100:0:0:1::1", ""},
        {"2001:db8::1", "2001:db8::/32"},
        {"2001:db8:ffff::1", "2001:db8::/32"},
        {"2001:db9::1", ""},
        {"3fff::1", "3fff::/20"},
        {"3fff:fff::1", "3fff::/20"},
        {"3fff:1000::1", ""},
        {"fc00::1", "fc00::/7"},
        {"fd12:3456::1", "fc00::/7"},
        {"fe80::1", "fe80::/10"},
        {"febf::1", "fe80::/10"},
        {"fec0::1", ""},
        {"ff02::1", "ff00::/8"},
        {"2606:4700::1", ""},
    };
    for (const auto& row : rows)
        QTest::newRow(row[0]) << QString::fromLatin1(row[0]) << QString::fromLatin1(row[1]);
}

void TestIpAddressParser::nonPublic() {
    QFETCH(QString, text);
    QFETCH(QString, range);
    const auto result = IpAddressParser::parse(text);
    if (range.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.reason()));
        return;
    }
    QCOMPARE(result.problem, Problem::NotPublic);
    QVERIFY(result.range);
    QCOMPARE(QString::fromLatin1(result.range->cidr), range);
    QVERIFY(result.reason().startsWith(QStringLiteral("not a public address")));
    QVERIFY2(result.reason().contains(range), qPrintable(result.reason()));
    QVERIFY(!result.canonical.isEmpty()); // still shown canonical (mapped IPv4 as IPv4)
}

void TestIpAddressParser::nonPublicAllowed() {
    for (const char* text :
         {"10.1.2.3", "127.0.0.1", "fe80::1", "::1", "255.255.255.255", "::ffff:192.168.0.1"}) {
        const auto result = IpAddressParser::parse(QString::fromLatin1(text), true);
        QVERIFY2(result.ok(), text);
    }
    QCOMPARE(IpAddressParser::parse(u"::ffff:192.168.0.1", true).canonical, QStringLiteral("192.168.0.1"));
}

void TestIpAddressParser::reasonsNameTheRule_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << ""
                             << "ip is missing: each row needs one IPv4 or IPv6 address";
    QTest::newRow("cidr") << "1.2.3.4/32"
                          << "CIDR ranges are not accepted (not even /32): give a single address";
    QTest::newRow("range") << "1.2.3.4-1.2.3.5"
                           << "address ranges are not accepted: give a single address";
    QTest::newRow("zone") << "fe80::1%eth0"
                          << "IPv6 zone ids (%...) are not accepted: give the address without the zone";
    QTest::newRow("port") << "1.2.3.4:80"
                          << "ports and brackets are not accepted: give the bare address";
    QTest::newRow("several") << "1.2.3.4 1.2.3.5"
                             << "several values in one field: give exactly one address";
    QTest::newRow("integer") << "16909060"
                             << "integers are not accepted as addresses: write IPv4 as a dotted quad a.b.c.d";
    QTest::newRow("leading zero")
        << "01.2.3.4"
        << "IPv4 parts must not have leading zeros (they are ambiguous): write 10, not 010";
    QTest::newRow("too large") << "1.2.3.256"
                               << "IPv4 parts must be 0 to 255";
    QTest::newRow("parts") << "1.2.3"
                           << "an IPv4 address has exactly four dot-separated parts of 0 to 255";
    QTest::newRow("ipv6") << "1::2::3"
                          << "not a valid IPv6 address";
    QTest::newRow("host") << "example.com"
                          << "host names are not accepted: give an IPv4 or IPv6 address";
    QTest::newRow("other") << "???"
                           << "not an IPv4 or IPv6 address";
    QTest::newRow("private") << "10.0.0.1"
                             << "not a public address: in 10.0.0.0/8 (private network); allow non-public "
                                "addresses in the settings to send it";
    QTest::newRow("documentation v6") << "2001:db8::1"
                                      << "not a public address: in 2001:db8::/32 (documentation); allow "
                                         "non-public addresses in the settings to send it";
}

void TestIpAddressParser::reasonsNameTheRule() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QCOMPARE(IpAddressParser::parse(text).reason(), reason);
}

// Random addresses (seeded): our RFC 5952 text agrees with Qt's formatter and re-parses to the
// same bytes.
void TestIpAddressParser::canonicalMatchesQHostAddress() {
    QRandomGenerator rng(20260822);
    for (int i = 0; i < 5000; ++i) {
        IpAddressParser::Address address;
        address.family = IpAddressParser::Family::V6;
        for (auto& byte : address.bytes) {
            // Many zero groups so compression has work to do.
            byte = rng.bounded(3) == 0 ? static_cast<quint8>(rng.bounded(256)) : 0;
        }
        address.bytes[0] = 0x26; // not ::ffff:0:0/96
        const QString text = IpAddressParser::toString(address);
        Q_IPV6ADDR raw;
        std::copy(address.bytes.begin(), address.bytes.end(), raw.c);
        QCOMPARE(text, QHostAddress(raw).toString());
        const auto back = IpAddressParser::parseAddress(text);
        QVERIFY(back.has_value());
        QVERIFY(back->bytes == address.bytes);
    }
}

void TestIpAddressParser::plainV4IsCanonical() {
    QRandomGenerator rng(7);
    for (int i = 0; i < 2000; ++i) {
        const quint32 v = rng.generate();
        const QString text = QHostAddress(v).toString();
        const auto result = IpAddressParser::parse(text, true);
        QVERIFY2(result.ok(), qPrintable(text));
        QCOMPARE(result.canonical, text);
        // The same address mapped into IPv6 comes back as IPv4.
        QCOMPARE(IpAddressParser::parse(QStringLiteral("::ffff:") + text, true).canonical, text);
    }
}

QTEST_APPLESS_MAIN(TestIpAddressParser)
#include "TestIpAddressParser.moc"
