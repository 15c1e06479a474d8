#pragma once

#include "api/AuthProvider.h"
#include "api/OktaResult.h"
#include "api/TlsProblems.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <memory>

class OktaClient;
class QNetworkReply;

// One call to Okta. Started by OktaClient on the next event-loop turn (so callers can connect
// first), emits `finished` exactly once on every path (success, error, abort, timeout), then
// deletes itself. Subclasses may chain several exchanges (paging) before finishing.
class OktaJob : public QObject {
    Q_OBJECT
public:
    OktaJob(OktaClient* client, QByteArray method, QUrl url, QByteArray body = {});
    ~OktaJob() override;

    const QByteArray& method() const { return m_method; }
    const QUrl& url() const { return m_url; }
    bool isFinished() const { return m_finished; }
    const OktaResult& result() const { return m_result; }

public slots:
    void start();
    // Stops the exchange; `finished` is emitted with NetworkError "cancelled".
    void abort();

signals:
    void finished(const OktaResult& result);

protected:
    // One HTTP exchange on the job's behalf; the answer comes to exchangeFinished().
    void sendExchange(const QByteArray& method, const QUrl& url, const QByteArray& body);
    // Default: the exchange's result is the job's result.
    virtual void exchangeFinished(const OktaResult& result);
    void finish(const OktaResult& result);
    OktaClient* client() const { return m_client; }

private:
    void sendCurrentExchange();
    void onAuthorized(const AuthProvider::Authorization& authorization);
    void onReplyFinished();
    void onTimeout();
    void onProgress(qint64 received);
    OktaResult baseResult(const QByteArray& method, const QUrl& url) const;

    QPointer<OktaClient> m_client;
    std::shared_ptr<AuthProvider> m_auth; // kept alive while we wait for it
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_exchangeMethod;
    QUrl m_exchangeUrl;
    QByteArray m_exchangeBody;
    QTimer m_timeout;
    bool m_exchangeRetried = false; // after a 401, with fresh credentials
    bool m_timedOut = false;
    bool m_tooLarge = false;
    TlsProblems m_tlsProblems; // of the exchange in flight
    bool m_aborted = false;
    bool m_finished = false;
    OktaResult m_result;
};
