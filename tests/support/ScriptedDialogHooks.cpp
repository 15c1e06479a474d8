#include "ScriptedDialogHooks.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

void ScriptedDialogHooks::answer(const QString& objectName, QMessageBox::StandardButton button) {
    m_answers[objectName].append(button);
}

void ScriptedDialogHooks::chooseFileAnswer(const QString& objectName, const QString& path) {
    m_files[objectName].append(path);
}

const ScriptedDialogHooks::Asked* ScriptedDialogHooks::lastAsked(const QString& objectName) const {
    for (auto it = m_asked.crbegin(); it != m_asked.crend(); ++it)
        if (it->question.objectName == objectName)
            return &*it;
    return nullptr;
}

int ScriptedDialogHooks::askedCount(const QString& objectName) const {
    int count = 0;
    for (const Asked& asked : m_asked)
        count += asked.question.objectName == objectName ? 1 : 0;
    return count;
}

QStringList ScriptedDialogHooks::askedNames() const {
    QStringList names;
    for (const Asked& asked : m_asked)
        names.append(asked.question.objectName);
    return names;
}

void ScriptedDialogHooks::ask(QWidget* parent, const Question& question, Answer done) {
    QMessageBox::StandardButton button = QMessageBox::Cancel;
    QList<QMessageBox::StandardButton>& queue = m_answers[question.objectName];
    if (!queue.isEmpty())
        button = queue.takeFirst();
    else if (question.buttons == QMessageBox::Ok)
        button = QMessageBox::Ok; // a message without a choice is acknowledged
    m_asked.append({question, button});
    QPointer<QWidget> guard(parent);
    const bool hadParent = parent != nullptr;
    QTimer::singleShot(0, [guard, hadParent, done, button] {
        if ((hadParent && !guard) || !done)
            return;
        done(button);
    });
}

void ScriptedDialogHooks::chooseFile(QWidget* parent, const FileRequest& request, FileChosen done) {
    QString path;
    QList<QString>& queue = m_files[request.objectName];
    if (!queue.isEmpty())
        path = queue.takeFirst();
    Question record;
    record.objectName = request.objectName;
    record.title = request.caption;
    record.text = path;
    m_asked.append({record, path.isEmpty() ? QMessageBox::Cancel : QMessageBox::Ok});
    QPointer<QWidget> guard(parent);
    const bool hadParent = parent != nullptr;
    QTimer::singleShot(0, [guard, hadParent, done, path] {
        if ((hadParent && !guard) || !done)
            return;
        done(path);
    });
}
