//! Entry point: with no arguments the workbench opens; otherwise a headless subcommand runs.

#include "cli/cli.h"
#include "version.h"

#include "ui/workbench/main_window.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>
#include <QTimer>

int main(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCoreApplication::setOrganizationName(QStringLiteral("Sharecast"));
    QCoreApplication::setApplicationName(QStringLiteral("Sharecast"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHARECAST_VERSION));

    if (!sharecast::cli::wantsWorkbench(arguments)) {
        // A command that draws (the report's charts) gets its QApplication from cli::run once its
        // arguments are checked (offscreen when no platform is set); the others need no display.
        if (sharecast::cli::needsOf(arguments) == sharecast::cli::Needs::Gui)
            return sharecast::cli::run(arguments);
        QCoreApplication app(argc, argv);
        return sharecast::cli::run(arguments);
    }

    QApplication app(argc, argv);
    sharecast::ui::initResources();
    app.setWindowIcon(QIcon(QStringLiteral(":/sharecast/icons/sharecast.svg")));
    sharecast::ui::MainWindow window;
    window.show(); // first, so that a question about autosaved edits has its window behind it
    // The project named on the command line, else one whose edits a workbench that closed
    // unexpectedly autosaved, else the bundled sample (a writable copy).
    QString named;
    for (int i = 1; i < arguments.size(); ++i)
        if (arguments[i].endsWith(QStringLiteral(".sharecast")))
            named = arguments[i];
    const QString project = window.projectToOpenAtStart(named);
    if (!project.isEmpty())
        window.openProject(project);

    // `sharecast --screenshot FILE.png [--size WxH]`: open the workbench, save a picture of the
    // window once it has drawn, and quit (for the README's screenshots and visual checks).
    const int shot = arguments.indexOf(QStringLiteral("--screenshot"));
    if (shot > 0) {
        const QString file = arguments.value(shot + 1);
        const int sizeAt = arguments.indexOf(QStringLiteral("--size"));
        if (sizeAt > 0) {
            const QStringList wh = arguments.value(sizeAt + 1).split(u'x');
            window.resize(wh.value(0).toInt(), wh.value(1).toInt());
        }
        QTimer::singleShot(1500, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
