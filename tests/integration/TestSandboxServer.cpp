// The sandbox org over real loopback HTTP, driven by a raw QNetworkAccessManager (never the
// product client): every risk-event rule and its cause position, auth, routing, ThreatInsight,
// zones and their paging, the System Log, rate-limit windows, Date and clock skew, each fault
// kind and the admin API.
#include "SandboxCommandLine.h"
#include "SandboxIpAddress.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>

namespace {

constexpr int ReplyTimeoutMs = 20000;

// Seeded zone ids are part of the sandbox's contract (tests and demos refer to them).
const QString LegacyIpZone = QStringLiteral("nzoLgcy7Kq2VbX9sT1d6");
const QString BlockedIpZone = QStringLiteral("nzoBlkd3Rw8NcZ4pU1d6");
const QString DefaultExemptIpZone = QStringLiteral("nzoXmpt5Hd1QeW7rY1d6");
const QString CorporateHq = QStringLiteral("nzoC0rpHq2M4nV8tB0g3");
const QString VpnEgress = QStringLiteral("nzoVpnEg6Lz3Kd9wF0g3");
const QString PartnerSoc = QStringLiteral("nzoPrtSoc1Jx5Ry2H0g3");
const QString KnownBadActors = QStringLiteral("nzoBadAct4Gm8Ts6P0g3");
const QString TorZone = QStringLiteral("nzoT0rAnn9Wc2Ye5j0g4");
const QString EnhancedDynamicZone = QStringLiteral("nzoEdnz7Qs3Uv1Kb80g4");

// 2026-11-21T22:30:00Z, a Saturday; a multiple of 60 s so rate windows start on it.
const qint64 FixedNowMs = QDateTime(QDate(2026, 11, 21), QTime(22, 30), Qt::UTC).toMSecsSinceEpoch();

struct HttpResult {
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;

    bool hasHeader(const QByteArray& name) const {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QByteArray header(const QByteArray& name) const {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    qint64 headerNumber(const QByteArray& name) const { return header(name).toLongLong(); }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QString errorCode() const { return object().value(QStringLiteral("errorCode")).toString(); }
    QStringList causes() const {
        QStringList list;
        for (const QJsonValue& cause : object().value(QStringLiteral("errorCauses")).toArray())
            list << cause.toObject().value(QStringLiteral("errorSummary")).toString();
        return list;
    }
    // Link relations, whether sent as several headers or one comma-joined header.
    QMap<QString, QString> links() const {
        static const QRegularExpression pattern(QStringLiteral("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\""));
        QMap<QString, QString> map;
        for (const auto& [key, value] : headers) {
            if (key.compare("Link", Qt::CaseInsensitive) != 0)
                continue;
            auto it = pattern.globalMatch(QString::fromUtf8(value));
            while (it.hasNext()) {
                const auto match = it.next();
                map.insert(match.captured(2), match.captured(1));
            }
        }
        return map;
    }
};

QByteArray toJson(const QJsonValue& value) {
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject subject(const QJsonValue& ip, const QJsonValue& level = QStringLiteral("HIGH"),
                    const QJsonValue& message = QJsonValue::Undefined) {
    QJsonObject object;
    if (!ip.isUndefined())
        object.insert(QStringLiteral("ip"), ip);
    if (!level.isUndefined())
        object.insert(QStringLiteral("riskLevel"), level);
    if (!message.isUndefined())
        object.insert(QStringLiteral("message"), message);
    return object;
}

QJsonObject riskEvent(const QJsonArray& subjects, const QJsonObject& extra = {}) {
    QJsonObject object = extra;
    object.insert(QStringLiteral("subjects"), subjects);
    return object;
}

QJsonArray validSubjects(int count, int firstHost = 1) {
    QJsonArray subjects;
    for (int i = 0; i < count; ++i)
        subjects.append(subject(
            QStringLiteral("198.51.%1.%2").arg((firstHost + i) / 250).arg((firstHost + i) % 250 + 1)));
    return subjects;
}

// One HTTP/1.1 request over a bare socket, to see exactly what the server puts on the wire
// (QNetworkAccessManager hides connection-level faults by resending).
struct RawExchange {
    bool closed = false;
    QByteArray received;
};

RawExchange rawExchange(const SandboxServer& server, const QByteArray& method, const QByteArray& path,
                        const QByteArray& body) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    RawExchange result;
    if (!QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::ConnectedState; },
                         ReplyTimeoutMs))
        return result;
    socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: SSWS " +
                 server.token().toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    result.closed = QTest::qWaitFor(
        [&socket, &result] {
            result.received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        ReplyTimeoutMs);
    result.received += socket.readAll();
    return result;
}

// The System Log also holds the seeded ThreatInsight detections: count only risk signals.
const QString RiskSignalLogs =
    QStringLiteral("/api/v1/logs?filter=eventType%20eq%20%22security.risk.signal.consume%22");

qsizetype riskSignalCount(const QJsonArray& events) {
    return std::count_if(events.begin(), events.end(), [](const QJsonValue& event) {
        return event.toObject().value(QStringLiteral("eventType")) ==
               QLatin1String("security.risk.signal.consume");
    });
}

QByteArray oneSubject(const QJsonObject& s) {
    return toJson(QJsonArray{riskEvent(QJsonArray{s})});
}

} // namespace

class TestSandboxServer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void strictIpAddresses_data();
    void strictIpAddresses();
    void riskEventRules_data();
    void riskEventRules();
    void riskEventsAccepted_data();
    void riskEventsAccepted();
    void malformedRiskEventBodies_data();
    void malformedRiskEventBodies();
    void acceptedSubjectsAreRecordedAndLogged();
    void rejectedBatchRecordsNothing();

    void authentication_data();
    void authentication();
    void readOnlyTokenCanOnlyRead();
    void notFoundAndMethodNotAllowed_data();
    void notFoundAndMethodNotAllowed();
    void listensOnLoopbackOnly();
    void portInUseIsReported();

    void threatInsightSeed();
    void threatInsightValidation_data();
    void threatInsightValidation();
    void threatInsightUpdate();
    void threatInsightAcceptsNonIpZonesWhenTold();
    void stateFileRoundTrip();
    void corruptStateFileFailsToStart();

    void zonesSeedShapes();
    void zonesPagingWalksEveryZoneOnce();
    void zonesFilter_data();
    void zonesFilter();
    void zonesBadQuery_data();
    void zonesBadQuery();
    void zoneReplaceAndLifecycle();
    void riskProviders();

    void systemLogQueries();

    void rateLimitHeadersDecrement();
    void rateLimitAnswers429AfterTheLimit();
    void dateHeaderIsRfc7231();
    void clockSkewMovesDateAndReset();
    void dateStaysInsideTheRateWindow();

    void faultSpecs_data();
    void faultSpecs();
    void faultServerError();
    void faultConnectionReset();
    void faultStall();
    void faultStallClientGoneAway();
    void faultMalformedJson();
    void fault429WithoutHeaders();
    void faultDropResponse();
    void faultPathPrefixAndOrder();
    void faultOversizedJson();
    void fault429WithDuplicatedHeaders();
    void faultAfterLetsRequestsPass();
    void adminApiNewFaultFields();
    void adminApi();
    void requestServedSignal();
    void commandLine();

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

    QNetworkAccessManager* m_nam = nullptr;
};

void TestSandboxServer::init() {
    m_nam = new QNetworkAccessManager(this);
    m_nam->setProxy(QNetworkProxy::NoProxy); // loopback only, whatever the environment says
}

void TestSandboxServer::cleanup() {
    delete m_nam;
    m_nam = nullptr;
}

std::unique_ptr<SandboxServer> TestSandboxServer::startServer(SandboxOptions options) {
    auto server = std::make_unique<SandboxServer>(std::move(options));
    QString error;
    if (!server->start(&error))
        qWarning("sandbox did not start: %s", qUtf8Printable(error));
    return server;
}

HttpResult TestSandboxServer::send(const SandboxServer& server, const QByteArray& method,
                                   const QString& pathAndQuery, const QByteArray& body,
                                   std::optional<QByteArray> authorization) {
    QNetworkRequest request(QUrl(server.baseUrl().toString() + pathAndQuery));
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray auth = authorization.value_or(QByteArrayLiteral("SSWS ") + server.token().toUtf8());
    if (!auth.isEmpty())
        request.setRawHeader("Authorization", auth);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = m_nam->sendCustomRequest(request, method, body);
    HttpResult result;
    result.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, ReplyTimeoutMs);
    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

// ---------------------------------------------------------------------------------------------
// Risk events

void TestSandboxServer::strictIpAddresses_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("single");
    QTest::addColumn<bool>("cidr");
    QTest::addColumn<bool>("range");
    QTest::newRow("v4") << "192.0.2.1" << true << false << false;
    QTest::newRow("v4 zeros") << "0.0.0.0" << true << false << false;
    QTest::newRow("v4 max") << "255.255.255.255" << true << false << false;
    QTest::newRow("v4 leading zero") << "010.1.1.1" << false << false << false;
    QTest::newRow("v4 short") << "1" << false << false << false;
    QTest::newRow("v4 three parts") << "1.2.3" << false << false << false;
    QTest::newRow("v4 256") << "256.1.1.1" << false << false << false;
    QTest::newRow("v4 sign") << "+1.2.3.4" << false << false << false;
    QTest::newRow("v4 empty part") << "1..2.3" << false << false << false;
    QTest::newRow("v6") << "2001:db8::1" << true << false << false;
    QTest::newRow("v6 loopback") << "::1" << true << false << false;
    QTest::newRow("v6 any") << "::" << true << false << false;
    QTest::newRow("v6 full") << "2001:0db8:0000:0000:0000:ff00:0042:8329" << true << false << false;
    QTest::newRow("v6 mapped v4") << "::ffff:192.0.2.1" << true << false << false;
    QTest::newRow("v6 eight with v4 tail") << "1:2:3:4:5:6:192.0.2.1" << true << false << false;
    QTest::newRow("v6 nine groups") << "1:2:3:4:5:6:7:8:9" << false << false << false;
    QTest::newRow("v6 two double colons") << "1::2::3" << false << false << false;
    QTest::newRow("v6 triple colon") << "1:::2" << false << false << false;
    QTest::newRow("v6 zone id") << "fe80::1%eth0" << false << false << false;
    QTest::newRow("v6 brackets") << "[2001:db8::1]" << false << false << false;
    QTest::newRow("v6 five hex digits") << "2001:db8::12345" << false << false << false;
    QTest::newRow("v6 bad v4 tail") << "::ffff:192.0.2.01" << false << false << false;
    QTest::newRow("cidr v4") << "10.0.0.0/8" << false << true << false;
    QTest::newRow("cidr v4 /33") << "10.0.0.0/33" << false << false << false;
    QTest::newRow("cidr v6") << "2001:db8::/32" << false << true << false;
    QTest::newRow("cidr v6 /129") << "2001:db8::/129" << false << false << false;
    QTest::newRow("range v4") << "192.0.2.1-192.0.2.9" << false << false << true;
    QTest::newRow("range backwards") << "192.0.2.9-192.0.2.1" << false << false << false;
    QTest::newRow("range mixed") << "192.0.2.1-2001:db8::1" << false << false << false;
    QTest::newRow("range v6") << "2001:db8::1-2001:db8::ff" << false << false << true;
}

void TestSandboxServer::strictIpAddresses() {
    QFETCH(QString, text);
    QFETCH(bool, single);
    QFETCH(bool, cidr);
    QFETCH(bool, range);
    QCOMPARE(SandboxIpAddress::isSingleAddress(text), single);
    QCOMPARE(SandboxIpAddress::isCidr(text), cidr);
    QCOMPARE(SandboxIpAddress::isRange(text), range);
}

void TestSandboxServer::riskEventRules_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("causes");

    const auto badIp = [](const QString& ip, const QString& position = QStringLiteral("[0].subjects[0]")) {
        return QStringList{position +
                           QStringLiteral(".ip: '%1' is not a single IPv4 or IPv6 address").arg(ip)};
    };
    for (const char* ip :
         {"10.0.0.0/8", "010.1.1.1", "1", "256.1.1.1", "1.2.3", "1.2.3.4 ", "fe80::1%eth0", "2001:db8::/32",
          "[2001:db8::1]", "1::2::3", "1:2:3:4:5:6:7:8:9", "example.com", ""}) {
        QTest::addRow("ip '%s'", ip) << oneSubject(subject(QString::fromLatin1(ip)))
                                     << badIp(QString::fromLatin1(ip));
    }

    // The position names the event and the subject exactly.
    QJsonArray events;
    for (int i = 0; i < 4; ++i)
        events.append(riskEvent(validSubjects(8, i * 8)));
    QJsonArray fourth = events.at(3).toObject().value(QStringLiteral("subjects")).toArray();
    fourth.replace(7, subject(QStringLiteral("10.0.0.0/8")));
    events.replace(3, riskEvent(fourth));
    QTest::newRow("position [3].subjects[7]")
        << toJson(events) << badIp(QStringLiteral("10.0.0.0/8"), "[3].subjects[7]");

    QTest::newRow("ip missing") << oneSubject(subject(QJsonValue::Undefined))
                                << QStringList{"[0].subjects[0].ip: is required"};
    QTest::newRow("ip null") << oneSubject(subject(QJsonValue::Null))
                             << QStringList{"[0].subjects[0].ip: is required"};
    QTest::newRow("ip number") << oneSubject(subject(5))
                               << QStringList{"[0].subjects[0].ip: expected a string, got the number 5"};
    QTest::newRow("riskLevel lowercase")
        << oneSubject(subject(QStringLiteral("192.0.2.1"), QStringLiteral("high")))
        << QStringList{"[0].subjects[0].riskLevel: 'high' is not one of LOW, MEDIUM, HIGH"};
    QTest::newRow("riskLevel CRITICAL")
        << oneSubject(subject(QStringLiteral("192.0.2.1"), QStringLiteral("CRITICAL")))
        << QStringList{"[0].subjects[0].riskLevel: 'CRITICAL' is not one of LOW, MEDIUM, HIGH"};
    QTest::newRow("riskLevel missing")
        << oneSubject(subject(QStringLiteral("192.0.2.1"), QJsonValue::Undefined))
        << QStringList{"[0].subjects[0].riskLevel: is required (one of LOW, MEDIUM, HIGH)"};
    QTest::newRow("message 513 characters")
        << oneSubject(
               subject(QStringLiteral("192.0.2.1"), QStringLiteral("LOW"), QString(513, QLatin1Char('a'))))
        << QStringList{"[0].subjects[0].message: at most 512 characters, got 513"};
    QTest::newRow("message with '!'")
        << oneSubject(subject(QStringLiteral("192.0.2.1"), QStringLiteral("LOW"), QStringLiteral("bad!")))
        << QStringList{
               "[0].subjects[0].message: character '!' is not allowed; only letters, digits, space, '.', '_' "
               "and '-' are"};
    QTest::newRow("message non-ASCII letter")
        << oneSubject(
               subject(QStringLiteral("192.0.2.1"), QStringLiteral("LOW"), QStringLiteral("caf\u00e9")))
        << QStringList{
               QStringLiteral("[0].subjects[0].message: character '\u00e9' is not allowed; only letters, "
                              "digits, space, '.', '_' and '-' are")};
    QTest::newRow("message number")
        << oneSubject(subject(QStringLiteral("192.0.2.1"), QStringLiteral("LOW"), 7))
        << QStringList{"[0].subjects[0].message: expected a string, got the number 7"};

    const auto withTimes = [](const QJsonValue& timestamp, const QJsonValue& expiresAt) {
        QJsonObject extra;
        if (!timestamp.isUndefined())
            extra.insert(QStringLiteral("timestamp"), timestamp);
        if (!expiresAt.isUndefined())
            extra.insert(QStringLiteral("expiresAt"), expiresAt);
        return toJson(QJsonArray{riskEvent(validSubjects(1), extra)});
    };
    const QString format = QStringLiteral(" is not an ISO 8601 UTC timestamp (yyyy-MM-ddTHH:mm:ss.SSSZ)");
    for (const char* stamp :
         {"2021-01-20 00:00:00.000Z", "2021-01-20T00:00:00.001+01:00", "2021-02-30T00:00:00Z",
          "2021-01-20T00:00:00.01Z", "2021-01-20T00:00:00", "yesterday"}) {
        QTest::addRow("timestamp '%s'", stamp)
            << withTimes(QString::fromLatin1(stamp), QJsonValue::Undefined)
            << QStringList{QStringLiteral("[0].timestamp: '%1'").arg(QLatin1String(stamp)) + format};
    }
    QTest::newRow("expiresAt malformed")
        << withTimes(QJsonValue::Undefined, QStringLiteral("2021-01-20"))
        << QStringList{QStringLiteral("[0].expiresAt: '2021-01-20'") + format};
    QTest::newRow("timestamp number")
        << withTimes(1611100800, QJsonValue::Undefined)
        << QStringList{
               "[0].timestamp: expected a string in ISO 8601 UTC format yyyy-MM-ddTHH:mm:ss.SSSZ, got the "
               "number 1611100800"};
    QTest::newRow("expiresAt before timestamp")
        << withTimes(QStringLiteral("2021-01-20T00:00:00.000Z"), QStringLiteral("2021-01-19T00:00:00.000Z"))
        << QStringList{"[0].expiresAt: '2021-01-19T00:00:00.000Z' must be after timestamp "
                       "'2021-01-20T00:00:00.000Z'"};
    QTest::newRow("expiresAt equal to timestamp")
        << withTimes(QStringLiteral("2021-01-20T00:00:00Z"), QStringLiteral("2021-01-20T00:00:00.000Z"))
        << QStringList{
               "[0].expiresAt: '2021-01-20T00:00:00.000Z' must be after timestamp '2021-01-20T00:00:00Z'"};

    QJsonArray tooManyEvents;
    for (int i = 0; i < 21; ++i)
        tooManyEvents.append(riskEvent(validSubjects(1, i)));
    QTest::newRow("21 events") << toJson(tooManyEvents)
                               << QStringList{"body: at most 20 events per request, got 21"};
    const QJsonArray bigEvent{riskEvent(validSubjects(1)), riskEvent(validSubjects(1)),
                              riskEvent(validSubjects(51))};
    QTest::newRow("51 subjects") << toJson(bigEvent)
                                 << QStringList{"[2].subjects: at most 50 subjects per event, got 51"};
    QTest::newRow("empty array") << QByteArray("[]")
                                 << QStringList{"body: expected at least 1 risk event, got 0"};
    QTest::newRow("object body") << QByteArray(R"({"subjects":[]})")
                                 << QStringList{"body: expected an array of risk events"};
    QTest::newRow("event not an object")
        << QByteArray("[5]") << QStringList{"[0]: expected a risk event object, got the number 5"};
    QTest::newRow("subjects missing") << QByteArray(R"([{"timestamp":"2021-01-20T00:00:00.001Z"}])")
                                      << QStringList{"[0].subjects: is required"};
    QTest::newRow("subjects empty") << QByteArray(R"([{"subjects":[]}])")
                                    << QStringList{"[0].subjects: expected at least 1 subject, got 0"};
    QTest::newRow("subjects not an array")
        << QByteArray(R"([{"subjects":{}}])")
        << QStringList{"[0].subjects: expected an array of subjects, got an object"};
    QTest::newRow("subject not an object")
        << QByteArray(R"([{"subjects":["192.0.2.1"]}])")
        << QStringList{"[0].subjects[0]: expected a subject object, got '192.0.2.1'"};

    // Every violation is listed, in body order, one cause each.
    const QJsonArray many{
        riskEvent(
            QJsonArray{subject(QStringLiteral("192.0.2.1")),
                       subject(QStringLiteral("192.0.2.300"), QStringLiteral("low"), QStringLiteral("a;b"))}),
        riskEvent(QJsonArray{subject(QStringLiteral("2001:db8::1"), QStringLiteral("MEDIUM"))},
                  QJsonObject{{QStringLiteral("timestamp"), QStringLiteral("2021-01-20T00:00:00.000Z")},
                              {QStringLiteral("expiresAt"), QStringLiteral("2021-01-01T00:00:00.000Z")}}),
        riskEvent(QJsonArray{subject(QJsonValue::Undefined, QJsonValue::Undefined)})};
    QTest::newRow("all violations listed")
        << toJson(many)
        << QStringList{
               "[0].subjects[1].ip: '192.0.2.300' is not a single IPv4 or IPv6 address",
               "[0].subjects[1].riskLevel: 'low' is not one of LOW, MEDIUM, HIGH",
               "[0].subjects[1].message: character ';' is not allowed; only letters, digits, space, '.', '_' "
               "and '-' are",
               "[1].expiresAt: '2021-01-01T00:00:00.000Z' must be after timestamp '2021-01-20T00:00:00.000Z'",
               "[2].subjects[0].ip: is required",
               "[2].subjects[0].riskLevel: is required (one of LOW, MEDIUM, HIGH)"};
}

void TestSandboxServer::riskEventRules() {
    QFETCH(QByteArray, body);
    QFETCH(QStringList, causes);
    const auto server = startServer();
    const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QVERIFY(result.finished);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("E0000001"));
    QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(),
             QStringLiteral("Api validation failed: riskEvents"));
    QCOMPARE(result.causes(), causes);
    QCOMPARE(server->acceptedRiskSubjects().size(), 0);
    QCOMPARE(riskSignalCount(server->systemLogEvents()), 0);
}

void TestSandboxServer::riskEventsAccepted_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("subjects");
    for (const char* ip : {"0.0.0.0", "255.255.255.255", "192.0.2.1", "2001:db8::1", "::1",
                           "::", "::ffff:192.0.2.1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "FE80::ABCD"})
        QTest::addRow("ip %s", ip) << oneSubject(subject(QString::fromLatin1(ip))) << 1;
    QTest::newRow("message of 512 allowed characters")
        << oneSubject(subject(QStringLiteral("192.0.2.1"), QStringLiteral("MEDIUM"),
                              QString(506, QLatin1Char('x')) + QStringLiteral(" ._-Z9")))
        << 1;
    QTest::newRow("null message") << oneSubject(subject(QStringLiteral("192.0.2.1"), QStringLiteral("LOW"),
                                                        QJsonValue::Null))
                                  << 1;
    QTest::newRow("timestamp without milliseconds")
        << toJson(QJsonArray{riskEvent(
               validSubjects(1), {{QStringLiteral("timestamp"), QStringLiteral("2021-01-20T00:00:00Z")}})})
        << 1;
    QTest::newRow("timestamp and expiresAt")
        << toJson(QJsonArray{
               riskEvent(validSubjects(2),
                         {{QStringLiteral("timestamp"), QStringLiteral("2021-01-20T00:00:00.001Z")},
                          {QStringLiteral("expiresAt"), QStringLiteral("2021-01-21T00:00:00.001Z")}})})
        << 2;
    QJsonArray full;
    for (int i = 0; i < 20; ++i)
        full.append(riskEvent(validSubjects(50, i * 50)));
    QTest::newRow("20 events of 50 subjects") << toJson(full) << 1000;
}

void TestSandboxServer::riskEventsAccepted() {
    QFETCH(QByteArray, body);
    QFETCH(int, subjects);
    const auto server = startServer();
    const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QVERIFY(result.finished);
    QCOMPARE(result.status, 202);
    QVERIFY2(result.body.isEmpty(), result.body.constData());
    QVERIFY(!result.hasHeader("Content-Type"));
    QCOMPARE(server->acceptedRiskSubjects().size(), subjects);
    QCOMPARE(riskSignalCount(server->systemLogEvents()), subjects);
}

void TestSandboxServer::malformedRiskEventBodies_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray(R"([{"subjects":[{"ip":"192.0.2.1")");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("trailing comma") << QByteArray(R"([{"subjects":[]},])");
    QTest::newRow("not json") << QByteArray("ip=192.0.2.1");
}

void TestSandboxServer::malformedRiskEventBodies() {
    QFETCH(QByteArray, body);
    const auto server = startServer();
    const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("E0000003"));
    QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(),
             QStringLiteral("The request body was not well-formed."));
}

void TestSandboxServer::acceptedSubjectsAreRecordedAndLogged() {
    const auto server = startServer();
    server->setTimeSource([] { return FixedNowMs; });
    const QJsonArray first{
        riskEvent(QJsonArray{subject(QStringLiteral("192.0.2.1"), QStringLiteral("HIGH"),
                                     QStringLiteral("Credential stuffing")),
                             subject(QStringLiteral("2001:db8::7"), QStringLiteral("LOW"))},
                  {{QStringLiteral("timestamp"), QStringLiteral("2026-11-21T22:00:00.000Z")}}),
        riskEvent(QJsonArray{subject(QStringLiteral("198.51.100.9"), QStringLiteral("MEDIUM"))})};
    const HttpResult accepted = post(*server, QStringLiteral("/api/v1/risk/events/ip"), toJson(first));
    QCOMPARE(accepted.status, 202);
    const QString requestId = QString::fromLatin1(accepted.header("X-Okta-Request-Id"));
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9]{20}$")).match(requestId).hasMatch());

    const QJsonArray recorded = server->acceptedRiskSubjects();
    QCOMPARE(recorded.size(), 3);
    const QJsonObject r0 = recorded.at(0).toObject();
    QCOMPARE(r0.value(QStringLiteral("ip")).toString(), QStringLiteral("192.0.2.1"));
    QCOMPARE(r0.value(QStringLiteral("riskLevel")).toString(), QStringLiteral("HIGH"));
    QCOMPARE(r0.value(QStringLiteral("message")).toString(), QStringLiteral("Credential stuffing"));
    QCOMPARE(r0.value(QStringLiteral("requestId")).toString(), requestId);
    QCOMPARE(r0.value(QStringLiteral("receivedAt")).toString(), QStringLiteral("2026-11-21T22:30:00.000Z"));
    QCOMPARE(r0.value(QStringLiteral("eventIndex")).toInt(), 0);
    QCOMPARE(r0.value(QStringLiteral("timestamp")).toString(), QStringLiteral("2026-11-21T22:00:00.000Z"));
    QVERIFY(recorded.at(1).toObject().value(QStringLiteral("message")).isNull());
    QCOMPARE(recorded.at(2).toObject().value(QStringLiteral("eventIndex")).toInt(), 1);
    QCOMPARE(recorded.at(2).toObject().value(QStringLiteral("ip")).toString(),
             QStringLiteral("198.51.100.9"));

    // One System Log event per subject, in order, carrying the request id.
    const HttpResult logs = get(*server, RiskSignalLogs);
    QCOMPARE(logs.status, 200);
    const QJsonArray events = logs.array();
    QCOMPARE(events.size(), 3);
    const QStringList ips{"192.0.2.1", "2001:db8::7", "198.51.100.9"};
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        QCOMPARE(e.value(QStringLiteral("eventType")).toString(),
                 QStringLiteral("security.risk.signal.consume"));
        QCOMPARE(e.value(QStringLiteral("severity")).toString(), QStringLiteral("INFO"));
        QCOMPARE(e.value(QStringLiteral("displayMessage")).toString(),
                 QStringLiteral("Risk signal consumed"));
        QCOMPARE(e.value(QStringLiteral("published")).toString(), QStringLiteral("2026-11-21T22:30:00.000Z"));
        QCOMPARE(e.value(QStringLiteral("outcome")).toObject().value(QStringLiteral("result")).toString(),
                 QStringLiteral("SUCCESS"));
        QCOMPARE(e.value(QStringLiteral("client")).toObject().value(QStringLiteral("ipAddress")).toString(),
                 ips.at(i));
        const QJsonObject debugData =
            e.value(QStringLiteral("debugContext")).toObject().value(QStringLiteral("debugData")).toObject();
        QCOMPARE(debugData.value(QStringLiteral("requestId")).toString(), requestId);
        QVERIFY(!e.value(QStringLiteral("uuid")).toString().isEmpty());
        QVERIFY(e.value(QStringLiteral("actor")).isObject());
        QVERIFY(e.value(QStringLiteral("target")).isArray());
    }
    QCOMPARE(events.at(0)
                 .toObject()
                 .value(QStringLiteral("debugContext"))
                 .toObject()
                 .value(QStringLiteral("debugData"))
                 .toObject()
                 .value(QStringLiteral("riskLevel"))
                 .toString(),
             QStringLiteral("HIGH"));

    // The admin API shows the same record.
    const HttpResult admin = get(*server, QStringLiteral("/_sandbox/risk-events"));
    QCOMPARE(admin.status, 200);
    QCOMPARE(admin.array(), recorded);
}

void TestSandboxServer::rejectedBatchRecordsNothing() {
    const auto server = startServer();
    QJsonArray subjects = validSubjects(10);
    subjects.replace(9, subject(QStringLiteral("192.0.2.0/24")));
    const HttpResult result =
        post(*server, QStringLiteral("/api/v1/risk/events/ip"), toJson(QJsonArray{riskEvent(subjects)}));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.causes().size(), 1);
    QCOMPARE(server->acceptedRiskSubjects().size(), 0);
    QCOMPARE(get(*server, RiskSignalLogs).array().size(), 0);
}

// ---------------------------------------------------------------------------------------------
// Auth and routing

void TestSandboxServer::authentication_data() {
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    const QByteArray token = SandboxServer::DefaultToken.toUtf8();
    QTest::newRow("admin token") << QByteArray("SSWS " + token) << 200;
    QTest::newRow("read-only token") << QByteArray("SSWS " + SandboxServer::DefaultReadOnlyToken.toUtf8())
                                     << 200;
    QTest::newRow("no header") << QByteArray() << 401;
    QTest::newRow("wrong token") << QByteArray("SSWS not-the-token") << 401;
    QTest::newRow("bearer scheme") << QByteArray("Bearer " + token) << 401;
    QTest::newRow("lowercase scheme") << QByteArray("ssws " + token) << 401;
    QTest::newRow("two spaces") << QByteArray("SSWS  " + token) << 401;
    QTest::newRow("token only") << token << 401;
}

void TestSandboxServer::authentication() {
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    const auto server = startServer();
    const HttpResult result =
        send(*server, "GET", QStringLiteral("/api/v1/threats/configuration"), {}, authorization);
    QVERIFY(result.finished);
    QCOMPARE(result.status, status);
    // Every answer, refused or not, carries the request id and the rate-limit headers.
    QVERIFY(result.hasHeader("X-Okta-Request-Id"));
    QCOMPARE(result.headerNumber("X-Rate-Limit-Limit"), 600);
    if (status == 401) {
        const QJsonObject error = result.object();
        QCOMPARE(error.value(QStringLiteral("errorCode")).toString(), QStringLiteral("E0000011"));
        QCOMPARE(error.value(QStringLiteral("errorSummary")).toString(),
                 QStringLiteral("Invalid token provided"));
        QCOMPARE(error.value(QStringLiteral("errorLink")).toString(), QStringLiteral("E0000011"));
        QVERIFY(error.value(QStringLiteral("errorId")).toString().startsWith(QStringLiteral("oae")));
        QVERIFY(error.value(QStringLiteral("errorId")).toString().size() > 10);
        QVERIFY(error.value(QStringLiteral("errorCauses")).isArray());
        QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    }
}

void TestSandboxServer::readOnlyTokenCanOnlyRead() {
    SandboxOptions options;
    options.readOnlyToken = QStringLiteral("viewer-token");
    const auto server = startServer(options);
    QCOMPARE(server->readOnlyToken(), QStringLiteral("viewer-token"));
    const QByteArray readOnly = "SSWS viewer-token";
    QCOMPARE(send(*server, "GET", QStringLiteral("/api/v1/zones"), {}, readOnly).status, 200);
    QCOMPARE(send(*server, "GET", QStringLiteral("/api/v1/risk/providers"), {}, readOnly).status, 200);
    for (const auto& [method, path, body] :
         {std::tuple<QByteArray, QString, QByteArray>{"POST", "/api/v1/threats/configuration",
                                                      R"({"action":"block"})"},
          {"POST", "/api/v1/risk/events/ip", oneSubject(subject(QStringLiteral("192.0.2.1")))},
          {"PUT", "/api/v1/zones/" + KnownBadActors, R"({"type":"IP","name":"x"})"},
          {"DELETE", "/api/v1/zones/" + PartnerSoc, {}},
          {"POST", "/api/v1/zones/" + PartnerSoc + "/lifecycle/activate", {}}}) {
        const HttpResult result = send(*server, method, path, body, readOnly);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorCode(), QStringLiteral("E0000006"));
        QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(),
                 QStringLiteral("You do not have permission to perform the requested action"));
    }
    QCOMPARE(server->acceptedRiskSubjects().size(), 0);
    QCOMPARE(server->threatInsightConfiguration().value(QStringLiteral("action")).toString(),
             QStringLiteral("audit"));
}

void TestSandboxServer::notFoundAndMethodNotAllowed_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("authenticated");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QByteArray>("allow");
    const QString notFound = QStringLiteral("Not found: Resource not found: ");
    const QString badMethod = QStringLiteral("The endpoint does not support the provided HTTP method");
    QTest::newRow("unknown api path") << QByteArray("GET") << "/api/v1/nope" << true << 404 << "E0000007"
                                      << notFound + "/api/v1/nope" << QByteArray();
    QTest::newRow("root") << QByteArray("GET") << "/" << true << 404 << "E0000007" << notFound + "/"
                          << QByteArray();
    QTest::newRow("api v2") << QByteArray("GET") << "/api/v2/zones" << true << 404 << "E0000007"
                            << notFound + "/api/v2/zones" << QByteArray();
    QTest::newRow("unknown zone") << QByteArray("GET") << "/api/v1/zones/nzoNope" << true << 404 << "E0000007"
                                  << notFound + "nzoNope (NetworkZone)" << QByteArray();
    QTest::newRow("unknown risk provider")
        << QByteArray("GET") << "/api/v1/risk/providers/rkpNope" << true << 404 << "E0000007"
        << notFound + "rkpNope (RiskProvider)" << QByteArray();
    QTest::newRow("unauthenticated unknown path")
        << QByteArray("GET") << "/api/v1/nope" << false << 401 << "E0000011"
        << "Invalid token provided" << QByteArray();
    QTest::newRow("PUT threats configuration") << QByteArray("PUT") << "/api/v1/threats/configuration" << true
                                               << 405 << "E0000022" << badMethod << QByteArray("GET, POST");
    QTest::newRow("DELETE threats configuration")
        << QByteArray("DELETE") << "/api/v1/threats/configuration" << true << 405 << "E0000022" << badMethod
        << QByteArray("GET, POST");
    QTest::newRow("GET risk events") << QByteArray("GET") << "/api/v1/risk/events/ip" << true << 405
                                     << "E0000022" << badMethod << QByteArray("POST");
    QTest::newRow("POST zones") << QByteArray("POST") << "/api/v1/zones" << true << 405 << "E0000022"
                                << badMethod << QByteArray("GET");
    QTest::newRow("PATCH zone") << QByteArray("PATCH") << "/api/v1/zones/" + CorporateHq << true << 405
                                << "E0000022" << badMethod << QByteArray("GET, PUT, DELETE");
    QTest::newRow("DELETE logs") << QByteArray("DELETE") << "/api/v1/logs" << true << 405 << "E0000022"
                                 << badMethod << QByteArray("GET");
}

void TestSandboxServer::notFoundAndMethodNotAllowed() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, authenticated);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, summary);
    QFETCH(QByteArray, allow);
    const auto server = startServer();
    const HttpResult result = send(*server, method, path, {},
                                   authenticated ? std::nullopt : std::optional<QByteArray>(QByteArray()));
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(), summary);
    QCOMPARE(result.object().value(QStringLiteral("errorLink")).toString(), code);
    if (!allow.isEmpty())
        QCOMPARE(result.header("Allow"), allow);
}

void TestSandboxServer::listensOnLoopbackOnly() {
    const auto server = startServer();
    QVERIFY(server->isListening());
    QCOMPARE(server->servers().size(), 1);
    QCOMPARE(server->servers().constFirst()->serverAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(server->baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server->port())));
    QVERIFY(server->port() != 0);
    QCOMPARE(server->token(), SandboxServer::DefaultToken);
    QCOMPARE(server->readOnlyToken(), SandboxServer::DefaultReadOnlyToken);
    QString error;
    QVERIFY(!server->start(&error)); // only once
    QVERIFY(!error.isEmpty());
}

void TestSandboxServer::portInUseIsReported() {
    const auto first = startServer();
    SandboxOptions options;
    options.port = first->port();
    SandboxServer second(options);
    QString error;
    QVERIFY(!second.start(&error));
    QVERIFY2(error.contains(QStringLiteral("already in use")), qPrintable(error));
    QVERIFY(error.contains(QString::number(first->port())));
    QVERIFY(!second.isListening());
}

// ---------------------------------------------------------------------------------------------
// ThreatInsight

void TestSandboxServer::threatInsightSeed() {
    const auto server = startServer();
    const HttpResult result = get(*server, QStringLiteral("/api/v1/threats/configuration"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject expected{
        {"action", "audit"},
        {"excludeZones", QJsonArray{}},
        {"created", "2025-10-07T06:36:55.000Z"},
        {"lastUpdated", "2026-02-18T06:35:08.000Z"},
        {"_links",
         QJsonObject{
             {"self", QJsonObject{{"href", server->baseUrl().toString() + "/api/v1/threats/configuration"},
                                  {"hints", QJsonObject{{"allow", QJsonArray{"GET", "POST"}}}}}}}}};
    QCOMPARE(result.object(), expected);
    QCOMPARE(server->threatInsightConfiguration(), expected);
}

void TestSandboxServer::threatInsightValidation_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("causes");
    const QString e1 = QStringLiteral("E0000001");
    QTest::newRow("bad action") << QByteArray(R"({"action":"xyz"})") << e1
                                << QStringList{"action: 'xyz' is not one of none, audit, block"};
    QTest::newRow("action in capitals") << QByteArray(R"({"action":"BLOCK"})") << e1
                                        << QStringList{"action: 'BLOCK' is not one of none, audit, block"};
    QTest::newRow("action missing") << QByteArray(R"({"excludeZones":[]})") << e1
                                    << QStringList{"action: is required (one of none, audit, block)"};
    QTest::newRow("action number") << QByteArray(R"({"action":1})") << e1
                                   << QStringList{"action: the number 1 is not one of none, audit, block"};
    QTest::newRow("excludeZones not an array")
        << QByteArray(R"({"action":"block","excludeZones":"nzoC0rpHq2M4nV8tB0g3"})") << e1
        << QStringList{"excludeZones: expected an array of zone ids, got 'nzoC0rpHq2M4nV8tB0g3'"};
    QTest::newRow("excludeZones element not a string")
        << QByteArray(R"({"action":"block","excludeZones":[5]})") << e1
        << QStringList{"excludeZones[0]: expected a zone id string, got the number 5"};
    QTest::newRow("unknown zone") << toJson(QJsonObject{{"action", "block"},
                                                        {"excludeZones", QJsonArray{CorporateHq, "nzoX"}}})
                                  << e1 << QStringList{"excludeZones[1]: Zone 'nzoX' does not exist"};
    QTest::newRow("dynamic zone")
        << toJson(QJsonObject{{"action", "block"}, {"excludeZones", QJsonArray{TorZone}}}) << e1
        << QStringList{"excludeZones[0]: Zone 'nzoT0rAnn9Wc2Ye5j0g4' (Tor and anonymizers) is "
                       "of type DYNAMIC; only IP zones can be excluded"};
    QTest::newRow("all violations") << toJson(QJsonObject{{"action", "log"},
                                                          {"excludeZones", QJsonArray{EnhancedDynamicZone,
                                                                                      VpnEgress, "nzoGone"}}})
                                    << e1
                                    << QStringList{"action: 'log' is not one of none, audit, block",
                                                   "excludeZones[0]: Zone 'nzoEdnz7Qs3Uv1Kb80g4' "
                                                   "(DefaultEnhancedDynamicZone) is of type DYNAMIC_V2; "
                                                   "only IP zones can be excluded",
                                                   "excludeZones[2]: Zone 'nzoGone' does not exist"};
    QTest::newRow("array body") << QByteArray("[]") << e1
                                << QStringList{"body: expected a ThreatInsight configuration object"};
    QTest::newRow("malformed") << QByteArray(R"({"action":)") << QStringLiteral("E0000003") << QStringList{};
}

void TestSandboxServer::threatInsightValidation() {
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QStringList, causes);
    const auto server = startServer();
    const QJsonObject before = server->threatInsightConfiguration();
    const HttpResult result = post(*server, QStringLiteral("/api/v1/threats/configuration"), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(result.causes(), causes);
    if (code == QLatin1String("E0000001"))
        QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(),
                 QStringLiteral("Api validation failed: threatInsightConfiguration"));
    QCOMPARE(server->threatInsightConfiguration(), before);
}

void TestSandboxServer::threatInsightUpdate() {
    const auto server = startServer();
    server->setTimeSource([] { return FixedNowMs + 1234; });
    HttpResult result =
        post(*server, QStringLiteral("/api/v1/threats/configuration"),
             toJson(QJsonObject{{"action", "block"},
                                {"excludeZones", QJsonArray{CorporateHq, DefaultExemptIpZone}},
                                {"created", "1999-01-01T00:00:00.000Z"}}));
    QCOMPARE(result.status, 200);
    QJsonObject answer = result.object();
    QCOMPARE(answer.value(QStringLiteral("action")).toString(), QStringLiteral("block"));
    QCOMPARE(answer.value(QStringLiteral("excludeZones")).toArray(),
             (QJsonArray{CorporateHq, DefaultExemptIpZone}));
    QCOMPARE(answer.value(QStringLiteral("created")).toString(),
             QStringLiteral("2025-10-07T06:36:55.000Z")); // read-only
    QCOMPARE(answer.value(QStringLiteral("lastUpdated")).toString(),
             QStringLiteral("2026-11-21T22:30:01.234Z"));
    QVERIFY(answer.contains(QStringLiteral("_links")));
    QCOMPARE(get(*server, QStringLiteral("/api/v1/threats/configuration")).object(), answer);

    // Omitted excludeZones comes back as [].
    result = post(*server, QStringLiteral("/api/v1/threats/configuration"), R"({"action":"none"})");
    QCOMPARE(result.status, 200);
    answer = result.object();
    QCOMPARE(answer.value(QStringLiteral("action")).toString(), QStringLiteral("none"));
    QVERIFY(answer.value(QStringLiteral("excludeZones")).isArray());
    QCOMPARE(answer.value(QStringLiteral("excludeZones")).toArray().size(), 0);
    QCOMPARE(server->threatInsightConfiguration(), answer);
}

void TestSandboxServer::threatInsightAcceptsNonIpZonesWhenTold() {
    SandboxOptions options;
    options.acceptNonIpExcludedZones = true;
    const auto server = startServer(options);
    const HttpResult result = post(
        *server, QStringLiteral("/api/v1/threats/configuration"),
        toJson(QJsonObject{{"action", "audit"}, {"excludeZones", QJsonArray{TorZone, EnhancedDynamicZone}}}));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value(QStringLiteral("excludeZones")).toArray(),
             (QJsonArray{TorZone, EnhancedDynamicZone}));
    // Unknown zones are still refused.
    const HttpResult unknown =
        post(*server, QStringLiteral("/api/v1/threats/configuration"),
             toJson(QJsonObject{{"action", "audit"}, {"excludeZones", QJsonArray{"nzoX"}}}));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.causes(), QStringList{"excludeZones[0]: Zone 'nzoX' does not exist"});
}

void TestSandboxServer::stateFileRoundTrip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SandboxOptions options;
    options.stateFile = dir.filePath(QStringLiteral("org.json"));
    QJsonObject configuration;
    QJsonObject zone;
    {
        const auto server = startServer(options);
        QVERIFY(server->isListening());
        QVERIFY(!QFile::exists(options.stateFile)); // written on the first change only
        configuration =
            post(*server, QStringLiteral("/api/v1/threats/configuration"),
                 toJson(QJsonObject{{"action", "block"}, {"excludeZones", QJsonArray{VpnEgress}}}))
                .object();
        QCOMPARE(configuration.value(QStringLiteral("action")).toString(), QStringLiteral("block"));
        QVERIFY(QFile::exists(options.stateFile));

        QJsonObject replacement = get(*server, "/api/v1/zones/" + KnownBadActors).object();
        QJsonArray gateways = replacement.value(QStringLiteral("gateways")).toArray();
        gateways.append(QJsonObject{{"type", "CIDR"}, {"value", "192.0.2.77/32"}});
        replacement.insert(QStringLiteral("gateways"), gateways);
        const HttpResult put = send(*server, "PUT", "/api/v1/zones/" + KnownBadActors, toJson(replacement));
        QCOMPARE(put.status, 200);
        zone = put.object();
    }
    QFile file(options.stateFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(
        state.value(QStringLiteral("threatInsight")).toObject().value(QStringLiteral("action")).toString(),
        QStringLiteral("block"));
    QVERIFY(state.value(QStringLiteral("zones")).isArray());

    const auto restarted = startServer(options);
    QVERIFY(restarted->isListening());
    QJsonObject reloaded = get(*restarted, QStringLiteral("/api/v1/threats/configuration")).object();
    // Same content; only the port in _links differs.
    reloaded.remove(QStringLiteral("_links"));
    configuration.remove(QStringLiteral("_links"));
    QCOMPARE(reloaded, configuration);
    QJsonObject reloadedZone = get(*restarted, "/api/v1/zones/" + KnownBadActors).object();
    QCOMPARE(reloadedZone.value(QStringLiteral("gateways")), zone.value(QStringLiteral("gateways")));
    QCOMPARE(reloadedZone.value(QStringLiteral("gateways"))
                 .toArray()
                 .last()
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toString(),
             QStringLiteral("192.0.2.77/32"));
}

void TestSandboxServer::corruptStateFileFailsToStart() {
    QTemporaryDir dir;
    SandboxOptions options;
    options.stateFile = dir.filePath(QStringLiteral("broken.json"));
    QFile file(options.stateFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"threatInsight\":");
    file.close();
    SandboxServer server(options);
    QString error;
    QVERIFY(!server.start(&error));
    QVERIFY2(error.contains(QStringLiteral("broken.json")), qPrintable(error));
    QVERIFY(!server.isListening());
}

// ---------------------------------------------------------------------------------------------
// Zones

void TestSandboxServer::zonesSeedShapes() {
    const auto server = startServer();
    const QJsonArray zones = server->zones();
    QVERIFY(zones.size() >= 10 - 1);
    const QRegularExpression idPattern(QStringLiteral("^nzo[A-Za-z0-9]{17}$"));
    QMap<QString, QJsonObject> byName;
    int cidr = 0;
    int range = 0;
    int inactive = 0;
    for (const QJsonValue& value : zones) {
        const QJsonObject zone = value.toObject();
        const QString id = zone.value(QStringLiteral("id")).toString();
        QVERIFY2(idPattern.match(id).hasMatch(), qPrintable(id));
        for (const char* key :
             {"type", "id", "name", "status", "usage", "system", "created", "lastUpdated", "_links"})
            QVERIFY2(zone.contains(QLatin1String(key)), key);
        const QString type = zone.value(QStringLiteral("type")).toString();
        QVERIFY(type == QLatin1String("IP") || type == QLatin1String("DYNAMIC") ||
                type == QLatin1String("DYNAMIC_V2"));
        if (type == QLatin1String("IP")) {
            QVERIFY(zone.contains(QStringLiteral("gateways")) && zone.contains(QStringLiteral("proxies")));
            for (const QJsonValue& gateway : zone.value(QStringLiteral("gateways")).toArray()) {
                const QString kind = gateway.toObject().value(QStringLiteral("type")).toString();
                const QString text = gateway.toObject().value(QStringLiteral("value")).toString();
                cidr += kind == QLatin1String("CIDR") && SandboxIpAddress::isCidr(text);
                range += kind == QLatin1String("RANGE") && SandboxIpAddress::isRange(text);
            }
        } else {
            QVERIFY(!zone.contains(QStringLiteral("gateways")));
        }
        inactive += zone.value(QStringLiteral("status")).toString() == QLatin1String("INACTIVE");
        QCOMPARE(zone.value(QStringLiteral("_links"))
                     .toObject()
                     .value(QStringLiteral("self"))
                     .toObject()
                     .value(QStringLiteral("href"))
                     .toString(),
                 server->baseUrl().toString() + "/api/v1/zones/" + id);
        byName.insert(zone.value(QStringLiteral("name")).toString(), zone);
        // GET by id answers the same object.
        QCOMPARE(get(*server, "/api/v1/zones/" + id).object(), zone);
    }
    QVERIFY(cidr > 0);
    QVERIFY(range > 0);
    QVERIFY(inactive >= 1);
    for (const char* name : {"LegacyIpZone", "BlockedIpZone", "DefaultExemptIpZone"})
        QVERIFY2(byName.value(QLatin1String(name)).value(QStringLiteral("system")).toBool(), name);
    QCOMPARE(byName.value("BlockedIpZone").value(QStringLiteral("usage")).toString(),
             QStringLiteral("BLOCKLIST"));
    QCOMPARE(byName.value("LegacyIpZone").value(QStringLiteral("usage")).toString(),
             QStringLiteral("POLICY"));
    QVERIFY(byName.value("DefaultExemptIpZone").value(QStringLiteral("proxies")).isNull());
    QCOMPARE(byName.value("Known Bad Actors").value(QStringLiteral("usage")).toString(),
             QStringLiteral("BLOCKLIST"));
    QCOMPARE(byName.value("Known Bad Actors").value(QStringLiteral("id")).toString(), KnownBadActors);
    QCOMPARE(byName.value("Corporate HQ").value(QStringLiteral("id")).toString(), CorporateHq);
    QCOMPARE(byName.value("Partner SOC").value(QStringLiteral("status")).toString(),
             QStringLiteral("INACTIVE"));
    QCOMPARE(byName.value("Tor and anonymizers").value(QStringLiteral("type")).toString(),
             QStringLiteral("DYNAMIC"));
    QCOMPARE(byName.value("DefaultEnhancedDynamicZone").value(QStringLiteral("type")).toString(),
             QStringLiteral("DYNAMIC_V2"));
    QCOMPARE(byName.value("LegacyIpZone").value(QStringLiteral("id")).toString(), LegacyIpZone);
    QCOMPARE(byName.value("BlockedIpZone").value(QStringLiteral("id")).toString(), BlockedIpZone);
    QCOMPARE(byName.value("VPN Egress").value(QStringLiteral("id")).toString(), VpnEgress);
}

void TestSandboxServer::zonesPagingWalksEveryZoneOnce() {
    const auto server = startServer();
    QStringList expected;
    for (const QJsonValue& zone : server->zones())
        expected << zone.toObject().value(QStringLiteral("id")).toString();

    QStringList seen;
    int pages = 0;
    QString next = server->baseUrl().toString() + QStringLiteral("/api/v1/zones?limit=2");
    while (!next.isEmpty() && pages < 50) {
        QVERIFY(next.startsWith(server->baseUrl().toString() + QStringLiteral("/api/v1/zones?")));
        const HttpResult page = get(*server, next.mid(server->baseUrl().toString().size()));
        QCOMPARE(page.status, 200);
        const QJsonArray zones = page.array();
        QVERIFY(zones.size() <= 2);
        QVERIFY(!zones.isEmpty());
        for (const QJsonValue& zone : zones)
            seen << zone.toObject().value(QStringLiteral("id")).toString();
        const QMap<QString, QString> links = page.links();
        QVERIFY(links.contains(QStringLiteral("self")));
        QVERIFY(links.value(QStringLiteral("self")).contains(QStringLiteral("limit=2")));
        next = links.value(QStringLiteral("next"));
        if (!next.isEmpty()) {
            QVERIFY2(next.contains(QStringLiteral("after=") + seen.last()), qPrintable(next));
            QVERIFY(next.contains(QStringLiteral("limit=2")));
        }
        ++pages;
    }
    QCOMPARE(seen, expected);
    QCOMPARE(pages, static_cast<int>((expected.size() + 1) / 2));

    // Default page holds every seeded zone (limit 20) and has no next link.
    const HttpResult all = get(*server, QStringLiteral("/api/v1/zones"));
    QCOMPARE(all.array().size(), expected.size());
    QVERIFY(!all.links().contains(QStringLiteral("next")));
    QCOMPARE(all.links().value(QStringLiteral("self")),
             server->baseUrl().toString() + QStringLiteral("/api/v1/zones"));
}

void TestSandboxServer::zonesFilter_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("usage BLOCKLIST") << R"(filter=usage%20eq%20%22BLOCKLIST%22)"
                                     << QStringList{BlockedIpZone, KnownBadActors, TorZone,
                                                    EnhancedDynamicZone};
    QTest::newRow("usage BLOCKLIST, form-encoded")
        << R"(filter=usage+eq+%22BLOCKLIST%22)"
        << QStringList{BlockedIpZone, KnownBadActors, TorZone, EnhancedDynamicZone};
    QTest::newRow("type IP") << R"(filter=type%20eq%20%22IP%22)"
                             << QStringList{LegacyIpZone, BlockedIpZone, DefaultExemptIpZone, CorporateHq,
                                            VpnEgress,    PartnerSoc,    KnownBadActors};
    QTest::newRow("IP blocklists") << R"(filter=type%20eq%20%22IP%22%20and%20usage%20eq%20%22BLOCKLIST%22)"
                                   << QStringList{BlockedIpZone, KnownBadActors};
    QTest::newRow("id or id, as documented")
        << QStringLiteral("filter=%28id+eq+%22%1%22+or+id+eq+%22%2%22%29").arg(VpnEgress, CorporateHq)
        << QStringList{CorporateHq, VpnEgress};
    QTest::newRow("system zones") << R"(filter=system%20eq%20true)"
                                  << QStringList{LegacyIpZone, BlockedIpZone, DefaultExemptIpZone,
                                                 EnhancedDynamicZone};
    QTest::newRow("paged filter") << R"(filter=usage%20eq%20%22BLOCKLIST%22&limit=3)"
                                  << QStringList{BlockedIpZone, KnownBadActors, TorZone};
}

void TestSandboxServer::zonesFilter() {
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    const auto server = startServer();
    const HttpResult result = get(*server, QStringLiteral("/api/v1/zones?") + query);
    QCOMPARE(result.status, 200);
    QStringList seen;
    for (const QJsonValue& zone : result.array())
        seen << zone.toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(seen, ids);
    if (query.contains(QStringLiteral("limit=3"))) {
        // The next link keeps the filter.
        const QString next = result.links().value(QStringLiteral("next"));
        QVERIFY2(next.contains(QStringLiteral("filter=usage%20eq%20%22BLOCKLIST%22")), qPrintable(next));
        const HttpResult rest = get(*server, next.mid(server->baseUrl().toString().size()));
        QCOMPARE(rest.array().size(), 1);
        QCOMPARE(rest.array().at(0).toObject().value(QStringLiteral("id")).toString(), EnhancedDynamicZone);
    }
}

void TestSandboxServer::zonesBadQuery_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("cause");
    QTest::newRow("limit abc") << "limit=abc"
                               << "limit: 'abc' is not a positive integer (at most 200)";
    QTest::newRow("limit 0") << "limit=0"
                             << "limit: '0' is not a positive integer (at most 200)";
    QTest::newRow("limit -5") << "limit=-5"
                              << "limit: '-5' is not a positive integer (at most 200)";
    QTest::newRow("unknown cursor") << "after=nzoNope"
                                    << "after: unknown cursor 'nzoNope'";
    QTest::newRow("unsupported operator")
        << R"(filter=name%20co%20%22HQ%22)"
        << "filter: unsupported filter expression 'name co \"HQ\"': unsupported "
           "operator 'co' (supported: eq, sw)";
    QTest::newRow("unsupported attribute")
        << R"(filter=gateways%20eq%20%22x%22)"
        << "filter: unsupported filter expression 'gateways eq \"x\"': unsupported "
           "attribute 'gateways' (supported: id, usage, type, status, system, name)";
}

void TestSandboxServer::zonesBadQuery() {
    QFETCH(QString, query);
    QFETCH(QString, cause);
    const auto server = startServer();
    const HttpResult result = get(*server, QStringLiteral("/api/v1/zones?") + query);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("E0000001"));
    QCOMPARE(result.causes(), QStringList{cause});
    // A limit above the maximum is clamped, not refused.
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones?limit=5000")).status, 200);
}

void TestSandboxServer::zoneReplaceAndLifecycle() {
    const auto server = startServer();
    server->setTimeSource([] { return FixedNowMs; });
    QJsonObject zone = get(*server, "/api/v1/zones/" + KnownBadActors).object();
    QJsonArray gateways = zone.value(QStringLiteral("gateways")).toArray();
    gateways.append(QJsonObject{{"type", "CIDR"}, {"value", "192.0.2.66/32"}});
    zone.insert(QStringLiteral("gateways"), gateways);
    zone.insert(QStringLiteral("system"), true); // read-only: ignored
    HttpResult result = send(*server, "PUT", "/api/v1/zones/" + KnownBadActors, toJson(zone));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value(QStringLiteral("gateways")).toArray(), gateways);
    QCOMPARE(result.object().value(QStringLiteral("system")).toBool(), false);
    QCOMPARE(result.object().value(QStringLiteral("lastUpdated")).toString(),
             QStringLiteral("2026-11-21T22:30:00.000Z"));
    QCOMPARE(get(*server, "/api/v1/zones/" + KnownBadActors).object(), result.object());

    // Invalid replacement: every problem listed, nothing changed.
    QJsonObject bad = result.object();
    bad.insert(QStringLiteral("type"), QStringLiteral("DYNAMIC"));
    bad.insert(QStringLiteral("gateways"),
               QJsonArray{QJsonObject{{"type", "CIDR"}, {"value", "1.2.3.4/33"}},
                          QJsonObject{{"type", "RANGE"}, {"value", "10.0.0.9-10.0.0.1"}},
                          QJsonObject{{"type", "HOST"}, {"value", "10.0.0.1"}}});
    bad.insert(QStringLiteral("proxies"), QJsonArray{QJsonObject{{"type", "CIDR"}, {"value", "10.0.0.0/8"}}});
    result = send(*server, "PUT", "/api/v1/zones/" + KnownBadActors, toJson(bad));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(),
             QStringLiteral("Api validation failed: networkZone"));
    QCOMPARE(result.causes(),
             (QStringList{"type: cannot change the type of zone 'nzoBadAct4Gm8Ts6P0g3' from IP to 'DYNAMIC'",
                          "gateways[0].value: '1.2.3.4/33' is not a valid CIDR block",
                          "gateways[1].value: '10.0.0.9-10.0.0.1' is not a valid address range (first-last)",
                          "gateways[2].type: 'HOST' is not one of CIDR, RANGE",
                          "proxies: a BLOCKLIST zone cannot have proxies"}));
    QCOMPARE(
        get(*server, "/api/v1/zones/" + KnownBadActors).object().value(QStringLiteral("gateways")).toArray(),
        gateways);
    QCOMPARE(send(*server, "PUT", "/api/v1/zones/nzoNope", toJson(bad)).status, 404);
    QCOMPARE(send(*server, "PUT", "/api/v1/zones/" + KnownBadActors, "{").errorCode(),
             QStringLiteral("E0000003"));

    // Lifecycle.
    result = post(*server, "/api/v1/zones/" + PartnerSoc + "/lifecycle/activate", {});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
    QVERIFY(
        result.object().value(QStringLiteral("_links")).toObject().contains(QStringLiteral("deactivate")));
    result = post(*server, "/api/v1/zones/" + PartnerSoc + "/lifecycle/deactivate", {});
    QCOMPARE(result.object().value(QStringLiteral("status")).toString(), QStringLiteral("INACTIVE"));
    QVERIFY(result.object().value(QStringLiteral("_links")).toObject().contains(QStringLiteral("activate")));

    // Delete: system zones and zones excluded from ThreatInsight are refused.
    QCOMPARE(send(*server, "DELETE", "/api/v1/zones/" + BlockedIpZone).causes(),
             QStringList{"id: system zone 'BlockedIpZone' cannot be deleted"});
    QCOMPARE(post(*server, QStringLiteral("/api/v1/threats/configuration"),
                  toJson(QJsonObject{{"action", "audit"}, {"excludeZones", QJsonArray{VpnEgress}}}))
                 .status,
             200);
    QCOMPARE(send(*server, "DELETE", "/api/v1/zones/" + VpnEgress).status, 400);
    result = send(*server, "DELETE", "/api/v1/zones/" + PartnerSoc);
    QCOMPARE(result.status, 204);
    QVERIFY(result.body.isEmpty());
    QCOMPARE(get(*server, "/api/v1/zones/" + PartnerSoc).status, 404);
}

void TestSandboxServer::riskProviders() {
    const auto server = startServer();
    const HttpResult result = get(*server, QStringLiteral("/api/v1/risk/providers"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.array().size(), 1);
    const QJsonObject provider = result.array().at(0).toObject();
    QCOMPARE(provider.value(QStringLiteral("id")).toString(), SandboxServer::RiskProviderId);
    QVERIFY(provider.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("rkp")));
    QCOMPARE(provider.value(QStringLiteral("name")).toString(), QStringLiteral("ThreatDesk"));
    QVERIFY(provider.value(QStringLiteral("clientId")).toString().startsWith(QStringLiteral("0oa")));
    QCOMPARE(provider.value(QStringLiteral("action")).toString(), QStringLiteral("log_only"));
    QVERIFY(!provider.value(QStringLiteral("created")).toString().isEmpty());
    QVERIFY(!provider.value(QStringLiteral("lastUpdated")).toString().isEmpty());
    const QString self =
        server->baseUrl().toString() + "/api/v1/risk/providers/" + SandboxServer::RiskProviderId;
    QCOMPARE(provider.value(QStringLiteral("_links"))
                 .toObject()
                 .value(QStringLiteral("self"))
                 .toObject()
                 .value(QStringLiteral("href"))
                 .toString(),
             self);
    QCOMPARE(get(*server, "/api/v1/risk/providers/" + SandboxServer::RiskProviderId).object(), provider);
    QCOMPARE(result.headerNumber("X-Rate-Limit-Limit"), 600);
}

// ---------------------------------------------------------------------------------------------
// System Log

void TestSandboxServer::systemLogQueries() {
    const auto server = startServer();
    qint64 now = FixedNowMs;
    server->setTimeSource([&now] { return now; });
    QStringList requestIds;
    for (int batch = 0; batch < 3; ++batch) {
        const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"),
                                       toJson(QJsonArray{riskEvent(validSubjects(1, batch))}));
        QCOMPARE(result.status, 202);
        requestIds << QString::fromLatin1(result.header("X-Okta-Request-Id"));
        now += 60000;
    }

    // Paging with limit=1 walks all three, ascending.
    QStringList seen;
    QString next =
        QStringLiteral("/api/v1/logs?limit=1&filter=eventType%20eq%20%22security.risk.signal.consume%22");
    int pages = 0;
    while (!next.isEmpty() && pages < 10) {
        const HttpResult page = get(*server, next);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.array().size(), 1);
        seen << page.array()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("debugContext"))
                    .toObject()
                    .value(QStringLiteral("debugData"))
                    .toObject()
                    .value(QStringLiteral("requestId"))
                    .toString();
        next = page.links().value(QStringLiteral("next"));
        if (!next.isEmpty()) {
            QVERIFY2(next.contains(QStringLiteral("filter=eventType%20eq%20")), qPrintable(next));
            next = next.mid(server->baseUrl().toString().size());
        }
        ++pages;
    }
    QCOMPARE(seen, requestIds);
    QCOMPARE(pages, 3);

    const auto count = [&](const QString& query) {
        return riskSignalCount(get(*server, QStringLiteral("/api/v1/logs?") + query).array());
    };
    // The 12 seeded detections (the log's only other events) match their own filter.
    QCOMPARE(
        get(*server, QStringLiteral("/api/v1/logs?filter=eventType%20eq%20%22security.threat.detected%22"))
            .array()
            .size(),
        12);
    QCOMPARE(count(QStringLiteral("since=2026-11-21T22:31:00.000Z")), 2);
    QCOMPARE(count(QStringLiteral("since=2026-11-21T22:31:00Z&until=2026-11-21T22:32:00Z")), 1);
    QCOMPARE(count(QStringLiteral("until=2026-11-21T22:30:00.000Z")), 0);
    QCOMPARE(count(QStringLiteral("filter=client.ipAddress%20eq%20%22198.51.0.3%22")), 1);

    const HttpResult bad = get(*server, QStringLiteral("/api/v1/logs?since=yesterday&limit=x"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.causes(), (QStringList{"since: 'yesterday' is not an ISO 8601 timestamp",
                                        "limit: 'x' is not a positive integer (at most 1000)"}));
    QCOMPARE(get(*server, QStringLiteral("/api/v1/logs?after=nope")).causes(),
             QStringList{"after: unknown cursor 'nope'"});
}

// ---------------------------------------------------------------------------------------------
// Rate limits and dates

void TestSandboxServer::rateLimitHeadersDecrement() {
    const auto server = startServer();
    qint64 previousRemaining = 601;
    for (int i = 0; i < 3; ++i) {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const HttpResult result = get(*server, QStringLiteral("/api/v1/zones"));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.headerNumber("X-Rate-Limit-Limit"), 600);
        const qint64 remaining = result.headerNumber("X-Rate-Limit-Remaining");
        const qint64 reset = result.headerNumber("X-Rate-Limit-Reset");
        // Usually 599, 598, 597; a window boundary in between starts again at 599.
        QVERIFY(remaining == previousRemaining - 1 || remaining == 599);
        previousRemaining = remaining;
        QCOMPARE(reset % 60, 0);
        QVERIFY(reset > before && reset <= before + 61);
    }
    // Families are counted separately.
    const HttpResult risk = post(*server, QStringLiteral("/api/v1/risk/events/ip"),
                                 oneSubject(subject(QStringLiteral("192.0.2.1"))));
    QCOMPARE(risk.headerNumber("X-Rate-Limit-Limit"), 30);
    QCOMPARE(risk.headerNumber("X-Rate-Limit-Remaining"), 29);
    const HttpResult threats = get(*server, QStringLiteral("/api/v1/threats/configuration"));
    QCOMPARE(threats.headerNumber("X-Rate-Limit-Remaining"), 599);
}

void TestSandboxServer::rateLimitAnswers429AfterTheLimit() {
    SandboxOptions options;
    options.riskEventsLimit = 3;
    options.windowSeconds = 60;
    const auto server = startServer(options);
    qint64 now = FixedNowMs + 15000; // 15 s into a window that started at FixedNowMs
    server->setTimeSource([&now] { return now; });
    const qint64 reset = FixedNowMs / 1000 + 60;
    const QByteArray body = oneSubject(subject(QStringLiteral("192.0.2.1")));
    for (int i = 0; i < 3; ++i) {
        const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
        QCOMPARE(result.status, 202);
        QCOMPARE(result.headerNumber("X-Rate-Limit-Limit"), 3);
        QCOMPARE(result.headerNumber("X-Rate-Limit-Remaining"), 2 - i);
        QCOMPARE(result.headerNumber("X-Rate-Limit-Reset"), reset);
    }
    HttpResult refused = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.errorCode(), QStringLiteral("E0000047"));
    QCOMPARE(refused.object().value(QStringLiteral("errorSummary")).toString(),
             QStringLiteral("API call exceeded rate limit due to too many requests."));
    QCOMPARE(refused.headerNumber("X-Rate-Limit-Remaining"), 0);
    QCOMPARE(refused.headerNumber("X-Rate-Limit-Limit"), 3);
    QCOMPARE(refused.headerNumber("X-Rate-Limit-Reset"), reset);
    QCOMPARE(server->acceptedRiskSubjects().size(), 3);
    // Checked before auth: a bad token is still told 429, and still counts.
    refused = send(*server, "POST", QStringLiteral("/api/v1/risk/events/ip"), body, QByteArray("SSWS wrong"));
    QCOMPARE(refused.status, 429);
    // Other families are unaffected.
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).status, 200);

    // Fixed window: at Reset the budget is whole again.
    now = reset * 1000;
    const HttpResult again = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QCOMPARE(again.status, 202);
    QCOMPARE(again.headerNumber("X-Rate-Limit-Remaining"), 2);
    QCOMPARE(again.headerNumber("X-Rate-Limit-Reset"), reset + 60);
}

void TestSandboxServer::dateHeaderIsRfc7231() {
    const auto server = startServer();
    const QRegularExpression pattern(QString::fromLatin1(
        R"(^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$)"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // must not matter
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const HttpResult result = get(*server, QStringLiteral("/api/v1/zones"));
    QLocale::setDefault(QLocale::c());
    const QString date = QString::fromLatin1(result.header("Date"));
    QVERIFY2(pattern.match(date).hasMatch(), qPrintable(date));
    QDateTime parsed = QLocale::c().toDateTime(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    parsed.setTimeSpec(Qt::UTC);
    QVERIFY(parsed.isValid());
    QVERIFY(qAbs(parsed.toSecsSinceEpoch() - before) <= 5);

    server->setTimeSource([] { return FixedNowMs; });
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).header("Date"),
             QByteArray("Sat, 21 Nov 2026 22:30:00 GMT"));
    server->setTimeSource(
        [] { return QDateTime(QDate(2027, 1, 4), QTime(3, 4, 5), Qt::UTC).toMSecsSinceEpoch(); });
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).header("Date"),
             QByteArray("Mon, 04 Jan 2027 03:04:05 GMT"));
}

void TestSandboxServer::clockSkewMovesDateAndReset() {
    SandboxOptions options;
    options.clockSkewSeconds = 3600;
    options.windowSeconds = 60;
    const auto server = startServer(options);
    server->setTimeSource([] { return FixedNowMs + 20000; });
    HttpResult result = get(*server, QStringLiteral("/api/v1/zones"));
    QCOMPARE(result.header("Date"), QByteArray("Sat, 21 Nov 2026 23:30:20 GMT"));
    QCOMPARE(result.headerNumber("X-Rate-Limit-Reset"), FixedNowMs / 1000 + 3600 + 60);

    // With the real clock: Date and Reset both follow the skewed server clock, so
    // Reset - Date (what clients must use) stays within one window.
    SandboxOptions skewedOptions;
    skewedOptions.clockSkewSeconds = -7200;
    const auto skewed = startServer(skewedOptions);
    result = get(*skewed, QStringLiteral("/api/v1/zones"));
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(result.header("Date")),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    date.setTimeSpec(Qt::UTC);
    QVERIFY(qAbs(date.toSecsSinceEpoch() - (QDateTime::currentSecsSinceEpoch() - 7200)) <= 5);
    const qint64 wait = result.headerNumber("X-Rate-Limit-Reset") - date.toSecsSinceEpoch();
    QVERIFY2(wait > 0 && wait <= 60, qPrintable(QString::number(wait)));
}

// ---------------------------------------------------------------------------------------------
// Faults

void TestSandboxServer::faultSpecs_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("prefix");
    using K = SandboxFault::Kind;
    QTest::newRow("500:3") << "500:3" << true << int(K::ServerError) << 3 << 0 << QString();
    QTest::newRow("reset:1") << "reset:1" << true << int(K::ConnectionReset) << 1 << 0 << QString();
    QTest::newRow("reset") << "reset" << true << int(K::ConnectionReset) << 1 << 0 << QString();
    QTest::newRow("stall:2:5000") << "stall:2:5000" << true << int(K::Stall) << 2 << 5000 << QString();
    QTest::newRow("stall:1") << "stall:1" << true << int(K::Stall) << 1 << SandboxFault::DefaultStallMs
                             << QString();
    QTest::newRow("malformed:1") << "malformed:1" << true << int(K::MalformedJson) << 1 << 0 << QString();
    QTest::newRow("429-no-headers:2")
        << "429-no-headers:2" << true << int(K::RateLimitWithoutHeaders) << 2 << 0 << QString();
    QTest::newRow("drop-response:1") << "drop-response:1" << true << int(K::DropResponse) << 1 << 0
                                     << QString();
    QTest::newRow("with prefix") << "500:2:/api/v1/risk" << true << int(K::ServerError) << 2 << 0
                                 << "/api/v1/risk";
    QTest::newRow("stall with prefix")
        << "stall:1:250:/api/v1/zones" << true << int(K::Stall) << 1 << 250 << "/api/v1/zones";
    QTest::newRow("oversized:2") << "oversized:2" << true << int(K::OversizedJson) << 2 << 0 << QString();
    QTest::newRow("oversized:1:4096")
        << "oversized:1:4096" << true << int(K::OversizedJson) << 1 << 0 << QString();
    QTest::newRow("429-duplicate-headers:3")
        << "429-duplicate-headers:3" << true << int(K::RateLimitDuplicateHeaders) << 3 << 0 << QString();
    QTest::newRow("after and prefix")
        << "500:2:after=3:/api/v1/risk" << true << int(K::ServerError) << 2 << 0 << "/api/v1/risk";
    for (const char* bad :
         {"", "nope:1", "500:0", "500:-1", "500:x", "stall:1:abc", "500:1:2", "reset:1:2:3", "stall:1:-5",
          "stall:1:9999999", "oversized:1:0", "oversized:1:x", "oversized:1:999999999999", "oversized:1:2:3",
          "500:1:after=x", "500:1:after=-1", "429-duplicate-headers:1:5"})
        QTest::addRow("bad '%s'", bad) << bad << false << 0 << 0 << 0 << QString();
}

void TestSandboxServer::faultSpecs() {
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QString error;
    const std::optional<SandboxFault> fault = SandboxFault::parse(spec, &error);
    QCOMPARE(fault.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(int, delayMs);
    QFETCH(QString, prefix);
    QCOMPARE(int(fault->kind), kind);
    QCOMPARE(fault->count, count);
    QCOMPARE(fault->delayMs, delayMs);
    QCOMPARE(fault->pathPrefix, prefix);
    if (fault->kind == SandboxFault::Kind::OversizedJson)
        QCOMPARE(fault->sizeBytes,
                 spec.count(QLatin1Char(':')) == 2 ? 4096 : SandboxFault::DefaultOversizedBytes);
    QCOMPARE(fault->after, spec.contains(QLatin1String("after=3")) ? 3 : 0);
}

void TestSandboxServer::faultServerError() {
    const auto server = startServer();
    server->injectFault(*SandboxFault::parse(QStringLiteral("500:2"), nullptr));
    for (int i = 0; i < 2; ++i) {
        const HttpResult result = get(*server, QStringLiteral("/api/v1/threats/configuration"));
        QCOMPARE(result.status, 500);
        QCOMPARE(result.errorCode(), QStringLiteral("E0000009"));
        QCOMPARE(result.object().value(QStringLiteral("errorSummary")).toString(),
                 QStringLiteral("Internal Server Error"));
        QCOMPARE(result.headerNumber("X-Rate-Limit-Limit"), 600); // normal headers
        QCOMPARE(result.headerNumber("X-Rate-Limit-Remaining"), 599 - i);
        QVERIFY(result.hasHeader("X-Okta-Request-Id"));
        QVERIFY(result.hasHeader("Date"));
    }
    QVERIFY(server->pendingFaults().isEmpty());
    QCOMPARE(get(*server, QStringLiteral("/api/v1/threats/configuration")).status, 200);
}

// A request counted just before its window ends and answered after it (slow processing) still
// gets a Date before its Reset, as from Okta: a client learns the window's length from the two.
void TestSandboxServer::dateStaysInsideTheRateWindow() {
    SandboxOptions options;
    options.windowSeconds = 2;
    const auto server = startServer(options);
    // A clock that runs a second on every reading, as if each step of handling the request took
    // that long: the request is counted in one window and answered after its end.
    const qint64 windowEndMs = (FixedNowMs / 2000 + 1) * 2000;
    auto readings = std::make_shared<qint64>(0);
    server->setTimeSource([windowEndMs, readings] { return windowEndMs - 1 + 1000 * (*readings)++; });
    const QJsonArray events{
        riskEvent(QJsonArray{subject(QStringLiteral("192.0.2.1"), QStringLiteral("HIGH"))})};
    const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"), toJson(events));
    QCOMPARE(result.status, 202);
    QVERIFY2(*readings > 1, "the clock was read only once: the test no longer shows the window's end");
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(result.header("Date")),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    date.setTimeSpec(Qt::UTC);
    QVERIFY(date.isValid());
    const qint64 reset = result.headerNumber("X-Rate-Limit-Reset");
    QVERIFY2(date.toSecsSinceEpoch() < reset,
             result.header("Date") + " / reset " + QByteArray::number(reset));
}

void TestSandboxServer::faultConnectionReset() {
    const auto server = startServer();
    QSignalSpy served(server.get(), &SandboxServer::requestServed);
    const QByteArray body = oneSubject(subject(QStringLiteral("192.0.2.1")));

    // On the wire: the request is read, then the connection closes without a single byte.
    server->injectFault({SandboxFault::Kind::ConnectionReset, 1, 0, {}});
    const RawExchange raw = rawExchange(*server, "POST", "/api/v1/risk/events/ip", body);
    QVERIFY(raw.closed);
    QVERIFY2(raw.received.isEmpty(), raw.received.constData());
    QCOMPARE(server->receivedCount(), 1);
    QCOMPARE(server->requestCount(), 0);
    QCOMPARE(served.count(), 0);
    QCOMPARE(server->acceptedRiskSubjects().size(), 0); // not processed
    QVERIFY(server->pendingFaults().isEmpty());

    // QNetworkAccessManager silently resends a request (even a POST) on a connection closed
    // before any answer, a couple of times; with more resets than it retries, it reports them.
    server->injectFault({SandboxFault::Kind::ConnectionReset, 5, 0, {}});
    const HttpResult reset = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QVERIFY(reset.finished);
    QCOMPARE(reset.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(reset.status, 0);
    const int attempts = server->receivedCount() - 1;
    QVERIFY2(attempts >= 2 && attempts <= 5, qPrintable(QString::number(attempts)));
    QCOMPARE(server->pendingFaults().size() == 1 ? server->pendingFaults().constFirst().count : 0,
             5 - attempts);
    QCOMPARE(served.count(), 0);
    QCOMPARE(server->acceptedRiskSubjects().size(), 0);
    server->clearFaults();

    const HttpResult next = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QCOMPARE(next.status, 202);
    QCOMPARE(next.headerNumber("X-Rate-Limit-Remaining"), 29); // resets are not counted
    QCOMPARE(served.count(), 1);
}

void TestSandboxServer::faultStall() {
    const auto server = startServer();
    server->injectFault({SandboxFault::Kind::Stall, 1, 400, {}});
    const HttpResult stalled = get(*server, QStringLiteral("/api/v1/threats/configuration"));
    QCOMPARE(stalled.status, 200);
    QVERIFY2(stalled.elapsedMs >= 390, qPrintable(QString::number(stalled.elapsedMs)));
    QCOMPARE(stalled.object().value(QStringLiteral("action")).toString(), QStringLiteral("audit"));
    QVERIFY(server->pendingFaults().isEmpty()); // one request held, the next one is not
    QCOMPARE(get(*server, QStringLiteral("/api/v1/threats/configuration")).status, 200);
}

void TestSandboxServer::faultStallClientGoneAway() {
    const auto server = startServer();
    QSignalSpy served(server.get(), &SandboxServer::requestServed);
    server->injectFault({SandboxFault::Kind::Stall, 1, 300, {}});
    server->injectFault({SandboxFault::Kind::Stall, 1, 800, {}});

    // The first client gives up once the server holds its request, before the answer is due.
    QNetworkRequest request(QUrl(server->baseUrl().toString() + QStringLiteral("/api/v1/risk/events/ip")));
    request.setRawHeader("Authorization", "SSWS " + server->token().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* abandoned = m_nam->post(request, oneSubject(subject(QStringLiteral("192.0.2.1"))));
    QTRY_COMPARE_WITH_TIMEOUT(server->receivedCount(), 1, ReplyTimeoutMs);
    abandoned->abort();
    QVERIFY(abandoned->isFinished());
    QCOMPARE(abandoned->error(), QNetworkReply::OperationCanceledError);
    abandoned->deleteLater();

    // The second answer comes after the first one's timer has fired on a vanished socket.
    const HttpResult second = get(*server, QStringLiteral("/api/v1/zones"));
    QCOMPARE(second.status, 200);
    QVERIFY(second.elapsedMs >= 790);
    QCOMPARE(served.count(), 1);
    QCOMPARE(served.at(0).at(1).toString(), QStringLiteral("/api/v1/zones"));
    QCOMPARE(server->acceptedRiskSubjects().size(), 0); // abandoned before processing
    QCOMPARE(server->receivedCount(), 2);
}

void TestSandboxServer::faultMalformedJson() {
    const auto server = startServer();
    server->injectFault({SandboxFault::Kind::MalformedJson, 1, 0, {}});
    const HttpResult result = get(*server, QStringLiteral("/api/v1/zones"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!result.body.isEmpty());
    QJsonParseError error{};
    QJsonDocument::fromJson(result.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(result.hasHeader("X-Rate-Limit-Remaining"));
    QCOMPARE(QJsonDocument::fromJson(get(*server, QStringLiteral("/api/v1/zones")).body).isArray(), true);
}

void TestSandboxServer::fault429WithoutHeaders() {
    const auto server = startServer();
    server->injectFault({SandboxFault::Kind::RateLimitWithoutHeaders, 1, 0, {}});
    const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"),
                                   oneSubject(subject(QStringLiteral("192.0.2.1"))));
    QCOMPARE(result.status, 429);
    QCOMPARE(result.errorCode(), QStringLiteral("E0000047"));
    QVERIFY(!result.hasHeader("X-Rate-Limit-Limit"));
    QVERIFY(!result.hasHeader("X-Rate-Limit-Remaining"));
    QVERIFY(!result.hasHeader("X-Rate-Limit-Reset"));
    QVERIFY(result.hasHeader("Date"));
    QVERIFY(result.hasHeader("X-Okta-Request-Id"));
    QCOMPARE(server->acceptedRiskSubjects().size(), 0);
}

void TestSandboxServer::faultDropResponse() {
    const auto server = startServer();
    QSignalSpy served(server.get(), &SandboxServer::requestServed);
    const QByteArray body = oneSubject(subject(QStringLiteral("203.0.113.5"), QStringLiteral("MEDIUM")));

    // On the wire: processed for real, then the connection closes without an answer.
    server->injectFault({SandboxFault::Kind::DropResponse, 1, 0, {}});
    const RawExchange raw = rawExchange(*server, "POST", "/api/v1/risk/events/ip", body);
    QVERIFY(raw.closed);
    QVERIFY(raw.received.isEmpty());
    QCOMPARE(served.count(), 0);
    QCOMPARE(server->acceptedRiskSubjects().size(), 1);
    QCOMPARE(server->acceptedRiskSubjects().at(0).toObject().value(QStringLiteral("ip")).toString(),
             QStringLiteral("203.0.113.5"));
    QCOMPARE(get(*server, RiskSignalLogs).array().size(), 1);

    // Through QNetworkAccessManager every silent resend is processed again: duplicates the
    // client never hears about. (The reason a client must not rely on QNAM for retries.)
    server->injectFault({SandboxFault::Kind::DropResponse, 5, 0, {}});
    const int receivedBefore = server->receivedCount();
    const HttpResult dropped = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(dropped.status, 0);
    const int attempts = server->receivedCount() - receivedBefore;
    QVERIFY(attempts >= 2);
    QCOMPARE(server->acceptedRiskSubjects().size(), 1 + attempts);
    QCOMPARE(served.count(), 1); // only the GET /api/v1/logs above
    server->clearFaults();
}

void TestSandboxServer::faultPathPrefixAndOrder() {
    const auto server = startServer();
    server->injectFault({SandboxFault::Kind::ServerError, 1, 0, QStringLiteral("/api/v1/risk")});
    server->injectFault({SandboxFault::Kind::MalformedJson, 1, 0, {}});
    QCOMPARE(server->pendingFaults().size(), 2);

    // Admin paths are never faulted.
    QCOMPARE(get(*server, QStringLiteral("/_sandbox/risk-events")).status, 200);
    QCOMPARE(server->pendingFaults().size(), 2);
    // The zones request skips the /api/v1/risk fault and takes the next matching one.
    HttpResult result = get(*server, QStringLiteral("/api/v1/zones"));
    QCOMPARE(result.status, 200);
    QVERIFY(QJsonDocument::fromJson(result.body).isNull());
    QCOMPARE(server->pendingFaults().size(), 1);
    result = get(*server, QStringLiteral("/api/v1/zones"));
    QVERIFY(result.array().size() > 0);
    result = get(*server, QStringLiteral("/api/v1/risk/providers"));
    QCOMPARE(result.status, 500);
    QVERIFY(server->pendingFaults().isEmpty());

    server->injectFault({SandboxFault::Kind::ServerError, 5, 0, {}});
    server->clearFaults();
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).status, 200);
}

void TestSandboxServer::faultOversizedJson() {
    const auto server = startServer();
    // A 2xx answer: processed for real, its (empty) body replaced by valid JSON of the size.
    server->injectFault({SandboxFault::Kind::OversizedJson, 1, 0, {}, 100000});
    const QByteArray body = oneSubject(subject(QStringLiteral("203.0.113.7")));
    HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"), body);
    QCOMPARE(result.status, 202);
    QVERIFY2(result.body.size() >= 100000 && result.body.size() < 100100,
             qPrintable(QString::number(result.body.size())));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(server->acceptedRiskSubjects().size(), 1);

    // An object keeps its members; an array its elements.
    server->injectFault({SandboxFault::Kind::OversizedJson, 1, 0, {}, 50000});
    result = get(*server, QStringLiteral("/api/v1/threats/configuration"));
    QCOMPARE(result.status, 200);
    QVERIFY(result.body.size() >= 50000);
    QCOMPARE(result.object().value(QStringLiteral("action")).toString(), QStringLiteral("audit"));
    server->injectFault({SandboxFault::Kind::OversizedJson, 1, 0, {}, 50000});
    result = get(*server, QStringLiteral("/api/v1/zones"));
    QVERIFY(result.body.size() >= 50000);
    const QJsonArray zones = result.array();
    QCOMPARE(zones.size(), get(*server, QStringLiteral("/api/v1/zones")).array().size() + 1);

    // Error answers are inflated too (here a 400), still with Okta's error code.
    server->injectFault({SandboxFault::Kind::OversizedJson, 1, 0, {}, 50000});
    result = post(*server, QStringLiteral("/api/v1/risk/events/ip"), "[]");
    QCOMPARE(result.status, 400);
    QVERIFY(result.body.size() >= 50000);
    QCOMPARE(result.errorCode(), QStringLiteral("E0000001"));
    QVERIFY(server->pendingFaults().isEmpty());
}

void TestSandboxServer::fault429WithDuplicatedHeaders() {
    const auto server = startServer();
    server->injectFault({SandboxFault::Kind::RateLimitDuplicateHeaders, 1, 0, {}});
    const HttpResult result = post(*server, QStringLiteral("/api/v1/risk/events/ip"),
                                   oneSubject(subject(QStringLiteral("192.0.2.1"))));
    QCOMPARE(result.status, 429);
    QCOMPARE(result.errorCode(), QStringLiteral("E0000047"));
    // Qt joins repeated headers with ", ": Okta's values first, the conflicting ones after.
    const QList<QByteArray> limit = result.header("X-Rate-Limit-Limit").split(',');
    const QList<QByteArray> remaining = result.header("X-Rate-Limit-Remaining").split(',');
    const QList<QByteArray> reset = result.header("X-Rate-Limit-Reset").split(',');
    QCOMPARE(limit.size(), 2);
    QCOMPARE(remaining.size(), 2);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(limit.at(0).trimmed().toInt(), 30);
    QCOMPARE(remaining.at(0).trimmed().toInt(), 0);
    QCOMPARE(limit.at(1).trimmed().toInt(), 3000);
    QVERIFY(remaining.at(1).trimmed().toInt() > 30);
    QVERIFY(reset.at(1).trimmed().toLongLong() < reset.at(0).trimmed().toLongLong());
    QCOMPARE(server->acceptedRiskSubjects().size(), 0); // not processed
    // Counted in the window like any request.
    QCOMPARE(post(*server, QStringLiteral("/api/v1/risk/events/ip"),
                  oneSubject(subject(QStringLiteral("192.0.2.2"))))
                 .headerNumber("X-Rate-Limit-Remaining"),
             28);
}

void TestSandboxServer::faultAfterLetsRequestsPass() {
    const auto server = startServer();
    server->injectFault(*SandboxFault::parse(QStringLiteral("500:1:after=2:/api/v1/zones"), nullptr));
    QCOMPARE(get(*server, QStringLiteral("/api/v1/threats/configuration")).status, 200); // not matching
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).status, 200);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).status, 200);
    QCOMPARE(server->pendingFaults().value(0).after, 0);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).status, 500);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).status, 200);
    QVERIFY(server->pendingFaults().isEmpty());
}

void TestSandboxServer::adminApiNewFaultFields() {
    const auto server = startServer();
    HttpResult result = post(*server, QStringLiteral("/_sandbox/faults"),
                             R"({"kind":"oversized","sizeBytes":4096,"after":1})");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value(QStringLiteral("faults")).toArray().at(0).toObject(),
             (QJsonObject{{"kind", "oversized"},
                          {"count", 1},
                          {"delayMs", 0},
                          {"pathPrefix", ""},
                          {"sizeBytes", 4096},
                          {"after", 1}}));
    result = post(*server, QStringLiteral("/_sandbox/faults"), R"({"kind":"oversized"})");
    QCOMPARE(
        result.object().value(QStringLiteral("faults")).toArray().at(1).toObject().value("sizeBytes").toInt(),
        SandboxFault::DefaultOversizedBytes);
    result =
        post(*server, QStringLiteral("/_sandbox/faults"), R"({"kind":"429-duplicate-headers","count":2})");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.object().value(QStringLiteral("faults")).toArray().size(), 3);
    result =
        post(*server, QStringLiteral("/_sandbox/faults"), R"({"kind":"oversized","sizeBytes":0,"after":-1})");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.causes(), (QStringList{"sizeBytes: must be an integer between 1 and 268435456",
                                           "after: must be a number of requests (0 or more)"}));
}

void TestSandboxServer::adminApi() {
    const auto server = startServer();
    HttpResult result = post(*server, QStringLiteral("/_sandbox/faults"),
                             R"({"kind":"500","count":2,"pathPrefix":"/api/v1/threats"})");
    QCOMPARE(result.status, 200);
    const QJsonArray faults = result.object().value(QStringLiteral("faults")).toArray();
    QCOMPARE(faults.size(), 1);
    QCOMPARE(faults.at(0).toObject(),
             (QJsonObject{{"kind", "500"}, {"count", 2}, {"delayMs", 0}, {"pathPrefix", "/api/v1/threats"}}));
    QCOMPARE(server->pendingFaults().size(), 1);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/threats/configuration")).status, 500);
    QCOMPARE(get(*server, QStringLiteral("/_sandbox/faults"))
                 .object()
                 .value(QStringLiteral("faults"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("count"))
                 .toInt(),
             1);

    result = post(*server, QStringLiteral("/_sandbox/faults"), R"({"kind":"stall","delayMs":150})");
    QCOMPARE(result.object().value(QStringLiteral("faults")).toArray().size(), 2);
    result = send(*server, "DELETE", QStringLiteral("/_sandbox/faults"));
    QCOMPARE(result.status, 204);
    QVERIFY(server->pendingFaults().isEmpty());
    QCOMPARE(get(*server, QStringLiteral("/api/v1/threats/configuration")).status, 200);

    result = post(*server, QStringLiteral("/_sandbox/faults"), R"({"kind":"boom","count":0,"delayMs":-1})");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.causes(),
             (QStringList{
                 "kind: 'boom' is not one of 500, reset, stall, malformed, 429-no-headers, drop-response, "
                 "oversized, 429-duplicate-headers",
                 "count: must be a positive integer", "delayMs: must be an integer between 0 and 600000"}));
    QCOMPARE(post(*server, QStringLiteral("/_sandbox/faults"), "{").errorCode(), QStringLiteral("E0000003"));

    // Only the admin token may steer the sandbox.
    const QByteArray readOnly = "SSWS " + server->readOnlyToken().toUtf8();
    QCOMPARE(send(*server, "POST", QStringLiteral("/_sandbox/faults"), R"({"kind":"500"})", readOnly).status,
             403);
    QCOMPARE(send(*server, "GET", QStringLiteral("/_sandbox/risk-events"), {}, readOnly).status, 403);
    QCOMPARE(send(*server, "DELETE", QStringLiteral("/_sandbox/faults"), {}, QByteArray()).status, 401);
    QVERIFY(server->pendingFaults().isEmpty());
    QCOMPARE(get(*server, QStringLiteral("/_sandbox/nope")).status, 404);
    QCOMPARE(send(*server, "PUT", QStringLiteral("/_sandbox/faults"), "{}").status, 405);

    // Recorded subjects, as the C++ API sees them.
    QCOMPARE(post(*server, QStringLiteral("/api/v1/risk/events/ip"),
                  oneSubject(subject(QStringLiteral("192.0.2.44"))))
                 .status,
             202);
    result = get(*server, QStringLiteral("/_sandbox/risk-events"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.array(), server->acceptedRiskSubjects());
    QCOMPARE(result.array().at(0).toObject().value(QStringLiteral("ip")).toString(),
             QStringLiteral("192.0.2.44"));
    // The admin API does not use up the client's budget.
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).headerNumber("X-Rate-Limit-Remaining"), 599);
}

void TestSandboxServer::requestServedSignal() {
    const auto server = startServer();
    QSignalSpy served(server.get(), &SandboxServer::requestServed);
    QCOMPARE(get(*server, QStringLiteral("/api/v1/zones")).status, 200);
    QCOMPARE(send(*server, "GET", QStringLiteral("/api/v1/zones"), {}, QByteArray()).status, 401);
    QCOMPARE(post(*server, QStringLiteral("/api/v1/risk/events/ip"), "[]").status, 400);
    QCOMPARE(served.count(), 3);
    QCOMPARE(served.at(0), (QList<QVariant>{QStringLiteral("GET"), QStringLiteral("/api/v1/zones"), 200}));
    QCOMPARE(served.at(1), (QList<QVariant>{QStringLiteral("GET"), QStringLiteral("/api/v1/zones"), 401}));
    QCOMPARE(served.at(2),
             (QList<QVariant>{QStringLiteral("POST"), QStringLiteral("/api/v1/risk/events/ip"), 400}));
    QCOMPARE(server->requestCount(), 3);
    QCOMPARE(server->receivedCount(), 3);
}

void TestSandboxServer::commandLine() {
    const auto parse = [](QStringList arguments) {
        arguments.prepend(QStringLiteral("threatdesk-sandbox"));
        return SandboxCommandLine::parse(arguments);
    };
    auto result = parse({"--port",
                         "8123",
                         "--token",
                         "t1",
                         "--read-only-token",
                         "t2",
                         "--risk-events-limit",
                         "3",
                         "--other-limit",
                         "7",
                         "--window",
                         "10",
                         "--state",
                         "s.json",
                         "--accept-non-ip-zones",
                         "--clock-skew",
                         "-90",
                         "--fault",
                         "500:2",
                         "--fault",
                         "stall:1:50"});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.options.port, 8123);
    QCOMPARE(result.options.token, QStringLiteral("t1"));
    QVERIFY(result.tokenGiven);
    QCOMPARE(result.options.readOnlyToken, QStringLiteral("t2"));
    QCOMPARE(result.options.riskEventsLimit, 3);
    QCOMPARE(result.options.otherLimit, 7);
    QCOMPARE(result.options.windowSeconds, 10);
    QCOMPARE(result.options.stateFile, QStringLiteral("s.json"));
    QVERIFY(result.options.acceptNonIpExcludedZones);
    QCOMPARE(result.options.clockSkewSeconds, -90);
    QCOMPARE(result.faults.size(), 2);
    QCOMPARE(result.faults.at(1).delayMs, 50);

    result = parse({});
    QVERIFY(result.error.isEmpty());
    QVERIFY(!result.tokenGiven);
    QCOMPARE(result.options.port, 0);

    for (const auto& [arguments, named] : {std::pair<QStringList, QString>{{"--bogus"}, "bogus"},
                                           {{"--port", "70000"}, "--port"},
                                           {{"--port", "x"}, "--port"},
                                           {{"--port"}, "--port"},
                                           {{"--window", "0"}, "--window"},
                                           {{"--risk-events-limit", "-1"}, "--risk-events-limit"},
                                           {{"--clock-skew", "soon"}, "--clock-skew"},
                                           {{"--fault", "explode:1"}, "--fault"},
                                           {{"--token", ""}, "--token"},
                                           {{"--token", "a b"}, "--token"},
                                           {{"extra"}, "extra"}}) {
        const auto bad = parse(arguments);
        QVERIFY2(bad.error.contains(named), qPrintable(arguments.join(' ') + " -> " + bad.error));
    }
    QVERIFY(parse({"--help"}).helpRequested);
    QVERIFY(SandboxCommandLine::helpText().contains(QStringLiteral("--risk-events-limit")));
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "TestSandboxServer.moc"
