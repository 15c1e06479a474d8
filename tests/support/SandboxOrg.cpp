#include "SandboxOrg.h"

#include "api/SswsAuthProvider.h"
#include "common/SystemClock.h"
#include "riskevents/BatchPlanner.h"
#include "riskevents/RunJournal.h"

#include <QDebug>

bool SandboxOrg::start(const SandboxOptions& options, const QString& token, int transferTimeoutMs) {
    server = std::make_unique<SandboxServer>(options);
    QString error;
    if (!server->start(&error)) {
        qWarning() << "sandbox:" << error;
        return false;
    }
    QObject::connect(server.get(), &SandboxServer::requestServed, server.get(),
                     [this](const QString&, const QString& path, int status) {
                         if (!path.startsWith(QLatin1String("/api/v1/risk/events")))
                             return;
                         ++riskRequests;
                         rateLimited += status == 429 ? 1 : 0;
                     });
    client.setBaseUrl(server->baseUrl().toString());
    client.setAuthProvider(std::make_shared<SswsAuthProvider>(token.isEmpty() ? server->token() : token));
    client.setTransferTimeoutMs(transferTimeoutMs);
    return true;
}

SandboxOptions SandboxOrg::rateWindow(int limit, int windowSeconds, qint64 clockSkewSeconds) {
    SandboxOptions options;
    options.riskEventsLimit = limit;
    options.windowSeconds = windowSeconds;
    options.clockSkewSeconds = clockSkewSeconds;
    return options;
}

QVector<RiskSubject> SandboxOrg::mixedSubjects(int n, int offset) {
    QVector<RiskSubject> subjects;
    const RiskLevel cycle[] = {RiskLevel::Low, RiskLevel::High, RiskLevel::Medium, RiskLevel::Low};
    for (int i = 0; i < n; ++i) {
        const int k = i + offset;
        RiskSubject s;
        s.ip = k % 5 == 0
                   ? QStringLiteral("2001:db8:%1::%2").arg(k / 65536, 0, 16).arg(k % 65536, 0, 16)
                   : QStringLiteral("198.%1.%2.%3").arg(18 + k / 65536).arg((k / 256) % 256).arg(k % 256);
        s.level = cycle[k % 4];
        s.message = k % 3 == 0 ? QString() : QStringLiteral("feed-%1 row_%2").arg(k % 7).arg(k);
        s.sourceLine = k + 2;
        subjects.append(s);
    }
    return subjects;
}

SendRun SandboxOrg::planRun(const QVector<RiskSubject>& subjects) {
    BatchPlanner::Options options;
    options.timeToLiveSeconds = 3600;
    const QDateTime now = SystemClock::instance()->nowUtc();
    options.timestamp = now;
    return SendRun::plan(subjects, options, QStringLiteral("sandbox"), RunJournal::newRunId(now), now);
}
