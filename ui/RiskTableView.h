#pragma once

#include <QPersistentModelIndex>
#include <QTableView>

// The Risk events table. Edits do not go to the model directly: the value an editor commits is
// handed out (cellEdited) so the page can make it an undoable command. Rows that need the user's
// attention (the model's ProblemRole) get a marker strip, drawn for the visible rows only, so a
// million-row table costs nothing more.
class RiskTableView : public QTableView {
    Q_OBJECT
public:
    explicit RiskTableView(QWidget* parent = nullptr);
    using QTableView::edit;

signals:
    // An editor committed `value` for `index` (a model index of this view).
    void cellEdited(const QModelIndex& index, const QVariant& value);

protected:
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override;
    void commitData(QWidget* editor) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QPersistentModelIndex m_editing; // a table view edits one cell at a time
};
