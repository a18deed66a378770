#include "ui/charts/chart_support.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QSvgGenerator>
#include <QToolTip>

#include <qcustomplot.h>

#include <algorithm>
#include <utility>
#include <vector>

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

//! The axis property that holds an axis's range as drawn, as QPointF(lower, upper).
constexpr char kDrawnRange[] = "sharecastDrawnRange";

//! Every axis of the plot with its range.
using AxisRanges = std::vector<std::pair<QCPAxis*, QCPRange>>;
AxisRanges axisRanges(QCustomPlot* plot)
{
    AxisRanges ranges;
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            ranges.emplace_back(axis, axis->range());
    return ranges;
}

//! Sets every axis with a range as drawn to it.
void applyDrawnView(QCustomPlot* plot)
{
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            if (const QVariant drawn = axis->property(kDrawnRange); drawn.isValid())
                axis->setRange(drawn.toPointF().x(), drawn.toPointF().y());
}

//! Widens each axis to the data of every plottable on it that reaches beyond its range, with a
//! little room (for an SVG, which cannot clip what lies outside the axes).
void widenToEveryPlottable(QCustomPlot* plot)
{
    auto widen = [](QCPAxis* axis, const QCPRange& data) {
        const QCPRange view = axis->range();
        if (view.contains(data.lower) && view.contains(data.upper))
            return;
        const double margin = 0.03 * (std::max(view.upper, data.upper) - std::min(view.lower, data.lower));
        axis->setRange(data.lower < view.lower ? data.lower - margin : view.lower,
                       data.upper > view.upper ? data.upper + margin : view.upper);
    };
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        bool found = false;
        if (const QCPRange keys = p->getKeyRange(found); found && p->keyAxis())
            widen(p->keyAxis(), keys);
        if (const QCPRange values = p->getValueRange(found); found && p->valueAxis())
            widen(p->valueAxis(), values);
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
    QCPPainter painter;
    bool ok = painter.begin(&generator);
    if (ok) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        plot->toPainter(&painter, width, height);
        ok = painter.end();
    }
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

QCPItemText* addChartNotice(QCustomPlot* plot, const QString& text, QCPAxisRect* rect)
{
    auto* notice = new QCPItemText(plot);
    if (rect) {
        notice->setClipAxisRect(rect);
        notice->position->setAxisRect(rect);
    }
    notice->position->setType(QCPItemPosition::ptAxisRectRatio);
    notice->position->setCoords(0.5, 0.5);
    notice->setPositionAlignment(Qt::AlignCenter);
    QFont font = plot->font();
    font.setPointSize(10);
    notice->setFont(font);
    notice->setColor(Qt::darkGray);
    notice->setText(text);
    notice->setTextAlignment(Qt::AlignCenter);
    notice->setBrush(Qt::white);
    notice->setPadding(QMargins(8, 4, 8, 4));
    return notice;
}

void rememberDrawnView(QCustomPlot* plot)
{
    for (const auto& [axis, range] : axisRanges(plot))
        axis->setProperty(kDrawnRange, QPointF(range.lower, range.upper));
}

void resetToDrawnView(QCustomPlot* plot)
{
    applyDrawnView(plot);
    plot->replot();
}

namespace {

//! Runs `draw` on the chart as drawn, not the part the user has zoomed to (which would cut bars
//! at its edges); replotted first, so that what a chart places after a replot (value and band
//! labels) fits these ranges, and afterwards the view goes back to the user's zoom.
template <class Draw> auto atDrawnView(QCustomPlot* plot, bool widen, Draw&& draw)
{
    const AxisRanges view = axisRanges(plot);
    applyDrawnView(plot);
    if (widen)
        widenToEveryPlottable(plot);
    const bool moved = axisRanges(plot) != view;
    if (moved)
        plot->replot();
    auto result = draw();
    if (moved) {
        for (const auto& [axis, range] : view)
            axis->setRange(range);
        plot->replot();
    }
    return result;
}

} // namespace

bool exportChart(QCustomPlot* plot, const QString& path)
{
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    return atDrawnView(plot, svg, [&] {
        if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
            return plot->savePdf(path, plot->width(), plot->height(), QCP::epNoCosmetic);
        if (svg)
            return saveSvg(plot, path);
        return plot->savePng(path, plot->width(), plot->height(), 2.0);
    });
}

QImage chartImage(QCustomPlot* plot)
{
    return atDrawnView(plot, false,
                       [plot] { return plot->toPixmap(plot->width(), plot->height(), 2.0).toImage(); });
}

bool copyChartToClipboard(QCustomPlot* plot)
{
    const QImage image = chartImage(plot);
    if (image.isNull())
        return false;
    QGuiApplication::clipboard()->setImage(image);
    return true;
}

void prepareChart(QCustomPlot* plot, const QString& fileStem)
{
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables);
    // A replot redraws the chart's buffers and asks for a paint, which comes with the window's
    // next one (not a paint of its own at once: that painted the window twice per edit).
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    plot->axisRect()->setRangeZoom(Qt::Vertical | Qt::Horizontal);
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    plot->setFocusPolicy(Qt::ClickFocus); // Edit ▸ Copy (Ctrl+C) then copies the chart as an image
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, fileStem](const QPoint& pos) {
        QMenu menu(plot);
        menu.addAction(QObject::tr("Reset zoom"), plot, [plot] { resetToDrawnView(plot); });
        menu.addSeparator();
        menu.addAction(QObject::tr("Copy image"), plot, [plot] { copyChartToClipboard(plot); })
            ->setShortcut(QKeySequence::Copy);
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
