#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class DialogHooks;
class HistoryStore;
class OrgSession;
class QAction;
class QButtonGroup;
class QLabel;
class QRadioButton;
class QToolButton;
class ThreatInsightEditor;
class ZonePicker;
struct ThreatInsightConfiguration;

// The ThreatInsight screen: the org's action (none / audit / block, Okta's meaning in one line
// each), created / lastUpdated, and the Network Zones it exempts, picked in a filterable list.
// Dirty state, Save and Revert; saving re-reads the configuration first and lets the admin
// decide when someone else changed it meanwhile. Talks to Okta only through the session's
// models (no request is built here).
class ThreatInsightPage : public QWidget {
    Q_OBJECT
public:
    ThreatInsightPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks,
                      QWidget* parent = nullptr);
    ~ThreatInsightPage() override;

    // Reload (F5), Save (Ctrl+S), Revert: for the main window's menu and toolbar.
    QList<QAction*> pageActions() const;
    bool hasUnsavedChanges() const;

signals:
    // One line for the main window's status bar ("Saved: action block, 2 zones exempt").
    void statusMessage(const QString& message);

private:
    void buildUi();
    void onSessionOpened();
    void dropEditor();
    void reload();
    void save();
    void startSave();
    void revert();
    void onConcurrentChange(const ThreatInsightConfiguration& serverNow, const QString& description);
    void onSaved(const ThreatInsightConfiguration& configuration, const QString& requestId);
    void onSaveFailed(const QString& message);
    void showError(const QString& message);
    void refresh();
    void refreshRadios();
    void refreshLabels();
    void refreshEnabled();

    OrgSession* m_session;
    HistoryStore* m_history;
    DialogHooks* m_hooks;
    QPointer<ThreatInsightEditor> m_editor; // one per open org, owned by this page
    QString m_readyStatus;                  // the last save's line, until the next load

    QButtonGroup* m_actionGroup = nullptr;
    QHash<QString, QRadioButton*> m_actionButtons; // by Okta's action name
    QLabel* m_createdLabel = nullptr;
    QLabel* m_lastUpdatedLabel = nullptr;
    QLabel* m_excludedLabel = nullptr;
    QLabel* m_dirtyLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    ZonePicker* m_picker = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_revertAction = nullptr;
    QToolButton* m_reloadButton = nullptr;
    QToolButton* m_saveButton = nullptr;
    QToolButton* m_revertButton = nullptr;
};
