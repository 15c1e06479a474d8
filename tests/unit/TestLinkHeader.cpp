// LinkHeader: RFC 8288 Link values as Okta sends them for paging.
#include "api/LinkHeader.h"

#include <QTest>

namespace {
const QUrl Next(QStringLiteral("https://acme.okta.com/api/v1/zones?after=nzo2&limit=2"));
const QUrl Self(QStringLiteral("https://acme.okta.com/api/v1/zones?limit=2"));
} // namespace

class TestLinkHeader : public QObject {
    Q_OBJECT
private slots:
    void oktaPagingValue();
    void relQuotingAndCase_data();
    void relQuotingAndCase();
    void relWithSeveralValues();
    void whitespaceIsTolerated();
    void malformedPiecesAreIgnored_data();
    void malformedPiecesAreIgnored();
    void firstLinkWithARelWins();
    void commaInsideTheUrl();
    void otherParametersAreSkipped();
    void nextIsEmptyWithoutNext_data();
    void nextIsEmptyWithoutNext();
};

void TestLinkHeader::oktaPagingValue() {
    const QByteArray value = "<https://acme.okta.com/api/v1/zones?limit=2>; rel=\"self\", "
                             "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\"";
    const QMap<QString, QUrl> links = LinkHeader::parse(value);
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.value(QStringLiteral("self")), Self);
    QCOMPARE(links.value(QStringLiteral("next")), Next);
    QCOMPARE(LinkHeader::next(value), Next);
    QCOMPARE(LinkHeader::next(value).query(), QStringLiteral("after=nzo2&limit=2"));
}

void TestLinkHeader::relQuotingAndCase_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("quoted") << QByteArray(
        "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\"");
    QTest::newRow("unquoted") << QByteArray(
        "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=next");
    QTest::newRow("upper case rel value")
        << QByteArray("<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"NEXT\"");
    QTest::newRow("upper case param name")
        << QByteArray("<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; REL=\"next\"");
    QTest::newRow("no space after semicolon")
        << QByteArray("<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>;rel=next");
}

void TestLinkHeader::relQuotingAndCase() {
    QFETCH(QByteArray, value);
    const QMap<QString, QUrl> links = LinkHeader::parse(value);
    QCOMPARE(links.keys(), QStringList{QStringLiteral("next")});
    QCOMPARE(links.value(QStringLiteral("next")), Next);
    QCOMPARE(LinkHeader::next(value), Next);
}

void TestLinkHeader::relWithSeveralValues() {
    const QByteArray value = "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next  last\"";
    const QMap<QString, QUrl> links = LinkHeader::parse(value);
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.value(QStringLiteral("next")), Next);
    QCOMPARE(links.value(QStringLiteral("last")), Next);
    QCOMPARE(LinkHeader::next(value), Next);
}

void TestLinkHeader::whitespaceIsTolerated() {
    const QByteArray value = "   <https://acme.okta.com/api/v1/zones?limit=2>   ;   rel = \"self\"  ,\t"
                             "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2> ;rel= next   ";
    const QMap<QString, QUrl> links = LinkHeader::parse(value);
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.value(QStringLiteral("self")), Self);
    QCOMPARE(links.value(QStringLiteral("next")), Next);
}

void TestLinkHeader::malformedPiecesAreIgnored_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("garbage before") << QByteArray(
        "garbage, <https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\"");
    QTest::newRow("garbage after") << QByteArray(
        "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\", ;;;, <>");
    QTest::newRow("link without rel before")
        << QByteArray("<https://elsewhere.example/x>, "
                      "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\"");
    QTest::newRow("empty rel before")
        << QByteArray("<https://elsewhere.example/x>; rel=\"\", "
                      "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=next");
    QTest::newRow("garbage between links")
        << QByteArray("<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\", junk, "
                      "<https://acme.okta.com/api/v1/zones?limit=2>; rel=\"self\"");
    QTest::newRow("empty pieces") << QByteArray(
        ", , <https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\",,");
    QTest::newRow("rel without target before")
        << QByteArray("rel=\"self\", <https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\"");
}

void TestLinkHeader::malformedPiecesAreIgnored() {
    QFETCH(QByteArray, value);
    const QMap<QString, QUrl> links = LinkHeader::parse(value);
    QCOMPARE(links.value(QStringLiteral("next")), Next);
    QCOMPARE(LinkHeader::next(value), Next);
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        QVERIFY2(!it.key().isEmpty(), "an empty rel name was recorded");
        QVERIFY2(it.value().isValid() && !it.value().isEmpty(), qPrintable(it.key()));
    }
}

void TestLinkHeader::firstLinkWithARelWins() {
    const QByteArray value = "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; rel=\"next\", "
                             "<https://acme.okta.com/api/v1/zones?after=nzo9&limit=2>; rel=\"next\"";
    QCOMPARE(LinkHeader::parse(value).value(QStringLiteral("next")), Next);
    QCOMPARE(LinkHeader::next(value), Next);
}

void TestLinkHeader::commaInsideTheUrl() {
    // A comma is legal inside a URI reference; only commas outside <> separate links.
    const QByteArray value = "<https://acme.okta.com/api/v1/zones?limit=2>; rel=\"self\", "
                             "<https://acme.okta.com/api/v1/zones?after=a,b&limit=2>; rel=\"next\"";
    QCOMPARE(LinkHeader::next(value),
             QUrl(QStringLiteral("https://acme.okta.com/api/v1/zones?after=a,b&limit=2")));
    QCOMPARE(LinkHeader::parse(value).value(QStringLiteral("self")), Self);
}

void TestLinkHeader::otherParametersAreSkipped() {
    const QByteArray value =
        "<https://acme.okta.com/api/v1/zones?after=nzo2&limit=2>; type=\"application/json\"; "
        "rel=\"next\"; title=\"more\"";
    QCOMPARE(LinkHeader::next(value), Next);
    QCOMPARE(LinkHeader::parse(value).size(), 1);
}

void TestLinkHeader::nextIsEmptyWithoutNext_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("self only") << QByteArray("<https://acme.okta.com/api/v1/zones?limit=2>; rel=\"self\"");
    QTest::newRow("prev only") << QByteArray("<https://acme.okta.com/api/v1/zones?limit=2>; rel=\"prev\"");
    QTest::newRow("nextish") << QByteArray("<https://acme.okta.com/api/v1/zones?limit=2>; rel=\"next-page\"");
    QTest::newRow("garbage") << QByteArray("rel=\"next\"");
    QTest::newRow("unterminated target") << QByteArray("<https://acme.okta.com/api/v1/zones; rel=\"next\"");
}

void TestLinkHeader::nextIsEmptyWithoutNext() {
    QFETCH(QByteArray, value);
    const QUrl next = LinkHeader::next(value);
    QVERIFY2(next.isEmpty(), qPrintable(next.toString()));
    QVERIFY(!LinkHeader::parse(value).contains(QStringLiteral("next")));
}

QTEST_GUILESS_MAIN(TestLinkHeader)
#include "TestLinkHeader.moc"
