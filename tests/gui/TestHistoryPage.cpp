// HistoryPage against the in-process sandbox profile: its runs (journals) and ThreatInsight
// changes listed once the profile opens, the empty state, details with every request id and the
// run directory on selection, reloads when the store says the profile changed, Refresh, and the
// CSV export through the scripted file dialog.
#include "GuiTestOrg.h"
#include "ScriptedDialogHooks.h"

#include "HistoryPage.h"
#include "HistoryTableModel.h"
#include "history/HistoryStore.h"
#include "profiles/OrgProfile.h"
#include "riskevents/RunJournal.h"
#include "session/OrgSession.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

namespace {

const QString Sandbox = QString::fromLatin1(OrgProfile::SandboxId);

QDateTime at(int hour) {
    return QDateTime(QDate(2026, 2, 18), QTime(hour, 0), Qt::UTC);
}

// A run of `n` subjects in requests of 20 whose first `answered` requests were accepted.
QString writeRun(const QString& base, const QString& profileId, const QString& runId,
                 const QDateTime& created, int n, int answered, const QString& finalReason) {
    QVector<RiskSubject> subjects;
    for (int i = 0; i < n; ++i) {
        RiskSubject s;
        s.ip = QStringLiteral("203.0.%1.%2").arg(i / 200).arg(i % 200);
        s.level = RiskLevel::Medium;
        s.sourceLine = i + 1;
        subjects.append(s);
    }
    BatchPlanner::Options options;
    options.timestamp = created;
    options.subjectsPerEvent = 10;
    options.eventsPerRequest = 2;
    const SendRun run = SendRun::plan(subjects, options, profileId, runId, created);
    RunJournal journal(RunJournal::runDirectory(base, profileId, runId));
    QString error;
    if (!journal.create(run, &error))
        qFatal("%s", qPrintable(error));
    for (int id = 1; id <= answered; ++id) {
        RequestOutcome outcome;
        outcome.id = id;
        outcome.status = RequestOutcome::Status::Accepted;
        outcome.httpStatus = 202;
        outcome.oktaRequestId = QStringLiteral("%1-req-%2").arg(runId.right(4)).arg(id);
        outcome.answeredAt = created.addSecs(id);
        journal.writeRequest(*run.request(id), &error);
        journal.writeOutcome(outcome, &error);
    }
    if (!finalReason.isEmpty())
        journal.writeState(QStringLiteral("stopped"), finalReason, created.addSecs(60), &error);
    return journal.directory();
}

void recordChange(HistoryStore* history, const QString& profileId, const QString& from, const QString& to,
                  const QDateTime& when) {
    HistoryStore::ThreatInsightChange change;
    change.profileId = profileId;
    change.profileName = QStringLiteral("Sandbox org");
    change.before.action = from;
    change.after.action = to;
    change.after.excludeZones = {QStringLiteral("nzoCorpVpn")};
    change.requestId = QStringLiteral("ti-req-%1").arg(when.time().hour());
    change.when = when;
    QString error;
    if (!history->recordThreatInsightChange(
            change, [](const QString&) { return QStringLiteral("Corp VPN"); }, &error))
        qFatal("%s", qPrintable(error));
}

struct Page {
    explicit Page(GuiTestOrg& org)
        : page(org.session(), org.history(), org.hooks()) {
        table = page.findChild<QTableView*>(QStringLiteral("historyTable"));
        details = page.findChild<QPlainTextEdit*>(QStringLiteral("historyDetails"));
        empty = page.findChild<QLabel*>(QStringLiteral("historyEmptyLabel"));
        stack = page.findChild<QStackedWidget*>(QStringLiteral("historyStack"));
        for (QAction* action : page.pageActions()) {
            if (action->objectName() == QLatin1String("historyRefreshAction"))
                refresh = action;
            else if (action->objectName() == QLatin1String("historyExportAction"))
                exportCsv = action;
        }
        if (table)
            tester = std::make_unique<QAbstractItemModelTester>(
                table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    HistoryTableModel* model() const { return qobject_cast<HistoryTableModel*>(table->model()); }
    int rowOf(const QString& outcome) const {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->entry(row).outcome == outcome)
                return row;
        }
        return -1;
    }

    HistoryPage page;
    QTableView* table = nullptr;
    QPlainTextEdit* details = nullptr;
    QLabel* empty = nullptr;
    QStackedWidget* stack = nullptr;
    QAction* refresh = nullptr;
    QAction* exportCsv = nullptr;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestHistoryPage : public QObject {
    Q_OBJECT
private slots:
    void emptyStateBeforeAndAfterOpening();
    void entriesListedAfterOpeningTheSandbox();
    void selectionShowsDetailsWithRequestIds();
    void reloadsWhenTheProfilesHistoryChanges();
    void refreshRereadsTheJournals();
    void exportWritesTheCsvThroughTheFileDialog();
    void cancelledExportWritesNothing();
    void exportErrorIsReported();
};

void TestHistoryPage::emptyStateBeforeAndAfterOpening() {
    GuiTestOrg org;
    QVERIFY(org.isValid());
    Page p(org);
    QVERIFY(p.table && p.details && p.empty && p.stack && p.refresh && p.exportCsv);
    p.page.show();
    QCOMPARE(p.stack->currentWidget(), p.empty);
    QVERIFY(!p.exportCsv->isEnabled());

    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
    QCOMPARE(p.stack->currentWidget(), p.empty);
    QCOMPARE(p.empty->text(), QStringLiteral("No runs or ThreatInsight changes for this profile yet"));
    QVERIFY(!p.exportCsv->isEnabled());
    QVERIFY(p.refresh->isEnabled());
    // Refresh (F5, shared with other pages) only while the page is shown.
    p.page.hide();
    QVERIFY(!p.refresh->isEnabled());
    p.page.show();
    QVERIFY(p.refresh->isEnabled());
    // Shortcuts and accessible names.
    QCOMPARE(p.refresh->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(p.exportCsv->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QVERIFY(!p.table->accessibleName().isEmpty());
    QVERIFY(!p.details->accessibleName().isEmpty());
    QVERIFY(p.details->isReadOnly());
}

void TestHistoryPage::entriesListedAfterOpeningTheSandbox() {
    GuiTestOrg org;
    writeRun(org.journalBase(), Sandbox, QStringLiteral("20260218-060000-000-aaaa"), at(6), 60, 3,
             QStringLiteral("Completed: Done"));
    writeRun(org.journalBase(), Sandbox, QStringLiteral("20260218-080000-000-bbbb"), at(8), 100, 2,
             QStringLiteral("Cancelled: Cancelled. 60 subject(s) stay pending."));
    recordChange(org.history(), Sandbox, QStringLiteral("audit"), QStringLiteral("block"), at(7));
    // Another profile's run is not this profile's history.
    writeRun(org.journalBase(), QStringLiteral("other"), QStringLiteral("20260218-090000-000-cccc"), at(9),
             20, 1, QStringLiteral("Completed: Done"));

    Page p(org);
    p.page.show();
    QCOMPARE(p.model()->rowCount(), 0);
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), 3, 5000);
    QCOMPARE(p.stack->currentWidget(), p.table->parentWidget());
    QVERIFY(p.exportCsv->isEnabled());

    const QAbstractItemModel* model = p.table->model();
    auto text = [model](int row, int column) {
        return model->index(row, column).data().toString();
    };
    // Newest first: the cancelled run (08:00), the change (07:00), the completed run (06:00).
    QCOMPARE(text(0, HistoryTableModel::OutcomeColumn), QStringLiteral("Cancelled"));
    QCOMPARE(text(0, HistoryTableModel::SubjectsColumn), QStringLiteral("100"));
    QCOMPARE(text(0, HistoryTableModel::AcceptedColumn), QStringLiteral("40"));
    QCOMPARE(text(0, HistoryTableModel::PendingColumn), QStringLiteral("60"));
    QCOMPARE(text(0, HistoryTableModel::ProfileColumn), QStringLiteral("Sandbox org"));
    QCOMPARE(text(1, HistoryTableModel::KindColumn), QStringLiteral("ThreatInsight change"));
    QCOMPARE(text(1, HistoryTableModel::OutcomeColumn), QStringLiteral("Saved"));
    QCOMPARE(text(1, HistoryTableModel::SummaryColumn),
             QStringLiteral("action audit \u2192 block; excluded +Corp VPN"));
    QCOMPARE(text(2, HistoryTableModel::OutcomeColumn), QStringLiteral("Completed"));
    QCOMPARE(text(2, HistoryTableModel::AcceptedColumn), QStringLiteral("60"));
    QCOMPARE(model->index(2, HistoryTableModel::WhenColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2026-02-18 06:00:00 UTC"));

    // Closing the profile empties the page.
    org.session()->close();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), 0, 5000);
    QCOMPARE(p.stack->currentWidget(), p.empty);
}

void TestHistoryPage::selectionShowsDetailsWithRequestIds() {
    GuiTestOrg org;
    const QString runDir = writeRun(org.journalBase(), Sandbox, QStringLiteral("20260218-060000-000-dddd"),
                                    at(6), 80, 3, QString()); // no final state: interrupted
    recordChange(org.history(), Sandbox, QStringLiteral("none"), QStringLiteral("audit"), at(7));
    Page p(org);
    p.page.show();
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), 2, 5000);
    QVERIFY(p.details->toPlainText().isEmpty());

    const int runRow = p.rowOf(QStringLiteral("interrupted"));
    QVERIFY(runRow >= 0);
    p.table->selectRow(runRow);
    const QString text = p.details->toPlainText();
    for (const QString& id :
         {QStringLiteral("dddd-req-1"), QStringLiteral("dddd-req-2"), QStringLiteral("dddd-req-3")})
        QVERIFY2(text.contains(id), qPrintable(text));
    QVERIFY2(text.contains(QDir::toNativeSeparators(runDir)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Outcome: Interrupted")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("accepted 60, rejected 0, pending 20")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2026-02-18 06:00:00 UTC")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Profile: Sandbox org (sandbox)")), qPrintable(text));

    p.table->selectRow(p.rowOf(QStringLiteral("saved")));
    const QString change = p.details->toPlainText();
    QVERIFY2(change.contains(QStringLiteral("ti-req-7")), qPrintable(change));
    QVERIFY2(change.contains(QStringLiteral("Before: action none")), qPrintable(change));
    QVERIFY(!change.contains(QStringLiteral("dddd-req-1")));

    // Sorting keeps the selection and its details.
    p.table->sortByColumn(HistoryTableModel::KindColumn, Qt::AscendingOrder);
    QCOMPARE(p.model()->entry(p.table->selectionModel()->selectedRows().first().row()).outcome,
             QStringLiteral("saved"));
    QCOMPARE(p.details->toPlainText(), change);
}

void TestHistoryPage::reloadsWhenTheProfilesHistoryChanges() {
    GuiTestOrg org;
    Page p(org);
    p.page.show();
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
    QCOMPARE(p.model()->rowCount(), 0);

    recordChange(org.history(), Sandbox, QStringLiteral("none"), QStringLiteral("audit"), at(7));
    QCOMPARE(p.model()->rowCount(), 1);
    QCOMPARE(p.stack->currentWidget(), p.table->parentWidget());
    p.table->selectRow(0);

    // A run written by the Risk events screen is announced with notifyRunChanged; the selection
    // stays on the same entry.
    writeRun(org.journalBase(), Sandbox, QStringLiteral("20260218-090000-000-eeee"), at(9), 20, 1,
             QStringLiteral("Completed: Done"));
    org.history()->notifyRunChanged(Sandbox);
    QCOMPARE(p.model()->rowCount(), 2);
    QCOMPARE(p.model()->entry(0).kind, HistoryEntry::Kind::RiskRun);
    QCOMPARE(p.table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(p.table->selectionModel()->selectedRows().first().row(), 1);
    QVERIFY(p.details->toPlainText().contains(QStringLiteral("ti-req-7")));

    // Another profile's changes leave the page alone.
    QSignalSpy reset(p.model(), &QAbstractItemModel::modelReset);
    recordChange(org.history(), QStringLiteral("other"), QStringLiteral("none"), QStringLiteral("block"),
                 at(10));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(p.model()->rowCount(), 2);
}

void TestHistoryPage::refreshRereadsTheJournals() {
    GuiTestOrg org;
    Page p(org);
    p.page.show();
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
    QCOMPARE(p.model()->rowCount(), 0);
    // Written behind the page's back (e.g. by the command line): Refresh finds it.
    writeRun(org.journalBase(), Sandbox, QStringLiteral("20260218-090000-000-ffff"), at(9), 40, 2,
             QStringLiteral("Completed: Done"));
    QCOMPARE(p.model()->rowCount(), 0);
    p.refresh->trigger();
    QCOMPARE(p.model()->rowCount(), 1);
    QCOMPARE(p.model()->entry(0).accepted, 40);
}

void TestHistoryPage::exportWritesTheCsvThroughTheFileDialog() {
    GuiTestOrg org;
    writeRun(org.journalBase(), Sandbox, QStringLiteral("20260218-060000-000-abcd"), at(6), 40, 2,
             QStringLiteral("Completed: Done"));
    recordChange(org.history(), Sandbox, QStringLiteral("audit"), QStringLiteral("block"), at(7));
    Page p(org);
    p.page.show();
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), 2, 5000);

    const QString path = org.dataDirectory() + QStringLiteral("/export/history.csv");
    QVERIFY(QDir().mkpath(org.dataDirectory() + QStringLiteral("/export")));
    org.hooks()->chooseFileAnswer(QStringLiteral("exportHistoryDialog"), path);
    QSignalSpy status(&p.page, &HistoryPage::statusMessage);
    p.exportCsv->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, 5000);
    QVERIFY2(status.at(0).at(0).toString().contains(QStringLiteral("Exported 2 history entries")),
             qPrintable(status.at(0).at(0).toString()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // header, two rows, the empty rest after the last CRLF
    QCOMPARE(lines[0],
             QByteArray("when,kind,profile,outcome,subjects,accepted,rejected,pending,summary,requestIds\r"));
    QCOMPARE(lines[1], QStringLiteral("2026-02-18T07:00:00Z,threatinsight-change,Sandbox org,saved,,,,,"
                                      "action audit \u2192 block; excluded +Corp VPN,ti-req-7\r")
                           .toUtf8());
    QCOMPARE(lines[2],
             QByteArray("2026-02-18T06:00:00Z,risk-run,Sandbox org,completed,40,40,0,0,"
                        "\"40 subjects: 40 accepted, 0 rejected, 0 pending\",abcd-req-1;abcd-req-2\r"));
    QCOMPARE(org.hooks()->askedCount(QStringLiteral("exportHistoryDialog")), 1);
}

void TestHistoryPage::cancelledExportWritesNothing() {
    GuiTestOrg org;
    recordChange(org.history(), Sandbox, QStringLiteral("audit"), QStringLiteral("block"), at(7));
    Page p(org);
    p.page.show();
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), 1, 5000);
    org.hooks()->chooseFileAnswer(QStringLiteral("exportHistoryDialog"), QString());
    QSignalSpy status(&p.page, &HistoryPage::statusMessage);
    p.exportCsv->trigger();
    QCOMPARE(org.hooks()->askedCount(QStringLiteral("exportHistoryDialog")), 1);
    // The scripted dialog answers on the next turn of the event loop; a later zero timer fires
    // after it.
    bool turned = false;
    QTimer::singleShot(0, &p.page, [&turned] { turned = true; });
    QTRY_VERIFY_WITH_TIMEOUT(turned, 2000);
    QCOMPARE(status.count(), 0);
    QVERIFY(QDir(org.dataDirectory()).entryList({QStringLiteral("*.csv")}).isEmpty());
    QCOMPARE(org.hooks()->askedCount(QStringLiteral("exportHistoryErrorDialog")), 0);
}

void TestHistoryPage::exportErrorIsReported() {
    GuiTestOrg org;
    recordChange(org.history(), Sandbox, QStringLiteral("audit"), QStringLiteral("block"), at(7));
    Page p(org);
    p.page.show();
    org.openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), 1, 5000);
    const QString path = org.dataDirectory() + QStringLiteral("/no/such/folder/history.csv");
    org.hooks()->chooseFileAnswer(QStringLiteral("exportHistoryDialog"), path);
    QSignalSpy status(&p.page, &HistoryPage::statusMessage);
    p.exportCsv->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(org.hooks()->askedCount(QStringLiteral("exportHistoryErrorDialog")), 1, 2000);
    const auto* asked = org.hooks()->lastAsked(QStringLiteral("exportHistoryErrorDialog"));
    QVERIFY2(asked->question.text.contains(QDir::toNativeSeparators(path)), qPrintable(asked->question.text));
    QVERIFY(!asked->question.detailedText.isEmpty());
    QCOMPARE(status.count(), 0);
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestHistoryPage)
#include "TestHistoryPage.moc"
