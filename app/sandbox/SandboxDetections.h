#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// ThreatInsight's System Log events, as Okta writes them: security.threat.detected for a request
// from a suspicious IP (outcome DENY, RATE_LIMIT or ALLOW; the detail in
// debugContext.debugData.threatSuspected) and security.attack.start / security.attack.end when
// the org as a whole comes under or out of attack. Only documentation addresses are used
// (198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), so nothing here names a real host.
class SandboxDetections {
public:
    struct Event {
        qint64 publishedMs = 0;
        QJsonObject event;
    };

    static QStringList outcomes();     // DENY, RATE_LIMIT, ALLOW (the rotation order)
    static QStringList generatedIps(); // the documentation addresses generated events rotate through

    // The seeded detections, ascending: 12 security.threat.detected over the 24 hours before
    // `nowMs` (some IPs repeated, every outcome) and one attack start/end pair. The same events
    // (uuids, texts, offsets from now) every time.
    static QList<Event> seed(qint64 nowMs);

    // The `index`-th generated detection (0, 1, 2, ... rotate through IPs, outcomes and threats),
    // published at `publishedMs` with a random uuid. `ip` / `outcome` empty = the rotation's.
    static QJsonObject generated(int index, qint64 publishedMs, const QString& ip, const QString& outcome);

private:
    struct Threat {
        QString name;       // Okta's detection name, e.g. "Password Spray"
        QString suspected;  // the human text in debugData.threatSuspected
        QString requestUri; // the sign-in endpoint the request hit
    };

    static QJsonObject threatDetected(const QString& uuid, const QString& transactionId, qint64 publishedMs,
                                      const QString& ip, const QString& outcome, const Threat& threat,
                                      int userAgent);
    static QJsonObject attack(bool start, const QString& uuid, const QString& transactionId,
                              qint64 publishedMs, const QString& suspected);
    static QJsonObject geographyFor(const QString& ip);
};
