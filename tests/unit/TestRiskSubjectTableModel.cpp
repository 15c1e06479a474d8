#include "RiskSubjectTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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
