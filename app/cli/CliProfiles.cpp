#include "cli/CliProfiles.h"

#include "profiles/ProfileStore.h"

#include <QCoreApplication>
#include <QStringList>

bool CliProfiles::find(const ProfileStore& store, const QString& nameOrId, OrgProfile* profile,
                       QString* error) {
    const QString wanted = nameOrId.trimmed();
    const QList<OrgProfile> profiles = store.profiles();
    for (const OrgProfile& candidate : profiles) {
        if (candidate.id == wanted ||
            candidate.displayName.trimmed().compare(wanted, Qt::CaseInsensitive) == 0) {
            *profile = candidate;
            return true;
        }
    }
    QStringList names;
    for (const OrgProfile& candidate : profiles)
        names.append(QLatin1Char('\'') + candidate.displayName + QLatin1Char('\''));
    *error = QCoreApplication::translate(
                 "CliProfiles", "no profile named '%1'; profiles: %2 (see 'threatdesk profiles list').")
                 .arg(wanted, names.join(QStringLiteral(", ")));
    return false;
}

QString CliProfiles::authLabel(OrgProfile::AuthMethod method) {
    switch (method) {
    case OrgProfile::AuthMethod::ApiToken:
        return QCoreApplication::translate("CliProfiles", "api token");
    case OrgProfile::AuthMethod::OAuthServiceApp:
        return QCoreApplication::translate("CliProfiles", "OAuth service app");
    case OrgProfile::AuthMethod::Sandbox:
        return QCoreApplication::translate("CliProfiles", "sandbox");
    }
    return {};
}
