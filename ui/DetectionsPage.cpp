#include "DetectionsPage.h"

#include "DetectionTableModel.h"
#include "DialogHooks.h"
#include "Icons.h"
#include "ZoneChangeDialog.h"
#include "common/SystemClock.h"
#include "incident/DetectionFeed.h"
#include "session/OrgSession.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int DefaultAutoRefreshMs = 5 * 60 * 1000;
constexpr int MaxSkippedShown = 5;
} // namespace

DetectionsPage::DetectionsPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks, Clock* clock,
                               QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(history)
    , m_hooks(hooks)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_model(new DetectionTableModel(this))
    , m_outcomeProxy(new QSortFilterProxyModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_autoRefresh(new QTimer(this)) {
    setObjectName(QStringLiteral("detectionsPage"));
    setAccessibleName(tr("Detections"));

    // Outcome first (exact, on its own role), then the free text over every column, which also
    // sorts: the table sees only the top proxy.
    m_outcomeProxy->setSourceModel(m_model);
    m_outcomeProxy->setFilterKeyColumn(DetectionTableModel::OutcomeColumn);
    m_outcomeProxy->setFilterRole(DetectionTableModel::OutcomeRole);
    m_proxy->setSourceModel(m_outcomeProxy);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(DetectionTableModel::SortRole);

    m_autoRefresh->setObjectName(QStringLiteral("detectionsAutoRefreshTimer"));
    m_autoRefresh->setInterval(DefaultAutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &DetectionsPage::refresh);

    buildUi();

    connect(m_session, &OrgSession::opened, this, &DetectionsPage::onSessionOpened);
    // The client is deleted right after closing(): the feed must let go of it first.
    connect(m_session, &OrgSession::closing, this, &DetectionsPage::onSessionClosing);
    if (m_session->state() == OrgSession::State::Open)
        onSessionOpened();
    else
        onSessionClosing();
}

DetectionsPage::~DetectionsPage() {
    disconnect(m_session, nullptr, this, nullptr);
    m_autoRefresh->stop();
    if (m_feed) {
        m_feed->disconnect(this);
        m_feed->cancel();
    }
    m_model->setFeed(nullptr);
}

QAction* DetectionsPage::makeAction(const QString& objectName, const QString& icon, const QString& text,
                                    const QKeySequence& shortcut, const QString& toolTip) {
    auto* action = new QAction(Icons::icon(icon), text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setToolTip(toolTip);
    addAction(action);
    return action;
}

void DetectionsPage::buildUi() {
    m_refreshAction = makeAction(QStringLiteral("detectionsRefreshAction"), QStringLiteral("reload"),
                                 tr("&Refresh Detections"), QKeySequence::Refresh,
                                 tr("Read the ThreatInsight events of the chosen period again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &DetectionsPage::refresh);
    m_addToRiskAction =
        makeAction(QStringLiteral("detectionsAddToRiskAction"), QStringLiteral("risk-events"),
                   tr("Add to risk &batch"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                   tr("Add the selected IPs to the Risk events batch as HIGH (Ctrl+Shift+A)"));
    connect(m_addToRiskAction, &QAction::triggered, this, [this] {
        const QStringList ips = selectedIps();
        if (!ips.isEmpty())
            emit addToRiskBatch(ips);
    });
    m_blockAction =
        makeAction(QStringLiteral("detectionsBlockAction"), QStringLiteral("block"), tr("&Block…"),
                   QKeySequence(Qt::CTRL | Qt::Key_B),
                   tr("Add the selected IPs to a block list zone, after showing the change (Ctrl+B)"));
    connect(m_blockAction, &QAction::triggered, this,
            [this] { openZoneDialog(ZoneAction::Block, selectedIps()); });
    m_exemptAction = makeAction(QStringLiteral("detectionsExemptAction"), QStringLiteral("exempt"),
                                tr("E&xempt…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                                tr("Add the selected IPs to the zone ThreatInsight ignores, after showing "
                                   "the change (Ctrl+Shift+X)"));
    connect(m_exemptAction, &QAction::triggered, this,
            [this] { openZoneDialog(ZoneAction::Exempt, selectedIps()); });

    m_sinceCombo = new QComboBox(this);
    m_sinceCombo->setObjectName(QStringLiteral("detectionsSinceCombo"));
    m_sinceCombo->setAccessibleName(tr("Period"));
    m_sinceCombo->setToolTip(tr("How far back to read the System Log"));
    m_sinceCombo->addItem(tr("Last hour"), qint64(3600));
    m_sinceCombo->addItem(tr("Last 24 hours"), qint64(24 * 3600));
    m_sinceCombo->addItem(tr("Last 7 days"), qint64(7 * 24 * 3600));
    m_sinceCombo->addItem(tr("Last 30 days"), qint64(30 * 24 * 3600));
    m_sinceCombo->setCurrentIndex(1);
    connect(m_sinceCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        // A read of the old period is no answer to the new one.
        if (m_feed && m_feed->isLoading())
            m_feed->cancel();
        refresh();
    });

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("detectionsFilterEdit"));
    m_filterEdit->setAccessibleName(tr("Filter by IP or threat"));
    m_filterEdit->setPlaceholderText(tr("Filter by IP or threat"));
    m_filterEdit->setClearButtonEnabled(true);
    // The toolbar squeezes it first: keep the hint readable in every language.
    m_filterEdit->setMinimumWidth(
        m_filterEdit->fontMetrics().horizontalAdvance(m_filterEdit->placeholderText()) + 30);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &DetectionsPage::applyFilters);

    m_outcomeCombo = new QComboBox(this);
    m_outcomeCombo->setObjectName(QStringLiteral("detectionsOutcomeCombo"));
    m_outcomeCombo->setAccessibleName(tr("Outcome"));
    m_outcomeCombo->setToolTip(tr("Show only events with this outcome"));
    m_outcomeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_outcomeCombo->addItem(tr("All outcomes"), QString());
    connect(m_outcomeCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &DetectionsPage::applyFilters);

    auto* toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("detectionsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_refreshAction);
    auto* sinceLabel = new QLabel(tr("&Since:"), toolBar);
    sinceLabel->setBuddy(m_sinceCombo);
    toolBar->addWidget(sinceLabel);
    toolBar->addWidget(m_sinceCombo);
    toolBar->addWidget(m_filterEdit);
    toolBar->addWidget(m_outcomeCombo);
    toolBar->addSeparator();
    toolBar->addActions({m_addToRiskAction, m_blockAction, m_exemptAction});

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("detectionsStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Refresh status"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_skippedLabel = new QLabel(this);
    m_skippedLabel->setObjectName(QStringLiteral("detectionsSkippedLabel"));
    m_skippedLabel->setAccessibleName(tr("Events that could not be read"));
    m_skippedLabel->setTextFormat(Qt::PlainText);
    m_skippedLabel->setWordWrap(true);
    m_skippedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_skippedLabel->hide();

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("detectionsEmptyLabel"));
    m_emptyLabel->setAccessibleName(tr("No detections"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("detectionsTable"));
    m_table->setAccessibleName(tr("ThreatInsight detections"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The threat text is the long one: it takes the spare width, the others fit their contents.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(DetectionTableModel::ThreatColumn,
                                                      QHeaderView::Stretch);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DetectionTableModel::TimeColumn, Qt::DescendingOrder); // newest first
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_addToRiskAction, m_blockAction, m_exemptAction});

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("detectionDetails"));
    m_details->setAccessibleName(tr("Details of the selected event"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select an event to see its details, location and event id."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("detectionsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({600, 120});
    splitter->setChildrenCollapsible(false);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("detectionsStack"));
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(splitter);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(toolBar);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_skippedLabel);
    layout->addWidget(m_stack, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_restoringSelection) {
            m_selectedUuids.clear();
            for (int row : selectedSourceRows()) {
                if (const ThreatDetection* detection = m_model->detectionAt(row))
                    m_selectedUuids.insert(detection->uuid);
            }
        }
        showDetails();
        updateActions();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        showDetails();
        updateActions();
    });
}

QList<QAction*> DetectionsPage::pageActions() const {
    return {m_refreshAction, m_addToRiskAction, m_blockAction, m_exemptAction};
}

void DetectionsPage::setAutoRefreshIntervalMs(int ms) {
    m_autoRefresh->setInterval(std::max(1, ms));
    updateAutoRefresh();
}

int DetectionsPage::autoRefreshIntervalMs() const {
    return m_autoRefresh->interval();
}

bool DetectionsPage::isAutoRefreshActive() const {
    return m_autoRefresh->isActive();
}

qint64 DetectionsPage::lookbackSeconds() const {
    return m_sinceCombo->currentData().toLongLong();
}

void DetectionsPage::onSessionOpened() {
    onSessionClosing(); // drops a feed of a previous org, if any
    OktaClient* client = m_session->client();
    if (!client)
        return;
    m_feed = new DetectionFeed(client, m_clock, this);
    // The model hears loaded() first, so onLoaded() sees the new rows.
    m_model->setFeed(m_feed);
    connect(m_feed, &DetectionFeed::loaded, this, &DetectionsPage::onLoaded);
    connect(m_feed, &DetectionFeed::failed, this, &DetectionsPage::onFailed);
    connect(m_feed, &DetectionFeed::loadingChanged, this, &DetectionsPage::onLoadingChanged);
    refresh();
    updateAutoRefresh();
}

void DetectionsPage::onSessionClosing() {
    if (m_feed) {
        m_feed->disconnect(this);
        m_feed->cancel();
        m_model->setFeed(nullptr);
        delete m_feed;
        m_feed = nullptr;
    }
    m_model->setDetections({});
    m_loadedOnce = false;
    m_lastError.clear();
    m_skipped.clear();
    m_refreshedAt = QDateTime();
    fillOutcomes();
    updateAutoRefresh();
    updateStatus();
    updateActions();
}

void DetectionsPage::refresh() {
    if (!m_feed) {
        updateStatus();
        return;
    }
    if (m_feed->isLoading())
        return; // the running refresh answers soon enough
    m_feed->refresh(lookbackSeconds());
    // A manual refresh counts as the periodic one: the next comes a full interval later.
    updateAutoRefresh();
    updateStatus();
}

void DetectionsPage::onLoaded(const QList<ThreatDetection>& detections, const QStringList& skipped) {
    Q_UNUSED(detections)
    m_loadedOnce = true;
    m_lastError.clear();
    m_skipped = skipped;
    m_refreshedAt = QDateTime::currentDateTime();
    fillOutcomes();
    applyFilters();
    restoreSelection();
    // Every column but the threat text (it takes the spare width) fits its contents.
    for (int column = 0; column < DetectionTableModel::ColumnCount; ++column) {
        if (column != DetectionTableModel::ThreatColumn)
            m_table->resizeColumnToContents(column);
    }
    updateStatus();
}

void DetectionsPage::onFailed(const QString& message) {
    m_lastError = message;
    updateStatus();
    emit statusMessage(tr("Refreshing detections failed: %1").arg(message));
}

void DetectionsPage::onLoadingChanged(bool) {
    updateStatus();
    updateActions();
}

void DetectionsPage::fillOutcomes() {
    QStringList outcomes;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const ThreatDetection* detection = m_model->detectionAt(row);
        if (detection && !detection->outcome.isEmpty() && !outcomes.contains(detection->outcome))
            outcomes.append(detection->outcome);
    }
    outcomes.sort();
    const QString current = m_outcomeCombo->currentData().toString();
    const QSignalBlocker blocker(m_outcomeCombo);
    while (m_outcomeCombo->count() > 1)
        m_outcomeCombo->removeItem(1);
    for (const QString& outcome : std::as_const(outcomes))
        m_outcomeCombo->addItem(outcome, outcome);
    // A chosen outcome stays chosen even when this period has none of it: the admin picked it.
    if (!current.isEmpty() && m_outcomeCombo->findData(current) < 0)
        m_outcomeCombo->addItem(current, current);
    m_outcomeCombo->setCurrentIndex(std::max(0, m_outcomeCombo->findData(current)));
}

void DetectionsPage::applyFilters() {
    const QString outcome = m_outcomeCombo->currentData().toString();
    m_outcomeProxy->setFilterRegularExpression(
        outcome.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(outcome) + QLatin1Char('$')));
    m_proxy->setFilterFixedString(m_filterEdit->text().trimmed());
    updateStatus();
    showDetails();
    updateActions();
}

void DetectionsPage::updateStatus() {
    const QLocale locale;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const bool open = m_feed != nullptr;
    const bool loading = m_feed && m_feed->isLoading();

    QString status;
    if (!open) {
        status = tr("No org is open.");
    } else if (loading) {
        status = m_loadedOnce ? tr("Refreshing… (showing the events read at %1)")
                                    .arg(locale.toString(m_refreshedAt.time(), QLocale::ShortFormat))
                              : tr("Reading the System Log…");
    } else if (m_loadedOnce) {
        QSet<QString> ips;
        for (int row = 0; row < total; ++row) {
            const ThreatDetection* detection = m_model->detectionAt(row);
            if (detection && !detection->ip.isEmpty())
                ips.insert(detection->ip);
        }
        const QString events = total == 1 ? tr("1 event") : tr("%1 events").arg(locale.toString(total));
        const QString distinct = ips.size() == 1
                                     ? tr("1 distinct IP")
                                     : tr("%1 distinct IPs").arg(locale.toString(int(ips.size())));
        status = tr("Refreshed at %1 \u2014 %2, %3")
                     .arg(m_refreshedAt.toString(QStringLiteral("HH:mm")), events, distinct);
        if (shown != total)
            status += tr(" (%1 shown by the filters)").arg(locale.toString(shown));
        if (!m_skipped.isEmpty())
            status += m_skipped.size() == 1
                          ? tr("; 1 event could not be read (listed below)")
                          : tr("; %1 events could not be read (listed below)").arg(m_skipped.size());
    }
    if (!m_lastError.isEmpty() && !loading) {
        const QString failure = tr("Refresh failed: %1").arg(m_lastError);
        status = m_loadedOnce ? failure + QLatin1Char('\n') + status : failure;
    }
    m_statusLabel->setText(status);
    m_statusLabel->setToolTip(m_lastError);

    if (m_skipped.isEmpty()) {
        m_skippedLabel->hide();
        m_skippedLabel->clear();
    } else {
        QStringList lines = m_skipped.mid(0, MaxSkippedShown);
        if (m_skipped.size() > MaxSkippedShown)
            lines.append(tr("… and %1 more (see the tooltip)").arg(m_skipped.size() - MaxSkippedShown));
        m_skippedLabel->setText(tr("Not shown:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        m_skippedLabel->setToolTip(m_skipped.join(QLatin1Char('\n')));
        m_skippedLabel->show();
    }

    QString empty;
    if (!open)
        empty = tr("Open an org to see its ThreatInsight detections.");
    else if (!m_loadedOnce && loading)
        empty = tr("Reading the System Log…");
    else if (!m_loadedOnce && !m_lastError.isEmpty())
        empty = tr("The detections could not be read. Press Refresh (F5) to try again.");
    else if (total == 0)
        empty = tr("No ThreatInsight detections in this org over the period chosen (%1).")
                    .arg(m_sinceCombo->currentText());
    else if (shown == 0)
        empty = tr("No detection matches the filters.");
    m_emptyLabel->setText(empty);
    m_stack->setCurrentIndex(empty.isEmpty() ? 1 : 0);
}

void DetectionsPage::updateActions() {
    const bool open = m_feed != nullptr;
    m_refreshAction->setEnabled(open && isVisible() && !m_feed->isLoading());
    const bool hasIps = open && !selectedIps().isEmpty();
    m_addToRiskAction->setEnabled(hasIps && (!m_canTakeRows || m_canTakeRows()));
    m_blockAction->setEnabled(hasIps);
    m_exemptAction->setEnabled(hasIps);
}

bool DetectionsPage::isOnScreen() const {
    // A minimised window's widgets stay "visible": no periodic reading for nobody to see.
    return isVisible() && !window()->isMinimized();
}

void DetectionsPage::updateAutoRefresh() {
    if (m_feed && isOnScreen())
        m_autoRefresh->start(); // (re)starts: the interval counts from now
    else
        m_autoRefresh->stop();
}

void DetectionsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Back on screen after a while: what was read may be old, read again.
    if (m_feed && !m_feed->isLoading() &&
        (!m_loadedOnce || m_refreshedAt.msecsTo(QDateTime::currentDateTime()) >= m_autoRefresh->interval()))
        refresh();
    updateAutoRefresh();
    updateActions();
}

void DetectionsPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    updateAutoRefresh();
    updateActions();
}

QList<int> DetectionsPage::selectedSourceRows() const {
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : selected) {
        const QModelIndex source = m_outcomeProxy->mapToSource(m_proxy->mapToSource(index));
        if (source.isValid())
            rows.append(source.row());
    }
    // In the order the table shows them.
    std::sort(rows.begin(), rows.end(), [this](int a, int b) {
        const QModelIndex ia = m_proxy->mapFromSource(m_outcomeProxy->mapFromSource(m_model->index(a, 0)));
        const QModelIndex ib = m_proxy->mapFromSource(m_outcomeProxy->mapFromSource(m_model->index(b, 0)));
        return ia.row() < ib.row();
    });
    return rows;
}

void DetectionsPage::restoreSelection() {
    // A refresh (every few minutes) rebuilds the rows: the events the admin had picked stay picked.
    if (m_selectedUuids.isEmpty())
        return;
    QItemSelection selection;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex source = m_outcomeProxy->mapToSource(m_proxy->mapToSource(m_proxy->index(row, 0)));
        const ThreatDetection* detection = m_model->detectionAt(source.row());
        if (detection && m_selectedUuids.contains(detection->uuid))
            selection.select(m_proxy->index(row, 0), m_proxy->index(row, m_proxy->columnCount() - 1));
    }
    m_restoringSelection = true;
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_restoringSelection = false;
    showDetails();
    updateActions();
}

void DetectionsPage::setRiskBatchCheck(std::function<bool()> canTakeRows) {
    m_canTakeRows = std::move(canTakeRows);
    updateActions();
}

QStringList DetectionsPage::selectedIps() const {
    return m_model->ipsOfRows(selectedSourceRows());
}

void DetectionsPage::showDetails() {
    const QList<int> rows = selectedSourceRows();
    const ThreatDetection* detection = rows.isEmpty() ? nullptr : m_model->detectionAt(rows.constFirst());
    if (!detection) {
        m_details->clear();
        return;
    }
    QString text = detailsText(*detection);
    if (rows.size() > 1)
        text = tr("%1 events selected; the first one:").arg(rows.size()) + QStringLiteral("\n\n") + text;
    if (m_details->toPlainText() != text)
        m_details->setPlainText(text);
}

QString DetectionsPage::detailsText(const ThreatDetection& detection) const {
    QStringList lines;
    lines.append(tr("Event: %1 (%2)").arg(detection.kindText(), detection.eventType));
    if (detection.published.isValid())
        lines.append(
            tr("When: %1 (local time), %2")
                .arg(detection.published.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     detection.published.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))));
    lines.append(tr("IP: %1").arg(detection.ip.isEmpty() ? tr("none logged") : detection.ip));
    QString outcome = detection.outcome.isEmpty() ? tr("not logged") : detection.outcome;
    if (!detection.outcomeReason.isEmpty())
        outcome += QStringLiteral(" (%1)").arg(detection.outcomeReason);
    lines.append(tr("Outcome: %1").arg(outcome));
    if (!detection.threatSuspected.isEmpty())
        lines.append(tr("Threat suspected: %1").arg(detection.threatSuspected));
    lines.append(tr("Location: %1").arg(detection.location.isEmpty() ? tr("unknown") : detection.location));
    if (!detection.detail.isEmpty())
        lines.append(tr("Detail: %1").arg(detection.detail));
    lines.append(tr("Event id: %1").arg(detection.uuid));
    return lines.join(QLatin1Char('\n'));
}

ZoneChangeDialog* DetectionsPage::openZoneDialog(ZoneAction action, const QStringList& ips) {
    if (m_session->state() != OrgSession::State::Open)
        return nullptr;
    auto* dialog = new ZoneChangeDialog(m_session, m_history, action, ips, this);
    connect(dialog, &ZoneChangeDialog::zoneChanged, this,
            [this](const QString& summary, const QString& requestId) {
                emit statusMessage(tr("Zone changed: %1 (request id %2)").arg(summary, requestId));
            });
    m_hooks->showDialog(dialog);
    return dialog;
}
