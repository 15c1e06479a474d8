#include "secrets/MemorySecretStore.h"

MemorySecretStore::MemorySecretStore(QObject* parent)
    : SecretStore(parent) {}

MemorySecretStore::~MemorySecretStore() {
    // Best effort: overwrite our copies before the memory is released. Copies a caller still
    // holds (QByteArray is implicitly shared) are theirs to drop.
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        it.value().fill('\0');
}

QString MemorySecretStore::description() const {
    return tr("Session only: secrets are kept in memory and forgotten when ThreatDesk quits.");
}

void MemorySecretStore::setForcedError(std::optional<SecretError> kind) {
    m_forcedError = kind;
}

std::optional<SecretResult> MemorySecretStore::forcedFailure() const {
    if (!m_forcedError || *m_forcedError == SecretError::None)
        return std::nullopt;
    return SecretResult::failure(*m_forcedError, tr("Simulated secret store failure."));
}

void MemorySecretStore::read(const QString& profileId, SecretKind kind, const QObject* context,
                             Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = forcedFailure())
        return deliverLater(answer, *failure);
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    const auto it = m_secrets.constFind(entryKey(profileId, kind));
    if (it == m_secrets.cend())
        return deliverLater(answer, SecretResult::failure(SecretError::NotFound, tr("No secret is stored.")));
    deliverLater(answer, SecretResult::success(it.value()));
}

void MemorySecretStore::write(const QString& profileId, SecretKind kind, const QByteArray& secret,
                              const QObject* context, Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = forcedFailure())
        return deliverLater(answer, *failure);
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    if (auto failure = checkSize(secret))
        return deliverLater(answer, *failure);
    // The change is applied now so that calls take effect in the order they were made.
    m_secrets.insert(entryKey(profileId, kind), secret);
    deliverLater(answer, SecretResult::success());
}

void MemorySecretStore::remove(const QString& profileId, SecretKind kind, const QObject* context,
                               Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = forcedFailure())
        return deliverLater(answer, *failure);
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    auto it = m_secrets.find(entryKey(profileId, kind));
    if (it != m_secrets.end()) {
        it.value().fill('\0');
        m_secrets.erase(it);
    }
    deliverLater(answer, SecretResult::success());
}

void MemorySecretStore::removeProfile(const QString& profileId, const QObject* context, Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = forcedFailure())
        return deliverLater(answer, *failure);
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    for (SecretKind kind : allSecretKinds()) {
        auto it = m_secrets.find(entryKey(profileId, kind));
        if (it != m_secrets.end()) {
            it.value().fill('\0');
            m_secrets.erase(it);
        }
    }
    deliverLater(answer, SecretResult::success());
}

void MemorySecretStore::checkAvailable(const QObject* context, Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = forcedFailure())
        return deliverLater(answer, *failure);
    deliverLater(answer, SecretResult::success());
}
