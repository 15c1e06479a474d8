#include "ThreatInsightPage.h"

#include "DialogHooks.h"
#include "Icons.h"
#include "ZonePicker.h"
#include "ZoneTableModel.h"
#include "session/OrgSession.h"
#include "threatinsight/ThreatInsightEditor.h"

#include <QAction>
#include <QButtonGroup>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
const QString Block = QStringLiteral("block");

QString localTime(const QDateTime& time) {
    if (!time.isValid())
        return ThreatInsightPage::tr("—");
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}
} // namespace

ThreatInsightPage::ThreatInsightPage(OrgSession* session, HistoryStore* history, DialogHooks* hooks,
                                     QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(history)
    , m_hooks(hooks) {
    setObjectName(QStringLiteral("threatInsightPage"));
    setWindowTitle(tr("ThreatInsight[*]"));
    buildUi();
    if (m_session) {
        connect(m_session, &OrgSession::opened, this, &ThreatInsightPage::onSessionOpened);
        // The client is deleted right after closing(): no answer may reach us afterwards.
        connect(m_session, &OrgSession::closing, this, &ThreatInsightPage::dropEditor);
        connect(m_session, &OrgSession::stateChanged, this, &ThreatInsightPage::refresh);
        if (m_session->state() == OrgSession::State::Open)
            onSessionOpened();
    }
    refresh();
}

ThreatInsightPage::~ThreatInsightPage() {
    m_picker->setEditor(nullptr);
    delete m_editor;
}

QList<QAction*> ThreatInsightPage::pageActions() const {
    return {m_reloadAction, m_saveAction, m_revertAction};
}

bool ThreatInsightPage::hasUnsavedChanges() const {
    return m_editor && m_editor->isDirty();
}

void ThreatInsightPage::buildUi() {
    // Actions first: the buttons below and the main window's menu share them.
    m_reloadAction = new QAction(Icons::icon(QStringLiteral("reload")), tr("&Reload"), this);
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setToolTip(tr("Read the configuration and the zones from the org again (F5)"));
    connect(m_reloadAction, &QAction::triggered, this, &ThreatInsightPage::reload);

    m_saveAction = new QAction(Icons::icon(QStringLiteral("save")), tr("&Save"), this);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_saveAction->setToolTip(tr("Save the action and the excluded zones to the org (Ctrl+S)"));
    connect(m_saveAction, &QAction::triggered, this, &ThreatInsightPage::save);

    m_revertAction = new QAction(Icons::icon(QStringLiteral("revert")), tr("Re&vert"), this);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    m_revertAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_revertAction->setToolTip(tr("Discard your changes and show the configuration as loaded"));
    connect(m_revertAction, &QAction::triggered, this, &ThreatInsightPage::revert);
    addActions({m_reloadAction, m_saveAction, m_revertAction});

    // The action: one radio per Okta action with its meaning beside it.
    auto* actionBox = new QGroupBox(tr("Action on suspicious requests"), this);
    actionBox->setObjectName(QStringLiteral("actionBox"));
    auto* actionGrid = new QGridLayout(actionBox);
    m_actionGroup = new QButtonGroup(this);
    const QHash<QString, QString> labels{{QStringLiteral("none"), tr("&None")},
                                         {QStringLiteral("audit"), tr("&Audit")},
                                         {Block, tr("&Block")}};
    const QHash<QString, QString> names{{QStringLiteral("none"), QStringLiteral("actionNone")},
                                        {QStringLiteral("audit"), QStringLiteral("actionAudit")},
                                        {Block, QStringLiteral("actionBlock")}};
    int row = 0;
    for (const QString& action : ThreatInsightConfiguration::actions()) {
        auto* radio = new QRadioButton(labels.value(action), actionBox);
        radio->setObjectName(names.value(action));
        const QString meaning = ThreatInsightConfiguration::describeAction(action);
        // The label the admin sees (without its accelerator), not Okta's value: read out as shown.
        radio->setAccessibleName(tr("Action %1").arg(QString(labels.value(action)).remove(QLatin1Char('&'))));
        radio->setAccessibleDescription(meaning);
        radio->setToolTip(meaning);
        auto* description = new QLabel(meaning, actionBox);
        description->setObjectName(names.value(action) + QStringLiteral("Description"));
        description->setBuddy(radio);
        actionGrid->addWidget(radio, row, 0);
        actionGrid->addWidget(description, row, 1);
        m_actionGroup->addButton(radio);
        m_actionButtons.insert(action, radio);
        connect(radio, &QAbstractButton::clicked, this, [this, action] {
            if (m_editor)
                m_editor->setDraftAction(action);
        });
        ++row;
    }
    actionGrid->setColumnStretch(1, 1);

    // What the server says, and what the draft excludes.
    auto* infoBox = new QGroupBox(tr("Configuration"), this);
    auto* form = new QFormLayout(infoBox);
    m_createdLabel = new QLabel(infoBox);
    m_createdLabel->setObjectName(QStringLiteral("createdLabel"));
    m_lastUpdatedLabel = new QLabel(infoBox);
    m_lastUpdatedLabel->setObjectName(QStringLiteral("lastUpdatedLabel"));
    m_excludedLabel = new QLabel(infoBox);
    m_excludedLabel->setObjectName(QStringLiteral("excludedSummaryLabel"));
    for (QLabel* label : {m_createdLabel, m_lastUpdatedLabel, m_excludedLabel})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Created:"), m_createdLabel);
    form->addRow(tr("Last updated:"), m_lastUpdatedLabel);
    form->addRow(tr("Excluded zones:"), m_excludedLabel);

    auto* zoneBox = new QGroupBox(tr("Network zones exempt from ThreatInsight"), this);
    auto* zoneLayout = new QVBoxLayout(zoneBox);
    m_picker = new ZonePicker(zoneBox);
    zoneLayout->addWidget(m_picker);
    connect(m_picker->zoneModel(), &QAbstractItemModel::dataChanged, this, &ThreatInsightPage::refreshLabels);

    // Buttons, dirty marker, status and errors.
    auto makeButton = [this](QAction* action, const QString& objectName, const QString& accessibleName) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setObjectName(objectName);
        button->setAccessibleName(accessibleName);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        return button;
    };
    m_reloadButton = makeButton(m_reloadAction, QStringLiteral("reloadButton"), tr("Reload"));
    m_saveButton = makeButton(m_saveAction, QStringLiteral("saveButton"), tr("Save"));
    m_revertButton = makeButton(m_revertAction, QStringLiteral("revertButton"), tr("Revert"));
    m_dirtyLabel = new QLabel(tr("Unsaved changes"), this);
    m_dirtyLabel->setObjectName(QStringLiteral("dirtyLabel"));
    QFont bold = m_dirtyLabel->font();
    bold.setBold(true);
    m_dirtyLabel->setFont(bold);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_reloadButton);
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_dirtyLabel);
    buttons->addStretch(1);
    buttons->addWidget(m_statusLabel);

    // Okta's summary, causes and request id: selectable so support can be given the id.
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setAccessibleName(tr("Error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setFrameShape(QFrame::StyledPanel);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorLabel->setFont(bold);
    m_errorLabel->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(actionBox, 1);
    top->addWidget(infoBox, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(zoneBox, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);
}

void ThreatInsightPage::onSessionOpened() {
    dropEditor();
    OktaClient* client = m_session ? m_session->client() : nullptr;
    if (!client)
        return;
    m_editor = new ThreatInsightEditor(client, this);
    m_editor->setHistory(m_history, m_session->profile().id, m_session->profile().displayName);
    connect(m_editor, &ThreatInsightEditor::stateChanged, this, &ThreatInsightPage::refresh);
    connect(m_editor, &ThreatInsightEditor::draftChanged, this, &ThreatInsightPage::refresh);
    connect(m_editor, &ThreatInsightEditor::configurationChanged, this, &ThreatInsightPage::refresh);
    connect(m_editor, &ThreatInsightEditor::concurrentChange, this, &ThreatInsightPage::onConcurrentChange);
    connect(m_editor, &ThreatInsightEditor::saved, this, &ThreatInsightPage::onSaved);
    connect(m_editor, &ThreatInsightEditor::saveFailed, this, &ThreatInsightPage::onSaveFailed);
    connect(m_editor, &ThreatInsightEditor::loadFailed, this, &ThreatInsightPage::showError);
    connect(m_editor, &ThreatInsightEditor::historyRecordFailed, this, &ThreatInsightPage::showError);
    m_picker->setEditor(m_editor);
    showError({});
    m_editor->load();
    refresh();
}

void ThreatInsightPage::dropEditor() {
    m_picker->setEditor(nullptr);
    delete m_editor; // aborts its jobs before the session deletes the client
    showError({});
    refresh();
}

void ThreatInsightPage::reload() {
    if (!m_editor || m_editor->state() == ThreatInsightEditor::State::Saving)
        return;
    if (!m_editor->isDirty()) {
        showError({});
        m_editor->load();
        return;
    }
    DialogHooks::Question question;
    question.objectName = QStringLiteral("discardChangesDialog");
    question.icon = QMessageBox::Warning;
    question.title = tr("Discard your changes?");
    question.text = tr("Reloading shows the configuration as the org has it now and discards your unsaved "
                       "changes: %1.")
                        .arg(m_editor->describeChange(m_editor->configuration(), m_editor->draft()));
    question.buttons = QMessageBox::Discard | QMessageBox::Cancel;
    question.defaultButton = QMessageBox::Cancel;
    m_hooks->ask(this, question, [this](QMessageBox::StandardButton button) {
        if (button != QMessageBox::Discard || !m_editor ||
            m_editor->state() == ThreatInsightEditor::State::Saving)
            return;
        showError({});
        m_editor->load();
    });
}

void ThreatInsightPage::save() {
    if (!m_editor || !m_editor->isDirty() || m_editor->state() != ThreatInsightEditor::State::Ready)
        return;
    if (m_editor->draftAction() != Block || m_editor->configuration().action == Block) {
        startSave();
        return;
    }
    // Blocking turns away real users behind a flagged IP: make the admin say so.
    DialogHooks::Question question;
    question.objectName = QStringLiteral("confirmBlockDialog");
    question.icon = QMessageBox::Warning;
    question.title = tr("Block suspicious requests?");
    question.text = tr("With the action block, Okta logs and blocks every request ThreatInsight considers "
                       "suspicious, before authentication. People signing in from a flagged IP are turned "
                       "away unless their IP is in an excluded zone.");
    question.informativeText = tr("Excluded zones: %1.").arg(m_editor->excludedSummary());
    question.buttons = QMessageBox::Ok | QMessageBox::Cancel;
    question.defaultButton = QMessageBox::Cancel;
    m_hooks->ask(this, question, [this](QMessageBox::StandardButton button) {
        if (button == QMessageBox::Ok)
            startSave();
    });
}

void ThreatInsightPage::startSave() {
    if (!m_editor || m_editor->state() != ThreatInsightEditor::State::Ready)
        return;
    showError({});
    m_editor->save();
}

void ThreatInsightPage::revert() {
    if (m_editor)
        m_editor->revert();
}

void ThreatInsightPage::onConcurrentChange(const ThreatInsightConfiguration& serverNow,
                                           const QString& description) {
    Q_UNUSED(serverNow)
    if (!m_editor)
        return;
    DialogHooks::Question question;
    question.objectName = QStringLiteral("concurrentChangeDialog");
    question.icon = QMessageBox::Warning;
    question.title = tr("The configuration changed on the server");
    question.text = description;
    question.informativeText =
        tr("Your changes: %1.\n\nSave overwrites the org's configuration with yours. Discard drops your "
           "changes and shows the org's. Cancel keeps your changes unsaved.")
            .arg(m_editor->describeChange(m_editor->configuration(), m_editor->draft()));
    question.buttons = QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel;
    question.defaultButton = QMessageBox::Cancel;
    QPointer<ThreatInsightEditor> editor = m_editor;
    m_hooks->ask(this, question, [editor](QMessageBox::StandardButton button) {
        if (!editor)
            return;
        if (button == QMessageBox::Save)
            editor->saveAnyway();
        else if (button == QMessageBox::Discard)
            editor->adoptServer();
        else
            editor->cancelSave();
    });
    refresh();
}

void ThreatInsightPage::onSaved(const ThreatInsightConfiguration& configuration, const QString& requestId) {
    showError({});
    const int zones = int(configuration.excludeZones.size());
    const QString message =
        tr("Saved: action %1, %n zone(s) exempt", nullptr, zones).arg(configuration.action);
    m_readyStatus = tr("%1 (request id %2)").arg(message, requestId);
    refresh();
    emit statusMessage(message);
}

void ThreatInsightPage::onSaveFailed(const QString& message) {
    showError(message);
    emit statusMessage(tr("Saving the ThreatInsight configuration failed"));
}

void ThreatInsightPage::showError(const QString& message) {
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void ThreatInsightPage::refresh() {
    refreshRadios();
    refreshLabels();
    refreshEnabled();
}

void ThreatInsightPage::refreshRadios() {
    const QString action = m_editor && m_editor->hasConfiguration() ? m_editor->draftAction() : QString();
    QRadioButton* checked = m_actionButtons.value(action);
    // An unknown action (or none loaded) checks no radio: exclusivity must be off to clear it.
    m_actionGroup->setExclusive(false);
    for (QRadioButton* radio : std::as_const(m_actionButtons))
        radio->setChecked(radio == checked);
    m_actionGroup->setExclusive(true);
}

void ThreatInsightPage::refreshLabels() {
    const bool dirty = hasUnsavedChanges();
    m_dirtyLabel->setVisible(dirty);
    setWindowModified(dirty);
    if (!m_editor || !m_editor->hasConfiguration()) {
        m_createdLabel->setText(tr("—"));
        m_lastUpdatedLabel->setText(tr("—"));
        m_excludedLabel->setText(tr("—"));
        return;
    }
    const ThreatInsightConfiguration& loaded = m_editor->configuration();
    m_createdLabel->setText(localTime(loaded.created));
    m_createdLabel->setToolTip(loaded.created.toString(Qt::ISODateWithMs));
    m_lastUpdatedLabel->setText(localTime(loaded.lastUpdated));
    m_lastUpdatedLabel->setToolTip(loaded.lastUpdated.toString(Qt::ISODateWithMs));
    const QString excluded = m_editor->excludedSummary();
    // Wrapping makes every layout above ask heightForWidth, which costs a text layout per pass:
    // only a summary too long for one line needs it.
    m_excludedLabel->setWordWrap(excluded.size() > 80);
    m_excludedLabel->setText(excluded);
}

void ThreatInsightPage::refreshEnabled() {
    using State = ThreatInsightEditor::State;
    const State state = m_editor ? m_editor->state() : State::Idle;
    const bool editable = m_editor && m_editor->hasConfiguration() && state == State::Ready;
    const bool dirty = hasUnsavedChanges();
    for (QRadioButton* radio : std::as_const(m_actionButtons))
        radio->setEnabled(editable);
    m_picker->setEnabled(editable);
    m_saveAction->setEnabled(editable && dirty);
    m_revertAction->setEnabled(editable && dirty);
    m_reloadAction->setEnabled(m_editor && state != State::Loading && state != State::Saving);

    QString status;
    if (!m_editor) {
        const bool opening = m_session && m_session->state() == OrgSession::State::Opening;
        status = opening ? tr("Connecting…") : tr("Not connected to an org");
    } else if (state == State::Loading) {
        m_readyStatus.clear();
        status = tr("Loading…");
    } else if (state == State::Saving) {
        status = m_editor->isAwaitingDecision() ? tr("Waiting for your decision…") : tr("Saving…");
    } else if (state == State::Error) {
        status = tr("Could not load the configuration");
    } else if (!m_readyStatus.isEmpty()) {
        status = m_readyStatus; // "Saved: …" until the next load
    } else {
        status = tr("Loaded (request id %1)").arg(m_editor->lastRequestId());
    }
    m_statusLabel->setText(status);
    if (state == State::Ready && !m_editor->zoneWarnings().isEmpty() && m_errorLabel->text().isEmpty())
        showError(tr("Some zones could not be read and are not listed:\n%1")
                      .arg(m_editor->zoneWarnings().join(QLatin1Char('\n'))));
}
