#pragma once

#include "api/AuthProvider.h"
#include "auth/SigningKey.h"

#include <QDateTime>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

// OAuth 2.0 client credentials with private_key_jwt for an Okta service app: a fresh signed
// assertion per token request (Okta burns a jti even on a 400), the access token cached in
// memory until shortly before it expires, one transparent re-authentication after a 401, and
// DPoP when the token endpoint asks for it (invalid_dpop_proof / use_dpop_nonce + DPoP-Nonce).
class OAuthAuthProvider : public AuthProvider {
    Q_OBJECT
public:
    struct Options {
        QString clientId;
        QString keyId;      // "kid" of the assertion header; empty = the key's own
        QStringList scopes; // requested scopes, space-joined in the request
        int transferTimeoutMs = 30000;
        qint64 refreshMarginMs = 60000; // renew this long before expires_in runs out
    };
    using MsClock = std::function<qint64()>; // ms since the UTC epoch

    OAuthAuthProvider(QNetworkAccessManager* nam, const QUrl& orgBaseUrl, const SigningKey& key,
                      Options options, QObject* parent = nullptr);
    ~OAuthAuthProvider() override;

    void setClock(MsClock clock);

    QString methodName() const override;
    // Cached token, or a token request first (concurrent callers share it); adds a DPoP proof
    // (with ath) when the org uses DPoP.
    void authorize(const QByteArray& method, const QUrl& url, const Callback& done) override;
    void invalidate() override;
    bool canRefresh() const override { return true; }

    // Asks for a token now (profiles test): done(ok, error in an admin's words).
    void requestToken(const std::function<void(bool ok, const QString& error)>& done);
    QStringList grantedScopes() const { return m_grantedScopes; }
    bool usesDpop() const { return m_useDpop; }
    QDateTime tokenExpiresAt() const;

    // invalid_client, invalid_scope, invalid_grant (clock skew), invalid_dpop_proof... as a
    // sentence an admin can act on.
    static QString explainError(const QString& error, const QString& description);
    // The same, naming the scopes that were asked for (invalid_scope).
    static QString explainError(const QString& error, const QString& description,
                                const QStringList& requestedScopes);

signals:
    void tokenGranted(const QStringList& scopes);
    void tokenFailed(const QString& error);

private:
    Authorization authorization(const QByteArray& method, const QUrl& url);
    void startTokenRequest();
    void sendTokenRequest();
    void onTokenReplyFinished();
    void failTokenRequest(const QString& message);

    struct Private;
    std::unique_ptr<Private> d;
    QStringList m_grantedScopes;
    bool m_useDpop = false;
};
