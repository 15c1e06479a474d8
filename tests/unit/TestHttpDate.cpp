// HttpDate: the three date forms of RFC 7231 section 7.1.1.1, and IMF-fixdate output in English
// whatever the default locale.
#include "api/HttpDate.h"

#include <QLocale>
#include <QTest>

namespace {
const QDateTime Rfc7231Example(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
}

class TestHttpDate : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void parsesTheThreeForms_data();
    void parsesTheThreeForms();
    void twoDigitYears_data();
    void twoDigitYears();
    void twoDigitYearInFixdateIsNotTheFirstCentury();
    void garbageIsInvalid_data();
    void garbageIsInvalid();
    void duplicatedDateGivesTheFirst();
    void duplicatedAsctimeDateGivesTheFirst();
    void formatsImfFixdate_data();
    void formatsImfFixdate();
    void formatPadsTheYearToFourDigits();
    void formatIsEnglishUnderAGermanLocale();
    void formatConvertsToUtc();
    void roundTrip();
};

void TestHttpDate::cleanup() {
    QLocale::setDefault(QLocale::c());
}

void TestHttpDate::parsesTheThreeForms_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << Rfc7231Example;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << Rfc7231Example;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << Rfc7231Example;
    QTest::newRow("IMF-fixdate 2026") << QByteArray("Sat, 21 Nov 2026 22:30:00 GMT")
                                      << QDateTime(QDate(2026, 11, 21), QTime(22, 30), Qt::UTC);
    QTest::newRow("asctime two-digit day") << QByteArray("Thu Dec 31 23:59:59 2026")
                                           << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC);
    QTest::newRow("IMF-fixdate midnight Jan")
        << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    QTest::newRow("IMF-fixdate leap day") << QByteArray("Tue, 29 Feb 2028 12:00:01 GMT")
                                          << QDateTime(QDate(2028, 2, 29), QTime(12, 0, 1), Qt::UTC);
}

void TestHttpDate::parsesTheThreeForms() {
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = HttpDate::parse(value);
    QVERIFY2(parsed.isValid(), value.constData());
    QCOMPARE(parsed, expected);
    // UTC, whether expressed as Qt::UTC or as the UTC time zone.
    QCOMPARE(parsed.offsetFromUtc(), 0);
    QCOMPARE(parsed.toUTC().time(), expected.time());
    QCOMPARE(parsed.toSecsSinceEpoch(), expected.toSecsSinceEpoch());
}

void TestHttpDate::twoDigitYears_data() {
    // RFC 7231: a two-digit year that looks more than 50 years ahead is in the past.
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("year");
    QTest::newRow("94") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << 1994;
    QTest::newRow("01") << QByteArray("Monday, 01-Jan-01 00:00:00 GMT") << 2001;
    QTest::newRow("26") << QByteArray("Saturday, 21-Nov-26 22:30:00 GMT") << 2026;
}

void TestHttpDate::twoDigitYears() {
    QFETCH(QByteArray, value);
    QFETCH(int, year);
    const QDateTime parsed = HttpDate::parse(value);
    QVERIFY2(parsed.isValid(), value.constData());
    QCOMPARE(parsed.date().year(), year);
}

void TestHttpDate::twoDigitYearInFixdateIsNotTheFirstCentury() {
    // RFC 822 style "06 Nov 94" is not an HTTP-date, but old servers send it. It may be refused or
    // read as 1994; read as the year 94 AD it would make a rate-limit wait last two millennia.
    const QDateTime parsed = HttpDate::parse("Sun, 06 Nov 94 08:49:37 GMT");
    QVERIFY2(!parsed.isValid() || parsed.date().year() == 1994, qPrintable(parsed.toString(Qt::ISODate)));
}

void TestHttpDate::garbageIsInvalid_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("spaces") << QByteArray("   ");
    QTest::newRow("words") << QByteArray("yesterday at noon");
    QTest::newRow("epoch number") << QByteArray("1700000000");
    QTest::newRow("day 32") << QByteArray("Sun, 32 Nov 1994 08:49:37 GMT");
    QTest::newRow("hour 25") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT");
    QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT");
    QTest::newRow("30 Feb") << QByteArray("Mon, 30 Feb 2026 08:49:37 GMT");
    QTest::newRow("truncated") << QByteArray("Sun, 06 Nov 1994");
    QTest::newRow("no time") << QByteArray("Sun, 06 Nov 1994 GMT");
    QTest::newRow("comma only") << QByteArray(",");
    // Found by fuzz_rate_limit_headers: numbers are digits only, years four of them.
    static const char nulInTheYear[] = "Sun Nov  6 08:49:37 1\0\0994"; // "1", NUL, NUL, "994"
    QTest::newRow("NUL in the year") << QByteArray(nulInTheYear, sizeof(nulInTheYear) - 1);
    QTest::newRow("signed day") << QByteArray("Sun, +6 Nov 1994 08:49:37 GMT");
    QTest::newRow("negative year") << QByteArray("Sun, 06 Nov -994 08:49:37 GMT");
    QTest::newRow("five-digit year") << QByteArray("Sun Nov  6 08:49:37 19940");
    QTest::newRow("three-digit hour") << QByteArray("Sun, 06 Nov 1994 008:49:37 GMT");
}

void TestHttpDate::garbageIsInvalid() {
    QFETCH(QByteArray, value);
    QVERIFY(!HttpDate::parse(value).isValid());
}

void TestHttpDate::duplicatedDateGivesTheFirst() {
    const QDateTime parsed = HttpDate::parse("Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:39 GMT");
    QCOMPARE(parsed, Rfc7231Example);

    const QDateTime rfc850 =
        HttpDate::parse("Sunday, 06-Nov-94 08:49:37 GMT, Sunday, 06-Nov-94 08:49:39 GMT");
    QCOMPARE(rfc850, Rfc7231Example);

    const QDateTime same = HttpDate::parse("Sat, 21 Nov 2026 22:30:00 GMT, Sat, 21 Nov 2026 22:30:00 GMT");
    QCOMPARE(same, QDateTime(QDate(2026, 11, 21), QTime(22, 30), Qt::UTC));
}

void TestHttpDate::duplicatedAsctimeDateGivesTheFirst() {
    const QDateTime asctime = HttpDate::parse("Sun Nov  6 08:49:37 1994, Sun Nov  6 08:49:39 1994");
    QCOMPARE(asctime, Rfc7231Example);
}

void TestHttpDate::formatsImfFixdate_data() {
    QTest::addColumn<QDateTime>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("RFC example") << Rfc7231Example << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
    QTest::newRow("architecture example") << QDateTime(QDate(2026, 11, 21), QTime(22, 30), Qt::UTC)
                                          << QByteArray("Sat, 21 Nov 2026 22:30:00 GMT");
    QTest::newRow("epoch") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC)
                           << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT");
    QTest::newRow("May Wednesday") << QDateTime(QDate(2024, 5, 1), QTime(1, 2, 3), Qt::UTC)
                                   << QByteArray("Wed, 01 May 2024 01:02:03 GMT");
    QTest::newRow("Tuesday March") << QDateTime(QDate(2025, 3, 4), QTime(9, 0), Qt::UTC)
                                   << QByteArray("Tue, 04 Mar 2025 09:00:00 GMT");
    QTest::newRow("Friday December") << QDateTime(QDate(2026, 12, 25), QTime(23, 59, 59), Qt::UTC)
                                     << QByteArray("Fri, 25 Dec 2026 23:59:59 GMT");
}

void TestHttpDate::formatsImfFixdate() {
    QFETCH(QDateTime, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpDate::format(value), expected);
}

// Found by fuzz_rate_limit_headers: a year below 1000 was written with fewer than four digits,
// which parse() (rightly) refuses.
void TestHttpDate::formatPadsTheYearToFourDigits() {
    const QDateTime early(QDate(999, 6, 1), QTime(12, 0), Qt::UTC);
    QVERIFY2(HttpDate::format(early).contains(" 0999 "), HttpDate::format(early).constData());
    QCOMPARE(HttpDate::parse(HttpDate::format(early)), early);
}

void TestHttpDate::formatIsEnglishUnderAGermanLocale() {
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(HttpDate::format(Rfc7231Example), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
    // Months and days whose German names differ from the English ones.
    QCOMPARE(HttpDate::format(QDateTime(QDate(2024, 5, 1), QTime(1, 2, 3), Qt::UTC)),
             QByteArray("Wed, 01 May 2024 01:02:03 GMT"));
    QCOMPARE(HttpDate::format(QDateTime(QDate(2025, 3, 4), QTime(9, 0), Qt::UTC)),
             QByteArray("Tue, 04 Mar 2025 09:00:00 GMT"));
    QCOMPARE(HttpDate::format(QDateTime(QDate(2026, 10, 23), QTime(9, 0), Qt::UTC)),
             QByteArray("Fri, 23 Oct 2026 09:00:00 GMT"));
    QCOMPARE(HttpDate::format(QDateTime(QDate(2026, 12, 20), QTime(9, 0), Qt::UTC)),
             QByteArray("Sun, 20 Dec 2026 09:00:00 GMT"));
    // Parsing does not depend on the locale either.
    QCOMPARE(HttpDate::parse("Wed, 01 May 2024 01:02:03 GMT"),
             QDateTime(QDate(2024, 5, 1), QTime(1, 2, 3), Qt::UTC));
}

void TestHttpDate::formatConvertsToUtc() {
    // An HTTP date is always GMT: a time given with an offset is converted, not relabelled.
    const QDateTime plusTwo(QDate(2026, 11, 22), QTime(0, 30), Qt::OffsetFromUTC, 2 * 3600);
    QCOMPARE(HttpDate::format(plusTwo), QByteArray("Sat, 21 Nov 2026 22:30:00 GMT"));
}

void TestHttpDate::roundTrip() {
    for (const qint64 secs : {qint64(0), qint64(784111777), qint64(1700000000), qint64(1795473000)}) {
        const QDateTime t = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
        QCOMPARE(HttpDate::parse(HttpDate::format(t)), t);
    }
}

QTEST_GUILESS_MAIN(TestHttpDate)
#include "TestHttpDate.moc"
