#pragma once

#include "riskevents/ImportOptions.h"
#include "riskevents/ImportResult.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

class QIODevice;

// "Rows in": reads CSV/TSV/semicolon files, pasted text and plain IP lists, validates every row
// and folds duplicates. Columns come from a header (names in any order and case: ip / ipAddress /
// address, riskLevel / level / risk, message / reason / comment) or, without one, are
// ip[,level[,message]]. A row may leave out trailing optional columns; a row with more fields
// than columns is rejected, never guessed. Each problem gets its own Rejected issue (line, field,
// rule, value); nothing is dropped silently. Only input that cannot be read as a whole (a header
// with an unknown, repeated or missing column; a plain list without a default level; an
// unreadable file) stops with ImportResult::error instead. Synchronous: ImportJob runs it off
// the GUI thread.
class RiskRowImporter {
    Q_DECLARE_TR_FUNCTIONS(RiskRowImporter)
public:
    using ProgressCallback = std::function<void(qint64 bytesRead)>;

    // The verdict on one row.
    struct RowCheck {
        std::optional<RiskSubject> subject; // set when the row is valid
        QList<ValidationIssue> issues;      // Rejected issues, one per problem; empty when valid
        bool messageCleaned = false;        // cleanMessages changed the message
    };

    enum class Column { None, Ip, Level, Message };

    explicit RiskRowImporter(ImportOptions options = {});
    const ImportOptions& options() const { return m_options; }

    // Reads `device` (open, blocking) to its end. `cancel` is polled; `progress` gets the bytes
    // read so far, about once per chunk.
    ImportResult import(QIODevice* device, const std::atomic_bool* cancel = nullptr,
                        const ProgressCallback& progress = {}) const;
    ImportResult importFile(const QString& path, const std::atomic_bool* cancel = nullptr,
                            const ProgressCallback& progress = {}) const;
    // Pasted text: spreadsheet cells arrive tab-separated, which delimiter detection handles.
    ImportResult importText(const QString& text) const;

    // A row typed by hand (values are trimmed). `line` is 0 for typed rows.
    RowCheck validateRow(QStringView ip, QStringView level, QStringView message, qint64 line = 0) const;

    // Header name to column: any case, spaces, '_' and '-' ignored ("IP Address" is ipAddress).
    static Column columnForName(QStringView name);
    // The ip of a plain-list line: its first token (up to a blank, ',', ';', '|' or '#').
    static QStringView firstToken(QStringView line);

    // Reason texts that are not IpAddressParser's or MessageRules'.
    static QString levelMissingReason();
    static QString levelInvalidReason();

private:
    class MessageCache;
    bool checkRow(QStringView ip, QStringView level, QStringView message, qint64 line, RiskSubject& out,
                  QList<ValidationIssue>& issues, bool& cleaned, MessageCache* cache) const;
    ImportOptions::Format resolveFormat(const QStringList& sample, QChar delimiter, QString* hint) const;

    ImportOptions m_options;
};
