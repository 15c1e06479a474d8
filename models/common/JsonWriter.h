#pragma once

#include <QByteArray>
#include <QString>

#include <cstring>

// Hand-written JSON for hot paths (a million subjects), where QJsonDocument is far too slow.
// Appends to a QByteArray through a raw pointer; reserve() the expected size first and the
// buffer never grows for ASCII content (plainStringSize() gives that size).
class JsonWriter {
public:
    explicit JsonWriter(QByteArray& out);
    ~JsonWriter();
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void reserve(qsizetype bytes) { ensure(bytes); }
    // Raw bytes, copied as they are.
    void raw(const char* data, qsizetype size) {
        ensure(size);
        std::memcpy(m_p, data, static_cast<size_t>(size));
        m_p += size;
    }
    void raw(const QByteArray& data) { raw(data.constData(), data.size()); }
    void raw(char c) {
        ensure(1);
        *m_p++ = c;
    }
    // `text` as a JSON string, quotes included, in UTF-8; quotes, backslashes and control
    // characters escaped, lone surrogates as \uXXXX.
    void string(const QString& text) {
        const qsizetype n = text.size();
        ensure(n + 2);
        // Branch-free narrowing copy through restrict-qualified locals, which the compiler
        // vectorises; anything special sends the whole string down the slow path instead.
        char* __restrict out = m_p + 1;
        const char16_t* __restrict in = reinterpret_cast<const char16_t*>(text.utf16());
        unsigned special = 0;
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = in[i];
            out[i] = static_cast<char>(c);
            // Outside 0x20..0x7f, or a quote, or a backslash.
            special |= static_cast<unsigned>(static_cast<char16_t>(c - 0x20) >= 0x60) |
                       static_cast<unsigned>(c == u'"') | static_cast<unsigned>(c == u'\\');
        }
        if (special) {
            slowString(text);
            return;
        }
        *m_p = '"';
        m_p = out + n;
        *m_p++ = '"';
    }
    // Bytes string() writes for `text` when it is plain printable ASCII (a lower bound otherwise).
    static qsizetype plainStringSize(const QString& text) { return text.size() + 2; }

    // Makes the QByteArray's size what was written (also done by the destructor).
    void finish();

private:
    void ensure(qsizetype bytes) {
        if (m_end - m_p < bytes)
            grow(bytes);
    }
    void grow(qsizetype bytes);
    void slowString(const QString& text);

    QByteArray& m_out;
    char* m_p;
    char* m_end;
};
