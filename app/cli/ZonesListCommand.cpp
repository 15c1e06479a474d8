#include "cli/ZonesListCommand.h"

#include "api/OktaClient.h"
#include "api/PagedListJob.h"
#include "cli/CliOutput.h"
#include "cli/ExitCode.h"
#include "cli/TextTable.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace {
const QString FilterOption = QStringLiteral("filter");
}

QList<QCommandLineOption> ZonesListCommand::options() const {
    return {
        QCommandLineOption(FilterOption, tr("Okta filter expression, e.g. 'usage eq \"BLOCKLIST\"'."),
                           QStringLiteral("EXPR")),
    };
}

bool ZonesListCommand::configure(const QCommandLineParser& parser, QString* error) {
    m_filter = parser.value(FilterOption).trimmed();
    if (parser.isSet(FilterOption) && m_filter.isEmpty()) {
        *error = tr("--filter needs an expression, e.g. --filter 'usage eq \"BLOCKLIST\"'.");
        return false;
    }
    return true;
}

void ZonesListCommand::start() {
    PagedListJob* job = client()->listZones(m_filter);
    connect(job, &OktaJob::finished, this, &ZonesListCommand::onListed);
}

void ZonesListCommand::onListed(const OktaResult& result) {
    if (!result.isSuccess()) {
        finish(output().failure(tr("listing network zones failed"), result));
        return;
    }
    if (output().isJson()) {
        output().json(result.body.array());
        finish(ExitCode::Ok);
        return;
    }
    TextTable table({tr("NAME"), tr("ID"), tr("TYPE"), tr("USAGE"), tr("STATUS"), tr("GATEWAYS")});
    const ZoneCatalogue catalogue = catalogueFrom(result);
    for (const NetworkZone& zone : catalogue.zones())
        table.addRow({zone.name, zone.id, zone.type, zone.usage, zone.status, zone.gatewaySummary()});
    output().lines(table.render());
    output().line(tr("%n zone(s); request id %1", nullptr, int(table.rowCount()))
                      .arg(result.requestId.isEmpty() ? tr("none") : result.requestId));
    finish(ExitCode::Ok);
}
