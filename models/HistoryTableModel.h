#pragma once

#include "history/HistoryEntry.h"

#include <QAbstractTableModel>
#include <QList>

// The History screen's table: one row per HistoryEntry (send run or ThreatInsight change).
// Sorts itself (sort()), so a view with sorting enabled needs no proxy; the row order is the
// order entry(row) and entries() give, which is what the page exports.
class HistoryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        WhenColumn,
        KindColumn,
        ProfileColumn,
        OutcomeColumn,
        SubjectsColumn,
        AcceptedColumn,
        RejectedColumn,
        PendingColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the value sort() compares (QDateTime, int or QString)
        OutcomeRole,                 // the outcome token ("completed", "saved"…)
        RunDirectoryRole
    };

    explicit HistoryTableModel(QObject* parent = nullptr);

    // Replaces every row; the current sort (if any) is applied to the new rows.
    void setEntries(QList<HistoryEntry> entries);
    const QList<HistoryEntry>& entries() const { return m_entries; }
    const HistoryEntry& entry(int row) const { return m_entries.at(row); }

    // "Completed", "Interrupted"… for an outcome token; the token itself when unknown.
    static QString outcomeText(const QString& outcome);
    static QString kindText(HistoryEntry::Kind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QList<int> sortedRows() const; // the current rows in m_sortColumn / m_sortOrder order
    void sortEntries();

    QList<HistoryEntry> m_entries;
    int m_sortColumn = -1; // -1: the order setEntries() was given (the store's newest first)
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};
