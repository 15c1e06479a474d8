#pragma once

#include "SandboxOptions.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

class HistoryStore;
class MemorySecretStore;
class OrgSession;
class ProfileStore;
class QNetworkAccessManager;
class QSettings;
class SandboxServer;
class ScriptedDialogHooks;

// Everything a widget test needs around a page, wired like the app but private to the test: an
// in-process sandbox org (started on demand by the session's sandbox starter), profiles in a
// temporary INI file, secrets in memory, history and run journals in a temporary folder, and
// scripted dialog answers. openSandbox() opens the built-in Sandbox profile; wait for
// session()->state() == Open with QTRY_COMPARE.
class GuiTestOrg {
public:
    explicit GuiTestOrg(SandboxOptions options = {});
    ~GuiTestOrg();

    bool isValid() const; // the temporary folder exists
    void openSandbox();

    // Started by the first open of the sandbox profile (nullptr before).
    SandboxServer* sandbox() const { return m_sandbox.get(); }
    OrgSession* session() const { return m_session.get(); }
    ProfileStore* profiles() const { return m_profiles.get(); }
    MemorySecretStore* secrets() const { return m_secrets.get(); }
    HistoryStore* history() const { return m_history.get(); }
    ScriptedDialogHooks* hooks() const { return m_hooks.get(); }
    QSettings* settings() const { return m_settings.get(); }
    QString dataDirectory() const { return m_dir.path(); }
    QString journalBase() const; // history()->runsDirectory()
    // The header and the first `count` rows of tests/data/admin_5000.csv (all valid, unique,
    // every level) as a CSV file in the temporary folder; empty when it cannot be written.
    QString writeAdminRows(int count) const;

private:
    SandboxOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<ScriptedDialogHooks> m_hooks;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<OrgSession> m_session;
};
