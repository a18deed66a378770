#include "ui/charts/chart_support.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSvgGenerator>
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

//! Saves the chart as SVG vectors at the plot's size; pens as savePdf draws them with epNoCosmetic.
bool saveSvg(QCustomPlot* plot, const QString& path)
{
    const int width = plot->width(), height = plot->height();
    const QString stem = QFileInfo(path).completeBaseName();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    generator.setTitle(stem.isEmpty() ? QStringLiteral("Sharecast chart") : stem);
    generator.setDescription(QStringLiteral("Sharecast chart"));
    // The screen's resolution, so point-sized fonts keep their on-screen size relative to the plot.
    generator.setResolution(plot->logicalDpiX());
    // Qt 6.4's SVG writer cannot clip: whatever lies outside the axis ranges (a zoomed view, the
    // waterfall's bars below a cut axis) would spill over the image. The SVG therefore shows the
    // whole chart: the ranges widen to every plottable's data for the export and come back after.
    std::vector<std::pair<QCPAxis*, QCPRange>> ranges;
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            ranges.emplace_back(axis, axis->range());
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        bool found = false;
        const QCPRange keys = p->getKeyRange(found);
        if (found && p->keyAxis() &&
            !(p->keyAxis()->range().contains(keys.lower) && p->keyAxis()->range().contains(keys.upper)))
            p->rescaleKeyAxis(true);
        const QCPRange values = p->getValueRange(found);
        if (found && p->valueAxis() &&
            !(p->valueAxis()->range().contains(values.lower) &&
              p->valueAxis()->range().contains(values.upper)))
            p->rescaleValueAxis(true);
    }
    QCPPainter painter;
    bool ok = painter.begin(&generator);
    if (ok) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        plot->toPainter(&painter, width, height);
        ok = painter.end();
    }
    for (const auto& [axis, range] : ranges)
        axis->setRange(range);
    plot->replot();
    return ok;
}

} // namespace

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

void showChartToolTip(QCustomPlot* plot, const QPoint& pos, const QString& text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(plot->mapToGlobal(pos), text, plot);
}

bool exportChart(QCustomPlot* plot, const QString& path)
{
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return plot->savePdf(path, plot->width(), plot->height(), QCP::epNoCosmetic);
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive))
        return saveSvg(plot, path);
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
        const struct {
            QString label, suffix, filter;
        } formats[] = {
            {QObject::tr("Export as PNG…"), QStringLiteral(".png"), QObject::tr("PNG image (*.png)")},
            {QObject::tr("Export as SVG…"), QStringLiteral(".svg"), QObject::tr("SVG image (*.svg)")},
            {QObject::tr("Export as PDF…"), QStringLiteral(".pdf"), QObject::tr("PDF document (*.pdf)")},
        };
        for (const auto& format : formats)
            menu.addAction(format.label, plot, [plot, fileStem, format] {
                const QString f = QFileDialog::getSaveFileName(plot, QObject::tr("Export chart"),
                                                               fileStem + format.suffix, format.filter);
                if (!f.isEmpty() && !exportChart(plot, f))
                    QMessageBox::warning(plot, QObject::tr("Export chart"),
                                         QObject::tr("Could not write %1.").arg(QDir::toNativeSeparators(f)));
            });
        menu.exec(plot->mapToGlobal(pos));
    });
}

} // namespace sharecast::ui
