#include "RiskSubjectTableModel.h"

#include "riskevents/IpAddressParser.h"
#include "riskevents/SendScheduler.h"
#include "riskevents/SubjectDeduplicator.h"

#include <QIODevice>

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

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

namespace {

constexpr int kSegmentShift = 40;
constexpr quint64 kTypedSegment = 0xffffff; // after every import segment
constexpr qsizetype kIncrementalRows = 32;  // more touched rows than this: one reset instead

// A canonical dotted quad ("203.0.113.9": no leading zeros, no blanks), the usual row, read
// directly; anything else goes to IpAddressParser, which reads such text the same way.
std::optional<quint32> canonicalIpv4(const QString& ip) {
    if (ip.size() < 7 || ip.size() > 15)
        return std::nullopt;
    quint32 value = 0;
    int parts = 0;
    qsizetype i = 0;
    while (i < ip.size()) {
        const qsizetype start = i;
        quint32 part = 0;
        while (i < ip.size() && i - start < 3 && ip.at(i) >= u'0' && ip.at(i) <= u'9')
            part = part * 10 + (ip.at(i++).unicode() - u'0');
        const qsizetype digits = i - start;
        if (digits == 0 || part > 255 || (digits > 1 && ip.at(start) == u'0'))
            return std::nullopt;
        value = (value << 8) | part;
        if (++parts == 4)
            return i == ip.size() ? std::optional<quint32>(value) : std::nullopt;
        if (i >= ip.size() || ip.at(i) != u'.')
            return std::nullopt;
        ++i;
    }
    return std::nullopt;
}

std::array<quint64, 2> ipKeyOf(const QString& ip) {
    // 128-bit keys with IPv4 in the IPv4-mapped range, so both families sort numerically;
    // rows whose ip is not an address sort last.
    if (const auto v4 = canonicalIpv4(ip))
        return {0, (quint64(0xffff) << 32) | *v4};
    std::array<quint64, 2> key{std::numeric_limits<quint64>::max(), std::numeric_limits<quint64>::max()};
    if (const auto address = IpAddressParser::parseAddress(ip)) {
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
    return key;
}

QString joinedReasons(const QList<ValidationIssue>& issues) {
    QString text;
    for (const ValidationIssue& issue : issues) {
        if (!text.isEmpty())
            text += QLatin1String("; ");
        text += issue.field.isEmpty() ? issue.reason : issue.field + QLatin1String(": ") + issue.reason;
    }
    return text;
}

// Fixed, untranslated status names: an export is read by scripts as much as by people.
QLatin1String statusKey(RiskSubjectTableModel::RowStatus status) {
    static const char* const names[] = {"valid", "invalid", "merged", "pending", "accepted", "rejected"};
    return QLatin1String(names[static_cast<int>(status)]);
}

// One RFC 4180 cell. Risk messages come from threat feeds: a cell a spreadsheet would read as a
// formula (= + - @, or a leading TAB/CR) is prefixed with a quote so it stays text.
void appendCell(QString& out, QString value) {
    if (!value.isEmpty()) {
        const QChar first = value.at(0);
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            value.prepend(u'\'');
    }
    const bool quote = std::any_of(value.cbegin(), value.cend(), [](QChar c) {
        return c == u',' || c == u'"' || c == u'\n' || c == u'\r';
    });
    if (quote) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        out += u'"';
        out += value;
        out += u'"';
    } else {
        out += value;
    }
}

} // namespace

// Room for `extra` more rows. Growth stays geometric: an exact reserve per call would copy every
// row each time one is typed.
void RiskSubjectTableModel::reserveRows(qsizetype extra) {
    const qsizetype needed = m_rows.size() + extra;
    if (needed > m_rows.capacity())
        m_rows.reserve(std::max(needed, m_rows.size() + m_rows.size() / 2));
}

bool RiskSubjectTableModel::isTyped(const Row& row) {
    return (row.order >> kSegmentShift) == kTypedSegment;
}

// Rows of one import: subjects, then rejected rows (one per line, reasons joined), then the rows
// merged into a subject. Statuses are provisional: Valid, Invalid or Merged as the import said.
//
// What a rejected row keeps: every field as the import gives it on the row's issues (rowIp,
// rowLevel, rowMessage), and the failing fields as their issues name them. A merged row that
// comes with its own values is a valid row merged into the subject (as a typed duplicate is);
// issues without them (an older producer) leave a rejected row only its failing fields and a
// merged row only its canonical ip.
QVector<int> RiskSubjectTableModel::appendImportRows(const ImportResult& result, quint32 segment) {
    const quint64 base = static_cast<quint64>(segment) << kSegmentShift;
    const int first = static_cast<int>(m_rows.size());
    reserveRows(result.subjects.size() + result.issues.size());
    for (const RiskSubject& s : result.subjects) {
        Row row;
        row.line = s.sourceLine;
        row.order = base | static_cast<quint64>(std::max<qint64>(s.sourceLine, 0));
        row.ip = s.ip;
        row.message = s.message;
        row.level = static_cast<quint8>(s.level);
        m_rows.append(std::move(row));
    }
    QHash<qint64, int> rejectedRowOfLine;
    for (const ValidationIssue& issue : result.issues) {
        const QString reason =
            issue.field.isEmpty() ? issue.reason : issue.field + QLatin1String(": ") + issue.reason;
        int index = -1;
        if (issue.kind == ValidationIssue::Kind::Rejected) {
            const auto existing = rejectedRowOfLine.constFind(issue.line);
            if (existing != rejectedRowOfLine.constEnd()) {
                index = *existing;
                m_rows[index].reason += QLatin1String("; ") + reason;
            } else {
                index = static_cast<int>(m_rows.size());
                rejectedRowOfLine.insert(issue.line, index);
            }
        }
        if (index < 0 || index == m_rows.size()) {
            Row row;
            row.line = issue.line;
            row.order = base | static_cast<quint64>(std::max<qint64>(issue.line, 0));
            row.reason = reason;
            const std::optional<RiskLevel> mergedLevel = issue.kind == ValidationIssue::Kind::Merged
                                                             ? RiskLevels::parse(issue.rowLevel)
                                                             : std::nullopt;
            if (issue.kind == ValidationIssue::Kind::Rejected) {
                row.verdict = Verdict::Invalid;
                row.importStatus = RowStatus::Invalid;
                row.ip = issue.rowIp;
                row.message = issue.rowMessage;
            } else if (mergedLevel) {
                row.verdict = Verdict::Valid;
                row.importStatus = RowStatus::Merged;
                row.ip = issue.value;
                row.level = static_cast<quint8>(*mergedLevel);
                row.message = issue.rowMessage;
            } else {
                row.verdict = Verdict::FoldedOnImport;
                row.importStatus = RowStatus::Merged;
                row.ip = issue.value;
            }
            index = static_cast<int>(m_rows.size());
            m_rows.append(std::move(row));
            if (issue.kind == ValidationIssue::Kind::Merged)
                continue;
            if (!issue.rowLevel.isEmpty()) {
                RowValues given = shownValues(m_rows.at(index));
                given.level = issue.rowLevel;
                m_given.insert(index, given);
            }
        }
        Row& row = m_rows[index];
        if (issue.field == QLatin1String("ip")) {
            row.ip = issue.value;
        } else if (issue.field == QLatin1String("message")) {
            row.message = issue.value;
        } else if (issue.field == QLatin1String("riskLevel")) {
            RowValues given = m_given.value(index, shownValues(row));
            given.level = issue.value;
            m_given.insert(index, given);
        }
    }
    // The ip and message of a rejected row may have arrived after its level.
    for (auto it = m_given.begin(); it != m_given.end(); ++it) {
        if (it.key() >= first) {
            it->ip = m_rows.at(it.key()).ip;
            it->message = m_rows.at(it.key()).message;
        }
    }
    QVector<int> ids(static_cast<int>(m_rows.size()) - first);
    std::iota(ids.begin(), ids.end(), first);
    return ids;
}

void RiskSubjectTableModel::setImport(const ImportResult& result) {
    beginResetModel();
    m_rows.clear();
    m_ipKeys.clear();
    m_lineOrder.clear();
    m_messageRanks.clear();
    m_ipRanks.clear();
    invalidateOrder();
    m_groups.clear();
    m_groupTable.clear();
    m_groupsBuilt = false;
    m_given.clear();
    m_originals.clear();
    m_typed = 0;
    m_segment = 1;
    appendImportRows(result, m_segment);
    // The import's subjects are bound as they are: subject i = result.subjects[i].
    m_rowOfSubject.resize(result.subjects.size());
    for (int i = 0; i < result.subjects.size(); ++i) {
        m_rows[i].subject = i;
        m_rowOfSubject[i] = i;
    }
    m_lastStatus = QVector<RowStatus>(result.subjects.size(), RowStatus::Valid);
    recount();
    rebuildView();
    endResetModel();
    emit countsChanged();
}

// --- Composing by hand -------------------------------------------------------------------------

void RiskSubjectTableModel::setValidationOptions(const ImportOptions& options) {
    // Applies to rows typed or edited from now on; rows already judged keep their verdict.
    m_validationOptions = options;
}

bool RiskSubjectTableModel::orderLess(int a, int b) const {
    const quint64 oa = m_rows.at(a).order;
    const quint64 ob = m_rows.at(b).order;
    return oa != ob ? oa < ob : a < b;
}

// Line order, in O(n) when the rows already are in it (the usual case) and through a flat key
// array otherwise: a million indirect comparisons would miss the cache at every step.
void RiskSubjectTableModel::sortByOrder(QVector<int>& rows) const {
    auto less = [this](int a, int b) {
        return orderLess(a, b);
    };
    if (std::is_sorted(rows.cbegin(), rows.cend(), less))
        return;
    std::vector<std::pair<quint64, int>> keyed;
    keyed.reserve(static_cast<size_t>(rows.size()));
    for (int r : std::as_const(rows))
        keyed.emplace_back(m_rows.at(r).order, r);
    std::sort(keyed.begin(), keyed.end());
    for (qsizetype i = 0; i < rows.size(); ++i)
        rows[i] = keyed[static_cast<size_t>(i)].second;
}

// The import's rule for duplicates: the highest level wins, the first row in line order on a tie.
bool RiskSubjectTableModel::beats(int a, int b) const {
    const Row& ra = m_rows.at(a);
    const Row& rb = m_rows.at(b);
    if (ra.level != rb.level)
        return ra.level < rb.level;
    return orderLess(a, b);
}

RiskSubjectTableModel::RowValues RiskSubjectTableModel::shownValues(const Row& row) const {
    return {row.ip,
            row.verdict == Verdict::Valid && row.level != NoLevel
                ? RiskLevels::toString(static_cast<RiskLevel>(row.level))
                : QString(),
            row.message};
}

RiskSubjectTableModel::RowValues RiskSubjectTableModel::rowValues(int rowId) const {
    if (rowId < 0 || rowId >= m_rows.size())
        return {};
    const auto given = m_given.constFind(rowId);
    return given != m_given.constEnd() ? *given : shownValues(m_rows.at(rowId));
}

QString RiskSubjectTableModel::levelShown(int rowIndex) const {
    const Row& row = m_rows.at(rowIndex);
    if (row.level != NoLevel)
        return RiskLevels::toString(static_cast<RiskLevel>(row.level));
    // An invalid row shows the level as it was given, so it can be fixed where it stands.
    if (row.verdict == Verdict::Invalid) {
        const auto given = m_given.constFind(rowIndex);
        if (given != m_given.constEnd())
            return given->level;
    }
    return {};
}

// Validates `values` into the row (its line and place stay) with the same rules and messages as
// an import; keeps the values as given when they differ from what the row then shows.
void RiskSubjectTableModel::judge(int rowIndex, const RowValues& values, const RiskRowImporter& importer) {
    // Its address and message may change.
    m_messageRanks.clear();
    m_ipRanks.clear();
    Row& row = m_rows[rowIndex];
    RiskRowImporter::RowCheck check = importer.validateRow(values.ip, values.level, values.message, row.line);
    if (check.subject) {
        row.ip = std::move(check.subject->ip);
        row.level = static_cast<quint8>(check.subject->level);
        row.message = std::move(check.subject->message);
        row.reason.clear();
        row.verdict = Verdict::Valid;
    } else {
        row.ip = values.ip;
        row.level = NoLevel;
        row.message = values.message;
        row.reason = joinedReasons(check.issues);
        row.verdict = Verdict::Invalid;
    }
    row.importStatus = provisionalStatus(row);
    if (shownValues(row) == values)
        m_given.remove(rowIndex);
    else
        m_given.insert(rowIndex, values);
}

RiskSubjectTableModel::RowStatus RiskSubjectTableModel::provisionalStatus(const Row& row) {
    switch (row.verdict) {
    case Verdict::Valid:
        return RowStatus::Valid;
    case Verdict::Invalid:
        return RowStatus::Invalid;
    case Verdict::FoldedOnImport:
        break;
    }
    return RowStatus::Merged;
}

bool RiskSubjectTableModel::isMember(const Row& row) {
    return !row.removed && row.verdict != Verdict::Invalid;
}

void RiskSubjectTableModel::contribute(const Row& row, int sign) {
    const RowStatus status = statusOf(row);
    m_counts.rows += sign;
    m_counts.perStatus[static_cast<size_t>(status)] += sign;
    if (row.importStatus == RowStatus::Valid && row.level != NoLevel)
        m_counts.perLevel[row.level] += sign;
}

void RiskSubjectTableModel::setRowStatus(int rowIndex, RowStatus status) {
    Row& row = m_rows[rowIndex];
    if (row.importStatus == status)
        return;
    if (!row.removed)
        contribute(row, -1);
    row.importStatus = status;
    if (!row.removed)
        contribute(row, +1);
}

int RiskSubjectTableModel::groupOf(const QString& ip) const {
    if (m_groupTable.empty())
        return -1;
    const quint32 hash = SubjectDeduplicator::hashOf(ip);
    const size_t mask = m_groupTable.size() - 1;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const quint64 entry = m_groupTable[slot];
        if (entry == 0)
            return -1;
        const int group = static_cast<int>(entry & 0xffffffffu) - 1;
        if (static_cast<quint32>(entry >> 32) == hash && m_groups.at(group).ip == ip)
            return group;
    }
}

void RiskSubjectTableModel::growGroupTable() {
    const size_t size = m_groupTable.empty() ? 4096 : m_groupTable.size() * 2;
    std::vector<quint64> table(size, 0);
    const size_t mask = size - 1;
    // Rehash from the stored tags: no string is read again.
    for (const quint64 entry : m_groupTable) {
        if (entry == 0)
            continue;
        size_t slot = static_cast<quint32>(entry >> 32) & mask;
        while (table[slot] != 0)
            slot = (slot + 1) & mask;
        table[slot] = entry;
    }
    m_groupTable = std::move(table);
}

int RiskSubjectTableModel::groupFor(const QString& ip) {
    // Load kept under one half so probes stay short.
    if (static_cast<size_t>(m_groups.size() + 1) * 2 > m_groupTable.size())
        growGroupTable();
    const quint32 hash = SubjectDeduplicator::hashOf(ip);
    const size_t mask = m_groupTable.size() - 1;
    size_t slot = hash & mask;
    for (;; slot = (slot + 1) & mask) {
        const quint64 entry = m_groupTable[slot];
        if (entry == 0)
            break;
        const int group = static_cast<int>(entry & 0xffffffffu) - 1;
        if (static_cast<quint32>(entry >> 32) == hash && m_groups.at(group).ip == ip)
            return group;
    }
    const int group = static_cast<int>(m_groups.size());
    m_groups.append(Group{ip, -1, -1});
    m_groupTable[slot] = (static_cast<quint64>(hash) << 32) | static_cast<quint64>(group + 1);
    return group;
}

// The ip index is built on the first edit: an import alone (a million rows) never pays for it.
// An import's statuses already follow the rule (one subject per ip), so only the lists and
// winners are set up here.
void RiskSubjectTableModel::ensureGroups() {
    if (m_groupsBuilt)
        return;
    m_groupsBuilt = true;
    m_groups.clear();
    m_groupTable.clear();
    m_groups.reserve(m_rows.size());
    while (static_cast<size_t>(m_rows.size()) * 2 > m_groupTable.size())
        growGroupTable();
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        if (!isMember(row))
            continue;
        Group& group = m_groups[groupFor(row.ip)];
        row.nextSame = group.head;
        group.head = i;
        if (row.verdict == Verdict::Valid && (group.winner < 0 || beats(i, group.winner)))
            group.winner = i;
    }
}

// Adds a member to its ip's group. Alone there, its status is settled at once; otherwise the
// group is judged again by the caller (regroup) once every change of the call is in.
void RiskSubjectTableModel::link(int rowIndex, QSet<int>& regroups) {
    Row& row = m_rows[rowIndex];
    const int g = groupFor(row.ip);
    Group& group = m_groups[g];
    const bool alone = group.head < 0;
    row.nextSame = group.head;
    group.head = rowIndex;
    if (!alone) {
        regroups.insert(g);
        return;
    }
    group.winner = row.verdict == Verdict::Valid ? rowIndex : -1;
    setRowStatus(rowIndex, row.verdict == Verdict::Valid ? RowStatus::Valid : RowStatus::Invalid);
}

void RiskSubjectTableModel::unlink(int rowIndex) {
    Row& row = m_rows[rowIndex];
    const int g = groupOf(row.ip);
    if (g < 0)
        return;
    Group& group = m_groups[g];
    if (group.head == rowIndex) {
        group.head = row.nextSame;
    } else {
        for (int m = group.head; m >= 0; m = m_rows.at(m).nextSame) {
            if (m_rows.at(m).nextSame == rowIndex) {
                m_rows[m].nextSame = row.nextSame;
                break;
            }
        }
    }
    row.nextSame = -1;
    if (group.winner == rowIndex)
        group.winner = -1;
}

// Judges one ip's group again: the best Valid member is the subject, the other Valid members
// are merged into it; rows merged on import stay merged while there is a subject, and without
// one they need their level typed (the import did not keep it). Rows whose status or reason
// changes are added to `touched`.
void RiskSubjectTableModel::regroup(int g, QVector<int>& touched) {
    Group& group = m_groups[g];
    int best = -1;
    for (int m = group.head; m >= 0; m = m_rows.at(m).nextSame) {
        if (m_rows.at(m).verdict == Verdict::Valid && (best < 0 || beats(m, best)))
            best = m;
    }
    const bool winnerChanged = best != group.winner;
    group.winner = best;
    for (int m = group.head; m >= 0; m = m_rows.at(m).nextSame) {
        const Row& row = m_rows.at(m);
        RowStatus status = RowStatus::Merged;
        if (row.verdict == Verdict::Valid)
            status = m == best ? RowStatus::Valid : RowStatus::Merged;
        else if (best < 0)
            status = RowStatus::Invalid;
        if (status != row.importStatus || winnerChanged)
            touched.append(m);
        setRowStatus(m, status);
    }
}

// Edits make the binding of rows to a run's subjects stale; subjectsForSend() binds anew.
void RiskSubjectTableModel::clearBindings() {
    invalidateStatusOrder(); // statuses and reasons follow the binding
    for (int rowIndex : std::as_const(m_rowOfSubject))
        m_rows[rowIndex].subject = -1;
    m_rowOfSubject.clear();
    m_lastStatus.clear();
}

void RiskSubjectTableModel::extendIpKeys(int oldSize) {
    // Kept in step only once built (the first ip sort); otherwise built when needed.
    if (oldSize == 0 || m_ipKeys.size() != oldSize)
        return;
    m_ipKeys.reserve(m_rows.size());
    for (int i = oldSize; i < m_rows.size(); ++i)
        m_ipKeys.append(ipKeyOf(m_rows.at(i).ip));
}

QVector<int> RiskSubjectTableModel::appendRows(const QVector<RowValues>& values) {
    if (!isEditable() || values.isEmpty())
        return {};
    ensureGroups();
    clearBindings();
    const RiskRowImporter importer(m_validationOptions);
    const int first = static_cast<int>(m_rows.size());
    reserveRows(values.size());
    QVector<int> ids;
    ids.reserve(values.size());
    QSet<int> regroups;
    for (const RowValues& v : values) {
        const int id = static_cast<int>(m_rows.size());
        Row row;
        row.order = (kTypedSegment << kSegmentShift) | ++m_typed;
        m_rows.append(std::move(row));
        judge(id, v, importer);
        contribute(m_rows.at(id), +1);
        if (isMember(m_rows.at(id)))
            link(id, regroups);
        ids.append(id);
    }
    extendIpKeys(first);
    QVector<int> touched = ids;
    for (int g : std::as_const(regroups))
        regroup(g, touched);
    refreshView(std::move(touched), first);
    emit countsChanged();
    return ids;
}

QVector<int> RiskSubjectTableModel::appendImport(const ImportResult& result) {
    if (!isEditable())
        return {};
    ensureGroups();
    clearBindings();
    const int first = static_cast<int>(m_rows.size());
    const QVector<int> ids = appendImportRows(result, ++m_segment);
    QSet<int> regroups;
    for (int id : ids) {
        contribute(m_rows.at(id), +1);
        if (isMember(m_rows.at(id)))
            link(id, regroups);
    }
    extendIpKeys(first);
    QVector<int> touched = ids;
    for (int g : std::as_const(regroups))
        regroup(g, touched);
    refreshView(std::move(touched), first);
    emit countsChanged();
    return ids;
}

bool RiskSubjectTableModel::setRowValues(int rowId, const RowValues& values) {
    if (!isEditable() || rowId < 0 || rowId >= m_rows.size())
        return false;
    if (values == rowValues(rowId))
        return true;
    ensureGroups();
    clearBindings();
    if (!m_originals.contains(rowId)) {
        const auto given = m_given.constFind(rowId);
        m_originals.insert(rowId,
                           {m_rows.at(rowId),
                            given != m_given.constEnd() ? std::optional<RowValues>(*given) : std::nullopt});
    }
    Row& row = m_rows[rowId];
    const QString oldIp = row.ip;
    const bool wasMember = isMember(row);
    if (!row.removed)
        contribute(row, -1);
    if (wasMember)
        unlink(rowId);
    const Original& original = *m_originals.constFind(rowId);
    if (values == (original.given ? *original.given : shownValues(original.row))) {
        // Back to its first values: its first verdict, reasons and all.
        row.ip = original.row.ip;
        row.message = original.row.message;
        m_messageRanks.clear();
        m_ipRanks.clear();
        row.reason = original.row.reason;
        row.level = original.row.level;
        row.verdict = original.row.verdict;
        row.importStatus = provisionalStatus(row);
        if (original.given)
            m_given.insert(rowId, *original.given);
        else
            m_given.remove(rowId);
    } else {
        judge(rowId, values, RiskRowImporter(m_validationOptions));
    }
    if (!row.removed)
        contribute(row, +1);
    QSet<int> regroups;
    if (isMember(row)) {
        link(rowId, regroups);
        regroups.insert(groupOf(row.ip)); // its level may have changed the winner
    }
    if (wasMember)
        regroups.insert(groupOf(oldIp));
    if (m_ipKeys.size() == m_rows.size())
        m_ipKeys[rowId] = ipKeyOf(row.ip);
    QVector<int> touched{rowId};
    for (int g : std::as_const(regroups))
        regroup(g, touched);
    refreshView(std::move(touched), static_cast<int>(m_rows.size()));
    emit countsChanged();
    return true;
}

void RiskSubjectTableModel::setRowsRemoved(const QVector<int>& rowIds, bool removed) {
    if (!isEditable())
        return;
    QVector<int> touched;
    for (int id : rowIds) {
        if (id >= 0 && id < m_rows.size() && m_rows.at(id).removed != removed)
            touched.append(id);
    }
    if (touched.isEmpty())
        return;
    ensureGroups();
    clearBindings();
    QSet<int> regroups;
    for (int id : std::as_const(touched)) {
        Row& row = m_rows[id];
        if (row.removed == removed)
            continue; // named twice
        if (removed) {
            contribute(row, -1);
            if (isMember(row)) {
                unlink(id);
                regroups.insert(groupOf(row.ip));
            }
            row.removed = true;
        } else {
            row.removed = false;
            row.importStatus = provisionalStatus(row);
            contribute(row, +1);
            if (isMember(row))
                link(id, regroups);
        }
    }
    for (int g : std::as_const(regroups))
        regroup(g, touched);
    refreshView(std::move(touched), static_cast<int>(m_rows.size()));
    emit countsChanged();
}

bool RiskSubjectTableModel::isRowRemoved(int rowId) const {
    return rowId >= 0 && rowId < m_rows.size() && m_rows.at(rowId).removed;
}

int RiskSubjectTableModel::rowIdAt(int visibleRow) const {
    return visibleRow >= 0 && visibleRow < m_view.size() ? m_view.at(visibleRow) : -1;
}

int RiskSubjectTableModel::visibleRowOf(int rowId) const {
    return rowId < 0 ? -1 : static_cast<int>(m_view.indexOf(rowId));
}

// Brings the view in line with rows whose values, status or reason changed (`touched`; ids from
// `firstNewRow` on are new and not in the view yet). A few rows: each one stays (dataChanged)
// when it is still in order there, else it is removed and inserted at its place, O(n) per row.
// Many rows: appended at the end when that is where they sort, else one reset, O(n + k log k).
void RiskSubjectTableModel::refreshView(QVector<int> touched, int firstNewRow) {
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    if (m_sortColumn == IpColumn)
        ipKeys();
    updateOrder(touched);
    auto shows = [this](int r) {
        return !m_rows.at(r).removed && accepts(m_rows.at(r));
    };
    auto less = [this](int a, int b) {
        return viewLess(a, b);
    };

    if (touched.size() > kIncrementalRows) {
        std::vector<char> isTouched(static_cast<size_t>(m_rows.size()), 0);
        bool anyOldTouched = false;
        for (int r : std::as_const(touched)) {
            isTouched[static_cast<size_t>(r)] = 1;
            anyOldTouched = anyOldTouched || r < firstNewRow;
        }
        QVector<int> incoming;
        for (int r : std::as_const(touched)) {
            if (shows(r))
                incoming.append(r);
        }
        std::sort(incoming.begin(), incoming.end(), less);
        bool oldInView = false;
        if (anyOldTouched) {
            for (int r : std::as_const(m_view)) {
                if (isTouched[static_cast<size_t>(r)]) {
                    oldInView = true;
                    break;
                }
            }
        }
        if (!oldInView &&
            (m_view.isEmpty() || incoming.isEmpty() || less(m_view.constLast(), incoming.constFirst()))) {
            if (!incoming.isEmpty()) {
                const int at = static_cast<int>(m_view.size());
                beginInsertRows({}, at, at + static_cast<int>(incoming.size()) - 1);
                m_view.append(incoming);
                endInsertRows();
            }
            return;
        }
        beginResetModel();
        m_view.erase(std::remove_if(m_view.begin(), m_view.end(),
                                    [&isTouched](int r) { return isTouched[static_cast<size_t>(r)] != 0; }),
                     m_view.end());
        const qsizetype kept = m_view.size();
        m_view.append(incoming);
        std::inplace_merge(m_view.begin(), m_view.begin() + kept, m_view.end(), less);
        endResetModel();
        return;
    }

    // Rows out of place leave first, until every touched row left is in order with its
    // neighbours: then the view without the leavers is sorted and they can be inserted by
    // binary search.
    QVector<int> staying;
    QVector<int> entering;
    for (int r : std::as_const(touched)) {
        if (r < firstNewRow && m_view.contains(r))
            staying.append(r);
        else if (shows(r))
            entering.append(r);
    }
    // One row edited in place (the usual case): a move, so selection and current index follow it.
    if (staying.size() == 1 && entering.isEmpty() && shows(staying.constFirst())) {
        const int r = staying.constFirst();
        const int p = static_cast<int>(m_view.indexOf(r));
        int dest = -1;
        if (p > 0 && less(r, m_view.at(p - 1)))
            dest = static_cast<int>(std::lower_bound(m_view.begin(), m_view.begin() + p, r, less) -
                                    m_view.begin());
        else if (p + 1 < m_view.size() && less(m_view.at(p + 1), r))
            dest = static_cast<int>(std::lower_bound(m_view.begin() + p + 1, m_view.end(), r, less) -
                                    m_view.begin());
        if (dest >= 0) {
            beginMoveRows({}, p, p, {}, dest);
            if (dest < p)
                std::rotate(m_view.begin() + dest, m_view.begin() + p, m_view.begin() + p + 1);
            else
                std::rotate(m_view.begin() + p, m_view.begin() + p + 1, m_view.begin() + dest);
            endMoveRows();
        }
        const int now = static_cast<int>(m_view.indexOf(r));
        emit dataChanged(index(now, 0), index(now, ColumnCount - 1));
        return;
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (qsizetype i = 0; i < staying.size(); ++i) {
            const int r = staying.at(i);
            const int p = static_cast<int>(m_view.indexOf(r));
            const bool inOrder = shows(r) && (p == 0 || less(m_view.at(p - 1), r)) &&
                                 (p + 1 == m_view.size() || less(r, m_view.at(p + 1)));
            if (inOrder)
                continue;
            beginRemoveRows({}, p, p);
            m_view.remove(p);
            endRemoveRows();
            staying.remove(i--);
            if (shows(r))
                entering.append(r);
            changed = true;
        }
    }
    for (int r : std::as_const(staying)) {
        const int p = static_cast<int>(m_view.indexOf(r));
        emit dataChanged(index(p, 0), index(p, ColumnCount - 1));
    }
    for (int r : std::as_const(entering)) {
        const int at =
            static_cast<int>(std::lower_bound(m_view.begin(), m_view.end(), r, less) - m_view.begin());
        beginInsertRows({}, at, at);
        m_view.insert(at, r);
        endInsertRows();
    }
}

QVector<RiskSubject> RiskSubjectTableModel::subjectsForSend() {
    clearBindings();
    QVector<int> ids;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows.at(i);
        if (!row.removed && row.verdict == Verdict::Valid && row.importStatus == RowStatus::Valid)
            ids.append(i);
    }
    sortByOrder(ids);
    QVector<RiskSubject> subjects;
    subjects.reserve(ids.size());
    m_rowOfSubject = ids;
    for (int k = 0; k < ids.size(); ++k) {
        Row& row = m_rows[ids.at(k)];
        row.subject = k;
        subjects.append({row.ip, static_cast<RiskLevel>(row.level), row.message, row.line});
    }
    m_lastStatus = QVector<RowStatus>(ids.size(), RowStatus::Valid);
    if (m_scheduler) {
        // Bound while a run is shown: its outcomes now map onto the new binding.
        recount();
        if (!m_view.isEmpty())
            emit dataChanged(index(0, StatusColumn),
                             index(static_cast<int>(m_view.size()) - 1, ReasonColumn));
        emit countsChanged();
    }
    return subjects;
}

bool RiskSubjectTableModel::exportCsv(QIODevice* device, QString* error, bool visibleOnly) const {
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!device || !device->isWritable())
        return fail(tr("The export file is not open for writing."));
    QVector<int> ids;
    if (visibleOnly) {
        ids = m_view;
    } else {
        ids.reserve(m_counts.rows);
        for (int i = 0; i < m_rows.size(); ++i) {
            if (!m_rows.at(i).removed)
                ids.append(i);
        }
        sortByOrder(ids);
    }
    QString text = QStringLiteral("line,ip,riskLevel,message,status,reason,requestId\r\n");
    auto flush = [&]() {
        const QByteArray bytes = text.toUtf8();
        text.clear();
        return device->write(bytes) == bytes.size();
    };
    for (int id : std::as_const(ids)) {
        const Row& row = m_rows.at(id);
        const SubjectOutcome* outcome = outcomeOf(row);
        if (row.line > 0)
            text += QString::number(row.line);
        text += u',';
        appendCell(text, row.ip);
        text += u',';
        appendCell(text, levelShown(id));
        text += u',';
        appendCell(text, row.message);
        text += u',';
        text += statusKey(statusOf(row));
        text += u',';
        appendCell(text, reasonOf(id));
        text += u',';
        if (outcome)
            appendCell(text, outcome->requestId);
        text += QLatin1String("\r\n");
        if (text.size() > 512 * 1024 && !flush())
            return fail(tr("Could not write the export: %1").arg(device->errorString()));
    }
    if (!flush())
        return fail(tr("Could not write the export: %1").arg(device->errorString()));
    return true;
}

Qt::ItemFlags RiskSubjectTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    f |= Qt::ItemNeverHasChildren;
    const int column = index.column();
    if (isEditable() && (column == IpColumn || column == LevelColumn || column == MessageColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool RiskSubjectTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !isEditable() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int rowId = m_view.at(index.row());
    RowValues values = rowValues(rowId);
    switch (index.column()) {
    case IpColumn:
        values.ip = value.toString();
        break;
    case LevelColumn:
        values.level = value.toString();
        break;
    case MessageColumn:
        values.message = value.toString();
        break;
    default:
        return false;
    }
    return setRowValues(rowId, values);
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
    for (const Row& row : std::as_const(m_rows)) {
        if (row.removed)
            continue;
        contribute(row, +1);
        if (row.subject >= 0)
            m_lastStatus[row.subject] = statusOf(row);
    }
}

void RiskSubjectTableModel::onOutcomesChanged(int firstSubject, int lastSubject) {
    invalidateStatusOrder(); // statuses and reasons sort differently now
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
    if (row.removed)
        return false;
    const RowStatus status = statusOf(row);
    if (!(m_filter.statusMask & (1u << static_cast<unsigned>(status))))
        return false;
    if (m_filter.problemsOnly && status != RowStatus::Invalid && status != RowStatus::Merged &&
        status != RowStatus::Rejected)
        return false;
    if (row.level != NoLevel && !(m_filter.levelMask & (1u << row.level)))
        return false;
    return m_filter.text.isEmpty() || matchesText(row);
}

bool RiskSubjectTableModel::matchesText(const Row& row) const {
    return m_textMatcher.indexIn(QStringView(row.ip)) >= 0 ||
           m_textMatcher.indexIn(QStringView(row.message)) >= 0;
}

void RiskSubjectTableModel::setFilter(const Filter& filter) {
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    // Only ASCII letters and letters outside ASCII have other cases that fold onto them (no
    // character folds onto an ASCII digit or sign), so a needle without them is matched exactly,
    // which is cheaper than folding every character of a million rows.
    const bool caseless = std::all_of(filter.text.cbegin(), filter.text.cend(),
                                      [](QChar c) { return c.unicode() < 0x80 && !c.isLetter(); });
    m_textMatcher.setPattern(filter.text);
    m_textMatcher.setCaseSensitivity(caseless ? Qt::CaseSensitive : Qt::CaseInsensitive);
    rebuildView();
    endResetModel();
}

// The view anew: the rows the filter accepts, in the order of every row for the sort column, so
// a filter change costs one pass (the verdicts in storage order, the walk over the order).
void RiskSubjectTableModel::rebuildView() {
    if (!m_orderValid)
        buildOrder();
    std::vector<char> shown(static_cast<size_t>(m_rows.size()));
    for (int i = 0; i < m_rows.size(); ++i)
        shown[static_cast<size_t>(i)] = accepts(m_rows.at(i)) ? 1 : 0;
    m_view.clear();
    m_view.reserve(m_rows.size());
    for (int r : m_order) {
        if (shown[static_cast<size_t>(r)])
            m_view.append(r);
    }
}

const QVector<std::array<quint64, 2>>& RiskSubjectTableModel::ipKeys() {
    if (m_ipKeys.size() == m_rows.size())
        return m_ipKeys;
    m_ipKeys.resize(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_ipKeys[i] = ipKeyOf(m_rows.at(i).ip);
    return m_ipKeys;
}

// Three-way comparison on the sort column (ascending). `statuses`, when given, caches statusOf()
// per row: a comparison sort would otherwise ask the scheduler n log n times.
int RiskSubjectTableModel::compareBy(int a, int b, const QVector<quint8>* statuses) const {
    auto threeWay = [](auto x, auto y) {
        return x < y ? -1 : (y < x ? 1 : 0);
    };
    const Row& ra = m_rows.at(a);
    const Row& rb = m_rows.at(b);
    switch (m_sortColumn) {
    case IpColumn: {
        const int c = threeWay(m_ipKeys.at(a), m_ipKeys.at(b));
        return c != 0 ? c : ra.ip.compare(rb.ip);
    }
    case LevelColumn:
        return threeWay(ra.level, rb.level);
    case MessageColumn:
        return QString::compare(ra.message, rb.message, Qt::CaseInsensitive);
    case StatusColumn:
        if (statuses)
            return threeWay(statuses->at(a), statuses->at(b));
        return threeWay(static_cast<quint8>(statusOf(ra)), static_cast<quint8>(statusOf(rb)));
    case ReasonColumn:
        return QString::compare(reasonOf(a), reasonOf(b), Qt::CaseInsensitive);
    default:
        return 0; // line order is the tie-breaker anyway
    }
}

// The view's order: the sort column, ties always in line order, in both directions, so equal
// keys read in input order. A total order (row ids break the last ties).
bool RiskSubjectTableModel::viewLess(int a, int b, const QVector<quint8>* statuses) const {
    const int c = m_sortOrder == Qt::DescendingOrder ? compareBy(b, a, statuses) : compareBy(a, b, statuses);
    if (c != 0)
        return c < 0;
    if (m_sortColumn == LineColumn && m_sortOrder == Qt::DescendingOrder)
        return orderLess(b, a);
    return orderLess(a, b);
}

// Keeps the order of every row in step with an edit of a few rows (`touched`, sorted; new rows
// among them): they leave it and come back at their place, O(n) each. Line, ip, level and
// message depend only on the row itself, so the other rows stay in order; statuses and reasons
// also follow groups and outcomes, and many rows are cheaper sorted afresh: then the order is
// made again when next needed.
void RiskSubjectTableModel::updateOrder(const QVector<int>& touched) {
    if (!m_orderValid)
        return;
    if (m_sortColumn == StatusColumn || m_sortColumn == ReasonColumn || touched.size() > kIncrementalRows) {
        invalidateOrder();
        return;
    }
    m_order.erase(
        std::remove_if(m_order.begin(), m_order.end(),
                       [&touched](int r) { return std::binary_search(touched.cbegin(), touched.cend(), r); }),
        m_order.end());
    auto less = [this](int a, int b) {
        return viewLess(a, b);
    };
    for (int r : touched)
        m_order.insert(std::lower_bound(m_order.begin(), m_order.end(), r, less), r);
}

const std::vector<int>& RiskSubjectTableModel::lineOrder() {
    const size_t rows = static_cast<size_t>(m_rows.size());
    if (m_lineOrder.size() == rows)
        return m_lineOrder;
    auto less = [this](int a, int b) {
        return orderLess(a, b);
    };
    // Rows only grow: the new ones are put in order and merged in.
    const size_t old = m_lineOrder.size() < rows ? m_lineOrder.size() : 0;
    m_lineOrder.resize(old);
    std::vector<std::pair<quint64, int>> keyed;
    keyed.reserve(rows - old);
    for (size_t i = old; i < rows; ++i)
        keyed.emplace_back(m_rows.at(static_cast<qsizetype>(i)).order, static_cast<int>(i));
    if (!std::is_sorted(keyed.begin(), keyed.end()))
        std::sort(keyed.begin(), keyed.end());
    for (const auto& k : keyed)
        m_lineOrder.push_back(k.second);
    const auto middle = m_lineOrder.begin() + static_cast<std::ptrdiff_t>(old);
    if (old > 0 && middle != m_lineOrder.end() && less(*middle, *(middle - 1)))
        std::inplace_merge(m_lineOrder.begin(), middle, m_lineOrder.end(), less);
    return m_lineOrder;
}

// Every row in the view's order (viewLess), without comparing rows: line order is kept, the
// small-keyed columns take one stable counting pass over it, strings are ranked once per
// distinct value, and ip addresses sort as flat numeric keys.
void RiskSubjectTableModel::buildOrder() {
    const std::vector<int>& lines = lineOrder();
    const size_t rows = lines.size();
    switch (m_sortColumn) {
    case IpColumn:
        // Addresses change only by edits: their ranks are kept until then.
        if (m_ipRanks.size() != rows)
            m_ipRanks = ipRanks(&m_ipRankCount);
        orderByRank(m_ipRanks, m_ipRankCount);
        break;
    case LevelColumn: {
        std::vector<quint32> rank(rows);
        for (size_t i = 0; i < rows; ++i)
            rank[i] = m_rows.at(static_cast<qsizetype>(i)).level;
        orderByRank(rank, NoLevel + 1);
        break;
    }
    case StatusColumn: {
        std::vector<quint32> rank(rows);
        for (size_t i = 0; i < rows; ++i)
            rank[i] = static_cast<quint32>(statusOf(m_rows.at(static_cast<qsizetype>(i))));
        orderByRank(rank, RowStatusCount);
        break;
    }
    case MessageColumn:
        // Messages change only by edits, so their ranks are kept until then; reasons follow
        // outcomes and groups, and are few and mostly empty: ranked afresh.
        if (m_messageRanks.size() != rows)
            m_messageRanks = caseInsensitiveRanks(MessageColumn, &m_messageRankCount);
        orderByRank(m_messageRanks, m_messageRankCount);
        break;
    case ReasonColumn: {
        quint32 ranks = 0;
        const std::vector<quint32> rank = caseInsensitiveRanks(ReasonColumn, &ranks);
        orderByRank(rank, ranks);
        break;
    }
    default:
        m_order = lines;
        if (m_sortOrder == Qt::DescendingOrder)
            std::reverse(m_order.begin(), m_order.end());
        break;
    }
    m_orderValid = true;
}

// A stable counting sort of line order by `rank` (per row, below `ranks`): equal ranks stay in
// line order in both directions, as viewLess wants.
void RiskSubjectTableModel::orderByRank(const std::vector<quint32>& rank, quint32 ranks) {
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::vector<size_t> next(ranks, 0);
    for (quint32 r : rank)
        ++next[descending ? ranks - 1 - r : r];
    size_t sum = 0;
    for (size_t& n : next)
        sum += std::exchange(n, sum);
    m_order.assign(rank.size(), 0);
    for (int row : m_lineOrder) {
        const quint32 r = rank[static_cast<size_t>(row)];
        m_order[next[descending ? ranks - 1 - r : r]++] = row;
    }
}

// Per row, the place of its message (or reason) among the distinct values in case-insensitive
// order, values that compare equal sharing a place; `ranks` gets the number of places. Each
// distinct value is compared only with others, so a million rows cost one hash lookup each.
std::vector<quint32> RiskSubjectTableModel::caseInsensitiveRanks(int column, quint32* ranks) const {
    const size_t rows = static_cast<size_t>(m_rows.size());
    std::vector<quint32> rank(rows, 0);
    QVector<QString> distinct{QString()}; // 0: the empty value, first in any order
    // Open addressing over the distinct values, each slot tagged with its hash (as the group
    // table): a million lookups cost a hash and, mostly, one memcmp each.
    std::vector<quint64> table(1024, 0); // 0 = empty, else hash << 32 | distinct index
    auto idFor = [&](const QString& value) {
        if (value.isEmpty())
            return quint32(0);
        const quint32 hash = SubjectDeduplicator::hashOf(value);
        size_t mask = table.size() - 1;
        size_t slot = hash & mask;
        for (;; slot = (slot + 1) & mask) {
            const quint64 entry = table[slot];
            if (entry == 0)
                break;
            const quint32 id = static_cast<quint32>(entry);
            if (static_cast<quint32>(entry >> 32) == hash && distinct.at(id) == value)
                return id;
        }
        const quint32 id = static_cast<quint32>(distinct.size());
        distinct.append(value);
        table[slot] = (static_cast<quint64>(hash) << 32) | id;
        if (static_cast<size_t>(distinct.size()) * 2 > table.size()) {
            std::vector<quint64> bigger(table.size() * 2, 0);
            mask = bigger.size() - 1;
            for (const quint64 entry : table) {
                if (entry == 0)
                    continue;
                size_t s = static_cast<quint32>(entry >> 32) & mask;
                while (bigger[s] != 0)
                    s = (s + 1) & mask;
                bigger[s] = entry;
            }
            table = std::move(bigger);
        }
        return id;
    };
    for (size_t i = 0; i < rows; ++i) {
        const int row = static_cast<int>(i);
        rank[i] = column == MessageColumn ? idFor(m_rows.at(row).message) : idFor(reasonOf(row));
    }
    std::vector<quint32> byValue(static_cast<size_t>(distinct.size()));
    std::iota(byValue.begin(), byValue.end(), 0u);
    std::sort(byValue.begin() + 1, byValue.end(), [&distinct](quint32 a, quint32 b) {
        return QString::compare(distinct.at(a), distinct.at(b), Qt::CaseInsensitive) < 0;
    });
    std::vector<quint32> placeOf(byValue.size(), 0);
    quint32 place = 0;
    for (size_t k = 1; k < byValue.size(); ++k) {
        if (QString::compare(distinct.at(byValue[k - 1]), distinct.at(byValue[k]), Qt::CaseInsensitive) != 0)
            ++place;
        placeOf[byValue[k]] = place;
    }
    for (quint32& r : rank)
        r = placeOf[r];
    *ranks = place + 1;
    return rank;
}

// Per row, the place of its address among the distinct (numeric key, text) pairs, as compareBy
// orders them. The keys sort as a flat array (no row is touched); only rows with equal keys (the
// same address, or none) compare their text.
std::vector<quint32> RiskSubjectTableModel::ipRanks(quint32* ranks) {
    const QVector<std::array<quint64, 2>>& keys = ipKeys();
    struct Item {
        quint64 high;
        quint64 low;
        int row;
    };
    const size_t rows = static_cast<size_t>(keys.size());
    // IPv4 addresses (most of a feed) differ only in their last 32 bits: a four-pass radix sort
    // of those; the other keys sort as pairs and go around them (the IPv4-mapped range is one
    // block of the key space).
    constexpr quint64 kMapped = quint64(0xffff) << 32;
    std::vector<std::pair<quint32, int>> v4;
    std::vector<Item> items;
    v4.reserve(rows);
    for (size_t i = 0; i < rows; ++i) {
        const std::array<quint64, 2>& key = keys.at(static_cast<qsizetype>(i));
        if (key[0] == 0 && (key[1] >> 32) == (kMapped >> 32))
            v4.emplace_back(static_cast<quint32>(key[1]), static_cast<int>(i));
        else
            items.push_back({key[0], key[1], static_cast<int>(i)});
    }
    std::vector<std::pair<quint32, int>> spare(v4.size());
    for (int shift = 0; shift < 32; shift += 8) {
        size_t next[257] = {};
        for (const auto& v : v4)
            ++next[((v.first >> shift) & 0xff) + 1];
        for (size_t d = 1; d < 257; ++d)
            next[d] += next[d - 1];
        for (const auto& v : v4)
            spare[next[(v.first >> shift) & 0xff]++] = v;
        v4.swap(spare);
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.high != b.high ? a.high < b.high : a.low < b.low;
    });
    const auto below = std::partition_point(
        items.begin(), items.end(), [](const Item& item) { return item.high == 0 && item.low < kMapped; });
    const std::ptrdiff_t before = below - items.begin();
    items.insert(below, v4.size(), Item{});
    for (size_t k = 0; k < v4.size(); ++k)
        items[static_cast<size_t>(before) + k] = {0, kMapped | v4[k].first, v4[k].second};
    std::vector<quint32> rank(rows, 0);
    quint32 place = 0;
    for (auto run = items.begin(); run != items.end();) {
        auto end = run + 1;
        while (end != items.end() && end->high == run->high && end->low == run->low)
            ++end;
        if (end - run == 1) {
            rank[static_cast<size_t>(run->row)] = place++;
            run = end;
            continue;
        }
        // Equal keys: the same address (usually the same text), or no address at all. Their texts
        // sort by the first eight UTF-16 units as two numbers (padded with zeros, so a shorter
        // text comes first, as QString::compare has it), whole texts only on equal prefixes.
        struct Text {
            quint64 head;
            quint64 tail;
            int row;
        };
        std::vector<Text> texts;
        texts.reserve(static_cast<size_t>(end - run));
        for (auto it = run; it != end; ++it) {
            const QString& ip = m_rows.at(it->row).ip;
            quint64 prefix[2] = {0, 0};
            for (qsizetype u = 0; u < 8; ++u)
                prefix[u / 4] = (prefix[u / 4] << 16) | (u < ip.size() ? ip.at(u).unicode() : 0u);
            texts.push_back({prefix[0], prefix[1], it->row});
        }
        auto compareTexts = [this](const Text& a, const Text& b) {
            if (a.head != b.head)
                return a.head < b.head ? -1 : 1;
            if (a.tail != b.tail)
                return a.tail < b.tail ? -1 : 1;
            return m_rows.at(a.row).ip.compare(m_rows.at(b.row).ip);
        };
        std::sort(texts.begin(), texts.end(),
                  [&compareTexts](const Text& a, const Text& b) { return compareTexts(a, b) < 0; });
        for (size_t k = 0; k < texts.size(); ++k) {
            if (k > 0 && compareTexts(texts[k - 1], texts[k]) != 0)
                ++place;
            rank[static_cast<size_t>(texts[k].row)] = place;
        }
        ++place;
        run = end;
    }
    *ranks = place;
    return rank;
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
    // The same rows in the new order (a layout change keeps the set; statuses may have moved
    // since the last filter).
    buildOrder();
    std::vector<char> shown(static_cast<size_t>(m_rows.size()), 0);
    for (int r : std::as_const(m_view))
        shown[static_cast<size_t>(r)] = 1;
    m_view.clear();
    for (int r : m_order) {
        if (shown[static_cast<size_t>(r)])
            m_view.append(r);
    }
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
    if (row.importStatus == RowStatus::Valid || row.verdict == Verdict::Invalid || !m_groupsBuilt)
        return row.reason;
    const int group = groupOf(row.ip);
    const int winner = group < 0 ? -1 : m_groups.at(group).winner;
    if (row.verdict == Verdict::FoldedOnImport) {
        if (winner < 0)
            return tr("riskLevel: not known: the import merged this row into another one and kept only its "
                      "address, and that row is now removed or changed; give this row's level");
        // Still merged into the row the import chose: the import's own words.
        if ((m_rows.at(winner).order >> kSegmentShift) == (row.order >> kSegmentShift) &&
            !m_originals.contains(winner))
            return row.reason;
    }
    return winner >= 0 ? mergedReasonOf(rowIndex, winner) : row.reason;
}

QString RiskSubjectTableModel::mergedReasonOf(int rowIndex, int winner) const {
    const Row& row = m_rows.at(rowIndex);
    const Row& kept = m_rows.at(winner);
    QString where;
    if (!isTyped(kept)) {
        where = tr("line %1").arg(kept.line);
    } else {
        const quint64 ordinal = kept.order & ((quint64(1) << kSegmentShift) - 1);
        if (!isTyped(row))
            where = tr("row %1 typed by hand").arg(ordinal);
        else if (kept.order < row.order)
            where = tr("row %1 typed above").arg(ordinal);
        else
            where = tr("row %1 typed below").arg(ordinal);
    }
    const QString level = RiskLevels::toString(static_cast<RiskLevel>(kept.level));
    if (row.verdict != Verdict::Valid)
        return tr("ip: same address as %1, which is sent with level %2 (merged on import)").arg(where, level);
    if (kept.level == row.level)
        return tr("ip: same address as %1, which has the same level %2 and comes first").arg(where, level);
    return tr("ip: same address as %1, which has the higher level %2").arg(where, level);
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
            return levelShown(rowIndex);
        case MessageColumn:
            return row.message;
        case StatusColumn:
            return statusName(status);
        case ReasonColumn:
            return reasonOf(rowIndex);
        default:
            return {};
        }
    case Qt::EditRole: {
        // What was typed, so an edit starts from the user's own text.
        const RowValues values = rowValues(rowIndex);
        switch (index.column()) {
        case IpColumn:
            return values.ip;
        case LevelColumn:
            return values.level;
        case MessageColumn:
            return values.message;
        default:
            return data(index, Qt::DisplayRole);
        }
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
