#include "cli/ProfilesTestCommand.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/OktaResult.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/OrgConnection.h"
#include "cli/ThreatInsightReport.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

bool ProfilesTestCommand::configure(const QCommandLineParser& parser, QString* error) {
    m_name = parser.positionalArguments().value(0).trimmed();
    if (m_name.isEmpty()) {
        *error = tr("profiles test: name the profile to test (see 'threatdesk profiles list').");
        return false;
    }
    return true;
}

void ProfilesTestCommand::start() {
    const OrgProfile& profile = connection()->profile();
    output().progress(
        tr("Testing profile '%1' (%2)...")
            .arg(profile.displayName, profile.isSandbox() ? tr("in-process sandbox") : profile.orgUrl));
    if (profile.authMethod != OrgProfile::AuthMethod::OAuthServiceApp) {
        readConfiguration();
        return;
    }
    // Asked for explicitly so that a refused token is reported as such, with the scopes Okta
    // granted when it works (a scope missing there explains a later 403).
    connection()->requestOAuthToken([this](bool ok, const QString& error, const QStringList& scopes) {
        if (!ok) {
            output().error(tr("the OAuth token request failed: %1").arg(error));
            finish(ExitCode::Auth);
            return;
        }
        m_scopes = scopes;
        if (!output().isJson())
            output().line(tr("OAuth token granted; scopes: %1")
                              .arg(scopes.isEmpty() ? tr("(none listed)") : scopes.join(QLatin1Char(' '))));
        readConfiguration();
    });
}

void ProfilesTestCommand::readConfiguration() {
    OktaJob* job = client()->getThreatInsightConfiguration();
    connect(job, &OktaJob::finished, this, &ProfilesTestCommand::onConfiguration);
}

void ProfilesTestCommand::onConfiguration(const OktaResult& result) {
    if (!result.isSuccess()) {
        finish(output().failure(tr("reading the ThreatInsight configuration failed"), result));
        return;
    }
    QString error;
    const auto report = ThreatInsightReport::fromResult(result, &error);
    if (!report) {
        finish(unreadableAnswer(tr("reading the ThreatInsight configuration failed"), result, error));
        return;
    }
    const OrgProfile& profile = connection()->profile();
    const QString requestId = result.requestId.isEmpty() ? tr("none") : result.requestId;
    if (output().isJson()) {
        QJsonObject object{{QStringLiteral("ok"), true},
                           {QStringLiteral("profile"), profile.displayName},
                           {QStringLiteral("id"), profile.id},
                           {QStringLiteral("requestId"), requestId}};
        if (profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp)
            object.insert(QStringLiteral("grantedScopes"), QJsonArray::fromStringList(m_scopes));
        output().json(object);
    } else {
        output().line(tr("OK: profile '%1' read the ThreatInsight configuration; request id %2")
                          .arg(profile.displayName, requestId));
    }
    finish(ExitCode::Ok);
}
