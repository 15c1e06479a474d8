// libFuzzer target: a private key as the admin pastes or loads it (ProfileDialog, `profiles add`):
// PEM (PKCS#1, PKCS#8, SEC1) when the text holds "-----BEGIN", otherwise a JWK or a one-key JWK
// set. Every key that loads must work: sign what its public half verifies, and come back the same
// from privatePem(), which is what the keychain keeps. Slow by nature (OpenSSL validates keys).
#include "FuzzCheck.h"

#include "auth/Jwt.h"
#include "auth/SigningKey.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

void checkKey(const SigningKey& key) {
    const QJsonObject publicJwk = key.publicJwk();
    FUZZ_CHECK(!publicJwk.contains(QLatin1String("d")));
    const QString thumbprint = key.thumbprint();
    FUZZ_CHECK(!thumbprint.isEmpty());
    FUZZ_CHECK(SigningKey::jwkThumbprint(publicJwk) == thumbprint);
    QString error;
    const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("fuzz")}};
    const QByteArray token = Jwt::sign(QJsonObject{}, claims, key, &error);
    FUZZ_CHECK(!token.isEmpty());
    const std::optional<QJsonObject> verified = Jwt::verify(token, publicJwk, &error);
    FUZZ_CHECK(verified && *verified == claims);
    const std::optional<SigningKey> again = SigningKey::fromPem(key.privatePem(), &error);
    FUZZ_CHECK(again && again->thumbprint() == thumbprint);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray text(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const std::optional<SigningKey> key =
        text.contains("-----BEGIN") ? SigningKey::fromPem(text, &error) : SigningKey::fromJwk(text, &error);
    if (key)
        checkKey(*key);
    else
        FUZZ_CHECK(!error.isEmpty());
    return 0;
}
