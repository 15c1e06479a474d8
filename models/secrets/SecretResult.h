#pragma once

#include <QByteArray>
#include <QString>

// Why a secret operation failed. `None` only when it succeeded.
enum class SecretError {
    None,
    NotFound,    // nothing stored under that profile and kind
    Unavailable, // no secret service (or it is locked / refused access): offer the session-only store
    Timeout,     // the keychain did not answer in time; the outcome of a write is then unknown
    TooLarge,    // above the size a keychain entry set can hold; nothing was written
    Other        // anything else (invalid profile id, corrupted entry, backend error...)
};

// The single answer of every SecretStore call. `value` is only set by a successful read and
// must never be logged. `error` is a user-readable reason and never contains secret bytes.
struct SecretResult {
    bool ok = false;
    QByteArray value;
    QString error;
    SecretError errorKind = SecretError::None;

    static SecretResult success(QByteArray secret = {}) {
        return {true, std::move(secret), {}, SecretError::None};
    }
    static SecretResult failure(SecretError kind, QString message) {
        return {false, {}, std::move(message), kind};
    }
};
