#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of this header.

// A private key for JWS signatures: RSA of at least 2048 bits (RS256) or EC P-256 (ES256).
// Copies share the same immutable OpenSSL key; the key id is per copy. Error reasons never
// contain key material, so they can be shown and logged.
class SigningKey {
    Q_DECLARE_TR_FUNCTIONS(SigningKey)
public:
    enum class Type { Rsa, EcP256 };

    // PKCS#1 ("RSA PRIVATE KEY"), PKCS#8 ("PRIVATE KEY", RSA or EC) or SEC1 ("EC PRIVATE KEY").
    // Encrypted keys, public keys and certificates are refused with a reason.
    static std::optional<SigningKey> fromPem(const QByteArray& pem, QString* error = nullptr);
    // A private RSA or EC P-256 JWK (RFC 7518 section 6); its "kid" becomes keyId().
    static std::optional<SigningKey> fromJwk(const QJsonObject& jwk, QString* error = nullptr);
    // JSON text of a JWK, or of a JWK set holding exactly one key.
    static std::optional<SigningKey> fromJwk(const QByteArray& json, QString* error = nullptr);
    static std::optional<SigningKey> generateRsa(int bits = 2048, QString* error = nullptr);
    static std::optional<SigningKey> generateEcP256(QString* error = nullptr);

    // RFC 7638 thumbprint (SHA-256, base64url) of any RSA or EC JWK; empty if it is not one.
    static QString jwkThumbprint(const QJsonObject& jwk);

    Type type() const { return m_type; }
    QString algorithm() const; // "RS256" or "ES256"
    int bits() const;

    QString keyId() const { return m_keyId; }
    void setKeyId(const QString& keyId) { m_keyId = keyId; }

    // The public half to paste into the Okta service app: kty, n/e or crv/x/y, and kid when set.
    QJsonObject publicJwk() const;
    QString thumbprint() const;
    // PKCS#8 PEM, unencrypted: meant for the keychain only.
    QByteArray privatePem() const;

    // The JWS signature of `signingInput` (ES256: raw R||S, 64 bytes); empty on failure.
    QByteArray sign(const QByteArray& signingInput) const;
    bool verify(const QByteArray& signingInput, const QByteArray& signature) const;

private:
    SigningKey(std::shared_ptr<evp_pkey_st> key, Type type);
    static std::optional<SigningKey> adopt(std::shared_ptr<evp_pkey_st> key, QString* error);

    std::shared_ptr<evp_pkey_st> m_key;
    Type m_type;
    QString m_keyId;
};
