// DetectionsPage against the in-process sandbox org (which seeds ThreatInsight detections over
// the last 24 h): the table fills, newest first; details of the selected event; text and outcome
// filters; Block… on two selected rows writes their /32s to BlockedIpZone after "Show changes"
// and the change shows in History; "Add to risk batch" through the main window puts the IPs in
// the risk table as HIGH; generated detections appear after Refresh and after the auto-refresh
// timer; a 500 shows in the status line; the empty state.
#include "GuiTestOrg.h"
#include "ManualClock.h"
#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"

#include "DetectionTableModel.h"
#include "DetectionsPage.h"
#include "MainWindow.h"
#include "RiskEventsPage.h"
#include "RiskSubjectTableModel.h"
#include "ZoneChangeDialog.h"
#include "common/SystemClock.h"
#include "history/HistoryStore.h"
#include "profiles/OrgProfile.h"
#include "session/OrgSession.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {

const QString Sandbox = QString::fromLatin1(OrgProfile::SandboxId);

QStringList gatewaysOf(const SandboxServer* sandbox, const QString& name) {
    QStringList values;
    const QJsonArray zones = sandbox->zones();
    for (const QJsonValue& zone : zones) {
        if (zone[QStringLiteral("name")].toString() != name)
            continue;
        const QJsonArray gateways = zone[QStringLiteral("gateways")].toArray();
        for (const QJsonValue& gateway : gateways)
            values.append(gateway[QStringLiteral("value")].toString());
    }
    return values;
}

QString cidrOf(const QString& ip) {
    return ip + (ip.contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32"));
}

} // namespace

class TestDetectionsPage : public QObject {
    Q_OBJECT

private:
    struct Fixture {
        std::unique_ptr<ManualClock> clock; // first: the sandbox and the page read it to the end
        std::unique_ptr<GuiTestOrg> org;
        std::unique_ptr<DetectionsPage> page;
        QTableView* table = nullptr;
        QLabel* status = nullptr;
        std::unique_ptr<QAbstractItemModelTester> sourceTester;
        std::unique_ptr<QAbstractItemModelTester> viewTester;
    };

    // An open sandbox org and a shown page whose first load finished.
    // With `manualClock`, the sandbox and the page share a clock that moves only when told to,
    // so events generated "now" are inside the next refresh's [since, until) for sure.
    static std::unique_ptr<Fixture> makeFixture(SandboxOptions options = {}, bool manualClock = false) {
        auto fixture = std::make_unique<Fixture>();
        fixture->org = std::make_unique<GuiTestOrg>(options);
        fixture->org->openSandbox();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(fixture->org->session()->state(), OrgSession::State::Open, 5000);
        }();
        Clock* clock = SystemClock::instance();
        if (manualClock) {
            fixture->clock = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
            ManualClock* manual = fixture->clock.get();
            fixture->org->sandbox()->setTimeSource([manual] { return manual->nowMs(); });
            clock = manual;
        }
        fixture->page = std::make_unique<DetectionsPage>(fixture->org->session(), fixture->org->history(),
                                                         fixture->org->hooks(), clock);
        fixture->page->resize(1000, 600);
        fixture->page->show();
        fixture->table = fixture->page->findChild<QTableView*>(QStringLiteral("detectionsTable"));
        fixture->status = fixture->page->findChild<QLabel*>(QStringLiteral("detectionsStatusLabel"));
        auto* model = fixture->page->findChild<DetectionTableModel*>();
        if (model)
            fixture->sourceTester = std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (fixture->table)
            fixture->viewTester = std::make_unique<QAbstractItemModelTester>(
                fixture->table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        return fixture;
    }

    static QAction* action(QWidget* page, const char* name) {
        return page->findChild<QAction*>(QLatin1String(name));
    }

    static void waitLoaded(Fixture& f) {
        QTRY_VERIFY_WITH_TIMEOUT(f.status->text().startsWith(QStringLiteral("Refreshed at")), 5000);
    }

    // Selects the first view rows whose IPs are distinct and not in `exclude`; gives the IPs.
    static QStringList selectDistinctIps(QTableView* table, int count, const QStringList& exclude = {}) {
        QStringList ips;
        table->clearSelection();
        QAbstractItemModel* model = table->model();
        for (int row = 0; row < model->rowCount() && ips.size() < count; ++row) {
            const QString ip = model->index(row, 0).data(DetectionTableModel::IpRole).toString();
            if (ip.isEmpty() || ips.contains(ip) || exclude.contains(ip))
                continue;
            ips.append(ip);
            table->selectionModel()->select(model->index(row, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        return ips;
    }

private slots:
    void loadsSeededDetectionsNewestFirst() {
        auto f = makeFixture();
        QVERIFY(f->table && f->status && f->sourceTester);
        waitLoaded(*f);
        QAbstractItemModel* model = f->table->model();
        QVERIFY2(model->rowCount() >= 12, qPrintable(QString::number(model->rowCount())));
        QVERIFY2(f->status->text().contains(QStringLiteral("%1 events").arg(model->rowCount())),
                 qPrintable(f->status->text()));
        QVERIFY2(f->status->text().contains(QStringLiteral("distinct IP")), qPrintable(f->status->text()));
        auto* stack = f->page->findChild<QStackedWidget*>(QStringLiteral("detectionsStack"));
        QCOMPARE(stack->currentIndex(), 1);
        // Newest first.
        for (int row = 1; row < model->rowCount(); ++row) {
            const QVariant newer =
                model->index(row - 1, DetectionTableModel::TimeColumn).data(DetectionTableModel::SortRole);
            const QVariant older =
                model->index(row, DetectionTableModel::TimeColumn).data(DetectionTableModel::SortRole);
            QVERIFY(QVariant::compare(newer, older) != QPartialOrdering::Less);
        }
        // Details of the selected event.
        auto* details = f->page->findChild<QPlainTextEdit*>(QStringLiteral("detectionDetails"));
        QVERIFY(details->toPlainText().isEmpty());
        QVERIFY(!action(f->page.get(), "detectionsBlockAction")->isEnabled());
        const QStringList ips = selectDistinctIps(f->table, 1);
        QCOMPARE(ips.size(), 1);
        QVERIFY2(details->toPlainText().contains(QStringLiteral("IP: ") + ips.first()),
                 qPrintable(details->toPlainText()));
        QVERIFY(details->toPlainText().contains(QStringLiteral("Event id: ")));
        QVERIFY(details->toPlainText().contains(QStringLiteral("Location: ")));
        QVERIFY(action(f->page.get(), "detectionsBlockAction")->isEnabled());
        QCOMPARE(f->page->selectedIps(), ips);
    }

    void filtersByTextAndOutcome() {
        auto f = makeFixture();
        waitLoaded(*f);
        QAbstractItemModel* model = f->table->model();
        const int total = model->rowCount();
        const QString ip = model->index(0, 0).data(DetectionTableModel::IpRole).toString();
        QVERIFY(!ip.isEmpty());
        auto* filter = f->page->findChild<QLineEdit*>(QStringLiteral("detectionsFilterEdit"));
        filter->setText(ip);
        QVERIFY(model->rowCount() >= 1 && model->rowCount() < total);
        for (int row = 0; row < model->rowCount(); ++row) {
            bool matches = false;
            for (int column = 0; column < model->columnCount(); ++column)
                matches = matches || model->index(row, column).data().toString().contains(ip);
            QVERIFY(matches);
        }
        QVERIFY2(f->status->text().contains(QStringLiteral("shown by the filters")),
                 qPrintable(f->status->text()));
        filter->clear();
        QCOMPARE(model->rowCount(), total);

        // A shorter period reads again, with fewer of the events seeded over 24 h.
        auto* since = f->page->findChild<QComboBox*>(QStringLiteral("detectionsSinceCombo"));
        QCOMPARE(since->currentText(), QStringLiteral("Last 24 hours"));
        since->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() < total, 5000);
        since->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), total, 5000);

        auto* outcome = f->page->findChild<QComboBox*>(QStringLiteral("detectionsOutcomeCombo"));
        QVERIFY2(outcome->count() >= 2, "the seeded events have outcomes");
        outcome->setCurrentIndex(1);
        const QString chosen = outcome->currentData().toString();
        QVERIFY(model->rowCount() >= 1);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, 0).data(DetectionTableModel::OutcomeRole).toString(), chosen);
        filter->setText(QStringLiteral("no such thing anywhere"));
        QCOMPARE(model->rowCount(), 0);
        auto* empty = f->page->findChild<QLabel*>(QStringLiteral("detectionsEmptyLabel"));
        QVERIFY(empty->text().contains(QStringLiteral("filters")));
    }

    void blockTwoSelectedRows() {
        auto f = makeFixture();
        waitLoaded(*f);
        const QStringList ips = selectDistinctIps(f->table, 2, {QStringLiteral("203.0.113.66")});
        QCOMPARE(ips.size(), 2);
        QSignalSpy status(f->page.get(), &DetectionsPage::statusMessage);
        QAction* block = action(f->page.get(), "detectionsBlockAction");
        QVERIFY(block->isEnabled());
        QCOMPARE(block->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        block->trigger();
        auto* dialog = f->page->findChild<ZoneChangeDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->action(), ZoneAction::Block);
        QCOMPARE(dialog->zoneName(), QStringLiteral("BlockedIpZone"));
        QCOMPARE(dialog->addresses(), ips);

        auto* show = dialog->findChild<QPushButton*>(QStringLiteral("showChangesButton"));
        auto* apply = dialog->findChild<QPushButton*>(QStringLiteral("applyButton"));
        auto* plan = dialog->findChild<QPlainTextEdit*>(QStringLiteral("zonePlanView"));
        QVERIFY(!apply->isEnabled());
        QTest::mouseClick(show, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 5000);
        for (const QString& ip : ips)
            QVERIFY2(plan->toPlainText().contains(QStringLiteral("+ ") + cidrOf(ip)),
                     qPrintable(plan->toPlainText()));
        QCOMPARE(gatewaysOf(f->org->sandbox(), QStringLiteral("BlockedIpZone")).size(), 1);

        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, 5000);
        QVERIFY(status.first().first().toString().contains(QStringLiteral("request id")));
        const QStringList gateways = gatewaysOf(f->org->sandbox(), QStringLiteral("BlockedIpZone"));
        for (const QString& ip : ips)
            QVERIFY2(gateways.contains(cidrOf(ip)), qPrintable(gateways.join(u' ')));
        QVERIFY(gateways.contains(QStringLiteral("203.0.113.66/32")));

        // History lists the change.
        bool listed = false;
        for (const HistoryEntry& entry : f->org->history()->entries(Sandbox)) {
            if (entry.kind == HistoryEntry::Kind::ZoneChange && entry.outcome != QStringLiteral("failed") &&
                !entry.requestIds.isEmpty())
                listed = true;
        }
        QVERIFY(listed);
        dialog->close();
    }

    void addToRiskBatchThroughTheMainWindow() {
        GuiTestOrg org;
        MainWindow window(org.session(), org.history(), org.hooks(), SystemClock::instance(),
                          org.journalBase(), org.settings());
        window.resize(1100, 700);
        window.show();
        window.start(Sandbox);
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        window.showPage(MainWindow::Detections);
        QCOMPARE(window.currentPage(), MainWindow::Detections);
        DetectionsPage* page = window.detectionsPage();
        auto* table = page->findChild<QTableView*>(QStringLiteral("detectionsTable"));
        auto* status = page->findChild<QLabel*>(QStringLiteral("detectionsStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Refreshed at")), 5000);
        const QStringList ips = selectDistinctIps(table, 2);
        QCOMPARE(ips.size(), 2);
        QAction* add = action(page, "detectionsAddToRiskAction");
        QVERIFY(add->isEnabled());
        add->trigger();
        QCOMPARE(window.currentPage(), MainWindow::RiskEvents);
        auto* risk = window.riskEventsPage()->findChild<RiskSubjectTableModel*>();
        QVERIFY(risk);
        QStringList added;
        for (int row = 0; row < risk->rowCount(); ++row) {
            const RiskSubjectTableModel::RowValues values = risk->rowValues(risk->rowIdAt(row));
            QCOMPARE(values.level, QStringLiteral("HIGH"));
            QCOMPARE(values.message, QStringLiteral("ThreatInsight detection"));
            added.append(values.ip);
        }
        QCOMPARE(added, ips);
        // One undoable step.
        QAction* undo = window.riskEventsPage()->findChild<QAction*>(QStringLiteral("undoAction"));
        QVERIFY(undo && undo->isEnabled());
        undo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(risk->rowCount(), 0, 2000);

        // The Incident menu opens the zone dialog from any page.
        QAction* exempt = window.findChild<QAction*>(QStringLiteral("exemptIpsAction"));
        QVERIFY(exempt && exempt->isEnabled());
        exempt->trigger();
        auto* dialog = window.findChild<ZoneChangeDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->action(), ZoneAction::Exempt);
        QCOMPARE(dialog->zoneName(), QStringLiteral("DefaultExemptIpZone"));
        QVERIFY(dialog->addresses().isEmpty()); // not on the Detections page: nothing prefilled
        dialog->close();
    }

    void generatedDetectionsAppearOnRefreshAndAutoRefresh() {
        auto f = makeFixture({}, true);
        waitLoaded(*f);
        QAbstractItemModel* model = f->table->model();
        const int before = model->rowCount();
        QVERIFY(f->page->isAutoRefreshActive());
        QCOMPARE(f->page->autoRefreshIntervalMs(), 5 * 60 * 1000);

        f->org->sandbox()->generateThreatDetections(3, QStringLiteral("198.51.100.77"),
                                                    QStringLiteral("DENY"));
        f->clock->advance(1000);
        QAction* refresh = action(f->page.get(), "detectionsRefreshAction");
        QVERIFY(refresh->isEnabled());
        QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
        refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 3, 5000);
        // The newest are on top.
        QCOMPARE(model->index(0, 0).data(DetectionTableModel::IpRole).toString(),
                 QStringLiteral("198.51.100.77"));

        f->page->setAutoRefreshIntervalMs(50);
        f->org->sandbox()->generateThreatDetections(2, QStringLiteral("203.0.113.88"));
        f->clock->advance(1000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 5, 5000);

        // Hidden: the timer stops.
        f->page->hide();
        QVERIFY(!f->page->isAutoRefreshActive());
        f->page->show();
        QVERIFY(f->page->isAutoRefreshActive());
    }

    void addToRiskBatchIsOfferedOnlyWhenTheBatchCanTakeRows() {
        auto f = makeFixture();
        waitLoaded(*f);
        QAbstractItemModel* model = f->table->model();
        f->table->selectionModel()->select(model->index(0, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QAction* add = action(f->page.get(), "detectionsAddToRiskAction");
        QVERIFY(add->isEnabled());
        bool canTakeRows = false; // e.g. a run is sending
        f->page->setRiskBatchCheck([&canTakeRows] { return canTakeRows; });
        QVERIFY(!add->isEnabled());
        QVERIFY(action(f->page.get(), "detectionsBlockAction")->isEnabled()); // blocking still works
        canTakeRows = true;
        f->table->selectionModel()->select(model->index(1, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(add->isEnabled());
        f->page->setRiskBatchCheck({});
    }

    void selectionSurvivesARefresh() {
        auto f = makeFixture({}, true);
        waitLoaded(*f);
        QAbstractItemModel* model = f->table->model();
        const int before = model->rowCount();
        // Pick the second and fourth events.
        const QString second = model->index(1, 0).data(DetectionTableModel::IpRole).toString();
        const QString fourth = model->index(3, 0).data(DetectionTableModel::IpRole).toString();
        QItemSelection picked;
        picked.select(model->index(1, 0), model->index(1, model->columnCount() - 1));
        picked.select(model->index(3, 0), model->index(3, model->columnCount() - 1));
        f->table->selectionModel()->select(picked, QItemSelectionModel::ClearAndSelect);
        QVERIFY(action(f->page.get(), "detectionsBlockAction")->isEnabled());

        // New events arrive on top and the list is read again: the same two events stay picked.
        f->org->sandbox()->generateThreatDetections(2, QStringLiteral("203.0.113.99"));
        f->clock->advance(1000);
        action(f->page.get(), "detectionsRefreshAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 2, 5000);
        const QModelIndexList rows = f->table->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).row() == 3 || rows.at(1).row() == 3, true); // was row 1
        QCOMPARE(rows.at(0).row() == 5 || rows.at(1).row() == 5, true); // was row 3
        QStringList ips;
        for (const QModelIndex& row : rows)
            ips << row.data(DetectionTableModel::IpRole).toString();
        QVERIFY(ips.contains(second));
        QVERIFY(ips.contains(fourth));
        QVERIFY(action(f->page.get(), "detectionsBlockAction")->isEnabled());
    }

    void serverErrorShowsInTheStatusLine() {
        auto f = makeFixture();
        waitLoaded(*f);
        const int rows = f->table->model()->rowCount();
        SandboxFault fault;
        fault.kind = SandboxFault::Kind::ServerError;
        fault.count = 10;
        fault.pathPrefix = QStringLiteral("/api/v1/logs");
        f->org->sandbox()->injectFault(fault);
        QSignalSpy messages(f->page.get(), &DetectionsPage::statusMessage);
        f->page->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(f->status->text().startsWith(QStringLiteral("Refresh failed")), 10000);
        QVERIFY2(f->status->text().contains(QStringLiteral("500")) || !f->status->toolTip().isEmpty(),
                 qPrintable(f->status->text()));
        QCOMPARE(messages.count(), 1);
        // What was read before stays, and says when it was read.
        QCOMPARE(f->table->model()->rowCount(), rows);
        QVERIFY(f->status->text().contains(QStringLiteral("Refreshed at")));
        f->org->sandbox()->clearFaults();
        f->page->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(f->status->text().startsWith(QStringLiteral("Refreshed at")), 5000);
    }

    void emptyStateWithoutDetections() {
        SandboxOptions options;
        options.seedDetections = false;
        auto f = makeFixture(options);
        waitLoaded(*f);
        QCOMPARE(f->table->model()->rowCount(), 0);
        auto* stack = f->page->findChild<QStackedWidget*>(QStringLiteral("detectionsStack"));
        auto* empty = f->page->findChild<QLabel*>(QStringLiteral("detectionsEmptyLabel"));
        QCOMPARE(stack->currentIndex(), 0);
        QVERIFY2(empty->text().contains(QStringLiteral("No ThreatInsight detections")),
                 qPrintable(empty->text()));
        QVERIFY(f->status->text().contains(QStringLiteral("0 events")));
        QVERIFY(!action(f->page.get(), "detectionsBlockAction")->isEnabled());
    }

    void closingTheOrgClearsThePage() {
        auto f = makeFixture();
        waitLoaded(*f);
        QVERIFY(f->table->model()->rowCount() > 0);
        f->org->session()->close();
        QCOMPARE(f->table->model()->rowCount(), 0);
        QVERIFY(!f->page->isAutoRefreshActive());
        QVERIFY(!action(f->page.get(), "detectionsRefreshAction")->isEnabled());
        QVERIFY(f->status->text().contains(QStringLiteral("No org")));
        f->org->openSandbox();
        QTRY_VERIFY_WITH_TIMEOUT(f->table->model()->rowCount() > 0, 5000);
        QVERIFY(f->page->isAutoRefreshActive());
    }
};

QTEST_MAIN(TestDetectionsPage)
#include "TestDetectionsPage.moc"
