#pragma once

#include "RiskSubjectTableModel.h"

#include <QUndoCommand>
#include <QVector>

// Rows typed by hand (Add row). The first redo appends them; later undo/redo only mark the very
// same rows removed or back, so their row ids stay valid for the commands around this one.
class AddRowsCommand : public QUndoCommand {
public:
    AddRowsCommand(RiskSubjectTableModel* model, QVector<RiskSubjectTableModel::RowValues> values,
                   QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    const QVector<int>& rowIds() const { return m_rowIds; }

private:
    RiskSubjectTableModel* m_model;
    QVector<RiskSubjectTableModel::RowValues> m_values; // released after the first redo
    QVector<int> m_rowIds;
    bool m_done = false;
};
