#include "RecordingTcpProxy.h"

#include <QPointer>
#include <QTcpSocket>

RecordingTcpProxy::RecordingTcpProxy(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &RecordingTcpProxy::accept);
}

bool RecordingTcpProxy::listen(quint16 upstreamPort, QString* error) {
    m_upstreamPort = upstreamPort;
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = m_server.errorString();
        return false;
    }
    return true;
}

void RecordingTcpProxy::accept() {
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        client->setParent(this);
        auto* upstream = new QTcpSocket(client);
        auto held = std::make_shared<bool>(false);
        auto pending = std::make_shared<QByteArray>(); // client bytes before upstream connects
        QPointer<QTcpSocket> guardClient(client);
        connect(upstream, &QTcpSocket::connected, this, [upstream, pending] {
            upstream->write(*pending);
            pending->clear();
        });
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, held, pending] {
            const QByteArray data = client->readAll();
            m_toServer += data;
            if (!m_holdTrigger.isEmpty() && !*held && data.contains(m_holdTrigger)) {
                *held = true;
                ++m_held;
            }
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(data);
            else
                pending->append(data);
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, client, upstream, held] {
            if (*held)
                return; // left unread: the client waits for an answer that never comes
            const QByteArray data = upstream->readAll();
            m_toClient += data;
            client->write(data);
        });
        connect(upstream, &QTcpSocket::disconnected, this, [guardClient, held] {
            if (guardClient && !*held)
                guardClient->disconnectFromHost();
        });
        connect(client, &QTcpSocket::disconnected, this, [client, upstream] {
            upstream->disconnectFromHost();
            client->deleteLater();
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}
