// libFuzzer target: compact JWS tokens and public JWKs (models/auth). The input is
// "<token>\n<public JWK as JSON>": Jwt::decode, Jwt::verify against that JWK and against a fixed
// EC key, RFC 7638 thumbprints of both, and base64url over the whole input. Private keys have their
// own target (fuzz_signing_key), as OpenSSL's key validation is slow.
#include "FuzzCheck.h"

#include "auth/Base64Url.h"
#include "auth/Jwt.h"
#include "auth/SigningKey.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

// The public half of the RFC 7515 appendix A.3 key; the seed corpus holds tokens it verifies.
const QJsonObject& fixedEcKey() {
    static const QJsonObject jwk{
        {QStringLiteral("kty"), QStringLiteral("EC")},
        {QStringLiteral("crv"), QStringLiteral("P-256")},
        {QStringLiteral("x"), QStringLiteral("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")},
        {QStringLiteral("y"), QStringLiteral("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")}};
    return jwk;
}

void checkBase64Url(const QByteArray& input) {
    const QByteArray encoded = Base64Url::encode(input);
    FUZZ_CHECK(Base64Url::decode(encoded) == input);
    // Strict decoding: one accepted spelling per byte string.
    if (const std::optional<QByteArray> decoded = Base64Url::decode(input))
        FUZZ_CHECK(Base64Url::encode(*decoded) == input);
}

void checkVerify(const QByteArray& token, const QJsonObject& jwk,
                 const std::optional<Jwt::Decoded>& decoded) {
    QString error;
    const std::optional<QJsonObject> claims = Jwt::verify(token, jwk, &error);
    if (!claims) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    // Only a well-formed RS256/ES256 token without critical extensions gets through.
    FUZZ_CHECK(decoded && *claims == decoded->claims);
    const QString alg = decoded->header.value(QLatin1String("alg")).toString();
    FUZZ_CHECK(alg == QLatin1String("RS256") || alg == QLatin1String("ES256"));
    FUZZ_CHECK(!decoded->header.contains(QLatin1String("crit")));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    checkBase64Url(input);

    const qsizetype newline = input.indexOf('\n');
    const QByteArray token = newline < 0 ? input : input.left(newline);
    QString error;
    const std::optional<Jwt::Decoded> decoded = Jwt::decode(token, &error);
    if (decoded)
        FUZZ_CHECK(decoded->signingInput.size() < token.size());
    else
        FUZZ_CHECK(!error.isEmpty());
    checkVerify(token, fixedEcKey(), decoded);
    if (newline >= 0) {
        const QJsonObject jwk = QJsonDocument::fromJson(input.mid(newline + 1)).object();
        SigningKey::jwkThumbprint(jwk);
        checkVerify(token, jwk, decoded);
    }
    return 0;
}
