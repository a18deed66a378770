//! The workbench shell constructs offscreen with its menus, status bar and chart.

#include "ui/main_window.h"

#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

#include <qcustomplot.h>

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void constructsWithChartAndMenus()
    {
        sharecast::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.chart() != nullptr);
        QCOMPARE(w.centralWidget()->findChild<QCustomPlot*>() != nullptr || qobject_cast<QCustomPlot*>(w.centralWidget()), true);
        QStringList titles;
        for (QAction* a : w.menuBar()->actions())
            titles << a->text().remove(u'&');
        QCOMPARE(titles, (QStringList{"File", "Edit", "Scenario", "View", "Help"}));
        QVERIFY(w.statusBar()->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
