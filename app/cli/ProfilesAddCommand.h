#pragma once

#include "cli/CliCommand.h"
#include "profiles/OrgProfile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

class KeychainSecretStore;

// `profiles add NAME --org URL ...`: stores a profile and its API token or private key. The
// secret comes from a file or standard input, never from an argument (shell history, `ps`), and
// goes to the keychain only; without a keychain nothing is stored.
class ProfilesAddCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "profiles add";
    static constexpr const char* Synopsis =
        "NAME --org URL (--token-file FILE | --token-stdin | --oauth --client-id ID (--key-file FILE | "
        "--generate-key rsa|ec) [--key-id KID] [--scopes A,B,...])";
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("ProfilesAddCommand",
                          "Add an org profile; the API token or private key goes to the system keychain.");

    using CliCommand::CliCommand;

    QList<QCommandLineOption> options() const override;
    bool configure(const QCommandLineParser& parser, QString* error) override;
    bool needsOrg() const override { return false; }
    int maxArguments() const override { return 1; }

protected:
    void start() override;

private:
    // Reads the token or key (file, stdin or a new key); false with the exit code set.
    bool readSecret(int* exitCode);
    void onAvailable(bool available, const QString& reason);
    void onWritten(bool ok, const QString& reason);

    OrgProfile m_profile;
    QStringList m_warnings;
    QString m_tokenFile;
    bool m_tokenStdin = false;
    QString m_keyFile;
    QString m_generate; // "rsa", "ec" or empty
    QString m_keyIdOption;
    QByteArray m_secret;
    QJsonObject m_publicJwk; // set for a generated key: the user pastes it into Okta
    KeychainSecretStore* m_secrets = nullptr;
};
