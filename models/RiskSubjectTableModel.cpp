#include "RiskSubjectTableModel.h"

#include "riskevents/IpAddressParser.h"
#include "riskevents/SendScheduler.h"

#include <QHash>
#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <utility>

RiskSubjectTableModel::RiskSubjectTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

RiskSubjectTableModel::~RiskSubjectTableModel() = default;

QString RiskSubjectTableModel::statusName(RowStatus status) {
    switch (status) {
    case RowStatus::Valid:
        return tr("valid");
    case RowStatus::Invalid:
        return tr("invalid");
    case RowStatus::Merged:
        return tr("merged");
    case RowStatus::Pending:
        return tr("pending");
    case RowStatus::Accepted:
        return tr("accepted");
    case RowStatus::Rejected:
        return tr("rejected");
    }
    return {};
}

void RiskSubjectTableModel::setImport(const ImportResult& result) {
    beginResetModel();
    m_rows.clear();
    m_ipKeys.clear();
    m_rows.reserve(result.subjects.size() + result.issues.size());
    m_rowOfSubject.resize(result.subjects.size());
    for (int i = 0; i < result.subjects.size(); ++i) {
        const RiskSubject& s = result.subjects.at(i);
        Row row;
        row.line = s.sourceLine;
        row.ip = s.ip;
        row.message = s.message;
        row.subject = i;
        row.level = static_cast<quint8>(s.level);
        m_rowOfSubject[i] = static_cast<int>(m_rows.size());
        m_rows.append(std::move(row));
    }
    // A rejected row may break several rules: one table row per input line, reasons joined.
    QHash<qint64, int> rejectedRowOfLine;
    for (const ValidationIssue& issue : result.issues) {
        const QString reason =
            issue.field.isEmpty() ? issue.reason : issue.field + QLatin1String(": ") + issue.reason;
        if (issue.kind == ValidationIssue::Kind::Rejected) {
            const auto existing = rejectedRowOfLine.constFind(issue.line);
            if (existing != rejectedRowOfLine.constEnd()) {
                Row& row = m_rows[*existing];
                row.reason += QLatin1String("; ") + reason;
                if (issue.field == QLatin1String("ip") && row.ip.isEmpty())
                    row.ip = issue.value;
                continue;
            }
            rejectedRowOfLine.insert(issue.line, static_cast<int>(m_rows.size()));
        }
        Row row;
        row.line = issue.line;
        row.reason = reason;
        row.importStatus =
            issue.kind == ValidationIssue::Kind::Rejected ? RowStatus::Invalid : RowStatus::Merged;
        if (issue.field == QLatin1String("ip") || issue.kind == ValidationIssue::Kind::Merged)
            row.ip = issue.value;
        else if (issue.field == QLatin1String("message"))
            row.message = issue.value;
        m_rows.append(std::move(row));
    }
    // Rank of each row in source-line order: the tie-breaker of every sort.
    QVector<int> byLine(m_rows.size());
    std::iota(byLine.begin(), byLine.end(), 0);
    std::stable_sort(byLine.begin(), byLine.end(),
                     [this](int a, int b) { return m_rows.at(a).line < m_rows.at(b).line; });
    m_lineRank = QVector<int>(m_rows.size());
    for (int i = 0; i < byLine.size(); ++i)
        m_lineRank[byLine.at(i)] = i;
    m_lastStatus = QVector<RowStatus>(result.subjects.size(), RowStatus::Valid);
    recount();
    rebuildView();
    endResetModel();
    emit countsChanged();
}

void RiskSubjectTableModel::setScheduler(SendScheduler* scheduler) {
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    if (scheduler) {
        connect(scheduler, &SendScheduler::outcomesChanged, this, &RiskSubjectTableModel::onOutcomesChanged);
        // A scheduler that goes away leaves the rows as they were imported.
        connect(scheduler, &QObject::destroyed, this,
                [this] { onOutcomesChanged(0, int(m_rowOfSubject.size()) - 1); });
    }
    onOutcomesChanged(0, static_cast<int>(m_rowOfSubject.size()) - 1);
}

const SubjectOutcome* RiskSubjectTableModel::outcomeOf(const Row& row) const {
    if (row.subject < 0 || !m_scheduler || row.subject >= m_scheduler->subjectCount())
        return nullptr;
    return &m_scheduler->outcome(row.subject);
}

RiskSubjectTableModel::RowStatus RiskSubjectTableModel::statusOf(const Row& row) const {
    const SubjectOutcome* outcome = outcomeOf(row);
    if (!outcome)
        return row.importStatus;
    switch (outcome->status) {
    case SubjectOutcome::Status::Accepted:
        return RowStatus::Accepted;
    case SubjectOutcome::Status::Rejected:
        return RowStatus::Rejected;
    case SubjectOutcome::Status::Pending:
        break;
    }
    return RowStatus::Pending;
}

RiskSubjectTableModel::RowStatus RiskSubjectTableModel::rowStatus(int visibleRow) const {
    if (visibleRow < 0 || visibleRow >= m_view.size())
        return RowStatus::Valid;
    return statusOf(m_rows.at(m_view.at(visibleRow)));
}

void RiskSubjectTableModel::recount() {
    m_counts = Counts();
    m_counts.rows = static_cast<int>(m_rows.size());
    for (const Row& row : m_rows) {
        const RowStatus status = statusOf(row);
        ++m_counts.perStatus[static_cast<size_t>(status)];
        if (row.subject >= 0) {
            ++m_counts.perLevel[row.level];
            m_lastStatus[row.subject] = status;
        }
    }
}

void RiskSubjectTableModel::onOutcomesChanged(int firstSubject, int lastSubject) {
    firstSubject = std::max(firstSubject, 0);
    lastSubject = std::min(lastSubject, static_cast<int>(m_rowOfSubject.size()) - 1);
    if (firstSubject > lastSubject)
        return;
    // Counters move by difference, so a million-row table costs only the changed range.
    for (int subject = firstSubject; subject <= lastSubject; ++subject) {
        const RowStatus now = statusOf(m_rows.at(m_rowOfSubject.at(subject)));
        RowStatus& before = m_lastStatus[subject];
        if (now != before) {
            --m_counts.perStatus[static_cast<size_t>(before)];
            ++m_counts.perStatus[static_cast<size_t>(now)];
            before = now;
        }
    }
    // Views repaint only what is visible, so one range over the status columns is cheapest.
    if (!m_view.isEmpty())
        emit dataChanged(index(0, StatusColumn), index(static_cast<int>(m_view.size()) - 1, ReasonColumn));
    emit countsChanged();
}

bool RiskSubjectTableModel::accepts(const Row& row) const {
    const RowStatus status = statusOf(row);
    if (!(m_filter.statusMask & (1u << static_cast<unsigned>(status))))
        return false;
    if (m_filter.problemsOnly && status != RowStatus::Invalid && status != RowStatus::Merged &&
        status != RowStatus::Rejected)
        return false;
    if (row.level != NoLevel && !(m_filter.levelMask & (1u << row.level)))
        return false;
    if (!m_filter.text.isEmpty() && !row.ip.contains(m_filter.text, Qt::CaseInsensitive) &&
        !row.message.contains(m_filter.text, Qt::CaseInsensitive))
        return false;
    return true;
}

void RiskSubjectTableModel::setFilter(const Filter& filter) {
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuildView();
    endResetModel();
}

void RiskSubjectTableModel::rebuildView() {
    m_view.clear();
    m_view.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        if (accepts(m_rows.at(i)))
            m_view.append(i);
    }
    sortView();
}

const QVector<std::array<quint64, 2>>& RiskSubjectTableModel::ipKeys() {
    if (m_ipKeys.size() == m_rows.size())
        return m_ipKeys;
    // 128-bit keys with IPv4 in the IPv4-mapped range, so both families sort numerically;
    // rows whose ip is not an address sort last.
    m_ipKeys.resize(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        std::array<quint64, 2> key{std::numeric_limits<quint64>::max(), std::numeric_limits<quint64>::max()};
        if (const auto address = IpAddressParser::parseAddress(m_rows.at(i).ip)) {
            std::array<quint8, 16> bytes{};
            if (address->family == IpAddressParser::Family::V4) {
                bytes[10] = bytes[11] = 0xff;
                std::copy_n(address->bytes.begin(), 4, bytes.begin() + 12);
            } else {
                bytes = address->bytes;
            }
            key = {0, 0};
            for (int b = 0; b < 8; ++b) {
                key[0] = (key[0] << 8) | bytes[static_cast<size_t>(b)];
                key[1] = (key[1] << 8) | bytes[static_cast<size_t>(b + 8)];
            }
        }
        m_ipKeys[i] = key;
    }
    return m_ipKeys;
}

void RiskSubjectTableModel::sortView() {
    const QVector<Row>& rows = m_rows;
    // Three-way comparison of the sort column; ties always fall back to the source line, in
    // both directions, so equal keys read in input order.
    std::function<int(int, int)> compare;
    auto threeWay = [](auto a, auto b) {
        return a < b ? -1 : (b < a ? 1 : 0);
    };
    switch (m_sortColumn) {
    case IpColumn: {
        const auto& keys = ipKeys();
        compare = [&keys, &rows, threeWay](int a, int b) {
            const int c = threeWay(keys.at(a), keys.at(b));
            return c != 0 ? c : rows.at(a).ip.compare(rows.at(b).ip);
        };
        break;
    }
    case LevelColumn:
        compare = [&rows, threeWay](int a, int b) {
            return threeWay(rows.at(a).level, rows.at(b).level);
        };
        break;
    case MessageColumn:
        compare = [&rows](int a, int b) {
            return QString::compare(rows.at(a).message, rows.at(b).message, Qt::CaseInsensitive);
        };
        break;
    case StatusColumn: {
        // Statuses are read once: a comparison sort would ask the scheduler n log n times.
        QVector<quint8> status(rows.size());
        for (int i : std::as_const(m_view))
            status[i] = static_cast<quint8>(statusOf(rows.at(i)));
        compare = [status, threeWay](int a, int b) {
            return threeWay(status.at(a), status.at(b));
        };
        break;
    }
    case ReasonColumn:
        compare = [this](int a, int b) {
            return QString::compare(reasonOf(a), reasonOf(b), Qt::CaseInsensitive);
        };
        break;
    default:
        compare = [&rows, threeWay](int a, int b) {
            return threeWay(rows.at(a).line, rows.at(b).line);
        };
        break;
    }
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    const QVector<int>& rank = m_lineRank;
    std::sort(m_view.begin(), m_view.end(), [&](int a, int b) {
        const int c = descending ? compare(b, a) : compare(a, b);
        return c != 0 ? c < 0 : rank.at(a) < rank.at(b);
    });
}

void RiskSubjectTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    QVector<int> rowsBefore;
    rowsBefore.reserve(persistent.size());
    for (const QModelIndex& index : persistent)
        rowsBefore.append(m_view.at(index.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    sortView();
    if (!persistent.isEmpty()) {
        QVector<int> position(m_rows.size(), -1);
        for (int i = 0; i < m_view.size(); ++i)
            position[m_view.at(i)] = i;
        QModelIndexList after;
        after.reserve(persistent.size());
        for (int i = 0; i < persistent.size(); ++i)
            after.append(index(position.at(rowsBefore.at(i)), persistent.at(i).column()));
        changePersistentIndexList(persistent, after);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QString RiskSubjectTableModel::reasonOf(int rowIndex) const {
    const Row& row = m_rows.at(rowIndex);
    if (const SubjectOutcome* outcome = outcomeOf(row))
        return outcome->reason;
    return row.reason;
}

int RiskSubjectTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_view.size());
}

int RiskSubjectTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskSubjectTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int rowIndex = m_view.at(index.row());
    const Row& row = m_rows.at(rowIndex);
    const RowStatus status = statusOf(row);
    const SubjectOutcome* outcome = outcomeOf(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LineColumn:
            return row.line > 0 ? QVariant(row.line) : QVariant(QString());
        case IpColumn:
            return row.ip;
        case LevelColumn:
            return row.level == NoLevel ? QString() : RiskLevels::toString(static_cast<RiskLevel>(row.level));
        case MessageColumn:
            return row.message;
        case StatusColumn:
            return statusName(status);
        case ReasonColumn:
            return reasonOf(rowIndex);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (status == RowStatus::Accepted && outcome)
            return tr("Accepted by Okta at %1 (request id %2)")
                .arg(outcome->time.toString(Qt::ISODate), outcome->requestId);
        {
            const QString reason = reasonOf(rowIndex);
            return reason.isEmpty() ? QVariant() : QVariant(reason);
        }
    case StatusRole:
        return static_cast<int>(status);
    case SourceLineRole:
        return row.line;
    case RequestIdRole:
        return outcome ? QVariant(outcome->requestId) : QVariant();
    case ProblemRole:
        return status == RowStatus::Invalid || status == RowStatus::Merged || status == RowStatus::Rejected;
    default:
        return {};
    }
}

QVariant RiskSubjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case IpColumn:
        return tr("IP address");
    case LevelColumn:
        return tr("Risk level");
    case MessageColumn:
        return tr("Message");
    case StatusColumn:
        return tr("Status");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}
