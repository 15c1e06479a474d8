#include "GuiTestOrg.h"

#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"
#include "history/HistoryStore.h"
#include "profiles/OrgProfile.h"
#include "profiles/ProfileStore.h"
#include "secrets/MemorySecretStore.h"
#include "session/OrgSession.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>

GuiTestOrg::GuiTestOrg(SandboxOptions options)
    : m_options(std::move(options)) {
    m_settings =
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_profiles = std::make_unique<ProfileStore>(m_settings.get());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_history = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("data")));
    m_hooks = std::make_unique<ScriptedDialogHooks>();
    m_session = std::make_unique<OrgSession>(m_nam.get(), m_profiles.get(), m_secrets.get());
    m_session->setTransferTimeoutMs(5000);
    m_session->setSandboxStarter([this](QUrl* baseUrl, QString* token, QString* error) {
        if (!m_sandbox) {
            m_sandbox = std::make_unique<SandboxServer>(m_options);
            if (!m_sandbox->start(error)) {
                m_sandbox.reset();
                return false;
            }
        }
        *baseUrl = m_sandbox->baseUrl();
        *token = m_sandbox->token();
        return true;
    });
}

GuiTestOrg::~GuiTestOrg() {
    // The session's client talks to the sandbox: it goes first.
    m_session.reset();
    m_sandbox.reset();
}

bool GuiTestOrg::isValid() const {
    return m_dir.isValid();
}

void GuiTestOrg::openSandbox() {
    m_session->open(QString::fromLatin1(OrgProfile::SandboxId));
}

QString GuiTestOrg::journalBase() const {
    return m_history->runsDirectory();
}

QString GuiTestOrg::writeAdminRows(int count) const {
    QFile in(QStringLiteral(THREATDESK_TEST_DATA_DIR "/admin_5000.csv"));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    const QString path = m_dir.filePath(QStringLiteral("rows_%1.csv").arg(count));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(in.readLine()); // header
    for (int i = 0; i < count && !in.atEnd(); ++i)
        out.write(in.readLine());
    return path;
}
