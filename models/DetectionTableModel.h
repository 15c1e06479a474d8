#pragma once

#include "incident/ThreatDetection.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QStringList>

class DetectionFeed;

// The detections table: listens to a DetectionFeed's loaded() and shows one row per event,
// newest first. Sorting and filtering are left to a QSortFilterProxyModel (SortRole).
class DetectionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        IpColumn,
        EventColumn,
        OutcomeColumn,
        ThreatColumn,
        LocationColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, IpRole, KindRole, OutcomeRole };

    explicit DetectionTableModel(QObject* parent = nullptr);

    void setFeed(DetectionFeed* feed); // null detaches; the rows stay until the next load
    void setDetections(const QList<ThreatDetection>& detections);
    const ThreatDetection* detectionAt(int row) const;
    // The distinct client IPs of the given source rows, in row order (rows without an IP skipped).
    QStringList ipsOfRows(const QList<int>& rows) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const ThreatDetection& detection, int column) const;
    QString toolTip(const ThreatDetection& detection, int column) const;
    QVariant sortValue(const ThreatDetection& detection, int column) const;

    QPointer<DetectionFeed> m_feed;
    QList<ThreatDetection> m_rows;
};
