#pragma once

#include "profiles/OrgProfile.h"

#include <QString>

class ProfileStore;

// What the `profiles` commands and --profile share: finding a profile as the user names it.
namespace CliProfiles {
// By display name (case-insensitively) or by id; false with a message naming the choices.
bool find(const ProfileStore& store, const QString& nameOrId, OrgProfile* profile, QString* error);
// "api token", "OAuth service app" or "sandbox", as listed by `profiles list`.
QString authLabel(OrgProfile::AuthMethod method);
} // namespace CliProfiles
