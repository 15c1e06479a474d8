#pragma once

#include "riskevents/ImportOptions.h"
#include "riskevents/ImportResult.h"
#include "riskevents/RiskRowImporter.h"
#include "riskevents/SubjectOutcome.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringMatcher>
#include <QVector>

#include <array>
#include <optional>
#include <vector>

class QIODevice;
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

    // --- Composing a batch by hand -------------------------------------------------------------
    // Rows are addressed by a stable row id (its place in the model's storage) so that undo and
    // redo can name them whatever the sort and filter; visible rows map to ids and back.
    // Editing is possible only while no scheduler is set (a run's subjects are fixed).
    struct RowValues {
        QString ip;
        QString level; // as typed: HIGH/MEDIUM/LOW in any case, or empty for the default level
        QString message;
        bool operator==(const RowValues& o) const {
            return ip == o.ip && level == o.level && message == o.message;
        }
    };
    bool isEditable() const { return m_scheduler.isNull(); }
    // How typed and pasted rows are judged (default level, non-public addresses...).
    void setValidationOptions(const ImportOptions& options);
    const ImportOptions& validationOptions() const { return m_validationOptions; }
    // Appends rows typed or pasted by hand; each is validated at once (and marked merged when
    // its address is already in the batch). Gives their row ids.
    QVector<int> appendRows(const QVector<RowValues>& values);
    // Appends what an import of a file or a paste produced, keeping the rows already there;
    // subjects whose address is already in the batch become merged rows. Gives their row ids.
    QVector<int> appendImport(const ImportResult& result);
    int rowIdAt(int visibleRow) const; // -1 when out of range
    int visibleRowOf(int rowId) const; // -1 when filtered out or removed
    RowValues rowValues(int rowId) const;
    // Replaces a row's values and validates it again. False when not editable or unknown id.
    bool setRowValues(int rowId, const RowValues& values);
    // Removal is a mark, not an erase, so undo restores the very same rows in place.
    void setRowsRemoved(const QVector<int>& rowIds, bool removed);
    bool isRowRemoved(int rowId) const;
    // The subjects to send now: every valid row not removed, in the table's line order (typed
    // rows after imported ones). Binds each row to its index in the returned list, which is
    // what setScheduler() then expects of the scheduler's run.
    QVector<RiskSubject> subjectsForSend();
    // Every row not removed, in the current view order or all of them: line, ip, level,
    // message, status, reason, requestId (RFC 4180, UTF-8). False and the reason on a write error.
    bool exportCsv(QIODevice* device, QString* error, bool visibleOnly = false) const;

    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    // Subject statuses follow the scheduler's outcomes (subject i = result.subjects[i] of
    // setImport(), or the i-th of the last subjectsForSend()); nullptr shows them as valid again.
    // Any edit unbinds the rows (call subjectsForSend() again before the next run).
    void setScheduler(SendScheduler* scheduler);
    void setFilter(const Filter& filter);
    const Filter& filter() const { return m_filter; }
    const Counts& counts() const { return m_counts; }
    int totalRows() const { return m_counts.rows; } // rows not removed
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
    // How a row was judged on its own, before duplicates are considered.
    enum class Verdict : quint8 {
        Valid,         // a subject: canonical ip, level, checked message
        Invalid,       // broke a rule; `reason` lists every problem
        FoldedOnImport // an import merged it into another row and kept only its (canonical) ip
    };
    struct Row {
        qint64 line = 0;   // source line; 0 when typed by hand
        quint64 order = 0; // line order: import segment << 40 | line; typed rows last, by ordinal
        QString ip;        // canonical unless Invalid (then as given)
        QString message;
        QString reason;    // Invalid: "field: reason; ..."; FoldedOnImport: the import's reason
        int subject = -1;  // index in the bound subjects (import or subjectsForSend), else -1
        int nextSame = -1; // next member of the same-ip group (m_groups), -1 at its end
        quint8 level = NoLevel;
        Verdict verdict = Verdict::Valid;
        RowStatus importStatus = RowStatus::Valid; // before any run: Valid, Invalid or Merged
        bool removed = false;
    };
    // The rows (not removed, not Invalid) sharing one canonical ip, as a list threaded through
    // Row::nextSame; the winner is the one Valid row that stays a subject.
    struct Group {
        QString ip;
        int head = -1;
        int winner = -1;
    };
    // An edited row as it first was, so setting its first values back restores it exactly
    // (imported rows carry reasons that validating their known fields again cannot rebuild).
    struct Original {
        Row row;
        std::optional<RowValues> given;
    };

    RowStatus statusOf(const Row& row) const;
    const SubjectOutcome* outcomeOf(const Row& row) const;
    bool accepts(const Row& row) const;
    QString reasonOf(int rowIndex) const;
    QString mergedReasonOf(int rowIndex, int winner) const;
    bool matchesText(const Row& row) const;
    void rebuildView();
    void invalidateOrder() { m_orderValid = false; }
    // When the order follows statuses or reasons (which outcomes and bindings change).
    void invalidateStatusOrder() {
        if (m_sortColumn == StatusColumn || m_sortColumn == ReasonColumn)
            m_orderValid = false;
    }
    void updateOrder(const QVector<int>& touched);
    const std::vector<int>& lineOrder();
    void buildOrder();
    void orderByRank(const std::vector<quint32>& rank, quint32 ranks);
    std::vector<quint32> caseInsensitiveRanks(int column, quint32* ranks) const;
    std::vector<quint32> ipRanks(quint32* ranks);
    void recount();
    void onOutcomesChanged(int firstSubject, int lastSubject);
    const QVector<std::array<quint64, 2>>& ipKeys();
    void extendIpKeys(int oldSize);

    // Editing helpers.
    static bool isTyped(const Row& row);
    bool orderLess(int a, int b) const;
    bool beats(int a, int b) const;
    int compareBy(int a, int b, const QVector<quint8>* statuses) const;
    bool viewLess(int a, int b, const QVector<quint8>* statuses = nullptr) const;
    RowValues shownValues(const Row& row) const;
    QString levelShown(int rowIndex) const;
    void judge(int rowIndex, const RowValues& values, const RiskRowImporter& importer);
    QVector<int> appendImportRows(const ImportResult& result, quint32 segment);
    void contribute(const Row& row, int sign);
    void setRowStatus(int rowIndex, RowStatus status);
    static RowStatus provisionalStatus(const Row& row);
    static bool isMember(const Row& row);
    void ensureGroups();
    int groupOf(const QString& ip) const; // -1 when the ip has no group
    int groupFor(const QString& ip);      // created when missing
    void growGroupTable();
    void link(int rowIndex, QSet<int>& regroups);
    void unlink(int rowIndex);
    void regroup(int group, QVector<int>& touched);
    void sortByOrder(QVector<int>& rows) const;
    void reserveRows(qsizetype extra);
    void clearBindings();
    void refreshView(QVector<int> touched, int firstNewRow);

    QVector<Row> m_rows;
    QVector<int> m_view;                      // visible rows in display order (indices into m_rows)
    QVector<int> m_rowOfSubject;              // subject index -> m_rows index
    QVector<RowStatus> m_lastStatus;          // per subject, as counted
    QVector<std::array<quint64, 2>> m_ipKeys; // numeric sort keys, built on the first ip sort
    // Every row (removed ones too) in line order: rows are only ever appended and keep their
    // order, so this is extended, never rebuilt, once made.
    std::vector<int> m_lineOrder;
    // Every row (removed ones too) in the order of the sort column and direction: a filter
    // change only walks it. Stale after any edit or outcome (m_orderValid), then made again
    // when the next sort or filter change needs it.
    std::vector<int> m_order;
    bool m_orderValid = false;
    // Per row, the place of its message in case-insensitive order (built on the first message
    // sort, dropped when a message changes; its size tells whether it covers every row).
    std::vector<quint32> m_messageRanks;
    quint32 m_messageRankCount = 0;
    std::vector<quint32> m_ipRanks; // the same for addresses (numeric, then text)
    quint32 m_ipRankCount = 0;
    QStringMatcher m_textMatcher; // the filter's text, case-insensitive unless it has no letters
    // The ip index, built on the first edit (an import alone needs none). Open addressing over
    // group indices, each slot tagged with the ip's hash (SubjectDeduplicator::hashOf), so a
    // million rows cost a flat table and no second copy of their strings. Groups stay when they
    // empty: undo brings their rows back.
    QVector<Group> m_groups;
    std::vector<quint64> m_groupTable; // 0 = empty, else hash << 32 | (group index + 1)
    bool m_groupsBuilt = false;
    QHash<int, RowValues> m_given;    // values as typed/given where they differ from what is shown
    QHash<int, Original> m_originals; // first state of every edited row
    quint32 m_segment = 0;            // imports so far (setImport starts at 1)
    quint32 m_typed = 0;              // rows typed so far
    QPointer<SendScheduler> m_scheduler;
    ImportOptions m_validationOptions;
    Filter m_filter;
    Counts m_counts;
    int m_sortColumn = LineColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
