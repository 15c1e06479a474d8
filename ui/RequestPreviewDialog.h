#pragma once

#include <QByteArray>
#include <QDialog>
#include <QVector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// Dry run of a send: the exact JSON bodies of the first requests, pretty-printed in a read-only
// monospace view, one request at a time, with the counts of the whole batch. Copy puts the
// shown request's body on the clipboard exactly as it would be sent. No network: the bodies
// come from RiskSendSession::previewBodies().
class RequestPreviewDialog : public QDialog {
    Q_OBJECT
public:
    RequestPreviewDialog(QVector<QByteArray> bodies, int totalRequests, int totalSubjects,
                         QWidget* parent = nullptr);

    int requestCount() const { return static_cast<int>(m_bodies.size()); } // shown ones
    int currentRequest() const { return m_current; }                       // 0-based, -1 if none
    void showRequest(int index);
    // The body of the shown request as it would be sent (compact), and as displayed.
    QByteArray currentBody() const;
    QString displayedText() const;

    // Compact JSON re-indented for reading; keys stay in their order, values byte for byte.
    static QString prettyPrinted(const QByteArray& json);

private:
    void copyCurrent();

    QVector<QByteArray> m_bodies;
    int m_current = -1;
    QLabel* m_summary = nullptr;
    QComboBox* m_selector = nullptr;
    QLabel* m_bodyInfo = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_copy = nullptr;
};
