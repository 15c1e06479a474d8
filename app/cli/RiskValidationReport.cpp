#include "cli/RiskValidationReport.h"

#include <QJsonArray>

RiskValidationReport::RiskValidationReport(const ImportResult& result)
    : m_result(result) {}

QStringList RiskValidationReport::text() const {
    QStringList lines;
    lines.append(tr("rows %1, valid %2 (HIGH %3, MEDIUM %4, LOW %5), rejected %6, merged %7")
                     .arg(m_result.rows)
                     .arg(m_result.valid)
                     .arg(m_result.count(RiskLevel::High))
                     .arg(m_result.count(RiskLevel::Medium))
                     .arg(m_result.count(RiskLevel::Low))
                     .arg(m_result.rejected)
                     .arg(m_result.merged));
    if (m_result.cleanedMessages > 0)
        lines.append(tr("messages cleaned: %1").arg(m_result.cleanedMessages));
    for (const ValidationIssue& issue : m_result.issues) {
        const bool rejected = issue.kind == ValidationIssue::Kind::Rejected;
        const QString text =
            rejected ? tr("line %1: rejected %2 '%3': %4") : tr("line %1: merged %2 '%3': %4");
        lines.append(text.arg(issue.line).arg(issue.field, issue.value.left(80), issue.reason));
    }
    if (!m_result.hint.isEmpty())
        lines.append(tr("hint: %1").arg(m_result.hint));
    return lines;
}

QJsonObject RiskValidationReport::json(bool withSubjects) const {
    QJsonArray rejected;
    QJsonArray merged;
    for (const ValidationIssue& issue : m_result.issues) {
        const QJsonObject item{{QStringLiteral("line"), issue.line},
                               {QStringLiteral("field"), issue.field},
                               {QStringLiteral("value"), issue.value},
                               {QStringLiteral("reason"), issue.reason}};
        (issue.kind == ValidationIssue::Kind::Rejected ? rejected : merged).append(item);
    }
    QJsonObject report{
        {QStringLiteral("rows"), m_result.rows},
        {QStringLiteral("valid"), m_result.valid},
        {QStringLiteral("rejectedRows"), m_result.rejected},
        {QStringLiteral("mergedRows"), m_result.merged},
        {QStringLiteral("byLevel"), QJsonObject{{QStringLiteral("HIGH"), m_result.count(RiskLevel::High)},
                                                {QStringLiteral("MEDIUM"), m_result.count(RiskLevel::Medium)},
                                                {QStringLiteral("LOW"), m_result.count(RiskLevel::Low)}}},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("merged"), merged},
    };
    if (withSubjects) {
        QJsonArray subjects;
        for (const RiskSubject& s : m_result.subjects)
            subjects.append(QJsonObject{{QStringLiteral("ip"), s.ip},
                                        {QStringLiteral("riskLevel"), RiskLevels::toString(s.level)},
                                        {QStringLiteral("message"), s.message},
                                        {QStringLiteral("line"), s.sourceLine}});
        report.insert(QStringLiteral("subjects"), subjects);
    }
    return report;
}
