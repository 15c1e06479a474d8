#include "ManualClock.h"
#include "RateLimitGauge.h"
#include "api/RateLimitSnapshot.h"
#include "riskevents/RateBudget.h"
#include "riskevents/RateLimitStatus.h"

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
};

QTEST_MAIN(TestRateLimitGauge)
#include "TestRateLimitGauge.moc"
