#pragma once

#include "SandboxReply.h"
#include "SandboxRequest.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// A service app registered in the sandbox org: its client id, the public keys its client
// assertions are checked with, and the scopes it may be granted.
struct SandboxServiceApp {
    QString clientId;
    QList<QJsonObject> publicJwks;
    QStringList allowedScopes;
};

// The sandbox's OAuth 2.0 authorization server (client_credentials with private_key_jwt client
// assertions, optionally DPoP-bound) and the access-token check for /api/v1/*.
class SandboxOAuth {
public:
    static constexpr qint64 TokenLifetimeSeconds = 3600;
    static constexpr qint64 MaxAssertionLifetimeSeconds = 3600;
    static constexpr qint64 ClockSkewSeconds = 60;
    static constexpr qint64 DpopProofMaxAgeSeconds = 300;
    static constexpr qint64 DpopNonceLifetimeSeconds = 300;
    static inline const QString AssertionType =
        QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");

    struct Grant {
        QString clientId;
        QStringList scopes;
        QString jkt; // RFC 7638 thumbprint of the DPoP key the token is bound to; empty = Bearer
        qint64 expiresAtMs = 0;
    };
    // Either a grant or the 401 to answer with.
    struct Access {
        std::optional<Grant> grant;
        SandboxReply failure;
    };

    static QStringList allScopes();
    static bool isOAuthScheme(const QByteArray& authorization); // "Bearer …" or "DPoP …"

    // Adds a key (and sets the allowed scopes; empty = all) for a client id. The JWK must be a
    // public RSA (>= 2048 bits) or EC P-256 key.
    bool registerServiceApp(const QString& clientId, const QJsonObject& publicJwk,
                            const QStringList& allowedScopes, QString* error);
    std::optional<SandboxServiceApp> serviceApp(const QString& clientId) const;

    // POST /oauth2/v1/token. `tokenEndpoint` is the URL assertions must name as "aud" and DPoP
    // proofs as "htu".
    SandboxReply token(const SandboxRequest& request, const QString& tokenEndpoint, qint64 nowMs,
                       bool requireDpop);
    // Checks a Bearer/DPoP access token (and its DPoP proof) for a resource request; `htu` is the
    // request URL without query.
    Access authorize(const SandboxRequest& request, const QString& htu, qint64 nowMs);

    QString currentDpopNonce(qint64 nowMs);

private:
    std::optional<QString> checkDpopProof(const QByteArray& proof, const QString& htm, const QString& htu,
                                          qint64 nowMs, const QString& accessToken, QString* jkt,
                                          QString* nonce);

    QHash<QString, SandboxServiceApp> m_apps;
    QSet<QString> m_assertionJtis; // burned even when the request failed
    QSet<QString> m_dpopJtis;
    QHash<QString, Grant> m_tokens;
    QString m_dpopNonce;
    qint64 m_dpopNonceIssuedMs = 0;
};
