// The ThreatInsight screen driven like an admin would, offscreen, against the in-process sandbox
// org: load, pick an action and zones, save (checked in the sandbox's state), the block
// confirmation, the concurrent-change prompt, Okta's errors, disabled non-IP zones. Dialogs are
// answered by ScriptedDialogHooks; widgets are found by objectName. No sleeps.
#include "GuiTestOrg.h"
#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"
#include "ThreatInsightPage.h"
#include "ZoneTableModel.h"
#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/SswsAuthProvider.h"
#include "history/HistoryStore.h"
#include "session/OrgSession.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace {
const QString CorporateHq = QStringLiteral("nzoC0rpHq2M4nV8tB0g3");
const QString VpnEgress = QStringLiteral("nzoVpnEg6Lz3Kd9wF0g3");
constexpr int SeededZones = 9;
constexpr int WaitMs = 5000;

QStringList excludedOn(const SandboxServer* server) {
    QStringList ids;
    for (const QJsonValue& id :
         server->threatInsightConfiguration().value(QStringLiteral("excludeZones")).toArray())
        ids << id.toString();
    return ids;
}

QString actionOn(const SandboxServer* server) {
    return server->threatInsightConfiguration().value(QStringLiteral("action")).toString();
}
} // namespace

class TestThreatInsightPage : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void loadShowsTheConfiguration();
    void pickAuditAndAZoneThenSave();
    void blockAsksForConfirmation();
    void concurrentChangeSaveOverwrites();
    void concurrentChangeDiscardShowsTheServersState();
    void nonIpZoneRowIsDisabled();
    void errorShowsOktasSummaryCausesAndRequestId();
    void dirtyStateAndRevert();
    void reloadWhileDirtyAsks();
    void filterNarrowsTheTable();
    void closingTheOrgDropsTheEditor();
    void pageActionsHaveShortcuts();
    void zoneTableIsBuiltWhenZonesArrive();

private:
    bool open(SandboxOptions options = {});
    template <typename T> T* child(const char* name) const {
        T* widget = m_page->findChild<T*>(QLatin1String(name));
        if (!widget)
            qWarning("no %s", name);
        return widget;
    }
    // The table is built when the first zones arrive; until then there is none.
    QAbstractItemModel* zones() const {
        auto* table = m_page->findChild<QTableView*>(QStringLiteral("zoneTable"));
        return table ? table->model() : nullptr;
    }
    QModelIndex excludeCell(const QString& name) const;
    bool isDirtyShown() const;
    // A colleague's change through a second client, behind the page's back.
    bool postBehindThePagesBack(const QString& action, const QStringList& zones);
    bool deleteZoneBehindThePagesBack(const QString& zoneId);
    OktaResult runJob(OktaJob* job);

    QTemporaryDir m_dir;
    std::unique_ptr<GuiTestOrg> m_org;
    std::unique_ptr<ThreatInsightPage> m_page;
    QNetworkAccessManager m_nam;
};

bool TestThreatInsightPage::open(SandboxOptions options) {
    m_page.reset();
    m_org = std::make_unique<GuiTestOrg>(std::move(options));
    if (!m_org->isValid())
        return false;
    m_page = std::make_unique<ThreatInsightPage>(m_org->session(), m_org->history(), m_org->hooks());
    m_page->resize(1000, 700);
    m_page->show();
    m_page->activateWindow(); // the shortcuts are window shortcuts
    if (!QTest::qWaitForWindowActive(m_page.get()))
        return false;
    m_org->openSandbox();
    // Loaded: every zone listed and the radios usable.
    bool loaded = QTest::qWaitFor(
        [this] {
            auto* audit = child<QRadioButton>("actionAudit");
            return zones() && zones()->rowCount() == SeededZones && audit && audit->isEnabled();
        },
        WaitMs);
    return loaded && m_org->sandbox();
}

QModelIndex TestThreatInsightPage::excludeCell(const QString& name) const {
    QAbstractItemModel* model = zones();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, ZoneTableModel::NameColumn).data().toString() == name)
            return model->index(r, ZoneTableModel::ExcludeColumn);
    }
    return {};
}

bool TestThreatInsightPage::isDirtyShown() const {
    return child<QLabel>("dirtyLabel")->isVisible() && m_page->isWindowModified() &&
           child<QToolButton>("saveButton")->isEnabled() && child<QToolButton>("revertButton")->isEnabled() &&
           m_page->hasUnsavedChanges();
}

OktaResult TestThreatInsightPage::runJob(OktaJob* job) {
    QSignalSpy finished(job, &OktaJob::finished);
    if (!finished.wait(WaitMs))
        return {};
    return finished.first().first().value<OktaResult>();
}

bool TestThreatInsightPage::postBehindThePagesBack(const QString& action, const QStringList& zoneIds) {
    OktaClient other(&m_nam);
    other.setBaseUrl(m_org->sandbox()->baseUrl().toString());
    other.setAuthProvider(std::make_shared<SswsAuthProvider>(m_org->sandbox()->token()));
    ThreatInsightConfiguration update;
    update.action = action;
    update.excludeZones = zoneIds;
    return runJob(other.updateThreatInsightConfiguration(update.toUpdateJson())).isSuccess();
}

bool TestThreatInsightPage::deleteZoneBehindThePagesBack(const QString& zoneId) {
    OktaClient other(&m_nam);
    other.setBaseUrl(m_org->sandbox()->baseUrl().toString());
    other.setAuthProvider(std::make_shared<SswsAuthProvider>(m_org->sandbox()->token()));
    return runJob(other.request("DELETE", QStringLiteral("/api/v1/zones/") + zoneId)).httpStatus == 204;
}

void TestThreatInsightPage::init() {
    QVERIFY(m_dir.isValid());
    QVERIFY(open());
}

void TestThreatInsightPage::cleanup() {
    m_page.reset();
    m_org.reset();
}

void TestThreatInsightPage::loadShowsTheConfiguration() {
    QVERIFY(child<QRadioButton>("actionAudit")->isChecked());
    QVERIFY(!child<QRadioButton>("actionNone")->isChecked());
    QVERIFY(!child<QRadioButton>("actionBlock")->isChecked());
    // Okta's meaning of each action, one line each.
    QCOMPARE(child<QLabel>("actionNoneDescription")->text(),
             ThreatInsightConfiguration::describeAction("none"));
    QCOMPARE(child<QLabel>("actionAuditDescription")->text(), QStringLiteral("log suspicious requests"));
    QCOMPARE(child<QLabel>("actionBlockDescription")->text(),
             QStringLiteral("log and block suspicious requests"));
    QCOMPARE(child<QLabel>("createdLabel")->toolTip(), QStringLiteral("2025-10-07T06:36:55.000Z"));
    QCOMPARE(child<QLabel>("lastUpdatedLabel")->toolTip(), QStringLiteral("2026-02-18T06:35:08.000Z"));
    QVERIFY(child<QLabel>("lastUpdatedLabel")->text() != QStringLiteral("—"));
    QCOMPARE(child<QLabel>("excludedSummaryLabel")->text(), QStringLiteral("no zone"));
    QVERIFY(child<QLabel>("defaultExemptNote")
                ->text()
                .contains(QStringLiteral("DefaultExemptIpZone is always exempt")));
    QVERIFY(!child<QLabel>("errorLabel")->isVisible());
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QStringLiteral("request id")));
    QVERIFY(!isDirtyShown());
    QVERIFY(!child<QToolButton>("saveButton")->isEnabled());
    QVERIFY(!child<QToolButton>("revertButton")->isEnabled());
    QVERIFY(child<QToolButton>("reloadButton")->isEnabled());
    QCOMPARE(zones()->columnCount(), 6);
    QCOMPARE(excludeCell(QStringLiteral("Corporate HQ")).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Unchecked);
}

void TestThreatInsightPage::pickAuditAndAZoneThenSave() {
    // An org with ThreatInsight off.
    const QString stateFile = m_dir.filePath(QStringLiteral("off.json"));
    QFile file(stateFile);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("threatInsight"),
                                          QJsonObject{{QStringLiteral("action"), QStringLiteral("none")}}}})
                   .toJson());
    file.close();
    SandboxOptions options;
    options.stateFile = stateFile;
    QVERIFY(open(options));
    QVERIFY(child<QRadioButton>("actionNone")->isChecked());

    QTest::mouseClick(child<QRadioButton>("actionAudit"), Qt::LeftButton);
    QVERIFY(child<QRadioButton>("actionAudit")->isChecked());
    QVERIFY(isDirtyShown());

    // Check Corporate HQ the way a keyboard user does: current cell, Space.
    auto* table = child<QTableView>("zoneTable");
    const QModelIndex hq = excludeCell(QStringLiteral("Corporate HQ"));
    QVERIFY(hq.isValid());
    table->setFocus();
    table->setCurrentIndex(hq);
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(hq.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(child<QLabel>("excludedSummaryLabel")->text(), QStringLiteral("Corporate HQ"));

    QSignalSpy status(m_page.get(), &ThreatInsightPage::statusMessage);
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(actionOn(m_org->sandbox()), QStringLiteral("audit"), WaitMs);
    QCOMPARE(excludedOn(m_org->sandbox()), QStringList{CorporateHq});
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, WaitMs);
    QCOMPARE(status.first().first().toString(), QStringLiteral("Saved: action audit, 1 zone(s) exempt"));
    QVERIFY(!isDirtyShown());
    QVERIFY(!child<QToolButton>("saveButton")->isEnabled());
    QVERIFY(child<QLabel>("statusLabel")->text().startsWith(QStringLiteral("Saved")));
    QCOMPARE(m_org->hooks()->askedCount(QStringLiteral("confirmBlockDialog")), 0);
    QCOMPARE(child<QLabel>("lastUpdatedLabel")->toolTip(),
             m_org->sandbox()->threatInsightConfiguration().value(QStringLiteral("lastUpdated")).toString());

    // The change is in the history of the sandbox profile.
    int saved = 0;
    for (const HistoryEntry& entry : m_org->history()->entries(QStringLiteral("sandbox")))
        saved +=
            entry.kind == HistoryEntry::Kind::ThreatInsightChange && entry.outcome == QLatin1String("saved");
    QCOMPARE(saved, 1);
}

void TestThreatInsightPage::blockAsksForConfirmation() {
    QTest::mouseClick(child<QRadioButton>("actionBlock"), Qt::LeftButton);
    QVERIFY(isDirtyShown());

    // Cancel: nothing is sent, the draft stays.
    m_org->hooks()->answer(QStringLiteral("confirmBlockDialog"), QMessageBox::Cancel);
    const int requestsBefore = m_org->sandbox()->requestCount();
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_org->hooks()->askedCount(QStringLiteral("confirmBlockDialog")), 1, WaitMs);
    QCOMPARE(m_org->hooks()->lastAsked(QStringLiteral("confirmBlockDialog"))->question.defaultButton,
             QMessageBox::Cancel);
    QCoreApplication::processEvents(); // let the scripted answer arrive (it is queued)
    QCOMPARE(m_org->sandbox()->requestCount(), requestsBefore);
    QCOMPARE(actionOn(m_org->sandbox()), QStringLiteral("audit"));
    QVERIFY(isDirtyShown());

    // Ok (through Ctrl+S this time): saved.
    m_org->hooks()->answer(QStringLiteral("confirmBlockDialog"), QMessageBox::Ok);
    QTest::keyClick(m_page.get(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_org->hooks()->askedCount(QStringLiteral("confirmBlockDialog")), 2, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(actionOn(m_org->sandbox()), QStringLiteral("block"), WaitMs);
    // The answer has arrived once the page says so (the server changes state before answering).
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("statusLabel")->text().startsWith(QStringLiteral("Saved")),
                             WaitMs);
    QVERIFY(!isDirtyShown());
    QVERIFY(child<QRadioButton>("actionBlock")->isChecked());

    // Already blocking: changing only the zones does not ask again.
    QVERIFY(zones()->setData(excludeCell(QStringLiteral("VPN Egress")), Qt::Checked, Qt::CheckStateRole));
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(excludedOn(m_org->sandbox()), QStringList{VpnEgress}, WaitMs);
    QCOMPARE(m_org->hooks()->askedCount(QStringLiteral("confirmBlockDialog")), 2);
}

void TestThreatInsightPage::concurrentChangeSaveOverwrites() {
    QTest::mouseClick(child<QRadioButton>("actionNone"), Qt::LeftButton);
    QVERIFY(postBehindThePagesBack(QStringLiteral("block"), {CorporateHq}));
    m_org->hooks()->answer(QStringLiteral("concurrentChangeDialog"), QMessageBox::Save);
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_org->hooks()->askedCount(QStringLiteral("concurrentChangeDialog")), 1,
                              WaitMs);
    const auto* asked = m_org->hooks()->lastAsked(QStringLiteral("concurrentChangeDialog"));
    QVERIFY2(asked->question.text.contains(QStringLiteral("action audit → block")),
             qPrintable(asked->question.text));
    QVERIFY2(asked->question.text.contains(QStringLiteral("zones added: Corporate HQ")),
             qPrintable(asked->question.text));
    QVERIFY2(asked->question.informativeText.contains(QStringLiteral("action audit → none")),
             qPrintable(asked->question.informativeText));
    QCOMPARE(asked->question.buttons, QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);

    // Save: ours overwrites theirs.
    QTRY_COMPARE_WITH_TIMEOUT(actionOn(m_org->sandbox()), QStringLiteral("none"), WaitMs);
    QVERIFY(excludedOn(m_org->sandbox()).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("statusLabel")->text().startsWith(QStringLiteral("Saved")),
                             WaitMs);
    QVERIFY(!isDirtyShown());
    QVERIFY(child<QRadioButton>("actionNone")->isChecked());
}

void TestThreatInsightPage::concurrentChangeDiscardShowsTheServersState() {
    QTest::mouseClick(child<QRadioButton>("actionNone"), Qt::LeftButton);
    QVERIFY(zones()->setData(excludeCell(QStringLiteral("VPN Egress")), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(postBehindThePagesBack(QStringLiteral("block"), {CorporateHq}));
    m_org->hooks()->answer(QStringLiteral("concurrentChangeDialog"), QMessageBox::Discard);
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_org->hooks()->askedCount(QStringLiteral("concurrentChangeDialog")), 1,
                              WaitMs);

    // Discard: theirs is shown, ours is gone, nothing was sent.
    QTRY_VERIFY_WITH_TIMEOUT(child<QRadioButton>("actionBlock")->isChecked() && !isDirtyShown(), WaitMs);
    QCOMPARE(excludeCell(QStringLiteral("Corporate HQ")).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QCOMPARE(excludeCell(QStringLiteral("VPN Egress")).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Unchecked);
    QCOMPARE(child<QLabel>("excludedSummaryLabel")->text(), QStringLiteral("Corporate HQ"));
    QCOMPARE(actionOn(m_org->sandbox()), QStringLiteral("block"));
    QCOMPARE(excludedOn(m_org->sandbox()), QStringList{CorporateHq});
    QCOMPARE(child<QLabel>("lastUpdatedLabel")->toolTip(),
             m_org->sandbox()->threatInsightConfiguration().value(QStringLiteral("lastUpdated")).toString());

    // Cancel (the unscripted answer) keeps the draft and sends nothing.
    QTest::mouseClick(child<QRadioButton>("actionAudit"), Qt::LeftButton);
    QVERIFY(postBehindThePagesBack(QStringLiteral("none"), {}));
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_org->hooks()->askedCount(QStringLiteral("concurrentChangeDialog")), 2,
                              WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(child<QToolButton>("saveButton")->isEnabled(), WaitMs);
    QVERIFY(isDirtyShown());
    QVERIFY(child<QRadioButton>("actionAudit")->isChecked());
    QCOMPARE(actionOn(m_org->sandbox()), QStringLiteral("none"));
}

void TestThreatInsightPage::nonIpZoneRowIsDisabled() {
    for (const QString& name :
         {QStringLiteral("Tor and anonymizers"), QStringLiteral("DefaultEnhancedDynamicZone")}) {
        const QModelIndex exclude = excludeCell(name);
        QVERIFY(exclude.isValid());
        QVERIFY(!zones()->flags(exclude).testFlag(Qt::ItemIsEnabled));
        QVERIFY(!zones()->flags(exclude).testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(exclude.data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral(
                        "Only IP zones can be excluded from ThreatInsight (this is a DYNAMIC")));
    }
    // A disabled row cannot even become the current cell, so Space cannot check it.
    auto* table = child<QTableView>("zoneTable");
    const QModelIndex tor = excludeCell(QStringLiteral("Tor and anonymizers"));
    table->setFocus();
    table->setCurrentIndex(tor);
    QVERIFY(table->currentIndex() != tor);
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(tor.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(!zones()->setData(tor, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(tor.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(excludeCell(QStringLiteral("DefaultExemptIpZone"))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("always exempt")));
}

void TestThreatInsightPage::errorShowsOktasSummaryCausesAndRequestId() {
    QVERIFY(zones()->setData(excludeCell(QStringLiteral("VPN Egress")), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(deleteZoneBehindThePagesBack(VpnEgress));
    QSignalSpy status(m_page.get(), &ThreatInsightPage::statusMessage);
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    auto* error = child<QLabel>("errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), WaitMs);
    const QString text = error->text();
    QVERIFY2(text.contains(QStringLiteral("Api validation failed")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Zone '%1' does not exist").arg(VpnEgress)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("request id")), qPrintable(text));
    QCOMPARE(status.count(), 1);
    QVERIFY(isDirtyShown()); // the admin fixes the draft and saves again

    QVERIFY(zones()->setData(excludeCell(QStringLiteral("VPN Egress")), Qt::Unchecked, Qt::CheckStateRole));
    QTest::mouseClick(child<QRadioButton>("actionNone"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(actionOn(m_org->sandbox()), QStringLiteral("none"), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("statusLabel")->text().startsWith(QStringLiteral("Saved")),
                             WaitMs);
    QVERIFY(!error->isVisible());
    QCOMPARE(status.count(), 2);
}

void TestThreatInsightPage::dirtyStateAndRevert() {
    QTest::mouseClick(child<QRadioButton>("actionNone"), Qt::LeftButton);
    QVERIFY(zones()->setData(excludeCell(QStringLiteral("Corporate HQ")), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(isDirtyShown());
    QTest::mouseClick(child<QToolButton>("revertButton"), Qt::LeftButton);
    QVERIFY(!isDirtyShown());
    QVERIFY(child<QRadioButton>("actionAudit")->isChecked());
    QCOMPARE(excludeCell(QStringLiteral("Corporate HQ")).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Unchecked);
    QCOMPARE(child<QLabel>("excludedSummaryLabel")->text(), QStringLiteral("no zone"));

    // Undoing an edit by hand is clean too.
    QTest::mouseClick(child<QRadioButton>("actionBlock"), Qt::LeftButton);
    QVERIFY(isDirtyShown());
    QTest::mouseClick(child<QRadioButton>("actionAudit"), Qt::LeftButton);
    QVERIFY(!isDirtyShown());
}

void TestThreatInsightPage::reloadWhileDirtyAsks() {
    QVERIFY(postBehindThePagesBack(QStringLiteral("block"), {}));
    QTest::mouseClick(child<QRadioButton>("actionNone"), Qt::LeftButton);
    // Cancel keeps the draft.
    QTest::mouseClick(child<QToolButton>("reloadButton"), Qt::LeftButton);
    QCOMPARE(m_org->hooks()->askedCount(QStringLiteral("discardChangesDialog")), 1);
    QCoreApplication::processEvents();
    QVERIFY(isDirtyShown());
    // Discard reloads the org's state.
    m_org->hooks()->answer(QStringLiteral("discardChangesDialog"), QMessageBox::Discard);
    QTest::keyClick(m_page.get(), Qt::Key_F5);
    QCOMPARE(m_org->hooks()->askedCount(QStringLiteral("discardChangesDialog")), 2);
    QTRY_VERIFY_WITH_TIMEOUT(child<QRadioButton>("actionBlock")->isChecked() && !isDirtyShown(), WaitMs);
}

void TestThreatInsightPage::filterNarrowsTheTable() {
    auto* filter = child<QLineEdit>("zoneFilter");
    QTest::keyClicks(filter, QStringLiteral("vpn"));
    QCOMPARE(zones()->rowCount(), 1);
    QCOMPARE(zones()->index(0, ZoneTableModel::NameColumn).data().toString(), QStringLiteral("VPN Egress"));
    QVERIFY(child<QLabel>("zoneCountLabel")->text().startsWith(QStringLiteral("1 of 9")));
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("203.0.113.10"));
    QCOMPARE(zones()->index(0, ZoneTableModel::NameColumn).data().toString(), QStringLiteral("VPN Egress"));
    filter->clear();
    QCOMPARE(zones()->rowCount(), SeededZones);
}

void TestThreatInsightPage::closingTheOrgDropsTheEditor() {
    QTest::mouseClick(child<QRadioButton>("actionNone"), Qt::LeftButton);
    QVERIFY(m_page->hasUnsavedChanges());
    m_org->session()->close();
    QCOMPARE(zones()->rowCount(), 0);
    QVERIFY(!m_page->hasUnsavedChanges());
    QVERIFY(!child<QRadioButton>("actionAudit")->isEnabled());
    QVERIFY(!child<QToolButton>("saveButton")->isEnabled());
    QVERIFY(!child<QToolButton>("reloadButton")->isEnabled());
    QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Not connected to an org"));

    // Opening again loads the org afresh.
    m_org->openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(zones()->rowCount(), SeededZones, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(child<QRadioButton>("actionAudit")->isChecked(), WaitMs);
    QVERIFY(!m_page->hasUnsavedChanges());
}

void TestThreatInsightPage::pageActionsHaveShortcuts() {
    const QList<QAction*> actions = m_page->pageActions();
    QCOMPARE(actions.size(), 3);
    QCOMPARE(actions.at(0)->shortcut(), QKeySequence(QKeySequence::Refresh));
    QCOMPARE(actions.at(1)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_S));
    QVERIFY(!actions.at(2)->shortcut().isEmpty());
    for (QAction* action : actions) {
        QVERIFY(!action->objectName().isEmpty());
        QVERIFY(!action->icon().isNull());
    }
    for (const char* name : {"actionNone", "actionAudit", "actionBlock", "zoneFilter", "zoneTable",
                             "saveButton", "revertButton", "reloadButton"}) {
        auto* widget = child<QWidget>(name);
        QVERIFY(widget);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
    }
}

void TestThreatInsightPage::zoneTableIsBuiltWhenZonesArrive() {
    m_page.reset();
    m_org = std::make_unique<GuiTestOrg>();
    QVERIFY(m_org->isValid());
    m_page = std::make_unique<ThreatInsightPage>(m_org->session(), m_org->history(), m_org->hooks());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // No org: a line saying so stands where the table will be, and no item view is built.
    auto* empty = child<QLabel>("zoneEmptyLabel");
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("No org is open")));
    QVERIFY(!zones());
    QVERIFY(child<QLabel>("zoneCountLabel")->text().startsWith(QStringLiteral("0 zone")));

    m_org->openSandbox();
    QTRY_VERIFY_WITH_TIMEOUT(zones() && zones()->rowCount() == SeededZones, WaitMs);
    // A widget added to a shown layout is shown on the next event-loop turn (queued by QLayout).
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableView>("zoneTable")->isVisible(), WaitMs);
    QVERIFY(!empty->isVisible());
    // A filter typed before the table existed applies once it does.
    m_page.reset();
    m_org = std::make_unique<GuiTestOrg>();
    m_page = std::make_unique<ThreatInsightPage>(m_org->session(), m_org->history(), m_org->hooks());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    child<QLineEdit>("zoneFilter")->setText(QStringLiteral("vpn egress"));
    m_org->openSandbox();
    QTRY_VERIFY_WITH_TIMEOUT(zones() && zones()->rowCount() == 1, WaitMs);
    QCOMPARE(zones()->index(0, ZoneTableModel::NameColumn).data().toString(), QStringLiteral("VPN Egress"));
}

QTEST_MAIN(TestThreatInsightPage)
#include "TestThreatInsightPage.moc"
