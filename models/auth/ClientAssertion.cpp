#include "auth/ClientAssertion.h"

#include "auth/Jwt.h"

#include <QDateTime>
#include <QUuid>

ClientAssertion::ClientAssertion(const QString& clientId, const QString& tokenEndpoint, const SigningKey& key)
    : m_clientId(clientId)
    , m_tokenEndpoint(tokenEndpoint)
    , m_key(key)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
    , m_jti([] { return QUuid::createUuid().toString(QUuid::WithoutBraces); }) {}

QString ClientAssertion::keyId() const {
    return m_keyId.isEmpty() ? m_key.keyId() : m_keyId;
}

QJsonObject ClientAssertion::claims() const {
    const qint64 now = m_clock();
    QJsonObject claims;
    claims.insert(QStringLiteral("iss"), m_clientId);
    claims.insert(QStringLiteral("sub"), m_clientId);
    claims.insert(QStringLiteral("aud"), m_tokenEndpoint);
    claims.insert(QStringLiteral("iat"), now);
    claims.insert(QStringLiteral("exp"), now + LifetimeSeconds);
    claims.insert(QStringLiteral("jti"), m_jti());
    return claims;
}

QByteArray ClientAssertion::create(QString* error) const {
    if (m_clientId.isEmpty() || m_tokenEndpoint.isEmpty()) {
        if (error)
            *error = tr("The client id and the token endpoint are both needed.");
        return {};
    }
    QJsonObject header;
    header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    if (!keyId().isEmpty())
        header.insert(QStringLiteral("kid"), keyId());
    return Jwt::sign(header, claims(), m_key, error);
}

QString ClientAssertion::tokenEndpointFor(const QString& orgBaseUrl) {
    QString base = orgBaseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/oauth2/v1/token");
}
