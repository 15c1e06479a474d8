#include "cli/GlobalOptions.h"

#include <QCommandLineParser>
#include <algorithm>
#include <cmath>

namespace {
const QString OrgOption = QStringLiteral("org");
const QString SandboxOption = QStringLiteral("sandbox");
const QString ProfileOption = QStringLiteral("profile");
const QString JsonOption = QStringLiteral("json");
const QString TimeoutOption = QStringLiteral("timeout");
constexpr double MaxTimeoutSeconds = 3600;
} // namespace

QList<QCommandLineOption> GlobalOptions::definitions() {
    return {
        QCommandLineOption(OrgOption,
                           tr("Okta org, e.g. acme.okta.com; the API token is read from "
                              "THREATDESK_API_TOKEN."),
                           QStringLiteral("URL")),
        QCommandLineOption(SandboxOption, tr("Use a fresh in-process sandbox org (fake data, "
                                             "loopback only, gone when the command ends).")),
        QCommandLineOption(ProfileOption,
                           tr("Connect with a stored profile (name or id, see 'profiles list'); "
                              "its secret comes from the keychain."),
                           QStringLiteral("NAME")),
        QCommandLineOption(JsonOption, tr("Print JSON instead of text.")),
        QCommandLineOption(TimeoutOption,
                           tr("Give up on a request that makes no progress for this long "
                              "(default 30)."),
                           QStringLiteral("SECONDS")),
    };
}

void GlobalOptions::readFrom(const QCommandLineParser& parser) {
    if (parser.isSet(OrgOption)) {
        m_orgUrl = parser.value(OrgOption);
        m_orgGiven = true;
    }
    m_sandbox = m_sandbox || parser.isSet(SandboxOption);
    if (parser.isSet(ProfileOption)) {
        m_profile = parser.value(ProfileOption).trimmed();
        m_profileGiven = true;
    }
    m_json = m_json || parser.isSet(JsonOption);
    if (parser.isSet(TimeoutOption)) {
        m_timeoutText = parser.value(TimeoutOption);
        m_timeoutGiven = true;
    }
}

bool GlobalOptions::validate(QString* error) {
    if (m_orgGiven && m_sandbox) {
        *error = tr("--org and --sandbox cannot be combined: choose one org.");
        return false;
    }
    if (m_profileGiven && (m_orgGiven || m_sandbox)) {
        *error = tr("--profile cannot be combined with --org or --sandbox: the profile names "
                    "the org.");
        return false;
    }
    if (m_profileGiven && m_profile.isEmpty()) {
        *error = tr("--profile needs a profile name, e.g. --profile 'Acme production'.");
        return false;
    }
    if (m_orgGiven && m_orgUrl.trimmed().isEmpty()) {
        *error = tr("--org needs the org's URL, e.g. --org acme.okta.com.");
        return false;
    }
    if (m_timeoutGiven) {
        bool ok = false;
        const double seconds = m_timeoutText.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > MaxTimeoutSeconds) {
            *error = tr("--timeout takes a number of seconds between 0 and %1, not '%2'.")
                         .arg(MaxTimeoutSeconds)
                         .arg(m_timeoutText);
            return false;
        }
        m_timeoutMs = std::max(1, static_cast<int>(std::lround(seconds * 1000)));
    }
    return true;
}
