#pragma once

#include "api/OktaResult.h"
#include "threatinsight/ThreatInsightConfiguration.h"
#include "threatinsight/ZoneCatalogue.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

class HistoryStore;
class OktaClient;
class OktaJob;

// The ThreatInsight screen's state, without widgets: the configuration as the server last said
// (the loaded copy), the admin's draft (action + excluded zone ids) and the org's zones. Saving
// re-reads the configuration first; when someone else changed it meanwhile, concurrentChange()
// is emitted and nothing is sent until the caller decides (saveAnyway / adoptServer /
// cancelSave). Excluded ids that are not in the zone list (deleted zones) stay in the draft
// until the admin unchecks them, so a save never drops them silently.
class ThreatInsightEditor : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Loading, Ready, Saving, Error };
    Q_ENUM(State)

    // `client` is not owned; the editor must be deleted before it (OrgSession::closing()).
    explicit ThreatInsightEditor(OktaClient* client, QObject* parent = nullptr);
    ~ThreatInsightEditor() override;

    // Every save attempt (ok or failed) is appended to `history` (may be null) for this profile.
    void setHistory(HistoryStore* history, const QString& profileId, const QString& profileName);

    State state() const { return m_state; }
    bool hasConfiguration() const { return m_hasConfiguration; }
    // The configuration as the server last answered it (GET at load, or the POST's answer).
    const ThreatInsightConfiguration& configuration() const { return m_loaded; }
    const ZoneCatalogue& zones() const { return m_zones; }
    // Zones that did not parse at load (one line each); they are left out of the list.
    const QStringList& zoneWarnings() const { return m_zoneWarnings; }
    // The last error (Okta's summary, causes and request id), empty when the last step worked.
    QString errorMessage() const { return m_error; }
    // The request id of the last answer that updated the loaded copy.
    QString lastRequestId() const { return m_lastRequestId; }
    // True between concurrentChange() and the caller's decision.
    bool isAwaitingDecision() const { return m_awaitingDecision; }

    // GET configuration and list every zone, in parallel; a draft is discarded.
    void load();

    QString draftAction() const { return m_draftAction; }
    const QStringList& draftExcludedZones() const { return m_draftZones; }
    ThreatInsightConfiguration draft() const;
    // Edits are taken only when Ready: a load or a save in flight would overwrite them.
    bool canEdit() const { return m_state == State::Ready && m_hasConfiguration; }
    void setDraftAction(const QString& action);
    void setZoneExcluded(const QString& zoneId, bool excluded);
    bool isZoneExcluded(const QString& zoneId) const { return m_draftZones.contains(zoneId); }
    bool isDirty() const;
    void revert();

    // Excluded ids (loaded or drafted since the load) that are not in the zone list, in order of
    // appearance: the zone picker shows them as "unknown zone <id>" rows.
    const QStringList& unknownZoneIds() const { return m_unknownIds; }
    // The zone's name, or "unknown zone <id>".
    QString zoneDisplayName(const QString& zoneId) const;
    // "Corporate HQ, unknown zone nzo…" or "no zone".
    QString excludedSummary() const;
    // "action audit → block; zones added: A; zones removed: B", or a sentence saying nothing changed.
    QString describeChange(const ThreatInsightConfiguration& from,
                           const ThreatInsightConfiguration& to) const;

    // Re-reads the configuration, then POSTs the draft, or emits concurrentChange().
    void save();
    // After concurrentChange(): overwrite the server's state with the draft.
    void saveAnyway();
    // After concurrentChange(): discard the draft and reload the server's state.
    void adoptServer();
    // After concurrentChange(): send nothing, keep the draft.
    void cancelSave();

signals:
    void stateChanged(ThreatInsightEditor::State state);
    // The zone list or the set of unknown zone rows changed (load, save, adopt): re-read all.
    void zonesChanged();
    // The loaded copy changed (load finished, save succeeded).
    void configurationChanged();
    // The draft's action or zones changed (edit, revert, load, save).
    void draftChanged();
    void dirtyChanged(bool dirty);
    // Saving found the configuration changed on the server since it was loaded.
    void concurrentChange(const ThreatInsightConfiguration& serverNow, const QString& description);
    void saved(const ThreatInsightConfiguration& configuration, const QString& requestId);
    void saveFailed(const QString& message);
    void loadFailed(const QString& message);
    // The save went through but could not be written to the history (the reason).
    void historyRecordFailed(const QString& reason);

private:
    void setState(State state);
    void abortJobs();
    void onConfigurationLoaded(quint64 generation, const OktaResult& result);
    void onZonesLoaded(quint64 generation, const OktaResult& result);
    void finishLoadIfComplete();
    void onPreSaveCheck(quint64 generation, const OktaResult& result);
    void post();
    void onPosted(quint64 generation, const ThreatInsightConfiguration& attempted, const OktaResult& result);
    void failSave(const QString& message, const ThreatInsightConfiguration& attempted,
                  const QString& requestId);
    void record(const ThreatInsightConfiguration& before, const ThreatInsightConfiguration& after, bool ok,
                const QString& error, const QString& requestId);
    void setDraft(const QString& action, const QStringList& zones);
    void noteUnknownIds(const QStringList& ids);
    void rebuildUnknownIds();
    void emitDirtyIfChanged();

    QPointer<OktaClient> m_client;
    QPointer<HistoryStore> m_history;
    QString m_profileId;
    QString m_profileName;

    State m_state = State::Idle;
    quint64 m_generation = 0; // answers of an older load/save are ignored
    QList<QPointer<OktaJob>> m_jobs;

    bool m_hasConfiguration = false;
    ThreatInsightConfiguration m_loaded;
    ZoneCatalogue m_zones;
    QStringList m_zoneWarnings;
    QStringList m_unknownIds;
    QString m_draftAction;
    QStringList m_draftZones;
    bool m_lastDirty = false;
    QString m_error;
    QString m_lastRequestId;

    // A load in flight: both halves must arrive.
    std::optional<ThreatInsightConfiguration> m_pendingConfiguration;
    std::optional<ZoneCatalogue> m_pendingZones;
    QString m_pendingConfigurationRequestId;
    QString m_pendingError;
    int m_pendingAnswers = 0;

    // The server's state found by the pre-save GET (the "before" of the change).
    ThreatInsightConfiguration m_serverBeforeSave;
    bool m_awaitingDecision = false;
};
