#include "ZoneTableModel.h"

#include "threatinsight/ThreatInsightEditor.h"

#include <QStringList>

ZoneTableModel::ZoneTableModel(ThreatInsightEditor* editor, QObject* parent)
    : QAbstractTableModel(parent) {
    setEditor(editor);
}

void ZoneTableModel::setEditor(ThreatInsightEditor* editor) {
    if (m_editor == editor)
        return;
    if (m_editor)
        m_editor->disconnect(this);
    m_editor = editor;
    if (m_editor) {
        connect(m_editor, &ThreatInsightEditor::zonesChanged, this, &ZoneTableModel::rebuild);
        connect(m_editor, &ThreatInsightEditor::draftChanged, this, &ZoneTableModel::refreshAll);
        connect(m_editor, &ThreatInsightEditor::configurationChanged, this, &ZoneTableModel::refreshAll);
        connect(m_editor, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_rows.clear();
            endResetModel();
        });
    }
    rebuild();
}

ThreatInsightEditor* ZoneTableModel::editor() const {
    return m_editor;
}

void ZoneTableModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    if (m_editor) {
        for (const NetworkZone& zone : m_editor->zones().zones())
            m_rows.append({zone.id, zone});
        for (const QString& id : m_editor->unknownZoneIds())
            m_rows.append({id, std::nullopt});
    }
    endResetModel();
}

void ZoneTableModel::refreshAll() {
    if (m_rows.isEmpty())
        return;
    // Checks and, for already excluded non-IP zones, enabled state may change on any row.
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ZoneTableModel::rowOf(const QString& zoneId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == zoneId)
            return i;
    }
    return -1;
}

QString ZoneTableModel::zoneIdAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int ZoneTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ZoneTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool ZoneTableModel::isCheckable(const Row& row) const {
    if (!row.zone || row.zone->canBeExcludedFromThreatInsight())
        return true;
    // A non-IP zone the org already excludes (an org that accepts them) can still be removed.
    return m_editor &&
           (m_editor->isZoneExcluded(row.id) || m_editor->configuration().excludeZones.contains(row.id));
}

QString ZoneTableModel::displayText(const Row& row, int column) const {
    if (!row.zone) {
        switch (column) {
        case NameColumn:
            return tr("unknown zone %1").arg(row.id);
        case TypeColumn:
            return tr("unknown");
        case StatusColumn:
            return tr("not in the zone list");
        default:
            return {};
        }
    }
    const NetworkZone& zone = *row.zone;
    switch (column) {
    case NameColumn:
        return zone.name;
    case TypeColumn:
        return zone.type;
    case UsageColumn:
        return zone.usage;
    case StatusColumn:
        return zone.status;
    case GatewaysColumn:
        return zone.isIpZone() ? zone.gatewaySummary() : tr("— (not an IP zone)");
    default:
        return {};
    }
}

QString ZoneTableModel::toolTip(const Row& row, int column) const {
    if (!row.zone) {
        return tr("Zone id %1 is excluded from ThreatInsight but is not in the org's zone list (deleted?). "
                  "Okta refuses unknown zone ids: uncheck it to remove it from the exclusions.")
            .arg(row.id);
    }
    const NetworkZone& zone = *row.zone;
    QStringList lines;
    if (!zone.canBeExcludedFromThreatInsight()) {
        lines << tr("Only IP zones can be excluded from ThreatInsight (this is a %1 zone)").arg(zone.type);
    }
    if (zone.name == QLatin1String(DefaultExemptZoneName)) {
        lines << tr("ThreatInsight never flags the IPs of DefaultExemptIpZone: it is always exempt, "
                    "whether or not it is checked here.");
    }
    if (column == GatewaysColumn && zone.isIpZone() && !zone.gateways.isEmpty()) {
        QStringList all;
        for (const NetworkZone::Address& address : zone.gateways)
            all << address.value;
        lines << all.join(QLatin1Char('\n'));
    }
    if (lines.isEmpty() && column == NameColumn)
        lines << QStringLiteral("%1 (%2)").arg(zone.name, zone.id);
    return lines.join(QLatin1Char('\n'));
}

QVariant ZoneTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::CheckStateRole:
        if (column != ExcludeColumn)
            return {};
        return m_editor && m_editor->isZoneExcluded(row.id) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleTextRole:
        if (column == ExcludeColumn)
            return tr("Exclude %1").arg(row.zone ? row.zone->name : tr("unknown zone %1").arg(row.id));
        return displayText(row, column);
    case ZoneIdRole:
        return row.id;
    case UnknownZoneRole:
        return !row.zone.has_value();
    case SearchTextRole: {
        QStringList parts{row.id};
        for (int c = NameColumn; c < ColumnCount; ++c)
            parts << displayText(row, c);
        if (row.zone) {
            for (const NetworkZone::Address& address : row.zone->gateways)
                parts << address.value;
        }
        return parts.join(QLatin1Char(' '));
    }
    case SortRole:
        if (column == ExcludeColumn)
            return m_editor && m_editor->isZoneExcluded(row.id) ? 1 : 0;
        return displayText(row, column);
    default:
        return {};
    }
}

bool ZoneTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    if (role != Qt::CheckStateRole || index.column() != ExcludeColumn || !m_editor || !m_editor->canEdit())
        return false;
    const Row& row = m_rows.at(index.row());
    if (!isCheckable(row))
        return false;
    const bool exclude = value.value<Qt::CheckState>() == Qt::Checked;
    m_editor->setZoneExcluded(row.id, exclude); // draftChanged() refreshes the view
    return true;
}

Qt::ItemFlags ZoneTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Row& row = m_rows.at(index.row());
    if (!isCheckable(row))
        return Qt::ItemNeverHasChildren; // shown disabled; the tooltip says why
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == ExcludeColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ZoneTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ExcludeColumn:
            return tr("Exclude");
        case NameColumn:
            return tr("Name");
        case TypeColumn:
            return tr("Type");
        case UsageColumn:
            return tr("Usage");
        case StatusColumn:
            return tr("Status");
        case GatewaysColumn:
            return tr("Gateways");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole && section == ExcludeColumn)
        return tr("Checked zones are exempt from ThreatInsight: requests from their IPs are never flagged");
    return {};
}
