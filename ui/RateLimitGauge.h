#pragma once

#include <QPointer>
#include <QWidget>

class RateLimitStatus;

// The live rate-limit budget of a send: requests left of the limit as a bar, the countdown to
// the window's reset, and any 429 wait. It only listens to a RateLimitStatus (models/).
class RateLimitGauge : public QWidget {
    Q_OBJECT
public:
    explicit RateLimitGauge(QWidget* parent = nullptr);

    void setStatus(RateLimitStatus* status);
    // What the gauge says, e.g. "12 of 30 requests left · resets in 41 s"; also its accessible
    // description, so screen readers and tests read the same words.
    QString text() const { return m_text; }
    // Share of the budget left, 0..1; -1 when nothing is known yet.
    double fillRatio() const { return m_ratio; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void refresh();

    QPointer<RateLimitStatus> m_status;
    QString m_text;
    double m_ratio = -1;
};
