#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

// A TCP forwarder on 127.0.0.1 in front of a loopback server (the sandbox org over plain http),
// recording both directions, so a test can learn what was exchanged (an access token the server
// issued, a client assertion) and can hold a connection's answers back after a trigger, to stop
// a client at a known point (a crash mid-send).
class RecordingTcpProxy : public QObject {
    Q_OBJECT
public:
    explicit RecordingTcpProxy(QObject* parent = nullptr);

    bool listen(quint16 upstreamPort, QString* error);
    quint16 port() const { return m_server.serverPort(); }

    // Everything clients sent / the server answered, all connections concatenated.
    const QByteArray& toServer() const { return m_toServer; }
    const QByteArray& toClient() const { return m_toClient; }
    // Once a client sends `trigger` on a connection, nothing more is passed back on it (until
    // cleared); empty = never hold.
    void holdAnswersAfter(const QByteArray& trigger) { m_holdTrigger = trigger; }
    int heldConnections() const { return m_held; }

private:
    void accept();

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    QByteArray m_toServer;
    QByteArray m_toClient;
    QByteArray m_holdTrigger;
    int m_held = 0;
};
