#include "RateLimitGauge.h"

#include "riskevents/RateLimitStatus.h"

#include <QPainter>
#include <QPalette>

RateLimitGauge::RateLimitGauge(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("rateLimitGauge"));
    setAccessibleName(tr("Rate-limit budget"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    refresh();
}

void RateLimitGauge::setStatus(RateLimitStatus* status) {
    if (m_status)
        disconnect(m_status, nullptr, this, nullptr);
    m_status = status;
    if (status) {
        connect(status, &RateLimitStatus::changed, this, &RateLimitGauge::refresh);
        connect(status, &QObject::destroyed, this, &RateLimitGauge::refresh);
    }
    refresh();
}

void RateLimitGauge::refresh() {
    if (!m_status || m_status->limit() <= 0) {
        m_text = tr("No requests sent yet");
        m_ratio = -1;
    } else {
        const int limit = m_status->limit();
        const int remaining = qBound(0, m_status->remaining(), limit);
        m_ratio = double(remaining) / limit;
        m_text = tr("%1 of %2 requests left").arg(remaining).arg(limit);
        if (!m_status->fromHeaders())
            m_text += tr(" (Okta's documented default until the org answers)");
        if (m_status->resetInSeconds() >= 0)
            m_text += tr(" · resets in %1 s").arg(m_status->resetInSeconds());
        if (m_status->waitSeconds() > 0)
            m_text += tr(" · waiting %1 s").arg(m_status->waitSeconds());
        if (m_status->rateLimitedCount() > 0)
            m_text += tr(" · %n rate-limited answer(s)", nullptr, m_status->rateLimitedCount());
    }
    setAccessibleDescription(m_text);
    setToolTip(m_text);
    update();
}

QSize RateLimitGauge::sizeHint() const {
    return {fontMetrics().horizontalAdvance(m_text) + 16, fontMetrics().height() * 2 + 12};
}

QSize RateLimitGauge::minimumSizeHint() const {
    return {120, fontMetrics().height() * 2 + 12};
}

void RateLimitGauge::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& pal = palette();
    const int barHeight = fontMetrics().height() / 2 + 4;
    const QRect bar(0, 2, width() - 1, barHeight);
    painter.setPen(pal.color(QPalette::Mid));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRect(bar);
    if (m_ratio > 0) {
        // Palette colours follow the system's light or dark scheme; low budget reads as a warning.
        const QColor fill = m_ratio < 0.2 ? QColor(0xd9, 0x53, 0x4f) : pal.color(QPalette::Highlight);
        painter.fillRect(bar.adjusted(1, 1, -int((1.0 - m_ratio) * (bar.width() - 1)), 0), fill);
    }
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QRect(0, bar.bottom() + 4, width(), height() - bar.bottom() - 4),
                     Qt::AlignLeft | Qt::AlignVCenter, m_text);
}
