#pragma once

#include "riskevents/RiskLevel.h"

#include <QChar>

#include <optional>

// How rows are read and judged; one set for a file, a paste or rows typed one by one.
struct ImportOptions {
    enum class Format {
        Auto,     // a plain list when each line is an address, maybe with a comment; otherwise CSV
        Csv,      // delimited rows: ip[,level[,message]] or columns named by a header
        PlainList // first token of each line is the ip, the rest of the line is ignored
    };

    Format format = Format::Auto;
    std::optional<RiskLevel> defaultLevel; // for rows without a level (required for plain lists)
    bool allowNonPublic = false;           // private, loopback, documentation, ... accepted
    bool cleanMessages = false;            // the explicit "clean messages" action: fix, don't reject
    QChar delimiter;                       // ',', TAB or ';'; QChar() detects it
    qsizetype maxRowLength = 64 * 1024;    // characters; longer rows are rejected, not kept
};
