// DetectionFeed against the sandbox org over real loopback HTTP: the seeded detections, paging,
// generated events, since/until bounds (with a skewed server clock), a 500 fault and a busy
// refresh; plus, over a scripted network, the exact query sent and events that cannot be read.
// No sleeps: signals and QTRY_* only.
#include "SandboxServer.h"

#include "DetectionTableModel.h"
#include "FakeNetworkAccessManager.h"
#include "ManualClock.h"
#include "api/OktaClient.h"
#include "api/OktaTime.h"
#include "api/SswsAuthProvider.h"
#include "incident/DetectionFeed.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {
// A fixed server clock so the seeded events sit at known minutes before "now".
constexpr qint64 FixedNowMs = 1795473015000; // 2026-11-23T22:30:15Z
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 DaySeconds = 24 * 3600;
constexpr int WaitMs = 10000;
constexpr int SeededEvents = 14; // 12 security.threat.detected + attack start and end
constexpr int SeededDistinctIps = 8;

QStringList ipsOf(const QList<ThreatDetection>& detections) {
    QStringList ips;
    for (const ThreatDetection& d : detections)
        ips << d.ip;
    return ips;
}
} // namespace

// Runs one refresh of the last `lookback` seconds to its end and checks it loaded (not failed).
#define LOAD(lookback)                                                                                       \
    do {                                                                                                     \
        const int loadedBefore = m_loadedCount;                                                              \
        const qsizetype failuresBefore = m_failures.size();                                                  \
        QVERIFY(m_feed->refresh(lookback));                                                                  \
        QTRY_COMPARE_WITH_TIMEOUT(m_loadedCount + int(m_failures.size() - failuresBefore), loadedBefore + 1, \
                                  WaitMs);                                                                   \
        QVERIFY2(m_failures.size() == failuresBefore, qPrintable(m_failures.join(QLatin1Char('\n'))));       \
        QVERIFY(!m_feed->isLoading());                                                                       \
    } while (false)

class TestDetectionFeed : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void seededDetectionsLoadNewestFirst();
    void pagingWithASmallPageSize();
    void generatedDetectionsAppearOnTheNextRefresh();
    void sinceIsInclusiveUntilExclusive();
    void skewedServerClock();
    void serverErrorFailsWithTheRequestId();
    void refreshWhileLoadingReturnsFalse();
    void cancelStopsWithoutASignal();
    void emptyRangeIsRefusedWithAReason();
    void tableModelFollowsTheFeed();
    void sendsTheFilterAndTheRange();
    void unreadableEventsAreSkippedWithTheirReason();

private:
    bool startServer(const SandboxOptions& options = {});
    qint64 m_serverNowMs = FixedNowMs;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<OktaClient> m_client;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DetectionFeed> m_feed;
    QStringList m_skipped;
    int m_loadedCount = 0;
    QStringList m_failures;
};

void TestDetectionFeed::init() {
    m_serverNowMs = FixedNowMs;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_loadedCount = 0;
    m_skipped.clear();
    m_failures.clear();
}

void TestDetectionFeed::cleanup() {
    m_feed.reset();
    m_client.reset();
    m_server.reset();
    m_clock.reset();
    m_nam.reset();
}

bool TestDetectionFeed::startServer(const SandboxOptions& options) {
    m_feed.reset();
    m_client.reset();
    m_server = std::make_unique<SandboxServer>(options);
    m_server->setTimeSource([this] { return m_serverNowMs; });
    QString error;
    if (!m_server->start(&error)) {
        qWarning("sandbox did not start: %s", qPrintable(error));
        return false;
    }
    m_client = std::make_unique<OktaClient>(m_nam.get());
    if (!m_client->setBaseUrl(m_server->baseUrl().toString(), &error)) {
        qWarning("base URL refused: %s", qPrintable(error));
        return false;
    }
    m_client->setTransferTimeoutMs(WaitMs);
    m_client->setAuthProvider(std::make_shared<SswsAuthProvider>(m_server->token()));
    // The feed's clock reads what the server's clock reads (skew included).
    m_clock = std::make_unique<ManualClock>(m_server->currentTimeMs());
    m_feed = std::make_unique<DetectionFeed>(m_client.get(), m_clock.get());
    connect(m_feed.get(), &DetectionFeed::loaded, this,
            [this](const QList<ThreatDetection>&, const QStringList& skipped) {
                ++m_loadedCount;
                m_skipped = skipped;
            });
    connect(m_feed.get(), &DetectionFeed::failed, this,
            [this](const QString& message) { m_failures << message; });
    return true;
}

void TestDetectionFeed::seededDetectionsLoadNewestFirst() {
    QVERIFY(startServer());
    QSignalSpy loading(m_feed.get(), &DetectionFeed::loadingChanged);
    QSignalSpy loaded(m_feed.get(), &DetectionFeed::loaded);
    QVERIFY(!m_feed->isLoading());
    QVERIFY(!m_feed->lastRefreshed().isValid());

    QVERIFY(m_feed->refresh(DaySeconds));
    QVERIFY(m_feed->isLoading());
    QCOMPARE(loading.count(), 1);
    QCOMPARE(loading.at(0).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);
    QVERIFY(!m_feed->isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.at(1).at(0).toBool(), false);
    QVERIFY(m_failures.isEmpty());
    QVERIFY2(m_skipped.isEmpty(), qPrintable(m_skipped.join(QLatin1Char('\n'))));

    const QList<ThreatDetection> detections = m_feed->detections();
    QCOMPARE(loaded.at(0).at(0).value<QList<ThreatDetection>>().size(), detections.size());
    QCOMPARE(detections.size(), SeededEvents);
    for (int i = 1; i < detections.size(); ++i)
        QVERIFY(detections.at(i - 1).published >= detections.at(i).published);

    // The newest: 25 minutes ago, an allowed request from 198.51.100.140.
    const ThreatDetection& newest = detections.first();
    QCOMPARE(newest.published.toMSecsSinceEpoch(), FixedNowMs - 25 * MinuteMs);
    QCOMPARE(newest.ip, QStringLiteral("198.51.100.140"));
    QCOMPARE(newest.outcome, QStringLiteral("ALLOW"));
    QCOMPARE(newest.kind, ThreatDetection::Kind::ThreatDetected);
    QVERIFY(newest.threatSuspected.startsWith(QStringLiteral("Login failures")));
    QVERIFY(!newest.location.isEmpty());
    QVERIFY(newest.detail.contains(QStringLiteral("/oauth2/v1/token")));
    QCOMPARE(newest.raw.value(QStringLiteral("uuid")).toString(), newest.uuid);

    int starts = 0;
    int ends = 0;
    QSet<QString> outcomes;
    QSet<QString> ips;
    for (const ThreatDetection& d : detections) {
        starts += d.kind == ThreatDetection::Kind::AttackStart;
        ends += d.kind == ThreatDetection::Kind::AttackEnd;
        if (d.kind == ThreatDetection::Kind::ThreatDetected) {
            outcomes.insert(d.outcome);
            ips.insert(d.ip);
        } else {
            QVERIFY(d.ip.isEmpty());
        }
    }
    QCOMPARE(starts, 1);
    QCOMPARE(ends, 1);
    QCOMPARE(outcomes,
             (QSet<QString>{QStringLiteral("DENY"), QStringLiteral("RATE_LIMIT"), QStringLiteral("ALLOW")}));
    QCOMPARE(ips.size(), SeededDistinctIps);
    QVERIFY(ips.contains(QStringLiteral("2001:db8:4f::17")));

    QCOMPARE(m_feed->lastRefreshed().toMSecsSinceEpoch(), FixedNowMs);
    QCOMPARE(m_feed->loadedUntil().toMSecsSinceEpoch(), FixedNowMs);
    QCOMPARE(m_feed->loadedSince().toMSecsSinceEpoch(), FixedNowMs - DaySeconds * 1000);
}

void TestDetectionFeed::pagingWithASmallPageSize() {
    QVERIFY(startServer());
    LOAD(DaySeconds);
    const QStringList onePage = ipsOf(m_feed->detections());

    int logRequests = 0;
    connect(m_server.get(), &SandboxServer::requestServed, this,
            [&logRequests](const QString& method, const QString& path, int status) {
                if (method == QLatin1String("GET") && path == QLatin1String("/api/v1/logs") && status == 200)
                    ++logRequests;
            });
    m_feed->setPageSize(3);
    QCOMPARE(m_feed->pageSize(), 3);
    LOAD(DaySeconds);
    QCOMPARE(m_feed->detections().size(), SeededEvents);
    QCOMPARE(ipsOf(m_feed->detections()), onePage);                       // same events, same order
    QVERIFY2(logRequests >= 5, qPrintable(QString::number(logRequests))); // 14 events, 3 a page

    // Out-of-range sizes are clamped to what Okta accepts.
    m_feed->setPageSize(0);
    QCOMPARE(m_feed->pageSize(), 1);
    m_feed->setPageSize(5000);
    QCOMPARE(m_feed->pageSize(), 1000);
}

void TestDetectionFeed::generatedDetectionsAppearOnTheNextRefresh() {
    QVERIFY(startServer());
    LOAD(DaySeconds);
    QCOMPARE(m_feed->detections().size(), SeededEvents);

    const QJsonArray generated =
        m_server->generateThreatDetections(3, QStringLiteral("203.0.113.99"), QStringLiteral("RATE_LIMIT"));
    QCOMPARE(generated.size(), 3);
    // Published "now" on the server: until is exclusive, so they show once a moment has passed.
    m_clock->advance(1000);
    LOAD(DaySeconds);
    const QList<ThreatDetection>& detections = m_feed->detections();
    QCOMPARE(detections.size(), SeededEvents + 3);
    QSet<QString> generatedUuids;
    for (const QJsonValue& event : generated)
        generatedUuids.insert(event.toObject().value(QStringLiteral("uuid")).toString());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(generatedUuids.contains(detections.at(i).uuid));
        QCOMPARE(detections.at(i).ip, QStringLiteral("203.0.113.99"));
        QCOMPARE(detections.at(i).outcome, QStringLiteral("RATE_LIMIT"));
        QCOMPARE(detections.at(i).published.toMSecsSinceEpoch(), FixedNowMs);
    }

    // Rotating IPs and outcomes when none are given.
    m_server->generateThreatDetections(2);
    LOAD(DaySeconds);
    QCOMPARE(m_feed->detections().size(), SeededEvents + 5);
}

void TestDetectionFeed::sinceIsInclusiveUntilExclusive() {
    QVERIFY(startServer());
    QSignalSpy loaded(m_feed.get(), &DetectionFeed::loaded);
    const QDateTime now = m_clock->nowUtc();
    // Seeded: attack start 780 min ago, detections at 772, 741, 703, attack end at 660.
    QVERIFY(m_feed->refreshRange(now.addSecs(-780 * 60), now.addSecs(-660 * 60)));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);
    const QList<ThreatDetection>& detections = m_feed->detections();
    QCOMPARE(detections.size(), 4);
    QCOMPARE(detections.last().kind, ThreatDetection::Kind::AttackStart);
    QCOMPARE(ipsOf(detections),
             (QStringList{QStringLiteral("2001:db8:a0::5"), QStringLiteral("198.51.100.23"),
                          QStringLiteral("203.0.113.201"), QString()}));
    QCOMPARE(m_feed->loadedSince(), now.addSecs(-780 * 60));
    QCOMPARE(m_feed->loadedUntil(), now.addSecs(-660 * 60));

    // A short lookback: only the newest two (25 and 118 minutes ago).
    LOAD(2 * 3600);
    QCOMPARE(ipsOf(m_feed->detections()),
             (QStringList{QStringLiteral("198.51.100.140"), QStringLiteral("203.0.113.45")}));
}

void TestDetectionFeed::skewedServerClock() {
    SandboxOptions options;
    options.clockSkewSeconds = -3 * DaySeconds; // the server lives three days in the past
    QVERIFY(startServer(options));
    QCOMPARE(m_clock->nowMs(), FixedNowMs - 3 * DaySeconds * 1000);
    LOAD(DaySeconds);
    QCOMPARE(m_feed->detections().size(), SeededEvents);
    QCOMPARE(m_feed->detections().first().published.toMSecsSinceEpoch(), m_clock->nowMs() - 25 * MinuteMs);

    // Read with the unskewed time, the last 24 hours hold nothing: the range is the clock's.
    m_clock->setNowMs(FixedNowMs);
    LOAD(DaySeconds);
    QVERIFY(m_feed->detections().isEmpty());
    QVERIFY(m_skipped.isEmpty());
}

void TestDetectionFeed::serverErrorFailsWithTheRequestId() {
    QVERIFY(startServer());
    LOAD(DaySeconds);
    QSignalSpy failed(m_feed.get(), &DetectionFeed::failed);
    QSignalSpy loaded(m_feed.get(), &DetectionFeed::loaded);
    SandboxFault fault;
    fault.kind = SandboxFault::Kind::ServerError;
    fault.pathPrefix = QStringLiteral("/api/v1/logs");
    m_server->injectFault(fault);

    QVERIFY(m_feed->refresh(DaySeconds));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
    QVERIFY(!m_feed->isLoading());
    QCOMPARE(loaded.count(), 0);
    const QString message = failed.at(0).at(0).toString();
    const OktaResult& result = m_feed->lastFailure();
    QCOMPARE(result.httpStatus, 500);
    QVERIFY(!result.requestId.isEmpty());
    QVERIFY2(message.startsWith(QStringLiteral("Reading the System Log failed: ")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("HTTP 500")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("E0000009")), qPrintable(message));
    QVERIFY2(message.contains(result.requestId), qPrintable(message));
    // The previous load stays on show.
    QCOMPARE(m_feed->detections().size(), SeededEvents);

    // The fault is consumed: the next refresh works.
    LOAD(DaySeconds);
    QCOMPARE(m_feed->detections().size(), SeededEvents);
}

void TestDetectionFeed::refreshWhileLoadingReturnsFalse() {
    QVERIFY(startServer());
    QSignalSpy loaded(m_feed.get(), &DetectionFeed::loaded);
    QSignalSpy loading(m_feed.get(), &DetectionFeed::loadingChanged);
    QVERIFY(m_feed->refresh(DaySeconds));
    QVERIFY(!m_feed->refresh(DaySeconds));
    QVERIFY(!m_feed->refreshRange(m_clock->nowUtc().addSecs(-60), m_clock->nowUtc()));
    QCOMPARE(loading.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);
    QCOMPARE(loading.count(), 2);
    QVERIFY(m_failures.isEmpty());

    // A listener may start the next refresh from loaded() itself.
    bool restarted = false;
    connect(m_feed.get(), &DetectionFeed::loaded, this, [&] {
        if (!restarted)
            restarted = m_feed->refresh(DaySeconds);
    });
    QVERIFY(m_feed->refresh(DaySeconds));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, WaitMs);
    QVERIFY(restarted);
    QVERIFY(!m_feed->isLoading());
}

void TestDetectionFeed::cancelStopsWithoutASignal() {
    QVERIFY(startServer());
    QSignalSpy loading(m_feed.get(), &DetectionFeed::loadingChanged);
    QVERIFY(m_feed->refresh(DaySeconds));
    m_feed->cancel();
    QVERIFY(!m_feed->isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.at(1).at(0).toBool(), false);
    m_feed->cancel(); // nothing running: no signal
    QCOMPARE(loading.count(), 2);

    // A refresh after the cancel runs normally and is the only one that reports.
    LOAD(DaySeconds);
    QCOMPARE(m_loadedCount, 1);
    QVERIFY(m_failures.isEmpty());
}

void TestDetectionFeed::emptyRangeIsRefusedWithAReason() {
    QVERIFY(startServer());
    QSignalSpy failed(m_feed.get(), &DetectionFeed::failed);
    QSignalSpy loading(m_feed.get(), &DetectionFeed::loadingChanged);
    const QDateTime now = m_clock->nowUtc();
    QVERIFY(!m_feed->refreshRange(now, now.addSecs(-60)));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("the time range is empty")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(m_feed->lastFailure().outcome, OktaResult::Outcome::NotSent);
    QVERIFY(!m_feed->refresh(0));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(loading.count(), 0);
    QVERIFY(!m_feed->isLoading());
}

void TestDetectionFeed::tableModelFollowsTheFeed() {
    QVERIFY(startServer());
    DetectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFeed(m_feed.get());
    QCOMPARE(model.rowCount(), 0);
    LOAD(DaySeconds);
    QCOMPARE(model.rowCount(), SeededEvents);
    QCOMPARE(model.index(0, DetectionTableModel::IpColumn).data().toString(),
             QStringLiteral("198.51.100.140"));
    QList<int> all;
    for (int row = 0; row < model.rowCount(); ++row)
        all << row;
    QCOMPARE(model.ipsOfRows(all).size(), SeededDistinctIps);
    QCOMPARE(model.ipsOfRows(all).first(), QStringLiteral("198.51.100.140"));

    // A second model attached after the load shows the feed's rows at once.
    DetectionTableModel late;
    QAbstractItemModelTester lateTester(&late, QAbstractItemModelTester::FailureReportingMode::QtTest);
    late.setFeed(m_feed.get());
    QCOMPARE(late.rowCount(), SeededEvents);

    // A failed refresh leaves the rows.
    SandboxFault fault;
    fault.pathPrefix = QStringLiteral("/api/v1/logs");
    m_server->injectFault(fault);
    QVERIFY(m_feed->refresh(DaySeconds));
    QTRY_VERIFY_WITH_TIMEOUT(!m_feed->isLoading(), WaitMs);
    QCOMPARE(m_failures.size(), 1);
    QCOMPARE(model.rowCount(), SeededEvents);
}

void TestDetectionFeed::sendsTheFilterAndTheRange() {
    FakeNetworkAccessManager nam;
    nam.enqueue(FakeNetworkAccessManager::okta(200, FixedNowMs / 1000, -1, -1, -1, "[]", "reqEmpty"));
    OktaClient client(&nam);
    QVERIFY(client.setBaseUrl(QStringLiteral("https://example.okta.com")));
    client.setAuthProvider(std::make_shared<SswsAuthProvider>(QStringLiteral("test-token")));
    ManualClock clock(FixedNowMs);
    DetectionFeed feed(&client, &clock);
    QSignalSpy loaded(&feed, &DetectionFeed::loaded);
    QVERIFY(feed.refresh(3600));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);
    QVERIFY(feed.detections().isEmpty());

    QCOMPARE(nam.requestCount(), 1);
    const QUrl url = nam.requests().first().url;
    QCOMPARE(url.path(), QStringLiteral("/api/v1/logs"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
             ThreatDetection::systemLogFilter());
    QCOMPARE(query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded),
             OktaTime::format(QDateTime::fromMSecsSinceEpoch(FixedNowMs - 3600 * 1000, Qt::UTC)));
    QCOMPARE(query.queryItemValue(QStringLiteral("until"), QUrl::FullyDecoded),
             OktaTime::format(QDateTime::fromMSecsSinceEpoch(FixedNowMs, Qt::UTC)));
    QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
}

void TestDetectionFeed::unreadableEventsAreSkippedWithTheirReason() {
    const QJsonObject good{
        {QStringLiteral("uuid"), QStringLiteral("good-1")},
        {QStringLiteral("published"), QStringLiteral("2026-11-22T01:00:00.000Z")},
        {QStringLiteral("eventType"), QStringLiteral("security.threat.detected")},
        {QStringLiteral("client"), QJsonObject{{QStringLiteral("ipAddress"), QStringLiteral("203.0.113.5")}}},
        {QStringLiteral("outcome"), QJsonObject{{QStringLiteral("result"), QStringLiteral("DENY")}}}};
    QJsonObject noUuid = good;
    noUuid.remove(QStringLiteral("uuid"));
    QJsonObject otherType = good;
    otherType.insert(QStringLiteral("uuid"), QStringLiteral("other-1"));
    otherType.insert(QStringLiteral("eventType"), QStringLiteral("user.session.start"));
    QJsonObject badIp = good;
    badIp.insert(QStringLiteral("uuid"), QStringLiteral("bad-ip"));
    badIp.insert(QStringLiteral("client"),
                 QJsonObject{{QStringLiteral("ipAddress"), QStringLiteral("nope")}});
    const QJsonArray body{good, noUuid, 42, otherType, badIp};

    FakeNetworkAccessManager nam;
    nam.enqueue(FakeNetworkAccessManager::okta(
        200, FixedNowMs / 1000, -1, -1, -1, QJsonDocument(body).toJson(QJsonDocument::Compact), "reqSkip"));
    OktaClient client(&nam);
    QVERIFY(client.setBaseUrl(QStringLiteral("https://example.okta.com")));
    client.setAuthProvider(std::make_shared<SswsAuthProvider>(QStringLiteral("test-token")));
    ManualClock clock(FixedNowMs);
    DetectionFeed feed(&client, &clock);
    QSignalSpy loaded(&feed, &DetectionFeed::loaded);
    QVERIFY(feed.refresh(DaySeconds));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);

    QCOMPARE(feed.detections().size(), 1);
    QCOMPARE(feed.detections().first().uuid, QStringLiteral("good-1"));
    const QStringList skipped = loaded.at(0).at(1).toStringList();
    QCOMPARE(skipped,
             (QStringList{QStringLiteral("event #2: uuid is missing"),
                          QStringLiteral("event #3: not a JSON object"),
                          QStringLiteral("event other-1: eventType 'user.session.start' is not a "
                                         "ThreatInsight event"),
                          QStringLiteral("event bad-ip: client.ipAddress 'nope' is not an IP address")}));
}

QTEST_GUILESS_MAIN(TestDetectionFeed)
#include "TestDetectionFeed.moc"
