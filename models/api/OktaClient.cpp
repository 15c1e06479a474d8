#include "api/OktaClient.h"

#include "api/AuthProvider.h"
#include "api/BaseUrlPolicy.h"
#include "api/OktaJob.h"
#include "api/OktaTime.h"
#include "api/PagedListJob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QSysInfo>

OktaClient::OktaClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam) {
    qRegisterMetaType<OktaResult>();
}

OktaClient::~OktaClient() = default;

bool OktaClient::setBaseUrl(const QString& orgUrl, QString* error) {
    const QUrl url = BaseUrlPolicy::normalize(orgUrl, error);
    if (url.isEmpty())
        return false;
    m_baseUrl = url;
    return true;
}

void OktaClient::setAuthProvider(std::shared_ptr<AuthProvider> provider) {
    m_auth = std::move(provider);
}

QByteArray OktaClient::userAgent() {
    return QByteArrayLiteral("ThreatDesk/" THREATDESK_VERSION " (Qt ") + qVersion() + "; " +
           QSysInfo::prettyProductName().toUtf8() + ')';
}

QUrl OktaClient::endpointUrl(const QString& path, const QUrlQuery& query) const {
    QUrl url = m_baseUrl;
    url.setPath(path, QUrl::TolerantMode); // callers percent-encode ids themselves
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

template <typename Job> Job* OktaClient::startJob(Job* job) {
    // Queued so that the caller connects to `finished` before anything can happen.
    QMetaObject::invokeMethod(job, &OktaJob::start, Qt::QueuedConnection);
    return job;
}

OktaJob* OktaClient::request(const QByteArray& method, const QString& path, const QUrlQuery& query,
                             const QByteArray& body) {
    return startJob(new OktaJob(this, method, endpointUrl(path, query), body));
}

OktaJob* OktaClient::getThreatInsightConfiguration() {
    return request("GET", QStringLiteral("/api/v1/threats/configuration"));
}

OktaJob* OktaClient::updateThreatInsightConfiguration(const QJsonObject& configuration) {
    return request("POST", QStringLiteral("/api/v1/threats/configuration"), {},
                   QJsonDocument(configuration).toJson(QJsonDocument::Compact));
}

PagedListJob* OktaClient::listZones(const QString& filter) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_zonePageSize));
    if (!filter.isEmpty())
        query.addQueryItem(QStringLiteral("filter"), QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    return startJob(new PagedListJob(this, endpointUrl(QStringLiteral("/api/v1/zones"), query)));
}

OktaJob* OktaClient::getZone(const QString& zoneId) {
    return request("GET",
                   QStringLiteral("/api/v1/zones/") + QString::fromLatin1(QUrl::toPercentEncoding(zoneId)));
}

OktaJob* OktaClient::replaceZone(const QString& zoneId, const QJsonObject& zone) {
    return request("PUT",
                   QStringLiteral("/api/v1/zones/") + QString::fromLatin1(QUrl::toPercentEncoding(zoneId)),
                   {}, QJsonDocument(zone).toJson(QJsonDocument::Compact));
}

PagedListJob* OktaClient::listSystemLog(const QDateTime& since, const QDateTime& until, const QString& filter,
                                        int pageSize) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), OktaTime::format(since));
    query.addQueryItem(QStringLiteral("until"), OktaTime::format(until));
    query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    if (!filter.isEmpty())
        query.addQueryItem(QStringLiteral("filter"), QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    return startJob(new PagedListJob(this, endpointUrl(QStringLiteral("/api/v1/logs"), query)));
}

OktaJob* OktaClient::sendRiskEvents(const QByteArray& jsonArrayBody) {
    return request("POST", QStringLiteral("/api/v1/risk/events/ip"), {}, jsonArrayBody);
}

OktaJob* OktaClient::listRiskProviders() {
    return request("GET", QStringLiteral("/api/v1/risk/providers"));
}
