#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

// An OAuth service app to register at start: client id, public JWK, allowed scopes (empty = all).
struct SandboxServiceAppOption {
    QString clientId;
    QJsonObject publicJwk;
    QStringList allowedScopes;
};

// Everything that shapes one sandbox org. Defaults mirror a fresh Okta org: 30 risk-event
// requests per minute, a generous budget for every other endpoint family.
struct SandboxOptions {
    quint16 port = 0;         // 0 = pick a free one
    QString token;            // empty = use the built-in default token
    QString readOnlyToken;    // empty = built-in default read-only token
    int riskEventsLimit = 30; // requests per window on POST /api/v1/risk/events/ip
    int otherLimit = 600;     // requests per window on every other family
    int windowSeconds = 60;   // fixed rate-limit window length
    QString stateFile;        // optional: ThreatInsight config + zones persisted here (JSON, QSaveFile)
    bool acceptNonIpExcludedZones = false;
    qint64 clockSkewSeconds = 0; // server clock = system clock + skew (Date and Reset headers use it)
    QList<SandboxServiceAppOption> serviceApps; // OAuth service apps (private_key_jwt)
    bool requireDpop = false;                   // token requests must carry a DPoP proof (with nonce)
    // Seed the System Log with ThreatInsight detections over the last 24 h of the sandbox clock
    // (12 security.threat.detected and one attack start/end pair; the same every start).
    bool seedDetections = true;
};
