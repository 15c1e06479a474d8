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
// tooltip), a count line and the note that DefaultExemptIpZone is always exempt.
class ZonePicker : public QWidget {
    Q_OBJECT
public:
    explicit ZonePicker(QWidget* parent = nullptr);

    // Null empties the list (no org, or the org is closing).
    void setEditor(ThreatInsightEditor* editor);
    ZoneTableModel* zoneModel() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }

private:
    void updateCount();

    ZoneTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
    QLabel* m_count;
    QLabel* m_note;
};
