#include "QuickReportDialog.h"

#include "Icons.h"
#include "riskevents/MessageRules.h"
#include "riskevents/RiskRowImporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QVBoxLayout>

QuickReportDialog::QuickReportDialog(const ImportOptions& options, QWidget* parent)
    : QDialog(parent)
    , m_options(options)
    , m_ips(new QPlainTextEdit(this))
    , m_level(new QComboBox(this))
    , m_message(new QLineEdit(this))
    , m_problemsLabel(new QLabel(this))
    , m_send(new QPushButton(Icons::icon(QStringLiteral("send")), tr("&Send now"), this)) {
    setObjectName(QStringLiteral("quickReportDialog"));
    setWindowTitle(tr("Report IPs now"));
    setAccessibleName(tr("Report IPs now"));

    auto* intro =
        new QLabel(tr("Paste or type the addresses to report, one or more per line. They are sent to "
                      "the org at once, highest priority first."),
                   this);
    intro->setWordWrap(true);

    m_ips->setObjectName(QStringLiteral("quickIps"));
    m_ips->setAccessibleName(tr("IP addresses to report"));
    m_ips->setPlaceholderText(tr("203.0.113.7\n2001:db8::1"));
    m_ips->setTabChangesFocus(true);

    m_level->setObjectName(QStringLiteral("quickLevel"));
    m_level->setAccessibleName(tr("Risk level"));
    for (RiskLevel level : {RiskLevel::High, RiskLevel::Medium, RiskLevel::Low})
        m_level->addItem(RiskLevels::toString(level), static_cast<int>(level));
    m_level->setCurrentIndex(0); // HIGH: what incident response reports

    m_message->setObjectName(QStringLiteral("quickMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setPlaceholderText(tr("optional, e.g. credential stuffing from this address"));
    m_message->setMaxLength(int(MessageRules::MaxLength) * 2); // longer text is reported, not cut

    m_problemsLabel->setObjectName(QStringLiteral("quickProblems"));
    m_problemsLabel->setAccessibleName(tr("Problems"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsLabel->hide();

    m_send->setObjectName(QStringLiteral("quickSendButton"));
    m_send->setAccessibleName(tr("Send now"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Check the addresses and send them (Ctrl+Return)"));

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("quickCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    // Send is wired by hand: it closes the dialog only when everything is valid.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_send, &QPushButton::clicked, this, &QuickReportDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(sendShortcut, &QShortcut::activated, this, &QuickReportDialog::submit);

    auto* form = new QFormLayout;
    form->addRow(tr("&Addresses:"), m_ips);
    form->addRow(tr("Risk &level:"), m_level);
    form->addRow(tr("&Message:"), m_message);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(buttons);
    m_ips->setFocus();
    resize(480, 360);
}

bool QuickReportDialog::build(ImportResult* result, QStringList* problems) const {
    const RiskLevel level = static_cast<RiskLevel>(m_level->currentData().toInt());
    const QString levelText = RiskLevels::toString(level);
    const QString message = m_message->text().trimmed();
    for (const MessageRules::Violation& violation : MessageRules::check(message))
        problems->append(tr("Message: %1").arg(violation.reason));

    RiskRowImporter importer(m_options);
    QHash<QString, qint64> lineOfIp;
    const QStringList lines = m_ips->toPlainText().split(QLatin1Char('\n'));
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    for (int i = 0; i < lines.size(); ++i) {
        const qint64 line = i + 1;
        const QStringList tokens = lines.at(i).split(separators, Qt::SkipEmptyParts);
        for (const QString& token : tokens) {
            ++result->rows;
            // The message was checked once above; each address is judged on its own here.
            const RiskRowImporter::RowCheck check = importer.validateRow(token, levelText, QString(), line);
            if (!check.subject) {
                ++result->rejected;
                for (const ValidationIssue& issue : check.issues)
                    problems->append(tr("Line %1: %2: %3").arg(line).arg(token, issue.reason));
                continue;
            }
            RiskSubject subject = *check.subject;
            subject.message = message;
            const auto first = lineOfIp.constFind(subject.ip);
            if (first != lineOfIp.constEnd()) {
                // Reported as a merged row in the table, not dropped.
                ValidationIssue merged;
                merged.kind = ValidationIssue::Kind::Merged;
                merged.line = line;
                merged.field = QStringLiteral("ip");
                merged.value = token;
                merged.reason = tr("duplicate of line %1").arg(*first);
                // The row's own values, so the table shows the whole row.
                merged.rowIp = subject.ip;
                merged.rowLevel = RiskLevels::toString(subject.level);
                merged.rowMessage = message;
                result->issues.append(merged);
                ++result->merged;
                continue;
            }
            lineOfIp.insert(subject.ip, line);
            result->subjects.append(subject);
            ++result->valid;
            ++result->perLevel[static_cast<size_t>(subject.level)];
        }
    }
    if (result->rows == 0)
        problems->append(tr("Enter at least one IP address."));
    result->format = ImportOptions::Format::PlainList;
    return problems->isEmpty();
}

void QuickReportDialog::submit() {
    ImportResult result;
    QStringList problems;
    if (!build(&result, &problems)) {
        m_problems = problems;
        m_problemsLabel->setText(tr("Nothing was sent. Please fix:") + QStringLiteral("\n• ") +
                                 problems.join(QStringLiteral("\n• ")));
        m_problemsLabel->setAccessibleDescription(m_problemsLabel->text());
        m_problemsLabel->show();
        return;
    }
    m_problems.clear();
    m_problemsLabel->hide();
    m_result = result;
    emit reportRequested(m_result);
    accept();
}
