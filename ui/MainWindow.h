#pragma once

#include "incident/ZoneAction.h"

#include <QMainWindow>
#include <QPointer>

class Clock;
class DetectionsPage;
class DialogHooks;
class HistoryPage;
class HistoryStore;
class OrgSession;
class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSettings;
class QTabWidget;
class RiskEventsPage;
class ThreatInsightPage;
class ZoneChangeDialog;

// What admins open: the org switcher (profiles, the built-in sandbox, add/edit/remove), the
// ThreatInsight, Risk events, History and Detections pages, the Incident menu (block / exempt
// IPs from every page), and a status bar with the org, the auth
// method, the connection state and the last rate-limit budget Okta reported. Window geometry,
// the last page and (through ProfileStore) the last profile come back at the next start.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // New pages go before PageCount: the saved last page is this index.
    enum Page { ThreatInsight, RiskEvents, History, Detections, PageCount };
    Q_ENUM(Page)

    // `settings` (not owned) keeps the window state; nullptr uses the app's QSettings.
    MainWindow(OrgSession* session, HistoryStore* history, DialogHooks* hooks, Clock* clock,
               QString journalBase, QSettings* settings = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    // At start: opens the last used profile, or offers the sandbox and the profile dialog when
    // there is none (first launch). `profileId` (e.g. from --sandbox) wins when given.
    void start(const QString& profileId = {});
    void showPage(Page page);
    Page currentPage() const;

    // The pages, built on first use.
    ThreatInsightPage* threatInsightPage();
    RiskEventsPage* riskEventsPage();
    HistoryPage* historyPage();
    DetectionsPage* detectionsPage();
    bool isSending() const;         // a risk-event run is sending or paused
    bool hasUnsavedChanges() const; // on the ThreatInsight page

    // Opens the profile dialog for a new profile (or the selected one when `edit`).
    void addProfile();
    void editProfile();
    void removeProfile();
    // Opens the block / exempt dialog for `action` (Incident menu), prefilled with the IPs
    // selected on the Detections page when it is shown. Nullptr when no org is open.
    ZoneChangeDialog* openZoneDialog(ZoneAction action);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* ensurePage(Page page);
    QList<QAction*> pageActionsOf(Page page) const;
    void onPageChanged(int index);
    void buildActions();
    void buildMenus();
    void buildStatusBar();
    void buildIncidentMenu();
    void addDetectionsToRiskBatch(const QStringList& ips);
    void fillOrgSwitcher();
    void onOrgChosen(int index);
    void switchTo(const QString& profileId);
    void offerFirstLaunch();
    void updateStatus();
    void updateBudget();
    void restoreState();
    void saveState();
    void showAbout();

    OrgSession* m_session;
    HistoryStore* m_historyStore;
    DialogHooks* m_hooks;
    QSettings* m_settings;
    bool m_ownsSettings = false;
    QComboBox* m_orgSwitcher = nullptr;
    QTabWidget* m_pages = nullptr;
    ThreatInsightPage* m_threatInsight = nullptr;
    RiskEventsPage* m_riskEvents = nullptr;
    HistoryPage* m_history = nullptr;
    DetectionsPage* m_detections = nullptr;
    QLabel* m_statusOrg = nullptr;
    QLabel* m_statusAuth = nullptr;
    QLabel* m_statusConnection = nullptr;
    QLabel* m_statusBudget = nullptr;
    QAction* m_addProfile = nullptr;
    QAction* m_editProfile = nullptr;
    QAction* m_removeProfile = nullptr;
    QAction* m_reconnect = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_about = nullptr;
    QAction* m_reportIps = nullptr;
    QList<QAction*> m_zoneActions; // Incident menu: block, unblock, exempt, unexempt
    QList<QAction*> m_pageSwitch;
    QWidget* m_pageWidgets[PageCount] = {};
    QMenu* m_pageMenus[PageCount] = {};
    QMenu* m_helpMenu = nullptr;
    Clock* m_clock = nullptr;
    QString m_journalBase;
    bool m_closeConfirmed = false;
    bool m_fillingSwitcher = false;
};
