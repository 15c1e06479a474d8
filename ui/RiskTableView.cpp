#include "RiskTableView.h"

#include "RiskSubjectTableModel.h"

#include <QHeaderView>
#include <QMetaProperty>
#include <QPainter>

RiskTableView::RiskTableView(QWidget* parent)
    : QTableView(parent) {
    // Fixed row heights: a million rows must not be measured one by one.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    setWordWrap(false);
    setAlternatingRowColors(true);
}

bool RiskTableView::edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) {
    const bool started = QTableView::edit(index, trigger, event);
    if (started)
        m_editing = index;
    return started;
}

void RiskTableView::commitData(QWidget* editor) {
    if (!editor || !m_editing.isValid())
        return;
    // The same property QStyledItemDelegate would write to the model (a line edit's text).
    const QMetaProperty property = editor->metaObject()->userProperty();
    if (!property.isValid())
        return;
    emit cellEdited(m_editing, property.read(editor));
}

void RiskTableView::paintEvent(QPaintEvent* event) {
    QTableView::paintEvent(event);
    if (!model() || model()->rowCount() == 0)
        return;
    const int first = rowAt(0);
    int last = rowAt(viewport()->height() - 1);
    if (first < 0)
        return;
    if (last < 0)
        last = model()->rowCount() - 1;
    QPainter painter(viewport());
    // Colours readable on light and dark palettes: red for rejected/invalid, amber for merged.
    const QColor problem(0xd9, 0x53, 0x4f);
    const QColor merged(0xe0, 0x9b, 0x1a);
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = model()->index(row, 0);
        if (!index.data(RiskSubjectTableModel::ProblemRole).toBool())
            continue;
        const auto status = static_cast<RiskSubjectTableModel::RowStatus>(
            index.data(RiskSubjectTableModel::StatusRole).toInt());
        painter.fillRect(QRect(0, rowViewportPosition(row), 4, rowHeight(row)),
                         status == RiskSubjectTableModel::RowStatus::Merged ? merged : problem);
    }
}
