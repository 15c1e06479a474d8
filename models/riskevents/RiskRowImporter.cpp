#include "riskevents/RiskRowImporter.h"

#include "riskevents/CsvReader.h"
#include "riskevents/IpAddressParser.h"
#include "riskevents/MessageRules.h"
#include "riskevents/SubjectDeduplicator.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QHashFunctions>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace {

constexpr int kMaxColumns = 3;
constexpr size_t kBatch = 256;

ValidationIssue rejected(qint64 line, const QString& field, QStringView value, const QString& reason) {
    ValidationIssue issue;
    issue.kind = ValidationIssue::Kind::Rejected;
    issue.line = line;
    issue.field = field;
    issue.value = value.toString();
    issue.reason = reason;
    return issue;
}

const QString& fieldIp() {
    static const QString name = QStringLiteral("ip");
    return name;
}
const QString& fieldLevel() {
    static const QString name = QStringLiteral("riskLevel");
    return name;
}
const QString& fieldMessage() {
    static const QString name = QStringLiteral("message");
    return name;
}
const QString& fieldRow() {
    static const QString name = QStringLiteral("row");
    return name;
}

QString joinFields(const QList<QStringView>& fields, QChar delimiter) {
    QString text;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            text += delimiter.isNull() ? QChar(u' ') : delimiter;
        text += fields[i];
    }
    return text;
}

// `text` equals the upper-case ASCII `upper` in any case.
bool equalsNoCase(QStringView text, const char* upper, qsizetype size) {
    if (text.size() != size)
        return false;
    for (qsizetype i = 0; i < size; ++i) {
        // Letters only: setting bit 5 maps 'L' and 'l' (and nothing else) to 'l'.
        if ((text[i].unicode() | 0x20) != (upper[i] | 0x20))
            return false;
    }
    return true;
}

// RiskLevels::parse with a fast path for the plain spellings found in nearly every row.
std::optional<RiskLevel> parseLevel(QStringView text) {
    if (equalsNoCase(text, "HIGH", 4))
        return RiskLevel::High;
    if (equalsNoCase(text, "MEDIUM", 6))
        return RiskLevel::Medium;
    if (equalsNoCase(text, "LOW", 3))
        return RiskLevel::Low;
    return RiskLevels::parse(text);
}

QString columnName(RiskRowImporter::Column column) {
    switch (column) {
    case RiskRowImporter::Column::Ip:
        return QStringLiteral("ip");
    case RiskRowImporter::Column::Level:
        return QStringLiteral("riskLevel");
    case RiskRowImporter::Column::Message:
        return QStringLiteral("message");
    case RiskRowImporter::Column::None:
        break;
    }
    return {};
}

// Where each value sits in a row.
struct Columns {
    int ip = 0;
    int level = 1;   // -1: no such column
    int message = 2; // -1: no such column
    int count = kMaxColumns;
    QString names = QStringLiteral("ip, riskLevel, message");
};

// A first row is a header when all its fields are column names, or at least two are (then the
// others are errors, not data: no data row holds two column names).
template <typename Fields> bool looksLikeHeader(const Fields& fields) {
    int known = 0;
    for (const auto& field : fields)
        known += RiskRowImporter::columnForName(field) != RiskRowImporter::Column::None ? 1 : 0;
    return known >= 2 || (known >= 1 && known == fields.size());
}

// The columns a header names, or the reason it cannot be used.
std::optional<Columns> readHeader(const QList<QStringView>& fields, qint64 line, bool haveDefaultLevel,
                                  QString* error) {
    Columns columns;
    columns.ip = columns.level = columns.message = -1;
    columns.count = static_cast<int>(fields.size());
    QStringList names;
    for (int i = 0; i < columns.count; ++i) {
        const RiskRowImporter::Column column = RiskRowImporter::columnForName(fields[i]);
        int* slot = column == RiskRowImporter::Column::Ip        ? &columns.ip
                    : column == RiskRowImporter::Column::Level   ? &columns.level
                    : column == RiskRowImporter::Column::Message ? &columns.message
                                                                 : nullptr;
        if (!slot) {
            *error = QCoreApplication::translate(
                         "RiskRowImporter",
                         "header on line %1: unknown column '%2' (expected ip, riskLevel and message, "
                         "in any order)")
                         .arg(line)
                         .arg(fields[i]);
            return std::nullopt;
        }
        if (*slot >= 0) {
            *error =
                QCoreApplication::translate("RiskRowImporter", "header on line %1: column '%2' appears twice")
                    .arg(line)
                    .arg(fields[i]);
            return std::nullopt;
        }
        *slot = i;
        names.append(columnName(column));
    }
    if (columns.ip < 0) {
        *error =
            QCoreApplication::translate("RiskRowImporter", "header on line %1 has no ip column").arg(line);
        return std::nullopt;
    }
    if (columns.level < 0 && !haveDefaultLevel) {
        *error =
            QCoreApplication::translate(
                "RiskRowImporter", "header on line %1 has no riskLevel column and no default level is set")
                .arg(line);
        return std::nullopt;
    }
    columns.names = names.join(QStringLiteral(", "));
    return columns;
}

} // namespace

// Feeds repeat a handful of messages ("IPsum listed on 3 blocklists"): rows with the same text
// share one QString, which keeps a million subjects well inside the memory budget.
class RiskRowImporter::MessageCache {
public:
    // The shared copy of a message seen lately, or nullptr. Only valid messages are kept, so a
    // hit needs no new check either.
    const QString* find(QStringView message) {
        const QString& cached = slot(message);
        if (cached.size() == message.size() &&
            std::memcmp(cached.constData(), message.data(), static_cast<size_t>(message.size()) * 2) == 0)
            return &cached;
        return nullptr;
    }
    // Remembers a valid message and returns the copy to share.
    const QString& insert(QStringView message) { return slot(message) = message.toString(); }

private:
    // Direct-mapped on length and a few characters: cheap, and collisions only cost a copy.
    QString& slot(QStringView message) {
        const qsizetype n = message.size();
        const size_t key = static_cast<size_t>(n) * 31u + message[0].unicode() * 7u +
                           message[n / 2].unicode() * 3u + message[n - 1].unicode();
        return m_slots[key & (m_slots.size() - 1)];
    }

    std::array<QString, 1024> m_slots;
};

RiskRowImporter::RiskRowImporter(ImportOptions options)
    : m_options(options) {}

QString RiskRowImporter::levelMissingReason() {
    return tr("riskLevel is missing and no default level is set: give LOW, MEDIUM or HIGH");
}

QString RiskRowImporter::levelInvalidReason() {
    return tr("riskLevel must be LOW, MEDIUM or HIGH (any case)");
}

RiskRowImporter::Column RiskRowImporter::columnForName(QStringView name) {
    QString key;
    key.reserve(name.size());
    for (QChar c : name.trimmed()) {
        if (c != u' ' && c != u'_' && c != u'-')
            key.append(c.toLower());
    }
    if (key == u"ip" || key == u"ipaddress" || key == u"address")
        return Column::Ip;
    if (key == u"risklevel" || key == u"level" || key == u"risk")
        return Column::Level;
    if (key == u"message" || key == u"reason" || key == u"comment")
        return Column::Message;
    return Column::None;
}

QStringView RiskRowImporter::firstToken(QStringView line) {
    line = line.trimmed();
    qsizetype end = 0;
    while (end < line.size()) {
        const QChar c = line[end];
        if (c == u' ' || c == u'\t' || c == u',' || c == u';' || c == u'|' || c == u'#')
            break;
        ++end;
    }
    return line.first(end);
}

// The row's own fields on each of its issues from `first` on (copied once, shared by them).
static void setRowFields(QList<ValidationIssue>& issues, qsizetype first, QStringView ip, QStringView level,
                         QStringView message) {
    if (first >= issues.size())
        return;
    const QString rowIp = ip.trimmed().toString();
    const QString rowLevel = level.trimmed().toString();
    const QString rowMessage = message.trimmed().toString();
    for (qsizetype i = first; i < issues.size(); ++i) {
        issues[i].rowIp = rowIp;
        issues[i].rowLevel = rowLevel;
        issues[i].rowMessage = rowMessage;
    }
}

bool RiskRowImporter::checkRow(QStringView ip, QStringView level, QStringView message, qint64 line,
                               RiskSubject& out, QList<ValidationIssue>& issues, bool& cleaned,
                               MessageCache* cache) const {
    bool ok = true;
    const qsizetype firstIssue = issues.size();
    IpAddressParser::Result address = IpAddressParser::parse(ip, m_options.allowNonPublic);
    if (!address.ok()) {
        issues.append(rejected(line, fieldIp(), ip, address.reason()));
        ok = false;
    }

    RiskLevel riskLevel = RiskLevel::Medium;
    if (level.isEmpty()) {
        if (m_options.defaultLevel) {
            riskLevel = *m_options.defaultLevel;
        } else {
            issues.append(rejected(line, fieldLevel(), level, levelMissingReason()));
            ok = false;
        }
    } else if (const std::optional<RiskLevel> parsed = parseLevel(level)) {
        riskLevel = *parsed;
    } else {
        issues.append(rejected(line, fieldLevel(), level, levelInvalidReason()));
        ok = false;
    }

    QString text;
    cleaned = false;
    if (!message.isEmpty()) {
        if (const QString* known = cache ? cache->find(message) : nullptr) {
            text = *known;
        } else if (MessageRules::isValid(message)) {
            text = cache ? cache->insert(message) : message.toString();
        } else if (m_options.cleanMessages) {
            text = MessageRules::clean(message);
            cleaned = true;
        } else {
            for (const MessageRules::Violation& violation : MessageRules::check(message))
                issues.append(rejected(line, fieldMessage(), message, violation.reason));
            ok = false;
        }
    }
    if (!ok) {
        setRowFields(issues, firstIssue, ip, level, message);
        return false;
    }
    out.ip = std::move(address.canonical);
    out.level = riskLevel;
    out.message = std::move(text);
    out.sourceLine = line;
    return true;
}

RiskRowImporter::RowCheck RiskRowImporter::validateRow(QStringView ip, QStringView level, QStringView message,
                                                       qint64 line) const {
    RowCheck check;
    RiskSubject subject;
    if (checkRow(ip.trimmed(), level.trimmed(), message.trimmed(), line, subject, check.issues,
                 check.messageCleaned, nullptr))
        check.subject = std::move(subject);
    return check;
}

// Auto: a plain list only when every line is one address, optionally followed by a comment
// ("1.2.3.4 # scanner", Spamhaus' "1.10.16.0/20 ; SBL256894" and its "; ..." lines), and at least
// one comment is there. Anything else is CSV, so a column that is not a level gets rejected rows
// rather than being ignored: ignoring data is for an explicit PlainList only.
ImportOptions::Format RiskRowImporter::resolveFormat(const QStringList& sample, QChar delimiter,
                                                     QString* hint) const {
    if (sample.isEmpty())
        return ImportOptions::Format::Csv;
    if (looksLikeHeader(CsvReader::splitLine(sample.first(), delimiter)))
        return ImportOptions::Format::Csv; // only CSV has a header
    bool plainShape = true;
    bool comments = false;
    int multi = 0;
    int numericSecond = 0;
    for (const QString& line : sample) {
        const QStringView text = QStringView(line).trimmed();
        const QStringList fields = CsvReader::splitLine(line, delimiter);
        if (fields.size() >= 2) {
            ++multi;
            bool number = false;
            fields[1].toLongLong(&number);
            numericSecond += number ? 1 : 0;
        }
        if (text.startsWith(u';')) {
            comments = true;
            continue;
        }
        const QStringView rest = text.sliced(firstToken(text).size()).trimmed();
        if (rest.isEmpty())
            continue;
        const bool hashComment = rest.startsWith(u'#');
        const bool semicolonComment =
            rest.startsWith(u';') && !RiskLevels::parse(CsvReader::splitLine(line, QChar(u';')).value(1));
        if (hashComment || semicolonComment)
            comments = true;
        else
            plainShape = false;
    }
    if (plainShape && comments)
        return ImportOptions::Format::PlainList;
    if (hint && multi > 0 && numericSecond == multi) {
        *hint = tr("the second column holds numbers, not risk levels: if this is a plain IP list "
                   "(such as IPsum's \"ip count\"), import it as a plain list with a default level");
    }
    return ImportOptions::Format::Csv;
}

ImportResult RiskRowImporter::import(QIODevice* device, const std::atomic_bool* cancel,
                                     const ProgressCallback& progress) const {
    ImportResult result;
    if (!device || !device->isReadable()) {
        result.error =
            tr("the input cannot be read: %1").arg(device ? device->errorString() : tr("no input"));
        return result;
    }

    CsvReader reader(device);
    reader.setMaxRecordLength(m_options.maxRowLength);
    reader.setCancelFlag(cancel); // a 10 GB line is skipped in one readRecord(): stop it too
    const QStringList sample = reader.sampleLines();
    const QChar delimiter =
        m_options.delimiter.isNull() ? CsvReader::detectDelimiter(sample, kMaxColumns) : m_options.delimiter;
    const ImportOptions::Format format = m_options.format == ImportOptions::Format::Auto
                                             ? resolveFormat(sample, delimiter, &result.hint)
                                             : m_options.format;
    const bool plain = format == ImportOptions::Format::PlainList;
    result.format = format;
    if (plain) {
        reader.setDelimiter(QChar());
        reader.setQuoting(false);
        if (!m_options.defaultLevel) {
            result.error = tr("a plain IP list carries no risk levels: choose a default level");
            return result;
        }
    } else {
        reader.setDelimiter(delimiter);
        result.delimiter = delimiter;
    }

    SubjectDeduplicator subjects;
    QList<ValidationIssue> mergedIssues; // apart from the Rejected ones (already in input order)
    if (!device->isSequential() && !sample.isEmpty()) {
        // Rows to expect, from the sample's line length (+1 for the line end): reserving once
        // spares moving a million subjects while the lists grow. Capacity only; pages never
        // touched cost no memory, so an estimate a little high is harmless.
        qint64 sampleChars = 0;
        for (const QString& line : sample)
            sampleChars += line.size() + 1;
        const qint64 bytesPerRow = std::max<qint64>(8, sampleChars / sample.size());
        const qint64 rows = (device->size() - device->pos()) / bytesPerRow;
        const qsizetype estimate =
            static_cast<qsizetype>(std::clamp<qint64>(rows + rows / 8, 0, 16 * 1024 * 1024));
        subjects.reserve(estimate);
        result.issues.reserve(estimate / 8);
        mergedIssues.reserve(estimate / 16);
    }
    MessageCache cache;
    std::vector<RiskSubject> pending; // valid rows on their way into `subjects`, a batch at a time
    pending.reserve(kBatch);
    Columns columns;
    CsvReader::Record record;
    bool first = true;
    qint64 lastProgress = 0;
    while (reader.readRecord(record)) {
        if (first) {
            first = false;
            if (record.error.isEmpty() && !plain && looksLikeHeader(record.fields)) {
                const std::optional<Columns> named =
                    readHeader(record.fields, record.line, m_options.defaultLevel.has_value(), &result.error);
                if (!named) {
                    result.bytesRead = reader.bytesRead();
                    return result; // nothing is imported under a header that cannot be trusted
                }
                columns = *named;
                result.hasHeader = true;
                continue;
            } else if (record.error.isEmpty() && plain && !record.fields.isEmpty() &&
                       columnForName(firstToken(record.fields.first())) == Column::Ip) {
                result.hasHeader = true; // "ip" on top of a plain list
                continue;
            }
        }

        ++result.rows;
        const qint64 line = record.line;
        if (!record.error.isEmpty()) {
            result.issues.append(rejected(line, fieldRow(), record.errorText, record.error));
            ++result.rejected;
        } else {
            QStringView ip;
            QStringView level;
            QStringView message;
            const auto& fields = record.fields;
            const qsizetype n = fields.size();
            bool shapeOk = true;
            if (plain) {
                ip = firstToken(fields.value(0));
                if (ip.isEmpty()) {
                    // E.g. Spamhaus' "; comment" lines: show the whole line, there is no token.
                    result.issues.append(
                        rejected(line, fieldIp(), fields.value(0),
                                 IpAddressParser::reasonText(IpAddressParser::Problem::Missing)));
                    shapeOk = false;
                }
            } else if (n > columns.count) {
                result.issues.append(
                    rejected(line, fieldRow(), joinFields(fields, delimiter),
                             tr("row has %1 fields but there are only %2 columns (%3): extra fields are not "
                                "guessed")
                                 .arg(n)
                                 .arg(columns.count)
                                 .arg(columns.names)));
                shapeOk = false;
            } else {
                if (columns.ip < n)
                    ip = fields[columns.ip];
                if (columns.level >= 0 && columns.level < n)
                    level = fields[columns.level];
                if (columns.message >= 0 && columns.message < n)
                    message = fields[columns.message];
            }
            if (!shapeOk && !plain && n > columns.count) {
                // Too many fields: the named columns still say what the row meant.
                const auto field = [&fields](int column) {
                    return column >= 0 ? QStringView(fields[column]) : QStringView();
                };
                setRowFields(result.issues, result.issues.size() - 1, field(columns.ip), field(columns.level),
                             field(columns.message));
            }
            bool cleaned = false;
            if (!shapeOk) {
                ++result.rejected;
            } else if (checkRow(ip, level, message, line, pending.emplace_back(), result.issues, cleaned,
                                &cache)) {
                result.cleanedMessages += cleaned ? 1 : 0;
                if (pending.size() == kBatch)
                    subjects.addBatch(pending, mergedIssues);
            } else {
                pending.pop_back();
                ++result.rejected;
            }
        }

        // Once per chunk read: cancel and progress cost nothing per row.
        if (reader.bytesRead() != lastProgress) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                break;
            }
            lastProgress = reader.bytesRead();
            if (progress)
                progress(lastProgress);
        }
    }
    if (!result.cancelled && cancel && cancel->load(std::memory_order_relaxed))
        result.cancelled = true;
    subjects.addBatch(pending, mergedIssues);
    // A row replaced by a later, higher one is reported when that one comes: put the Merged
    // issues in input order, then merge them with the Rejected ones.
    if (!mergedIssues.isEmpty()) {
        auto byLine = [](const ValidationIssue& a, const ValidationIssue& b) {
            return a.line < b.line;
        };
        std::stable_sort(mergedIssues.begin(), mergedIssues.end(), byLine);
        const qsizetype rejectedCount = result.issues.size();
        result.issues.reserve(rejectedCount + mergedIssues.size());
        std::move(mergedIssues.begin(), mergedIssues.end(), std::back_inserter(result.issues));
        mergedIssues = QList<ValidationIssue>();
        std::inplace_merge(result.issues.begin(), result.issues.begin() + rejectedCount, result.issues.end(),
                           byLine);
    }

    result.merged = subjects.mergedCount();
    result.subjects = subjects.takeSubjects();
    result.valid = result.subjects.size();
    for (const RiskSubject& s : std::as_const(result.subjects))
        ++result.perLevel[static_cast<size_t>(s.level)];
    result.bytesRead = reader.bytesRead();
    if (progress && (result.bytesRead != lastProgress || result.bytesRead == 0))
        progress(result.bytesRead);
    return result;
}

ImportResult RiskRowImporter::importFile(const QString& path, const std::atomic_bool* cancel,
                                         const ProgressCallback& progress) const {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportResult result;
        result.error = tr("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return import(&file, cancel, progress);
}

ImportResult RiskRowImporter::importText(const QString& text) const {
    QByteArray bytes = text.toUtf8();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return import(&buffer);
}
