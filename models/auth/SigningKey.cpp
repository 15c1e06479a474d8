#include "auth/SigningKey.h"

#include "auth/OpenSslKey.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <utility>

namespace {

void setError(QString* error, const QString& reason) {
    if (error)
        *error = reason;
}

struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

OpenSslKey::Kind toKind(SigningKey::Type type) {
    return type == SigningKey::Type::Rsa ? OpenSslKey::Kind::Rsa : OpenSslKey::Kind::EcP256;
}

// Never prompts: a key that wants a passphrase simply fails to load.
int noPassphrase(char*, int, int, void*) {
    return 0;
}

} // namespace

SigningKey::SigningKey(std::shared_ptr<evp_pkey_st> key, Type type)
    : m_key(std::move(key))
    , m_type(type) {}

std::optional<SigningKey> SigningKey::adopt(std::shared_ptr<evp_pkey_st> key, QString* error) {
    const std::optional<OpenSslKey::Kind> kind = OpenSslKey::supportedKind(key.get(), error);
    if (!kind)
        return std::nullopt;
    return SigningKey(std::move(key), *kind == OpenSslKey::Kind::Rsa ? Type::Rsa : Type::EcP256);
}

std::optional<SigningKey> SigningKey::fromPem(const QByteArray& pem, QString* error) {
    const QByteArray text = pem.trimmed();
    if (text.isEmpty()) {
        setError(error, tr("No key was given."));
        return std::nullopt;
    }
    // Recognise the common wrong inputs first, to say what is wrong with them.
    if (text.contains("ENCRYPTED")) {
        setError(error, tr("Encrypted private keys are not supported; export the key without a "
                           "passphrase."));
        return std::nullopt;
    }
    if (!text.contains("PRIVATE KEY-----")) {
        if (text.contains("PUBLIC KEY-----"))
            setError(error, tr("This is a public key; the private key is needed."));
        else if (text.contains("CERTIFICATE-----"))
            setError(error, tr("This is a certificate; the private key is needed."));
        else
            setError(error, tr("This is not a PEM private key (PKCS#1, PKCS#8 or SEC1)."));
        return std::nullopt;
    }
    const Bio bio(BIO_new_mem_buf(text.constData(), static_cast<int>(text.size())));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr) : nullptr;
    ERR_clear_error();
    if (!key) {
        setError(error, tr("The PEM private key could not be read (damaged or of an unknown kind)."));
        return std::nullopt;
    }
    std::optional<SigningKey> result = adopt(OpenSslKey::adopt(key), error);
    // PEM keys carry their public half (SEC1 and PKCS#1 even store it next to the private one) and
    // OpenSSL takes it as written. A damaged one would sign tokens that nobody can verify with the
    // public key we show the admin: one signature proves the halves belong together (found by fuzzing).
    static const QByteArray Probe = QByteArrayLiteral("threatdesk key check");
    if (result && !result->verify(Probe, result->sign(Probe))) {
        setError(error, tr("The private key does not match its own public key (the file may be damaged)."));
        return std::nullopt;
    }
    return result;
}

std::optional<SigningKey> SigningKey::fromJwk(const QJsonObject& jwk, QString* error) {
    OpenSslKey::Pkey key = OpenSslKey::fromJwk(jwk, true, error);
    if (!key)
        return std::nullopt;
    std::optional<SigningKey> result = adopt(std::move(key), error);
    if (result)
        result->setKeyId(jwk.value(QLatin1String("kid")).toString());
    return result;
}

std::optional<SigningKey> SigningKey::fromJwk(const QByteArray& json, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // The parser's message could quote the text; keep to a fixed reason.
        setError(error, tr("The text is not a JSON object (a JWK)."));
        return std::nullopt;
    }
    QJsonObject object = document.object();
    if (object.contains(QLatin1String("keys")) && !object.contains(QLatin1String("kty"))) {
        const QJsonArray keys = object.value(QLatin1String("keys")).toArray();
        if (keys.size() != 1 || !keys.first().isObject()) {
            setError(error, tr("The JWK set must hold exactly one key (it holds %1).").arg(keys.size()));
            return std::nullopt;
        }
        object = keys.first().toObject();
    }
    return fromJwk(object, error);
}

std::optional<SigningKey> SigningKey::generateRsa(int bits, QString* error) {
    if (bits < 2048 || bits > 8192) {
        setError(error, tr("RSA keys must have 2048 to 8192 bits (%1 was asked for).").arg(bits));
        return std::nullopt;
    }
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits));
    ERR_clear_error();
    if (!key) {
        setError(error, tr("OpenSSL could not generate an RSA key."));
        return std::nullopt;
    }
    return adopt(OpenSslKey::adopt(key), error);
}

std::optional<SigningKey> SigningKey::generateEcP256(QString* error) {
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    ERR_clear_error();
    if (!key) {
        setError(error, tr("OpenSSL could not generate a P-256 key."));
        return std::nullopt;
    }
    return adopt(OpenSslKey::adopt(key), error);
}

QString SigningKey::jwkThumbprint(const QJsonObject& jwk) {
    return OpenSslKey::thumbprint(jwk);
}

QString SigningKey::algorithm() const {
    return OpenSslKey::algorithmFor(toKind(m_type));
}

int SigningKey::bits() const {
    return EVP_PKEY_get_bits(m_key.get());
}

QJsonObject SigningKey::publicJwk() const {
    QJsonObject jwk = OpenSslKey::publicJwk(m_key.get(), toKind(m_type));
    if (!m_keyId.isEmpty())
        jwk.insert(QStringLiteral("kid"), m_keyId);
    return jwk;
}

QString SigningKey::thumbprint() const {
    return OpenSslKey::thumbprint(OpenSslKey::publicJwk(m_key.get(), toKind(m_type)));
}

QByteArray SigningKey::privatePem() const {
    const Bio bio(BIO_new(BIO_s_mem()));
    // PEM_write_bio_PrivateKey writes PKCS#8 ("BEGIN PRIVATE KEY") for every key type.
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    QByteArray pem(static_cast<qsizetype>(BIO_ctrl_pending(bio.get())), '\0');
    const int read = BIO_read(bio.get(), pem.data(), static_cast<int>(pem.size()));
    pem.resize(read > 0 ? read : 0);
    return pem;
}

QByteArray SigningKey::sign(const QByteArray& signingInput) const {
    return OpenSslKey::sign(m_key.get(), toKind(m_type), signingInput);
}

bool SigningKey::verify(const QByteArray& signingInput, const QByteArray& signature) const {
    return OpenSslKey::verify(m_key.get(), toKind(m_type), signingInput, signature);
}
