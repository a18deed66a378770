#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include <qcustomplot.h>

namespace sharecast::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Sharecast"));
    setWindowIcon(QIcon(QStringLiteral(":/sharecast/icons/sharecast.svg")));
    resize(1280, 800);

    chart_ = new QCustomPlot(this);
    chart_->setObjectName(QStringLiteral("savingsChart"));
    chart_->plotLayout()->insertRow(0);
    chart_->plotLayout()->addElement(
        0, 0, new QCPTextElement(chart_, tr("Savings by plan — open a project to begin"), QFont(font().family(), 12, QFont::Bold)));
    chart_->xAxis->setLabel(tr("Plan"));
    chart_->yAxis->setLabel(tr("Savings ($M)"));
    chart_->xAxis->setRange(0, 1);
    chart_->yAxis->setRange(0, 1);
    chart_->xAxis->setTickLabels(false);  // nothing to show until a project is open
    chart_->yAxis->setTickLabels(false);
    setCentralWidget(chart_);

    createMenus();

    dataSummary_ = new QLabel(tr("No project open"), this);
    statusBar()->addPermanentWidget(dataSummary_, 1);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = edit->addAction(tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setEnabled(false);
    QAction* redo = edit->addAction(tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setEnabled(false);

    menuBar()->addMenu(tr("&Scenario"));
    menuBar()->addMenu(tr("&View"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sharecast"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Sharecast"),
                       tr("<h3>Sharecast %1</h3><p>An actuarial workbench for shared-savings and "
                          "shared-risk arrangements in Medicaid managed care.</p>")
                           .arg(QApplication::applicationVersion()));
}

}  // namespace sharecast::ui
