#include "profiles/OrgProfile.h"

#include "api/BaseUrlPolicy.h"
#include "profiles/ScopeSets.h"

#include <QUuid>

OrgProfile OrgProfile::sandbox() {
    OrgProfile profile;
    profile.id = QLatin1String(SandboxId);
    profile.displayName = tr("Sandbox org");
    profile.authMethod = AuthMethod::Sandbox;
    profile.useSystemProxy = false; // a loopback server must never be reached through a proxy
    return profile;
}

QUrl OrgProfile::normalizedOrgUrl(QString* error) const {
    return BaseUrlPolicy::normalize(orgUrl, error);
}

OrgUrlKind OrgProfile::classify(const QString& rawHost) {
    QString host = rawHost.trimmed().toLower();
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1); // "acme.okta.com." is the same name in absolute form
    if (BaseUrlPolicy::isLoopbackHost(host))
        return OrgUrlKind::Loopback;
    // A suffix match with the leading dot, so "evilokta.com" or "okta.com.evil.net" stay custom;
    // the bare domain is not an org either.
    if (host.endsWith(QLatin1String(".okta.com")))
        return OrgUrlKind::OktaProduction;
    if (host.endsWith(QLatin1String(".oktapreview.com")))
        return OrgUrlKind::OktaPreview;
    if (host.endsWith(QLatin1String(".okta-emea.com")))
        return OrgUrlKind::OktaEmea;
    return OrgUrlKind::Custom;
}

ProfileValidation OrgProfile::validate() const {
    ProfileValidation result;
    const QString name = displayName.trimmed();
    if (name.isEmpty())
        result.errors << tr("The profile needs a name.");
    else if (name.size() > 100)
        result.errors << tr("The profile name is too long (at most 100 characters).");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control) {
            result.errors << tr("The profile name must not contain control characters.");
            break;
        }
    }

    if (authMethod == AuthMethod::Sandbox || isSandbox()) {
        // Only the built-in profile may start the sandbox, and it never talks to a real host.
        if (!isSandbox() || authMethod != AuthMethod::Sandbox)
            result.errors << tr("Only the built-in sandbox profile can use the sandbox org.");
        if (!orgUrl.trimmed().isEmpty()) {
            const QUrl url = normalizedOrgUrl();
            if (!url.isValid() || classify(url.host()) != OrgUrlKind::Loopback)
                result.errors << tr("The sandbox org only runs on a loopback address.");
        }
        return result;
    }

    QString urlError;
    const QUrl url = normalizedOrgUrl(&urlError);
    if (url.isEmpty()) {
        result.errors << urlError;
    } else {
        const OrgUrlKind kind = classify(url.host());
        if (kind == OrgUrlKind::Loopback) {
            result.errors << tr("'%1' is a loopback address: only the built-in sandbox org runs there; "
                                "a real org URL must use https://.")
                                 .arg(url.host());
        } else if (url.scheme() != QLatin1String("https")) {
            result.errors << tr("The org URL must use https://.");
        } else if (kind == OrgUrlKind::Custom) {
            result.warnings << tr("'%1' is not an Okta domain (okta.com, oktapreview.com, okta-emea.com): "
                                  "fine for a custom domain, check the spelling.")
                                   .arg(url.host());
        }
    }

    if (authMethod == AuthMethod::OAuthServiceApp) {
        const QString client = clientId.trimmed();
        if (client.isEmpty())
            result.errors << tr("An OAuth service app needs its client id.");
        else if (client.contains(QLatin1Char(' ')) || client.contains(QLatin1Char('\t')))
            result.errors << tr("The client id must not contain spaces.");
        if (keyId.contains(QLatin1Char(' ')))
            result.errors << tr("The key id must not contain spaces.");
        if (scopes.isEmpty())
            result.errors << tr("Choose at least one scope for the OAuth service app.");
        for (const QString& scope : scopes) {
            if (scope.isEmpty() || scope.contains(QLatin1Char(' ')))
                result.errors << tr("'%1' is not a valid scope.").arg(scope);
            else if (!ScopeSets::isKnownScope(scope))
                result.warnings << tr("ThreatDesk does not use the scope '%1'; Okta refuses a token "
                                      "request with a scope the app was not granted.")
                                       .arg(scope);
        }
    }
    return result;
}

QString OrgProfile::authMethodKey(AuthMethod method) {
    switch (method) {
    case AuthMethod::ApiToken:
        return QStringLiteral("apiToken");
    case AuthMethod::OAuthServiceApp:
        return QStringLiteral("oauthServiceApp");
    case AuthMethod::Sandbox:
        return QStringLiteral("sandbox");
    }
    return {};
}

bool OrgProfile::authMethodFromKey(const QString& key, AuthMethod* method) {
    for (const AuthMethod candidate :
         {AuthMethod::ApiToken, AuthMethod::OAuthServiceApp, AuthMethod::Sandbox}) {
        if (key == authMethodKey(candidate)) {
            if (method)
                *method = candidate;
            return true;
        }
    }
    return false;
}

QString OrgProfile::newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool operator==(const OrgProfile& a, const OrgProfile& b) {
    return a.id == b.id && a.displayName == b.displayName && a.orgUrl == b.orgUrl &&
           a.authMethod == b.authMethod && a.clientId == b.clientId && a.keyId == b.keyId &&
           a.scopes == b.scopes && a.useSystemProxy == b.useSystemProxy;
}
