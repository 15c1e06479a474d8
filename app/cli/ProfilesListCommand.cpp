#include "cli/ProfilesListCommand.h"

#include "cli/CliOutput.h"
#include "cli/CliProfiles.h"
#include "cli/ExitCode.h"
#include "cli/TextTable.h"
#include "profiles/ProfileStore.h"

#include <QJsonArray>
#include <QJsonObject>

void ProfilesListCommand::start() {
    const ProfileStore store;
    const QList<OrgProfile> profiles = store.profiles();
    if (output().isJson()) {
        // Only the non-secret fields exist in a profile, so everything can be shown.
        QJsonArray array;
        for (const OrgProfile& profile : profiles) {
            QJsonObject object{
                {QStringLiteral("id"), profile.id},
                {QStringLiteral("name"), profile.displayName},
                {QStringLiteral("orgUrl"), profile.orgUrl},
                {QStringLiteral("authMethod"), OrgProfile::authMethodKey(profile.authMethod)},
            };
            if (profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp) {
                object.insert(QStringLiteral("clientId"), profile.clientId);
                object.insert(QStringLiteral("keyId"), profile.keyId);
                object.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(profile.scopes));
            }
            array.append(object);
        }
        output().json(array);
        finish(ExitCode::Ok);
        return;
    }
    TextTable table({tr("NAME"), tr("ID"), tr("ORG"), tr("AUTH"), tr("CLIENT ID")});
    for (const OrgProfile& profile : profiles)
        table.addRow({profile.displayName, profile.id,
                      profile.isSandbox() ? tr("(in-process, loopback)") : profile.orgUrl,
                      CliProfiles::authLabel(profile.authMethod), profile.clientId});
    output().lines(table.render());
    finish(ExitCode::Ok);
}
