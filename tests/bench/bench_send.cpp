// bench_send (P3): sends 100,000 subjects (mixed levels) to the in-process sandbox org with a
// short rate-limit window and reports how much of the allowed request rate was used, the 429s,
// whether every HIGH was accepted before any MEDIUM (and MEDIUM before LOW), and the wall time.
// Not a test: run by hand in a Release build.
// Usage: bench_send [SUBJECTS] [LIMIT] [WINDOW_SECONDS] [SERVER_CLOCK_SKEW_SECONDS] [ALIGN 1|0]
// With ALIGN (default) the run starts just after a server window opens, so the first window is
// as available to the client as the others and the per-window utilisation is comparable.
#include "SandboxServer.h"

#include "api/OktaClient.h"
#include "api/SswsAuthProvider.h"
#include "common/SystemClock.h"
#include "riskevents/SendScheduler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <map>

namespace {

QVector<RiskSubject> makeSubjects(int count) {
    QVector<RiskSubject> subjects;
    subjects.reserve(count);
    const RiskLevel cycle[] = {RiskLevel::Low, RiskLevel::Medium, RiskLevel::High, RiskLevel::Low,
                               RiskLevel::Medium};
    for (int i = 0; i < count; ++i) {
        RiskSubject s;
        s.ip = i % 4 == 0
                   ? QStringLiteral("2001:db8:%1::%2").arg(i / 65536, 0, 16).arg(i % 65536, 0, 16)
                   : QStringLiteral("198.%1.%2.%3").arg(18 + i / 65536).arg((i / 256) % 256).arg(i % 256);
        s.level = cycle[i % 5];
        s.message = i % 3 == 0 ? QString() : QStringLiteral("bench feed %1").arg(i % 11);
        subjects.append(s);
    }
    return subjects;
}

int rank(const QString& level) {
    return level == QLatin1String("HIGH") ? 0 : level == QLatin1String("MEDIUM") ? 1 : 2;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    SandboxOptions options;
    options.riskEventsLimit = argc > 2 ? std::atoi(argv[2]) : 30;
    options.windowSeconds = argc > 3 ? std::atoi(argv[3]) : 10;
    options.clockSkewSeconds = argc > 4 ? std::atoll(argv[4]) : 0;
    const bool align = argc > 5 ? std::atoi(argv[5]) != 0 : true;

    SandboxServer server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    struct Served {
        qint64 serverMs;
        int status;
    };
    std::vector<Served> served;
    QObject::connect(&server, &SandboxServer::requestServed, &server,
                     [&](const QString&, const QString& path, int status) {
                         if (path.startsWith(QLatin1String("/api/v1/risk/events")))
                             served.push_back({server.currentTimeMs(), status});
                     });

    QNetworkAccessManager nam;
    OktaClient client(&nam);
    client.setBaseUrl(server.baseUrl().toString());
    client.setAuthProvider(std::make_shared<SswsAuthProvider>(server.token()));

    const QVector<RiskSubject> subjects = makeSubjects(count);
    BatchPlanner::Options planOptions;
    planOptions.timestamp = SystemClock::instance()->nowUtc();
    SendScheduler scheduler(&client, SystemClock::instance());
    scheduler.setRun(SendRun::plan(subjects, planOptions, QStringLiteral("bench"), QStringLiteral("bench"),
                                   planOptions.timestamp));
    SendScheduler::StopReason reason = SendScheduler::StopReason::None;
    QObject::connect(&scheduler, &SendScheduler::stopped, &app,
                     [&](SendScheduler::StopReason r, const QString& text) {
                         reason = r;
                         std::fprintf(stderr, "stopped: %s\n", qPrintable(text));
                         app.quit();
                     });
    const qint64 windowMs = options.windowSeconds * 1000LL;
    const qint64 startDelay = align ? windowMs - server.currentTimeMs() % windowMs + 100 : 0;
    QElapsedTimer wall;
    QTimer::singleShot(startDelay, Qt::PreciseTimer, &scheduler, [&] {
        wall.start();
        scheduler.start();
    });
    app.exec();
    const qint64 wallMs = wall.elapsed();

    // Per server window (the sandbox's fixed windows, on its own clock).
    std::map<qint64, int> perWindow;
    int rateLimited = 0;
    for (const Served& s : served) {
        ++perWindow[s.serverMs / windowMs];
        rateLimited += s.status == 429 ? 1 : 0;
    }
    const qint64 first = perWindow.empty() ? 0 : perWindow.begin()->first;
    const qint64 last = perWindow.empty() ? 0 : perWindow.rbegin()->first;
    const qint64 spanned = perWindow.empty() ? 0 : last - first + 1;
    const int requests = static_cast<int>(served.size());
    int beforeLast = 0, between = 0;
    for (const auto& [window, n] : perWindow) {
        if (window != last)
            beforeLast += n;
        if (window != last && window != first)
            between += n;
    }

    // Order and completeness as the org recorded them.
    const QJsonArray record = server.acceptedRiskSubjects();
    bool ordered = true;
    int previous = 0;
    QHash<QString, int> seen;
    for (const QJsonValue& value : record) {
        const QJsonObject r = value.toObject();
        const int level = rank(r.value(QStringLiteral("riskLevel")).toString());
        ordered = ordered && level >= previous;
        previous = level;
        ++seen[r.value(QStringLiteral("ip")).toString()];
    }
    int missing = 0, duplicated = 0;
    for (const RiskSubject& s : subjects) {
        missing += seen.value(s.ip) == 0 ? 1 : 0;
        duplicated += seen.value(s.ip) > 1 ? 1 : 0;
    }

    std::printf("subjects %d\naccepted %d\nstop_reason %s\n", count, scheduler.acceptedCount(),
                QMetaEnum::fromType<SendScheduler::StopReason>().valueToKey(static_cast<int>(reason)));
    std::printf("limit %d\nwindow_seconds %d\nserver_clock_skew_seconds %lld\n", options.riskEventsLimit,
                options.windowSeconds, static_cast<long long>(options.clockSkewSeconds));
    std::printf("requests %d\nrate_limited_429 %d\nwindows_spanned %lld\n", requests, rateLimited,
                static_cast<long long>(spanned));
    std::printf("requests_per_window");
    for (const auto& [window, n] : perWindow)
        std::printf(" %d", n);
    std::printf("\n");
    // Raw: requests / (limit × windows spanned); the last window is only partly needed, so this
    // cannot reach 100 % unless the request count is a multiple of the limit.
    std::printf("utilisation_raw %.4f\n",
                spanned ? requests / (static_cast<double>(options.riskEventsLimit) * spanned) : 0.0);
    // While work was pending: every window before the one where the queue ran dry.
    std::printf("utilisation_while_pending %.4f\n",
                spanned > 1 ? beforeLast / (static_cast<double>(options.riskEventsLimit) * (spanned - 1))
                            : 1.0);
    // Windows the run covered from start to end (neither the first nor the last).
    std::printf("utilisation_full_windows %.4f\n",
                spanned > 2 ? between / (static_cast<double>(options.riskEventsLimit) * (spanned - 2)) : 1.0);
    std::printf("aligned_start %s\n", align ? "yes" : "no");
    std::printf("org_record_subjects %lld\nmissing %d\nduplicated %d\npriority_order %s\n",
                static_cast<long long>(record.size()), missing, duplicated, ordered ? "ok" : "VIOLATED");
    std::printf("wall_ms %lld\n", static_cast<long long>(wallMs));
    return reason == SendScheduler::StopReason::Completed && ordered && rateLimited == 0 ? 0 : 1;
}
