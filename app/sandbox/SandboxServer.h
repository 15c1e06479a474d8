#pragma once

#include "SandboxAuditEvents.h"
#include "SandboxFault.h"
#include "SandboxOAuth.h"
#include "SandboxOptions.h"
#include "SandboxRateLimiter.h"
#include "SandboxReply.h"
#include "SandboxRequest.h"
#include "SandboxSystemLog.h"
#include "SandboxThreatInsight.h"
#include "SandboxZoneCatalog.h"

#include <QAbstractHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QHttpServerResponder;
class QTcpServer;

// The sandbox org: a local Okta look-alike on 127.0.0.1 for the CLI's --sandbox mode, the demo
// and the integration tests. It follows Okta's documented behaviour (auth, rate-limit headers,
// error bodies, validation) strictly and independently of the client code, and can misbehave on
// request (faults) so the client's failure handling can be exercised.
//
// QAbstractHttpServer is subclassed directly (not QHttpServer) so that one function routes every
// request, one function decorates every answer, and the socket is at hand for faults that must
// cut the connection.
class SandboxServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    static inline const QString DefaultToken = QStringLiteral("sandbox-admin-token-0123456789");
    static inline const QString DefaultReadOnlyToken = QStringLiteral("sandbox-readonly-token-0123456789");
    // The one registered risk provider and the service app it belongs to.
    static inline const QString RiskProviderId = QStringLiteral("rkp4Thr3atD3skSbx0g7");
    static inline const QString RiskProviderClientId = QStringLiteral("0oa4Thr3atD3skCli0g7");

    // SANDBOX-ONLY key pair, published on purpose: the seeded service app (client id
    // RiskProviderClientId, all scopes) trusts its public half from the start, so demos can sign
    // client assertions for the loopback sandbox org without setting up a key. It protects nothing;
    // never register it with a real org.
    static inline const QString DemoServiceAppKeyId = QStringLiteral("sandbox-demo-es256");
    static QJsonObject demoServiceAppPublicJwk();
    static QJsonObject demoServiceAppPrivateJwk(); // EC P-256 JWK with "d" and "kid"

    explicit SandboxServer(SandboxOptions options = {}, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Loads the state file (if any) and listens on 127.0.0.1 only.
    bool start(QString* error = nullptr);
    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const; // e.g. http://127.0.0.1:40123 (empty before start)
    QString token() const;
    QString readOnlyToken() const;
    const SandboxOptions& options() const { return m_options; }
    QUrl tokenEndpoint() const; // <base>/oauth2/v1/token: the "aud" of client assertions

    // Registers an OAuth service app key (public RSA >= 2048 bits or EC P-256 JWK); allowed scopes
    // empty = all. Registering the same client id again adds the key and replaces the scopes.
    // SandboxOptions::serviceApps are registered by start().
    bool registerServiceApp(const QString& clientId, const QJsonObject& publicJwk,
                            const QStringList& allowedScopes = {}, QString* error = nullptr);

    void injectFault(const SandboxFault& fault); // queued; faults are consumed in order
    void clearFaults();
    QList<SandboxFault> pendingFaults() const;

    // Every accepted subject: {ip,riskLevel,message,requestId,receivedAt,eventIndex,subjectIndex}
    // plus the event's timestamp/expiresAt when it had them.
    QJsonArray acceptedRiskSubjects() const;
    QJsonArray systemLogEvents() const;
    QJsonArray zones() const; // with _links
    // The zones every sandbox starts with (no _links), in listing order; ids are stable.
    static QList<QJsonObject> seedZones();
    QJsonObject threatInsightConfiguration() const;
    int requestCount() const { return m_requestCount; }   // answers written (any status, admin API too)
    int receivedCount() const { return m_receivedCount; } // requests received, including reset/dropped ones

    // Appends `count` security.threat.detected events published now (sandbox clock); `ip` and
    // `outcome` empty = rotate through documentation IPs / DENY, RATE_LIMIT, ALLOW. Returns them.
    // (POST /_sandbox/detections validates its input first; this takes count < 1 as none.)
    QJsonArray generateThreatDetections(int count, const QString& ip = {}, const QString& outcome = {});

    // Test hook: replaces the system clock (milliseconds since the epoch); the skew still applies.
    // The seeded detections (SandboxOptions::seedDetections) move with it: they are seeded again
    // relative to the new clock.
    void setTimeSource(std::function<qint64()> msecsSinceEpoch);
    qint64 currentTimeMs() const; // the server clock: system (or test) clock + skew

signals:
    void requestServed(const QString& method, const QString& path,
                       int status); // after every answer (not for resets)

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    enum class Caller { Anonymous, Admin, ReadOnly, OAuth };
    struct Outcome {
        SandboxReply reply;
        std::optional<SandboxRateLimiter::Snapshot> rate;
    };

    static SandboxRequest copyRequest(const QHttpServerRequest& request);
    qint64 currentTimeSeconds() const;
    QString now() const;

    std::optional<SandboxFault> takeFault(const QString& path);
    void respond(QHttpServerResponder& responder, const SandboxRequest& request);
    Outcome process(const SandboxRequest& request);
    Caller authenticate(const SandboxRequest& request) const;
    SandboxReply route(const SandboxRequest& request, Caller caller,
                       const SandboxOAuth::Grant* grant = nullptr);
    SandboxReply handleAdmin(const SandboxRequest& request);
    // The one place that decorates answers: Date, X-Okta-Request-Id, X-Rate-Limit-*, Content-Type.
    void writeReply(QHttpServerResponder& responder, const SandboxRequest& request, const SandboxReply& reply,
                    const std::optional<SandboxRateLimiter::Snapshot>& rate);

    SandboxReply postThreatInsight(const SandboxRequest& request, const QJsonObject& actor);
    SandboxReply listZones(const SandboxRequest& request) const;
    SandboxReply getZone(const QString& id) const;
    SandboxReply putZone(const QString& id, const SandboxRequest& request, const QJsonObject& actor);
    SandboxReply deleteZone(const QString& id, const SandboxRequest& request, const QJsonObject& actor);
    SandboxReply setZoneStatus(const QString& id, const QString& status, const SandboxRequest& request,
                               const QJsonObject& actor);
    SandboxReply postDetections(const SandboxRequest& request);
    SandboxAuditEvents::Context auditContext(const SandboxRequest& request, const QJsonObject& actor) const;
    void seedDetections();
    SandboxReply postRiskEvents(const SandboxRequest& request);
    SandboxReply listLogs(const SandboxRequest& request) const;
    QJsonObject riskProvider() const;

    QByteArray linkHeader(const QString& path, const QList<QPair<QString, QString>>& query,
                          const char* rel) const;

    bool loadState(QString* error);
    void saveState() const;

    SandboxOptions m_options;
    QString m_token;
    QString m_readOnlyToken;
    QPointer<QTcpServer> m_tcpServer;
    quint16 m_port = 0;
    std::function<qint64()> m_timeSource;

    SandboxRateLimiter m_limiter;
    SandboxOAuth m_oauth;
    QList<SandboxFault> m_faults;
    SandboxZoneCatalog m_zones;
    SandboxThreatInsight m_threatInsight;
    SandboxSystemLog m_log;
    QJsonArray m_acceptedSubjects;
    int m_generatedDetections = 0; // rotation position of generateThreatDetections()
    int m_requestCount = 0;
    int m_receivedCount = 0;
};
