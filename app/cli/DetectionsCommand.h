#pragma once

#include "cli/CliCommand.h"

#include <QDateTime>

class DetectionFeed;
struct ThreatDetection;

// `detections`: ThreatInsight detections from the System Log through DetectionFeed (the same
// reading and parsing as the desktop app), newest first, as a table or Okta's events with --json.
class DetectionsCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "detections";
    static constexpr const char* Synopsis = "[--since 24h|TIME] [--until TIME]";
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("DetectionsCommand",
                          "List ThreatInsight detections and attack start/end events from the System Log.");
    // Okta keeps the System Log for 90 days: older ranges cannot return anything.
    static constexpr qint64 RetentionDays = 90;

    using CliCommand::CliCommand;

    QList<QCommandLineOption> options() const override;
    bool configure(const QCommandLineParser& parser, QString* error) override;

    // "30m", "24h", "7d" → seconds; 0 when `text` is not a duration.
    static qint64 parseDuration(const QString& text);

protected:
    void start() override;

private:
    void onLoaded(const QList<ThreatDetection>& detections, const QStringList& skipped);
    void onFailed(const QString& message);

    QDateTime m_since;
    QDateTime m_until;
    DetectionFeed* m_feed = nullptr;
};
