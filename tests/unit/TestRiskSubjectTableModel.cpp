#include "RiskSubjectTableModel.h"

#include "api/OktaClient.h"
#include "common/SystemClock.h"
#include "riskevents/IpAddressParser.h"
#include "riskevents/SendRun.h"
#include "riskevents/SendScheduler.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <random>

class TestRiskSubjectTableModel : public QObject {
    Q_OBJECT

private:
    using Model = RiskSubjectTableModel;

    static ImportResult sampleImport() {
        ImportResult r;
        r.subjects = {
            {QStringLiteral("203.0.113.9"), RiskLevel::Low, QStringLiteral("zeta"), 2},
            {QStringLiteral("2001:4860::8888"), RiskLevel::High, QStringLiteral("Alpha"), 3},
            {QStringLiteral("8.8.8.8"), RiskLevel::Medium, QString(), 5},
            {QStringLiteral("9.9.9.9"), RiskLevel::High, QStringLiteral("beta"), 7},
        };
        r.issues = {
            {ValidationIssue::Kind::Rejected, 4, QStringLiteral("ip"), QStringLiteral("10.0.0.0/8"),
             QStringLiteral("CIDR ranges are not accepted")},
            {ValidationIssue::Kind::Rejected, 4, QStringLiteral("riskLevel"), QStringLiteral("severe"),
             QStringLiteral("not LOW, MEDIUM or HIGH")},
            {ValidationIssue::Kind::Merged, 6, QStringLiteral("ip"), QStringLiteral("8.8.8.8"),
             QStringLiteral("duplicate of line 5")},
            {ValidationIssue::Kind::Rejected, 8, QStringLiteral("message"), QStringLiteral("bad!"),
             QStringLiteral("only letters, digits, space, '.', '_' and '-'")},
        };
        return r;
    }

    static QStringList column(const Model& model, int col) {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, col).data().toString());
        return out;
    }

    static QString expectedReasons(const RiskRowImporter::RowCheck& check) {
        QStringList parts;
        for (const ValidationIssue& issue : check.issues)
            parts.append(issue.field + QStringLiteral(": ") + issue.reason);
        return parts.join(QStringLiteral("; "));
    }

    // The visible row of a row id, checked.
    static QModelIndex cell(const Model& model, int rowId, int col) {
        const int row = model.visibleRowOf(rowId);
        return row < 0 ? QModelIndex() : model.index(row, col);
    }

    static QString statusText(const Model& model, int rowId) {
        return cell(model, rowId, Model::StatusColumn).data().toString();
    }

    static QString reasonText(const Model& model, int rowId) {
        return cell(model, rowId, Model::ReasonColumn).data().toString();
    }

    static int idOfLine(const Model& model, qint64 line) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(Model::SourceLineRole).toLongLong() == line)
                return model.rowIdAt(row);
        }
        return -1;
    }

    static bool sameCounts(const Model::Counts& a, const Model::Counts& b) {
        return a.rows == b.rows && a.perLevel == b.perLevel && a.perStatus == b.perStatus;
    }

    // Every visible row as text, for before/after comparisons.
    static QStringList snapshot(const Model& model) {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row) {
            QStringList cells;
            for (int col = 0; col < Model::ColumnCount; ++col)
                cells.append(model.index(row, col).data().toString());
            out.append(cells.join(u'|'));
        }
        return out;
    }

    static QStringList csvLines(const Model& model, bool visibleOnly) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        if (!model.exportCsv(&buffer, &error, visibleOnly))
            return {QStringLiteral("error: ") + error};
        QString text = QString::fromUtf8(buffer.data());
        if (text.endsWith(QStringLiteral("\r\n")))
            text.chop(2);
        return text.split(QStringLiteral("\r\n"));
    }

    // --- A reference for the fast sort paths: the comparator semantics, spelled out plainly. ---
    // What one row sorts by, read back through the model's roles, and its line-order key as the
    // model documents it (import segment << 40 | line; typed rows after, by ordinal).
    struct RefRow {
        int id = -1;
        quint64 order = 0;
        std::array<quint64, 2> ipKey{};
        QString ip;
        int level = 3; // RiskLevel, 3 = none
        QString message;
        int status = 0;
        QString reason;
    };

    static std::array<quint64, 2> refIpKey(const QString& ip) {
        std::array<quint64, 2> key{std::numeric_limits<quint64>::max(), std::numeric_limits<quint64>::max()};
        const auto address = IpAddressParser::parseAddress(ip);
        if (!address)
            return key;
        std::array<quint8, 16> bytes{};
        if (address->family == IpAddressParser::Family::V4) {
            bytes[10] = bytes[11] = 0xff;
            std::copy_n(address->bytes.begin(), 4, bytes.begin() + 12);
        } else {
            bytes = address->bytes;
        }
        key = {0, 0};
        for (size_t b = 0; b < 8; ++b) {
            key[0] = (key[0] << 8) | bytes[b];
            key[1] = (key[1] << 8) | bytes[b + 8];
        }
        return key;
    }

    // Every row the model shows with an empty filter; `orderOf` gives each id's line-order key.
    static QVector<RefRow> refRows(const Model& model, const QHash<int, quint64>& orderOf) {
        QVector<RefRow> rows;
        for (int v = 0; v < model.rowCount(); ++v) {
            RefRow r;
            r.id = model.rowIdAt(v);
            r.order = orderOf.value(r.id);
            r.ip = model.index(v, Model::IpColumn).data().toString();
            r.ipKey = refIpKey(r.ip);
            r.status = model.index(v, 0).data(Model::StatusRole).toInt();
            const auto level = RiskLevels::parse(model.index(v, Model::LevelColumn).data().toString());
            // Rejected rows show their level as given but have none.
            r.level = level && r.status != int(Model::RowStatus::Invalid) ? int(*level) : 3;
            r.message = model.index(v, Model::MessageColumn).data().toString();
            r.reason = model.index(v, Model::ReasonColumn).data().toString();
            rows.append(r);
        }
        return rows;
    }

    static int refCompare(const RefRow& a, const RefRow& b, int column) {
        auto threeWay = [](auto x, auto y) {
            return x < y ? -1 : (y < x ? 1 : 0);
        };
        switch (column) {
        case Model::IpColumn: {
            const int c = threeWay(a.ipKey, b.ipKey);
            return c != 0 ? c : a.ip.compare(b.ip);
        }
        case Model::LevelColumn:
            return threeWay(a.level, b.level);
        case Model::MessageColumn:
            return QString::compare(a.message, b.message, Qt::CaseInsensitive);
        case Model::StatusColumn:
            return threeWay(a.status, b.status);
        case Model::ReasonColumn:
            return QString::compare(a.reason, b.reason, Qt::CaseInsensitive);
        default:
            return 0;
        }
    }

    // The ids in the order the comparator semantics give: the column, ties in line order in both
    // directions (only the line column itself reverses it).
    static QVector<int> refOrder(QVector<RefRow> rows, int column, Qt::SortOrder order) {
        const bool descending = order == Qt::DescendingOrder;
        std::sort(rows.begin(), rows.end(), [&](const RefRow& a, const RefRow& b) {
            const int c = descending ? refCompare(b, a, column) : refCompare(a, b, column);
            if (c != 0)
                return c < 0;
            const bool lineLess = a.order != b.order ? a.order < b.order : a.id < b.id;
            const bool lineGreater = a.order != b.order ? b.order < a.order : b.id < a.id;
            return column == Model::LineColumn && descending ? lineGreater : lineLess;
        });
        QVector<int> ids;
        for (const RefRow& r : rows)
            ids.append(r.id);
        return ids;
    }

    static bool refAccepts(const RefRow& r, const Model::Filter& f) {
        if (!(f.statusMask & (1u << unsigned(r.status))))
            return false;
        if (f.problemsOnly && r.status != int(Model::RowStatus::Invalid) &&
            r.status != int(Model::RowStatus::Merged) && r.status != int(Model::RowStatus::Rejected))
            return false;
        if (r.level != 3 && !(f.levelMask & (1u << unsigned(r.level))))
            return false;
        return f.text.isEmpty() || r.ip.contains(f.text, Qt::CaseInsensitive) ||
               r.message.contains(f.text, Qt::CaseInsensitive);
    }

    static QVector<int> viewIds(const Model& model) {
        QVector<int> ids;
        for (int v = 0; v < model.rowCount(); ++v)
            ids.append(model.rowIdAt(v));
        return ids;
    }

    // A random import with lines out of storage order, shared and case-variant messages,
    // duplicate and unparseable addresses, and rejected and merged rows.
    static ImportResult randomImport(QRandomGenerator& random, int rows) {
        static const char* const messages[] = {"Scanner", "scanner", "SCANNER", "Tor exit", "tor EXIT",
                                               "Éclair",  "éclair",  "",        "a",        "B",
                                               "ab",      "Ab1",     "zz top",  "ß street", "10.2 net"};
        QVector<qint64> lines(rows);
        for (int i = 0; i < rows; ++i)
            lines[i] = i + 2;
        std::shuffle(lines.begin(), lines.end(), std::mt19937(random.generate()));
        auto ip = [&random]() {
            const quint32 pick = random.bounded(10);
            if (pick < 6)
                return QStringLiteral("10.2.%1.%2").arg(random.bounded(4)).arg(random.bounded(40));
            if (pick < 8)
                return QStringLiteral("2001:db8::%1").arg(random.bounded(60), 0, 16);
            if (pick < 9) {
                // IPv6 below and inside the IPv4-mapped block (the same key as an IPv4 text).
                static const char* const low[] = {"::1", "::fffe:1", "::ffff:10.2.0.1", "::ffff:a02:1",
                                                  "::1:0:0:1"};
                return QString::fromLatin1(low[random.bounded(5)]);
            }
            return QStringLiteral("203.0.113.%1").arg(random.bounded(256));
        };
        ImportResult result;
        for (int i = 0; i < rows; ++i) {
            const qint64 line = lines.at(i);
            const quint32 fate = random.bounded(20);
            if (fate == 0) {
                result.issues.append({ValidationIssue::Kind::Merged, line, QStringLiteral("ip"), ip(),
                                      QStringLiteral("duplicate of line %1").arg(random.bounded(50))});
            } else if (fate == 1) {
                // Unparseable, and near-canonical IPv4 texts (each read the same as the parser).
                static const char* const bad[] = {"10.0.0.0/8", "not-an-ip", "1.2.3",      "FE80::/10",
                                                  "Zz",         "010.2.0.1", "10.2.0.256", "1.2.3.4.5",
                                                  "10.2.0.01",  " 10.2.0.1", "0.0.0.0",    "255.255.255.255",
                                                  "10.2.0.1."};
                result.issues.append({ValidationIssue::Kind::Rejected, line, QStringLiteral("ip"),
                                      QString::fromLatin1(bad[random.bounded(13)]),
                                      QStringLiteral("CIDR or garbage")});
                if (random.bounded(2) == 0)
                    result.issues.append({ValidationIssue::Kind::Rejected, line, QStringLiteral("riskLevel"),
                                          QStringLiteral("severe"), QStringLiteral("not a level")});
            } else if (fate == 2) {
                result.issues.append(
                    {ValidationIssue::Kind::Rejected, line, QStringLiteral("message"),
                     QStringLiteral("bad <%1>").arg(random.bounded(5)),
                     random.bounded(2) ? QStringLiteral("Bad character") : QStringLiteral("bad character")});
            } else {
                result.subjects.append({ip(), RiskLevel(random.bounded(3)),
                                        QString::fromUtf8(messages[random.bounded(15)]), line});
            }
        }
        return result;
    }

private slots:
    void rowsAndCounts() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &Model::countsChanged);
        model.setImport(sampleImport());
        QCOMPARE(counts.count(), 1);
        // Four subjects, one rejected line (two reasons joined), one merged, one rejected message.
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.totalRows(), 7);
        QCOMPARE(model.columnCount(), int(Model::ColumnCount));
        QCOMPARE(model.counts().count(Model::RowStatus::Valid), 4);
        QCOMPARE(model.counts().count(Model::RowStatus::Invalid), 2);
        QCOMPARE(model.counts().count(Model::RowStatus::Merged), 1);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::High)], 2);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::Medium)], 1);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::Low)], 1);
        // Default order is the source line.
        QCOMPARE(column(model, Model::LineColumn), QStringList({"2", "3", "4", "5", "6", "7", "8"}));
        const QModelIndex rejected = model.index(2, Model::ReasonColumn);
        QCOMPARE(rejected.data().toString(),
                 QStringLiteral("ip: CIDR ranges are not accepted; riskLevel: not LOW, MEDIUM or HIGH"));
        QCOMPARE(model.index(2, Model::IpColumn).data().toString(), QStringLiteral("10.0.0.0/8"));
        QCOMPARE(model.index(2, Model::StatusColumn).data().toString(), QStringLiteral("invalid"));
        QVERIFY(model.index(2, 0).data(Model::ProblemRole).toBool());
        QCOMPARE(model.index(2, 0).data(Qt::ToolTipRole).toString(), rejected.data().toString());
        QCOMPARE(model.index(4, Model::StatusColumn).data().toString(), QStringLiteral("merged"));
        QCOMPARE(model.index(6, Model::MessageColumn).data().toString(), QStringLiteral("bad!"));
        QVERIFY(!model.index(0, 0).data(Model::ProblemRole).toBool());
        QCOMPARE(model.index(1, Model::LevelColumn).data().toString(), QStringLiteral("HIGH"));
        QCOMPARE(model.index(0, 0).data(Model::SourceLineRole).toLongLong(), 2);
        QCOMPARE(model.headerData(Model::IpColumn, Qt::Horizontal).toString(), QStringLiteral("IP address"));
    }

    void sorting_data() {
        QTest::addColumn<int>("col");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("lines");
        // IPv4 sorts before IPv6 (mapped range), numerically; rows without an address last.
        QTest::newRow("ip asc") << int(Model::IpColumn) << int(Qt::AscendingOrder)
                                << QStringList({"5", "6", "7", "2", "3", "8", "4"});
        QTest::newRow("level asc") << int(Model::LevelColumn) << int(Qt::AscendingOrder)
                                   << QStringList({"3", "7", "5", "2", "4", "6", "8"});
        QTest::newRow("level desc") << int(Model::LevelColumn) << int(Qt::DescendingOrder)
                                    << QStringList({"4", "6", "8", "2", "5", "3", "7"});
        QTest::newRow("message asc, case-insensitive") << int(Model::MessageColumn) << int(Qt::AscendingOrder)
                                                       << QStringList({"4", "5", "6", "3", "8", "7", "2"});
        QTest::newRow("status asc") << int(Model::StatusColumn) << int(Qt::AscendingOrder)
                                    << QStringList({"2", "3", "5", "7", "4", "8", "6"});
        QTest::newRow("line desc") << int(Model::LineColumn) << int(Qt::DescendingOrder)
                                   << QStringList({"8", "7", "6", "5", "4", "3", "2"});
    }

    void sorting() {
        QFETCH(int, col);
        QFETCH(int, order);
        QFETCH(QStringList, lines);
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        model.sort(col, Qt::SortOrder(order));
        QCOMPARE(column(model, Model::LineColumn), lines);
    }

    void sortKeepsPersistentIndexes() {
        Model model;
        model.setImport(sampleImport());
        const QPersistentModelIndex line7 = model.index(5, Model::IpColumn);
        QCOMPARE(line7.data().toString(), QStringLiteral("9.9.9.9"));
        model.sort(Model::IpColumn, Qt::DescendingOrder);
        QVERIFY(line7.isValid());
        QCOMPARE(line7.data().toString(), QStringLiteral("9.9.9.9"));
        QCOMPARE(line7.column(), int(Model::IpColumn));
    }

    void filtering() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        Model::Filter f;
        f.problemsOnly = true;
        model.setFilter(f);
        QCOMPARE(column(model, Model::LineColumn), QStringList({"4", "6", "8"}));
        f = {};
        f.levelMask = 1u << unsigned(RiskLevel::High);
        model.setFilter(f);
        // Rows without a level (rejected, merged) are not hidden by a level filter.
        QCOMPARE(column(model, Model::LineColumn), QStringList({"3", "4", "6", "7", "8"}));
        f = {};
        f.text = QStringLiteral("ALPHA");
        model.setFilter(f);
        QCOMPARE(column(model, Model::LineColumn), QStringList({"3"}));
        f = {};
        f.text = QStringLiteral("8.8");
        f.statusMask = 1u << unsigned(Model::RowStatus::Valid);
        model.setFilter(f);
        QCOMPARE(column(model, Model::LineColumn), QStringList({"5"}));
        QCOMPARE(model.totalRows(), 7);
        // Sorting applies to the filtered view, and filtering keeps the sort.
        model.setFilter({});
        model.sort(Model::LevelColumn, Qt::AscendingOrder);
        f = {};
        f.problemsOnly = false;
        f.text = QStringLiteral("9");
        model.setFilter(f);
        QCOMPARE(column(model, Model::IpColumn), QStringList({"9.9.9.9", "203.0.113.9"}));
    }

    void typedRowsAreValidatedLikeAnImport() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        QVERIFY(model.isEditable());
        QSignalSpy counts(&model, &Model::countsChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QVector<int> ids = model.appendRows({
            {QStringLiteral(" 1.1.1.1 "), QStringLiteral("high"), QStringLiteral("typed by hand")},
            {QStringLiteral("10.0.0.0/8"), QStringLiteral("severe"), QStringLiteral("bad!")},
            {QStringLiteral("9.9.9.10"), QString(), QString()},
        });
        QCOMPARE(ids, QVector<int>({7, 8, 9}));
        QCOMPARE(counts.count(), 1);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.totalRows(), 10);
        // Typed rows come after the imported ones, in the order typed, without a line number.
        QCOMPARE(model.visibleRowOf(ids[0]), 7);
        QCOMPARE(model.rowIdAt(9), ids[2]);
        QCOMPARE(model.rowIdAt(10), -1);
        QCOMPARE(cell(model, ids[0], Model::LineColumn).data().toString(), QString());
        QCOMPARE(cell(model, ids[0], Model::SourceLineRole).data(Model::SourceLineRole).toLongLong(), 0);

        // Valid: shown canonical and upper-case, edited as typed.
        QCOMPARE(statusText(model, ids[0]), QStringLiteral("valid"));
        QCOMPARE(cell(model, ids[0], Model::IpColumn).data().toString(), QStringLiteral("1.1.1.1"));
        QCOMPARE(cell(model, ids[0], Model::IpColumn).data(Qt::EditRole).toString(),
                 QStringLiteral(" 1.1.1.1 "));
        QCOMPARE(cell(model, ids[0], Model::LevelColumn).data().toString(), QStringLiteral("HIGH"));
        QCOMPARE(cell(model, ids[0], Model::LevelColumn).data(Qt::EditRole).toString(),
                 QStringLiteral("high"));
        QCOMPARE(model.rowValues(ids[0]).ip, QStringLiteral(" 1.1.1.1 "));

        // Invalid: keeps what was typed and every reason, with the import's words.
        const RiskRowImporter::RowCheck check =
            RiskRowImporter().validateRow(u"10.0.0.0/8", u"severe", u"bad!");
        QVERIFY(!check.subject);
        QCOMPARE(check.issues.size(), 3);
        QCOMPARE(statusText(model, ids[1]), QStringLiteral("invalid"));
        QCOMPARE(reasonText(model, ids[1]), expectedReasons(check));
        QVERIFY(reasonText(model, ids[1]).startsWith(QStringLiteral("ip: CIDR ranges are not accepted")));
        QCOMPARE(cell(model, ids[1], Model::IpColumn).data().toString(), QStringLiteral("10.0.0.0/8"));
        QCOMPARE(cell(model, ids[1], Model::LevelColumn).data().toString(), QStringLiteral("severe"));
        QCOMPARE(cell(model, ids[1], Model::MessageColumn).data().toString(), QStringLiteral("bad!"));
        QVERIFY(cell(model, ids[1], 0).data(Model::ProblemRole).toBool());

        // No level and no default level: rejected as the import would.
        QCOMPARE(statusText(model, ids[2]), QStringLiteral("invalid"));
        QCOMPARE(reasonText(model, ids[2]),
                 QStringLiteral("riskLevel: ") + RiskRowImporter::levelMissingReason());

        QCOMPARE(model.counts().rows, 10);
        QCOMPARE(model.counts().count(Model::RowStatus::Valid), 5);
        QCOMPARE(model.counts().count(Model::RowStatus::Invalid), 4);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::High)], 3);

        // With a default level the same row is valid; the level typed stays empty.
        ImportOptions options;
        options.defaultLevel = RiskLevel::Low;
        model.setValidationOptions(options);
        QCOMPARE(model.validationOptions().defaultLevel, std::optional<RiskLevel>(RiskLevel::Low));
        const int withDefault =
            model.appendRows({{QStringLiteral("9.9.9.11"), QString(), QString()}}).value(0);
        QCOMPARE(statusText(model, withDefault), QStringLiteral("valid"));
        QCOMPARE(cell(model, withDefault, Model::LevelColumn).data().toString(), QStringLiteral("LOW"));
        QCOMPARE(model.rowValues(withDefault).level, QString());
        // The same values again change nothing (an undo step must be exact); fixed in place.
        QVERIFY(model.setRowValues(ids[2], {QStringLiteral("9.9.9.10"), QString(), QString()}));
        QCOMPARE(statusText(model, ids[2]), QStringLiteral("invalid"));
        QVERIFY(model.setRowValues(ids[2], {QStringLiteral("9.9.9.10"), QStringLiteral(" "), QString()}));
        QCOMPARE(statusText(model, ids[2]), QStringLiteral("valid"));
        QCOMPARE(model.counts().count(Model::RowStatus::Invalid), 3);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::Low)], 3);
    }

    void duplicatesAreMergedAndUnmerged() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        const int line5 = idOfLine(model, 5); // 8.8.8.8 MEDIUM; line 6 was merged into it on import
        const int line6 = idOfLine(model, 6);
        const Model::Counts importCounts = model.counts();
        const QStringList importRows = snapshot(model);

        const QVector<int> ids = model.appendRows({
            {QStringLiteral("8.8.8.8"), QStringLiteral("low"), QStringLiteral("one")},    // typed row 1
            {QStringLiteral("8.8.8.8"), QStringLiteral("MEDIUM"), QStringLiteral("two")}, // typed row 2
            {QStringLiteral("1.0.0.1"), QStringLiteral("LOW"), QString()},                // typed row 3
            {QStringLiteral("::ffff:1.0.0.1"), QStringLiteral("LOW"), QString()},         // typed row 4
        });
        QCOMPARE(statusText(model, line5), QStringLiteral("valid"));
        QCOMPARE(statusText(model, ids[0]), QStringLiteral("merged"));
        QCOMPARE(reasonText(model, ids[0]),
                 QStringLiteral("ip: same address as line 5, which has the higher level MEDIUM"));
        QCOMPARE(
            reasonText(model, ids[1]),
            QStringLiteral("ip: same address as line 5, which has the same level MEDIUM and comes first"));
        QCOMPARE(statusText(model, ids[2]), QStringLiteral("valid"));
        QCOMPARE(statusText(model, ids[3]), QStringLiteral("merged"));
        QCOMPARE(
            reasonText(model, ids[3]),
            QStringLiteral("ip: same address as row 3 typed above, which has the same level LOW and comes "
                           "first"));
        QCOMPARE(model.counts().count(Model::RowStatus::Merged), 4);
        QCOMPARE(model.counts().count(Model::RowStatus::Valid), 5);

        // A higher level typed later wins, as in an import; the others name it.
        const int high =
            model.appendRows({{QStringLiteral("1.0.0.1"), QStringLiteral("HIGH"), QString()}}).value(0);
        QCOMPARE(statusText(model, high), QStringLiteral("valid"));
        QCOMPARE(statusText(model, ids[2]), QStringLiteral("merged"));
        QCOMPARE(reasonText(model, ids[2]),
                 QStringLiteral("ip: same address as row 5 typed below, which has the higher level HIGH"));
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::High)], 3);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::Low)], 1);

        // Changing the winner's address gives the group back its best remaining row.
        const Model::RowValues highValues = model.rowValues(high);
        QVERIFY(model.setRowValues(high, {QStringLiteral("1.0.0.2"), QStringLiteral("HIGH"), QString()}));
        QCOMPARE(statusText(model, high), QStringLiteral("valid"));
        QCOMPARE(statusText(model, ids[2]), QStringLiteral("valid"));
        QCOMPARE(statusText(model, ids[3]), QStringLiteral("merged"));
        QVERIFY(model.setRowValues(high, highValues));
        QCOMPARE(statusText(model, ids[2]), QStringLiteral("merged"));

        // Removing the imported subject: typed row 2 (MEDIUM) now wins over typed row 1 (LOW);
        // line 6 stays merged, into the new winner.
        const Model::Counts before = model.counts();
        const QStringList rowsBefore = snapshot(model);
        model.setRowsRemoved({line5}, true);
        QVERIFY(model.isRowRemoved(line5));
        QCOMPARE(model.visibleRowOf(line5), -1);
        QCOMPARE(statusText(model, ids[1]), QStringLiteral("valid"));
        QCOMPARE(reasonText(model, ids[0]),
                 QStringLiteral("ip: same address as row 2 typed below, which has the higher level MEDIUM"));
        QCOMPARE(statusText(model, line6), QStringLiteral("merged"));
        QVERIFY(reasonText(model, line6).contains(QStringLiteral("row 2 typed by hand")));
        // Without any subject for its address, the row merged on import needs its level.
        model.setRowsRemoved({ids[0], ids[1]}, true);
        QCOMPARE(statusText(model, line6), QStringLiteral("invalid"));
        QVERIFY(reasonText(model, line6).startsWith(QStringLiteral("riskLevel: not known")));
        QCOMPARE(model.rowValues(line6).ip, QStringLiteral("8.8.8.8"));
        // Restoring gives back exactly what was there.
        model.setRowsRemoved({ids[1], line5, ids[0]}, false);
        QVERIFY(sameCounts(model.counts(), before));
        QCOMPARE(snapshot(model), rowsBefore);
        QCOMPARE(reasonText(model, line6), QStringLiteral("ip: duplicate of line 5"));

        // Undoing the typing (what the ui's undo does) leaves the import as it was.
        model.setRowsRemoved(ids + QVector<int>{high}, true);
        QVERIFY(sameCounts(model.counts(), importCounts));
        QCOMPARE(snapshot(model), importRows);
    }

    void editImportedInvalidRows() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        const int line4 = idOfLine(model, 4);
        const int line8 = idOfLine(model, 8);
        const QString importReason = reasonText(model, line4);
        // What the import said about the failing fields comes back for editing.
        const Model::RowValues given = model.rowValues(line4);
        QCOMPARE(given.ip, QStringLiteral("10.0.0.0/8"));
        QCOMPARE(given.level, QStringLiteral("severe"));
        QCOMPARE(given.message, QString());
        QCOMPARE(cell(model, line4, Model::LevelColumn).data().toString(), QStringLiteral("severe"));
        // Its message was fine and is not in the ImportResult: it comes back empty.
        QCOMPARE(model.rowValues(line8).message, QStringLiteral("bad!"));
        QCOMPARE(model.rowValues(line8).ip, QString());

        const Model::Counts before = model.counts();
        QSignalSpy counts(&model, &Model::countsChanged);
        QVERIFY(model.setRowValues(
            line4, {QStringLiteral("4.4.4.4"), QStringLiteral("high"), QStringLiteral("fixed")}));
        QCOMPARE(counts.count(), 1);
        QCOMPARE(statusText(model, line4), QStringLiteral("valid"));
        QCOMPARE(reasonText(model, line4), QString());
        QCOMPARE(cell(model, line4, Model::LineColumn).data().toString(), QStringLiteral("4"));
        QCOMPARE(cell(model, line4, Model::LevelColumn).data().toString(), QStringLiteral("HIGH"));
        QCOMPARE(model.counts().count(Model::RowStatus::Valid), 5);
        QCOMPARE(model.counts().count(Model::RowStatus::Invalid), 1);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::High)], 3);
        // The very same values again change nothing.
        QVERIFY(model.setRowValues(line4, model.rowValues(line4)));
        QCOMPARE(counts.count(), 1);
        // Undo: the first values bring back the import's verdict and reasons exactly.
        QVERIFY(model.setRowValues(line4, given));
        QCOMPARE(reasonText(model, line4), importReason);
        QVERIFY(sameCounts(model.counts(), before));

        // Still wrong after an edit: the new reasons, with the line.
        QVERIFY(model.setRowValues(
            line8, {QStringLiteral("5.5.5.5"), QStringLiteral("LOW"), QStringLiteral("bad?")}));
        QCOMPARE(statusText(model, line8), QStringLiteral("invalid"));
        QVERIFY(reasonText(model, line8).startsWith(QStringLiteral("message: ")));
        QVERIFY(model.setRowValues(
            line8, {QStringLiteral("5.5.5.5"), QStringLiteral("LOW"), QStringLiteral("good")}));
        QCOMPARE(statusText(model, line8), QStringLiteral("valid"));
        QVERIFY(!model.setRowValues(-1, given));
        QVERIFY(!model.setRowValues(model.totalRows() + 5, given));
    }

    void flagsAndSetData() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        const int id =
            model.appendRows({{QStringLiteral("1.1.1.1"), QStringLiteral("LOW"), QString()}}).value(0);
        const int row = model.visibleRowOf(id);
        for (int col : {int(Model::IpColumn), int(Model::LevelColumn), int(Model::MessageColumn)})
            QVERIFY(model.flags(model.index(row, col)) & Qt::ItemIsEditable);
        for (int col : {int(Model::LineColumn), int(Model::StatusColumn), int(Model::ReasonColumn)})
            QVERIFY(!(model.flags(model.index(row, col)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(row, 0)) & Qt::ItemIsSelectable);

        QVERIFY(model.setData(model.index(row, Model::LevelColumn), QStringLiteral("medium")));
        QCOMPARE(model.index(model.visibleRowOf(id), Model::LevelColumn).data().toString(),
                 QStringLiteral("MEDIUM"));
        QCOMPARE(model.index(model.visibleRowOf(id), Model::LevelColumn).data(Qt::EditRole).toString(),
                 QStringLiteral("medium"));
        QVERIFY(
            model.setData(model.index(model.visibleRowOf(id), Model::MessageColumn), QStringLiteral("note")));
        QCOMPARE(model.rowValues(id).message, QStringLiteral("note"));
        QVERIFY(
            model.setData(model.index(model.visibleRowOf(id), Model::IpColumn), QStringLiteral("not an ip")));
        QCOMPARE(model.index(model.visibleRowOf(id), Model::StatusColumn).data().toString(),
                 QStringLiteral("invalid"));
        QVERIFY(!model.setData(model.index(model.visibleRowOf(id), Model::StatusColumn),
                               QStringLiteral("valid")));
        QVERIFY(!model.setData(model.index(model.visibleRowOf(id), Model::IpColumn),
                               QStringLiteral("2.2.2.2"), Qt::DisplayRole));
        QCOMPARE(model.rowValues(id), (Model::RowValues{QStringLiteral("not an ip"), QStringLiteral("medium"),
                                                        QStringLiteral("note")}));

        // An edit moves the row where the sort puts it, and it stays findable by id.
        model.sort(Model::IpColumn, Qt::AscendingOrder);
        const QPersistentModelIndex current = model.index(model.visibleRowOf(id), Model::IpColumn);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QVERIFY(model.setRowValues(id, {QStringLiteral("1.0.0.0"), QStringLiteral("LOW"), QString()}));
        QCOMPARE(model.visibleRowOf(id), 0);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(current.row(), 0); // selection and current index follow the row
        QCOMPARE(current.data().toString(), QStringLiteral("1.0.0.0"));
        QVERIFY(model.setRowValues(id, {QStringLiteral("223.255.255.1"), QStringLiteral("LOW"), QString()}));
        QCOMPARE(model.index(model.visibleRowOf(id) + 1, Model::IpColumn).data().toString(),
                 QStringLiteral("2001:4860::8888"));
        // A filter that no longer matches hides the edited row.
        Model::Filter f;
        f.statusMask = 1u << unsigned(Model::RowStatus::Valid);
        model.setFilter(f);
        QVERIFY(model.visibleRowOf(id) >= 0);
        QVERIFY(model.setRowValues(id, {QStringLiteral("x"), QStringLiteral("LOW"), QString()}));
        QCOMPARE(model.visibleRowOf(id), -1);
        QVERIFY(model.setRowValues(id, {QStringLiteral("1.0.0.0"), QStringLiteral("LOW"), QString()}));
        QCOMPARE(model.visibleRowOf(id), 0);
    }

    void subjectsForSendAndScheduler() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        const QVector<int> typed = model.appendRows({
            {QStringLiteral("1.1.1.1"), QStringLiteral("LOW"), QStringLiteral("typed")},
            {QStringLiteral("bad"), QStringLiteral("LOW"), QString()},
            {QStringLiteral("1.0.0.1"), QStringLiteral("HIGH"), QString()},
        });
        model.setRowsRemoved({idOfLine(model, 3)}, true);
        const QVector<RiskSubject> subjects = model.subjectsForSend();
        // Imported rows by line (5 before 7 though 7 came first in the import's list), then typed ones.
        QStringList ips;
        for (const RiskSubject& s : subjects)
            ips.append(s.ip);
        QCOMPARE(ips, QStringList({"203.0.113.9", "8.8.8.8", "9.9.9.9", "1.1.1.1", "1.0.0.1"}));
        QCOMPARE(subjects.at(1).sourceLine, 5);
        QCOMPARE(subjects.at(3).sourceLine, 0);
        QCOMPARE(subjects.at(3).message, QStringLiteral("typed"));
        QCOMPARE(subjects.at(4).level, RiskLevel::High);

        QNetworkAccessManager nam;
        OktaClient client(&nam);
        SendScheduler scheduler(&client, SystemClock::instance());
        SendRun run = SendRun::plan(subjects, {}, QStringLiteral("profile"), QStringLiteral("run"),
                                    QDateTime::currentDateTimeUtc());
        run.outcomes[1].status = SubjectOutcome::Status::Accepted;
        run.outcomes[1].requestId = QStringLiteral("req-8888");
        run.outcomes[3].status = SubjectOutcome::Status::Rejected;
        run.outcomes[3].reason = QStringLiteral("Okta said no");
        run.outcomes[3].requestId = QStringLiteral("req-1111");
        QVERIFY(scheduler.setRun(run));
        QSignalSpy counts(&model, &Model::countsChanged);
        model.setScheduler(&scheduler);
        QVERIFY(counts.count() >= 1);
        QVERIFY(!model.isEditable());
        QCOMPARE(statusText(model, idOfLine(model, 5)), QStringLiteral("accepted"));
        QCOMPARE(cell(model, idOfLine(model, 5), 0).data(Model::RequestIdRole).toString(),
                 QStringLiteral("req-8888"));
        QCOMPARE(statusText(model, typed[0]), QStringLiteral("rejected"));
        QCOMPARE(reasonText(model, typed[0]), QStringLiteral("Okta said no"));
        QCOMPARE(statusText(model, typed[2]), QStringLiteral("pending"));
        QCOMPARE(statusText(model, typed[1]), QStringLiteral("invalid"));
        QCOMPARE(model.counts().count(Model::RowStatus::Accepted), 1);
        QCOMPARE(model.counts().count(Model::RowStatus::Rejected), 1);
        QCOMPARE(model.counts().count(Model::RowStatus::Pending), 3);
        QCOMPARE(model.counts().rows, 9);
        QVERIFY(csvLines(model, false).contains(QStringLiteral("5,8.8.8.8,MEDIUM,,accepted,,req-8888")));

        // A run's rows are fixed.
        const int typedRow = model.visibleRowOf(typed[1]);
        QVERIFY(!(model.flags(model.index(typedRow, Model::IpColumn)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(typedRow, Model::IpColumn), QStringLiteral("2.2.2.2")));
        QVERIFY(!model.setRowValues(typed[1], {QStringLiteral("2.2.2.2"), QStringLiteral("LOW"), QString()}));
        QVERIFY(model.appendRows({{QStringLiteral("2.2.2.2"), QStringLiteral("LOW"), QString()}}).isEmpty());
        QVERIFY(model.appendImport(sampleImport()).isEmpty());
        model.setRowsRemoved({typed[2]}, true);
        QVERIFY(!model.isRowRemoved(typed[2]));

        // Without the scheduler the rows are shown as before the run and can be edited again.
        model.setScheduler(nullptr);
        QVERIFY(model.isEditable());
        QCOMPARE(statusText(model, idOfLine(model, 5)), QStringLiteral("valid"));
        QCOMPARE(statusText(model, typed[0]), QStringLiteral("valid"));
        QCOMPARE(reasonText(model, typed[0]), QString());
        QCOMPARE(model.counts().count(Model::RowStatus::Valid), 5);
        QVERIFY(model.setRowValues(typed[1], {QStringLiteral("2.2.2.2"), QStringLiteral("LOW"), QString()}));
        QCOMPARE(model.subjectsForSend().size(), 6);
    }

    void appendImportMergesIntoTheBatch() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        const int typed =
            model.appendRows({{QStringLiteral("1.1.1.1"), QStringLiteral("LOW"), QString()}}).value(0);
        ImportResult second;
        second.subjects = {
            {QStringLiteral("9.9.9.9"), RiskLevel::Low, QStringLiteral("again"), 2},
            {QStringLiteral("1.1.1.1"), RiskLevel::High, QString(), 3},
            {QStringLiteral("4.4.4.4"), RiskLevel::Medium, QString(), 4},
        };
        const QVector<int> ids = model.appendImport(second);
        QCOMPARE(ids.size(), 3);
        QCOMPARE(model.counts().rows, 11);
        // 9.9.9.9 was already there with HIGH: the new LOW row is merged into line 7.
        QCOMPARE(statusText(model, ids[0]), QStringLiteral("merged"));
        QCOMPARE(reasonText(model, ids[0]),
                 QStringLiteral("ip: same address as line 7, which has the higher level HIGH"));
        // The imported HIGH 1.1.1.1 outranks the typed LOW one.
        QCOMPARE(statusText(model, ids[1]), QStringLiteral("valid"));
        QCOMPARE(statusText(model, typed), QStringLiteral("merged"));
        // Line order: first import, second import, typed rows.
        QCOMPARE(column(model, Model::LineColumn),
                 QStringList({"2", "3", "4", "5", "6", "7", "8", "2", "3", "4", ""}));
        model.setRowsRemoved(ids, true);
        QCOMPARE(statusText(model, typed), QStringLiteral("valid"));
        QCOMPARE(model.counts().rows, 8);
    }

    void exportCsvQuotesAndDefusesFormulas() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImportResult r;
        r.subjects = {{QStringLiteral("8.8.8.8"), RiskLevel::High, QStringLiteral("-dash first"), 2}};
        r.issues = {
            {ValidationIssue::Kind::Rejected, 3, QStringLiteral("message"),
             QStringLiteral("=HYPERLINK(\"x\",1)"), QStringLiteral("only letters, digits, space")},
            {ValidationIssue::Kind::Rejected, 4, QStringLiteral("message"), QStringLiteral("@SUM(A1), +1"),
             QStringLiteral("only letters")},
        };
        model.setImport(r);
        const QVector<int> typed = model.appendRows({
            {QStringLiteral("\tbad"), QStringLiteral("LOW"), QStringLiteral("two\nlines")},
            {QStringLiteral("1.1.1.1"), QStringLiteral("LOW"), QStringLiteral("gone")},
        });
        model.setRowsRemoved({typed[1]}, true);
        const QStringList lines = csvLines(model, false);
        QCOMPARE(lines.value(0), QStringLiteral("line,ip,riskLevel,message,status,reason,requestId"));
        QCOMPARE(lines.size(), 5); // header + 4 rows; the removed row is left out
        QCOMPARE(lines.value(1), QStringLiteral("2,8.8.8.8,HIGH,'-dash first,valid,,"));
        QCOMPARE(lines.value(2), QStringLiteral("3,,,\"'=HYPERLINK(\"\"x\"\",1)\",invalid,"
                                                "\"message: only letters, digits, space\","));
        QCOMPARE(lines.value(3), QStringLiteral("4,,,\"'@SUM(A1), +1\",invalid,message: only letters,"));
        QVERIFY(lines.value(4).startsWith(QStringLiteral(",'\tbad,LOW,\"two\nlines\",invalid,")));
        QVERIFY(!lines.join(u'\n').contains(QStringLiteral("gone")));

        // The view's order and filter.
        model.sort(Model::LineColumn, Qt::DescendingOrder);
        Model::Filter f;
        f.statusMask = 1u << unsigned(Model::RowStatus::Invalid);
        model.setFilter(f);
        const QStringList visible = csvLines(model, true);
        QCOMPARE(visible.size(), 4);
        QVERIFY(visible.value(1).startsWith(u','));
        QVERIFY(visible.value(2).startsWith(QStringLiteral("4,")));
        QVERIFY(visible.value(3).startsWith(QStringLiteral("3,")));

        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        QString error;
        QVERIFY(!model.exportCsv(&readOnly, &error));
        QVERIFY(!error.isEmpty());
    }

    void bulkAndSingleChangesKeepTheViewSorted() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(sampleImport());
        QVector<Model::RowValues> values;
        const char* const levels[] = {"LOW", "MEDIUM", "HIGH"};
        for (int i = 0; i < 100; ++i)
            values.append({QStringLiteral("11.0.%1.%2").arg((i * 37) % 100).arg(i % 7),
                           QString::fromLatin1(levels[i % 3]), QStringLiteral("m%1").arg(i * 13 % 100)});
        // In line order many new rows are one insertion at the end.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QVector<int> ids = model.appendRows(values);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 107);

        // Whatever the change, the view equals what sorting it afresh gives.
        auto sortedAfresh = [&model](int column, Qt::SortOrder order) {
            const QStringList now = snapshot(model);
            model.sort(column, order);
            return now == snapshot(model);
        };
        for (int column : {int(Model::IpColumn), int(Model::LevelColumn), int(Model::StatusColumn),
                           int(Model::ReasonColumn), int(Model::MessageColumn)}) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(column, order);
                QVector<int> many;
                for (int i = 0; i < 100; i += 2)
                    many.append(ids[i]);
                model.setRowsRemoved(many, true); // many rows: one reset
                QCOMPARE(model.rowCount(), 57);
                QVERIFY(sortedAfresh(column, order));
                model.setRowsRemoved(many, false);
                QCOMPARE(model.rowCount(), 107);
                QVERIFY(sortedAfresh(column, order));
                // Single edits move rows one at a time.
                QVERIFY(model.setRowValues(ids[1],
                                           {QStringLiteral("11.0.74.2"), QStringLiteral("HIGH"), QString()}));
                QCOMPARE(statusText(model, ids[2]), QStringLiteral("merged")); // ids[1] comes first
                QVERIFY(model.setRowValues(
                    ids[3], {QStringLiteral("bad"), QStringLiteral("LOW"), QStringLiteral("z")}));
                model.setRowsRemoved({ids[5], ids[7]}, true);
                QVERIFY(sortedAfresh(column, order));
                QVERIFY(model.setRowValues(ids[1], values[1]));
                QVERIFY(model.setRowValues(ids[3], values[3]));
                model.setRowsRemoved({ids[5], ids[7]}, false);
                QVERIFY(sortedAfresh(column, order));
            }
        }
    }

    // The fast sort and filter paths give exactly the order of the comparator semantics, for
    // every column and direction, with filters, across imports, typed rows, edits and removals.
    void fastOrdersMatchTheComparator() {
        QRandomGenerator random(20261122);
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QHash<int, quint64> orderOf;
        const quint64 typedBase = quint64(0xffffff) << 40;
        auto lineOf = [&model](int id) {
            return model.index(model.visibleRowOf(id), 0).data(Model::SourceLineRole).toULongLong();
        };
        model.setImport(randomImport(random, 2500));
        for (int v = 0; v < model.rowCount(); ++v)
            orderOf.insert(model.rowIdAt(v), (quint64(1) << 40) | lineOf(model.rowIdAt(v)));
        QVector<Model::RowValues> typed;
        static const char* const levels[] = {"high", "LOW", "Medium", "", "severe"};
        for (int i = 0; i < 300; ++i)
            typed.append({i % 9 == 0 ? QStringLiteral("bogus") : QStringLiteral("10.2.1.%1").arg(i % 40),
                          QString::fromLatin1(levels[i % 5]),
                          i % 2 ? QStringLiteral("Typed") : QStringLiteral("typed")});
        quint64 ordinal = 0;
        for (int id : model.appendRows(typed))
            orderOf.insert(id, typedBase | ++ordinal);
        for (int id : model.appendImport(randomImport(random, 1500)))
            orderOf.insert(id, (quint64(2) << 40) | lineOf(id));
        // Edits and removals, in both views of the rows.
        for (int i = 0; i < 40; ++i) {
            const int id = model.rowIdAt(int(random.bounded(model.rowCount())));
            QVERIFY(model.setRowValues(id, {QStringLiteral("10.2.3.%1").arg(i % 7),
                                            QString::fromLatin1(levels[i % 5]),
                                            QStringLiteral("Edited %1").arg(i % 3)}));
        }
        QVector<int> removed;
        for (int i = 0; i < 60; ++i)
            removed.append(model.rowIdAt(int(random.bounded(model.rowCount()))));
        model.setRowsRemoved(removed, true);

        const QVector<RefRow> rows = refRows(model, orderOf);
        QVERIFY(rows.size() > 4000);
        Model::Filter text;
        text.text = QStringLiteral("10.2");
        Model::Filter letters;
        letters.text = QStringLiteral("ÉC");
        Model::Filter problems;
        problems.problemsOnly = true;
        Model::Filter high;
        high.levelMask = 1u << unsigned(RiskLevel::High);
        high.text = QStringLiteral("scan");
        Model::Filter statuses;
        statuses.statusMask =
            (1u << unsigned(Model::RowStatus::Invalid)) | (1u << unsigned(Model::RowStatus::Merged));
        const QVector<Model::Filter> filters{text, letters, problems, high, statuses};
        for (int column = 0; column < Model::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QByteArray where = QByteArray::number(column) + (order ? " desc" : " asc");
                model.sort(column, order);
                const QVector<int> expected = refOrder(rows, column, order);
                QVERIFY2(viewIds(model) == expected, where.constData());
                for (const Model::Filter& f : filters) {
                    model.setFilter(f);
                    QVector<int> filtered;
                    for (int id : expected) {
                        const auto r = std::find_if(rows.cbegin(), rows.cend(),
                                                    [id](const RefRow& x) { return x.id == id; });
                        if (refAccepts(*r, f))
                            filtered.append(id);
                    }
                    QVERIFY2(!filtered.isEmpty(), (where + " " + f.text.toUtf8()).constData());
                    QVERIFY2(viewIds(model) == filtered, (where + " " + f.text.toUtf8()).constData());
                }
                model.setFilter({});
                QVERIFY2(viewIds(model) == expected, where.constData());
            }
        }

        // After edits the view is kept in order row by row (the comparator); rebuilding it through
        // a filter change (the fast path) gives the same order.
        for (int column = 0; column < Model::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(column, order);
                const int id = model.rowIdAt(int(random.bounded(model.rowCount())));
                QVERIFY(
                    model.setRowValues(id, {QStringLiteral("10.2.0.%1").arg(column), QStringLiteral("LOW"),
                                            QStringLiteral("again %1").arg(order)}));
                model.setRowsRemoved({model.rowIdAt(int(random.bounded(model.rowCount())))}, true);
                const QVector<int> incremental = viewIds(model);
                model.setFilter(text);
                model.setFilter({});
                QCOMPARE(viewIds(model), incremental);
                model.sort(column, order); // afresh, through the rebuilt ranks
                QCOMPARE(viewIds(model), incremental);
            }
        }
    }

    // An imported file's rejected and merged rows show every field they had, and editing them
    // starts from those values (tests/data/risk_mixed.csv).
    void importedProblemRowsKeepEveryField() {
        const ImportResult result =
            RiskRowImporter().importFile(QStringLiteral(THREATDESK_TEST_DATA_DIR "/risk_mixed.csv"));
        QVERIFY(result.error.isEmpty());
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(result);
        auto shown = [&model](qint64 line) {
            const int id = idOfLine(model, line);
            QStringList cells;
            for (int col : {int(Model::IpColumn), int(Model::LevelColumn), int(Model::MessageColumn),
                            int(Model::StatusColumn)})
                cells.append(cell(model, id, col).data().toString());
            return cells;
        };
        QCOMPARE(shown(4), (QStringList{"10.0.0.0/8", "LOW", "", "invalid"}));
        QCOMPARE(shown(5), (QStringList{"1.1.1.1", "medium", "bad!", "invalid"}));
        QCOMPARE(shown(6), (QStringList{"8.8.8.8", "LOW", "duplicate of line 3", "merged"}));
        QVERIFY(reasonText(model, idOfLine(model, 6)).contains(QStringLiteral("line 3")));
        QCOMPARE(
            model.rowValues(idOfLine(model, 5)),
            (Model::RowValues{QStringLiteral("1.1.1.1"), QStringLiteral("medium"), QStringLiteral("bad!")}));
        const QModelIndex level = cell(model, idOfLine(model, 5), Model::LevelColumn);
        QCOMPARE(level.data(Qt::EditRole).toString(), QStringLiteral("medium"));
        // Counts are those of the import: the merged row's level is not a subject's.
        QCOMPARE(model.counts().count(Model::RowStatus::Merged), 1);
        QCOMPARE(model.counts().perLevel[size_t(RiskLevel::Low)], int(result.count(RiskLevel::Low)));

        // Fixing only the message makes the rejected row a subject with its own ip and level.
        const int line5 = idOfLine(model, 5);
        QVERIFY(model.setRowValues(
            line5, {QStringLiteral("1.1.1.1"), QStringLiteral("medium"), QStringLiteral("bad")}));
        QCOMPARE(shown(5), (QStringList{"1.1.1.1", "MEDIUM", "bad", "valid"}));
        // Removing the subject the duplicate was merged into makes the duplicate the subject.
        model.setRowsRemoved({idOfLine(model, 3)}, true);
        QCOMPARE(shown(6), (QStringList{"8.8.8.8", "LOW", "duplicate of line 3", "valid"}));
        QVector<int> all(model.rowCount() + 1);
        std::iota(all.begin(), all.end(), 0);
        model.setRowsRemoved(all, false);
        QCOMPARE(shown(6).constLast(), QStringLiteral("merged"));
        QCOMPARE(statusText(model, idOfLine(model, 3)), QStringLiteral("valid"));
    }

    void largeBatchSmoke() {
        // 200,000 typed rows: append, remove a few, edit, restore, send. Guards against anything
        // quadratic (a per-row full scan or re-sort would take minutes here); no timing asserted.
        // No QAbstractItemModelTester here: it walks every row on each reset.
        Model model;
        model.setImport(sampleImport());
        QVector<Model::RowValues> values;
        const int n = 200000;
        values.reserve(n);
        for (int i = 0; i < n; ++i) {
            const int k = i % 199990; // the last ten rows repeat the first ten addresses
            values.append({QStringLiteral("11.%1.%2.%3").arg(k >> 16).arg((k >> 8) & 0xff).arg(k & 0xff),
                           QStringLiteral("medium"), QStringLiteral("feed")});
        }
        const QVector<int> ids = model.appendRows(values);
        QCOMPARE(ids.size(), n);
        QCOMPARE(model.counts().rows, n + 7);
        QCOMPARE(model.counts().count(Model::RowStatus::Merged), 11);
        QCOMPARE(statusText(model, ids[n - 1]), QStringLiteral("merged"));

        const Model::Counts before = model.counts();
        const QVector<int> some{ids[0], ids[5], ids[100000], ids[n - 3]};
        model.setRowsRemoved(some, true);
        QCOMPARE(model.counts().rows, n + 3);
        QCOMPARE(statusText(model, ids[n - 10]), QStringLiteral("valid")); // ids[0] is gone
        QVERIFY(model.setRowValues(ids[7], {QStringLiteral("12.0.0.1"), QStringLiteral("HIGH"), QString()}));
        QVERIFY(model.setRowValues(ids[7], values[7]));
        // 199,990 addresses less the one removed without a duplicate, and the 4 imported subjects.
        QCOMPARE(model.subjectsForSend().size(), 4 + 199990 - 1);
        model.setRowsRemoved(some, false);
        QVERIFY(sameCounts(model.counts(), before));
        model.sort(Model::IpColumn, Qt::DescendingOrder);
        model.setRowsRemoved({ids[42]}, true);
        QVERIFY(model.setRowValues(ids[43],
                                   {QStringLiteral("223.255.255.254"), QStringLiteral("LOW"), QString()}));
        const int moved = model.visibleRowOf(ids[43]);
        QVERIFY(moved > 0);
        QCOMPARE(model.index(moved - 1, Model::IpColumn).data().toString(),
                 QStringLiteral("2001:4860::8888"));
        const QVector<RiskSubject> subjects = model.subjectsForSend();
        QCOMPARE(subjects.size(), 4 + 199990 - 1);
        QCOMPARE(subjects.constLast().ip, QStringLiteral("11.3.13.53")); // 199989 = 3*65536 + 13*256 + 53
        QCOMPARE(subjects.at(4).ip, QStringLiteral("11.0.0.0"));
    }

    void emptyImport() {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImport(ImportResult());
        QCOMPARE(model.rowCount(), 0);
        model.sort(Model::IpColumn);
        model.setFilter(Model::Filter{true, 1, 1, QStringLiteral("x")});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.index(0, 0).isValid());
        QCOMPARE(model.rowStatus(0), Model::RowStatus::Valid);
    }
};

QTEST_GUILESS_MAIN(TestRiskSubjectTableModel)
#include "TestRiskSubjectTableModel.moc"
