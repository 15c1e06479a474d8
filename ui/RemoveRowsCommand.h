#pragma once

#include "RiskSubjectTableModel.h"

#include <QUndoCommand>
#include <QVector>

// Remove rows: a mark in the model, so undo brings back the very same rows in place.
class RemoveRowsCommand : public QUndoCommand {
public:
    RemoveRowsCommand(RiskSubjectTableModel* model, QVector<int> rowIds, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    RiskSubjectTableModel* m_model;
    QVector<int> m_rowIds;
};
