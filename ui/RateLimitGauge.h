#pragma once

#include <QPointer>
#include <QVector>
#include <QWidget>

class RateLimitStatus;

// The live rate-limit budget of a send: requests left of the limit as a bar, the countdown to
// the window's reset, any 429 wait (shown apart: Okta itself said to wait) and a small chart of
// our requests over the last window. It only listens to a RateLimitStatus (models/), which
// ticks once a second while anything counts down.
class RateLimitGauge : public QWidget {
    Q_OBJECT
public:
    // Bars of the chart: each covers 1/12 of the window (5 s of Okta's minute).
    static constexpr int ChartBars = 12;

    explicit RateLimitGauge(QWidget* parent = nullptr);

    void setStatus(RateLimitStatus* status);
    // What the gauge says, e.g. "12 of 30 requests left · resets in 41 s"; also its accessible
    // description, so screen readers and tests read the same words.
    QString text() const { return m_text; }
    // Share of the budget left, 0..1; -1 when nothing is known yet.
    double fillRatio() const { return m_ratio; }
    // Okta answered 429 and its wait is not over.
    bool isRateLimited() const { return m_rateLimited; }
    // Requests sent per bar, oldest first (the last bar ends now); empty without a status.
    QVector<int> chartBars() const { return m_bars; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void refresh();
    int chartWidth() const;

    QPointer<RateLimitStatus> m_status;
    QString m_text;
    double m_ratio = -1;
    bool m_rateLimited = false;
    QVector<int> m_bars;
};
