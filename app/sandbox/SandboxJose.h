#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// The sandbox's own JOSE verifier (RS256 and ES256 on OpenSSL 3 EVP APIs). It shares no code with
// the client's crypto in models/auth on purpose: the sandbox judges what the client signs.
namespace SandboxJose {

QByteArray base64UrlEncode(const QByteArray& data);
// Strict: only the URL-safe alphabet, no padding, no whitespace, canonical trailing bits.
std::optional<QByteArray> base64UrlDecode(const QByteArray& text);

struct Jws {
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; // "<header>.<payload>" as sent
    QByteArray signature;
};

// Splits a compact JWS and parses its header and claims (both JSON objects); no signature check.
std::optional<Jws> parse(const QByteArray& compact, QString* error);

// A public RSA (at least 2048 bits) or EC P-256 JWK that OpenSSL accepts; private members refused.
bool isUsablePublicJwk(const QJsonObject& jwk, QString* error);

// Checks the signature with a public JWK: "alg" must be RS256 for RSA keys, ES256 for EC P-256 keys
// (ES256 signatures are raw R||S, 64 bytes).
bool verify(const Jws& jws, const QJsonObject& publicJwk, QString* error);

// RFC 7638 thumbprint (SHA-256, base64url) of a public RSA or EC JWK; empty if it is neither.
QString thumbprint(const QJsonObject& jwk);

QByteArray sha256(const QByteArray& data);

} // namespace SandboxJose
