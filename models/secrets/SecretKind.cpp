#include "secrets/SecretKind.h"

QString secretKindName(SecretKind kind) {
    switch (kind) {
    case SecretKind::ApiToken:
        return QStringLiteral("apiToken");
    case SecretKind::PrivateKey:
        return QStringLiteral("privateKey");
    case SecretKind::ClientSecret:
        return QStringLiteral("clientSecret");
    }
    return QStringLiteral("unknown");
}

std::optional<SecretKind> secretKindFromName(QStringView name) {
    for (SecretKind kind : allSecretKinds()) {
        if (name == secretKindName(kind))
            return kind;
    }
    return std::nullopt;
}

const QList<SecretKind>& allSecretKinds() {
    static const QList<SecretKind> kinds{SecretKind::ApiToken, SecretKind::PrivateKey,
                                         SecretKind::ClientSecret};
    return kinds;
}
