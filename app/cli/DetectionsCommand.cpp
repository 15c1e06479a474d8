#include "cli/DetectionsCommand.h"

#include "api/OktaTime.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/TextTable.h"
#include "common/SystemClock.h"
#include "incident/DetectionFeed.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QRegularExpression>

#include <QSet>
#include <algorithm>

namespace {
const QString SinceOption = QStringLiteral("since");
const QString UntilOption = QStringLiteral("until");
constexpr qint64 DefaultLookbackSeconds = 24 * 3600;
constexpr qint64 SecondsPerDay = 24 * 3600;

QString utc(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// Okta's convention: a time without a zone is UTC. Invalid when `text` is not ISO 8601.
QDateTime parseTime(const QString& text) {
    return text.trimmed().isEmpty() ? QDateTime() : OktaTime::parse(text);
}

// Empty cells would shift the columns for awk and cut; a dash keeps one word per cell.
QString cell(const QString& text) {
    return text.isEmpty() ? QStringLiteral("-") : text;
}
} // namespace

QList<QCommandLineOption> DetectionsCommand::options() const {
    return {
        QCommandLineOption(SinceOption,
                           tr("Start of the range: a duration back from now (30m, 24h, 7d; at most "
                              "90d, Okta's retention) or an ISO 8601 UTC time. Default: 24h."),
                           QStringLiteral("SINCE")),
        QCommandLineOption(UntilOption,
                           tr("End of the range (exclusive), an ISO 8601 UTC time such as "
                              "2026-11-21T08:00:00Z. Default: now."),
                           QStringLiteral("TIME")),
    };
}

qint64 DetectionsCommand::parseDuration(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,9})([mhd])$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return 0;
    const qint64 count = match.captured(1).toLongLong();
    const QChar unit = match.captured(2).at(0).toLower();
    const qint64 unitSeconds = unit == QLatin1Char('m')   ? 60
                               : unit == QLatin1Char('h') ? 3600
                                                          : SecondsPerDay;
    return count * unitSeconds;
}

bool DetectionsCommand::configure(const QCommandLineParser& parser, QString* error) {
    const QDateTime now = SystemClock::instance()->nowUtc();
    const QDateTime oldest = now.addDays(-RetentionDays);

    m_until = now;
    if (parser.isSet(UntilOption)) {
        const QString text = parser.value(UntilOption);
        m_until = parseTime(text);
        if (!m_until.isValid()) {
            *error = tr("--until '%1' is not an ISO 8601 UTC time such as 2026-11-21T08:00:00Z.").arg(text);
            return false;
        }
    }

    if (m_until <= oldest) {
        *error = tr("--until %1 is before %2: Okta keeps the System Log for %3 days only.")
                     .arg(utc(m_until), utc(oldest))
                     .arg(RetentionDays);
        return false;
    }
    // Without --since: the day before --until (or before now), never past the retention.
    m_since = std::max(m_until.addSecs(-DefaultLookbackSeconds), oldest);
    if (parser.isSet(SinceOption)) {
        const QString text = parser.value(SinceOption);
        const QRegularExpression looksLikeDuration(QStringLiteral("^\\s*\\d+\\s*[a-zA-Z]*\\s*$"));
        if (const qint64 seconds = parseDuration(text); seconds > 0) {
            if (seconds > RetentionDays * SecondsPerDay) {
                *error = tr("--since %1 reaches past Okta's System Log retention of %2 days; use "
                            "at most %2d.")
                             .arg(text.trimmed())
                             .arg(RetentionDays);
                return false;
            }
            m_since = now.addSecs(-seconds);
        } else if (looksLikeDuration.match(text).hasMatch()) {
            *error = tr("--since '%1' is not a duration: use a positive number followed by m, h "
                        "or d (30m, 24h, 7d).")
                         .arg(text);
            return false;
        } else {
            m_since = parseTime(text);
            if (!m_since.isValid()) {
                *error = tr("--since '%1' is neither a duration (30m, 24h, 7d) nor an ISO 8601 UTC "
                            "time such as 2026-11-21T08:00:00Z.")
                             .arg(text);
                return false;
            }
            if (m_since < oldest) {
                *error = tr("--since %1 is before %2: Okta keeps the System Log for %3 days only.")
                             .arg(utc(m_since), utc(oldest))
                             .arg(RetentionDays);
                return false;
            }
        }
    }

    if (m_since >= m_until) {
        *error = tr("--since (%1) must be before --until (%2).").arg(utc(m_since), utc(m_until));
        return false;
    }
    return true;
}

void DetectionsCommand::start() {
    m_feed = new DetectionFeed(client(), SystemClock::instance(), this);
    connect(m_feed, &DetectionFeed::loaded, this, &DetectionsCommand::onLoaded);
    connect(m_feed, &DetectionFeed::failed, this, &DetectionsCommand::onFailed);
    m_feed->refreshRange(m_since, m_until);
}

void DetectionsCommand::onFailed(const QString&) {
    // The feed's message is for a window; the CLI prints the same facts line by line and maps
    // the answer to an exit code.
    finish(output().failure(tr("reading the System Log failed"), m_feed->lastFailure()));
}

void DetectionsCommand::onLoaded(const QList<ThreatDetection>& detections, const QStringList& skipped) {
    for (const QString& line : skipped)
        output().warning(tr("skipping a System Log event: %1").arg(line));

    if (output().isJson()) {
        QJsonArray events;
        for (const ThreatDetection& detection : detections)
            events.append(detection.raw);
        output().json(events);
        finish(ExitCode::Ok);
        return;
    }

    TextTable table({tr("TIME"), QStringLiteral("IP"), tr("EVENT"), tr("OUTCOME"), tr("THREAT")});
    QSet<QString> ips;
    for (const ThreatDetection& d : detections) {
        table.addRow({utc(d.published), cell(d.ip), d.kindText(), cell(d.outcome),
                      cell(d.threatSuspected.isEmpty() ? d.detail : d.threatSuspected)});
        if (!d.ip.isEmpty())
            ips.insert(d.ip);
    }
    if (table.rowCount() > 0)
        output().lines(table.render());
    // Whole phrases per number, so a translation can agree with it.
    const QString found =
        detections.size() == 1 ? tr("%1 detection from %2 to %3") : tr("%1 detections from %2 to %3");
    const QString distinct = ips.size() == 1 ? tr("%1 distinct IP") : tr("%1 distinct IPs");
    output().line(QStringLiteral("%1; %2").arg(found.arg(detections.size()).arg(utc(m_since), utc(m_until)),
                                               distinct.arg(ips.size())));
    finish(ExitCode::Ok);
}
