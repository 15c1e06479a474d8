#pragma once

#include "riskevents/RiskSubject.h"
#include "riskevents/ValidationIssue.h"

#include <QCoreApplication>
#include <QList>

#include <memory>
#include <optional>
#include <vector>

// One subject per canonical ip. The highest level wins and keeps its own message; on a tie the
// first row wins. The row that loses gets a Merged issue naming the row it was merged into.
// The kept subject stays where the ip first appeared. Open addressing over indices into the
// subject list, each slot tagged with the ip's hash so a probe rarely has to look at a string:
// a million subjects cost 16-32 MB of table and no second copy of the strings.
class SubjectDeduplicator {
    Q_DECLARE_TR_FUNCTIONS(SubjectDeduplicator)
public:
    // Room for this many subjects without growing (list and table).
    void reserve(qsizetype subjects);
    // `subject.ip` must be canonical. Returns the Merged issue when this row or an earlier one
    // lost to the other; std::nullopt when the ip is new.
    std::optional<ValidationIssue> add(RiskSubject subject);
    // The same for many subjects in order, Merged issues appended to `merged`. Faster: the table
    // slots of the whole batch are prefetched before any is probed, so the cache misses of random
    // probes overlap instead of queueing. `batch` is left empty.
    void addBatch(std::vector<RiskSubject>& batch, QList<ValidationIssue>& merged);

    qsizetype size() const { return m_subjects.size(); }
    qint64 mergedCount() const { return m_merged; }
    const QList<RiskSubject>& subjects() const { return m_subjects; }
    QList<RiskSubject> takeSubjects();
    void clear();

    // The reason given to the row that lost to `kept`.
    static QString mergedReason(const RiskSubject& kept, bool tie);

    // The hash the table uses (cheap, good enough to spread addresses).
    static quint32 hashOf(QStringView ip);

private:
    void grow();
    std::optional<ValidationIssue> insert(RiskSubject&& subject, quint32 hash);
    size_t slotFor(QStringView ip, quint32 hash) const;

    struct Free {
        void operator()(quint64* p) const;
    };

    QList<RiskSubject> m_subjects;
    // 0 = empty, else hash << 32 | (index into m_subjects + 1). calloc'd: fresh pages come
    // zeroed from the kernel instead of being written twice.
    std::unique_ptr<quint64[], Free> m_table;
    size_t m_tableSize = 0;
    qint64 m_merged = 0;
};
