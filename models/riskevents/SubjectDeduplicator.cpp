#include "riskevents/SubjectDeduplicator.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace {

// Large arrays filled at random (the table) or in one sweep (the subjects): ask Linux for 2 MB
// pages, which turns ~25,000 page faults of a million-row import into a few dozen. A hint only.
void adviseHugePages([[maybe_unused]] const void* data, [[maybe_unused]] size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr quintptr huge = 2 * 1024 * 1024;
    const quintptr begin = (reinterpret_cast<quintptr>(data) + huge - 1) & ~(huge - 1);
    const quintptr end = (reinterpret_cast<quintptr>(data) + bytes) & ~(huge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

} // namespace

void SubjectDeduplicator::Free::operator()(quint64* p) const {
    std::free(p);
}

void SubjectDeduplicator::reserve(qsizetype subjects) {
    while (static_cast<size_t>(subjects) > m_tableSize / 2)
        grow();
    m_subjects.reserve(subjects);
    if (m_subjects.capacity() > 0)
        adviseHugePages(m_subjects.constData(),
                        static_cast<size_t>(m_subjects.capacity()) * sizeof(RiskSubject));
}

void SubjectDeduplicator::clear() {
    m_subjects.clear();
    m_table.reset();
    m_tableSize = 0;
    m_merged = 0;
}

QList<RiskSubject> SubjectDeduplicator::takeSubjects() {
    QList<RiskSubject> taken = std::move(m_subjects);
    clear();
    return taken;
}

quint32 SubjectDeduplicator::hashOf(QStringView ip) {
    // Four UTF-16 units per step, multiply-xorshift mixing (a million of these per import).
    const char16_t* p = ip.utf16();
    qsizetype n = ip.size();
    quint64 h = 0x9e3779b97f4a7c15ULL ^ static_cast<quint64>(n);
    while (n >= 4) {
        quint64 word;
        std::memcpy(&word, p, sizeof word);
        h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
        p += 4;
        n -= 4;
    }
    quint64 tail = 0;
    for (qsizetype i = 0; i < n; ++i)
        tail |= static_cast<quint64>(p[i]) << (16 * i);
    h = (h ^ tail) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return static_cast<quint32>(h ^ (h >> 32));
}

size_t SubjectDeduplicator::slotFor(QStringView ip, quint32 hash) const {
    const size_t mask = m_tableSize - 1;
    size_t slot = hash & mask;
    for (;;) {
        const quint64 entry = m_table[slot];
        if (entry == 0)
            return slot;
        // Only a matching tag makes us touch the subject (a real duplicate, nearly always).
        if (static_cast<quint32>(entry >> 32) == hash &&
            QStringView(m_subjects[static_cast<qsizetype>(entry & 0xffffffffu) - 1].ip) == ip)
            return slot;
        slot = (slot + 1) & mask;
    }
}

void SubjectDeduplicator::grow() {
    const size_t size = m_tableSize == 0 ? 4096 : m_tableSize * 2;
    std::unique_ptr<quint64[], Free> table(static_cast<quint64*>(std::calloc(size, sizeof(quint64))));
    if (!table)
        throw std::bad_alloc();
    adviseHugePages(table.get(), size * sizeof(quint64));
    const size_t mask = size - 1;
    // Rehash from the stored tags: no string is read again.
    for (size_t i = 0; i < m_tableSize; ++i) {
        const quint64 entry = m_table[i];
        if (entry == 0)
            continue;
        size_t slot = static_cast<quint32>(entry >> 32) & mask;
        while (table[slot] != 0)
            slot = (slot + 1) & mask;
        table[slot] = entry;
    }
    m_table = std::move(table);
    m_tableSize = size;
}

QString SubjectDeduplicator::mergedReason(const RiskSubject& kept, bool tie) {
    // The texts are looked up once: a large feed has tens of thousands of these.
    static const QString intoLineSameLevel =
        tr("duplicate address: merged into line %1, which has the same level %2 and comes first");
    static const QString intoLineHigherLevel =
        tr("duplicate address: merged into line %1, which has the higher level %2");
    static const QString intoRowSameLevel =
        tr("duplicate address: merged into an earlier row, which has the same level %1 and comes first");
    static const QString intoRowHigherLevel =
        tr("duplicate address: merged into an earlier row, which has the higher level %1");
    const QString level = RiskLevels::toString(kept.level);
    if (kept.sourceLine > 0)
        return (tie ? intoLineSameLevel : intoLineHigherLevel).arg(QString::number(kept.sourceLine), level);
    return (tie ? intoRowSameLevel : intoRowHigherLevel).arg(level);
}

std::optional<ValidationIssue> SubjectDeduplicator::add(RiskSubject subject) {
    // Keep the load under one half so probes stay short.
    if (static_cast<size_t>(m_subjects.size() + 1) * 2 > m_tableSize)
        grow();
    const quint32 hash = hashOf(subject.ip);
    return insert(std::move(subject), hash);
}

void SubjectDeduplicator::addBatch(std::vector<RiskSubject>& batch, QList<ValidationIssue>& merged) {
    while (static_cast<size_t>(m_subjects.size()) + batch.size() > m_tableSize / 2)
        grow();
    constexpr size_t kStep = 64;
    quint32 hashes[kStep];
    const size_t mask = m_tableSize - 1;
    for (size_t first = 0; first < batch.size(); first += kStep) {
        const size_t count = std::min(kStep, batch.size() - first);
        for (size_t i = 0; i < count; ++i) {
            hashes[i] = hashOf(batch[first + i].ip);
#if defined(__GNUC__) || defined(__clang__)
            __builtin_prefetch(&m_table[hashes[i] & mask]);
#endif
        }
        for (size_t i = 0; i < count; ++i) {
            if (std::optional<ValidationIssue> issue = insert(std::move(batch[first + i]), hashes[i]))
                merged.append(std::move(*issue));
        }
    }
    batch.clear();
}

std::optional<ValidationIssue> SubjectDeduplicator::insert(RiskSubject&& subject, quint32 hash) {
    const size_t slot = slotFor(subject.ip, hash);
    const quint64 entry = m_table[slot];
    if (entry == 0) {
        m_subjects.append(std::move(subject));
        m_table[slot] = (static_cast<quint64>(hash) << 32) | static_cast<quint64>(m_subjects.size());
        return std::nullopt;
    }
    ++m_merged;
    RiskSubject& existing = m_subjects[static_cast<qsizetype>(entry & 0xffffffffu) - 1];
    ValidationIssue issue;
    issue.kind = ValidationIssue::Kind::Merged;
    issue.field = QStringLiteral("ip");
    // The merged row's own values go with it (see ValidationIssue::rowIp).
    auto setRow = [&issue](const RiskSubject& row) {
        issue.line = row.sourceLine;
        issue.value = row.ip;
        issue.rowIp = row.ip;
        issue.rowLevel = RiskLevels::toString(row.level);
        issue.rowMessage = row.message;
    };
    if (RiskLevels::outranks(subject.level, existing.level)) {
        // The new row wins: the earlier one is the merged row, the kept subject takes the new
        // level, message and line but keeps its place.
        setRow(existing);
        issue.reason = mergedReason(subject, false);
        existing = std::move(subject);
    } else {
        setRow(subject);
        issue.reason = mergedReason(existing, existing.level == subject.level);
    }
    return issue;
}
