#include "OpenSslLifetime.h"

#include <openssl/crypto.h>

bool OpenSslLifetime::skipCleanupAtExit() {
    return OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;
}
