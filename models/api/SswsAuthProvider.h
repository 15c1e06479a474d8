#pragma once

#include "api/AuthProvider.h"

// Okta API token: "Authorization: SSWS <token>". The token stays in memory only.
class SswsAuthProvider : public AuthProvider {
    Q_OBJECT
public:
    explicit SswsAuthProvider(const QString& token, QObject* parent = nullptr);
    QString methodName() const override;
    void authorize(const QByteArray& method, const QUrl& url, const Callback& done) override;

private:
    QByteArray m_headerValue;
};
