#include "Icons.h"

#include "LazyIconEngine.h"

#include <QHash>

QIcon Icons::icon(const QString& name) {
    // freedesktop names for the ones the theme is likely to have.
    static const QHash<QString, QString> theme = {
        {QStringLiteral("cancel"), QStringLiteral("process-stop")},
        {QStringLiteral("export"), QStringLiteral("document-save-as")},
        {QStringLiteral("import"), QStringLiteral("document-open")},
        {QStringLiteral("paste"), QStringLiteral("edit-paste")},
        {QStringLiteral("pause"), QStringLiteral("media-playback-pause")},
        {QStringLiteral("redo"), QStringLiteral("edit-redo")},
        {QStringLiteral("reload"), QStringLiteral("view-refresh")},
        {QStringLiteral("resume"), QStringLiteral("media-playback-start")},
        {QStringLiteral("revert"), QStringLiteral("document-revert")},
        {QStringLiteral("save"), QStringLiteral("document-save")},
        {QStringLiteral("undo"), QStringLiteral("edit-undo")},
    };
    // Each icon is made once per name, and its SVG is read only when it is first drawn.
    static QHash<QString, QIcon> made;
    const auto cached = made.constFind(name);
    if (cached != made.constEnd())
        return *cached;
    const QIcon own(new LazyIconEngine(QStringLiteral(":/icons/%1.svg").arg(name)));
    const auto it = theme.constFind(name);
    const QIcon icon = it == theme.constEnd() ? own : QIcon::fromTheme(*it, own);
    made.insert(name, icon);
    return icon;
}
