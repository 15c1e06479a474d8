#pragma once

#include "profiles/OrgProfile.h"

#include <QList>
#include <QObject>
#include <memory>

class QSettings;

// The user's org profiles, persisted with QSettings. Only the known non-secret fields are ever
// written; tokens and keys belong to the SecretStore, which the owner keeps in step through
// profileRemoved(). The built-in sandbox profile is always listed first and is never stored.
class ProfileStore : public QObject {
    Q_OBJECT
public:
    static constexpr const char* OrganizationName = "ThreatDesk";
    static constexpr const char* ApplicationName = "threatdesk";

    // Uses QSettings in the platform's standard location for this user.
    explicit ProfileStore(QObject* parent = nullptr);
    // Uses `settings` (not owned; must outlive the store), e.g. a temporary INI file in tests.
    explicit ProfileStore(QSettings* settings, QObject* parent = nullptr);
    ~ProfileStore() override;

    // The sandbox first, then the stored profiles by name (case-insensitively).
    QList<OrgProfile> profiles() const;
    bool contains(const QString& id) const;
    // The profile, or one with an empty id when there is none.
    OrgProfile profile(const QString& id) const;

    // Validates, refuses a duplicate name and stores the normalised URL. Gives the new profile's
    // id (generated when `profile.id` is empty) or an empty string and the reason.
    QString add(const OrgProfile& profile, QString* error = nullptr);
    // Replaces an existing profile (matched by id); the sandbox cannot be edited.
    bool update(const OrgProfile& profile, QString* error = nullptr);
    // Forgets the profile and emits profileRemoved(id) so its secrets go too. False for the
    // sandbox or an unknown id.
    bool remove(const QString& id);

    // The profile to preselect at start-up; empty when it no longer exists.
    QString lastUsedProfileId() const;
    bool setLastUsedProfileId(const QString& id);

signals:
    void profilesChanged();
    void profileRemoved(const QString& id);

private:
    QList<OrgProfile> storedProfiles() const;
    bool readProfile(const QString& id, OrgProfile* profile) const;
    bool checkAndNormalize(OrgProfile* profile, QString* error) const;
    bool write(const OrgProfile& profile, QString* error);
    bool syncSettings(QString* error);

    std::unique_ptr<QSettings> m_ownedSettings;
    QSettings* m_settings;
};
