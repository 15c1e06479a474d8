// ThreatInsightConfiguration: GET/POST /api/v1/threats/configuration bodies.
#include "threatinsight/ThreatInsightConfiguration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

namespace {
QJsonObject object(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestThreatInsightConfiguration : public QObject {
    Q_OBJECT
private slots:
    void oktaExample();
    void missingExcludeZonesReadsAsEmpty();
    void emptyExcludeZonesArray();
    void badShapes_data();
    void badShapes();
    void nullErrorPointerIsAllowed();
    void toUpdateJson();
    void toUpdateJsonWithoutZones();
    void roundTrip();
    void actions();
    void isValidAction_data();
    void isValidAction();
    void describeAction();
};

void TestThreatInsightConfiguration::oktaExample() {
    const QJsonObject json = object(
        R"({"action":"block","excludeZones":["nzo1c1b2aTNWyxRSH0g4","nzo2"],)"
        R"("created":"2025-10-07T06:36:55.000Z","lastUpdated":"2026-02-18T06:35:08.000Z",)"
        R"("_links":{"self":{"href":"https://acme.okta.com/api/v1/threats/configuration","hints":{"allow":["GET","POST"]}}}})");
    QString error;
    const auto config = ThreatInsightConfiguration::fromJson(json, &error);
    QVERIFY2(config.has_value(), qPrintable(error));
    QCOMPARE(config->action, QStringLiteral("block"));
    QCOMPARE(config->excludeZones,
             (QStringList{QStringLiteral("nzo1c1b2aTNWyxRSH0g4"), QStringLiteral("nzo2")}));
    QCOMPARE(config->created, QDateTime(QDate(2025, 10, 7), QTime(6, 36, 55), Qt::UTC));
    QCOMPARE(config->lastUpdated, QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8), Qt::UTC));
}

void TestThreatInsightConfiguration::missingExcludeZonesReadsAsEmpty() {
    QString error;
    const auto config = ThreatInsightConfiguration::fromJson(object(R"({"action":"audit"})"), &error);
    QVERIFY2(config.has_value(), qPrintable(error));
    QCOMPARE(config->action, QStringLiteral("audit"));
    QVERIFY(config->excludeZones.isEmpty());
    QVERIFY(!config->created.isValid());
    QVERIFY(!config->lastUpdated.isValid());
}

void TestThreatInsightConfiguration::emptyExcludeZonesArray() {
    QString error;
    const auto config =
        ThreatInsightConfiguration::fromJson(object(R"({"action":"none","excludeZones":[]})"), &error);
    QVERIFY2(config.has_value(), qPrintable(error));
    QCOMPARE(config->action, QStringLiteral("none"));
    QVERIFY(config->excludeZones.isEmpty());
}

void TestThreatInsightConfiguration::badShapes_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("no action") << QByteArray(R"({"excludeZones":["nzo1"]})");
    QTest::newRow("action number") << QByteArray(R"({"action":3,"excludeZones":[]})");
    QTest::newRow("action null") << QByteArray(R"({"action":null,"excludeZones":[]})");
    QTest::newRow("action array") << QByteArray(R"({"action":["block"]})");
    QTest::newRow("excludeZones string") << QByteArray(R"({"action":"block","excludeZones":"nzo1"})");
    QTest::newRow("excludeZones object") << QByteArray(R"({"action":"block","excludeZones":{"id":"nzo1"}})");
    QTest::newRow("excludeZones number item")
        << QByteArray(R"({"action":"block","excludeZones":["nzo1",2]})");
    QTest::newRow("excludeZones object item")
        << QByteArray(R"({"action":"block","excludeZones":[{"id":"nzo1"}]})");
    QTest::newRow("excludeZones null item") << QByteArray(R"({"action":"block","excludeZones":[null]})");
}

void TestThreatInsightConfiguration::badShapes() {
    QFETCH(QByteArray, json);
    const QJsonObject obj = object(json);
    QString error;
    const auto config = ThreatInsightConfiguration::fromJson(obj, &error);
    QVERIFY2(!config.has_value(), json.constData());
    QVERIFY2(!error.isEmpty(), "a failure must say why");
}

void TestThreatInsightConfiguration::nullErrorPointerIsAllowed() {
    QVERIFY(!ThreatInsightConfiguration::fromJson(QJsonObject{}, nullptr).has_value());
    QVERIFY(ThreatInsightConfiguration::fromJson(object(R"({"action":"audit"})"), nullptr).has_value());
}

void TestThreatInsightConfiguration::toUpdateJson() {
    ThreatInsightConfiguration config;
    config.action = QStringLiteral("audit");
    config.excludeZones = QStringList{QStringLiteral("nzoA"), QStringLiteral("nzoB")};
    config.created = QDateTime(QDate(2025, 10, 7), QTime(6, 36, 55), Qt::UTC);
    config.lastUpdated = QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8), Qt::UTC);

    const QJsonObject json = config.toUpdateJson();
    const QJsonObject expected{
        {QStringLiteral("action"), QStringLiteral("audit")},
        {QStringLiteral("excludeZones"), QJsonArray{QStringLiteral("nzoA"), QStringLiteral("nzoB")}}};
    QCOMPARE(json, expected);
}

void TestThreatInsightConfiguration::toUpdateJsonWithoutZones() {
    ThreatInsightConfiguration config;
    config.action = QStringLiteral("none");
    const QJsonObject json = config.toUpdateJson();
    QCOMPARE(json.value(QStringLiteral("action")).toString(), QStringLiteral("none"));
    // An explicit empty list clears the exemptions on the server.
    QVERIFY(json.value(QStringLiteral("excludeZones")).isArray());
    QVERIFY(json.value(QStringLiteral("excludeZones")).toArray().isEmpty());
    QCOMPARE(json.size(), 2);
}

void TestThreatInsightConfiguration::roundTrip() {
    ThreatInsightConfiguration config;
    config.action = QStringLiteral("block");
    config.excludeZones = QStringList{QStringLiteral("nzo1"), QStringLiteral("nzo2"), QStringLiteral("nzo3")};
    QString error;
    const auto back = ThreatInsightConfiguration::fromJson(config.toUpdateJson(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->action, config.action);
    QCOMPARE(back->excludeZones, config.excludeZones);
}

void TestThreatInsightConfiguration::actions() {
    QCOMPARE(ThreatInsightConfiguration::actions(),
             (QStringList{QStringLiteral("none"), QStringLiteral("audit"), QStringLiteral("block")}));
}

void TestThreatInsightConfiguration::isValidAction_data() {
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("valid");
    QTest::newRow("none") << "none" << true;
    QTest::newRow("audit") << "audit" << true;
    QTest::newRow("block") << "block" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("allow") << "allow" << false;
    QTest::newRow("enforce") << "enforce" << false;
    QTest::newRow("log_only") << "log_only" << false;
    QTest::newRow("padded") << " block" << false;
}

void TestThreatInsightConfiguration::isValidAction() {
    QFETCH(QString, action);
    QFETCH(bool, valid);
    QCOMPARE(ThreatInsightConfiguration::isValidAction(action), valid);
}

void TestThreatInsightConfiguration::describeAction() {
    QSet<QString> descriptions;
    for (const QString& action : ThreatInsightConfiguration::actions()) {
        const QString text = ThreatInsightConfiguration::describeAction(action);
        QVERIFY2(!text.isEmpty(), qPrintable(action));
        QVERIFY2(text != action, qPrintable(action));
        descriptions.insert(text);
    }
    QCOMPARE(descriptions.size(), 3);
    QVERIFY(ThreatInsightConfiguration::describeAction(QStringLiteral("audit"))
                .contains(QLatin1String("log"), Qt::CaseInsensitive));
}

QTEST_GUILESS_MAIN(TestThreatInsightConfiguration)
#include "TestThreatInsightConfiguration.moc"
