#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// One line of the History screen: a risk-event send run, a ThreatInsight change or a zone change
// (block / unblock / exempt / unexempt) of a profile.
struct HistoryEntry {
    enum class Kind { RiskRun, ThreatInsightChange, ZoneChange };

    Kind kind = Kind::RiskRun;
    QDateTime when; // UTC: run creation, or the moment the change was saved
    QString profileId;
    QString profileName; // "who": the profile the action was taken with
    // One line: "1,000 subjects: 990 accepted, 10 rejected" / "action audit → block; +1 zone" /
    // "block 3 in BlockedIpZone (12 → 15 gateways)".
    QString summary;
    // completed | cancelled | stopped | interrupted | running | saved | failed
    QString outcome;
    int subjects = 0; // risk runs
    int accepted = 0;
    int rejected = 0;
    int pending = 0;
    QStringList requestIds; // Okta's X-Okta-Request-Id of every answer recorded
    QString details;        // several lines for the details pane
    QString runDirectory;   // risk runs: the journal directory (resume, open folder)
};
