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
    , m_filter(new QLineEdit(this))
    , m_empty(new QLabel(this))
    , m_count(new QLabel(this))
    , m_note(new QLabel(this)) {
    m_filter->setObjectName(QStringLiteral("zoneFilter"));
    m_filter->setAccessibleName(tr("Filter zones"));
    m_filter->setPlaceholderText(tr("Filter zones by name, type, usage, status or gateway"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_proxy)
            m_proxy->setFilterFixedString(text);
    });

    m_empty->setObjectName(QStringLiteral("zoneEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMinimumHeight(120);
    m_empty->setFrameShape(QFrame::StyledPanel);

    m_count->setObjectName(QStringLiteral("zoneCountLabel"));
    m_note->setObjectName(QStringLiteral("defaultExemptNote"));
    // Line breaks of its own rather than word wrap: a wrapped label makes the whole page's
    // layout ask heightForWidth, which is the most expensive part of showing the window.
    m_note->setText(tr("DefaultExemptIpZone is always exempt: ThreatInsight never flags its IPs,\n"
                       "whether or not it is checked here. Only IP zones can be excluded."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_note);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            ensureView();
        if (m_view)
            m_view->resizeColumnsToContents();
        updateEmptyText();
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ZonePicker::updateCount);
    updateEmptyText();
    updateCount();
}

QTableView* ZonePicker::view() {
    ensureView();
    return m_view;
}

void ZonePicker::ensureView() {
    if (m_view)
        return;
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    // One role carries every searchable text, so a gateway beyond the summary is found too.
    m_proxy->setFilterRole(ZoneTableModel::SearchTextRole);
    m_proxy->setFilterKeyColumn(ZoneTableModel::ExcludeColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(ZoneTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterFixedString(m_filter->text());

    m_view = new QTableView(this);
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
    m_view->resizeColumnsToContents();

    auto* box = static_cast<QVBoxLayout*>(layout());
    box->insertWidget(box->indexOf(m_empty), m_view, 1);
    m_empty->hide();

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ZonePicker::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ZonePicker::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ZonePicker::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ZonePicker::updateCount);
    updateCount();
}

void ZonePicker::updateEmptyText() {
    m_empty->setText(
        m_model->editor()
            ? tr("No network zones to show yet:\nthey are listed here once the org has answered.")
            : tr("No org is open:\nits network zones are listed here once it is."));
}

void ZonePicker::setEditor(ThreatInsightEditor* editor) {
    m_model->setEditor(editor);
    updateEmptyText();
}

void ZonePicker::updateCount() {
    const int total = m_model->rowCount();
    int excluded = 0;
    if (ThreatInsightEditor* editor = m_model->editor())
        excluded = int(editor->draftExcludedZones().size());
    const int shown = m_proxy ? m_proxy->rowCount() : total;
    // One sentence per case, so a translation can order the counts as its language needs.
    m_count->setText(
        shown == total ? tr("%n zone(s), %1 excluded", nullptr, total).arg(excluded)
                       : tr("%1 of %n zone(s) shown, %2 excluded", nullptr, total).arg(shown).arg(excluded));
}
