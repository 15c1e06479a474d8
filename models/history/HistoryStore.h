#pragma once

#include "history/HistoryEntry.h"
#include "threatinsight/ThreatInsightConfiguration.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

// The History screen's source: past send runs (read from the run journals under
// <base>/runs/<profile>/, see RunJournal), the ThreatInsight changes saved from this app
// (<base>/history/<profile>/threatinsight.jsonl) and the zone changes (block / unblock / exempt /
// unexempt, <base>/history/<profile>/zones.jsonl), one JSON object per line, appended. Never
// holds a secret. Reading a run reads its run.json, state.json and outcome files, never the
// subjects, so a million-subject run lists as fast as a small one.
class HistoryStore : public QObject {
    Q_OBJECT
public:
    // `baseDirectory`: the app data location in the app, a temporary folder in tests.
    explicit HistoryStore(QString baseDirectory, QObject* parent = nullptr);
    ~HistoryStore() override;

    static QString defaultBaseDirectory(); // QStandardPaths::AppDataLocation
    QString baseDirectory() const { return m_base; }
    QString runsDirectory() const; // <base>/runs, the RunJournal base for this store

    // Every run and change of the profile, newest first. Unreadable files become entries with
    // outcome "unreadable" and the reason in details, never a silent gap.
    QList<HistoryEntry> entries(const QString& profileId) const;

    // Appends a saved (or failed) ThreatInsight change. `zoneName` maps zone ids to names for
    // the summary. False and the reason when the file cannot be written.
    struct ThreatInsightChange {
        QString profileId;
        QString profileName;
        ThreatInsightConfiguration before;
        ThreatInsightConfiguration after; // as Okta answered (or as attempted when failed)
        bool ok = true;
        QString error;     // Okta's summary and causes when it failed
        QString requestId; // of the POST
        QDateTime when;    // UTC
    };
    bool recordThreatInsightChange(const ThreatInsightChange& change,
                                   const std::function<QString(const QString& zoneId)>& zoneName,
                                   QString* error);
    // Appends a zone change (ok or failed). False and the reason when the file cannot be written.
    struct ZoneChange {
        QString profileId;
        QString profileName;
        QString action; // ZoneActions::word(): block | unblock | exempt | unexempt
        QString zoneId;
        QString zoneName;
        QStringList added;       // entries written into the zone ("198.51.100.7/32")
        QStringList removed;     // entries taken out of it
        int gatewaysBefore = -1; // -1: unknown
        int gatewaysAfter = -1;
        bool ok = true;
        QString error;     // Okta's summary and causes when it failed
        QString requestId; // of the PUT
        QDateTime when;    // UTC
    };
    bool recordZoneChange(const ZoneChange& change, QString* error);
    // A run of the profile started, progressed or stopped: listeners re-read entries().
    void notifyRunChanged(const QString& profileId);

    // when,kind,profile,outcome,subjects,accepted,rejected,pending,summary,requestIds (";"-joined)
    static bool exportCsv(const QList<HistoryEntry>& entries, QIODevice* device, QString* error);

signals:
    void changed(const QString& profileId);

private:
    QString m_base;
    // A run whose last state is "running" or "paused" is live only if that state was written
    // after this store came up (by this process); older ones were cut off by a crash or a quit.
    QDateTime m_startedAt;
};
