// NetworkZone: one element of GET /api/v1/zones.
#include "threatinsight/NetworkZone.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject object(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}

const QByteArray IpZone =
    R"({"type":"IP","id":"nzovw2rFz2YoqmvwZ0g3","name":"Office networks","status":"ACTIVE","usage":"POLICY",)"
    R"("system":false,"gateways":[{"type":"CIDR","value":"1.2.3.0/24"},{"type":"RANGE","value":"2.3.4.5-2.3.4.15"}],)"
    R"("proxies":[{"type":"CIDR","value":"9.9.9.0/30"}],"created":"2025-10-07T06:36:55.000Z",)"
    R"("lastUpdated":"2026-02-18T06:35:08.000Z","asns":[],"locations":[],)"
    R"("_links":{"self":{"href":"https://acme.okta.com/api/v1/zones/nzovw2rFz2YoqmvwZ0g3"}}})";

NetworkZone zoneWithGateways(int count) {
    NetworkZone zone;
    zone.id = QStringLiteral("nzoX");
    zone.type = QStringLiteral("IP");
    for (int i = 0; i < count; ++i)
        zone.gateways.append({QStringLiteral("CIDR"), QStringLiteral("10.0.%1.0/24").arg(i)});
    return zone;
}
} // namespace

class TestNetworkZone : public QObject {
    Q_OBJECT
private slots:
    void ipZone();
    void systemBlocklistZone();
    void dynamicZoneWithoutGateways_data();
    void dynamicZoneWithoutGateways();
    void nullGatewaysAndProxies();
    void rawKeepsUnmodelledFields();
    void missingIdFails();
    void gatewaySummary_data();
    void gatewaySummary();
};

void TestNetworkZone::ipZone() {
    QString error;
    const auto zone = NetworkZone::fromJson(object(IpZone), &error);
    QVERIFY2(zone.has_value(), qPrintable(error));
    QCOMPARE(zone->id, QStringLiteral("nzovw2rFz2YoqmvwZ0g3"));
    QCOMPARE(zone->name, QStringLiteral("Office networks"));
    QCOMPARE(zone->type, QStringLiteral("IP"));
    QCOMPARE(zone->status, QStringLiteral("ACTIVE"));
    QCOMPARE(zone->usage, QStringLiteral("POLICY"));
    QCOMPARE(zone->system, false);
    QCOMPARE(zone->gateways.size(), 2);
    QCOMPARE(zone->gateways.at(0).type, QStringLiteral("CIDR"));
    QCOMPARE(zone->gateways.at(0).value, QStringLiteral("1.2.3.0/24"));
    QCOMPARE(zone->gateways.at(1).type, QStringLiteral("RANGE"));
    QCOMPARE(zone->gateways.at(1).value, QStringLiteral("2.3.4.5-2.3.4.15"));
    QCOMPARE(zone->proxies.size(), 1);
    QCOMPARE(zone->proxies.at(0).type, QStringLiteral("CIDR"));
    QCOMPARE(zone->proxies.at(0).value, QStringLiteral("9.9.9.0/30"));
    QCOMPARE(zone->created, QDateTime(QDate(2025, 10, 7), QTime(6, 36, 55), Qt::UTC));
    QCOMPARE(zone->lastUpdated, QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8), Qt::UTC));
    QVERIFY(zone->isIpZone());
    QVERIFY(zone->canBeExcludedFromThreatInsight());
    QCOMPARE(zone->gatewaySummary(), QStringLiteral("1.2.3.0/24, 2.3.4.5-2.3.4.15"));
}

void TestNetworkZone::systemBlocklistZone() {
    QString error;
    const auto zone = NetworkZone::fromJson(
        object(
            R"({"type":"IP","id":"nzoBlocked","name":"BlockedIpZone","status":"ACTIVE","usage":"BLOCKLIST",)"
            R"("system":true,"gateways":[{"type":"CIDR","value":"203.0.113.7/32"}],"proxies":null})"),
        &error);
    QVERIFY2(zone.has_value(), qPrintable(error));
    QCOMPARE(zone->name, QStringLiteral("BlockedIpZone"));
    QCOMPARE(zone->usage, QStringLiteral("BLOCKLIST"));
    QCOMPARE(zone->system, true);
    QCOMPARE(zone->gateways.size(), 1);
    QVERIFY(zone->proxies.isEmpty());
    QCOMPARE(zone->gatewaySummary(), QStringLiteral("203.0.113.7/32"));
    QVERIFY(zone->canBeExcludedFromThreatInsight());
}

void TestNetworkZone::dynamicZoneWithoutGateways_data() {
    QTest::addColumn<QString>("type");
    QTest::newRow("DYNAMIC") << "DYNAMIC";
    QTest::newRow("DYNAMIC_V2") << "DYNAMIC_V2";
}

void TestNetworkZone::dynamicZoneWithoutGateways() {
    QFETCH(QString, type);
    QJsonObject json{{QStringLiteral("type"), type},
                     {QStringLiteral("id"), QStringLiteral("nzoDyn1")},
                     {QStringLiteral("name"), QStringLiteral("Tor and anonymizers")},
                     {QStringLiteral("status"), QStringLiteral("ACTIVE")},
                     {QStringLiteral("usage"), QStringLiteral("BLOCKLIST")},
                     {QStringLiteral("system"), false},
                     {QStringLiteral("proxyType"), QStringLiteral("TorAnonymizer")},
                     {QStringLiteral("locations"),
                      QJsonArray{QJsonObject{{QStringLiteral("country"), QStringLiteral("FR")}}}}};
    QString error;
    const auto zone = NetworkZone::fromJson(json, &error);
    QVERIFY2(zone.has_value(), qPrintable(error));
    QCOMPARE(zone->type, type);
    QCOMPARE(zone->id, QStringLiteral("nzoDyn1"));
    QVERIFY(zone->gateways.isEmpty());
    QVERIFY(zone->proxies.isEmpty());
    QVERIFY(!zone->isIpZone());
    QVERIFY(!zone->canBeExcludedFromThreatInsight());
    QCOMPARE(zone->gatewaySummary(), QStringLiteral("no gateways"));
    QCOMPARE(zone->raw, json);
}

void TestNetworkZone::nullGatewaysAndProxies() {
    QString error;
    const auto zone = NetworkZone::fromJson(
        object(R"({"type":"IP","id":"nzoEmpty","name":"Empty","status":"INACTIVE","usage":"POLICY",)"
               R"("system":false,"gateways":null,"proxies":null})"),
        &error);
    QVERIFY2(zone.has_value(), qPrintable(error));
    QCOMPARE(zone->status, QStringLiteral("INACTIVE"));
    QVERIFY(zone->gateways.isEmpty());
    QVERIFY(zone->proxies.isEmpty());
    QCOMPARE(zone->gatewaySummary(), QStringLiteral("no gateways"));
    QVERIFY(zone->canBeExcludedFromThreatInsight());
}

void TestNetworkZone::rawKeepsUnmodelledFields() {
    const QJsonObject json = object(IpZone);
    QString error;
    const auto zone = NetworkZone::fromJson(json, &error);
    QVERIFY2(zone.has_value(), qPrintable(error));
    QCOMPARE(zone->raw, json);
    QVERIFY(zone->raw.contains(QStringLiteral("asns")));
    QVERIFY(zone->raw.contains(QStringLiteral("_links")));
}

void TestNetworkZone::missingIdFails() {
    QString error;
    QVERIFY(!NetworkZone::fromJson(object(R"({"type":"IP","name":"No id"})"), &error).has_value());
    QVERIFY(!error.isEmpty());

    error.clear();
    QVERIFY(!NetworkZone::fromJson(QJsonObject{}, &error).has_value());
    QVERIFY(!error.isEmpty());

    QVERIFY(!NetworkZone::fromJson(QJsonObject{}, nullptr).has_value());
}

void TestNetworkZone::gatewaySummary_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("maxShown");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << 0 << 3 << "no gateways";
    QTest::newRow("one") << 1 << 3 << "10.0.0.0/24";
    QTest::newRow("exactly max") << 3 << 3 << "10.0.0.0/24, 10.0.1.0/24, 10.0.2.0/24";
    QTest::newRow("one more") << 4 << 3 << "10.0.0.0/24, 10.0.1.0/24, 10.0.2.0/24 (+1 more)";
    QTest::newRow("six") << 6 << 3 << "10.0.0.0/24, 10.0.1.0/24, 10.0.2.0/24 (+3 more)";
    QTest::newRow("max one") << 5 << 1 << "10.0.0.0/24 (+4 more)";
    QTest::newRow("max larger") << 2 << 10 << "10.0.0.0/24, 10.0.1.0/24";
}

void TestNetworkZone::gatewaySummary() {
    QFETCH(int, count);
    QFETCH(int, maxShown);
    QFETCH(QString, expected);
    QCOMPARE(zoneWithGateways(count).gatewaySummary(maxShown), expected);
}

QTEST_GUILESS_MAIN(TestNetworkZone)
#include "TestNetworkZone.moc"
