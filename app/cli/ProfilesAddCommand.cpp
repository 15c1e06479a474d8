#include "cli/ProfilesAddCommand.h"

#include "auth/SigningKey.h"
#include "cli/CliOutput.h"
#include "cli/CliProfiles.h"
#include "cli/ExitCode.h"
#include "profiles/ProfileStore.h"
#include "profiles/ScopeSets.h"
#include "secrets/KeychainSecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cstdio>
#include <optional>

namespace {
// --org is a global option; the command reads it from its own parser, where it is defined too.
const QString OrgOption = QStringLiteral("org");
const QString TokenFileOption = QStringLiteral("token-file");
const QString TokenStdinOption = QStringLiteral("token-stdin");
const QString OAuthOption = QStringLiteral("oauth");
const QString ClientIdOption = QStringLiteral("client-id");
const QString KeyFileOption = QStringLiteral("key-file");
const QString GenerateKeyOption = QStringLiteral("generate-key");
const QString KeyIdOption = QStringLiteral("key-id");
const QString ScopesOption = QStringLiteral("scopes");

// At most one secret of a few KiB: anything bigger is not a token or a key.
constexpr qint64 MaxSecretBytes = 64 * 1024;

bool readAll(QFile* file, QByteArray* data, QString* error) {
    *data = file->read(MaxSecretBytes + 1);
    if (data->size() > MaxSecretBytes) {
        *error = QCoreApplication::translate("ProfilesAddCommand", "%1 is too large for a token or key.")
                     .arg(file->fileName());
        return false;
    }
    return true;
}
} // namespace

QList<QCommandLineOption> ProfilesAddCommand::options() const {
    return {
        QCommandLineOption(TokenFileOption, tr("Read the Okta API token from FILE."), QStringLiteral("FILE")),
        QCommandLineOption(TokenStdinOption, tr("Read the Okta API token from standard input.")),
        QCommandLineOption(OAuthOption, tr("Sign in as an OAuth service app (private_key_jwt).")),
        QCommandLineOption(ClientIdOption, tr("The service app's client id."), QStringLiteral("ID")),
        QCommandLineOption(KeyFileOption,
                           tr("Read the app's private key (PEM or JWK) from FILE ('-': standard "
                              "input)."),
                           QStringLiteral("FILE")),
        QCommandLineOption(GenerateKeyOption,
                           tr("Generate a new key pair and print the public JWK to add to the app."),
                           QStringLiteral("rsa|ec")),
        QCommandLineOption(KeyIdOption,
                           tr("The key id (kid) Okta knows the key by (default: the JWK's kid, or "
                              "the thumbprint of a generated key)."),
                           QStringLiteral("KID")),
        QCommandLineOption(ScopesOption,
                           tr("Comma-separated scopes to request (default: every scope ThreatDesk "
                              "uses)."),
                           QStringLiteral("A,B,...")),
    };
}

bool ProfilesAddCommand::configure(const QCommandLineParser& parser, QString* error) {
    m_profile.displayName = parser.positionalArguments().value(0).trimmed();
    m_profile.orgUrl = parser.value(OrgOption).trimmed();
    if (m_profile.displayName.isEmpty()) {
        *error = tr("profiles add: name the profile, e.g. profiles add 'Acme production' --org "
                    "acme.okta.com --token-stdin.");
        return false;
    }
    if (m_profile.orgUrl.isEmpty()) {
        *error = tr("profiles add: give the org with --org URL (after the profile name).");
        return false;
    }
    m_tokenFile = parser.value(TokenFileOption);
    m_tokenStdin = parser.isSet(TokenStdinOption);
    m_keyFile = parser.value(KeyFileOption);
    m_generate = parser.value(GenerateKeyOption).trimmed().toLower();
    m_keyIdOption = parser.value(KeyIdOption).trimmed();
    const bool tokenGiven = parser.isSet(TokenFileOption) || m_tokenStdin;
    if (parser.isSet(OAuthOption)) {
        m_profile.authMethod = OrgProfile::AuthMethod::OAuthServiceApp;
        m_profile.clientId = parser.value(ClientIdOption).trimmed();
        if (tokenGiven) {
            *error = tr("profiles add: --oauth takes a private key, not --token-file or --token-stdin.");
            return false;
        }
        if (parser.isSet(KeyFileOption) == parser.isSet(GenerateKeyOption)) {
            *error = tr("profiles add: --oauth needs exactly one of --key-file FILE and "
                        "--generate-key rsa|ec.");
            return false;
        }
        if (parser.isSet(GenerateKeyOption) && m_generate != QLatin1String("rsa") &&
            m_generate != QLatin1String("ec")) {
            *error = tr("profiles add: --generate-key takes 'rsa' or 'ec', not '%1'.")
                         .arg(parser.value(GenerateKeyOption));
            return false;
        }
        if (parser.isSet(KeyFileOption) && m_keyFile.isEmpty()) {
            *error = tr("profiles add: --key-file needs a file name ('-' for standard input).");
            return false;
        }
        m_profile.scopes = ScopeSets::defaultScopes();
        if (parser.isSet(ScopesOption)) {
            m_profile.scopes.clear();
            for (const QString& scope :
                 parser.value(ScopesOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
                m_profile.scopes.append(scope.trimmed());
        }
    } else {
        m_profile.authMethod = OrgProfile::AuthMethod::ApiToken;
        for (const QString& oauthOnly :
             {ClientIdOption, KeyFileOption, GenerateKeyOption, KeyIdOption, ScopesOption}) {
            if (parser.isSet(oauthOnly)) {
                *error = tr("profiles add: --%1 needs --oauth.").arg(oauthOnly);
                return false;
            }
        }
        if (parser.isSet(TokenFileOption) == m_tokenStdin) {
            *error = tr("profiles add: give the API token with exactly one of --token-file FILE "
                        "and --token-stdin (never as an argument).");
            return false;
        }
        if (m_tokenFile.isEmpty() && !m_tokenStdin) {
            *error = tr("profiles add: --token-file needs a file name.");
            return false;
        }
    }
    // Checked before anything is read or stored, so a typo costs nothing.
    const ProfileValidation validation = m_profile.validate();
    if (!validation.isValid()) {
        *error = tr("profiles add: %1").arg(validation.errors.join(QLatin1Char(' ')));
        return false;
    }
    m_warnings = validation.warnings;
    return true;
}

bool ProfilesAddCommand::readSecret(int* exitCode) {
    *exitCode = ExitCode::Usage;
    QString error;
    if (m_profile.authMethod == OrgProfile::AuthMethod::ApiToken) {
        QFile file(m_tokenFile);
        const bool opened =
            m_tokenStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
        const QString source = m_tokenStdin ? tr("standard input") : m_tokenFile;
        if (!opened) {
            output().error(tr("cannot read the API token from %1: %2").arg(source, file.errorString()));
            return false;
        }
        if (!readAll(&file, &m_secret, &error)) {
            output().error(error);
            return false;
        }
        m_secret = m_secret.trimmed();
        static const QRegularExpression whitespace(QStringLiteral("\\s"));
        if (m_secret.isEmpty() || QString::fromUtf8(m_secret).contains(whitespace)) {
            output().error(tr("%1 must hold exactly one API token (one line, no spaces).").arg(source));
            return false;
        }
        return true;
    }

    std::optional<SigningKey> key;
    if (!m_generate.isEmpty()) {
        key = m_generate == QLatin1String("rsa") ? SigningKey::generateRsa(2048, &error)
                                                 : SigningKey::generateEcP256(&error);
        if (!key) {
            output().error(tr("generating the key failed: %1").arg(error));
            *exitCode = ExitCode::Failure;
            return false;
        }
        key->setKeyId(m_keyIdOption.isEmpty() ? key->thumbprint() : m_keyIdOption);
        m_publicJwk = key->publicJwk();
    } else {
        const bool fromStdin = m_keyFile == QLatin1String("-");
        QFile file(m_keyFile);
        const bool opened =
            fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
        if (!opened) {
            output().error(tr("cannot read the private key from %1: %2").arg(m_keyFile, file.errorString()));
            return false;
        }
        QByteArray text;
        if (!readAll(&file, &text, &error)) {
            output().error(error);
            return false;
        }
        key = text.contains("-----BEGIN") ? SigningKey::fromPem(text, &error)
                                          : SigningKey::fromJwk(text, &error);
        if (!key) {
            output().error(tr("%1 holds no usable private key: %2").arg(m_keyFile, error));
            return false;
        }
        if (!m_keyIdOption.isEmpty())
            key->setKeyId(m_keyIdOption);
    }
    m_profile.keyId = key->keyId();
    // Normalised to PKCS#8 PEM: one format to read back, whatever the user gave.
    m_secret = key->privatePem();
    return true;
}

void ProfilesAddCommand::start() {
    for (const QString& warning : std::as_const(m_warnings))
        output().warning(warning);
    {
        const ProfileStore store;
        OrgProfile existing;
        QString ignored;
        if (CliProfiles::find(store, m_profile.displayName, &existing, &ignored)) {
            output().error(tr("a profile named '%1' exists already (id %2); remove it first or "
                              "choose another name.")
                               .arg(existing.displayName, existing.id));
            finish(ExitCode::Usage);
            return;
        }
    }
    int exitCode = ExitCode::Ok;
    if (!readSecret(&exitCode)) {
        finish(exitCode);
        return;
    }
    m_secrets = new KeychainSecretStore(this);
    m_secrets->checkAvailable(this,
                              [this](const SecretResult& result) { onAvailable(result.ok, result.error); });
}

void ProfilesAddCommand::onAvailable(bool available, const QString& reason) {
    if (!available) {
        // The GUI can fall back to a session-only store; a command ends at once, so a secret
        // kept in memory would be gone before any other command could use it.
        output().error(tr("the system keychain is not available (%1); threatdesk keeps tokens and "
                          "keys only there, so nothing was stored.")
                           .arg(reason));
        finish(ExitCode::Failure);
        return;
    }
    // The secret is written first, under the new id, so a stored profile always has its secret.
    m_profile.id = OrgProfile::newId();
    const SecretKind kind = m_profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp
                                ? SecretKind::PrivateKey
                                : SecretKind::ApiToken;
    m_secrets->write(m_profile.id, kind, m_secret, this,
                     [this](const SecretResult& result) { onWritten(result.ok, result.error); });
    m_secret.fill('\0');
    m_secret.clear();
}

void ProfilesAddCommand::onWritten(bool ok, const QString& reason) {
    if (!ok) {
        output().error(
            tr("the secret could not be stored in the keychain: %1; nothing was stored.").arg(reason));
        finish(ExitCode::Failure);
        return;
    }
    ProfileStore store;
    QString error;
    const QString id = store.add(m_profile, &error);
    if (id.isEmpty()) {
        output().error(tr("the profile could not be stored: %1").arg(error));
        // Take the secret back out; the answer does not change the outcome.
        m_secrets->removeProfile(m_profile.id, this,
                                 [this](const SecretResult&) { finish(ExitCode::Usage); });
        return;
    }
    const OrgProfile stored = store.profile(id);
    if (output().isJson()) {
        QJsonObject object{{QStringLiteral("id"), id},
                           {QStringLiteral("name"), stored.displayName},
                           {QStringLiteral("orgUrl"), stored.orgUrl},
                           {QStringLiteral("authMethod"), OrgProfile::authMethodKey(stored.authMethod)}};
        if (!m_publicJwk.isEmpty())
            object.insert(QStringLiteral("publicJwk"), m_publicJwk);
        output().json(object);
    } else {
        output().line(tr("Added profile '%1' (%2) for %3, %4; the %5 is in the system keychain.")
                          .arg(stored.displayName, id, stored.orgUrl,
                               CliProfiles::authLabel(stored.authMethod),
                               stored.authMethod == OrgProfile::AuthMethod::ApiToken ? tr("API token")
                                                                                     : tr("private key")));
        if (!m_publicJwk.isEmpty()) {
            output().line(tr("Add this public key (JWK) to the Okta service app's client credentials:"));
            output().line(
                QString::fromUtf8(QJsonDocument(m_publicJwk).toJson(QJsonDocument::Indented)).trimmed());
        }
    }
    finish(ExitCode::Ok);
}
