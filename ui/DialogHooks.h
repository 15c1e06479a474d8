#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

class QDialog;
class QWidget;

// Every modal question and file dialog of the app goes through here, asynchronously: the dialog
// is opened window-modal with open() (no nested event loop) and the answer arrives through a
// callback. Tests replace the hooks with scripted answers; custom dialogs (profile, preview,
// import summary) are shown through showDialog() and found by their objectName.
class DialogHooks {
public:
    struct Question {
        QString objectName; // stable name tests answer by, e.g. "confirmBlockDialog"
        QMessageBox::Icon icon = QMessageBox::Question;
        QString title;
        QString text;
        QString informativeText;
        QString detailedText;
        QMessageBox::StandardButtons buttons = QMessageBox::Ok | QMessageBox::Cancel;
        QMessageBox::StandardButton defaultButton = QMessageBox::Cancel;
    };
    struct FileRequest {
        QString objectName; // e.g. "importFileDialog"
        QString caption;
        QString directory;
        QString nameFilter; // "CSV or text files (*.csv *.txt);;All files (*)"
        bool save = false;
        QString defaultSuffix;
    };
    using Answer = std::function<void(QMessageBox::StandardButton button)>;
    using FileChosen = std::function<void(const QString& path)>; // empty path: cancelled

    virtual ~DialogHooks();

    // Shows the question; `done` runs once with the button pressed (Cancel/Escape → the escape
    // button, usually Cancel). Not called at all if `parent` is destroyed first.
    virtual void ask(QWidget* parent, const Question& question, Answer done);
    // For messages without a choice (errors, summaries); `done` may be empty.
    void inform(QWidget* parent, const QString& objectName, QMessageBox::Icon icon, const QString& title,
                const QString& text, const QString& detailedText = {}, Answer done = {});
    virtual void chooseFile(QWidget* parent, const FileRequest& request, FileChosen done);
    // Opens a custom dialog window-modal (open()); it deletes itself when closed.
    virtual void showDialog(QDialog* dialog);
};
