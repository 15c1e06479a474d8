#include "riskevents/BatchPlanner.h"

#include "common/JsonWriter.h"

#include <QThread>

#include <algorithm>
#include <thread>
#include <vector>

namespace {

struct Literal {
    const char* text;
    qsizetype size;
};
template <size_t N> constexpr Literal literal(const char (&text)[N]) {
    return {text, N - 1};
}

constexpr Literal IpOpen = literal("{\"ip\":");
constexpr Literal MessageField = literal(",\"message\":");
constexpr Literal EventOpen = literal("{\"subjects\":[");
constexpr Literal LevelFields[] = {literal(",\"riskLevel\":\"HIGH\""), literal(",\"riskLevel\":\"MEDIUM\""),
                                   literal(",\"riskLevel\":\"LOW\"")};

const Literal& levelField(RiskLevel level) {
    return LevelFields[qMin<int>(static_cast<int>(level), 2)];
}

} // namespace

BatchPlanner::BatchPlanner()
    : BatchPlanner(Options{}) {}

BatchPlanner::BatchPlanner(Options options)
    : m_options(std::move(options)) {
    QDateTime timestamp =
        m_options.timestamp.isValid() ? m_options.timestamp : QDateTime::currentDateTimeUtc();
    // Okta keeps milliseconds; anything finer would make a re-planned body differ.
    m_options.timestamp = QDateTime::fromMSecsSinceEpoch(timestamp.toMSecsSinceEpoch(), Qt::UTC);
    if (m_options.timeToLiveSeconds && *m_options.timeToLiveSeconds <= 0)
        m_options.timeToLiveSeconds.reset();
    m_options.subjectsPerEvent = qBound(1, m_options.subjectsPerEvent, MaxSubjectsPerEvent);
    m_options.eventsPerRequest = qBound(1, m_options.eventsPerRequest, MaxEventsPerRequest);

    m_eventTail = "],\"timestamp\":\"" + formatTimestamp(m_options.timestamp).toLatin1() + '"';
    if (m_options.timeToLiveSeconds)
        m_eventTail += ",\"expiresAt\":\"" + formatTimestamp(expiresAt()).toLatin1() + '"';
    m_eventTail += '}';
}

QDateTime BatchPlanner::expiresAt() const {
    if (!m_options.timeToLiveSeconds)
        return {};
    return m_options.timestamp.addSecs(*m_options.timeToLiveSeconds);
}

QString BatchPlanner::formatTimestamp(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QVector<int> BatchPlanner::priorityOrder(const QVector<RiskSubject>& subjects) {
    // Stable bucket sort on three levels in one pass over the subjects (they are large and a
    // million of them do not fit any cache: every pass counts).
    const int count = static_cast<int>(subjects.size());
    QVector<int> order(count);
    std::vector<int> lower[2]; // MEDIUM, LOW; HIGH goes straight into `order`
    lower[0].reserve(count / 2);
    lower[1].reserve(count / 2);
    int* high = order.data();
    const RiskSubject* data = subjects.constData();
    for (int i = 0; i < count; ++i) {
        const int level = static_cast<int>(data[i].level);
        if (level == 0)
            *high++ = i;
        else
            lower[level >= 2 ? 1 : 0].push_back(i);
    }
    for (const std::vector<int>& bucket : lower)
        high = std::copy(bucket.begin(), bucket.end(), high);
    return order;
}

QVector<PlannedRequest> BatchPlanner::plan(const QVector<RiskSubject>& subjects, bool withBodies) const {
    const QVector<int> order = priorityOrder(subjects);
    const int perRequest = subjectsPerRequest();
    QVector<PlannedRequest> requests((order.size() + perRequest - 1) / perRequest);
    for (qsizetype r = 0; r < requests.size(); ++r) {
        requests[r].id = static_cast<int>(r) + 1;
        requests[r].subjects = order.mid(r * perRequest, perRequest);
    }
    if (!withBodies)
        return requests;

    // Bodies are independent: a large plan is built on a few threads. They only read the
    // subjects (no QString is copied, so no reference count is touched) and each writes its
    // own requests through a raw pointer taken before they start.
    PlannedRequest* out = requests.data();
    auto build = [&subjects, out, this](qsizetype first, qsizetype last) {
        for (qsizetype r = first; r < last; ++r)
            out[r].body = buildBody(subjects, out[r].subjects);
    };
    constexpr qsizetype MinRequestsPerThread = 16;
    const qsizetype cores = qBound(1, QThread::idealThreadCount(), 8);
    const qsizetype threads = qBound<qsizetype>(1, requests.size() / MinRequestsPerThread, cores);
    std::vector<std::thread> workers;
    const qsizetype chunk = (requests.size() + threads - 1) / threads;
    for (qsizetype t = 1; t < threads; ++t)
        workers.emplace_back(build, t * chunk, qMin(requests.size(), (t + 1) * chunk));
    build(0, qMin(requests.size(), chunk));
    for (std::thread& worker : workers)
        worker.join();
    return requests;
}

QByteArray BatchPlanner::buildBody(const QVector<RiskSubject>& subjects, const QVector<int>& indices) const {
    const qsizetype count = indices.size();
    const int perEvent = m_options.subjectsPerEvent;
    const RiskSubject* data = subjects.constData();
    const int* index = indices.constData();

    // The exact size for ASCII content, so the buffer is allocated once and never shrunk. This
    // pass also pulls the subjects and their strings towards the cache (a million subjects are
    // visited in priority order, not in memory order: the time goes to cache misses).
    const qsizetype events = (count + perEvent - 1) / perEvent;
    qsizetype size = 2 + events * (EventOpen.size + m_eventTail.size() + 1);
    constexpr qsizetype Ahead = 8;
    for (qsizetype i = 0; i < count; ++i) {
        if (i + Ahead < count)
            __builtin_prefetch(&data[index[i + Ahead]]);
        const RiskSubject& subject = data[index[i]];
        __builtin_prefetch(subject.ip.constData());
        __builtin_prefetch(subject.message.constData());
        size += IpOpen.size + JsonWriter::plainStringSize(subject.ip) + levelField(subject.level).size + 2;
        if (!subject.message.isEmpty())
            size += MessageField.size + JsonWriter::plainStringSize(subject.message);
    }

    QByteArray body;
    body.reserve(size);
    JsonWriter out(body);
    out.raw('[');
    for (qsizetype i = 0; i < count; ++i) {
        if (i % perEvent == 0) {
            if (i > 0) {
                out.raw(m_eventTail);
                out.raw(',');
            }
            out.raw(EventOpen.text, EventOpen.size);
        } else {
            out.raw(',');
        }
        const RiskSubject& subject = data[index[i]];
        out.raw(IpOpen.text, IpOpen.size);
        out.string(subject.ip);
        const Literal& level = levelField(subject.level);
        out.raw(level.text, level.size);
        if (!subject.message.isEmpty()) {
            out.raw(MessageField.text, MessageField.size);
            out.string(subject.message);
        }
        out.raw('}');
    }
    if (count > 0)
        out.raw(m_eventTail);
    out.raw(']');
    out.finish();
    return body;
}

int BatchPlanner::positionOf(int event, int index, int count) const {
    if (event < 0 || index < 0 || index >= m_options.subjectsPerEvent)
        return -1;
    const qint64 position = static_cast<qint64>(event) * m_options.subjectsPerEvent + index;
    return position < count ? static_cast<int>(position) : -1;
}
