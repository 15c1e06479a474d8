// CsvReader: RFC 4180 over a stream. Every case runs with several read sizes (1 byte up to a
// normal chunk) so CRLF pairs, doubled quotes and UTF-8 sequences split between reads are covered.
#include "riskevents/CsvReader.h"

#include <QBuffer>
#include <QTest>

namespace {

struct ReadSetup {
    QChar delimiter = u',';
    bool quoting = true;
    qsizetype maxRecord = CsvReader::DefaultMaxRecordLength;
};

// Records as "line[-lastLine] field|field" or "line[-lastLine] !error".
QStringList readAll(const QByteArray& bytes, qsizetype chunk, const ReadSetup& setup = {}) {
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setChunkSize(chunk);
    reader.setDelimiter(setup.delimiter);
    reader.setQuoting(setup.quoting);
    reader.setMaxRecordLength(setup.maxRecord);
    QStringList out;
    CsvReader::Record record;
    while (reader.readRecord(record)) {
        QString text = QString::number(record.line);
        if (record.lastLine != record.line)
            text += QLatin1Char('-') + QString::number(record.lastLine);
        if (!record.error.isEmpty()) {
            text += QStringLiteral(" !") + record.error;
        } else {
            QStringList fields;
            for (QStringView field : std::as_const(record.fields))
                fields.append(field.toString());
            text += QLatin1Char(' ') + fields.join(QLatin1Char('|'));
        }
        out.append(text);
        if (out.size() > 10000)
            break; // a reader that never ends would hang the test otherwise
    }
    return out;
}

const qsizetype kChunks[] = {1, 2, 3, 5, 7, 64 * 1024};

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
private slots:
    void records_data();
    void records();
    void tabDelimiter_data();
    void tabDelimiter();
    void otherModes();
    void oversized_data();
    void oversized();
    void truncatedUtf8AtEnd();
    void tenMegabyteLine();
    void detectDelimiter_data();
    void detectDelimiter();
    void sampleDoesNotConsume();
    void bytesRead();
};

void TestCsvReader::records_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    const QString afterQuote =
        QStringLiteral("unexpected text after the closing quote of field 1: quote the whole "
                       "field and double any quote inside it");

    // Line ends
    QTest::newRow("LF") << QByteArray("a,b,c\nd,e,f\n") << QStringList{"1 a|b|c", "2 d|e|f"};
    QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n") << QStringList{"1 a|b", "2 c|d"};
    QTest::newRow("CR") << QByteArray("a,b\rc,d\r") << QStringList{"1 a|b", "2 c|d"};
    QTest::newRow("mixed") << QByteArray("a\r\nb\nc\rd") << QStringList{"1 a", "2 b", "3 c", "4 d"};
    QTest::newRow("no final line break") << QByteArray("a,b") << QStringList{"1 a|b"};
    QTest::newRow("LF CR is two lines") << QByteArray("a\n\rb\n") << QStringList{"1 a", "3 b"};

    // BOM and empty input
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFip,level\n1,2\n") << QStringList{"1 ip|level", "2 1|2"};
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << QStringList{};
    QTest::newRow("BOM in the middle is data") << QByteArray("a\n\xEF\xBB\xBF"
                                                             "b\n")
                                               << QStringList{"1 a", QStringLiteral("2 \ufeffb")};
    QTest::newRow("empty") << QByteArray() << QStringList{};
    QTest::newRow("only blank lines") << QByteArray("\n\r\n  \n\t\n") << QStringList{};

    // Quoting
    QTest::newRow("quoted comma") << QByteArray("\"a,b\",c\n") << QStringList{"1 a,b|c"};
    QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",x\n") << QStringList{"1 say \"hi\"|x"};
    QTest::newRow("only a doubled quote") << QByteArray("\"\"\"\"\n") << QStringList{"1 \""};
    QTest::newRow("empty quoted") << QByteArray("\"\",x\n") << QStringList{"1 |x"};
    QTest::newRow("quoted LF") << QByteArray("a,\"l1\nl2\"\nb,c\n") << QStringList{"1-2 a|l1\nl2", "3 b|c"};
    QTest::newRow("quoted CRLF") << QByteArray("a,\"l1\r\nl2\"\r\nb\r\n")
                                 << QStringList{"1-2 a|l1\r\nl2", "3 b"};
    QTest::newRow("quoted CR") << QByteArray("a,\"l1\rl2\"\rb\r") << QStringList{"1-2 a|l1\rl2", "3 b"};
    QTest::newRow("quoted blank and # lines") << QByteArray("\"x\n\n# not a comment\n\",y\nz\n")
                                              << QStringList{"1-4 x\n\n# not a comment\n|y", "5 z"};
    QTest::newRow("blanks around quotes") << QByteArray(" \" a b \" ,\tc\n") << QStringList{"1  a b |c"};
    QTest::newRow("bare quote is literal") << QByteArray("a\"b,c\n") << QStringList{"1 a\"b|c"};
    QTest::newRow("text after closing quote")
        << QByteArray("\"a\"b,c\nd\n") << QStringList{"1 !" + afterQuote, "2 d"};
    QTest::newRow("unterminated at EOF")
        << QByteArray("a\n\"b,c\nd\n")
        << QStringList{
               "1 a",
               "2-3 !unterminated quoted field: the quote opened on line 2 is never closed, so the rest "
               "of the input (to line 3) was read into it"};
    QTest::newRow("unterminated, no final break")
        << QByteArray("a,\"b")
        << QStringList{
               "1 !unterminated quoted field: the quote opened on line 1 is never closed, so the rest "
               "of the input (to line 1) was read into it"};
    QTest::newRow("quote opened on a later line")
        << QByteArray("\"x\ny\",\"open\n")
        << QStringList{
               "1-2 !unterminated quoted field: the quote opened on line 2 is never closed, so the rest "
               "of the input (to line 2) was read into it"};

    // Trimming, blank and comment lines
    QTest::newRow("blanks trimmed") << QByteArray("  a  ,\tb\t, c \n") << QStringList{"1 a|b|c"};
    QTest::newRow("inner blanks kept") << QByteArray("a b,c\td\n") << QStringList{"1 a b|c\td"};
    QTest::newRow("comments and blank lines")
        << QByteArray("# c\n\n   \n  # indented\na\n\t\nb\n") << QStringList{"5 a", "7 b"};
    QTest::newRow("comment CRLF") << QByteArray("#c\r\n\r\na\r\n") << QStringList{"3 a"};
    QTest::newRow("comment at end, no break") << QByteArray("a\n# end") << QStringList{"1 a"};
    QTest::newRow("# inside a row") << QByteArray("a,#b\n") << QStringList{"1 a|#b"};

    // Empty fields
    QTest::newRow("empty fields") << QByteArray(",,\n") << QStringList{"1 ||"};
    QTest::newRow("trailing delimiter") << QByteArray("a,b,\n") << QStringList{"1 a|b|"};

    // Bytes an attacker may send
    QTest::newRow("invalid UTF-8") << QByteArray("a\xff,b\n") << QStringList{QStringLiteral("1 a\ufffd|b")};
    QTest::newRow("overlong UTF-8") << QByteArray("\xC0\xAF,b\n")
                                    << QStringList{QStringLiteral("1 \ufffd\ufffd|b")};
    QTest::newRow("multibyte") << QByteArray("caf\xC3\xA9,\xE2\x82\xAC,\xF0\x9F\x98\x80\n")
                               << QStringList{QStringLiteral("1 caf\u00e9|\u20ac|\U0001F600")};
    QTest::newRow("NUL") << QByteArray("a\0b,c\n", 6) << QStringList{QString::fromUtf16(u"1 a\0b|c", 7)};
}

void TestCsvReader::records() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    for (qsizetype chunk : kChunks) {
        const QStringList got = readAll(input, chunk);
        if (got != expected)
            qWarning() << "read size" << chunk << "got" << got;
        QCOMPARE(got, expected);
    }
}

void TestCsvReader::tabDelimiter_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("TSV keeps empty fields")
        << QByteArray("a\t\tc\n") << QChar(u'\t') << QStringList{"1 a||c"};
    QTest::newRow("TSV trims spaces only")
        << QByteArray(" a \t b \n") << QChar(u'\t') << QStringList{"1 a|b"};
    QTest::newRow("TSV tab-only line is blank")
        << QByteArray("a\tb\n\t\t\nc\td\n") << QChar(u'\t') << QStringList{"1 a|b", "3 c|d"};
    QTest::newRow("TSV quoted tab") << QByteArray("\"a\tb\"\tc\n") << QChar(u'\t') << QStringList{"1 a\tb|c"};
    QTest::newRow("TSV comma is data") << QByteArray("a,b\tc\n") << QChar(u'\t') << QStringList{"1 a,b|c"};
    QTest::newRow("semicolon") << QByteArray("a;b,c;d\n") << QChar(u';') << QStringList{"1 a|b,c|d"};
    QTest::newRow("semicolon quoted") << QByteArray("\"a;b\";c\n") << QChar(u';') << QStringList{"1 a;b|c"};
}

void TestCsvReader::tabDelimiter() {
    QFETCH(QByteArray, input);
    QFETCH(QChar, delimiter);
    QFETCH(QStringList, expected);
    ReadSetup setup;
    setup.delimiter = delimiter;
    for (qsizetype chunk : kChunks)
        QCOMPARE(readAll(input, chunk, setup), expected);
}

void TestCsvReader::otherModes() {
    ReadSetup plain;
    plain.delimiter = QChar();
    plain.quoting = false;
    for (qsizetype chunk : kChunks) {
        QCOMPARE(readAll("1.2.3.4 x,y\n\"5.6.7.8\n  # c\n9.9.9.9\t3\n", chunk, plain),
                 (QStringList{"1 1.2.3.4 x,y", "2 \"5.6.7.8", "4 9.9.9.9\t3"}));
    }
    ReadSetup noQuotes;
    noQuotes.quoting = false;
    QCOMPARE(readAll("\"a,b\n", 3, noQuotes), (QStringList{"1 \"a|b"}));
}

void TestCsvReader::oversized_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    const QString tooLong = QStringLiteral("!row is longer than 16 characters");
    QTest::newRow("long line") << QByteArray("short\n" + QByteArray(40, 'x') + "\nnext\n")
                               << QStringList{"1 short", "2 " + tooLong, "3 next"};
    QTest::newRow("long line CRLF") << QByteArray("short\r\n" + QByteArray(40, 'x') + "\r\nnext\r\n")
                                    << QStringList{"1 short", "2 " + tooLong, "3 next"};
    QTest::newRow("long quoted across lines")
        << QByteArray("\"" + QByteArray(30, 'x') + "\n" + QByteArray(5, 'y') + "\",z\nnext\n")
        << QStringList{"1-2 " + tooLong, "3 next"};
    QTest::newRow("long with doubled quotes") << QByteArray("\"" + QByteArray(30, 'x') + "\"\"\n\",z\nnext\n")
                                              << QStringList{"1-2 " + tooLong, "3 next"};
    QTest::newRow("long unterminated")
        << QByteArray("a\n\"" + QByteArray(40, 'x') + "\nmore\n")
        << QStringList{"1 a",
                       "2-3 !unterminated quoted field: the quote opened on line 2 is never closed, so "
                       "the rest of the input (to line 3) was read into it"};
    QTest::newRow("long comment is still a comment")
        << QByteArray("# " + QByteArray(40, 'x') + "\r\nnext\n") << QStringList{"2 next"};
    // Found by fuzz_csv_import: the CR of a row of exactly the limit, read last, waited for its LF
    // and made the row count as too long, but only with that cut between reads.
    QTest::newRow("exactly the limit, CRLF") << QByteArray(QByteArray(16, 'x') + "\r\nnext\r\n")
                                             << QStringList{"1 " + QString(16, u'x'), "2 next"};
    QTest::newRow("one over the limit, CRLF")
        << QByteArray(QByteArray(17, 'x') + "\r\nnext\r\n") << QStringList{"1 " + tooLong, "2 next"};
    // Found by fuzz_csv_import: blanks longer than the limit, cut by a read, made a blank or
    // comment line an over-long row.
    QTest::newRow("long blank line") << QByteArray("a\n" + QByteArray(40, ' ') + "\t\nnext\n")
                                     << QStringList{"1 a", "3 next"};
    QTest::newRow("long indent, then a comment")
        << QByteArray("a\n\t" + QByteArray(40, ' ') + "# note\r\nnext\n") << QStringList{"1 a", "3 next"};
    QTest::newRow("long indent, then a row") << QByteArray("a\n" + QByteArray(40, ' ') + "b,\"c\nd\"\nnext\n")
                                             << QStringList{"1 a", "2-3 " + tooLong, "4 next"};
    QTest::newRow("long last line, no break")
        << QByteArray("a\n" + QByteArray(40, 'x')) << QStringList{"1 a", "2 " + tooLong};
}

void TestCsvReader::oversized() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    ReadSetup setup;
    setup.maxRecord = 16;
    for (qsizetype chunk : kChunks) {
        const QStringList got = readAll(input, chunk, setup);
        if (got != expected)
            qWarning() << "read size" << chunk << "got" << got;
        QCOMPARE(got, expected);
    }
}

void TestCsvReader::truncatedUtf8AtEnd() {
    for (qsizetype chunk : kChunks) {
        const QStringList got = readAll(QByteArray("a,\xE2\x82"), chunk);
        QCOMPARE(got.size(), 1);
        QVERIFY(got.first().startsWith(QStringLiteral("1 a|\ufffd")));
    }
}

// An attacker's 10 MB line: rejected by length, skipped without keeping it, next line intact.
void TestCsvReader::tenMegabyteLine() {
    QByteArray input = "1.2.3.4,HIGH\n" + QByteArray(10 * 1024 * 1024, 'A') + "\n5.6.7.8,LOW\n";
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    CsvReader::Record record;
    QVERIFY(reader.readRecord(record));
    QCOMPARE(record.line, 1);
    QVERIFY(reader.readRecord(record));
    QCOMPARE(record.line, 2);
    QCOMPARE(record.error, QStringLiteral("row is longer than 65536 characters"));
    QCOMPARE(record.errorText, QString(CsvReader::ErrorTextLimit, u'A'));
    QVERIFY(reader.readRecord(record));
    QCOMPARE(record.line, 3);
    QCOMPARE(record.fields.size(), 2);
    QCOMPARE(record.fields[0], u"5.6.7.8");
    QVERIFY(!reader.readRecord(record));
}

void TestCsvReader::detectDelimiter_data() {
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QChar>("delimiter");
    QTest::newRow("comma") << QStringList{"1.2.3.4,HIGH,x", "5.6.7.8,LOW"} << QChar(u',');
    QTest::newRow("tab, commas in messages")
        << QStringList{"1.2.3.4\tHIGH\tscan, brute", "5.6.7.8\tLOW\ta, b"} << QChar(u'\t');
    QTest::newRow("semicolon, commas in messages")
        << QStringList{"1.2.3.4;HIGH;Scanner, seen", "5.6.7.8;LOW;a, b, c"} << QChar(u';');
    QTest::newRow("comma, semicolons in messages")
        << QStringList{"1.2.3.4,HIGH,a;b", "5.6.7.8,LOW,c;d"} << QChar(u',');
    QTest::newRow("semicolon header") << QStringList{"ip;level;message", "1.2.3.4;HIGH;x"} << QChar(u';');
    QTest::newRow("spaced header") << QStringList{"IP Address;Risk Level", "1.2.3.4;HIGH"} << QChar(u';');
    QTest::newRow("quoted delimiter") << QStringList{"\"1.2.3.4;x\",HIGH"} << QChar(u',');
    QTest::newRow("single column") << QStringList{"1.2.3.4", "5.6.7.8"} << QChar(u',');
    QTest::newRow("IPsum") << QStringList{"77.90.185.20\t10", "2.57.122.53\t9"} << QChar(u'\t');
    QTest::newRow("Spamhaus DROPv6") << QStringList{"; Spamhaus IPv6 DROP List",
                                                    "2001:678:254::/48 ; SBL697648"}
                                     << QChar(u';');
    QTest::newRow("too many fields: most present") << QStringList{"a,b,c,d", "e,f,g,h"} << QChar(u',');
    QTest::newRow("nothing") << QStringList{} << QChar(u',');
}

void TestCsvReader::detectDelimiter() {
    QFETCH(QStringList, lines);
    QFETCH(QChar, delimiter);
    QCOMPARE(CsvReader::detectDelimiter(lines, 3), delimiter);
}

void TestCsvReader::sampleDoesNotConsume() {
    QByteArray input("# feed\n\n1.2.3.4\tHIGH\n5.6.7.8\tLOW\n");
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setChunkSize(4);
    QCOMPARE(reader.sampleLines(), (QStringList{"1.2.3.4\tHIGH", "5.6.7.8\tLOW"}));
    QCOMPARE(reader.detectDelimiter(), QChar(u'\t'));
    CsvReader::Record record;
    QVERIFY(reader.readRecord(record));
    QCOMPARE(record.line, 3);
    QCOMPARE(record.fields.size(), 2);
    QVERIFY(reader.readRecord(record));
    QCOMPARE(record.line, 4);
    QVERIFY(!reader.readRecord(record));
}

void TestCsvReader::bytesRead() {
    QByteArray input = QByteArray("1.2.3.4,HIGH\n").repeated(1000);
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setChunkSize(1000);
    CsvReader::Record record;
    qint64 previous = 0;
    int records = 0;
    while (reader.readRecord(record)) {
        QVERIFY(reader.bytesRead() >= previous);
        previous = reader.bytesRead();
        ++records;
    }
    QCOMPARE(records, 1000);
    QCOMPARE(reader.bytesRead(), input.size());
}

QTEST_APPLESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
