#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class DialogHooks;
class HistoryStore;
class KeychainSecretStore;
class MainWindow;
class MemorySecretStore;
class OrgSession;
class ProfileStore;
class QNetworkAccessManager;
class SandboxServer;

// The desktop app's composition: the keychain, the profiles, the history, the session (with
// the in-process sandbox org as its sandbox) and the main window. main.cpp creates it inside a
// QApplication when the command line names no sub-command.
class GuiApplication : public QObject {
    Q_OBJECT
public:
    // Options only the GUI knows (the rest are the CLI's global options).
    static const QStringList& guiOnlyOptions(); // "--import", "--screenshots", "--quit-when-shown"
    static bool takesValue(const QString& option);

    GuiApplication();
    ~GuiApplication() override;

    // Parses QCoreApplication::arguments(), shows the window; returns the exit code of a bad
    // command line, or -1 to go on into the event loop.
    int start();

private:
    void checkKeychain();
    bool startSandbox(QUrl* baseUrl, QString* token, QString* error);
    void takeScreenshots(const QString& directory);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<MemorySecretStore> m_sessionSecrets;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<DialogHooks> m_hooks;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<OrgSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};
