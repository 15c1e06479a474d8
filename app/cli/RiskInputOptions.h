#pragma once

#include "riskevents/ImportOptions.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QCommandLineParser;

// The options every `risk` command shares to read its rows: FILE (or - for standard input),
// --default-level, --allow-private, --format and --clean-messages.
class RiskInputOptions {
    Q_DECLARE_TR_FUNCTIONS(RiskInputOptions)

public:
    static QList<QCommandLineOption> definitions();
    // False with a usage message when the options make no sense.
    bool read(const QCommandLineParser& parser, QString* error);

    const QString& path() const { return m_path; }
    bool fromStandardInput() const { return m_path == QLatin1String("-"); }
    const ImportOptions& importOptions() const { return m_options; }

private:
    QString m_path;
    ImportOptions m_options;
};
