#pragma once

#include "threatinsight/ThreatInsightConfiguration.h"
#include "threatinsight/ZoneCatalogue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

class CliOutput;
struct OktaResult;

// The ThreatInsight state as `threatinsight get` and `set` print it: the action with Okta's
// meaning, the excluded zones by name and id, the timestamps and the request id. Zone names
// are best effort: without a catalogue the ids are shown and the reason is given.
class ThreatInsightReport {
    Q_DECLARE_TR_FUNCTIONS(ThreatInsightReport)

public:
    // `configuration` is Okta's object exactly as answered (printed as is with --json).
    ThreatInsightReport(QJsonObject configuration, ThreatInsightConfiguration parsed, QString requestId);

    // The report of a successful GET or POST; empty with the reason when the body is not a
    // configuration object.
    static std::optional<ThreatInsightReport> fromResult(const OktaResult& result, QString* error);

    const ThreatInsightConfiguration& configuration() const { return m_parsed; }
    void setZones(const ZoneCatalogue& catalogue) { m_catalogue = catalogue; }
    void setZoneNamesUnavailable(const QString& reason) { m_zoneNamesError = reason; }

    void print(CliOutput& output) const;

private:
    void printText(CliOutput& output) const;
    void printJson(CliOutput& output) const;
    QString timestamp(const QString& key) const;

    QJsonObject m_configuration;
    ThreatInsightConfiguration m_parsed;
    QString m_requestId;
    std::optional<ZoneCatalogue> m_catalogue;
    QString m_zoneNamesError;
};
