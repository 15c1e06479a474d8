#pragma once

#include "cli/CliCommand.h"

class KeychainSecretStore;

// `profiles remove NAME`: forgets the profile and deletes its secrets from the keychain.
class ProfilesRemoveCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "profiles remove";
    static constexpr const char* Synopsis = "NAME";
    static constexpr const char* Summary = QT_TRANSLATE_NOOP(
        "ProfilesRemoveCommand", "Remove a profile and its token or key from the keychain.");

    using CliCommand::CliCommand;

    bool configure(const QCommandLineParser& parser, QString* error) override;
    bool needsOrg() const override { return false; }
    int maxArguments() const override { return 1; }

protected:
    void start() override;

private:
    QString m_name;
    KeychainSecretStore* m_secrets = nullptr;
};
