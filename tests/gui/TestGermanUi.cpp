#include "GuiTestOrg.h"
#include "MainWindow.h"
#include "ScriptedDialogHooks.h"
#include "common/SystemClock.h"
#include "common/Translations.h"
#include "profiles/OrgProfile.h"
#include "session/OrgSession.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTest>

#include <memory>

// The desktop app in German: the catalogues built into the build tree are installed in-process,
// then the real main window is checked for German menus, pages, buttons, plurals and dialogs.
class TestGermanUi : public QObject {
    Q_OBJECT

private:
    // Every menu entry by where it is: "menu title > entry" -> text (the menus of every page).
    using MenuTexts = QList<QPair<QString, QString>>;

    QStringList m_loaded;
    MenuTexts m_english;

    static std::unique_ptr<MainWindow> makeWindow(GuiTestOrg& org) {
        auto window =
            std::make_unique<MainWindow>(org.session(), org.history(), org.hooks(), SystemClock::instance(),
                                         org.journalBase(), org.settings());
        window->resize(1100, 700);
        window->show();
        // Pages and their menus are built when first shown.
        for (MainWindow::Page page :
             {MainWindow::RiskEvents, MainWindow::History, MainWindow::Detections, MainWindow::ThreatInsight})
            window->showPage(page);
        return window;
    }

    // Page menus are hidden unless their page is shown: walk all of them.
    static MenuTexts menuTexts(MainWindow& window) {
        MenuTexts texts;
        for (QAction* menuAction : window.menuBar()->actions()) {
            texts.append({menuAction->text(), QString()});
            for (QAction* action : menuAction->menu()->actions()) {
                if (!action->isSeparator())
                    texts.append({menuAction->text(), action->text()});
            }
        }
        return texts;
    }

    static QString labelText(MainWindow& window, const char* name) {
        auto* label = window.findChild<QLabel*>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    template <typename T> static QString textOf(QWidget& parent, const char* name) {
        auto* widget = parent.findChild<T*>(QLatin1String(name));
        return widget ? widget->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

private slots:
    void initTestCase() {
        // First the English texts, to prove below that every menu entry changed language.
        {
            GuiTestOrg org;
            auto window = makeWindow(org);
            m_english = menuTexts(*window);
        }
        QVERIFY(m_english.size() > 30);
        m_loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany),
                                         {QStringLiteral(THREATDESK_QM_DIR)});
    }

    void everyCatalogueIsLoaded() {
        QStringList names;
        for (const QString& file : std::as_const(m_loaded))
            names.append(QFileInfo(file).fileName());
        for (const char* expected :
             {"threatdesk_models_de.qm", "threatdesk_ui_de.qm", "threatdesk_app_de.qm"})
            QVERIFY2(names.contains(QLatin1String(expected)), qPrintable(names.join(QStringLiteral(", "))));
    }

    void menusAndTabsAreGerman() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        QStringList titles;
        for (QAction* menuAction : window->menuBar()->actions())
            titles.append(menuAction->text());
        // The first page's menu comes with the window, the others in the order they were shown.
        QCOMPARE(titles, (QStringList{QStringLiteral("&Org"), QStringLiteral("&Ansicht"),
                                      QStringLiteral("&Vorfall"), QStringLiteral("&ThreatInsight"),
                                      QStringLiteral("&Risikoereignisse"), QStringLiteral("Ver&lauf"),
                                      QStringLiteral("&Erkennungen"), QStringLiteral("&Hilfe")}));
        auto* tabs = window->findChild<QTabWidget*>(QStringLiteral("pageTabs"));
        QVERIFY(tabs);
        QStringList tabTexts;
        for (int i = 0; i < tabs->count(); ++i)
            tabTexts.append(tabs->tabText(i));
        QCOMPARE(tabTexts, (QStringList{QStringLiteral("&ThreatInsight"), QStringLiteral("&Risikoereignisse"),
                                        QStringLiteral("Ver&lauf"), QStringLiteral("&Erkennungen")}));

        const QHash<QString, QString> expected{
            {QStringLiteral("addProfileAction"), QStringLiteral("Profil &hinzufügen…")},
            {QStringLiteral("quitAction"), QStringLiteral("&Beenden")},
            {QStringLiteral("aboutAction"), QStringLiteral("Ü&ber ThreatDesk")},
            {QStringLiteral("blockIpsAction"), QStringLiteral("IPs &blockieren…")},
            {QStringLiteral("saveAction"), QStringLiteral("&Speichern")},
            {QStringLiteral("importAction"), QStringLiteral("&Importieren…")},
            {QStringLiteral("historyExportAction"), QStringLiteral("Verlauf als CSV &exportieren…")},
            {QStringLiteral("detectionsRefreshAction"), QStringLiteral("&Aktualisieren")},
        };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QList<QAction*> actions = window->findChildren<QAction*>(it.key());
            QVERIFY2(!actions.isEmpty(), qPrintable(it.key()));
            for (QAction* action : actions)
                QCOMPARE(action->text(), it.value());
        }
        // The window's "Report IPs now" (View and Incident menus), not the Risk events page's.
        auto* report =
            window->findChild<QAction*>(QStringLiteral("reportIpsNowAction"), Qt::FindDirectChildrenOnly);
        QVERIFY(report);
        QCOMPARE(report->text(), QStringLiteral("&IPs jetzt melden…"));
    }

    // No menu entry is left in English: each differs from the English window's entry at the same
    // place, except the brand name, which German keeps.
    void noMenuEntryIsLeftInEnglish() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        const MenuTexts german = menuTexts(*window);
        QCOMPARE(german.size(), m_english.size());
        const QStringList sameInGerman = {QStringLiteral("&Org"), QStringLiteral("&ThreatInsight")};
        QStringList english;
        for (int i = 0; i < german.size(); ++i) {
            const QString& text = german.at(i).second.isEmpty() ? german.at(i).first : german.at(i).second;
            const QString& before =
                m_english.at(i).second.isEmpty() ? m_english.at(i).first : m_english.at(i).second;
            QVERIFY2(!text.isEmpty(), qPrintable(before));
            if (text == before && !sameInGerman.contains(text))
                english.append(text);
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(" | "))));
    }

    // Within one menu, and among the menu titles, no two entries share an accelerator letter.
    void acceleratorsAreUniquePerMenu() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        static const QRegularExpression accelerator(QStringLiteral("&([^&])"));
        QStringList clashes;
        const auto check = [&clashes](const QList<QAction*>& actions) {
            QHash<QChar, QString> seen;
            for (QAction* action : actions) {
                const QRegularExpressionMatch match = accelerator.match(action->text());
                if (action->isSeparator() || !match.hasMatch())
                    continue;
                const QChar key = match.captured(1).at(0).toLower();
                if (seen.contains(key))
                    clashes.append(seen.value(key) + QStringLiteral(" / ") + action->text());
                seen.insert(key, action->text());
            }
        };
        check(window->menuBar()->actions());
        for (QAction* menuAction : window->menuBar()->actions())
            check(menuAction->menu()->actions());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral(", "))));
    }

    void pagesAndButtonsAreGerman() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        QCOMPARE(labelText(*window, "statusConnection"), QStringLiteral("Nicht verbunden"));
        QCOMPARE(labelText(*window, "statusBudget"), QStringLiteral("Kontingent: –"));
        QCOMPARE(textOf<QAbstractButton>(*window, "actionNone"), QStringLiteral("&Keine"));
        QCOMPARE(textOf<QAbstractButton>(*window, "actionAudit"), QStringLiteral("&Protokollieren"));
        QCOMPARE(textOf<QAbstractButton>(*window, "actionBlock"), QStringLiteral("&Blockieren"));
        auto* actionBox = window->findChild<QGroupBox*>(QStringLiteral("actionBox"));
        QVERIFY(actionBox);
        QCOMPARE(actionBox->title(), QStringLiteral("Aktion bei verdächtigen Anfragen"));
        QCOMPARE(textOf<QAbstractButton>(*window, "newBatchButton"), QStringLiteral("Neuer Stapel"));
        QCOMPARE(textOf<QAbstractButton>(*window, "retryPendingButton"),
                 QStringLiteral("Ausstehende erneut versuchen"));
        QCOMPARE(textOf<QAbstractButton>(*window, "problemsOnlyFilter"), QStringLiteral("Nur &Probleme"));

        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        QTRY_COMPARE(labelText(*window, "statusConnection"), QStringLiteral("Verbunden"));
        static const QRegularExpression budget(QStringLiteral("^Kontingent: \\d+/\\d+"));
        QTRY_VERIFY_WITH_TIMEOUT(budget.match(labelText(*window, "statusBudget")).hasMatch(), 5000);
        // The zone list's count uses the German plural forms.
        static const QRegularExpression zones(QStringLiteral("^\\d+ Zonen?, \\d+ ausgenommen$"));
        QTRY_VERIFY_WITH_TIMEOUT(zones.match(labelText(*window, "zoneCountLabel")).hasMatch(), 5000);
    }

    // German texts are longer: every page still fits the window's first-start size (1200 pixels
    // wide, for 1280-pixel screens) instead of widening the window beyond the screen.
    void germanPagesFitTheFirstStartWindow() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        window->start(QString::fromLatin1(OrgProfile::SandboxId));
        QTRY_COMPARE_WITH_TIMEOUT(org.session()->state(), OrgSession::State::Open, 5000);
        QStringList tooWide;
        for (const char* name : {"threatInsightPage", "riskEventsPage", "historyPage", "detectionsPage"}) {
            auto* page = window->findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(page, name);
            if (page->minimumSizeHint().width() > 1190)
                tooWide.append(QStringLiteral("%1: %2 px")
                                   .arg(QLatin1String(name))
                                   .arg(page->minimumSizeHint().width()));
        }
        QVERIFY2(tooWide.isEmpty(), qPrintable(tooWide.join(QStringLiteral(", "))));
        window->resize(1200, 780);
        QTRY_COMPARE(window->width(), 1200);
    }

    void pluralFormsAreGerman() {
        QCOMPARE(QCoreApplication::translate("RemoveRowsCommand", "remove %n row(s)", nullptr, 1),
                 QStringLiteral("1 Zeile entfernen"));
        QCOMPARE(QCoreApplication::translate("RemoveRowsCommand", "remove %n row(s)", nullptr, 3),
                 QStringLiteral("3 Zeilen entfernen"));
        QCOMPARE(QCoreApplication::translate("ZonePicker", "%n zone(s), %1 excluded", nullptr, 1).arg(0),
                 QStringLiteral("1 Zone, 0 ausgenommen"));
    }

    void aboutDialogIsGerman() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        auto* about = window->findChild<QAction*>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        about->trigger();
        QTRY_COMPARE(org.hooks()->askedCount(QStringLiteral("aboutDialog")), 1);
        const DialogHooks::Question& question =
            org.hooks()->lastAsked(QStringLiteral("aboutDialog"))->question;
        QCOMPARE(question.title, QStringLiteral("Über ThreatDesk"));
        QVERIFY2(question.text.contains(
                     QStringLiteral("Eine Desktop-Konsole für Okta ThreatInsight und IP-Risikoereignisse.")),
                 qPrintable(question.text));
        QVERIFY2(question.text.contains(
                     QStringLiteral("Lizenz: GNU General Public License, Version 3 oder neuer")),
                 qPrintable(question.text));
        QVERIFY2(question.text.contains(QStringLiteral("QtKeychain")), qPrintable(question.text));
    }

    void profileDialogIsGerman() {
        GuiTestOrg org;
        auto window = makeWindow(org);
        auto* add = window->findChild<QAction*>(QStringLiteral("addProfileAction"));
        QVERIFY(add);
        add->trigger();
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<QDialog*>(QStringLiteral("profileDialog"))) != nullptr);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Org-Profil hinzufügen"));
        QCOMPARE(textOf<QAbstractButton>(*dialog, "testConnectionButton"),
                 QStringLiteral("&Verbindung testen"));
        QCOMPARE(textOf<QAbstractButton>(*dialog, "useSystemProxyCheck"),
                 QStringLiteral("Pro&xy-Einstellungen des Systems verwenden"));
        dialog->reject();
    }
};

QTEST_MAIN(TestGermanUi)
#include "TestGermanUi.moc"
