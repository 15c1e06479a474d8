#include "SandboxOAuth.h"

#include "SandboxJose.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

namespace {

const QString kError = QStringLiteral("error");
const QString kDescription = QStringLiteral("error_description");

SandboxReply oauthError(int status, const QString& error, const QString& description) {
    QJsonObject body{{kError, error}};
    if (!description.isEmpty())
        body.insert(kDescription, description);
    return SandboxReply::json(status, body);
}

SandboxReply invalidClient(const QString& description) {
    return oauthError(401, QStringLiteral("invalid_client"), description);
}

QString randomToken(int bytes) {
    QByteArray data(bytes, '\0');
    QRandomGenerator* generator = QRandomGenerator::system();
    for (char& c : data)
        c = static_cast<char>(generator->bounded(256));
    return QString::fromLatin1(SandboxJose::base64UrlEncode(data));
}

// A numeric date claim in whole seconds.
std::optional<qint64> numericDate(const QJsonObject& claims, const char* name) {
    const QJsonValue value = claims.value(QLatin1String(name));
    if (!value.isDouble())
        return std::nullopt;
    return static_cast<qint64>(value.toDouble());
}

qint64 seconds(qint64 ms) {
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

QString withoutQuery(const QString& url) {
    return QUrl(url).adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

SandboxReply unauthorized(const QString& reason, bool dpop) {
    SandboxReply reply = SandboxReply::error(401, QStringLiteral("E0000011"),
                                             QStringLiteral("Invalid token provided"), {reason});
    QByteArray challenge = dpop ? QByteArrayLiteral("DPoP error=\"invalid_dpop_proof\"")
                                : QByteArrayLiteral("Bearer error=\"invalid_token\"");
    reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), challenge});
    return reply;
}

} // namespace

QStringList SandboxOAuth::allScopes() {
    return {QStringLiteral("okta.threatInsights.read"),
            QStringLiteral("okta.threatInsights.manage"),
            QStringLiteral("okta.networkZones.read"),
            QStringLiteral("okta.networkZones.manage"),
            QStringLiteral("okta.riskEvents.manage"),
            QStringLiteral("okta.riskProviders.read"),
            QStringLiteral("okta.logs.read")};
}

bool SandboxOAuth::isOAuthScheme(const QByteArray& authorization) {
    return authorization.startsWith("Bearer ") || authorization.startsWith("DPoP ");
}

bool SandboxOAuth::registerServiceApp(const QString& clientId, const QJsonObject& publicJwk,
                                      const QStringList& allowedScopes, QString* error) {
    const auto fail = [error](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (clientId.trimmed().isEmpty())
        return fail(QStringLiteral("the client id must not be empty"));
    QString reason;
    if (!SandboxJose::isUsablePublicJwk(publicJwk, &reason))
        return fail(QStringLiteral("service app '%1': %2").arg(clientId, reason));
    const QStringList known = allScopes();
    for (const QString& scope : allowedScopes) {
        if (!known.contains(scope))
            return fail(QStringLiteral("service app '%1': unknown scope '%2'").arg(clientId, scope));
    }
    SandboxServiceApp& app = m_apps[clientId];
    app.clientId = clientId;
    app.publicJwks.append(publicJwk);
    app.allowedScopes = allowedScopes.isEmpty() ? known : allowedScopes;
    return true;
}

std::optional<SandboxServiceApp> SandboxOAuth::serviceApp(const QString& clientId) const {
    const auto it = m_apps.constFind(clientId);
    if (it == m_apps.constEnd())
        return std::nullopt;
    return *it;
}

QString SandboxOAuth::currentDpopNonce(qint64 nowMs) {
    if (m_dpopNonce.isEmpty() || nowMs - m_dpopNonceIssuedMs >= DpopNonceLifetimeSeconds * 1000 ||
        nowMs < m_dpopNonceIssuedMs) {
        m_dpopNonce = randomToken(24);
        m_dpopNonceIssuedMs = nowMs;
    }
    return m_dpopNonce;
}

std::optional<QString> SandboxOAuth::checkDpopProof(const QByteArray& proof, const QString& htm,
                                                    const QString& htu, qint64 nowMs,
                                                    const QString& accessToken, QString* jkt,
                                                    QString* nonce) {
    QString reason;
    const std::optional<SandboxJose::Jws> jws = SandboxJose::parse(proof, &reason);
    if (!jws)
        return QStringLiteral("DPoP proof: ") + reason;
    if (jws->header.value(QLatin1String("typ")).toString() != QLatin1String("dpop+jwt"))
        return QStringLiteral("DPoP proof: header \"typ\" must be \"dpop+jwt\"");
    const QJsonObject jwk = jws->header.value(QLatin1String("jwk")).toObject();
    if (jwk.isEmpty())
        return QStringLiteral("DPoP proof: header \"jwk\" with the public key is missing");
    if (!SandboxJose::verify(*jws, jwk, &reason))
        return QStringLiteral("DPoP proof: ") + reason;
    const QJsonObject& claims = jws->claims;
    const QString jti = claims.value(QLatin1String("jti")).toString();
    if (jti.isEmpty())
        return QStringLiteral("DPoP proof: claim \"jti\" is missing");
    if (claims.value(QLatin1String("htm")).toString() != htm)
        return QStringLiteral("DPoP proof: \"htm\" must be \"%1\"").arg(htm);
    const QJsonValue htuClaim = claims.value(QLatin1String("htu"));
    if (!htuClaim.isString() || withoutQuery(htuClaim.toString()) != withoutQuery(htu))
        return QStringLiteral("DPoP proof: \"htu\" must be \"%1\"").arg(htu);
    const std::optional<qint64> iat = numericDate(claims, "iat");
    const qint64 now = seconds(nowMs);
    if (!iat)
        return QStringLiteral("DPoP proof: claim \"iat\" is missing");
    if (*iat > now + ClockSkewSeconds)
        return QStringLiteral("DPoP proof: \"iat\" is in the future");
    if (now - *iat > DpopProofMaxAgeSeconds)
        return QStringLiteral("DPoP proof: \"iat\" is more than %1 s old").arg(DpopProofMaxAgeSeconds);
    if (!accessToken.isEmpty()) {
        const QString expected =
            QString::fromLatin1(SandboxJose::base64UrlEncode(SandboxJose::sha256(accessToken.toLatin1())));
        if (claims.value(QLatin1String("ath")).toString() != expected)
            return QStringLiteral("DPoP proof: \"ath\" does not match the access token");
    }
    if (m_dpopJtis.contains(jti))
        return QStringLiteral("DPoP proof: \"jti\" has already been used");
    m_dpopJtis.insert(jti);
    *jkt = SandboxJose::thumbprint(jwk);
    *nonce = claims.value(QLatin1String("nonce")).toString();
    return std::nullopt;
}

SandboxReply SandboxOAuth::token(const SandboxRequest& request, const QString& tokenEndpoint, qint64 nowMs,
                                 bool requireDpop) {
    if (!request.contentType.isEmpty() &&
        !request.contentType.toLower().startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("The request must be application/x-www-form-urlencoded."));
    QString formText = QString::fromUtf8(request.body);
    const QUrlQuery form(formText.replace(QLatin1Char('+'), QLatin1String("%20")));
    const auto field = [&form](const char* name) {
        return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };

    if (field("grant_type") != QLatin1String("client_credentials"))
        return oauthError(400, QStringLiteral("unsupported_grant_type"),
                          QStringLiteral("The authorization grant type is not supported by the authorization "
                                         "server. Configured grant types: [client_credentials]."));

    // DPoP first: a missing or stale proof is answered before the assertion is looked at.
    QString jkt;
    if (requireDpop || !request.dpop.isEmpty()) {
        if (request.dpop.isEmpty())
            return oauthError(400, QStringLiteral("invalid_dpop_proof"),
                              QStringLiteral("The DPoP proof JWT header is missing."));
        QString proofNonce;
        const std::optional<QString> problem =
            checkDpopProof(request.dpop, QStringLiteral("POST"), tokenEndpoint, nowMs, {}, &jkt, &proofNonce);
        if (problem)
            return oauthError(400, QStringLiteral("invalid_dpop_proof"), *problem);
        const QString nonce = currentDpopNonce(nowMs);
        if (proofNonce != nonce) {
            SandboxReply reply =
                oauthError(400, QStringLiteral("use_dpop_nonce"),
                           QStringLiteral("Authorization server requires nonce in DPoP proof."));
            reply.headers.append({QByteArrayLiteral("DPoP-Nonce"), nonce.toLatin1()});
            return reply;
        }
    }

    if (field("client_assertion_type") != AssertionType)
        return invalidClient(QStringLiteral("client_assertion_type must be '%1'.").arg(AssertionType));
    const QByteArray assertion = field("client_assertion").toLatin1();
    if (assertion.isEmpty())
        return invalidClient(QStringLiteral("The client_assertion parameter is missing."));
    QString reason;
    const std::optional<SandboxJose::Jws> jws = SandboxJose::parse(assertion, &reason);
    if (!jws)
        return invalidClient(QStringLiteral("The client_assertion is not a valid JWT: %1.").arg(reason));
    const QJsonObject& claims = jws->claims;

    // Okta burns the jti as soon as it has read it, whatever happens next.
    const QString jti = claims.value(QLatin1String("jti")).toString();
    if (jti.isEmpty())
        return invalidClient(QStringLiteral("The client_assertion has no 'jti' claim."));
    if (m_assertionJtis.contains(jti))
        return invalidClient(QStringLiteral("The client_assertion 'jti' has already been used."));
    m_assertionJtis.insert(jti);

    const QString iss = claims.value(QLatin1String("iss")).toString();
    const QString sub = claims.value(QLatin1String("sub")).toString();
    if (iss.isEmpty() || sub != iss)
        return invalidClient(
            QStringLiteral("The client_assertion 'iss' and 'sub' must both be the client id."));
    const QString clientIdParameter = field("client_id");
    if (!clientIdParameter.isEmpty() && clientIdParameter != iss)
        return invalidClient(
            QStringLiteral("The client_id parameter does not match the client_assertion 'iss'."));
    const auto app = m_apps.constFind(iss);
    if (app == m_apps.constEnd())
        return invalidClient(QStringLiteral("The client_id '%1' is not a registered service app.").arg(iss));

    const QJsonValue kid = jws->header.value(QLatin1String("kid"));
    QList<QJsonObject> candidates;
    for (const QJsonObject& key : app->publicJwks) {
        if (kid.isUndefined() || key.value(QLatin1String("kid")) == kid)
            candidates << key;
    }
    if (candidates.isEmpty())
        return invalidClient(QStringLiteral("No key with kid '%1' is registered for the client '%2'.")
                                 .arg(kid.toString(), iss));
    bool verified = false;
    for (const QJsonObject& key : candidates) {
        if (SandboxJose::verify(*jws, key, &reason)) {
            verified = true;
            break;
        }
    }
    if (!verified)
        return invalidClient(QStringLiteral("The client_assertion signature is invalid: %1.").arg(reason));

    const QJsonValue aud = claims.value(QLatin1String("aud"));
    const bool audOk =
        aud.isString() ? aud.toString() == tokenEndpoint : aud.toArray().contains(QJsonValue(tokenEndpoint));
    if (!audOk)
        return invalidClient(QStringLiteral("The client_assertion 'aud' must be '%1'.").arg(tokenEndpoint));
    const qint64 now = seconds(nowMs);
    const std::optional<qint64> iat = numericDate(claims, "iat");
    const std::optional<qint64> exp = numericDate(claims, "exp");
    if (!exp)
        return invalidClient(QStringLiteral("The client_assertion has no numeric 'exp' claim."));
    if (!iat)
        return invalidClient(QStringLiteral("The client_assertion has no numeric 'iat' claim."));
    if (*exp <= now)
        return invalidClient(QStringLiteral("The client_assertion token is expired."));
    if (*iat > now + ClockSkewSeconds)
        return invalidClient(QStringLiteral("The client_assertion 'iat' is in the future."));
    if (*exp - *iat > MaxAssertionLifetimeSeconds)
        return invalidClient(
            QStringLiteral("The client_assertion 'exp' must be at most %1 seconds after 'iat'.")
                .arg(MaxAssertionLifetimeSeconds));

    const QStringList requested = field("scope").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (requested.isEmpty())
        return oauthError(400, QStringLiteral("invalid_scope"),
                          QStringLiteral("The authorization server resource does not have any configured "
                                         "default scopes, 'scope' must be provided."));
    QStringList refused;
    for (const QString& scope : requested) {
        if (!app->allowedScopes.contains(scope))
            refused << scope;
    }
    if (!refused.isEmpty())
        return oauthError(400, QStringLiteral("invalid_scope"),
                          QStringLiteral("The following scopes are not allowed for the client '%1': %2.")
                              .arg(iss, refused.join(QLatin1Char(' '))));

    QStringList granted;
    for (const QString& scope : requested) {
        if (!granted.contains(scope))
            granted << scope;
    }
    const QString accessToken = randomToken(32);
    m_tokens.insert(accessToken, Grant{iss, granted, jkt, nowMs + TokenLifetimeSeconds * 1000});
    return SandboxReply::json(
        200, QJsonObject{{QStringLiteral("token_type"),
                          jkt.isEmpty() ? QStringLiteral("Bearer") : QStringLiteral("DPoP")},
                         {QStringLiteral("expires_in"), static_cast<int>(TokenLifetimeSeconds)},
                         {QStringLiteral("access_token"), accessToken},
                         {QStringLiteral("scope"), granted.join(QLatin1Char(' '))}});
}

SandboxOAuth::Access SandboxOAuth::authorize(const SandboxRequest& request, const QString& htu,
                                             qint64 nowMs) {
    Access access;
    const bool dpopScheme = request.authorization.startsWith("DPoP ");
    const QString token = QString::fromLatin1(request.authorization.mid(dpopScheme ? 5 : 7)).trimmed();
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd()) {
        access.failure = unauthorized(QStringLiteral("unknown access token"), dpopScheme);
        return access;
    }
    if (it->expiresAtMs <= nowMs) {
        m_tokens.erase(it);
        access.failure = unauthorized(QStringLiteral("the access token has expired"), dpopScheme);
        return access;
    }
    const Grant grant = *it;
    if (grant.jkt.isEmpty() && dpopScheme) {
        access.failure =
            unauthorized(QStringLiteral("a Bearer token cannot be used with the DPoP scheme"), true);
        return access;
    }
    if (!grant.jkt.isEmpty()) {
        if (!dpopScheme) {
            access.failure = unauthorized(
                QStringLiteral("the access token is DPoP-bound: use 'Authorization: DPoP' with a proof"),
                true);
            return access;
        }
        if (request.dpop.isEmpty()) {
            access.failure = unauthorized(QStringLiteral("the DPoP proof header is missing"), true);
            return access;
        }
        QString jkt;
        QString nonce; // resource requests do not require a nonce
        const std::optional<QString> problem =
            checkDpopProof(request.dpop, request.method, htu, nowMs, token, &jkt, &nonce);
        if (problem) {
            access.failure = unauthorized(*problem, true);
            return access;
        }
        if (jkt != grant.jkt) {
            access.failure = unauthorized(
                QStringLiteral("DPoP proof: the key is not the one the token is bound to"), true);
            return access;
        }
    }
    access.grant = grant;
    return access;
}
