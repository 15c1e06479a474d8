#include "CliRun.h"

#include <QJsonParseError>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace CliTest {
const QString TokenVariable = QStringLiteral("THREATDESK_API_TOKEN");

QString binary(const char* name) {
    return QStringLiteral(THREATDESK_BINARY_DIR "/bin/") + QLatin1String(name);
}

QJsonDocument parseJson(const QString& text) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? document : QJsonDocument();
}

QString requestIdIn(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("request id:?\\s+([A-Za-z0-9_-]{8,})"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).captured(1);
}

CliRun runCli(const QStringList& arguments, const QString& token, const QByteArray& input,
              const QStringList& extraEnvironment, int timeoutMs) {
    CliRun run;
    run.arguments = arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(TokenVariable);
    if (!token.isEmpty())
        environment.insert(TokenVariable, token);
    // The tests compare English messages, whatever the developer's desktop language.
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    for (const QString& entry : extraEnvironment)
        environment.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(binary("threatdesk"), arguments);
    if (process.waitForStarted(ProcessTimeoutMs)) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(timeoutMs)) {
        run.problem = QStringLiteral("threatdesk %1 did not finish: %2")
                          .arg(arguments.join(QLatin1Char(' ')), process.errorString());
        process.kill();
        process.waitForFinished(ProcessTimeoutMs);
        return run;
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        run.problem = QStringLiteral("threatdesk %1 crashed").arg(arguments.join(QLatin1Char(' ')));
        return run;
    }
    run.finished = true;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
} // namespace CliTest

QString CliRun::describe(int expectedExitCode) const {
    return QStringLiteral("threatdesk %1\nexpected exit %2, got %3\n--- stdout\n%4--- stderr\n%5")
        .arg(arguments.join(QLatin1Char(' ')))
        .arg(expectedExitCode)
        .arg(exitCode)
        .arg(out, err);
}
