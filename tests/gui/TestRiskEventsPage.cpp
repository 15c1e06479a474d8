#include "GuiTestOrg.h"
#include "QuickReportDialog.h"
#include "RateLimitGauge.h"
#include "RiskEventsPage.h"
#include "RiskSubjectTableModel.h"
#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"
#include "common/SystemClock.h"
#include "history/HistoryStore.h"
#include "session/OrgSession.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <memory>

namespace {

using Status = RiskSubjectTableModel::RowStatus;
const QString RiskPath = QStringLiteral("/api/v1/risk/events/ip");

QString dataFile(const QString& name) {
    return QStringLiteral(THREATDESK_TEST_DATA_DIR "/") + name;
}

// Every text a dialog shows: labels, text boxes and item views, whatever its layout.
QString allText(const QWidget* widget) {
    QStringList parts;
    for (const QLabel* label : widget->findChildren<QLabel*>())
        parts.append(label->text());
    for (const QPlainTextEdit* edit : widget->findChildren<QPlainTextEdit*>())
        parts.append(edit->toPlainText());
    for (const QTextEdit* edit : widget->findChildren<QTextEdit*>())
        parts.append(edit->toPlainText());
    for (const QAbstractItemView* view : widget->findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* model = view->model();
        if (!model)
            continue;
        for (int row = 0; row < model->rowCount(); ++row)
            for (int column = 0; column < model->columnCount(); ++column)
                parts.append(model->index(row, column).data().toString());
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace

class TestRiskEventsPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void importCsvShowsRejectedRowsWithReasons();
    void importAsksAppendOrReplace();
    void importErrorShownWithHint();
    void droppedFileImports();
    void filtersSortAndCounts();
    void typeEditRemoveUndoRedo();
    void pasteIsOneUndoStep();
    void exportWritesCsv();
    void previewShowsExactRequests();
    void sendWithProblemsAsksAndSendsValidRows();
    void sendsEverySubjectHighFirst();
    void rateLimitShowsCountdownAndRunCompletes();
    void pauseAndResume();
    void quickReportListsProblemsThenSends();
    void resumeOfferedAfterCancelledRun();
    void resumeOfADamagedRunSaysSo();

private:
    void makeOrg(SandboxOptions options = {});
    void makePage();
    void openSandbox();
    QAction* action(const QString& name) const;
    RiskSubjectTableModel* model() const;
    QTableView* table() const;
    template <typename T> T* child(const QString& name) const {
        T* widget = m_page->findChild<T*>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }
    int rowOfIp(const QString& ip) const;
    void importAndWait(const QString& path, int rows);
    void sendAndPauseAfterOneRequest();

    std::unique_ptr<GuiTestOrg> m_org;
    std::unique_ptr<RiskEventsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_dir;
};

void TestRiskEventsPage::init() {
    makeOrg();
}

void TestRiskEventsPage::cleanup() {
    m_tester.reset();
    m_page.reset();
    m_org.reset();
}

void TestRiskEventsPage::makeOrg(SandboxOptions options) {
    m_tester.reset();
    m_page.reset();
    m_org = std::make_unique<GuiTestOrg>(std::move(options));
    QVERIFY(m_org->isValid());
    makePage();
}

void TestRiskEventsPage::makePage() {
    m_tester.reset();
    m_page.reset();
    m_page = std::make_unique<RiskEventsPage>(m_org->session(), m_org->history(), m_org->hooks(),
                                              SystemClock::instance(), m_org->journalBase());
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(model());
    m_tester = std::make_unique<QAbstractItemModelTester>(model());
}

void TestRiskEventsPage::openSandbox() {
    m_org->openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(m_org->session()->state(), OrgSession::State::Open, 5000);
    QVERIFY(m_org->sandbox());
    // The page has set up its sender for this org (and asked about unfinished runs).
    QTRY_VERIFY(action(QStringLiteral("sendAction"))->isEnabled());
}

QAction* TestRiskEventsPage::action(const QString& name) const {
    for (QAction* a : m_page->pageActions())
        if (a->objectName() == name)
            return a;
    qWarning("no action %s", qPrintable(name));
    return nullptr;
}

QTableView* TestRiskEventsPage::table() const {
    return m_page->findChild<QTableView*>(QStringLiteral("riskTable"));
}

RiskSubjectTableModel* TestRiskEventsPage::model() const {
    QTableView* view = table();
    return view ? qobject_cast<RiskSubjectTableModel*>(view->model()) : nullptr;
}

int TestRiskEventsPage::rowOfIp(const QString& ip) const {
    for (int row = 0; row < model()->rowCount(); ++row)
        if (model()->index(row, RiskSubjectTableModel::IpColumn).data().toString() == ip)
            return row;
    return -1;
}

void TestRiskEventsPage::importAndWait(const QString& path, int rows) {
    QVERIFY(!path.isEmpty());
    m_page->importFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().rows, rows, 5000);
    QTRY_VERIFY(!child<QProgressBar>(QStringLiteral("importProgress"))->isVisible());
}

void TestRiskEventsPage::importCsvShowsRejectedRowsWithReasons() {
    m_org->hooks()->chooseFileAnswer(QStringLiteral("importFileDialog"),
                                     dataFile(QStringLiteral("risk_mixed.csv")));
    QAction* import = action(QStringLiteral("importAction"));
    QVERIFY(import);
    QCOMPARE(import->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
    import->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().rows, 6, 5000);
    QCOMPARE(m_org->hooks()->askedCount(QStringLiteral("importFileDialog")), 1);

    // The summary names every rejected and merged row with its reason.
    QDialog* summary = nullptr;
    QTRY_VERIFY((summary = m_page->findChild<QDialog*>(QStringLiteral("importSummaryDialog"))) != nullptr);
    QTRY_VERIFY(summary->isVisible());
    const QString text = allText(summary);
    QVERIFY2(text.contains(QStringLiteral("CIDR")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("duplicate address")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("message may only contain")), qPrintable(text));
    summary->close();

    QCOMPARE(model()->counts().count(Status::Valid), 3);
    QCOMPARE(model()->counts().count(Status::Invalid), 2);
    QCOMPARE(model()->counts().count(Status::Merged), 1);

    // Invalid rows stay in the table, marked, with the reason in the Reason column and tooltip.
    const int cidr = rowOfIp(QStringLiteral("10.0.0.0/8"));
    QVERIFY(cidr >= 0);
    QCOMPARE(model()->index(cidr, 0).data(RiskSubjectTableModel::StatusRole).toInt(), int(Status::Invalid));
    QVERIFY(model()->index(cidr, 0).data(RiskSubjectTableModel::ProblemRole).toBool());
    QVERIFY(model()
                ->index(cidr, RiskSubjectTableModel::ReasonColumn)
                .data()
                .toString()
                .contains(QStringLiteral("CIDR")));
    QVERIFY(model()
                ->index(cidr, RiskSubjectTableModel::IpColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("CIDR")));
    const int valid = rowOfIp(QStringLiteral("9.9.9.9"));
    QVERIFY(valid >= 0);
    QVERIFY(!model()->index(valid, 0).data(RiskSubjectTableModel::ProblemRole).toBool());

    const QString counts = child<QLabel>(QStringLiteral("countsLabel"))->text();
    QVERIFY2(counts.contains(QStringLiteral("3 valid")) && counts.contains(QStringLiteral("2 invalid")) &&
                 counts.contains(QStringLiteral("1 merged")),
             qPrintable(counts));
}

void TestRiskEventsPage::importAsksAppendOrReplace() {
    importAndWait(dataFile(QStringLiteral("risk_mixed.csv")), 6);
    // Cancel: nothing happens.
    m_org->hooks()->answer(QStringLiteral("importModeDialog"), QMessageBox::Cancel);
    m_page->importFile(dataFile(QStringLiteral("risk_mixed.csv")));
    QTRY_COMPARE(m_org->hooks()->askedCount(QStringLiteral("importModeDialog")), 1);
    // No: replace.
    m_org->hooks()->answer(QStringLiteral("importModeDialog"), QMessageBox::No);
    m_page->importFile(m_org->writeAdminRows(10));
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().rows, 10, 5000);
    QCOMPARE(model()->counts().count(Status::Valid), 10);
    // Yes: append, one undo step; the addresses already there are merged.
    m_org->hooks()->answer(QStringLiteral("importModeDialog"), QMessageBox::Yes);
    m_page->importFile(m_org->writeAdminRows(12));
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Valid), 12, 5000);
    QCOMPARE(model()->counts().count(Status::Merged), 10);
    QCOMPARE(m_org->hooks()->askedCount(QStringLiteral("importModeDialog")), 3);
    QAction* undo = action(QStringLiteral("undoAction"));
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(model()->rowCount(), 10);
    QCOMPARE(model()->counts().count(Status::Valid), 10);
}

void TestRiskEventsPage::importErrorShownWithHint() {
    // A plain list without a default level cannot be imported: the user is told why.
    auto* defaultLevel = child<QComboBox>(QStringLiteral("defaultLevel"));
    auto* format = child<QComboBox>(QStringLiteral("importFormat"));
    defaultLevel->setCurrentIndex(defaultLevel->findData(-1));
    format->setCurrentIndex(format->findData(int(ImportOptions::Format::PlainList)));
    m_page->importFile(dataFile(QStringLiteral("tor_exit_nodes_excerpt.lst")));
    QPointer<QDialog> summary;
    QTRY_VERIFY_WITH_TIMEOUT((summary = m_page->findChild<QDialog*>(QStringLiteral("importSummaryDialog"))),
                             5000);
    QString text = allText(summary);
    QVERIFY2(text.contains(QStringLiteral("default level")), qPrintable(text));
    QCOMPARE(model()->counts().rows, 0);
    summary->close();
    QTRY_VERIFY(!summary);

    // IPsum's "ip<TAB>count" detected as CSV: every row rejected, and the hint says what was meant.
    defaultLevel->setCurrentIndex(defaultLevel->findText(QStringLiteral("LOW")));
    format->setCurrentIndex(format->findData(int(ImportOptions::Format::Auto)));
    m_page->importFile(dataFile(QStringLiteral("ipsum_head.txt")));
    QTRY_VERIFY_WITH_TIMEOUT((summary = m_page->findChild<QDialog*>(QStringLiteral("importSummaryDialog"))),
                             5000);
    text = allText(summary);
    QVERIFY2(text.contains(QStringLiteral("plain list")), qPrintable(text));
    QCOMPARE(model()->counts().count(Status::Invalid), 40);
    summary->close();

    // As a plain list with the default level it imports (replacing the rejected rows).
    format->setCurrentIndex(format->findData(int(ImportOptions::Format::PlainList)));
    m_org->hooks()->answer(QStringLiteral("importModeDialog"), QMessageBox::No);
    m_page->importFile(dataFile(QStringLiteral("ipsum_head.txt")));
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Valid), 40, 5000);
    QCOMPARE(model()->counts().rows, 40);
    QCOMPARE(model()->counts().perLevel[static_cast<size_t>(RiskLevel::Low)], 40);
}

void TestRiskEventsPage::droppedFileImports() {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dataFile(QStringLiteral("risk_mixed.csv")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &drop);
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().rows, 6, 5000);

    // Not a local file: refused.
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.com/list.txt"))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &remote, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(m_page.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

void TestRiskEventsPage::filtersSortAndCounts() {
    importAndWait(dataFile(QStringLiteral("risk_mixed.csv")), 6);
    QCOMPARE(model()->rowCount(), 6);
    child<QCheckBox>(QStringLiteral("problemsOnlyFilter"))->setChecked(true);
    QCOMPARE(model()->rowCount(), 3);
    for (int row = 0; row < model()->rowCount(); ++row)
        QVERIFY(model()->index(row, 0).data(RiskSubjectTableModel::ProblemRole).toBool());
    child<QCheckBox>(QStringLiteral("problemsOnlyFilter"))->setChecked(false);

    auto* status = child<QComboBox>(QStringLiteral("statusFilter"));
    status->setCurrentIndex(status->findText(RiskSubjectTableModel::statusName(Status::Merged)));
    QCOMPARE(model()->rowCount(), 1);
    status->setCurrentIndex(0);

    auto* level = child<QComboBox>(QStringLiteral("levelFilter"));
    level->setCurrentIndex(level->findText(QStringLiteral("LOW")));
    QVERIFY(rowOfIp(QStringLiteral("9.9.9.9")) < 0); // MEDIUM
    QVERIFY(rowOfIp(QStringLiteral("2606:4700::1111")) >= 0);
    level->setCurrentIndex(0);

    QTest::keyClicks(child<QLineEdit>(QStringLiteral("textFilter")), QStringLiteral("9.9.9"));
    QTRY_COMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->index(0, RiskSubjectTableModel::IpColumn).data().toString(), QStringLiteral("9.9.9.9"));
    QVERIFY(child<QLabel>(QStringLiteral("countsLabel"))->text().contains(QStringLiteral("1 of 6 rows")));
    child<QLineEdit>(QStringLiteral("textFilter"))->clear();
    QTRY_COMPARE(model()->rowCount(), 6);

    // Sorting by the header: addresses numerically, rows that are not addresses last.
    table()->horizontalHeader()->setSortIndicator(RiskSubjectTableModel::IpColumn, Qt::AscendingOrder);
    // Line 5 (1.1.1.1) is rejected for its message only: it keeps its address and sorts first.
    QCOMPARE(model()->index(0, RiskSubjectTableModel::IpColumn).data().toString(), QStringLiteral("1.1.1.1"));
    QVERIFY(rowOfIp(QStringLiteral("1.1.1.1")) < rowOfIp(QStringLiteral("8.8.8.8")));
    QVERIFY(rowOfIp(QStringLiteral("9.9.9.9")) < rowOfIp(QStringLiteral("2606:4700::1111")));
    QVERIFY(rowOfIp(QStringLiteral("2606:4700::1111")) < rowOfIp(QStringLiteral("10.0.0.0/8")));
    table()->horizontalHeader()->setSortIndicator(RiskSubjectTableModel::IpColumn, Qt::DescendingOrder);
    QVERIFY(rowOfIp(QStringLiteral("9.9.9.9")) > rowOfIp(QStringLiteral("2606:4700::1111")));
}

void TestRiskEventsPage::typeEditRemoveUndoRedo() {
    QAction* add = action(QStringLiteral("addRowAction"));
    QAction* remove = action(QStringLiteral("removeRowsAction"));
    QAction* undo = action(QStringLiteral("undoAction"));
    QAction* redo = action(QStringLiteral("redoAction"));
    QCOMPARE(add->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    QCOMPARE(remove->shortcut(), QKeySequence(Qt::Key_Delete));
    QCOMPARE(undo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(redo->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QVERIFY(!undo->isEnabled());

    // Add row opens the editor on the new row's ip cell.
    add->trigger();
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->rowStatus(0), Status::Invalid); // nothing typed yet
    QLineEdit* editor = nullptr;
    QTRY_VERIFY((editor = table()->viewport()->findChild<QLineEdit*>()) != nullptr);
    QCOMPARE(table()->currentIndex().column(), int(RiskSubjectTableModel::IpColumn));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("8.8.4.4"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(model()->index(0, RiskSubjectTableModel::IpColumn).data().toString(),
                 QStringLiteral("8.8.4.4"));
    QCOMPARE(model()->rowStatus(0), Status::Valid);
    QCOMPARE(model()->index(0, RiskSubjectTableModel::LevelColumn).data().toString(),
             QStringLiteral("MEDIUM")); // the default level

    // Edit the level in place.
    const QModelIndex levelIndex = model()->index(0, RiskSubjectTableModel::LevelColumn);
    table()->setCurrentIndex(levelIndex);
    table()->edit(levelIndex);
    QTRY_VERIFY((editor = table()->viewport()->findChild<QLineEdit*>()) != nullptr && editor->isVisible());
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("high"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(model()->index(0, RiskSubjectTableModel::LevelColumn).data().toString(),
                 QStringLiteral("HIGH"));

    // An invalid value is kept and explained, not dropped.
    const QModelIndex ipIndex = model()->index(0, RiskSubjectTableModel::IpColumn);
    table()->setCurrentIndex(ipIndex);
    table()->edit(ipIndex);
    QTRY_VERIFY((editor = table()->viewport()->findChild<QLineEdit*>()) != nullptr && editor->isVisible());
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("192.0.2.0/24"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(model()->rowStatus(0), Status::Invalid);
    QVERIFY(model()
                ->index(0, RiskSubjectTableModel::ReasonColumn)
                .data()
                .toString()
                .contains(QStringLiteral("CIDR")));

    // Undo walks back edit by edit, then the added row; redo replays.
    undo->trigger();
    QCOMPARE(model()->index(0, RiskSubjectTableModel::IpColumn).data().toString(), QStringLiteral("8.8.4.4"));
    QCOMPARE(model()->rowStatus(0), Status::Valid);
    undo->trigger();
    QCOMPARE(model()->index(0, RiskSubjectTableModel::LevelColumn).data().toString(),
             QStringLiteral("MEDIUM"));
    undo->trigger();
    QCOMPARE(model()->index(0, RiskSubjectTableModel::IpColumn).data().toString(), QString());
    undo->trigger();
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(!undo->isEnabled());
    redo->trigger();
    redo->trigger();
    redo->trigger();
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->index(0, RiskSubjectTableModel::IpColumn).data().toString(), QStringLiteral("8.8.4.4"));
    QCOMPARE(model()->index(0, RiskSubjectTableModel::LevelColumn).data().toString(), QStringLiteral("HIGH"));

    // Remove the selected row; undo brings the same row back.
    table()->selectRow(0);
    remove->trigger();
    QCOMPARE(model()->rowCount(), 0);
    undo->trigger();
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->index(0, RiskSubjectTableModel::IpColumn).data().toString(), QStringLiteral("8.8.4.4"));
}

void TestRiskEventsPage::pasteIsOneUndoStep() {
    QGuiApplication::clipboard()->setText(
        QStringLiteral("8.8.8.8\tHIGH\tfrom a sheet\n1.1.1.1\tlow\t\n10.1.2.3\tLOW\t\n"));
    QAction* paste = action(QStringLiteral("pasteAction"));
    QCOMPARE(paste->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_V));
    paste->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    QCOMPARE(model()->counts().count(Status::Valid), 2);
    QCOMPARE(model()->counts().count(Status::Invalid), 1); // private address, with its reason
    const int privateRow = rowOfIp(QStringLiteral("10.1.2.3"));
    QVERIFY(privateRow >= 0);
    QVERIFY(!model()->index(privateRow, RiskSubjectTableModel::ReasonColumn).data().toString().isEmpty());

    QAction* undo = action(QStringLiteral("undoAction"));
    undo->trigger();
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(!undo->isEnabled());
    action(QStringLiteral("redoAction"))->trigger();
    QCOMPARE(model()->rowCount(), 3);

    // The keys work on the table itself: Ctrl+V pastes, Delete removes the selected rows.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    table()->setFocus();
    QGuiApplication::clipboard()->setText(QStringLiteral("9.9.9.9\tMEDIUM\n"));
    QTest::keyClick(table(), Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 4, 5000);
    table()->selectRow(rowOfIp(QStringLiteral("9.9.9.9")));
    QTest::keyClick(table(), Qt::Key_Delete);
    QCOMPARE(model()->rowCount(), 3);
    QCOMPARE(rowOfIp(QStringLiteral("9.9.9.9")), -1);
    QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(model()->rowCount(), 4);
}

void TestRiskEventsPage::exportWritesCsv() {
    importAndWait(dataFile(QStringLiteral("risk_mixed.csv")), 6);
    const QString path = m_dir.filePath(QStringLiteral("export.csv"));
    m_org->hooks()->chooseFileAnswer(QStringLiteral("exportFileDialog"), path);
    QSignalSpy status(m_page.get(), &RiskEventsPage::statusMessage);
    action(QStringLiteral("exportAction"))->trigger();
    QTRY_VERIFY(QFile::exists(path));
    QTRY_VERIFY(!status.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    QVERIFY2(csv.contains(QStringLiteral("10.0.0.0/8")) && csv.contains(QStringLiteral("CIDR")),
             qPrintable(csv));
    QVERIFY(csv.contains(QStringLiteral("9.9.9.9")));
    QCOMPARE(csv.count(QLatin1Char('\n')), 7); // header + 6 rows
}

void TestRiskEventsPage::previewShowsExactRequests() {
    importAndWait(m_org->writeAdminRows(1200), 1200);
    child<QCheckBox>(QStringLiteral("ttlEnabled"))->setChecked(true);
    action(QStringLiteral("previewAction"))->trigger();
    QDialog* preview = nullptr;
    QTRY_VERIFY((preview = m_page->findChild<QDialog*>(QStringLiteral("requestPreviewDialog"))) != nullptr);
    const QString text = allText(preview);
    QVERIFY2(text.contains(QStringLiteral("\"subjects\"")), qPrintable(text.left(500)));
    QVERIFY(text.contains(QStringLiteral("\"expiresAt\"")));
    preview->close();
}

void TestRiskEventsPage::sendWithProblemsAsksAndSendsValidRows() {
    openSandbox();
    importAndWait(dataFile(QStringLiteral("risk_mixed.csv")), 6);
    // Cancel first: nothing is sent.
    action(QStringLiteral("sendAction"))->trigger();
    QTRY_COMPARE(m_org->hooks()->askedCount(QStringLiteral("sendWithProblemsDialog")), 1);
    QVERIFY(!m_page->isSending());
    m_org->hooks()->answer(QStringLiteral("sendWithProblemsDialog"), QMessageBox::Yes);
    action(QStringLiteral("sendAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 3, 10000);
    QCOMPARE(m_org->sandbox()->acceptedRiskSubjects().size(), 3);
    QCOMPARE(model()->counts().count(Status::Invalid), 2);
    // Nothing is editable while a run's results are shown; Edit again makes the rows editable.
    QVERIFY(!action(QStringLiteral("addRowAction"))->isEnabled());
    auto* editAgain = child<QPushButton>(QStringLiteral("editAgainButton"));
    QTRY_VERIFY(editAgain->isVisible());
    editAgain->click();
    QVERIFY(action(QStringLiteral("addRowAction"))->isEnabled());
    QCOMPARE(model()->counts().count(Status::Valid), 3);
}

void TestRiskEventsPage::sendsEverySubjectHighFirst() {
    openSandbox();
    QSignalSpy historyChanged(m_org->history(), &HistoryStore::changed);
    importAndWait(m_org->writeAdminRows(2500), 2500);
    QAction* send = action(QStringLiteral("sendAction"));
    QCOMPARE(send->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QVERIFY(send->isEnabled());
    send->trigger();
    QVERIFY(m_page->isSending());
    QVERIFY(!action(QStringLiteral("addRowAction"))->isEnabled()); // nothing editable during a run
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 2500, 15000);
    QTRY_VERIFY(!m_page->isSending());

    const QJsonArray accepted = m_org->sandbox()->acceptedRiskSubjects();
    QCOMPARE(accepted.size(), 2500);
    // HIGH first, then MEDIUM, then LOW.
    const QStringList order{QStringLiteral("HIGH"), QStringLiteral("MEDIUM"), QStringLiteral("LOW")};
    int rank = 0;
    for (const QJsonValue& value : accepted) {
        const int level = int(order.indexOf(value.toObject().value(QStringLiteral("riskLevel")).toString()));
        QVERIFY(level >= rank);
        rank = level;
    }
    QCOMPARE(child<QProgressBar>(QStringLiteral("sendProgress"))->value(), 2500);
    QVERIFY(child<QLabel>(QStringLiteral("sendStatusLabel"))->text().contains(QStringLiteral("2,500")) ||
            child<QLabel>(QStringLiteral("sendStatusLabel"))->text().contains(QStringLiteral("2500")));
    QVERIFY(child<QLabel>(QStringLiteral("sendCountsLabel"))->text().contains(QStringLiteral("0 pending")));
    QVERIFY(!child<RateLimitGauge>(QStringLiteral("rateLimitGauge"))->text().isEmpty());
    QVERIFY(!child<QPushButton>(QStringLiteral("retryPendingButton"))->isVisible());
    QVERIFY(historyChanged.size() >= 2); // started and stopped
    // Accepted rows carry Okta's request id.
    QVERIFY(!model()->index(0, 0).data(RiskSubjectTableModel::RequestIdRole).toString().isEmpty());

    // New batch empties the table.
    child<QPushButton>(QStringLiteral("newBatchButton"))->click();
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(action(QStringLiteral("addRowAction"))->isEnabled());
}

void TestRiskEventsPage::rateLimitShowsCountdownAndRunCompletes() {
    SandboxOptions options;
    options.riskEventsLimit = 2;
    options.windowSeconds = 4;
    makeOrg(options);
    openSandbox();
    importAndWait(m_org->writeAdminRows(2500), 2500);
    SandboxServer* sandbox = m_org->sandbox();

    // Another client of the org uses up the window just before the run, so the run's first request
    // (sent on Okta's documented default budget: no answer yet) gets a real 429 with headers.
    QTRY_VERIFY_WITH_TIMEOUT(sandbox->currentTimeMs() % 4000 < 2500, 3000); // not at a window's end
    QNetworkAccessManager other;
    QNetworkRequest request(sandbox->baseUrl().resolved(QUrl(RiskPath)));
    request.setRawHeader("Authorization", "SSWS " + sandbox->token().toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    std::unique_ptr<QNetworkReply> first(other.post(request, QByteArray("[]")));
    std::unique_ptr<QNetworkReply> second(other.post(request, QByteArray("[]")));
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 3000);

    action(QStringLiteral("sendAction"))->trigger();
    auto* gauge = child<RateLimitGauge>(QStringLiteral("rateLimitGauge"));
    QTRY_VERIFY_WITH_TIMEOUT(gauge->text().contains(QStringLiteral("rate-limited")), 3000);
    QVERIFY2(gauge->text().contains(QStringLiteral("waiting")), qPrintable(gauge->text()));
    QVERIFY2(gauge->text().contains(QStringLiteral("resets in")), qPrintable(gauge->text()));
    QTRY_VERIFY2_WITH_TIMEOUT(model()->counts().count(Status::Accepted) == 2500,
                              qPrintable(gauge->text() + QStringLiteral(" | ") +
                                         child<QLabel>(QStringLiteral("sendCountsLabel"))->text() +
                                         QStringLiteral(" | ") +
                                         child<QLabel>(QStringLiteral("sendStatusLabel"))->text()),
                              15000);
    QCOMPARE(sandbox->acceptedRiskSubjects().size(), 2500);
    QVERIFY(child<QLabel>(QStringLiteral("sendStatusLabel"))->text().startsWith(QStringLiteral("Done")));
}

void TestRiskEventsPage::pauseAndResume() {
    openSandbox();
    importAndWait(m_org->writeAdminRows(2500), 2500);
    QAction* pause = action(QStringLiteral("pauseAction"));
    QCOMPARE(pause->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    action(QStringLiteral("sendAction"))->trigger();
    QVERIFY(pause->isEnabled());
    pause->trigger(); // the first request is in flight: it completes, nothing more goes
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 1000, 5000);
    auto* status = child<QLabel>(QStringLiteral("sendStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Paused")), 3000);
    QVERIFY(m_page->isSending());
    QCOMPARE(model()->counts().count(Status::Pending), 1500);
    QCOMPARE(m_org->sandbox()->acceptedRiskSubjects().size(), 1000);
    QVERIFY(pause->text().contains(QStringLiteral("Res")));

    pause->trigger(); // resume
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 2500, 10000);
    QCOMPARE(m_org->sandbox()->acceptedRiskSubjects().size(), 2500);
    QTRY_VERIFY(!m_page->isSending());
}

void TestRiskEventsPage::quickReportListsProblemsThenSends() {
    openSandbox();
    QAction* report = action(QStringLiteral("reportIpsNowAction"));
    QCOMPARE(report->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    report->trigger();
    QPointer<QuickReportDialog> dialog =
        m_page->findChild<QuickReportDialog*>(QStringLiteral("quickReportDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* ips = dialog->findChild<QPlainTextEdit*>(QStringLiteral("quickIps"));
    auto* level = dialog->findChild<QComboBox*>(QStringLiteral("quickLevel"));
    auto* message = dialog->findChild<QLineEdit*>(QStringLiteral("quickMessage"));
    auto* sendButton = dialog->findChild<QPushButton*>(QStringLiteral("quickSendButton"));
    QVERIFY(ips && level && message && sendButton);
    QCOMPARE(level->currentText(), QStringLiteral("HIGH"));

    // A private address: nothing is sent, the problem names its line.
    ips->setPlainText(QStringLiteral("8.8.8.8\n10.1.2.3\n"));
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->problems().size(), 1);
    QVERIFY2(dialog->problems().constFirst().contains(QStringLiteral("Line 2")),
             qPrintable(dialog->problems().join('|')));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("quickProblems"))
                ->text()
                .contains(QStringLiteral("10.1.2.3")));
    QVERIFY(!m_page->isSending());

    ips->setPlainText(QStringLiteral("8.8.8.8\n1.1.1.1, 9.9.9.9\n"));
    QTest::keyClicks(message, QStringLiteral("credential stuffing"));
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 3, 10000);
    const QJsonArray accepted = m_org->sandbox()->acceptedRiskSubjects();
    QCOMPARE(accepted.size(), 3);
    for (const QJsonValue& value : accepted) {
        QCOMPARE(value.toObject().value(QStringLiteral("riskLevel")).toString(), QStringLiteral("HIGH"));
        QCOMPARE(value.toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("credential stuffing"));
    }
}

// 2,500 rows imported and sent, paused once the first request (1,000 subjects) is answered.
void TestRiskEventsPage::sendAndPauseAfterOneRequest() {
    openSandbox();
    importAndWait(m_org->writeAdminRows(2500), 2500);
    action(QStringLiteral("sendAction"))->trigger();
    action(QStringLiteral("pauseAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 1000, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(QStringLiteral("sendStatusLabel"))->text().startsWith(QStringLiteral("Paused")), 3000);
}

void TestRiskEventsPage::resumeOfferedAfterCancelledRun() {
    sendAndPauseAfterOneRequest();
    if (QTest::currentTestFailed())
        return;
    QAction* cancel = action(QStringLiteral("cancelSendAction"));
    QCOMPARE(cancel->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Period));
    cancel->trigger();
    QTRY_VERIFY(!m_page->isSending());
    QVERIFY(child<QLabel>(QStringLiteral("sendStatusLabel"))->text().startsWith(QStringLiteral("Cancelled")));
    QTRY_VERIFY(child<QPushButton>(QStringLiteral("retryPendingButton"))->isVisible());
    QCOMPARE(model()->counts().count(Status::Pending), 1500);

    // A new page (the next start) offers the run; Yes resumes it.
    m_org->hooks()->answer(QStringLiteral("resumeRunDialog"), QMessageBox::Yes);
    makePage();
    QTRY_COMPARE_WITH_TIMEOUT(m_org->hooks()->askedCount(QStringLiteral("resumeRunDialog")), 1, 3000);
    const QString question = m_org->hooks()->lastAsked(QStringLiteral("resumeRunDialog"))->question.text;
    QVERIFY2(question.contains(QStringLiteral("1,500 pending")) ||
                 question.contains(QStringLiteral("1500 pending")),
             qPrintable(question));
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().rows, 2500, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 2500, 10000);
    QCOMPARE(m_org->sandbox()->acceptedRiskSubjects().size(), 2500);

    // Finished runs are not offered again.
    makePage();
    QTRY_VERIFY(
        action(QStringLiteral("sendAction"))->isEnabled()); // set up, the question would be asked by now
    QCOMPARE(m_org->hooks()->askedCount(QStringLiteral("resumeRunDialog")), 1);
}

// A journal file damaged after the run stopped (disk fault, an edit): the resume names it and
// sends its request again; nothing is lost.
void TestRiskEventsPage::resumeOfADamagedRunSaysSo() {
    sendAndPauseAfterOneRequest();
    if (QTest::currentTestFailed())
        return;
    action(QStringLiteral("cancelSendAction"))->trigger();
    QTRY_VERIFY(!m_page->isSending());

    // The answered request's outcome file, cut in half.
    QDirIterator outcomes(m_org->journalBase(), {QStringLiteral("*.outcome.json")}, QDir::Files,
                          QDirIterator::Subdirectories);
    QVERIFY(outcomes.hasNext());
    QFile outcome(outcomes.next());
    QVERIFY(!outcomes.hasNext()); // one request was answered
    QVERIFY(outcome.open(QIODevice::ReadWrite));
    QVERIFY(outcome.resize(outcome.size() / 2));
    outcome.close();

    m_org->hooks()->answer(QStringLiteral("resumeRunDialog"), QMessageBox::Yes);
    makePage();
    QTRY_COMPARE_WITH_TIMEOUT(m_org->hooks()->askedCount(QStringLiteral("resumeDamagedDialog")), 1, 5000);
    const DialogHooks::Question warning =
        m_org->hooks()->lastAsked(QStringLiteral("resumeDamagedDialog"))->question;
    QVERIFY2(warning.text.contains(QStringLiteral("journal could not be read")), qPrintable(warning.text));
    QVERIFY2(warning.text.contains(QStringLiteral("sent again")), qPrintable(warning.text));
    QVERIFY2(warning.detailedText.contains(QFileInfo(outcome.fileName()).fileName()),
             qPrintable(warning.detailedText));
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), 2500, 10000);
    QCOMPARE(model()->counts().count(Status::Pending), 0);
    // The damaged file's request went again: its 1,000 subjects twice, every other once.
    QCOMPARE(m_org->sandbox()->acceptedRiskSubjects().size(), 3500);
}

QTEST_MAIN(TestRiskEventsPage)
#include "TestRiskEventsPage.moc"
