#include "DetectionsPage.h"
#include "GuiTestOrg.h"
#include "HistoryPage.h"
#include "MainWindow.h"
#include "RiskEventsPage.h"
#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"
#include "ThreatInsightPage.h"
#include "common/SystemClock.h"
#include "profiles/ProfileStore.h"
#include "riskevents/RunJournal.h"
#include "riskevents/SendRun.h"
#include "session/OrgSession.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

// The main window around the real pages, against the in-process sandbox org.
class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> makeWindow(GuiTestOrg& org) {
        auto window =
            std::make_unique<MainWindow>(org.session(), org.history(), org.hooks(), SystemClock::instance(),
                                         org.journalBase(), org.settings());
        window->resize(1100, 700);
        window->show();
        return window;
    }
    static QString labelText(MainWindow& window, const char* name) {
        auto* label = window.findChild<QLabel*>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

private slots:
    void firstLaunchOffersTheSandbox() {
        GuiTestOrg org;
        org.hooks()->answer(QStringLiteral("firstLaunchDialog"), QMessageBox::Open);
        auto window = makeWindow(org);
        window->start();
        QCOMPARE(org.hooks()->askedCount(QStringLiteral("firstLaunchDialog")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        QVERIFY(org.session()->profile().isSandbox());
        QTRY_COMPARE(labelText(*window, "statusConnection"), QStringLiteral("Connected"));
        QVERIFY(labelText(*window, "statusOrg").contains(QStringLiteral("Sandbox")));
        QCOMPARE(labelText(*window, "statusAuth"), QStringLiteral("Sandbox (API token)"));
        auto* switcher = window->findChild<QComboBox*>(QStringLiteral("orgSwitcher"));
        QVERIFY(switcher);
        QCOMPARE(switcher->currentData().toString(), QString::fromLatin1(OrgProfile::SandboxId));
    }

    void firstLaunchCancelledStaysClosed() {
        GuiTestOrg org;
        org.hooks()->answer(QStringLiteral("firstLaunchDialog"), QMessageBox::Cancel);
        auto window = makeWindow(org);
        window->start();
        QTRY_COMPARE(org.hooks()->askedCount(QStringLiteral("firstLaunchDialog")), 1);
        QCOMPARE(org.session()->state(), OrgSession::State::Closed);
        QCOMPARE(labelText(*window, "statusConnection"), QStringLiteral("Not connected"));
    }

    void firstLaunchCanAddAProfile() {
        GuiTestOrg org;
        org.hooks()->answer(QStringLiteral("firstLaunchDialog"), QMessageBox::Yes);
        auto window = makeWindow(org);
        window->start();
        QTRY_VERIFY(window->findChild<QDialog*>(QStringLiteral("profileDialog")) != nullptr);
    }

    void lastProfileReopensWithoutAsking() {
        GuiTestOrg org;
        {
            auto window = makeWindow(org);
            window->start(QString::fromLatin1(OrgProfile::SandboxId));
            QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
            window->close();
        }
        org.session()->close();
        auto window = makeWindow(org);
        window->start();
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        QVERIFY(org.session()->profile().isSandbox());
        QCOMPARE(org.hooks()->askedCount(QStringLiteral("firstLaunchDialog")), 0);
    }

    void restoresGeometryAndLastPage() {
        GuiTestOrg org;
        QSize size;
        {
            auto window = makeWindow(org);
            window->resize(900, 640);
            window->showPage(MainWindow::History);
            size = window->size();
            QVERIFY(window->close());
        }
        auto window =
            std::make_unique<MainWindow>(org.session(), org.history(), org.hooks(), SystemClock::instance(),
                                         org.journalBase(), org.settings());
        QCOMPARE(window->currentPage(), MainWindow::History);
        QCOMPARE(window->size(), size);
    }

    // Help -> About names the version, the licence and what it runs on, for bug reports.
    void aboutNamesVersionLicenceQtAndQtKeychain() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        auto* about = window->findChild<QAction*>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        about->trigger();
        QTRY_COMPARE(org.hooks()->askedCount(QStringLiteral("aboutDialog")), 1);
        const QString text = org.hooks()->lastAsked(QStringLiteral("aboutDialog"))->question.text;
        for (const QString& expected :
             {QStringLiteral("ThreatDesk " THREATDESK_VERSION), QStringLiteral("GPL-3.0-or-later"),
              QStringLiteral("Qt %1 (built with " QT_VERSION_STR ")").arg(QLatin1String(qVersion())),
              QStringLiteral("QtKeychain 0.")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
    }

    void pageShortcuts() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window->currentPage(), MainWindow::RiskEvents);
        QTest::keyClick(window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window->currentPage(), MainWindow::History);
        QTest::keyClick(window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window->currentPage(), MainWindow::ThreatInsight);
    }

    // Every main action is reachable from the keyboard, and every menu entry has a name.
    void mainActionsHaveShortcuts() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        // Pages are built when first shown; their menus come with them.
        for (MainWindow::Page page : {MainWindow::RiskEvents, MainWindow::History, MainWindow::ThreatInsight})
            window->showPage(page);
        int withShortcut = 0;
        for (QAction* menuAction : window->menuBar()->actions()) {
            QVERIFY2(!menuAction->text().isEmpty(), "a menu without a title");
            for (QAction* action : menuAction->menu()->actions()) {
                if (action->isSeparator())
                    continue;
                QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
                if (!action->shortcut().isEmpty())
                    ++withShortcut;
            }
        }
        QVERIFY2(withShortcut >= 20, qPrintable(QString::number(withShortcut)));
        for (const char* name : {"addProfileAction", "reconnectAction", "quitAction", "showPage1Action",
                                 "showPage2Action", "showPage3Action"}) {
            auto* action = window->findChild<QAction*>(QLatin1String(name));
            QVERIFY2(action, name);
            QVERIFY2(!action->shortcut().isEmpty(), name);
        }
    }

    // Controls a screen reader cannot name by their text carry an accessible name.
    void inputControlsHaveAccessibleNames() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        for (MainWindow::Page page : {MainWindow::RiskEvents, MainWindow::History, MainWindow::ThreatInsight})
            window->showPage(page);
        QStringList missing;
        const QList<QWidget*> widgets = window->findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            const bool input = qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget) ||
                               qobject_cast<QAbstractItemView*>(widget) ||
                               qobject_cast<QAbstractSpinBox*>(widget) ||
                               qobject_cast<QPlainTextEdit*>(widget);
            // Parts of a composite control (a combo box's line edit, a spin box's editor) are
            // named by their owner.
            const bool part =
                qobject_cast<QComboBox*>(widget->parentWidget()) ||
                qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) ||
                qobject_cast<QHeaderView*>(widget) ||
                QLatin1String(widget->metaObject()->className()).startsWith(QLatin1String("QComboBox")) ||
                widget->objectName().startsWith(QLatin1String("qt_"));
            if (input && !part && widget->accessibleName().isEmpty())
                missing.append(QStringLiteral("%1 (%2)").arg(
                    widget->objectName(), QLatin1String(widget->metaObject()->className())));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void statusBarShowsTheBudget() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        // The ThreatInsight page loads on open: its answers carry X-Rate-Limit-* headers.
        static const QRegularExpression budget(QStringLiteral("^Budget: \\d+/\\d+"));
        QTRY_VERIFY_WITH_TIMEOUT(budget.match(labelText(*window, "statusBudget")).hasMatch(), 5000);
    }

    void switchingOrgAsksWhenThereAreUnsavedChanges() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        // Reconnecting to the same org goes through the same path as a switch.
        auto* reconnect = window->findChild<QAction*>(QStringLiteral("reconnectAction"));
        QSignalSpy closing(org.session(), &OrgSession::closing);
        reconnect->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        QCOMPARE(closing.count(), 1);
        QCOMPARE(org.hooks()->askedCount(QStringLiteral("switchOrgDialog")), 0);
    }

    void sandboxCannotBeEditedOrRemoved() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        QVERIFY(!window->findChild<QAction*>(QStringLiteral("editProfileAction"))->isEnabled());
        window->removeProfile();
        QCOMPARE(org.hooks()->askedCount(QStringLiteral("cannotRemoveProfileDialog")), 1);
        QCOMPARE(org.profiles()->profiles().size(), 1);
    }

    // Only the page on screen is built at start; the others when first shown, Risk events also
    // when an org opens (to offer resuming an interrupted run).
    void pagesAreBuiltOnFirstUse() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        QVERIFY(window->findChild<ThreatInsightPage*>() != nullptr);
        QVERIFY(window->findChild<RiskEventsPage*>() == nullptr);
        QVERIFY(window->findChild<HistoryPage*>() == nullptr);
        window->showPage(MainWindow::History);
        QVERIFY(window->findChild<HistoryPage*>() != nullptr);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        QVERIFY(window->findChild<RiskEventsPage*>() != nullptr);
        // The current page's menu is the only page menu shown.
        QStringList shown;
        for (QAction* action : window->menuBar()->actions())
            if (action->isVisible())
                shown.append(action->text());
        QCOMPARE(shown,
                 (QStringList{QStringLiteral("&Org"), QStringLiteral("&View"), QStringLiteral("&Incident"),
                              QStringLiteral("&History"), QStringLiteral("&Help")}));
        // The fourth page, Detections, the same way (Ctrl+4).
        QVERIFY(window->findChild<DetectionsPage*>() == nullptr);
        auto* showDetections = window->findChild<QAction*>(QStringLiteral("showPage4Action"));
        QVERIFY(showDetections);
        QCOMPARE(showDetections->shortcut(), QKeySequence(QStringLiteral("Ctrl+4")));
        showDetections->trigger();
        QCOMPARE(window->currentPage(), MainWindow::Detections);
        QVERIFY(window->findChild<DetectionsPage*>() != nullptr);
    }

    void ctrlRReportsIpsFromAnyPage() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        window->showPage(MainWindow::History);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(window->currentPage(), MainWindow::RiskEvents);
        QTRY_VERIFY(window->findChild<QDialog*>(QStringLiteral("quickReportDialog")) != nullptr);
    }

    // A run a crash left unfinished is offered once, as soon as its org opens, although the
    // Risk events page was never shown.
    void interruptedRunIsOfferedAtStart() {
        GuiTestOrg org;
        QVector<RiskSubject> subjects;
        for (int i = 1; i <= 30; ++i)
            subjects.append(
                {QStringLiteral("203.0.113.%1").arg(i), RiskLevel::High, QStringLiteral("seen"), i});
        const QDateTime created = QDateTime::currentDateTimeUtc();
        const QString runId = RunJournal::newRunId(created);
        const SendRun run = SendRun::plan(subjects, BatchPlanner::Options(),
                                          QString::fromLatin1(OrgProfile::SandboxId), runId, created);
        RunJournal journal(RunJournal::runDirectory(org.journalBase(), run.profileId, runId));
        QString error;
        QVERIFY2(journal.create(run, &error), qPrintable(error));

        org.hooks()->answer(QStringLiteral("resumeRunDialog"), QMessageBox::Yes);
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.hooks()->askedCount(QStringLiteral("resumeRunDialog")), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(org.sandbox()->acceptedRiskSubjects().size(), 30, 10000);
        QCOMPARE(org.hooks()->askedCount(QStringLiteral("resumeRunDialog")), 1);
    }

    // Quitting while a run is sending (here: paused) asks first; Cancel keeps the window.
    void quittingWhileSendingAsks() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        const QString csv = org.dataDirectory() + QStringLiteral("/rows.csv");
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ip,level,message\n");
        for (int i = 0; i < 2500; ++i)
            file.write(QStringLiteral("45.33.%1.%2,HIGH,seen\n").arg(i / 250).arg(i % 250 + 1).toUtf8());
        file.close();
        window->showPage(MainWindow::RiskEvents);
        window->riskEventsPage()->importFile(csv);
        auto* table = window->findChild<QTableView*>(QStringLiteral("riskTable"));
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2500, 10000);
        window->findChild<QAction*>(QStringLiteral("sendAction"))->trigger();
        window->findChild<QAction*>(QStringLiteral("pauseAction"))->trigger();
        QVERIFY(window->isSending());

        QVERIFY(!window->close()); // refused until answered; unscripted means Cancel
        QTRY_COMPARE(org.hooks()->askedCount(QStringLiteral("quitDialog")), 1);
        QVERIFY(window->isVisible());
        org.hooks()->answer(QStringLiteral("quitDialog"), QMessageBox::Yes);
        window->close();
        QTRY_VERIFY(!window->isVisible());
        QCOMPARE(org.hooks()->askedCount(QStringLiteral("quitDialog")), 2);
    }

    void connectionFailureIsShown() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QStringLiteral("no-such-profile"));
        QTRY_COMPARE(org.session()->state(), OrgSession::State::Failed);
        QTRY_COMPARE(org.hooks()->askedCount(QStringLiteral("connectionFailedDialog")), 1);
        QCOMPARE(labelText(*window, "statusConnection"), QStringLiteral("Connection failed"));
        QVERIFY(org.hooks()
                    ->lastAsked(QStringLiteral("connectionFailedDialog"))
                    ->question.text.contains(QStringLiteral("no-such-profile")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
