#pragma once

#include "incident/ThreatDetection.h"
#include "incident/ZoneAction.h"

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <functional>

class Clock;
class DetectionFeed;
class DetectionTableModel;
class DialogHooks;
class HistoryStore;
class OrgSession;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;
class ZoneChangeDialog;

// The Detections screen: ThreatInsight's System Log events (suspicious IPs, attack start/end)
// of the open org over a chosen period, newest first, filtered by text and outcome, with the
// selected event's details. Refreshes on demand (F5) and every few minutes while shown. The
// selected rows' IPs go to a risk batch, or to the block / exempt dialog.
class DetectionsPage : public QWidget {
    Q_OBJECT
public:
    DetectionsPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks, Clock* clock,
                   QWidget* parent = nullptr);
    ~DetectionsPage() override;

    // Refresh, Add to risk batch, Block…, Exempt…: for the main window's menu.
    QList<QAction*> pageActions() const;
    // While the page is shown and an org is open (5 minutes by default; tests shorten it).
    void setAutoRefreshIntervalMs(int ms);
    int autoRefreshIntervalMs() const;
    bool isAutoRefreshActive() const;
    // Reads the chosen period again (no-op while a refresh runs or without an org).
    void refresh();
    // The distinct client IPs of the selected rows, in table order.
    QStringList selectedIps() const;
    // Asked before offering "Add to risk batch": false while the batch cannot take rows (a run is
    // sending, an import is running). Unset = always.
    void setRiskBatchCheck(std::function<bool()> canTakeRows);
    // Opens the zone dialog for `action`, prefilled with `ips` (non-blocking).
    ZoneChangeDialog* openZoneDialog(ZoneAction action, const QStringList& ips);

signals:
    void statusMessage(const QString& message);
    // "Add to risk batch": the selected rows' IPs.
    void addToRiskBatch(const QStringList& ips);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void buildUi();
    QAction* makeAction(const QString& objectName, const QString& icon, const QString& text,
                        const QKeySequence& shortcut, const QString& toolTip);
    void onSessionOpened();
    void onSessionClosing();
    void onLoaded(const QList<ThreatDetection>& detections, const QStringList& skipped);
    void onFailed(const QString& message);
    void onLoadingChanged(bool loading);
    void applyFilters();
    void fillOutcomes();
    void updateStatus();
    void updateActions();
    void updateAutoRefresh();
    bool isOnScreen() const;
    void restoreSelection();
    void showDetails();
    QList<int> selectedSourceRows() const;
    QString detailsText(const ThreatDetection& detection) const;
    qint64 lookbackSeconds() const;

    OrgSession* m_session;
    HistoryStore* m_history;
    DialogHooks* m_hooks;
    Clock* m_clock;
    DetectionFeed* m_feed = nullptr; // for the open org's client; recreated on every open
    DetectionTableModel* m_model;
    QSortFilterProxyModel* m_outcomeProxy; // outcome filter
    QSortFilterProxyModel* m_proxy;        // text filter and sorting, what the table shows
    QTimer* m_autoRefresh;

    QComboBox* m_sinceCombo = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QComboBox* m_outcomeCombo = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_skippedLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_details = nullptr;

    QAction* m_refreshAction = nullptr;
    QAction* m_addToRiskAction = nullptr;
    QAction* m_blockAction = nullptr;
    QAction* m_exemptAction = nullptr;

    bool m_loadedOnce = false;     // a load succeeded for the open org
    QSet<QString> m_selectedUuids; // the events picked, by uuid, kept across refreshes
    bool m_restoringSelection = false;
    std::function<bool()> m_canTakeRows;
    QString m_lastError;     // of the last refresh, empty when it went through
    QStringList m_skipped;   // log events the last load could not read
    QDateTime m_refreshedAt; // local time of the last successful load
};
