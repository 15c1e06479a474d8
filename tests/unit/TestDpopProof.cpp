// DpopProofBuilder: RFC 9449 proofs with a per-instance ephemeral P-256 key: header typ/jwk,
// htm/htu/iat/jti, nonce only when the server gave one, ath = base64url(SHA-256(token)).
#include "auth/Base64Url.h"
#include "auth/DpopProofBuilder.h"
#include "auth/Jwt.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

namespace {
const QUrl ZonesUrl("https://acme.okta.com/api/v1/zones?limit=20&after=abc#frag");
} // namespace

class TestDpopProof : public QObject {
    Q_OBJECT
private slots:
    void headerCarriesTypAndPublicJwk();
    void claimsForATokenRequest();
    void htuDropsQueryAndFragment_data();
    void htuDropsQueryAndFragment();
    void nonceOnlyWhenGiven();
    void athIsTheTokenHash();
    void athMatchesRfc9449Example();
    void jtiIsFreshPerProof();
    void keyIsPerInstance();
    void givenKeyIsUsed();
    void refusesRelativeUrls();
};

void TestDpopProof::headerCarriesTypAndPublicJwk() {
    const DpopProofBuilder builder;
    QVERIFY(builder.isValid());
    QString error;
    const QByteArray proof =
        builder.proof("POST", QUrl("https://acme.okta.com/oauth2/v1/token"), {}, {}, &error);
    QVERIFY2(!proof.isEmpty(), qPrintable(error));
    const QJsonObject header = Jwt::decode(proof)->header;
    QCOMPARE(header.value("typ").toString(), "dpop+jwt");
    QCOMPARE(header.value("alg").toString(), "ES256");
    const QJsonObject jwk = header.value("jwk").toObject();
    QCOMPARE(jwk.keys(), (QStringList{"crv", "kty", "x", "y"})); // never "d"
    QCOMPARE(jwk, builder.publicJwk());
    QVERIFY(!header.contains("kid"));
    // The proof verifies under the key it carries.
    QVERIFY2(Jwt::verify(proof, jwk, &error), qPrintable(error));
    QCOMPARE(builder.thumbprint(), SigningKey::jwkThumbprint(jwk));
}

void TestDpopProof::claimsForATokenRequest() {
    DpopProofBuilder builder;
    builder.setClock([] { return qint64(1763766000); });
    builder.setJtiGenerator([] { return QStringLiteral("jti-1"); });
    const QByteArray proof = builder.proof("POST", QUrl("https://acme.okta.com/oauth2/v1/token"));
    const QJsonObject expected{{"htm", "POST"},
                               {"htu", "https://acme.okta.com/oauth2/v1/token"},
                               {"iat", 1763766000},
                               {"jti", "jti-1"}};
    QCOMPARE(*Jwt::verify(proof, builder.publicJwk()), expected);
}

void TestDpopProof::htuDropsQueryAndFragment_data() {
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("htu");
    QTest::newRow("query and fragment") << ZonesUrl << "https://acme.okta.com/api/v1/zones";
    QTest::newRow("plain") << QUrl("https://acme.okta.com/api/v1/zones")
                           << "https://acme.okta.com/api/v1/zones";
    QTest::newRow("port kept") << QUrl("http://127.0.0.1:8443/oauth2/v1/token?x=1")
                               << "http://127.0.0.1:8443/oauth2/v1/token";
    QTest::newRow("user info dropped")
        << QUrl("https://u:p@acme.okta.com/api") << "https://acme.okta.com/api";
    QTest::newRow("encoded path kept")
        << QUrl("https://acme.okta.com/api/v1/zones/a%20b?q") << "https://acme.okta.com/api/v1/zones/a%20b";
}

void TestDpopProof::htuDropsQueryAndFragment() {
    QFETCH(QUrl, url);
    QFETCH(QString, htu);
    QCOMPARE(DpopProofBuilder::htu(url), htu);
    const DpopProofBuilder builder;
    QCOMPARE(Jwt::decode(builder.proof("GET", url))->claims.value("htu").toString(), htu);
}

void TestDpopProof::nonceOnlyWhenGiven() {
    const DpopProofBuilder builder;
    QVERIFY(!Jwt::decode(builder.proof("GET", ZonesUrl))->claims.contains("nonce"));
    QVERIFY(!Jwt::decode(builder.proof("GET", ZonesUrl, QString()))->claims.contains("nonce"));
    const QJsonObject claims =
        Jwt::decode(builder.proof("GET", ZonesUrl, "eyJ7S_zG.eyJH0-Z.HX4w-7v"))->claims;
    QCOMPARE(claims.value("nonce").toString(), "eyJ7S_zG.eyJH0-Z.HX4w-7v");
}

void TestDpopProof::athIsTheTokenHash() {
    const DpopProofBuilder builder;
    QVERIFY(!Jwt::decode(builder.proof("GET", ZonesUrl))->claims.contains("ath"));
    const QString token = "eyJhbGciOiJSUzI1NiJ9.access.token";
    const QJsonObject claims = Jwt::decode(builder.proof("GET", ZonesUrl, {}, token))->claims;
    const QByteArray expected = QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(claims.value("ath").toString(), QString::fromLatin1(expected));
    QCOMPARE(claims.value("htm").toString(), "GET");
    QVERIFY(!claims.contains("nonce"));
}

void TestDpopProof::athMatchesRfc9449Example() {
    // RFC 9449 section 7.1: the access token of the example and its "ath".
    QCOMPARE(DpopProofBuilder::accessTokenHash("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"),
             "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
}

void TestDpopProof::jtiIsFreshPerProof() {
    const DpopProofBuilder builder;
    QSet<QString> seen;
    for (int i = 0; i < 20; ++i) {
        const QString jti = Jwt::decode(builder.proof("GET", ZonesUrl))->claims.value("jti").toString();
        QVERIFY(jti.size() >= 16);
        QVERIFY2(!seen.contains(jti), qPrintable(jti));
        seen.insert(jti);
    }
}

void TestDpopProof::keyIsPerInstance() {
    const DpopProofBuilder first, second;
    const QJsonObject a = Jwt::decode(first.proof("GET", ZonesUrl))->header.value("jwk").toObject();
    const QJsonObject b = Jwt::decode(first.proof("POST", ZonesUrl))->header.value("jwk").toObject();
    const QJsonObject c = Jwt::decode(second.proof("GET", ZonesUrl))->header.value("jwk").toObject();
    QCOMPARE(a, b);
    QVERIFY(a != c);
    QVERIFY(first.thumbprint() != second.thumbprint());
}

void TestDpopProof::givenKeyIsUsed() {
    SigningKey key = *SigningKey::generateEcP256();
    key.setKeyId("not-sent");
    const DpopProofBuilder builder(key);
    const QJsonObject jwk = Jwt::decode(builder.proof("GET", ZonesUrl))->header.value("jwk").toObject();
    QVERIFY(!jwk.contains("kid"));
    QCOMPARE(SigningKey::jwkThumbprint(jwk), key.thumbprint());
}

void TestDpopProof::refusesRelativeUrls() {
    const DpopProofBuilder builder;
    QString error;
    QVERIFY(builder.proof("GET", QUrl("/api/v1/zones"), {}, {}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(builder.proof(QByteArray(), ZonesUrl).isEmpty());
}

QTEST_GUILESS_MAIN(TestDpopProof)
#include "TestDpopProof.moc"
