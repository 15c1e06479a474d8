#include "SandboxProcess.h"

#include "CliRun.h"

using CliTest::ProcessTimeoutMs;

SandboxProcess::~SandboxProcess() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(ProcessTimeoutMs))
        m_process.kill();
    m_process.waitForFinished(ProcessTimeoutMs);
}

bool SandboxProcess::start(const QStringList& extraArguments, QString* problem) {
    m_process.start(CliTest::binary("threatdesk-sandbox"),
                    QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extraArguments);
    if (!m_process.waitForStarted(ProcessTimeoutMs)) {
        *problem = QStringLiteral("threatdesk-sandbox did not start: ") + m_process.errorString();
        return false;
    }
    m_url = readLine();
    m_token = readLine();
    if (!m_url.startsWith(QLatin1String("http://127.0.0.1:")) || m_token.isEmpty()) {
        *problem = QStringLiteral("threatdesk-sandbox printed url '%1', token '%2'; stderr: %3")
                       .arg(m_url, m_token, QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }
    return true;
}

bool SandboxProcess::stop() {
    m_process.terminate();
    return m_process.waitForFinished(ProcessTimeoutMs) && m_process.exitStatus() == QProcess::NormalExit;
}

QString SandboxProcess::readLine() {
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(ProcessTimeoutMs))
            return {};
    }
    return QString::fromUtf8(m_process.readLine()).trimmed();
}
