#pragma once

#include "riskevents/ImportResult.h"

#include <QElapsedTimer>
#include <QObject>

class CliOutput;
class RiskInputOptions;

// Reads and validates the rows of a `risk` command: a file on the import worker thread with
// progress on stderr, or standard input. Emits `finished` once.
class RiskImportStep : public QObject {
    Q_OBJECT
public:
    explicit RiskImportStep(QObject* parent = nullptr);
    void start(const RiskInputOptions& input, CliOutput* output);

signals:
    void finished(const ImportResult& result);

private:
    QElapsedTimer m_sinceProgress;
};
