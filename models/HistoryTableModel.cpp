#include "HistoryTableModel.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace {

bool isCount(int column) {
    return column >= HistoryTableModel::SubjectsColumn && column <= HistoryTableModel::PendingColumn;
}

int countOf(const HistoryEntry& entry, int column) {
    if (entry.kind != HistoryEntry::Kind::RiskRun)
        return -1; // changes have no counts: they sort below every run
    switch (column) {
    case HistoryTableModel::SubjectsColumn:
        return entry.subjects;
    case HistoryTableModel::AcceptedColumn:
        return entry.accepted;
    case HistoryTableModel::RejectedColumn:
        return entry.rejected;
    case HistoryTableModel::PendingColumn:
        return entry.pending;
    default:
        return -1;
    }
}

QString profileText(const HistoryEntry& entry) {
    return entry.profileName.isEmpty() ? entry.profileId : entry.profileName;
}

QString textOf(const HistoryEntry& entry, int column) {
    switch (column) {
    case HistoryTableModel::KindColumn:
        return HistoryTableModel::kindText(entry.kind);
    case HistoryTableModel::ProfileColumn:
        return profileText(entry);
    case HistoryTableModel::OutcomeColumn:
        return HistoryTableModel::outcomeText(entry.outcome);
    case HistoryTableModel::SummaryColumn:
        return entry.summary;
    default:
        return {};
    }
}

} // namespace

HistoryTableModel::HistoryTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void HistoryTableModel::setEntries(QList<HistoryEntry> entries) {
    beginResetModel();
    m_entries = std::move(entries);
    sortEntries();
    endResetModel();
}

QString HistoryTableModel::outcomeText(const QString& outcome) {
    if (outcome == QLatin1String("completed"))
        return tr("Completed");
    if (outcome == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (outcome == QLatin1String("stopped"))
        return tr("Stopped");
    if (outcome == QLatin1String("interrupted"))
        return tr("Interrupted");
    if (outcome == QLatin1String("running"))
        return tr("Running");
    if (outcome == QLatin1String("saved"))
        return tr("Saved");
    if (outcome == QLatin1String("failed"))
        return tr("Failed");
    if (outcome == QLatin1String("unreadable"))
        return tr("Unreadable");
    return outcome;
}

QString HistoryTableModel::kindText(HistoryEntry::Kind kind) {
    switch (kind) {
    case HistoryEntry::Kind::RiskRun:
        return tr("Risk events run");
    case HistoryEntry::Kind::ThreatInsightChange:
        return tr("ThreatInsight change");
    case HistoryEntry::Kind::ZoneChange:
        return tr("Zone change");
    }
    return {};
}

int HistoryTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int HistoryTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_entries.size() ||
        index.column() >= ColumnCount)
        return {};
    const HistoryEntry& entry = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case WhenColumn:
            return entry.when.isValid()
                       ? entry.when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : tr("unknown");
        case KindColumn:
            return kindText(entry.kind);
        case ProfileColumn:
            return profileText(entry);
        case OutcomeColumn:
            return outcomeText(entry.outcome);
        case SummaryColumn:
            return entry.summary;
        default:
            if (entry.kind != HistoryEntry::Kind::RiskRun)
                return {};
            return QLocale().toString(countOf(entry, column));
        }
    case Qt::ToolTipRole:
        switch (column) {
        case WhenColumn:
            return entry.when.isValid()
                       ? entry.when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                       : tr("The time of this entry is unknown (its record is damaged).");
        case ProfileColumn:
            return entry.profileId;
        case OutcomeColumn:
        case SummaryColumn:
            return entry.summary;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (isCount(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (column == WhenColumn)
            return entry.when;
        if (isCount(column))
            return countOf(entry, column);
        return textOf(entry, column);
    case OutcomeRole:
        return entry.outcome;
    case RunDirectoryRole:
        return entry.runDirectory;
    default:
        return {};
    }
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case WhenColumn:
            return tr("When");
        case KindColumn:
            return tr("Kind");
        case ProfileColumn:
            return tr("Profile");
        case OutcomeColumn:
            return tr("Outcome");
        case SubjectsColumn:
            return tr("Subjects");
        case AcceptedColumn:
            return tr("Accepted");
        case RejectedColumn:
            return tr("Rejected");
        case PendingColumn:
            return tr("Pending");
        case SummaryColumn:
            return tr("Summary");
        default:
            break;
        }
    } else if (role == Qt::ToolTipRole && section == WhenColumn) {
        return tr("Local time; the tooltip of each cell gives it in UTC");
    }
    return {};
}

void HistoryTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_sortColumn = column;
    m_sortOrder = order;
    const QList<int> oldRows = sortedRows();
    const QList<HistoryEntry> previous = m_entries;
    QList<int> newRowOf(oldRows.size());
    for (qsizetype newRow = 0; newRow < oldRows.size(); ++newRow) {
        m_entries[newRow] = previous.at(oldRows[newRow]);
        newRowOf[oldRows[newRow]] = static_cast<int>(newRow);
    }
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& old : before)
        after.append(index(newRowOf.at(old.row()), old.column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QList<int> HistoryTableModel::sortedRows() const {
    QList<int> rows(m_entries.size());
    std::iota(rows.begin(), rows.end(), 0);
    const int column = m_sortColumn;
    const auto less = [this, column](int a, int b) {
        const HistoryEntry& x = m_entries.at(a);
        const HistoryEntry& y = m_entries.at(b);
        if (column == WhenColumn) {
            if (x.when.isValid() != y.when.isValid())
                return !x.when.isValid(); // unknown times count as the oldest
            return x.when < y.when;
        }
        if (isCount(column))
            return countOf(x, column) < countOf(y, column);
        return QString::localeAwareCompare(textOf(x, column), textOf(y, column)) < 0;
    };
    // Stable both ways, so equal rows keep the store's order (newest first).
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(rows.begin(), rows.end(), less);
    else
        std::stable_sort(rows.begin(), rows.end(), [&less](int a, int b) { return less(b, a); });
    return rows;
}

void HistoryTableModel::sortEntries() {
    if (m_sortColumn < 0)
        return;
    // Inside a reset: there are no persistent indexes to move.
    const QList<int> rows = sortedRows();
    QList<HistoryEntry> sorted;
    sorted.reserve(rows.size());
    for (int row : rows)
        sorted.append(m_entries.at(row));
    m_entries = std::move(sorted);
}
