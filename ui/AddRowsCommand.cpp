#include "AddRowsCommand.h"

#include <QCoreApplication>

AddRowsCommand::AddRowsCommand(RiskSubjectTableModel* model, QVector<RiskSubjectTableModel::RowValues> values,
                               QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_values(std::move(values)) {
    setText(QCoreApplication::translate("AddRowsCommand", "add %n row(s)", nullptr, int(m_values.size())));
}

void AddRowsCommand::redo() {
    if (!m_done) {
        m_rowIds = m_model->appendRows(m_values);
        m_values.clear();
        m_done = true;
        return;
    }
    m_model->setRowsRemoved(m_rowIds, false);
}

void AddRowsCommand::undo() {
    m_model->setRowsRemoved(m_rowIds, true);
}
