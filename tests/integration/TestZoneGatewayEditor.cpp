// ZoneGatewayEditor against the in-process sandbox org over loopback: block / unblock round trip,
// a colleague's gateway added between prepare and apply, exempt, the limit, unknown zones,
// Okta's failures with the request id, and the history. No sleeps.
#include "SandboxServer.h"

#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/SswsAuthProvider.h"
#include "history/HistoryStore.h"
#include "incident/ZoneGatewayEditor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString BlockedId = QStringLiteral("nzoBlkd3Rw8NcZ4pU1d6");
const QString ExemptId = QStringLiteral("nzoXmpt5Hd1QeW7rY1d6");
const QString ProfileId = QStringLiteral("sandbox");
constexpr int WaitMs = 5000;

QJsonObject zoneOn(const SandboxServer& server, const QString& id) {
    for (const QJsonValue& zone : server.zones()) {
        if (zone.toObject().value(QStringLiteral("id")).toString() == id)
            return zone.toObject();
    }
    return {};
}

QStringList gatewaysOn(const SandboxServer& server, const QString& id) {
    QStringList values;
    for (const QJsonValue& gateway : zoneOn(server, id).value(QStringLiteral("gateways")).toArray())
        values.append(gateway.toObject().value(QStringLiteral("value")).toString());
    return values;
}

QJsonArray cidrs(const QStringList& values) {
    QJsonArray array;
    for (const QString& value : values)
        array.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("CIDR")}, {QStringLiteral("value"), value}});
    return array;
}
} // namespace

class TestZoneGatewayEditor : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void blockThenUnblockRoundTrip();
    void gatewayAddedMeanwhileIsKept();
    void sameChangeMadeMeanwhileWritesNothing();
    void exemptOnTheDefaultExemptZone();
    void zoneByOtherNameAndCase();
    void zonesThatCannotTakeTheActionAreRefused();
    void overTheLimitIsRefused();
    void replanThatNoLongerFitsIsRefused();
    void unknownZoneNamesTheOrgsZones();
    void serverErrorOnThePutGivesTheRequestId();
    void cancelStopsWithoutSignal();
    void listZonesForThePicker();
    void cancellingTheWriteIsRecorded();

private:
    bool prepare(ZoneAction action, const QStringList& inputs, const QString& zone = {});
    bool apply(QString* requestId = nullptr);
    // A colleague's edit, through a second client, behind the editor's back.
    bool replaceBehindTheEditorsBack(const QString& id, const QJsonArray& gateways);
    QList<HistoryEntry> zoneChanges() const;

    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<OktaClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<ZoneGatewayEditor> m_editor;
};

void TestZoneGatewayEditor::init() {
    QVERIFY(m_dir.isValid());
    m_history = std::make_unique<HistoryStore>(m_dir.filePath(QString::number(++m_run)));
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<OktaClient>(m_nam.get());
    QVERIFY2(m_client->setBaseUrl(m_server->baseUrl().toString(), &error), qPrintable(error));
    m_client->setTransferTimeoutMs(WaitMs);
    m_client->setAuthProvider(std::make_shared<SswsAuthProvider>(m_server->token()));
    m_editor = std::make_unique<ZoneGatewayEditor>(m_client.get());
    m_editor->setHistory(m_history.get(), ProfileId, QStringLiteral("Sandbox org"));
}

void TestZoneGatewayEditor::cleanup() {
    m_editor.reset();
    m_client.reset();
    m_nam.reset();
    m_server.reset();
    m_history.reset();
}

bool TestZoneGatewayEditor::prepare(ZoneAction action, const QStringList& inputs, const QString& zone) {
    QSignalSpy planned(m_editor.get(), &ZoneGatewayEditor::planned);
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    m_editor->prepare(action, inputs, zone);
    if (!m_editor->isBusy())
        return false;
    if (!QTest::qWaitFor([&] { return !planned.isEmpty() || !failed.isEmpty(); }, WaitMs))
        return false;
    if (!failed.isEmpty())
        qWarning("prepare failed: %s", qPrintable(failed.first().first().toString()));
    return !planned.isEmpty() && !m_editor->isBusy();
}

bool TestZoneGatewayEditor::apply(QString* requestId) {
    QSignalSpy applied(m_editor.get(), &ZoneGatewayEditor::applied);
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    m_editor->apply();
    if (!QTest::qWaitFor([&] { return !applied.isEmpty() || !failed.isEmpty(); }, WaitMs))
        return false;
    if (!failed.isEmpty()) {
        qWarning("apply failed: %s", qPrintable(failed.first().first().toString()));
        return false;
    }
    if (requestId)
        *requestId = applied.first().at(2).toString();
    return true;
}

bool TestZoneGatewayEditor::replaceBehindTheEditorsBack(const QString& id, const QJsonArray& gateways) {
    OktaClient other(m_nam.get());
    other.setBaseUrl(m_server->baseUrl().toString());
    other.setAuthProvider(std::make_shared<SswsAuthProvider>(m_server->token()));
    QJsonObject body = zoneOn(*m_server, id);
    for (const char* readOnly : {"id", "created", "lastUpdated", "_links"})
        body.remove(QLatin1String(readOnly));
    body.insert(QStringLiteral("gateways"), gateways);
    if (body.value(QStringLiteral("name")).toString() == QLatin1String("DefaultExemptIpZone"))
        body.insert(QStringLiteral("useAsExemptList"), true);
    OktaJob* job = other.replaceZone(id, body);
    QSignalSpy finished(job, &OktaJob::finished);
    if (!finished.wait(WaitMs))
        return false;
    const OktaResult result = finished.first().first().value<OktaResult>();
    if (!result.isSuccess())
        qWarning("colleague's PUT failed: %s", qPrintable(result.describe()));
    return result.isSuccess();
}

QList<HistoryEntry> TestZoneGatewayEditor::zoneChanges() const {
    QList<HistoryEntry> changes;
    for (const HistoryEntry& entry : m_history->entries(ProfileId)) {
        if (entry.kind == HistoryEntry::Kind::ZoneChange)
            changes.append(entry);
    }
    return changes;
}

void TestZoneGatewayEditor::blockThenUnblockRoundTrip() {
    QCOMPARE(gatewaysOn(*m_server, BlockedId), QStringList{"203.0.113.66/32"});
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7"), QStringLiteral("2001:db8::7"),
                                        QStringLiteral("203.0.113.66")}));
    const ZoneGatewayChange& planned = m_editor->change();
    QVERIFY(planned.isValid());
    QCOMPARE(planned.zone().id, BlockedId);
    QCOMPARE(planned.changed().size(), 2);
    QCOMPARE(planned.unchanged().size(), 1);
    // Planning wrote nothing.
    QCOMPARE(gatewaysOn(*m_server, BlockedId), QStringList{"203.0.113.66/32"});

    QString blockId;
    QVERIFY(apply(&blockId));
    QCOMPARE(blockId.size(), 20);
    QCOMPARE(gatewaysOn(*m_server, BlockedId),
             (QStringList{"203.0.113.66/32", "198.51.100.7/32", "2001:db8::7/128"}));

    QVERIFY(prepare(ZoneAction::Unblock, {QStringLiteral("198.51.100.7/32"), QStringLiteral("8.8.8.8")}));
    QCOMPARE(m_editor->change().changed().size(), 1);
    QString unblockId;
    QVERIFY(apply(&unblockId));
    QVERIFY(unblockId != blockId);
    QCOMPARE(gatewaysOn(*m_server, BlockedId), (QStringList{"203.0.113.66/32", "2001:db8::7/128"}));

    const QList<HistoryEntry> changes = zoneChanges();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0].summary, QStringLiteral("unblock 1 in BlockedIpZone (3 \u2192 2 gateways)"));
    QCOMPARE(changes[0].outcome, QStringLiteral("saved"));
    QCOMPARE(changes[0].requestIds, QStringList{unblockId});
    QCOMPARE(changes[0].profileName, QStringLiteral("Sandbox org"));
    QVERIFY2(changes[0].details.contains(QLatin1String("Removed (1): 198.51.100.7/32")),
             qPrintable(changes[0].details));
    QCOMPARE(changes[1].summary, QStringLiteral("block 2 in BlockedIpZone (1 \u2192 3 gateways)"));
    QVERIFY2(changes[1].details.contains(QLatin1String("Added (2): 198.51.100.7/32, 2001:db8::7/128")),
             qPrintable(changes[1].details));
    QCOMPARE(changes[1].requestIds, QStringList{blockId});
}

void TestZoneGatewayEditor::gatewayAddedMeanwhileIsKept() {
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7")}));
    QCOMPARE(m_editor->change().gatewaysBefore(), 1);
    QVERIFY(replaceBehindTheEditorsBack(BlockedId, cidrs({"203.0.113.66/32", "192.0.2.44/32"})));
    QVERIFY(apply());
    QCOMPARE(gatewaysOn(*m_server, BlockedId),
             (QStringList{"203.0.113.66/32", "192.0.2.44/32", "198.51.100.7/32"}));
    // The change was re-planned on the fresh copy.
    QCOMPARE(m_editor->change().gatewaysBefore(), 2);
    QCOMPARE(m_editor->change().gatewaysAfter(), 3);
}

void TestZoneGatewayEditor::sameChangeMadeMeanwhileWritesNothing() {
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7")}));
    QVERIFY(replaceBehindTheEditorsBack(BlockedId, cidrs({"203.0.113.66/32", "198.51.100.7/32"})));
    const QString before = zoneOn(*m_server, BlockedId).value(QStringLiteral("lastUpdated")).toString();
    QSignalSpy served(m_server.get(), &SandboxServer::requestServed);
    QVERIFY(apply());
    QVERIFY(!m_editor->change().hasChanges());
    for (const QList<QVariant>& request : served)
        QVERIFY2(request.at(0).toString() != QLatin1String("PUT"), "a PUT was sent for nothing");
    QCOMPARE(zoneOn(*m_server, BlockedId).value(QStringLiteral("lastUpdated")).toString(), before);
    QVERIFY(zoneChanges().isEmpty());
}

void TestZoneGatewayEditor::exemptOnTheDefaultExemptZone() {
    QVERIFY(prepare(ZoneAction::Exempt, {QStringLiteral("198.51.100.9"), QStringLiteral("192.0.2.25")}));
    QCOMPARE(m_editor->change().zone().id, ExemptId);
    QCOMPARE(m_editor->change().coveredNotes().size(), 1); // 192.0.2.25 is in 192.0.2.20-192.0.2.29
    QVERIFY(m_editor->change().requestBody().value(QStringLiteral("useAsExemptList")).toBool());
    QVERIFY(apply());
    QCOMPARE(gatewaysOn(*m_server, ExemptId),
             (QStringList{"192.0.2.10/32", "192.0.2.20-192.0.2.29", "198.51.100.9/32"}));
    QVERIFY(prepare(ZoneAction::Unexempt, {QStringLiteral("192.0.2.10")}));
    QVERIFY(apply());
    QCOMPARE(gatewaysOn(*m_server, ExemptId), (QStringList{"192.0.2.20-192.0.2.29", "198.51.100.9/32"}));
    QCOMPARE(zoneChanges().first().summary,
             QStringLiteral("unexempt 1 in DefaultExemptIpZone (3 \u2192 2 gateways)"));
}

void TestZoneGatewayEditor::zoneByOtherNameAndCase() {
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("192.0.2.200")}, QStringLiteral("known bad actors")));
    QCOMPARE(m_editor->change().zone().name, QStringLiteral("Known Bad Actors"));
    QVERIFY(apply());
    QVERIFY(gatewaysOn(*m_server, QStringLiteral("nzoBadAct4Gm8Ts6P0g3"))
                .contains(QStringLiteral("192.0.2.200/32")));
    QCOMPARE(gatewaysOn(*m_server, BlockedId), QStringList{"203.0.113.66/32"});
    // By id.
    QVERIFY(prepare(ZoneAction::Unblock, {QStringLiteral("192.0.2.200")},
                    QStringLiteral("nzoBadAct4Gm8Ts6P0g3")));
    QVERIFY(apply());
    QVERIFY(!gatewaysOn(*m_server, QStringLiteral("nzoBadAct4Gm8Ts6P0g3"))
                 .contains(QStringLiteral("192.0.2.200/32")));
}

void TestZoneGatewayEditor::zonesThatCannotTakeTheActionAreRefused() {
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("192.0.2.200")}, QStringLiteral("Corporate HQ")));
    QVERIFY(!m_editor->change().isValid());
    QCOMPARE(m_editor->change().refusal(),
             QStringLiteral(
                 "Corporate HQ is a POLICY zone: blocking needs a BLOCKLIST zone such as BlockedIpZone"));
    QVERIFY(prepare(ZoneAction::Exempt, {QStringLiteral("192.0.2.200")}, QStringLiteral("BlockedIpZone")));
    QVERIFY(m_editor->change().refusal().startsWith(QLatin1String("BlockedIpZone is a BLOCKLIST zone")));
    QVERIFY(
        prepare(ZoneAction::Block, {QStringLiteral("192.0.2.200")}, QStringLiteral("Tor and anonymizers")));
    QVERIFY(m_editor->change().refusal().startsWith(QLatin1String("Tor and anonymizers is a DYNAMIC zone")));
    // apply() on a refused plan writes nothing and says why.
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    m_editor->apply();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().startsWith(
        QLatin1String("Nothing was written: Tor and anonymizers")));
    QVERIFY(!m_editor->isBusy());
}

void TestZoneGatewayEditor::overTheLimitIsRefused() {
    QStringList many;
    for (int i = 0; i < 1000; ++i)
        many.append(QStringLiteral("10.0.%1.%2/32").arg(i / 256).arg(i % 256));
    QVERIFY(replaceBehindTheEditorsBack(BlockedId, cidrs(many)));
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7"), QStringLiteral("10.0.0.1")}));
    QCOMPARE(m_editor->change().refusal(),
             QStringLiteral(
                 "BlockedIpZone holds at most 1,000 gateways (Okta's limit for BLOCKLIST zones): it has "
                 "1,000, adding 1 would make 1,001"));
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    m_editor->apply();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(gatewaysOn(*m_server, BlockedId).size(), 1000);
    // Removing is fine at the limit.
    QVERIFY(prepare(ZoneAction::Unblock, {QStringLiteral("10.0.0.1")}));
    QVERIFY(apply());
    QCOMPARE(gatewaysOn(*m_server, BlockedId).size(), 999);
}

void TestZoneGatewayEditor::replanThatNoLongerFitsIsRefused() {
    QStringList many;
    for (int i = 0; i < 999; ++i)
        many.append(QStringLiteral("10.0.%1.%2/32").arg(i / 256).arg(i % 256));
    QVERIFY(replaceBehindTheEditorsBack(BlockedId, cidrs(many)));
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7")}));
    QVERIFY(m_editor->change().isValid());
    QVERIFY(replaceBehindTheEditorsBack(BlockedId, cidrs(many + QStringList{"192.0.2.1/32"})));
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    m_editor->apply();
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QLatin1String("Nothing was written: BlockedIpZone changed since it was read: "
                                              "BlockedIpZone holds at most 1,000 gateways")),
             qPrintable(message));
    QVERIFY(!m_editor->failureHasResult());
    QVERIFY(!gatewaysOn(*m_server, BlockedId).contains(QStringLiteral("198.51.100.7/32")));
    const QList<HistoryEntry> changes = zoneChanges();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].outcome, QStringLiteral("failed"));
    QVERIFY(changes[0].summary.startsWith(QLatin1String("failed: block 1 in BlockedIpZone")));
    QVERIFY(changes[0].details.contains(message));
}

void TestZoneGatewayEditor::unknownZoneNamesTheOrgsZones() {
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    QSignalSpy planned(m_editor.get(), &ZoneGatewayEditor::planned);
    m_editor->prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7")}, QStringLiteral("No Such Zone"));
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(
        message.startsWith(QLatin1String("no network zone is named or has the id 'No Such Zone'; zones in "
                                         "this org: LegacyIpZone, BlockedIpZone, DefaultExemptIpZone")),
        qPrintable(message));
    QVERIFY(!m_editor->failureHasResult());
    QVERIFY(planned.isEmpty());
    QVERIFY(!m_editor->isBusy());
}

void TestZoneGatewayEditor::serverErrorOnThePutGivesTheRequestId() {
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7")}));
    // The fault is armed once the fresh GET has been answered, so it hits the PUT.
    const QString path = QStringLiteral("/api/v1/zones/") + BlockedId;
    QStringList methods;
    connect(m_server.get(), &SandboxServer::requestServed, this,
            [this, &methods, path](const QString& method, const QString& served, int) {
                methods.append(method);
                if (method == QLatin1String("GET") && served == path)
                    m_server->injectFault(SandboxFault{SandboxFault::Kind::ServerError, 1, 0, path});
            });
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    m_editor->apply();
    QVERIFY(failed.wait(WaitMs));
    disconnect(m_server.get(), &SandboxServer::requestServed, this, nullptr);
    QCOMPARE(methods, (QStringList{"GET", "PUT"}));
    const QString message = failed.first().first().toString();
    QVERIFY(m_editor->failureHasResult());
    const OktaResult& result = m_editor->failureResult();
    QCOMPARE(result.httpStatus, 500);
    QCOMPARE(result.requestId.size(), 20);
    QVERIFY2(
        message.startsWith(QLatin1String("Okta refused the change of BlockedIpZone: PUT /api/v1/zones/")),
        qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("HTTP 500")) && message.contains(result.requestId),
             qPrintable(message));
    QCOMPARE(gatewaysOn(*m_server, BlockedId), QStringList{"203.0.113.66/32"});
    const QList<HistoryEntry> changes = zoneChanges();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].outcome, QStringLiteral("failed"));
    QCOMPARE(changes[0].requestIds, QStringList{result.requestId});
}

void TestZoneGatewayEditor::cancelStopsWithoutSignal() {
    QSignalSpy planned(m_editor.get(), &ZoneGatewayEditor::planned);
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    QSignalSpy busy(m_editor.get(), &ZoneGatewayEditor::busyChanged);
    m_editor->prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7")});
    QVERIFY(m_editor->isBusy());
    m_editor->cancel();
    QVERIFY(!m_editor->isBusy());
    QCOMPARE(busy.size(), 2);
    // A later prepare works and only its answer arrives.
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.8")}));
    QCOMPARE(planned.size(), 1);
    QVERIFY(failed.isEmpty());
    QCOMPARE(m_editor->change().changed().first().value, QStringLiteral("198.51.100.8/32"));
}

void TestZoneGatewayEditor::listZonesForThePicker() {
    QSignalSpy listed(m_editor.get(), &ZoneGatewayEditor::zonesListed);
    QSignalSpy planned(m_editor.get(), &ZoneGatewayEditor::planned);
    m_editor->listZones();
    // Independent of prepare(): both run at once.
    m_editor->prepare(ZoneAction::Block, {QStringLiteral("198.51.100.77")});
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(planned.count(), 1, WaitMs);
    const auto zones = listed.at(0).at(0).value<QList<NetworkZone>>();
    QCOMPARE(zones.size(), m_server->zones().size());
    QStringList names;
    for (const NetworkZone& zone : zones)
        names << zone.name;
    QVERIFY(names.contains(QStringLiteral("BlockedIpZone")));
    QVERIFY(names.contains(QStringLiteral("DefaultExemptIpZone")));

    // A failing listing says nothing: the picker keeps what it has, the name can be typed.
    QSignalSpy answered(m_nam.get(), &QNetworkAccessManager::finished);
    m_server->injectFault(SandboxFault{SandboxFault::Kind::ServerError, 1, 0, {}});
    m_editor->listZones();
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, WaitMs);
    QCOMPARE(listed.count(), 1);
    // And the next listing works again.
    m_editor->listZones();
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 2, WaitMs);
}

void TestZoneGatewayEditor::cancellingTheWriteIsRecorded() {
    QVERIFY(prepare(ZoneAction::Block, {QStringLiteral("198.51.100.7")}));
    QSignalSpy busy(m_editor.get(), &ZoneGatewayEditor::busyChanged);
    QSignalSpy applied(m_editor.get(), &ZoneGatewayEditor::applied);
    QSignalSpy failed(m_editor.get(), &ZoneGatewayEditor::failed);
    // Once the fresh read is answered, the PUT is the next request: hold its answer back.
    QSignalSpy answered(m_nam.get(), &QNetworkAccessManager::finished);
    connect(m_nam.get(), &QNetworkAccessManager::finished, this, [this, &answered] {
        if (answered.count() == 1)
            m_server->injectFault(SandboxFault{SandboxFault::Kind::Stall, 1, 60000, {}});
    });
    m_editor->apply();
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, WaitMs);
    QVERIFY(m_editor->isBusy()); // the PUT is on its way
    m_editor->cancel();
    QVERIFY(!m_editor->isBusy());
    // One busy period for the whole apply (read, then write), and no signal after cancel().
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QVERIFY(applied.isEmpty());
    QVERIFY(failed.isEmpty());
    // The attempt is in History: it may have reached Okta.
    const QList<HistoryEntry> changes = zoneChanges();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().outcome, QStringLiteral("failed"));
    QVERIFY2(changes.first().details.contains(QLatin1String("may or may not have been saved")),
             qPrintable(changes.first().details));
    m_server->clearFaults();
}

QTEST_GUILESS_MAIN(TestZoneGatewayEditor)
#include "TestZoneGatewayEditor.moc"
