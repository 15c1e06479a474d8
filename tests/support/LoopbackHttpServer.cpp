#include "LoopbackHttpServer.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

LoopbackHttpServer::LoopbackHttpServer(QObject* parent)
    : QObject(parent) {
    m_handler = [](const Request&) {
        return jsonAnswer(200, "{}");
    };
}

LoopbackHttpServer::~LoopbackHttpServer() = default;

bool LoopbackHttpServer::listen(const QSslCertificate& certificate, const QSslKey& key, QString* error) {
    if (certificate.isNull())
        return listenPlain(error);
    auto server = std::make_unique<QSslServer>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    server->setSslConfiguration(configuration);
    connect(server.get(), &QSslServer::startedEncryptionHandshake, this, [this] { ++m_handshakes; });
    m_server = std::move(server);
    m_tls = true;
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        *error = m_server->errorString();
        return false;
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &LoopbackHttpServer::accept);
    return true;
}

bool LoopbackHttpServer::listenPlain(QString* error) {
    m_server = std::make_unique<QTcpServer>();
    m_tls = false;
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        *error = m_server->errorString();
        return false;
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &LoopbackHttpServer::accept);
    return true;
}

QUrl LoopbackHttpServer::url(const QString& host) const {
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host);
    url.setPort(port());
    return url;
}

quint16 LoopbackHttpServer::port() const {
    return m_server ? m_server->serverPort() : 0;
}

QByteArray LoopbackHttpServer::jsonAnswer(int status, const QByteArray& json,
                                          const QByteArray& extraHeaders) {
    return "HTTP/1.1 " + QByteArray::number(status) +
           " X\r\nContent-Type: application/json\r\nX-Okta-Request-Id: loopback-test-request\r\n" +
           extraHeaders + "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

void LoopbackHttpServer::accept() {
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        ++m_connections;
        socket->setParent(this);
        socket->setProperty("buffer", QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket* socket) {
    const QByteArray data = socket->readAll();
    m_received += data;
    QByteArray buffer = socket->property("buffer").toByteArray() + data;
    for (;;) {
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const QByteArray head = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray& line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            break;
        Request request;
        request.raw = buffer.left(end + 4 + length);
        const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        buffer.remove(0, request.raw.size());
        m_requests.append(request);
        socket->write(m_handler(request));
    }
    socket->setProperty("buffer", buffer);
}
