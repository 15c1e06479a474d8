// ZoneGatewayChange: parsing of the admin's inputs, what block / unblock / exempt / unexempt do to
// a zone's gateways, the refusals (zone kind, usage, Okta's limits) and the PUT body. Pure.
#include "incident/ZoneAction.h"
#include "incident/ZoneGatewayChange.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

QJsonArray addresses(const QStringList& values) {
    QJsonArray array;
    for (const QString& value : values) {
        const QString type =
            value.contains(QLatin1Char('-')) ? QStringLiteral("RANGE") : QStringLiteral("CIDR");
        array.append(QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("value"), value}});
    }
    return array;
}

QJsonObject zoneObject(const QString& name, const QString& usage, bool system, const QStringList& gateways,
                       const QString& type = QStringLiteral("IP"),
                       const QString& status = QStringLiteral("ACTIVE")) {
    QJsonObject object{{QStringLiteral("id"), QStringLiteral("nzo") + QString(name).remove(QLatin1Char(' '))},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("usage"), usage},
                       {QStringLiteral("system"), system},
                       {QStringLiteral("created"), QStringLiteral("2025-10-07T06:36:40.000Z")},
                       {QStringLiteral("lastUpdated"), QStringLiteral("2026-01-14T09:41:27.000Z")}};
    if (type == QLatin1String("IP")) {
        object.insert(QStringLiteral("gateways"), addresses(gateways));
        object.insert(QStringLiteral("proxies"), QJsonValue::Null);
    }
    return object;
}

NetworkZone zoneFrom(const QJsonObject& object) {
    QString error;
    const std::optional<NetworkZone> zone = NetworkZone::fromJson(object, &error);
    if (!zone)
        qFatal("test zone does not parse: %s", qPrintable(error));
    return *zone;
}

NetworkZone blockedIpZone(const QStringList& gateways) {
    return zoneFrom(zoneObject(QStringLiteral("BlockedIpZone"), QStringLiteral("BLOCKLIST"), true, gateways));
}

NetworkZone exemptZone(const QStringList& gateways) {
    return zoneFrom(
        zoneObject(QStringLiteral("DefaultExemptIpZone"), QStringLiteral("POLICY"), true, gateways));
}

// `count` distinct /32 entries: 10.a.b.c.
QStringList manyGateways(int count) {
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(QStringLiteral("10.%1.%2.%3/32").arg(i >> 16 & 0xff).arg(i >> 8 & 0xff).arg(i & 0xff));
    return list;
}

QStringList valuesOf(const QList<NetworkZone::Address>& list) {
    QStringList values;
    for (const NetworkZone::Address& address : list)
        values.append(address.value);
    return values;
}

} // namespace

class TestZoneGatewayChange : public QObject {
    Q_OBJECT
private slots:
    void actionWords();
    void parseAddress_data();
    void parseAddress();
    void gatewayLimit_data();
    void gatewayLimit();

    void blockAddsNewEntriesAndKeepsExistingOnes();
    void nothingToChangeSaysSo();
    void addingInsideAWiderEntryIsCovered();
    void cidrIsNormalisedAndNoted();
    void unblockRemovesOnlyNamedEntries();
    void exemptAndUnexemptOnTheExemptZone();
    void unreadableExistingEntriesAreKept();
    void everyBadItemIsListed();

    void refusals_data();
    void refusals();
    void limits_data();
    void limits();
    void inactiveZoneIsAllowedButNoted();

    void requestBodyKeepsTheZoneAndDropsReadOnlyFields();
    void requestBodyOfTheExemptZoneSetsUseAsExemptList();
};

void TestZoneGatewayChange::actionWords() {
    const QList<ZoneAction> all{ZoneAction::Block, ZoneAction::Unblock, ZoneAction::Exempt,
                                ZoneAction::Unexempt};
    const QStringList words{QStringLiteral("block"), QStringLiteral("unblock"), QStringLiteral("exempt"),
                            QStringLiteral("unexempt")};
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(ZoneActions::word(all[i]), words[i]);
        ZoneAction parsed = ZoneAction::Unexempt;
        QVERIFY(ZoneActions::fromWord(words[i], &parsed));
        QCOMPARE(parsed, all[i]);
    }
    QVERIFY(!ZoneActions::fromWord(QStringLiteral("Block"), nullptr));
    QVERIFY(!ZoneActions::fromWord(QStringLiteral("allow"), nullptr));
    QVERIFY(ZoneActions::adds(ZoneAction::Block) && ZoneActions::adds(ZoneAction::Exempt));
    QVERIFY(!ZoneActions::adds(ZoneAction::Unblock) && !ZoneActions::adds(ZoneAction::Unexempt));
    QVERIFY(ZoneActions::isBlocking(ZoneAction::Block) && ZoneActions::isBlocking(ZoneAction::Unblock));
    QVERIFY(!ZoneActions::isBlocking(ZoneAction::Exempt) && !ZoneActions::isBlocking(ZoneAction::Unexempt));
    QCOMPARE(ZoneActions::defaultZoneName(ZoneAction::Unblock), QStringLiteral("BlockedIpZone"));
    QCOMPARE(ZoneActions::defaultZoneName(ZoneAction::Exempt), QStringLiteral("DefaultExemptIpZone"));
}

void TestZoneGatewayChange::parseAddress_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("type");  // empty: refused
    QTest::addColumn<QString>("value"); // or the expected part of the error
    auto ok = [](const char* name, const char* input, const char* type, const char* value) {
        QTest::newRow(name) << QString::fromUtf8(input) << QString::fromLatin1(type)
                            << QString::fromUtf8(value);
    };
    auto bad = [](const char* name, const char* input, const char* error) {
        QTest::newRow(name) << QString::fromUtf8(input) << QString() << QString::fromUtf8(error);
    };
    ok("ipv4", "198.51.100.7", "CIDR", "198.51.100.7/32");
    ok("ipv4 with spaces", "  198.51.100.7 ", "CIDR", "198.51.100.7/32");
    ok("ipv6 upper case", "2001:DB8:0:0::1", "CIDR", "2001:db8::1/128");
    ok("ipv4-mapped ipv6", "::ffff:198.51.100.7", "CIDR", "198.51.100.7/32");
    ok("cidr", "10.1.2.0/24", "CIDR", "10.1.2.0/24");
    ok("cidr network", "10.1.2.0/24", "CIDR", "10.1.2.0/24");
    ok("cidr /32", "203.0.113.9/32", "CIDR", "203.0.113.9/32");
    ok("cidr odd prefix", "203.0.113.128/25", "CIDR", "203.0.113.128/25");
    ok("ipv6 cidr", "2001:db8:abcd::/48", "CIDR", "2001:db8:abcd::/48");
    ok("ipv6 cidr /127", "2001:db8::2/127", "CIDR", "2001:db8::2/127");
    ok("range", "198.51.100.10-198.51.100.20", "RANGE", "198.51.100.10-198.51.100.20");
    ok("range with spaces", "198.51.100.10 - 198.51.100.20", "RANGE", "198.51.100.10-198.51.100.20");
    ok("range of one", "198.51.100.10-198.51.100.10", "RANGE", "198.51.100.10-198.51.100.10");
    ok("ipv6 range", "2001:DB8::1-2001:db8::ff", "RANGE", "2001:db8::1-2001:db8::ff");
    bad("empty", "", "empty: give an IPv4 or IPv6 address");
    bad("blank", "   ", "empty: give an IPv4 or IPv6 address");
    bad("part too large", "10.0.0.300", "IPv4 parts must be 0 to 255");
    bad("leading zero", "010.0.0.1", "leading zeros");
    bad("three parts", "10.0.1", "exactly four dot-separated parts");
    bad("host name", "evil.example.com", "host names are not accepted");
    bad("garbage", "block-me!", "range end 'block': ");
    bad("punctuation", "#!", "not an IPv4 or IPv6 address, CIDR or range");
    bad("several values", "198.51.100.7 198.51.100.8", "several values in one item");
    bad("comma list", "198.51.100.7,198.51.100.8", "several values in one item");
    bad("prefix too long v4", "10.0.0.1/33", "a number from 0 to 32 for IPv4");
    bad("prefix too long v6", "2001:db8::/129", "a number from 0 to 128 for IPv6");
    bad("prefix not a number", "10.0.0.0/x", "a number from 0 to 32 for IPv4");
    bad("prefix missing", "10.0.0.0/", "a number from 0 to 32 for IPv4");
    bad("prefix negative", "10.0.0.0/-1", "a number from 0 to 32 for IPv4");
    bad("mapped cidr", "::ffff:198.51.100.0/120", "IPv4-mapped IPv6 CIDR");
    bad("range backwards", "198.51.100.20-198.51.100.10",
        "from the lower address to the higher one (198.51.100.20 is after 198.51.100.10)");
    bad("range of families", "198.51.100.1-2001:db8::1", "must both be IPv4 or both IPv6");
    bad("range of three", "10.0.0.1-10.0.0.2-10.0.0.3", "exactly two addresses");
    bad("range of cidrs", "10.0.0.0/24-10.0.0.9", "not CIDRs");
    bad("range end bad", "10.0.0.1-10.0.0.256", "range end '10.0.0.256': IPv4 parts must be 0 to 255");
    bad("zone id", "fe80::1%eth0", "zone ids");
    bad("cidr with host bits", "10.1.2.3/24",
        "write 10.1.2.0/24 for the network, or 10.1.2.3/32 for the one");
    bad("cidr /0", "0.0.0.0/0", "a /0 prefix matches every address");
    bad("ipv6 cidr with host bits", "2001:db8::3/127", "write 2001:db8::2/127 for the network");
}

void TestZoneGatewayChange::parseAddress() {
    QFETCH(QString, input);
    QFETCH(QString, type);
    QFETCH(QString, value);
    QString error;
    const std::optional<NetworkZone::Address> address = ZoneGatewayChange::parseAddress(input, &error);
    if (type.isEmpty()) {
        QVERIFY2(!address, qPrintable(address ? address->value : QString()));
        QVERIFY2(error.contains(value), qPrintable(error));
        return;
    }
    QVERIFY2(address, qPrintable(error));
    QCOMPARE(address->type, type);
    QCOMPARE(address->value, value);
}

void TestZoneGatewayChange::gatewayLimit_data() {
    QTest::addColumn<QString>("usage");
    QTest::addColumn<bool>("system");
    QTest::addColumn<int>("limit");
    QTest::newRow("system blocklist (BlockedIpZone)") << "BLOCKLIST" << true << 1000;
    QTest::newRow("admin blocklist") << "BLOCKLIST" << false << 1000;
    QTest::newRow("system policy (DefaultExemptIpZone)") << "POLICY" << true << 5000;
    QTest::newRow("admin policy") << "POLICY" << false << 150;
}

void TestZoneGatewayChange::gatewayLimit() {
    QFETCH(QString, usage);
    QFETCH(bool, system);
    QFETCH(int, limit);
    QCOMPARE(ZoneGatewayChange::gatewayLimit(zoneFrom(zoneObject(QStringLiteral("Z"), usage, system, {}))),
             limit);
}

void TestZoneGatewayChange::blockAddsNewEntriesAndKeepsExistingOnes() {
    const NetworkZone zone = blockedIpZone({QStringLiteral("203.0.113.66/32")});
    const ZoneGatewayChange change = ZoneGatewayChange::plan(
        zone, ZoneAction::Block,
        {QStringLiteral("198.51.100.7"), QStringLiteral("198.51.100.7/32"), QStringLiteral("203.0.113.66"),
         QStringLiteral("2001:db8::5"), QStringLiteral("198.51.100.7")});
    QVERIFY2(change.isValid(), qPrintable(change.errors().join(QLatin1Char('\n'))));
    QCOMPARE(change.action(), ZoneAction::Block);
    QVERIFY(change.hasChanges());
    QCOMPARE(valuesOf(change.changed()), (QStringList{"198.51.100.7/32", "2001:db8::5/128"}));
    QCOMPARE(valuesOf(change.unchanged()), QStringList{"203.0.113.66/32"});
    QVERIFY(change.coveredNotes().isEmpty());
    QCOMPARE(valuesOf(change.resultingGateways()),
             (QStringList{"203.0.113.66/32", "198.51.100.7/32", "2001:db8::5/128"}));
    QCOMPARE(change.gatewaysBefore(), 1);
    QCOMPARE(change.gatewaysAfter(), 3);
    QCOMPARE(change.summary(),
             QStringLiteral("BlockedIpZone: add 2 (198.51.100.7/32, 2001:db8::5/128); 1 already "
                            "there; 1 \u2192 3 of 1,000 gateways."));

    // More than three: the summary names three and counts the rest.
    const ZoneGatewayChange many = ZoneGatewayChange::plan(zone, ZoneAction::Block, manyGateways(5));
    QCOMPARE(many.summary(), QStringLiteral("BlockedIpZone: add 5 (10.0.0.0/32, 10.0.0.1/32, 10.0.0.2/32, +2 "
                                            "more); 1 \u2192 6 of 1,000 gateways."));
}

void TestZoneGatewayChange::nothingToChangeSaysSo() {
    const ZoneGatewayChange change =
        ZoneGatewayChange::plan(blockedIpZone({QStringLiteral("203.0.113.66/32")}), ZoneAction::Block,
                                {QStringLiteral("203.0.113.66")});
    QVERIFY(change.isValid());
    QVERIFY(!change.hasChanges());
    QCOMPARE(change.summary(), QStringLiteral("BlockedIpZone: nothing to change; 1 already there; 1 of 1,000 "
                                              "gateways."));
    const ZoneGatewayChange removal = ZoneGatewayChange::plan(
        blockedIpZone({QStringLiteral("203.0.113.66/32")}), ZoneAction::Unblock, {QStringLiteral("8.8.8.8")});
    QVERIFY(removal.isValid());
    QVERIFY(!removal.hasChanges());
    QCOMPARE(valuesOf(removal.unchanged()), QStringList{"8.8.8.8/32"});
    QCOMPARE(removal.summary(),
             QStringLiteral("BlockedIpZone: nothing to change; 1 not in the zone; 1 of 1,000 "
                            "gateways."));
}

void TestZoneGatewayChange::addingInsideAWiderEntryIsCovered() {
    const NetworkZone zone =
        blockedIpZone({QStringLiteral("198.51.100.0/24"), QStringLiteral("203.0.113.10-203.0.113.19"),
                       QStringLiteral("2001:db8:100::/48")});
    const ZoneGatewayChange change = ZoneGatewayChange::plan(
        zone, ZoneAction::Block,
        {QStringLiteral("198.51.100.7"), QStringLiteral("203.0.113.12/31"), QStringLiteral("2001:db8:100::9"),
         QStringLiteral("192.0.2.9"), QStringLiteral("192.0.2.0/24"),
         QStringLiteral("203.0.113.19-203.0.113.20")});
    QVERIFY(change.isValid());
    // Only what is not covered yet is written; the partly covered range is new.
    QCOMPARE(valuesOf(change.changed()), (QStringList{"192.0.2.0/24", "203.0.113.19-203.0.113.20"}));
    QVERIFY(change.unchanged().isEmpty());
    QCOMPARE(change.coveredNotes(),
             (QStringList{
                 "198.51.100.7/32 is already covered by 198.51.100.0/24 in BlockedIpZone: not added",
                 "203.0.113.12/31 is already covered by 203.0.113.10-203.0.113.19 in BlockedIpZone: not "
                 "added",
                 "2001:db8:100::9/128 is already covered by 2001:db8:100::/48 in BlockedIpZone: not added",
                 "192.0.2.9/32 is inside 192.0.2.0/24, also given: not added separately"}));
    QCOMPARE(
        change.summary(),
        QStringLiteral("BlockedIpZone: add 2 (192.0.2.0/24, 203.0.113.19-203.0.113.20); 4 covered by a wider "
                       "entry; 3 \u2192 5 of 1,000 gateways."));
    // An IPv4 input is never covered by an IPv6 entry, nor the other way round.
    const ZoneGatewayChange families = ZoneGatewayChange::plan(
        blockedIpZone({QStringLiteral("::/0")}), ZoneAction::Block, {QStringLiteral("198.51.100.7")});
    QCOMPARE(valuesOf(families.changed()), QStringList{"198.51.100.7/32"});
}

void TestZoneGatewayChange::cidrIsNormalisedAndNoted() {
    // A typed CIDR with host bits set is a slip (203.0.113.7/2 would be a quarter of IPv4), and
    // /0 is every address: both are refused with what to write instead.
    const ZoneGatewayChange change = ZoneGatewayChange::plan(
        blockedIpZone({}), ZoneAction::Block,
        {QStringLiteral("10.1.2.3/24"), QStringLiteral("10.1.2.0/24"), QStringLiteral("2001:db8::1/64"),
         QStringLiteral("0.0.0.0/0"), QStringLiteral("::/0")});
    QVERIFY(!change.isValid());
    QCOMPARE(
        change.errors(),
        (QStringList{"'10.1.2.3/24' (item 1): host bits are set after the prefix: write 10.1.2.0/24 for "
                     "the network, or 10.1.2.3/32 for the one address",
                     "'2001:db8::1/64' (item 3): host bits are set after the prefix: write 2001:db8::/64 "
                     "for the network, or 2001:db8::1/128 for the one address",
                     "'0.0.0.0/0' (item 4): a /0 prefix matches every address; name the addresses or "
                     "networks instead",
                     "'::/0' (item 5): a /0 prefix matches every address; name the addresses or networks "
                     "instead"}));
    QString error;
    QVERIFY(!ZoneGatewayChange::parseAddress(QStringLiteral("203.0.113.7/2"), &error));
    QVERIFY2(error.contains(QLatin1String("192.0.0.0/2")), qPrintable(error));

    // The same addresses given twice, written differently, are one entry and a note per repeat.
    const ZoneGatewayChange twice =
        ZoneGatewayChange::plan(blockedIpZone({}), ZoneAction::Block,
                                {QStringLiteral("203.0.113.7"), QStringLiteral("203.0.113.7/32"),
                                 QStringLiteral("203.0.113.7-203.0.113.7")});
    QVERIFY(twice.isValid());
    QCOMPARE(valuesOf(twice.changed()), QStringList{"203.0.113.7/32"});
    QCOMPARE(twice.normalisationNotes(),
             (QStringList{"'203.0.113.7/32' (item 2) is the same as item 1: listed once",
                          "'203.0.113.7-203.0.113.7' (item 3) is the same as item 1: listed once"}));

    // An entry already in the zone with host bits set (Okta accepts those) is still matched.
    const ZoneGatewayChange removal =
        ZoneGatewayChange::plan(blockedIpZone({QStringLiteral("10.1.2.99/24")}), ZoneAction::Unblock,
                                {QStringLiteral("10.1.2.0/24")});
    QVERIFY(removal.isValid());
    QCOMPARE(valuesOf(removal.changed()), QStringList{"10.1.2.99/24"});
    QVERIFY(removal.resultingGateways().isEmpty());
}

void TestZoneGatewayChange::unblockRemovesOnlyNamedEntries() {
    const NetworkZone zone =
        blockedIpZone({QStringLiteral("198.51.100.0/24"), QStringLiteral("203.0.113.66/32"),
                       QStringLiteral("203.0.113.10-203.0.113.19"), QStringLiteral("192.0.2.5/32"),
                       QStringLiteral("203.0.113.77")});
    const ZoneGatewayChange change =
        ZoneGatewayChange::plan(zone, ZoneAction::Unblock,
                                {QStringLiteral("203.0.113.66"), QStringLiteral("198.51.100.7"),
                                 QStringLiteral("203.0.113.10-203.0.113.19"), QStringLiteral("192.0.2.0/24"),
                                 QStringLiteral("8.8.8.8"), QStringLiteral("203.0.113.77/32")});
    // An address inside a wider entry, or a network over narrower ones, would stay blocked:
    // the plan cannot be applied as asked, and says which item and why.
    QVERIFY(!change.isValid());
    QCOMPARE(change.errors(),
             (QStringList{
                 "'198.51.100.7' (item 2): 198.51.100.7/32 is inside 198.51.100.0/24, which stays: remove "
                 "198.51.100.0/24 itself to take the whole entry out of BlockedIpZone",
                 "'192.0.2.0/24' (item 4): 192.0.2.0/24 is not an entry of BlockedIpZone; the narrower "
                 "entries inside it would stay: 192.0.2.5/32 (name them to remove them)"}));

    const ZoneGatewayChange exact =
        ZoneGatewayChange::plan(zone, ZoneAction::Unblock,
                                {QStringLiteral("203.0.113.66"), QStringLiteral("203.0.113.10-203.0.113.19"),
                                 QStringLiteral("8.8.8.8"), QStringLiteral("203.0.113.77/32")});
    QVERIFY(exact.isValid());
    // Exact entries go, as they were stored (even a CIDR stored without its prefix).
    QCOMPARE(valuesOf(exact.changed()),
             (QStringList{"203.0.113.66/32", "203.0.113.10-203.0.113.19", "203.0.113.77"}));
    QCOMPARE(valuesOf(exact.unchanged()), QStringList{"8.8.8.8/32"});
    QVERIFY(exact.coveredNotes().isEmpty());
    QCOMPARE(valuesOf(exact.resultingGateways()), (QStringList{"198.51.100.0/24", "192.0.2.5/32"}));
    QCOMPARE(exact.gatewaysBefore(), 5);
    QCOMPARE(exact.gatewaysAfter(), 2);
    QCOMPARE(exact.summary(),
             QStringLiteral(
                 "BlockedIpZone: remove 3 (203.0.113.66/32, 203.0.113.10-203.0.113.19, 203.0.113.77); 1 "
                 "not in the zone; 5 \u2192 2 of 1,000 gateways."));
}

void TestZoneGatewayChange::exemptAndUnexemptOnTheExemptZone() {
    const NetworkZone zone =
        exemptZone({QStringLiteral("192.0.2.10/32"), QStringLiteral("192.0.2.20-192.0.2.29")});
    const ZoneGatewayChange exempt = ZoneGatewayChange::plan(
        zone, ZoneAction::Exempt, {QStringLiteral("2001:db8::7"), QStringLiteral("192.0.2.25")});
    QVERIFY(exempt.isValid());
    QCOMPARE(valuesOf(exempt.changed()), QStringList{"2001:db8::7/128"});
    QCOMPARE(exempt.coveredNotes().size(), 1);
    QCOMPARE(exempt.summary(),
             QStringLiteral("DefaultExemptIpZone: add 1 (2001:db8::7/128); 1 covered by a wider "
                            "entry; 2 \u2192 3 of 5,000 gateways."));
    const ZoneGatewayChange unexempt =
        ZoneGatewayChange::plan(zone, ZoneAction::Unexempt, {QStringLiteral("192.0.2.10")});
    QVERIFY(unexempt.isValid());
    QCOMPARE(valuesOf(unexempt.resultingGateways()), QStringList{"192.0.2.20-192.0.2.29"});
    // Okta refuses the exempt zone with proxies: said before anything is sent.
    QJsonObject withProxies = zone.raw;
    withProxies.insert(QStringLiteral("proxies"), addresses({QStringLiteral("192.0.2.200/32")}));
    const ZoneGatewayChange proxied =
        ZoneGatewayChange::plan(zoneFrom(withProxies), ZoneAction::Exempt, {QStringLiteral("2001:db8::7")});
    QCOMPARE(proxied.refusal(),
             QStringLiteral("DefaultExemptIpZone has proxies (1), which Okta does not allow "
                            "there: remove them in the Admin Console first, then try again"));
    // Other POLICY IP zones can be exempt lists too (e.g. zones excluded from ThreatInsight).
    const NetworkZone policy =
        zoneFrom(zoneObject(QStringLiteral("Corporate HQ"), QStringLiteral("POLICY"), false, {}));
    QVERIFY(ZoneGatewayChange::plan(policy, ZoneAction::Exempt, {QStringLiteral("198.51.100.1")}).isValid());
}

void TestZoneGatewayChange::unreadableExistingEntriesAreKept() {
    const NetworkZone zone =
        blockedIpZone({QStringLiteral("not-an-address"), QStringLiteral("203.0.113.66/32")});
    const ZoneGatewayChange block =
        ZoneGatewayChange::plan(zone, ZoneAction::Block, {QStringLiteral("198.51.100.7")});
    QCOMPARE(valuesOf(block.resultingGateways()),
             (QStringList{"not-an-address", "203.0.113.66/32", "198.51.100.7/32"}));
    const ZoneGatewayChange unblock =
        ZoneGatewayChange::plan(zone, ZoneAction::Unblock, {QStringLiteral("203.0.113.66")});
    QCOMPARE(valuesOf(unblock.resultingGateways()), QStringList{"not-an-address"});
}

void TestZoneGatewayChange::everyBadItemIsListed() {
    const ZoneGatewayChange change =
        ZoneGatewayChange::plan(blockedIpZone({}), ZoneAction::Block,
                                {QStringLiteral("198.51.100.7"), QStringLiteral("10.0.0.300"), QString(),
                                 QStringLiteral("1.2.3.4/40")});
    QVERIFY(!change.isValid());
    QVERIFY(change.refusal().isEmpty());
    QCOMPARE(change.problems().size(), 3);
    QCOMPARE(change.problems().at(0).item, 2);
    QCOMPARE(change.problems().at(0).input, QStringLiteral("10.0.0.300"));
    QCOMPARE(change.problems().at(0).message,
             QStringLiteral("'10.0.0.300' (item 2): IPv4 parts must be 0 to 255"));
    QCOMPARE(change.problems().at(1).item, 3);
    QVERIFY(change.problems().at(1).message.startsWith(QLatin1String("'' (item 3): empty")));
    QCOMPARE(
        change.problems().at(2).message,
        QStringLiteral("'1.2.3.4/40' (item 4): the prefix length after '/' must be a number from 0 to 32 for "
                       "IPv4"));
    QCOMPARE(change.errors().size(), 3);
    QCOMPARE(change.errors().at(0), change.problems().at(0).message);
    // The good item is still planned, so the admin sees the whole picture.
    QCOMPARE(valuesOf(change.changed()), QStringList{"198.51.100.7/32"});
}

void TestZoneGatewayChange::refusals_data() {
    QTest::addColumn<QJsonObject>("zone");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("refusal");
    const QJsonObject dynamic = zoneObject(QStringLiteral("Tor and anonymizers"), QStringLiteral("BLOCKLIST"),
                                           false, {}, QStringLiteral("DYNAMIC"));
    const QJsonObject policy = zoneObject(QStringLiteral("Corporate HQ"), QStringLiteral("POLICY"), false,
                                          {QStringLiteral("198.51.100.64/26")});
    const QJsonObject blocked = zoneObject(QStringLiteral("BlockedIpZone"), QStringLiteral("BLOCKLIST"), true,
                                           {QStringLiteral("203.0.113.66/32")});
    QTest::newRow("block on a dynamic zone") << dynamic << int(ZoneAction::Block)
                                             << "Tor and anonymizers is a DYNAMIC zone: only IP zones have "
                                                "gateways to change (dynamic zones match "
                                                "locations, ASNs or proxy types)";
    QTest::newRow("block on a policy zone")
        << policy << int(ZoneAction::Block)
        << "Corporate HQ is a POLICY zone: blocking needs a BLOCKLIST zone such as BlockedIpZone";
    QTest::newRow("unblock on a policy zone")
        << policy << int(ZoneAction::Unblock)
        << "Corporate HQ is a POLICY zone: unblocking needs a BLOCKLIST zone such as BlockedIpZone";
    QTest::newRow("exempt on a blocklist zone")
        << blocked << int(ZoneAction::Exempt)
        << "BlockedIpZone is a BLOCKLIST zone: exempting needs a POLICY IP zone such as DefaultExemptIpZone";
    QTest::newRow("unexempt on a blocklist zone") << blocked << int(ZoneAction::Unexempt)
                                                  << "BlockedIpZone is a BLOCKLIST zone: unexempting needs a "
                                                     "POLICY IP zone such as DefaultExemptIpZone";
}

void TestZoneGatewayChange::refusals() {
    QFETCH(QJsonObject, zone);
    QFETCH(int, action);
    QFETCH(QString, refusal);
    const ZoneGatewayChange change =
        ZoneGatewayChange::plan(zoneFrom(zone), ZoneAction(action), {QStringLiteral("198.51.100.64/26")});
    QVERIFY(!change.isValid());
    QCOMPARE(change.refusal(), refusal);
    QCOMPARE(change.errors(), QStringList{refusal});
    QVERIFY(change.problems().isEmpty());
}

void TestZoneGatewayChange::limits_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<bool>("system");
    QTest::addColumn<int>("existing");
    QTest::addColumn<int>("adding");
    QTest::addColumn<QString>("refusal"); // empty: allowed
    const QString blocklist = QStringLiteral("BLOCKLIST");
    const QString policy = QStringLiteral("POLICY");
    QTest::newRow("blocklist up to the limit")
        << "BlockedIpZone" << blocklist << true << 995 << 5 << QString();
    QTest::newRow("blocklist one over") << "BlockedIpZone" << blocklist << true << 1000 << 1
                                        << "BlockedIpZone holds at most 1,000 gateways (Okta's limit for "
                                           "BLOCKLIST zones): it has 1,000, adding 1 "
                                           "would make 1,001";
    QTest::newRow("blocklist over by three") << "BlockedIpZone" << blocklist << true << 998 << 5
                                             << "BlockedIpZone holds at most 1,000 gateways (Okta's limit "
                                                "for BLOCKLIST zones): it has 998, adding 5 "
                                                "would make 1,003";
    QTest::newRow("admin zone up to the limit") << "Partners" << policy << false << 149 << 1 << QString();
    QTest::newRow("admin zone over")
        << "Partners" << policy << false << 150 << 1
        << "Partners holds at most 150 gateways (Okta's limit for IP zones created by an admin): it has 150, "
           "adding 1 would make 151";
    QTest::newRow("exempt zone up to the limit")
        << "DefaultExemptIpZone" << policy << true << 4999 << 1 << QString();
    QTest::newRow("exempt zone over") << "DefaultExemptIpZone" << policy << true << 4999 << 2
                                      << "DefaultExemptIpZone holds at most 5,000 gateways (Okta's limit for "
                                         "system IP zones): it has 4,999, "
                                         "adding 2 would make 5,001";
}

void TestZoneGatewayChange::limits() {
    QFETCH(QString, name);
    QFETCH(QString, usage);
    QFETCH(bool, system);
    QFETCH(int, existing);
    QFETCH(int, adding);
    QFETCH(QString, refusal);
    const QStringList all = manyGateways(existing + adding);
    const NetworkZone zone = zoneFrom(zoneObject(name, usage, system, all.mid(0, existing)));
    const ZoneAction add = usage == QLatin1String("BLOCKLIST") ? ZoneAction::Block : ZoneAction::Exempt;
    const ZoneGatewayChange change = ZoneGatewayChange::plan(zone, add, all.mid(existing));
    QCOMPARE(change.refusal(), refusal);
    QCOMPARE(change.isValid(), refusal.isEmpty());
    QCOMPARE(change.gatewaysAfter(), existing + adding);
    // Entries already there cost nothing, and removing is always allowed, even at the limit.
    const ZoneGatewayChange again = ZoneGatewayChange::plan(zone, add, all.mid(0, 2));
    QVERIFY(again.isValid());
    QVERIFY(!again.hasChanges());
    const ZoneAction remove =
        usage == QLatin1String("BLOCKLIST") ? ZoneAction::Unblock : ZoneAction::Unexempt;
    const ZoneGatewayChange removal = ZoneGatewayChange::plan(zone, remove, all.mid(0, 1));
    QVERIFY(removal.isValid());
    QCOMPARE(removal.gatewaysAfter(), existing - 1);
}

void TestZoneGatewayChange::inactiveZoneIsAllowedButNoted() {
    const NetworkZone zone =
        zoneFrom(zoneObject(QStringLiteral("Known Bad Actors"), QStringLiteral("BLOCKLIST"), false, {},
                            QStringLiteral("IP"), QStringLiteral("INACTIVE")));
    const ZoneGatewayChange change =
        ZoneGatewayChange::plan(zone, ZoneAction::Block, {QStringLiteral("198.51.100.7")});
    QVERIFY(change.isValid());
    QCOMPARE(change.summary(),
             QStringLiteral("Known Bad Actors: add 1 (198.51.100.7/32); 0 \u2192 1 of 1,000 "
                            "gateways. The zone is INACTIVE: its entries take effect only once it "
                            "is activated."));
}

void TestZoneGatewayChange::requestBodyKeepsTheZoneAndDropsReadOnlyFields() {
    QJsonObject object = zoneObject(QStringLiteral("Known Bad Actors"), QStringLiteral("BLOCKLIST"), false,
                                    {QStringLiteral("203.0.113.128/26")});
    object.insert(QStringLiteral("_links"), QJsonObject{{QStringLiteral("self"), QJsonObject{}}});
    object.insert(QStringLiteral("asns"), QJsonArray{});
    object.insert(QStringLiteral("futureField"), 42);
    const ZoneGatewayChange change =
        ZoneGatewayChange::plan(zoneFrom(object), ZoneAction::Block, {QStringLiteral("198.51.100.0/25")});
    const QJsonObject body = change.requestBody();
    for (const char* gone : {"id", "created", "lastUpdated", "_links", "useAsExemptList"})
        QVERIFY2(!body.contains(QLatin1String(gone)), gone);
    QCOMPARE(body.value(QStringLiteral("name")).toString(), QStringLiteral("Known Bad Actors"));
    QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("IP"));
    QCOMPARE(body.value(QStringLiteral("usage")).toString(), QStringLiteral("BLOCKLIST"));
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(body.value(QStringLiteral("system")), QJsonValue(false));
    QCOMPARE(body.value(QStringLiteral("proxies")), QJsonValue(QJsonValue::Null));
    QCOMPARE(body.value(QStringLiteral("asns")), QJsonValue(QJsonArray{}));
    QCOMPARE(body.value(QStringLiteral("futureField")).toInt(), 42);
    QCOMPARE(body.value(QStringLiteral("gateways")).toArray(),
             addresses({QStringLiteral("203.0.113.128/26"), QStringLiteral("198.51.100.0/25")}));
}

void TestZoneGatewayChange::requestBodyOfTheExemptZoneSetsUseAsExemptList() {
    QJsonObject object = exemptZone({QStringLiteral("192.0.2.10/32")}).raw;
    object.insert(QStringLiteral("proxies"), QJsonArray{});
    const ZoneGatewayChange change =
        ZoneGatewayChange::plan(zoneFrom(object), ZoneAction::Unexempt, {QStringLiteral("192.0.2.10")});
    const QJsonObject body = change.requestBody();
    QCOMPARE(body.value(QStringLiteral("useAsExemptList")), QJsonValue(true));
    QCOMPARE(body.value(QStringLiteral("gateways")).toArray(), QJsonArray{});
    QCOMPARE(body.value(QStringLiteral("proxies")).toArray(), QJsonArray{});
    QVERIFY(!body.contains(QStringLiteral("id")));
}

QTEST_GUILESS_MAIN(TestZoneGatewayChange)
#include "TestZoneGatewayChange.moc"
