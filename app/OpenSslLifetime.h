#pragma once

// When OpenSSL frees its global state. Called first thing in main(), before anything uses OpenSSL.
class OpenSslLifetime {
public:
    // By default OpenSSL frees its global state from an atexit() handler. Qt runs HTTP and TLS in
    // its own (detached) network thread, which may still be finishing when main() returns: the
    // handler then frees the locks and thread-local keys that thread still uses, which can crash
    // the exit and loses the thread's own OpenSSL state (random generators, error queue; the
    // "leak" LeakSanitizer reports). OpenSSL's advice for applications whose threads may outlive
    // main() is to skip that handler (OPENSSL_INIT_NO_ATEXIT); the system reclaims the memory.
    // Only the first initialisation of OpenSSL decides, hence first thing in main().
    // Returns false when OpenSSL could not be initialised.
    static bool skipCleanupAtExit();
};
