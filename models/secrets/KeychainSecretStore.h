#pragma once

#include "secrets/SecretStore.h"

#include <chrono>
#include <deque>
#include <functional>

namespace QKeychain {
class Job;
}

// Secrets in the platform keychain through QtKeychain (Secret Service on Linux, Credential
// Manager on Windows, Keychain on macOS). Service "ThreatDesk", one entry per profile and kind
// ("threatdesk:<profileId>:<kind>"); QtKeychain's plaintext fallback is always disabled.
//
// Windows caps an entry at 2,560 bytes, so a secret of ChunkSize bytes or more is split into
// parts "<key>#1".."<key>#n" of at most ChunkSize bytes, and the main entry holds a small
// header (part count, size, SHA-256) that is written last and checked on read.
//
// Calls run one after another (a call may take several keychain jobs), so a read never sees
// a write half done by this store.
//
// Every keychain job has a timeout (default 10 s). On expiry the call answers Timeout once and
// the job's late answer is ignored; a write that timed out may still complete later.
class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    static constexpr qsizetype ChunkSize = 2000;
    static constexpr std::chrono::milliseconds DefaultJobTimeout{10000};

    explicit KeychainSecretStore(QObject* parent = nullptr);
    // `service` other than "ThreatDesk" only for tests.
    KeychainSecretStore(QString service, QObject* parent);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }
    void setJobTimeout(std::chrono::milliseconds timeout) { m_jobTimeout = timeout; }
    std::chrono::milliseconds jobTimeout() const { return m_jobTimeout; }

    void read(const QString& profileId, SecretKind kind, const QObject* context, Callback done) override;
    void write(const QString& profileId, SecretKind kind, const QByteArray& secret, const QObject* context,
               Callback done) override;
    void remove(const QString& profileId, SecretKind kind, const QObject* context, Callback done) override;
    void removeProfile(const QString& profileId, const QObject* context, Callback done) override;
    void checkAvailable(const QObject* context, Callback done) override;
    bool isPersistent() const override { return true; }
    QString description() const override;

private:
    using Operation = std::function<void(Callback done)>;
    struct Pending {
        Operation run;
        Callback answer;
    };
    void enqueue(Operation run, Callback answer);
    void runNext();

    // One keychain job each; `done` runs exactly once (result, error or Timeout).
    void readEntry(const QString& key, Callback done);
    void writeEntry(const QString& key, const QByteArray& data, Callback done);
    void deleteEntry(const QString& key, Callback done);
    void runJob(QKeychain::Job* job, Callback done);

    // Whole operations, run from the queue.
    void readSecret(const QString& key, Callback done);
    void writeSecret(const QString& key, const QByteArray& secret, Callback done);

    // Multi-entry steps of a chunked secret.
    void readParts(const QString& key, int index, int count, QByteArray assembled, qsizetype size,
                   QByteArray sha256, Callback done);
    void writeParts(const QString& key, int index, QByteArray secret, Callback done);
    void deleteParts(const QString& key, int index, int count, Callback done);
    // Deletes parts from `index` on until one is missing (stale or orphaned parts).
    void purgeParts(const QString& key, int index, Callback done);
    void removeEntry(const QString& key, Callback done);
    void removeKinds(const QString& profileId, int index, SecretResult firstError, Callback done);

    std::deque<Pending> m_pending;
    bool m_running = false;
    QString m_service;
    std::chrono::milliseconds m_jobTimeout = DefaultJobTimeout;
};
