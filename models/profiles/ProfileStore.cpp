#include "profiles/ProfileStore.h"

#include <QSettings>
#include <algorithm>

namespace {
const QString kProfilesGroup = QStringLiteral("profiles");
const QString kLastUsedKey = QStringLiteral("lastUsedProfileId");
const QString kDisplayName = QStringLiteral("displayName");
const QString kOrgUrl = QStringLiteral("orgUrl");
const QString kAuthMethod = QStringLiteral("authMethod");
const QString kClientId = QStringLiteral("clientId");
const QString kKeyId = QStringLiteral("keyId");
const QString kScopes = QStringLiteral("scopes");
const QString kUseSystemProxy = QStringLiteral("useSystemProxy");

QString fail(QString* error, const QString& reason) {
    if (error)
        *error = reason;
    return {};
}

// Ids become QSettings group names: keep them to characters no backend treats specially.
bool isSafeId(const QString& id) {
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
               c == QLatin1Char('_');
    });
}
} // namespace

ProfileStore::ProfileStore(QObject* parent)
    : QObject(parent)
    , m_ownedSettings(std::make_unique<QSettings>(QSettings::UserScope, QLatin1String(OrganizationName),
                                                  QLatin1String(ApplicationName)))
    , m_settings(m_ownedSettings.get()) {}

ProfileStore::ProfileStore(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings) {}

ProfileStore::~ProfileStore() = default;

bool ProfileStore::readProfile(const QString& id, OrgProfile* profile) const {
    if (!isSafeId(id) || id == QLatin1String(OrgProfile::SandboxId))
        return false;
    m_settings->beginGroup(kProfilesGroup + QLatin1Char('/') + id);
    OrgProfile p;
    p.id = id;
    p.displayName = m_settings->value(kDisplayName).toString();
    p.orgUrl = m_settings->value(kOrgUrl).toString();
    const bool methodKnown =
        OrgProfile::authMethodFromKey(m_settings->value(kAuthMethod).toString(), &p.authMethod);
    p.clientId = m_settings->value(kClientId).toString();
    p.keyId = m_settings->value(kKeyId).toString();
    p.scopes = m_settings->value(kScopes).toStringList();
    p.useSystemProxy = m_settings->value(kUseSystemProxy, true).toBool();
    m_settings->endGroup();
    // A hand-edited or foreign entry that could not be a profile is ignored, not half-loaded.
    if (!methodKnown || p.authMethod == OrgProfile::AuthMethod::Sandbox || p.displayName.trimmed().isEmpty())
        return false;
    *profile = p;
    return true;
}

QList<OrgProfile> ProfileStore::storedProfiles() const {
    m_settings->beginGroup(kProfilesGroup);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    QList<OrgProfile> result;
    for (const QString& id : ids) {
        OrgProfile p;
        if (readProfile(id, &p))
            result << p;
    }
    std::sort(result.begin(), result.end(), [](const OrgProfile& a, const OrgProfile& b) {
        const int byName = a.displayName.compare(b.displayName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

QList<OrgProfile> ProfileStore::profiles() const {
    return QList<OrgProfile>{OrgProfile::sandbox()} + storedProfiles();
}

bool ProfileStore::contains(const QString& id) const {
    return !profile(id).id.isEmpty();
}

OrgProfile ProfileStore::profile(const QString& id) const {
    if (id == QLatin1String(OrgProfile::SandboxId))
        return OrgProfile::sandbox();
    OrgProfile p;
    if (readProfile(id, &p))
        return p;
    return {};
}

bool ProfileStore::checkAndNormalize(OrgProfile* profile, QString* error) const {
    if (profile->authMethod == OrgProfile::AuthMethod::Sandbox || profile->isSandbox()) {
        fail(error, tr("The built-in sandbox profile cannot be changed."));
        return false;
    }
    const ProfileValidation validation = profile->validate();
    if (!validation.isValid()) {
        fail(error, validation.errors.join(QLatin1Char('\n')));
        return false;
    }
    profile->displayName = profile->displayName.trimmed();
    for (const OrgProfile& other : profiles()) {
        if (other.id != profile->id &&
            other.displayName.compare(profile->displayName, Qt::CaseInsensitive) == 0) {
            fail(error, tr("A profile named '%1' already exists.").arg(other.displayName));
            return false;
        }
    }
    profile->orgUrl = profile->normalizedOrgUrl().toString();
    profile->clientId = profile->clientId.trimmed();
    profile->keyId = profile->keyId.trimmed();
    profile->scopes.removeDuplicates();
    return true;
}

bool ProfileStore::write(const OrgProfile& profile, QString* error) {
    const QString group = kProfilesGroup + QLatin1Char('/') + profile.id;
    // Remove first so nothing but the fields below survives, whatever an older version or a
    // hand edit left in the group.
    m_settings->remove(group);
    m_settings->beginGroup(group);
    m_settings->setValue(kDisplayName, profile.displayName);
    m_settings->setValue(kOrgUrl, profile.orgUrl);
    m_settings->setValue(kAuthMethod, OrgProfile::authMethodKey(profile.authMethod));
    m_settings->setValue(kUseSystemProxy, profile.useSystemProxy);
    if (profile.authMethod == OrgProfile::AuthMethod::OAuthServiceApp) {
        m_settings->setValue(kClientId, profile.clientId);
        m_settings->setValue(kKeyId, profile.keyId);
        m_settings->setValue(kScopes, profile.scopes);
    }
    m_settings->endGroup();
    return syncSettings(error);
}

bool ProfileStore::syncSettings(QString* error) {
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        fail(error, tr("The profiles could not be saved to %1.").arg(m_settings->fileName()));
        return false;
    }
    return true;
}

QString ProfileStore::add(const OrgProfile& input, QString* error) {
    OrgProfile p = input;
    if (p.id.isEmpty())
        p.id = OrgProfile::newId();
    if (p.isSandbox())
        return fail(error, tr("The built-in sandbox profile cannot be changed."));
    if (!isSafeId(p.id))
        return fail(error, tr("'%1' is not a valid profile id.").arg(p.id));
    if (contains(p.id))
        return fail(error, tr("A profile with the id '%1' already exists.").arg(p.id));
    if (!checkAndNormalize(&p, error))
        return {};
    if (!write(p, error))
        return {};
    emit profilesChanged();
    return p.id;
}

bool ProfileStore::update(const OrgProfile& input, QString* error) {
    OrgProfile p = input;
    if (p.isSandbox()) {
        fail(error, tr("The built-in sandbox profile cannot be changed."));
        return false;
    }
    if (!contains(p.id)) {
        fail(error, tr("There is no profile with the id '%1'.").arg(p.id));
        return false;
    }
    if (!checkAndNormalize(&p, error) || !write(p, error))
        return false;
    emit profilesChanged();
    return true;
}

bool ProfileStore::remove(const QString& id) {
    if (id == QLatin1String(OrgProfile::SandboxId) || !contains(id))
        return false;
    m_settings->remove(kProfilesGroup + QLatin1Char('/') + id);
    if (m_settings->value(kLastUsedKey).toString() == id)
        m_settings->remove(kLastUsedKey);
    syncSettings(nullptr);
    // Signalled even if the file could not be written: the secrets must go regardless.
    emit profileRemoved(id);
    emit profilesChanged();
    return true;
}

QString ProfileStore::lastUsedProfileId() const {
    const QString id = m_settings->value(kLastUsedKey).toString();
    return contains(id) ? id : QString();
}

bool ProfileStore::setLastUsedProfileId(const QString& id) {
    if (!contains(id))
        return false;
    m_settings->setValue(kLastUsedKey, id);
    return syncSettings(nullptr);
}
