#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QTest>

// The command-line tests run `threatdesk` as a user does: a separate process, its stdout,
// stderr and exit code. These are the helpers they share.
namespace CliTest {
constexpr int ProcessTimeoutMs = 30000;
extern const QString TokenVariable; // THREATDESK_API_TOKEN
// An executable of this build: "threatdesk" or "threatdesk-sandbox".
QString binary(const char* name);
// Parses stdout as JSON; a null document when it is not JSON.
QJsonDocument parseJson(const QString& text);
// The Okta request id a message names ("request id 6AQk…"), empty if none.
QString requestIdIn(const QString& text);
} // namespace CliTest

// One run of `threatdesk` to its end.
struct CliRun {
    QStringList arguments;
    bool finished = false;
    QString problem; // why the process did not run to completion
    int exitCode = -1;
    QString out;
    QString err;

    // The command, the exit code expected and got, stdout and stderr: for QVERIFY2.
    QString describe(int expectedExitCode) const;
};

namespace CliTest {
// `token` empty: THREATDESK_API_TOKEN is removed from the environment. Standard input is a pipe
// (not a terminal) that gets `input` and is then closed. The messages are English (LANGUAGE=en)
// unless `environment` ("NAME=value" entries) says otherwise. A run past `timeoutMs` is killed
// and reported as not finished.
CliRun runCli(const QStringList& arguments, const QString& token = {}, const QByteArray& input = {},
              const QStringList& environment = {}, int timeoutMs = ProcessTimeoutMs);
} // namespace CliTest

// In a test function: run the CLI and fail the test if it did not run to its end.
#define RUN_CLI(name, ...)                                                                                   \
    const CliRun name = CliTest::runCli(__VA_ARGS__);                                                        \
    QVERIFY2(name.finished, qPrintable(name.problem))

#define EXPECT_EXIT(run, code) QVERIFY2((run).exitCode == (code), qPrintable((run).describe(code)))

// In a test function: a threatdesk-sandbox process `name` started with these arguments.
#define START_SANDBOX(name, ...)                                                                             \
    SandboxProcess name;                                                                                     \
    {                                                                                                        \
        QString problem;                                                                                     \
        QVERIFY2(name.start(__VA_ARGS__, &problem), qPrintable(problem));                                    \
    }
