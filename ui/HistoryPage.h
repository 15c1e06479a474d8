#pragma once

#include "history/HistoryEntry.h"

#include <QList>
#include <QWidget>

class DialogHooks;
class HistoryStore;
class HistoryTableModel;
class OrgSession;
class QAction;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;

// The History screen: every past send run and ThreatInsight change of the open profile (when,
// who, counts, outcome, request ids), details of the selected one, export to CSV.
class HistoryPage : public QWidget {
    Q_OBJECT
public:
    HistoryPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks, QWidget* parent = nullptr);
    ~HistoryPage() override;

    QList<QAction*> pageActions() const; // Refresh, Export CSV

signals:
    void statusMessage(const QString& message);

private:
    void showEvent(QShowEvent* event) override; // counts of a running run move on: re-read
    // F5 is also other pages' reload: Refresh is enabled (and its shortcut live) only while
    // this page is shown, so the window never sees two enabled F5 actions.
    void hideEvent(QHideEvent* event) override;
    void updateActions();
    void reload();
    void clear();
    void showDetails();
    void exportCsv();
    void writeCsv(const QString& path);
    QString detailsText(const HistoryEntry& entry) const;
    static QString entryKey(const HistoryEntry& entry); // finds the selected entry again after a reload

    OrgSession* m_session;
    HistoryStore* m_history;
    DialogHooks* m_hooks;
    HistoryTableModel* m_model;
    QLabel* m_titleLabel;
    QStackedWidget* m_stack;
    QLabel* m_emptyLabel;
    QTableView* m_table;
    QPlainTextEdit* m_details;
    QAction* m_refreshAction;
    QAction* m_exportAction;
    QString m_profileId; // whose history is shown; empty while no profile is open
    QString m_profileName;
};
