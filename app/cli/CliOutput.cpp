#include "cli/CliOutput.h"

#include "api/OktaResult.h"
#include "cli/ExitCode.h"

#include <QJsonDocument>
#include <cstdio>

CliOutput::CliOutput()
    : m_out(stdout)
    , m_err(stderr) {}

void CliOutput::line(const QString& text) {
    m_out << text << '\n';
    m_out.flush();
}

void CliOutput::text(const QString& text) {
    m_out << text;
    m_out.flush();
}

void CliOutput::lines(const QStringList& text) {
    for (const QString& each : text)
        m_out << each << '\n';
    m_out.flush();
}

void CliOutput::json(const QJsonObject& object) {
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

void CliOutput::json(const QJsonArray& array) {
    m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    m_out.flush();
}

void CliOutput::warning(const QString& text) {
    m_err << "threatdesk: " << tr("warning: %1").arg(text) << '\n';
    m_err.flush();
}

void CliOutput::progress(const QString& text) {
    m_err << "threatdesk: " << text << '\n';
    m_err.flush();
}

void CliOutput::error(const QString& text) {
    m_err << "threatdesk: " << text << '\n';
    m_err.flush();
}

void CliOutput::errorDetail(const QString& text) {
    m_err << "  " << text << '\n';
    m_err.flush();
}

int CliOutput::usageError(const QString& text) {
    m_err << "threatdesk: " << text << '\n' << tr("Run 'threatdesk --help' for usage.") << '\n';
    m_err.flush();
    return ExitCode::Usage;
}

int CliOutput::failure(const QString& what, const OktaResult& result) {
    // describe() is the one-line summary; the cause and request id lines repeat the parts a
    // reader (or support) scans for, one per line.
    m_err << "threatdesk: " << what << ": " << result.describe() << '\n';
    for (const QString& cause : result.error.errorCauses)
        m_err << "  " << tr("cause: %1").arg(cause) << '\n';
    if (result.isRateLimited()) {
        if (const auto wait = result.rateLimit.secondsUntilReset())
            m_err << "  " << tr("rate limit resets in %1 s").arg(*wait + 1) << '\n';
    }
    m_err << "  " << tr("request id: %1").arg(result.requestId.isEmpty() ? tr("none") : result.requestId)
          << '\n';
    m_err.flush();
    return exitCodeFor(result);
}

int CliOutput::exitCodeFor(const OktaResult& result) {
    switch (result.outcome) {
    case OktaResult::Outcome::Success:
        return ExitCode::Ok;
    case OktaResult::Outcome::NotSent:
        // Refused before sending: the base URL or credentials given to us were unusable.
        return ExitCode::Usage;
    case OktaResult::Outcome::NetworkError:
    case OktaResult::Outcome::Timeout:
    case OktaResult::Outcome::InvalidResponse:
        return ExitCode::Failure;
    case OktaResult::Outcome::HttpError:
        break;
    }
    const int status = result.httpStatus;
    if (status == 401 || status == 403)
        return ExitCode::Auth;
    // 408 and 429 say "not now", not "wrong input": worth retrying later, like a 5xx.
    if (status == 408 || status == 429 || status >= 500)
        return ExitCode::Failure;
    if (status >= 400)
        return ExitCode::Rejected;
    return ExitCode::Failure; // 1xx/3xx as a final answer: the server misbehaved
}
