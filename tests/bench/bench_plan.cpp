// bench_plan (P2): plans 1,000,000 validated subjects (priority order, packing, every request's
// exact JSON body) and prints the wall time. Target: ≤ 100 ms in a Release build. Not a test:
// run by hand. Usage: bench_plan [SUBJECTS] [ROUNDS]
#include "riskevents/BatchPlanner.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

// Realistic input: ~80 % IPv4, 20 % IPv6 (canonical, as the importer leaves them), levels
// skewed towards LOW, a handful of feed messages shared by many rows, some rows without one.
QVector<RiskSubject> makeSubjects(int count) {
    QRandomGenerator random(20260218);
    const QString messages[] = {QStringLiteral("Scanner"),
                                QStringLiteral("SSH brute force"),
                                QStringLiteral("IPsum listed on 3 blocklists"),
                                QStringLiteral("Tor exit node"),
                                QStringLiteral("Credential stuffing"),
                                QStringLiteral("web-attack_probe"),
                                QString()};
    QVector<RiskSubject> subjects;
    subjects.reserve(count);
    for (int i = 0; i < count; ++i) {
        RiskSubject s;
        const quint32 r = random.generate();
        if (r % 5 == 0) {
            s.ip = QStringLiteral("2a0%1:%2:%3::%4")
                       .arg(r % 10)
                       .arg(random.bounded(0x10000), 0, 16)
                       .arg(random.bounded(0x10000), 0, 16)
                       .arg(i, 0, 16);
        } else {
            s.ip = QStringLiteral("%1.%2.%3.%4")
                       .arg(11 + random.bounded(212))
                       .arg(random.bounded(256))
                       .arg(random.bounded(256))
                       .arg(1 + random.bounded(254));
        }
        const quint32 level = random.bounded(10);
        s.level = level < 2 ? RiskLevel::High : level < 5 ? RiskLevel::Medium : RiskLevel::Low;
        s.message = messages[random.bounded(7)];
        s.sourceLine = i + 2;
        subjects.append(std::move(s));
    }
    return subjects;
}

// CPU time of the process (all threads): on a shared, busy machine wall time mostly measures
// the neighbours; with the planner's threads, wall ≈ CPU / cores on an idle machine.
double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 1000000;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
    const QVector<RiskSubject> subjects = makeSubjects(count);
    BatchPlanner::Options options;
    options.timeToLiveSeconds = 86400;
    const BatchPlanner planner(options);

    std::vector<double> full, fullCpu, indicesOnly, order;
    qint64 bytes = 0;
    qsizetype requests = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const QVector<int> o = BatchPlanner::priorityOrder(subjects);
        order.push_back(timer.nsecsElapsed() / 1e6);

        timer.restart();
        const QVector<PlannedRequest> plain = planner.plan(subjects, false);
        indicesOnly.push_back(timer.nsecsElapsed() / 1e6);

        timer.restart();
        const double cpuBefore = cpuMs();
        const QVector<PlannedRequest> plan = planner.plan(subjects, true);
        full.push_back(timer.nsecsElapsed() / 1e6);
        fullCpu.push_back(cpuMs() - cpuBefore);
        requests = plan.size();
        bytes = 0;
        for (const PlannedRequest& request : plan)
            bytes += request.body.size();
        if (o.size() != count || plain.size() != plan.size())
            return 1;
    }
    std::printf("subjects %d\nrequests %lld\nbody_bytes %lld\n", count, static_cast<long long>(requests),
                static_cast<long long>(bytes));
    std::printf("priority_order_ms_median %.1f\n", median(order));
    std::printf("plan_indices_ms_median %.1f\n", median(indicesOnly));
    std::printf("plan_with_bodies_ms_median %.1f\n", median(full));
    std::printf("plan_with_bodies_ms_min %.1f\n", *std::min_element(full.begin(), full.end()));
    std::printf("plan_with_bodies_cpu_ms_median %.1f\n", median(fullCpu));
    std::printf("threads %d\n", QThread::idealThreadCount());
    std::printf("target_ms 100\nwithin_target %s\n", median(full) <= 100.0 ? "yes" : "no");
    return 0;
}
