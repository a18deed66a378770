#include "ui/chart_support.h"

#include <QFileDialog>
#include <QMenu>
#include <QToolTip>

#include <qcustomplot.h>

namespace sharecast::ui {

namespace {

//! Wraps the legend into as many rows as it needs to fit the plot's width (run before each replot).
void fitLegend(QCustomPlot* plot)
{
    QCPLegend* legend = plot->legend;
    const int available = plot->viewport().width() - 16;
    legend->setWrap(0);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    for (int columns = legend->itemCount() - 1;
         columns >= 1 && legend->minimumOuterSizeHint().width() > available; --columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}

}  // namespace

void fitChartLegend(QCustomPlot* plot) { fitLegend(plot); }

QCPTextElement* arrangeChartLayout(QCustomPlot* plot)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    QCPAxisRect* rect = plot->axisRect();
    rect->insetLayout()->take(plot->legend);
    layout->take(rect);
    layout->simplify();
    QFont font = plot->font();
    font.setPointSize(10);
    font.setBold(true);
    auto* title = new QCPTextElement(plot, QString(), font);
    layout->addElement(0, 0, title);
    auto* legendRow = new QCPLayoutGrid;
    layout->addElement(1, 0, legendRow);
    legendRow->addElement(0, 0, new QCPLayoutElement(plot));
    legendRow->addElement(0, 1, plot->legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(plot));
    legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
    layout->addElement(2, 0, rect);
    layout->setRowStretchFactors({0.001, 0.001, 1.0});
    font.setPointSize(8);
    font.setBold(false);
    plot->legend->setFont(font);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] { fitLegend(plot); });
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        font.setPointSize(8);
        axis->setTickLabelFont(font);
        font.setPointSize(9);
        axis->setLabelFont(font);
    }
    return title;
}

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
