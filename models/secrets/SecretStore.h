#pragma once

#include "secrets/SecretKind.h"
#include "secrets/SecretResult.h"

#include <QObject>

#include <functional>
#include <optional>

// Where tokens and private keys live; never in a file. Every call is asynchronous and answers
// through `done` exactly once, on a later event-loop turn (never from inside the call). The
// answer is dropped, not delivered, when `context` (if given) or the store is destroyed first.
// Removing a secret that is not stored is not an error, so removals are idempotent.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult&)>;

    // Above this a secret is refused with TooLarge (a private key is a few KiB at most).
    static constexpr qsizetype MaxSecretSize = 64 * 1024;

    explicit SecretStore(QObject* parent = nullptr);
    ~SecretStore() override;

    virtual void read(const QString& profileId, SecretKind kind, const QObject* context, Callback done) = 0;
    virtual void write(const QString& profileId, SecretKind kind, const QByteArray& secret,
                       const QObject* context, Callback done) = 0;
    virtual void remove(const QString& profileId, SecretKind kind, const QObject* context, Callback done) = 0;
    // Removes every kind of the profile (called when a profile is deleted).
    virtual void removeProfile(const QString& profileId, const QObject* context, Callback done) = 0;
    // ok when the store can be used now; otherwise errorKind Unavailable with a message for the user.
    virtual void checkAvailable(const QObject* context, Callback done) = 0;

    // False for a store that forgets everything when the application quits.
    virtual bool isPersistent() const = 0;
    // One sentence for the user: where secrets are kept.
    virtual QString description() const = 0;

    // Profile ids become part of keychain keys: non-empty, at most 128 characters, no ':' or '#'
    // (the key separators), no whitespace or control characters.
    static bool isValidProfileId(const QString& profileId);
    // "threatdesk:<profileId>:<kind>": one namespace per profile and kind.
    static QString entryKey(const QString& profileId, SecretKind kind);

protected:
    // Wraps `done` so it runs at most once, and not at all once `context` is gone.
    static Callback guarded(const QObject* context, Callback done);
    // Delivers `result` on the next event-loop turn (dropped if this store is destroyed first).
    void deliverLater(const Callback& done, const SecretResult& result);
    // The failure for an invalid profile id or an oversized secret, if any.
    static std::optional<SecretResult> checkProfileId(const QString& profileId);
    static std::optional<SecretResult> checkSize(const QByteArray& secret);
};
