#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal so the sandbox can leave its event loop cleanly
// (state saved, sockets closed). On Unix a self-pipe carries the signal out of the handler,
// the only async-signal-safe way; elsewhere the C runtime's signal() is used.
class SandboxTerminationSignals : public QObject {
    Q_OBJECT

public:
    explicit SandboxTerminationSignals(QObject* parent = nullptr);
    ~SandboxTerminationSignals() override;

signals:
    void received(int signalNumber);

private:
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
};
