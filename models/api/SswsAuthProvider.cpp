#include "api/SswsAuthProvider.h"

#include <QCoreApplication>

SswsAuthProvider::SswsAuthProvider(const QString& token, QObject* parent)
    : AuthProvider(parent)
    , m_headerValue(token.trimmed().isEmpty() ? QByteArray() : "SSWS " + token.trimmed().toUtf8()) {}

QString SswsAuthProvider::methodName() const {
    return QCoreApplication::translate("SswsAuthProvider", "API token");
}

void SswsAuthProvider::authorize(const QByteArray& /*method*/, const QUrl& /*url*/, const Callback& done) {
    Authorization auth;
    if (m_headerValue.isEmpty())
        auth.error = QCoreApplication::translate("SswsAuthProvider", "No API token is set.");
    else
        auth.headerValue = m_headerValue;
    done(auth);
}
