// SubjectDeduplicator: one subject per ip, highest level wins with its message, first row on a tie.
#include "riskevents/SubjectDeduplicator.h"

#include <QTest>

namespace {

// "ip LEVEL message@line" rows in, kept subjects and merged lines out.
RiskSubject subject(const QString& spec) {
    const QStringList parts = spec.split(QLatin1Char('@'));
    const QStringList words = parts[0].split(QLatin1Char(' '));
    RiskSubject s;
    s.ip = words.value(0);
    s.level = *RiskLevels::parse(words.value(1));
    s.message = words.mid(2).join(QLatin1Char(' '));
    s.sourceLine = parts.value(1).toLongLong();
    return s;
}

QString describe(const RiskSubject& s) {
    QString text = s.ip + QLatin1Char(' ') + RiskLevels::toString(s.level);
    if (!s.message.isEmpty())
        text += QLatin1Char(' ') + s.message;
    return text + QLatin1Char('@') + QString::number(s.sourceLine);
}

} // namespace

class TestSubjectDeduplicator : public QObject {
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
    void mergedReasons();
    void manySubjects();
    void takeResets();
};

void TestSubjectDeduplicator::rules_data() {
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QStringList>("mergedLines");
    QTest::newRow("distinct") << QStringList{"1.1.1.1 LOW a@1", "2.2.2.2 HIGH b@2"}
                              << QStringList{"1.1.1.1 LOW a@1", "2.2.2.2 HIGH b@2"} << QStringList{};
    QTest::newRow("tie: first row wins") << QStringList{"1.1.1.1 MEDIUM first@1", "1.1.1.1 MEDIUM second@2"}
                                         << QStringList{"1.1.1.1 MEDIUM first@1"} << QStringList{"2"};
    QTest::newRow("higher later wins, keeps its message and place")
        << QStringList{"1.1.1.1 LOW low@1", "2.2.2.2 LOW x@2", "1.1.1.1 HIGH high@3"}
        << QStringList{"1.1.1.1 HIGH high@3", "2.2.2.2 LOW x@2"} << QStringList{"1"};
    QTest::newRow("lower later loses") << QStringList{"1.1.1.1 HIGH h@1", "1.1.1.1 LOW l@2"}
                                       << QStringList{"1.1.1.1 HIGH h@1"} << QStringList{"2"};
    QTest::newRow("climbs twice") << QStringList{"1.1.1.1 LOW a@1", "1.1.1.1 MEDIUM b@2", "1.1.1.1 HIGH c@3",
                                                 "1.1.1.1 HIGH d@4"}
                                  << QStringList{"1.1.1.1 HIGH c@3"} << QStringList{"1", "2", "4"};
    QTest::newRow("message of the winner, even empty") << QStringList{"1.1.1.1 LOW text@1", "1.1.1.1 HIGH@2"}
                                                       << QStringList{"1.1.1.1 HIGH@2"} << QStringList{"1"};
    QTest::newRow("ipv6 canonical keys") << QStringList{"2606:4700::1 LOW@1", "2606:4700::1 MEDIUM@2"}
                                         << QStringList{"2606:4700::1 MEDIUM@2"} << QStringList{"1"};
}

void TestSubjectDeduplicator::rules() {
    QFETCH(QStringList, rows);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, mergedLines);
    SubjectDeduplicator dedup;
    QStringList merged;
    for (const QString& row : rows) {
        if (const auto issue = dedup.add(subject(row))) {
            QCOMPARE(issue->kind, ValidationIssue::Kind::Merged);
            QCOMPARE(issue->field, QStringLiteral("ip"));
            QVERIFY(!issue->reason.isEmpty());
            merged.append(QString::number(issue->line));
        }
    }
    QStringList got;
    for (const RiskSubject& s : dedup.subjects())
        got.append(describe(s));
    QCOMPARE(got, kept);
    merged.sort();
    QCOMPARE(merged, mergedLines);
    QCOMPARE(dedup.mergedCount(), mergedLines.size());
    QCOMPARE(dedup.size() + dedup.mergedCount(), rows.size()); // nothing lost
}

void TestSubjectDeduplicator::mergedReasons() {
    SubjectDeduplicator dedup;
    QVERIFY(!dedup.add(subject("1.1.1.1 MEDIUM@4")));
    auto tie = dedup.add(subject("1.1.1.1 MEDIUM@9"));
    QVERIFY(tie);
    QCOMPARE(tie->line, 9);
    QCOMPARE(tie->value, QStringLiteral("1.1.1.1"));
    QCOMPARE(tie->reason,
             QStringLiteral(
                 "duplicate address: merged into line 4, which has the same level MEDIUM and comes first"));
    auto higher = dedup.add(subject("1.1.1.1 HIGH@12"));
    QVERIFY(higher);
    QCOMPARE(higher->line, 4);
    QCOMPARE(higher->reason,
             QStringLiteral("duplicate address: merged into line 12, which has the higher level HIGH"));
    // The merged row's own values go with the issue: the later row on a tie, the earlier,
    // lower row when a higher one replaces it.
    QCOMPARE(tie->rowIp, QStringLiteral("1.1.1.1"));
    QCOMPARE(tie->rowLevel, QStringLiteral("MEDIUM"));
    QCOMPARE(tie->rowMessage, subject("1.1.1.1 MEDIUM@9").message);
    QCOMPARE(higher->rowLevel, QStringLiteral("MEDIUM"));
    QCOMPARE(higher->rowIp, QStringLiteral("1.1.1.1"));
    auto typed = SubjectDeduplicator::mergedReason(subject("1.1.1.1 LOW@0"), true);
    QCOMPARE(typed,
             QStringLiteral("duplicate address: merged into an earlier row, which has the same level LOW "
                            "and comes first"));
}

void TestSubjectDeduplicator::manySubjects() {
    SubjectDeduplicator dedup;
    for (int i = 0; i < 20000; ++i) {
        RiskSubject s;
        s.ip = QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256);
        s.level = RiskLevel::Low;
        s.sourceLine = i + 1;
        QVERIFY(!dedup.add(s));
    }
    for (int i = 0; i < 20000; i += 7) {
        RiskSubject s;
        s.ip = QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256);
        s.level = RiskLevel::High;
        s.sourceLine = 100000 + i;
        QVERIFY(dedup.add(s));
    }
    QCOMPARE(dedup.size(), 20000);
    QCOMPARE(dedup.subjects()[7].level, RiskLevel::High);
    QCOMPARE(dedup.subjects()[7].sourceLine, 100007);
    QCOMPARE(dedup.subjects()[8].level, RiskLevel::Low);
}

void TestSubjectDeduplicator::takeResets() {
    SubjectDeduplicator dedup;
    dedup.add(subject("1.1.1.1 LOW@1"));
    QCOMPARE(dedup.takeSubjects().size(), 1);
    QCOMPARE(dedup.size(), 0);
    QVERIFY(!dedup.add(subject("1.1.1.1 LOW@2"))); // a fresh start
}

QTEST_APPLESS_MAIN(TestSubjectDeduplicator)
#include "TestSubjectDeduplicator.moc"
