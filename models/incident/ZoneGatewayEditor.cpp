#include "incident/ZoneGatewayEditor.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/OktaResult.h"
#include "api/PagedListJob.h"
#include "history/HistoryStore.h"
#include "threatinsight/ZoneCatalogue.h"

#include <QDateTime>
#include <QJsonArray>

namespace {
QString zoneLabel(const NetworkZone& zone) {
    return zone.name.isEmpty() ? zone.id : zone.name;
}

// A 2xx whose body is not the zone we expect: a failure of the answer, not of the input.
OktaResult unreadable(const OktaResult& result, const QString& reason) {
    OktaResult copy = result;
    copy.outcome = OktaResult::Outcome::InvalidResponse;
    copy.detail = reason;
    return copy;
}

QStringList values(const QList<NetworkZone::Address>& addresses) {
    QStringList list;
    for (const NetworkZone::Address& address : addresses)
        list.append(address.value);
    return list;
}
} // namespace

ZoneGatewayEditor::ZoneGatewayEditor(OktaClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client) {}

ZoneGatewayEditor::~ZoneGatewayEditor() {
    recordIfWriting();
    // The jobs still finish (and delete themselves), but nobody listens any more.
    for (OktaJob* job : {m_job.data(), m_listJob.data()}) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

void ZoneGatewayEditor::listZones() {
    if (!m_client || m_listJob)
        return;
    m_listJob = m_client->listZones();
    connect(m_listJob, &OktaJob::finished, this, [this](const OktaResult& result) {
        m_listJob = nullptr;
        if (!result.isSuccess())
            return;
        QStringList warnings;
        emit zonesListed(ZoneCatalogue::fromJson(result.body.array(), &warnings).zones());
    });
}

void ZoneGatewayEditor::setHistory(HistoryStore* history, const QString& profileId,
                                   const QString& profileName) {
    m_history = history;
    m_profileId = profileId;
    m_profileName = profileName;
}

void ZoneGatewayEditor::prepare(ZoneAction action, const QStringList& inputs, const QString& zoneNameOrId) {
    cancel();
    m_action = action;
    m_inputs = inputs;
    m_zoneNameOrId =
        zoneNameOrId.trimmed().isEmpty() ? ZoneActions::defaultZoneName(action) : zoneNameOrId.trimmed();
    m_zoneId.clear();
    m_change = ZoneGatewayChange();
    m_planned = false;
    if (!m_client) {
        fail(tr("Not connected to an org."));
        return;
    }
    // The list resolves a name (or a case-insensitive one) to exactly one zone, never a guess.
    startJob(m_client->listZones(), &ZoneGatewayEditor::onListed);
}

void ZoneGatewayEditor::apply() {
    if (isBusy())
        return;
    if (!m_planned || !m_change.isValid() || !m_change.hasChanges()) {
        fail(m_planned && !m_change.isValid()
                 ? tr("Nothing was written: %1").arg(m_change.errors().join(QStringLiteral("; ")))
                 : tr("Nothing was written: there is no planned change to apply."));
        return;
    }
    if (!m_client) {
        fail(tr("Not connected to an org."));
        return;
    }
    // Okta has no conditional update: read the zone again so gateways added meanwhile survive.
    startJob(m_client->getZone(m_zoneId), &ZoneGatewayEditor::onFreshZoneRead);
}

void ZoneGatewayEditor::cancel() {
    if (!m_job)
        return;
    OktaJob* job = m_job;
    m_job = nullptr;
    job->disconnect(this);
    job->abort();
    recordIfWriting();
    emit busyChanged(false);
}

void ZoneGatewayEditor::recordIfWriting() {
    // The PUT may have reached Okta before it was cut off: History must still show the attempt.
    if (!m_writing)
        return;
    m_writing = false;
    record(false,
           tr("cancelled before Okta answered: the change may or may not have been saved; read the "
              "zone again to see"),
           {});
}

void ZoneGatewayEditor::startJob(OktaJob* job, void (ZoneGatewayEditor::*handler)(const OktaResult&)) {
    // A handler that chains the next step starts it while m_chaining is set: still busy.
    const bool wasBusy = isBusy() || m_chaining;
    m_job = job;
    connect(job, &OktaJob::finished, this, [this, job, handler](const OktaResult& result) {
        if (m_job != job)
            return;
        m_job = nullptr;
        m_chaining = true;
        (this->*handler)(result);
        m_chaining = false;
        if (!m_job)
            emit busyChanged(false);
    });
    if (!wasBusy)
        emit busyChanged(true);
}

void ZoneGatewayEditor::onListed(const OktaResult& result) {
    if (!result.isSuccess()) {
        failWith(tr("Listing the network zones failed: %1").arg(result.describe()), result);
        return;
    }
    QStringList warnings;
    const ZoneCatalogue catalogue = ZoneCatalogue::fromJson(result.body.array(), &warnings);
    const ZoneCatalogue::Resolution resolution = catalogue.resolve(m_zoneNameOrId);
    if (!resolution.zone) {
        QStringList names;
        for (const NetworkZone& zone : catalogue.zones())
            names.append(zone.name);
        fail(names.isEmpty()
                 ? tr("%1; the org has no network zones").arg(resolution.error)
                 : tr("%1; zones in this org: %2").arg(resolution.error, names.join(QStringLiteral(", "))));
        return;
    }
    m_zoneId = resolution.zone->id;
    // The list may be a page behind: plan on the zone itself, as it is now.
    startJob(m_client->getZone(m_zoneId), &ZoneGatewayEditor::onZoneRead);
}

void ZoneGatewayEditor::onZoneRead(const OktaResult& result) {
    if (!result.isSuccess()) {
        failWith(tr("Reading the zone %1 failed: %2").arg(m_zoneNameOrId, result.describe()), result);
        return;
    }
    QString error;
    const std::optional<NetworkZone> zone = NetworkZone::fromJson(result.body.object(), &error);
    if (!zone) {
        failWith(tr("The zone Okta sent is unreadable: %1 [request id %2]").arg(error, result.requestId),
                 unreadable(result, error));
        return;
    }
    m_change = ZoneGatewayChange::plan(*zone, m_action, m_inputs);
    m_planned = true;
    emit planned(m_change);
}

void ZoneGatewayEditor::onFreshZoneRead(const OktaResult& result) {
    if (!result.isSuccess()) {
        const QString message = tr("Nothing was written: re-reading %1 before the change failed: %2")
                                    .arg(zoneLabel(m_change.zone()), result.describe());
        record(false, message, result.requestId);
        failWith(message, result);
        return;
    }
    QString error;
    const std::optional<NetworkZone> fresh = NetworkZone::fromJson(result.body.object(), &error);
    if (!fresh) {
        const QString message =
            tr("Nothing was written: the zone Okta sent before the change is unreadable: %1 "
               "[request id %2]")
                .arg(error, result.requestId);
        record(false, message, result.requestId);
        failWith(message, unreadable(result, error));
        return;
    }
    m_change = ZoneGatewayChange::plan(*fresh, m_action, m_inputs);
    if (!m_change.isValid()) {
        const QString message = tr("Nothing was written: %1 changed since it was read: %2")
                                    .arg(zoneLabel(*fresh), m_change.errors().join(QStringLiteral("; ")));
        record(false, message, result.requestId);
        fail(message);
        return;
    }
    if (!m_change.hasChanges()) {
        // Someone made the same change meanwhile: the zone already is what the admin wants, and a
        // PUT would only bump lastUpdated. Nothing written, so nothing to record.
        m_planned = false;
        emit applied(m_change, *fresh, result.requestId);
        return;
    }
    m_writing = true;
    startJob(m_client->replaceZone(fresh->id, m_change.requestBody()), &ZoneGatewayEditor::onReplaced);
}

void ZoneGatewayEditor::onReplaced(const OktaResult& result) {
    m_writing = false;
    const QString name = zoneLabel(m_change.zone());
    if (!result.isSuccess()) {
        const QString message = tr("Okta refused the change of %1: %2").arg(name, result.describe());
        record(false, message, result.requestId);
        failWith(message, result);
        return;
    }
    m_planned = false;
    QString error;
    const std::optional<NetworkZone> answer = NetworkZone::fromJson(result.body.object(), &error);
    if (!answer) {
        // The PUT went through (2xx): record it as saved, but say the answer cannot be shown.
        const QString message =
            tr("Okta accepted the change of %1 but its answer is unreadable (%2); list the "
               "zones to see it [request id %3]")
                .arg(name, error, result.requestId);
        record(true, message, result.requestId);
        failWith(message, unreadable(result, error));
        return;
    }
    record(true, {}, result.requestId);
    emit applied(m_change, *answer, result.requestId);
}

void ZoneGatewayEditor::fail(const QString& message) {
    m_failureHasResult = false;
    m_failureResult = OktaResult();
    emit failed(message);
}

void ZoneGatewayEditor::failWith(const QString& message, const OktaResult& result) {
    m_failureHasResult = true;
    m_failureResult = result;
    emit failed(message);
}

void ZoneGatewayEditor::record(bool ok, const QString& error, const QString& requestId) {
    if (!m_history)
        return;
    HistoryStore::ZoneChange change;
    change.profileId = m_profileId;
    change.profileName = m_profileName;
    change.action = ZoneActions::word(m_action);
    change.zoneId = m_change.zone().id.isEmpty() ? m_zoneId : m_change.zone().id;
    change.zoneName = m_change.zone().name;
    (ZoneActions::adds(m_action) ? change.added : change.removed) = values(m_change.changed());
    change.gatewaysBefore = m_change.gatewaysBefore();
    change.gatewaysAfter = m_change.gatewaysAfter();
    change.ok = ok;
    change.error = error;
    change.requestId = requestId;
    change.when = QDateTime::currentDateTimeUtc();
    QString problem;
    if (!m_history->recordZoneChange(change, &problem))
        qWarning("ZoneGatewayEditor: the zone change could not be written to the history: %s",
                 qPrintable(problem));
}
