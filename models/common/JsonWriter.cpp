#include "common/JsonWriter.h"

namespace {
constexpr char Hex[] = "0123456789abcdef";
} // namespace

JsonWriter::JsonWriter(QByteArray& out)
    : m_out(out) {
    const qsizetype size = m_out.size();
    m_out.resize(m_out.capacity() > size ? m_out.capacity() : size);
    m_p = m_out.data() + size;
    m_end = m_out.data() + m_out.size();
}

JsonWriter::~JsonWriter() {
    finish();
}

void JsonWriter::finish() {
    m_out.resize(m_p - m_out.constData());
    // Keep writing possible after finish(): the pointers stay valid for the current buffer.
    m_p = m_out.data() + m_out.size();
    m_end = m_p;
}

void JsonWriter::grow(qsizetype bytes) {
    const qsizetype used = m_p - m_out.constData();
    const qsizetype needed = used + bytes;
    m_out.resize(qMax(needed, m_out.size() * 2));
    m_p = m_out.data() + used;
    m_end = m_out.data() + m_out.size();
}

void JsonWriter::slowString(const QString& text) {
    ensure(2 + 6 * text.size()); // worst case: every UTF-16 unit escaped as \uXXXX
    char* p = m_p;
    *p++ = '"';
    const QChar* s = text.constData();
    const QChar* end = s + text.size();
    while (s < end) {
        const char16_t c = (s++)->unicode();
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *p++ = static_cast<char>(c);
            } else if (c == '"' || c == '\\') {
                *p++ = '\\';
                *p++ = static_cast<char>(c);
            } else {
                *p++ = '\\';
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = Hex[(c >> 4) & 0xf];
                *p++ = Hex[c & 0xf];
            }
        } else if (c < 0x800) {
            *p++ = static_cast<char>(0xc0 | (c >> 6));
            *p++ = static_cast<char>(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && s < end && s->isLowSurrogate()) {
            const char32_t u = QChar::surrogateToUcs4(c, (s++)->unicode());
            *p++ = static_cast<char>(0xf0 | (u >> 18));
            *p++ = static_cast<char>(0x80 | ((u >> 12) & 0x3f));
            *p++ = static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            *p++ = static_cast<char>(0x80 | (u & 0x3f));
        } else if (QChar::isSurrogate(c)) {
            // A lone surrogate is not valid UTF-8; escaped, the JSON stays well-formed.
            *p++ = '\\';
            *p++ = 'u';
            *p++ = Hex[(c >> 12) & 0xf];
            *p++ = Hex[(c >> 8) & 0xf];
            *p++ = Hex[(c >> 4) & 0xf];
            *p++ = Hex[c & 0xf];
        } else {
            *p++ = static_cast<char>(0xe0 | (c >> 12));
            *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            *p++ = static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    *p++ = '"';
    m_p = p;
}
