#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

class SigningKey;

// Compact JWS (RFC 7515) with JSON claims (RFC 7519), RS256 and ES256 only.
class Jwt {
    Q_DECLARE_TR_FUNCTIONS(Jwt)
public:
    struct Decoded {
        QJsonObject header;
        QJsonObject claims;
        QByteArray signingInput; // "<header>.<payload>" as sent
        QByteArray signature;
    };

    // Sets "alg" from the key (a different "alg" in `header` is an error) and returns
    // "<header>.<payload>.<signature>"; empty on failure.
    static QByteArray sign(const QJsonObject& header, const QJsonObject& claims, const SigningKey& key,
                           QString* error = nullptr);

    // Checks the signature against a public RSA or EC P-256 JWK and returns the claims. "alg" must be
    // RS256 or ES256 and fit the key ("none" and mismatches are refused). Time claims are not
    // judged here: that is the reader's policy.
    static std::optional<QJsonObject> verify(const QByteArray& token, const QJsonObject& publicJwk,
                                             QString* error = nullptr);

    // Splits and parses a token without checking its signature.
    static std::optional<Decoded> decode(const QByteArray& token, QString* error = nullptr);
};
