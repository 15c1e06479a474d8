#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// What a secret is for. The name (not the number) is part of the keychain key, so names must
// never change once released.
enum class SecretKind {
    ApiToken,    // Okta SSWS API token
    PrivateKey,  // PEM/JWK private key for OAuth private_key_jwt
    ClientSecret // OAuth client secret
};

QString secretKindName(SecretKind kind);
std::optional<SecretKind> secretKindFromName(QStringView name);
// Every kind, so that deleting a profile can delete all of its secrets.
const QList<SecretKind>& allSecretKinds();
