#include "MainWindow.h"

#include "DetectionsPage.h"
#include "DialogHooks.h"
#include "HistoryPage.h"
#include "Icons.h"
#include "ProfileDialog.h"
#include "RiskEventsPage.h"
#include "ThreatInsightPage.h"
#include "ZoneChangeDialog.h"
#include "api/OktaClient.h"
#include "common/BuildInfo.h"
#include "history/HistoryStore.h"
#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"
#include "session/OrgSession.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {
const char* const GeometryKey = "window/geometry";
const char* const StateKey = "window/state";
const char* const PageKey = "window/page";
} // namespace

MainWindow::MainWindow(OrgSession* session, HistoryStore* history, DialogHooks* hooks, Clock* clock,
                       QString journalBase, QSettings* settings, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_historyStore(history)
    , m_hooks(hooks)
    , m_settings(settings) {
    if (!m_settings) {
        m_settings = new QSettings();
        m_ownsSettings = true;
    }
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ThreatDesk"));
    setWindowIcon(Icons::icon(QStringLiteral("threatdesk")));

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pageTabs"));
    m_pages->setAccessibleName(tr("Pages"));
    m_pages->setDocumentMode(true);
    m_clock = clock;
    m_journalBase = std::move(journalBase);
    // Each tab holds an empty frame; its page is built the first time it is needed (shown,
    // Ctrl+R, a run to resume), so the window appears without paying for pages not looked at.
    const QStringList icons = {QStringLiteral("threatinsight"), QStringLiteral("risk-events"),
                               QStringLiteral("history"), QStringLiteral("detections")};
    const QStringList titles = {tr("&ThreatInsight"), tr("&Risk events"), tr("&History"), tr("&Detections")};
    for (int i = 0; i < titles.size(); ++i) {
        auto* frame = new QWidget(m_pages);
        auto* layout = new QVBoxLayout(frame);
        layout->setContentsMargins(0, 0, 0, 0);
        m_pages->addTab(frame, Icons::icon(icons.at(i)), titles.at(i));
    }
    setCentralWidget(m_pages);

    buildActions();
    buildMenus();
    buildStatusBar();
    fillOrgSwitcher();

    // An interrupted run is offered for resuming as soon as an org opens.
    connect(m_session, &OrgSession::opened, this, [this] { ensurePage(RiskEvents); });
    connect(m_session, &OrgSession::stateChanged, this, &MainWindow::updateStatus);
    connect(m_session, &OrgSession::exchangeFinished, this, &MainWindow::updateBudget);
    connect(m_session, &OrgSession::failed, this, [this](const QString& reason) {
        m_hooks->inform(this, QStringLiteral("connectionFailedDialog"), QMessageBox::Warning,
                        tr("Cannot connect"), reason);
    });
    connect(m_session->profiles(), &ProfileStore::profilesChanged, this, &MainWindow::fillOrgSwitcher);
    restoreState();
    onPageChanged(m_pages->currentIndex());
    updateStatus();
}

MainWindow::~MainWindow() {
    // The pages abort their jobs as they go, and an aborted job still reports its exchange
    // through the session: this window must not hear it half-destroyed. So stop listening, and
    // let the pages go while the window is still whole.
    disconnect(m_session, nullptr, this, nullptr);
    disconnect(m_session->profiles(), nullptr, this, nullptr);
    m_pages->disconnect(this);
    delete m_pages;
    if (m_ownsSettings)
        delete m_settings;
}

void MainWindow::buildActions() {
    m_addProfile = new QAction(Icons::icon(QStringLiteral("profile")), tr("&Add profile…"), this);
    m_addProfile->setObjectName(QStringLiteral("addProfileAction"));
    m_addProfile->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    connect(m_addProfile, &QAction::triggered, this, &MainWindow::addProfile);

    m_editProfile = new QAction(tr("&Edit profile…"), this);
    m_editProfile->setObjectName(QStringLiteral("editProfileAction"));
    m_editProfile->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(m_editProfile, &QAction::triggered, this, &MainWindow::editProfile);

    m_removeProfile = new QAction(tr("Re&move profile…"), this);
    m_removeProfile->setObjectName(QStringLiteral("removeProfileAction"));
    connect(m_removeProfile, &QAction::triggered, this, &MainWindow::removeProfile);

    m_reconnect = new QAction(Icons::icon(QStringLiteral("reload")), tr("Re&connect"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectAction"));
    m_reconnect->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    connect(m_reconnect, &QAction::triggered, this, [this] {
        if (!m_session->profile().id.isEmpty())
            switchTo(m_session->profile().id);
    });

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setObjectName(QStringLiteral("quitAction"));
    // QKeySequence::Quit is empty on some desktops; Ctrl+Q is what every Linux desktop uses.
    m_quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_about = new QAction(tr("&About ThreatDesk"), this);
    m_about->setObjectName(QStringLiteral("aboutAction"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    const QStringList names = {tr("&ThreatInsight"), tr("&Risk events"), tr("&History"), tr("&Detections")};
    for (int i = 0; i < names.size(); ++i) {
        auto* action = new QAction(m_pages->tabIcon(i), names.at(i), this);
        action->setObjectName(QStringLiteral("showPage%1Action").arg(i + 1));
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        connect(action, &QAction::triggered, this, [this, i] { showPage(static_cast<Page>(i)); });
        m_pageSwitch.append(action);
    }
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&Org"));
    file->addAction(m_addProfile);
    file->addAction(m_editProfile);
    file->addAction(m_removeProfile);
    file->addAction(m_reconnect);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_pageSwitch);

    // Reporting IPs is the incident-response shortcut: it works from every page.
    m_reportIps = new QAction(Icons::icon(QStringLiteral("report")), tr("Report &IPs now…"), this);
    m_reportIps->setObjectName(QStringLiteral("reportIpsNowAction"));
    m_reportIps->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(m_reportIps, &QAction::triggered, this, [this] {
        showPage(RiskEvents);
        riskEventsPage()->reportIpsNow();
    });
    view->addSeparator();
    view->addAction(m_reportIps);
    addAction(m_reportIps);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);

    buildIncidentMenu();

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    QMenu* help = m_helpMenu;
    help->addAction(m_about);

    QToolBar* bar = addToolBar(tr("Org"));
    bar->setObjectName(QStringLiteral("orgToolBar"));
    bar->setMovable(false);
    auto* label = new QLabel(tr("&Org:"), bar);
    m_orgSwitcher = new QComboBox(bar);
    m_orgSwitcher->setObjectName(QStringLiteral("orgSwitcher"));
    m_orgSwitcher->setAccessibleName(tr("Org"));
    m_orgSwitcher->setToolTip(tr("The org this window works on (Ctrl+Shift+K)"));
    m_orgSwitcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_orgSwitcher->setMinimumContentsLength(18);
    label->setBuddy(m_orgSwitcher);
    auto* focusSwitcher = new QAction(this);
    focusSwitcher->setShortcut(QKeySequence(tr("Ctrl+Shift+K")));
    connect(focusSwitcher, &QAction::triggered, m_orgSwitcher, [this] {
        m_orgSwitcher->setFocus();
        m_orgSwitcher->showPopup();
    });
    addAction(focusSwitcher);
    bar->addWidget(label);
    bar->addWidget(m_orgSwitcher);
    bar->addAction(m_addProfile);
    bar->addAction(m_reconnect);
    bar->addSeparator();
    bar->addAction(m_reportIps);
    connect(m_orgSwitcher, qOverload<int>(&QComboBox::activated), this, &MainWindow::onOrgChosen);
}

void MainWindow::buildIncidentMenu() {
    // Blocking or exempting an address is the other incident-response step: from every page.
    struct Entry {
        ZoneAction action;
        const char* objectName;
        const char* icon;
        QString text;
        QKeySequence shortcut;
        QString toolTip;
    };
    const Entry entries[] = {
        {ZoneAction::Block, "blockIpsAction", "block", tr("&Block IPs…"), QKeySequence(tr("Ctrl+Alt+B")),
         tr("Add addresses to a block list zone (BlockedIpZone by default), after showing the change")},
        {ZoneAction::Unblock, "unblockIpsAction", "block", tr("&Unblock IPs…"),
         QKeySequence(tr("Ctrl+Alt+Shift+B")), tr("Remove addresses from a block list zone")},
        {ZoneAction::Exempt, "exemptIpsAction", "exempt", tr("&Exempt IPs…"), QKeySequence(tr("Ctrl+Alt+E")),
         tr("Add addresses to DefaultExemptIpZone, which ThreatInsight never flags")},
        {ZoneAction::Unexempt, "unexemptIpsAction", "exempt", tr("U&nexempt IPs…"),
         QKeySequence(tr("Ctrl+Alt+Shift+E")), tr("Remove addresses from DefaultExemptIpZone")},
    };
    QMenu* menu = menuBar()->addMenu(tr("&Incident"));
    menu->setObjectName(QStringLiteral("incidentMenu"));
    for (const Entry& entry : entries) {
        auto* action = new QAction(Icons::icon(QLatin1String(entry.icon)), entry.text, this);
        action->setObjectName(QLatin1String(entry.objectName));
        action->setShortcut(entry.shortcut);
        action->setToolTip(entry.toolTip);
        const ZoneAction zoneAction = entry.action;
        connect(action, &QAction::triggered, this, [this, zoneAction] { openZoneDialog(zoneAction); });
        menu->addAction(action);
        addAction(action);
        m_zoneActions.append(action);
    }
    menu->addSeparator();
    menu->addAction(m_reportIps);
}

ZoneChangeDialog* MainWindow::openZoneDialog(ZoneAction action) {
    if (m_session->state() != OrgSession::State::Open)
        return nullptr;
    const QStringList ips =
        currentPage() == Detections && m_detections ? m_detections->selectedIps() : QStringList();
    auto* dialog = new ZoneChangeDialog(m_session, m_historyStore, action, ips, this);
    connect(dialog, &ZoneChangeDialog::zoneChanged, this,
            [this](const QString& summary, const QString& requestId) {
                statusBar()->showMessage(tr("Zone changed: %1 (request id %2)").arg(summary, requestId),
                                         10000);
            });
    m_hooks->showDialog(dialog);
    return dialog;
}

void MainWindow::addDetectionsToRiskBatch(const QStringList& ips) {
    showPage(RiskEvents);
    // The message goes to Okta, which allows letters, digits, space, '.', '_' and '-' only: never
    // translated.
    riskEventsPage()->appendAddresses(ips, QStringLiteral("HIGH"), QStringLiteral("ThreatInsight detection"));
}

void MainWindow::buildStatusBar() {
    auto make = [this](const char* name, const QString& accessible) {
        auto* label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setAccessibleName(accessible);
        statusBar()->addPermanentWidget(label);
        return label;
    };
    m_statusOrg = make("statusOrg", tr("Org"));
    m_statusAuth = make("statusAuth", tr("Authentication method"));
    m_statusConnection = make("statusConnection", tr("Connection state"));
    m_statusBudget = make("statusBudget", tr("Rate-limit budget"));
}

void MainWindow::fillOrgSwitcher() {
    m_fillingSwitcher = true;
    m_orgSwitcher->clear();
    const QList<OrgProfile> profiles = m_session->profiles()->profiles();
    for (const OrgProfile& profile : profiles) {
        const QString label = profile.isSandbox() ? tr("Sandbox org (built in)") : profile.displayName;
        m_orgSwitcher->addItem(label, profile.id);
    }
    const int current = m_orgSwitcher->findData(m_session->profile().id);
    m_orgSwitcher->setCurrentIndex(current);
    m_fillingSwitcher = false;
    updateStatus();
}

void MainWindow::onOrgChosen(int index) {
    if (m_fillingSwitcher || index < 0)
        return;
    const QString id = m_orgSwitcher->itemData(index).toString();
    if (id == m_session->profile().id && m_session->state() == OrgSession::State::Open)
        return;
    // Put the switcher back until the switch is confirmed.
    m_orgSwitcher->setCurrentIndex(m_orgSwitcher->findData(m_session->profile().id));
    switchTo(id);
}

void MainWindow::switchTo(const QString& profileId) {
    if (!isSending() && !hasUnsavedChanges()) {
        m_session->open(profileId);
        return;
    }
    DialogHooks::Question question;
    question.objectName = QStringLiteral("switchOrgDialog");
    question.icon = QMessageBox::Warning;
    question.title = tr("Switch org");
    question.text =
        isSending() ? tr("A risk-event run is still sending. Switching org stops it; what is not sent yet "
                         "stays pending and can be resumed later from this org.")
                    : tr("The ThreatInsight settings have unsaved changes. Switching org discards them.");
    question.informativeText = tr("Switch anyway?");
    question.buttons = QMessageBox::Yes | QMessageBox::Cancel;
    question.defaultButton = QMessageBox::Cancel;
    m_hooks->ask(this, question, [this, profileId](QMessageBox::StandardButton button) {
        if (button == QMessageBox::Yes)
            m_session->open(profileId);
    });
}

void MainWindow::start(const QString& profileId) {
    if (!profileId.isEmpty()) {
        m_session->open(profileId);
        return;
    }
    if (m_session->openLastUsed())
        return;
    offerFirstLaunch();
}

void MainWindow::offerFirstLaunch() {
    DialogHooks::Question question;
    question.objectName = QStringLiteral("firstLaunchDialog");
    question.icon = QMessageBox::Information;
    question.title = tr("Welcome to ThreatDesk");
    question.text = tr("No org is set up yet.");
    question.informativeText =
        tr("Open the built-in sandbox org to try everything safely on this computer, or add a profile for "
           "your Okta org (an API token or an OAuth service app; secrets stay in the system keychain).");
    question.buttons = QMessageBox::Open | QMessageBox::Yes | QMessageBox::Cancel;
    question.defaultButton = QMessageBox::Open;
    m_hooks->ask(this, question, [this](QMessageBox::StandardButton button) {
        if (button == QMessageBox::Open)
            m_session->open(QString::fromLatin1(OrgProfile::SandboxId));
        else if (button == QMessageBox::Yes)
            addProfile();
    });
}

void MainWindow::addProfile() {
    auto* dialog = new ProfileDialog(m_session, m_hooks, OrgProfile(), this);
    connect(dialog, &ProfileDialog::profileSaved, this, [this](const QString& id) { switchTo(id); });
    m_hooks->showDialog(dialog);
}

void MainWindow::editProfile() {
    const OrgProfile profile = m_session->profile();
    if (profile.id.isEmpty() || profile.isSandbox()) {
        m_hooks->inform(
            this, QStringLiteral("cannotEditProfileDialog"), QMessageBox::Information, tr("Edit profile"),
            tr("The built-in sandbox org has no settings to edit. Pick one of your profiles first."));
        return;
    }
    auto* dialog = new ProfileDialog(m_session, m_hooks, profile, this);
    connect(dialog, &ProfileDialog::profileSaved, this, [this](const QString& id) { switchTo(id); });
    m_hooks->showDialog(dialog);
}

void MainWindow::removeProfile() {
    const OrgProfile profile = m_session->profile();
    if (profile.id.isEmpty() || profile.isSandbox()) {
        m_hooks->inform(this, QStringLiteral("cannotRemoveProfileDialog"), QMessageBox::Information,
                        tr("Remove profile"), tr("The built-in sandbox org cannot be removed."));
        return;
    }
    DialogHooks::Question question;
    question.objectName = QStringLiteral("removeProfileDialog");
    question.icon = QMessageBox::Warning;
    question.title = tr("Remove profile");
    question.text = tr("Remove the profile '%1' and its secret from the keychain?").arg(profile.displayName);
    question.informativeText = tr("Its run history stays on disk.");
    question.buttons = QMessageBox::Yes | QMessageBox::Cancel;
    m_hooks->ask(this, question, [this, profile](QMessageBox::StandardButton button) {
        if (button != QMessageBox::Yes)
            return;
        if (isSending())
            return; // the question said so; never pull the org from under a run
        m_session->close();
        m_session->secrets()->removeProfile(profile.id, this, [this](const SecretResult& result) {
            if (!result.ok)
                statusBar()->showMessage(
                    tr("The secret could not be removed from the keychain: %1").arg(result.error));
        });
        m_session->profiles()->remove(profile.id);
        m_session->open(QString::fromLatin1(OrgProfile::SandboxId));
    });
}

QWidget* MainWindow::ensurePage(Page page) {
    const int index = static_cast<int>(page);
    if (m_pageWidgets[index])
        return m_pageWidgets[index];
    QWidget* frame = m_pages->widget(index);
    QWidget* widget = nullptr;
    QString title;
    auto showMessage = [this](const QString& message) {
        statusBar()->showMessage(message, 10000);
    };
    switch (page) {
    case ThreatInsight:
        m_threatInsight = new ThreatInsightPage(m_session, m_historyStore, m_hooks, frame);
        connect(m_threatInsight, &ThreatInsightPage::statusMessage, this, showMessage);
        widget = m_threatInsight;
        title = tr("&ThreatInsight");
        break;
    case RiskEvents:
        m_riskEvents = new RiskEventsPage(m_session, m_historyStore, m_hooks, m_clock, m_journalBase, frame);
        connect(m_riskEvents, &RiskEventsPage::statusMessage, this, showMessage);
        widget = m_riskEvents;
        title = tr("&Risk events");
        break;
    case History:
        m_history = new HistoryPage(m_session, m_historyStore, m_hooks, frame);
        connect(m_history, &HistoryPage::statusMessage, this, showMessage);
        widget = m_history;
        title = tr("&History");
        break;
    case Detections:
        m_detections = new DetectionsPage(m_session, m_historyStore, m_hooks, m_clock, frame);
        connect(m_detections, &DetectionsPage::statusMessage, this, showMessage);
        connect(m_detections, &DetectionsPage::addToRiskBatch, this, &MainWindow::addDetectionsToRiskBatch);
        // A batch that is sending or importing cannot take rows: the action is not offered then.
        m_detections->setRiskBatchCheck([this] { return !m_riskEvents || m_riskEvents->canEdit(); });
        widget = m_detections;
        title = tr("&Detections");
        break;
    case PageCount:
        return nullptr;
    }
    frame->layout()->addWidget(widget);
    m_pageWidgets[index] = widget;
    // One menu per page; only the current page's menu and actions are live, so pages may use
    // the same keys (F5 reloads whichever page is shown) without ambiguous shortcuts.
    QMenu* menu = new QMenu(title, menuBar());
    const QList<QAction*> actions = pageActionsOf(page);
    menu->addActions(actions);
    addActions(actions);
    menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
    m_pageMenus[index] = menu;
    const bool current = m_pages->currentIndex() == index;
    menu->menuAction()->setVisible(current);
    for (QAction* action : actions)
        action->setVisible(current);
    return widget;
}

ThreatInsightPage* MainWindow::threatInsightPage() {
    ensurePage(ThreatInsight);
    return m_threatInsight;
}

RiskEventsPage* MainWindow::riskEventsPage() {
    ensurePage(RiskEvents);
    return m_riskEvents;
}

HistoryPage* MainWindow::historyPage() {
    ensurePage(History);
    return m_history;
}

DetectionsPage* MainWindow::detectionsPage() {
    ensurePage(Detections);
    return m_detections;
}

bool MainWindow::isSending() const {
    return m_riskEvents && m_riskEvents->isSending();
}

bool MainWindow::hasUnsavedChanges() const {
    return m_threatInsight && m_threatInsight->hasUnsavedChanges();
}

QList<QAction*> MainWindow::pageActionsOf(Page page) const {
    QList<QAction*> actions;
    if (page == ThreatInsight && m_threatInsight)
        actions = m_threatInsight->pageActions();
    else if (page == RiskEvents && m_riskEvents)
        actions = m_riskEvents->pageActions();
    else if (page == History && m_history)
        actions = m_history->pageActions();
    else if (page == Detections && m_detections)
        actions = m_detections->pageActions();
    // The window's own "Report IPs now" stands in for the page's.
    actions.erase(
        std::remove_if(actions.begin(), actions.end(),
                       [](QAction* action) { return action->shortcut() == QKeySequence(tr("Ctrl+R")); }),
        actions.end());
    return actions;
}

void MainWindow::onPageChanged(int index) {
    if (index < 0)
        return;
    ensurePage(static_cast<Page>(index));
    for (int i = 0; i < PageCount; ++i) {
        if (!m_pageMenus[i])
            continue;
        const bool current = i == index;
        m_pageMenus[i]->menuAction()->setVisible(current);
        // An invisible action is disabled too, and gets its own enabled state back when shown.
        for (QAction* action : pageActionsOf(static_cast<Page>(i)))
            action->setVisible(current);
    }
}

void MainWindow::showPage(Page page) {
    m_pages->setCurrentIndex(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::updateStatus() {
    const OrgSession::State state = m_session->state();
    m_statusOrg->setText(m_session->orgLabel());
    m_statusAuth->setText(m_session->authMethodLabel());
    QString connection;
    switch (state) {
    case OrgSession::State::Closed:
        connection = tr("Not connected");
        break;
    case OrgSession::State::Opening:
        connection = tr("Connecting…");
        break;
    case OrgSession::State::Open:
        connection = tr("Connected");
        break;
    case OrgSession::State::Failed:
        connection = tr("Connection failed");
        break;
    }
    m_statusConnection->setText(connection);
    m_statusConnection->setToolTip(state == OrgSession::State::Failed ? m_session->errorMessage()
                                                                      : QString());
    const int index = m_orgSwitcher->findData(m_session->profile().id);
    if (index >= 0 && index != m_orgSwitcher->currentIndex()) {
        m_fillingSwitcher = true;
        m_orgSwitcher->setCurrentIndex(index);
        m_fillingSwitcher = false;
    }
    const bool userProfile = !m_session->profile().id.isEmpty() && !m_session->profile().isSandbox();
    m_editProfile->setEnabled(userProfile);
    for (QAction* action : std::as_const(m_zoneActions))
        action->setEnabled(state == OrgSession::State::Open);
    m_removeProfile->setEnabled(userProfile);
    setWindowTitle(m_session->profile().id.isEmpty()
                       ? tr("ThreatDesk")
                       : tr("%1 — ThreatDesk").arg(m_session->profile().displayName));
    updateBudget();
}

void MainWindow::updateBudget() {
    const RateLimitSnapshot& budget = m_session->lastRateLimit();
    if (m_session->state() != OrgSession::State::Open || !budget.hasBudget()) {
        m_statusBudget->setText(tr("Budget: –"));
        m_statusBudget->setToolTip(tr("No answer from Okta yet"));
        return;
    }
    const std::optional<qint64> reset = budget.secondsUntilReset();
    m_statusBudget->setText(
        reset ? tr("Budget: %1/%2 · reset in %3 s").arg(*budget.remaining).arg(*budget.limit).arg(*reset)
              : tr("Budget: %1/%2").arg(*budget.remaining).arg(*budget.limit));
    m_statusBudget->setToolTip(tr("Requests left in the current window of the endpoint last called (%1)")
                                   .arg(m_session->lastRateLimitPath()));
}

void MainWindow::restoreState() {
    if (!restoreGeometry(m_settings->value(QLatin1String(GeometryKey)).toByteArray()))
        resize(1200, 780); // first start: room for the risk table and the send panel
    QMainWindow::restoreState(m_settings->value(QLatin1String(StateKey)).toByteArray());
    const int page = m_settings->value(QLatin1String(PageKey), 0).toInt();
    if (page >= 0 && page < m_pages->count())
        m_pages->setCurrentIndex(page);
}

void MainWindow::saveState() {
    m_settings->setValue(QLatin1String(GeometryKey), saveGeometry());
    m_settings->setValue(QLatin1String(StateKey), QMainWindow::saveState());
    m_settings->setValue(QLatin1String(PageKey), m_pages->currentIndex());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_closeConfirmed || (!isSending() && !hasUnsavedChanges())) {
        saveState();
        event->accept();
        return;
    }
    // Asked asynchronously: the event is refused now and close() runs again once confirmed.
    event->ignore();
    DialogHooks::Question question;
    question.objectName = QStringLiteral("quitDialog");
    question.icon = QMessageBox::Warning;
    question.title = tr("Quit ThreatDesk");
    question.text = isSending()
                        ? tr("A risk-event run is still sending. Quit anyway? What is not sent yet stays "
                             "pending; ThreatDesk offers to resume it at the next start.")
                        : tr("The ThreatInsight settings have unsaved changes. Quit and discard them?");
    question.buttons = QMessageBox::Yes | QMessageBox::Cancel;
    question.defaultButton = QMessageBox::Cancel;
    m_hooks->ask(this, question, [this](QMessageBox::StandardButton button) {
        if (button != QMessageBox::Yes)
            return;
        m_closeConfirmed = true;
        close();
    });
}

void MainWindow::showAbout() {
    m_hooks->inform(this, QStringLiteral("aboutDialog"), QMessageBox::Information, tr("About ThreatDesk"),
                    tr("ThreatDesk %1\nA desktop console for Okta ThreatInsight and IP risk events.\n\n"
                       "Licence: GNU General Public License, version 3 or later (%2).\n"
                       "Qt %3 (built with %4), QtKeychain %5.")
                        .arg(BuildInfo::appVersion(), BuildInfo::licence(), BuildInfo::qtRuntimeVersion(),
                             BuildInfo::qtBuildVersion(), BuildInfo::keychainVersion()));
}
