#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class CliCommand;
class QObject;

// Every sub-command the CLI knows, by its words ("threatinsight set"). Usage text and dispatch
// both come from this one list, so a new command appears in --help by being registered.
class CliCommandRegistry {
    Q_DECLARE_TR_FUNCTIONS(CliCommandRegistry)

public:
    struct Entry {
        QString name;     // the command words, space separated
        QString synopsis; // its options, for the usage line
        QString summary;  // one sentence for --help
        std::function<CliCommand*(QObject* parent)> create;
    };

    static const QList<Entry>& entries();
    // The command named by the leading words of `arguments` (the words after the global options).
    // Sets `consumed` to the number of words that named it; null and a usage message otherwise.
    static const Entry* find(const QStringList& arguments, int* consumed, QString* error);
};
