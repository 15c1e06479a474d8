#include "ZoneChangeDialog.h"

#include "Icons.h"
#include "incident/ZoneGatewayEditor.h"
#include "session/OrgSession.h"
#include "threatinsight/ZoneCatalogue.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace {
const ZoneAction AllActions[] = {ZoneAction::Block, ZoneAction::Unblock, ZoneAction::Exempt,
                                 ZoneAction::Unexempt};

QString entryText(const NetworkZone::Address& address) {
    return address.value;
}
} // namespace

ZoneChangeDialog::ZoneChangeDialog(OrgSession* session, HistoryStore* history, ZoneAction action,
                                   const QStringList& addresses, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("zoneChangeDialog"));
    setWindowTitle(tr("Block or exempt IP addresses"));
    buildUi(action);

    OktaClient* client = m_session ? m_session->client() : nullptr;
    if (client) {
        m_editor = new ZoneGatewayEditor(client, this);
        const OrgProfile& profile = m_session->profile();
        if (history)
            m_editor->setHistory(history, profile.id, profile.displayName);
        connect(m_editor, &ZoneGatewayEditor::busyChanged, this, &ZoneChangeDialog::onBusyChanged);
        connect(m_editor, &ZoneGatewayEditor::planned, this, &ZoneChangeDialog::onPlanned);
        connect(m_editor, &ZoneGatewayEditor::applied, this, &ZoneChangeDialog::onApplied);
        connect(m_editor, &ZoneGatewayEditor::failed, this, &ZoneChangeDialog::onFailed);
        // Only a convenience for picking a zone: without it the name is typed.
        connect(m_editor, &ZoneGatewayEditor::zonesListed, this, [this](const QList<NetworkZone>& zones) {
            m_zones = zones;
            fillZoneNames();
        });
        m_editor->listZones();
    }
    if (m_session) {
        // The client goes right after closing(): stop talking to it and go away with it.
        connect(m_session, &OrgSession::closing, this, [this] {
            if (m_editor)
                m_editor->cancel();
            delete m_editor;
            m_editor = nullptr;
            m_planReady = false;
            m_applying = false; // the editor recorded the cut-off write in History
            close();
        });
    }
    setAddresses(addresses);
    // After setAddresses(): editing the addresses clears the status line.
    if (!m_editor)
        m_statusLabel->setText(tr("No org is open: open one to change its zones."));
    updateButtons();
}

void ZoneChangeDialog::reject() {
    // Okta may be writing the zone: closing now would leave its answer and request id unseen.
    if (m_applying) {
        m_statusLabel->setText(tr("Writing the zone… wait for Okta's answer before closing."));
        return;
    }
    QDialog::reject();
}

ZoneChangeDialog::~ZoneChangeDialog() {
    if (m_editor)
        m_editor->cancel();
}

void ZoneChangeDialog::buildUi(ZoneAction action) {
    m_actionCombo = new QComboBox(this);
    m_actionCombo->setObjectName(QStringLiteral("zoneActionCombo"));
    m_actionCombo->setAccessibleName(tr("Action"));
    for (ZoneAction each : AllActions)
        m_actionCombo->addItem(actionText(each), static_cast<int>(each));
    m_actionCombo->setCurrentIndex(m_actionCombo->findData(static_cast<int>(action)));
    m_actionCombo->setProperty("previousAction", static_cast<int>(action));

    m_zoneCombo = new QComboBox(this);
    m_zoneCombo->setObjectName(QStringLiteral("zoneNameCombo"));
    m_zoneCombo->setAccessibleName(tr("Zone"));
    m_zoneCombo->setEditable(true);
    m_zoneCombo->setInsertPolicy(QComboBox::NoInsert);
    m_zoneCombo->setToolTip(tr("The Network Zone to change, by name or id"));
    m_zoneCombo->addItem(ZoneActions::defaultZoneName(action));
    m_zoneCombo->setCurrentText(ZoneActions::defaultZoneName(action));

    m_addressEdit = new QPlainTextEdit(this);
    m_addressEdit->setObjectName(QStringLiteral("zoneAddressesEdit"));
    m_addressEdit->setAccessibleName(tr("Addresses"));
    m_addressEdit->setPlaceholderText(
        tr("IPv4 or IPv6 addresses, CIDRs (203.0.113.0/24) or ranges (203.0.113.1-203.0.113.9), "
           "one per line or separated by spaces or commas"));
    m_addressEdit->setTabChangesFocus(true);
    m_addressEdit->setMaximumHeight(120);

    auto* form = new QFormLayout;
    auto* actionLabel = new QLabel(tr("&Action:"), this);
    actionLabel->setBuddy(m_actionCombo);
    auto* zoneLabel = new QLabel(tr("&Zone:"), this);
    zoneLabel->setBuddy(m_zoneCombo);
    auto* addressLabel = new QLabel(tr("A&ddresses:"), this);
    addressLabel->setBuddy(m_addressEdit);
    form->addRow(actionLabel, m_actionCombo);
    form->addRow(zoneLabel, m_zoneCombo);
    form->addRow(addressLabel, m_addressEdit);

    m_planView = new QPlainTextEdit(this);
    m_planView->setObjectName(QStringLiteral("zonePlanView"));
    m_planView->setAccessibleName(tr("What will change"));
    m_planView->setReadOnly(true);
    m_planView->setPlaceholderText(
        tr("Press Show changes to see what this does to the zone before anything is written."));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("zoneStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_showButton = new QPushButton(tr("&Show changes"), this);
    m_showButton->setObjectName(QStringLiteral("showChangesButton"));
    m_showButton->setAccessibleName(tr("Show changes"));
    m_showButton->setToolTip(
        tr("Read the zone and show what would change; nothing is written (Ctrl+Shift+S)"));
    m_showButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_applyButton = new QPushButton(Icons::icon(QStringLiteral("save")), tr("&Apply"), this);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setAccessibleName(tr("Apply"));
    m_applyButton->setToolTip(tr("Write the changes shown to the zone (Ctrl+Return)"));
    m_applyButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_applyButton->setAutoDefault(false);
    m_showButton->setAutoDefault(false);
    m_closeButton = new QPushButton(tr("&Close"), this);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setAccessibleName(tr("Close"));
    m_closeButton->setAutoDefault(false);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_showButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_applyButton, QDialogButtonBox::ApplyRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);
    connect(m_showButton, &QPushButton::clicked, this, &ZoneChangeDialog::showChanges);
    connect(m_applyButton, &QPushButton::clicked, this, &ZoneChangeDialog::apply);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_planView, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    resize(620, 520);

    connect(m_actionCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &ZoneChangeDialog::onActionChanged);
    connect(m_zoneCombo, &QComboBox::currentTextChanged, this, &ZoneChangeDialog::invalidatePlan);
    connect(m_addressEdit, &QPlainTextEdit::textChanged, this, &ZoneChangeDialog::invalidatePlan);
}

QString ZoneChangeDialog::actionText(ZoneAction action) {
    switch (action) {
    case ZoneAction::Block:
        return tr("Block: add to a block list zone");
    case ZoneAction::Unblock:
        return tr("Unblock: remove from a block list zone");
    case ZoneAction::Exempt:
        return tr("Exempt: add to the zone ThreatInsight ignores");
    case ZoneAction::Unexempt:
        return tr("Unexempt: remove from the exempt zone");
    }
    return {};
}

ZoneAction ZoneChangeDialog::action() const {
    return static_cast<ZoneAction>(m_actionCombo->currentData().toInt());
}

QString ZoneChangeDialog::zoneName() const {
    return m_zoneCombo->currentText().trimmed();
}

QStringList ZoneChangeDialog::addresses() const {
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return m_addressEdit->toPlainText().split(separators, Qt::SkipEmptyParts);
}

void ZoneChangeDialog::setAddresses(const QStringList& addresses) {
    m_addressEdit->setPlainText(addresses.join(QLatin1Char('\n')));
}

void ZoneChangeDialog::onActionChanged() {
    const auto previous = static_cast<ZoneAction>(m_actionCombo->property("previousAction").toInt());
    m_actionCombo->setProperty("previousAction", static_cast<int>(action()));
    // Follow the action with the zone unless the admin named another one.
    const QString typed = zoneName();
    if (typed.isEmpty() || typed == ZoneActions::defaultZoneName(previous)) {
        fillZoneNames();
        m_zoneCombo->setCurrentText(ZoneActions::defaultZoneName(action()));
    }
    invalidatePlan();
}

void ZoneChangeDialog::invalidatePlan() {
    if (m_settingInputs || m_applying)
        return;
    bool hadPlan = !m_planView->toPlainText().isEmpty() || m_planWithdrawn;
    if (m_editor && m_editor->isBusy()) {
        m_editor->cancel(); // a plan for the old inputs must not arrive now
        hadPlan = true;
    }
    m_planReady = false;
    m_planView->clear();
    // Said until the next "Show changes", however many keys are typed meanwhile.
    m_planWithdrawn = hadPlan;
    m_statusLabel->setText(hadPlan ? tr("The inputs changed: press Show changes to see the new plan.")
                                   : QString());
    updateButtons();
}

void ZoneChangeDialog::showChanges() {
    if (!m_editor || m_editor->isBusy())
        return;
    const QStringList inputs = addresses();
    if (inputs.isEmpty()) {
        m_statusLabel->setText(tr("Type at least one address, CIDR or range."));
        m_addressEdit->setFocus();
        return;
    }
    m_planReady = false;
    m_planWithdrawn = false;
    m_planView->clear();
    m_statusLabel->setText(tr("Reading the zone…"));
    m_editor->prepare(action(), inputs, zoneName());
    updateButtons();
}

void ZoneChangeDialog::apply() {
    if (!m_editor || !m_planReady || m_editor->isBusy())
        return;
    m_applying = true;
    m_planReady = false;
    m_statusLabel->setText(tr("Writing the zone…"));
    m_editor->apply();
    updateButtons();
}

void ZoneChangeDialog::onBusyChanged(bool) {
    updateButtons();
}

void ZoneChangeDialog::onPlanned(const ZoneGatewayChange& change) {
    m_planView->setPlainText(planText(change));
    m_planReady = change.isValid() && change.hasChanges();
    if (!change.isValid()) {
        const int count = int(change.errors().size());
        m_statusLabel->setText(
            count == 1 ? tr("This change cannot be applied: 1 problem (listed above).")
                       : tr("This change cannot be applied: %1 problems (listed above).").arg(count));
    } else if (!change.hasChanges()) {
        m_statusLabel->setText(tr("Nothing to change: the zone already is as asked."));
    } else {
        m_statusLabel->setText(tr("Check the changes above, then press Apply to write them to the zone."));
    }
    updateButtons();
}

void ZoneChangeDialog::onApplied(const ZoneGatewayChange& change, const NetworkZone& zone,
                                 const QString& requestId) {
    m_applying = false;
    m_planReady = false;
    const QString id = requestId.isEmpty() ? tr("none") : requestId;
    m_planView->setPlainText(tr("Applied to %1.").arg(zone.name.isEmpty() ? change.zone().name : zone.name) +
                             QLatin1Char('\n') + tr("Okta request id: %1").arg(id) + QStringLiteral("\n\n") +
                             planText(change));
    m_statusLabel->setText(tr("Done: %1 (request id %2)").arg(change.summary(), id));
    updateButtons();
    emit zoneChanged(change.summary(), requestId);
}

void ZoneChangeDialog::onFailed(const QString& message) {
    const bool applying = m_applying;
    m_applying = false;
    m_planReady = false;
    m_statusLabel->setText(applying ? tr("Applying failed: %1").arg(message)
                                    : tr("Cannot show the changes: %1").arg(message));
    updateButtons();
}

QString ZoneChangeDialog::planText(const ZoneGatewayChange& change) const {
    const QLocale locale;
    const NetworkZone& zone = change.zone();
    const bool adds = ZoneActions::adds(change.action());
    QStringList lines;
    lines.append(tr("Zone: %1 (%2, %3)").arg(zone.name, zone.usage, zone.type));
    if (!change.refusal().isEmpty())
        lines.append(tr("Refused: %1").arg(change.refusal()));
    const QList<NetworkZone::Address>& changed = change.changed();
    if (!changed.isEmpty()) {
        lines.append(adds ? tr("Will add (%1):").arg(changed.size())
                          : tr("Will remove (%1):").arg(changed.size()));
        for (const NetworkZone::Address& address : changed)
            lines.append((adds ? QStringLiteral("  + ") : QStringLiteral("  \u2212 ")) + entryText(address));
    }
    const QList<NetworkZone::Address>& unchanged = change.unchanged();
    if (!unchanged.isEmpty()) {
        lines.append(adds ? tr("Already in the zone (%1):").arg(unchanged.size())
                          : tr("Not in the zone (%1):").arg(unchanged.size()));
        for (const NetworkZone::Address& address : unchanged)
            lines.append(QStringLiteral("  = ") + entryText(address));
    }
    if (!change.coveredNotes().isEmpty()) {
        lines.append(tr("Inside a wider entry that stays (not removed):"));
        for (const QString& note : change.coveredNotes())
            lines.append(QStringLiteral("  ~ ") + note);
    }
    if (!change.problems().isEmpty()) {
        lines.append(tr("Problems (%1):").arg(change.problems().size()));
        for (const ZoneGatewayChange::Problem& problem : change.problems())
            lines.append(QStringLiteral("  ! ") + problem.message);
    }
    lines.append(tr("Gateways: %1 \u2192 %2 of %3")
                     .arg(locale.toString(change.gatewaysBefore()), locale.toString(change.gatewaysAfter()),
                          locale.toString(ZoneGatewayChange::gatewayLimit(zone))));
    lines.append(tr("Summary: %1").arg(change.summary()));
    return lines.join(QLatin1Char('\n'));
}

void ZoneChangeDialog::updateButtons() {
    const bool busy = (m_editor && m_editor->isBusy()) || m_applying;
    m_showButton->setEnabled(m_editor && !busy);
    m_applyButton->setEnabled(m_editor && !busy && m_planReady);
    m_actionCombo->setEnabled(!m_applying);
    m_zoneCombo->setEnabled(!m_applying);
    m_addressEdit->setReadOnly(m_applying);
    m_closeButton->setEnabled(!m_applying);
}

void ZoneChangeDialog::fillZoneNames() {
    const bool blocking = ZoneActions::isBlocking(action());
    QStringList names = {ZoneActions::defaultZoneName(action())};
    for (const NetworkZone& zone : std::as_const(m_zones)) {
        if (!zone.isIpZone())
            continue;
        const bool blocklist = zone.usage == QLatin1String("BLOCKLIST");
        if (blocklist == blocking && !names.contains(zone.name))
            names.append(zone.name);
    }
    const QString typed = m_zoneCombo->currentText();
    m_settingInputs = true;
    m_zoneCombo->clear();
    m_zoneCombo->addItems(names);
    m_zoneCombo->setCurrentText(typed);
    m_settingInputs = false;
}
