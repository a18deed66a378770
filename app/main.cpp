//! Entry point: with no arguments the workbench opens; otherwise a headless subcommand runs.

#include "cli/cli.h"
#include "version.h"

#include "ui/document/validity_runner.h"
#include "ui/workbench/main_window.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <QTimer>

#include <cstdio>

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

    // `sharecast --screenshot FILE.png [--size WxH] [--tab NAME]`: open the workbench (on tab
    // NAME, e.g. Uncertainty), save a picture of the window once it has drawn and its Monte Carlo
    // and projection fan have finished, and quit (for the README's screenshots and visual checks).
    const int shot = arguments.indexOf(QStringLiteral("--screenshot"));
    if (shot > 0) {
        const QString file = arguments.value(shot + 1);
        const int sizeAt = arguments.indexOf(QStringLiteral("--size"));
        if (sizeAt > 0) {
            const QStringList wh = arguments.value(sizeAt + 1).split(u'x');
            window.resize(wh.value(0).toInt(), wh.value(1).toInt());
        }
        const int tabAt = arguments.indexOf(QStringLiteral("--tab"));
        if (tabAt > 0 && !window.showTab(arguments.value(tabAt + 1))) {
            std::fprintf(stderr, "sharecast: no tab named %s\n", qPrintable(arguments.value(tabAt + 1)));
            return 2;
        }
        auto* poll = new QTimer(&window);
        QElapsedTimer waited;
        waited.start();
        QObject::connect(poll, &QTimer::timeout, &window, [&window, file, poll, waited] {
            const auto* runner = window.validityRunner();
            if (runner && runner->busy() && waited.elapsed() < 60000)
                return; // the simulations draw when they finish
            poll->stop();
            const bool ok = window.grab().save(file);
            QCoreApplication::exit(ok ? 0 : 1);
        });
        QTimer::singleShot(1500, poll, [poll] { poll->start(100); });
    }
    return app.exec();
}
