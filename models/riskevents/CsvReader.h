#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <atomic>
#include <vector>

class QIODevice;

// Streaming RFC 4180 reader over a blocking QIODevice (file, buffer). Reads and decodes UTF-8 in
// chunks (a BOM is dropped, invalid bytes become U+FFFD), so memory stays bounded whatever the
// input size. Line ends LF, CRLF and CR, mixed. Quoted fields may hold the delimiter, doubled
// quotes and line breaks. Spaces and tabs around fields are trimmed (tabs only when they are not
// the delimiter). Blank lines and lines whose first non-blank character is '#' are skipped.
// A malformed record (unterminated quote, text after a closing quote, over-long row) is still
// returned, with `error` set, so the caller can report it by line.
class CsvReader {
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    struct Record {
        qint64 line = 0;           // physical line (1-based) where the record starts
        qint64 lastLine = 0;       // physical line where it ends (later when quotes span lines)
        QList<QStringView> fields; // trimmed and unquoted; valid until the next readRecord()
        QString error;             // why the record is malformed; empty when fine
        QString errorText;         // the record as written, for the report (a prefix when huge)
    };

    static constexpr qsizetype DefaultMaxRecordLength = 64 * 1024;
    static constexpr qsizetype DefaultChunkSize = 64 * 1024;
    static constexpr qsizetype ErrorTextLimit = 256; // chars kept of a record too long to keep

    explicit CsvReader(QIODevice* device);

    // QChar() means no delimiter: every line is one field (plain lists).
    void setDelimiter(QChar delimiter);
    QChar delimiter() const;
    void setQuoting(bool on) { m_quoting = on; }
    void setMaxRecordLength(qsizetype chars) { m_maxRecord = std::max<qsizetype>(16, chars); }
    void setChunkSize(qsizetype bytes) { m_chunk = std::max<qsizetype>(1, bytes); } // tests: tiny chunks
    // Once set, reading stops (as at the end of the input) when the flag turns true.
    void setCancelFlag(const std::atomic_bool* cancel) { m_cancel = cancel; }

    // Up to `maxLines` non-blank, non-comment physical lines from the start of what is left to
    // read, looking at most `maxChars` ahead, without consuming anything.
    QStringList sampleLines(int maxLines = 50, qsizetype maxChars = 64 * 1024);
    // Chooses ',', TAB or ';' from sampleLines(), sets it and returns it.
    QChar detectDelimiter(int maxFields = 3);
    // The choice itself: the delimiter that splits most lines into 2..maxFields fields whose first
    // field holds no other candidate; then the one found on most lines; ',' when none is found.
    static QChar detectDelimiter(const QStringList& lines, int maxFields);
    // One physical line split with the same trimming and quoting rules (for detection).
    static QStringList splitLine(QStringView line, QChar delimiter);

    // Next record; false at the end of the input.
    bool readRecord(Record& record);
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 currentLine() const { return m_line; }

private:
    enum class Step { Record, NeedMore, End, Oversized };
    struct Escaped { // a field unescaped into m_scratch
        qsizetype index;
        qsizetype start;
        qsizetype length;
    };

    bool fill();
    Step parseRecord(Record& record);
    void skipOversized(Record& record);

    QIODevice* m_device;
    const std::atomic_bool* m_cancel = nullptr;
    QStringDecoder m_decoder;
    QByteArray m_raw; // bytes read but not decoded yet (an incomplete UTF-8 sequence)
    QString m_buf;    // decoded text; [m_pos, end) not consumed yet
    qsizetype m_pos = 0;
    QString m_scratch; // unescaped quoted fields of the current record
    std::vector<Escaped> m_escaped;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    qsizetype m_chunk = DefaultChunkSize;
    qsizetype m_maxRecord = DefaultMaxRecordLength;
    char16_t m_delim = u','; // '\n' stands for "no delimiter": it always ends the field anyway
    bool m_quoting = true;
    bool m_eof = false;
    bool m_bomChecked = false;
    bool m_inComment = false;  // a comment line continues past what has been read
    bool m_longIndent = false; // the line began with more blanks than a record may hold (dropped)
};
