#pragma once

#include "DialogHooks.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// DialogHooks for widget tests: every question is recorded and answered from a script keyed by
// its objectName (on the next event-loop turn, as a real window-modal dialog would), file
// dialogs answer with scripted paths, custom dialogs are opened for real (non-blocking) so the
// test can find them by objectName. An unscripted question is answered with its escape button
// (Cancel) and recorded, so a test can assert on it instead of hanging.
class ScriptedDialogHooks : public DialogHooks {
public:
    struct Asked {
        Question question;
        QMessageBox::StandardButton answer = QMessageBox::NoButton;
    };

    // The next question named `objectName` gets `button` (answers queue up per name).
    void answer(const QString& objectName, QMessageBox::StandardButton button);
    // The next file dialog named `objectName` returns `path` (empty: cancelled).
    void chooseFileAnswer(const QString& objectName, const QString& path);

    const QList<Asked>& asked() const { return m_asked; }
    // The last question with this objectName, or nullptr.
    const Asked* lastAsked(const QString& objectName) const;
    int askedCount(const QString& objectName) const;
    QStringList askedNames() const;
    void clear() { m_asked.clear(); }

    void ask(QWidget* parent, const Question& question, Answer done) override;
    void chooseFile(QWidget* parent, const FileRequest& request, FileChosen done) override;

private:
    QHash<QString, QList<QMessageBox::StandardButton>> m_answers;
    QHash<QString, QList<QString>> m_files;
    QList<Asked> m_asked;
};
