#pragma once

// Process-wide protections applied first thing in main(), before any secret is read.
class ProcessHardening {
public:
    // No core dump and no crash-report capture of this process's memory, which may hold API
    // tokens and private keys: the core size limit drops to 0 (hard and soft) and, on Linux, the
    // process is marked non-dumpable, which also covers core_pattern pipes (systemd-coredump,
    // apport) and stops other processes of the same user from attaching with ptrace.
    // Returns false when one of the two could not be applied.
    static bool disableCoreDumps();
};
