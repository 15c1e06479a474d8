#include "ZonePicker.h"

#include "ZoneTableModel.h"
#include "threatinsight/ThreatInsightEditor.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

ZonePicker::ZonePicker(QWidget* parent)
    : QWidget(parent)
    , m_model(new ZoneTableModel(nullptr, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_note(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);
    // One role carries every searchable text, so a gateway beyond the summary is found too.
    m_proxy->setFilterRole(ZoneTableModel::SearchTextRole);
    m_proxy->setFilterKeyColumn(ZoneTableModel::ExcludeColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(ZoneTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("zoneFilter"));
    m_filter->setAccessibleName(tr("Filter zones"));
    m_filter->setPlaceholderText(tr("Filter zones by name, type, usage, status or gateway"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("zoneTable"));
    m_view->setAccessibleName(tr("Network zones"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the org's order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_count->setObjectName(QStringLiteral("zoneCountLabel"));
    m_note->setObjectName(QStringLiteral("defaultExemptNote"));
    m_note->setWordWrap(true);
    m_note->setText(
        tr("DefaultExemptIpZone is always exempt: ThreatInsight never flags its IPs, whether or not "
           "it is checked here. Only IP zones can be excluded."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_note);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ZonePicker::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ZonePicker::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ZonePicker::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ZonePicker::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ZonePicker::updateCount);
    updateCount();
}

void ZonePicker::setEditor(ThreatInsightEditor* editor) {
    m_model->setEditor(editor);
}

void ZonePicker::updateCount() {
    const int total = m_model->rowCount();
    int excluded = 0;
    if (ThreatInsightEditor* editor = m_model->editor())
        excluded = int(editor->draftExcludedZones().size());
    const int shown = m_proxy->rowCount();
    QString text = shown == total ? tr("%n zone(s)", nullptr, total)
                                  : tr("%1 of %n zone(s) shown", nullptr, total).arg(shown);
    text += QStringLiteral(", ") + tr("%n excluded", nullptr, excluded);
    m_count->setText(text);
}
