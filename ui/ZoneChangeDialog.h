#pragma once

#include "incident/ZoneAction.h"
#include "incident/ZoneGatewayChange.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class HistoryStore;
class OrgSession;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class ZoneGatewayEditor;

// Block / unblock / exempt / unexempt addresses in a Network Zone, in two steps: "Show changes"
// reads the zone and shows exactly what would change (added or removed entries, entries already
// there, covered notes, every rejected item with its number and rule, the gateway count against
// the zone's limit); only then is "Apply" enabled, which writes the zone and shows Okta's request
// id. Editing anything after a plan withdraws it. Non-blocking: open it with
// DialogHooks::showDialog(); it deletes itself when closed and closes when the org does.
class ZoneChangeDialog : public QDialog {
    Q_OBJECT
public:
    ZoneChangeDialog(OrgSession* session, HistoryStore* history, ZoneAction action,
                     const QStringList& addresses, QWidget* parent = nullptr);
    ~ZoneChangeDialog() override;

    ZoneAction action() const;
    QString zoneName() const;
    // The admin's addresses, split at line breaks, spaces, commas and semicolons.
    QStringList addresses() const;
    void setAddresses(const QStringList& addresses);
    // True while a shown plan can be applied (valid, with changes, inputs unchanged since).
    bool canApply() const { return m_planReady; }

signals:
    // Applied: the change's summary and Okta's request id (for the window's status bar).
    void zoneChanged(const QString& summary, const QString& requestId);

public slots:
    // Refused while the zone is being written (Esc, Close, the title bar's close).
    void reject() override;

private:
    void buildUi(ZoneAction action);
    void onActionChanged();
    void invalidatePlan();
    void showChanges();
    void apply();
    void onBusyChanged(bool busy);
    void onPlanned(const ZoneGatewayChange& change);
    void onApplied(const ZoneGatewayChange& change, const NetworkZone& zone, const QString& requestId);
    void onFailed(const QString& message);
    void fillZoneNames();
    void updateButtons();
    QString planText(const ZoneGatewayChange& change) const;
    static QString actionText(ZoneAction action);

    OrgSession* m_session;
    ZoneGatewayEditor* m_editor = nullptr;
    QList<NetworkZone> m_zones; // the org's zones, for the zone name list
    QComboBox* m_actionCombo = nullptr;
    QComboBox* m_zoneCombo = nullptr;
    QPlainTextEdit* m_addressEdit = nullptr;
    QPlainTextEdit* m_planView = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_showButton = nullptr;
    QPushButton* m_applyButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    bool m_planReady = false;
    bool m_applying = false;
    bool m_planWithdrawn = false; // a plan (or its preparation) was withdrawn by an edit
    bool m_settingInputs = false; // programmatic edits do not invalidate anything
};
