#include "cli/CliApplication.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    if (!CliApplication::hasCommand(argc, argv)) {
        // The GUI starts here once it exists; until then, explain the command line.
        return CliApplication::missingCommand();
    }
    QCoreApplication app(argc, argv);
    CliApplication cli;
    return cli.exec();
}
