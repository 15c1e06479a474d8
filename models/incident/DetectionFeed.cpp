#include "incident/DetectionFeed.h"

#include "api/OktaClient.h"
#include "api/PagedListJob.h"
#include "common/Clock.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

DetectionFeed::DetectionFeed(OktaClient* client, Clock* clock, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_pageSize(OktaClient::DefaultLogPageSize) {}

DetectionFeed::~DetectionFeed() {
    // No signals from a dying feed: just make sure the job cannot call back into it.
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

void DetectionFeed::setPageSize(int pageSize) {
    m_pageSize = std::clamp(pageSize, 1, OktaClient::DefaultLogPageSize);
}

bool DetectionFeed::refresh(qint64 lookbackSeconds) {
    const QDateTime now = m_clock->nowUtc();
    return refreshRange(now.addSecs(-lookbackSeconds), now);
}

bool DetectionFeed::refreshRange(const QDateTime& since, const QDateTime& until) {
    if (isLoading())
        return false;
    if (!since.isValid() || !until.isValid() || since >= until) {
        // Nothing to ask Okta; say why instead of loading an empty list that looks like "no threats".
        m_lastFailure = OktaResult();
        m_lastFailure.outcome = OktaResult::Outcome::NotSent;
        m_lastFailure.method = "GET";
        m_lastFailure.url = m_client->endpointUrl(QStringLiteral("/api/v1/logs"));
        m_lastFailure.detail =
            tr("the time range is empty: since %1 is not before until %2")
                .arg(since.toUTC().toString(Qt::ISODate), until.toUTC().toString(Qt::ISODate));
        emit failed(tr("Reading the System Log failed: %1").arg(m_lastFailure.describe()));
        return false;
    }
    m_since = since.toUTC();
    m_until = until.toUTC();
    m_job = m_client->listSystemLog(m_since, m_until, ThreatDetection::systemLogFilter(), m_pageSize);
    connect(m_job, &OktaJob::finished, this, &DetectionFeed::onListed);
    emit loadingChanged(true);
    return true;
}

void DetectionFeed::cancel() {
    if (!m_job)
        return;
    PagedListJob* job = m_job;
    m_job = nullptr;
    job->disconnect(this);
    job->abort();
    emit loadingChanged(false);
}

void DetectionFeed::onListed(const OktaResult& result) {
    // Not loading any more before anyone hears about it, so a listener may refresh again at once.
    m_job = nullptr;
    emit loadingChanged(false);

    if (!result.isSuccess()) {
        m_lastFailure = result;
        emit failed(tr("Reading the System Log failed: %1").arg(result.describe()));
        return;
    }

    QList<ThreatDetection> detections;
    QStringList skipped;
    const QJsonArray events = result.body.array();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonValue value = events.at(i);
        const QString uuid = value.toObject().value(QLatin1String("uuid")).toString().trimmed();
        const QString which = uuid.isEmpty() ? tr("event #%1").arg(i + 1) : tr("event %1").arg(uuid);
        if (!value.isObject()) {
            skipped << tr("%1: not a JSON object").arg(which);
            continue;
        }
        QString error;
        if (auto detection = ThreatDetection::fromLogEvent(value.toObject(), &error))
            detections.append(*detection);
        else
            skipped << tr("%1: %2").arg(which, error);
    }
    // Okta lists oldest first; reversing before a stable sort keeps same-millisecond events in
    // newest-first order too.
    std::reverse(detections.begin(), detections.end());
    std::stable_sort(
        detections.begin(), detections.end(),
        [](const ThreatDetection& a, const ThreatDetection& b) { return a.published > b.published; });

    m_detections = detections;
    m_loadedSince = m_since;
    m_loadedUntil = m_until;
    m_lastRefreshed = m_clock->nowUtc();
    emit loaded(m_detections, skipped);
}
