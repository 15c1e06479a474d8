#include "DialogHooks.h"

#include <QDialog>
#include <QFileDialog>
#include <QPointer>

DialogHooks::~DialogHooks() = default;

void DialogHooks::ask(QWidget* parent, const Question& question, Answer done) {
    auto* box = new QMessageBox(question.icon, question.title, question.text, question.buttons, parent);
    box->setObjectName(question.objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    box->setInformativeText(question.informativeText);
    box->setDetailedText(question.detailedText);
    if (question.defaultButton != QMessageBox::NoButton)
        box->setDefaultButton(question.defaultButton);
    box->setAccessibleName(question.title);
    QObject::connect(box, &QMessageBox::finished, box, [box, done](int) {
        if (!done)
            return;
        // clickedButton() is null when the box was closed with Escape or the title bar.
        QAbstractButton* clicked = box->clickedButton();
        QMessageBox::StandardButton button =
            clicked ? box->standardButton(clicked) : box->standardButton(box->escapeButton());
        done(button == QMessageBox::NoButton ? QMessageBox::Cancel : button);
    });
    box->open();
}

void DialogHooks::inform(QWidget* parent, const QString& objectName, QMessageBox::Icon icon, const QString& title,
                         const QString& text, const QString& detailedText, Answer done) {
    Question question;
    question.objectName = objectName;
    question.icon = icon;
    question.title = title;
    question.text = text;
    question.detailedText = detailedText;
    question.buttons = QMessageBox::Ok;
    question.defaultButton = QMessageBox::Ok;
    ask(parent, question, done ? done : Answer([](QMessageBox::StandardButton) {}));
}

void DialogHooks::chooseFile(QWidget* parent, const FileRequest& request, FileChosen done) {
    auto* dialog = new QFileDialog(parent, request.caption, request.directory, request.nameFilter);
    dialog->setObjectName(request.objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    if (request.save) {
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
        dialog->setDefaultSuffix(request.defaultSuffix);
    } else {
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::ExistingFile);
    }
    QObject::connect(dialog, &QFileDialog::finished, dialog, [dialog, done](int result) {
        const QStringList files = dialog->selectedFiles();
        done(result == QDialog::Accepted && !files.isEmpty() ? files.constFirst() : QString());
    });
    dialog->open();
}

void DialogHooks::showDialog(QDialog* dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (dialog->parentWidget())
        dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
}
