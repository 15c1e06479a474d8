#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// A threatdesk-sandbox process on a free loopback port, for tests whose state must outlive one
// `threatdesk` command; stopped (SIGTERM) when destroyed.
class SandboxProcess {
public:
    ~SandboxProcess();

    // Starts it and reads the base URL (line 1) and the admin token (line 2).
    bool start(const QStringList& extraArguments, QString* problem);
    // SIGTERM; true when it exited normally.
    bool stop();

    QString url() const { return m_url; }
    QString token() const { return m_token; }

private:
    QString readLine();

    QProcess m_process;
    QString m_url;
    QString m_token;
};
