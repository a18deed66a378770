#include "ui/report/report_charts.h"

#include "ui/charts/rate_impact_chart.h"
#include "ui/charts/savings_chart.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"
#include "ui/report/report_layout.h"

#include <qcustomplot.h>

#include <cmath>

namespace sharecast::ui::report {

namespace {

// Plots are laid out at 96 units an inch; a font of p points is p · 96 / 72 units high.
constexpr double kUnitsPerInch = 96.0;

QFont inPixels(QFont f, double grow = 1.0)
{
    if (f.pixelSize() > 0)
        return f;
    const double pt = f.pointSizeF() > 0 ? f.pointSizeF() : 9.0;
    QFont g = PageFlow::font(pt, f.bold());
    g.setPixelSize(std::max(1, static_cast<int>(std::lround(pt * grow * kUnitsPerInch / 72.0))));
    return g;
}

//! Report fonts in pixel sizes on every text of the plot; no interaction, white background.
void styleForPaper(QCustomPlot* plot)
{
    plot->setInteractions(QCP::Interactions());
    plot->setFont(inPixels(plot->font()));
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes()) {
            axis->setTickLabelFont(inPixels(axis->tickLabelFont()));
            axis->setLabelFont(inPixels(axis->labelFont()));
            axis->setSelectedTickLabelFont(inPixels(axis->selectedTickLabelFont()));
            axis->setSelectedLabelFont(inPixels(axis->selectedLabelFont()));
            axis->setTickLabelColor(palette::kText);
            axis->setLabelColor(palette::kText);
        }
    plot->legend->setFont(inPixels(plot->legend->font()));
    plot->legend->setSelectedFont(inPixels(plot->legend->selectedFont()));
    for (QCPLayoutElement* e : plot->plotLayout()->elements(true)) {
        if (auto* text = qobject_cast<QCPTextElement*>(e)) {
            text->setFont(inPixels(text->font()));
            text->setSelectedFont(inPixels(text->selectedFont()));
        } else if (auto* item = qobject_cast<QCPAbstractLegendItem*>(e)) {
            item->setFont(inPixels(item->font()));
            item->setSelectedFont(inPixels(item->selectedFont()));
        }
    }
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = plot->legend->item(i)) {
            item->setFont(inPixels(item->font()));
            item->setSelectedFont(inPixels(item->selectedFont()));
        }
    plot->setBackground(Qt::white);
}

//! Paper layout: no title inside the plot (the report's caption names it) and the legend in one
//! centred row above the axis rect, off the data.
void arrangeForPaper(QCustomPlot* plot)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    for (QCPLayoutElement* e : layout->elements(false))
        if (qobject_cast<QCPTextElement*>(e))
            layout->remove(e);
    layout->simplify();
    QCPAxisRect* rect = plot->axisRect();
    if (rect->insetLayout()->elements(false).contains(plot->legend)) {
        rect->insetLayout()->take(plot->legend);
        layout->insertRow(0);
        auto* legendRow = new QCPLayoutGrid;
        layout->addElement(0, 0, legendRow);
        legendRow->addElement(0, 0, new QCPLayoutElement(plot));
        legendRow->addElement(0, 1, plot->legend);
        legendRow->addElement(0, 2, new QCPLayoutElement(plot));
        legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
        layout->setRowStretchFactor(0, 0.001);
    }
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
}

std::unique_ptr<QCustomPlot> makePlot()
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->setAttribute(Qt::WA_DontShowOnScreen);
    plot->resize(672, 300);
    return plot;
}

} // namespace

ReportCharts::ReportCharts(ProjectDocument* document, const QSet<QString>& suppressed)
    : savingsPlot_(makePlot()), ratePlot_(makePlot())
{
    savingsController_ = std::make_unique<SavingsChartController>(document, savingsPlot_.get());
    rateController_ = std::make_unique<RateImpactChartController>(document, ratePlot_.get());

    // Public mode: no bars for plans with fewer than 11 members (their tick label stays).
    if (!suppressed.isEmpty()) {
        int x = 0;
        for (const PlanSettlement& p : document->settlement().plans) {
            ++x;
            if (!suppressed.contains(QString::fromStdString(p.planId)))
                continue;
            for (int i = 0; i < savingsPlot_->plottableCount(); ++i)
                if (auto* bars = qobject_cast<QCPBars*>(savingsPlot_->plottable(i)))
                    bars->data()->remove(x - 0.45, x + 0.45);
        }
    }
    // Plan labels stay horizontal (the page is wide enough for twenty plans), and with the legend
    // above the plot the bars need no headroom for it.
    savingsPlot_->xAxis->setTickLabelRotation(0);
    savingsPlot_->yAxis->rescale();
    const QCPRange range = savingsPlot_->yAxis->range();
    const double pad = 0.06 * std::max(range.size(), 1e-9);
    savingsPlot_->yAxis->setRange(std::min(0.0, range.lower) - pad, std::max(0.0, range.upper) + pad);
    arrangeForPaper(savingsPlot_.get());
    arrangeForPaper(ratePlot_.get());
    styleForPaper(savingsPlot_.get());
    styleForPaper(ratePlot_.get());
}

ReportCharts::~ReportCharts()
{
    // Controllers first: they point at the plots.
    rateController_.reset();
    savingsController_.reset();
}

void drawPlot(QCustomPlot* plot, QCPPainter& painter, const QRectF& rect, double dpi)
{
    const double s = dpi / kUnitsPerInch;
    const int w = static_cast<int>(std::lround(rect.width() / s));
    const int h = static_cast<int>(std::lround(rect.height() / s));
    painter.save();
    painter.translate(rect.topLeft());
    painter.scale(s, s);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    plot->toPainter(&painter, w, h);
    painter.setModes(QCPPainter::pmDefault);
    painter.restore();
}

} // namespace sharecast::ui::report
