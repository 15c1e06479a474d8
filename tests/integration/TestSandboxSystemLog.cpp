// The sandbox org's System Log for incident response, over real loopback HTTP with a raw
// QNetworkAccessManager: the seeded ThreatInsight detections (shape, window, determinism,
// paging), generated ones (C++ API and POST /_sandbox/detections with its refusals), the
// entries written for zone and ThreatInsight changes, and every PUT /api/v1/zones/{id} rule.
#include "SandboxAuditEvents.h"
#include "SandboxCommandLine.h"
#include "SandboxDetections.h"
#include "SandboxIpAddress.h"
#include "SandboxServer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace {

constexpr int ReplyTimeoutMs = 20000;
constexpr qint64 HourMs = 60LL * 60 * 1000;

const QString LegacyIpZone = QStringLiteral("nzoLgcy7Kq2VbX9sT1d6");
const QString BlockedIpZone = QStringLiteral("nzoBlkd3Rw8NcZ4pU1d6");
const QString DefaultExemptIpZone = QStringLiteral("nzoXmpt5Hd1QeW7rY1d6");
const QString CorporateHq = QStringLiteral("nzoC0rpHq2M4nV8tB0g3");
const QString PartnerSoc = QStringLiteral("nzoPrtSoc1Jx5Ry2H0g3");
const QString KnownBadActors = QStringLiteral("nzoBadAct4Gm8Ts6P0g3");
const QString TorZone = QStringLiteral("nzoT0rAnn9Wc2Ye5j0g4");
const QString VpnEgress = QStringLiteral("nzoVpnEg6Lz3Kd9wF0g3");

// 2026-11-21T22:30:00Z: the sandbox clock in every test that needs exact times.
const qint64 FixedNowMs = QDateTime(QDate(2026, 11, 21), QTime(22, 30), Qt::UTC).toMSecsSinceEpoch();

const QString DetectionFilter =
    QStringLiteral("eventType eq \"security.threat.detected\" or eventType eq "
                   "\"security.attack.start\" or eventType eq \"security.attack.end\"");

struct HttpResult {
    bool finished = false;
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray& name) const {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QString errorCode() const { return object().value(QStringLiteral("errorCode")).toString(); }
    QStringList causes() const {
        QStringList list;
        for (const QJsonValue& cause : object().value(QStringLiteral("errorCauses")).toArray())
            list << cause.toObject().value(QStringLiteral("errorSummary")).toString();
        return list;
    }
    QString nextLink() const {
        static const QRegularExpression pattern(QStringLiteral("<([^>]*)>\\s*;\\s*rel=\"next\""));
        for (const auto& [key, value] : headers) {
            if (key.compare("Link", Qt::CaseInsensitive) != 0)
                continue;
            const auto match = pattern.match(QString::fromUtf8(value));
            if (match.hasMatch())
                return match.captured(1);
        }
        return {};
    }
};

QByteArray toJson(const QJsonValue& value) {
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString encoded(const QString& text) {
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QJsonValue at(const QJsonObject& object, const QString& dottedPath) {
    QJsonValue value = object;
    for (const QString& part : dottedPath.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value;
}

QJsonObject debugData(const QJsonObject& event) {
    return at(event, QStringLiteral("debugContext.debugData")).toObject();
}

QJsonArray eventsOfType(const QJsonArray& events, const QString& type) {
    QJsonArray matching;
    for (const QJsonValue& event : events) {
        if (event.toObject().value(QStringLiteral("eventType")).toString() == type)
            matching.append(event);
    }
    return matching;
}

// Documentation and benchmarking ranges only (RFC 5737, 3849).
bool isDocumentationAddress(const QString& ip) {
    const QHostAddress address(ip);
    for (const char* subnet : {"198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"}) {
        if (address.isInSubnet(QHostAddress::parseSubnet(QLatin1String(subnet))))
            return true;
    }
    return false;
}

QJsonObject gateway(const QString& type, const QString& value) {
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("value"), value}};
}

// `count` distinct /32 CIDRs from the benchmarking range 198.18.0.0/15.
QJsonArray manyGateways(int count) {
    QJsonArray list;
    for (int i = 0; i < count; ++i)
        list.append(
            gateway(QStringLiteral("CIDR"), QStringLiteral("198.18.%1.%2/32").arg(i / 256).arg(i % 256)));
    return list;
}

} // namespace

class TestSandboxSystemLog : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void seededDetectionsHaveOktasShape();
    void seedIsDeterministicAndFollowsTheClock();
    void seedCanBeTurnedOff();
    void detectionFilterPagesAcrossTheSeed();
    void sinceAndUntilNarrowTheWindow();
    void generateThreatDetectionsRotates();
    void adminEndpointGeneratesDetections();
    void adminEndpointRefusesBadInput_data();
    void adminEndpointRefusesBadInput();
    void adminEndpointNeedsTheAdminToken();
    void zoneChangesAreLogged();
    void failedChangesAreNotLogged();
    void threatInsightChangeIsLogged();
    void serviceAppIsTheActorOfItsChanges();
    void zoneReplacementRules_data();
    void zoneReplacementRules();
    void zoneLimitsAreExact_data();
    void zoneLimitsAreExact();
    void readOnlyFieldsAreIgnored();
    void exemptZoneReplacement();

private:
    std::unique_ptr<SandboxServer> startServer(SandboxOptions options = {});
    HttpResult send(const SandboxServer& server, const QByteArray& method, const QString& pathAndQuery,
                    const QByteArray& body = {}, std::optional<QByteArray> authorization = std::nullopt);
    HttpResult get(const SandboxServer& server, const QString& pathAndQuery) {
        return send(server, "GET", pathAndQuery);
    }
    HttpResult post(const SandboxServer& server, const QString& pathAndQuery, const QByteArray& body) {
        return send(server, "POST", pathAndQuery, body);
    }
    // Every page of GET /api/v1/logs for `query`, following rel="next"; `pages` receives the count.
    QJsonArray allPages(const SandboxServer& server, const QString& query, int* pages = nullptr);
    // The zone as GET returns it, changed by `edit`, sent back with PUT.
    HttpResult putEdited(const SandboxServer& server, const QString& id,
                         const std::function<void(QJsonObject&)>& edit);

    QNetworkAccessManager* m_nam = nullptr;
};

void TestSandboxSystemLog::init() {
    m_nam = new QNetworkAccessManager(this);
    m_nam->setProxy(QNetworkProxy::NoProxy); // loopback only, whatever the environment says
}

void TestSandboxSystemLog::cleanup() {
    delete m_nam;
    m_nam = nullptr;
}

std::unique_ptr<SandboxServer> TestSandboxSystemLog::startServer(SandboxOptions options) {
    auto server = std::make_unique<SandboxServer>(std::move(options));
    server->setTimeSource([] { return FixedNowMs; });
    QString error;
    if (!server->start(&error))
        qWarning("sandbox did not start: %s", qUtf8Printable(error));
    return server;
}

HttpResult TestSandboxSystemLog::send(const SandboxServer& server, const QByteArray& method,
                                      const QString& pathAndQuery, const QByteArray& body,
                                      std::optional<QByteArray> authorization) {
    QNetworkRequest request(QUrl(server.baseUrl().toString() + pathAndQuery));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "TestSandboxSystemLog/1.0");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray auth = authorization.value_or(QByteArrayLiteral("SSWS ") + server.token().toUtf8());
    if (!auth.isEmpty())
        request.setRawHeader("Authorization", auth);
    QNetworkReply* reply = m_nam->sendCustomRequest(request, method, body);
    HttpResult result;
    result.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, ReplyTimeoutMs);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

QJsonArray TestSandboxSystemLog::allPages(const SandboxServer& server, const QString& query, int* pages) {
    QJsonArray events;
    QString next = QStringLiteral("/api/v1/logs?") + query;
    int count = 0;
    while (!next.isEmpty() && count < 50) {
        const HttpResult page = get(server, next);
        if (page.status != 200) {
            qWarning("page %d: HTTP %d %s", count, page.status, page.body.constData());
            break;
        }
        for (const QJsonValue& event : page.array())
            events.append(event);
        next = page.nextLink();
        if (!next.isEmpty())
            next = next.mid(server.baseUrl().toString().size());
        ++count;
    }
    if (pages)
        *pages = count;
    return events;
}

HttpResult TestSandboxSystemLog::putEdited(const SandboxServer& server, const QString& id,
                                           const std::function<void(QJsonObject&)>& edit) {
    QJsonObject zone = get(server, QStringLiteral("/api/v1/zones/") + id).object();
    edit(zone);
    return send(server, "PUT", QStringLiteral("/api/v1/zones/") + id, toJson(zone));
}

// ---------------------------------------------------------------------------------------------
// Seeded detections

void TestSandboxSystemLog::seededDetectionsHaveOktasShape() {
    const auto server = startServer();
    const HttpResult result = get(*server, QStringLiteral("/api/v1/logs?since=%1&until=%2&filter=%3")
                                               .arg(encoded(iso(FixedNowMs - 24 * HourMs)),
                                                    encoded(iso(FixedNowMs)), encoded(DetectionFilter)));
    QCOMPARE(result.status, 200);
    const QJsonArray events = result.array();
    QCOMPARE(events.size(), 14);
    QCOMPARE(eventsOfType(events, QStringLiteral("security.threat.detected")).size(), 12);
    QCOMPARE(eventsOfType(events, QStringLiteral("security.attack.start")).size(), 1);
    QCOMPARE(eventsOfType(events, QStringLiteral("security.attack.end")).size(), 1);

    QSet<QString> outcomes;
    QMap<QString, int> ipCounts;
    QSet<QString> uuids;
    QString previous;
    qint64 attackStart = 0;
    qint64 attackEnd = 0;
    for (const QJsonValue& value : events) {
        const QJsonObject e = value.toObject();
        const QString published = e.value(QStringLiteral("published")).toString();
        const std::optional<qint64> ms = [&]() -> std::optional<qint64> {
            const QDateTime time = QDateTime::fromString(published, Qt::ISODateWithMs);
            return time.isValid() ? std::optional<qint64>(time.toMSecsSinceEpoch()) : std::nullopt;
        }();
        QVERIFY2(ms && *ms >= FixedNowMs - 24 * HourMs && *ms < FixedNowMs, qPrintable(published));
        QVERIFY2(published.endsWith(QLatin1Char('Z')), qPrintable(published));
        QVERIFY(previous <= published); // ascending
        previous = published;
        QVERIFY(QRegularExpression(
                    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                    .match(e.value(QStringLiteral("uuid")).toString())
                    .hasMatch());
        uuids.insert(e.value(QStringLiteral("uuid")).toString());
        QCOMPARE(e.value(QStringLiteral("version")).toString(), QStringLiteral("0"));
        QVERIFY(!e.value(QStringLiteral("severity")).toString().isEmpty());
        QVERIFY(!e.value(QStringLiteral("displayMessage")).toString().isEmpty());
        QVERIFY(e.value(QStringLiteral("actor")).isObject());
        QVERIFY(e.contains(QStringLiteral("target")));
        QVERIFY(!at(e, QStringLiteral("transaction.id")).toString().isEmpty());
        QVERIFY(!debugData(e).value(QStringLiteral("threatSuspected")).toString().isEmpty());
        QVERIFY(at(e, QStringLiteral("client.userAgent")).isObject());
        const QString type = e.value(QStringLiteral("eventType")).toString();
        if (type == QLatin1String("security.threat.detected")) {
            const QString ip = at(e, QStringLiteral("client.ipAddress")).toString();
            QVERIFY2(SandboxIpAddress::isSingleAddress(ip) && isDocumentationAddress(ip), qPrintable(ip));
            ++ipCounts[ip];
            const QString outcome = at(e, QStringLiteral("outcome.result")).toString();
            QVERIFY2(SandboxDetections::outcomes().contains(outcome), qPrintable(outcome));
            outcomes.insert(outcome);
            QVERIFY(!at(e, QStringLiteral("outcome.reason")).toString().isEmpty());
            QCOMPARE(e.value(QStringLiteral("severity")).toString(), QStringLiteral("WARN"));
            QVERIFY(e.value(QStringLiteral("target")).isNull());
            for (const char* path :
                 {"client.userAgent.rawUserAgent", "client.userAgent.os", "client.userAgent.browser",
                  "client.geographicalContext.city", "client.geographicalContext.country",
                  "client.geographicalContext.postalCode"})
                QVERIFY2(!at(e, QLatin1String(path)).toString().isEmpty(), path);
            QVERIFY(at(e, QStringLiteral("client.geographicalContext"))
                        .toObject()
                        .contains(QStringLiteral("state")));
            QVERIFY(at(e, QStringLiteral("client.geographicalContext.geolocation.lat")).isDouble());
            QVERIFY(at(e, QStringLiteral("client.geographicalContext.geolocation.lon")).isDouble());
            const QJsonObject data = debugData(e);
            QVERIFY(data.value(QStringLiteral("requestUri")).toString().startsWith(QLatin1Char('/')));
            QVERIFY(data.value(QStringLiteral("url")).toString().startsWith(QLatin1Char('/')));
            QCOMPARE(data.value(QStringLiteral("requestId")).toString(),
                     at(e, QStringLiteral("transaction.id")).toString());
            // threatDetections is a JSON string inside debugData, as Okta logs it.
            QVERIFY(
                QJsonDocument::fromJson(data.value(QStringLiteral("threatDetections")).toString().toUtf8())
                    .isObject());
        } else {
            QVERIFY(at(e, QStringLiteral("client.ipAddress")).isNull());
            (type == QLatin1String("security.attack.start") ? attackStart : attackEnd) = *ms;
        }
    }
    QCOMPARE(uuids.size(), 14);
    QCOMPARE(outcomes, (QSet<QString>{"DENY", "RATE_LIMIT", "ALLOW"}));
    QVERIFY2(std::any_of(ipCounts.cbegin(), ipCounts.cend(), [](int n) { return n >= 3; }),
             "some IP must come back repeatedly");
    QVERIFY(attackStart > 0 && attackStart < attackEnd);

    // The sample text of the brief, verbatim: what the detections table shows.
    QVERIFY(std::any_of(events.begin(), events.end(), [](const QJsonValue& e) {
        return debugData(e.toObject()).value(QStringLiteral("threatSuspected")).toString() ==
               QLatin1String("Password spray: 212 failed sign-ins in 10 minutes");
    }));
    // The C++ view matches the HTTP one.
    QCOMPARE(server->systemLogEvents(), events);
}

void TestSandboxSystemLog::seedIsDeterministicAndFollowsTheClock() {
    const auto first = startServer();
    const auto second = startServer();
    QCOMPARE(first->systemLogEvents().size(), 14);
    QCOMPARE(first->systemLogEvents(), second->systemLogEvents()); // same uuids, texts, times

    // Re-anchored on a new clock: same events, every timestamp one hour later.
    second->setTimeSource([] { return FixedNowMs + HourMs; });
    const QJsonArray before = first->systemLogEvents();
    const QJsonArray after = second->systemLogEvents();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const QJsonObject a = before.at(i).toObject();
        const QJsonObject b = after.at(i).toObject();
        QCOMPARE(b.value(QStringLiteral("uuid")), a.value(QStringLiteral("uuid")));
        const qint64 aMs =
            QDateTime::fromString(a.value(QStringLiteral("published")).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        const qint64 bMs =
            QDateTime::fromString(b.value(QStringLiteral("published")).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        QCOMPARE(bMs - aMs, HourMs);
    }

    // Other events stay when the seed moves, and the log stays in publishing order.
    second->generateThreatDetections(1);
    second->setTimeSource([] { return FixedNowMs - HourMs; });
    const QJsonArray moved = second->systemLogEvents();
    QCOMPARE(moved.size(), 15);
    QCOMPARE(moved.last().toObject().value(QStringLiteral("published")).toString(),
             iso(FixedNowMs + HourMs)); // the generated one, still the newest
    for (qsizetype i = 1; i < moved.size(); ++i)
        QVERIFY(moved.at(i - 1).toObject().value(QStringLiteral("published")).toString() <=
                moved.at(i).toObject().value(QStringLiteral("published")).toString());
}

void TestSandboxSystemLog::seedCanBeTurnedOff() {
    SandboxOptions options;
    options.seedDetections = false;
    const auto server = startServer(options);
    QCOMPARE(server->systemLogEvents().size(), 0);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/logs")).array().size(), 0);
    server->setTimeSource([] { return FixedNowMs + HourMs; });
    QCOMPARE(server->systemLogEvents().size(), 0);

    // The executable's switch.
    const SandboxCommandLine::Result defaults =
        SandboxCommandLine::parse({QStringLiteral("threatdesk-sandbox")});
    QVERIFY(defaults.error.isEmpty());
    QVERIFY(defaults.options.seedDetections);
    const SandboxCommandLine::Result off = SandboxCommandLine::parse(
        {QStringLiteral("threatdesk-sandbox"), QStringLiteral("--no-seed-detections")});
    QVERIFY2(off.error.isEmpty(), qPrintable(off.error));
    QVERIFY(!off.options.seedDetections);
    QVERIFY(SandboxCommandLine::helpText().contains(QStringLiteral("--no-seed-detections")));
}

void TestSandboxSystemLog::detectionFilterPagesAcrossTheSeed() {
    const auto server = startServer();
    // Noise the filter must leave out: a risk signal and a zone change.
    QCOMPARE(post(*server, QStringLiteral("/api/v1/risk/events/ip"),
                  R"([{"subjects":[{"ip":"203.0.113.45","riskLevel":"HIGH"}]}])")
                 .status,
             202);
    QCOMPARE(post(*server, QStringLiteral("/api/v1/zones/%1/lifecycle/activate").arg(PartnerSoc), {}).status,
             200);

    int pages = 0;
    const QJsonArray events = allPages(*server,
                                       QStringLiteral("since=%1&until=%2&limit=5&filter=%3")
                                           .arg(encoded(iso(FixedNowMs - 24 * HourMs)),
                                                encoded(iso(FixedNowMs + 1)), encoded(DetectionFilter)),
                                       &pages);
    QCOMPARE(pages, 3); // 5 + 5 + 4
    QCOMPARE(events.size(), 14);
    QSet<QString> uuids;
    for (const QJsonValue& e : events)
        uuids.insert(e.toObject().value(QStringLiteral("uuid")).toString());
    QCOMPARE(uuids.size(), 14);
    // Exactly the seeded ThreatInsight events, in publishing order.
    QJsonArray expected;
    for (const QJsonValue& e : server->systemLogEvents()) {
        const QString type = e.toObject().value(QStringLiteral("eventType")).toString();
        if (type == QLatin1String("security.threat.detected") ||
            type.startsWith(QLatin1String("security.attack.")))
            expected.append(e);
    }
    QCOMPARE(events, expected);

    // A page boundary exactly at the end: no dangling next link.
    int exactPages = 0;
    QCOMPARE(allPages(*server, QStringLiteral("limit=7&filter=%1").arg(encoded(DetectionFilter)), &exactPages)
                 .size(),
             14);
    QCOMPARE(exactPages, 2);
}

void TestSandboxSystemLog::sinceAndUntilNarrowTheWindow() {
    const auto server = startServer();
    const auto count = [&](qint64 sinceMs, qint64 untilMs) {
        return get(*server, QStringLiteral("/api/v1/logs?since=%1&until=%2&filter=%3")
                                .arg(encoded(iso(sinceMs)), encoded(iso(untilMs)), encoded(DetectionFilter)))
            .array()
            .size();
    };
    // Seed offsets: 5 detections more than 13 h ago, then the attack (13 h to 11 h ago, with 3
    // detections), then 4 more.
    QCOMPARE(count(FixedNowMs - 24 * HourMs, FixedNowMs - 13 * HourMs), 5);
    QCOMPARE(count(FixedNowMs - 13 * HourMs, FixedNowMs - 11 * HourMs), 4);     // until is exclusive: no end
    QCOMPARE(count(FixedNowMs - 13 * HourMs, FixedNowMs - 11 * HourMs + 1), 5); // start, 3 detections, end
    QCOMPARE(count(FixedNowMs - 11 * HourMs + 1, FixedNowMs), 4);
    QCOMPARE(count(FixedNowMs - HourMs, FixedNowMs), 1);
    QCOMPARE(count(FixedNowMs - 48 * HourMs, FixedNowMs - 24 * HourMs), 0);
    // Without since, the default window (7 days) holds all of them.
    QCOMPARE(get(*server, QStringLiteral("/api/v1/logs?filter=") + encoded(DetectionFilter)).array().size(),
             14);
    // Filters on detection fields.
    QCOMPARE(get(*server, QStringLiteral("/api/v1/logs?filter=") +
                              encoded(QStringLiteral("eventType eq \"security.threat.detected\" and "
                                                     "client.ipAddress eq \"203.0.113.45\"")))
                 .array()
                 .size(),
             3);
    QCOMPARE(get(*server,
                 QStringLiteral("/api/v1/logs?filter=") +
                     encoded(QStringLiteral("debugContext.debugData.threatSuspected sw \"Password spray\"")))
                 .array()
                 .size(),
             5);
}

// ---------------------------------------------------------------------------------------------
// Generated detections

void TestSandboxSystemLog::generateThreatDetectionsRotates() {
    SandboxOptions options;
    options.seedDetections = false;
    const auto server = startServer(options);
    const QJsonArray generated = server->generateThreatDetections(4);
    QCOMPARE(generated.size(), 4);
    const QStringList expectedOutcomes{"DENY", "RATE_LIMIT", "ALLOW", "DENY"};
    QSet<QString> ips;
    for (qsizetype i = 0; i < generated.size(); ++i) {
        const QJsonObject e = generated.at(i).toObject();
        QCOMPARE(e.value(QStringLiteral("eventType")).toString(), QStringLiteral("security.threat.detected"));
        QCOMPARE(e.value(QStringLiteral("published")).toString(), iso(FixedNowMs));
        QCOMPARE(at(e, QStringLiteral("outcome.result")).toString(), expectedOutcomes.at(i));
        const QString ip = at(e, QStringLiteral("client.ipAddress")).toString();
        QVERIFY2(isDocumentationAddress(ip), qPrintable(ip));
        ips.insert(ip);
        QVERIFY(!debugData(e).value(QStringLiteral("threatSuspected")).toString().isEmpty());
    }
    QCOMPARE(ips.size(), 4);
    QCOMPARE(server->systemLogEvents(), generated);

    // The rotation continues across calls; fixed ip and outcome win over it.
    const QJsonArray next = server->generateThreatDetections(1);
    QCOMPARE(at(next.at(0).toObject(), QStringLiteral("outcome.result")).toString(),
             QStringLiteral("RATE_LIMIT"));
    const QJsonArray fixed =
        server->generateThreatDetections(3, QStringLiteral("2001:db8::bad"), QStringLiteral("ALLOW"));
    for (const QJsonValue& e : fixed) {
        QCOMPARE(at(e.toObject(), QStringLiteral("client.ipAddress")).toString(),
                 QStringLiteral("2001:db8::bad"));
        QCOMPARE(at(e.toObject(), QStringLiteral("outcome.result")).toString(), QStringLiteral("ALLOW"));
    }
    QCOMPARE(server->generateThreatDetections(0).size(), 0);
    QCOMPARE(server->systemLogEvents().size(), 8);

    // Served like any other event.
    const HttpResult logs =
        get(*server, QStringLiteral("/api/v1/logs?filter=") +
                         encoded(QStringLiteral("client.ipAddress eq \"2001:db8::bad\" and outcome.result eq "
                                                "\"ALLOW\"")));
    QCOMPARE(logs.array(), fixed);
}

void TestSandboxSystemLog::adminEndpointGeneratesDetections() {
    const auto server = startServer();
    HttpResult result = post(*server, QStringLiteral("/_sandbox/detections"), {});
    QCOMPARE(result.status, 201);
    QCOMPARE(result.array().size(), 1);
    QCOMPARE(at(result.array().at(0).toObject(), QStringLiteral("outcome.result")).toString(),
             QStringLiteral("DENY"));

    result = post(*server, QStringLiteral("/_sandbox/detections"),
                  R"({"count":3,"ip":"198.51.100.99","outcome":"RATE_LIMIT"})");
    QCOMPARE(result.status, 201);
    const QJsonArray events = result.array();
    QCOMPARE(events.size(), 3);
    for (const QJsonValue& e : events) {
        QCOMPARE(at(e.toObject(), QStringLiteral("client.ipAddress")).toString(),
                 QStringLiteral("198.51.100.99"));
        QCOMPARE(at(e.toObject(), QStringLiteral("outcome.result")).toString(), QStringLiteral("RATE_LIMIT"));
        QCOMPARE(e.toObject().value(QStringLiteral("published")).toString(), iso(FixedNowMs));
    }
    result = post(*server, QStringLiteral("/_sandbox/detections"), R"({"count":1000})");
    QCOMPARE(result.status, 201);
    QCOMPARE(result.array().size(), 1000);
    QCOMPARE(server->systemLogEvents().size(), 14 + 1 + 3 + 1000);

    // The new ones are in the log, found by the client's filter and window.
    const QJsonArray window = allPages(
        *server, QStringLiteral("since=%1&until=%2&limit=1000&filter=%3")
                     .arg(encoded(iso(FixedNowMs)), encoded(iso(FixedNowMs + 1)), encoded(DetectionFilter)));
    QCOMPARE(window.size(), 1004);
    QCOMPARE(window.at(1).toObject(), events.at(0).toObject());
}

void TestSandboxSystemLog::adminEndpointRefusesBadInput_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QStringList>("causes");
    const QString e1 = QStringLiteral("E0000001");
    QTest::newRow("count 0") << QByteArray(R"({"count":0})") << e1
                             << QStringList{"count: the number 0 is not a whole number from 1 to 1000"};
    QTest::newRow("count 1001") << QByteArray(R"({"count":1001})") << e1
                                << QStringList{"count: the number 1001 is not a whole number from 1 to 1000"};
    QTest::newRow("count fraction") << QByteArray(R"({"count":2.5})") << e1
                                    << QStringList{
                                           "count: the number 2.5 is not a whole number from 1 to 1000"};
    QTest::newRow("count string") << QByteArray(R"({"count":"3"})") << e1
                                  << QStringList{"count: '3' is not a whole number from 1 to 1000"};
    QTest::newRow("ip bad") << QByteArray(R"({"ip":"300.1.1.1"})") << e1
                            << QStringList{"ip: '300.1.1.1' is not an IPv4 or IPv6 address"};
    QTest::newRow("ip cidr") << QByteArray(R"({"ip":"198.51.100.0/24"})") << e1
                             << QStringList{"ip: '198.51.100.0/24' is not an IPv4 or IPv6 address"};
    QTest::newRow("ip number") << QByteArray(R"({"ip":7})") << e1
                               << QStringList{"ip: the number 7 is not an IPv4 or IPv6 address"};
    QTest::newRow("outcome") << QByteArray(R"({"outcome":"BLOCK"})") << e1
                             << QStringList{"outcome: 'BLOCK' is not one of DENY, RATE_LIMIT, ALLOW"};
    QTest::newRow("unknown field") << QByteArray(R"({"counts":2})") << e1
                                   << QStringList{"counts: unknown field (known: count, ip, outcome)"};
    QTest::newRow("every problem") << QByteArray(R"({"count":-1,"ip":"","outcome":null})") << e1
                                   << QStringList{"count: the number -1 is not a whole number from 1 to 1000",
                                                  "ip: '' is not an IPv4 or IPv6 address",
                                                  "outcome: null is not one of DENY, RATE_LIMIT, ALLOW"};
    QTest::newRow("array") << QByteArray("[]") << e1
                           << QStringList{"body: expected an object with optional count, ip and outcome"};
    QTest::newRow("malformed") << QByteArray("{") << QStringLiteral("E0000003") << QStringList{};
}

void TestSandboxSystemLog::adminEndpointRefusesBadInput() {
    QFETCH(QByteArray, body);
    QFETCH(QString, errorCode);
    QFETCH(QStringList, causes);
    const auto server = startServer();
    const HttpResult result = post(*server, QStringLiteral("/_sandbox/detections"), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), errorCode);
    QCOMPARE(result.causes(), causes);
    QCOMPARE(server->systemLogEvents().size(), 14); // nothing generated
}

void TestSandboxSystemLog::adminEndpointNeedsTheAdminToken() {
    const auto server = startServer();
    const QByteArray readOnly = QByteArrayLiteral("SSWS ") + server->readOnlyToken().toUtf8();
    QCOMPARE(send(*server, "POST", QStringLiteral("/_sandbox/detections"), R"({"count":2})", readOnly).status,
             403);
    QCOMPARE(
        send(*server, "POST", QStringLiteral("/_sandbox/detections"), R"({"count":2})", QByteArray()).status,
        401);
    QCOMPARE(
        send(*server, "POST", QStringLiteral("/_sandbox/detections"), R"({"count":2})", "SSWS wrong").status,
        401);
    const HttpResult wrongMethod = get(*server, QStringLiteral("/_sandbox/detections"));
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.errorCode(), QStringLiteral("E0000022"));
    QCOMPARE(server->systemLogEvents().size(), 14);
}

// ---------------------------------------------------------------------------------------------
// Change events

void TestSandboxSystemLog::zoneChangesAreLogged() {
    SandboxOptions options;
    options.seedDetections = false; // only change events in the log
    const auto server = startServer(options);

    // PUT: one gateway added, one removed.
    const HttpResult put = putEdited(*server, KnownBadActors, [](QJsonObject& zone) {
        QJsonArray gateways = zone.value(QStringLiteral("gateways")).toArray();
        gateways.removeAt(1); // 198.18.42.0/24
        gateways.append(gateway(QStringLiteral("CIDR"), QStringLiteral("203.0.113.7/32")));
        zone.insert(QStringLiteral("gateways"), gateways);
    });
    QCOMPARE(put.status, 200);
    QJsonArray events = server->systemLogEvents();
    QCOMPARE(events.size(), 1);
    QJsonObject e = events.at(0).toObject();
    QCOMPARE(e.value(QStringLiteral("eventType")).toString(), QStringLiteral("zone.update"));
    QCOMPARE(e.value(QStringLiteral("published")).toString(), iso(FixedNowMs));
    QCOMPARE(e.value(QStringLiteral("version")).toString(), QStringLiteral("0"));
    QCOMPARE(e.value(QStringLiteral("severity")).toString(), QStringLiteral("INFO"));
    QCOMPARE(at(e, QStringLiteral("outcome.result")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(at(e, QStringLiteral("actor.type")).toString(), QStringLiteral("User"));
    QVERIFY(!at(e, QStringLiteral("actor.id")).toString().isEmpty());
    QCOMPARE(at(e, QStringLiteral("client.ipAddress")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(at(e, QStringLiteral("client.userAgent.rawUserAgent")).toString(),
             QStringLiteral("TestSandboxSystemLog/1.0"));
    const QString requestId = QString::fromLatin1(put.header("X-Okta-Request-Id"));
    QCOMPARE(at(e, QStringLiteral("transaction.id")).toString(), requestId);
    QCOMPARE(debugData(e).value(QStringLiteral("requestId")).toString(), requestId);
    QCOMPARE(debugData(e).value(QStringLiteral("requestUri")).toString(),
             QStringLiteral("/api/v1/zones/") + KnownBadActors);
    const QJsonObject target = e.value(QStringLiteral("target")).toArray().at(0).toObject();
    QCOMPARE(target.value(QStringLiteral("id")).toString(), KnownBadActors);
    QCOMPARE(target.value(QStringLiteral("type")).toString(), QStringLiteral("NetworkZone"));
    QCOMPARE(target.value(QStringLiteral("displayName")).toString(), QStringLiteral("Known Bad Actors"));
    QCOMPARE(at(target, QStringLiteral("detailEntry.zoneType")).toString(), QStringLiteral("IP"));
    QCOMPARE(at(target, QStringLiteral("detailEntry.usage")).toString(), QStringLiteral("BLOCKLIST"));
    QCOMPARE(debugData(e).value(QStringLiteral("gatewaysAdded")).toString(),
             QStringLiteral("203.0.113.7/32"));
    QCOMPARE(debugData(e).value(QStringLiteral("gatewaysRemoved")).toString(),
             QStringLiteral("198.18.42.0/24"));
    QVERIFY(!debugData(e).contains(QStringLiteral("proxiesAdded"))); // untouched
    QVERIFY(!debugData(e).contains(QStringLiteral("oldName")));

    // A rename is logged with both names.
    QCOMPARE(
        putEdited(*server, CorporateHq,
                  [](QJsonObject& zone) { zone.insert(QStringLiteral("name"), QStringLiteral("HQ Berlin")); })
            .status,
        200);
    e = server->systemLogEvents().last().toObject();
    QCOMPARE(debugData(e).value(QStringLiteral("oldName")).toString(), QStringLiteral("Corporate HQ"));
    QCOMPARE(debugData(e).value(QStringLiteral("newName")).toString(), QStringLiteral("HQ Berlin"));
    QCOMPARE(debugData(e).value(QStringLiteral("gatewaysAdded")).toString(), QString());
    QVERIFY(debugData(e).value(QStringLiteral("gatewaysAdded")).isString());

    // Lifecycle and delete.
    QCOMPARE(post(*server, QStringLiteral("/api/v1/zones/%1/lifecycle/activate").arg(PartnerSoc), {}).status,
             200);
    QCOMPARE(
        post(*server, QStringLiteral("/api/v1/zones/%1/lifecycle/deactivate").arg(PartnerSoc), {}).status,
        200);
    QCOMPARE(send(*server, "DELETE", QStringLiteral("/api/v1/zones/") + PartnerSoc).status, 204);
    events = server->systemLogEvents();
    QCOMPARE(events.size(), 5);
    const QStringList types{"zone.activate", "zone.deactivate", "zone.delete"};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject event = events.at(2 + i).toObject();
        QCOMPARE(event.value(QStringLiteral("eventType")).toString(), types.at(i));
        const QJsonObject zone = event.value(QStringLiteral("target")).toArray().at(0).toObject();
        QCOMPARE(zone.value(QStringLiteral("id")).toString(), PartnerSoc);
        QCOMPARE(zone.value(QStringLiteral("displayName")).toString(), QStringLiteral("Partner SOC"));
        QCOMPARE(at(event, QStringLiteral("client.ipAddress")).toString(), QStringLiteral("127.0.0.1"));
    }
    // And through the API, by event type.
    QCOMPARE(get(*server,
                 QStringLiteral("/api/v1/logs?filter=") + encoded(QStringLiteral("eventType sw \"zone.\"")))
                 .array(),
             events);
}

void TestSandboxSystemLog::failedChangesAreNotLogged() {
    SandboxOptions options;
    options.seedDetections = false;
    const auto server = startServer(options);
    QCOMPARE(putEdited(*server, KnownBadActors,
                       [](QJsonObject& zone) {
                           zone.insert(
                               QStringLiteral("gateways"),
                               QJsonArray{gateway(QStringLiteral("CIDR"), QStringLiteral("1.2.3.4/33"))});
                       })
                 .status,
             400);
    QCOMPARE(send(*server, "DELETE", QStringLiteral("/api/v1/zones/") + BlockedIpZone).status, 400);
    QCOMPARE(post(*server, QStringLiteral("/api/v1/threats/configuration"), R"({"action":"panic"})").status,
             400);
    const QByteArray readOnly = QByteArrayLiteral("SSWS ") + server->readOnlyToken().toUtf8();
    QCOMPARE(send(*server, "POST", QStringLiteral("/api/v1/zones/%1/lifecycle/activate").arg(PartnerSoc), {},
                  readOnly)
                 .status,
             403);
    QCOMPARE(server->systemLogEvents().size(), 0);
}

void TestSandboxSystemLog::threatInsightChangeIsLogged() {
    SandboxOptions options;
    options.seedDetections = false;
    const auto server = startServer(options);
    const HttpResult result =
        post(*server, QStringLiteral("/api/v1/threats/configuration"),
             toJson(QJsonObject{{"action", "block"}, {"excludeZones", QJsonArray{VpnEgress, CorporateHq}}}));
    QCOMPARE(result.status, 200);
    const QJsonArray events = server->systemLogEvents();
    QCOMPARE(events.size(), 1);
    const QJsonObject e = events.at(0).toObject();
    QCOMPARE(e.value(QStringLiteral("eventType")).toString(),
             QStringLiteral("security.threat.configuration.update"));
    QCOMPARE(at(e, QStringLiteral("client.ipAddress")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(at(e, QStringLiteral("actor.type")).toString(), QStringLiteral("User"));
    QCOMPARE(at(e, QStringLiteral("transaction.id")).toString(),
             QString::fromLatin1(result.header("X-Okta-Request-Id")));
    const QJsonObject data = debugData(e);
    QCOMPARE(data.value(QStringLiteral("oldAction")).toString(), QStringLiteral("audit"));
    QCOMPARE(data.value(QStringLiteral("newAction")).toString(), QStringLiteral("block"));
    QCOMPARE(data.value(QStringLiteral("oldExcludeZones")).toString(), QString());
    QCOMPARE(data.value(QStringLiteral("newExcludeZones")).toString(),
             VpnEgress + QStringLiteral(", ") + CorporateHq);

    // A second change logs the first one's result as "old".
    QCOMPARE(post(*server, QStringLiteral("/api/v1/threats/configuration"), R"({"action":"none"})").status,
             200);
    const QJsonObject second = debugData(server->systemLogEvents().at(1).toObject());
    QCOMPARE(second.value(QStringLiteral("oldAction")).toString(), QStringLiteral("block"));
    QCOMPARE(second.value(QStringLiteral("oldExcludeZones")).toString(),
             VpnEgress + QStringLiteral(", ") + CorporateHq);
    QCOMPARE(second.value(QStringLiteral("newAction")).toString(), QStringLiteral("none"));
    QCOMPARE(second.value(QStringLiteral("newExcludeZones")).toString(), QString());
}

void TestSandboxSystemLog::serviceAppIsTheActorOfItsChanges() {
    // OAuth callers are logged as their service app (the HTTP path needs a signed client
    // assertion, covered by TestSandboxOAuth; here the builder the server uses for them).
    SandboxAuditEvents::Context context;
    context.actor = SandboxAuditEvents::serviceAppActor(SandboxServer::RiskProviderClientId);
    context.clientIp = QStringLiteral("127.0.0.1");
    context.requestId = QStringLiteral("reqAbc123");
    context.requestUri = QStringLiteral("/api/v1/zones/") + BlockedIpZone;
    context.publishedMs = FixedNowMs;
    const QJsonObject zone = SandboxServer::seedZones().at(1);
    const QJsonObject e = SandboxAuditEvents::zoneEvent(QStringLiteral("zone.deactivate"), zone, context);
    QCOMPARE(at(e, QStringLiteral("actor.id")).toString(), SandboxServer::RiskProviderClientId);
    QCOMPARE(at(e, QStringLiteral("actor.type")).toString(), QStringLiteral("PublicClientApp"));
    QCOMPARE(at(e, QStringLiteral("transaction.id")).toString(), QStringLiteral("reqAbc123"));
    QCOMPARE(e.value(QStringLiteral("published")).toString(), iso(FixedNowMs));
    QCOMPARE(
        e.value(QStringLiteral("target")).toArray().at(0).toObject().value(QStringLiteral("displayName")),
        QJsonValue(QStringLiteral("BlockedIpZone")));
}

// ---------------------------------------------------------------------------------------------
// PUT /api/v1/zones/{id} rules

void TestSandboxSystemLog::zoneReplacementRules_data() {
    QTest::addColumn<QString>("zoneId");
    QTest::addColumn<QJsonObject>("changes"); // fields replaced in the zone as read
    QTest::addColumn<QStringList>("causes");
    const auto gateways = [](std::initializer_list<std::pair<const char*, const char*>> list) {
        QJsonArray array;
        for (const auto& [type, value] : list)
            array.append(gateway(QLatin1String(type), QLatin1String(value)));
        return QJsonObject{{QStringLiteral("gateways"), array}};
    };
    QTest::newRow("prefix too long v4")
        << CorporateHq << gateways({{"CIDR", "198.51.100.0/33"}})
        << QStringList{"gateways[0].value: '198.51.100.0/33' is not a valid CIDR block"};
    QTest::newRow("prefix too long v6")
        << CorporateHq << gateways({{"CIDR", "198.51.100.0/24"}, {"CIDR", "2001:db8::/129"}})
        << QStringList{"gateways[1].value: '2001:db8::/129' is not a valid CIDR block"};
    QTest::newRow("prefix missing")
        << CorporateHq << gateways({{"CIDR", "203.0.113.7"}})
        << QStringList{"gateways[0].value: '203.0.113.7' is not a valid CIDR block: no prefix length (write "
                       "203.0.113.7/32 for one address)"};
    QTest::newRow("prefix missing v6")
        << CorporateHq << gateways({{"CIDR", "2001:db8::7"}})
        << QStringList{"gateways[0].value: '2001:db8::7' is not a valid CIDR block: no prefix length (write "
                       "2001:db8::7/128 for one address)"};
    QTest::newRow("bad address in CIDR")
        << CorporateHq << gateways({{"CIDR", "198.51.100.256/32"}})
        << QStringList{"gateways[0].value: '198.51.100.256/32' is not a valid CIDR "
                       "block"};
    QTest::newRow("range backwards")
        << CorporateHq << gateways({{"RANGE", "198.51.100.20-198.51.100.10"}})
        << QStringList{
               "gateways[0].value: '198.51.100.20-198.51.100.10' is not a valid address range (first-last)"};
    QTest::newRow("range mixed families")
        << CorporateHq << gateways({{"RANGE", "198.51.100.1-2001:db8::1"}})
        << QStringList{
               "gateways[0].value: '198.51.100.1-2001:db8::1' mixes IPv4 and IPv6; both ends of a range "
               "must be of one family"};
    QTest::newRow("range with three ends")
        << CorporateHq << gateways({{"RANGE", "198.51.100.1-198.51.100.2-198.51.100.3"}})
        << QStringList{
               "gateways[0].value: '198.51.100.1-198.51.100.2-198.51.100.3' is not a valid address range "
               "(first-last)"};
    QTest::newRow("range typed CIDR")
        << CorporateHq << gateways({{"CIDR", "198.51.100.1-198.51.100.9"}})
        << QStringList{
               "gateways[0].value: '198.51.100.1-198.51.100.9' is an address range, but the type is CIDR "
               "(use type RANGE)"};
    QTest::newRow("CIDR typed RANGE")
        << CorporateHq << gateways({{"RANGE", "198.51.100.0/24"}})
        << QStringList{
               "gateways[0].value: '198.51.100.0/24' is a CIDR block, but the type is RANGE (use type CIDR)"};
    QTest::newRow("single address typed RANGE")
        << CorporateHq << gateways({{"RANGE", "198.51.100.7"}})
        << QStringList{
               "gateways[0].value: '198.51.100.7' is a single address; a RANGE needs first-last (write "
               "198.51.100.7-198.51.100.7)"};
    QTest::newRow("unknown type") << CorporateHq << gateways({{"HOST", "198.51.100.7"}})
                                  << QStringList{"gateways[0].type: 'HOST' is not one of CIDR, RANGE"};
    QTest::newRow("duplicate") << KnownBadActors
                               << gateways({{"CIDR", "203.0.113.128/26"},
                                            {"CIDR", "198.18.42.0/24"},
                                            {"CIDR", "203.0.113.128/26"}})
                               << QStringList{"gateways[2].value: '203.0.113.128/26' repeats gateways[0]"};
    QTest::newRow("duplicate spelled differently")
        << CorporateHq
        << gateways({{"CIDR", "2001:db8::1/128"},
                     {"RANGE", "2001:db8::a-2001:db8::f"},
                     {"CIDR", "2001:DB8:0::1/128"},
                     {"RANGE", "2001:0db8::A-2001:db8::F"}})
        << QStringList{"gateways[2].value: '2001:DB8:0::1/128' repeats gateways[0]",
                       "gateways[3].value: '2001:0db8::A-2001:db8::F' repeats gateways[1]"};
    QTest::newRow("duplicate proxy")
        << CorporateHq
        << QJsonObject{{QStringLiteral("proxies"),
                        QJsonArray{gateway("RANGE", "198.51.100.250-198.51.100.254"),
                                   gateway("RANGE", "198.51.100.250-198.51.100.254")}}}
        << QStringList{"proxies[1].value: '198.51.100.250-198.51.100.254' repeats "
                       "proxies[0]"};
    QTest::newRow("entry not an object")
        << CorporateHq << QJsonObject{{"gateways", QJsonArray{"198.51.100.7/32"}}}
        << QStringList{"gateways[0]: expected an object with type and value"};
    QTest::newRow("value not a string")
        << CorporateHq << QJsonObject{{"gateways", QJsonArray{QJsonObject{{"type", "CIDR"}, {"value", 7}}}}}
        << QStringList{"gateways[0].value: expected a string, got the number 7"};
    QTest::newRow("gateways not an array") << CorporateHq << QJsonObject{{"gateways", "198.51.100.7/32"}}
                                           << QStringList{"gateways: expected an array of addresses, got "
                                                          "'198.51.100.7/32'"};
    QTest::newRow("over the custom limit")
        << CorporateHq << QJsonObject{{"gateways", manyGateways(151)}}
        << QStringList{"gateways: at most 150 entries, got 151 (the limit for an IP zone)"};
    QTest::newRow("over the BLOCKLIST limit")
        << BlockedIpZone << QJsonObject{{"gateways", manyGateways(1001)}}
        << QStringList{"gateways: at most 1000 entries, got 1001 (the limit for a BLOCKLIST zone)"};
    QTest::newRow("over the exempt zone limit")
        << DefaultExemptIpZone << QJsonObject{{"gateways", manyGateways(5001)}, {"useAsExemptList", true}}
        << QStringList{"gateways: at most 5000 entries, got 5001 (the limit for DefaultExemptIpZone)"};
    QTest::newRow("proxies on a BLOCKLIST zone")
        << BlockedIpZone << QJsonObject{{"proxies", QJsonArray{gateway("CIDR", "198.51.100.0/24")}}}
        << QStringList{"proxies: a BLOCKLIST zone cannot have proxies"};
    QTest::newRow("proxies when turning BLOCKLIST")
        << CorporateHq << QJsonObject{{"usage", "BLOCKLIST"}}
        << QStringList{"proxies: a BLOCKLIST zone cannot have proxies"};
    QTest::newRow("proxies on the exempt zone")
        << DefaultExemptIpZone
        << QJsonObject{{"proxies", QJsonArray{gateway("CIDR", "198.51.100.0/24")}}, {"useAsExemptList", true}}
        << QStringList{"proxies: DefaultExemptIpZone cannot have proxies"};
    QTest::newRow("exempt zone without useAsExemptList")
        << DefaultExemptIpZone << QJsonObject{{"gateways", QJsonArray{gateway("CIDR", "192.0.2.10/32")}}}
        << QStringList{"useAsExemptList: must be true to update DefaultExemptIpZone (Okta requires "
                       "\"useAsExemptList\": true in every PUT of this zone)"};
    QTest::newRow("exempt zone with useAsExemptList false")
        << DefaultExemptIpZone << QJsonObject{{"useAsExemptList", false}}
        << QStringList{"useAsExemptList: must be true to update DefaultExemptIpZone (Okta requires "
                       "\"useAsExemptList\": true in every PUT of this zone)"};
    QTest::newRow("useAsExemptList not a boolean")
        << DefaultExemptIpZone << QJsonObject{{"useAsExemptList", "true"}}
        << QStringList{"useAsExemptList: expected true or false, got 'true'"};
    QTest::newRow("useAsExemptList on another zone")
        << BlockedIpZone << QJsonObject{{"useAsExemptList", true}}
        << QStringList{
               "useAsExemptList: only DefaultExemptIpZone can be the exempt list; zone 'BlockedIpZone' "
               "cannot"};
    QTest::newRow("type changed") << KnownBadActors << QJsonObject{{"type", "DYNAMIC"}}
                                  << QStringList{
                                         "type: cannot change the type of zone 'nzoBadAct4Gm8Ts6P0g3' from "
                                         "IP to 'DYNAMIC'"};
    QTest::newRow("type removed") << KnownBadActors << QJsonObject{{"type", QJsonValue::Null}}
                                  << QStringList{"type: is required"};
    QTest::newRow("dynamic zone given gateways")
        << TorZone << QJsonObject{{"gateways", QJsonArray{gateway("CIDR", "198.51.100.0/24")}}}
        << QStringList{
               "gateways: only IP zones have gateways; zone 'nzoT0rAnn9Wc2Ye5j0g4' is of type DYNAMIC"};
    QTest::newRow("several problems, every one listed")
        << KnownBadActors
        << gateways({{"CIDR", "198.51.100.7"},
                     {"RANGE", "198.51.100.9-198.51.100.1"},
                     {"CIDR", "198.51.100.0/24"},
                     {"CIDR", "198.51.100.0/24"}})
        << QStringList{
               "gateways[0].value: '198.51.100.7' is not a valid CIDR block: no prefix length (write "
               "198.51.100.7/32 for one address)",
               "gateways[1].value: '198.51.100.9-198.51.100.1' is not a valid address range (first-last)",
               "gateways[3].value: '198.51.100.0/24' repeats gateways[2]"};
}

void TestSandboxSystemLog::zoneReplacementRules() {
    QFETCH(QString, zoneId);
    QFETCH(QJsonObject, changes);
    QFETCH(QStringList, causes);
    SandboxOptions options;
    options.seedDetections = false;
    const auto server = startServer(options);
    const QJsonObject before = get(*server, QStringLiteral("/api/v1/zones/") + zoneId).object();
    const HttpResult result = putEdited(*server, zoneId, [&changes](QJsonObject& zone) {
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
            if (it.value().isNull())
                zone.remove(it.key());
            else
                zone.insert(it.key(), it.value());
        }
    });
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("E0000001"));
    QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(),
             QStringLiteral("Api validation failed: networkZone"));
    QCOMPARE(result.causes(), causes);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones/") + zoneId).object(), before); // unchanged
    QCOMPARE(server->systemLogEvents().size(), 0);                                      // nothing logged
}

void TestSandboxSystemLog::zoneLimitsAreExact_data() {
    QTest::addColumn<QString>("zoneId");
    QTest::addColumn<int>("limit");
    QTest::newRow("custom IP zone") << CorporateHq << 150;
    QTest::newRow("custom BLOCKLIST zone") << KnownBadActors << 1000;
    QTest::newRow("BlockedIpZone") << BlockedIpZone << 1000;
    QTest::newRow("LegacyIpZone") << LegacyIpZone << 5000;
    QTest::newRow("DefaultExemptIpZone") << DefaultExemptIpZone << 5000;
}

void TestSandboxSystemLog::zoneLimitsAreExact() {
    QFETCH(QString, zoneId);
    QFETCH(int, limit);
    const auto server = startServer();
    const auto putWith = [&](int count) {
        return putEdited(*server, zoneId, [count](QJsonObject& zone) {
            zone.insert(QStringLiteral("gateways"), manyGateways(count));
            zone.remove(QStringLiteral("proxies"));
            zone.insert(QStringLiteral("useAsExemptList"), zone.value(QStringLiteral("name")).toString() ==
                                                               QLatin1String("DefaultExemptIpZone"));
        });
    };
    HttpResult result = putWith(limit + 1);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.causes().size(), 1);
    QVERIFY2(result.causes().at(0).startsWith(
                 QStringLiteral("gateways: at most %1 entries, got %2").arg(limit).arg(limit + 1)),
             qPrintable(result.causes().at(0)));
    result = putWith(limit);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value(QStringLiteral("gateways")).toArray().size(), limit);
}

void TestSandboxSystemLog::readOnlyFieldsAreIgnored() {
    const auto server = startServer();
    const QJsonObject before = get(*server, QStringLiteral("/api/v1/zones/") + CorporateHq).object();
    const HttpResult result = putEdited(*server, CorporateHq, [](QJsonObject& zone) {
        zone.insert(QStringLiteral("id"), QStringLiteral("nzoSomethingElse0000"));
        zone.insert(QStringLiteral("created"), QStringLiteral("2000-01-01T00:00:00.000Z"));
        zone.insert(QStringLiteral("lastUpdated"), QStringLiteral("2000-01-01T00:00:00.000Z"));
        zone.insert(QStringLiteral("system"), true);
        zone.insert(QStringLiteral("status"), QStringLiteral("INACTIVE"));
        zone.insert(QStringLiteral("_links"),
                    QJsonObject{{"self", QJsonObject{{"href", "http://elsewhere"}}}});
        // Host bits set: accepted as Okta accepts them (its own examples use "1.2.3.4/24").
        zone.insert(QStringLiteral("gateways"), QJsonArray{gateway("CIDR", "198.51.100.77/24")});
    });
    QCOMPARE(result.status, 200);
    const QJsonObject zone = result.object();
    QCOMPARE(zone.value(QStringLiteral("id")), before.value(QStringLiteral("id")));
    QCOMPARE(zone.value(QStringLiteral("created")), before.value(QStringLiteral("created")));
    QCOMPARE(zone.value(QStringLiteral("lastUpdated")).toString(), iso(FixedNowMs));
    QCOMPARE(zone.value(QStringLiteral("system")).toBool(), false);
    QCOMPARE(zone.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(zone.value(QStringLiteral("_links")), before.value(QStringLiteral("_links")));
    QCOMPARE(zone.value(QStringLiteral("gateways")).toArray(),
             QJsonArray{gateway("CIDR", "198.51.100.77/24")});
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones/") + CorporateHq).object(), zone);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones/nzoSomethingElse0000")).status, 404);
}

void TestSandboxSystemLog::exemptZoneReplacement() {
    const auto server = startServer();
    const HttpResult result = putEdited(*server, DefaultExemptIpZone, [](QJsonObject& zone) {
        QJsonArray gateways = zone.value(QStringLiteral("gateways")).toArray();
        gateways.append(gateway(QStringLiteral("CIDR"), QStringLiteral("2001:db8:1::/48")));
        zone.insert(QStringLiteral("gateways"), gateways);
        zone.insert(QStringLiteral("useAsExemptList"), true);
    });
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value(QStringLiteral("gateways")).toArray().size(), 3);
    const QJsonObject e = server->systemLogEvents().last().toObject();
    QCOMPARE(e.value(QStringLiteral("eventType")).toString(), QStringLiteral("zone.update"));
    QCOMPARE(debugData(e).value(QStringLiteral("gatewaysAdded")).toString(),
             QStringLiteral("2001:db8:1::/48"));
    QCOMPARE(debugData(e).value(QStringLiteral("gatewaysRemoved")).toString(), QString());
}

QTEST_GUILESS_MAIN(TestSandboxSystemLog)
#include "TestSandboxSystemLog.moc"
