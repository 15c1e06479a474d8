#pragma once

#include "SandboxServer.h"

#include "api/OktaClient.h"
#include "riskevents/RiskSubject.h"
#include "riskevents/SendRun.h"

#include <QNetworkAccessManager>
#include <QVector>

#include <memory>

// The in-process sandbox org and a client that talks to it over loopback with an API token: the
// real HTTP path of the delivery tests without a separate process. Also the workload those
// tests send it.
class SandboxOrg {
public:
    std::unique_ptr<SandboxServer> server;
    QNetworkAccessManager nam;
    OktaClient client{&nam};
    int riskRequests = 0; // risk-event requests the org answered
    int rateLimited = 0;  // of which with 429

    // `token` empty: the sandbox's own. False (with a warning) when the server cannot listen.
    bool start(const SandboxOptions& options, const QString& token = {}, int transferTimeoutMs = 10000);

    // A sandbox allowing `limit` risk-event requests per window of `windowSeconds`, whose clock
    // is `clockSkewSeconds` off.
    static SandboxOptions rateWindow(int limit, int windowSeconds, qint64 clockSkewSeconds = 0);
    // `n` distinct public subjects from number `offset` on: every fifth IPv6, levels cycling Low,
    // High, Medium, Low, a message on two in three.
    static QVector<RiskSubject> mixedSubjects(int n, int offset = 0);
    // A run of `subjects` for the profile "sandbox", planned now with an hour to live.
    static SendRun planRun(const QVector<RiskSubject>& subjects);
};
