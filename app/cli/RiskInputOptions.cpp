#include "cli/RiskInputOptions.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace {
const QString DefaultLevelOption = QStringLiteral("default-level");
const QString AllowPrivateOption = QStringLiteral("allow-private");
const QString FormatOption = QStringLiteral("format");
const QString CleanMessagesOption = QStringLiteral("clean-messages");
} // namespace

QList<QCommandLineOption> RiskInputOptions::definitions() {
    return {
        QCommandLineOption(DefaultLevelOption,
                           tr("Risk level for rows without one (LOW, MEDIUM, HIGH); required for "
                              "plain IP lists."),
                           QStringLiteral("LEVEL")),
        QCommandLineOption(AllowPrivateOption,
                           tr("Accept private, loopback, link-local, multicast and documentation "
                              "addresses.")),
        QCommandLineOption(FormatOption,
                           tr("auto (default), csv (delimited rows, header optional) or list (the first "
                              "token of each line is the ip, the rest is ignored: threat feeds)."),
                           QStringLiteral("FORMAT")),
        QCommandLineOption(CleanMessagesOption,
                           tr("Replace characters Okta does not accept in messages instead of "
                              "rejecting the row.")),
    };
}

bool RiskInputOptions::read(const QCommandLineParser& parser, QString* error) {
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        *error = tr("give the file to read (CSV, TSV or a plain IP list), or - for standard input.");
        return false;
    }
    m_path = arguments.constFirst();
    if (!fromStandardInput() && !QFileInfo(m_path).isFile()) {
        *error = tr("'%1' is not a readable file.").arg(m_path);
        return false;
    }
    if (parser.isSet(DefaultLevelOption)) {
        const auto level = RiskLevels::parse(parser.value(DefaultLevelOption));
        if (!level) {
            *error = tr("--default-level '%1' is not one of LOW, MEDIUM, HIGH.")
                         .arg(parser.value(DefaultLevelOption));
            return false;
        }
        m_options.defaultLevel = level;
    }
    m_options.allowNonPublic = parser.isSet(AllowPrivateOption);
    m_options.cleanMessages = parser.isSet(CleanMessagesOption);
    const QString format = parser.value(FormatOption).toLower();
    if (format.isEmpty() || format == QLatin1String("auto")) {
        m_options.format = ImportOptions::Format::Auto;
    } else if (format == QLatin1String("csv")) {
        m_options.format = ImportOptions::Format::Csv;
    } else if (format == QLatin1String("list")) {
        m_options.format = ImportOptions::Format::PlainList;
    } else {
        *error = tr("--format '%1' is not one of auto, csv, list.").arg(parser.value(FormatOption));
        return false;
    }
    return true;
}
