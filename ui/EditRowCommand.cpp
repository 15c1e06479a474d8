#include "EditRowCommand.h"

#include <QCoreApplication>

EditRowCommand::EditRowCommand(RiskSubjectTableModel* model, int rowId,
                               RiskSubjectTableModel::RowValues before,
                               RiskSubjectTableModel::RowValues after, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_rowId(rowId)
    , m_before(std::move(before))
    , m_after(std::move(after)) {
    setText(QCoreApplication::translate("EditRowCommand", "edit row"));
}

void EditRowCommand::redo() {
    m_model->setRowValues(m_rowId, m_after);
}

void EditRowCommand::undo() {
    m_model->setRowValues(m_rowId, m_before);
}
