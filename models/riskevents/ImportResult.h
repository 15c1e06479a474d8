#pragma once

#include "riskevents/ImportOptions.h"
#include "riskevents/RiskSubject.h"
#include "riskevents/ValidationIssue.h"

#include <QList>
#include <QMetaType>

#include <array>

// What an import produced. Every data row ends up as exactly one of: a subject (valid), a
// rejected row (one or more Rejected issues naming line, field and rule) or a merged duplicate
// (one Merged issue), so rows == valid + rejected + merged always holds.
struct ImportResult {
    QList<RiskSubject> subjects;   // one per canonical ip, in order of first appearance
    QList<ValidationIssue> issues; // by line, i.e. in input order (a row's own issues in field order)

    qint64 rows = 0;                  // data rows read (header, blank and comment lines are not rows)
    qint64 valid = 0;                 // == subjects.size()
    qint64 rejected = 0;              // rows with at least one Rejected issue
    qint64 merged = 0;                // duplicate rows folded into another row
    qint64 cleanedMessages = 0;       // messages changed by the explicit clean action
    std::array<qint64, 3> perLevel{}; // valid subjects per RiskLevel (index = enum value)

    ImportOptions::Format format = ImportOptions::Format::Csv; // as used (Auto resolved)
    QChar delimiter;                                           // as used; QChar() for a plain list
    bool hasHeader = false;
    qint64 bytesRead = 0;
    bool cancelled = false; // stopped by the user: the counts cover what was read so far
    QString error;          // the input as a whole could not be used (unreadable file, bad header)
    QString hint;           // how the input may have been meant, e.g. "import it as a plain list"

    qint64 count(RiskLevel level) const { return perLevel[static_cast<size_t>(level)]; }
    bool isBalanced() const { return rows == valid + rejected + merged; }
    bool ok() const { return error.isEmpty() && !cancelled; }
    // "1,000 rows: 950 valid (HIGH 10, MEDIUM 40, LOW 900), 40 rejected, 10 merged"
    QString summary() const;
};

Q_DECLARE_METATYPE(ImportResult)
