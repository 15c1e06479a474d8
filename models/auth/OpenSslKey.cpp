#include "auth/OpenSslKey.h"

#include "auth/Base64Url.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QStringList>

#include <utility>
#include <vector>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace OpenSslKey {

namespace {

constexpr int P256Bytes = 32;
constexpr int MaxRsaBits = 16384;

void setError(QString* error, const QString& reason) {
    if (error)
        *error = reason;
}

struct BnFree {
    void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

struct ParamBldFree {
    void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree {
    void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct EcdsaSigFree {
    void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using EcdsaSig = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;

const unsigned char* bytes(const QByteArray& data) {
    return reinterpret_cast<const unsigned char*>(data.constData());
}

Bn toBn(const QByteArray& data) {
    return Bn(BN_bin2bn(bytes(data), static_cast<int>(data.size()), nullptr));
}

QByteArray fromBn(const BIGNUM* bn, int width = 0) {
    const int size = width > 0 ? width : BN_num_bytes(bn);
    QByteArray out(size, '\0');
    if (BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), size) != size)
        return {};
    return out;
}

QByteArray bnParam(EVP_PKEY* key, const char* name, int width = 0) {
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
        ERR_clear_error();
        return {};
    }
    const Bn bn(raw);
    return fromBn(bn.get(), width);
}

// A base64url member of the JWK. The reason names the member, never its value.
std::optional<QByteArray> member(const QJsonObject& jwk, const char* name, QString* error) {
    const QJsonValue value = jwk.value(QLatin1String(name));
    if (!value.isString()) {
        setError(error, QCoreApplication::translate("OpenSslKey", "The JWK has no \"%1\" member.")
                            .arg(QLatin1String(name)));
        return std::nullopt;
    }
    const std::optional<QByteArray> decoded = Base64Url::decode(value.toString().toLatin1());
    if (!decoded || decoded->isEmpty()) {
        setError(error,
                 QCoreApplication::translate("OpenSslKey", "The JWK member \"%1\" is not valid base64url.")
                     .arg(QLatin1String(name)));
        return std::nullopt;
    }
    return decoded;
}

Pkey build(const char* type, OSSL_PARAM_BLD* bld, bool withPrivate, bool validate, QString* error) {
    const std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld));
    const PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, withPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                          params.get()) != 1) {
        ERR_clear_error();
        setError(error, QCoreApplication::translate("OpenSslKey", "The JWK does not describe a valid key."));
        return {};
    }
    Pkey result = adopt(key);
    if (!validate)
        return result;
    // fromdata takes the numbers as given; make sure they form a consistent key.
    const PkeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    const int ok = withPrivate ? EVP_PKEY_pairwise_check(check.get()) : EVP_PKEY_public_check(check.get());
    ERR_clear_error();
    if (ok != 1) {
        setError(error, withPrivate ? QCoreApplication::translate(
                                          "OpenSslKey", "The JWK's private and public parts do not match.")
                                    : QCoreApplication::translate("OpenSslKey",
                                                                  "The JWK's public key is not valid."));
        return {};
    }
    return result;
}

// The primes of n from (n, e, d), for a private JWK that leaves out the optional CRT members
// (RFC 7518 section 6.3.2). Without them OpenSSL can neither check that d fits n and e nor write
// the key as PKCS#8, which is how the keychain keeps it. The usual randomised method (NIST SP
// 800-56B appendix C): with k = d*e - 1 = 2^t * r, a square root of 1 other than +-1 found among
// g^(r*2^i) gives p = gcd(root - 1, n). Each base finds one with probability >= 1/2. A d that does
// not belong to n and e is caught cheaply instead: d and e are below n, and g^k = 1 for every g.
bool recoverFactors(const BIGNUM* n, const BIGNUM* e, const BIGNUM* d, Bn& p, Bn& q) {
    struct CtxFree {
        void operator()(BN_CTX* ctx) const { BN_CTX_free(ctx); }
    };
    const std::unique_ptr<BN_CTX, CtxFree> ctx(BN_CTX_new());
    Bn k(BN_new()), r(BN_new()), g(BN_new()), y(BN_new()), x(BN_new()), nMinus1(BN_new()), rem(BN_new());
    p.reset(BN_new());
    q.reset(BN_new());
    if (!ctx || !k || !r || !g || !y || !x || !nMinus1 || !rem || !p || !q)
        return false;
    if (BN_cmp(d, n) >= 0 || BN_cmp(e, n) >= 0)
        return false;
    if (!BN_mul(k.get(), d, e, ctx.get()) || !BN_sub_word(k.get(), 1) || BN_is_zero(k.get()) ||
        BN_is_odd(k.get()) || !BN_copy(nMinus1.get(), n) || !BN_sub_word(nMinus1.get(), 1))
        return false;
    int t = 0;
    if (!BN_copy(r.get(), k.get()))
        return false;
    while (!BN_is_odd(r.get())) {
        if (!BN_rshift1(r.get(), r.get()))
            return false;
        ++t;
    }
    for (BN_ULONG base = 2; base < 2 + 64; ++base) {
        // g^k must be 1; otherwise d does not fit, and the squarings below would run t times for
        // nothing.
        if (!BN_set_word(g.get(), base) || !BN_mod_exp(y.get(), g.get(), k.get(), n, ctx.get()) ||
            !BN_is_one(y.get()))
            return false;
        if (!BN_mod_exp(y.get(), g.get(), r.get(), n, ctx.get()))
            return false;
        if (BN_is_one(y.get()) || BN_cmp(y.get(), nMinus1.get()) == 0)
            continue;
        for (int i = 1; i <= t; ++i) {
            if (!BN_mod_sqr(x.get(), y.get(), n, ctx.get()))
                return false;
            if (BN_is_one(x.get())) {
                // y is a non-trivial square root of 1: it shares exactly one prime with n.
                if (!BN_sub_word(y.get(), 1) || !BN_gcd(p.get(), y.get(), n, ctx.get()) ||
                    !BN_div(q.get(), rem.get(), n, p.get(), ctx.get()))
                    return false;
                return !BN_is_one(p.get()) && BN_is_zero(rem.get()) && !BN_is_one(q.get());
            }
            if (BN_cmp(x.get(), nMinus1.get()) == 0)
                break;
            std::swap(x, y);
        }
    }
    return false;
}

// dp, dq and qi from p, q and d.
bool crtExponents(const BIGNUM* p, const BIGNUM* q, const BIGNUM* d, std::vector<Bn>& out) {
    struct CtxFree {
        void operator()(BN_CTX* ctx) const { BN_CTX_free(ctx); }
    };
    const std::unique_ptr<BN_CTX, CtxFree> ctx(BN_CTX_new());
    Bn p1(BN_dup(p)), q1(BN_dup(q)), dp(BN_new()), dq(BN_new()), qi(BN_new());
    if (!ctx || !p1 || !q1 || !dp || !dq || !qi || !BN_sub_word(p1.get(), 1) || !BN_sub_word(q1.get(), 1) ||
        !BN_mod(dp.get(), d, p1.get(), ctx.get()) || !BN_mod(dq.get(), d, q1.get(), ctx.get()) ||
        !BN_mod_inverse(qi.get(), q, p, ctx.get())) {
        ERR_clear_error();
        return false;
    }
    out.push_back(std::move(dp));
    out.push_back(std::move(dq));
    out.push_back(std::move(qi));
    return true;
}

Pkey rsaFromJwk(const QJsonObject& jwk, bool withPrivate, QString* error) {
    const auto n = member(jwk, "n", error);
    const auto e = member(jwk, "e", error);
    if (!n || !e)
        return {};
    const Bn nBn = toBn(*n), eBn = toBn(*e);
    // A too short modulus is refused before doing any work with it, and so is one longer than
    // OpenSSL works with (OPENSSL_RSA_MAX_MODULUS_BITS): checking it would only burn time.
    if (BN_num_bits(nBn.get()) < 2048) {
        setError(error, QCoreApplication::translate(
                            "OpenSslKey", "RSA keys must have at least 2048 bits (this one has %1).")
                            .arg(BN_num_bits(nBn.get())));
        return {};
    }
    if (BN_num_bits(nBn.get()) > MaxRsaBits) {
        setError(error, QCoreApplication::translate("OpenSslKey",
                                                    "RSA keys may have at most %1 bits (this one has %2).")
                            .arg(MaxRsaBits)
                            .arg(BN_num_bits(nBn.get())));
        return {};
    }
    const std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, nBn.get());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, eBn.get());
    Bn dBn;
    std::vector<Bn> crt;
    if (withPrivate) {
        const auto d = member(jwk, "d", error);
        if (!d)
            return {};
        dBn = toBn(*d);
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_D, dBn.get());
        // The CRT members are optional as a whole (RFC 7518 section 6.3.2), not one by one.
        static const char* const CrtNames[] = {"p", "q", "dp", "dq", "qi"};
        static const char* const CrtParams[] = {OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
                                                OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
                                                OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
        int present = 0;
        for (const char* name : CrtNames)
            present += jwk.contains(QLatin1String(name)) ? 1 : 0;
        if (present != 0 && present != 5) {
            setError(error,
                     QCoreApplication::translate(
                         "OpenSslKey", "The JWK has only some of \"p\", \"q\", \"dp\", \"dq\", \"qi\"."));
            return {};
        }
        if (present == 0) {
            // n, e and d only: find the rest, which also proves that d belongs to n and e.
            Bn p, q;
            if (!recoverFactors(nBn.get(), eBn.get(), dBn.get(), p, q)) {
                ERR_clear_error();
                setError(error, QCoreApplication::translate(
                                    "OpenSslKey", "The JWK's private and public parts do not match."));
                return {};
            }
            crt.push_back(std::move(p));
            crt.push_back(std::move(q));
            if (!crtExponents(crt[0].get(), crt[1].get(), dBn.get(), crt)) {
                setError(error,
                         QCoreApplication::translate("OpenSslKey", "The JWK does not describe a valid key."));
                return {};
            }
        } else {
            for (int i = 0; i < 5; ++i) {
                const auto value = member(jwk, CrtNames[i], error);
                if (!value)
                    return {};
                crt.push_back(toBn(*value));
            }
        }
        for (int i = 0; i < 5; ++i)
            OSSL_PARAM_BLD_push_BN(bld.get(), CrtParams[i], crt[static_cast<size_t>(i)].get());
    }
    return build("RSA", bld.get(), withPrivate, true, error);
}

Pkey ecFromJwk(const QJsonObject& jwk, bool withPrivate, QString* error) {
    const QString crv = jwk.value(QLatin1String("crv")).toString();
    if (crv != QLatin1String("P-256")) {
        setError(error, crv.isEmpty()
                            ? QCoreApplication::translate("OpenSslKey", "The EC JWK has no \"crv\" member.")
                            : QCoreApplication::translate(
                                  "OpenSslKey", "Only the P-256 curve is supported (the JWK uses %1).")
                                  .arg(crv.left(16)));
        return {};
    }
    const auto x = member(jwk, "x", error);
    const auto y = member(jwk, "y", error);
    if (!x || !y)
        return {};
    if (x->size() != P256Bytes || y->size() != P256Bytes) {
        setError(error, QCoreApplication::translate(
                            "OpenSslKey", "The P-256 coordinates \"x\" and \"y\" must be 32 bytes each."));
        return {};
    }
    const QByteArray point = QByteArray(1, '\x04') + *x + *y;
    const std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
    OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                     static_cast<size_t>(point.size()));
    Bn dBn;
    if (withPrivate) {
        const auto d = member(jwk, "d", error);
        if (!d)
            return {};
        if (d->size() != P256Bytes) {
            setError(error, QCoreApplication::translate("OpenSslKey",
                                                        "The P-256 private key \"d\" must be 32 bytes."));
            return {};
        }
        dBn = toBn(*d);
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, dBn.get());
    }
    return build("EC", bld.get(), withPrivate, true, error);
}

QByteArray derToRaw(const QByteArray& der) {
    const unsigned char* p = bytes(der);
    const EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig)
        return {};
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    const QByteArray rBytes = fromBn(r, P256Bytes), sBytes = fromBn(s, P256Bytes);
    if (rBytes.isEmpty() || sBytes.isEmpty())
        return {};
    return rBytes + sBytes;
}

QByteArray rawToDer(const QByteArray& raw) {
    if (raw.size() != 2 * P256Bytes)
        return {};
    EcdsaSig sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(bytes(raw), P256Bytes, nullptr);
    BIGNUM* s = BN_bin2bn(bytes(raw) + P256Bytes, P256Bytes, nullptr);
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
    i2d_ECDSA_SIG(sig.get(), &out);
    return der;
}

} // namespace

Pkey adopt(EVP_PKEY* key) {
    return Pkey(key, [](EVP_PKEY* k) { EVP_PKEY_free(k); });
}

std::optional<Kind> supportedKind(EVP_PKEY* key, QString* error) {
    if (!key) {
        setError(error, QCoreApplication::translate("OpenSslKey", "No key."));
        return std::nullopt;
    }
    if (EVP_PKEY_is_a(key, "RSA")) {
        const int bits = EVP_PKEY_get_bits(key);
        if (bits < 2048) {
            setError(error, QCoreApplication::translate(
                                "OpenSslKey", "RSA keys must have at least 2048 bits (this one has %1).")
                                .arg(bits));
            return std::nullopt;
        }
        return Kind::Rsa;
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        char name[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &length) !=
            1) {
            ERR_clear_error();
            setError(error,
                     QCoreApplication::translate(
                         "OpenSslKey", "The EC key does not name its curve; only P-256 is supported."));
            return std::nullopt;
        }
        const QByteArray curve(name, static_cast<qsizetype>(length));
        if (curve != "prime256v1" && curve != "P-256") {
            setError(error, QCoreApplication::translate(
                                "OpenSslKey", "Only the P-256 curve is supported (this key uses %1).")
                                .arg(QLatin1String(curve)));
            return std::nullopt;
        }
        return Kind::EcP256;
    }
    const char* type = EVP_PKEY_get0_type_name(key);
    setError(error, QCoreApplication::translate("OpenSslKey",
                                                "Only RSA and EC P-256 keys are supported (this key is %1).")
                        .arg(type ? QString::fromLatin1(type)
                                  : QCoreApplication::translate("OpenSslKey", "of an unknown type")));
    return std::nullopt;
}

Pkey fromJwk(const QJsonObject& jwk, bool requirePrivate, QString* error) {
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    if (kty.isEmpty()) {
        setError(error, QCoreApplication::translate("OpenSslKey", "The JWK has no \"kty\" member."));
        return {};
    }
    if (kty != QLatin1String("RSA") && kty != QLatin1String("EC")) {
        setError(error, QCoreApplication::translate(
                            "OpenSslKey", "Only RSA and EC keys are supported (the JWK has kty \"%1\").")
                            .arg(kty.left(16)));
        return {};
    }
    const QString expectedAlg =
        kty == QLatin1String("RSA") ? QStringLiteral("RS256") : QStringLiteral("ES256");
    const QString alg = jwk.value(QLatin1String("alg")).toString();
    if (!alg.isEmpty() && alg != expectedAlg) {
        setError(error, QCoreApplication::translate(
                            "OpenSslKey", "The JWK is meant for %1; only %2 is supported for %3 keys.")
                            .arg(alg.left(16), expectedAlg, kty));
        return {};
    }
    if (requirePrivate && !jwk.contains(QLatin1String("d"))) {
        setError(error,
                 QCoreApplication::translate(
                     "OpenSslKey", "The JWK holds only a public key; the private key (\"d\") is needed."));
        return {};
    }
    Pkey key = kty == QLatin1String("RSA") ? rsaFromJwk(jwk, requirePrivate, error)
                                           : ecFromJwk(jwk, requirePrivate, error);
    if (key && !supportedKind(key.get(), error))
        return {};
    return key;
}

QJsonObject publicJwk(EVP_PKEY* key, Kind kind) {
    QJsonObject jwk;
    if (kind == Kind::Rsa) {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"),
                   QString::fromLatin1(Base64Url::encode(bnParam(key, OSSL_PKEY_PARAM_RSA_N))));
        jwk.insert(QStringLiteral("e"),
                   QString::fromLatin1(Base64Url::encode(bnParam(key, OSSL_PKEY_PARAM_RSA_E))));
    } else {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("x"),
                   QString::fromLatin1(Base64Url::encode(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, P256Bytes))));
        jwk.insert(QStringLiteral("y"),
                   QString::fromLatin1(Base64Url::encode(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, P256Bytes))));
    }
    return jwk;
}

QString thumbprint(const QJsonObject& jwk) {
    // RFC 7638 section 3.2: required members only, lexicographic order, no whitespace. The
    // values are base64url or fixed names, so no JSON escaping is ever needed.
    const auto text = [&jwk](const char* name) {
        return jwk.value(QLatin1String(name)).toString();
    };
    const auto plain = [](const QString& value) {
        for (const QChar c : value) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('"') || c == QLatin1Char('\\'))
                return false;
        }
        return !value.isEmpty();
    };
    QString canonical;
    if (text("kty") == QLatin1String("RSA")) {
        if (!plain(text("e")) || !plain(text("n")))
            return {};
        canonical = QStringLiteral("{\"e\":\"%1\",\"kty\":\"RSA\",\"n\":\"%2\"}").arg(text("e"), text("n"));
    } else if (text("kty") == QLatin1String("EC")) {
        if (!plain(text("crv")) || !plain(text("x")) || !plain(text("y")))
            return {};
        canonical = QStringLiteral("{\"crv\":\"%1\",\"kty\":\"EC\",\"x\":\"%2\",\"y\":\"%3\"}")
                        .arg(text("crv"), text("x"), text("y"));
    } else {
        return {};
    }
    return QString::fromLatin1(
        Base64Url::encode(QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256)));
}

QByteArray sign(EVP_PKEY* key, Kind kind, const QByteArray& data) {
    const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, bytes(data), static_cast<size_t>(data.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, bytes(data),
                       static_cast<size_t>(data.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    signature.resize(static_cast<qsizetype>(length));
    // OpenSSL gives ECDSA signatures in DER; JWS wants R||S (RFC 7518 section 3.4).
    return kind == Kind::EcP256 ? derToRaw(signature) : signature;
}

bool verify(EVP_PKEY* key, Kind kind, const QByteArray& data, const QByteArray& signature) {
    const QByteArray wire = kind == Kind::EcP256 ? rawToDer(signature) : signature;
    if (wire.isEmpty())
        return false;
    const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
                    EVP_DigestVerify(ctx.get(), bytes(wire), static_cast<size_t>(wire.size()), bytes(data),
                                     static_cast<size_t>(data.size())) == 1;
    ERR_clear_error();
    return ok;
}

QString algorithmFor(Kind kind) {
    return kind == Kind::Rsa ? QStringLiteral("RS256") : QStringLiteral("ES256");
}

} // namespace OpenSslKey
