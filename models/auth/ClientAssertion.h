#pragma once

#include "auth/SigningKey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>

// The private_key_jwt client assertion for Okta's token endpoint (RFC 7523): iss = sub = client
// id, aud = the token endpoint, iat/exp five minutes apart and a fresh jti. Okta burns a jti even
// on a failed request, so create() must be called once per token request.
class ClientAssertion {
    Q_DECLARE_TR_FUNCTIONS(ClientAssertion)
public:
    static constexpr qint64 LifetimeSeconds = 300;
    static constexpr const char* AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    using SecondsClock = std::function<qint64()>; // seconds since the UTC epoch
    using JtiGenerator = std::function<QString()>;

    // `tokenEndpoint` is the full URL, e.g. https://acme.okta.com/oauth2/v1/token.
    ClientAssertion(const QString& clientId, const QString& tokenEndpoint, const SigningKey& key);

    // The "kid" header; by default the key's own id (none when both are empty).
    void setKeyId(const QString& keyId) { m_keyId = keyId; }
    QString keyId() const;
    void setClock(SecondsClock clock) { m_clock = std::move(clock); }
    void setJtiGenerator(JtiGenerator generator) { m_jti = std::move(generator); }

    QString clientId() const { return m_clientId; }
    QString tokenEndpoint() const { return m_tokenEndpoint; }
    const SigningKey& key() const { return m_key; }

    // The claims the next assertion would carry (fresh iat and jti each call).
    QJsonObject claims() const;
    // A signed assertion; empty on failure.
    QByteArray create(QString* error = nullptr) const;

    // https://{org}/oauth2/v1/token for an org base URL such as https://acme.okta.com.
    static QString tokenEndpointFor(const QString& orgBaseUrl);

private:
    QString m_clientId;
    QString m_tokenEndpoint;
    SigningKey m_key;
    QString m_keyId;
    SecondsClock m_clock;
    JtiGenerator m_jti;
};
