#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

// Keeps secrets in this process only: for tests, and as the explicit session-only fallback
// when no secret service is available (the user is told; nothing is ever written to disk).
// Same semantics as the keychain store: same key scoping, size limit and asynchronous answers.
class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject* parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QString& profileId, SecretKind kind, const QObject* context, Callback done) override;
    void write(const QString& profileId, SecretKind kind, const QByteArray& secret, const QObject* context,
               Callback done) override;
    void remove(const QString& profileId, SecretKind kind, const QObject* context, Callback done) override;
    void removeProfile(const QString& profileId, const QObject* context, Callback done) override;
    void checkAvailable(const QObject* context, Callback done) override;
    bool isPersistent() const override { return false; }
    QString description() const override;

    // For tests of callers: every following call fails with this kind until cleared (nullopt).
    void setForcedError(std::optional<SecretError> kind);
    // Number of stored secrets (never their values), for tests.
    qsizetype size() const { return m_secrets.size(); }

private:
    std::optional<SecretResult> forcedFailure() const;

    QHash<QString, QByteArray> m_secrets; // entryKey -> secret
    std::optional<SecretError> m_forcedError;
};
