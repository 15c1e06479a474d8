#include "auth/DpopProofBuilder.h"

#include "auth/Base64Url.h"
#include "auth/Jwt.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QUuid>

namespace {

qint64 systemSeconds() {
    return QDateTime::currentSecsSinceEpoch();
}

QString randomJti() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

DpopProofBuilder::DpopProofBuilder()
    : m_key(SigningKey::generateEcP256())
    , m_clock(systemSeconds)
    , m_jti(randomJti) {}

DpopProofBuilder::DpopProofBuilder(const SigningKey& key)
    : m_key(key)
    , m_clock(systemSeconds)
    , m_jti(randomJti) {}

QJsonObject DpopProofBuilder::publicJwk() const {
    if (!m_key)
        return {};
    // No "kid": the key is identified by itself (and its thumbprint), never registered anywhere.
    QJsonObject jwk = m_key->publicJwk();
    jwk.remove(QStringLiteral("kid"));
    return jwk;
}

QString DpopProofBuilder::thumbprint() const {
    return m_key ? m_key->thumbprint() : QString();
}

QByteArray DpopProofBuilder::proof(const QByteArray& method, const QUrl& url, const QString& nonce,
                                   const QString& accessToken, QString* error) const {
    if (!m_key) {
        if (error)
            *error = tr("No DPoP key could be generated.");
        return {};
    }
    if (method.isEmpty() || !url.isValid() || url.isRelative()) {
        if (error)
            *error = tr("A DPoP proof needs a method and an absolute URL.");
        return {};
    }
    QJsonObject header;
    header.insert(QStringLiteral("typ"), QStringLiteral("dpop+jwt"));
    header.insert(QStringLiteral("jwk"), publicJwk());

    QJsonObject claims;
    claims.insert(QStringLiteral("htm"), QString::fromLatin1(method));
    claims.insert(QStringLiteral("htu"), htu(url));
    claims.insert(QStringLiteral("iat"), m_clock());
    claims.insert(QStringLiteral("jti"), m_jti());
    if (!nonce.isEmpty())
        claims.insert(QStringLiteral("nonce"), nonce);
    if (!accessToken.isEmpty())
        claims.insert(QStringLiteral("ath"), accessTokenHash(accessToken));
    return Jwt::sign(header, claims, *m_key, error);
}

QString DpopProofBuilder::htu(const QUrl& url) {
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

QString DpopProofBuilder::accessTokenHash(const QString& accessToken) {
    return QString::fromLatin1(
        Base64Url::encode(QCryptographicHash::hash(accessToken.toLatin1(), QCryptographicHash::Sha256)));
}
