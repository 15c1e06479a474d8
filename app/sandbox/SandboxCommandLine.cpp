#include "SandboxCommandLine.h"

#include "SandboxJose.h"
#include "SandboxOAuth.h"
#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <climits>
#include <optional>

namespace {

QList<QCommandLineOption> options() {
    return {
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit.")},
        {QStringLiteral("version"), QStringLiteral("Show the version and exit.")},
        {QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0 = pick a free one; default 0)."),
         QStringLiteral("N")},
        {QStringLiteral("token"), QStringLiteral("Admin API token (default: built-in, printed on line 2)."),
         QStringLiteral("T")},
        {QStringLiteral("read-only-token"), QStringLiteral("Read-only API token (GET only)."),
         QStringLiteral("T")},
        {QStringLiteral("risk-events-limit"),
         QStringLiteral("Requests per window on POST /api/v1/risk/events/ip (default 30)."),
         QStringLiteral("N")},
        {QStringLiteral("other-limit"),
         QStringLiteral("Requests per window on every other endpoint family (default 600)."),
         QStringLiteral("N")},
        {QStringLiteral("window"), QStringLiteral("Rate-limit window length in seconds (default 60)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("state"),
         QStringLiteral("Keep ThreatInsight configuration and zones in this JSON file."),
         QStringLiteral("FILE")},
        {QStringLiteral("accept-non-ip-zones"),
         QStringLiteral("Let ThreatInsight exclude non-IP (dynamic) zones.")},
        {QStringLiteral("clock-skew"),
         QStringLiteral("Server clock = system clock + SECONDS (may be negative)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("service-app"),
         QStringLiteral(
             "Register an OAuth service app, repeatable: CLIENT_ID:PUBLIC_JWK_FILE[:scope,scope...] "
             "(default: all scopes). The seeded risk provider's client id is %1.")
             .arg(SandboxServer::RiskProviderClientId),
         QStringLiteral("SPEC")},
        {QStringLiteral("require-dpop"),
         QStringLiteral("Token requests must carry a DPoP proof (with the server's nonce); tokens get "
                        "DPoP-bound.")},
        {QStringLiteral("no-seed-detections"),
         QStringLiteral("Start with no ThreatInsight detections in the System Log (by default 12 detections "
                        "and an attack start/end pair over the last 24 hours are seeded).")},
        {QStringLiteral("fault"),
         QStringLiteral(
             "Inject a fault, repeatable: 500:N, reset:N, stall:N:MS, malformed:N, 429-no-headers:N, "
             "drop-response:N, oversized:N:BYTES (a body past the client's 32 MiB cap by default), "
             "429-duplicate-headers:N; optionally followed by :after=K (let K requests pass first) "
             "and :/path/prefix."),
         QStringLiteral("SPEC")},
    };
}

// --service-app CLIENT_ID:FILE[:scope,scope...]; the JWK file holds one public JWK (or a set of one).
std::optional<SandboxServiceAppOption> parseServiceApp(const QString& spec, QString* error) {
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == spec.size() - 1) {
        *error = QStringLiteral("'%1' is not CLIENT_ID:PUBLIC_JWK_FILE[:scopes]").arg(spec);
        return std::nullopt;
    }
    SandboxServiceAppOption app;
    app.clientId = spec.left(colon);
    QString path = spec.mid(colon + 1);
    const qsizetype last = path.lastIndexOf(QLatin1Char(':'));
    if (last >= 0 && path.mid(last + 1).startsWith(QLatin1String("okta."))) {
        app.allowedScopes = path.mid(last + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        path = path.left(last);
        const QStringList known = SandboxOAuth::allScopes();
        for (const QString& scope : std::as_const(app.allowedScopes)) {
            if (!known.contains(scope)) {
                *error =
                    QStringLiteral("unknown scope '%1' (known: %2)").arg(scope, known.join(QLatin1Char(',')));
                return std::nullopt;
            }
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QJsonObject jwk = document.object();
    if (jwk.value(QLatin1String("keys")).toArray().size() == 1)
        jwk = jwk.value(QLatin1String("keys")).toArray().at(0).toObject();
    QString reason;
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("'%1' is not a JSON object (a public JWK)").arg(path);
        return std::nullopt;
    }
    if (!SandboxJose::isUsablePublicJwk(jwk, &reason)) {
        *error = QStringLiteral("'%1': %2").arg(path, reason);
        return std::nullopt;
    }
    app.publicJwk = jwk;
    return app;
}

std::optional<qint64> parseInteger(const QString& text, qint64 minimum, qint64 maximum) {
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

QString SandboxCommandLine::helpText() {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("ThreatDesk sandbox org: a local Okta look-alike for demos and tests.\n"
                       "Prints its base URL on the first line of stdout and, unless --token is given, the\n"
                       "admin token on the second; serves until SIGTERM or SIGINT."));
    parser.addOptions(options());
    return parser.helpText();
}

SandboxCommandLine::Result SandboxCommandLine::parse(const QStringList& arguments) {
    Result result;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options());
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        result.helpRequested = true;
        return result;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        result.versionRequested = true;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error =
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        return result;
    }

    SandboxOptions& o = result.options;
    const auto integer = [&parser, &result](const char* name, qint64 minimum, qint64 maximum,
                                            const QString& expectation) -> std::optional<qint64> {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option) || !result.error.isEmpty())
            return std::nullopt;
        const QString text = parser.value(option);
        const std::optional<qint64> value = parseInteger(text, minimum, maximum);
        if (!value)
            result.error = QStringLiteral("--%1: '%2' is not %3").arg(option, text, expectation);
        return value;
    };
    if (const auto port = integer("port", 0, 65535, QStringLiteral("a port number (0-65535)")))
        o.port = static_cast<quint16>(*port);
    if (const auto limit = integer("risk-events-limit", 0, INT_MAX, QStringLiteral("a non-negative integer")))
        o.riskEventsLimit = static_cast<int>(*limit);
    if (const auto limit = integer("other-limit", 0, INT_MAX, QStringLiteral("a non-negative integer")))
        o.otherLimit = static_cast<int>(*limit);
    if (const auto window =
            integer("window", 1, 366LL * 24 * 3600, QStringLiteral("a positive number of seconds")))
        o.windowSeconds = static_cast<int>(*window);
    if (const auto skew = integer("clock-skew", -100LL * 365 * 24 * 3600, 100LL * 365 * 24 * 3600,
                                  QStringLiteral("a whole number of seconds")))
        o.clockSkewSeconds = *skew;
    if (!result.error.isEmpty())
        return result;

    for (const char* name : {"token", "read-only-token", "state"}) {
        const QString option = QLatin1String(name);
        if (parser.isSet(option) && parser.value(option).trimmed().isEmpty()) {
            result.error = QStringLiteral("--%1: must not be empty").arg(option);
            return result;
        }
    }
    for (const char* name : {"token", "read-only-token"}) {
        const QString value = parser.value(QLatin1String(name));
        for (const QChar c : value) {
            if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e) {
                result.error = QStringLiteral("--%1: only printable ASCII without spaces is allowed")
                                   .arg(QLatin1String(name));
                return result;
            }
        }
    }
    result.tokenGiven = parser.isSet(QStringLiteral("token"));
    o.token = parser.value(QStringLiteral("token"));
    o.readOnlyToken = parser.value(QStringLiteral("read-only-token"));
    o.stateFile = parser.value(QStringLiteral("state"));
    o.acceptNonIpExcludedZones = parser.isSet(QStringLiteral("accept-non-ip-zones"));
    o.requireDpop = parser.isSet(QStringLiteral("require-dpop"));
    o.seedDetections = !parser.isSet(QStringLiteral("no-seed-detections"));
    for (const QString& spec : parser.values(QStringLiteral("service-app"))) {
        QString error;
        const std::optional<SandboxServiceAppOption> app = parseServiceApp(spec, &error);
        if (!app) {
            result.error = QStringLiteral("--service-app: ") + error;
            return result;
        }
        o.serviceApps << *app;
    }

    for (const QString& spec : parser.values(QStringLiteral("fault"))) {
        QString error;
        const std::optional<SandboxFault> fault = SandboxFault::parse(spec, &error);
        if (!fault) {
            result.error = QStringLiteral("--fault: ") + error;
            return result;
        }
        result.faults << *fault;
    }
    return result;
}
