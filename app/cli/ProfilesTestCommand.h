#pragma once

#include "cli/CliCommand.h"

#include <QStringList>

struct OktaResult;

// `profiles test NAME`: connects with the profile (secret from the keychain) and reads the
// ThreatInsight configuration; for an OAuth service app it first asks for a token and shows
// the granted scopes.
class ProfilesTestCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "profiles test";
    static constexpr const char* Synopsis = "NAME";
    static constexpr const char* Summary = QT_TRANSLATE_NOOP(
        "ProfilesTestCommand",
        "Check a profile: sign in and read the ThreatInsight configuration (OAuth: granted scopes).");

    using CliCommand::CliCommand;

    bool configure(const QCommandLineParser& parser, QString* error) override;
    int maxArguments() const override { return 1; }
    QString profileToConnect() const override { return m_name; }

protected:
    void start() override;

private:
    void readConfiguration();
    void onConfiguration(const OktaResult& result);

    QString m_name;
    QStringList m_scopes; // granted to an OAuth service app
};
