#include "threatinsight/ThreatInsightEditor.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/OktaTime.h"
#include "api/PagedListJob.h"
#include "history/HistoryStore.h"

#include <QJsonArray>
#include <QSet>

namespace {
QSet<QString> toSet(const QStringList& list) {
    return QSet<QString>(list.cbegin(), list.cend());
}

bool sameZones(const QStringList& a, const QStringList& b) {
    return toSet(a) == toSet(b);
}

QString stamp(const QDateTime& time) {
    return time.isValid() ? OktaTime::format(time) : ThreatInsightEditor::tr("(none)");
}
} // namespace

ThreatInsightEditor::ThreatInsightEditor(OktaClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client) {}

ThreatInsightEditor::~ThreatInsightEditor() {
    // Our answers must not outlive us; the jobs still finish (and delete themselves).
    abortJobs();
}

void ThreatInsightEditor::setHistory(HistoryStore* history, const QString& profileId,
                                     const QString& profileName) {
    m_history = history;
    m_profileId = profileId;
    m_profileName = profileName;
}

void ThreatInsightEditor::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ThreatInsightEditor::abortJobs() {
    const QList<QPointer<OktaJob>> jobs = std::exchange(m_jobs, {});
    for (const QPointer<OktaJob>& job : jobs) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

// ---- load ----

void ThreatInsightEditor::load() {
    abortJobs();
    const quint64 generation = ++m_generation;
    m_awaitingDecision = false;
    m_pendingConfiguration.reset();
    m_pendingZones.reset();
    m_pendingConfigurationRequestId.clear();
    m_pendingError.clear();
    if (!m_client) {
        m_error = tr("Not connected to an org.");
        setState(State::Error);
        emit loadFailed(m_error);
        return;
    }
    m_error.clear();
    setState(State::Loading);
    m_pendingAnswers = 2;
    OktaJob* configJob = m_client->getThreatInsightConfiguration();
    connect(configJob, &OktaJob::finished, this,
            [this, generation](const OktaResult& result) { onConfigurationLoaded(generation, result); });
    PagedListJob* zonesJob = m_client->listZones();
    connect(zonesJob, &OktaJob::finished, this,
            [this, generation](const OktaResult& result) { onZonesLoaded(generation, result); });
    m_jobs = {configJob, zonesJob};
}

void ThreatInsightEditor::onConfigurationLoaded(quint64 generation, const OktaResult& result) {
    if (generation != m_generation)
        return;
    if (!result.isSuccess()) {
        m_pendingError += tr("Reading the ThreatInsight configuration failed: %1").arg(result.describe()) +
                          QLatin1Char('\n');
    } else {
        QString error;
        m_pendingConfiguration = ThreatInsightConfiguration::fromJson(result.body.object(), &error);
        if (!m_pendingConfiguration) {
            m_pendingError +=
                tr("The ThreatInsight configuration Okta sent is unreadable: %1 [request id %2]")
                    .arg(error, result.requestId) +
                QLatin1Char('\n');
        }
        m_pendingConfigurationRequestId = result.requestId;
    }
    --m_pendingAnswers;
    finishLoadIfComplete();
}

void ThreatInsightEditor::onZonesLoaded(quint64 generation, const OktaResult& result) {
    if (generation != m_generation)
        return;
    if (!result.isSuccess()) {
        m_pendingError +=
            tr("Listing the network zones failed: %1").arg(result.describe()) + QLatin1Char('\n');
    } else {
        QStringList warnings;
        m_pendingZones = ZoneCatalogue::fromJson(result.body.array(), &warnings);
        m_zoneWarnings = warnings;
    }
    --m_pendingAnswers;
    finishLoadIfComplete();
}

void ThreatInsightEditor::finishLoadIfComplete() {
    if (m_pendingAnswers > 0)
        return;
    m_jobs.clear();
    if (!m_pendingError.isEmpty() || !m_pendingConfiguration || !m_pendingZones) {
        m_error = m_pendingError.trimmed();
        setState(State::Error);
        emit loadFailed(m_error);
        return;
    }
    m_loaded = *m_pendingConfiguration;
    m_zones = *m_pendingZones;
    m_hasConfiguration = true;
    m_lastRequestId = m_pendingConfigurationRequestId;
    m_pendingConfiguration.reset();
    m_pendingZones.reset();
    m_unknownIds.clear();
    noteUnknownIds(m_loaded.excludeZones);
    m_draftAction = m_loaded.action;
    m_draftZones = m_loaded.excludeZones;
    emit zonesChanged();
    emit configurationChanged();
    emit draftChanged();
    emitDirtyIfChanged();
    setState(State::Ready);
}

// ---- draft ----

ThreatInsightConfiguration ThreatInsightEditor::draft() const {
    ThreatInsightConfiguration draft = m_loaded;
    draft.action = m_draftAction;
    draft.excludeZones = m_draftZones;
    return draft;
}

void ThreatInsightEditor::setDraftAction(const QString& action) {
    if (!canEdit() || action == m_draftAction)
        return;
    m_draftAction = action;
    emit draftChanged();
    emitDirtyIfChanged();
}

void ThreatInsightEditor::setZoneExcluded(const QString& zoneId, bool excluded) {
    if (!canEdit() || zoneId.isEmpty() || excluded == m_draftZones.contains(zoneId))
        return;
    if (excluded) {
        m_draftZones.append(zoneId);
        const qsizetype before = m_unknownIds.size();
        noteUnknownIds({zoneId});
        if (m_unknownIds.size() != before)
            emit zonesChanged();
    } else {
        m_draftZones.removeAll(zoneId);
    }
    emit draftChanged();
    emitDirtyIfChanged();
}

bool ThreatInsightEditor::isDirty() const {
    if (!m_hasConfiguration)
        return false;
    return m_draftAction != m_loaded.action || !sameZones(m_draftZones, m_loaded.excludeZones);
}

void ThreatInsightEditor::revert() {
    if (!canEdit())
        return;
    setDraft(m_loaded.action, m_loaded.excludeZones);
}

void ThreatInsightEditor::setDraft(const QString& action, const QStringList& zones) {
    m_draftAction = action;
    m_draftZones = zones;
    emit draftChanged();
    emitDirtyIfChanged();
}

void ThreatInsightEditor::emitDirtyIfChanged() {
    const bool dirty = isDirty();
    if (dirty == m_lastDirty)
        return;
    m_lastDirty = dirty;
    emit dirtyChanged(dirty);
}

void ThreatInsightEditor::noteUnknownIds(const QStringList& ids) {
    for (const QString& id : ids) {
        if (!m_zones.findById(id) && !m_unknownIds.contains(id))
            m_unknownIds.append(id);
    }
}

void ThreatInsightEditor::rebuildUnknownIds() {
    m_unknownIds.clear();
    noteUnknownIds(m_loaded.excludeZones);
    noteUnknownIds(m_draftZones);
}

QString ThreatInsightEditor::zoneDisplayName(const QString& zoneId) const {
    if (const NetworkZone* zone = m_zones.findById(zoneId))
        return zone->name.isEmpty() ? zoneId : zone->name;
    return tr("unknown zone %1").arg(zoneId);
}

QString ThreatInsightEditor::excludedSummary() const {
    if (m_draftZones.isEmpty())
        return tr("no zone");
    QStringList names;
    for (const QString& id : m_draftZones)
        names.append(zoneDisplayName(id));
    return names.join(QStringLiteral(", "));
}

QString ThreatInsightEditor::describeChange(const ThreatInsightConfiguration& from,
                                            const ThreatInsightConfiguration& to) const {
    QStringList parts;
    if (from.action != to.action)
        parts.append(tr("action %1 → %2").arg(from.action, to.action));
    QStringList added;
    QStringList removed;
    for (const QString& id : to.excludeZones) {
        if (!from.excludeZones.contains(id))
            added.append(zoneDisplayName(id));
    }
    for (const QString& id : from.excludeZones) {
        if (!to.excludeZones.contains(id))
            removed.append(zoneDisplayName(id));
    }
    if (!added.isEmpty())
        parts.append(tr("zones added: %1").arg(added.join(QStringLiteral(", "))));
    if (!removed.isEmpty())
        parts.append(tr("zones removed: %1").arg(removed.join(QStringLiteral(", "))));
    if (parts.isEmpty())
        return tr("same action (%1) and the same excluded zones").arg(to.action);
    return parts.join(QStringLiteral("; "));
}

// ---- save ----

void ThreatInsightEditor::save() {
    if (m_state != State::Ready || !m_hasConfiguration)
        return;
    const quint64 generation = ++m_generation;
    m_serverBeforeSave = m_loaded;
    if (!m_client) {
        failSave(tr("Not connected to an org."), draft(), {});
        return;
    }
    m_error.clear();
    setState(State::Saving);
    // Okta has no conditional update: re-read first so an admin never overwrites a colleague's
    // change unknowingly.
    OktaJob* job = m_client->getThreatInsightConfiguration();
    connect(job, &OktaJob::finished, this,
            [this, generation](const OktaResult& result) { onPreSaveCheck(generation, result); });
    m_jobs = {job};
}

void ThreatInsightEditor::onPreSaveCheck(quint64 generation, const OktaResult& result) {
    if (generation != m_generation)
        return;
    m_jobs.clear();
    if (!result.isSuccess()) {
        failSave(tr("Nothing was saved: re-reading the configuration before saving failed: %1")
                     .arg(result.describe()),
                 draft(), result.requestId);
        return;
    }
    QString error;
    const std::optional<ThreatInsightConfiguration> serverNow =
        ThreatInsightConfiguration::fromJson(result.body.object(), &error);
    if (!serverNow) {
        failSave(tr("Nothing was saved: the configuration Okta sent before saving is unreadable: %1 "
                    "[request id %2]")
                     .arg(error, result.requestId),
                 draft(), result.requestId);
        return;
    }
    m_serverBeforeSave = *serverNow;
    const bool changed = serverNow->lastUpdated != m_loaded.lastUpdated ||
                         serverNow->action != m_loaded.action ||
                         !sameZones(serverNow->excludeZones, m_loaded.excludeZones);
    if (!changed) {
        post();
        return;
    }
    // Names of zones the server now excludes that we have never seen still read as unknown.
    m_awaitingDecision = true;
    const QString description = tr("Changed on the server since you loaded it (last updated %1 → %2): %3.")
                                    .arg(stamp(m_loaded.lastUpdated), stamp(serverNow->lastUpdated),
                                         describeChange(m_loaded, *serverNow));
    emit concurrentChange(*serverNow, description);
}

void ThreatInsightEditor::saveAnyway() {
    if (!m_awaitingDecision)
        return;
    m_awaitingDecision = false;
    post();
}

void ThreatInsightEditor::adoptServer() {
    if (!m_awaitingDecision)
        return;
    m_awaitingDecision = false;
    load();
}

void ThreatInsightEditor::cancelSave() {
    if (!m_awaitingDecision)
        return;
    m_awaitingDecision = false;
    ++m_generation;
    setState(State::Ready);
}

void ThreatInsightEditor::post() {
    const quint64 generation = ++m_generation;
    const ThreatInsightConfiguration attempted = draft();
    if (!m_client) {
        failSave(tr("Not connected to an org."), attempted, {});
        return;
    }
    setState(State::Saving);
    OktaJob* job = m_client->updateThreatInsightConfiguration(attempted.toUpdateJson());
    connect(job, &OktaJob::finished, this, [this, generation, attempted](const OktaResult& result) {
        onPosted(generation, attempted, result);
    });
    m_jobs = {job};
}

void ThreatInsightEditor::onPosted(quint64 generation, const ThreatInsightConfiguration& attempted,
                                   const OktaResult& result) {
    if (generation != m_generation)
        return;
    m_jobs.clear();
    if (!result.isSuccess()) {
        failSave(tr("Saving failed: %1").arg(result.describe()), attempted, result.requestId);
        return;
    }
    QString error;
    const std::optional<ThreatInsightConfiguration> answer =
        ThreatInsightConfiguration::fromJson(result.body.object(), &error);
    if (!answer) {
        // The update may have been applied: say so, and let a reload show the truth.
        failSave(tr("Okta accepted the update but its answer is unreadable (%1); reload to see the "
                    "configuration now in force [request id %2]")
                     .arg(error, result.requestId),
                 attempted, result.requestId);
        return;
    }
    const ThreatInsightConfiguration before = m_serverBeforeSave;
    m_loaded = *answer;
    m_lastRequestId = result.requestId;
    m_error.clear();
    m_draftAction = m_loaded.action;
    m_draftZones = m_loaded.excludeZones;
    rebuildUnknownIds();
    record(before, m_loaded, true, {}, result.requestId);
    emit zonesChanged();
    emit configurationChanged();
    emit draftChanged();
    emitDirtyIfChanged();
    setState(State::Ready);
    emit saved(m_loaded, result.requestId);
}

void ThreatInsightEditor::failSave(const QString& message, const ThreatInsightConfiguration& attempted,
                                   const QString& requestId) {
    m_error = message;
    // The draft stays: the admin fixes it (e.g. unchecks a deleted zone) and saves again.
    record(m_serverBeforeSave, attempted, false, message, requestId);
    setState(State::Ready);
    emit saveFailed(message);
}

void ThreatInsightEditor::record(const ThreatInsightConfiguration& before,
                                 const ThreatInsightConfiguration& after, bool ok, const QString& error,
                                 const QString& requestId) {
    if (!m_history)
        return;
    HistoryStore::ThreatInsightChange change;
    change.profileId = m_profileId;
    change.profileName = m_profileName;
    change.before = before;
    change.after = after;
    change.ok = ok;
    change.error = error;
    change.requestId = requestId;
    change.when = QDateTime::currentDateTimeUtc();
    QString problem;
    if (!m_history->recordThreatInsightChange(
            change, [this](const QString& zoneId) { return zoneDisplayName(zoneId); }, &problem))
        emit historyRecordFailed(tr("The change could not be written to the history: %1").arg(problem));
}
