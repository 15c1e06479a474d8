#pragma once

#include "riskevents/ImportOptions.h"
#include "riskevents/ImportResult.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// "Report IPs now", for incident response: paste a few addresses, pick a level (HIGH by
// default), optionally a message, Send. Send checks everything first and lists each problem
// naming its line; only a clean batch closes the dialog and goes to the page, which sends it.
class QuickReportDialog : public QDialog {
    Q_OBJECT
public:
    // `options`: how addresses are judged (non-public allowed or not), as on the page.
    explicit QuickReportDialog(const ImportOptions& options, QWidget* parent = nullptr);

    // The rows of the last successful Send (subjects, and duplicates as merged issues).
    const ImportResult& result() const { return m_result; }
    // The problems the last Send found, one per line; empty when it was clean.
    QStringList problems() const { return m_problems; }

signals:
    // Send found no problem: the page takes these rows and sends them at once.
    void reportRequested(const ImportResult& result);

private:
    void submit();
    bool build(ImportResult* result, QStringList* problems) const;

    ImportOptions m_options;
    QPlainTextEdit* m_ips;
    QComboBox* m_level;
    QLineEdit* m_message;
    QLabel* m_problemsLabel;
    QPushButton* m_send;
    ImportResult m_result;
    QStringList m_problems;
};
