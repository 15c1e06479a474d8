#include "AppendImportCommand.h"

AppendImportCommand::AppendImportCommand(RiskSubjectTableModel* model, ImportResult result,
                                         const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_model(model)
    , m_result(std::move(result)) {}

void AppendImportCommand::redo() {
    if (!m_done) {
        m_rowIds = m_model->appendImport(m_result);
        m_result = ImportResult();
        m_done = true;
        return;
    }
    m_model->setRowsRemoved(m_rowIds, false);
}

void AppendImportCommand::undo() {
    m_model->setRowsRemoved(m_rowIds, true);
}
