#include "HistoryPage.h"

#include "DialogHooks.h"
#include "HistoryTableModel.h"
#include "Icons.h"
#include "history/HistoryStore.h"
#include "session/OrgSession.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

HistoryPage::HistoryPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(history)
    , m_hooks(hooks)
    , m_model(new HistoryTableModel(this)) {
    setObjectName(QStringLiteral("historyPage"));
    setAccessibleName(tr("History"));

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("historyTitleLabel"));
    m_titleLabel->setAccessibleName(tr("History of the open profile"));
    m_titleLabel->setTextFormat(Qt::PlainText);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("historyEmptyLabel"));
    m_emptyLabel->setAccessibleName(tr("No history"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Past runs and ThreatInsight changes"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Newest first, as the store gives them; the header sorts by any column.
    m_table->horizontalHeader()->setSortIndicator(HistoryTableModel::WhenColumn, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("historyDetails"));
    m_details->setAccessibleName(tr("Details of the selected entry"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setPlaceholderText(tr("Select a run or a change to see its details and request ids."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("historyStack"));
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(splitter);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_stack, 1);

    m_refreshAction = new QAction(Icons::icon(QStringLiteral("reload")), tr("&Refresh History"), this);
    m_refreshAction->setObjectName(QStringLiteral("historyRefreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Read the runs and ThreatInsight changes of this profile again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &HistoryPage::reload);

    m_exportAction =
        new QAction(Icons::icon(QStringLiteral("export")), tr("&Export History as CSV\u2026"), this);
    m_exportAction->setObjectName(QStringLiteral("historyExportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setToolTip(
        tr("Save the listed entries, in the table's order, as a CSV file (Ctrl+Shift+E)"));
    connect(m_exportAction, &QAction::triggered, this, &HistoryPage::exportCsv);
    addAction(m_refreshAction);
    addAction(m_exportAction);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPage::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPage::showDetails);

    connect(m_session, &OrgSession::opened, this, &HistoryPage::reload);
    connect(m_session, &OrgSession::closing, this, &HistoryPage::clear);
    connect(m_history, &HistoryStore::changed, this, [this](const QString& profileId) {
        if (!m_profileId.isEmpty() && profileId == m_profileId)
            reload();
    });

    if (m_session->state() == OrgSession::State::Open)
        reload();
    else
        clear();
}

HistoryPage::~HistoryPage() = default;

QList<QAction*> HistoryPage::pageActions() const {
    return {m_refreshAction, m_exportAction};
}

void HistoryPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!m_profileId.isEmpty())
        reload();
    updateActions();
}

void HistoryPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    updateActions();
}

void HistoryPage::updateActions() {
    m_refreshAction->setEnabled(isVisible() && !m_profileId.isEmpty());
    m_exportAction->setEnabled(!m_profileId.isEmpty() && m_model->rowCount() > 0);
}

QString HistoryPage::entryKey(const HistoryEntry& entry) {
    if (!entry.runDirectory.isEmpty())
        return entry.runDirectory;
    return entry.when.toString(Qt::ISODateWithMs) + QLatin1Char('|') + entry.summary;
}

void HistoryPage::clear() {
    m_profileId.clear();
    m_profileName.clear();
    m_model->setEntries({});
    m_titleLabel->setText(tr("History"));
    m_emptyLabel->setText(tr("Open a profile to see its runs and ThreatInsight changes."));
    m_stack->setCurrentWidget(m_emptyLabel);
    updateActions();
}

void HistoryPage::reload() {
    const OrgProfile& profile = m_session->profile();
    if (profile.id.isEmpty()) {
        clear();
        return;
    }
    m_profileId = profile.id;
    m_profileName = profile.displayName;

    // Keep the selected entry selected across the reload.
    QString selectedKey;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {}))
        selectedKey = entryKey(m_model->entry(current.row()));

    QList<HistoryEntry> entries = m_history->entries(m_profileId);
    for (HistoryEntry& entry : entries) {
        // Run journals name the profile by id only: "who" is this profile.
        if (entry.profileName.isEmpty())
            entry.profileName = m_profileName;
    }
    m_model->setEntries(std::move(entries));

    const int count = m_model->rowCount();
    m_titleLabel->setText(
        count == 1 ? tr("History of %1: 1 entry").arg(m_profileName)
                   : tr("History of %1: %2 entries").arg(m_profileName, QLocale().toString(count)));
    m_emptyLabel->setText(tr("No runs or ThreatInsight changes for this profile yet"));
    m_stack->setCurrentIndex(count == 0 ? 0 : 1);
    updateActions();

    if (!selectedKey.isEmpty()) {
        for (int row = 0; row < count; ++row) {
            if (entryKey(m_model->entry(row)) == selectedKey) {
                m_table->selectRow(row);
                break;
            }
        }
    }
    showDetails();
}

void HistoryPage::showDetails() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount()) {
        m_details->clear();
        return;
    }
    const QString text = detailsText(m_model->entry(rows.first().row()));
    if (m_details->toPlainText() != text)
        m_details->setPlainText(text);
}

QString HistoryPage::detailsText(const HistoryEntry& entry) const {
    QStringList lines;
    if (entry.when.isValid())
        lines.append(tr("When: %1 (local time), %2")
                         .arg(entry.when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                              entry.when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))));
    else
        lines.append(tr("When: unknown"));
    lines.append(tr("Kind: %1").arg(HistoryTableModel::kindText(entry.kind)));
    lines.append(
        tr("Profile: %1 (%2)")
            .arg(entry.profileName.isEmpty() ? entry.profileId : entry.profileName, entry.profileId));
    lines.append(tr("Outcome: %1").arg(HistoryTableModel::outcomeText(entry.outcome)));
    if (entry.kind == HistoryEntry::Kind::RiskRun) {
        const QLocale locale;
        lines.append(tr("Subjects: %1 (accepted %2, rejected %3, pending %4)")
                         .arg(locale.toString(entry.subjects), locale.toString(entry.accepted),
                              locale.toString(entry.rejected), locale.toString(entry.pending)));
    }
    lines.append(tr("Summary: %1").arg(entry.summary));
    if (!entry.runDirectory.isEmpty())
        lines.append(tr("Run directory: %1").arg(QDir::toNativeSeparators(entry.runDirectory)));
    if (entry.requestIds.isEmpty()) {
        lines.append(tr("Okta request ids: none recorded"));
    } else {
        lines.append(tr("Okta request ids (%1):").arg(entry.requestIds.size()));
        for (const QString& id : entry.requestIds)
            lines.append(QStringLiteral("  ") + id);
    }
    if (!entry.details.isEmpty()) {
        lines.append(QString());
        lines.append(entry.details);
    }
    return lines.join(QLatin1Char('\n'));
}

void HistoryPage::exportCsv() {
    if (m_model->rowCount() == 0)
        return;
    QString name = m_profileName.isEmpty() ? m_profileId : m_profileName;
    for (QChar& c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('-');
    }
    DialogHooks::FileRequest request;
    request.objectName = QStringLiteral("exportHistoryDialog");
    request.caption = tr("Export History as CSV");
    request.directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                        QStringLiteral("/threatdesk-history-%1-%2.csv")
                            .arg(name, QDate::currentDate().toString(QStringLiteral("yyyyMMdd")));
    request.nameFilter = tr("CSV files (*.csv);;All files (*)");
    request.save = true;
    request.defaultSuffix = QStringLiteral("csv");
    QPointer<HistoryPage> self(this);
    m_hooks->chooseFile(this, request, [self](const QString& path) {
        if (self && !path.isEmpty())
            self->writeCsv(path);
    });
}

void HistoryPage::writeCsv(const QString& path) {
    QSaveFile file(path);
    QString error;
    bool ok = file.open(QIODevice::WriteOnly);
    if (!ok)
        error = file.errorString();
    else if (!HistoryStore::exportCsv(m_model->entries(), &file, &error))
        ok = false;
    else if (!file.commit()) {
        ok = false;
        error = file.errorString();
    }
    if (!ok) {
        file.cancelWriting();
        m_hooks->inform(
            this, QStringLiteral("exportHistoryErrorDialog"), QMessageBox::Warning, tr("Export failed"),
            tr("The history could not be saved to %1.").arg(QDir::toNativeSeparators(path)), error);
        return;
    }
    const int count = m_model->rowCount();
    emit statusMessage(count == 1 ? tr("Exported 1 history entry to %1").arg(QDir::toNativeSeparators(path))
                                  : tr("Exported %1 history entries to %2")
                                        .arg(QLocale().toString(count), QDir::toNativeSeparators(path)));
}
