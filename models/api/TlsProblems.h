#pragma once

#include <QCoreApplication>
#include <QStringList>

class QNetworkReply;
class QObject;

// The certificate errors of one exchange, recorded only to name the problem: they are never
// ignored, so Qt fails the handshake and nothing (no token, no assertion) is sent. Shared by the
// API requests (OktaJob) and the token request (OAuthAuthProvider).
class TlsProblems {
    Q_DECLARE_TR_FUNCTIONS(TlsProblems)
public:
    // Forgets the previous exchange's errors and records `reply`'s; `context` owns this object.
    void watch(QNetworkReply* reply, QObject* context);
    bool isEmpty() const { return m_problems.isEmpty(); }
    // "the TLS certificate of <host> is not trusted, nothing was sent: <Qt's reasons>"
    QString describe(const QString& host) const;

private:
    QStringList m_problems;
};
