// ZoneCatalogue: turning what an admin types into one zone id, never guessing.
#include "threatinsight/ZoneCatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
NetworkZone zone(const QString& id, const QString& name, const QString& type = QStringLiteral("IP")) {
    NetworkZone z;
    z.id = id;
    z.name = name;
    z.type = type;
    z.status = QStringLiteral("ACTIVE");
    z.usage = QStringLiteral("POLICY");
    return z;
}

ZoneCatalogue catalogue() {
    return ZoneCatalogue(QList<NetworkZone>{
        zone(QStringLiteral("nzoOffice1"), QStringLiteral("Office")),
        zone(QStringLiteral("nzoOffice2"), QStringLiteral("office")),
        zone(QStringLiteral("nzoVpn"), QStringLiteral("VPN")),
        zone(QStringLiteral("nzoTricky"), QStringLiteral("nzoVpn")), // a name equal to another zone's id
        zone(QStringLiteral("nzoLab1"), QStringLiteral("Lab")),
        zone(QStringLiteral("nzoLab2"), QStringLiteral("LAB")),
        zone(QStringLiteral("nzoDup1"), QStringLiteral("Partners")),
        zone(QStringLiteral("nzoDup2"), QStringLiteral("Partners")),
        zone(QStringLiteral("nzoTor"), QStringLiteral("Tor"), QStringLiteral("DYNAMIC")),
    });
}
} // namespace

class TestZoneCatalogue : public QObject {
    Q_OBJECT
private slots:
    void resolves_data();
    void resolves();
    void ambiguityListsTheCandidates_data();
    void ambiguityListsTheCandidates();
    void unknownIsAnError_data();
    void unknownIsAnError();
    void resolutionPointsIntoTheCatalogue();
    void findById();
    void displayName();
    void emptyCatalogue();
    void blankInputNeverPicksANamelessZone();
    void fromJsonSkipsBadZones();
};

void TestZoneCatalogue::resolves_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("id");
    QTest::newRow("exact id") << "nzoLab1"
                              << "nzoLab1";
    QTest::newRow("id wins over a name") << "nzoVpn"
                                         << "nzoVpn";
    QTest::newRow("other exact id") << "nzoOffice2"
                                    << "nzoOffice2";
    QTest::newRow("exact name beats case-insensitive") << "Office"
                                                       << "nzoOffice1";
    QTest::newRow("exact lower-case name") << "office"
                                           << "nzoOffice2";
    QTest::newRow("exact name LAB") << "LAB"
                                    << "nzoLab2";
    QTest::newRow("case-insensitive name") << "vpn"
                                           << "nzoVpn";
    QTest::newRow("case-insensitive mixed") << "vPn"
                                            << "nzoVpn";
    QTest::newRow("dynamic zone by name") << "tor"
                                          << "nzoTor";
    QTest::newRow("name that is another id, by its own id") << "nzoTricky"
                                                            << "nzoTricky";
}

void TestZoneCatalogue::resolves() {
    QFETCH(QString, input);
    QFETCH(QString, id);
    const ZoneCatalogue zones = catalogue();
    const ZoneCatalogue::Resolution r = zones.resolve(input);
    QVERIFY2(r.zone, qPrintable(r.error));
    QCOMPARE(r.zone->id, id);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
}

void TestZoneCatalogue::ambiguityListsTheCandidates_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("candidates");
    QTest::newRow("same name twice") << "Partners" << QStringList{"nzoDup1", "nzoDup2"};
    QTest::newRow("case-insensitive twice") << "OFFICE" << QStringList{"nzoOffice1", "nzoOffice2"};
    QTest::newRow("lab") << "lab" << QStringList{"nzoLab1", "nzoLab2"};
    QTest::newRow("partners lower") << "partners" << QStringList{"nzoDup1", "nzoDup2"};
}

void TestZoneCatalogue::ambiguityListsTheCandidates() {
    QFETCH(QString, input);
    QFETCH(QStringList, candidates);
    const ZoneCatalogue zones = catalogue();
    const ZoneCatalogue::Resolution r = zones.resolve(input);
    QVERIFY2(!r.zone, r.zone ? qPrintable(r.zone->id) : "");
    QVERIFY(!r.error.isEmpty());
    for (const QString& id : candidates)
        QVERIFY2(r.error.contains(id), qPrintable(r.error));
}

void TestZoneCatalogue::unknownIsAnError_data() {
    QTest::addColumn<QString>("input");
    QTest::newRow("unknown name") << "Headquarters";
    QTest::newRow("unknown id") << "nzoMissing";
    QTest::newRow("prefix of a name") << "Off";
    QTest::newRow("id in other case") << "NZOVPN-nope";
    QTest::newRow("empty") << "";
}

void TestZoneCatalogue::unknownIsAnError() {
    QFETCH(QString, input);
    const ZoneCatalogue zones = catalogue();
    const ZoneCatalogue::Resolution r = zones.resolve(input);
    QVERIFY(!r.zone);
    QVERIFY(!r.error.isEmpty());
    if (!input.isEmpty())
        QVERIFY2(r.error.contains(input), qPrintable(r.error));
}

void TestZoneCatalogue::resolutionPointsIntoTheCatalogue() {
    const ZoneCatalogue zones = catalogue();
    const ZoneCatalogue::Resolution r = zones.resolve(QStringLiteral("VPN"));
    QVERIFY(r.zone);
    QCOMPARE(r.zone, &zones.zones().at(2));
}

void TestZoneCatalogue::findById() {
    const ZoneCatalogue zones = catalogue();
    QCOMPARE(zones.zones().size(), 9);
    const NetworkZone* lab = zones.findById(QStringLiteral("nzoLab2"));
    QVERIFY(lab);
    QCOMPARE(lab->name, QStringLiteral("LAB"));
    QCOMPARE(zones.findById(QStringLiteral("nzoMissing")), nullptr);
    QCOMPARE(zones.findById(QStringLiteral("nzolab2")), nullptr); // ids are case-sensitive
    QCOMPARE(zones.findById(QStringLiteral("Lab")), nullptr);     // a name is not an id
}

void TestZoneCatalogue::displayName() {
    const ZoneCatalogue zones = catalogue();
    QCOMPARE(zones.displayName(QStringLiteral("nzoVpn")), QStringLiteral("VPN"));
    QCOMPARE(zones.displayName(QStringLiteral("nzoTricky")), QStringLiteral("nzoVpn"));
    QCOMPARE(zones.displayName(QStringLiteral("nzoDeletedSince")), QStringLiteral("nzoDeletedSince"));
}

void TestZoneCatalogue::emptyCatalogue() {
    const ZoneCatalogue zones;
    QVERIFY(zones.zones().isEmpty());
    QVERIFY(!zones.resolve(QStringLiteral("Office")).zone);
    QVERIFY(!zones.resolve(QStringLiteral("Office")).error.isEmpty());
    QCOMPARE(zones.displayName(QStringLiteral("nzo1")), QStringLiteral("nzo1"));
}

void TestZoneCatalogue::blankInputNeverPicksANamelessZone() {
    const ZoneCatalogue zones(QList<NetworkZone>{zone(QStringLiteral("nzoNameless"), QString()),
                                                 zone(QStringLiteral("nzoNamed"), QStringLiteral("Named"))});
    for (const QString& input : {QString(), QStringLiteral("   ")}) {
        const ZoneCatalogue::Resolution r = zones.resolve(input);
        QVERIFY2(!r.zone, r.zone ? qPrintable(r.zone->id) : "");
        QVERIFY(!r.error.isEmpty());
    }
    QCOMPARE(zones.displayName(QStringLiteral("nzoNameless")).isEmpty(), true);
}

void TestZoneCatalogue::fromJsonSkipsBadZones() {
    const QJsonArray array = QJsonDocument::fromJson(R"([
        {"type":"IP","id":"nzoA","name":"Alpha","status":"ACTIVE","usage":"POLICY","system":false,
         "gateways":[{"type":"CIDR","value":"1.2.3.0/24"}]},
        {"type":"IP","name":"No id at all"},
        42,
        {"type":"DYNAMIC","id":"nzoB","name":"Beta","status":"ACTIVE","usage":"BLOCKLIST","system":false}
    ])")
                                 .array();
    QCOMPARE(array.size(), 4);
    QStringList errors;
    const ZoneCatalogue zones = ZoneCatalogue::fromJson(array, &errors);
    QCOMPARE(zones.zones().size(), 2);
    QCOMPARE(zones.zones().at(0).id, QStringLiteral("nzoA"));
    QCOMPARE(zones.zones().at(0).gateways.size(), 1);
    QCOMPARE(zones.zones().at(1).id, QStringLiteral("nzoB"));
    QCOMPARE(errors.size(), 2);
    for (const QString& e : errors)
        QVERIFY(!e.isEmpty());
    QCOMPARE(zones.resolve(QStringLiteral("beta")).zone->id, QStringLiteral("nzoB"));

    const ZoneCatalogue clean = ZoneCatalogue::fromJson(QJsonArray{}, nullptr);
    QVERIFY(clean.zones().isEmpty());
}

QTEST_GUILESS_MAIN(TestZoneCatalogue)
#include "TestZoneCatalogue.moc"
