// DetectionTableModel: one row per detection with its columns, tooltips and roles, loads through
// a DetectionFeed's loaded() only, sorting through a QSortFilterProxyModel on SortRole, and the
// distinct IPs of a selection. Every test runs QAbstractItemModelTester.
#include "DetectionTableModel.h"

#include "ManualClock.h"
#include "api/OktaClient.h"
#include "incident/DetectionFeed.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

namespace {
ThreatDetection detection(const QString& uuid, const QString& published, const QString& ip,
                          ThreatDetection::Kind kind = ThreatDetection::Kind::ThreatDetected,
                          const QString& outcome = QStringLiteral("DENY"),
                          const QString& threat = QStringLiteral("Login failures")) {
    ThreatDetection d;
    d.uuid = uuid;
    d.published = QDateTime::fromString(published, Qt::ISODate).toUTC();
    d.kind = kind;
    d.eventType = kind == ThreatDetection::Kind::ThreatDetected ? QStringLiteral("security.threat.detected")
                  : kind == ThreatDetection::Kind::AttackStart  ? QStringLiteral("security.attack.start")
                                                                : QStringLiteral("security.attack.end");
    d.ip = ip;
    d.outcome = outcome;
    d.threatSuspected = threat;
    d.detail = threat.isEmpty()
                   ? QStringLiteral("Org under attack")
                   : QStringLiteral("Request from suspicious actor; threat suspected: ") + threat;
    d.location = ip.isEmpty() ? QString() : QStringLiteral("Lisbon, Portugal");
    d.raw = QJsonObject{{QStringLiteral("uuid"), uuid}};
    return d;
}

// Newest first, as the feed delivers them; 10.0.0.10 sorts after 10.0.0.9 numerically.
QList<ThreatDetection> sample() {
    return {
        detection(QStringLiteral("u5"), QStringLiteral("2026-11-21T12:00:00Z"), QStringLiteral("10.0.0.9")),
        detection(QStringLiteral("u4"), QStringLiteral("2026-11-21T11:00:00Z"), QString(),
                  ThreatDetection::Kind::AttackEnd, QStringLiteral("SUCCESS"), QString()),
        detection(QStringLiteral("u3"), QStringLiteral("2026-11-21T10:00:00Z"), QStringLiteral("10.0.0.10"),
                  ThreatDetection::Kind::ThreatDetected, QStringLiteral("RATE_LIMIT"),
                  QStringLiteral("Spray")),
        detection(QStringLiteral("u2"), QStringLiteral("2026-11-21T09:00:00Z"),
                  QStringLiteral("2001:db8::1")),
        detection(QStringLiteral("u1"), QStringLiteral("2026-11-21T08:00:00Z"), QStringLiteral("10.0.0.9"),
                  ThreatDetection::Kind::ThreatDetected, QStringLiteral("ALLOW")),
    };
}
} // namespace

class TestDetectionTableModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void emptyAtFirst();
    void oneRowPerDetectionWithItsColumns();
    void tooltipsCarryTheDetails();
    void rolesForTheView();
    void headersAreNamed();
    void sortsThroughAProxy();
    void ipsOfRowsAreDistinctInRowOrder();
    void loadsOnlyThroughTheFeedsLoadedSignal();
    void detachingKeepsTheRows();
    void attachingAFeedThatNeverLoadedKeepsTheRows();

private:
    QModelIndex cell(int row, int column) const { return m_model->index(row, column); }

    std::unique_ptr<DetectionTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestDetectionTableModel::init() {
    m_model = std::make_unique<DetectionTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestDetectionTableModel::cleanup() {
    m_tester.reset();
    m_model.reset();
}

void TestDetectionTableModel::emptyAtFirst() {
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(DetectionTableModel::ColumnCount));
    QCOMPARE(m_model->detectionAt(0), nullptr);
    QVERIFY(m_model->ipsOfRows({0, 1}).isEmpty());
}

void TestDetectionTableModel::oneRowPerDetectionWithItsColumns() {
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setDetections(sample());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->rowCount(cell(0, 0)), 0); // a table: no children

    const QDateTime published = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
    QCOMPARE(cell(0, DetectionTableModel::TimeColumn).data().toString(),
             published.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(cell(0, DetectionTableModel::IpColumn).data().toString(), QStringLiteral("10.0.0.9"));
    QCOMPARE(cell(0, DetectionTableModel::EventColumn).data().toString(), QStringLiteral("Threat detected"));
    QCOMPARE(cell(0, DetectionTableModel::OutcomeColumn).data().toString(), QStringLiteral("DENY"));
    QCOMPARE(cell(0, DetectionTableModel::ThreatColumn).data().toString(), QStringLiteral("Login failures"));
    QCOMPARE(cell(0, DetectionTableModel::LocationColumn).data().toString(),
             QStringLiteral("Lisbon, Portugal"));

    // The attack-ended row: no IP, no location, and the detail stands in for the missing threat.
    QCOMPARE(cell(1, DetectionTableModel::IpColumn).data().toString(), QString());
    QCOMPARE(cell(1, DetectionTableModel::EventColumn).data().toString(), QStringLiteral("Attack ended"));
    QCOMPARE(cell(1, DetectionTableModel::OutcomeColumn).data().toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(cell(1, DetectionTableModel::ThreatColumn).data().toString(),
             QStringLiteral("Org under attack"));
    QCOMPARE(cell(1, DetectionTableModel::LocationColumn).data().toString(), QString());

    QCOMPARE(m_model->detectionAt(2)->uuid, QStringLiteral("u3"));
    QCOMPARE(m_model->detectionAt(4)->outcome, QStringLiteral("ALLOW"));
    QCOMPARE(m_model->detectionAt(5), nullptr);
    QCOMPARE(m_model->detectionAt(-1), nullptr);
    QVERIFY(!m_model->data(m_model->index(9, 0)).isValid());
}

void TestDetectionTableModel::tooltipsCarryTheDetails() {
    QList<ThreatDetection> rows = sample();
    rows[0].outcomeReason = QStringLiteral("Password spray");
    m_model->setDetections(rows);
    QCOMPARE(cell(0, DetectionTableModel::TimeColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2026-11-21T12:00:00.000Z (UTC)\nEvent u5"));
    QCOMPARE(cell(0, DetectionTableModel::EventColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("security.threat.detected"));
    QCOMPARE(cell(0, DetectionTableModel::OutcomeColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("DENY: Password spray"));
    QCOMPARE(cell(0, DetectionTableModel::ThreatColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Request from suspicious actor; threat suspected: Login failures"));
    QCOMPARE(cell(1, DetectionTableModel::IpColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Org-wide event: no client IP"));
    QCOMPARE(cell(1, DetectionTableModel::OutcomeColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("SUCCESS"));
}

void TestDetectionTableModel::rolesForTheView() {
    m_model->setDetections(sample());
    for (int column = 0; column < DetectionTableModel::ColumnCount; ++column) {
        QCOMPARE(cell(2, column).data(DetectionTableModel::IpRole).toString(), QStringLiteral("10.0.0.10"));
        QCOMPARE(cell(2, column).data(DetectionTableModel::KindRole).toInt(),
                 int(ThreatDetection::Kind::ThreatDetected));
        QCOMPARE(cell(2, column).data(DetectionTableModel::OutcomeRole).toString(),
                 QStringLiteral("RATE_LIMIT"));
    }
    QCOMPARE(cell(1, 0).data(DetectionTableModel::KindRole).toInt(), int(ThreatDetection::Kind::AttackEnd));
    QCOMPARE(cell(0, DetectionTableModel::TimeColumn).data(DetectionTableModel::SortRole).toLongLong(),
             QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(cell(0, DetectionTableModel::TimeColumn).data(DetectionTableModel::SortRole).typeId(),
             QMetaType::LongLong);
}

void TestDetectionTableModel::headersAreNamed() {
    const QStringList expected{QStringLiteral("Time"),   QStringLiteral("IP"),
                               QStringLiteral("Event"),  QStringLiteral("Outcome"),
                               QStringLiteral("Threat"), QStringLiteral("Location")};
    for (int column = 0; column < DetectionTableModel::ColumnCount; ++column) {
        QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), expected.at(column));
        QVERIFY(!m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

void TestDetectionTableModel::sortsThroughAProxy() {
    m_model->setDetections(sample());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSortRole(DetectionTableModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto column = [&proxy](int c, int role = DetectionTableModel::IpRole) {
        QStringList values;
        for (int row = 0; row < proxy.rowCount(); ++row)
            values << proxy.index(row, c).data(role).toString();
        return values;
    };

    proxy.sort(DetectionTableModel::TimeColumn, Qt::AscendingOrder);
    QCOMPARE(column(DetectionTableModel::TimeColumn, Qt::ToolTipRole).first().left(20),
             QStringLiteral("2026-11-21T08:00:00."));
    QCOMPARE(proxy.index(0, 0).data(DetectionTableModel::OutcomeRole).toString(), QStringLiteral("ALLOW"));
    proxy.sort(DetectionTableModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(Qt::ToolTipRole).toString().right(2), QStringLiteral("u5"));

    // Numeric IP order, IPv4 before IPv6, no IP first.
    proxy.sort(DetectionTableModel::IpColumn, Qt::AscendingOrder);
    QCOMPARE(column(DetectionTableModel::IpColumn),
             (QStringList{QString(), QStringLiteral("10.0.0.9"), QStringLiteral("10.0.0.9"),
                          QStringLiteral("10.0.0.10"), QStringLiteral("2001:db8::1")}));

    proxy.sort(DetectionTableModel::OutcomeColumn, Qt::AscendingOrder);
    QCOMPARE(column(DetectionTableModel::OutcomeColumn, DetectionTableModel::OutcomeRole),
             (QStringList{QStringLiteral("ALLOW"), QStringLiteral("DENY"), QStringLiteral("DENY"),
                          QStringLiteral("RATE_LIMIT"), QStringLiteral("SUCCESS")}));

    // A new load re-sorts in the proxy.
    m_model->setDetections({sample().at(2), sample().at(0)});
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(column(DetectionTableModel::OutcomeColumn, DetectionTableModel::OutcomeRole),
             (QStringList{QStringLiteral("DENY"), QStringLiteral("RATE_LIMIT")}));
}

void TestDetectionTableModel::ipsOfRowsAreDistinctInRowOrder() {
    m_model->setDetections(sample());
    QCOMPARE(m_model->ipsOfRows({0, 1, 2, 3, 4}),
             (QStringList{QStringLiteral("10.0.0.9"), QStringLiteral("10.0.0.10"),
                          QStringLiteral("2001:db8::1")}));
    // Row order whatever the order of the selection; duplicates, IP-less and unknown rows skipped.
    QCOMPARE(m_model->ipsOfRows({4, 3, 1, 3, 99, -1}),
             (QStringList{QStringLiteral("2001:db8::1"), QStringLiteral("10.0.0.9")}));
    QVERIFY(m_model->ipsOfRows({1}).isEmpty());
    QVERIFY(m_model->ipsOfRows({}).isEmpty());
}

void TestDetectionTableModel::loadsOnlyThroughTheFeedsLoadedSignal() {
    OktaClient client(nullptr);
    ManualClock clock;
    DetectionFeed feed(&client, &clock);
    m_model->setFeed(&feed);
    QCOMPARE(m_model->rowCount(), 0); // the feed has not loaded yet

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    emit feed.loaded(sample(), {});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 5);

    // Loading state and failures leave the rows alone.
    emit feed.loadingChanged(true);
    emit feed.failed(QStringLiteral("Reading the System Log failed"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 5);

    emit feed.loaded({sample().at(3)}, {QStringLiteral("event #2: uuid is missing")});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->detectionAt(0)->uuid, QStringLiteral("u2"));
}

void TestDetectionTableModel::detachingKeepsTheRows() {
    OktaClient client(nullptr);
    ManualClock clock;
    auto feed = std::make_unique<DetectionFeed>(&client, &clock);
    m_model->setFeed(feed.get());
    emit feed->loaded(sample(), {});
    m_model->setFeed(nullptr);
    emit feed->loaded({}, {});
    QCOMPARE(m_model->rowCount(), 5);

    m_model->setFeed(feed.get());
    feed.reset(); // a destroyed feed detaches too
    QCOMPARE(m_model->rowCount(), 5);
    m_model->setDetections({});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestDetectionTableModel::attachingAFeedThatNeverLoadedKeepsTheRows() {
    OktaClient client(nullptr);
    ManualClock clock;
    DetectionFeed feed(&client, &clock);
    // A feed that never loaded: attaching leaves the current rows.
    m_model->setDetections(sample());
    m_model->setFeed(&feed);
    QCOMPARE(m_model->rowCount(), 5);
}

QTEST_GUILESS_MAIN(TestDetectionTableModel)
#include "TestDetectionTableModel.moc"
