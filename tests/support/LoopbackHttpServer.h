#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

// A minimal HTTP/1.1 server on 127.0.0.1, plain or TLS (QSslServer with the given certificate),
// for tests that must see exactly what a client sent: every byte received after the handshake is
// recorded. Each request (headers and Content-Length body) is answered by the handler.
class LoopbackHttpServer : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QByteArray raw; // request line, headers and body as received
    };
    // Returns the whole answer: status line, headers and body.
    using Handler = std::function<QByteArray(const Request&)>;

    explicit LoopbackHttpServer(QObject* parent = nullptr);
    ~LoopbackHttpServer() override;

    // TLS when `certificate` is not null. False with a reason when it cannot listen.
    bool listen(const QSslCertificate& certificate, const QSslKey& key, QString* error);
    bool listenPlain(QString* error);
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    QUrl url(const QString& host = QStringLiteral("127.0.0.1")) const; // scheme://host:port
    quint16 port() const;
    int connections() const { return m_connections; } // accepted (for TLS: after the handshake)
    int handshakes() const { return m_handshakes; }   // TLS handshakes started, failed ones too
    const QByteArray& received() const { return m_received; }
    const QList<Request>& requests() const { return m_requests; }

    // A JSON answer with Content-Length.
    static QByteArray jsonAnswer(int status, const QByteArray& json, const QByteArray& extraHeaders = {});

private:
    void accept();
    void onReadyRead(QTcpSocket* socket);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    Handler m_handler;
    int m_connections = 0;
    int m_handshakes = 0;
    QByteArray m_received;
    QList<Request> m_requests;
};
