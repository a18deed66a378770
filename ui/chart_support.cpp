#include "ui/chart_support.h"

#include <QFileDialog>
#include <QMenu>
#include <QToolTip>

#include <qcustomplot.h>

namespace sharecast::ui {

bool exportChart(QCustomPlot* plot, const QString& path)
{
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return plot->savePdf(path, plot->width(), plot->height(), QCP::epNoCosmetic);
    return plot->savePng(path, plot->width(), plot->height(), 2.0);
}

void prepareChart(QCustomPlot* plot, const QString& fileStem)
{
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables);
    plot->axisRect()->setRangeZoom(Qt::Vertical | Qt::Horizontal);
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, fileStem](const QPoint& pos) {
        QMenu menu(plot);
        menu.addAction(QObject::tr("Reset zoom"), plot, [plot] {
            plot->rescaleAxes();
            plot->replot();
        });
        menu.addSeparator();
        menu.addAction(QObject::tr("Export as PNG…"), plot, [plot, fileStem] {
            const QString f = QFileDialog::getSaveFileName(plot, QObject::tr("Export chart"), fileStem + QStringLiteral(".png"),
                                                           QObject::tr("PNG image (*.png)"));
            if (!f.isEmpty())
                exportChart(plot, f);
        });
        menu.addAction(QObject::tr("Export as PDF…"), plot, [plot, fileStem] {
            const QString f = QFileDialog::getSaveFileName(plot, QObject::tr("Export chart"), fileStem + QStringLiteral(".pdf"),
                                                           QObject::tr("PDF document (*.pdf)"));
            if (!f.isEmpty())
                exportChart(plot, f);
        });
        menu.exec(plot->mapToGlobal(pos));
    });
}

}  // namespace sharecast::ui
