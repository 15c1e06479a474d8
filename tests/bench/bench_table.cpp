// bench_table: the Risk events table model with 1,000,000 rows: every sort (each column, both
// directions) and the filters the screen offers, each the median of 5 runs after a warm-up.
// Target: ≤ 300 ms per operation in a Release build. Not a test: run by hand. Sorts by a column
// already sorted once reuse the model's caches; first_sort_* and filter_text_after_edit measure
// the cold paths.
// Usage: bench_table [ROWS] [RUNS]
//
// No view is attached: the model still emits its reset/layout signals (QAbstractItemModel sends
// them whether anyone listens or not), and a QTableView only repaints the visible rows on them,
// so the model's own work is what grows with the row count. Realistic enough for this target.
#include "RiskSubjectTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace {

constexpr double TargetMs = 300.0;

// Like an import of a feed: ~80 % IPv4 and 20 % IPv6 (canonical), levels skewed towards LOW,
// feed messages with varying counts, some empty; ~1 % rejected rows (CIDR, bad message) and ~1 %
// merged duplicates, each with its issue. Every string is its own allocation, as the importer
// leaves them (shared copies would let the comparisons short-cut on equal pointers).
ImportResult makeImport(int rows) {
    QRandomGenerator random(20261122);
    const char* const messages[] = {"Scanner",
                                    "SSH brute force",
                                    "IPsum listed on %1 blocklists",
                                    "Tor exit node",
                                    "Credential stuffing from %1",
                                    "web-attack_probe",
                                    ""};
    ImportResult result;
    result.subjects.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        const qint64 line = i + 2; // after the header
        const quint32 r = random.generate();
        const quint32 fate = random.bounded(100);
        if (fate == 0 && !result.subjects.isEmpty()) {
            // A duplicate of an earlier subject, folded into it.
            const RiskSubject& kept = result.subjects.at(random.bounded(result.subjects.size()));
            result.issues.append(
                {ValidationIssue::Kind::Merged, line, QStringLiteral("ip"),
                 QString(kept.ip.constData(), kept.ip.size()),
                 QStringLiteral("duplicate of line %1: the highest level is kept").arg(kept.sourceLine)});
            ++result.merged;
            continue;
        }
        if (fate == 1) {
            if (r % 2 == 0) {
                result.issues.append({ValidationIssue::Kind::Rejected, line, QStringLiteral("ip"),
                                      QStringLiteral("10.%1.0.0/16").arg(r % 256),
                                      QStringLiteral("CIDR ranges are not accepted: give a single address")});
            } else {
                result.issues.append({ValidationIssue::Kind::Rejected, line, QStringLiteral("message"),
                                      QStringLiteral("bad <script> %1").arg(r % 1000),
                                      QStringLiteral("the character '<' is not allowed in a message")});
            }
            ++result.rejected;
            continue;
        }
        RiskSubject s;
        if (r % 5 == 0) {
            s.ip = QStringLiteral("2a0%1:%2:%3::%4")
                       .arg(r % 10)
                       .arg(random.bounded(0x10000), 0, 16)
                       .arg(random.bounded(0x10000), 0, 16)
                       .arg(i & 0xffff, 0, 16); // a valid group: at most 4 hex digits
        } else {
            s.ip = QStringLiteral("%1.%2.%3.%4")
                       .arg(11 + random.bounded(212))
                       .arg(random.bounded(256))
                       .arg(random.bounded(256))
                       .arg(1 + random.bounded(254));
        }
        const quint32 level = random.bounded(10);
        s.level = level < 2 ? RiskLevel::High : level < 5 ? RiskLevel::Medium : RiskLevel::Low;
        const QString message = QString::fromLatin1(messages[random.bounded(7)]);
        s.message = message.contains(QLatin1String("%1")) ? message.arg(1 + random.bounded(200)) : message;
        s.sourceLine = line;
        ++result.perLevel[static_cast<size_t>(s.level)];
        result.subjects.append(std::move(s));
    }
    result.rows = rows;
    result.valid = result.subjects.size();
    return result;
}

double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double rssMb(const char* key) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

struct Outcome {
    int failed = 0;
};

// Runs `prepare` (untimed) then `operation` (timed) once as a warm-up and `runs` times measured;
// prints one line: name, median wall ms, median CPU ms, rows shown, PASS/FAIL against the target.
void measure(Outcome& outcome, const char* name, int runs, const RiskSubjectTableModel& model,
             const std::function<void()>& prepare, const std::function<void()>& operation) {
    std::vector<double> wall, cpu;
    for (int run = 0; run <= runs; ++run) {
        prepare();
        QElapsedTimer timer;
        const double cpuBefore = cpuMs();
        timer.start();
        operation();
        const double elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const double cpuElapsed = cpuMs() - cpuBefore;
        if (run == 0)
            continue; // the warm-up
        wall.push_back(elapsed);
        cpu.push_back(cpuElapsed);
    }
    const double ms = median(wall);
    const bool pass = ms <= TargetMs;
    outcome.failed += pass ? 0 : 1;
    std::printf("%-26s %9.1f ms  cpu %9.1f ms  rows %8d  %s\n", name, ms, median(cpu), model.rowCount(),
                pass ? "PASS" : "FAIL");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000000;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    using Model = RiskSubjectTableModel;
    using Filter = Model::Filter;

    const ImportResult import = makeImport(count);
    Model model;
    QElapsedTimer timer;
    timer.start();
    model.setImport(import);
    const double setImportMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::printf("rows %d\nvalid %lld\nrejected %lld\nmerged %lld\nruns %d\n", model.rowCount(),
                static_cast<long long>(import.valid), static_cast<long long>(import.rejected),
                static_cast<long long>(import.merged), runs);
    std::printf("set_import_ms %.1f\n", setImportMs);
    std::printf("%-26s %12s  %16s  %13s  target ≤ %.0f ms\n", "operation", "median", "median", "shown",
                TargetMs);

    Outcome outcome;
    struct Column {
        Model::Column column;
        const char* name;
    };
    const Column columns[] = {{Model::IpColumn, "ip"},           {Model::LevelColumn, "level"},
                              {Model::StatusColumn, "status"},   {Model::LineColumn, "line"},
                              {Model::MessageColumn, "message"}, {Model::ReasonColumn, "reason"}};
    for (const Column& c : columns) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const QByteArray name =
                QByteArray("sort_") + c.name + (order == Qt::AscendingOrder ? "_asc" : "_desc");
            // Each timed sort starts from another order, as when the user clicks a new header.
            const Model::Column from = c.column == Model::LineColumn ? Model::LevelColumn : Model::LineColumn;
            measure(
                outcome, name.constData(), runs, model, [&] { model.sort(from, Qt::AscendingOrder); },
                [&, c, order] { model.sort(c.column, order); });
        }
    }

    // The sorts above reuse what the model keeps between sorts (ip keys, message ranks); the first
    // sort after an import builds them, measured here from a fresh import each time.
    for (const Column& c : {columns[0], columns[4]}) {
        const QByteArray name = QByteArray("first_sort_") + c.name + "_asc";
        measure(
            outcome, name.constData(), runs, model,
            [&] {
                model.sort(Model::LineColumn, Qt::AscendingOrder);
                model.setImport(import);
            },
            [&, c] { model.sort(c.column, Qt::AscendingOrder); });
    }

    // Filters, in line order (the table's default) and once more under a string sort, where
    // the filter's result is sorted again.
    model.sort(Model::LineColumn, Qt::AscendingOrder);
    Filter text;
    text.text = QStringLiteral("10.2");
    Filter problems;
    problems.problemsOnly = true;
    Filter high;
    high.levelMask = 1u << static_cast<unsigned>(RiskLevel::High);
    Filter validOnly;
    validOnly.statusMask = 1u << static_cast<unsigned>(Model::RowStatus::Valid);
    Filter invalidOrMerged;
    invalidOrMerged.statusMask = (1u << static_cast<unsigned>(Model::RowStatus::Invalid)) |
                                 (1u << static_cast<unsigned>(Model::RowStatus::Merged));
    Filter combined = high;
    combined.text = QStringLiteral("scanner");
    struct Named {
        const char* name;
        Filter filter;
    };
    const Named filters[] = {{"filter_text_10.2", text},
                             {"filter_problems_only", problems},
                             {"filter_level_high", high},
                             {"filter_status_valid", validOnly},
                             {"filter_status_invalid_merged", invalidOrMerged},
                             {"filter_high_and_text", combined}};
    for (const Named& f : filters) {
        measure(
            outcome, f.name, runs, model, [&] { model.setFilter(Filter()); },
            [&] { model.setFilter(f.filter); });
    }
    measure(
        outcome, "filter_clear", runs, model, [&] { model.setFilter(text); },
        [&] { model.setFilter(Filter()); });
    model.sort(Model::MessageColumn, Qt::AscendingOrder);
    measure(
        outcome, "filter_text_by_message", runs, model, [&] { model.setFilter(Filter()); },
        [&] { model.setFilter(text); });
    measure(
        outcome, "filter_clear_by_message", runs, model, [&] { model.setFilter(text); },
        [&] { model.setFilter(Filter()); });

    // A filter change after an edit: the model's order of every row is stale then (and the edited
    // message drops the message ranks), so this one sorts again.
    int edits = 0;
    measure(
        outcome, "filter_text_after_edit", runs, model,
        [&] {
            model.setFilter(Filter());
            const int id = model.rowIdAt(1000);
            Model::RowValues values = model.rowValues(id);
            values.message = QStringLiteral("edited %1").arg(++edits);
            model.setRowValues(id, values);
        },
        [&] { model.setFilter(text); });

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("rss_mb %.1f\npeak_rss_mb %.1f\n", rssMb("VmRSS"),
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    std::printf("failed %d\nwithin_target %s\n", outcome.failed, outcome.failed == 0 ? "yes" : "no");
    return outcome.failed == 0 ? 0 : 1;
}
