#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <openssl/types.h>

#include <memory>
#include <optional>

// Internal to models/auth: the OpenSSL plumbing shared by SigningKey and Jwt (JWK import and
// export, key policy, JOSE signature forms). Reasons given in `error` name members and sizes,
// never key material.
namespace OpenSslKey {

using Pkey = std::shared_ptr<EVP_PKEY>;
Pkey adopt(EVP_PKEY* key);

enum class Kind { Rsa, EcP256 };

// The policy: RSA of at least 2048 bits or EC on P-256; anything else is refused with a reason.
std::optional<Kind> supportedKind(EVP_PKEY* key, QString* error);

// A key from a JWK (RFC 7518 section 6). With `requirePrivate`, a JWK without "d" is refused;
// without it, only the public members are used.
Pkey fromJwk(const QJsonObject& jwk, bool requirePrivate, QString* error);

// kty with n/e or crv/x/y, nothing else.
QJsonObject publicJwk(EVP_PKEY* key, Kind kind);

// RFC 7638 over the required members; empty when the JWK is not a well-formed RSA or EC key.
QString thumbprint(const QJsonObject& jwk);

// Signature over `data` with SHA-256 in JWS form (ES256: raw R||S of 64 bytes); empty on failure.
QByteArray sign(EVP_PKEY* key, Kind kind, const QByteArray& data);
bool verify(EVP_PKEY* key, Kind kind, const QByteArray& data, const QByteArray& signature);

QString algorithmFor(Kind kind);

} // namespace OpenSslKey
