#include "RequestPreviewDialog.h"

#include "Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

RequestPreviewDialog::RequestPreviewDialog(QVector<QByteArray> bodies, int totalRequests, int totalSubjects,
                                           QWidget* parent)
    : QDialog(parent)
    , m_bodies(std::move(bodies)) {
    setObjectName(QStringLiteral("requestPreviewDialog"));
    setWindowTitle(tr("Preview requests"));
    setAccessibleName(tr("Preview of the requests to send"));
    const QLocale locale;

    QString summary =
        totalRequests == 1 ? tr("1 request") : tr("%1 requests").arg(locale.toString(totalRequests));
    summary +=
        totalSubjects == 1 ? tr(", 1 subject") : tr(", %1 subjects").arg(locale.toString(totalSubjects));
    if (m_bodies.size() < totalRequests)
        summary += tr("; showing the first %1").arg(locale.toString(m_bodies.size()));
    m_summary = new QLabel(summary, this);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);

    m_selector = new QComboBox(this);
    m_selector->setObjectName(QStringLiteral("requestSelector"));
    m_selector->setAccessibleName(tr("Request shown"));
    for (int i = 0; i < m_bodies.size(); ++i)
        m_selector->addItem(
            tr("Request %1 of %2").arg(locale.toString(i + 1), locale.toString(totalRequests)));
    auto* selectorLabel = new QLabel(tr("&Request:"), this);
    selectorLabel->setBuddy(m_selector);
    auto* selectorRow = new QHBoxLayout;
    selectorRow->addWidget(selectorLabel);
    selectorRow->addWidget(m_selector, 1);
    // One request needs no choice.
    selectorLabel->setVisible(m_bodies.size() > 1);
    m_selector->setVisible(m_bodies.size() > 1);

    m_bodyInfo = new QLabel(this);
    m_bodyInfo->setObjectName(QStringLiteral("bodyInfo"));

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setAccessibleName(tr("Request body (JSON)"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_copy = new QPushButton(Icons::icon(QStringLiteral("export")), tr("&Copy JSON"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy the request body"));
    m_copy->setToolTip(tr("Copies the shown request's body exactly as it would be sent (Ctrl+Shift+C)"));
    m_copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copy->setEnabled(!m_bodies.isEmpty());
    connect(m_copy, &QPushButton::clicked, this, &RequestPreviewDialog::copyCurrent);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(selectorRow);
    layout->addWidget(m_bodyInfo);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);

    connect(m_selector, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &RequestPreviewDialog::showRequest);
    if (m_bodies.isEmpty()) {
        m_bodyInfo->setText(tr("Nothing to send: there is no valid subject."));
    } else {
        showRequest(0);
    }
    resize(720, 560);
}

void RequestPreviewDialog::showRequest(int index) {
    if (index < 0 || index >= m_bodies.size() || index == m_current)
        return;
    m_current = index;
    if (m_selector->currentIndex() != index)
        m_selector->setCurrentIndex(index);
    const QByteArray& body = m_bodies.at(index);
    m_bodyInfo->setText(
        tr("POST /api/v1/risk/events/ip · body of %1 bytes").arg(QLocale().toString(body.size())));
    m_text->setPlainText(prettyPrinted(body));
}

QByteArray RequestPreviewDialog::currentBody() const {
    return m_current < 0 ? QByteArray() : m_bodies.at(m_current);
}

QString RequestPreviewDialog::displayedText() const {
    return m_text->toPlainText();
}

void RequestPreviewDialog::copyCurrent() {
    if (m_current < 0)
        return;
    QApplication::clipboard()->setText(QString::fromUtf8(currentBody()));
    m_bodyInfo->setText(tr("Request %1 copied to the clipboard (%2 bytes, exactly as sent)")
                            .arg(m_current + 1)
                            .arg(QLocale().toString(currentBody().size())));
}

QString RequestPreviewDialog::prettyPrinted(const QByteArray& json) {
    // Not through QJsonDocument: it would sort the keys and rewrite numbers.
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newline = [&out, &depth] {
        out += '\n';
        out.append(QByteArray(depth * 2, ' '));
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            const char close = c == '{' ? '}' : ']';
            if (i + 1 < json.size() && json.at(i + 1) == close) {
                out += close; // empty: stays on one line
                ++i;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            depth = qMax(0, depth - 1);
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break; // the layout is ours
        default:
            out += c;
        }
    }
    return QString::fromUtf8(out);
}
