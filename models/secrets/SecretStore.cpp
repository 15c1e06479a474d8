#include "secrets/SecretStore.h"

#include <QPointer>

#include <memory>

SecretStore::SecretStore(QObject* parent)
    : QObject(parent) {}

SecretStore::~SecretStore() = default;

bool SecretStore::isValidProfileId(const QString& profileId) {
    if (profileId.isEmpty() || profileId.size() > 128)
        return false;
    for (QChar c : profileId) {
        if (c == u':' || c == u'#' || c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

QString SecretStore::entryKey(const QString& profileId, SecretKind kind) {
    return QStringLiteral("threatdesk:%1:%2").arg(profileId, secretKindName(kind));
}

SecretStore::Callback SecretStore::guarded(const QObject* context, Callback done) {
    auto called = std::make_shared<bool>(false);
    const bool hasContext = context != nullptr;
    QPointer<const QObject> guard(context);
    return [called, hasContext, guard, done = std::move(done)](const SecretResult& result) {
        if (*called)
            return;
        *called = true;
        if (hasContext && !guard)
            return;
        if (done)
            done(result);
    };
}

void SecretStore::deliverLater(const Callback& done, const SecretResult& result) {
    QMetaObject::invokeMethod(
        this, [done, result] { done(result); }, Qt::QueuedConnection);
}

std::optional<SecretResult> SecretStore::checkProfileId(const QString& profileId) {
    if (isValidProfileId(profileId))
        return std::nullopt;
    return SecretResult::failure(SecretError::Other,
                                 tr("Invalid profile id for a secret (empty, too long, or containing ':', "
                                    "'#' or spaces)."));
}

std::optional<SecretResult> SecretStore::checkSize(const QByteArray& secret) {
    if (secret.size() <= MaxSecretSize)
        return std::nullopt;
    return SecretResult::failure(
        SecretError::TooLarge,
        tr("The secret is %1 bytes; at most %2 bytes can be kept in the system keychain (a keychain "
           "entry holds at most 2,560 bytes on Windows, so larger secrets are split into parts up to "
           "this limit). Use a smaller key, for example an EC P-256 or RSA 2048/4096 key.")
            .arg(secret.size())
            .arg(MaxSecretSize));
}
