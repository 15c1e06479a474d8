// ThreatInsightEditor against the in-process sandbox org over loopback: load, draft, save, the
// concurrent-change decision, Okta's errors, deleted zones kept, history. No sleeps.
#include "SandboxServer.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/SswsAuthProvider.h"
#include "history/HistoryStore.h"
#include "threatinsight/ThreatInsightEditor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString CorporateHq = QStringLiteral("nzoC0rpHq2M4nV8tB0g3");
const QString VpnEgress = QStringLiteral("nzoVpnEg6Lz3Kd9wF0g3");
const QString TorZone = QStringLiteral("nzoT0rAnn9Wc2Ye5j0g4");
const QString GoneZone = QStringLiteral("nzoG0neZ0ne000000000");
constexpr int SeededZones = 9;
constexpr int WaitMs = 5000;
const QString ProfileId = QStringLiteral("sandbox");

QStringList excludedOn(const SandboxServer& server) {
    QStringList ids;
    for (const QJsonValue& id :
         server.threatInsightConfiguration().value(QStringLiteral("excludeZones")).toArray())
        ids << id.toString();
    return ids;
}

QString actionOn(const SandboxServer& server) {
    return server.threatInsightConfiguration().value(QStringLiteral("action")).toString();
}
} // namespace

class TestThreatInsightEditor : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void loadReadsConfigurationAndZones();
    void loadFailureIsAnErrorWithOktasWords();
    void draftDirtyAndRevert();
    void saveSendsTheDraftAndAdoptsTheAnswer();
    void concurrentChangeThenSaveAnyway();
    void concurrentChangeThenAdoptServer();
    void concurrentChangeThenCancel();
    void sameContentSavedAgainIsStillAConcurrentChange();
    void deletedZoneGivesOktasCauses();
    void nonIpZoneIsRefusedWithTheCause();
    void failedPreSaveReadSendsNothing();
    void unknownZoneIdsAreKeptAndCanBeRemoved();
    void describeChangeNamesZones();
    void withoutClientNothingIsSent();

private:
    bool startServer(const SandboxOptions& options = {});
    std::unique_ptr<OktaClient> makeClient();
    bool loadEditor();
    // A colleague's change, through a second client, behind the editor's back.
    bool postBehindTheEditorsBack(const QString& action, const QStringList& zones);
    bool deleteZoneBehindTheEditorsBack(const QString& zoneId);
    QList<HistoryEntry> changes() const;

    QTemporaryDir m_dir;
    int m_run = 0; // a fresh history folder per test function
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<OktaClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<ThreatInsightEditor> m_editor;
};

bool TestThreatInsightEditor::startServer(const SandboxOptions& options) {
    m_editor.reset();
    m_client.reset();
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    if (!m_server->start(&error)) {
        qWarning("sandbox did not start: %s", qPrintable(error));
        return false;
    }
    m_client = makeClient();
    if (!m_client)
        return false;
    m_editor = std::make_unique<ThreatInsightEditor>(m_client.get());
    m_editor->setHistory(m_history.get(), ProfileId, QStringLiteral("Sandbox org"));
    return true;
}

std::unique_ptr<OktaClient> TestThreatInsightEditor::makeClient() {
    auto client = std::make_unique<OktaClient>(m_nam.get());
    QString error;
    if (!client->setBaseUrl(m_server->baseUrl().toString(), &error)) {
        qWarning("base URL refused: %s", qPrintable(error));
        return nullptr;
    }
    client->setTransferTimeoutMs(WaitMs);
    client->setAuthProvider(std::make_shared<SswsAuthProvider>(m_server->token()));
    return client;
}

bool TestThreatInsightEditor::loadEditor() {
    m_editor->load();
    if (m_editor->state() != ThreatInsightEditor::State::Loading)
        return false;
    QSignalSpy ready(m_editor.get(), &ThreatInsightEditor::stateChanged);
    return ready.wait(WaitMs) && m_editor->state() == ThreatInsightEditor::State::Ready;
}

bool TestThreatInsightEditor::postBehindTheEditorsBack(const QString& action, const QStringList& zones) {
    std::unique_ptr<OktaClient> other = makeClient();
    ThreatInsightConfiguration update;
    update.action = action;
    update.excludeZones = zones;
    OktaJob* job = other->updateThreatInsightConfiguration(update.toUpdateJson());
    QSignalSpy finished(job, &OktaJob::finished);
    if (!finished.wait(WaitMs))
        return false;
    return finished.first().first().value<OktaResult>().isSuccess();
}

bool TestThreatInsightEditor::deleteZoneBehindTheEditorsBack(const QString& zoneId) {
    std::unique_ptr<OktaClient> other = makeClient();
    OktaJob* job = other->request("DELETE", QStringLiteral("/api/v1/zones/") + zoneId);
    QSignalSpy finished(job, &OktaJob::finished);
    if (!finished.wait(WaitMs))
        return false;
    return finished.first().first().value<OktaResult>().httpStatus == 204;
}

QList<HistoryEntry> TestThreatInsightEditor::changes() const {
    QList<HistoryEntry> out;
    for (const HistoryEntry& entry : m_history->entries(ProfileId)) {
        if (entry.kind == HistoryEntry::Kind::ThreatInsightChange)
            out << entry;
    }
    return out;
}

void TestThreatInsightEditor::init() {
    QVERIFY(m_dir.isValid());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_history = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("data-%1").arg(++m_run)));
    QVERIFY(startServer());
}

void TestThreatInsightEditor::cleanup() {
    m_editor.reset();
    m_client.reset();
    m_server.reset();
    m_history.reset();
    m_nam.reset();
}

void TestThreatInsightEditor::loadReadsConfigurationAndZones() {
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Idle);
    QVERIFY(!m_editor->hasConfiguration());
    QSignalSpy zones(m_editor.get(), &ThreatInsightEditor::zonesChanged);
    QSignalSpy draft(m_editor.get(), &ThreatInsightEditor::draftChanged);
    QVERIFY(loadEditor());
    QVERIFY(m_editor->hasConfiguration());
    QCOMPARE(m_editor->configuration().action, QStringLiteral("audit"));
    QVERIFY(m_editor->configuration().excludeZones.isEmpty());
    QCOMPARE(m_editor->configuration().lastUpdated.toString(Qt::ISODateWithMs),
             QStringLiteral("2026-02-18T06:35:08.000Z"));
    QCOMPARE(m_editor->configuration().created.toString(Qt::ISODateWithMs),
             QStringLiteral("2025-10-07T06:36:55.000Z"));
    QCOMPARE(m_editor->zones().zones().size(), SeededZones);
    QCOMPARE(m_editor->draftAction(), QStringLiteral("audit"));
    QVERIFY(!m_editor->isDirty());
    QVERIFY(!m_editor->lastRequestId().isEmpty());
    QVERIFY(m_editor->errorMessage().isEmpty());
    QVERIFY(m_editor->unknownZoneIds().isEmpty());
    QCOMPARE(zones.count(), 1);
    QCOMPARE(draft.count(), 1);
    QCOMPARE(m_editor->zoneDisplayName(CorporateHq), QStringLiteral("Corporate HQ"));
    QCOMPARE(m_editor->excludedSummary(), QStringLiteral("no zone"));
}

void TestThreatInsightEditor::loadFailureIsAnErrorWithOktasWords() {
    m_server->injectFault(
        SandboxFault{SandboxFault::Kind::ServerError, 1, 0, QStringLiteral("/api/v1/zones")});
    QSignalSpy failed(m_editor.get(), &ThreatInsightEditor::loadFailed);
    m_editor->load();
    QVERIFY(failed.wait(WaitMs));
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Error);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("Listing the network zones failed")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("HTTP 500")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("request id")), qPrintable(message));
    QCOMPARE(m_editor->errorMessage(), message);
    QVERIFY(!m_editor->hasConfiguration());

    // A reload after the fault recovers.
    QVERIFY(loadEditor());
    QVERIFY(m_editor->errorMessage().isEmpty());
    QCOMPARE(m_editor->zones().zones().size(), SeededZones);
}

void TestThreatInsightEditor::draftDirtyAndRevert() {
    QVERIFY(loadEditor());
    QSignalSpy dirty(m_editor.get(), &ThreatInsightEditor::dirtyChanged);
    m_editor->setDraftAction(QStringLiteral("block"));
    QVERIFY(m_editor->isDirty());
    QCOMPARE(dirty.count(), 1);
    QCOMPARE(dirty.last().first().toBool(), true);
    m_editor->setZoneExcluded(CorporateHq, true);
    QVERIFY(m_editor->isZoneExcluded(CorporateHq));
    QCOMPARE(dirty.count(), 1); // still dirty: no new signal
    QCOMPARE(m_editor->excludedSummary(), QStringLiteral("Corporate HQ"));

    // Undoing each edit by hand is clean again.
    m_editor->setDraftAction(QStringLiteral("audit"));
    QVERIFY(m_editor->isDirty());
    m_editor->setZoneExcluded(CorporateHq, false);
    QVERIFY(!m_editor->isDirty());
    QCOMPARE(dirty.count(), 2);

    m_editor->setDraftAction(QStringLiteral("none"));
    m_editor->setZoneExcluded(VpnEgress, true);
    QVERIFY(m_editor->isDirty());
    m_editor->revert();
    QVERIFY(!m_editor->isDirty());
    QCOMPARE(m_editor->draftAction(), QStringLiteral("audit"));
    QVERIFY(m_editor->draftExcludedZones().isEmpty());
    QCOMPARE(dirty.last().first().toBool(), false);
}

void TestThreatInsightEditor::saveSendsTheDraftAndAdoptsTheAnswer() {
    QVERIFY(loadEditor());
    const QDateTime before = m_editor->configuration().lastUpdated;
    m_editor->setDraftAction(QStringLiteral("block"));
    m_editor->setZoneExcluded(CorporateHq, true);
    m_editor->setZoneExcluded(VpnEgress, true);
    QSignalSpy saved(m_editor.get(), &ThreatInsightEditor::saved);
    QSignalSpy concurrent(m_editor.get(), &ThreatInsightEditor::concurrentChange);
    m_editor->save();
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Saving);
    // Edits while a save is in flight would be lost under its answer: they are refused.
    QVERIFY(!m_editor->canEdit());
    m_editor->setDraftAction(QStringLiteral("none"));
    m_editor->setZoneExcluded(VpnEgress, false);
    m_editor->revert();
    QCOMPARE(m_editor->draftAction(), QStringLiteral("block"));
    QVERIFY(m_editor->isZoneExcluded(VpnEgress));
    QVERIFY(saved.wait(WaitMs));
    QCOMPARE(concurrent.count(), 0);
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Ready);
    QCOMPARE(actionOn(*m_server), QStringLiteral("block"));
    QCOMPARE(excludedOn(*m_server), (QStringList{CorporateHq, VpnEgress}));

    // The answer is the new loaded copy; nothing is dirty.
    QCOMPARE(m_editor->configuration().action, QStringLiteral("block"));
    QCOMPARE(m_editor->configuration().excludeZones, (QStringList{CorporateHq, VpnEgress}));
    QVERIFY(m_editor->configuration().lastUpdated != before);
    QCOMPARE(m_editor->configuration().lastUpdated.toString(Qt::ISODateWithMs),
             m_server->threatInsightConfiguration().value(QStringLiteral("lastUpdated")).toString());
    QVERIFY(!m_editor->isDirty());
    const QString requestId = saved.first().at(1).toString();
    QVERIFY(!requestId.isEmpty());
    QCOMPARE(m_editor->lastRequestId(), requestId);

    // A second save right after is not a concurrent change: our own POST moved lastUpdated.
    m_editor->setZoneExcluded(VpnEgress, false);
    m_editor->save();
    QVERIFY(saved.wait(WaitMs));
    QCOMPARE(concurrent.count(), 0);
    QCOMPARE(excludedOn(*m_server), QStringList{CorporateHq});

    const QList<HistoryEntry> recorded = changes();
    QCOMPARE(recorded.size(), 2);
    for (const HistoryEntry& entry : recorded) {
        QCOMPARE(entry.outcome, QStringLiteral("saved"));
        QCOMPARE(entry.profileId, ProfileId);
    }
    bool foundRequestId = false;
    for (const HistoryEntry& entry : recorded)
        foundRequestId = foundRequestId || entry.requestIds.contains(requestId);
    QVERIFY(foundRequestId);
}

void TestThreatInsightEditor::concurrentChangeThenSaveAnyway() {
    QVERIFY(loadEditor());
    m_editor->setZoneExcluded(VpnEgress, true);
    QVERIFY(postBehindTheEditorsBack(QStringLiteral("block"), {CorporateHq}));

    QSignalSpy concurrent(m_editor.get(), &ThreatInsightEditor::concurrentChange);
    QSignalSpy saved(m_editor.get(), &ThreatInsightEditor::saved);
    m_editor->save();
    QVERIFY(concurrent.wait(WaitMs));
    QVERIFY(m_editor->isAwaitingDecision());
    const auto serverNow = concurrent.first().at(0).value<ThreatInsightConfiguration>();
    const QString description = concurrent.first().at(1).toString();
    QCOMPARE(serverNow.action, QStringLiteral("block"));
    QCOMPARE(serverNow.excludeZones, QStringList{CorporateHq});
    QVERIFY2(description.contains(QStringLiteral("action audit → block")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("zones added: Corporate HQ")), qPrintable(description));
    // Nothing was sent while the admin decides.
    QCOMPARE(actionOn(*m_server), QStringLiteral("block"));
    QCOMPARE(excludedOn(*m_server), QStringList{CorporateHq});
    QCOMPARE(saved.count(), 0);

    m_editor->saveAnyway();
    QVERIFY(saved.wait(WaitMs));
    QVERIFY(!m_editor->isAwaitingDecision());
    QCOMPARE(actionOn(*m_server), QStringLiteral("audit"));
    QCOMPARE(excludedOn(*m_server), QStringList{VpnEgress});
    QVERIFY(!m_editor->isDirty());
    const QList<HistoryEntry> recorded = changes();
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.first().outcome, QStringLiteral("saved"));
}

void TestThreatInsightEditor::concurrentChangeThenAdoptServer() {
    QVERIFY(loadEditor());
    m_editor->setDraftAction(QStringLiteral("none"));
    QVERIFY(postBehindTheEditorsBack(QStringLiteral("block"), {CorporateHq, VpnEgress}));
    QSignalSpy concurrent(m_editor.get(), &ThreatInsightEditor::concurrentChange);
    m_editor->save();
    QVERIFY(concurrent.wait(WaitMs));
    QVERIFY2(concurrent.first().at(1).toString().contains(QStringLiteral("VPN Egress")),
             qPrintable(concurrent.first().at(1).toString()));

    QSignalSpy configuration(m_editor.get(), &ThreatInsightEditor::configurationChanged);
    m_editor->adoptServer();
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Loading);
    QVERIFY(configuration.wait(WaitMs));
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Ready);
    QCOMPARE(m_editor->configuration().action, QStringLiteral("block"));
    QCOMPARE(m_editor->draftAction(), QStringLiteral("block"));
    QCOMPARE(m_editor->draftExcludedZones(), (QStringList{CorporateHq, VpnEgress}));
    QVERIFY(!m_editor->isDirty());
    QCOMPARE(actionOn(*m_server), QStringLiteral("block"));
    QVERIFY(changes().isEmpty()); // nothing was attempted
}

void TestThreatInsightEditor::concurrentChangeThenCancel() {
    QVERIFY(loadEditor());
    m_editor->setDraftAction(QStringLiteral("none"));
    QVERIFY(postBehindTheEditorsBack(QStringLiteral("block"), {}));
    QSignalSpy concurrent(m_editor.get(), &ThreatInsightEditor::concurrentChange);
    m_editor->save();
    QVERIFY(concurrent.wait(WaitMs));
    m_editor->cancelSave();
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Ready);
    QVERIFY(!m_editor->isAwaitingDecision());
    QVERIFY(m_editor->isDirty());
    QCOMPARE(m_editor->draftAction(), QStringLiteral("none"));
    QCOMPARE(actionOn(*m_server), QStringLiteral("block"));
    // The decision calls are no-ops once decided.
    m_editor->saveAnyway();
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Ready);

    // Saving again asks again: the loaded copy is still the old one.
    m_editor->save();
    QVERIFY(concurrent.wait(WaitMs));
    QCOMPARE(concurrent.count(), 2);
    m_editor->cancelSave();
    QCOMPARE(actionOn(*m_server), QStringLiteral("block"));
}

void TestThreatInsightEditor::sameContentSavedAgainIsStillAConcurrentChange() {
    QVERIFY(loadEditor());
    m_editor->setDraftAction(QStringLiteral("block"));
    QVERIFY(postBehindTheEditorsBack(QStringLiteral("audit"), {}));
    QSignalSpy concurrent(m_editor.get(), &ThreatInsightEditor::concurrentChange);
    m_editor->save();
    QVERIFY(concurrent.wait(WaitMs));
    const QString description = concurrent.first().at(1).toString();
    QVERIFY2(description.contains(QStringLiteral("same action (audit)")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("2026-02-18T06:35:08.000Z")), qPrintable(description));
    m_editor->cancelSave();
}

void TestThreatInsightEditor::deletedZoneGivesOktasCauses() {
    QVERIFY(loadEditor());
    m_editor->setZoneExcluded(VpnEgress, true);
    QVERIFY(deleteZoneBehindTheEditorsBack(VpnEgress));
    QSignalSpy failed(m_editor.get(), &ThreatInsightEditor::saveFailed);
    m_editor->save();
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("HTTP 400")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("E0000001")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Api validation failed")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("excludeZones[0]: Zone '%1' does not exist").arg(VpnEgress)),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("[request id ")), qPrintable(message));
    QCOMPARE(m_editor->errorMessage(), message);
    // The draft stays so the admin can fix it.
    QCOMPARE(m_editor->state(), ThreatInsightEditor::State::Ready);
    QVERIFY(m_editor->isDirty());
    QVERIFY(excludedOn(*m_server).isEmpty());
    const QList<HistoryEntry> recorded = changes();
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.first().outcome, QStringLiteral("failed"));
}

void TestThreatInsightEditor::nonIpZoneIsRefusedWithTheCause() {
    QVERIFY(loadEditor());
    m_editor->setZoneExcluded(TorZone, true);
    QSignalSpy failed(m_editor.get(), &ThreatInsightEditor::saveFailed);
    m_editor->save();
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("only IP zones can be excluded")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Tor and anonymizers")), qPrintable(message));
}

void TestThreatInsightEditor::failedPreSaveReadSendsNothing() {
    QVERIFY(loadEditor());
    m_editor->setDraftAction(QStringLiteral("none"));
    const int before = m_server->requestCount();
    m_server->injectFault(
        SandboxFault{SandboxFault::Kind::ServerError, 1, 0, QStringLiteral("/api/v1/threats/configuration")});
    QSignalSpy failed(m_editor.get(), &ThreatInsightEditor::saveFailed);
    m_editor->save();
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("Nothing was saved")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("HTTP 500")), qPrintable(message));
    QCOMPARE(m_server->requestCount(), before + 1); // the GET only, no POST
    QCOMPARE(actionOn(*m_server), QStringLiteral("audit"));
    QVERIFY(m_editor->isDirty());
    QCOMPARE(changes().size(), 1);
    QCOMPARE(changes().first().outcome, QStringLiteral("failed"));
}

void TestThreatInsightEditor::unknownZoneIdsAreKeptAndCanBeRemoved() {
    // The org's configuration names a zone that is no longer in its zone list.
    const QString stateFile = m_dir.filePath(QStringLiteral("unknown-zone-state.json"));
    QFile file(stateFile);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    const QJsonObject state{
        {QStringLiteral("threatInsight"),
         QJsonObject{{QStringLiteral("action"), QStringLiteral("audit")},
                     {QStringLiteral("excludeZones"), QJsonArray{CorporateHq, GoneZone}}}}};
    file.write(QJsonDocument(state).toJson());
    file.close();
    SandboxOptions options;
    options.stateFile = stateFile;
    QVERIFY(startServer(options));
    QVERIFY(loadEditor());

    QCOMPARE(m_editor->unknownZoneIds(), QStringList{GoneZone});
    QCOMPARE(m_editor->zoneDisplayName(GoneZone), QStringLiteral("unknown zone %1").arg(GoneZone));
    QCOMPARE(m_editor->excludedSummary(), QStringLiteral("Corporate HQ, unknown zone %1").arg(GoneZone));
    QCOMPARE(m_editor->draftExcludedZones(), (QStringList{CorporateHq, GoneZone}));

    // Changing only the action keeps the unknown id: Okta's refusal proves it was sent.
    m_editor->setDraftAction(QStringLiteral("block"));
    QSignalSpy failed(m_editor.get(), &ThreatInsightEditor::saveFailed);
    m_editor->save();
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("excludeZones[1]: Zone '%1' does not exist").arg(GoneZone)),
             qPrintable(message));
    QCOMPARE(m_editor->unknownZoneIds(), QStringList{GoneZone});

    // Unchecking it keeps its row (it can be checked again) and the next save goes through.
    m_editor->setZoneExcluded(GoneZone, false);
    QCOMPARE(m_editor->unknownZoneIds(), QStringList{GoneZone});
    QVERIFY(!m_editor->isZoneExcluded(GoneZone));
    QSignalSpy saved(m_editor.get(), &ThreatInsightEditor::saved);
    m_editor->save();
    QVERIFY(saved.wait(WaitMs));
    QCOMPARE(actionOn(*m_server), QStringLiteral("block"));
    QCOMPARE(excludedOn(*m_server), QStringList{CorporateHq});
    QVERIFY(m_editor->unknownZoneIds().isEmpty());
}

void TestThreatInsightEditor::describeChangeNamesZones() {
    QVERIFY(loadEditor());
    ThreatInsightConfiguration from;
    from.action = QStringLiteral("audit");
    from.excludeZones = {CorporateHq, GoneZone};
    ThreatInsightConfiguration to;
    to.action = QStringLiteral("none");
    to.excludeZones = {CorporateHq, VpnEgress};
    QCOMPARE(m_editor->describeChange(from, to),
             QStringLiteral("action audit → none; zones added: VPN Egress; zones removed: unknown zone %1")
                 .arg(GoneZone));
    QCOMPARE(m_editor->describeChange(from, from),
             QStringLiteral("same action (audit) and the same excluded zones"));
}

void TestThreatInsightEditor::withoutClientNothingIsSent() {
    ThreatInsightEditor orphan(nullptr);
    QSignalSpy failed(&orphan, &ThreatInsightEditor::loadFailed);
    orphan.load();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(orphan.state(), ThreatInsightEditor::State::Error);
    QVERIFY(!orphan.errorMessage().isEmpty());
    orphan.save(); // not Ready: ignored
    QCOMPARE(orphan.state(), ThreatInsightEditor::State::Error);
    QVERIFY(!orphan.isDirty());
}

QTEST_GUILESS_MAIN(TestThreatInsightEditor)
#include "TestThreatInsightEditor.moc"
