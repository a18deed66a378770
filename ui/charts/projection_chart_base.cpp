#include "ui/charts/projection_chart_base.h"

#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/validity_runner.h"

#include "engine/validity.h"
#include "ui/palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

ProjectionChartBase::ProjectionChartBase(ProjectDocument* document, QCustomPlot* plot, const Look& look,
                                         QObject* parent, ValidityRunner* runner)
    : ChartController(plot, look.fileStem, parent), document_(document), runner_(runner),
      bandOnBars_(look.bandOnBars)
{
    // The fan's band first, so that the bars and lines draw over it: its two edges, the upper
    // one filled down to the lower.
    QCPAxis* bandAxis = look.bandOnBars ? plot_->yAxis2 : plot_->yAxis;
    bandLowGraph_ = plot_->addGraph(plot_->xAxis, bandAxis);
    bandHighGraph_ = plot_->addGraph(plot_->xAxis, bandAxis);
    for (QCPGraph* edge : {bandLowGraph_, bandHighGraph_})
        edge->setPen(QPen(palette::withAlpha(look.bandColor, 150), 1.0, Qt::DotLine));
    bandHighGraph_->setBrush(palette::withAlpha(look.bandColor, 60));
    bandHighGraph_->setChannelFillGraph(bandLowGraph_);
    bandLowGraph_->removeFromLegend();
    bandHighGraph_->removeFromLegend();

    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis2);
    bars_->setName(look.bars.name);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(look.bars.color);
    bars_->setWidth(0.45);
    auto makeLine = [&](const Series& series) {
        auto* graph = plot_->addGraph(plot_->xAxis, plot_->yAxis);
        graph->setName(series.name);
        graph->setPen(QPen(series.color, 2.0, series.style));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        return graph;
    };
    firstLine_ = makeLine(look.firstLine);
    secondLine_ = makeLine(look.secondLine);
    // Lines first in the legend, the bars last (they belong to the right axis).
    bars_->removeFromLegend();
    bars_->addToLegend();

    plot_->xAxis->setLabel(tr("Projection year"));
    plot_->xAxis->grid()->setVisible(false);
    plot_->yAxis->setLabel(look.leftAxisLabel);
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setTickLabels(true);
    plot_->yAxis2->setLabel(look.rightAxisLabel);
    setRedraw([this] { redraw(); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ChartController::requestRedraw);
    if (runner_) {
        connect(runner_, &ValidityRunner::fanStarted, this, &ChartController::requestRedraw);
        connect(runner_, &ValidityRunner::fanFinished, this, &ChartController::requestRedraw);
    }
}

const FanYear* ProjectionChartBase::fanYear(const ProjectionFan* fan, int year)
{
    if (!fan)
        return nullptr;
    const auto it = std::find_if(fan->years.begin(), fan->years.end(),
                                 [year](const FanYear& y) { return y.year == year; });
    return it == fan->years.end() ? nullptr : &*it;
}

void ProjectionChartBase::setBarsName(const QString& name)
{
    bars_->setName(name);
}

void ProjectionChartBase::redraw()
{
    years_.clear();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const Projection& projection = document_->projection();
    for (const ProjectionYear& y : projection.all) {
        years_ << y.year;
        ticker->addTick(y.year, QString::number(y.year));
    }
    const ProjectionFan* fan = runner_ && runner_->fan() ? &*runner_->fan() : nullptr;
    const Drawing drawing = read(projection, fan);
    firstLine_->setData(years_, drawing.firstLine, true);
    secondLine_->setData(years_, drawing.secondLine, true);
    bars_->setData(years_, drawing.bars, true);
    const bool banded = drawing.bandLow.size() == years_.size() && !years_.isEmpty();
    bandLow_ = banded ? drawing.bandLow : QVector<double>();
    bandHigh_ = banded ? drawing.bandHigh : QVector<double>();
    bandLowGraph_->setData(years_.mid(0, bandLow_.size()), bandLow_, true);
    bandHighGraph_->setData(years_.mid(0, bandHigh_.size()), bandHigh_, true);
    if (banded) {
        bandHighGraph_->setName(tr("5th–95th percentile (utilization shock sd %1 %)")
                                    .arg(QString::number(100.0 * fan->trendSd, 'g', 3)));
        if (!plot_->legend->hasItemWithPlottable(bandHighGraph_))
            bandHighGraph_->addToLegend();
    } else {
        bandHighGraph_->removeFromLegend();
    }
    title_->setText(drawing.title);
    plot_->xAxis->setTicker(ticker);
    if (years_.isEmpty()) {
        plot_->xAxis->setRange(0.0, 1.0);
        plot_->yAxis->setRange(0.0, 1.0);
        plot_->yAxis2->setRange(0.0, 1.0);
        showDrawing();
        return;
    }
    plot_->xAxis->setRange(years_.front() - 0.5, years_.back() + 0.5);

    // The lines keep to the upper part of the chart and the bars to the lower part, so neither
    // hides the other.
    // The band counts with the series it goes with.
    const auto [aMin, aMax] = std::minmax_element(drawing.firstLine.begin(), drawing.firstLine.end());
    const auto [bMin, bMax] = std::minmax_element(drawing.secondLine.begin(), drawing.secondLine.end());
    double low = std::min(*aMin, *bMin), high = std::max(*aMax, *bMax);
    if (banded && !bandOnBars_) {
        low = std::min(low, *std::min_element(bandLow_.begin(), bandLow_.end()));
        high = std::max(high, *std::max_element(bandHigh_.begin(), bandHigh_.end()));
    }
    const double span = high - low > 0.0 ? high - low : std::max(1.0, std::fabs(high) * 0.05);
    plot_->yAxis->setRange(std::max(0.0, low - 0.8 * span), high + 0.1 * span);
    const auto [sMin, sMax] = std::minmax_element(drawing.bars.begin(), drawing.bars.end());
    double barLow = std::min(0.0, *sMin), barHigh = std::max(0.0, *sMax);
    if (banded && bandOnBars_) {
        barLow = std::min(barLow, *std::min_element(bandLow_.begin(), bandLow_.end()));
        barHigh = std::max(barHigh, *std::max_element(bandHigh_.begin(), bandHigh_.end()));
    }
    const double barSpan = barHigh - barLow > 0.0 ? barHigh - barLow : 1.0;
    plot_->yAxis2->setRange(barLow - (barLow < 0.0 ? 0.1 * barSpan : 0.0), barLow + barSpan / 0.6);
    showDrawing();
}

QString ProjectionChartBase::hoverText(const QPoint& pos) const
{
    if (!plot_->axisRect()->rect().contains(pos) || years_.isEmpty())
        return {};
    const double x = plot_->xAxis->pixelToCoord(pos.x());
    const auto nearest = std::min_element(years_.begin(), years_.end(), [x](double a, double b) {
        return std::fabs(a - x) < std::fabs(b - x);
    });
    if (std::fabs(x - *nearest) > 0.45)
        return {};
    const auto i = static_cast<int>(nearest - years_.begin());
    const QString band = i < bandLow_.size() ? tr("\n5th–95th percentile %1 to %2")
                                                   .arg(formatMillions(bandLow_[i] * 1e6, 1),
                                                        formatMillions(bandHigh_[i] * 1e6, 1))
                                             : QString();
    return hoverTextAt(i) + band;
}

} // namespace sharecast::ui
