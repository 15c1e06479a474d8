// Jwt: compact JWS building and verification for RS256 and ES256, the RFC 7515 appendix A.3
// vector, and refusal of tampered tokens, "none", algorithm confusion and malformed input.
#include "auth/Base64Url.h"
#include "auth/Jwt.h"
#include "auth/SigningKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

// RFC 7515 appendix A.3 (public test vector): ES256 over {"iss":"joe",...}.
const QByteArray Rfc7515A3Token =
    "eyJhbGciOiJFUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb"
    "290Ijp0cnVlfQ"
    ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-"
    "Kg6NU1Q";
const QJsonObject Rfc7515A3PublicJwk{{"kty", "EC"},
                                     {"crv", "P-256"},
                                     {"x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"},
                                     {"y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}};

QByteArray part(const QJsonObject& object) {
    return Base64Url::encode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const QJsonObject Claims{
    {"iss", "0oa1client"}, {"sub", "0oa1client"}, {"iat", 1700000000}, {"exp", 1700000300}};

} // namespace

class TestJwt : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrips_data();
    void roundTrips();
    void rs256IsDeterministic();
    void es256SignatureIs64Bytes();
    void verifiesRfc7515A3();
    void tamperedPayloadFails_data();
    void tamperedPayloadFails();
    void tamperedSignatureFails_data();
    void tamperedSignatureFails();
    void otherKeyFails();
    void refusesAlgNone();
    void refusesAlgorithmMismatch();
    void refusesUnknownAlgorithms_data();
    void refusesUnknownAlgorithms();
    void refusesCriticalHeaders();
    void refusesMalformedTokens_data();
    void refusesMalformedTokens();
    void signRefusesConflictingAlg();
    void decodeGivesPartsWithoutVerifying();

private:
    std::optional<SigningKey> m_rsa;
    std::optional<SigningKey> m_ec;
};

void TestJwt::initTestCase() {
    m_rsa = SigningKey::generateRsa();
    m_ec = SigningKey::generateEcP256();
    QVERIFY(m_rsa && m_ec);
}

void TestJwt::roundTrips_data() {
    QTest::addColumn<bool>("rsa");
    QTest::newRow("RS256") << true;
    QTest::newRow("ES256") << false;
}

void TestJwt::roundTrips() {
    QFETCH(bool, rsa);
    const SigningKey& key = rsa ? *m_rsa : *m_ec;
    QString error;
    const QByteArray token = Jwt::sign(QJsonObject{{"kid", "k1"}, {"typ", "JWT"}}, Claims, key, &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QCOMPARE(token.count('.'), 2);
    const std::optional<QJsonObject> claims = Jwt::verify(token, key.publicJwk(), &error);
    QVERIFY2(claims.has_value(), qPrintable(error));
    QCOMPARE(*claims, Claims);
    const std::optional<Jwt::Decoded> decoded = Jwt::decode(token);
    QVERIFY(decoded);
    QCOMPARE(decoded->header, (QJsonObject{{"alg", key.algorithm()}, {"kid", "k1"}, {"typ", "JWT"}}));
}

void TestJwt::rs256IsDeterministic() {
    QCOMPARE(Jwt::sign({}, Claims, *m_rsa), Jwt::sign({}, Claims, *m_rsa));
    // ECDSA is randomised, yet both verify.
    const QByteArray a = Jwt::sign({}, Claims, *m_ec), b = Jwt::sign({}, Claims, *m_ec);
    QVERIFY(a != b);
    QVERIFY(Jwt::verify(a, m_ec->publicJwk()) && Jwt::verify(b, m_ec->publicJwk()));
}

void TestJwt::es256SignatureIs64Bytes() {
    for (int i = 0; i < 16; ++i) {
        const QByteArray token = Jwt::sign({}, QJsonObject{{"n", i}}, *m_ec);
        const std::optional<QByteArray> signature = Base64Url::decode(token.split('.').at(2));
        QVERIFY(signature);
        QCOMPARE(signature->size(), 64);
    }
}

void TestJwt::verifiesRfc7515A3() {
    QString error;
    const std::optional<QJsonObject> claims = Jwt::verify(Rfc7515A3Token, Rfc7515A3PublicJwk, &error);
    QVERIFY2(claims.has_value(), qPrintable(error));
    QCOMPARE(claims->value("iss").toString(), "joe");
    QCOMPARE(claims->value("exp").toInteger(), 1300819380);
    QCOMPARE(claims->value("http://example.com/is_root").toBool(), true);
    // The same vector with its private key signs tokens the public half accepts.
    QJsonObject privateJwk = Rfc7515A3PublicJwk;
    privateJwk.insert("d", "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI");
    const std::optional<SigningKey> key = SigningKey::fromJwk(privateJwk);
    QVERIFY(key);
    QVERIFY(Jwt::verify(Jwt::sign({}, Claims, *key), Rfc7515A3PublicJwk));
}

void TestJwt::tamperedPayloadFails_data() {
    roundTrips_data();
}

void TestJwt::tamperedPayloadFails() {
    QFETCH(bool, rsa);
    const SigningKey& key = rsa ? *m_rsa : *m_ec;
    const QList<QByteArray> parts = Jwt::sign({}, Claims, key).split('.');
    QJsonObject changed = Claims;
    changed.insert("sub", "0oa2other");
    const QByteArray forged = parts[0] + '.' + part(changed) + '.' + parts[2];
    QString error;
    QVERIFY(!Jwt::verify(forged, key.publicJwk(), &error));
    QVERIFY2(error.contains("signature does not match"), qPrintable(error));
    // The header is covered as well.
    const QByteArray forgedHeader =
        part(QJsonObject{{"alg", key.algorithm()}, {"kid", "x"}}) + '.' + parts[1] + '.' + parts[2];
    QVERIFY(!Jwt::verify(forgedHeader, key.publicJwk()));
}

void TestJwt::tamperedSignatureFails_data() {
    roundTrips_data();
}

void TestJwt::tamperedSignatureFails() {
    QFETCH(bool, rsa);
    const SigningKey& key = rsa ? *m_rsa : *m_ec;
    const QList<QByteArray> parts = Jwt::sign({}, Claims, key).split('.');
    QByteArray signature = *Base64Url::decode(parts[2]);
    for (const int index :
         {0, static_cast<int>(signature.size()) / 2, static_cast<int>(signature.size()) - 1}) {
        QByteArray flipped = signature;
        flipped[index] = static_cast<char>(flipped[index] ^ 0x40);
        QVERIFY(!Jwt::verify(parts[0] + '.' + parts[1] + '.' + Base64Url::encode(flipped), key.publicJwk()));
    }
    QVERIFY(!Jwt::verify(parts[0] + '.' + parts[1] + '.', key.publicJwk()));
    QVERIFY(!Jwt::verify(parts[0] + '.' + parts[1] + '.' + Base64Url::encode(signature.left(32)),
                         key.publicJwk()));
}

void TestJwt::otherKeyFails() {
    const std::optional<SigningKey> other = SigningKey::generateEcP256();
    QVERIFY(other);
    QVERIFY(!Jwt::verify(Jwt::sign({}, Claims, *m_ec), other->publicJwk()));
}

void TestJwt::refusesAlgNone() {
    const QByteArray unsigned_ = part(QJsonObject{{"alg", "none"}}) + '.' + part(Claims) + '.';
    QString error;
    QVERIFY(!Jwt::verify(unsigned_, m_rsa->publicJwk(), &error));
    QVERIFY2(error.contains("\"none\" is not accepted"), qPrintable(error));
}

void TestJwt::refusesAlgorithmMismatch() {
    QString error;
    QVERIFY(!Jwt::verify(Jwt::sign({}, Claims, *m_ec), m_rsa->publicJwk(), &error));
    QVERIFY2(error.contains("signed ES256 but the key is for RS256"), qPrintable(error));
    // An ES256 signature relabelled RS256 does not pass either.
    const QList<QByteArray> parts = Jwt::sign({}, Claims, *m_ec).split('.');
    const QByteArray relabelled = part(QJsonObject{{"alg", "RS256"}}) + '.' + parts[1] + '.' + parts[2];
    QVERIFY(!Jwt::verify(relabelled, m_ec->publicJwk(), &error));
    QVERIFY2(error.contains("signed RS256 but the key is for ES256"), qPrintable(error));
}

void TestJwt::refusesUnknownAlgorithms_data() {
    QTest::addColumn<QString>("alg");
    QTest::newRow("HS256") << "HS256";
    QTest::newRow("PS256") << "PS256";
    QTest::newRow("ES384") << "ES384";
    QTest::newRow("lower case") << "rs256";
    QTest::newRow("missing") << QString();
}

void TestJwt::refusesUnknownAlgorithms() {
    QFETCH(QString, alg);
    const QList<QByteArray> parts = Jwt::sign({}, Claims, *m_rsa).split('.');
    QJsonObject header;
    if (!alg.isEmpty())
        header.insert("alg", alg);
    QString error;
    QVERIFY(!Jwt::verify(part(header) + '.' + parts[1] + '.' + parts[2], m_rsa->publicJwk(), &error));
    QVERIFY2(error.contains("is not accepted"), qPrintable(error));
}

void TestJwt::refusesCriticalHeaders() {
    const QByteArray token = Jwt::sign(QJsonObject{{"crit", QJsonArray{"exp"}}}, Claims, *m_ec);
    QVERIFY(!token.isEmpty());
    QString error;
    QVERIFY(!Jwt::verify(token, m_ec->publicJwk(), &error));
    QVERIFY2(error.contains("critical"), qPrintable(error));
}

void TestJwt::refusesMalformedTokens_data() {
    QTest::addColumn<QByteArray>("token");
    const QByteArray header = part(QJsonObject{{"alg", "ES256"}});
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("two parts") << header + '.' + part(Claims);
    QTest::newRow("four parts") << header + '.' + part(Claims) + ".AAAA.AAAA";
    QTest::newRow("header not base64url") << QByteArray("eyJ=.") + part(Claims) + ".AAAA";
    QTest::newRow("header not JSON") << Base64Url::encode("{alg") + '.' + part(Claims) + ".AAAA";
    QTest::newRow("claims an array") << header + '.' + Base64Url::encode("[1]") + ".AAAA";
    QTest::newRow("signature padded") << header + '.' + part(Claims) + ".AA==";
}

void TestJwt::refusesMalformedTokens() {
    QFETCH(QByteArray, token);
    QString error;
    QVERIFY(!Jwt::verify(token, m_ec->publicJwk(), &error));
    QVERIFY(!error.isEmpty());
}

void TestJwt::signRefusesConflictingAlg() {
    QString error;
    QVERIFY(Jwt::sign(QJsonObject{{"alg", "ES256"}}, Claims, *m_rsa, &error).isEmpty());
    QVERIFY2(error.contains("ES256") && error.contains("RS256"), qPrintable(error));
    // The matching alg is fine.
    QVERIFY(!Jwt::sign(QJsonObject{{"alg", "RS256"}}, Claims, *m_rsa).isEmpty());
}

void TestJwt::decodeGivesPartsWithoutVerifying() {
    const QByteArray token = Jwt::sign(QJsonObject{{"typ", "JWT"}}, Claims, *m_ec);
    const std::optional<Jwt::Decoded> decoded = Jwt::decode(token);
    QVERIFY(decoded);
    QCOMPARE(decoded->claims, Claims);
    QCOMPARE(decoded->signingInput, token.left(token.lastIndexOf('.')));
    QCOMPARE(decoded->signature.size(), 64);
}

QTEST_GUILESS_MAIN(TestJwt)
#include "TestJwt.moc"
