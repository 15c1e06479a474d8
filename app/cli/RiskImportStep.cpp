#include "cli/RiskImportStep.h"

#include "cli/CliOutput.h"
#include "cli/RiskInputOptions.h"
#include "riskevents/ImportJob.h"
#include "riskevents/RiskRowImporter.h"

#include <QFile>
#include <QMetaObject>

#include <cstdio>

RiskImportStep::RiskImportStep(QObject* parent)
    : QObject(parent) {}

void RiskImportStep::start(const RiskInputOptions& input, CliOutput* output) {
    if (input.fromStandardInput()) {
        // A pipe has no size to report progress against; the importer still streams it.
        QFile in;
        ImportResult result;
        if (!in.open(stdin, QIODevice::ReadOnly))
            result.error = tr("standard input cannot be read: %1").arg(in.errorString());
        else
            result = RiskRowImporter(input.importOptions()).import(&in);
        QMetaObject::invokeMethod(
            this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
        return;
    }
    ImportJob* job = ImportJob::fromFile(input.path(), input.importOptions(), this);
    m_sinceProgress.start();
    connect(job, &ImportJob::progress, this, [this, output](qint64 read, qint64 total) {
        if (m_sinceProgress.elapsed() < 1000 || total <= 0)
            return;
        m_sinceProgress.restart();
        output->progress(tr("reading: %1%").arg(read * 100 / total));
    });
    connect(job, &ImportJob::finished, this, &RiskImportStep::finished);
    job->start();
}
