#pragma once

#include "RiskSubjectTableModel.h"

#include <QUndoCommand>

// One cell edited in the table: the row's values before and after, addressed by row id so that
// undo finds the row whatever the sort and filter are by then.
class EditRowCommand : public QUndoCommand {
public:
    EditRowCommand(RiskSubjectTableModel* model, int rowId, RiskSubjectTableModel::RowValues before,
                   RiskSubjectTableModel::RowValues after, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    RiskSubjectTableModel* m_model;
    int m_rowId;
    RiskSubjectTableModel::RowValues m_before;
    RiskSubjectTableModel::RowValues m_after;
};
