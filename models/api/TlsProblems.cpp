#include "api/TlsProblems.h"

#include <QNetworkReply>
#include <QSslError>

void TlsProblems::watch(QNetworkReply* reply, QObject* context) {
    m_problems.clear();
    QObject::connect(reply, &QNetworkReply::sslErrors, context, [this](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            m_problems.append(error.errorString());
    });
}

QString TlsProblems::describe(const QString& host) const {
    return tr("the TLS certificate of %1 is not trusted, nothing was sent: %2")
        .arg(host, m_problems.join(QLatin1String("; ")));
}
