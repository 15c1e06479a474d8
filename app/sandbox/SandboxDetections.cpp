#include "SandboxDetections.h"

#include "SandboxIds.h"
#include "SandboxLogEvent.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace {

constexpr qint64 MinuteMs = 60 * 1000;

// Namespace of the seeded events' name-based (v5) uuids: fixed so every start logs the same ids.
const QUuid SeedNamespace(QStringLiteral("{6f1c2b9e-3d47-4a52-9b1e-7c0d5e8a4f21}"));

struct UserAgent {
    const char* raw;
    const char* os;
    const char* browser;
};

// What attack tooling announces itself as, in the form Okta parses it into.
const UserAgent UserAgents[] = {
    {"python-requests/2.31.0", "Unknown", "UNKNOWN"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
     "Safari/537.36",
     "Windows 10", "CHROME"},
    {"curl/8.5.0", "Unknown", "UNKNOWN"},
    {"Go-http-client/2.0", "Unknown", "UNKNOWN"},
    {"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Linux", "FIREFOX"},
};

QString seedTransactionId(int index) {
    // 20 alphanumerics like a request id, derived from the index so seeds are reproducible.
    const QByteArray hash = QCryptographicHash::hash("threatdesk-sandbox-seed-" + QByteArray::number(index),
                                                     QCryptographicHash::Sha256)
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QString id;
    for (const char c : hash) {
        if (std::isalnum(static_cast<unsigned char>(c)) && id.size() < 20)
            id.append(QLatin1Char(c));
    }
    return id;
}

QString seedUuid(int index) {
    return QUuid::createUuidV5(SeedNamespace, QStringLiteral("seed-%1").arg(index))
        .toString(QUuid::WithoutBraces);
}

} // namespace

QStringList SandboxDetections::outcomes() {
    return {QStringLiteral("DENY"), QStringLiteral("RATE_LIMIT"), QStringLiteral("ALLOW")};
}

QStringList SandboxDetections::generatedIps() {
    return {QStringLiteral("203.0.113.77"),    QStringLiteral("198.51.100.31"),
            QStringLiteral("2001:db8:7e::21"), QStringLiteral("203.0.113.150"),
            QStringLiteral("198.51.100.199"),  QStringLiteral("203.0.113.8"),
            QStringLiteral("2001:db8:c4::9"),  QStringLiteral("198.51.100.102")};
}

QJsonObject SandboxDetections::geographyFor(const QString& ip) {
    struct Place {
        const char* city;
        const char* state; // nullptr = none
        const char* country;
        const char* postalCode;
        double lat;
        double lon;
    };
    static const Place places[] = {
        {"Frankfurt am Main", "Hesse", "Germany", "60313", 50.1109, 8.6821},
        {"Ashburn", "Virginia", "United States", "20147", 39.0438, -77.4874},
        {"Sao Paulo", "Sao Paulo", "Brazil", "01000-000", -23.5505, -46.6333},
        {"Singapore", nullptr, "Singapore", "018956", 1.2897, 103.8501},
        {"Amsterdam", "North Holland", "Netherlands", "1012", 52.374, 4.8897},
        {"Bucharest", "Bucuresti", "Romania", "010011", 44.4268, 26.1025},
        {"Lagos", "Lagos", "Nigeria", "100001", 6.455, 3.3841},
        {"Seoul", "Seoul", "South Korea", "04524", 37.5665, 126.978},
    };
    // Stable per address, so one IP always "comes from" the same place.
    const QByteArray hash = QCryptographicHash::hash(ip.toUtf8(), QCryptographicHash::Md5);
    const Place& p = places[static_cast<unsigned char>(hash.at(0)) % std::size(places)];
    return SandboxLogEvent::geographicalContext(
        QLatin1String(p.city), p.state ? QJsonValue(QLatin1String(p.state)) : QJsonValue(QJsonValue::Null),
        QLatin1String(p.country), QLatin1String(p.postalCode), p.lat, p.lon);
}

QJsonObject SandboxDetections::threatDetected(const QString& uuid, const QString& transactionId,
                                              qint64 publishedMs, const QString& ip, const QString& outcome,
                                              const Threat& threat, int userAgent) {
    const UserAgent& agent = UserAgents[static_cast<size_t>(userAgent) % std::size(UserAgents)];
    SandboxLogEvent::Fields f;
    f.uuid = uuid;
    f.publishedMs = publishedMs;
    f.eventType = QStringLiteral("security.threat.detected");
    f.severity = QStringLiteral("WARN");
    f.displayMessage = QStringLiteral("Request from suspicious actor");
    // ThreatInsight judges the request before any user is known (Okta's documented behaviour).
    f.actor = SandboxLogEvent::actor(QStringLiteral("unknown"), QStringLiteral("unknown"),
                                     QStringLiteral("unknown"), QStringLiteral("unknown"));
    f.client = SandboxLogEvent::client(ip, QLatin1String(agent.raw), QLatin1String(agent.os),
                                       QLatin1String(agent.browser), geographyFor(ip));
    f.outcomeResult = outcome;
    f.outcomeReason = threat.name;
    f.transactionId = transactionId;
    // Okta logs threatDetections as a JSON string inside debugData.
    const QString detections = QString::fromUtf8(
        QJsonDocument(QJsonObject{{threat.name, outcome == QLatin1String("ALLOW") ? QStringLiteral("MEDIUM")
                                                                                  : QStringLiteral("HIGH")}})
            .toJson(QJsonDocument::Compact));
    f.debugData = QJsonObject{{QStringLiteral("requestId"), transactionId},
                              {QStringLiteral("requestUri"), threat.requestUri},
                              {QStringLiteral("url"), threat.requestUri + QLatin1Char('?')},
                              {QStringLiteral("threatSuspected"), threat.suspected},
                              {QStringLiteral("threatDetections"), detections}};
    return SandboxLogEvent::make(f);
}

QJsonObject SandboxDetections::attack(bool start, const QString& uuid, const QString& transactionId,
                                      qint64 publishedMs, const QString& suspected) {
    SandboxLogEvent::Fields f;
    f.uuid = uuid;
    f.publishedMs = publishedMs;
    f.eventType = start ? QStringLiteral("security.attack.start") : QStringLiteral("security.attack.end");
    f.severity = start ? QStringLiteral("WARN") : QStringLiteral("INFO");
    f.displayMessage = start ? QStringLiteral("Org under attack") : QStringLiteral("Attack on org ended");
    f.actor = SandboxLogEvent::actor(QStringLiteral("unknown"), QStringLiteral("unknown"),
                                     QStringLiteral("unknown"), QStringLiteral("unknown"));
    // Org-wide: no single client to name.
    f.client = SandboxLogEvent::client(QJsonValue::Null, QString(), QStringLiteral("Unknown"),
                                       QStringLiteral("UNKNOWN"), QJsonValue::Null);
    f.outcomeResult = QStringLiteral("SUCCESS");
    f.transactionId = transactionId;
    f.debugData = QJsonObject{{QStringLiteral("requestId"), transactionId},
                              {QStringLiteral("threatSuspected"), suspected}};
    return SandboxLogEvent::make(f);
}

QList<SandboxDetections::Event> SandboxDetections::seed(qint64 nowMs) {
    struct Seed {
        int minutesAgo;
        const char* ip; // nullptr = attack start/end
        const char* outcome;
        const char* threat;
        const char* suspected;
        const char* uri;
    };
    static const Seed seeds[] = {
        {1390, "203.0.113.45", "DENY", "Password Spray", "Password spray: 212 failed sign-ins in 10 minutes",
         "/api/v1/authn"},
        {1262, "198.51.100.23", "RATE_LIMIT", "Brute Force",
         "Brute force: 48 failed sign-ins for one user in 5 minutes", "/idp/idx/identify"},
        {1171, "2001:db8:4f::17", "ALLOW", "Suspicious IP",
         "Suspicious IP: seen in credential stuffing against other orgs", "/oauth2/v1/authorize"},
        {1020, "203.0.113.45", "DENY", "Password Spray", "Password spray: 187 failed sign-ins in 10 minutes",
         "/api/v1/authn"},
        {885, "198.51.100.77", "DENY", "Credential Stuffing",
         "Credential stuffing: 96 sign-ins with leaked credentials in 15 minutes", "/idp/idx/identify"},
        {780, nullptr, "start", nullptr,
         "Org under attack: 14,200 failed sign-ins from 312 IPs in 60 minutes", nullptr},
        {772, "203.0.113.201", "RATE_LIMIT", "Password Spray",
         "Password spray: 530 failed sign-ins in 10 minutes", "/api/v1/authn"},
        {741, "198.51.100.23", "DENY", "Brute Force",
         "Brute force: 63 failed sign-ins for one user in 5 minutes", "/idp/idx/identify"},
        {703, "2001:db8:a0::5", "DENY", "Password Spray", "Password spray: 341 failed sign-ins in 10 minutes",
         "/api/v1/authn"},
        {660, nullptr, "end", nullptr, "Attack on org ended after 2 hours", nullptr},
        {482, "203.0.113.9", "ALLOW", "Suspicious IP",
         "Suspicious IP: anonymizing proxy used in attacks on other orgs", "/login/login.htm"},
        {331, "198.51.100.77", "RATE_LIMIT", "Credential Stuffing",
         "Credential stuffing: 58 sign-ins with leaked credentials in 15 minutes", "/idp/idx/identify"},
        {118, "203.0.113.45", "DENY", "Password Spray", "Password spray: 96 failed sign-ins in 10 minutes",
         "/api/v1/authn"},
        {25, "198.51.100.140", "ALLOW", "Login Failures", "Login failures: 31 failed sign-ins in 10 minutes",
         "/oauth2/v1/token"},
    };
    QList<Event> events;
    int index = 0;
    for (const Seed& s : seeds) {
        const qint64 published = nowMs - s.minutesAgo * MinuteMs;
        const QString uuid = seedUuid(index);
        const QString transaction = seedTransactionId(index);
        if (!s.ip) {
            events.append({published, attack(QLatin1String(s.outcome) == QLatin1String("start"), uuid,
                                             transaction, published, QLatin1String(s.suspected))});
        } else {
            const Threat threat{QLatin1String(s.threat), QLatin1String(s.suspected), QLatin1String(s.uri)};
            events.append({published, threatDetected(uuid, transaction, published, QLatin1String(s.ip),
                                                     QLatin1String(s.outcome), threat, index)});
        }
        ++index;
    }
    return events;
}

QJsonObject SandboxDetections::generated(int index, qint64 publishedMs, const QString& ip,
                                         const QString& outcome) {
    const QStringList ips = generatedIps();
    const QStringList results = outcomes();
    const int n = std::max(index, 0);
    // Varied but predictable numbers, so a burst of generated events does not read as copies.
    const int failures = 40 + (n * 37) % 460;
    const Threat threats[] = {
        {QStringLiteral("Password Spray"),
         QStringLiteral("Password spray: %1 failed sign-ins in 10 minutes").arg(failures),
         QStringLiteral("/api/v1/authn")},
        {QStringLiteral("Brute Force"),
         QStringLiteral("Brute force: %1 failed sign-ins for one user in 5 minutes").arg(failures / 5 + 10),
         QStringLiteral("/idp/idx/identify")},
        {QStringLiteral("Credential Stuffing"),
         QStringLiteral("Credential stuffing: %1 sign-ins with leaked credentials in 15 minutes")
             .arg(failures / 2),
         QStringLiteral("/idp/idx/identify")},
        {QStringLiteral("Suspicious IP"), QStringLiteral("Suspicious IP: seen in attacks on other orgs"),
         QStringLiteral("/oauth2/v1/authorize")},
    };
    return threatDetected(QUuid::createUuid().toString(QUuid::WithoutBraces), SandboxIds::requestId(),
                          publishedMs, ip.isEmpty() ? ips.at(n % ips.size()) : ip,
                          outcome.isEmpty() ? results.at(n % results.size()) : outcome,
                          threats[static_cast<size_t>(n) % std::size(threats)], n);
}
