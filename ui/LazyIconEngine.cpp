#include "LazyIconEngine.h"

#include <QFile>
#include <QPainter>

LazyIconEngine::LazyIconEngine(QString fileName)
    : m_fileName(std::move(fileName)) {}

const QIcon& LazyIconEngine::loaded() {
    if (!m_loaded) {
        m_icon = QIcon(m_fileName);
        m_loaded = true;
    }
    return m_icon;
}

void LazyIconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) {
    loaded().paint(painter, rect, Qt::AlignCenter, mode, state);
}

QPixmap LazyIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) {
    return loaded().pixmap(size, mode, state);
}

QPixmap LazyIconEngine::scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) {
    return loaded().pixmap(size, scale, mode, state);
}

QSize LazyIconEngine::actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) {
    return loaded().actualSize(size, mode, state);
}

QList<QSize> LazyIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state) {
    return loaded().availableSizes(mode, state);
}

QString LazyIconEngine::key() const {
    return QStringLiteral("ThreatDeskLazyIconEngine");
}

QIconEngine* LazyIconEngine::clone() const {
    auto* copy = new LazyIconEngine(m_fileName);
    copy->m_icon = m_icon;
    copy->m_loaded = m_loaded;
    return copy;
}

// Asked by menus and buttons while they are laid out; answering from the file's existence keeps
// the SVG unread until the icon is drawn.
bool LazyIconEngine::isNull() {
    return m_loaded ? m_icon.isNull() : !QFile::exists(m_fileName);
}
