#include "common/BuildInfo.h"

#include <QtGlobal>

QString BuildInfo::appVersion() {
    return QStringLiteral(THREATDESK_VERSION);
}

QString BuildInfo::qtBuildVersion() {
    return QStringLiteral(QT_VERSION_STR);
}

QString BuildInfo::qtRuntimeVersion() {
    return QString::fromLatin1(qVersion());
}

QString BuildInfo::keychainVersion() {
    // QtKeychain's header has no usable version macro (0.13 still says 0.1.0), so CMake passes
    // the version of the package found at configure time.
    return QStringLiteral(THREATDESK_QTKEYCHAIN_VERSION);
}

QString BuildInfo::licence() {
    return QStringLiteral("GPL-3.0-or-later");
}
