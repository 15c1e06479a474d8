#include "cli/ProfilesRemoveCommand.h"

#include "cli/CliOutput.h"
#include "cli/CliProfiles.h"
#include "cli/ExitCode.h"
#include "profiles/ProfileStore.h"
#include "secrets/KeychainSecretStore.h"

#include <QCommandLineParser>

bool ProfilesRemoveCommand::configure(const QCommandLineParser& parser, QString* error) {
    m_name = parser.positionalArguments().value(0).trimmed();
    if (m_name.isEmpty()) {
        *error = tr("profiles remove: name the profile to remove.");
        return false;
    }
    return true;
}

void ProfilesRemoveCommand::start() {
    ProfileStore store;
    OrgProfile profile;
    QString error;
    if (!CliProfiles::find(store, m_name, &profile, &error)) {
        output().error(error);
        finish(ExitCode::Rejected);
        return;
    }
    if (profile.isSandbox()) {
        output().error(tr("the built-in sandbox profile cannot be removed."));
        finish(ExitCode::Rejected);
        return;
    }
    // The profile goes first: a secret left behind is harmless and reported, whereas a profile
    // left without its secret would keep failing.
    if (!store.remove(profile.id)) {
        output().error(tr("profile '%1' could not be removed from the settings.").arg(profile.displayName));
        finish(ExitCode::Failure);
        return;
    }
    m_secrets = new KeychainSecretStore(this);
    m_secrets->removeProfile(profile.id, this, [this, profile](const SecretResult& result) {
        if (!result.ok) {
            output().error(tr("profile '%1' was removed, but its secrets could not be deleted "
                              "from the keychain: %2")
                               .arg(profile.displayName, result.error));
            finish(ExitCode::Failure);
            return;
        }
        output().line(tr("Removed profile '%1' (%2) and its secrets.").arg(profile.displayName, profile.id));
        finish(ExitCode::Ok);
    });
}
