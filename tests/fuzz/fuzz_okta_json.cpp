// libFuzzer target: the parsers of Okta's JSON answers, fed a response body as OktaJob gets it.
// Error bodies (OktaError), the ThreatInsight configuration, Network Zones one by one and as a
// listing page (ZoneCatalogue, name resolution), risk providers and System Log events
// (ThreatDetection), with the timestamps they carry (OktaTime).
#include "FuzzCheck.h"

#include "api/OktaError.h"
#include "api/OktaTime.h"
#include "incident/ThreatDetection.h"
#include "riskevents/RiskProvider.h"
#include "threatinsight/NetworkZone.h"
#include "threatinsight/ThreatInsightConfiguration.h"
#include "threatinsight/ZoneCatalogue.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

namespace {

void checkTime(const QDateTime& time) {
    if (time.isValid())
        FUZZ_CHECK(time.timeSpec() == Qt::UTC || time.offsetFromUtc() == 0);
}

void parseConfiguration(const QJsonObject& object) {
    QString error;
    const std::optional<ThreatInsightConfiguration> config =
        ThreatInsightConfiguration::fromJson(object, &error);
    if (!config) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    FUZZ_CHECK(!config->action.isEmpty());
    checkTime(config->created);
    checkTime(config->lastUpdated);
    ThreatInsightConfiguration::describeAction(config->action);
    ThreatInsightConfiguration::isValidAction(config->action);
    // What an update sends reads back as the same settings.
    const std::optional<ThreatInsightConfiguration> again =
        ThreatInsightConfiguration::fromJson(config->toUpdateJson(), nullptr);
    FUZZ_CHECK(again && again->action == config->action && again->excludeZones == config->excludeZones);
}

void parseZone(const QJsonObject& object) {
    QString error;
    const std::optional<NetworkZone> zone = NetworkZone::fromJson(object, &error);
    if (!zone) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    FUZZ_CHECK(!zone->id.isEmpty() && !zone->type.isEmpty());
    FUZZ_CHECK(zone->raw == object); // a later PUT must not lose fields
    checkTime(zone->created);
    checkTime(zone->lastUpdated);
    zone->gatewaySummary();
    zone->gatewaySummary(0);
    zone->canBeExcludedFromThreatInsight();
}

void parseZonePage(const QJsonArray& array) {
    QStringList errors;
    const ZoneCatalogue catalogue = ZoneCatalogue::fromJson(array, &errors);
    FUZZ_CHECK(catalogue.zones().size() + errors.size() == array.size());
    for (const NetworkZone& zone : catalogue.zones()) {
        const ZoneCatalogue::Resolution byId = catalogue.resolve(zone.id);
        const QString wantedId = zone.id.trimmed();
        if (byId.zone)
            FUZZ_CHECK(byId.zone->id == wantedId ||
                       byId.zone->name.compare(wantedId, Qt::CaseInsensitive) == 0);
        else
            FUZZ_CHECK(!byId.error.isEmpty());
        const ZoneCatalogue::Resolution byName = catalogue.resolve(zone.name.toUpper());
        const QString wantedName = zone.name.toUpper().trimmed();
        if (byName.zone)
            FUZZ_CHECK(byName.zone->id == wantedName ||
                       byName.zone->name.compare(wantedName, Qt::CaseInsensitive) == 0);
        else
            FUZZ_CHECK(!byName.error.isEmpty());
        catalogue.displayName(zone.id);
    }
}

void parseProvider(const QJsonObject& object) {
    QString error;
    if (const std::optional<RiskProvider> provider = RiskProvider::fromJson(object, &error)) {
        FUZZ_CHECK(!provider->id.isEmpty());
        checkTime(provider->created);
        checkTime(provider->lastUpdated);
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }
}

void parseLogEvent(const QJsonObject& object) {
    QString error;
    if (const std::optional<ThreatDetection> detection = ThreatDetection::fromLogEvent(object, &error)) {
        FUZZ_CHECK(error.isEmpty());
        FUZZ_CHECK(!detection->uuid.isEmpty() && detection->published.isValid());
        checkTime(detection->published);
        FUZZ_CHECK(!detection->kindText().isEmpty());
        FUZZ_CHECK(!detection->detail.contains(QLatin1Char('\n'))); // one line in a table cell
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }
}

void parseObject(const QJsonObject& object) {
    parseConfiguration(object);
    parseZone(object);
    parseProvider(object);
    parseLogEvent(object);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray body(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    // Any non-2xx answer's body.
    if (const std::optional<OktaError> error = OktaError::fromJson(body))
        FUZZ_CHECK(!error->isEmpty());

    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        parseObject(object);
        // A listing wrapped in an object ({"keys": [...]}-like) still gets its elements parsed.
        for (const QJsonValue& value : object)
            if (value.isArray())
                parseZonePage(value.toArray());
    } else if (document.isArray()) {
        const QJsonArray array = document.array();
        parseZonePage(array); // GET /api/v1/zones
        for (const QJsonValue& value : array) {
            const QJsonObject object = value.toObject();
            parseProvider(object); // GET /api/v1/risk/providers
            parseLogEvent(object); // GET /api/v1/logs
            OktaTime::parse(value.toString());
        }
    }
    // Timestamps alone, as some answers carry them.
    checkTime(OktaTime::parse(QString::fromUtf8(body)));
    return 0;
}
