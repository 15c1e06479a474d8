#pragma once

#include "riskevents/ImportResult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

// What an import found, for `risk validate` and the first part of `risk send`: counts, then
// every rejected and merged row with its line, field, value and reason.
class RiskValidationReport {
    Q_DECLARE_TR_FUNCTIONS(RiskValidationReport)

public:
    explicit RiskValidationReport(const ImportResult& result);

    // "rows 1000, valid 950 (HIGH 10, MEDIUM 40, LOW 900), rejected 40, merged 10" and one line
    // per rejected or merged row.
    QStringList text() const;
    // {"rows","valid","byLevel":{…},"rejected":[{"line","field","value","reason"}],"merged":[…],
    //  "subjects":[{"ip","riskLevel","message","line"}]} (subjects only with withSubjects)
    QJsonObject json(bool withSubjects) const;

private:
    const ImportResult& m_result;
};
