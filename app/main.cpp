#include "OpenSslLifetime.h"
#include "ProcessHardening.h"
#include "cli/CliApplication.h"
#include "common/Translations.h"
#include "gui/GuiApplication.h"

#include <QApplication>
#include <QIcon>

#include <vector>

namespace {

// The command line without the options only the GUI knows, so that the CLI's test "is there a
// sub-command?" does not mistake them for unknown options.
std::vector<char*> withoutGuiOptions(int argc, char* argv[]) {
    std::vector<char*> kept;
    for (int i = 0; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        const QString name = argument.section(QLatin1Char('='), 0, 0);
        if (i > 0 && GuiApplication::guiOnlyOptions().contains(name)) {
            if (!argument.contains(QLatin1Char('=')) && GuiApplication::takesValue(name))
                ++i;
            continue;
        }
        kept.push_back(argv[i]);
    }
    return kept;
}

} // namespace

int main(int argc, char* argv[]) {
    ProcessHardening::disableCoreDumps(); // before any secret is in memory
    OpenSslLifetime::skipCleanupAtExit(); // before Qt's TLS backend or our signing keys load OpenSSL
    std::vector<char*> cliArguments = withoutGuiOptions(argc, argv);
    if (CliApplication::hasCommand(static_cast<int>(cliArguments.size()), cliArguments.data())) {
        QCoreApplication app(argc, argv);
        Translations::install(&app);
        CliApplication cli;
        return cli.exec();
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("threatdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ThreatDesk"));
    QApplication::setApplicationVersion(QStringLiteral(THREATDESK_VERSION));
    // The desktop entry's name, so that Wayland and the taskbar match windows to it.
    QApplication::setDesktopFileName(QStringLiteral("org.threatdesk.ThreatDesk"));
    Translations::install(&app);
    GuiApplication gui;
    const int early = gui.start();
    if (early >= 0)
        return early;
    return QApplication::exec();
}
