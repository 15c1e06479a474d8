#pragma once

#include <QString>

// What this build is made of, for --version and the About dialog.
class BuildInfo {
public:
    static QString appVersion();
    // The Qt the app was built against and the one it runs on (they can differ on Linux).
    static QString qtBuildVersion();
    static QString qtRuntimeVersion();
    static QString keychainVersion();
    // SPDX identifier of the licence (see LICENSE).
    static QString licence();
};
