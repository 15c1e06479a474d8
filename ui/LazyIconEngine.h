#pragma once

#include <QIcon>
#include <QIconEngine>
#include <QString>

// An icon read from its file only when first drawn or measured. Creating a QIcon from an SVG
// loads Qt's SVG icon plugin and parses the file; the window makes dozens of icons before it is
// shown, most of them for menus and pages that are not on screen yet.
class LazyIconEngine : public QIconEngine {
public:
    explicit LazyIconEngine(QString fileName);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QString key() const override;
    QIconEngine* clone() const override;
    bool isNull() override;

private:
    const QIcon& loaded();

    QString m_fileName;
    QIcon m_icon;
    bool m_loaded = false;
};
