#include "SandboxServer.h"

#include "SandboxDetections.h"
#include "SandboxIds.h"
#include "SandboxIpAddress.h"
#include "SandboxRiskEventValidator.h"
#include "SandboxTime.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace {

const QString kGet = QStringLiteral("GET");
const QString kPost = QStringLiteral("POST");
const QString kPut = QStringLiteral("PUT");
const QString kDelete = QStringLiteral("DELETE");
const QString kHead = QStringLiteral("HEAD");
const QString kAdminPrefix = QStringLiteral("/_sandbox");
const QString kTokenPath = QStringLiteral("/oauth2/v1/token");

constexpr int DefaultZonesLimit = 20;
constexpr int MaxZonesLimit = 200;
constexpr int DefaultLogsLimit = 100;
constexpr int MaxLogsLimit = 1000;
constexpr qint64 DefaultLogWindowMs = 7LL * 24 * 60 * 60 * 1000;
constexpr int MaxGeneratedDetections = 1000;

enum class Endpoint {
    ThreatInsight,
    Zones,
    Zone,
    ZoneActivate,
    ZoneDeactivate,
    RiskEvents,
    RiskProviders,
    RiskProvider,
    Logs
};

struct Route {
    Endpoint endpoint;
    QStringList methods;
    QString id;
};

// Okta's /api/v1 surface as far as ThreatDesk uses it; anything else is a 404.
std::optional<Route> resolveRoute(const QString& path) {
    const QStringList segments = path.split(QLatin1Char('/'));
    if (segments.size() < 4 || !segments.at(0).isEmpty() || segments.at(1) != QLatin1String("api") ||
        segments.at(2) != QLatin1String("v1"))
        return std::nullopt;
    const QStringList rest = segments.mid(3);
    const auto is = [&rest](std::initializer_list<const char*> expected) {
        if (rest.size() != static_cast<qsizetype>(expected.size()))
            return false;
        qsizetype i = 0;
        for (const char* part : expected) {
            if (part && rest.at(i) != QLatin1String(part))
                return false;
            if (!part && rest.at(i).isEmpty())
                return false; // nullptr = any non-empty id
            ++i;
        }
        return true;
    };
    if (is({"threats", "configuration"}))
        return Route{Endpoint::ThreatInsight, {kGet, kPost}, {}};
    if (is({"zones"}))
        return Route{Endpoint::Zones, {kGet}, {}};
    if (is({"zones", nullptr}))
        return Route{Endpoint::Zone, {kGet, kPut, kDelete}, rest.at(1)};
    if (is({"zones", nullptr, "lifecycle", "activate"}))
        return Route{Endpoint::ZoneActivate, {kPost}, rest.at(1)};
    if (is({"zones", nullptr, "lifecycle", "deactivate"}))
        return Route{Endpoint::ZoneDeactivate, {kPost}, rest.at(1)};
    if (is({"risk", "events", "ip"}))
        return Route{Endpoint::RiskEvents, {kPost}, {}};
    if (is({"risk", "providers"}))
        return Route{Endpoint::RiskProviders, {kGet}, {}};
    if (is({"risk", "providers", nullptr}))
        return Route{Endpoint::RiskProvider, {kGet}, rest.at(2)};
    if (is({"logs"}))
        return Route{Endpoint::Logs, {kGet}, {}};
    return std::nullopt;
}

// The OAuth scope a Bearer/DPoP token needs for an endpoint and method.
QString requiredScope(Endpoint endpoint, const QString& method) {
    const bool read = method == kGet || method == kHead;
    switch (endpoint) {
    case Endpoint::ThreatInsight:
        return read ? QStringLiteral("okta.threatInsights.read")
                    : QStringLiteral("okta.threatInsights.manage");
    case Endpoint::Zones:
    case Endpoint::Zone:
    case Endpoint::ZoneActivate:
    case Endpoint::ZoneDeactivate:
        return read ? QStringLiteral("okta.networkZones.read") : QStringLiteral("okta.networkZones.manage");
    case Endpoint::RiskEvents:
        return QStringLiteral("okta.riskEvents.manage");
    case Endpoint::RiskProviders:
    case Endpoint::RiskProvider:
        return QStringLiteral("okta.riskProviders.read");
    case Endpoint::Logs:
        return QStringLiteral("okta.logs.read");
    }
    return {};
}

QString methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return kGet;
    case QHttpServerRequest::Method::Put:
        return kPut;
    case QHttpServerRequest::Method::Delete:
        return kDelete;
    case QHttpServerRequest::Method::Post:
        return kPost;
    case QHttpServerRequest::Method::Head:
        return kHead;
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

bool isAdminPath(const QString& path) {
    return path == kAdminPrefix || path.startsWith(kAdminPrefix + QLatin1Char('/'));
}

// `body` (an Okta JSON object or array, or nothing) grown to at least `size` bytes and still
// valid JSON: a padding member (object) or element (array) of 'x's.
QByteArray inflatedJson(const QByteArray& body, int size) {
    const QByteArray trimmed = body.trimmed();
    QByteArray prefix;
    QByteArray suffix;
    if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
        prefix = trimmed.chopped(1) + (trimmed.size() > 2 ? "," : "") + R"("sandboxPadding":")";
        suffix = "\"}";
    } else if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
        prefix = trimmed.chopped(1) + (trimmed.size() > 2 ? "," : "") + R"({"sandboxPadding":")";
        suffix = "\"}]";
    } else {
        prefix = R"({"sandboxPadding":")";
        suffix = "\"}";
    }
    const qsizetype padding = qMax<qsizetype>(1, size - prefix.size() - suffix.size());
    QByteArray result;
    result.reserve(prefix.size() + padding + suffix.size());
    result.append(prefix).append(padding, 'x').append(suffix);
    return result;
}

// ?limit=: a positive integer, clamped to the endpoint's maximum as Okta does.
int readLimit(const QUrlQuery& query, int defaultLimit, int maximum, QStringList* causes) {
    if (!query.hasQueryItem(QStringLiteral("limit")))
        return defaultLimit;
    const QString text = query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded);
    bool ok = false;
    const int limit = text.toInt(&ok);
    if (!ok || limit < 1) {
        causes->append(
            QStringLiteral("limit: '%1' is not a positive integer (at most %2)").arg(text).arg(maximum));
        return defaultLimit;
    }
    return std::min(limit, maximum);
}

// The query items of a "next" link: after and limit first, then whatever else the client sent.
QList<QPair<QString, QString>> nextQuery(const QUrlQuery& query, const QString& after, int limit) {
    QList<QPair<QString, QString>> items{{QStringLiteral("after"), after},
                                         {QStringLiteral("limit"), QString::number(limit)}};
    for (const auto& item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first != QLatin1String("after") && item.first != QLatin1String("limit"))
            items.append(item);
    }
    return items;
}

QJsonDocument parseBody(const QByteArray& body, bool* ok) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    *ok = error.error == QJsonParseError::NoError;
    return document;
}

} // namespace

SandboxServer::SandboxServer(SandboxOptions options, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_options(std::move(options))
    , m_token(m_options.token.isEmpty() ? DefaultToken : m_options.token)
    , m_readOnlyToken(m_options.readOnlyToken.isEmpty() ? DefaultReadOnlyToken : m_options.readOnlyToken)
    , m_limiter(m_options.riskEventsLimit, m_options.otherLimit, m_options.windowSeconds) {
    // The seeded service app: the risk provider's client id, every scope, the sandbox-only demo key.
    // Keys given by the user or a test (registerServiceApp, --service-app) are added next to it.
    m_oauth.registerServiceApp(RiskProviderClientId, demoServiceAppPublicJwk(), {}, nullptr);
    seedDetections();
}

void SandboxServer::seedDetections() {
    if (!m_options.seedDetections)
        return;
    m_log.removeSeeded();
    for (const SandboxDetections::Event& event : SandboxDetections::seed(currentTimeMs()))
        m_log.append(event.event, event.publishedMs, true);
}

QJsonArray SandboxServer::generateThreatDetections(int count, const QString& ip, const QString& outcome) {
    QJsonArray generated;
    const qint64 nowMs = currentTimeMs();
    for (int i = 0; i < count; ++i) {
        const QJsonObject event = SandboxDetections::generated(m_generatedDetections++, nowMs, ip, outcome);
        m_log.append(event, nowMs);
        generated.append(event);
    }
    return generated;
}

QJsonObject SandboxServer::demoServiceAppPublicJwk() {
    return QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                       {QStringLiteral("crv"), QStringLiteral("P-256")},
                       {QStringLiteral("x"), QStringLiteral("Jq7ZYBEdDivc0_73XnnyrKv-tpgQYkaK9XQ7-Eb48C8")},
                       {QStringLiteral("y"), QStringLiteral("YG1ALJ6hIM09IQLpmHk3PFC32lYiAUcK-3rm5Dh5-8w")},
                       {QStringLiteral("kid"), DemoServiceAppKeyId}};
}

QJsonObject SandboxServer::demoServiceAppPrivateJwk() {
    QJsonObject jwk = demoServiceAppPublicJwk();
    // SANDBOX-ONLY private key (see the header): public on purpose, trusted by nothing but the sandbox.
    jwk.insert(QStringLiteral("d"), QStringLiteral("Ijeb1Ao2NMi7dqrGVJouGa1RiFTvJfEwKsirIqzW4EQ"));
    return jwk;
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString* error) {
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_tcpServer)
        return fail(QStringLiteral("the sandbox org is already listening on %1").arg(baseUrl().toString()));
    QString stateError;
    if (!loadState(&stateError))
        return fail(stateError);
    for (const SandboxServiceAppOption& app : std::as_const(m_options.serviceApps)) {
        QString appError;
        if (!m_oauth.registerServiceApp(app.clientId, app.publicJwk, app.allowedScopes, &appError))
            return fail(appError);
    }
    m_options.serviceApps.clear(); // registered once, even if start() is called again after a failure

    auto* tcpServer = new QTcpServer(this);
    if (!tcpServer->listen(QHostAddress::LocalHost, m_options.port)) {
        const QString message =
            tcpServer->serverError() == QAbstractSocket::AddressInUseError
                ? QStringLiteral("port %1 on 127.0.0.1 is already in use").arg(m_options.port)
                : QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                      .arg(m_options.port)
                      .arg(tcpServer->errorString());
        delete tcpServer;
        return fail(message);
    }
    bind(tcpServer);
    m_tcpServer = tcpServer;
    m_port = tcpServer->serverPort();
    return true;
}

bool SandboxServer::isListening() const {
    return m_tcpServer && m_tcpServer->isListening();
}

quint16 SandboxServer::port() const {
    return m_port;
}

QUrl SandboxServer::baseUrl() const {
    if (m_port == 0)
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl SandboxServer::tokenEndpoint() const {
    if (m_port == 0)
        return {};
    return QUrl(baseUrl().toString() + kTokenPath);
}

bool SandboxServer::registerServiceApp(const QString& clientId, const QJsonObject& publicJwk,
                                       const QStringList& allowedScopes, QString* error) {
    return m_oauth.registerServiceApp(clientId, publicJwk, allowedScopes, error);
}

QString SandboxServer::token() const {
    return m_token;
}

QString SandboxServer::readOnlyToken() const {
    return m_readOnlyToken;
}

void SandboxServer::injectFault(const SandboxFault& fault) {
    if (fault.count > 0)
        m_faults.append(fault);
}

void SandboxServer::clearFaults() {
    m_faults.clear();
}

QList<SandboxFault> SandboxServer::pendingFaults() const {
    return m_faults;
}

QJsonArray SandboxServer::acceptedRiskSubjects() const {
    return m_acceptedSubjects;
}

QJsonArray SandboxServer::systemLogEvents() const {
    return m_log.events();
}

QJsonArray SandboxServer::zones() const {
    QJsonArray array;
    for (const QJsonObject& zone : m_zones.zones())
        array.append(SandboxZoneCatalog::withLinks(zone, baseUrl()));
    return array;
}

QList<QJsonObject> SandboxServer::seedZones() {
    return SandboxZoneCatalog::seedZones();
}

QJsonObject SandboxServer::threatInsightConfiguration() const {
    return m_threatInsight.toJson(baseUrl());
}

void SandboxServer::setTimeSource(std::function<qint64()> msecsSinceEpoch) {
    m_timeSource = std::move(msecsSinceEpoch);
    seedDetections(); // "the last 24 hours" of the clock now in force
}

qint64 SandboxServer::currentTimeMs() const {
    const qint64 base = m_timeSource ? m_timeSource() : QDateTime::currentMSecsSinceEpoch();
    return base + m_options.clockSkewSeconds * 1000;
}

qint64 SandboxServer::currentTimeSeconds() const {
    const qint64 ms = currentTimeMs();
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

QString SandboxServer::now() const {
    return SandboxTime::isoTimestamp(currentTimeMs());
}

SandboxRequest SandboxServer::copyRequest(const QHttpServerRequest& request) {
    SandboxRequest copy;
    const QUrl url = request.url();
    copy.method = methodName(request.method());
    copy.path = url.path(QUrl::FullyDecoded);
    copy.rawQuery = url.query(QUrl::FullyEncoded);
    QString formDecoded = copy.rawQuery;
    copy.query = QUrlQuery(formDecoded.replace(QLatin1Char('+'), QLatin1String("%20")));
    for (const auto& [name, value] : request.headers()) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            copy.authorization = value;
        else if (name.compare("DPoP", Qt::CaseInsensitive) == 0)
            copy.dpop = value;
        else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            copy.contentType = value;
        else if (name.compare("User-Agent", Qt::CaseInsensitive) == 0)
            copy.userAgent = QString::fromUtf8(value);
    }
    copy.body = request.body();
    copy.requestId = SandboxIds::requestId();
    QHostAddress peer = request.remoteAddress();
    bool mapped = false;
    const quint32 v4 = peer.toIPv4Address(&mapped);
    if (mapped)
        peer = QHostAddress(v4); // "::ffff:127.0.0.1" is logged as Okta would: 127.0.0.1
    copy.peerAddress = peer.isNull() ? QStringLiteral("127.0.0.1") : peer.toString();
    return copy;
}

std::optional<SandboxFault> SandboxServer::takeFault(const QString& path) {
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        SandboxFault& fault = m_faults[i];
        if (!fault.appliesTo(path))
            continue;
        if (fault.after > 0) {
            // Still letting requests through; faults queued behind it wait their turn too.
            --fault.after;
            return std::nullopt;
        }
        SandboxFault taken = fault;
        taken.count = 1;
        if (--fault.count <= 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

bool SandboxServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    const SandboxRequest copy = copyRequest(request);
    ++m_receivedCount;

    // The admin API is never faulted nor rate limited: tests must always be able to steer.
    if (isAdminPath(copy.path)) {
        QHttpServerResponder responder = makeResponder(request, socket);
        writeReply(responder, copy, handleAdmin(copy),
                   m_limiter.peek(SandboxRateLimiter::Family::Other, currentTimeSeconds()));
        return true;
    }

    const std::optional<SandboxFault> fault = takeFault(copy.path);
    if (!fault) {
        QHttpServerResponder responder = makeResponder(request, socket);
        respond(responder, copy);
        return true;
    }

    switch (fault->kind) {
    case SandboxFault::Kind::ConnectionReset:
        // Nothing processed, nothing counted: the request never reached "Okta".
        socket->abort();
        return true;
    case SandboxFault::Kind::DropResponse:
        // Processed for real (state changes, subjects recorded), but the answer is lost.
        process(copy);
        socket->abort();
        return true;
    case SandboxFault::Kind::Stall: {
        // Hold the answer; process only if the client is still waiting when the delay is over.
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault->delayMs, this, [this, responder, guard, copy] {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return;
            respond(*responder, copy);
        });
        return true;
    }
    case SandboxFault::Kind::OversizedJson: {
        // Processed for real (a 2xx means Okta took it), but the answer is too big to read;
        // an error answer (429, 400…) is inflated the same way.
        Outcome outcome = process(copy);
        outcome.reply.body = inflatedJson(outcome.reply.body, fault->sizeBytes);
        QHttpServerResponder responder = makeResponder(request, socket);
        writeReply(responder, copy, outcome.reply, outcome.rate);
        return true;
    }
    case SandboxFault::Kind::ServerError:
    case SandboxFault::Kind::MalformedJson:
    case SandboxFault::Kind::RateLimitWithoutHeaders:
    case SandboxFault::Kind::RateLimitDuplicateHeaders:
        break;
    }

    // Answered by "Okta" without processing: counted in the family's window like any request.
    SandboxRateLimiter::Snapshot rate =
        m_limiter.hit(SandboxRateLimiter::familyForPath(copy.path), currentTimeSeconds());
    SandboxReply reply;
    if (fault->kind == SandboxFault::Kind::ServerError) {
        reply = SandboxReply::internalError();
    } else if (fault->kind == SandboxFault::Kind::MalformedJson) {
        reply.status = 200;
        reply.body = QByteArrayLiteral(R"({"sandbox":"malformed","items":[{"id":"nzo)");
    } else if (fault->kind == SandboxFault::Kind::RateLimitDuplicateHeaders) {
        // Okta's own headers (nothing left until Reset) plus a second, conflicting set from some
        // proxy's bucket claiming plenty and an immediate reset. Qt joins them ("30, 3000"):
        // the client must plan on the stricter values.
        reply = SandboxReply::rateLimited();
        rate.remaining = 0;
        const int generous = rate.limit * 100;
        reply.headers.append({QByteArrayLiteral("X-Rate-Limit-Limit"), QByteArray::number(generous)});
        reply.headers.append({QByteArrayLiteral("X-Rate-Limit-Remaining"), QByteArray::number(generous - 1)});
        reply.headers.append(
            {QByteArrayLiteral("X-Rate-Limit-Reset"), QByteArray::number(currentTimeSeconds())});
    } else {
        // Like Okta's concurrency limit seen through some proxies: a 429 with nothing to plan on.
        reply = SandboxReply::rateLimited();
        reply.rateLimitHeaders = false;
    }
    QHttpServerResponder responder = makeResponder(request, socket);
    writeReply(responder, copy, reply, rate);
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    // handleRequest() answers everything; this is only here because the base class requires it.
    const SandboxRequest copy = copyRequest(request);
    QHttpServerResponder responder = makeResponder(request, socket);
    writeReply(responder, copy, SandboxReply::notFound(copy.path), std::nullopt);
}

void SandboxServer::respond(QHttpServerResponder& responder, const SandboxRequest& request) {
    const Outcome outcome = process(request);
    writeReply(responder, request, outcome.reply, outcome.rate);
}

SandboxServer::Outcome SandboxServer::process(const SandboxRequest& request) {
    Outcome outcome;
    // Okta counts every request, so the window is charged before the token is even looked at.
    outcome.rate = m_limiter.hit(SandboxRateLimiter::familyForPath(request.path), currentTimeSeconds());
    if (outcome.rate->exceeded) {
        outcome.reply = SandboxReply::rateLimited();
        return outcome;
    }
    if (request.path == kTokenPath) {
        outcome.reply = request.method == kPost ? m_oauth.token(request, tokenEndpoint().toString(),
                                                                currentTimeMs(), m_options.requireDpop)
                                                : SandboxReply::methodNotAllowed({kPost});
        return outcome;
    }
    if (SandboxOAuth::isOAuthScheme(request.authorization)) {
        const SandboxOAuth::Access access =
            m_oauth.authorize(request, baseUrl().toString() + request.path, currentTimeMs());
        outcome.reply = access.grant ? route(request, Caller::OAuth, &*access.grant) : access.failure;
        return outcome;
    }
    const Caller caller = authenticate(request);
    outcome.reply = caller == Caller::Anonymous ? SandboxReply::invalidToken() : route(request, caller);
    return outcome;
}

SandboxServer::Caller SandboxServer::authenticate(const SandboxRequest& request) const {
    if (request.authorization == QByteArrayLiteral("SSWS ") + m_token.toUtf8())
        return Caller::Admin;
    if (request.authorization == QByteArrayLiteral("SSWS ") + m_readOnlyToken.toUtf8())
        return Caller::ReadOnly;
    return Caller::Anonymous;
}

SandboxReply SandboxServer::route(const SandboxRequest& request, Caller caller,
                                  const SandboxOAuth::Grant* grant) {
    const std::optional<Route> resolved = resolveRoute(request.path);
    if (!resolved)
        return SandboxReply::notFound(request.path);
    if (!resolved->methods.contains(request.method))
        return SandboxReply::methodNotAllowed(resolved->methods);
    if (caller == Caller::OAuth) {
        // OAuth tokens are judged by their scopes, and risk events also by the service app.
        if (!grant || !grant->scopes.contains(requiredScope(resolved->endpoint, request.method)))
            return SandboxReply::forbidden();
        if (resolved->endpoint == Endpoint::RiskEvents && grant->clientId != RiskProviderClientId)
            return SandboxReply::error(
                403, QStringLiteral("E0000006"),
                QStringLiteral("You do not have permission to perform the requested action: no risk "
                               "provider is registered for the service app '%1'")
                    .arg(grant->clientId));
    } else if (caller != Caller::Admin && request.method != kGet) {
        return SandboxReply::forbidden();
    }

    // The System Log's actor for changes: the service app for OAuth, the token's owner for SSWS.
    const QJsonObject actor = caller == Caller::OAuth && grant
                                  ? SandboxAuditEvents::serviceAppActor(grant->clientId)
                                  : SandboxAuditEvents::adminActor();
    switch (resolved->endpoint) {
    case Endpoint::ThreatInsight:
        if (request.method == kPost)
            return postThreatInsight(request, actor);
        return SandboxReply::json(200, threatInsightConfiguration());
    case Endpoint::Zones:
        return listZones(request);
    case Endpoint::Zone:
        if (request.method == kPut)
            return putZone(resolved->id, request, actor);
        if (request.method == kDelete)
            return deleteZone(resolved->id, request, actor);
        return getZone(resolved->id);
    case Endpoint::ZoneActivate:
        return setZoneStatus(resolved->id, QStringLiteral("ACTIVE"), request, actor);
    case Endpoint::ZoneDeactivate:
        return setZoneStatus(resolved->id, QStringLiteral("INACTIVE"), request, actor);
    case Endpoint::RiskEvents:
        return postRiskEvents(request);
    case Endpoint::RiskProviders:
        return SandboxReply::json(200, QJsonArray{riskProvider()});
    case Endpoint::RiskProvider:
        if (resolved->id != RiskProviderId)
            return SandboxReply::notFound(resolved->id + QStringLiteral(" (RiskProvider)"));
        return SandboxReply::json(200, riskProvider());
    case Endpoint::Logs:
        return listLogs(request);
    }
    return SandboxReply::notFound(request.path);
}

SandboxReply SandboxServer::handleAdmin(const SandboxRequest& request) {
    const Caller caller = authenticate(request);
    if (caller == Caller::Anonymous)
        return SandboxReply::invalidToken();
    QStringList methods;
    if (request.path == QLatin1String("/_sandbox/faults"))
        methods = QStringList{kGet, kPost, kDelete};
    else if (request.path == QLatin1String("/_sandbox/risk-events"))
        methods = QStringList{kGet};
    else if (request.path == QLatin1String("/_sandbox/detections"))
        methods = QStringList{kPost};
    else
        return SandboxReply::notFound(request.path);
    if (!methods.contains(request.method))
        return SandboxReply::methodNotAllowed(methods);
    if (caller != Caller::Admin)
        return SandboxReply::forbidden();

    if (request.path == QLatin1String("/_sandbox/risk-events"))
        return SandboxReply::json(200, m_acceptedSubjects);
    if (request.path == QLatin1String("/_sandbox/detections"))
        return postDetections(request);

    if (request.method == kDelete) {
        clearFaults();
        return SandboxReply::empty(204);
    }
    if (request.method == kPost) {
        bool ok = false;
        const QJsonDocument document = parseBody(request.body, &ok);
        if (!ok)
            return SandboxReply::malformedBody();
        if (!document.isObject())
            return SandboxReply::validationFailed(QStringLiteral("fault"),
                                                  {QStringLiteral("body: expected a fault object")});
        QStringList causes;
        const std::optional<SandboxFault> fault = SandboxFault::fromJson(document.object(), &causes);
        if (!fault)
            return SandboxReply::validationFailed(QStringLiteral("fault"), causes);
        injectFault(*fault);
    }
    QJsonArray pending;
    for (const SandboxFault& fault : std::as_const(m_faults))
        pending.append(fault.toJson());
    return SandboxReply::json(200, QJsonObject{{QStringLiteral("faults"), pending}});
}

void SandboxServer::writeReply(QHttpServerResponder& responder, const SandboxRequest& request,
                               const SandboxReply& reply,
                               const std::optional<SandboxRateLimiter::Snapshot>& rate) {
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    qint64 dateMs = currentTimeMs();
    // A request is counted when it arrives and answered once processed, which (slowly, under the
    // sanitizers) can cross the end of its window. Like Okta's, an answer's Date stays inside the
    // window its rate-limit headers describe, so a client can tell the window's length from them.
    if (rate && reply.rateLimitHeaders)
        dateMs = qMin(dateMs, rate->resetEpochSeconds * 1000 - 1);
    responder.writeHeader(QByteArrayLiteral("Date"), SandboxTime::httpDate(dateMs));
    responder.writeHeader(QByteArrayLiteral("X-Okta-Request-Id"), request.requestId.toLatin1());
    if (rate && reply.rateLimitHeaders) {
        responder.writeHeader(QByteArrayLiteral("X-Rate-Limit-Limit"), QByteArray::number(rate->limit));
        responder.writeHeader(QByteArrayLiteral("X-Rate-Limit-Remaining"),
                              QByteArray::number(rate->remaining));
        responder.writeHeader(QByteArrayLiteral("X-Rate-Limit-Reset"),
                              QByteArray::number(rate->resetEpochSeconds));
    }
    for (const auto& [name, value] : reply.headers)
        responder.writeHeader(name, value);
    if (!reply.body.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache, no-store"));
    // Always sent, also for empty bodies, so keep-alive clients know where the answer ends.
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    responder.writeBody(request.method == kHead ? QByteArray() : reply.body);
    ++m_requestCount;
    emit requestServed(request.method, request.path, reply.status);
}

SandboxReply SandboxServer::postThreatInsight(const SandboxRequest& request, const QJsonObject& actor) {
    bool ok = false;
    const QJsonDocument document = parseBody(request.body, &ok);
    if (!ok)
        return SandboxReply::malformedBody();
    const QString subject = QStringLiteral("threatInsightConfiguration");
    if (!document.isObject())
        return SandboxReply::validationFailed(
            subject, {QStringLiteral("body: expected a ThreatInsight configuration object")});
    SandboxThreatInsight update;
    const QStringList causes = SandboxThreatInsight::validateUpdate(
        document.object(), m_zones, m_options.acceptNonIpExcludedZones, &update);
    if (!causes.isEmpty())
        return SandboxReply::validationFailed(subject, causes);
    const QString oldAction = m_threatInsight.action;
    const QStringList oldExcludeZones = m_threatInsight.excludeZones;
    m_threatInsight.action = update.action;
    m_threatInsight.excludeZones = update.excludeZones;
    m_threatInsight.lastUpdated = now();
    saveState();
    const SandboxAuditEvents::Context context = auditContext(request, actor);
    m_log.append(SandboxAuditEvents::threatInsightUpdated(oldAction, oldExcludeZones, update.action,
                                                          update.excludeZones, context),
                 context.publishedMs);
    return SandboxReply::json(200, threatInsightConfiguration());
}

QByteArray SandboxServer::linkHeader(const QString& path, const QList<QPair<QString, QString>>& query,
                                     const char* rel) const {
    QStringList items;
    for (const auto& [key, value] : query)
        items << QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    QString url = baseUrl().toString() + path;
    if (!items.isEmpty())
        url += QLatin1Char('?') + items.join(QLatin1Char('&'));
    return QByteArrayLiteral("<") + url.toUtf8() + QByteArrayLiteral(">; rel=\"") + rel + '"';
}

SandboxReply SandboxServer::listZones(const SandboxRequest& request) const {
    QStringList causes;
    const int limit = readLimit(request.query, DefaultZonesLimit, MaxZonesLimit, &causes);
    std::optional<SandboxFilter> filter;
    if (request.query.hasQueryItem(QStringLiteral("filter"))) {
        QString error;
        filter =
            SandboxFilter::parse(request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
                                 {QStringLiteral("id"), QStringLiteral("usage"), QStringLiteral("type"),
                                  QStringLiteral("status"), QStringLiteral("system"), QStringLiteral("name")},
                                 &error);
        if (!filter)
            causes << QStringLiteral("filter: ") + error;
    }
    if (!causes.isEmpty())
        return SandboxReply::validationFailed(QStringLiteral("query parameters"), causes);

    QList<QJsonObject> matching;
    for (const QJsonObject& zone : m_zones.zones()) {
        if (!filter || filter->matches(zone))
            matching << zone;
    }
    qsizetype start = 0;
    const QString after = request.query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    if (!after.isEmpty()) {
        start = -1;
        for (qsizetype i = 0; i < matching.size() && start < 0; ++i) {
            if (matching.at(i).value(QStringLiteral("id")).toString() == after)
                start = i + 1;
        }
        if (start < 0)
            return SandboxReply::validationFailed(QStringLiteral("query parameters"),
                                                  {QStringLiteral("after: unknown cursor '%1'").arg(after)});
    }
    const qsizetype end = std::min(matching.size(), start + limit);
    QJsonArray page;
    for (qsizetype i = start; i < end; ++i)
        page.append(SandboxZoneCatalog::withLinks(matching.at(i), baseUrl()));

    SandboxReply reply = SandboxReply::json(200, page);
    // Okta-style: one Link header per relation (clients that merge headers see them comma-joined).
    reply.headers.append({QByteArrayLiteral("Link"),
                          linkHeader(request.path, request.query.queryItems(QUrl::FullyDecoded), "self")});
    if (end < matching.size() && end > start) {
        const QString last = matching.at(end - 1).value(QStringLiteral("id")).toString();
        reply.headers.append({QByteArrayLiteral("Link"),
                              linkHeader(request.path, nextQuery(request.query, last, limit), "next")});
    }
    return reply;
}

SandboxReply SandboxServer::getZone(const QString& id) const {
    const std::optional<QJsonObject> zone = m_zones.find(id);
    if (!zone)
        return SandboxReply::notFound(id + QStringLiteral(" (NetworkZone)"));
    return SandboxReply::json(200, SandboxZoneCatalog::withLinks(*zone, baseUrl()));
}

SandboxReply SandboxServer::putZone(const QString& id, const SandboxRequest& request,
                                    const QJsonObject& actor) {
    const std::optional<QJsonObject> before = m_zones.find(id);
    if (!before)
        return SandboxReply::notFound(id + QStringLiteral(" (NetworkZone)"));
    bool ok = false;
    const QJsonDocument document = parseBody(request.body, &ok);
    if (!ok)
        return SandboxReply::malformedBody();
    const QString subject = QStringLiteral("networkZone");
    if (!document.isObject())
        return SandboxReply::validationFailed(subject,
                                              {QStringLiteral("body: expected a network zone object")});
    const QStringList causes = m_zones.validateReplacement(id, document.object());
    if (!causes.isEmpty())
        return SandboxReply::validationFailed(subject, causes);
    const QJsonObject zone = m_zones.replace(id, document.object(), now());
    saveState();
    const SandboxAuditEvents::Context context = auditContext(request, actor);
    m_log.append(SandboxAuditEvents::zoneUpdated(*before, zone, context), context.publishedMs);
    return SandboxReply::json(200, SandboxZoneCatalog::withLinks(zone, baseUrl()));
}

SandboxReply SandboxServer::deleteZone(const QString& id, const SandboxRequest& request,
                                       const QJsonObject& actor) {
    const std::optional<QJsonObject> zone = m_zones.find(id);
    if (!zone)
        return SandboxReply::notFound(id + QStringLiteral(" (NetworkZone)"));
    const QString name = zone->value(QStringLiteral("name")).toString();
    if (zone->value(QStringLiteral("system")).toBool())
        return SandboxReply::validationFailed(
            QStringLiteral("networkZone"),
            {QStringLiteral("id: system zone '%1' cannot be deleted").arg(name)});
    if (m_threatInsight.excludeZones.contains(id))
        return SandboxReply::validationFailed(
            QStringLiteral("networkZone"),
            {QStringLiteral("id: zone '%1' is excluded from ThreatInsight; remove it from excludeZones first")
                 .arg(name)});
    m_zones.remove(id);
    saveState();
    const SandboxAuditEvents::Context context = auditContext(request, actor);
    m_log.append(SandboxAuditEvents::zoneEvent(QStringLiteral("zone.delete"), *zone, context),
                 context.publishedMs);
    return SandboxReply::empty(204);
}

SandboxReply SandboxServer::setZoneStatus(const QString& id, const QString& status,
                                          const SandboxRequest& request, const QJsonObject& actor) {
    const std::optional<QJsonObject> zone = m_zones.setStatus(id, status, now());
    if (!zone)
        return SandboxReply::notFound(id + QStringLiteral(" (NetworkZone)"));
    saveState();
    // Logged for every successful call, also when the zone already had that status (the call
    // was made and answered 200).
    const SandboxAuditEvents::Context context = auditContext(request, actor);
    m_log.append(SandboxAuditEvents::zoneEvent(status == QLatin1String("ACTIVE")
                                                   ? QStringLiteral("zone.activate")
                                                   : QStringLiteral("zone.deactivate"),
                                               *zone, context),
                 context.publishedMs);
    return SandboxReply::json(200, SandboxZoneCatalog::withLinks(*zone, baseUrl()));
}

SandboxReply SandboxServer::postRiskEvents(const SandboxRequest& request) {
    bool ok = false;
    const QJsonDocument document = parseBody(request.body, &ok);
    if (!ok)
        return SandboxReply::malformedBody();
    const QStringList causes = SandboxRiskEventValidator::validate(document);
    if (!causes.isEmpty())
        return SandboxReply::validationFailed(QStringLiteral("riskEvents"), causes);

    const qint64 receivedMs = currentTimeMs();
    const QString receivedAt = SandboxTime::isoTimestamp(receivedMs);
    const QJsonArray events = document.array();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject event = events.at(i).toObject();
        const QJsonArray subjects = event.value(QStringLiteral("subjects")).toArray();
        for (qsizetype j = 0; j < subjects.size(); ++j) {
            const QJsonObject subject = subjects.at(j).toObject();
            const QString ip = subject.value(QStringLiteral("ip")).toString();
            const QString level = subject.value(QStringLiteral("riskLevel")).toString();
            const QJsonValue message = subject.value(QStringLiteral("message")).isString()
                                           ? subject.value(QStringLiteral("message"))
                                           : QJsonValue(QJsonValue::Null);
            QJsonObject record{{QStringLiteral("ip"), ip},
                               {QStringLiteral("riskLevel"), level},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("requestId"), request.requestId},
                               {QStringLiteral("receivedAt"), receivedAt},
                               {QStringLiteral("eventIndex"), static_cast<int>(i)},
                               {QStringLiteral("subjectIndex"), static_cast<int>(j)}};
            for (const QString& field : {QStringLiteral("timestamp"), QStringLiteral("expiresAt")}) {
                if (event.value(field).isString())
                    record.insert(field, event.value(field));
            }
            m_acceptedSubjects.append(record);
            m_log.append(SandboxSystemLog::riskSignalConsumed(ip, level, message, request.requestId,
                                                              receivedMs, RiskProviderId,
                                                              RiskProviderClientId),
                         receivedMs);
        }
    }
    return SandboxReply::empty(202);
}

SandboxReply SandboxServer::listLogs(const SandboxRequest& request) const {
    QStringList causes;
    SandboxSystemLog::Query query;
    query.sinceMs = currentTimeMs() - DefaultLogWindowMs;
    for (const QString& name : {QStringLiteral("since"), QStringLiteral("until")}) {
        if (!request.query.hasQueryItem(name))
            continue;
        const QString text = request.query.queryItemValue(name, QUrl::FullyDecoded);
        const std::optional<qint64> time = SandboxTime::parseIso8601(text);
        if (!time)
            causes << QStringLiteral("%1: '%2' is not an ISO 8601 timestamp").arg(name, text);
        else if (name == QLatin1String("since"))
            query.sinceMs = *time;
        else
            query.untilMs = *time;
    }
    if (query.untilMs && *query.untilMs <= query.sinceMs)
        causes << QStringLiteral("until: must be later than since");
    query.limit = readLimit(request.query, DefaultLogsLimit, MaxLogsLimit, &causes);
    if (request.query.hasQueryItem(QStringLiteral("filter"))) {
        QString error;
        query.filter =
            SandboxFilter::parse(request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
                                 SandboxSystemLog::filterAttributes(), &error);
        if (!query.filter)
            causes << QStringLiteral("filter: ") + error;
    }
    query.after = request.query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    if (!causes.isEmpty())
        return SandboxReply::validationFailed(QStringLiteral("query parameters"), causes);

    const SandboxSystemLog::Page page = m_log.query(query);
    if (!page.cursorFound)
        return SandboxReply::validationFailed(
            QStringLiteral("query parameters"),
            {QStringLiteral("after: unknown cursor '%1'").arg(query.after)});
    SandboxReply reply = SandboxReply::json(200, page.events);
    reply.headers.append({QByteArrayLiteral("Link"),
                          linkHeader(request.path, request.query.queryItems(QUrl::FullyDecoded), "self")});
    if (!page.nextCursor.isEmpty())
        reply.headers.append(
            {QByteArrayLiteral("Link"),
             linkHeader(request.path, nextQuery(request.query, page.nextCursor, query.limit), "next")});
    return reply;
}

SandboxAuditEvents::Context SandboxServer::auditContext(const SandboxRequest& request,
                                                        const QJsonObject& actor) const {
    SandboxAuditEvents::Context context;
    context.actor = actor;
    context.clientIp = request.peerAddress;
    context.userAgent = request.userAgent;
    context.requestId = request.requestId;
    context.requestUri = request.path;
    context.publishedMs = currentTimeMs();
    return context;
}

SandboxReply SandboxServer::postDetections(const SandboxRequest& request) {
    // An empty body means all defaults: one detection, rotating IP and outcome.
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        bool ok = false;
        const QJsonDocument document = parseBody(request.body, &ok);
        if (!ok)
            return SandboxReply::malformedBody();
        if (!document.isObject())
            return SandboxReply::validationFailed(
                QStringLiteral("detections"),
                {QStringLiteral("body: expected an object with optional count, ip and outcome")});
        body = document.object();
    }
    QStringList causes;
    const QStringList known{QStringLiteral("count"), QStringLiteral("ip"), QStringLiteral("outcome")};
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!known.contains(it.key()))
            causes << QStringLiteral("%1: unknown field (known: count, ip, outcome)").arg(it.key());
    }
    int count = 1;
    const QJsonValue countValue = body.value(QStringLiteral("count"));
    if (!countValue.isUndefined()) {
        const double number = countValue.toDouble(-1);
        if (!countValue.isDouble() || !(number >= 1 && number <= MaxGeneratedDetections) ||
            std::floor(number) != number)
            causes << QStringLiteral("count: %1 is not a whole number from 1 to %2")
                          .arg(SandboxRiskEventValidator::describe(countValue))
                          .arg(MaxGeneratedDetections);
        else
            count = static_cast<int>(number);
    }
    QString ip;
    const QJsonValue ipValue = body.value(QStringLiteral("ip"));
    if (!ipValue.isUndefined()) {
        if (!ipValue.isString() || !SandboxIpAddress::isSingleAddress(ipValue.toString()))
            causes << QStringLiteral("ip: %1 is not an IPv4 or IPv6 address")
                          .arg(SandboxRiskEventValidator::describe(ipValue));
        else
            ip = ipValue.toString();
    }
    QString outcome;
    const QJsonValue outcomeValue = body.value(QStringLiteral("outcome"));
    if (!outcomeValue.isUndefined()) {
        if (!outcomeValue.isString() || !SandboxDetections::outcomes().contains(outcomeValue.toString()))
            causes << QStringLiteral("outcome: %1 is not one of %2")
                          .arg(SandboxRiskEventValidator::describe(outcomeValue),
                               SandboxDetections::outcomes().join(QStringLiteral(", ")));
        else
            outcome = outcomeValue.toString();
    }
    if (!causes.isEmpty())
        return SandboxReply::validationFailed(QStringLiteral("detections"), causes);
    return SandboxReply::json(201, generateThreatDetections(count, ip, outcome));
}

QJsonObject SandboxServer::riskProvider() const {
    const QJsonObject self{
        {QStringLiteral("href"),
         baseUrl().toString() + QStringLiteral("/api/v1/risk/providers/") + RiskProviderId},
        {QStringLiteral("hints"),
         QJsonObject{{QStringLiteral("allow"), QJsonArray{QStringLiteral("GET"), QStringLiteral("PUT")}}}}};
    return QJsonObject{{QStringLiteral("id"), RiskProviderId},
                       {QStringLiteral("name"), QStringLiteral("ThreatDesk")},
                       {QStringLiteral("clientId"), RiskProviderClientId},
                       {QStringLiteral("action"), QStringLiteral("log_only")},
                       {QStringLiteral("created"), QStringLiteral("2025-10-07T06:41:12.000Z")},
                       {QStringLiteral("lastUpdated"), QStringLiteral("2025-10-07T06:41:12.000Z")},
                       {QStringLiteral("_links"), QJsonObject{{QStringLiteral("self"), self}}}};
}

bool SandboxServer::loadState(QString* error) {
    if (m_options.stateFile.isEmpty())
        return true;
    QFile file(m_options.stateFile);
    if (!file.exists())
        return true; // first run: seeded state, written on the first change
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read state file '%1': %2").arg(m_options.stateFile, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("state file '%1' is not a JSON object: %2")
                     .arg(m_options.stateFile, parseError.error != QJsonParseError::NoError
                                                   ? parseError.errorString()
                                                   : QStringLiteral("wrong type"));
        return false;
    }
    const QJsonObject state = document.object();
    QString problem;
    SandboxZoneCatalog zones;
    if (state.contains(QStringLiteral("zones")) &&
        !zones.restoreState(state.value(QStringLiteral("zones")).toArray(), &problem)) {
        *error = QStringLiteral("state file '%1': %2").arg(m_options.stateFile, problem);
        return false;
    }
    SandboxThreatInsight threatInsight;
    if (state.contains(QStringLiteral("threatInsight"))) {
        const std::optional<SandboxThreatInsight> loaded = SandboxThreatInsight::fromState(
            state.value(QStringLiteral("threatInsight")).toObject(), &problem);
        if (!loaded) {
            *error = QStringLiteral("state file '%1': %2").arg(m_options.stateFile, problem);
            return false;
        }
        threatInsight = *loaded;
    }
    m_zones = zones;
    m_threatInsight = threatInsight;
    return true;
}

void SandboxServer::saveState() const {
    if (m_options.stateFile.isEmpty())
        return;
    const QJsonObject state{{QStringLiteral("format"), QStringLiteral("threatdesk-sandbox-state")},
                            {QStringLiteral("version"), 1},
                            {QStringLiteral("threatInsight"), m_threatInsight.toState()},
                            {QStringLiteral("zones"), m_zones.toState()}};
    // QSaveFile: a crash or a full disk never leaves a half-written state behind.
    QSaveFile file(m_options.stateFile);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(state).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        qWarning("threatdesk-sandbox: cannot save state to '%s': %s", qUtf8Printable(m_options.stateFile),
                 qUtf8Printable(file.errorString()));
}
