#pragma once

#include "threatinsight/NetworkZone.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

class ThreatInsightEditor;

// The zone picker of the ThreatInsight screen: one row per Network Zone of the org, then one per
// excluded id that is not in the zone list ("unknown zone <id>", e.g. deleted since). The Exclude
// checkbox reads and writes the editor's draft; the model only listens to the editor's signals.
// Zones ThreatInsight cannot exempt (non-IP) are disabled with the reason as a tooltip, unless
// the configuration already excludes them (so they can still be unchecked).
class ZoneTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ExcludeColumn,
        NameColumn,
        TypeColumn,
        UsageColumn,
        StatusColumn,
        GatewaysColumn,
        ColumnCount
    };
    enum Role {
        ZoneIdRole = Qt::UserRole + 1,
        // Name, id, type, usage, status and every gateway, for a filter box (any column).
        SearchTextRole,
        // Sorts the Exclude column by check state, the others by their text.
        SortRole,
        // True for the rows of ids that are not in the zone list.
        UnknownZoneRole,
    };

    static constexpr const char* DefaultExemptZoneName = "DefaultExemptIpZone";

    explicit ZoneTableModel(ThreatInsightEditor* editor = nullptr, QObject* parent = nullptr);

    // Null detaches (the org is closing); the model becomes empty.
    void setEditor(ThreatInsightEditor* editor);
    ThreatInsightEditor* editor() const;

    // The row of a zone id, or -1.
    int rowOf(const QString& zoneId) const;
    QString zoneIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString id;
        std::optional<NetworkZone> zone; // empty: not in the zone list
    };

    void rebuild();
    void refreshAll();
    bool isCheckable(const Row& row) const;
    QString displayText(const Row& row, int column) const;
    QString toolTip(const Row& row, int column) const;

    QPointer<ThreatInsightEditor> m_editor;
    QList<Row> m_rows;
};
