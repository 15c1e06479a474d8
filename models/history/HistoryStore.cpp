#include "history/HistoryStore.h"

#include "riskevents/RunJournal.h"
#include "riskevents/RunSummary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>

#include <algorithm>
#include <functional>
#include <optional>

namespace {

const QString ThreatInsightFileName = QStringLiteral("threatinsight.jsonl");
const QString ZonesFileName = QStringLiteral("zones.jsonl");

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

// A run whose run.json cannot be read: listed, with the reason, never skipped.
HistoryEntry unreadableRun(const RunSummary& run) {
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::RiskRun;
    // The run id starts with its creation time: the best "when" a damaged run still has.
    const QString runId = QFileInfo(run.directory).fileName();
    const QDateTime parsed = QDateTime::fromString(runId.left(19), QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    if (parsed.isValid())
        entry.when = QDateTime(parsed.date(), parsed.time(), Qt::UTC);
    entry.outcome = QStringLiteral("unreadable");
    entry.summary = HistoryStore::tr("Run %1 cannot be read: %2").arg(runId, run.error);
    entry.details =
        HistoryStore::tr("This run's journal is damaged and cannot be listed.\nReason: %1").arg(run.error);
    entry.runDirectory = run.directory;
    return entry;
}

// `liveSince`: a "running" or "paused" state written before it was cut off by a crash or a quit.
HistoryEntry runEntry(const RunSummary& run, const QDateTime& liveSince) {
    if (!run.readable)
        return unreadableRun(run);
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::RiskRun;
    entry.runDirectory = run.directory;
    entry.profileId = run.profileId;
    entry.when = run.createdAt;
    entry.subjects = run.subjects;
    entry.accepted = run.accepted;
    entry.rejected = run.rejected;
    entry.pending = run.pending;
    entry.requestIds = run.requestIds;

    QStringList answerLines;
    for (const RunSummary::Answer& answer : run.answers) {
        if (answer.status != QLatin1String("accepted"))
            answerLines.append(
                HistoryStore::tr("  request %1: %2, HTTP %3, Okta request id %4%5")
                    .arg(answer.id)
                    .arg(answer.status)
                    .arg(answer.httpStatus)
                    .arg(answer.requestId.isEmpty() ? HistoryStore::tr("none") : answer.requestId)
                    .arg(answer.detail.isEmpty() ? QString() : QStringLiteral(": ") + answer.detail));
    }

    // The outcome from state.json (written by the scheduler).
    const QString reasonKey = run.reasonKey();
    const bool damaged = !run.error.isEmpty();
    const bool live = (run.state == QLatin1String("running") || run.state == QLatin1String("paused")) &&
                      run.stateWrittenAt >= liveSince;
    QString outcomeNote;
    if (run.state == QLatin1String("stopped")) {
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
        if (run.state == QLatin1String("paused"))
            outcomeNote = HistoryStore::tr("paused");
    } else if (entry.pending == 0 && !damaged) {
        // Every subject has its final fate; the app stopped before it could say so.
        entry.outcome = QStringLiteral("completed");
    } else {
        entry.outcome = QStringLiteral("interrupted");
    }
    if (damaged)
        entry.outcome = QStringLiteral("unreadable");

    entry.summary = HistoryStore::tr("%1: %2 accepted, %3 rejected, %4 pending")
                        .arg(subjectsText(run.subjects), number(entry.accepted), number(entry.rejected),
                             number(entry.pending));
    if (!outcomeNote.isEmpty())
        entry.summary += QStringLiteral("; ") + outcomeNote;

    QStringList details;
    details.append(HistoryStore::tr("Risk events run %1").arg(run.runId));
    details.append(HistoryStore::tr("Event timestamp: %1").arg(readableTime(run.timestamp)));
    if (run.timeToLiveSeconds)
        details.append(HistoryStore::tr("Time to live: %1 seconds").arg(number(*run.timeToLiveSeconds)));
    details.append(
        HistoryStore::tr("Requests: %1 planned, %2 answered, %3 still to deliver")
            .arg(number(run.plannedRequests), number(run.answers.size()), number(run.waitingRequests)));
    if (run.unconfirmedRequests > 0)
        details.append(
            HistoryStore::tr("%n request(s) were in flight when the run stopped: Okta may have them "
                             "already, and resuming sends them again.",
                             nullptr, run.unconfirmedRequests));
    if (!run.state.isEmpty())
        details.append(HistoryStore::tr("Last state: %1%2")
                           .arg(run.state, reasonKey.isEmpty()
                                               ? QString()
                                               : QStringLiteral(" (") + reasonKey + QStringLiteral(")")));
    else
        details.append(
            HistoryStore::tr("Last state: none recorded (the run never started or the app stopped)"));
    if (entry.outcome == QLatin1String("interrupted"))
        details.append(
            HistoryStore::tr("The run did not finish: its pending subjects can be resumed from the "
                             "Risk events screen."));
    if (!run.reasonText().isEmpty())
        details.append(run.reasonText());
    if (!answerLines.isEmpty()) {
        details.append(HistoryStore::tr("Answers other than accepted:"));
        details.append(answerLines);
    }
    if (damaged) {
        details.append(HistoryStore::tr("Damaged journal files (the counts may be incomplete):"));
        const QStringList problems = run.error.split(QLatin1Char('\n'));
        for (const QString& problem : problems)
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

// What every line of threatinsight.jsonl and zones.jsonl has: a JSON object with "when" (a
// time, into entry->when) and "ok" (true/false); nullopt and the reason otherwise.
std::optional<QJsonObject> parseRecord(const QByteArray& line, HistoryEntry* entry, QString* error) {
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
    entry->when = parseTime(object.value(QStringLiteral("when")));
    if (!entry->when.isValid()) {
        *error = HistoryStore::tr("the field \"when\" is missing or not a time");
        return std::nullopt;
    }
    if (!object.value(QStringLiteral("ok")).isBool()) {
        *error = HistoryStore::tr("the field \"ok\" is missing or not true/false");
        return std::nullopt;
    }
    return object;
}

// One line of threatinsight.jsonl, or why it cannot be read.
std::optional<HistoryEntry> parseChange(const QByteArray& line, QString* error) {
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::ThreatInsightChange;
    const std::optional<QJsonObject> record = parseRecord(line, &entry, error);
    if (!record)
        return std::nullopt;
    const QJsonObject& object = *record;
    const QJsonValue ok = object.value(QStringLiteral("ok"));
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

QString historyPath(const QString& base, const QString& profileId, const QString& fileName) {
    return RunJournal::profileDirectory(base + QStringLiteral("/history"), profileId) + QLatin1Char('/') +
           fileName;
}

QString threatInsightPath(const QString& base, const QString& profileId) {
    return historyPath(base, profileId, ThreatInsightFileName);
}

QStringList stringsOf(const QJsonValue& value) {
    QStringList strings;
    for (const QJsonValue& item : value.toArray())
        strings.append(item.toString());
    return strings;
}

QString gatewayCounts(int before, int after) {
    if (before < 0 || after < 0)
        return {};
    return HistoryStore::tr("%1 \u2192 %2 gateways").arg(number(before), number(after));
}

// "block 3 in BlockedIpZone (12 → 15 gateways)"; failed ones say so first.
QString zoneChangeSummary(const HistoryStore::ZoneChange& change) {
    const bool removing =
        change.action == QLatin1String("unblock") || change.action == QLatin1String("unexempt");
    const qsizetype count = removing ? change.removed.size() : change.added.size();
    const QString zone = change.zoneName.isEmpty() ? change.zoneId : change.zoneName;
    QString summary = HistoryStore::tr("%1 %2 in %3").arg(change.action, number(count), zone);
    const QString counts = gatewayCounts(change.gatewaysBefore, change.gatewaysAfter);
    if (!counts.isEmpty())
        summary += QStringLiteral(" (%1)").arg(counts);
    if (!change.ok)
        summary = HistoryStore::tr("failed: %1").arg(summary);
    return summary;
}

// One line of zones.jsonl, or why it cannot be read.
std::optional<HistoryEntry> parseZoneChange(const QByteArray& line, QString* error) {
    HistoryEntry entry;
    entry.kind = HistoryEntry::Kind::ZoneChange;
    const std::optional<QJsonObject> record = parseRecord(line, &entry, error);
    if (!record)
        return std::nullopt;
    const QJsonObject& object = *record;
    const QJsonValue ok = object.value(QStringLiteral("ok"));
    const QString action = object.value(QStringLiteral("action")).toString();
    if (action.isEmpty()) {
        *error = HistoryStore::tr("the field \"action\" is missing");
        return std::nullopt;
    }
    entry.profileId = object.value(QStringLiteral("profileId")).toString();
    entry.profileName = object.value(QStringLiteral("profileName")).toString();
    entry.summary = object.value(QStringLiteral("summary")).toString();
    entry.outcome = ok.toBool() ? QStringLiteral("saved") : QStringLiteral("failed");
    const QString requestId = object.value(QStringLiteral("requestId")).toString();
    if (!requestId.isEmpty())
        entry.requestIds.append(requestId);
    const QString zoneId = object.value(QStringLiteral("zoneId")).toString();
    const QString zoneName = object.value(QStringLiteral("zoneName")).toString();
    const QStringList added = stringsOf(object.value(QStringLiteral("added")));
    const QStringList removed = stringsOf(object.value(QStringLiteral("removed")));
    QStringList details;
    details.append(ok.toBool() ? HistoryStore::tr("Zone change (%1) saved").arg(action)
                               : HistoryStore::tr("Zone change (%1) failed").arg(action));
    details.append(HistoryStore::tr("Zone: %1 (%2)").arg(zoneName, zoneId));
    if (!added.isEmpty())
        details.append(
            (ok.toBool() ? HistoryStore::tr("Added (%1): %2") : HistoryStore::tr("To add (%1): %2"))
                .arg(number(added.size()), added.join(QStringLiteral(", "))));
    if (!removed.isEmpty())
        details.append(
            (ok.toBool() ? HistoryStore::tr("Removed (%1): %2") : HistoryStore::tr("To remove (%1): %2"))
                .arg(number(removed.size()), removed.join(QStringLiteral(", "))));
    const QJsonValue before = object.value(QStringLiteral("gatewaysBefore"));
    const QJsonValue after = object.value(QStringLiteral("gatewaysAfter"));
    if (before.isDouble() && after.isDouble())
        details.append(
            HistoryStore::tr("Gateways: %1 \u2192 %2").arg(number(before.toInt()), number(after.toInt())));
    const QString failure = object.value(QStringLiteral("error")).toString();
    if (!failure.isEmpty())
        details.append(HistoryStore::tr("Error: %1").arg(failure));
    entry.details = details.join(QLatin1Char('\n'));
    return entry;
}

// Appends one JSON line to `path`, creating its folder. False and the reason when it cannot.
bool appendLine(const QString& path, const QJsonObject& object, QString* error) {
    auto fail = [&](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(HistoryStore::tr("cannot create %1")
                        .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return fail(
            HistoryStore::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // A line cut short by a crash stays a line of its own (reported as damaged), not glued to
    // this one.
    if (file.size() > 0 && file.seek(file.size() - 1) && file.read(1) != "\n")
        line.prepend('\n');
    // One write of the whole line: an append of this size lands in one piece.
    if (!file.seek(file.size()) || file.write(line) != line.size() || !file.flush())
        return fail(
            HistoryStore::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.close();
    return true;
}

// Every line of a history file as entries; unreadable files and lines become "unreadable"
// entries with the reason, never a silent gap.
void readJsonLines(const QString& path, const QString& fileName, HistoryEntry::Kind kind, const QString& what,
                   const std::function<std::optional<HistoryEntry>(const QByteArray&, QString*)>& parse,
                   const QString& profileId, QList<HistoryEntry>* result) {
    QFile file(path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        HistoryEntry entry;
        entry.kind = kind;
        entry.profileId = profileId;
        entry.outcome = QStringLiteral("unreadable");
        entry.summary = HistoryStore::tr("The %1 history cannot be read: %2").arg(what, file.errorString());
        entry.details =
            HistoryStore::tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        result->append(entry);
        return;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        QString error;
        auto entry = parse(line, &error);
        if (!entry) {
            HistoryEntry damaged;
            damaged.kind = kind;
            damaged.outcome = QStringLiteral("unreadable");
            damaged.summary =
                HistoryStore::tr("%1 line %2 cannot be read: %3").arg(fileName).arg(i + 1).arg(error);
            damaged.details =
                HistoryStore::tr("Line %1 of %2 is damaged: %3\nIts content: %4")
                    .arg(i + 1)
                    .arg(QDir::toNativeSeparators(path), error, QString::fromUtf8(line.left(2000)));
            entry = damaged;
        }
        entry->profileId = profileId;
        result->append(*entry);
    }
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
        HistoryEntry entry = runEntry(RunSummary::read(directory), m_startedAt);
        entry.profileId = profileId; // the folder decides whose run it is
        result.append(entry);
    }

    readJsonLines(threatInsightPath(m_base, profileId), ThreatInsightFileName,
                  HistoryEntry::Kind::ThreatInsightChange, tr("ThreatInsight"), parseChange, profileId,
                  &result);
    readJsonLines(historyPath(m_base, profileId, ZonesFileName), ZonesFileName,
                  HistoryEntry::Kind::ZoneChange, tr("zone change"), parseZoneChange, profileId, &result);

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
    if (!appendLine(threatInsightPath(m_base, change.profileId), object, error))
        return false;
    emit changed(change.profileId);
    return true;
}

bool HistoryStore::recordZoneChange(const ZoneChange& change, QString* error) {
    const QDateTime when = change.when.isValid() ? change.when : QDateTime::currentDateTimeUtc();
    QJsonObject object{
        {QStringLiteral("format"), 1},
        {QStringLiteral("when"), timeText(when)},
        {QStringLiteral("profileId"), change.profileId},
        {QStringLiteral("profileName"), change.profileName},
        {QStringLiteral("ok"), change.ok},
        {QStringLiteral("action"), change.action},
        {QStringLiteral("zoneId"), change.zoneId},
        {QStringLiteral("zoneName"), change.zoneName},
        {QStringLiteral("added"), QJsonArray::fromStringList(change.added)},
        {QStringLiteral("removed"), QJsonArray::fromStringList(change.removed)},
        {QStringLiteral("summary"), zoneChangeSummary(change)},
    };
    if (change.gatewaysBefore >= 0 && change.gatewaysAfter >= 0) {
        object.insert(QStringLiteral("gatewaysBefore"), change.gatewaysBefore);
        object.insert(QStringLiteral("gatewaysAfter"), change.gatewaysAfter);
    }
    if (!change.requestId.isEmpty())
        object.insert(QStringLiteral("requestId"), change.requestId);
    if (!change.error.isEmpty())
        object.insert(QStringLiteral("error"), change.error);
    if (!appendLine(historyPath(m_base, change.profileId, ZonesFileName), object, error))
        return false;
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
        const QString kind = run ? QStringLiteral("risk-run")
                             : entry.kind == HistoryEntry::Kind::ZoneChange
                                 ? QStringLiteral("zone-change")
                                 : QStringLiteral("threatinsight-change");
        const QStringList fields{
            entry.when.isValid() ? entry.when.toUTC().toString(Qt::ISODate) : QString(),
            kind,
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
