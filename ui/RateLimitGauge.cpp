#include "RateLimitGauge.h"

#include "riskevents/RateLimitStatus.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <numeric>

namespace {
// Readable on light and dark backgrounds alike.
const QColor WarningColour(0xd9, 0x53, 0x4f);
constexpr int BarWidth = 6;
constexpr int BarGap = 2;
} // namespace

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
    m_bars.clear();
    m_rateLimited = false;
    if (!m_status || m_status->limit() <= 0) {
        m_text = tr("No requests sent yet");
        m_ratio = -1;
    } else {
        const RateBudget::Status& status = m_status->status();
        const int limit = m_status->limit();
        const int remaining = qBound(0, m_status->remaining(), limit);
        m_ratio = double(remaining) / limit;
        // A 429 comes first: Okta itself says to wait, whatever our own count thinks.
        const int blockedSeconds = static_cast<int>((status.blockedForMs + 999) / 1000);
        m_rateLimited = blockedSeconds > 0;
        m_text.clear();
        if (m_rateLimited)
            m_text = tr("Rate limited by Okta: waiting %1 s · ").arg(blockedSeconds);
        m_text += tr("%1 of %2 requests left").arg(remaining).arg(limit);
        if (!m_status->fromHeaders())
            m_text += tr(" (Okta's documented default until the org answers)");
        if (m_status->resetInSeconds() >= 0)
            m_text += tr(" · resets in %1 s").arg(m_status->resetInSeconds());
        if (!m_rateLimited && m_status->waitSeconds() > 0)
            m_text += tr(" · next request in %1 s").arg(m_status->waitSeconds());
        const int rateLimitedCount = m_status->rateLimitedCount();
        if (rateLimitedCount == 1)
            m_text += tr(" · 1 rate-limited answer");
        else if (rateLimitedCount > 1)
            m_text += tr(" · %1 rate-limited answers").arg(rateLimitedCount);

        // The chart: our requests of the last window, in ChartBars slices ending now.
        const qint64 windowMs = qMax<qint64>(1, status.windowMs);
        m_bars.fill(0, ChartBars);
        const qint64 now = m_status->updatedAtMs();
        for (qint64 sent : m_status->recentSendTimesMs()) {
            const qint64 age = qMax<qint64>(0, now - sent);
            const int slice = static_cast<int>(age * ChartBars / windowMs);
            if (slice < ChartBars)
                ++m_bars[ChartBars - 1 - slice];
        }
        const int sent = static_cast<int>(std::accumulate(m_bars.cbegin(), m_bars.cend(), 0));
        if (sent > 0)
            m_text += tr(" · %1 sent in the last %2 s").arg(sent).arg(windowMs / 1000);
    }
    setAccessibleDescription(m_text);
    setToolTip(m_text);
    updateGeometry();
    update();
}

int RateLimitGauge::chartWidth() const {
    return ChartBars * (BarWidth + BarGap) + BarGap;
}

QSize RateLimitGauge::sizeHint() const {
    return {fontMetrics().horizontalAdvance(m_text) + chartWidth() + 24, fontMetrics().height() * 2 + 12};
}

QSize RateLimitGauge::minimumSizeHint() const {
    return {120 + chartWidth(), fontMetrics().height() * 2 + 12};
}

void RateLimitGauge::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& pal = palette();
    const int chartLeft = width() - chartWidth();
    const int textWidth = chartLeft - 8;

    // The budget bar, then the words under it.
    const int barHeight = fontMetrics().height() / 2 + 4;
    const QRect bar(0, 2, textWidth - 1, barHeight);
    painter.setPen(m_rateLimited ? WarningColour : pal.color(QPalette::Mid));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRect(bar);
    if (m_ratio > 0) {
        // Palette colours follow the system's light or dark scheme; low budget reads as a warning.
        const QColor fill = m_ratio < 0.2 ? WarningColour : pal.color(QPalette::Highlight);
        painter.fillRect(bar.adjusted(1, 1, -int((1.0 - m_ratio) * (bar.width() - 1)), 0), fill);
    }
    painter.setPen(m_rateLimited ? WarningColour : pal.color(QPalette::WindowText));
    const QRect textRect(0, bar.bottom() + 4, textWidth, height() - bar.bottom() - 4);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(m_text, Qt::ElideRight, textRect.width()));

    // The chart: a baseline and one bar per slice of the window, scaled to the busiest slice.
    const QRect chart(chartLeft, 2, chartWidth(), height() - 4);
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(chart.bottomLeft(), chart.bottomRight());
    if (m_bars.isEmpty())
        return;
    const int busiest = qMax(1, *std::max_element(m_bars.cbegin(), m_bars.cend()));
    const QColor barColour = m_rateLimited ? WarningColour : pal.color(QPalette::Highlight);
    for (int i = 0; i < m_bars.size(); ++i) {
        if (m_bars[i] == 0)
            continue;
        const int h = qMax(2, (chart.height() - 1) * m_bars[i] / busiest);
        painter.fillRect(
            QRect(chart.left() + BarGap + i * (BarWidth + BarGap), chart.bottom() - h, BarWidth, h),
            barColour);
    }
}
