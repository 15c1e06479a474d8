// Base64Url: unpadded base64url as JWS uses it; decoding accepts exactly one spelling per value.
#include "auth/Base64Url.h"

#include <QTest>

class TestBase64Url : public QObject {
    Q_OBJECT
private slots:
    void encodesKnownValues_data();
    void encodesKnownValues();
    void roundTripsEveryLength();
    void rejectsNonCanonicalText_data();
    void rejectsNonCanonicalText();
};

void TestBase64Url::encodesKnownValues_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("text");
    // RFC 4648 section 10 vectors, without padding.
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    // The two characters that differ from standard base64.
    QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    // RFC 7515 appendix C.
    QTest::newRow("rfc 7515 C") << QByteArray("\x03\xec\xff\xe0\xc1", 5) << QByteArray("A-z_4ME");
}

void TestBase64Url::encodesKnownValues() {
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, text);
    QCOMPARE(Base64Url::encode(data), text);
    const std::optional<QByteArray> decoded = Base64Url::decode(text);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, data);
}

void TestBase64Url::roundTripsEveryLength() {
    QByteArray data;
    for (int i = 0; i < 70; ++i) {
        const QByteArray text = Base64Url::encode(data);
        QVERIFY(!text.contains('=') && !text.contains('+') && !text.contains('/'));
        const std::optional<QByteArray> decoded = Base64Url::decode(text);
        QVERIFY2(decoded.has_value(), text.constData());
        QCOMPARE(*decoded, data);
        data.append(static_cast<char>(i * 37 + 11));
    }
}

void TestBase64Url::rejectsNonCanonicalText_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding") << QByteArray("Zg==");
    QTest::newRow("single padding") << QByteArray("Zm8=");
    QTest::newRow("standard alphabet plus") << QByteArray("+_8");
    QTest::newRow("standard alphabet slash") << QByteArray("-/8");
    QTest::newRow("whitespace") << QByteArray("Zm9v ");
    QTest::newRow("inner newline") << QByteArray("Zm\n9v");
    QTest::newRow("dangling character") << QByteArray("Zm9vY");
    QTest::newRow("non-zero trailing bits, one byte") << QByteArray("Zh");
    QTest::newRow("non-zero trailing bits, two bytes") << QByteArray("Zm9");
    QTest::newRow("dot") << QByteArray("Zm9v.");
    QTest::newRow("non-ASCII") << QByteArray("Zm9v\xc3\xa9");
}

void TestBase64Url::rejectsNonCanonicalText() {
    QFETCH(QByteArray, text);
    QVERIFY(!Base64Url::decode(text).has_value());
}

QTEST_APPLESS_MAIN(TestBase64Url)
#include "TestBase64Url.moc"
