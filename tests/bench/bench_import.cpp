// bench_import: imports one file with RiskRowImporter and prints the counts, the wall time and
// the peak RSS, in the same "key value" lines as validate_reference.py (run_p1.sh compares them).
// Usage: bench_import FILE [--default-level LOW|MEDIUM|HIGH] [--allow-non-public]
//                          [--format auto|csv|plain] [--outcomes FILE] [--issues FILE]
#include "riskevents/RiskRowImporter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [--default-level L] [--allow-non-public] [--format F]\n",
                     argv[0]);
        return 2;
    }
    ImportOptions options;
    QString outcomesPath;
    QString issuesPath;
    for (int i = 2; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--default-level") == 0 && hasValue) {
            options.defaultLevel = RiskLevels::parse(QString::fromLocal8Bit(argv[++i]));
        } else if (std::strcmp(argv[i], "--allow-non-public") == 0) {
            options.allowNonPublic = true;
        } else if (std::strcmp(argv[i], "--format") == 0 && hasValue) {
            const QByteArray format = argv[++i];
            options.format = format == "csv"     ? ImportOptions::Format::Csv
                             : format == "plain" ? ImportOptions::Format::PlainList
                                                 : ImportOptions::Format::Auto;
        } else if (std::strcmp(argv[i], "--issues") == 0 && hasValue) {
            issuesPath = QString::fromLocal8Bit(argv[++i]);
        } else if (std::strcmp(argv[i], "--outcomes") == 0 && hasValue) {
            outcomesPath = QString::fromLocal8Bit(argv[++i]);
        } else {
            std::fprintf(stderr, "unknown argument %s\n", argv[i]);
            return 2;
        }
    }

    QElapsedTimer timer;
    timer.start();
    const ImportResult result = RiskRowImporter(options).importFile(QString::fromLocal8Bit(argv[1]));
    const qint64 elapsed = timer.elapsed();

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    if (!result.error.isEmpty()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("rows %lld\nvalid %lld\nrejected %lld\nmerged %lld\nissues %lld\n",
                static_cast<long long>(result.rows), static_cast<long long>(result.valid),
                static_cast<long long>(result.rejected), static_cast<long long>(result.merged),
                static_cast<long long>(result.issues.size()));
    std::printf("high %lld\nmedium %lld\nlow %lld\n", static_cast<long long>(result.count(RiskLevel::High)),
                static_cast<long long>(result.count(RiskLevel::Medium)),
                static_cast<long long>(result.count(RiskLevel::Low)));
    // CPU time of the process so far (startup + import), like the reference reports its own.
    const double cpuMs = (static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0) +
                         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
    std::printf("wall_ms %lld\ncpu_ms %.0f\npeak_rss_mb %.1f\n", static_cast<long long>(elapsed), cpuMs,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    if (!outcomesPath.isEmpty()) {
        // One line per row in input order, "ok <canonical ip>" or "rejected", to diff against
        // validate_reference.py --outcomes when the counts disagree.
        std::vector<std::pair<qint64, QString>> outcomes;
        for (const RiskSubject& s : result.subjects)
            outcomes.emplace_back(s.sourceLine, QStringLiteral("ok ") + s.ip);
        qint64 lastRejected = -1;
        for (const ValidationIssue& issue : result.issues) {
            if (issue.kind == ValidationIssue::Kind::Merged) {
                outcomes.emplace_back(issue.line, QStringLiteral("ok ") + issue.value);
            } else if (issue.line != lastRejected) {
                outcomes.emplace_back(issue.line, QStringLiteral("rejected"));
                lastRejected = issue.line;
            }
        }
        std::sort(outcomes.begin(), outcomes.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        QFile file(outcomesPath);
        if (file.open(QIODevice::WriteOnly)) {
            QTextStream out(&file);
            for (const auto& [line, text] : outcomes)
                out << text << '\n';
        }
    }
    if (!issuesPath.isEmpty()) {
        // "line field reason" per issue, as validate_reference.py --issues writes them.
        QFile file(issuesPath);
        if (file.open(QIODevice::WriteOnly)) {
            QTextStream out(&file);
            for (const ValidationIssue& issue : result.issues)
                out << issue.line << ' ' << issue.field << ' ' << issue.reason << '\n';
        }
    }
    return result.isBalanced() ? 0 : 1;
}
