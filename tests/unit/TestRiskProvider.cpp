// RiskProvider: one element of GET /api/v1/risk/providers.
#include "riskevents/RiskProvider.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QTest>

namespace {
QJsonObject object(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestRiskProvider : public QObject {
    Q_OBJECT
private slots:
    void oktaExample_data();
    void oktaExample();
    void withoutDates();
    void spaceSeparatedTimestampsAreUtc();
    void badShapes_data();
    void badShapes();
};

void TestRiskProvider::oktaExample_data() {
    QTest::addColumn<QString>("action");
    QTest::newRow("none") << "none";
    QTest::newRow("log_only") << "log_only";
    QTest::newRow("enforce_and_log") << "enforce_and_log";
}

void TestRiskProvider::oktaExample() {
    QFETCH(QString, action);
    QJsonObject json =
        object(R"({"id":"rkp1cmsa4Gx2xWy0K0g4","name":"Acme SIEM","clientId":"0oa1bcdE2fGhIjKl3m4n",)"
               R"("action":"none","created":"2025-10-07T06:36:55.000Z",)"
               R"("lastUpdated":"2026-02-18T06:35:08.000Z",)"
               R"("_links":{"self":{"href":"https://acme.okta.com/api/v1/risk/providers/rkp1"}}})");
    json.insert(QStringLiteral("action"), action);
    QString error;
    const auto provider = RiskProvider::fromJson(json, &error);
    QVERIFY2(provider.has_value(), qPrintable(error));
    QCOMPARE(provider->id, QStringLiteral("rkp1cmsa4Gx2xWy0K0g4"));
    QCOMPARE(provider->name, QStringLiteral("Acme SIEM"));
    QCOMPARE(provider->clientId, QStringLiteral("0oa1bcdE2fGhIjKl3m4n"));
    QCOMPARE(provider->action, action);
    QCOMPARE(provider->created, QDateTime(QDate(2025, 10, 7), QTime(6, 36, 55), Qt::UTC));
    QCOMPARE(provider->lastUpdated, QDateTime(QDate(2026, 2, 18), QTime(6, 35, 8), Qt::UTC));
}

void TestRiskProvider::withoutDates() {
    QString error;
    const auto provider = RiskProvider::fromJson(
        object(R"({"id":"rkp2","name":"Second","clientId":"0oa2","action":"log_only"})"), &error);
    QVERIFY2(provider.has_value(), qPrintable(error));
    QCOMPARE(provider->id, QStringLiteral("rkp2"));
    QCOMPARE(provider->clientId, QStringLiteral("0oa2"));
    QCOMPARE(provider->action, QStringLiteral("log_only"));
    QVERIFY(!provider->created.isValid());
    QVERIFY(!provider->lastUpdated.isValid());
}

void TestRiskProvider::spaceSeparatedTimestampsAreUtc() {
    // Okta's own example writes "2021-01-05 22:18:30" (no T, no zone): Okta's timestamps are UTC,
    // so the result must not depend on the machine's time zone. Run it under UTC+3.
    const QByteArray savedTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", "TDT-03");
    auto restore = qScopeGuard([&] {
        if (hadTz)
            qputenv("TZ", savedTz);
        else
            qunsetenv("TZ");
    });

    QString error;
    const auto provider = RiskProvider::fromJson(
        object(R"({"id":"rkp3","name":"Example","clientId":"0oa3","action":"enforce_and_log",)"
               R"("created":"2021-01-05 22:18:30","lastUpdated":"2021-01-05 22:18:31"})"),
        &error);
    QVERIFY2(provider.has_value(), qPrintable(error));
    QVERIFY(provider->created.isValid());
    QCOMPARE(provider->created.toUTC(), QDateTime(QDate(2021, 1, 5), QTime(22, 18, 30), Qt::UTC));
    QCOMPARE(provider->lastUpdated.toUTC(), QDateTime(QDate(2021, 1, 5), QTime(22, 18, 31), Qt::UTC));
}

void TestRiskProvider::badShapes_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("no id") << QByteArray(R"({"name":"X","clientId":"0oa1","action":"none"})");
    QTest::newRow("id number") << QByteArray(R"({"id":7,"name":"X","clientId":"0oa1","action":"none"})");
    QTest::newRow("empty id") << QByteArray(R"({"id":"","name":"X","clientId":"0oa1","action":"none"})");
}

void TestRiskProvider::badShapes() {
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!RiskProvider::fromJson(object(json), &error).has_value());
    QVERIFY2(!error.isEmpty(), "a failure must say why");
    QVERIFY(!RiskProvider::fromJson(object(json), nullptr).has_value());
}

QTEST_GUILESS_MAIN(TestRiskProvider)
#include "TestRiskProvider.moc"
