#include "riskevents/RunJournal.h"

#include "common/JsonWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>

#include <functional>

namespace {

bool writeFile(const QString& path, const QByteArray& content, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("RunJournal", "cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

std::optional<QByteArray> readFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("RunJournal", "cannot read %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<QJsonObject> readObject(const QString& path, QString* error) {
    const auto content = readFile(path, error);
    if (!content)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*content, &parseError);
    if (!document.isObject()) {
        if (error)
            *error = QCoreApplication::translate("RunJournal", "%1 is not a JSON object (%2)")
                         .arg(QDir::toNativeSeparators(path), parseError.errorString());
        return std::nullopt;
    }
    return document.object();
}

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QJsonValue& value) {
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString statusName(RequestOutcome::Status status) {
    switch (status) {
    case RequestOutcome::Status::Accepted:
        return QStringLiteral("accepted");
    case RequestOutcome::Status::Processed:
        return QStringLiteral("processed");
    case RequestOutcome::Status::Pending:
        break;
    }
    return QStringLiteral("pending");
}

std::optional<RequestOutcome::Status> statusFromName(const QString& name) {
    if (name == QLatin1String("accepted"))
        return RequestOutcome::Status::Accepted;
    if (name == QLatin1String("processed"))
        return RequestOutcome::Status::Processed;
    if (name == QLatin1String("pending"))
        return RequestOutcome::Status::Pending;
    return std::nullopt;
}

QJsonArray toArray(const QVector<int>& values) {
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

// Indices read back from disk: every one must point at a subject.
std::optional<QVector<int>> toIndices(const QJsonArray& array, int subjectCount) {
    QVector<int> indices;
    indices.reserve(array.size());
    for (const QJsonValue& value : array) {
        const int index = value.toInt(-1);
        if (!value.isDouble() || index < 0 || index >= subjectCount)
            return std::nullopt;
        indices.append(index);
    }
    return indices;
}

} // namespace

RunJournal::RunJournal(QString directory)
    : m_directory(std::move(directory)) {}

QString RunJournal::defaultBaseDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs");
}

QString RunJournal::profileDirectory(const QString& baseDirectory, const QString& profileId) {
    // Percent-encode everything but letters, digits, '-' and '_': no separators, no "..".
    QString name =
        QString::fromLatin1(QUrl::toPercentEncoding(profileId, "-_").replace('.', "%2E").replace('~', "%7E"));
    if (name.isEmpty())
        name = QStringLiteral("default");
    return baseDirectory + QLatin1Char('/') + name;
}

QString RunJournal::runDirectory(const QString& baseDirectory, const QString& profileId,
                                 const QString& runId) {
    return profileDirectory(baseDirectory, profileId) + QLatin1Char('/') + runId;
}

QString RunJournal::newRunId(const QDateTime& nowUtc) {
    return nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz-")) +
           QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
               .rightJustified(4, QLatin1Char('0'));
}

QDateTime RunJournal::runIdTime(const QString& runId) {
    static const QRegularExpression pattern(QStringLiteral("^\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4}$"));
    if (!pattern.match(runId).hasMatch())
        return {};
    QDateTime time = QDateTime::fromString(runId.left(19), QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

QStringList RunJournal::removeAbandoned(const QString& baseDirectory, const QString& profileId,
                                        const QDateTime& nowUtc, qint64 minimumAgeSeconds) {
    const QDir dir(profileDirectory(baseDirectory, profileId));
    QStringList removed;
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : names) {
        const QDateTime created = runIdTime(name);
        if (!created.isValid() || created.secsTo(nowUtc) < minimumAgeSeconds ||
            QFile::exists(dir.filePath(name + QStringLiteral("/run.json"))))
            continue;
        if (QDir(dir.filePath(name)).removeRecursively())
            removed.append(dir.filePath(name));
    }
    return removed;
}

QStringList RunJournal::runDirectories(const QString& baseDirectory, const QString& profileId) {
    const QDir dir(profileDirectory(baseDirectory, profileId));
    QStringList result;
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString& name : names) {
        if (QFile::exists(dir.filePath(name + QStringLiteral("/run.json"))))
            result.append(dir.filePath(name));
    }
    return result;
}

QVector<RunJournal::RequestFile> RunJournal::requestFiles(const QString& directory) {
    const QDir requestDir(directory + QStringLiteral("/requests"));
    const QStringList names = requestDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVector<RequestFile> files;
    files.reserve(names.size());
    for (const QString& name : names) {
        bool ok = false;
        const int id = name.section(QLatin1Char('.'), 0, 0).toInt(&ok);
        if (!ok || id < 1)
            continue;
        files.append({id, name.endsWith(QLatin1String(".outcome.json")), name, requestDir.filePath(name)});
    }
    return files;
}

bool RunJournal::exists() const {
    return QFile::exists(m_directory + QStringLiteral("/run.json"));
}

QString RunJournal::requestPath(int id) const {
    return m_directory + QStringLiteral("/requests/%1.json").arg(id, 6, 10, QLatin1Char('0'));
}

QString RunJournal::outcomePath(int id) const {
    return m_directory + QStringLiteral("/requests/%1.outcome.json").arg(id, 6, 10, QLatin1Char('0'));
}

bool RunJournal::create(const SendRun& run, QString* error) {
    if (exists()) {
        if (error)
            *error = tr("%1 already holds a run").arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    if (!QDir().mkpath(m_directory + QStringLiteral("/requests"))) {
        if (error)
            *error = tr("cannot create %1").arg(QDir::toNativeSeparators(m_directory));
        return false;
    }

    // Hand-written: a million subjects through QJsonDocument would take seconds.
    QByteArray subjects;
    {
        JsonWriter out(subjects);
        out.reserve(run.subjects.size() * 72);
        for (const RiskSubject& subject : run.subjects) {
            out.raw("{\"ip\":", 6);
            out.string(subject.ip);
            out.raw(",\"riskLevel\":\"" + RiskLevels::toString(subject.level).toLatin1() + "\",\"message\":");
            out.string(subject.message);
            out.raw(",\"line\":" + QByteArray::number(subject.sourceLine) + "}\n");
        }
    }
    if (!writeFile(m_directory + QStringLiteral("/subjects.jsonl"), subjects, error))
        return false;

    QByteArray plan = "{\"requests\":[";
    for (int id = 1; id <= run.plannedCount; ++id) {
        const PlannedRequest* request = run.request(id);
        plan += id > 1 ? ",\n[" : "\n[";
        if (request) {
            for (qsizetype i = 0; i < request->subjects.size(); ++i) {
                if (i > 0)
                    plan += ',';
                plan += QByteArray::number(request->subjects[i]);
            }
        }
        plan += ']';
    }
    plan += "\n]}\n";
    if (!writeFile(m_directory + QStringLiteral("/plan.json"), plan, error))
        return false;

    QJsonObject meta{
        {QStringLiteral("format"), FormatVersion},
        {QStringLiteral("runId"), run.runId},
        {QStringLiteral("profileId"), run.profileId},
        {QStringLiteral("createdAt"), timeText(run.createdAt)},
        {QStringLiteral("timestamp"), timeText(run.planOptions.timestamp)},
        {QStringLiteral("subjectsPerEvent"), run.planOptions.subjectsPerEvent},
        {QStringLiteral("eventsPerRequest"), run.planOptions.eventsPerRequest},
        {QStringLiteral("subjectCount"), run.subjects.size()},
        {QStringLiteral("plannedRequests"), run.plannedCount},
    };
    if (run.planOptions.timeToLiveSeconds)
        meta.insert(QStringLiteral("timeToLiveSeconds"), *run.planOptions.timeToLiveSeconds);
    return writeFile(m_directory + QStringLiteral("/run.json"), QJsonDocument(meta).toJson(), error);
}

bool RunJournal::writeRequest(const PlannedRequest& request, QString* error) {
    const QJsonObject object{
        {QStringLiteral("id"), request.id},
        {QStringLiteral("parent"), request.parentId},
        {QStringLiteral("subjects"), toArray(request.subjects)},
    };
    // A "pending" outcome from an earlier session would hide that this attempt is in flight.
    if (QFile::exists(outcomePath(request.id)) && !QFile::remove(outcomePath(request.id))) {
        if (error)
            *error = tr("cannot remove %1").arg(QDir::toNativeSeparators(outcomePath(request.id)));
        return false;
    }
    return writeFile(requestPath(request.id), QJsonDocument(object).toJson(QJsonDocument::Compact), error);
}

bool RunJournal::writeOutcome(const RequestOutcome& outcome, QString* error) {
    QJsonArray rejected;
    for (const RequestOutcome::Rejection& rejection : outcome.rejected)
        rejected.append(QJsonObject{{QStringLiteral("subject"), rejection.subject},
                                    {QStringLiteral("reason"), rejection.reason}});
    const QJsonObject object{
        {QStringLiteral("id"), outcome.id},
        {QStringLiteral("status"), statusName(outcome.status)},
        {QStringLiteral("httpStatus"), outcome.httpStatus},
        {QStringLiteral("requestId"), outcome.oktaRequestId},
        {QStringLiteral("answeredAt"), timeText(outcome.answeredAt)},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("children"), toArray(outcome.children)},
        {QStringLiteral("detail"), outcome.detail},
    };
    return writeFile(outcomePath(outcome.id), QJsonDocument(object).toJson(QJsonDocument::Compact), error);
}

bool RunJournal::writeState(const QString& state, const QString& reason, const QDateTime& nowUtc,
                            QString* error) {
    const QJsonObject object{
        {QStringLiteral("state"), state},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("updatedAt"), timeText(nowUtc)},
    };
    return writeFile(m_directory + QStringLiteral("/state.json"), QJsonDocument(object).toJson(), error);
}

QPair<QString, QString> RunJournal::readState() const {
    const auto object = readObject(m_directory + QStringLiteral("/state.json"), nullptr);
    if (!object)
        return {};
    return {object->value(QStringLiteral("state")).toString(),
            object->value(QStringLiteral("reason")).toString()};
}

std::optional<SendRun> RunJournal::load(QString* error) const {
    const auto meta = readObject(m_directory + QStringLiteral("/run.json"), error);
    if (!meta)
        return std::nullopt;
    auto fail = [&](const QString& text) -> std::optional<SendRun> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_directory), text);
        return std::nullopt;
    };
    if (meta->value(QStringLiteral("format")).toInt() != FormatVersion)
        return fail(tr("unknown journal format %1").arg(meta->value(QStringLiteral("format")).toInt()));

    SendRun run;
    run.runId = meta->value(QStringLiteral("runId")).toString();
    run.profileId = meta->value(QStringLiteral("profileId")).toString();
    run.createdAt = parseTime(meta->value(QStringLiteral("createdAt")));
    BatchPlanner::Options options;
    options.timestamp = parseTime(meta->value(QStringLiteral("timestamp")));
    if (!options.timestamp.isValid())
        return fail(tr("run.json has no valid timestamp"));
    if (meta->contains(QStringLiteral("timeToLiveSeconds")))
        options.timeToLiveSeconds = meta->value(QStringLiteral("timeToLiveSeconds")).toInteger();
    options.subjectsPerEvent =
        meta->value(QStringLiteral("subjectsPerEvent")).toInt(BatchPlanner::MaxSubjectsPerEvent);
    options.eventsPerRequest =
        meta->value(QStringLiteral("eventsPerRequest")).toInt(BatchPlanner::MaxEventsPerRequest);
    run.planOptions = BatchPlanner(options).options();

    // Subjects.
    const auto subjectText = readFile(m_directory + QStringLiteral("/subjects.jsonl"), error);
    if (!subjectText)
        return std::nullopt;
    const qsizetype subjectCount = meta->value(QStringLiteral("subjectCount")).toInteger(-1);
    if (subjectCount < 0)
        return fail(tr("run.json has no subject count"));
    run.subjects.reserve(subjectCount);
    qsizetype lineStart = 0;
    while (lineStart < subjectText->size()) {
        qsizetype lineEnd = subjectText->indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = subjectText->size();
        const QByteArray line = subjectText->mid(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const auto level = RiskLevels::parse(object.value(QStringLiteral("riskLevel")).toString());
        if (!level || !object.value(QStringLiteral("ip")).isString())
            return fail(tr("subjects.jsonl line %1 is damaged").arg(run.subjects.size() + 1));
        RiskSubject subject;
        subject.ip = object.value(QStringLiteral("ip")).toString();
        subject.level = *level;
        subject.message = object.value(QStringLiteral("message")).toString();
        subject.sourceLine = object.value(QStringLiteral("line")).toInteger();
        run.subjects.append(std::move(subject));
    }
    if (run.subjects.size() != subjectCount)
        return fail(tr("subjects.jsonl holds %1 subjects, run.json says %2")
                        .arg(run.subjects.size())
                        .arg(subjectCount));
    const int count = static_cast<int>(run.subjects.size());
    run.outcomes.resize(count);

    // The plan.
    const auto plan = readObject(m_directory + QStringLiteral("/plan.json"), error);
    if (!plan)
        return std::nullopt;
    const QJsonArray planned = plan->value(QStringLiteral("requests")).toArray();
    if (planned.size() != meta->value(QStringLiteral("plannedRequests")).toInt(-1))
        return fail(tr("plan.json does not match run.json"));
    for (const QJsonValue& value : planned) {
        const auto indices = toIndices(value.toArray(), count);
        if (!indices)
            return fail(tr("plan.json names a subject that does not exist"));
        run.addRequest(0, *indices);
    }
    run.plannedCount = static_cast<int>(run.requests.size());

    // Request and outcome files. Splits are only known from their files.
    QSet<int> written;
    QHash<int, RequestOutcome> outcomes;
    QHash<int, PlannedRequest> splits;
    const QVector<RequestFile> files = requestFiles(m_directory);
    // Splits halve requests: a run never has more requests than twice its subjects.
    const int maxFileId = run.plannedCount + 2 * count;
    for (const RequestFile& file : files) {
        const int id = file.id;
        const QString& name = file.name;
        const bool isOutcome = file.isOutcome;
        // A damaged file (a disk fault, an edit; QSaveFile itself never leaves half a file)
        // costs no subject: its request counts as unanswered and goes out again.
        auto damaged = [&](const QString& why) {
            run.damaged.append(QStringLiteral("%1: %2").arg(name, why));
            if (!isOutcome)
                written.insert(id); // it may have been sent
        };
        if (id > maxFileId) {
            damaged(tr("no run of %n subject(s) has a request with this id", nullptr, count));
            continue;
        }
        QString readError;
        const auto object = readObject(file.path, &readError);
        if (!object) {
            damaged(readError);
            continue;
        }
        if (object->value(QStringLiteral("id")).toInt() != id) {
            damaged(tr("it does not describe request %1").arg(id));
            continue;
        }
        if (isOutcome) {
            RequestOutcome outcome;
            outcome.id = id;
            const auto status = statusFromName(object->value(QStringLiteral("status")).toString());
            if (!status) {
                damaged(tr("unknown status"));
                continue;
            }
            outcome.status = *status;
            outcome.httpStatus = object->value(QStringLiteral("httpStatus")).toInt();
            outcome.oktaRequestId = object->value(QStringLiteral("requestId")).toString();
            outcome.answeredAt = parseTime(object->value(QStringLiteral("answeredAt")));
            outcome.detail = object->value(QStringLiteral("detail")).toString();
            const QJsonArray rejected = object->value(QStringLiteral("rejected")).toArray();
            for (const QJsonValue& value : rejected) {
                const QJsonObject r = value.toObject();
                outcome.rejected.append({r.value(QStringLiteral("subject")).toInt(-1),
                                         r.value(QStringLiteral("reason")).toString()});
            }
            const QJsonArray children = object->value(QStringLiteral("children")).toArray();
            for (const QJsonValue& value : children)
                outcome.children.append(value.toInt());
            outcomes.insert(id, outcome);
        } else {
            if (id > run.plannedCount) {
                const auto indices = toIndices(object->value(QStringLiteral("subjects")).toArray(), count);
                if (!indices) {
                    damaged(tr("it names a subject that does not exist"));
                    continue;
                }
                PlannedRequest split;
                split.id = id;
                split.parentId = object->value(QStringLiteral("parent")).toInt();
                split.subjects = *indices;
                splits.insert(id, split);
            }
            written.insert(id);
        }
    }
    // Splits keep their ids; ids of orphans (children written, parent outcome not) stay taken.
    // So are the ids of damaged files: a new split never takes the name of one.
    int maxId = run.plannedCount;
    for (const RequestFile& file : files)
        maxId = file.id <= maxFileId ? qMax(maxId, file.id) : maxId;
    run.requests.resize(maxId);
    for (auto it = splits.cbegin(); it != splits.cend(); ++it)
        run.requests[it.key() - 1] = it.value();

    // Walk the tree in sending order: planned requests by id, each split in place of its parent.
    std::function<void(int)> visit = [&](int id) {
        const PlannedRequest* request = run.request(id);
        if (!request)
            return;
        // Copied: visiting children may add requests and move the vector.
        const QVector<int> subjects = request->subjects;
        const auto outcome = outcomes.constFind(id);
        if (outcome == outcomes.cend() || outcome->status == RequestOutcome::Status::Pending) {
            if (outcome != outcomes.cend())
                run.apply(*outcome);
            else if (written.contains(id))
                run.unconfirmed.append(id);
            run.queue.append(id);
            return;
        }
        run.apply(*outcome);
        if (outcome->status != RequestOutcome::Status::Processed)
            return;
        QSet<int> covered;
        for (const RequestOutcome::Rejection& rejection : outcome->rejected)
            covered.insert(rejection.subject);
        for (int child : outcome->children) {
            const PlannedRequest* c = run.request(child);
            if (!c || c->parentId != id)
                continue;
            for (int subject : c->subjects)
                covered.insert(subject);
            visit(child);
        }
        // Defensive: subjects a damaged journal leaves without a request go out again.
        QVector<int> missing;
        for (int subject : subjects) {
            if (!covered.contains(subject))
                missing.append(subject);
        }
        if (!missing.isEmpty())
            run.queue.append(run.addRequest(id, missing));
    };
    for (int id = 1; id <= run.plannedCount; ++id)
        visit(id);
    return run;
}
