//! Entry point: with no arguments the workbench opens; otherwise a headless subcommand runs.

#include "cli.h"
#include "version.h"

#include "ui/main_window.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

int main(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCoreApplication::setOrganizationName(QStringLiteral("Sharecast"));
    QCoreApplication::setApplicationName(QStringLiteral("Sharecast"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHARECAST_VERSION));

    if (!sharecast::cli::wantsWorkbench(arguments)) {
        QCoreApplication app(argc, argv);  // headless: no display needed
        return sharecast::cli::run(arguments);
    }

    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/sharecast/icons/sharecast.svg")));
    sharecast::ui::MainWindow window;
    window.show();
    return app.exec();
}
