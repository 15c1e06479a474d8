#pragma once

#include "auth/SigningKey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

// DPoP proofs (RFC 9449) with an ephemeral EC P-256 key made per instance, i.e. per session:
// the access token gets bound to that key, so the key must live as long as the token.
class DpopProofBuilder {
    Q_DECLARE_TR_FUNCTIONS(DpopProofBuilder)
public:
    using SecondsClock = std::function<qint64()>; // seconds since the UTC epoch
    using JtiGenerator = std::function<QString()>;

    // Generates the ephemeral key; isValid() is false if OpenSSL could not.
    DpopProofBuilder();
    // With a given key (tests, or a key kept for the lifetime of a bound token).
    explicit DpopProofBuilder(const SigningKey& key);

    bool isValid() const { return m_key.has_value(); }
    // The public key sent in every proof, and its RFC 7638 thumbprint ("jkt").
    QJsonObject publicJwk() const;
    QString thumbprint() const;

    void setClock(SecondsClock clock) { m_clock = std::move(clock); }
    void setJtiGenerator(JtiGenerator generator) { m_jti = std::move(generator); }

    // A proof for one request. `nonce` is the server's last DPoP-Nonce (omitted when empty);
    // `accessToken` binds the proof to the token via "ath" (omitted when empty, i.e. at the token
    // endpoint). Empty on failure.
    QByteArray proof(const QByteArray& method, const QUrl& url, const QString& nonce = {},
                     const QString& accessToken = {}, QString* error = nullptr) const;

    // The "htu" of a URL: without query and fragment (RFC 9449 section 4.2).
    static QString htu(const QUrl& url);
    // base64url(SHA-256(ASCII access token)).
    static QString accessTokenHash(const QString& accessToken);

private:
    std::optional<SigningKey> m_key;
    SecondsClock m_clock;
    JtiGenerator m_jti;
};
