// RateLimitSnapshot: X-Rate-Limit-* and Date headers as Okta sends them, including missing and
// comma-joined duplicates (Qt joins repeated headers with ", ").
#include "api/RateLimitSnapshot.h"

#include <QTest>
#include <limits>

namespace QTest {
// Readable failure messages for the optional fields.
template <> char* toString(const std::optional<int>& value) {
    return qstrdup(value ? QByteArray::number(*value).constData() : "(empty)");
}
template <> char* toString(const std::optional<qint64>& value) {
    return qstrdup(value ? QByteArray::number(*value).constData() : "(empty)");
}
} // namespace QTest

namespace {
// 2023-11-14T22:13:20Z
constexpr qint64 Epoch = 1700000000;
const QByteArray EpochDate = "Tue, 14 Nov 2023 22:13:20 GMT";
} // namespace

class TestRateLimitSnapshot : public QObject {
    Q_OBJECT
private slots:
    void missingHeadersGiveEmptyOptionals();
    void wellFormedHeaders();
    void zeroIsAValidValue();
    void duplicatesKeepTheMostConservativeValue();
    void garbageNegativeAndOverflowingPartsAreIgnored_data();
    void garbageNegativeAndOverflowingPartsAreIgnored();
    void limitLargerThanIntIsNotTruncated();
    void whitespaceIsTolerated();
    void parseNumberMerges_data();
    void parseNumberMerges();
    void secondsUntilResetUsesServerClock();
    void secondsUntilResetIsClampedAtZero();
    void secondsUntilResetDoesNotOverflow();
    void secondsUntilResetNeedsBothHeaders();
    void duplicatedDateUsesFirst();
    void remainingNeverExceedsLimit();
    void unreadableDateIsInvalid();
    void hasBudget();
};

void TestRateLimitSnapshot::remainingNeverExceedsLimit() {
    // A broken or merged header claiming more than the bucket holds is not budget.
    auto s = RateLimitSnapshot::fromHeaders("30", "9999", "1700000060", {});
    QCOMPARE(s.remaining, std::optional<int>(30));
    // Okta's 429 headers plus a proxy's generous ones, as Qt joins them.
    s = RateLimitSnapshot::fromHeaders("30, 3000", "0, 2999", "1700000060, 1700000000", {});
    QCOMPARE(s.limit, std::optional<int>(30));
    QCOMPARE(s.remaining, std::optional<int>(0));
    QCOMPARE(s.resetEpochSeconds, std::optional<qint64>(1700000060));
    // Without a Limit there is nothing to clamp to: Remaining stays as given.
    s = RateLimitSnapshot::fromHeaders({}, "12", {}, {});
    QCOMPARE(s.remaining, std::optional<int>(12));
}

void TestRateLimitSnapshot::missingHeadersGiveEmptyOptionals() {
    const auto s = RateLimitSnapshot::fromHeaders({}, {}, {}, {});
    QVERIFY(!s.limit.has_value());
    QVERIFY(!s.remaining.has_value());
    QVERIFY(!s.resetEpochSeconds.has_value());
    QVERIFY(!s.serverDate.isValid());
    QVERIFY(!s.secondsUntilReset().has_value());
    QVERIFY(!s.hasBudget());
}

void TestRateLimitSnapshot::wellFormedHeaders() {
    const auto s = RateLimitSnapshot::fromHeaders("600", "599", QByteArray::number(Epoch + 60), EpochDate);
    QCOMPARE(s.limit, std::optional<int>(600));
    QCOMPARE(s.remaining, std::optional<int>(599));
    QCOMPARE(s.resetEpochSeconds, std::optional<qint64>(Epoch + 60));
    QCOMPARE(s.serverDate, QDateTime::fromSecsSinceEpoch(Epoch, Qt::UTC));
    QCOMPARE(s.serverDate.offsetFromUtc(), 0);
    QCOMPARE(s.secondsUntilReset(), std::optional<qint64>(60));
    QVERIFY(s.hasBudget());
}

void TestRateLimitSnapshot::zeroIsAValidValue() {
    // The concurrency limit answer: Limit and Remaining may read 0.
    const auto s = RateLimitSnapshot::fromHeaders("0", "0", QByteArray::number(Epoch), EpochDate);
    QCOMPARE(s.limit, std::optional<int>(0));
    QCOMPARE(s.remaining, std::optional<int>(0));
    QCOMPARE(s.secondsUntilReset(), std::optional<qint64>(0));
}

void TestRateLimitSnapshot::duplicatesKeepTheMostConservativeValue() {
    const auto s =
        RateLimitSnapshot::fromHeaders("600, 30", "29, 599", "1700000100, 1700000040, 1700000060", EpochDate);
    QCOMPARE(s.limit, std::optional<int>(30));
    QCOMPARE(s.remaining, std::optional<int>(29));
    QCOMPARE(s.resetEpochSeconds, std::optional<qint64>(1700000100));
    QCOMPARE(s.secondsUntilReset(), std::optional<qint64>(100));

    const auto same = RateLimitSnapshot::fromHeaders("30, 30", "7, 7", "1700000010, 1700000010", EpochDate);
    QCOMPARE(same.limit, std::optional<int>(30));
    QCOMPARE(same.remaining, std::optional<int>(7));
    QCOMPARE(same.resetEpochSeconds, std::optional<qint64>(1700000010));
}

void TestRateLimitSnapshot::garbageNegativeAndOverflowingPartsAreIgnored_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<int>("lowest");

    QTest::newRow("abc, 5") << QByteArray("abc, 5") << true << 5;
    QTest::newRow("5, abc") << QByteArray("5, abc") << true << 5;
    QTest::newRow("abc") << QByteArray("abc") << false << 0;
    QTest::newRow("empty") << QByteArray("") << false << 0;
    QTest::newRow("only commas") << QByteArray(" , ,") << false << 0;
    QTest::newRow("negative") << QByteArray("-5") << false << 0;
    QTest::newRow("negative, 7") << QByteArray("-5, 7") << true << 7;
    QTest::newRow("overflow") << QByteArray("99999999999999999999999") << false << 0;
    QTest::newRow("overflow, 12") << QByteArray("99999999999999999999999, 12") << true << 12;
    QTest::newRow("decimal") << QByteArray("5.5") << false << 0;
    QTest::newRow("decimal, 9") << QByteArray("5.5, 9") << true << 9;
    QTest::newRow("trailing letters") << QByteArray("10abc") << false << 0;
    QTest::newRow("hex") << QByteArray("0x10") << false << 0;
    QTest::newRow("empty parts") << QByteArray("8,,3,") << true << 3;
}

void TestRateLimitSnapshot::garbageNegativeAndOverflowingPartsAreIgnored() {
    QFETCH(QByteArray, value);
    QFETCH(bool, hasValue);
    QFETCH(int, lowest);

    const auto s = RateLimitSnapshot::fromHeaders(value, value, value, {});
    QCOMPARE(s.limit.has_value(), hasValue);
    QCOMPARE(s.remaining.has_value(), hasValue);
    QCOMPARE(s.resetEpochSeconds.has_value(), hasValue);
    if (hasValue) {
        QCOMPARE(*s.limit, lowest);
        QCOMPARE(*s.remaining, lowest);
    }

    const auto n = RateLimitSnapshot::parseNumber(value, RateLimitSnapshot::Merge::Lowest);
    QCOMPARE(n.has_value(), hasValue);
    if (hasValue)
        QCOMPARE(*n, qint64(lowest));
}

void TestRateLimitSnapshot::limitLargerThanIntIsNotTruncated() {
    // 3,000,000,000 fits qint64 (a reset epoch) but not int (limit/remaining): it must not wrap
    // into a negative or bogus count.
    const auto s = RateLimitSnapshot::fromHeaders("3000000000", "3000000000", "3000000000", {});
    QVERIFY2(!s.limit.has_value() || *s.limit >= 0, "limit wrapped around");
    QVERIFY2(!s.remaining.has_value() || *s.remaining >= 0, "remaining wrapped around");
    QVERIFY(!s.limit.has_value());
    QVERIFY(!s.remaining.has_value());
    QCOMPARE(s.resetEpochSeconds, std::optional<qint64>(3000000000LL));

    const auto mixed = RateLimitSnapshot::fromHeaders("3000000000, 40", "3000000000, 39", {}, {});
    QCOMPARE(mixed.limit, std::optional<int>(40));
    QCOMPARE(mixed.remaining, std::optional<int>(39));
}

void TestRateLimitSnapshot::whitespaceIsTolerated() {
    const auto s =
        RateLimitSnapshot::fromHeaders("  30 ", "\t12 ,   9  ", " 1700000030 , 1700000045 ", EpochDate);
    QCOMPARE(s.limit, std::optional<int>(30));
    QCOMPARE(s.remaining, std::optional<int>(9));
    QCOMPARE(s.resetEpochSeconds, std::optional<qint64>(1700000045));
    QCOMPARE(s.serverDate, QDateTime::fromSecsSinceEpoch(Epoch, Qt::UTC));
    QCOMPARE(s.secondsUntilReset(), std::optional<qint64>(45));
}

void TestRateLimitSnapshot::parseNumberMerges_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("lowest");
    QTest::addColumn<qint64>("highest");

    QTest::newRow("single") << QByteArray("42") << qint64(42) << qint64(42);
    QTest::newRow("two") << QByteArray("600, 30") << qint64(30) << qint64(600);
    QTest::newRow("three") << QByteArray("5, 1, 9") << qint64(1) << qint64(9);
    QTest::newRow("epochs") << QByteArray("1700000060, 1700000030") << qint64(1700000030)
                            << qint64(1700000060);
    QTest::newRow("garbage between") << QByteArray("4, x, 2") << qint64(2) << qint64(4);
    QTest::newRow("zero") << QByteArray("0, 3") << qint64(0) << qint64(3);
    QTest::newRow("big") << QByteArray("9223372036854775807") << std::numeric_limits<qint64>::max()
                         << std::numeric_limits<qint64>::max();
}

void TestRateLimitSnapshot::parseNumberMerges() {
    QFETCH(QByteArray, value);
    QFETCH(qint64, lowest);
    QFETCH(qint64, highest);
    QCOMPARE(RateLimitSnapshot::parseNumber(value, RateLimitSnapshot::Merge::Lowest),
             std::optional<qint64>(lowest));
    QCOMPARE(RateLimitSnapshot::parseNumber(value, RateLimitSnapshot::Merge::Highest),
             std::optional<qint64>(highest));
}

void TestRateLimitSnapshot::secondsUntilResetUsesServerClock() {
    // A server clock far from ours (2001): the wait is Reset − Date, not Reset − now.
    const QByteArray date = "Mon, 01 Jan 2001 00:00:00 GMT";
    const qint64 serverNow = QDateTime(QDate(2001, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const auto s = RateLimitSnapshot::fromHeaders("30", "0", QByteArray::number(serverNow + 37), date);
    QCOMPARE(s.serverDate.toSecsSinceEpoch(), serverNow);
    QCOMPARE(s.secondsUntilReset(), std::optional<qint64>(37));
}

void TestRateLimitSnapshot::secondsUntilResetIsClampedAtZero() {
    const auto s = RateLimitSnapshot::fromHeaders("30", "0", QByteArray::number(Epoch - 120), EpochDate);
    QCOMPARE(s.resetEpochSeconds, std::optional<qint64>(Epoch - 120));
    QCOMPARE(s.secondsUntilReset(), std::optional<qint64>(0));
}

// Fuzzing found it (tests/fuzz/regressions/fuzz_rate_limit_headers/reset-overflow-before-1970):
// Reset near 2^63 minus a Date before 1970 overflowed. Such headers give no wait at all.
void TestRateLimitSnapshot::secondsUntilResetDoesNotOverflow() {
    const auto s =
        RateLimitSnapshot::fromHeaders("30", "0", "9223372036854775807", "Wed, 01 Jan 1969 00:00:00 GMT");
    QVERIFY(s.serverDate.isValid());
    QCOMPARE(s.serverDate.toSecsSinceEpoch(), qint64(-365 * 86400));
    QVERIFY(!s.secondsUntilReset().has_value());
    // The largest Reset with a Date after 1970 still gives a (long) wait, not a wrapped one.
    const auto late = RateLimitSnapshot::fromHeaders("30", "0", "9223372036854775807", EpochDate);
    QVERIFY(late.secondsUntilReset().value_or(-1) > 0);
}

void TestRateLimitSnapshot::secondsUntilResetNeedsBothHeaders() {
    QVERIFY(!RateLimitSnapshot::fromHeaders("30", "1", QByteArray::number(Epoch), {}).secondsUntilReset());
    QVERIFY(!RateLimitSnapshot::fromHeaders("30", "1", {}, EpochDate).secondsUntilReset());
    QVERIFY(!RateLimitSnapshot::fromHeaders("30", "1", "soon", EpochDate).secondsUntilReset());
    QVERIFY(!RateLimitSnapshot::fromHeaders("30", "1", QByteArray::number(Epoch), "yesterday")
                 .secondsUntilReset());

    RateLimitSnapshot manual;
    manual.resetEpochSeconds = Epoch + 5;
    QVERIFY(!manual.secondsUntilReset());
    manual.serverDate = QDateTime::fromSecsSinceEpoch(Epoch, Qt::UTC);
    QCOMPARE(manual.secondsUntilReset(), std::optional<qint64>(5));
}

void TestRateLimitSnapshot::duplicatedDateUsesFirst() {
    const auto s = RateLimitSnapshot::fromHeaders("30", "1", QByteArray::number(Epoch + 10),
                                                  EpochDate + ", Tue, 14 Nov 2023 22:13:25 GMT");
    QCOMPARE(s.serverDate, QDateTime::fromSecsSinceEpoch(Epoch, Qt::UTC));
    QCOMPARE(s.secondsUntilReset(), std::optional<qint64>(10));
}

void TestRateLimitSnapshot::unreadableDateIsInvalid() {
    const auto s = RateLimitSnapshot::fromHeaders("30", "1", "1700000010", "not a date");
    QVERIFY(!s.serverDate.isValid());
    QCOMPARE(s.limit, std::optional<int>(30));
    QCOMPARE(s.remaining, std::optional<int>(1));
    QCOMPARE(s.resetEpochSeconds, std::optional<qint64>(1700000010));
}

void TestRateLimitSnapshot::hasBudget() {
    QVERIFY(RateLimitSnapshot::fromHeaders("30", "1", "1700000010", {}).hasBudget());
    QVERIFY(!RateLimitSnapshot::fromHeaders("30", "1", {}, EpochDate).hasBudget());
    QVERIFY(!RateLimitSnapshot::fromHeaders("30", {}, "1700000010", EpochDate).hasBudget());
    QVERIFY(!RateLimitSnapshot::fromHeaders({}, "1", "1700000010", EpochDate).hasBudget());
}

QTEST_GUILESS_MAIN(TestRateLimitSnapshot)
#include "TestRateLimitSnapshot.moc"
