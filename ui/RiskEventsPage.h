#pragma once

#include "RiskSubjectTableModel.h"
#include "riskevents/BatchPlanner.h"
#include "riskevents/ImportOptions.h"
#include "riskevents/ImportResult.h"
#include "riskevents/SendScheduler.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

class Clock;
class DialogHooks;
class HistoryStore;
class ImportJob;
class OrgSession;
class QAction;
class QCheckBox;
class QComboBox;
class QDragEnterEvent;
class QDropEvent;
class QKeySequence;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QUndoStack;
class QWidget;
class RateLimitGauge;
class RiskSendSession;
class RiskTableView;

// The Risk events screen: compose (type, paste, import CSV/TXT by dialog or drag and drop),
// validate, preview the exact requests and send a batch with progress, ETA, pause / resume /
// cancel and the live rate-limit gauge; every subject's fate in a virtual table that holds a
// million rows. Offers to resume a run a crash or quit left unfinished.
class RiskEventsPage : public QWidget {
    Q_OBJECT
public:
    // `journalBase` is where runs are journaled (HistoryStore::runsDirectory()).
    RiskEventsPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks, Clock* clock,
                   QString journalBase, QWidget* parent = nullptr);
    ~RiskEventsPage() override;

    // Import, Paste, Add row, Remove rows, Undo, Redo, Preview, Send, Pause/Resume, Cancel,
    // Export results, Report IPs now: for the main window's menu and toolbar.
    QList<QAction*> pageActions() const;
    // True while a run is sending or paused: the main window asks before switching org or quitting.
    bool isSending() const;
    // The incident-response shortcut: opens the "Report IPs now" dialog.
    void reportIpsNow();
    // Starts importing this file as if it had been dropped (command line, drag and drop).
    void importFile(const QString& path);
    // Appends one row per address with this level and message (e.g. detections to report), as
    // one undoable step, and shows them. False (and a status message) while the batch cannot be
    // edited: a run is attached or an import is running.
    bool appendAddresses(const QStringList& ips, const QString& level, const QString& message);
    // Rows can be added or changed: no run attached, no import running.
    bool canEdit() const;

signals:
    void statusMessage(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // How an import meets the rows already in the table.
    enum class ImportMode { Replace, Append };
    // What a finished import is for.
    enum class ImportPurpose { File, Paste };

    QAction* makeAction(const QString& objectName, const QString& icon, const QString& text,
                        const QKeySequence& shortcut, void (RiskEventsPage::*slot)());
    void buildUi();
    void connectSession();

    // Editing.
    void chooseImportFile();
    void startImport(const QString& path);
    void askImportMode(const std::function<void(ImportMode)>& then);
    void runImport(ImportJob* job, ImportPurpose purpose, ImportMode mode, const QString& source);
    void onImportFinished(const ImportResult& result, ImportPurpose purpose, ImportMode mode,
                          const QString& source);
    void cancelImport();
    void paste();
    void addRow();
    void removeRows();
    void undo();
    void redo();
    void onCellEdited(const QModelIndex& index, const QVariant& value);
    void applyFilter();
    void updateCounts();
    void showImportSummary(const ImportResult& result, const QString& source);
    void replaceRows(const ImportResult& result);

    // Sending.
    ImportOptions importOptions() const;
    BatchPlanner::Options planOptions() const;
    void preview();
    void send();
    void startSend();
    void togglePause();
    void cancelSend();
    void retryPending();
    void newBatch();
    void editAgain();
    void exportResults();
    void onQuickReport(const ImportResult& result);
    void onSessionOpened();
    void onSessionClosing();
    void offerResume();
    void onRunStarted(SendScheduler* scheduler);
    void onRunStopped(SendScheduler::StopReason reason, const QString& explanation);
    void updateSendPanel();
    void updateActions();
    void notifyHistory();
    void inform(const QString& objectName, const QString& title, const QString& text,
                const QString& details = {});

    OrgSession* m_session;
    HistoryStore* m_history;
    DialogHooks* m_hooks;
    Clock* m_clock;
    QString m_journalBase;
    QString m_profileId;

    RiskSubjectTableModel* m_model;
    QUndoStack* m_undoStack;
    QPointer<ImportJob> m_importJob;
    RiskSendSession* m_sendSession = nullptr;
    QPointer<SendScheduler> m_scheduler; // the run shown in the table, if any
    bool m_resuming = false;
    bool m_showingPause = false; // the status label shows the pause text

    RiskTableView* m_table = nullptr;
    QCheckBox* m_problemsOnly = nullptr;
    QComboBox* m_levelFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    QTimer* m_textFilterTimer = nullptr;
    QLabel* m_countsLabel = nullptr;
    QComboBox* m_defaultLevel = nullptr;
    QComboBox* m_importFormat = nullptr;
    QCheckBox* m_allowNonPublic = nullptr;
    QCheckBox* m_ttlEnabled = nullptr;
    QSpinBox* m_ttlValue = nullptr;
    QComboBox* m_ttlUnit = nullptr;
    QWidget* m_importBar = nullptr;
    QProgressBar* m_importProgress = nullptr;
    QLabel* m_importLabel = nullptr;
    QPushButton* m_cancelImport = nullptr;
    QWidget* m_sendPanel = nullptr;
    QProgressBar* m_sendProgress = nullptr;
    QLabel* m_etaLabel = nullptr;
    QLabel* m_sendCounts = nullptr;
    QLabel* m_sendStatus = nullptr;
    RateLimitGauge* m_gauge = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_newBatchButton = nullptr;
    QPushButton* m_editAgainButton = nullptr;
    QTimer* m_etaTimer = nullptr;

    QAction* m_importAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_addRowAction = nullptr;
    QAction* m_removeRowsAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_previewAction = nullptr;
    QAction* m_sendAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_retryAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_reportAction = nullptr;
    QList<QAction*> m_actions;
};
