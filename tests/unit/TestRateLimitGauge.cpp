#include "ManualClock.h"
#include "RateLimitGauge.h"
#include "api/RateLimitSnapshot.h"
#include "riskevents/RateBudget.h"
#include "riskevents/RateLimitStatus.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

class TestRateLimitGauge : public QObject {
    Q_OBJECT

private slots:
    void showsNothingBeforeAnyAnswer() {
        RateLimitGauge gauge;
        QCOMPARE(gauge.text(), QStringLiteral("No requests sent yet"));
        QCOMPARE(gauge.fillRatio(), -1.0);
        QCOMPARE(gauge.accessibleDescription(), gauge.text());
    }

    void followsTheStatusAndItsHeaders() {
        ManualClock clock;
        RateBudget budget;
        RateLimitStatus status(&budget, &clock);
        RateLimitGauge gauge;
        gauge.setStatus(&status);
        // Before any answer: Okta's documented 30 a minute.
        status.update();
        QVERIFY2(gauge.text().startsWith(QStringLiteral("30 of 30 requests left (Okta's documented default")),
                 qPrintable(gauge.text()));

        // The org answers: 12 of 20 left, window resets 41 s after its Date.
        const qint64 now = clock.nowMs();
        const QDateTime date = QDateTime::fromMSecsSinceEpoch(now - now % 1000, QTimeZone::utc());
        budget.onSent(now);
        budget.onAnswer(now, now, RateLimitSnapshot{20, 12, date.toSecsSinceEpoch() + 41, date}, false);
        status.update();
        QVERIFY2(gauge.text().startsWith(QStringLiteral("12 of 20 requests left · resets in ")),
                 qPrintable(gauge.text()));
        QCOMPARE(gauge.fillRatio(), 0.6);
        QCOMPARE(gauge.toolTip(), gauge.text());

        // A status that goes away leaves the gauge empty, not dangling.
        {
            RateLimitStatus shortLived(&budget, &clock);
            gauge.setStatus(&shortLived);
            shortLived.update();
            QVERIFY(gauge.text().startsWith(QStringLiteral("12 of 20")));
        }
        QCOMPARE(gauge.text(), QStringLiteral("No requests sent yet"));
        QCOMPARE(gauge.fillRatio(), -1.0);
        gauge.resize(300, 60);
        gauge.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gauge)); // paints without a status
    }

    void countsDownToTheReset() {
        ManualClock clock; // starts on a whole second
        RateBudget budget;
        RateLimitStatus status(&budget, &clock);
        RateLimitGauge gauge;
        gauge.setStatus(&status);
        const qint64 now = clock.nowMs();
        const QDateTime date = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc());
        budget.onSent(now);
        budget.onAnswer(now, now, RateLimitSnapshot{30, 29, date.toSecsSinceEpoch() + 41, date}, false);
        status.update();
        // 41 s on the server's clock, plus the safety margins of mapping it to ours.
        const auto resetIn = [&gauge] {
            const QRegularExpressionMatch match =
                QRegularExpression(QStringLiteral(" · resets in (\\d+) s")).match(gauge.text());
            return match.hasMatch() ? match.captured(1).toInt() : -1;
        };
        const int first = resetIn();
        QVERIFY2(first >= 41 && first <= 43, qPrintable(gauge.text()));
        // The status ticks by itself each second; the gauge follows without being told.
        clock.advance(1000);
        QCOMPARE(resetIn(), first - 1);
        clock.advance(5000);
        QCOMPARE(resetIn(), first - 6);
        QCOMPARE(gauge.accessibleDescription(), gauge.text());
        QVERIFY(!gauge.isRateLimited());
        QVERIFY(!gauge.text().contains(QStringLiteral("Rate limited")));
    }

    void showsAnOktaRateLimitWaitApart() {
        ManualClock clock;
        RateBudget budget;
        RateLimitStatus status(&budget, &clock);
        RateLimitGauge gauge;
        gauge.setStatus(&status);
        const qint64 now = clock.nowMs();
        const QDateTime date = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc());
        // Okta says 429, its window resets 41 s after its Date: wait until then, plus a second.
        budget.onSent(now);
        budget.onAnswer(now, now, RateLimitSnapshot{30, 0, date.toSecsSinceEpoch() + 41, date}, true);
        status.update();
        QVERIFY(gauge.isRateLimited());
        QVERIFY2(gauge.text().startsWith(
                     QStringLiteral("Rate limited by Okta: waiting 42 s · 0 of 30 requests left")),
                 qPrintable(gauge.text()));
        QVERIFY2(gauge.text().contains(QStringLiteral(" · 1 rate-limited answer")), qPrintable(gauge.text()));
        QVERIFY(!gauge.text().contains(QStringLiteral("next request in")));
        clock.advance(1000);
        QVERIFY2(gauge.text().startsWith(QStringLiteral("Rate limited by Okta: waiting 41 s")),
                 qPrintable(gauge.text()));
        QCOMPARE(gauge.accessibleDescription(), gauge.text());
        gauge.resize(400, 60);
        gauge.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gauge)); // paints the warning
        QVERIFY(!gauge.grab().isNull());
        // Over: the wait is gone, the count of 429s stays.
        clock.advance(41000);
        QVERIFY(!gauge.isRateLimited());
        QVERIFY2(!gauge.text().contains(QStringLiteral("Rate limited by Okta")), qPrintable(gauge.text()));
        QVERIFY2(gauge.text().contains(QStringLiteral("1 rate-limited answer")), qPrintable(gauge.text()));
    }

    void chartsTheRequestsOfTheLastWindow() {
        ManualClock clock;
        RateBudget budget; // no headers: Okta's documented minute
        RateLimitStatus status(&budget, &clock);
        RateLimitGauge gauge;
        gauge.setStatus(&status);
        QVERIFY(gauge.chartBars().isEmpty() ||
                gauge.chartBars() == QVector<int>(RateLimitGauge::ChartBars, 0));
        const qint64 t0 = clock.nowMs();
        auto send = [&] {
            budget.onSent(clock.nowMs());
            budget.onAnswer(clock.nowMs(), clock.nowMs(), RateLimitSnapshot{}, false);
            status.update();
        };
        send();
        clock.advance(1000);
        send();
        clock.advance(19000);
        send();
        // The model: the send times of the window, oldest first.
        QCOMPARE(budget.recentSendTimesMs(clock.nowMs()), (QVector<qint64>{t0, t0 + 1000, t0 + 20000}));
        QCOMPARE(status.recentSendTimesMs(), (QVector<qint64>{t0, t0 + 1000, t0 + 20000}));
        QCOMPARE(status.updatedAtMs(), clock.nowMs());
        // Bars of 5 s ending now: ages 0 s (last bar), 19 s and 20 s.
        QVector<int> expected(RateLimitGauge::ChartBars, 0);
        expected[11] = 1;
        expected[8] = 1;
        expected[7] = 1;
        QCOMPARE(gauge.chartBars(), expected);
        QVERIFY2(gauge.text().endsWith(QStringLiteral(" · 3 sent in the last 60 s")),
                 qPrintable(gauge.text()));
        gauge.resize(400, 60);
        gauge.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gauge));
        QVERIFY(!gauge.grab().isNull());

        // The chart moves with time: 45 s later the first two have left the window.
        clock.advance(45000);
        QCOMPARE(budget.recentSendTimesMs(clock.nowMs()), (QVector<qint64>{t0 + 20000}));
        expected.fill(0);
        expected[2] = 1;
        QCOMPARE(gauge.chartBars(), expected);
        QVERIFY2(gauge.text().endsWith(QStringLiteral(" · 1 sent in the last 60 s")),
                 qPrintable(gauge.text()));
        clock.advance(20000);
        QCOMPARE(gauge.chartBars(), QVector<int>(RateLimitGauge::ChartBars, 0));
        QVERIFY(!gauge.text().contains(QStringLiteral("sent in the last")));
    }
};

QTEST_MAIN(TestRateLimitGauge)
#include "TestRateLimitGauge.moc"
