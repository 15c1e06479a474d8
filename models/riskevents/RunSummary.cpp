#include "riskevents/RunSummary.h"

#include "riskevents/BatchPlanner.h"
#include "riskevents/RunJournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <limits>

namespace {

QDateTime parseTime(const QJsonValue& value) {
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

std::optional<QByteArray> readBytes(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = RunSummary::tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<QJsonObject> parseObject(const QByteArray& bytes, const QString& path, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        *error = RunSummary::tr("%1 is not a JSON object (%2)")
                     .arg(QDir::toNativeSeparators(path), parseError.error == QJsonParseError::NoError
                                                              ? RunSummary::tr("not an object")
                                                              : parseError.errorString());
        return std::nullopt;
    }
    return document.object();
}

std::optional<QJsonObject> readObject(const QString& path, QString* error) {
    const auto bytes = readBytes(path, error);
    return bytes ? parseObject(*bytes, path, error) : std::nullopt;
}

struct RequestFile {
    int parent = 0;
    int subjects = 0;
};

// A request file as RunJournal writes it ({"id":…,"parent":…,"subjects":[i,…]}), read without
// a JSON parser; anything else (nullopt) goes through QJsonDocument.
std::optional<RequestFile> quickRequest(const QByteArray& bytes) {
    const QByteArray text = bytes.trimmed();
    if (!text.startsWith('{') || !text.endsWith('}'))
        return std::nullopt;
    const qsizetype parentAt = text.indexOf("\"parent\":");
    const qsizetype subjectsAt = text.indexOf("\"subjects\":[");
    if (parentAt < 0 || subjectsAt < 0)
        return std::nullopt;
    const qsizetype open = subjectsAt + 12;
    const qsizetype close = text.indexOf(']', open);
    if (close < 0)
        return std::nullopt;
    RequestFile request;
    qsizetype p = parentAt + 9;
    if (p >= text.size() || text[p] < '0' || text[p] > '9')
        return std::nullopt;
    for (; p < text.size() && text[p] >= '0' && text[p] <= '9'; ++p)
        request.parent = request.parent * 10 + (text[p] - '0');
    bool empty = true;
    for (qsizetype i = open; i < close; ++i) {
        const char c = text[i];
        if (c == ',')
            ++request.subjects;
        else if (c >= '0' && c <= '9')
            empty = false;
        else if (c != ' ' && c != '\n')
            return std::nullopt;
    }
    request.subjects = empty ? 0 : request.subjects + 1;
    return request;
}

std::optional<RequestFile> readRequest(const QString& path, QString* error) {
    const auto bytes = readBytes(path, error);
    if (!bytes)
        return std::nullopt;
    if (const auto request = quickRequest(*bytes))
        return request;
    const auto object = parseObject(*bytes, path, error);
    if (!object)
        return std::nullopt;
    return RequestFile{object->value(QStringLiteral("parent")).toInt(),
                       static_cast<int>(object->value(QStringLiteral("subjects")).toArray().size())};
}

struct Outcome {
    QString status;
    int rejected = 0;
    QVector<int> children;
};

// Fills one RunSummary; keeps what only the counting needs.
class Reader {
public:
    explicit Reader(RunSummary& summary)
        : m_s(summary) {}

    void read();

private:
    bool readMeta();
    void readRequestFiles();
    void readState();
    int requestSize(int id);
    void visit(int id);

    RunSummary& m_s;
    int m_perRequest = 1;
    bool m_packingHolds = false; // planned sizes follow from run.json's packing
    QHash<int, Outcome> m_outcomes;
    QHash<int, QString> m_written; // request id → its request file
    QHash<int, RequestFile> m_splits;
    std::optional<QJsonArray> m_plan;
    QSet<int> m_visited;
    QStringList m_problems;
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
};

bool Reader::readMeta() {
    QString error;
    const auto meta = readObject(m_s.directory + QStringLiteral("/run.json"), &error);
    if (!meta) {
        m_s.error = error;
        return false;
    }
    const int format = meta->value(QStringLiteral("format")).toInt();
    const qint64 subjects = meta->value(QStringLiteral("subjectCount")).toInteger(-1);
    m_s.plannedRequests = meta->value(QStringLiteral("plannedRequests")).toInt(-1);
    if (format != RunJournal::FormatVersion)
        m_s.error = RunSummary::tr("run.json has the unknown journal format %1").arg(format);
    else if (subjects < 0 || subjects > std::numeric_limits<int>::max())
        m_s.error = RunSummary::tr("run.json has no subject count");
    else if (m_s.plannedRequests < 0)
        m_s.error = RunSummary::tr("run.json has no number of planned requests");
    if (!m_s.error.isEmpty())
        return false;

    m_s.runId = meta->value(QStringLiteral("runId")).toString();
    m_s.profileId = meta->value(QStringLiteral("profileId")).toString();
    m_s.createdAt = parseTime(meta->value(QStringLiteral("createdAt")));
    m_s.timestamp = parseTime(meta->value(QStringLiteral("timestamp")));
    if (meta->contains(QStringLiteral("timeToLiveSeconds")))
        m_s.timeToLiveSeconds = meta->value(QStringLiteral("timeToLiveSeconds")).toInteger();
    m_s.subjects = static_cast<int>(subjects);
    // The planner cuts the priority order into full requests and one remainder.
    m_perRequest = qBound(1, meta->value(QStringLiteral("subjectsPerEvent")).toInt(1),
                          BatchPlanner::MaxSubjectsPerEvent) *
                   qBound(1, meta->value(QStringLiteral("eventsPerRequest")).toInt(1),
                          BatchPlanner::MaxEventsPerRequest);
    m_packingHolds = m_s.plannedRequests == (m_s.subjects + m_perRequest - 1) / m_perRequest;
    return true;
}

// Outcome files are parsed; request files are only listed, except the splits' (their size and
// parent are nowhere else).
void Reader::readRequestFiles() {
    const QVector<RunJournal::RequestFile> files = RunJournal::requestFiles(m_s.directory);
    for (const RunJournal::RequestFile& file : files) {
        QString error;
        if (!file.isOutcome) {
            m_written.insert(file.id, file.path);
            if (file.id <= m_s.plannedRequests)
                continue;
            if (const auto split = readRequest(file.path, &error))
                m_splits.insert(file.id, *split);
            else
                m_problems.append(error);
            continue;
        }
        const auto object = readObject(file.path, &error);
        if (!object) {
            m_problems.append(error);
            continue;
        }
        RunSummary::Answer answer;
        answer.id = file.id;
        answer.status = object->value(QStringLiteral("status")).toString();
        answer.httpStatus = object->value(QStringLiteral("httpStatus")).toInt();
        answer.requestId = object->value(QStringLiteral("requestId")).toString();
        answer.answeredAt = parseTime(object->value(QStringLiteral("answeredAt")));
        answer.detail = object->value(QStringLiteral("detail")).toString();
        if (answer.status != QLatin1String("accepted") && answer.status != QLatin1String("processed") &&
            answer.status != QLatin1String("pending")) {
            m_problems.append(
                RunSummary::tr("%1 has the unknown status \"%2\"").arg(file.name, answer.status));
            continue;
        }
        Outcome outcome;
        outcome.status = answer.status;
        outcome.rejected = static_cast<int>(object->value(QStringLiteral("rejected")).toArray().size());
        const QJsonArray children = object->value(QStringLiteral("children")).toArray();
        for (const QJsonValue& child : children)
            outcome.children.append(child.toInt());
        m_outcomes.insert(file.id, outcome);
        m_s.answers.append(answer); // files come by name: ids ascending
    }
}

void Reader::readState() {
    const QString path = m_s.directory + QStringLiteral("/state.json");
    if (!QFile::exists(path))
        return;
    QString error;
    const auto state = readObject(path, &error);
    if (!state) {
        m_problems.append(error);
        return;
    }
    m_s.state = state->value(QStringLiteral("state")).toString();
    m_s.reason = state->value(QStringLiteral("reason")).toString();
    m_s.stateWrittenAt = QFileInfo(path).lastModified().toUTC();
    m_s.finished = m_s.state == QLatin1String("stopped") && m_s.reasonKey() == QLatin1String("Completed");
}

// Subjects of an accepted request: a split's from its file, a planned one's from the packing
// (else its file, else plan.json).
int Reader::requestSize(int id) {
    if (id > m_s.plannedRequests)
        return m_splits.value(id).subjects;
    if (m_packingHolds)
        return qBound(0, m_s.subjects - (id - 1) * m_perRequest, m_perRequest);
    QString error;
    const auto file = m_written.constFind(id);
    if (file != m_written.cend()) {
        if (const auto request = readRequest(*file, &error))
            return request->subjects;
        m_problems.append(error);
    }
    if (!m_plan) {
        const auto plan = readObject(m_s.directory + QStringLiteral("/plan.json"), &error);
        if (!plan)
            m_problems.append(error);
        m_plan = plan ? plan->value(QStringLiteral("requests")).toArray() : QJsonArray();
    }
    if (id - 1 < m_plan->size())
        return static_cast<int>(m_plan->at(id - 1).toArray().size());
    m_problems.append(RunSummary::tr("request %1 was answered but its subjects are not on disk").arg(id));
    return 0;
}

// The same walk as RunJournal::load(): planned requests in order, each split in place of its
// parent, so a subject is counted once however often its request was split.
void Reader::visit(int id) {
    if (m_visited.contains(id))
        return;
    m_visited.insert(id);
    const auto outcome = m_outcomes.constFind(id);
    if (outcome == m_outcomes.cend() || outcome->status == QLatin1String("pending")) {
        if (outcome == m_outcomes.cend() && m_written.contains(id))
            ++m_s.unconfirmedRequests;
        ++m_s.waitingRequests;
        return;
    }
    if (outcome->status == QLatin1String("accepted")) {
        m_accepted += requestSize(id);
        return;
    }
    m_rejected += outcome->rejected;
    for (int child : outcome->children) {
        const auto split = m_splits.constFind(child);
        if (split != m_splits.cend() && split->parent == id)
            visit(child);
    }
}

void Reader::read() {
    if (!readMeta())
        return;
    m_s.readable = true;
    readRequestFiles();
    for (int id = 1; id <= m_s.plannedRequests; ++id)
        visit(id);
    // Whatever a damaged journal leaves unexplained stays pending.
    m_s.accepted = static_cast<int>(qMin<qint64>(m_accepted, m_s.subjects));
    m_s.rejected = static_cast<int>(qMin<qint64>(m_rejected, m_s.subjects - m_s.accepted));
    m_s.pending = m_s.subjects - m_s.accepted - m_s.rejected;
    for (const RunSummary::Answer& answer : std::as_const(m_s.answers)) {
        if (!answer.requestId.isEmpty())
            m_s.requestIds.append(answer.requestId);
    }
    readState();
    m_s.error = m_problems.join(QLatin1Char('\n'));
}

} // namespace

QString RunSummary::reasonKey() const {
    const qsizetype colon = reason.indexOf(QStringLiteral(": "));
    return colon < 0 ? reason : reason.left(colon);
}

QString RunSummary::reasonText() const {
    const qsizetype colon = reason.indexOf(QStringLiteral(": "));
    return colon < 0 ? QString() : reason.mid(colon + 2);
}

RunSummary RunSummary::read(const QString& runDirectory) {
    RunSummary summary;
    summary.directory = runDirectory;
    Reader(summary).read();
    return summary;
}
