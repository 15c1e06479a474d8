#include "RiskEventsPage.h"

#include "AddRowsCommand.h"
#include "AppendImportCommand.h"
#include "DialogHooks.h"
#include "EditRowCommand.h"
#include "Icons.h"
#include "ImportSummaryDialog.h"
#include "QuickReportDialog.h"
#include "RateLimitGauge.h"
#include "RemoveRowsCommand.h"
#include "RequestPreviewDialog.h"
#include "RiskTableView.h"
#include "history/HistoryStore.h"
#include "riskevents/ImportJob.h"
#include "riskevents/RiskSendSession.h"
#include "session/OrgSession.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

// How many request bodies the preview shows; the total is always given.
constexpr int PreviewRequests = 3;

QString durationText(qint64 ms) {
    const qint64 s = (ms + 999) / 1000;
    if (s >= 3600)
        return RiskEventsPage::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60)
        return RiskEventsPage::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return RiskEventsPage::tr("%1 s").arg(s);
}

} // namespace

RiskEventsPage::RiskEventsPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks, Clock* clock,
                               QString journalBase, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(history)
    , m_hooks(hooks)
    , m_clock(clock)
    , m_journalBase(std::move(journalBase))
    , m_model(new RiskSubjectTableModel(this))
    , m_undoStack(new QUndoStack(this)) {
    setObjectName(QStringLiteral("riskEventsPage"));
    setAccessibleName(tr("Risk events"));
    setAcceptDrops(true);
    buildUi();
    m_model->setValidationOptions(importOptions());
    connect(m_model, &RiskSubjectTableModel::countsChanged, this, &RiskEventsPage::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RiskEventsPage::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RiskEventsPage::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RiskEventsPage::updateCounts);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &RiskEventsPage::updateActions);
    connectSession();
    updateCounts();
    updateSendPanel();
    updateActions();
}

RiskEventsPage::~RiskEventsPage() {
    // Children die after this body: their last signals must not reach a half-destroyed page.
    disconnect(m_undoStack, nullptr, this, nullptr);
    disconnect(m_model, nullptr, this, nullptr);
    if (m_importJob)
        disconnect(m_importJob, nullptr, this, nullptr);
    // The model follows the scheduler: detach it before the session (and its scheduler) goes.
    m_model->setScheduler(nullptr);
    m_gauge->setStatus(nullptr);
    delete m_sendSession;
    m_sendSession = nullptr;
}

QAction* RiskEventsPage::makeAction(const QString& objectName, const QString& icon, const QString& text,
                                    const QKeySequence& shortcut, void (RiskEventsPage::*slot)()) {
    auto* action = new QAction(Icons::icon(icon), text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Active while the focus is on this page, so other pages may use the same keys.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QString plain = text;
    plain.remove(QLatin1Char('&'));
    action->setToolTip(
        shortcut.isEmpty() ? plain : tr("%1 (%2)").arg(plain, shortcut.toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    m_actions.append(action);
    return action;
}

void RiskEventsPage::buildUi() {
    m_importAction = makeAction(QStringLiteral("importAction"), QStringLiteral("import"), tr("&Import…"),
                                QKeySequence(Qt::CTRL | Qt::Key_O), &RiskEventsPage::chooseImportFile);
    m_pasteAction = makeAction(QStringLiteral("pasteAction"), QStringLiteral("paste"), tr("&Paste rows"),
                               QKeySequence(Qt::CTRL | Qt::Key_V), &RiskEventsPage::paste);
    m_addRowAction = makeAction(QStringLiteral("addRowAction"), QStringLiteral("add-row"), tr("&Add row"),
                                QKeySequence(Qt::CTRL | Qt::Key_N), &RiskEventsPage::addRow);
    m_removeRowsAction =
        makeAction(QStringLiteral("removeRowsAction"), QStringLiteral("remove-rows"), tr("&Remove rows"),
                   QKeySequence(Qt::Key_Delete), &RiskEventsPage::removeRows);
    m_undoAction = makeAction(QStringLiteral("undoAction"), QStringLiteral("undo"), tr("&Undo"),
                              QKeySequence(Qt::CTRL | Qt::Key_Z), &RiskEventsPage::undo);
    m_redoAction = makeAction(QStringLiteral("redoAction"), QStringLiteral("redo"), tr("&Redo"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), &RiskEventsPage::redo);
    m_previewAction =
        makeAction(QStringLiteral("previewAction"), QStringLiteral("preview"), tr("Pre&view requests…"),
                   QKeySequence(Qt::CTRL | Qt::Key_P), &RiskEventsPage::preview);
    m_sendAction = makeAction(QStringLiteral("sendAction"), QStringLiteral("send"), tr("&Send"),
                              QKeySequence(Qt::CTRL | Qt::Key_Return), &RiskEventsPage::send);
    m_pauseAction = makeAction(QStringLiteral("pauseAction"), QStringLiteral("pause"), tr("Pa&use"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &RiskEventsPage::togglePause);
    m_cancelAction =
        makeAction(QStringLiteral("cancelSendAction"), QStringLiteral("cancel"), tr("&Cancel run"),
                   QKeySequence(Qt::CTRL | Qt::Key_Period), &RiskEventsPage::cancelSend);
    m_retryAction = makeAction(QStringLiteral("retryPendingAction"), QStringLiteral("reload"),
                               tr("Re&try pending"), QKeySequence(), &RiskEventsPage::retryPending);
    m_exportAction =
        makeAction(QStringLiteral("exportAction"), QStringLiteral("export"), tr("&Export results…"),
                   QKeySequence(Qt::CTRL | Qt::Key_E), &RiskEventsPage::exportResults);
    m_reportAction =
        makeAction(QStringLiteral("reportIpsNowAction"), QStringLiteral("report"), tr("Report IPs &now…"),
                   QKeySequence(Qt::CTRL | Qt::Key_R), &RiskEventsPage::reportIpsNow);
    // The incident-response shortcut works wherever the focus is in the window.
    m_reportAction->setShortcutContext(Qt::WindowShortcut);

    auto* toolBar = new QToolBar(tr("Risk events"), this);
    toolBar->setObjectName(QStringLiteral("riskToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Report first: the incident-response flow must be the easiest thing to find.
    toolBar->addAction(m_reportAction);
    toolBar->addSeparator();
    toolBar->addActions({m_importAction, m_pasteAction, m_addRowAction, m_removeRowsAction});
    toolBar->addSeparator();
    toolBar->addActions({m_undoAction, m_redoAction});
    toolBar->addSeparator();
    toolBar->addActions({m_previewAction, m_sendAction, m_pauseAction, m_cancelAction});
    toolBar->addSeparator();
    toolBar->addAction(m_exportAction);
    for (QAction* action : toolBar->actions()) {
        if (QWidget* button = toolBar->widgetForAction(action)) {
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(action->text().remove(QLatin1Char('&')));
            // Undo and redo read well as icons alone (their tooltips name them), which keeps the
            // toolbar within a normal window's width.
            auto* toolButton = qobject_cast<QToolButton*>(button);
            if (toolButton && (action == m_undoAction || action == m_redoAction))
                toolButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
        }
    }

    // Import options and event options.
    m_defaultLevel = new QComboBox(this);
    m_defaultLevel->setObjectName(QStringLiteral("defaultLevel"));
    m_defaultLevel->setAccessibleName(tr("Default risk level"));
    m_defaultLevel->setToolTip(tr("The level of rows that give none (plain IP lists, typed rows)"));
    m_defaultLevel->addItem(tr("none (rows must give one)"), -1);
    for (RiskLevel level : {RiskLevel::High, RiskLevel::Medium, RiskLevel::Low})
        m_defaultLevel->addItem(RiskLevels::toString(level), static_cast<int>(level));
    m_defaultLevel->setCurrentIndex(2); // MEDIUM: a plain list imports without a question
    connect(m_defaultLevel, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setValidationOptions(importOptions()); });

    m_importFormat = new QComboBox(this);
    m_importFormat->setObjectName(QStringLiteral("importFormat"));
    m_importFormat->setAccessibleName(tr("Import format"));
    m_importFormat->setToolTip(
        tr("How files and pasted text are read; Detect tells a plain IP list from CSV"));
    m_importFormat->addItem(tr("Detect"), int(ImportOptions::Format::Auto));
    m_importFormat->addItem(tr("CSV / spreadsheet"), int(ImportOptions::Format::Csv));
    m_importFormat->addItem(tr("Plain IP list"), int(ImportOptions::Format::PlainList));
    // The options row must fit a small screen in every language: these combos are sized for a
    // short choice, not their longest one (their lists still show every choice in full).
    for (QComboBox* combo : {m_defaultLevel, m_importFormat}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }

    m_allowNonPublic = new QCheckBox(tr("Allow &non-public addresses"), this);
    m_allowNonPublic->setObjectName(QStringLiteral("allowNonPublic"));
    m_allowNonPublic->setAccessibleName(tr("Allow non-public addresses"));
    m_allowNonPublic->setToolTip(tr("Accept private, loopback, documentation and other reserved addresses"));
    connect(m_allowNonPublic, &QCheckBox::toggled, this,
            [this] { m_model->setValidationOptions(importOptions()); });

    auto* timestampLabel = new QLabel(tr("Timestamp: now (when Send is pressed)"), this);
    timestampLabel->setObjectName(QStringLiteral("timestampLabel"));
    m_ttlEnabled = new QCheckBox(tr("E&xpires after"), this);
    m_ttlEnabled->setObjectName(QStringLiteral("ttlEnabled"));
    m_ttlEnabled->setAccessibleName(tr("Expire the events"));
    m_ttlEnabled->setToolTip(tr("Sets expiresAt: the events stop counting after this time"));
    m_ttlValue = new QSpinBox(this);
    m_ttlValue->setObjectName(QStringLiteral("ttlMinutes"));
    m_ttlValue->setAccessibleName(tr("Time to live"));
    m_ttlValue->setRange(1, 100000);
    m_ttlValue->setValue(24);
    m_ttlValue->setEnabled(false);
    m_ttlUnit = new QComboBox(this);
    m_ttlUnit->setObjectName(QStringLiteral("ttlUnit"));
    m_ttlUnit->setAccessibleName(tr("Time to live unit"));
    m_ttlUnit->addItem(tr("minutes"), 60);
    m_ttlUnit->addItem(tr("hours"), 3600);
    m_ttlUnit->setCurrentIndex(1);
    m_ttlUnit->setEnabled(false);
    connect(m_ttlEnabled, &QCheckBox::toggled, m_ttlValue, &QWidget::setEnabled);
    connect(m_ttlEnabled, &QCheckBox::toggled, m_ttlUnit, &QWidget::setEnabled);

    auto* optionsRow = new QHBoxLayout;
    auto* defaultLevelLabel = new QLabel(tr("&Default level:"), this);
    defaultLevelLabel->setBuddy(m_defaultLevel);
    optionsRow->addWidget(defaultLevelLabel);
    optionsRow->addWidget(m_defaultLevel);
    auto* formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_importFormat);
    optionsRow->addWidget(formatLabel);
    optionsRow->addWidget(m_importFormat);
    optionsRow->addWidget(m_allowNonPublic);
    optionsRow->addSpacing(16);
    optionsRow->addWidget(timestampLabel);
    optionsRow->addWidget(m_ttlEnabled);
    optionsRow->addWidget(m_ttlValue);
    optionsRow->addWidget(m_ttlUnit);
    optionsRow->addStretch();

    // Import progress.
    m_importBar = new QWidget(this);
    m_importBar->setObjectName(QStringLiteral("importBar"));
    m_importLabel = new QLabel(m_importBar);
    m_importProgress = new QProgressBar(m_importBar);
    m_importProgress->setObjectName(QStringLiteral("importProgress"));
    m_importProgress->setAccessibleName(tr("Import progress"));
    m_importProgress->setRange(0, 1000);
    m_cancelImport = new QPushButton(Icons::icon(QStringLiteral("cancel")), tr("Cancel import"), m_importBar);
    m_cancelImport->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancelImport->setAccessibleName(tr("Cancel import"));
    connect(m_cancelImport, &QPushButton::clicked, this, &RiskEventsPage::cancelImport);
    auto* importLayout = new QHBoxLayout(m_importBar);
    importLayout->setContentsMargins(0, 0, 0, 0);
    importLayout->addWidget(m_importLabel);
    importLayout->addWidget(m_importProgress, 1);
    importLayout->addWidget(m_cancelImport);
    m_importBar->hide();

    // Filters and counters.
    m_problemsOnly = new QCheckBox(tr("P&roblems only"), this);
    m_problemsOnly->setObjectName(QStringLiteral("problemsOnlyFilter"));
    m_problemsOnly->setAccessibleName(tr("Show problem rows only"));
    m_problemsOnly->setToolTip(tr("Invalid, merged and rejected rows only"));
    m_levelFilter = new QComboBox(this);
    m_levelFilter->setObjectName(QStringLiteral("levelFilter"));
    m_levelFilter->setAccessibleName(tr("Filter by risk level"));
    m_levelFilter->addItem(tr("All levels"), 0x7);
    for (RiskLevel level : {RiskLevel::High, RiskLevel::Medium, RiskLevel::Low})
        m_levelFilter->addItem(RiskLevels::toString(level), 1 << static_cast<int>(level));
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Filter by status"));
    m_statusFilter->addItem(tr("All statuses"), 0x3f);
    for (int status = 0; status < RiskSubjectTableModel::RowStatusCount; ++status)
        m_statusFilter->addItem(
            RiskSubjectTableModel::statusName(static_cast<RiskSubjectTableModel::RowStatus>(status)),
            1 << status);
    m_textFilter = new QLineEdit(this);
    m_textFilter->setObjectName(QStringLiteral("textFilter"));
    m_textFilter->setAccessibleName(tr("Filter by address or message"));
    m_textFilter->setPlaceholderText(tr("Filter by address or message"));
    m_textFilter->setClearButtonEnabled(true);
    // Typing refilters once the user pauses: each pass may cover a million rows.
    m_textFilterTimer = new QTimer(this);
    m_textFilterTimer->setSingleShot(true);
    m_textFilterTimer->setInterval(250);
    connect(m_textFilter, &QLineEdit::textChanged, m_textFilterTimer, qOverload<>(&QTimer::start));
    connect(m_textFilterTimer, &QTimer::timeout, this, &RiskEventsPage::applyFilter);
    connect(m_problemsOnly, &QCheckBox::toggled, this, &RiskEventsPage::applyFilter);
    connect(m_levelFilter, &QComboBox::currentIndexChanged, this, &RiskEventsPage::applyFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &RiskEventsPage::applyFilter);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_problemsOnly);
    filterRow->addWidget(m_levelFilter);
    filterRow->addWidget(m_statusFilter);
    filterRow->addWidget(m_textFilter, 1);

    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_countsLabel->setAccessibleName(tr("Row counts"));
    m_countsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The table.
    m_table = new RiskTableView(this);
    m_table->setObjectName(QStringLiteral("riskTable"));
    m_table->setAccessibleName(tr("Risk subjects"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSortIndicator(RiskSubjectTableModel::LineColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RiskSubjectTableModel::LineColumn, 60);
    m_table->setColumnWidth(RiskSubjectTableModel::IpColumn, 260);
    m_table->setColumnWidth(RiskSubjectTableModel::LevelColumn, 90);
    m_table->setColumnWidth(RiskSubjectTableModel::MessageColumn, 240);
    // Wide enough for the longest status name in the UI language ("zusammengeführt" in German).
    int statusWidth = 90;
    for (int status = 0; status < RiskSubjectTableModel::RowStatusCount; ++status) {
        const QString name =
            RiskSubjectTableModel::statusName(static_cast<RiskSubjectTableModel::RowStatus>(status));
        statusWidth = qMax(statusWidth, m_table->fontMetrics().horizontalAdvance(name) + 24);
    }
    m_table->setColumnWidth(RiskSubjectTableModel::StatusColumn, statusWidth);
    connect(m_table, &RiskTableView::cellEdited, this, &RiskEventsPage::onCellEdited);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RiskEventsPage::updateActions);

    // The send panel.
    m_sendPanel = new QGroupBox(tr("Sending"), this);
    m_sendPanel->setObjectName(QStringLiteral("sendPanel"));
    m_sendProgress = new QProgressBar(m_sendPanel);
    m_sendProgress->setObjectName(QStringLiteral("sendProgress"));
    m_sendProgress->setAccessibleName(tr("Send progress"));
    m_etaLabel = new QLabel(m_sendPanel);
    m_etaLabel->setObjectName(QStringLiteral("etaLabel"));
    m_etaLabel->setAccessibleName(tr("Estimated time left"));
    m_sendCounts = new QLabel(m_sendPanel);
    m_sendCounts->setObjectName(QStringLiteral("sendCountsLabel"));
    m_sendCounts->setAccessibleName(tr("Accepted, rejected and pending subjects"));
    m_sendStatus = new QLabel(m_sendPanel);
    m_sendStatus->setObjectName(QStringLiteral("sendStatusLabel"));
    m_sendStatus->setAccessibleName(tr("Run status"));
    m_sendStatus->setWordWrap(true);
    m_sendStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_gauge = new RateLimitGauge(m_sendPanel);
    m_gauge->setObjectName(QStringLiteral("rateLimitGauge"));
    m_retryButton = new QPushButton(m_retryAction->icon(), tr("Retry pending"), m_sendPanel);
    m_retryButton->setObjectName(QStringLiteral("retryPendingButton"));
    m_retryButton->setAccessibleName(tr("Retry pending"));
    connect(m_retryButton, &QPushButton::clicked, m_retryAction, &QAction::trigger);
    m_newBatchButton = new QPushButton(tr("New batch"), m_sendPanel);
    m_newBatchButton->setObjectName(QStringLiteral("newBatchButton"));
    m_newBatchButton->setAccessibleName(tr("New batch"));
    m_newBatchButton->setToolTip(tr("Clear the table for a new batch; this run stays in History"));
    connect(m_newBatchButton, &QPushButton::clicked, this, &RiskEventsPage::newBatch);
    m_editAgainButton = new QPushButton(tr("Edit again"), m_sendPanel);
    m_editAgainButton->setObjectName(QStringLiteral("editAgainButton"));
    m_editAgainButton->setAccessibleName(tr("Edit again"));
    m_editAgainButton->setToolTip(tr("Make the rows of this run editable again"));
    connect(m_editAgainButton, &QPushButton::clicked, this, &RiskEventsPage::editAgain);

    auto* sendLayout = new QGridLayout(m_sendPanel);
    sendLayout->addWidget(m_sendProgress, 0, 0, 1, 3);
    sendLayout->addWidget(m_etaLabel, 0, 3);
    sendLayout->addWidget(m_sendCounts, 1, 0, 1, 4);
    sendLayout->addWidget(m_gauge, 2, 0, 1, 4);
    sendLayout->addWidget(m_sendStatus, 3, 0, 1, 4);
    auto* afterRun = new QHBoxLayout;
    afterRun->addWidget(m_retryButton);
    afterRun->addWidget(m_newBatchButton);
    afterRun->addWidget(m_editAgainButton);
    afterRun->addStretch();
    sendLayout->addLayout(afterRun, 4, 0, 1, 4);
    sendLayout->setColumnStretch(0, 1);

    m_etaTimer = new QTimer(this);
    m_etaTimer->setInterval(1000);
    connect(m_etaTimer, &QTimer::timeout, this, &RiskEventsPage::updateSendPanel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(toolBar);
    layout->addLayout(optionsRow);
    layout->addWidget(m_importBar);
    layout->addLayout(filterRow);
    layout->addWidget(m_countsLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_sendPanel);
}

void RiskEventsPage::connectSession() {
    if (!m_session)
        return;
    connect(m_session, &OrgSession::opened, this, &RiskEventsPage::onSessionOpened);
    connect(m_session, &OrgSession::closing, this, &RiskEventsPage::onSessionClosing);
    connect(m_session, &OrgSession::stateChanged, this, &RiskEventsPage::updateActions);
    if (m_session->state() == OrgSession::State::Open) {
        // Asked once the page is part of its window.
        QTimer::singleShot(0, this, &RiskEventsPage::onSessionOpened);
    }
}

QList<QAction*> RiskEventsPage::pageActions() const {
    return m_actions;
}

bool RiskEventsPage::isSending() const {
    return m_sendSession && m_sendSession->isActive();
}

bool RiskEventsPage::canEdit() const {
    return m_model->isEditable() && !m_importJob;
}

ImportOptions RiskEventsPage::importOptions() const {
    ImportOptions options;
    const int level = m_defaultLevel->currentData().toInt();
    if (level >= 0)
        options.defaultLevel = static_cast<RiskLevel>(level);
    options.allowNonPublic = m_allowNonPublic->isChecked();
    options.format = static_cast<ImportOptions::Format>(m_importFormat->currentData().toInt());
    return options;
}

BatchPlanner::Options RiskEventsPage::planOptions() const {
    BatchPlanner::Options options; // an invalid timestamp means now, when the run is planned
    if (m_ttlEnabled->isChecked())
        options.timeToLiveSeconds = qint64(m_ttlValue->value()) * m_ttlUnit->currentData().toInt();
    return options;
}

void RiskEventsPage::inform(const QString& objectName, const QString& title, const QString& text,
                            const QString& details) {
    m_hooks->inform(this, objectName, QMessageBox::Warning, title, text, details);
}

// --- Import ----------------------------------------------------------------------------------

void RiskEventsPage::chooseImportFile() {
    if (m_importJob || isSending())
        return;
    DialogHooks::FileRequest request;
    request.objectName = QStringLiteral("importFileDialog");
    request.caption = tr("Import risk events");
    request.nameFilter = tr("CSV or text files (*.csv *.tsv *.txt *.lst *.netset);;All files (*)");
    QPointer<RiskEventsPage> self(this);
    m_hooks->chooseFile(this, request, [self](const QString& path) {
        if (self && !path.isEmpty())
            self->importFile(path);
    });
}

void RiskEventsPage::importFile(const QString& path) {
    if (m_importJob) {
        inform(QStringLiteral("importBusyDialog"), tr("Import running"),
               tr("An import is still running. Cancel it or wait for it before importing %1.")
                   .arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (isSending()) {
        inform(QStringLiteral("importBusyDialog"), tr("Run in progress"),
               tr("A run is being sent. Rows can be imported once it has stopped (or been cancelled)."));
        return;
    }
    if (m_scheduler || m_model->counts().rows == 0) {
        // A finished run's results are in History: an import starts a new batch.
        startImport(path);
        return;
    }
    QPointer<RiskEventsPage> self(this);
    askImportMode([self, path](ImportMode mode) {
        if (!self)
            return;
        self->runImport(ImportJob::fromFile(path, self->importOptions(), self), ImportPurpose::File, mode,
                        QFileInfo(path).fileName());
    });
}

void RiskEventsPage::startImport(const QString& path) {
    runImport(ImportJob::fromFile(path, importOptions(), this), ImportPurpose::File, ImportMode::Replace,
              QFileInfo(path).fileName());
}

void RiskEventsPage::askImportMode(const std::function<void(ImportMode)>& then) {
    DialogHooks::Question question;
    question.objectName = QStringLiteral("importModeDialog");
    question.title = tr("Append or replace?");
    question.text = tr("The table already holds %Ln row(s). Append the new rows to them?", nullptr,
                       m_model->counts().rows);
    question.informativeText =
        tr("Yes appends (addresses already in the table are merged, and Undo takes the "
           "import back). No replaces the current rows with the new ones. Cancel "
           "imports nothing.");
    question.buttons = QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel;
    question.defaultButton = QMessageBox::Yes;
    m_hooks->ask(this, question, [then](QMessageBox::StandardButton button) {
        if (button == QMessageBox::Yes)
            then(ImportMode::Append);
        else if (button == QMessageBox::No)
            then(ImportMode::Replace);
    });
}

void RiskEventsPage::runImport(ImportJob* job, ImportPurpose purpose, ImportMode mode,
                               const QString& source) {
    if (m_importJob || isSending()) {
        job->deleteLater();
        return;
    }
    m_importJob = job;
    m_importProgress->setValue(0);
    m_importLabel->setText(tr("Reading %1…").arg(source));
    m_importBar->show();
    connect(job, &ImportJob::progress, this, [this](qint64 read, qint64 total) {
        m_importProgress->setValue(total > 0 ? int(qBound(qint64(0), read * 1000 / total, qint64(1000))) : 0);
    });
    connect(job, &ImportJob::finished, this, [this, job, purpose, mode, source](const ImportResult& result) {
        if (m_importJob == job)
            m_importJob = nullptr;
        job->deleteLater();
        m_importBar->hide();
        onImportFinished(result, purpose, mode, source);
    });
    updateActions();
    job->start();
}

void RiskEventsPage::cancelImport() {
    if (m_importJob)
        m_importJob->cancel();
}

void RiskEventsPage::onImportFinished(const ImportResult& result, ImportPurpose purpose, ImportMode mode,
                                      const QString& source) {
    updateActions();
    if (result.cancelled) {
        emit statusMessage(tr("Import of %1 cancelled; the table is unchanged.").arg(source));
        return;
    }
    if (!result.error.isEmpty()) {
        showImportSummary(result, source);
        emit statusMessage(tr("%1 could not be imported: %2").arg(source, result.error));
        return;
    }
    if (isSending()) // a run started meanwhile (resume); the rows are not lost: the user can import again
        return;
    if (mode == ImportMode::Replace || m_scheduler) {
        replaceRows(result);
    } else {
        const QString text = purpose == ImportPurpose::Paste
                                 ? tr("paste %Ln row(s)", nullptr, int(result.rows))
                                 : tr("import %1").arg(source);
        m_undoStack->push(new AppendImportCommand(m_model, result, text));
    }
    if (purpose == ImportPurpose::File && (result.rejected > 0 || result.merged > 0))
        showImportSummary(result, source);
    const QString summary = result.summary();
    emit statusMessage(purpose == ImportPurpose::Paste ? tr("Pasted: %1").arg(summary)
                                                       : tr("Imported %1: %2").arg(source, summary));
    updateActions();
}

void RiskEventsPage::showImportSummary(const ImportResult& result, const QString& source) {
    Q_UNUSED(source)
    auto* dialog = new ImportSummaryDialog(result, this);
    m_hooks->showDialog(dialog);
}

void RiskEventsPage::replaceRows(const ImportResult& result) {
    if (m_scheduler) {
        m_model->setScheduler(nullptr);
        m_scheduler = nullptr;
        m_gauge->setStatus(nullptr);
    }
    m_model->setImport(result);
    // Replacing is not undoable (the old rows are gone), so older steps would point nowhere.
    m_undoStack->clear();
    updateSendPanel();
    updateActions();
}

void RiskEventsPage::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (!mime->hasUrls() || m_importJob || isSending())
        return;
    const QList<QUrl> urls = mime->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void RiskEventsPage::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    if (urls.size() > 1)
        emit statusMessage(tr("One file at a time: importing %1 only.").arg(urls.constFirst().fileName()));
    importFile(urls.constFirst().toLocalFile());
}

// --- Editing ---------------------------------------------------------------------------------

void RiskEventsPage::paste() {
    if (!canEdit())
        return;
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        emit statusMessage(tr("The clipboard holds no text to paste."));
        return;
    }
    runImport(ImportJob::fromText(text, importOptions(), this), ImportPurpose::Paste, ImportMode::Append,
              tr("the clipboard"));
}

void RiskEventsPage::addRow() {
    if (!canEdit())
        return;
    auto* command = new AddRowsCommand(m_model, {RiskSubjectTableModel::RowValues{}});
    m_undoStack->push(command);
    if (command->rowIds().isEmpty())
        return;
    const int rowId = command->rowIds().constFirst();
    if (m_model->visibleRowOf(rowId) < 0) {
        // The new (still empty, so invalid) row must be seen to be typed into: show every row.
        const QSignalBlocker blockProblems(m_problemsOnly), blockLevel(m_levelFilter),
            blockStatus(m_statusFilter), blockText(m_textFilter);
        m_problemsOnly->setChecked(false);
        m_levelFilter->setCurrentIndex(0);
        m_statusFilter->setCurrentIndex(0);
        m_textFilter->clear();
        applyFilter();
    }
    const int row = m_model->visibleRowOf(rowId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, RiskSubjectTableModel::IpColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    m_table->setFocus();
    m_table->edit(index);
}

bool RiskEventsPage::appendAddresses(const QStringList& ips, const QString& level, const QString& message) {
    if (ips.isEmpty())
        return true;
    if (!canEdit()) {
        emit statusMessage(
            tr("The batch cannot take rows now (a run or an import is in progress): %1 not added.")
                .arg(ips.join(QStringLiteral(", "))));
        return false;
    }
    QVector<RiskSubjectTableModel::RowValues> values;
    values.reserve(ips.size());
    for (const QString& ip : ips)
        values.append(RiskSubjectTableModel::RowValues{ip, level, message});
    auto* command = new AddRowsCommand(m_model, values);
    command->setText(ips.size() == 1 ? tr("add 1 detected IP") : tr("add %1 detected IPs").arg(ips.size()));
    m_undoStack->push(command);
    if (!command->rowIds().isEmpty() && m_model->visibleRowOf(command->rowIds().constFirst()) < 0) {
        // The new rows must be seen: show every row.
        const QSignalBlocker blockProblems(m_problemsOnly), blockLevel(m_levelFilter),
            blockStatus(m_statusFilter), blockText(m_textFilter);
        m_problemsOnly->setChecked(false);
        m_levelFilter->setCurrentIndex(0);
        m_statusFilter->setCurrentIndex(0);
        m_textFilter->clear();
        applyFilter();
    }
    if (!command->rowIds().isEmpty()) {
        const int row = m_model->visibleRowOf(command->rowIds().constLast());
        if (row >= 0)
            m_table->scrollTo(m_model->index(row, RiskSubjectTableModel::IpColumn));
    }
    emit statusMessage(ips.size() == 1 ? tr("Added 1 address to the batch")
                                       : tr("Added %1 addresses to the batch").arg(ips.size()));
    return true;
}

void RiskEventsPage::removeRows() {
    if (!canEdit())
        return;
    QVector<int> ids;
    // The selection's ranges, not every row of the table.
    const QItemSelection selection = m_table->selectionModel()->selection();
    for (const QItemSelectionRange& range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            const int id = m_model->rowIdAt(row);
            if (id >= 0)
                ids.append(id);
        }
    }
    if (ids.isEmpty() && m_table->currentIndex().isValid())
        ids.append(m_model->rowIdAt(m_table->currentIndex().row()));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    ids.removeAll(-1);
    if (ids.isEmpty())
        return;
    m_undoStack->push(new RemoveRowsCommand(m_model, ids));
    emit statusMessage(tr("Removed %Ln row(s); Undo brings them back.", nullptr, int(ids.size())));
}

void RiskEventsPage::undo() {
    if (canEdit())
        m_undoStack->undo();
}

void RiskEventsPage::redo() {
    if (canEdit())
        m_undoStack->redo();
}

void RiskEventsPage::onCellEdited(const QModelIndex& index, const QVariant& value) {
    if (!canEdit() || !index.isValid())
        return;
    const int rowId = m_model->rowIdAt(index.row());
    if (rowId < 0)
        return;
    const RiskSubjectTableModel::RowValues before = m_model->rowValues(rowId);
    RiskSubjectTableModel::RowValues after = before;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case RiskSubjectTableModel::IpColumn:
        after.ip = text;
        break;
    case RiskSubjectTableModel::LevelColumn:
        after.level = text;
        break;
    case RiskSubjectTableModel::MessageColumn:
        after.message = text;
        break;
    default:
        return;
    }
    if (after == before)
        return;
    m_undoStack->push(new EditRowCommand(m_model, rowId, before, after));
}

void RiskEventsPage::applyFilter() {
    m_textFilterTimer->stop();
    RiskSubjectTableModel::Filter filter;
    filter.problemsOnly = m_problemsOnly->isChecked();
    filter.levelMask = static_cast<quint8>(m_levelFilter->currentData().toInt());
    filter.statusMask = static_cast<quint8>(m_statusFilter->currentData().toInt());
    filter.text = m_textFilter->text().trimmed();
    m_model->setFilter(filter);
    updateCounts();
}

void RiskEventsPage::updateCounts() {
    const RiskSubjectTableModel::Counts& counts = m_model->counts();
    const QLocale locale;
    using Status = RiskSubjectTableModel::RowStatus;
    QStringList parts;
    parts.append(
        tr("%1 of %2 rows shown").arg(locale.toString(m_model->rowCount()), locale.toString(counts.rows)));
    const int subjects = counts.perLevel[0] + counts.perLevel[1] + counts.perLevel[2];
    parts.append(tr("%1 subjects (HIGH %2, MEDIUM %3, LOW %4)")
                     .arg(locale.toString(subjects), locale.toString(counts.perLevel[0]),
                          locale.toString(counts.perLevel[1]), locale.toString(counts.perLevel[2])));
    for (Status status : {Status::Valid, Status::Invalid, Status::Merged, Status::Pending, Status::Accepted,
                          Status::Rejected}) {
        const int n = counts.count(status);
        if (n > 0 || status == Status::Valid || status == Status::Invalid)
            parts.append(
                QStringLiteral("%1 %2").arg(locale.toString(n), RiskSubjectTableModel::statusName(status)));
    }
    m_countsLabel->setText(parts.join(QStringLiteral(" · ")));
    updateActions();
}

// --- Sending ---------------------------------------------------------------------------------

void RiskEventsPage::preview() {
    if (m_model->counts().count(RiskSubjectTableModel::RowStatus::Valid) == 0 &&
        m_model->counts().count(RiskSubjectTableModel::RowStatus::Pending) == 0) {
        inform(QStringLiteral("previewEmptyDialog"), tr("Nothing to preview"),
               tr("No row in the table is valid, so no request would be sent."));
        return;
    }
    QVector<RiskSubject> subjects;
    if (m_scheduler)
        subjects = m_scheduler->run().subjects; // what this run sends (binding the rows again would break it)
    else
        subjects = m_model->subjectsForSend();
    int total = 0;
    const QVector<QByteArray> bodies =
        RiskSendSession::previewBodies(subjects, planOptions(), PreviewRequests, &total);
    auto* dialog = new RequestPreviewDialog(bodies, total, int(subjects.size()), this);
    m_hooks->showDialog(dialog);
}

void RiskEventsPage::send() {
    if (!canEdit() || isSending())
        return;
    if (!m_sendSession) {
        inform(QStringLiteral("sendErrorDialog"), tr("Not connected"),
               tr("Connect to an org first (pick a profile or the sandbox org), then send."));
        return;
    }
    const RiskSubjectTableModel::Counts& counts = m_model->counts();
    const int valid = counts.count(RiskSubjectTableModel::RowStatus::Valid);
    const int invalid = counts.count(RiskSubjectTableModel::RowStatus::Invalid);
    if (valid == 0) {
        inform(QStringLiteral("sendErrorDialog"), tr("Nothing to send"),
               invalid > 0
                   ? tr("None of the %Ln row(s) is valid: fix the rows marked invalid (the Reason column "
                        "says why) or import other rows.",
                        nullptr, counts.rows)
                   : tr("The table is empty: import a file, paste rows or add a row first."));
        return;
    }
    if (invalid > 0) {
        DialogHooks::Question question;
        question.objectName = QStringLiteral("sendWithProblemsDialog");
        question.icon = QMessageBox::Warning;
        question.title = tr("Send the valid rows only?");
        question.text = tr("%Ln row(s) have problems and will not be sent.", nullptr, invalid);
        question.informativeText = tr(
            "Send the %Ln valid subject(s) now, or cancel and fix the rows marked invalid (\"Problems only\" "
            "shows them).",
            nullptr, valid);
        question.buttons = QMessageBox::Yes | QMessageBox::Cancel;
        question.defaultButton = QMessageBox::Cancel;
        QPointer<RiskEventsPage> self(this);
        m_hooks->ask(this, question, [self](QMessageBox::StandardButton button) {
            if (self && button == QMessageBox::Yes)
                self->startSend();
        });
        return;
    }
    startSend();
}

void RiskEventsPage::startSend() {
    if (!m_sendSession || !canEdit() || isSending())
        return;
    const QVector<RiskSubject> subjects = m_model->subjectsForSend();
    if (subjects.isEmpty()) {
        inform(QStringLiteral("sendErrorDialog"), tr("Nothing to send"), tr("No row in the table is valid."));
        return;
    }
    QString error;
    if (!m_sendSession->start(subjects, planOptions(), &error))
        inform(QStringLiteral("sendErrorDialog"), tr("The run could not start"), error);
}

void RiskEventsPage::onRunStarted(SendScheduler* scheduler) {
    if (m_resuming) {
        // The table shows the resumed run's subjects, in the run's order (what setScheduler expects).
        ImportResult result;
        const SendRun& run = scheduler->run();
        result.subjects = run.subjects; // shared, not copied: a run may hold a million subjects
        result.rows = result.valid = result.subjects.size();
        m_model->setScheduler(nullptr);
        m_model->setImport(result);
        m_undoStack->clear();
    }
    m_scheduler = scheduler;
    m_model->setScheduler(scheduler);
    m_gauge->setStatus(scheduler->rateLimitStatus());
    connect(scheduler, &SendScheduler::progressChanged, this, &RiskEventsPage::updateSendPanel);
    connect(scheduler, &SendScheduler::stateChanged, this, [this] {
        updateSendPanel();
        updateActions();
    });
    m_sendStatus->setText(m_resuming ? tr("Resuming the run: sending its pending subjects…")
                                     : tr("Sending, highest risk first…"));
    // As `risk resume` warns: what a damaged file recorded is unknown, so its request goes again.
    if (const QStringList& damaged = scheduler->run().damaged; m_resuming && !damaged.isEmpty()) {
        inform(QStringLiteral("resumeDamagedDialog"), tr("Part of the run's journal is damaged"),
               tr("%Ln file(s) of this run's journal could not be read. The request(s) they belong to "
                  "are sent again, so their subjects may reach Okta twice, which only refreshes the "
                  "same signals.",
                  nullptr, int(damaged.size())),
               damaged.join(QLatin1Char('\n')));
    }
    m_etaTimer->start();
    notifyHistory();
    updateSendPanel();
    updateActions();
    emit statusMessage(tr("Sending %Ln subject(s)…", nullptr, scheduler->pendingCount()));
}

void RiskEventsPage::onRunStopped(SendScheduler::StopReason reason, const QString& explanation) {
    m_etaTimer->stop();
    if (!m_scheduler)
        return;
    const QLocale locale;
    const int accepted = m_scheduler->acceptedCount();
    const int rejected = m_scheduler->rejectedCount();
    const int pending = m_scheduler->pendingCount();
    QString headline;
    switch (reason) {
    case SendScheduler::StopReason::Completed:
        headline = rejected == 0
                       ? tr("Done: all %1 subjects accepted by Okta.").arg(locale.toString(accepted))
                       : tr("Done: %1 accepted, %2 rejected by Okta (the Reason column says why).")
                             .arg(locale.toString(accepted), locale.toString(rejected));
        break;
    case SendScheduler::StopReason::Cancelled:
        headline = tr("Cancelled: %1 accepted, %2 rejected, %3 still pending.")
                       .arg(locale.toString(accepted), locale.toString(rejected), locale.toString(pending));
        break;
    default:
        headline = tr("Stopped: %1 accepted, %2 rejected, %3 still pending.")
                       .arg(locale.toString(accepted), locale.toString(rejected), locale.toString(pending));
        break;
    }
    QString text = headline;
    if (!explanation.isEmpty() && reason != SendScheduler::StopReason::Completed)
        text += QLatin1Char('\n') + explanation;
    if (pending > 0)
        text +=
            QLatin1Char('\n') + tr("Retry pending sends the rest now; the run also stays in History and is "
                                   "offered for resuming at the next start.");
    m_sendStatus->setText(text);
    m_sendStatus->setAccessibleDescription(text);
    m_showingPause = false;
    notifyHistory();
    updateSendPanel();
    updateActions();
    emit statusMessage(headline);
}

void RiskEventsPage::updateSendPanel() {
    const QLocale locale;
    if (!m_scheduler) {
        m_sendProgress->setRange(0, 1);
        m_sendProgress->setValue(0);
        m_etaLabel->setText(tr("ETA: –"));
        m_sendCounts->setText(tr("No run yet: Send delivers the valid rows, highest risk first."));
        if (!isSending())
            m_sendStatus->clear();
    } else {
        const int total = m_scheduler->subjectCount();
        const int accepted = m_scheduler->acceptedCount();
        const int rejected = m_scheduler->rejectedCount();
        m_sendProgress->setRange(0, qMax(1, total));
        m_sendProgress->setValue(accepted + rejected);
        const qint64 eta = isSending() ? m_scheduler->etaMs() : -1;
        m_etaLabel->setText(eta >= 0 ? tr("ETA: %1").arg(durationText(eta)) : tr("ETA: –"));
        m_sendCounts->setText(tr("%1 accepted · %2 rejected · %3 pending of %4 · %5 requests sent, %6 left")
                                  .arg(locale.toString(accepted), locale.toString(rejected),
                                       locale.toString(m_scheduler->pendingCount()), locale.toString(total),
                                       locale.toString(m_scheduler->requestsSent()),
                                       locale.toString(m_scheduler->requestsLeft())));
        if (m_scheduler->state() == SendScheduler::State::Paused) {
            m_sendStatus->setText(
                m_scheduler->isRequestInFlight()
                    ? tr("Pausing: the request in flight completes, then nothing more is sent "
                         "until Resume.")
                    : tr("Paused: nothing is sent until Resume."));
            m_showingPause = true;
        } else if (m_scheduler->state() == SendScheduler::State::Running && m_showingPause) {
            m_sendStatus->setText(tr("Sending, highest risk first…"));
            m_showingPause = false;
        }
    }
    const bool running = isSending();
    const bool paused = m_scheduler && m_scheduler->state() == SendScheduler::State::Paused;
    m_pauseAction->setText(paused ? tr("Res&ume") : tr("Pa&use"));
    m_pauseAction->setIcon(Icons::icon(paused ? QStringLiteral("resume") : QStringLiteral("pause")));
    const bool finished = m_scheduler && !running;
    m_newBatchButton->setVisible(finished);
    m_editAgainButton->setVisible(finished);
    m_retryButton->setVisible(finished && m_scheduler->pendingCount() > 0);
}

void RiskEventsPage::updateActions() {
    const bool running = isSending();
    const bool editable = canEdit();
    const bool importing = !m_importJob.isNull();
    const bool open = m_session && m_session->state() == OrgSession::State::Open && m_sendSession;
    const bool hasRows = m_model->rowCount() > 0;
    m_importAction->setEnabled(!running && !importing);
    m_pasteAction->setEnabled(editable);
    m_addRowAction->setEnabled(editable);
    m_removeRowsAction->setEnabled(editable && hasRows);
    m_undoAction->setEnabled(editable && m_undoStack->canUndo());
    m_redoAction->setEnabled(editable && m_undoStack->canRedo());
    m_undoAction->setText(m_undoStack->canUndo() ? tr("&Undo %1").arg(m_undoStack->undoText()) : tr("&Undo"));
    m_redoAction->setText(m_undoStack->canRedo() ? tr("&Redo %1").arg(m_undoStack->redoText()) : tr("&Redo"));
    m_previewAction->setEnabled(!importing && m_model->counts().rows > 0);
    m_sendAction->setEnabled(editable && open && !running);
    m_pauseAction->setEnabled(running);
    m_cancelAction->setEnabled(running);
    m_retryAction->setEnabled(m_scheduler && !running && open && m_scheduler->pendingCount() > 0);
    m_exportAction->setEnabled(m_model->counts().rows > 0 && !importing);
    m_reportAction->setEnabled(!running && !importing);
    m_cancelImport->setEnabled(importing);
    m_defaultLevel->setEnabled(!importing);
    m_importFormat->setEnabled(!importing);
}

void RiskEventsPage::togglePause() {
    if (!m_scheduler || !isSending())
        return;
    if (m_scheduler->state() == SendScheduler::State::Paused) {
        m_scheduler->resume();
        m_etaTimer->start();
        emit statusMessage(tr("Resumed sending."));
    } else {
        m_scheduler->pause();
        emit statusMessage(tr("Paused: the request in flight completes, nothing more is sent until Resume."));
    }
    notifyHistory();
    updateSendPanel();
    updateActions();
}

void RiskEventsPage::cancelSend() {
    if (m_scheduler && isSending())
        m_scheduler->cancel();
}

void RiskEventsPage::retryPending() {
    if (!m_scheduler || isSending() || m_scheduler->pendingCount() == 0 || !m_sendSession ||
        m_sendSession->scheduler() != m_scheduler)
        return;
    m_sendStatus->setText(tr("Sending the pending subjects again…"));
    m_scheduler->retryPending();
    m_etaTimer->start();
    notifyHistory();
    updateSendPanel();
    updateActions();
}

void RiskEventsPage::newBatch() {
    if (isSending())
        return;
    replaceRows(ImportResult());
    m_sendStatus->clear();
    emit statusMessage(tr("New batch: the table is empty; the last run is in History."));
}

void RiskEventsPage::editAgain() {
    if (isSending())
        return;
    m_model->setScheduler(nullptr);
    m_scheduler = nullptr;
    m_gauge->setStatus(nullptr);
    m_sendStatus->clear();
    updateSendPanel();
    updateActions();
    emit statusMessage(tr("The rows are editable again; Send starts a new run with every valid row."));
}

void RiskEventsPage::exportResults() {
    DialogHooks::FileRequest request;
    request.objectName = QStringLiteral("exportFileDialog");
    request.caption = tr("Export results");
    request.nameFilter = tr("CSV files (*.csv);;All files (*)");
    request.save = true;
    request.defaultSuffix = QStringLiteral("csv");
    QPointer<RiskEventsPage> self(this);
    m_hooks->chooseFile(this, request, [self](const QString& path) {
        if (!self || path.isEmpty())
            return;
        QSaveFile file(path);
        QString error;
        bool ok = file.open(QIODevice::WriteOnly);
        if (!ok)
            error = file.errorString();
        else if (!self->m_model->exportCsv(&file, &error))
            ok = false;
        if (ok && !file.commit()) {
            ok = false;
            error = file.errorString();
        }
        if (!ok) {
            self->inform(QStringLiteral("exportErrorDialog"), tr("Export failed"),
                         tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), error));
            return;
        }
        emit self->statusMessage(tr("Exported %Ln row(s) to %1.", nullptr, self->m_model->counts().rows)
                                     .arg(QDir::toNativeSeparators(path)));
    });
}

void RiskEventsPage::reportIpsNow() {
    if (isSending()) {
        inform(QStringLiteral("reportBusyDialog"), tr("Run in progress"),
               tr("A run is being sent. Report more addresses once it has stopped, or cancel it."));
        return;
    }
    if (m_importJob)
        return;
    auto* dialog = new QuickReportDialog(importOptions(), this);
    connect(dialog, &QuickReportDialog::reportRequested, this, &RiskEventsPage::onQuickReport);
    m_hooks->showDialog(dialog);
}

void RiskEventsPage::onQuickReport(const ImportResult& result) {
    if (isSending() || m_importJob)
        return;
    auto sendNow = [this] {
        if (!m_sendSession) {
            inform(QStringLiteral("sendErrorDialog"), tr("Not connected"),
                   tr("The addresses are in the table, but no org is connected: connect, then press Send."));
            return;
        }
        startSend(); // the dialog only hands over valid subjects
    };
    if (m_scheduler || m_model->counts().rows == 0) {
        replaceRows(result);
        sendNow();
        return;
    }
    QPointer<RiskEventsPage> self(this);
    askImportMode([self, result, sendNow](ImportMode mode) {
        if (!self || self->isSending())
            return;
        if (mode == ImportMode::Replace)
            self->replaceRows(result);
        else
            self->m_undoStack->push(new AppendImportCommand(self->m_model, result, tr("report IPs")));
        sendNow();
    });
}

// --- Session ---------------------------------------------------------------------------------

void RiskEventsPage::onSessionOpened() {
    if (!m_session || m_session->state() != OrgSession::State::Open || !m_session->client())
        return;
    if (m_sendSession && m_profileId == m_session->profile().id)
        return; // already set up for this org
    onSessionClosing();
    m_profileId = m_session->profile().id;
    m_sendSession = new RiskSendSession(m_session->client(), m_clock, m_journalBase, m_profileId, this);
    connect(m_sendSession, &RiskSendSession::runStarted, this, &RiskEventsPage::onRunStarted);
    connect(m_sendSession, &RiskSendSession::stopped, this, &RiskEventsPage::onRunStopped);
    updateActions();
    offerResume();
}

void RiskEventsPage::onSessionClosing() {
    // The client goes next: no run of that org may outlive it.
    if (m_scheduler) {
        m_model->setScheduler(nullptr);
        m_scheduler = nullptr;
        m_gauge->setStatus(nullptr);
    }
    m_etaTimer->stop();
    if (m_sendSession) {
        const QString profileId = m_profileId;
        delete m_sendSession;
        m_sendSession = nullptr;
        if (m_history && !profileId.isEmpty())
            m_history->notifyRunChanged(profileId);
    }
    m_profileId.clear();
    updateSendPanel();
    updateActions();
}

void RiskEventsPage::offerResume() {
    if (!m_sendSession || isSending())
        return;
    const QStringList runs = m_sendSession->interruptedRuns();
    if (runs.isEmpty())
        return;
    const QString directory = runs.constFirst();
    DialogHooks::Question question;
    question.objectName = QStringLiteral("resumeRunDialog");
    question.title = tr("Resume an unfinished run?");
    question.text = RiskSendSession::describeRun(directory);
    QString info = tr("Yes sends its pending subjects now and shows the run in the table. No leaves it in "
                      "History; it is offered again next time.");
    if (m_model->counts().rows > 0)
        info += QLatin1Char(' ') + tr("Resuming replaces the rows now in the table.");
    if (runs.size() > 1)
        info += QLatin1Char(' ') +
                tr("%Ln more unfinished run(s) are in History.", nullptr, int(runs.size() - 1));
    question.informativeText = info;
    question.buttons = QMessageBox::Yes | QMessageBox::No;
    question.defaultButton = QMessageBox::Yes;
    QPointer<RiskEventsPage> self(this);
    QPointer<RiskSendSession> session(m_sendSession);
    m_hooks->ask(this, question, [self, session, directory](QMessageBox::StandardButton button) {
        if (!self || !session || session != self->m_sendSession || button != QMessageBox::Yes)
            return;
        if (self->isSending() || self->m_importJob)
            return;
        QString error;
        self->m_resuming = true;
        const bool ok = session->resume(directory, &error);
        self->m_resuming = false;
        if (!ok)
            self->inform(QStringLiteral("resumeErrorDialog"), tr("The run could not be resumed"), error);
    });
}

void RiskEventsPage::notifyHistory() {
    if (m_history && !m_profileId.isEmpty())
        m_history->notifyRunChanged(m_profileId);
}
