#pragma once

#include "api/OktaResult.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <memory>

class AuthProvider;
class OktaJob;
class PagedListJob;
class QNetworkAccessManager;

// The one door to an Okta org: one method per endpoint, each returning a job that emits
// `finished` exactly once. The network access manager, the auth provider and the timeouts
// are injected so tests run over loopback without sleeps.
class OktaClient : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultTransferTimeoutMs = 30000;
    static constexpr qint64 DefaultMaxResponseBytes = 32 * 1024 * 1024;
    static constexpr int DefaultZonePageSize = 200;
    static constexpr int DefaultLogPageSize = 1000;

    explicit OktaClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~OktaClient() override;

    // Applies BaseUrlPolicy; false (and the reason) when the URL is refused.
    bool setBaseUrl(const QString& orgUrl, QString* error = nullptr);
    QUrl baseUrl() const { return m_baseUrl; }
    void setAuthProvider(std::shared_ptr<AuthProvider> provider);
    AuthProvider* authProvider() const { return m_auth.get(); }
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    int transferTimeoutMs() const { return m_transferTimeoutMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }
    void setZonePageSize(int size) { m_zonePageSize = size; }
    QNetworkAccessManager* networkAccessManager() const { return m_nam; }
    static QByteArray userAgent();

    // ThreatInsight: GET and POST /api/v1/threats/configuration.
    OktaJob* getThreatInsightConfiguration();
    OktaJob* updateThreatInsightConfiguration(const QJsonObject& configuration);
    // Network zones: every page of GET /api/v1/zones, followed through Link rel="next";
    // the result body is one array of all zones. `filter` is Okta's filter expression.
    PagedListJob* listZones(const QString& filter = {});
    OktaJob* getZone(const QString& zoneId);
    // PUT /api/v1/zones/{id}: replaces the whole zone with `zone` (read-only fields may stay).
    OktaJob* replaceZone(const QString& zoneId, const QJsonObject& zone);
    // System Log: every page of GET /api/v1/logs between `since` and `until` (both UTC, `until`
    // bounds the query so the Link rel="next" chain ends), oldest first. `filter` is Okta's
    // filter expression; `pageSize` is the `limit` of each page (Okta allows 1..1000).
    PagedListJob* listSystemLog(const QDateTime& since, const QDateTime& until, const QString& filter = {},
                                int pageSize = DefaultLogPageSize);
    // Risk events: POST /api/v1/risk/events/ip with a prepared JSON array body.
    OktaJob* sendRiskEvents(const QByteArray& jsonArrayBody);
    OktaJob* listRiskProviders();

    // Lower level, for endpoints without a dedicated method.
    OktaJob* request(const QByteArray& method, const QString& path, const QUrlQuery& query = {},
                     const QByteArray& body = {});
    QUrl endpointUrl(const QString& path, const QUrlQuery& query = {}) const;

signals:
    // Every HTTP exchange (each page of a list too), for observers such as rate-limit gauges.
    void exchangeFinished(const OktaResult& result);

private:
    friend class OktaJob;
    template <typename Job> Job* startJob(Job* job);

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    std::shared_ptr<AuthProvider> m_auth;
    int m_transferTimeoutMs = DefaultTransferTimeoutMs;
    qint64 m_maxResponseBytes = DefaultMaxResponseBytes;
    int m_zonePageSize = DefaultZonePageSize;
};
