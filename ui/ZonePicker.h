#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class ThreatInsightEditor;
class ZoneTableModel;

// The ThreatInsight screen's zone picker: a filter box over name, type, usage, status and
// gateways, the zones with an Exclude checkbox each (non-IP zones disabled, the reason as a
// tooltip), a count line and the note that DefaultExemptIpZone is always exempt. The table and
// its proxy are built when the first zones arrive (or view() is asked for): an item view costs
// more to set up than the rest of the window, and until an org answers there is nothing to list.
class ZonePicker : public QWidget {
    Q_OBJECT
public:
    explicit ZonePicker(QWidget* parent = nullptr);

    // Null empties the list (no org, or the org is closing).
    void setEditor(ThreatInsightEditor* editor);
    ZoneTableModel* zoneModel() const { return m_model; }
    // Builds the table if it is not there yet.
    QTableView* view();
    QLineEdit* filterEdit() const { return m_filter; }

private:
    void ensureView();
    void updateCount();
    void updateEmptyText();

    ZoneTableModel* m_model;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter;
    QTableView* m_view = nullptr;
    QLabel* m_empty; // stands where the table will be until there are zones
    QLabel* m_count;
    QLabel* m_note;
};
