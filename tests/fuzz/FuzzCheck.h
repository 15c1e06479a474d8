#pragma once

#include <cstdio>
#include <cstdlib>

// FUZZ_CHECK(condition): an invariant the code under test promises. A broken one aborts, so that
// libFuzzer keeps the input as a crash and the replay test fails on it, just like a sanitizer report.
#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);           \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)
