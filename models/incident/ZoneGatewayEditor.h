#pragma once

#include "api/OktaResult.h"
#include "incident/ZoneAction.h"
#include "incident/ZoneGatewayChange.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class HistoryStore;
class OktaClient;
class OktaJob;

// One block / unblock / exempt / unexempt, in two steps so the admin confirms what will change:
// prepare() finds the zone (by name or id, or the action's default zone) and reads it fresh,
// then emits planned(). apply() reads the zone AGAIN, re-plans on that copy (so gateways
// added by someone else in between are kept) and replaces it with one PUT of the whole zone.
// Every apply attempt, ok or failed, is appended to the history when one is set.
class ZoneGatewayEditor : public QObject {
    Q_OBJECT
public:
    explicit ZoneGatewayEditor(OktaClient* client, QObject* parent = nullptr);
    ~ZoneGatewayEditor() override;

    void setHistory(HistoryStore* history, const QString& profileId, const QString& profileName);

    // `zoneNameOrId` empty = ZoneActions::defaultZoneName(action). Emits planned() or failed().
    void prepare(ZoneAction action, const QStringList& inputs, const QString& zoneNameOrId = {});
    // Requires a planned, valid change with changes. Emits applied() or failed().
    void apply();
    // Aborts a running step; no signal follows. A PUT cut off this way (or by destroying the
    // editor) is recorded in the history as failed with "may or may not have been saved".
    void cancel();
    // The org's zones for a picker, independent of prepare/apply: emits zonesListed(), or
    // nothing when the listing fails (a zone can still be named by hand, and prepare() reports
    // any real problem with it).
    void listZones();

    bool isBusy() const { return !m_job.isNull(); }
    const ZoneGatewayChange& change() const { return m_change; }
    // After failed(): whether Okta's answer caused it (then failureResult() holds it, e.g. to map
    // it to an exit code) or the failure came before any answer (unknown zone, nothing planned).
    bool failureHasResult() const { return m_failureHasResult; }
    const OktaResult& failureResult() const { return m_failureResult; }

signals:
    void busyChanged(bool busy);
    // The plan to show; `change.isValid()` false means it cannot be applied (show errors()).
    void planned(const ZoneGatewayChange& change);
    // The PUT went through: `change` as re-planned on the fresh copy, `zone` as Okta answered.
    void applied(const ZoneGatewayChange& change, const NetworkZone& zone, const QString& requestId);
    // Okta refused or could not be reached (summary, causes and request id), or the zone is
    // unknown / ambiguous (the resolution error, with the org's zone names).
    void failed(const QString& message);
    void zonesListed(const QList<NetworkZone>& zones);

private:
    void startJob(OktaJob* job, void (ZoneGatewayEditor::*handler)(const OktaResult&));
    void onListed(const OktaResult& result);
    void onZoneRead(const OktaResult& result);
    void onFreshZoneRead(const OktaResult& result);
    void onReplaced(const OktaResult& result);
    void fail(const QString& message);
    void failWith(const QString& message, const OktaResult& result);
    void record(bool ok, const QString& error, const QString& requestId);
    void recordIfWriting();

    OktaClient* m_client;
    QPointer<OktaJob> m_job;
    QPointer<OktaJob> m_listJob; // listZones(), for the picker
    QPointer<HistoryStore> m_history;
    QString m_profileId;
    QString m_profileName;
    ZoneAction m_action = ZoneAction::Block;
    QStringList m_inputs;
    QString m_zoneNameOrId;
    QString m_zoneId;
    ZoneGatewayChange m_change;
    bool m_planned = false;
    bool m_writing = false;  // the PUT is on its way
    bool m_chaining = false; // a step's handler is running (it may start the next step)
    bool m_failureHasResult = false;
    OktaResult m_failureResult;
};
