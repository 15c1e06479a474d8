#include "ProcessHardening.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

bool ProcessHardening::disableCoreDumps() {
    bool applied = true;
#if defined(Q_OS_UNIX)
    const rlimit none{0, 0};
    applied = setrlimit(RLIMIT_CORE, &none) == 0;
#endif
#if defined(Q_OS_LINUX)
    applied = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && applied;
#endif
    return applied;
}
