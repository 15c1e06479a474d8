#include "ImportSummaryDialog.h"

#include "riskevents/ImportResult.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QLabel* wrappedLabel(const QString& objectName, const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText); // file content never renders as rich text
    return label;
}

} // namespace

ImportSummaryDialog::ImportSummaryDialog(const ImportResult& result, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("importSummaryDialog"));
    setWindowTitle(tr("Import summary"));
    setAccessibleName(tr("Import summary"));
    const QLocale locale;

    auto* layout = new QVBoxLayout(this);
    QLabel* summary = wrappedLabel(QStringLiteral("summaryLabel"), result.summary(), this);
    summary->setAccessibleName(tr("Counts"));
    layout->addWidget(summary);
    if (result.cancelled)
        layout->addWidget(wrappedLabel(QStringLiteral("cancelledLabel"),
                                       tr("The import was cancelled: the counts cover what was read so far."),
                                       this));
    if (!result.error.isEmpty() && result.error != result.summary()) {
        QLabel* error = wrappedLabel(QStringLiteral("errorLabel"), result.error, this);
        error->setAccessibleName(tr("Error"));
        layout->addWidget(error);
    }
    if (!result.hint.isEmpty()) {
        QLabel* hint = wrappedLabel(QStringLiteral("hintLabel"), tr("Hint: %1").arg(result.hint), this);
        hint->setAccessibleName(tr("Hint"));
        layout->addWidget(hint);
    }

    m_model = new QStandardItemModel(0, 5, this);
    m_model->setHorizontalHeaderLabels({tr("Line"), tr("Outcome"), tr("Field"), tr("Value"), tr("Reason")});
    const qsizetype listed = qMin<qsizetype>(result.issues.size(), MaxListedIssues);
    m_model->setRowCount(static_cast<int>(listed));
    for (qsizetype i = 0; i < listed; ++i) {
        const ValidationIssue& issue = result.issues.at(i);
        const int row = static_cast<int>(i);
        auto* line = new QStandardItem;
        line->setData(issue.line, Qt::DisplayRole); // sorts as a number
        auto* outcome =
            new QStandardItem(issue.kind == ValidationIssue::Kind::Rejected ? tr("rejected") : tr("merged"));
        auto* field = new QStandardItem(issue.field);
        QString shown = issue.value;
        if (shown.size() > MaxValueLength)
            shown = shown.left(MaxValueLength - 1) + QChar(0x2026);
        auto* value = new QStandardItem(shown);
        value->setToolTip(issue.value);
        auto* reason = new QStandardItem(issue.reason);
        reason->setToolTip(issue.reason);
        for (QStandardItem* item : {line, outcome, field, value, reason})
            item->setEditable(false);
        m_model->setItem(row, 0, line);
        m_model->setItem(row, 1, outcome);
        m_model->setItem(row, 2, field);
        m_model->setItem(row, 3, value);
        m_model->setItem(row, 4, reason);
    }

    if (listed > 0) {
        m_table = new QTableView(this);
        m_table->setObjectName(QStringLiteral("issueTable"));
        m_table->setAccessibleName(tr("Rejected and merged rows"));
        m_table->setModel(m_model);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setAlternatingRowColors(true);
        m_table->setWordWrap(false);
        m_table->verticalHeader()->setVisible(false);
        m_table->horizontalHeader()->setStretchLastSection(true);
        // Sized from the font, not the contents: measuring 10,000 rows would stall the dialog.
        const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
        m_table->setColumnWidth(0, digit * 9);
        m_table->setColumnWidth(1, digit * 11);
        m_table->setColumnWidth(2, digit * 11);
        m_table->setColumnWidth(3, digit * 28);
        m_table->setSortingEnabled(true);
        m_table->sortByColumn(0, Qt::AscendingOrder);
        layout->addWidget(m_table, 1);
    } else if (result.error.isEmpty()) {
        layout->addWidget(wrappedLabel(QStringLiteral("noIssuesLabel"), tr("Every row is valid."), this));
    }
    if (result.issues.size() > listed) {
        const qsizetype more = result.issues.size() - listed;
        layout->addWidget(wrappedLabel(QStringLiteral("moreLabel"),
                                       tr("%1 more not listed (only the first %2 are shown).")
                                           .arg(locale.toString(more), locale.toString(listed)),
                                       this));
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setAccessibleName(tr("Close"));
    close->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(listed > 0 ? QSize(760, 520) : QSize(480, 160));
}
