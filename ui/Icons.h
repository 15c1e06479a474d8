#pragma once

#include <QIcon>
#include <QString>

// The app's SVG icons (resources/icons/<name>.svg, compiled in). The desktop theme's icon of
// the same meaning is preferred when it has one, so the app blends in with the system.
// Names: add-row, block, cancel, detections, exempt, export, history, import, paste, pause,
// preview, profile, redo, reload, remove-rows, report, resume, revert, risk-events, save, send,
// threatdesk, threatinsight, undo.
class Icons {
public:
    static QIcon icon(const QString& name);
};
