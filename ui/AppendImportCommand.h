#pragma once

#include "RiskSubjectTableModel.h"

#include <QUndoCommand>
#include <QVector>

// A paste or an appended file import as one undo step. The first redo appends what the import
// produced; later undo/redo mark the same rows removed or back (the result is not kept).
class AppendImportCommand : public QUndoCommand {
public:
    AppendImportCommand(RiskSubjectTableModel* model, ImportResult result, const QString& text,
                        QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    const QVector<int>& rowIds() const { return m_rowIds; }

private:
    RiskSubjectTableModel* m_model;
    ImportResult m_result; // released after the first redo: a big import is not held twice
    QVector<int> m_rowIds;
    bool m_done = false;
};
