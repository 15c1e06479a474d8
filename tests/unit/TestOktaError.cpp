// OktaError (both error body shapes Okta uses) and OktaResult's human description.
#include "api/OktaError.h"
#include "api/OktaResult.h"

#include <QSet>
#include <QTest>

class TestOktaError : public QObject {
    Q_OBJECT
private slots:
    void oktaShapeWithCauses();
    void oktaShapeWithoutCauses();
    void oauthShape();
    void notAnError_data();
    void notAnError();
    void describeHttpError();
    void describeWithoutCausesOrRequestId();
    void describeNetworkErrorCarriesDetail();
    void describeSuccess();
    void outcomeNames();
    void resultDefaults();
};

void TestOktaError::oktaShapeWithCauses() {
    const QByteArray body =
        R"({"errorCode":"E0000001","errorSummary":"Api validation failed: action",)"
        R"("errorLink":"E0000001","errorId":"oaeAbc123",)"
        R"("errorCauses":[{"errorSummary":"action: 'allow' is not one of none, audit, block"},)"
        R"({"errorSummary":"excludeZones: unknown zone nzoNope"}]})";
    const auto error = OktaError::fromJson(body);
    QVERIFY(error.has_value());
    QCOMPARE(error->errorCode, QStringLiteral("E0000001"));
    QCOMPARE(error->errorSummary, QStringLiteral("Api validation failed: action"));
    QCOMPARE(error->errorLink, QStringLiteral("E0000001"));
    QCOMPARE(error->errorId, QStringLiteral("oaeAbc123"));
    QCOMPARE(error->errorCauses,
             (QStringList{QStringLiteral("action: 'allow' is not one of none, audit, block"),
                          QStringLiteral("excludeZones: unknown zone nzoNope")}));
    QVERIFY(!error->isEmpty());
}

void TestOktaError::oktaShapeWithoutCauses() {
    const QByteArray body = R"({"errorCode":"E0000011","errorSummary":"Invalid token provided",)"
                            R"("errorLink":"E0000011","errorId":"oaeXyz","errorCauses":[]})";
    const auto error = OktaError::fromJson(body);
    QVERIFY(error.has_value());
    QCOMPARE(error->errorCode, QStringLiteral("E0000011"));
    QCOMPARE(error->errorSummary, QStringLiteral("Invalid token provided"));
    QCOMPARE(error->errorId, QStringLiteral("oaeXyz"));
    QVERIFY(error->errorCauses.isEmpty());

    const auto bare =
        OktaError::fromJson(R"({"errorCode":"E0000009","errorSummary":"Internal Server Error"})");
    QVERIFY(bare.has_value());
    QCOMPARE(bare->errorCode, QStringLiteral("E0000009"));
    QCOMPARE(bare->errorSummary, QStringLiteral("Internal Server Error"));
    QVERIFY(bare->errorLink.isEmpty());
    QVERIFY(bare->errorId.isEmpty());
    QVERIFY(bare->errorCauses.isEmpty());
}

void TestOktaError::oauthShape() {
    const auto error = OktaError::fromJson(
        R"({"error":"invalid_client","error_description":"The client_assertion is invalid."})");
    QVERIFY(error.has_value());
    QCOMPARE(error->errorCode, QStringLiteral("invalid_client"));
    QCOMPARE(error->errorSummary, QStringLiteral("The client_assertion is invalid."));
    QVERIFY(error->errorCauses.isEmpty());
    QVERIFY(!error->isEmpty());
}

void TestOktaError::notAnError_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html><body>Bad Gateway</body></html>");
    QTest::newRow("truncated json") << QByteArray(R"({"errorCode":"E0000001","errorSumm)");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("other keys") << QByteArray(R"({"action":"block","excludeZones":[]})");
    QTest::newRow("array") << QByteArray(R"([{"errorCode":"E0000001"}])");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("string") << QByteArray(R"("E0000001")");
}

void TestOktaError::notAnError() {
    QFETCH(QByteArray, body);
    QVERIFY(!OktaError::fromJson(body).has_value());
}

namespace {
OktaResult validationFailure() {
    OktaResult r;
    r.outcome = OktaResult::Outcome::HttpError;
    r.httpStatus = 400;
    r.method = "POST";
    r.url = QUrl(QStringLiteral("https://acme.okta.com/api/v1/threats/configuration"));
    r.error.errorCode = QStringLiteral("E0000001");
    r.error.errorSummary = QStringLiteral("Api validation failed: action");
    r.error.errorCauses = QStringList{QStringLiteral("action: must be one of none, audit, block"),
                                      QStringLiteral("excludeZones: unknown zone nzoNope")};
    r.requestId = QStringLiteral("reqId-7f3a9c");
    return r;
}
} // namespace

void TestOktaError::describeHttpError() {
    const QString text = validationFailure().describe();
    QVERIFY2(text.contains(QLatin1String("Api validation failed: action")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("action: must be one of none, audit, block")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("excludeZones: unknown zone nzoNope")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("reqId-7f3a9c")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("400")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1Char('\n')), "describe() is one line");
}

void TestOktaError::describeWithoutCausesOrRequestId() {
    OktaResult r = validationFailure();
    r.error.errorCauses.clear();
    r.requestId.clear();
    const QString text = r.describe();
    QVERIFY2(text.contains(QLatin1String("Api validation failed: action")), qPrintable(text));
    QVERIFY(!text.isEmpty());
}

void TestOktaError::describeNetworkErrorCarriesDetail() {
    OktaResult r;
    r.outcome = OktaResult::Outcome::NetworkError;
    r.method = "GET";
    r.url = QUrl(QStringLiteral("https://acme.okta.com/api/v1/zones"));
    r.detail = QStringLiteral("Connection refused");
    const QString text = r.describe();
    QVERIFY2(text.contains(QLatin1String("Connection refused")), qPrintable(text));
}

void TestOktaError::describeSuccess() {
    OktaResult r;
    r.outcome = OktaResult::Outcome::Success;
    r.httpStatus = 200;
    r.method = "GET";
    r.requestId = QStringLiteral("reqOk1");
    const QString text = r.describe();
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.contains(QLatin1String("reqOk1")), qPrintable(text));
}

void TestOktaError::outcomeNames() {
    using O = OktaResult::Outcome;
    const QList<O> all{O::Success, O::HttpError, O::NetworkError, O::Timeout, O::InvalidResponse, O::NotSent};
    QSet<QString> names;
    for (O o : all) {
        const QString name = OktaResult::outcomeName(o);
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(static_cast<int>(o))));
        names.insert(name);
    }
    QCOMPARE(names.size(), all.size());
}

void TestOktaError::resultDefaults() {
    OktaResult r;
    QCOMPARE(r.outcome, OktaResult::Outcome::NotSent);
    QVERIFY(!r.isSuccess());
    QVERIFY(!r.isRateLimited());
    r.httpStatus = 429;
    QVERIFY(r.isRateLimited());
    r.outcome = OktaResult::Outcome::Success;
    QVERIFY(r.isSuccess());
}

QTEST_GUILESS_MAIN(TestOktaError)
#include "TestOktaError.moc"
