#include "SandboxJose.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QList>

#include <memory>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace SandboxJose {

namespace {

constexpr int P256Bytes = 32;
constexpr int MinRsaBits = 2048;

void fail(QString* error, const QString& reason) {
    if (error)
        *error = reason;
}

struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct BnFree {
    void operator()(BIGNUM* bn) const { BN_free(bn); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;
struct ParamBldFree {
    void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree {
    void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct EcdsaSigFree {
    void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};

const unsigned char* uchars(const QByteArray& data) {
    return reinterpret_cast<const unsigned char*>(data.constData());
}

std::optional<QByteArray> jwkMember(const QJsonObject& jwk, const char* name, QString* error) {
    const QJsonValue value = jwk.value(QLatin1String(name));
    const std::optional<QByteArray> decoded =
        value.isString() ? base64UrlDecode(value.toString().toLatin1()) : std::nullopt;
    if (!decoded || decoded->isEmpty()) {
        fail(error, QStringLiteral("JWK member \"%1\" is missing or not base64url").arg(QLatin1String(name)));
        return std::nullopt;
    }
    return decoded;
}

Pkey fromParams(const char* type, OSSL_PARAM_BLD* bld, QString* error) {
    const std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld));
    const std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        ERR_clear_error();
        fail(error, QStringLiteral("the JWK does not describe a valid public key"));
        return {};
    }
    Pkey key(raw);
    const std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> check(EVP_PKEY_CTX_new_from_pkey(nullptr, raw, nullptr));
    const bool valid = check && EVP_PKEY_public_check(check.get()) == 1;
    ERR_clear_error();
    if (!valid) {
        fail(error, QStringLiteral("the JWK's public key is not valid"));
        return {};
    }
    return key;
}

Pkey publicKey(const QJsonObject& jwk, QString* error) {
    for (const char* privateMember : {"d", "p", "q", "dp", "dq", "qi"}) {
        if (jwk.contains(QLatin1String(privateMember))) {
            fail(error, QStringLiteral("the JWK holds private key material"));
            return {};
        }
    }
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    const std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld) {
        fail(error, QStringLiteral("out of memory"));
        return {};
    }
    if (kty == QLatin1String("RSA")) {
        const auto n = jwkMember(jwk, "n", error);
        const auto e = n ? jwkMember(jwk, "e", error) : std::nullopt;
        if (!n || !e)
            return {};
        const Bn nBn(BN_bin2bn(uchars(*n), static_cast<int>(n->size()), nullptr));
        const Bn eBn(BN_bin2bn(uchars(*e), static_cast<int>(e->size()), nullptr));
        if (!nBn || !eBn) {
            fail(error, QStringLiteral("out of memory"));
            return {};
        }
        if (BN_num_bits(nBn.get()) < MinRsaBits) {
            fail(error, QStringLiteral("RSA keys need at least %1 bits (this one has %2)")
                            .arg(MinRsaBits)
                            .arg(BN_num_bits(nBn.get())));
            return {};
        }
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, nBn.get());
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, eBn.get());
        return fromParams("RSA", bld.get(), error);
    }
    if (kty == QLatin1String("EC")) {
        if (jwk.value(QLatin1String("crv")).toString() != QLatin1String("P-256")) {
            fail(error, QStringLiteral("only EC keys on the P-256 curve are supported"));
            return {};
        }
        const auto x = jwkMember(jwk, "x", error);
        const auto y = x ? jwkMember(jwk, "y", error) : std::nullopt;
        if (!x || !y)
            return {};
        if (x->size() != P256Bytes || y->size() != P256Bytes) {
            fail(error, QStringLiteral("P-256 coordinates must be 32 bytes each"));
            return {};
        }
        const QByteArray point = QByteArray(1, '\x04') + *x + *y;
        OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<size_t>(point.size()));
        return fromParams("EC", bld.get(), error);
    }
    fail(error, kty.isEmpty() ? QStringLiteral("the JWK has no \"kty\"")
                              : QStringLiteral("unsupported key type \"%1\"").arg(kty.left(16)));
    return {};
}

// JWS ES256 signatures are R||S (32 bytes each); EVP_DigestVerify wants an ASN.1 DER ECDSA-Sig-Value.
QByteArray rawEcdsaToDer(const QByteArray& raw) {
    if (raw.size() != 2 * P256Bytes)
        return {};
    const std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(uchars(raw), P256Bytes, nullptr);
    BIGNUM* s = BN_bin2bn(uchars(raw) + P256Bytes, P256Bytes, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    const int size = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, '\0');
    unsigned char* out = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != size)
        return {};
    return der;
}

std::optional<QJsonObject> jsonObject(const QByteArray& encoded) {
    const std::optional<QByteArray> decoded = base64UrlDecode(encoded);
    if (!decoded)
        return std::nullopt;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QByteArray base64UrlEncode(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(const QByteArray& text) {
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    if (text.size() % 4 == 1)
        return std::nullopt;
    const QByteArray::FromBase64Result result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Re-encoding must give the same text back: refuses non-zero trailing bits.
    if (!result || base64UrlEncode(result.decoded) != text)
        return std::nullopt;
    return result.decoded;
}

std::optional<Jws> parse(const QByteArray& compact, QString* error) {
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3) {
        fail(error, QStringLiteral("not a compact JWS (expected three dot-separated parts)"));
        return std::nullopt;
    }
    const std::optional<QJsonObject> header = jsonObject(parts.at(0));
    if (!header) {
        fail(error, QStringLiteral("the JWS header is not a base64url-encoded JSON object"));
        return std::nullopt;
    }
    const std::optional<QJsonObject> claims = jsonObject(parts.at(1));
    if (!claims) {
        fail(error, QStringLiteral("the JWS payload is not a base64url-encoded JSON object"));
        return std::nullopt;
    }
    const std::optional<QByteArray> signature = base64UrlDecode(parts.at(2));
    if (!signature || signature->isEmpty()) {
        fail(error, QStringLiteral("the JWS signature is missing or not base64url"));
        return std::nullopt;
    }
    return Jws{*header, *claims, parts.at(0) + '.' + parts.at(1), *signature};
}

bool isUsablePublicJwk(const QJsonObject& jwk, QString* error) {
    return publicKey(jwk, error) != nullptr;
}

bool verify(const Jws& jws, const QJsonObject& publicJwk, QString* error) {
    const QString alg = jws.header.value(QLatin1String("alg")).toString();
    const QString kty = publicJwk.value(QLatin1String("kty")).toString();
    const bool rsa = alg == QLatin1String("RS256");
    if (!rsa && alg != QLatin1String("ES256")) {
        fail(
            error,
            QStringLiteral("unsupported signature algorithm \"%1\" (RS256 or ES256 only)").arg(alg.left(16)));
        return false;
    }
    if ((rsa && kty != QLatin1String("RSA")) || (!rsa && kty != QLatin1String("EC"))) {
        fail(error, QStringLiteral("algorithm %1 does not fit the registered %2 key").arg(alg, kty.left(8)));
        return false;
    }
    const Pkey key = publicKey(publicJwk, error);
    if (!key)
        return false;
    const QByteArray signature = rsa ? jws.signature : rawEcdsaToDer(jws.signature);
    if (signature.isEmpty()) {
        fail(error, QStringLiteral("an ES256 signature must be 64 bytes (R||S)"));
        return false;
    }
    const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    const bool ok =
        ctx &&
        EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key.get(), nullptr) == 1 &&
        EVP_DigestVerify(ctx.get(), uchars(signature), static_cast<size_t>(signature.size()),
                         uchars(jws.signingInput), static_cast<size_t>(jws.signingInput.size())) == 1;
    ERR_clear_error();
    if (!ok)
        fail(error, QStringLiteral("the signature does not verify with the registered key"));
    return ok;
}

QString thumbprint(const QJsonObject& jwk) {
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    QStringList members;
    if (kty == QLatin1String("RSA"))
        members = {QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")};
    else if (kty == QLatin1String("EC"))
        members = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x"), QStringLiteral("y")};
    else
        return {};
    // Members in lexicographic order, no whitespace (RFC 7638 section 3).
    QJsonObject required;
    for (const QString& name : members) {
        if (!jwk.value(name).isString())
            return {};
        required.insert(name, jwk.value(name));
    }
    // QJsonObject keeps keys sorted and compact output has no whitespace.
    const QByteArray canonical = QJsonDocument(required).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(base64UrlEncode(sha256(canonical)));
}

QByteArray sha256(const QByteArray& data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace SandboxJose
