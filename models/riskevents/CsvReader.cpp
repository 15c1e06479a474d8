#include "riskevents/CsvReader.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

// Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence; the rest is
// decoded with the next chunk (a stateless decoder would turn a split character into U+FFFD).
qsizetype completeUtf8Prefix(QByteArrayView bytes) {
    const qsizetype size = bytes.size();
    qsizetype i = size - 1;
    int continuation = 0;
    while (i >= 0 && continuation < 3 && (static_cast<quint8>(bytes[i]) & 0xc0) == 0x80) {
        --i;
        ++continuation;
    }
    if (i < 0)
        return size;
    const quint8 lead = static_cast<quint8>(bytes[i]);
    const qsizetype need = lead >= 0xf8 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return i + need > size ? i : size;
}

// Copies the leading ASCII bytes of `in` as UTF-16 into `out`; returns how many there were.
qsizetype widenAscii(const char* in, qsizetype size, char16_t* out) {
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; i + 16 <= size; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
        if (_mm_movemask_epi8(bytes) != 0)
            break; // a byte >= 0x80 in this block
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_unpacklo_epi8(bytes, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i + 8), _mm_unpackhi_epi8(bytes, zero));
    }
#endif
    for (; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(in[i]);
        if (byte >= 0x80)
            break;
        out[i] = byte;
    }
    return i;
}

inline bool isLineBreak(char16_t c) {
    return c == u'\n' || c == u'\r';
}

// First delimiter or line break in [p, end), or end. Eight UTF-16 units per step where SSE2 is
// there (every x86-64): this scan is the bulk of reading a large file.
const char16_t* findFieldEnd(const char16_t* p, const char16_t* end, char16_t delim) {
#if defined(__SSE2__)
    const __m128i delims = _mm_set1_epi16(static_cast<short>(delim));
    const __m128i lf = _mm_set1_epi16(u'\n');
    const __m128i cr = _mm_set1_epi16(u'\r');
    while (end - p >= 8) {
        const __m128i chars = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(chars, delims), _mm_cmpeq_epi16(chars, lf)),
                         _mm_cmpeq_epi16(chars, cr));
        const int mask = _mm_movemask_epi8(hits);
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask)) / 2;
        p += 8;
    }
#endif
    for (; p != end; ++p) {
        const char16_t c = *p;
        if (c == delim || (c <= u'\r' && isLineBreak(c)))
            break;
    }
    return p;
}

QString unterminatedReason(qint64 quoteLine, qint64 lastLine) {
    return QCoreApplication::translate(
               "CsvReader",
               "unterminated quoted field: the quote opened on line %1 is never closed, so the rest "
               "of the input (to line %2) was read into it")
        .arg(quoteLine)
        .arg(lastLine);
}

} // namespace

CsvReader::CsvReader(QIODevice* device)
    : m_device(device)
    , m_decoder(QStringDecoder::Utf8,
                QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom) {}

void CsvReader::setDelimiter(QChar delimiter) {
    m_delim = delimiter.isNull() ? u'\n' : delimiter.unicode();
}

QChar CsvReader::delimiter() const {
    return m_delim == u'\n' ? QChar() : QChar(m_delim);
}

bool CsvReader::fill() {
    if (m_eof)
        return false;
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        m_eof = true;
        return false;
    }
    if (m_pos > 0) {
        m_buf.remove(0, m_pos); // only the unfinished record is kept
        m_pos = 0;
    }
    const qsizetype carried = m_raw.size();
    m_raw.resize(carried + m_chunk);
    const qint64 got = m_device ? m_device->read(m_raw.data() + carried, m_chunk) : -1;
    const bool last = got <= 0;
    m_raw.resize(carried + (last ? 0 : got));
    if (!last)
        m_bytesRead += got;

    QByteArrayView bytes(m_raw);
    if (!m_bomChecked) {
        if (bytes.size() < 3 && !last)
            return true; // cannot tell a BOM yet
        if (bytes.startsWith("\xEF\xBB\xBF"))
            bytes = bytes.sliced(3);
        m_bomChecked = true;
    }
    const qsizetype cut = last ? bytes.size() : completeUtf8Prefix(bytes);
    const qsizetype old = m_buf.size();
    m_buf.resize(old + std::max(cut, m_decoder.requiredSpace(cut)));
    char16_t* out = reinterpret_cast<char16_t*>(m_buf.data()) + old;
    // Feeds are nearly all ASCII: widen that part directly, the decoder takes over at the first
    // other byte (an ASCII prefix never ends inside a UTF-8 sequence).
    const qsizetype ascii = widenAscii(bytes.data(), cut, out);
    out += ascii;
    if (ascii < cut)
        out = reinterpret_cast<char16_t*>(
            m_decoder.appendToBuffer(reinterpret_cast<QChar*>(out), bytes.sliced(ascii, cut - ascii)));
    m_buf.resize(out - reinterpret_cast<const char16_t*>(m_buf.constData()));
    const qsizetype rest = bytes.size() - cut;
    if (rest > 0)
        std::memmove(m_raw.data(), bytes.data() + cut, static_cast<size_t>(rest));
    m_raw.resize(rest);
    if (last)
        m_eof = true;
    return true;
}

bool CsvReader::readRecord(Record& record) {
    record.fields.clear();
    record.error.clear();
    record.errorText.clear();
    for (;;) {
        switch (parseRecord(record)) {
        case Step::Record:
            return true;
        case Step::End:
            return false;
        case Step::Oversized:
            skipOversized(record);
            return true;
        case Step::NeedMore:
            break;
        }
        // +1: a CR at the end of what was read waits for a possible LF, and is not part of the
        // record; without it a row of exactly the limit would fail only when cut there.
        if (m_buf.size() - m_pos > m_maxRecord + 1) {
            skipOversized(record);
            return true;
        }
        fill();
    }
}

CsvReader::Step CsvReader::parseRecord(Record& record) {
    const char16_t* const base = reinterpret_cast<const char16_t*>(m_buf.constData());
    const char16_t* const end = base + m_buf.size();
    const char16_t* p = base + m_pos;
    const char16_t delim = m_delim;
    const bool tabIsBlank = delim != u'\t';
    const bool eof = m_eof;

    // Skip blank and comment lines. Each one is committed at once, so a restart after reading
    // more input does not count its line twice; a comment is dropped as it is read, whatever
    // its length.
    for (;;) {
        const char16_t* q = p;
        if (!m_inComment) {
            while (q != end && (*q == u' ' || *q == u'\t'))
                ++q;
            if (q == end) {
                if (!eof) {
                    // More blanks than a record may hold, and no end in sight: drop them (memory
                    // stays bounded) and remember that a record after them is too long. A blank or
                    // comment line stays skipped, as when the line is read at once (found by fuzzing).
                    if (q - p > m_maxRecord) {
                        m_longIndent = true;
                        m_pos = q - base;
                    }
                    return Step::NeedMore;
                }
                m_pos = m_buf.size();
                return Step::End;
            }
            m_inComment = *q == u'#';
            if (m_inComment)
                m_longIndent = false;
        }
        if (m_inComment) {
            while (q != end && !isLineBreak(*q))
                ++q;
            if (q == end) {
                m_pos = m_buf.size();
                return eof ? Step::End : Step::NeedMore;
            }
            m_inComment = false;
        }
        if (!isLineBreak(*q)) {
            if (m_longIndent) {
                m_longIndent = false;
                m_pos = q - base;
                return Step::Oversized;
            }
            break;
        }
        m_longIndent = false;
        if (*q == u'\r') {
            if (q + 1 == end && !eof) {
                m_pos = q - base;      // resume at the CR (maybe the end of a long comment)
                return Step::NeedMore; // a CRLF may be split between two reads
            }
            ++q;
            if (q != end && *q == u'\n')
                ++q;
        } else {
            ++q;
        }
        ++m_line;
        p = q;
        m_pos = p - base;
    }

    // One record from p. Nothing is committed until it is complete: on NeedMore the caller
    // reads more and the record is parsed again from its start.
    const char16_t* const start = p;
    qint64 line = m_line;
    m_escaped.clear();
    m_scratch.clear();
    record.fields.clear(); // views straight into the buffer, which does not move during a parse
    QString error;
    int fieldIndex = 0;
    bool atEnd = false;
    for (;;) {
        while (p != end && (*p == u' ' || (*p == u'\t' && tabIsBlank)))
            ++p;
        if (m_quoting && p != end && *p == u'"') {
            const qint64 quoteLine = line;
            ++p;
            const char16_t* segment = p;
            bool escaped = false;
            const qsizetype scratchStart = m_scratch.size();
            bool closed = false;
            for (;;) {
                while (p != end && *p != u'"') {
                    // CR counts a line; LF counts one unless it ends a CRLF.
                    if (*p == u'\r' || (*p == u'\n' && p[-1] != u'\r'))
                        ++line;
                    ++p;
                }
                if (p == end) {
                    if (!eof)
                        return Step::NeedMore;
                    break; // unterminated
                }
                if (p + 1 == end && !eof)
                    return Step::NeedMore; // is it a doubled quote?
                if (p + 1 != end && p[1] == u'"') {
                    m_scratch.append(reinterpret_cast<const QChar*>(segment), p + 1 - segment);
                    escaped = true;
                    p += 2;
                    segment = p;
                    continue;
                }
                closed = true;
                break;
            }
            if (escaped) {
                m_scratch.append(reinterpret_cast<const QChar*>(segment), p - segment);
                // The scratch text may still move while this record is parsed: fixed up at the end.
                m_escaped.push_back({record.fields.size(), scratchStart, m_scratch.size() - scratchStart});
                record.fields.append(QStringView());
            } else {
                record.fields.append(QStringView(segment, p - segment));
            }
            if (!closed) {
                // The last line with text in it (the input usually ends with a line break).
                const qint64 lastTextLine = p != segment && isLineBreak(p[-1]) ? line - 1 : line;
                if (error.isEmpty())
                    error = unterminatedReason(quoteLine, lastTextLine);
                line = lastTextLine;
                atEnd = true;
                break;
            }
            ++p; // the closing quote
            while (p != end && (*p == u' ' || (*p == u'\t' && tabIsBlank)))
                ++p;
            if (p != end && *p != delim && !isLineBreak(*p)) {
                if (error.isEmpty())
                    error = tr("unexpected text after the closing quote of field %1: quote the whole "
                               "field and double any quote inside it")
                                .arg(fieldIndex + 1);
                while (p != end && *p != delim && !isLineBreak(*p))
                    ++p;
            }
        } else {
            const char16_t* fieldStart = p;
            p = findFieldEnd(p, end, delim);
            const char16_t* fieldEnd = p;
            while (fieldEnd != fieldStart && (fieldEnd[-1] == u' ' || (fieldEnd[-1] == u'\t' && tabIsBlank)))
                --fieldEnd;
            record.fields.append(QStringView(fieldStart, fieldEnd - fieldStart));
        }
        ++fieldIndex;
        if (p == end) {
            if (!eof)
                return Step::NeedMore;
            atEnd = true;
            break;
        }
        if (*p == delim && delim != u'\n') {
            ++p;
            continue;
        }
        break; // a line break ends the record
    }

    const qint64 lastLine = line;
    const char16_t* recordEnd = p;
    if (!atEnd) {
        if (*p == u'\r') {
            if (p + 1 == end && !eof)
                return Step::NeedMore;
            ++p;
            if (p != end && *p == u'\n')
                ++p;
        } else {
            ++p;
        }
        ++line;
    }

    record.line = m_line;
    record.lastLine = lastLine;
    if (recordEnd - start > m_maxRecord) {
        // Same limit whether or not the record happened to fit in one read.
        record.error = tr("row is longer than %1 characters").arg(m_maxRecord);
        record.errorText =
            QString(reinterpret_cast<const QChar*>(start), std::min(ErrorTextLimit, m_maxRecord));
        record.fields.clear();
    } else {
        record.error = error;
        if (!error.isEmpty())
            record.errorText = QString(reinterpret_cast<const QChar*>(start), recordEnd - start);
        const QStringView scratch(m_scratch);
        for (const Escaped& field : m_escaped)
            record.fields[field.index] = scratch.sliced(field.start, field.length);
    }
    m_pos = p - base;
    m_line = line;
    return Step::Record;
}

// A record longer than the limit: report it and skip to its end without keeping it, following
// the quoting rules so the next record starts where it really does.
void CsvReader::skipOversized(Record& record) {
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterQuote };
    record.line = m_line;
    record.errorText = m_buf.mid(m_pos, std::min(ErrorTextLimit, m_maxRecord));
    record.fields.clear();
    const char16_t delim = m_delim;
    State state = State::FieldStart;
    qint64 line = m_line;
    qint64 quoteLine = 0;
    bool previousCr = false;
    bool lastWasBreak = false;
    bool done = false;
    while (!done) {
        const char16_t* const base = reinterpret_cast<const char16_t*>(m_buf.constData());
        const char16_t* const end = base + m_buf.size();
        const char16_t* p = base + m_pos;
        for (; p != end; ++p) {
            const char16_t c = *p;
            const bool quoted = state == State::Quoted;
            if (quoted) {
                if (c == u'"')
                    state = State::QuoteInQuoted;
                else if (c == u'\r' || (c == u'\n' && !previousCr))
                    ++line;
                previousCr = c == u'\r';
                lastWasBreak = isLineBreak(c);
                continue;
            }
            if (isLineBreak(c)) {
                if (c == u'\r') {
                    if (p + 1 == end && !m_eof)
                        break; // read on: CRLF may be split
                    if (p + 1 != end && p[1] == u'\n')
                        ++p;
                }
                ++p;
                done = true;
                break;
            }
            if (c == delim) {
                state = State::FieldStart;
                continue;
            }
            switch (state) {
            case State::FieldStart:
                if (c == u'"' && m_quoting) {
                    state = State::Quoted;
                    quoteLine = line;
                    previousCr = false;
                } else if (c != u' ' && c != u'\t') {
                    state = State::Unquoted;
                }
                break;
            case State::QuoteInQuoted:
                state = c == u'"' ? State::Quoted : State::AfterQuote;
                break;
            default:
                break;
            }
        }
        m_pos = p - base;
        if (done)
            break;
        if (!fill())
            break; // end of input
    }
    if (state == State::Quoted && lastWasBreak)
        --line; // the input ended with a line break inside the quotes
    record.lastLine = line;
    m_line = done ? line + 1 : line;
    if (state == State::Quoted)
        record.error = unterminatedReason(quoteLine, line);
    else
        record.error = tr("row is longer than %1 characters").arg(m_maxRecord);
    // Keep the buffer small: what was skipped is gone.
    if (m_pos > 0) {
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
}

QStringList CsvReader::sampleLines(int maxLines, qsizetype maxChars) {
    while (!m_eof && m_buf.size() - m_pos < maxChars)
        fill();
    QStringList lines;
    const QStringView text = QStringView(m_buf).sliced(m_pos);
    qsizetype i = 0;
    while (i < text.size() && lines.size() < maxLines) {
        qsizetype j = i;
        while (j < text.size() && !isLineBreak(text[j].unicode()))
            ++j;
        if (j == text.size() && !m_eof)
            break; // a partial last line says nothing reliable
        const QStringView line = text.sliced(i, j - i);
        qsizetype k = 0;
        while (k < line.size() && (line[k] == u' ' || line[k] == u'\t'))
            ++k;
        if (k < line.size() && line[k] != u'#')
            lines.append(line.toString());
        i = j;
        if (i < text.size() && text[i] == u'\r')
            ++i;
        if (i < text.size() && text[i] == u'\n')
            ++i;
    }
    return lines;
}

QChar CsvReader::detectDelimiter(int maxFields) {
    const QChar chosen = detectDelimiter(sampleLines(), maxFields);
    setDelimiter(chosen);
    return chosen;
}

QChar CsvReader::detectDelimiter(const QStringList& lines, int maxFields) {
    static constexpr char16_t candidates[] = {u'\t', u',', u';'};
    int bestFits = 0;
    int bestPresent = 0;
    QChar byFits;
    QChar byPresence;
    for (char16_t candidate : candidates) {
        int fits = 0;
        int present = 0;
        for (const QString& line : lines) {
            const QStringList fields = splitLine(line, QChar(candidate));
            if (fields.size() < 2)
                continue;
            ++present;
            if (fields.size() > maxFields)
                continue;
            const QString& first = fields.first();
            bool clean = !first.isEmpty();
            for (char16_t other : candidates)
                clean = clean && !first.contains(QChar(other));
            if (clean)
                ++fits;
        }
        if (fits > bestFits) {
            bestFits = fits;
            byFits = QChar(candidate);
        }
        if (present > bestPresent) {
            bestPresent = present;
            byPresence = QChar(candidate);
        }
    }
    if (!byFits.isNull())
        return byFits;
    if (!byPresence.isNull())
        return byPresence;
    return QLatin1Char(',');
}

QStringList CsvReader::splitLine(QStringView line, QChar delimiter) {
    QStringList fields;
    if (delimiter.isNull()) {
        fields.append(line.trimmed().toString());
        return fields;
    }
    const bool tabIsBlank = delimiter != u'\t';
    auto blank = [tabIsBlank](QChar c) {
        return c == u' ' || (c == u'\t' && tabIsBlank);
    };
    qsizetype i = 0;
    const qsizetype n = line.size();
    for (;;) {
        while (i < n && blank(line[i]))
            ++i;
        QString field;
        if (i < n && line[i] == u'"') {
            ++i;
            while (i < n) {
                if (line[i] == u'"') {
                    if (i + 1 < n && line[i + 1] == u'"') {
                        field.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.append(line[i++]);
            }
            while (i < n && line[i] != delimiter)
                ++i;
        } else {
            const qsizetype s = i;
            while (i < n && line[i] != delimiter)
                ++i;
            qsizetype e = i;
            while (e > s && blank(line[e - 1]))
                --e;
            field = line.sliced(s, e - s).toString();
        }
        fields.append(field);
        if (i >= n)
            break;
        ++i; // the delimiter
    }
    return fields;
}
