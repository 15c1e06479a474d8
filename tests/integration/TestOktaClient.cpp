// OktaClient against the sandbox org over real loopback HTTP: every operation, every error Okta
// documents, and every fault the sandbox can inject. No sleeps: signals and QTRY_* only.
#include "SandboxServer.h"

#include "api/AuthProvider.h"
#include "api/OktaClient.h"
#include "api/OktaJob.h"
#include "api/PagedListJob.h"
#include "api/SswsAuthProvider.h"
#include "riskevents/RiskProvider.h"
#include "threatinsight/NetworkZone.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>
#include <QTest>

#include <memory>
#include <utility>

namespace QTest {
template <> char* toString(const std::optional<int>& value) {
    return qstrdup(value ? QByteArray::number(*value).constData() : "(empty)");
}
template <> char* toString(const std::optional<qint64>& value) {
    return qstrdup(value ? QByteArray::number(*value).constData() : "(empty)");
}
template <> char* toString(const OktaResult::Outcome& outcome) {
    return qstrdup(OktaResult::outcomeName(outcome).toUtf8().constData());
}
} // namespace QTest

namespace {

// The sandbox's seeded zones (fixed ids).
const QString CorporateHq = QStringLiteral("nzoC0rpHq2M4nV8tB0g3");
const QString VpnEgress = QStringLiteral("nzoVpnEg6Lz3Kd9wF0g3");
const QString TorZone = QStringLiteral("nzoT0rAnn9Wc2Ye5j0g4");
constexpr int SeededZones = 9;

// A fixed server clock, 15 s into a 60 s rate-limit window (1795473000 is a multiple of 60):
// the budget and the reset are exact, and no window boundary can pass during a test.
constexpr qint64 FixedWindowStart = 1795473000;
constexpr qint64 FixedNowMs = (FixedWindowStart + 15) * 1000;

constexpr int WaitMs = 15000;

// Everything a job emitted, kept beyond the job's self-deletion.
struct Watch {
    QPointer<OktaJob> job;
    int finishedCount = 0;
    OktaResult result;
    int pagesFetched = -1;
};

QString causesOf(const OktaResult& r) {
    return r.error.errorCauses.join(QStringLiteral(" | "));
}

QByteArray riskBody(const QJsonArray& subjects) {
    return QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("subjects"), subjects}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject subject(const QString& ip, const QString& level, const QString& message = {}) {
    QJsonObject s{{QStringLiteral("ip"), ip}, {QStringLiteral("riskLevel"), level}};
    if (!message.isEmpty())
        s.insert(QStringLiteral("message"), message);
    return s;
}

// Answers later, like an OAuth provider fetching a token: from the event loop, or only when the
// test releases it.
class DeferredAuthProvider : public AuthProvider {
public:
    explicit DeferredAuthProvider(QByteArray headerValue, bool hold = false)
        : m_headerValue(std::move(headerValue))
        , m_hold(hold) {}
    QString methodName() const override { return QStringLiteral("deferred test provider"); }
    void authorize(const QByteArray&, const QUrl&, const Callback& done) override {
        ++calls;
        if (m_hold) {
            m_held.append(done);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, done] { done(authorization()); }, Qt::QueuedConnection);
    }
    void release() {
        const QList<Callback> held = std::exchange(m_held, {});
        for (const Callback& done : held)
            done(authorization());
    }
    int calls = 0;

private:
    Authorization authorization() const {
        Authorization a;
        a.headerValue = m_headerValue;
        if (m_headerValue.isEmpty())
            a.error = QStringLiteral("token endpoint said no");
        return a;
    }
    QByteArray m_headerValue;
    bool m_hold;
    QList<Callback> m_held;
};

} // namespace

// Waits until the job has finished and deleted itself, then checks it finished exactly once.
#define WAIT_FINISHED(watch)                                                                                 \
    do {                                                                                                     \
        QTRY_VERIFY_WITH_TIMEOUT((watch)->finishedCount > 0 && !(watch)->job, WaitMs);                       \
        QCOMPARE((watch)->finishedCount, 1);                                                                 \
    } while (false)

// Status, request id and the rate-limit headers every sandbox answer carries.
#define VERIFY_ENVELOPE(r, status, bucketLimit)                                                              \
    do {                                                                                                     \
        QCOMPARE((r).httpStatus, (status));                                                                  \
        QVERIFY2(!(r).requestId.isEmpty(), "no X-Okta-Request-Id");                                          \
        QVERIFY((r).rateLimit.serverDate.isValid());                                                         \
        QCOMPARE((r).rateLimit.limit, std::optional<int>(bucketLimit));                                      \
        QVERIFY((r).rateLimit.remaining.has_value());                                                        \
        QVERIFY(*(r).rateLimit.remaining >= 0 && *(r).rateLimit.remaining < (bucketLimit));                  \
        QVERIFY((r).rateLimit.resetEpochSeconds.has_value());                                                \
        QVERIFY((r).rateLimit.secondsUntilReset().has_value());                                              \
    } while (false)

class TestOktaClient : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    // Operations
    void getThreatInsightConfiguration();
    void updateThreatInsightConfiguration();
    void updateWithoutExcludeZonesClearsThem();
    void listZonesFollowsEveryPage();
    void listZonesSinglePage();
    void listZonesWithFilter();
    void getZone();
    void sendRiskEvents();
    void listRiskProviders();
    void deferredAuthProvider();
    void rateLimitHeadersOnEveryAnswer();
    void remainingDecreases();

    // Okta's errors
    void badActionIsAValidationError();
    void unknownZoneIsAValidationError();
    void nonIpZoneIsAValidationError();
    void invalidRiskSubjectNamesItsPosition();
    void malformedBody();
    void wrongToken();
    void readOnlyTokenCannotUpdate();
    void unknownZoneIsNotFound();
    void rateLimitedAfterTheBudget();

    // Faults
    void serverError();
    void connectionReset();
    void stallPastTheTransferTimeout();
    void malformedJson();
    void rateLimitWithoutHeaders();
    void droppedResponse();
    void faultOnALaterPageFailsTheList();
    void responseCap();

    // Refusals and lifetime
    void setBaseUrlRefusal();
    void noAuthProviderIsNotSent();
    void emptyTokenIsNotSent();
    void noBaseUrlIsNotSent();
    void abortBeforeStart();
    void abortDuringStall();
    void abortWhileAuthorizing();
    void jobToAnotherOriginIsNotSent();
    void nextPageOnAnotherOriginIsNotFollowed();
    void clockSkew();

private:
    bool startServer(const SandboxOptions& options);
    std::shared_ptr<Watch> watch(OktaJob* job);
    void useToken(const QString& token);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<OktaClient> m_client;
    QList<OktaResult> m_exchanges;
};

bool TestOktaClient::startServer(const SandboxOptions& options) {
    m_client.reset();
    m_server = std::make_unique<SandboxServer>(options);
    m_server->setTimeSource([] { return FixedNowMs; });
    QString error;
    if (!m_server->start(&error)) {
        qWarning("sandbox did not start: %s", qPrintable(error));
        return false;
    }
    m_client = std::make_unique<OktaClient>(m_nam.get());
    connect(m_client.get(), &OktaClient::exchangeFinished, this,
            [this](const OktaResult& r) { m_exchanges.append(r); });
    if (!m_client->setBaseUrl(m_server->baseUrl().toString(), &error)) {
        qWarning("base URL refused: %s", qPrintable(error));
        return false;
    }
    useToken(m_server->token());
    return true;
}

void TestOktaClient::useToken(const QString& token) {
    m_client->setAuthProvider(std::make_shared<SswsAuthProvider>(token));
}

std::shared_ptr<Watch> TestOktaClient::watch(OktaJob* job) {
    auto w = std::make_shared<Watch>();
    w->job = job;
    connect(job, &OktaJob::finished, this, [w, job](const OktaResult& r) {
        ++w->finishedCount;
        w->result = r;
        if (auto* paged = qobject_cast<PagedListJob*>(job))
            w->pagesFetched = paged->pagesFetched();
    });
    return w;
}

void TestOktaClient::init() {
    m_exchanges.clear();
    m_nam = std::make_unique<QNetworkAccessManager>();
    SandboxOptions options;
    options.windowSeconds = 60;
    QVERIFY(startServer(options));
}

void TestOktaClient::cleanup() {
    m_client.reset();
    m_server.reset();
    m_nam.reset();
}

// ---------------------------------------------------------------------------------------------
// Operations

void TestOktaClient::getThreatInsightConfiguration() {
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::Success);
    VERIFY_ENVELOPE(r, 200, 600);
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.url.path(), QStringLiteral("/api/v1/threats/configuration"));
    QVERIFY(r.body.isObject());
    const QJsonObject body = r.body.object();
    QCOMPARE(body.value(QStringLiteral("action")).toString(), QStringLiteral("audit"));
    QCOMPARE(body.value(QStringLiteral("excludeZones")).toArray(), QJsonArray{});
    QCOMPARE(body.value(QStringLiteral("created")).toString(), QStringLiteral("2025-10-07T06:36:55.000Z"));
    QVERIFY(r.detail.isEmpty());
    QVERIFY(r.error.isEmpty());
    // The fixed server clock: Date and the window reset are exact.
    QCOMPARE(r.rateLimit.serverDate, QDateTime::fromMSecsSinceEpoch(FixedNowMs, Qt::UTC));
    QCOMPARE(r.rateLimit.remaining, std::optional<int>(599));
    QCOMPARE(r.rateLimit.resetEpochSeconds, std::optional<qint64>(FixedWindowStart + 60));
    QCOMPARE(r.rateLimit.secondsUntilReset(), std::optional<qint64>(45));
    QCOMPARE(m_exchanges.size(), 1);
    QCOMPARE(m_exchanges.at(0).requestId, r.requestId);
}

void TestOktaClient::updateThreatInsightConfiguration() {
    const QJsonObject update{{QStringLiteral("action"), QStringLiteral("block")},
                             {QStringLiteral("excludeZones"), QJsonArray{CorporateHq, VpnEgress}}};
    auto w = watch(m_client->updateThreatInsightConfiguration(update));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QVERIFY2(r.isSuccess(), qPrintable(r.describe()));
    VERIFY_ENVELOPE(r, 200, 600);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.body.object().value(QStringLiteral("action")).toString(), QStringLiteral("block"));
    QCOMPARE(r.body.object().value(QStringLiteral("excludeZones")).toArray(),
             (QJsonArray{CorporateHq, VpnEgress}));
    QCOMPARE(m_server->threatInsightConfiguration().value(QStringLiteral("action")).toString(),
             QStringLiteral("block"));

    auto again = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(again);
    QVERIFY(again->result.isSuccess());
    QCOMPARE(again->result.body.object().value(QStringLiteral("action")).toString(), QStringLiteral("block"));
    QCOMPARE(again->result.body.object().value(QStringLiteral("excludeZones")).toArray(),
             (QJsonArray{CorporateHq, VpnEgress}));
    QVERIFY(again->result.requestId != r.requestId);
}

void TestOktaClient::updateWithoutExcludeZonesClearsThem() {
    auto first = watch(m_client->updateThreatInsightConfiguration(
        QJsonObject{{QStringLiteral("action"), QStringLiteral("block")},
                    {QStringLiteral("excludeZones"), QJsonArray{CorporateHq}}}));
    WAIT_FINISHED(first);
    QVERIFY2(first->result.isSuccess(), qPrintable(first->result.describe()));

    auto w = watch(m_client->updateThreatInsightConfiguration(
        QJsonObject{{QStringLiteral("action"), QStringLiteral("none")}}));
    WAIT_FINISHED(w);
    QVERIFY2(w->result.isSuccess(), qPrintable(w->result.describe()));
    QCOMPARE(w->result.body.object().value(QStringLiteral("action")).toString(), QStringLiteral("none"));
    QVERIFY(w->result.body.object().value(QStringLiteral("excludeZones")).isArray());
    QCOMPARE(w->result.body.object().value(QStringLiteral("excludeZones")).toArray(), QJsonArray{});
}

void TestOktaClient::listZonesFollowsEveryPage() {
    m_client->setZonePageSize(2);
    PagedListJob* job = m_client->listZones();
    auto w = watch(job);
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QVERIFY2(r.isSuccess(), qPrintable(r.describe()));
    VERIFY_ENVELOPE(r, 200, 600);
    QVERIFY(r.body.isArray());
    const QJsonArray zones = r.body.array();
    QCOMPARE(zones.size(), SeededZones);

    // Every zone exactly once, in the server's order.
    QStringList ids;
    for (const QJsonValue& z : zones)
        ids << z.toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), SeededZones);
    QStringList expected;
    for (const QJsonValue& z : m_server->zones())
        expected << z.toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(ids, expected);

    // 9 zones, 2 per page: 5 pages, one exchange each, Remaining counting down.
    QCOMPARE(w->pagesFetched, 5);
    QCOMPARE(m_exchanges.size(), 5);
    for (int i = 0; i < m_exchanges.size(); ++i) {
        const OktaResult& page = m_exchanges.at(i);
        QVERIFY2(page.isSuccess(), qPrintable(page.describe()));
        VERIFY_ENVELOPE(page, 200, 600);
        QCOMPARE(page.rateLimit.remaining, std::optional<int>(599 - i));
        QCOMPARE(page.body.array().size(), i < 4 ? 2 : 1);
        QCOMPARE(page.nextPage.isEmpty(), i == 4);
        QCOMPARE(page.url.path(), QStringLiteral("/api/v1/zones"));
        if (i > 0)
            QCOMPARE(page.url, m_exchanges.at(i - 1).nextPage);
    }
    // The job's result carries the last page's request id and budget.
    QCOMPARE(r.requestId, m_exchanges.last().requestId);
    QCOMPARE(r.rateLimit.remaining, std::optional<int>(595));
    QCOMPARE(m_server->requestCount(), 5);

    // Every zone parses.
    for (const QJsonValue& z : zones) {
        QString error;
        QVERIFY2(NetworkZone::fromJson(z.toObject(), &error).has_value(), qPrintable(error));
    }
}

void TestOktaClient::listZonesSinglePage() {
    auto w = watch(m_client->listZones());
    WAIT_FINISHED(w);
    QVERIFY2(w->result.isSuccess(), qPrintable(w->result.describe()));
    QCOMPARE(w->result.body.array().size(), SeededZones);
    QCOMPARE(w->pagesFetched, 1);
    QCOMPARE(m_exchanges.size(), 1);
    QVERIFY(m_exchanges.at(0).nextPage.isEmpty());
}

void TestOktaClient::listZonesWithFilter() {
    m_client->setZonePageSize(1);
    auto w = watch(m_client->listZones(QStringLiteral("usage eq \"BLOCKLIST\"")));
    WAIT_FINISHED(w);
    QVERIFY2(w->result.isSuccess(), qPrintable(w->result.describe()));
    const QJsonArray zones = w->result.body.array();
    QStringList names;
    for (const QJsonValue& z : zones) {
        QCOMPARE(z.toObject().value(QStringLiteral("usage")).toString(), QStringLiteral("BLOCKLIST"));
        names << z.toObject().value(QStringLiteral("name")).toString();
    }
    QCOMPARE(names, (QStringList{QStringLiteral("BlockedIpZone"), QStringLiteral("Known Bad Actors"),
                                 QStringLiteral("Tor and anonymizers"),
                                 QStringLiteral("DefaultEnhancedDynamicZone")}));
    // The filter travels with every next link.
    QCOMPARE(w->pagesFetched, 4);
    QCOMPARE(m_exchanges.size(), 4);
}

void TestOktaClient::getZone() {
    auto w = watch(m_client->getZone(CorporateHq));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QVERIFY2(r.isSuccess(), qPrintable(r.describe()));
    VERIFY_ENVELOPE(r, 200, 600);
    QCOMPARE(r.url.path(), QStringLiteral("/api/v1/zones/") + CorporateHq);
    QString error;
    const auto zone = NetworkZone::fromJson(r.body.object(), &error);
    QVERIFY2(zone.has_value(), qPrintable(error));
    QCOMPARE(zone->id, CorporateHq);
    QCOMPARE(zone->name, QStringLiteral("Corporate HQ"));
    QCOMPARE(zone->type, QStringLiteral("IP"));
    QCOMPARE(zone->gateways.size(), 3);
    QCOMPARE(zone->gateways.at(1).type, QStringLiteral("RANGE"));
    QCOMPARE(zone->gateways.at(1).value, QStringLiteral("198.51.100.200-198.51.100.220"));
    QCOMPARE(zone->proxies.size(), 1);
    QCOMPARE(zone->gatewaySummary(2),
             QStringLiteral("198.51.100.64/26, 198.51.100.200-198.51.100.220 (+1 more)"));
}

void TestOktaClient::sendRiskEvents() {
    const QByteArray body = riskBody(QJsonArray{
        subject(QStringLiteral("192.0.2.77"), QStringLiteral("HIGH"), QStringLiteral("credential stuffing")),
        subject(QStringLiteral("2001:db8::5"), QStringLiteral("LOW"))});
    auto w = watch(m_client->sendRiskEvents(body));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QVERIFY2(r.isSuccess(), qPrintable(r.describe()));
    VERIFY_ENVELOPE(r, 202, 30);
    QCOMPARE(r.rateLimit.remaining, std::optional<int>(29));
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.url.path(), QStringLiteral("/api/v1/risk/events/ip"));
    QVERIFY(r.body.isNull());

    const QJsonArray accepted = m_server->acceptedRiskSubjects();
    QCOMPARE(accepted.size(), 2);
    QCOMPARE(accepted.at(0).toObject().value(QStringLiteral("ip")).toString(), QStringLiteral("192.0.2.77"));
    QCOMPARE(accepted.at(0).toObject().value(QStringLiteral("riskLevel")).toString(), QStringLiteral("HIGH"));
    QCOMPARE(accepted.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("credential stuffing"));
    QCOMPARE(accepted.at(1).toObject().value(QStringLiteral("ip")).toString(), QStringLiteral("2001:db8::5"));
    QCOMPARE(accepted.at(1).toObject().value(QStringLiteral("riskLevel")).toString(), QStringLiteral("LOW"));
    // The server's request id is the one the client reports.
    QCOMPARE(accepted.at(0).toObject().value(QStringLiteral("requestId")).toString(), r.requestId);
}

void TestOktaClient::listRiskProviders() {
    auto w = watch(m_client->listRiskProviders());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QVERIFY2(r.isSuccess(), qPrintable(r.describe()));
    VERIFY_ENVELOPE(r, 200, 600);
    QVERIFY(r.body.isArray());
    QCOMPARE(r.body.array().size(), 1);
    QString error;
    const auto provider = RiskProvider::fromJson(r.body.array().at(0).toObject(), &error);
    QVERIFY2(provider.has_value(), qPrintable(error));
    QCOMPARE(provider->id, SandboxServer::RiskProviderId);
    QCOMPARE(provider->clientId, SandboxServer::RiskProviderClientId);
    QCOMPARE(provider->name, QStringLiteral("ThreatDesk"));
    QCOMPARE(provider->action, QStringLiteral("log_only"));
    QCOMPARE(provider->created, QDateTime(QDate(2025, 10, 7), QTime(6, 41, 12), Qt::UTC));
}

void TestOktaClient::deferredAuthProvider() {
    auto provider = std::make_shared<DeferredAuthProvider>("SSWS " + m_server->token().toUtf8());
    m_client->setAuthProvider(provider);
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    QVERIFY2(w->result.isSuccess(), qPrintable(w->result.describe()));
    QCOMPARE(provider->calls, 1);

    auto refused = std::make_shared<DeferredAuthProvider>(QByteArray());
    m_client->setAuthProvider(refused);
    auto n = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(n);
    QCOMPARE(n->result.outcome, OktaResult::Outcome::NotSent);
    QVERIFY2(n->result.detail.contains(QLatin1String("token endpoint said no")),
             qPrintable(n->result.detail));
    QCOMPARE(m_server->receivedCount(), 1);
}

void TestOktaClient::rateLimitHeadersOnEveryAnswer() {
    // Success and every error class carry the bucket of their endpoint family.
    auto ok = watch(m_client->getZone(VpnEgress));
    auto notFound = watch(m_client->getZone(QStringLiteral("nzoDoesNotExist0000")));
    auto invalid = watch(m_client->updateThreatInsightConfiguration(
        QJsonObject{{QStringLiteral("action"), QStringLiteral("x")}}));
    WAIT_FINISHED(ok);
    WAIT_FINISHED(notFound);
    WAIT_FINISHED(invalid);
    VERIFY_ENVELOPE(ok->result, 200, 600);
    VERIFY_ENVELOPE(notFound->result, 404, 600);
    VERIFY_ENVELOPE(invalid->result, 400, 600);
    QCOMPARE(m_exchanges.size(), 3);
    QSet<QString> ids;
    for (const OktaResult& r : std::as_const(m_exchanges))
        ids.insert(r.requestId);
    QCOMPARE(ids.size(), 3);
}

void TestOktaClient::remainingDecreases() {
    QList<int> remaining;
    for (int i = 0; i < 4; ++i) {
        auto w = watch(m_client->listRiskProviders());
        WAIT_FINISHED(w);
        QVERIFY2(w->result.isSuccess(), qPrintable(w->result.describe()));
        remaining << w->result.rateLimit.remaining.value_or(-1);
    }
    QCOMPARE(remaining, (QList<int>{599, 598, 597, 596}));
}

// ---------------------------------------------------------------------------------------------
// Okta's errors

void TestOktaClient::badActionIsAValidationError() {
    auto w = watch(m_client->updateThreatInsightConfiguration(
        QJsonObject{{QStringLiteral("action"), QStringLiteral("allow")},
                    {QStringLiteral("excludeZones"), QJsonArray{}}}));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 400, 600);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000001"));
    QVERIFY2(r.error.errorSummary.startsWith(QLatin1String("Api validation failed")),
             qPrintable(r.error.errorSummary));
    QCOMPARE(r.error.errorCauses.size(), 1);
    QVERIFY2(r.error.errorCauses.at(0).startsWith(QLatin1String("action:")), qPrintable(causesOf(r)));
    QVERIFY2(r.error.errorCauses.at(0).contains(QLatin1String("'allow'")), qPrintable(causesOf(r)));
    QVERIFY(!r.error.errorId.isEmpty());
    // The human description carries the summary, the cause and the request id.
    const QString text = r.describe();
    QVERIFY2(text.contains(r.error.errorCauses.at(0)), qPrintable(text));
    QVERIFY2(text.contains(r.requestId), qPrintable(text));
    // Nothing changed on the server.
    QCOMPARE(m_server->threatInsightConfiguration().value(QStringLiteral("action")).toString(),
             QStringLiteral("audit"));
}

void TestOktaClient::unknownZoneIsAValidationError() {
    auto w = watch(m_client->updateThreatInsightConfiguration(QJsonObject{
        {QStringLiteral("action"), QStringLiteral("block")},
        {QStringLiteral("excludeZones"), QJsonArray{CorporateHq, QStringLiteral("nzoNoSuchZone0000000")}}}));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 400, 600);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000001"));
    QCOMPARE(r.error.errorCauses.size(), 1);
    QVERIFY2(r.error.errorCauses.at(0).startsWith(QLatin1String("excludeZones[1]:")),
             qPrintable(causesOf(r)));
    QVERIFY2(r.error.errorCauses.at(0).contains(QLatin1String("nzoNoSuchZone0000000")),
             qPrintable(causesOf(r)));
}

void TestOktaClient::nonIpZoneIsAValidationError() {
    auto w = watch(m_client->updateThreatInsightConfiguration(
        QJsonObject{{QStringLiteral("action"), QStringLiteral("audit")},
                    {QStringLiteral("excludeZones"), QJsonArray{TorZone}}}));
    WAIT_FINISHED(w);
    QCOMPARE(w->result.httpStatus, 400);
    QCOMPARE(w->result.error.errorCode, QStringLiteral("E0000001"));
    QVERIFY2(causesOf(w->result).contains(QLatin1String("DYNAMIC")), qPrintable(causesOf(w->result)));

    SandboxOptions lenient;
    lenient.acceptNonIpExcludedZones = true;
    QVERIFY(startServer(lenient));
    auto accepted = watch(m_client->updateThreatInsightConfiguration(
        QJsonObject{{QStringLiteral("action"), QStringLiteral("audit")},
                    {QStringLiteral("excludeZones"), QJsonArray{TorZone}}}));
    WAIT_FINISHED(accepted);
    QVERIFY2(accepted->result.isSuccess(), qPrintable(accepted->result.describe()));
    QCOMPARE(accepted->result.body.object().value(QStringLiteral("excludeZones")).toArray(),
             QJsonArray{TorZone});
}

void TestOktaClient::invalidRiskSubjectNamesItsPosition() {
    const QByteArray body =
        riskBody(QJsonArray{subject(QStringLiteral("192.0.2.1"), QStringLiteral("HIGH")),
                            subject(QStringLiteral("10.0.0.0/8"), QStringLiteral("HIGH"))});
    auto w = watch(m_client->sendRiskEvents(body));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 400, 30);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000001"));
    QCOMPARE(r.error.errorCauses.size(), 1);
    QVERIFY2(r.error.errorCauses.at(0).startsWith(QLatin1String("[0].subjects[1].ip: ")),
             qPrintable(causesOf(r)));
    QVERIFY2(r.error.errorCauses.at(0).contains(QLatin1String("10.0.0.0/8")), qPrintable(causesOf(r)));
    // The whole request is refused: nothing recorded.
    QCOMPARE(m_server->acceptedRiskSubjects().size(), 0);
}

void TestOktaClient::malformedBody() {
    auto w = watch(m_client->request("POST", QStringLiteral("/api/v1/threats/configuration"), {},
                                     QByteArrayLiteral("{\"action\": \"block\",")));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 400, 600);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000003"));
    QCOMPARE(r.error.errorSummary, QStringLiteral("The request body was not well-formed."));
    QVERIFY(r.error.errorCauses.isEmpty());
    QCOMPARE(r.method, QByteArray("POST"));
}

void TestOktaClient::wrongToken() {
    useToken(QStringLiteral("not-the-sandbox-token"));
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 401, 600);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000011"));
    QCOMPARE(r.error.errorSummary, QStringLiteral("Invalid token provided"));
    // The token never shows up in what the user sees.
    QVERIFY(!r.describe().contains(QLatin1String("not-the-sandbox-token")));
    QVERIFY(!r.detail.contains(QLatin1String("not-the-sandbox-token")));
}

void TestOktaClient::readOnlyTokenCannotUpdate() {
    useToken(m_server->readOnlyToken());
    auto read = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(read);
    QVERIFY2(read->result.isSuccess(), qPrintable(read->result.describe()));

    auto w = watch(m_client->updateThreatInsightConfiguration(
        QJsonObject{{QStringLiteral("action"), QStringLiteral("block")},
                    {QStringLiteral("excludeZones"), QJsonArray{}}}));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 403, 600);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000006"));
    QCOMPARE(r.error.errorSummary,
             QStringLiteral("You do not have permission to perform the requested action"));
    QCOMPARE(m_server->threatInsightConfiguration().value(QStringLiteral("action")).toString(),
             QStringLiteral("audit"));
}

void TestOktaClient::unknownZoneIsNotFound() {
    auto w = watch(m_client->getZone(QStringLiteral("nzoDoesNotExist0000")));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 404, 600);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000007"));
    QVERIFY2(r.error.errorSummary.startsWith(QLatin1String("Not found: Resource not found:")),
             qPrintable(r.error.errorSummary));
    QVERIFY2(r.error.errorSummary.contains(QLatin1String("nzoDoesNotExist0000")),
             qPrintable(r.error.errorSummary));
}

void TestOktaClient::rateLimitedAfterTheBudget() {
    SandboxOptions options;
    options.riskEventsLimit = 3;
    options.windowSeconds = 60;
    QVERIFY(startServer(options));
    const QByteArray body =
        riskBody(QJsonArray{subject(QStringLiteral("198.51.100.9"), QStringLiteral("MEDIUM"))});

    for (int i = 0; i < 3; ++i) {
        auto w = watch(m_client->sendRiskEvents(body));
        WAIT_FINISHED(w);
        QVERIFY2(w->result.isSuccess(), qPrintable(w->result.describe()));
        VERIFY_ENVELOPE(w->result, 202, 3);
        QCOMPARE(w->result.rateLimit.remaining, std::optional<int>(2 - i));
        QVERIFY(!w->result.isRateLimited());
    }
    auto w = watch(m_client->sendRiskEvents(body));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    QVERIFY(r.isRateLimited());
    QCOMPARE(r.httpStatus, 429);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000047"));
    QVERIFY(!r.requestId.isEmpty());
    QCOMPARE(r.rateLimit.limit, std::optional<int>(3));
    QCOMPARE(r.rateLimit.remaining, std::optional<int>(0));
    QCOMPARE(r.rateLimit.resetEpochSeconds, std::optional<qint64>(FixedWindowStart + 60));
    QCOMPARE(r.rateLimit.secondsUntilReset(), std::optional<qint64>(45));
    QCOMPARE(m_server->acceptedRiskSubjects().size(), 3);

    // Other families keep their own budget.
    auto other = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(other);
    QVERIFY2(other->result.isSuccess(), qPrintable(other->result.describe()));
    QCOMPARE(other->result.rateLimit.limit, std::optional<int>(600));
}

// ---------------------------------------------------------------------------------------------
// Faults

void TestOktaClient::serverError() {
    m_server->injectFault(SandboxFault{SandboxFault::Kind::ServerError, 1, 0, {}});
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    VERIFY_ENVELOPE(r, 500, 600);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000009"));
    QCOMPARE(r.error.errorSummary, QStringLiteral("Internal Server Error"));

    // The fault is consumed: the next call succeeds.
    auto next = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(next);
    QVERIFY2(next->result.isSuccess(), qPrintable(next->result.describe()));
}

void TestOktaClient::connectionReset() {
    // Qt resends once on its own when the connection drops before any answer (the sandbox did not
    // process the request), so two resets in a row are needed to reach the client.
    m_server->injectFault(SandboxFault{SandboxFault::Kind::ConnectionReset, 2, 0, {}});
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::NetworkError);
    QCOMPARE(r.httpStatus, 0);
    QVERIFY(!r.detail.isEmpty());
    QVERIFY(r.requestId.isEmpty());
    QVERIFY(!r.rateLimit.limit.has_value());
    QVERIFY(!r.isSuccess());
    QCOMPARE(m_exchanges.size(), 1);
    QCOMPARE(m_exchanges.at(0).outcome, OktaResult::Outcome::NetworkError);
    QVERIFY(m_server->receivedCount() >= 1);

    // The faults are used up: the next call goes through.
    auto next = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(next);
    QVERIFY2(next->result.isSuccess(), qPrintable(next->result.describe()));
}

void TestOktaClient::stallPastTheTransferTimeout() {
    m_client->setTransferTimeoutMs(300);
    m_server->injectFault(SandboxFault{SandboxFault::Kind::Stall, 1, 5000, {}});
    QElapsedTimer elapsed;
    elapsed.start();
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::Timeout);
    QCOMPARE(r.httpStatus, 0);
    QVERIFY(!r.detail.isEmpty());
    // Given up after the client's timeout, long before the server's 5 s stall.
    QVERIFY2(elapsed.elapsed() >= 250 && elapsed.elapsed() < 4000,
             qPrintable(QString::number(elapsed.elapsed())));
}

void TestOktaClient::malformedJson() {
    m_server->injectFault(SandboxFault{SandboxFault::Kind::MalformedJson, 1, 0, {}});
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::InvalidResponse);
    VERIFY_ENVELOPE(r, 200, 600);
    QVERIFY(!r.detail.isEmpty());
    QVERIFY(!r.isSuccess());
}

void TestOktaClient::rateLimitWithoutHeaders() {
    m_server->injectFault(SandboxFault{SandboxFault::Kind::RateLimitWithoutHeaders, 1, 0, {}});
    auto w = watch(m_client->sendRiskEvents(
        riskBody(QJsonArray{subject(QStringLiteral("192.0.2.3"), QStringLiteral("LOW"))})));
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    QVERIFY(r.isRateLimited());
    QCOMPARE(r.httpStatus, 429);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000047"));
    QVERIFY(!r.requestId.isEmpty());
    QVERIFY(!r.rateLimit.limit.has_value());
    QVERIFY(!r.rateLimit.remaining.has_value());
    QVERIFY(!r.rateLimit.resetEpochSeconds.has_value());
    QVERIFY(!r.rateLimit.secondsUntilReset().has_value());
    QVERIFY(!r.rateLimit.hasBudget());
    QVERIFY(r.rateLimit.serverDate.isValid());
    QCOMPARE(m_server->acceptedRiskSubjects().size(), 0);
}

void TestOktaClient::droppedResponse() {
    // The sandbox processes the batch, then cuts the connection before answering. One call to
    // sendRiskEvents() must reach Okta at most once: a silent resend would submit the batch twice
    // (and spend the risk-event budget twice) while the caller sees a single 202.
    m_server->injectFault(SandboxFault{SandboxFault::Kind::DropResponse, 1, 0, {}});
    auto w = watch(m_client->sendRiskEvents(
        riskBody(QJsonArray{subject(QStringLiteral("192.0.2.4"), QStringLiteral("HIGH"))})));
    WAIT_FINISHED(w);
    QCOMPARE(m_server->acceptedRiskSubjects().size(), 1);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NetworkError);
    QCOMPARE(w->result.httpStatus, 0);
}

void TestOktaClient::faultOnALaterPageFailsTheList() {
    m_client->setZonePageSize(2);
    // Armed when the first page is reported, i.e. before the second page is requested.
    connect(m_client.get(), &OktaClient::exchangeFinished, this, [this] {
        if (m_exchanges.size() == 1)
            m_server->injectFault(
                SandboxFault{SandboxFault::Kind::ServerError, 1, 0, QStringLiteral("/api/v1/zones")});
    });
    auto w = watch(m_client->listZones());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::HttpError);
    QCOMPARE(r.httpStatus, 500);
    QCOMPARE(r.error.errorCode, QStringLiteral("E0000009"));
    QCOMPARE(m_exchanges.size(), 2);
    QVERIFY(m_exchanges.at(0).isSuccess());
    QCOMPARE(r.requestId, m_exchanges.at(1).requestId);
}

void TestOktaClient::responseCap() {
    m_client->setMaxResponseBytes(100);
    auto w = watch(m_client->listZones());
    WAIT_FINISHED(w);
    const OktaResult& r = w->result;
    QCOMPARE(r.outcome, OktaResult::Outcome::InvalidResponse);
    QVERIFY(!r.isSuccess());
    QVERIFY2(r.detail.contains(QLatin1String("100")), qPrintable(r.detail));
    QVERIFY(r.body.isNull() || r.body.array().isEmpty());

    // A small answer under a cap that fits it goes through.
    m_client->setMaxResponseBytes(64 * 1024);
    auto ok = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(ok);
    QVERIFY2(ok->result.isSuccess(), qPrintable(ok->result.describe()));
}

// ---------------------------------------------------------------------------------------------
// Refusals and lifetime

void TestOktaClient::setBaseUrlRefusal() {
    const QUrl before = m_client->baseUrl();
    QString error;
    QVERIFY(!m_client->setBaseUrl(QStringLiteral("http://example.com"), &error));
    QVERIFY2(error.contains(QLatin1String("https"), Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(m_client->baseUrl(), before);
    QVERIFY(!m_client->setBaseUrl(QStringLiteral("ftp://acme.okta.com")));
    QVERIFY(!m_client->setBaseUrl(QString()));
    QCOMPARE(m_client->baseUrl(), before);
    QVERIFY(m_client->setBaseUrl(QStringLiteral("acme.okta.com")));
    QCOMPARE(m_client->baseUrl(), QUrl(QStringLiteral("https://acme.okta.com")));
}

void TestOktaClient::noAuthProviderIsNotSent() {
    m_client->setAuthProvider(nullptr);
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NotSent);
    QVERIFY(!w->result.detail.isEmpty());
    QCOMPARE(w->result.httpStatus, 0);
    QCOMPARE(m_server->receivedCount(), 0);
    QCOMPARE(m_exchanges.size(), 0);

    // A paged list refuses the same way, once.
    auto list = watch(m_client->listZones());
    WAIT_FINISHED(list);
    QCOMPARE(list->result.outcome, OktaResult::Outcome::NotSent);
    QCOMPARE(m_server->receivedCount(), 0);
}

void TestOktaClient::emptyTokenIsNotSent() {
    useToken(QStringLiteral("   "));
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NotSent);
    QVERIFY(!w->result.detail.isEmpty());
    QCOMPARE(m_server->receivedCount(), 0);
}

void TestOktaClient::noBaseUrlIsNotSent() {
    OktaClient fresh(m_nam.get());
    QVERIFY(!fresh.setBaseUrl(QStringLiteral("http://203.0.113.5:8080")));
    QVERIFY(fresh.baseUrl().isEmpty());
    fresh.setAuthProvider(std::make_shared<SswsAuthProvider>(m_server->token()));
    int exchanges = 0;
    connect(&fresh, &OktaClient::exchangeFinished, this, [&exchanges] { ++exchanges; });
    auto w = watch(fresh.getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NotSent);
    QVERIFY(!w->result.detail.isEmpty());
    QCOMPARE(exchanges, 0);
    QCOMPARE(m_server->receivedCount(), 0);
}

void TestOktaClient::abortBeforeStart() {
    OktaJob* job = m_client->getThreatInsightConfiguration();
    auto w = watch(job);
    job->abort();
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NetworkError);
    QVERIFY(!w->result.detail.isEmpty());
    QCOMPARE(m_server->receivedCount(), 0);
}

void TestOktaClient::abortDuringStall() {
    m_server->injectFault(SandboxFault{SandboxFault::Kind::Stall, 1, 5000, {}});
    OktaJob* job = m_client->getThreatInsightConfiguration();
    auto w = watch(job);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->receivedCount(), 1, WaitMs);
    QVERIFY(w->job);
    QCOMPARE(w->finishedCount, 0);
    job->abort();
    job->abort(); // twice: still one `finished`
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NetworkError);
    QVERIFY(!w->result.detail.isEmpty());
}

void TestOktaClient::abortWhileAuthorizing() {
    auto provider = std::make_shared<DeferredAuthProvider>("SSWS " + m_server->token().toUtf8(), true);
    m_client->setAuthProvider(provider);
    OktaJob* job = m_client->getThreatInsightConfiguration();
    auto w = watch(job);
    QTRY_COMPARE_WITH_TIMEOUT(provider->calls, 1, WaitMs); // started, the token is on its way
    QCOMPARE(w->finishedCount, 0);
    QVERIFY(w->job);
    job->abort();
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NetworkError);
    QVERIFY(!w->result.detail.isEmpty());
    // The late token neither revives the job nor sends anything.
    provider->release();
    QCOMPARE(w->finishedCount, 1);
    QCOMPARE(m_exchanges.size(), 0);
    QCOMPARE(m_server->receivedCount(), 0);

    // A held token that does arrive lets the request through.
    auto later = watch(m_client->getThreatInsightConfiguration());
    QTRY_COMPARE_WITH_TIMEOUT(provider->calls, 2, WaitMs);
    provider->release();
    WAIT_FINISHED(later);
    QVERIFY2(later->result.isSuccess(), qPrintable(later->result.describe()));
}

void TestOktaClient::jobToAnotherOriginIsNotSent() {
    // Our Authorization header must never leave for another host, port or scheme.
    QUrl elsewhere = m_server->baseUrl();
    elsewhere.setPort(elsewhere.port() == 1 ? 2 : 1);
    elsewhere.setPath(QStringLiteral("/api/v1/zones"));
    auto* job = new OktaJob(m_client.get(), "GET", elsewhere);
    auto w = watch(job);
    QMetaObject::invokeMethod(job, &OktaJob::start, Qt::QueuedConnection);
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::NotSent);
    QVERIFY(!w->result.detail.isEmpty());
    QCOMPARE(m_exchanges.size(), 0);
}

void TestOktaClient::nextPageOnAnotherOriginIsNotFollowed() {
    // Talking to the sandbox as "localhost": its next links name 127.0.0.1, another origin.
    QVERIFY(m_client->setBaseUrl(QStringLiteral("http://localhost:%1").arg(m_server->port())));
    m_client->setZonePageSize(2);
    auto w = watch(m_client->listZones());
    WAIT_FINISHED(w);
    QCOMPARE(w->result.outcome, OktaResult::Outcome::InvalidResponse);
    QVERIFY2(w->result.detail.contains(QLatin1String("127.0.0.1")), qPrintable(w->result.detail));
    QCOMPARE(m_exchanges.size(), 1);
    QCOMPARE(m_server->receivedCount(), 1);
}

void TestOktaClient::clockSkew() {
    // The server's clock is an hour ahead of ours; the wait is still measured on its clock.
    SandboxOptions options;
    options.clockSkewSeconds = 3600;
    options.windowSeconds = 60;
    m_client.reset();
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_client = std::make_unique<OktaClient>(m_nam.get());
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl().toString()));
    useToken(m_server->token());

    const qint64 localBefore = QDateTime::currentSecsSinceEpoch();
    auto w = watch(m_client->getThreatInsightConfiguration());
    WAIT_FINISHED(w);
    const qint64 localAfter = QDateTime::currentSecsSinceEpoch();
    const OktaResult& r = w->result;
    QVERIFY2(r.isSuccess(), qPrintable(r.describe()));
    VERIFY_ENVELOPE(r, 200, 600);
    const qint64 serverNow = r.rateLimit.serverDate.toSecsSinceEpoch();
    QVERIFY2(serverNow >= localBefore + 3600 - 1 && serverNow <= localAfter + 3600 + 1,
             qPrintable(QString::number(serverNow)));
    const qint64 wait = r.rateLimit.secondsUntilReset().value_or(-1);
    QVERIFY2(wait >= 0 && wait <= 60, qPrintable(QString::number(wait)));
    // Against the local clock the reset would look an hour away.
    QVERIFY(*r.rateLimit.resetEpochSeconds - localAfter > 3000);
}

QTEST_GUILESS_MAIN(TestOktaClient)
#include "TestOktaClient.moc"
