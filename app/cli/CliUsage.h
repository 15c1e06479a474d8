#pragma once

#include "cli/CliCommandRegistry.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

// The help texts, built from the registry and the option definitions so they never drift from
// what the parser accepts.
class CliUsage {
    Q_DECLARE_TR_FUNCTIONS(CliUsage)

public:
    // `threatdesk --help`, also printed (on stderr) when no command is given.
    static QString general();
    // `threatdesk <command> --help`.
    static QString forCommand(const CliCommandRegistry::Entry& entry,
                              const QList<QCommandLineOption>& options);

private:
    static QString optionTable(const QList<QCommandLineOption>& options);
};
