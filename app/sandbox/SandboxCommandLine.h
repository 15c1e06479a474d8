#pragma once

#include "SandboxFault.h"
#include "SandboxOptions.h"

#include <QList>
#include <QString>
#include <QStringList>

// threatdesk-sandbox's command line, parsed without side effects so it can be tested and so
// main() alone decides what to print and which exit code to use.
class SandboxCommandLine {
public:
    struct Result {
        SandboxOptions options;
        QList<SandboxFault> faults;
        bool tokenGiven = false;
        bool helpRequested = false;
        bool versionRequested = false;
        QString error; // non-empty = bad usage; names the offending option
    };

    static Result parse(const QStringList& arguments); // arguments[0] is the program name
    static QString helpText();
};
