// ClientAssertion: the private_key_jwt assertion exactly as Okta's token endpoint wants it
// (iss = sub = client id, aud = token endpoint, exp - iat = 300, a fresh jti per request, kid).
#include "auth/Base64Url.h"
#include "auth/ClientAssertion.h"
#include "auth/Jwt.h"

#include <QSet>
#include <QTest>
#include <QUuid>

namespace {
const QString ClientId = "0oa1b2c3d4e5f6g7h8i9";
const QString Endpoint = "https://acme.okta.com/oauth2/v1/token";
} // namespace

class TestClientAssertion : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void claimsAreWhatOktaWants_data();
    void claimsAreWhatOktaWants();
    void jtiIsAFreshUuidEachCall();
    void iatFollowsTheClock();
    void keyIdDefaultsToTheKeys();
    void explicitKeyIdWins();
    void noKeyIdWhenNoneIsKnown();
    void refusesMissingClientId();
    void tokenEndpointFor_data();
    void tokenEndpointFor();

private:
    std::optional<SigningKey> m_rsa;
    std::optional<SigningKey> m_ec;
};

void TestClientAssertion::initTestCase() {
    m_rsa = SigningKey::generateRsa();
    m_ec = SigningKey::generateEcP256();
    QVERIFY(m_rsa && m_ec);
    QCOMPARE(QByteArray(ClientAssertion::AssertionType),
             "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
}

void TestClientAssertion::claimsAreWhatOktaWants_data() {
    QTest::addColumn<bool>("rsa");
    QTest::newRow("RS256") << true;
    QTest::newRow("ES256") << false;
}

void TestClientAssertion::claimsAreWhatOktaWants() {
    QFETCH(bool, rsa);
    const SigningKey& key = rsa ? *m_rsa : *m_ec;
    ClientAssertion assertion(ClientId, Endpoint, key);
    assertion.setKeyId("kid-42");
    assertion.setClock([] { return qint64(1763766000); });
    assertion.setJtiGenerator([] { return QStringLiteral("5f1c0a4e-8e0b-4c56-9f61-0d0c7d1f2a3b"); });

    QString error;
    const QByteArray token = assertion.create(&error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    const std::optional<QJsonObject> claims = Jwt::verify(token, key.publicJwk(), &error);
    QVERIFY2(claims.has_value(), qPrintable(error));
    const QJsonObject expected{{"iss", ClientId},   {"sub", ClientId},
                               {"aud", Endpoint},   {"iat", 1763766000},
                               {"exp", 1763766300}, {"jti", "5f1c0a4e-8e0b-4c56-9f61-0d0c7d1f2a3b"}};
    QCOMPARE(*claims, expected);
    QCOMPARE(claims->value("exp").toInteger() - claims->value("iat").toInteger(),
             ClientAssertion::LifetimeSeconds);
    // NumericDate as plain integers in the JSON text, not in exponent form.
    const QByteArray payload = *Base64Url::decode(token.split('.').at(1));
    QVERIFY2(payload.contains("\"iat\":1763766000") && payload.contains("\"exp\":1763766300"),
             payload.constData());
    const QJsonObject header = Jwt::decode(token)->header;
    QCOMPARE(header, (QJsonObject{{"alg", rsa ? "RS256" : "ES256"}, {"kid", "kid-42"}, {"typ", "JWT"}}));
}

void TestClientAssertion::jtiIsAFreshUuidEachCall() {
    const ClientAssertion assertion(ClientId, Endpoint, *m_ec);
    QSet<QString> seen;
    for (int i = 0; i < 20; ++i) {
        const QString jti = Jwt::decode(assertion.create())->claims.value("jti").toString();
        QVERIFY2(!QUuid::fromString(jti).isNull(), qPrintable(jti));
        QVERIFY2(!seen.contains(jti), qPrintable(jti));
        seen.insert(jti);
    }
}

void TestClientAssertion::iatFollowsTheClock() {
    ClientAssertion assertion(ClientId, Endpoint, *m_ec);
    qint64 now = 1000;
    assertion.setClock([&now] { return now; });
    QCOMPARE(Jwt::decode(assertion.create())->claims.value("iat").toInteger(), 1000);
    now = 1600;
    const QJsonObject claims = Jwt::decode(assertion.create())->claims;
    QCOMPARE(claims.value("iat").toInteger(), 1600);
    QCOMPARE(claims.value("exp").toInteger(), 1900);
    // Real time by default.
    const ClientAssertion real(ClientId, Endpoint, *m_ec);
    const qint64 iat = real.claims().value("iat").toInteger();
    QVERIFY(qAbs(iat - QDateTime::currentSecsSinceEpoch()) <= 5);
}

void TestClientAssertion::keyIdDefaultsToTheKeys() {
    SigningKey key = *m_rsa;
    key.setKeyId("from-key");
    const ClientAssertion assertion(ClientId, Endpoint, key);
    QCOMPARE(assertion.keyId(), "from-key");
    QCOMPARE(Jwt::decode(assertion.create())->header.value("kid").toString(), "from-key");
}

void TestClientAssertion::explicitKeyIdWins() {
    SigningKey key = *m_rsa;
    key.setKeyId("from-key");
    ClientAssertion assertion(ClientId, Endpoint, key);
    assertion.setKeyId("explicit");
    QCOMPARE(Jwt::decode(assertion.create())->header.value("kid").toString(), "explicit");
}

void TestClientAssertion::noKeyIdWhenNoneIsKnown() {
    const ClientAssertion assertion(ClientId, Endpoint, *m_ec);
    QVERIFY(!Jwt::decode(assertion.create())->header.contains("kid"));
}

void TestClientAssertion::refusesMissingClientId() {
    QString error;
    QVERIFY(ClientAssertion(QString(), Endpoint, *m_ec).create(&error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(ClientAssertion(ClientId, QString(), *m_ec).create(&error).isEmpty());
}

void TestClientAssertion::tokenEndpointFor_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("plain") << "https://acme.okta.com"
                           << "https://acme.okta.com/oauth2/v1/token";
    QTest::newRow("trailing slash") << "https://acme.okta.com/"
                                    << "https://acme.okta.com/oauth2/v1/token";
    QTest::newRow("preview") << " https://acme.oktapreview.com "
                             << "https://acme.oktapreview.com/oauth2/v1/token";
    QTest::newRow("sandbox") << "http://127.0.0.1:8443"
                             << "http://127.0.0.1:8443/oauth2/v1/token";
}

void TestClientAssertion::tokenEndpointFor() {
    QFETCH(QString, base);
    QFETCH(QString, endpoint);
    QCOMPARE(ClientAssertion::tokenEndpointFor(base), endpoint);
}

QTEST_GUILESS_MAIN(TestClientAssertion)
#include "TestClientAssertion.moc"
