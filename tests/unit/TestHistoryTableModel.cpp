// HistoryTableModel: columns and roles of runs and ThreatInsight changes, local time with UTC in
// the tooltip, sorting by every kind of column (persistent indexes follow), a reset keeps the
// chosen sort; checked by QAbstractItemModelTester throughout.
#include "HistoryTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

namespace {

QDateTime at(int hour) {
    return QDateTime(QDate(2026, 2, 18), QTime(hour, 30), Qt::UTC);
}

HistoryEntry run(int hour, int subjects, int accepted, int rejected, const QString& outcome) {
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::RiskRun;
    entry.when = at(hour);
    entry.profileId = QStringLiteral("acme");
    entry.outcome = outcome;
    entry.subjects = subjects;
    entry.accepted = accepted;
    entry.rejected = rejected;
    entry.pending = subjects - accepted - rejected;
    entry.summary = QStringLiteral("%1 subjects").arg(subjects);
    entry.runDirectory = QStringLiteral("/runs/acme/%1").arg(hour);
    return entry;
}

HistoryEntry change(int hour, const QString& summary) {
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::ThreatInsightChange;
    entry.when = at(hour);
    entry.profileId = QStringLiteral("acme");
    entry.profileName = QStringLiteral("Acme production");
    entry.outcome = QStringLiteral("saved");
    entry.summary = summary;
    entry.requestIds = {QStringLiteral("req-%1").arg(hour)};
    return entry;
}

QList<HistoryEntry> sample() {
    // The store's order: newest first; the last one is damaged (no time).
    HistoryEntry damaged = change(0, QStringLiteral("line 3 cannot be read"));
    damaged.when = QDateTime();
    damaged.outcome = QStringLiteral("unreadable");
    return {change(9, QStringLiteral("action audit \u2192 block")),
            run(8, 1000, 990, 10, QStringLiteral("completed")),
            run(7, 50, 20, 0, QStringLiteral("interrupted")),
            change(6, QStringLiteral("action none \u2192 audit")), damaged};
}

QStringList column(const QAbstractItemModel& model, int col, int role = Qt::DisplayRole) {
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, col).data(role).toString());
    return values;
}

} // namespace

class TestHistoryTableModel : public QObject {
    Q_OBJECT
private slots:
    void columnsAndRoles();
    void sortsByEveryColumnKind();
    void persistentIndexesFollowTheSort();
    void newEntriesKeepTheChosenSort();
};

void TestHistoryTableModel::columnsAndRoles() {
    HistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(HistoryTableModel::ColumnCount));
    model.setEntries(sample());
    QCOMPARE(model.rowCount(), 5);

    const QStringList headers = [&] {
        QStringList h;
        for (int c = 0; c < model.columnCount(); ++c)
            h.append(model.headerData(c, Qt::Horizontal).toString());
        return h;
    }();
    QCOMPARE(headers, (QStringList{"When", "Kind", "Profile", "Outcome", "Subjects", "Accepted", "Rejected",
                                   "Pending", "Summary"}));

    // When: local time shown, UTC in the tooltip.
    const QModelIndex when = model.index(1, HistoryTableModel::WhenColumn);
    QCOMPARE(when.data().toString(), at(8).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(when.data(Qt::ToolTipRole).toString(), QStringLiteral("2026-02-18 08:30:00 UTC"));
    QCOMPARE(model.index(4, HistoryTableModel::WhenColumn).data().toString(), QStringLiteral("unknown"));

    QCOMPARE(column(model, HistoryTableModel::KindColumn),
             (QStringList{"ThreatInsight change", "Risk events run", "Risk events run",
                          "ThreatInsight change", "ThreatInsight change"}));
    // Who: the profile's name, its id when no name was recorded; the id in the tooltip.
    QCOMPARE(model.index(0, HistoryTableModel::ProfileColumn).data().toString(),
             QStringLiteral("Acme production"));
    QCOMPARE(model.index(1, HistoryTableModel::ProfileColumn).data().toString(), QStringLiteral("acme"));
    QCOMPARE(model.index(0, HistoryTableModel::ProfileColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("acme"));
    QCOMPARE(column(model, HistoryTableModel::OutcomeColumn),
             (QStringList{"Saved", "Completed", "Interrupted", "Saved", "Unreadable"}));
    QCOMPARE(model.index(2, HistoryTableModel::OutcomeColumn).data(HistoryTableModel::OutcomeRole).toString(),
             QStringLiteral("interrupted"));
    // Counts for runs only, right-aligned.
    QCOMPARE(column(model, HistoryTableModel::PendingColumn), (QStringList{"", "0", "30", "", ""}));
    QCOMPARE(model.index(1, HistoryTableModel::AcceptedColumn).data().toString(), QLocale().toString(990));
    QCOMPARE(
        model.index(1, HistoryTableModel::AcceptedColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
        Qt::AlignRight | Qt::AlignVCenter);
    QVERIFY(!model.index(0, HistoryTableModel::SubjectsColumn).data().isValid());
    QCOMPARE(model.index(0, HistoryTableModel::SummaryColumn).data().toString(),
             QStringLiteral("action audit \u2192 block"));
    QCOMPARE(
        model.index(1, HistoryTableModel::SummaryColumn).data(HistoryTableModel::RunDirectoryRole).toString(),
        QStringLiteral("/runs/acme/8"));
    QCOMPARE(model.entry(3).requestIds, QStringList{"req-6"});
    // Out of range and invalid indexes give nothing.
    QVERIFY(!model.data(QModelIndex()).isValid());
    QVERIFY(!model.headerData(HistoryTableModel::ColumnCount, Qt::Horizontal).isValid());
}

void TestHistoryTableModel::sortsByEveryColumnKind() {
    HistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(sample());

    model.sort(HistoryTableModel::WhenColumn, Qt::AscendingOrder);
    QCOMPARE(column(model, HistoryTableModel::WhenColumn, Qt::ToolTipRole).mid(1),
             (QStringList{"2026-02-18 06:30:00 UTC", "2026-02-18 07:30:00 UTC", "2026-02-18 08:30:00 UTC",
                          "2026-02-18 09:30:00 UTC"}));
    QCOMPARE(model.entry(0).outcome, QStringLiteral("unreadable")); // unknown time counts as oldest
    model.sort(HistoryTableModel::WhenColumn, Qt::DescendingOrder);
    QCOMPARE(model.entry(0).when, at(9));
    QCOMPARE(model.entry(4).outcome, QStringLiteral("unreadable"));

    // Numbers numerically (1000 > 50), changes without counts below every run.
    model.sort(HistoryTableModel::SubjectsColumn, Qt::DescendingOrder);
    QCOMPARE(model.entry(0).subjects, 1000);
    QCOMPARE(model.entry(1).subjects, 50);
    QCOMPARE(model.entry(2).kind, HistoryEntry::Kind::ThreatInsightChange);
    model.sort(HistoryTableModel::PendingColumn, Qt::AscendingOrder);
    QCOMPARE(model.entry(3).pending, 0);
    QCOMPARE(model.entry(4).pending, 30);

    // Text by its displayed words.
    model.sort(HistoryTableModel::OutcomeColumn, Qt::AscendingOrder);
    QCOMPARE(column(model, HistoryTableModel::OutcomeColumn),
             (QStringList{"Completed", "Interrupted", "Saved", "Saved", "Unreadable"}));
    // Stable: equal outcomes keep the newest first.
    QCOMPARE(model.entry(2).when, at(9));
    QCOMPARE(model.entry(3).when, at(6));
    model.sort(HistoryTableModel::KindColumn, Qt::DescendingOrder);
    QCOMPARE(model.entry(0).kind, HistoryEntry::Kind::ThreatInsightChange);
    QCOMPARE(model.entry(4).kind, HistoryEntry::Kind::RiskRun);
}

void TestHistoryTableModel::persistentIndexesFollowTheSort() {
    HistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(sample());
    const QPersistentModelIndex interrupted(model.index(2, HistoryTableModel::SummaryColumn));
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.sort(HistoryTableModel::SubjectsColumn, Qt::AscendingOrder);
    QCOMPARE(layout.count(), 1);
    QVERIFY(interrupted.isValid());
    QCOMPARE(interrupted.column(), int(HistoryTableModel::SummaryColumn));
    QCOMPARE(model.entry(interrupted.row()).outcome, QStringLiteral("interrupted"));
    QCOMPARE(interrupted.data().toString(), QStringLiteral("50 subjects"));
}

void TestHistoryTableModel::newEntriesKeepTheChosenSort() {
    HistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(sample());
    model.sort(HistoryTableModel::AcceptedColumn, Qt::DescendingOrder);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QList<HistoryEntry> more = sample();
    more.prepend(run(10, 5000, 4000, 0, QStringLiteral("running")));
    model.setEntries(more);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.entry(0).accepted, 4000);
    QCOMPARE(model.entry(1).accepted, 990);
    QCOMPARE(model.entries().size(), 6);
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestHistoryTableModel)
#include "TestHistoryTableModel.moc"
