#include "cli/CliCommand.h"

#include "api/OktaClient.h"
#include "api/OktaResult.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"

#include <QJsonArray>

CliCommand::CliCommand(QObject* parent)
    : QObject(parent) {}

CliCommand::~CliCommand() = default;

bool CliCommand::configure(const QCommandLineParser&, QString*) {
    return true; // a command without options has nothing to check
}

void CliCommand::run(OktaClient* client, CliOutput* output) {
    m_client = client;
    m_output = output;
    start();
}

OktaClient* CliCommand::client() const {
    return m_client;
}

void CliCommand::finish(int exitCode) {
    if (m_finished)
        return;
    m_finished = true;
    emit finished(exitCode);
}

ZoneCatalogue CliCommand::catalogueFrom(const OktaResult& listing) const {
    QStringList errors;
    ZoneCatalogue catalogue = ZoneCatalogue::fromJson(listing.body.array(), &errors);
    for (const QString& error : errors)
        m_output->warning(tr("skipping a zone Okta listed: %1").arg(error));
    return catalogue;
}

int CliCommand::unreadableAnswer(const QString& what, const OktaResult& result, const QString& reason) {
    m_output->error(tr("%1: Okta's answer could not be read: %2").arg(what, reason));
    m_output->errorDetail(
        tr("request id: %1").arg(result.requestId.isEmpty() ? tr("none") : result.requestId));
    return ExitCode::Failure;
}
