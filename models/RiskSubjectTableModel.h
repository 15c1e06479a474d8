#pragma once

#include "riskevents/ImportResult.h"
#include "riskevents/SubjectOutcome.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QVector>

#include <array>

class SendScheduler;

// Every imported row and its fate, for the Risk events table: valid subjects, rejected rows
// (with the reason) and merged duplicates. Built for a million rows: it sorts and filters
// itself through an index permutation (a QSortFilterProxyModel would compare QVariants), and
// follows a SendScheduler's outcomesChanged signal without rescanning the rows.
class RiskSubjectTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, IpColumn, LevelColumn, MessageColumn, StatusColumn, ReasonColumn, ColumnCount };
    enum class RowStatus : quint8 { Valid, Invalid, Merged, Pending, Accepted, Rejected };
    static constexpr int RowStatusCount = 6;
    enum Role {
        StatusRole = Qt::UserRole + 1, // RowStatus as int
        SourceLineRole,                // qint64
        RequestIdRole,                 // Okta's request id of an accepted/rejected subject
        ProblemRole                    // bool: the row needs the user's attention (marker)
    };

    struct Filter {
        bool problemsOnly = false; // invalid, merged and rejected rows only
        quint8 levelMask = 0x7;    // bit = RiskLevel value; rows without a level always pass
        quint8 statusMask = 0x3f;  // bit = RowStatus value
        QString text;              // substring of ip or message, case-insensitive
        bool operator==(const Filter& other) const {
            return problemsOnly == other.problemsOnly && levelMask == other.levelMask &&
                   statusMask == other.statusMask && text == other.text;
        }
    };

    struct Counts {
        int rows = 0;
        std::array<int, 3> perLevel{};               // valid subjects per RiskLevel
        std::array<int, RowStatusCount> perStatus{}; // every row per RowStatus
        int count(RowStatus status) const { return perStatus[static_cast<size_t>(status)]; }
    };

    explicit RiskSubjectTableModel(QObject* parent = nullptr);
    ~RiskSubjectTableModel() override;

    // Replaces every row with what an import produced.
    void setImport(const ImportResult& result);
    // Subject statuses follow the scheduler's outcomes (subject i = result.subjects[i]); nullptr
    // shows them as valid again. The scheduler's run must hold the imported subjects in order.
    void setScheduler(SendScheduler* scheduler);
    void setFilter(const Filter& filter);
    const Filter& filter() const { return m_filter; }
    const Counts& counts() const { return m_counts; }
    int totalRows() const { return static_cast<int>(m_rows.size()); }
    RowStatus rowStatus(int visibleRow) const;
    static QString statusName(RowStatus status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void countsChanged();

private:
    static constexpr quint8 NoLevel = 3;
    struct Row {
        qint64 line = 0;
        QString ip;
        QString message;
        QString reason;   // why it was rejected or merged (import); Okta's reasons come from the outcome
        int subject = -1; // index in the import's subjects, -1 for rejected and merged rows
        quint8 level = NoLevel;
        RowStatus importStatus = RowStatus::Valid;
    };

    RowStatus statusOf(const Row& row) const;
    const SubjectOutcome* outcomeOf(const Row& row) const;
    bool accepts(const Row& row) const;
    QString reasonOf(int rowIndex) const;
    void rebuildView();
    void sortView();
    void recount();
    void onOutcomesChanged(int firstSubject, int lastSubject);
    const QVector<std::array<quint64, 2>>& ipKeys();

    QVector<Row> m_rows;
    QVector<int> m_view;                      // visible rows in display order (indices into m_rows)
    QVector<int> m_rowOfSubject;              // subject index -> m_rows index
    QVector<int> m_lineRank;                  // m_rows index -> position in source-line order
    QVector<RowStatus> m_lastStatus;          // per subject, as counted
    QVector<std::array<quint64, 2>> m_ipKeys; // numeric sort keys, built on the first ip sort
    QPointer<SendScheduler> m_scheduler;
    Filter m_filter;
    Counts m_counts;
    int m_sortColumn = LineColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
