#include "RemoveRowsCommand.h"

#include <QCoreApplication>

RemoveRowsCommand::RemoveRowsCommand(RiskSubjectTableModel* model, QVector<int> rowIds, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_rowIds(std::move(rowIds)) {
    setText(
        QCoreApplication::translate("RemoveRowsCommand", "remove %n row(s)", nullptr, int(m_rowIds.size())));
}

void RemoveRowsCommand::redo() {
    m_model->setRowsRemoved(m_rowIds, true);
}

void RemoveRowsCommand::undo() {
    m_model->setRowsRemoved(m_rowIds, false);
}
