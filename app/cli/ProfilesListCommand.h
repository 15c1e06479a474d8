#pragma once

#include "cli/CliCommand.h"

// `profiles list`: the stored org profiles (and the built-in sandbox) as a table or JSON.
class ProfilesListCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "profiles list";
    static constexpr const char* Synopsis = "";
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("ProfilesListCommand", "List the stored org profiles.");

    using CliCommand::CliCommand;

    bool needsOrg() const override { return false; }

protected:
    void start() override;
};
