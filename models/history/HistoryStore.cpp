#include "history/HistoryStore.h"

#include "riskevents/RunJournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <functional>
#include <optional>

namespace {

const QString ThreatInsightFileName = QStringLiteral("threatinsight.jsonl");

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QJsonValue& value) {
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString readableTime(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                          : HistoryStore::tr("unknown");
}

QString number(qint64 value) {
    return QLocale().toString(value);
}

std::optional<QJsonObject> readObject(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            HistoryStore::tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = HistoryStore::tr("%1 is not a JSON object (%2)")
                     .arg(QDir::toNativeSeparators(path), parseError.error == QJsonParseError::NoError
                                                              ? HistoryStore::tr("not an object")
                                                              : parseError.errorString());
        return std::nullopt;
    }
    return document.object();
}

QString subjectsText(qint64 count) {
    return count == 1 ? HistoryStore::tr("1 subject") : HistoryStore::tr("%1 subjects").arg(number(count));
}

// The scheduler writes "stopped" with "<StopReason key>: <explanation>".
QString stopReasonText(const QString& key) {
    if (key == QLatin1String("Unauthorized"))
        return HistoryStore::tr("credentials not accepted (401)");
    if (key == QLatin1String("Forbidden"))
        return HistoryStore::tr("not allowed to send risk events (403)");
    if (key == QLatin1String("EndpointGone"))
        return HistoryStore::tr("the org no longer accepts IP risk events");
    if (key == QLatin1String("RetriesExhausted"))
        return HistoryStore::tr("Okta did not take a request after several attempts");
    if (key == QLatin1String("NotSent"))
        return HistoryStore::tr("nothing could be sent");
    if (key == QLatin1String("Refused"))
        return HistoryStore::tr("an answer ThreatDesk cannot act on");
    if (key == QLatin1String("JournalError"))
        return HistoryStore::tr("the run's journal could not be written");
    return key.isEmpty() ? HistoryStore::tr("no reason recorded") : key;
}

struct OutcomeFile {
    QString status; // accepted | processed | pending
    int httpStatus = 0;
    QString requestId;
    QDateTime answeredAt;
    int rejected = 0;
    QVector<int> children;
    QString detail;
};

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

// Reads one run directory: run.json, state.json, the request and outcome files (and plan.json
// only when an answered request has no request file), never subjects.jsonl.
class RunReader {
public:
    RunReader(QString directory, QDateTime liveSince)
        : m_dir(std::move(directory))
        , m_liveSince(std::move(liveSince)) {}

    HistoryEntry read();

private:
    HistoryEntry unreadable(const QString& reason) const;
    std::optional<int> requestSubjects(int id);
    void visit(int id, QSet<int>& visited);

    QString m_dir;
    QDateTime m_liveSince;
    int m_plannedCount = 0;
    QHash<int, OutcomeFile> m_outcomes;
    QHash<int, RequestFile> m_requests;
    std::optional<QJsonArray> m_plan;
    QStringList m_problems;
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
    int m_unconfirmed = 0;
    int m_waiting = 0; // requests still to deliver
};

HistoryEntry RunReader::unreadable(const QString& reason) const {
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::RiskRun;
    // The run id starts with its creation time: the best "when" a damaged run still has.
    const QString runId = QFileInfo(m_dir).fileName();
    const QDateTime parsed = QDateTime::fromString(runId.left(19), QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    if (parsed.isValid())
        entry.when = QDateTime(parsed.date(), parsed.time(), Qt::UTC);
    entry.outcome = QStringLiteral("unreadable");
    entry.summary = HistoryStore::tr("Run %1 cannot be read: %2").arg(runId, reason);
    entry.details =
        HistoryStore::tr("This run's journal is damaged and cannot be listed.\nReason: %1").arg(reason);
    entry.runDirectory = m_dir;
    return entry;
}

std::optional<int> RunReader::requestSubjects(int id) {
    const auto known = m_requests.constFind(id);
    if (known != m_requests.cend())
        return known->subjects;
    if (id >= 1 && id <= m_plannedCount) {
        if (!m_plan) {
            QString error;
            const auto plan = readObject(m_dir + QStringLiteral("/plan.json"), &error);
            if (!plan) {
                m_problems.append(error);
                m_plan = QJsonArray();
            } else {
                m_plan = plan->value(QStringLiteral("requests")).toArray();
            }
        }
        if (id - 1 < m_plan->size())
            return static_cast<int>(m_plan->at(id - 1).toArray().size());
    }
    m_problems.append(HistoryStore::tr("request %1 was answered but its subjects are not on disk").arg(id));
    return std::nullopt;
}

// The same walk as RunJournal::load(): planned requests in order, each split in place of its
// parent, so a subject is counted once however often its request was split.
void RunReader::visit(int id, QSet<int>& visited) {
    if (visited.contains(id))
        return;
    visited.insert(id);
    const auto outcome = m_outcomes.constFind(id);
    if (outcome == m_outcomes.cend() || outcome->status == QLatin1String("pending")) {
        if (outcome == m_outcomes.cend() && m_requests.contains(id))
            ++m_unconfirmed;
        ++m_waiting;
        return;
    }
    if (outcome->status == QLatin1String("accepted")) {
        m_accepted += requestSubjects(id).value_or(0);
        return;
    }
    m_rejected += outcome->rejected;
    for (int child : outcome->children) {
        const auto request = m_requests.constFind(child);
        if (request != m_requests.cend() && request->parent == id)
            visit(child, visited);
    }
}

HistoryEntry RunReader::read() {
    QString error;
    const auto meta = readObject(m_dir + QStringLiteral("/run.json"), &error);
    if (!meta)
        return unreadable(error);
    if (meta->value(QStringLiteral("format")).toInt() != RunJournal::FormatVersion)
        return unreadable(HistoryStore::tr("run.json has the unknown journal format %1")
                              .arg(meta->value(QStringLiteral("format")).toInt()));
    const qint64 subjectCount = meta->value(QStringLiteral("subjectCount")).toInteger(-1);
    if (subjectCount < 0)
        return unreadable(HistoryStore::tr("run.json has no subject count"));
    m_plannedCount = meta->value(QStringLiteral("plannedRequests")).toInt(-1);
    if (m_plannedCount < 0)
        return unreadable(HistoryStore::tr("run.json has no number of planned requests"));

    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::RiskRun;
    entry.runDirectory = m_dir;
    entry.profileId = meta->value(QStringLiteral("profileId")).toString();
    entry.when = parseTime(meta->value(QStringLiteral("createdAt")));
    const QString runId = meta->value(QStringLiteral("runId")).toString();
    entry.subjects = static_cast<int>(subjectCount);

    // Request and outcome files: small (at most one request's subject indices each).
    const QDir requestDir(m_dir + QStringLiteral("/requests"));
    const QStringList files = requestDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        bool ok = false;
        const int id = name.section(QLatin1Char('.'), 0, 0).toInt(&ok);
        if (!ok || id < 1)
            continue;
        const bool isOutcome = name.endsWith(QLatin1String(".outcome.json"));
        if (!isOutcome) {
            // A million-subject run has a thousand request files: count, do not parse.
            QFile file(requestDir.filePath(name));
            if (file.open(QIODevice::ReadOnly)) {
                if (const auto request = quickRequest(file.readAll())) {
                    m_requests.insert(id, *request);
                    continue;
                }
            }
        }
        const auto object = readObject(requestDir.filePath(name), &error);
        if (!object) {
            m_problems.append(error);
            continue;
        }
        if (isOutcome) {
            OutcomeFile outcome;
            outcome.status = object->value(QStringLiteral("status")).toString();
            outcome.httpStatus = object->value(QStringLiteral("httpStatus")).toInt();
            outcome.requestId = object->value(QStringLiteral("requestId")).toString();
            outcome.answeredAt = parseTime(object->value(QStringLiteral("answeredAt")));
            outcome.rejected = static_cast<int>(object->value(QStringLiteral("rejected")).toArray().size());
            const QJsonArray children = object->value(QStringLiteral("children")).toArray();
            for (const QJsonValue& child : children)
                outcome.children.append(child.toInt());
            outcome.detail = object->value(QStringLiteral("detail")).toString();
            if (outcome.status != QLatin1String("accepted") && outcome.status != QLatin1String("processed") &&
                outcome.status != QLatin1String("pending")) {
                m_problems.append(
                    HistoryStore::tr("%1 has the unknown status \"%2\"").arg(name, outcome.status));
                continue;
            }
            m_outcomes.insert(id, outcome);
        } else {
            RequestFile request;
            request.parent = object->value(QStringLiteral("parent")).toInt();
            request.subjects = static_cast<int>(object->value(QStringLiteral("subjects")).toArray().size());
            m_requests.insert(id, request);
        }
    }

    QSet<int> visited;
    for (int id = 1; id <= m_plannedCount; ++id)
        visit(id, visited);
    entry.accepted = static_cast<int>(m_accepted);
    entry.rejected = static_cast<int>(m_rejected);
    entry.pending = static_cast<int>(qMax<qint64>(0, subjectCount - m_accepted - m_rejected));

    QList<int> answered = m_outcomes.keys();
    std::sort(answered.begin(), answered.end());
    QStringList answerLines;
    for (int id : answered) {
        const OutcomeFile& outcome = m_outcomes[id];
        if (!outcome.requestId.isEmpty())
            entry.requestIds.append(outcome.requestId);
        if (outcome.status != QLatin1String("accepted"))
            answerLines.append(
                HistoryStore::tr("  request %1: %2, HTTP %3, Okta request id %4%5")
                    .arg(id)
                    .arg(outcome.status)
                    .arg(outcome.httpStatus)
                    .arg(outcome.requestId.isEmpty() ? HistoryStore::tr("none") : outcome.requestId)
                    .arg(outcome.detail.isEmpty() ? QString() : QStringLiteral(": ") + outcome.detail));
    }

    // The outcome from state.json (written by the scheduler).
    QString stateName;
    QString reasonKey;
    QString explanation;
    bool live = false;
    const QString statePath = m_dir + QStringLiteral("/state.json");
    if (QFile::exists(statePath)) {
        const auto state = readObject(statePath, &error);
        if (!state) {
            m_problems.append(error);
        } else {
            stateName = state->value(QStringLiteral("state")).toString();
            const QString reason = state->value(QStringLiteral("reason")).toString();
            const qsizetype colon = reason.indexOf(QStringLiteral(": "));
            reasonKey = colon < 0 ? reason : reason.left(colon);
            explanation = colon < 0 ? QString() : reason.mid(colon + 2);
            live = (stateName == QLatin1String("running") || stateName == QLatin1String("paused")) &&
                   QFileInfo(statePath).lastModified().toUTC() >= m_liveSince;
        }
    }
    QString outcomeNote;
    if (stateName == QLatin1String("stopped")) {
        if (reasonKey == QLatin1String("Completed")) {
            entry.outcome = QStringLiteral("completed");
        } else if (reasonKey == QLatin1String("Cancelled")) {
            entry.outcome = QStringLiteral("cancelled");
        } else {
            entry.outcome = QStringLiteral("stopped");
            outcomeNote = stopReasonText(reasonKey);
        }
    } else if (live) {
        entry.outcome = QStringLiteral("running");
        if (stateName == QLatin1String("paused"))
            outcomeNote = HistoryStore::tr("paused");
    } else if (entry.pending == 0 && m_problems.isEmpty()) {
        // Every subject has its final fate; the app stopped before it could say so.
        entry.outcome = QStringLiteral("completed");
    } else {
        entry.outcome = QStringLiteral("interrupted");
    }
    if (!m_problems.isEmpty())
        entry.outcome = QStringLiteral("unreadable");

    entry.summary = HistoryStore::tr("%1: %2 accepted, %3 rejected, %4 pending")
                        .arg(subjectsText(subjectCount), number(entry.accepted), number(entry.rejected),
                             number(entry.pending));
    if (!outcomeNote.isEmpty())
        entry.summary += QStringLiteral("; ") + outcomeNote;

    QStringList details;
    details.append(HistoryStore::tr("Risk events run %1").arg(runId));
    details.append(HistoryStore::tr("Event timestamp: %1")
                       .arg(readableTime(parseTime(meta->value(QStringLiteral("timestamp"))))));
    if (meta->contains(QStringLiteral("timeToLiveSeconds")))
        details.append(HistoryStore::tr("Time to live: %1 seconds")
                           .arg(number(meta->value(QStringLiteral("timeToLiveSeconds")).toInteger())));
    details.append(HistoryStore::tr("Requests: %1 planned, %2 answered, %3 still to deliver")
                       .arg(number(m_plannedCount), number(m_outcomes.size()), number(m_waiting)));
    if (m_unconfirmed > 0)
        details.append(
            HistoryStore::tr("%1 request(s) were in flight when the run stopped: Okta may have them "
                             "already, and resuming sends them again.")
                .arg(number(m_unconfirmed)));
    if (!stateName.isEmpty())
        details.append(HistoryStore::tr("Last state: %1%2")
                           .arg(stateName, reasonKey.isEmpty()
                                               ? QString()
                                               : QStringLiteral(" (") + reasonKey + QStringLiteral(")")));
    else
        details.append(
            HistoryStore::tr("Last state: none recorded (the run never started or the app stopped)"));
    if (entry.outcome == QLatin1String("interrupted"))
        details.append(
            HistoryStore::tr("The run did not finish: its pending subjects can be resumed from the "
                             "Risk events screen."));
    if (!explanation.isEmpty())
        details.append(explanation);
    if (!answerLines.isEmpty()) {
        details.append(HistoryStore::tr("Answers other than accepted:"));
        details.append(answerLines);
    }
    if (!m_problems.isEmpty()) {
        details.append(HistoryStore::tr("Damaged journal files (the counts may be incomplete):"));
        for (const QString& problem : std::as_const(m_problems))
            details.append(QStringLiteral("  ") + problem);
    }
    entry.details = details.join(QLatin1Char('\n'));
    return entry;
}

QString zonesText(const QStringList& ids, const QStringList& names) {
    if (ids.isEmpty())
        return HistoryStore::tr("none");
    QStringList parts;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString name = i < names.size() ? names[i] : QString();
        parts.append(name.isEmpty() || name == ids[i] ? ids[i] : QStringLiteral("%1 (%2)").arg(name, ids[i]));
    }
    return parts.join(QStringLiteral(", "));
}

QJsonObject configurationObject(const ThreatInsightConfiguration& config,
                                const std::function<QString(const QString&)>& zoneName) {
    QJsonArray ids;
    QJsonArray names;
    for (const QString& id : config.excludeZones) {
        ids.append(id);
        names.append(zoneName ? zoneName(id) : QString());
    }
    QJsonObject object{{QStringLiteral("action"), config.action},
                       {QStringLiteral("excludeZones"), ids},
                       {QStringLiteral("zoneNames"), names}};
    if (config.lastUpdated.isValid())
        object.insert(QStringLiteral("lastUpdated"), timeText(config.lastUpdated));
    return object;
}

QString describeConfiguration(const QJsonObject& object) {
    QStringList ids;
    QStringList names;
    for (const QJsonValue& value : object.value(QStringLiteral("excludeZones")).toArray())
        ids.append(value.toString());
    for (const QJsonValue& value : object.value(QStringLiteral("zoneNames")).toArray())
        names.append(value.toString());
    QString text = HistoryStore::tr("action %1; excluded zones: %2")
                       .arg(object.value(QStringLiteral("action")).toString(), zonesText(ids, names));
    const QDateTime lastUpdated = parseTime(object.value(QStringLiteral("lastUpdated")));
    if (lastUpdated.isValid())
        text += HistoryStore::tr("; lastUpdated %1").arg(readableTime(lastUpdated));
    return text;
}

// One line of threatinsight.jsonl, or why it cannot be read.
std::optional<HistoryEntry> parseChange(const QByteArray& line, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        *error = parseError.error == QJsonParseError::NoError
                     ? HistoryStore::tr("not a JSON object")
                     : HistoryStore::tr("not valid JSON (%1 at character %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset + 1);
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::ThreatInsightChange;
    entry.when = parseTime(object.value(QStringLiteral("when")));
    if (!entry.when.isValid()) {
        *error = HistoryStore::tr("the field \"when\" is missing or not a time");
        return std::nullopt;
    }
    const QJsonValue ok = object.value(QStringLiteral("ok"));
    if (!ok.isBool()) {
        *error = HistoryStore::tr("the field \"ok\" is missing or not true/false");
        return std::nullopt;
    }
    const QJsonObject before = object.value(QStringLiteral("before")).toObject();
    const QJsonObject after = object.value(QStringLiteral("after")).toObject();
    if (!after.value(QStringLiteral("action")).isString()) {
        *error = HistoryStore::tr("the field \"after.action\" is missing");
        return std::nullopt;
    }
    entry.profileId = object.value(QStringLiteral("profileId")).toString();
    entry.profileName = object.value(QStringLiteral("profileName")).toString();
    entry.summary = object.value(QStringLiteral("summary")).toString();
    entry.outcome = ok.toBool() ? QStringLiteral("saved") : QStringLiteral("failed");
    const QString requestId = object.value(QStringLiteral("requestId")).toString();
    if (!requestId.isEmpty())
        entry.requestIds.append(requestId);
    QStringList details;
    details.append(ok.toBool() ? HistoryStore::tr("ThreatInsight change saved")
                               : HistoryStore::tr("ThreatInsight change failed"));
    details.append(HistoryStore::tr("Before: %1").arg(describeConfiguration(before)));
    details.append(ok.toBool() ? HistoryStore::tr("After: %1").arg(describeConfiguration(after))
                               : HistoryStore::tr("Attempted: %1").arg(describeConfiguration(after)));
    const QString failure = object.value(QStringLiteral("error")).toString();
    if (!failure.isEmpty())
        details.append(HistoryStore::tr("Error: %1").arg(failure));
    entry.details = details.join(QLatin1Char('\n'));
    return entry;
}

QString changeSummary(const HistoryStore::ThreatInsightChange& change,
                      const std::function<QString(const QString&)>& zoneName) {
    auto name = [&](const QString& id) {
        const QString found = zoneName ? zoneName(id) : QString();
        return found.isEmpty() ? id : found;
    };
    QString summary =
        change.before.action == change.after.action
            ? HistoryStore::tr("action %1").arg(change.after.action)
            : HistoryStore::tr("action %1 \u2192 %2").arg(change.before.action, change.after.action);
    QStringList zones;
    for (const QString& id : change.after.excludeZones) {
        if (!change.before.excludeZones.contains(id))
            zones.append(QLatin1Char('+') + name(id));
    }
    for (const QString& id : change.before.excludeZones) {
        if (!change.after.excludeZones.contains(id))
            zones.append(QChar(0x2212) + name(id));
    }
    summary += zones.isEmpty() ? HistoryStore::tr("; excluded zones unchanged")
                               : HistoryStore::tr("; excluded %1").arg(zones.join(QLatin1Char(' ')));
    if (!change.ok)
        summary = HistoryStore::tr("failed: %1").arg(summary);
    return summary;
}

QString threatInsightPath(const QString& base, const QString& profileId) {
    return RunJournal::profileDirectory(base + QStringLiteral("/history"), profileId) + QLatin1Char('/') +
           ThreatInsightFileName;
}

// RFC 4180 field; a leading = + - @ (or tab / CR) would make a spreadsheet run it as a formula.
QString csvField(const QString& value) {
    QString text = value;
    if (!text.isEmpty() &&
        (text[0] == QLatin1Char('=') || text[0] == QLatin1Char('+') || text[0] == QLatin1Char('-') ||
         text[0] == QLatin1Char('@') || text[0] == QLatin1Char('\t') || text[0] == QLatin1Char('\r')))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

} // namespace

HistoryStore::HistoryStore(QString baseDirectory, QObject* parent)
    : QObject(parent)
    , m_base(std::move(baseDirectory))
    // Whole seconds: some file systems keep modification times to the second only.
    , m_startedAt(QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC)) {}

HistoryStore::~HistoryStore() = default;

QString HistoryStore::defaultBaseDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString HistoryStore::runsDirectory() const {
    return m_base + QStringLiteral("/runs");
}

QList<HistoryEntry> HistoryStore::entries(const QString& profileId) const {
    QList<HistoryEntry> result;
    const QStringList runs = RunJournal::runDirectories(runsDirectory(), profileId);
    for (const QString& directory : runs) {
        HistoryEntry entry = RunReader(directory, m_startedAt).read();
        entry.profileId = profileId; // the folder decides whose run it is
        result.append(entry);
    }

    const QString path = threatInsightPath(m_base, profileId);
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            HistoryEntry entry;
            entry.kind = HistoryEntry::Kind::ThreatInsightChange;
            entry.profileId = profileId;
            entry.outcome = QStringLiteral("unreadable");
            entry.summary = tr("The ThreatInsight history cannot be read: %1").arg(file.errorString());
            entry.details =
                tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
            result.append(entry);
        } else {
            const QList<QByteArray> lines = file.readAll().split('\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                if (line.isEmpty())
                    continue;
                QString error;
                auto entry = parseChange(line, &error);
                if (!entry) {
                    HistoryEntry damaged;
                    damaged.kind = HistoryEntry::Kind::ThreatInsightChange;
                    damaged.outcome = QStringLiteral("unreadable");
                    damaged.summary =
                        tr("%1 line %2 cannot be read: %3").arg(ThreatInsightFileName).arg(i + 1).arg(error);
                    damaged.details =
                        tr("Line %1 of %2 is damaged: %3\nIts content: %4")
                            .arg(i + 1)
                            .arg(QDir::toNativeSeparators(path), error, QString::fromUtf8(line.left(2000)));
                    entry = damaged;
                }
                entry->profileId = profileId;
                result.append(*entry);
            }
        }
    }

    // Newest first; entries without a time (damaged) last, in file order.
    std::stable_sort(result.begin(), result.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
        if (a.when.isValid() != b.when.isValid())
            return a.when.isValid();
        return a.when > b.when;
    });
    return result;
}

bool HistoryStore::recordThreatInsightChange(const ThreatInsightChange& change,
                                             const std::function<QString(const QString& zoneId)>& zoneName,
                                             QString* error) {
    const QString path = threatInsightPath(m_base, change.profileId);
    auto fail = [&](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(tr("cannot create %1").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));

    const QDateTime when = change.when.isValid() ? change.when : QDateTime::currentDateTimeUtc();
    QJsonObject object{
        {QStringLiteral("format"), 1},
        {QStringLiteral("when"), timeText(when)},
        {QStringLiteral("profileId"), change.profileId},
        {QStringLiteral("profileName"), change.profileName},
        {QStringLiteral("ok"), change.ok},
        {QStringLiteral("summary"), changeSummary(change, zoneName)},
        {QStringLiteral("before"), configurationObject(change.before, zoneName)},
        {QStringLiteral("after"), configurationObject(change.after, zoneName)},
    };
    if (!change.requestId.isEmpty())
        object.insert(QStringLiteral("requestId"), change.requestId);
    if (!change.error.isEmpty())
        object.insert(QStringLiteral("error"), change.error);
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';

    QFile file(path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return fail(tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // A line cut short by a crash stays a line of its own (reported as damaged), not glued to
    // this one.
    if (file.size() > 0 && file.seek(file.size() - 1) && file.read(1) != "\n")
        line.prepend('\n');
    // One write of the whole line: an append of this size lands in one piece.
    if (!file.seek(file.size()) || file.write(line) != line.size() || !file.flush())
        return fail(tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.close();
    emit changed(change.profileId);
    return true;
}

void HistoryStore::notifyRunChanged(const QString& profileId) {
    emit changed(profileId);
}

bool HistoryStore::exportCsv(const QList<HistoryEntry>& entries, QIODevice* device, QString* error) {
    QString text =
        QStringLiteral("when,kind,profile,outcome,subjects,accepted,rejected,pending,summary,requestIds\r\n");
    for (const HistoryEntry& entry : entries) {
        const bool run = entry.kind == HistoryEntry::Kind::RiskRun;
        const QStringList fields{
            entry.when.isValid() ? entry.when.toUTC().toString(Qt::ISODate) : QString(),
            run ? QStringLiteral("risk-run") : QStringLiteral("threatinsight-change"),
            entry.profileName.isEmpty() ? entry.profileId : entry.profileName,
            entry.outcome,
            run ? QString::number(entry.subjects) : QString(),
            run ? QString::number(entry.accepted) : QString(),
            run ? QString::number(entry.rejected) : QString(),
            run ? QString::number(entry.pending) : QString(),
            entry.summary,
            entry.requestIds.join(QLatin1Char(';')),
        };
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString& field : fields)
            quoted.append(csvField(field));
        text += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    const QByteArray bytes = text.toUtf8();
    if (!device || !device->isWritable() || device->write(bytes) != bytes.size()) {
        if (error)
            *error = device ? tr("cannot write the CSV: %1").arg(device->errorString())
                            : tr("cannot write the CSV: no file");
        return false;
    }
    return true;
}
