#pragma once

#include <QDialog>

class QLabel;
class QStandardItemModel;
class QTableView;
struct ImportResult;

// What an import did: the counts (ImportResult::summary()), how the input may have been meant,
// why it could not be used at all, and every rejected or merged row with its line, field, value
// and reason. At most MaxListedIssues rows are listed; the rest are counted.
class ImportSummaryDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int MaxListedIssues = 10000;
    // Values longer than this are cut for display (the tooltip has them whole).
    static constexpr int MaxValueLength = 80;

    explicit ImportSummaryDialog(const ImportResult& result, QWidget* parent = nullptr);

    QStandardItemModel* issueModel() const { return m_model; }

private:
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
};
