// libFuzzer target: the risk-event importer as a file's content reaches it (RiskRowImporter over a
// QBuffer, as ImportJob does), with CsvReader read in chunks of every size, IpAddressParser and
// MessageRules. The first two bytes pick the options; the rest is the file.
//   byte 0: bits 0-1 format (Auto, Csv, PlainList, Auto), bits 2-3 default level (none, LOW, MEDIUM,
//           HIGH), bit 4 allowNonPublic, bit 5 cleanMessages, bits 6-7 maxRowLength (64K, 16, 40, 200)
//   byte 1: bits 0-1 delimiter (detect, ',', TAB, ';'), bits 2-4 CsvReader chunk size, bit 5 no quoting
#include "FuzzCheck.h"

#include "riskevents/CsvReader.h"
#include "riskevents/ImportOptions.h"
#include "riskevents/ImportResult.h"
#include "riskevents/IpAddressParser.h"
#include "riskevents/MessageRules.h"
#include "riskevents/RiskLevel.h"
#include "riskevents/RiskRowImporter.h"

#include <QBuffer>
#include <QByteArray>
#include <QSet>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

constexpr qsizetype ChunkSizes[] = {1, 2, 3, 7, 16, 61, 4096, CsvReader::DefaultChunkSize};
constexpr qsizetype RowLengths[] = {64 * 1024, 16, 40, 200};
const QChar Delimiters[] = {QChar(), QChar(u','), QChar(u'\t'), QChar(u';')};

ImportOptions optionsFrom(uint8_t a, uint8_t b) {
    ImportOptions options;
    static const ImportOptions::Format formats[] = {ImportOptions::Format::Auto, ImportOptions::Format::Csv,
                                                    ImportOptions::Format::PlainList,
                                                    ImportOptions::Format::Auto};
    options.format = formats[a & 3];
    if (const int level = (a >> 2) & 3; level != 0)
        options.defaultLevel = level == 1 ? RiskLevel::Low : level == 2 ? RiskLevel::Medium : RiskLevel::High;
    options.allowNonPublic = (a & 0x10) != 0;
    options.cleanMessages = (a & 0x20) != 0;
    options.maxRowLength = RowLengths[(a >> 6) & 3];
    options.delimiter = Delimiters[b & 3];
    return options;
}

// What the importer promises about every result (ImportResult's and the class comments).
void checkResult(const ImportResult& result, const ImportOptions& options) {
    FUZZ_CHECK(result.isBalanced());
    FUZZ_CHECK(result.valid == result.subjects.size());
    FUZZ_CHECK(result.rows >= 0 && result.valid >= 0 && result.rejected >= 0 && result.merged >= 0);
    FUZZ_CHECK(result.count(RiskLevel::High) + result.count(RiskLevel::Medium) +
                   result.count(RiskLevel::Low) ==
               result.valid);
    FUZZ_CHECK(!result.cancelled);
    if (!result.error.isEmpty())
        FUZZ_CHECK(result.subjects.isEmpty());
    QSet<QString> ips;
    for (const RiskSubject& subject : result.subjects) {
        // One subject per canonical address, and only what the rules accept.
        FUZZ_CHECK(!ips.contains(subject.ip));
        ips.insert(subject.ip);
        const IpAddressParser::Result again = IpAddressParser::parse(subject.ip, options.allowNonPublic);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again.canonical == subject.ip);
        FUZZ_CHECK(MessageRules::isValid(subject.message));
        FUZZ_CHECK(subject.sourceLine >= 1);
    }
    qint64 previousLine = 0;
    for (const ValidationIssue& issue : result.issues) {
        FUZZ_CHECK(issue.line >= previousLine); // in input order
        previousLine = issue.line;
        FUZZ_CHECK(!issue.reason.isEmpty());
    }
}

struct Row {
    qint64 line;
    qint64 lastLine;
    QStringList fields;
    bool failed;
    bool operator==(const Row& other) const {
        return line == other.line && lastLine == other.lastLine && fields == other.fields &&
               failed == other.failed;
    }
};

QList<Row> readAll(const QByteArray& bytes, QChar delimiter, bool quoting, qsizetype maxRecord,
                   qsizetype chunk) {
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setDelimiter(delimiter);
    reader.setQuoting(quoting);
    reader.setMaxRecordLength(maxRecord);
    reader.setChunkSize(chunk);
    QList<Row> rows;
    CsvReader::Record record;
    qint64 previousEnd = 0;
    while (reader.readRecord(record)) {
        FUZZ_CHECK(record.line > previousEnd);
        FUZZ_CHECK(record.lastLine >= record.line);
        previousEnd = record.lastLine;
        FUZZ_CHECK(record.error.isEmpty() == record.errorText.isEmpty() || record.error.isEmpty());
        QStringList fields;
        for (QStringView field : record.fields) // reading every view lets ASan vouch for it
            fields.append(field.toString());
        rows.append({record.line, record.lastLine, fields, !record.error.isEmpty()});
    }
    FUZZ_CHECK(reader.bytesRead() == bytes.size());
    return rows;
}

void dump(const char* title, const QList<Row>& rows) {
    std::fprintf(stderr, "%s:\n", title);
    for (const Row& row : rows)
        std::fprintf(stderr, "  lines %lld-%lld%s: %s\n", static_cast<long long>(row.line),
                     static_cast<long long>(row.lastLine), row.failed ? " (error)" : "",
                     qPrintable(row.fields.join(QLatin1String("|"))));
}

// The parser's own promises: a canonical form that parses to itself, same address.
void checkAddress(QStringView text) {
    const IpAddressParser::Result result = IpAddressParser::parse(text, true);
    const std::optional<IpAddressParser::Address> address = IpAddressParser::parseAddress(text);
    FUZZ_CHECK(result.ok() == address.has_value());
    if (!address) {
        FUZZ_CHECK(!result.reason().isEmpty());
        return;
    }
    FUZZ_CHECK(result.canonical == IpAddressParser::toString(*address));
    const std::optional<IpAddressParser::Address> again = IpAddressParser::parseAddress(result.canonical);
    FUZZ_CHECK(again && again->family == address->family && again->bytes == address->bytes);
    const IpAddressParser::Result strict = IpAddressParser::parse(text, false);
    FUZZ_CHECK(strict.ok() == (IpAddressParser::nonPublicRange(*address) == nullptr));
}

void checkMessage(QStringView text) {
    const bool valid = MessageRules::isValid(text);
    FUZZ_CHECK(valid == MessageRules::check(text).isEmpty());
    const QString cleaned = MessageRules::clean(text);
    FUZZ_CHECK(MessageRules::isValid(cleaned));
    if (valid)
        FUZZ_CHECK(cleaned == text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2)
        return 0;
    const ImportOptions options = optionsFrom(data[0], data[1]);
    const QByteArray file(reinterpret_cast<const char*>(data) + 2, static_cast<qsizetype>(size - 2));

    // The import path of a file: the importer over a (non-sequential) device.
    {
        QByteArray copy = file;
        QBuffer buffer(&copy);
        buffer.open(QIODevice::ReadOnly);
        const ImportResult result = RiskRowImporter(options).import(&buffer);
        checkResult(result, options);
        FUZZ_CHECK(result.bytesRead <= file.size());
    }

    // The reader alone: records must not depend on how the input was cut into chunks.
    const QChar delimiter = options.delimiter.isNull() ? QChar(u',') : options.delimiter;
    const bool quoting = (data[1] & 0x20) == 0;
    // A record cut by a read is parsed again from its start: at most ~64 reads per input keep
    // tiny chunks from making a 4 KB line quadratic, and still put cuts everywhere over the runs.
    const qsizetype chunk = std::max(ChunkSizes[(data[1] >> 2) & 7], file.size() / 64);
    const QList<Row> whole =
        readAll(file, delimiter, quoting, options.maxRowLength, CsvReader::DefaultChunkSize);
    if (chunk != CsvReader::DefaultChunkSize && file.size() < CsvReader::DefaultChunkSize) {
        const QList<Row> chunked = readAll(file, delimiter, quoting, options.maxRowLength, chunk);
        if (chunked != whole) {
            dump("read at once", whole);
            dump("read in chunks", chunked);
        }
        FUZZ_CHECK(chunked == whole);
    }

    // The parsers' own promises, on the fields of the first lines (the import above already ran
    // them on every row; a few lines are enough and keep executions fast).
    const QStringList lines = QString::fromUtf8(file).split(QLatin1Char('\n'));
    for (const QString& line : lines.mid(0, 8)) {
        checkAddress(RiskRowImporter::firstToken(line));
        RiskRowImporter::columnForName(line);
        for (const QString& field : CsvReader::splitLine(line, delimiter).mid(0, 4)) {
            checkAddress(field);
            checkMessage(field);
            RiskLevels::parse(field);
        }
    }
    return 0;
}
