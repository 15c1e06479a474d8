// bench_bare_window: the baseline of the cold-start benchmark (run_gui.sh): a bare Qt Widgets
// main window with a menu bar and a status bar. With --quit-when-shown it quits exactly as
// `threatdesk --quit-when-shown` does: show(), then a zero timer queued behind the first expose
// and paint. Not a test: run by hand.
// Usage: bench_bare_window [--quit-when-shown]
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

#include <QDateTime>
#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bench_bare_window"));
    const bool quitWhenShown = QApplication::arguments().contains(QStringLiteral("--quit-when-shown"));

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Bare window"));
    QMenu* file = window.menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Quit"), QKeySequence::Quit, &app, &QCoreApplication::quit);
    window.menuBar()->addMenu(QStringLiteral("&Help"));
    window.setCentralWidget(new QLabel(QStringLiteral("Bare Qt Widgets window")));
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.show();
    if (quitWhenShown)
        QTimer::singleShot(0, &app, [] {
            // The moment the window is shown, for run_gui.sh (same line as threatdesk prints).
            std::printf("shown-at-us %lld\n",
                        static_cast<long long>(QDateTime::currentMSecsSinceEpoch()) * 1000);
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    return QApplication::exec();
}
