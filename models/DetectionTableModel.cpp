#include "DetectionTableModel.h"

#include "api/OktaTime.h"
#include "incident/DetectionFeed.h"

#include <QHostAddress>
#include <QSet>

#include <algorithm>

DetectionTableModel::DetectionTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void DetectionTableModel::setFeed(DetectionFeed* feed) {
    if (m_feed == feed)
        return;
    if (m_feed)
        m_feed->disconnect(this);
    m_feed = feed;
    if (!m_feed)
        return;
    connect(
        m_feed, &DetectionFeed::loaded, this,
        [this](const QList<ThreatDetection>& detections, const QStringList&) { setDetections(detections); });
    // A feed that has already loaded shows what it has rather than an empty table until its next load.
    if (m_feed->lastRefreshed().isValid())
        setDetections(m_feed->detections());
}

void DetectionTableModel::setDetections(const QList<ThreatDetection>& detections) {
    beginResetModel();
    m_rows = detections;
    endResetModel();
}

const ThreatDetection* DetectionTableModel::detectionAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

QStringList DetectionTableModel::ipsOfRows(const QList<int>& rows) const {
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    QStringList ips;
    QSet<QString> seen;
    for (int row : sorted) {
        const ThreatDetection* detection = detectionAt(row);
        if (!detection || detection->ip.isEmpty() || seen.contains(detection->ip))
            continue;
        seen.insert(detection->ip);
        ips.append(detection->ip);
    }
    return ips;
}

int DetectionTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DetectionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString DetectionTableModel::displayText(const ThreatDetection& d, int column) const {
    switch (column) {
    case TimeColumn:
        // Seconds matter when lining events up with other logs; the tooltip has the UTC original.
        return d.published.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case IpColumn:
        return d.ip;
    case EventColumn:
        return d.kindText();
    case OutcomeColumn:
        return d.outcome;
    case ThreatColumn:
        return d.threatSuspected.isEmpty() ? d.detail : d.threatSuspected;
    case LocationColumn:
        return d.location;
    default:
        return {};
    }
}

QString DetectionTableModel::toolTip(const ThreatDetection& d, int column) const {
    switch (column) {
    case TimeColumn:
        return tr("%1 (UTC)\nEvent %2").arg(OktaTime::format(d.published), d.uuid);
    case IpColumn:
        return d.ip.isEmpty() ? tr("Org-wide event: no client IP") : d.ip;
    case EventColumn:
        return d.eventType;
    case OutcomeColumn:
        return d.outcomeReason.isEmpty() ? d.outcome : tr("%1: %2").arg(d.outcome, d.outcomeReason);
    case ThreatColumn:
        return d.detail;
    case LocationColumn:
        return d.location;
    default:
        return {};
    }
}

QVariant DetectionTableModel::sortValue(const ThreatDetection& d, int column) const {
    switch (column) {
    case TimeColumn:
        return d.published.toMSecsSinceEpoch();
    case IpColumn: {
        // Numeric order (10.0.0.9 before 10.0.0.10), IPv4 as IPv4-mapped IPv6 so both families mix.
        if (d.ip.isEmpty())
            return QString();
        const QHostAddress address(d.ip);
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        QByteArray bytes;
        if (isV4) {
            bytes = QByteArray(10, '\0') + QByteArray(2, '\xff');
            for (int shift = 24; shift >= 0; shift -= 8)
                bytes.append(char((v4 >> shift) & 0xff));
        } else {
            const Q_IPV6ADDR v6 = address.toIPv6Address();
            bytes = QByteArray(reinterpret_cast<const char*>(v6.c), 16);
        }
        return QString::fromLatin1(bytes.toHex());
    }
    default:
        return displayText(d, column).toLower();
    }
}

QVariant DetectionTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ThreatDetection& d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(d, index.column());
    case Qt::ToolTipRole:
        return toolTip(d, index.column());
    case SortRole:
        return sortValue(d, index.column());
    case IpRole:
        return d.ip;
    case KindRole:
        return int(d.kind);
    case OutcomeRole:
        return d.outcome;
    default:
        return {};
    }
}

QVariant DetectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case IpColumn:
            return tr("IP");
        case EventColumn:
            return tr("Event");
        case OutcomeColumn:
            return tr("Outcome");
        case ThreatColumn:
            return tr("Threat");
        case LocationColumn:
            return tr("Location");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return tr("When Okta logged the event, in local time");
        case IpColumn:
            return tr("The client IP ThreatInsight flagged");
        case EventColumn:
            return tr("Threat detected, or the org coming under / out of attack");
        case OutcomeColumn:
            return tr("What Okta did with the request: DENY, RATE_LIMIT, ALLOW…");
        case ThreatColumn:
            return tr("What ThreatInsight suspected; the tooltip has the details");
        case LocationColumn:
            return tr("City and country of the IP, when Okta knows them");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
