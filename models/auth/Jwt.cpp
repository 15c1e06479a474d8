#include "auth/Jwt.h"

#include "auth/Base64Url.h"
#include "auth/OpenSslKey.h"
#include "auth/SigningKey.h"

#include <QJsonDocument>
#include <QList>

namespace {

void setError(QString* error, const QString& reason) {
    if (error)
        *error = reason;
}

QByteArray encodeJson(const QJsonObject& object) {
    return Base64Url::encode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<QJsonObject> decodeJson(const QByteArray& part) {
    const std::optional<QByteArray> json = Base64Url::decode(part);
    if (!json)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QByteArray Jwt::sign(const QJsonObject& header, const QJsonObject& claims, const SigningKey& key,
                     QString* error) {
    QJsonObject fullHeader = header;
    const QString alg = header.value(QLatin1String("alg")).toString();
    if (header.contains(QLatin1String("alg")) && alg != key.algorithm()) {
        setError(error,
                 tr("The header asks for %1 but the key signs %2.").arg(alg.left(16), key.algorithm()));
        return {};
    }
    fullHeader.insert(QStringLiteral("alg"), key.algorithm());
    const QByteArray signingInput = encodeJson(fullHeader) + '.' + encodeJson(claims);
    const QByteArray signature = key.sign(signingInput);
    if (signature.isEmpty()) {
        setError(error, tr("Signing failed."));
        return {};
    }
    return signingInput + '.' + Base64Url::encode(signature);
}

std::optional<Jwt::Decoded> Jwt::decode(const QByteArray& token, QString* error) {
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        setError(error, tr("A compact JWS has three parts separated by dots."));
        return std::nullopt;
    }
    Decoded decoded;
    const std::optional<QJsonObject> header = decodeJson(parts[0]);
    if (!header) {
        setError(error, tr("The JWS header is not base64url-encoded JSON."));
        return std::nullopt;
    }
    const std::optional<QJsonObject> claims = decodeJson(parts[1]);
    if (!claims) {
        setError(error, tr("The JWT claims are not base64url-encoded JSON."));
        return std::nullopt;
    }
    const std::optional<QByteArray> signature = Base64Url::decode(parts[2]);
    if (!signature) {
        setError(error, tr("The JWS signature is not base64url."));
        return std::nullopt;
    }
    decoded.header = *header;
    decoded.claims = *claims;
    decoded.signingInput = parts[0] + '.' + parts[1];
    decoded.signature = *signature;
    return decoded;
}

std::optional<QJsonObject> Jwt::verify(const QByteArray& token, const QJsonObject& publicJwk,
                                       QString* error) {
    const std::optional<Decoded> decoded = decode(token, error);
    if (!decoded)
        return std::nullopt;
    const QString alg = decoded->header.value(QLatin1String("alg")).toString();
    if (alg != QLatin1String("RS256") && alg != QLatin1String("ES256")) {
        setError(error, tr("The algorithm \"%1\" is not accepted (RS256 or ES256 only).").arg(alg.left(16)));
        return std::nullopt;
    }
    // No extension is understood, so any critical one makes the token unacceptable (RFC 7515 4.1.11).
    if (decoded->header.contains(QLatin1String("crit"))) {
        setError(error, tr("The JWS header lists critical extensions, none of which are supported."));
        return std::nullopt;
    }
    const OpenSslKey::Pkey key = OpenSslKey::fromJwk(publicJwk, false, error);
    if (!key)
        return std::nullopt;
    const std::optional<OpenSslKey::Kind> kind = OpenSslKey::supportedKind(key.get(), error);
    if (!kind)
        return std::nullopt;
    if (OpenSslKey::algorithmFor(*kind) != alg) {
        setError(
            error,
            tr("The token is signed %1 but the key is for %2.").arg(alg, OpenSslKey::algorithmFor(*kind)));
        return std::nullopt;
    }
    if (!OpenSslKey::verify(key.get(), *kind, decoded->signingInput, decoded->signature)) {
        setError(error, tr("The signature does not match."));
        return std::nullopt;
    }
    return decoded->claims;
}
