// RiskRowImporter: sources (CSV/TSV/semicolon, pasted, plain lists, typed rows), header and
// column rules, one reason per problem, duplicates, real feed excerpts, hostile input. Every
// import is checked for rows == valid + rejected + merged.
#include "riskevents/RiskRowImporter.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(ImportOptions::Format)

namespace {

ImportResult run(const QByteArray& bytes, const ImportOptions& options = {}) {
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return RiskRowImporter(options).import(&buffer);
}

ImportOptions withDefault(RiskLevel level) {
    ImportOptions options;
    options.defaultLevel = level;
    return options;
}

QString dataPath(const char* name) {
    return QStringLiteral(THREATDESK_TEST_DATA_DIR "/") + QLatin1String(name);
}

QStringList subjectsOf(const ImportResult& result) {
    QStringList out;
    for (const RiskSubject& s : result.subjects) {
        QString text = s.ip + QLatin1Char(' ') + RiskLevels::toString(s.level);
        if (!s.message.isEmpty())
            text += QLatin1Char(' ') + s.message;
        out.append(text + QLatin1Char('@') + QString::number(s.sourceLine));
    }
    return out;
}

// "line field" per issue, Merged ones marked with '=' instead of a space.
QStringList issuesOf(const ImportResult& result) {
    QStringList out;
    for (const ValidationIssue& issue : result.issues) {
        const QChar mark = issue.kind == ValidationIssue::Kind::Merged ? QChar(u'=') : QChar(u' ');
        out.append(QString::number(issue.line) + mark + issue.field);
    }
    return out;
}

// Every row accounted for: valid, rejected (one or more Rejected issues) or merged (one Merged).
void verifyBalanced(const ImportResult& result) {
    QVERIFY2(result.isBalanced(), qPrintable(result.summary()));
    QCOMPARE(result.valid, result.subjects.size());
    QSet<qint64> rejectedLines;
    qint64 merged = 0;
    for (const ValidationIssue& issue : result.issues) {
        QVERIFY(!issue.reason.isEmpty());
        QVERIFY(!issue.field.isEmpty());
        if (issue.kind == ValidationIssue::Kind::Merged)
            ++merged;
        else
            rejectedLines.insert(issue.line);
    }
    QCOMPARE(qint64(rejectedLines.size()), result.rejected);
    QCOMPARE(merged, result.merged);
    QCOMPARE(result.count(RiskLevel::High) + result.count(RiskLevel::Medium) + result.count(RiskLevel::Low),
             result.valid);
}

} // namespace

class TestRiskRowImporter : public QObject {
    Q_OBJECT
private slots:
    void rows_data();
    void rows();
    void reasons_data();
    void reasons();
    void headerErrors_data();
    void headerErrors();
    void formatDetection_data();
    void formatDetection();
    void pastedText();
    void plainListRestOfLineIgnored();
    void plainListNeedsDefaultLevel();
    void adminFeedAcceptedWhole();
    void ipsumFeed();
    void fireholFeed();
    void torExitNodes();
    void spamhausDropV6();
    void cleanMessages();
    void allowNonPublic();
    void typedRows_data();
    void typedRows();
    void hostileInput_data();
    void hostileInput();
    void randomBytesNeverCrash();
    void progressAndCancel();
    void missingFile();
    void issuesCarryTheWholeRow();
};

void TestRiskRowImporter::rows_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("defaultLevel"); // empty: none
    QTest::addColumn<QStringList>("subjects");
    QTest::addColumn<QStringList>("issues");

    QTest::newRow("header") << QByteArray("ip,riskLevel,message\n1.2.3.4,HIGH,scan\n") << QString()
                            << QStringList{"1.2.3.4 HIGH scan@2"} << QStringList{};
    QTest::newRow("header any order and case")
        << QByteArray("MESSAGE;Level;IpAddress\nscan;high;1.2.3.4\n") << QString()
        << QStringList{"1.2.3.4 HIGH scan@2"} << QStringList{};
    QTest::newRow("header other names") << QByteArray("Address\tRisk\tComment\n1.2.3.4\tlow\tx\n")
                                        << QString() << QStringList{"1.2.3.4 LOW x@2"} << QStringList{};
    QTest::newRow("header spaced names") << QByteArray("IP Address,Risk Level,Reason\n1.2.3.4,Medium,y\n")
                                         << QString() << QStringList{"1.2.3.4 MEDIUM y@2"} << QStringList{};
    QTest::newRow("header two columns") << QByteArray("risk_level,ip_address\nHIGH,1.2.3.4\n") << QString()
                                        << QStringList{"1.2.3.4 HIGH@2"} << QStringList{};
    QTest::newRow("header without level, default")
        << QByteArray("ip,comment\n1.2.3.4,x\n") << "LOW" << QStringList{"1.2.3.4 LOW x@2"} << QStringList{};
    QTest::newRow("no header") << QByteArray("1.2.3.4,HIGH,scan\n5.6.7.8,low\n") << QString()
                               << QStringList{"1.2.3.4 HIGH scan@1", "5.6.7.8 LOW@2"} << QStringList{};
    QTest::newRow("ip only, default level")
        << QByteArray("1.2.3.4\n5.6.7.8,HIGH\n") << "MEDIUM"
        << QStringList{"1.2.3.4 MEDIUM@1", "5.6.7.8 HIGH@2"} << QStringList{};
    QTest::newRow("ip only, no default")
        << QByteArray("1.2.3.4\n") << QString() << QStringList{} << QStringList{"1 riskLevel"};
    QTest::newRow("empty level, default")
        << QByteArray("1.2.3.4,,msg\n") << "LOW" << QStringList{"1.2.3.4 LOW msg@1"} << QStringList{};
    QTest::newRow("empty level, no default")
        << QByteArray("1.2.3.4,,msg\n") << QString() << QStringList{} << QStringList{"1 riskLevel"};
    QTest::newRow("bad level") << QByteArray("1.2.3.4,CRITICAL\n") << "LOW" << QStringList{}
                               << QStringList{"1 riskLevel"};
    QTest::newRow("level any case") << QByteArray("1.2.3.4,hIgH\n") << QString()
                                    << QStringList{"1.2.3.4 HIGH@1"} << QStringList{};
    QTest::newRow("too many fields") << QByteArray("1.2.3.4,HIGH,msg,extra\n") << QString() << QStringList{}
                                     << QStringList{"1 row"};
    QTest::newRow("trailing delimiter is a field")
        << QByteArray("1.2.3.4,HIGH,msg,\n") << QString() << QStringList{} << QStringList{"1 row"};
    QTest::newRow("more fields than header")
        << QByteArray("ip,level\n1.2.3.4,HIGH,msg\n") << QString() << QStringList{} << QStringList{"2 row"};
    QTest::newRow("missing ip") << QByteArray(",HIGH,x\n") << QString() << QStringList{}
                                << QStringList{"1 ip"};
    QTest::newRow("missing ip column value")
        << QByteArray("level,ip\nHIGH\n") << QString() << QStringList{} << QStringList{"2 ip"};
    QTest::newRow("every field wrong: one issue each")
        << QByteArray("1.2.3.0/24,URGENT,a|b\n") << QString() << QStringList{}
        << QStringList{"1 ip", "1 riskLevel", "1 message"};
    QTest::newRow("message too long and bad")
        << QByteArray("1.2.3.4,LOW," + QByteArray(513, 'x') + "!\n") << QString() << QStringList{}
        << QStringList{"1 message", "1 message"};
    QTest::newRow("quoted message") << QByteArray("1.2.3.4,LOW,\"Tor exit node\"\n") << QString()
                                    << QStringList{"1.2.3.4 LOW Tor exit node@1"} << QStringList{};
    QTest::newRow("quoted comma is a bad character")
        << QByteArray("1.2.3.4,LOW,\"a, b\"\n") << QString() << QStringList{} << QStringList{"1 message"};
    QTest::newRow("quoted line break: rejected, lines still right")
        << QByteArray("1.2.3.4,LOW,\"a\nb\"\n5.6.7.8,HIGH\n") << QString() << QStringList{"5.6.7.8 HIGH@3"}
        << QStringList{"1 message"};
    QTest::newRow("BOM, CRLF, comments")
        << QByteArray("\xEF\xBB\xBF# feed\r\nip,level\r\n\r\n1.2.3.4,LOW\r\n") << QString()
        << QStringList{"1.2.3.4 LOW@4"} << QStringList{};
    QTest::newRow("semicolons") << QByteArray("1.2.3.4;HIGH;seen twice\n") << QString()
                                << QStringList{"1.2.3.4 HIGH seen twice@1"} << QStringList{};
    QTest::newRow("ipv6 canonical, mapped as ipv4")
        << QByteArray("2001:0470:0001:0908:0000:0000:0000:9001,LOW\n::ffff:8.8.8.8,HIGH\n") << QString()
        << QStringList{"2001:470:1:908::9001 LOW@1", "8.8.8.8 HIGH@2"} << QStringList{};
    QTest::newRow("non-public rejected") << QByteArray("10.0.0.1,LOW\nfe80::1,LOW\n") << QString()
                                         << QStringList{} << QStringList{"1 ip", "2 ip"};
    QTest::newRow("duplicates: tie, first wins") << QByteArray("1.2.3.4,LOW,a\n1.2.3.4,low,b\n") << QString()
                                                 << QStringList{"1.2.3.4 LOW a@1"} << QStringList{"2=ip"};
    QTest::newRow("duplicates: higher wins with its message")
        << QByteArray("1.2.3.4,LOW,a\n5.6.7.8,LOW\n1.2.3.4,HIGH,b\n") << QString()
        << QStringList{"1.2.3.4 HIGH b@3", "5.6.7.8 LOW@2"} << QStringList{"1=ip"};
    QTest::newRow("duplicates by canonical ip")
        << QByteArray("2606:4700::1,LOW\n2606:4700:0:0:0:0:0:1,HIGH\n2606:4700::0001,MEDIUM\n") << QString()
        << QStringList{"2606:4700::1 HIGH@2"} << QStringList{"1=ip", "3=ip"};
    QTest::newRow("mapped and plain ipv4 are one")
        << QByteArray("::ffff:1.2.3.4,LOW\n1.2.3.4,LOW\n") << QString() << QStringList{"1.2.3.4 LOW@1"}
        << QStringList{"2=ip"};
    QTest::newRow("rejected rows never merge") << QByteArray("1.2.3.4,BAD\n1.2.3.4,LOW\n") << QString()
                                               << QStringList{"1.2.3.4 LOW@2"} << QStringList{"1 riskLevel"};
}

void TestRiskRowImporter::rows() {
    QFETCH(QByteArray, input);
    QFETCH(QString, defaultLevel);
    QFETCH(QStringList, subjects);
    QFETCH(QStringList, issues);
    ImportOptions options;
    if (!defaultLevel.isEmpty())
        options.defaultLevel = RiskLevels::parse(defaultLevel);
    const ImportResult result = run(input, options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(subjectsOf(result), subjects);
    QCOMPARE(issuesOf(result), issues);
    verifyBalanced(result);
}

void TestRiskRowImporter::reasons_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("level missing")
        << QByteArray("1.2.3.4\n") << "riskLevel"
        << ""
        << "riskLevel is missing and no default level is set: give LOW, MEDIUM or HIGH";
    QTest::newRow("level invalid") << QByteArray("1.2.3.4,5\n") << "riskLevel"
                                   << "5"
                                   << "riskLevel must be LOW, MEDIUM or HIGH (any case)";
    QTest::newRow("too many fields")
        << QByteArray("1.2.3.4,HIGH,a,b\n") << "row"
        << "1.2.3.4,HIGH,a,b"
        << "row has 4 fields but there are only 3 columns (ip, riskLevel, message): "
           "extra fields are not guessed";
    QTest::newRow("too many fields for header")
        << QByteArray("level;ip\nLOW;1.2.3.4;x\n") << "row"
        << "LOW;1.2.3.4;x"
        << "row has 3 fields but there are only 2 columns (riskLevel, ip): "
           "extra fields are not guessed";
    QTest::newRow("cidr") << QByteArray("1.2.3.4/32,HIGH\n") << "ip"
                          << "1.2.3.4/32"
                          << "CIDR ranges are not accepted (not even /32): give a single address";
    QTest::newRow("message")
        << QByteArray("1.2.3.4,HIGH,a/b\n") << "message"
        << "a/b"
        << "message may only contain letters, digits, space, '.', '_' and '-': found '/' at "
           "position 2";
    QTest::newRow("unterminated quote") << QByteArray("1.2.3.4,HIGH,\"open\n") << "row"
                                        << "1.2.3.4,HIGH,\"open\n"
                                        << "unterminated quoted field: the quote opened on line 1 is never "
                                           "closed, so the rest of the input (to "
                                           "line 1) was read into it";
    QTest::newRow("merged") << QByteArray("1.2.3.4,HIGH\n1.2.3.4,LOW\n") << "ip"
                            << "1.2.3.4"
                            << "duplicate address: merged into line 1, which has the higher level HIGH";
}

void TestRiskRowImporter::reasons() {
    QFETCH(QByteArray, input);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    const ImportResult result = run(input);
    QVERIFY(!result.issues.isEmpty());
    const ValidationIssue& issue = result.issues.last();
    QCOMPARE(issue.field, field);
    QCOMPARE(issue.value, value);
    QCOMPARE(issue.reason, reason);
    verifyBalanced(result);
}

void TestRiskRowImporter::headerErrors_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown column")
        << QByteArray("ip,level,source\n1.2.3.4,LOW,x\n")
        << "header on line 1: unknown column 'source' (expected ip, riskLevel and message, in any order)";
    QTest::newRow("duplicate column")
        << QByteArray("ip,address\n") << "header on line 1: column 'address' appears twice";
    QTest::newRow("no ip column") << QByteArray("level,message\nLOW,x\n")
                                  << "header on line 1 has no ip column";
    QTest::newRow("no level, no default")
        << QByteArray("# c\nip,message\n1.2.3.4,x\n")
        << "header on line 2 has no riskLevel column and no default level is set";
}

void TestRiskRowImporter::headerErrors() {
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    const ImportResult result = run(input);
    QCOMPARE(result.error, error);
    QCOMPARE(result.rows, 0);
    QVERIFY(result.subjects.isEmpty());
    QVERIFY(!result.ok());
}

void TestRiskRowImporter::formatDetection_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ImportOptions::Format>("format");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<bool>("header");
    using F = ImportOptions::Format;
    QTest::newRow("csv header") << QByteArray("ip,riskLevel\n1.2.3.4,LOW\n") << F::Csv << QChar(u',') << true;
    QTest::newRow("tsv") << QByteArray("1.2.3.4\tLOW\n") << F::Csv << QChar(u'\t') << false;
    QTest::newRow("semicolon header")
        << QByteArray("ip;level\n1.2.3.4;LOW\n") << F::Csv << QChar(u';') << true;
    QTest::newRow("one ip per line") << QByteArray("1.2.3.4\n5.6.7.8\n") << F::Csv << QChar(u',') << false;
    QTest::newRow("ipsum: ip and count, CSV with a hint")
        << QByteArray("# IPsum\n1.2.3.4\t10\n5.6.7.8\t3\n") << F::Csv << QChar(u'\t') << false;
    QTest::newRow("ip and # comment")
        << QByteArray("1.2.3.4 # scanner\n5.6.7.8\n") << F::PlainList << QChar() << false;
    QTest::newRow("Spamhaus: ip ; comment")
        << QByteArray("; DROP\n1.2.3.0/24 ; SBL1\n5.6.7.0/24 ; SBL2\n") << F::PlainList << QChar() << false;
    QTest::newRow("ip and words: CSV, not guessed")
        << QByteArray("1.2.3.4 scanner\n5.6.7.8 bot\n") << F::Csv << QChar(u',') << false;
    QTest::newRow("semicolon CSV is no comment")
        << QByteArray("1.2.3.4;HIGH;x\n5.6.7.8;low\n") << F::Csv << QChar(u';') << false;
    QTest::newRow("bad levels stay CSV")
        << QByteArray("1.2.3.4,CRITICAL\n5.6.7.8,5\n") << F::Csv << QChar(u',') << false;
    QTest::newRow("empty") << QByteArray() << F::Csv << QChar(u',') << false;
}

void TestRiskRowImporter::formatDetection() {
    QFETCH(QByteArray, input);
    QFETCH(ImportOptions::Format, format);
    QFETCH(QChar, delimiter);
    QFETCH(bool, header);
    const ImportResult result = run(input, withDefault(RiskLevel::Low));
    QCOMPARE(result.format, format);
    QCOMPARE(result.delimiter, delimiter);
    QCOMPARE(result.hasHeader, header);
    verifyBalanced(result);
}

// Spreadsheet cells pasted: tab-separated, CRLF, an empty trailing cell.
void TestRiskRowImporter::pastedText() {
    const RiskRowImporter importer;
    const ImportResult result = importer.importText(
        QStringLiteral("ip\tlevel\tmessage\r\n1.2.3.4\tHigh\tscan\r\n5.6.7.8\tlow\t\r\n"));
    QCOMPARE(subjectsOf(result), (QStringList{"1.2.3.4 HIGH scan@2", "5.6.7.8 LOW@3"}));
    QCOMPARE(result.delimiter, QChar(u'\t'));
    verifyBalanced(result);
}

void TestRiskRowImporter::plainListRestOfLineIgnored() {
    ImportOptions options = withDefault(RiskLevel::High);
    options.format = ImportOptions::Format::PlainList;
    const ImportResult result =
        run("ip\n1.2.3.4 # scanner\n5.6.7.8,anything\n9.9.9.9\t12\n1.2.3.0/24 ; SBL1\n  \n", options);
    QVERIFY(result.hasHeader);
    QCOMPARE(subjectsOf(result), (QStringList{"1.2.3.4 HIGH@2", "5.6.7.8 HIGH@3", "9.9.9.9 HIGH@4"}));
    QCOMPARE(issuesOf(result), QStringList{"5 ip"});
    QCOMPARE(result.issues.first().value, QStringLiteral("1.2.3.0/24"));
    QVERIFY(result.issues.first().reason.startsWith(QStringLiteral("CIDR ranges are not accepted")));
    verifyBalanced(result);
}

void TestRiskRowImporter::plainListNeedsDefaultLevel() {
    ImportOptions options;
    options.format = ImportOptions::Format::PlainList;
    const ImportResult result = run("1.2.3.4\n", options);
    QCOMPARE(result.error, QStringLiteral("a plain IP list carries no risk levels: choose a default level"));
    QCOMPARE(result.rows, 0);
}

// The admins' real 5,000-row file: every row valid, canonical, unique.
void TestRiskRowImporter::adminFeedAcceptedWhole() {
    const ImportResult result = RiskRowImporter().importFile(dataPath("admin_5000.csv"));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.rows, 5000);
    QCOMPARE(result.valid, 5000);
    QCOMPARE(result.rejected, 0);
    QCOMPARE(result.merged, 0);
    QVERIFY(result.issues.isEmpty());
    QCOMPARE(result.count(RiskLevel::High), 1606);
    QCOMPARE(result.count(RiskLevel::Medium), 1643);
    QCOMPARE(result.count(RiskLevel::Low), 1751);
    int v6 = 0;
    int empty = 0;
    for (const RiskSubject& s : result.subjects) {
        v6 += s.ip.contains(u':') ? 1 : 0;
        empty += s.message.isEmpty() ? 1 : 0;
    }
    QCOMPARE(v6, 100);
    QCOMPARE(empty, 774);
    // Canonical in, canonical out: the ips are as written in the file.
    QFile file(dataPath("admin_5000.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    file.readLine();
    for (const RiskSubject& s : result.subjects)
        QCOMPARE(s.ip, QString::fromLatin1(file.readLine().split(',').first()));
    verifyBalanced(result);
}

void TestRiskRowImporter::ipsumFeed() {
    ImportOptions options = withDefault(RiskLevel::Medium);
    options.format = ImportOptions::Format::PlainList;
    const ImportResult result = RiskRowImporter(options).importFile(dataPath("ipsum_head.txt"));
    QCOMPARE(result.format, ImportOptions::Format::PlainList);
    QCOMPARE(result.rows, 40);
    QCOMPARE(result.valid, 40);
    QCOMPARE(result.subjects.first().ip, QStringLiteral("77.90.185.20"));
    QCOMPARE(result.subjects.first().level, RiskLevel::Medium);
    QCOMPARE(result.subjects.first().sourceLine, 8);
    verifyBalanced(result);

    // Auto does not drop the count column silently: CSV, every row rejected, and a hint.
    const ImportResult automatic =
        RiskRowImporter(withDefault(RiskLevel::Medium)).importFile(dataPath("ipsum_head.txt"));
    QCOMPARE(automatic.format, ImportOptions::Format::Csv);
    QCOMPARE(automatic.rejected, 40);
    QCOMPARE(automatic.issues.first().field, QStringLiteral("riskLevel"));
    QCOMPARE(automatic.issues.first().value, QStringLiteral("10"));
    QVERIFY(automatic.hint.contains(QStringLiteral("import it as a plain list")));
    verifyBalanced(automatic);
}

void TestRiskRowImporter::fireholFeed() {
    // Header comments, CIDRs (also bogons such as 0.0.0.0/8) and single addresses.
    const ImportResult result =
        RiskRowImporter(withDefault(RiskLevel::High)).importFile(dataPath("firehol_level1_head.netset"));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.rows, 46);
    int cidr = 0;
    for (const ValidationIssue& issue : result.issues) {
        QCOMPARE(issue.field, QStringLiteral("ip"));
        QVERIFY(issue.value.contains(u'/'));
        cidr += issue.reason.startsWith(QStringLiteral("CIDR ranges are not accepted")) ? 1 : 0;
    }
    QCOMPARE(cidr, result.rejected);
    QVERIFY(result.rejected > 0);
    QCOMPARE(result.issues.first().line, 35); // 0.0.0.0/8
    for (const RiskSubject& s : result.subjects)
        QVERIFY(!s.ip.contains(u'/'));
    verifyBalanced(result);
}

void TestRiskRowImporter::torExitNodes() {
    const ImportResult result =
        RiskRowImporter(withDefault(RiskLevel::Low)).importFile(dataPath("tor_exit_nodes_excerpt.lst"));
    QCOMPARE(result.rows, 40);
    QCOMPARE(result.valid + result.merged, 40);
    // The fully expanded IPv6 come out in RFC 5952 form.
    QCOMPARE(result.subjects.at(20).ip, QStringLiteral("2001:470:1:908::9001"));
    for (const RiskSubject& s : result.subjects) {
        QCOMPARE(s.ip, s.ip.toLower());
        for (const QString& group : s.ip.split(u':'))
            QVERIFY2(group.size() <= 1 || group[0] != u'0', qPrintable(s.ip)); // no leading zeros
    }
    verifyBalanced(result);
}

void TestRiskRowImporter::spamhausDropV6() {
    const ImportResult result =
        RiskRowImporter(withDefault(RiskLevel::Low)).importFile(dataPath("spamhaus_dropv6_head.txt"));
    QCOMPARE(result.format, ImportOptions::Format::PlainList);
    QCOMPARE(result.rows, 12);
    QCOMPARE(result.valid, 0);
    QCOMPARE(result.rejected, 12);
    // "; Spamhaus ..." header lines: no address, the whole line shown.
    QCOMPARE(result.issues.first().value.left(10), QStringLiteral("; Spamhaus"));
    QVERIFY(result.issues.first().reason.startsWith(QStringLiteral("ip is missing")));
    QVERIFY(result.issues.last().reason.startsWith(QStringLiteral("CIDR ranges are not accepted")));
    verifyBalanced(result);
}

void TestRiskRowImporter::cleanMessages() {
    const QByteArray input("1.2.3.4,HIGH,\"Brute force, SSH\"\n5.6.7.8,LOW,ok\n9.9.9.9,BAD,x!\n");
    const ImportResult strict = run(input);
    QCOMPARE(strict.valid, 1);
    QCOMPARE(strict.cleanedMessages, 0);
    ImportOptions options;
    options.cleanMessages = true;
    const ImportResult cleaned = run(input, options);
    QCOMPARE(subjectsOf(cleaned), (QStringList{"1.2.3.4 HIGH Brute force SSH@1", "5.6.7.8 LOW ok@2"}));
    QCOMPARE(cleaned.cleanedMessages, 1); // the rejected row's message does not count
    QCOMPARE(issuesOf(cleaned), QStringList{"3 riskLevel"});
    verifyBalanced(cleaned);
}

void TestRiskRowImporter::allowNonPublic() {
    ImportOptions options;
    options.allowNonPublic = true;
    const ImportResult result = run("10.0.0.1,LOW\n::1,HIGH\n::ffff:192.168.1.1,LOW\n", options);
    QCOMPARE(subjectsOf(result), (QStringList{"10.0.0.1 LOW@1", "::1 HIGH@2", "192.168.1.1 LOW@3"}));
    verifyBalanced(result);
}

void TestRiskRowImporter::typedRows_data() {
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("subject");    // empty: rejected
    QTest::addColumn<QStringList>("fields"); // fields with issues
    QTest::newRow("valid") << " 2606:4700:0::1 "
                           << "high"
                           << "typed"
                           << "2606:4700::1 HIGH typed@0" << QStringList{};
    QTest::newRow("no message") << "1.2.3.4"
                                << "LOW"
                                << ""
                                << "1.2.3.4 LOW@0" << QStringList{};
    QTest::newRow("all wrong") << "example.com"
                               << ""
                               << "x,y"
                               << "" << QStringList{"ip", "riskLevel", "message"};
    QTest::newRow("private") << "192.168.0.1"
                             << "LOW"
                             << ""
                             << "" << QStringList{"ip"};
}

void TestRiskRowImporter::typedRows() {
    QFETCH(QString, ip);
    QFETCH(QString, level);
    QFETCH(QString, message);
    QFETCH(QString, subject);
    QFETCH(QStringList, fields);
    const auto check = RiskRowImporter().validateRow(ip, level, message);
    QStringList got;
    for (const ValidationIssue& issue : check.issues) {
        QCOMPARE(issue.line, 0);
        QCOMPARE(issue.kind, ValidationIssue::Kind::Rejected);
        got.append(issue.field);
    }
    QCOMPARE(got, fields);
    QCOMPARE(check.subject.has_value(), !subject.isEmpty());
    if (check.subject) {
        ImportResult r;
        r.subjects.append(*check.subject);
        QCOMPARE(subjectsOf(r).first(), subject);
    }
}

void TestRiskRowImporter::hostileInput_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("valid");
    QTest::addColumn<QStringList>("issues");
    QTest::newRow("NUL in fields") << QByteArray("1.2.3.4") + '\0' + ",LOW\n5.6.7.8,LOW,a" + '\0' +
                                          "b\n9.9.9.9,LOW\n"
                                   << 3 << 1 << QStringList{"1 ip", "2 message"};
    QTest::newRow("invalid UTF-8") << QByteArray("1.2.3.\xff,LOW\n5.6.7.8,LOW,caf\xe9\n9.9.9.9,\xc0\xafLOW\n")
                                   << 3 << 0 << QStringList{"1 ip", "2 message", "3 riskLevel"};
    QTest::newRow("unterminated quote at EOF")
        << QByteArray("1.2.3.4,LOW\n5.6.7.8,LOW,\"oops\n9.9.9.9,LOW\n") << 2 << 1 << QStringList{"2 row"};
    QTest::newRow("10 MB line") << QByteArray("1.2.3.4,LOW\n" + QByteArray(10 * 1024 * 1024, '9') +
                                              "\n5.6.7.8,HIGH\n")
                                << 3 << 2 << QStringList{"2 row"};
    QTest::newRow("10 MB quoted field")
        << QByteArray("1.2.3.4,LOW,\"" + QByteArray(10 * 1024 * 1024, 'x') + "\"\n5.6.7.8,HIGH\n") << 2 << 1
        << QStringList{"1 row"};
    QTest::newRow("lone quotes") << QByteArray("\"\n\"\n\"") << 2 << 0
                                 << QStringList{"1 ip", "1 riskLevel", "3 row"};
    QTest::newRow("only delimiters") << QByteArray(",,,\n;;;\n") << 2 << 0
                                     << QStringList{"1 row", "2 ip", "2 riskLevel"};
}

void TestRiskRowImporter::hostileInput() {
    QFETCH(QByteArray, input);
    QFETCH(int, rows);
    QFETCH(int, valid);
    QFETCH(QStringList, issues);
    const ImportResult result = run(input);
    QCOMPARE(result.rows, rows);
    QCOMPARE(result.valid, valid);
    QCOMPARE(issuesOf(result), issues);
    verifyBalanced(result);
    for (const ValidationIssue& issue : result.issues)
        QVERIFY(issue.value.size() <= 64 * 1024); // a huge row is not copied into the report
}

// Seeded garbage: random bytes from an alphabet rich in delimiters, quotes and line ends.
void TestRiskRowImporter::randomBytesNeverCrash() {
    QRandomGenerator rng(4180);
    // The NUL is part of the alphabet; the terminator is not.
    static const char letters[] =
        "\"\",,;;\t\t\r\n\n \n#0123456789.:abcdefABCDEF/-%[]LOWHIGHMEDIUM\x00\xff\xc3\xa9\xef\xbb\xbf";
    const QByteArray alphabet(letters, sizeof letters - 1);
    for (int round = 0; round < 300; ++round) {
        QByteArray input(static_cast<qsizetype>(rng.bounded(1, 3000)), '\0');
        for (char& c : input)
            c = alphabet[rng.bounded(static_cast<int>(alphabet.size()))];
        ImportOptions options;
        options.format = static_cast<ImportOptions::Format>(rng.bounded(3));
        options.defaultLevel = rng.bounded(2) ? std::optional<RiskLevel>(RiskLevel::Low) : std::nullopt;
        options.maxRowLength = rng.bounded(2) ? 64 * 1024 : 40;
        const ImportResult result = run(input, options);
        verifyBalanced(result);
    }
}

void TestRiskRowImporter::progressAndCancel() {
    const QByteArray input = QByteArray("1.2.3.4,LOW\n").repeated(100000);
    QList<qint64> reports;
    {
        QByteArray copy = input;
        QBuffer buffer(&copy);
        buffer.open(QIODevice::ReadOnly);
        const ImportResult result =
            RiskRowImporter().import(&buffer, nullptr, [&reports](qint64 bytes) { reports.append(bytes); });
        QCOMPARE(result.rows, 100000);
        QCOMPARE(result.merged, 99999);
        verifyBalanced(result);
    }
    QVERIFY(reports.size() >= 2);
    QCOMPARE(reports.last(), input.size());
    for (qsizetype i = 1; i < reports.size(); ++i)
        QVERIFY(reports[i] > reports[i - 1]);

    std::atomic_bool cancel{true};
    QByteArray copy = input;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    const ImportResult cancelled = RiskRowImporter().import(&buffer, &cancel);
    QVERIFY(cancelled.cancelled);
    QVERIFY(!cancelled.ok());
    QVERIFY(cancelled.rows < 100000);
    verifyBalanced(cancelled);
}

void TestRiskRowImporter::missingFile() {
    const ImportResult result = RiskRowImporter().importFile(QStringLiteral("/nonexistent/feed.csv"));
    QVERIFY(result.error.startsWith(QStringLiteral("cannot open /nonexistent/feed.csv")));
    QCOMPARE(result.rows, 0);
}

// Every issue of a rejected row carries the row's fields as given (trimmed), so a table can show
// and edit the fields that were not at fault; merged rows carry their validated values; rows
// that could not be split carry none.
void TestRiskRowImporter::issuesCarryTheWholeRow() {
    const ImportResult result = run("ip,riskLevel,message\n"
                                    "8.8.8.8,high,seen\n"
                                    "10.0.0.0/8, LOW ,\n"
                                    " 1.1.1.1 ,medium,bad!\n"
                                    "8.8.8.8,LOW,later dup\n"
                                    "nope,severe,x y\n"
                                    "2.2.2.2,low,a,extra\n"
                                    "\"unterminated,low,x\n");
    QHash<qint64, QList<ValidationIssue>> byLine;
    for (const ValidationIssue& issue : result.issues)
        byLine[issue.line].append(issue);
    auto row = [](const ValidationIssue& i) {
        return QStringList{i.rowIp, i.rowLevel, i.rowMessage};
    };
    QCOMPARE(byLine.value(3).size(), 1);
    QCOMPARE(row(byLine.value(3).at(0)), (QStringList{"10.0.0.0/8", "LOW", ""}));
    QCOMPARE(row(byLine.value(4).at(0)), (QStringList{"1.1.1.1", "medium", "bad!"}));
    QCOMPARE(byLine.value(4).at(0).field, QStringLiteral("message"));
    QCOMPARE(byLine.value(5).at(0).kind, ValidationIssue::Kind::Merged);
    QCOMPARE(row(byLine.value(5).at(0)), (QStringList{"8.8.8.8", "LOW", "later dup"}));
    // Two problems on one row: both issues carry the whole row.
    QCOMPARE(byLine.value(6).size(), 2);
    for (const ValidationIssue& issue : byLine.value(6))
        QCOMPARE(row(issue), (QStringList{"nope", "severe", "x y"}));
    // Too many fields: the named columns still give the row's meaning.
    QCOMPARE(row(byLine.value(7).at(0)), (QStringList{"2.2.2.2", "low", "a"}));
    QCOMPARE(byLine.value(7).at(0).field, QStringLiteral("row"));
    // Valid rows carry nothing (no issue at all), and typed rows are judged alike.
    QCOMPARE(subjectsOf(result), (QStringList{"8.8.8.8 HIGH seen@2"}));
    const RiskRowImporter::RowCheck typed = RiskRowImporter().validateRow(
        QStringLiteral(" 9.9.9.9"), QStringLiteral("bogus"), QStringLiteral("m "), 0);
    QVERIFY(!typed.subject);
    QCOMPARE(row(typed.issues.at(0)), (QStringList{"9.9.9.9", "bogus", "m"}));
    verifyBalanced(result);
}

QTEST_GUILESS_MAIN(TestRiskRowImporter)
#include "TestRiskRowImporter.moc"
