#include "ui/rate_impact_chart.h"

#include "ui/chart_support.h"
#include "ui/format.h"
#include "ui/project_document.h"

#include <QToolTip>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

RateImpactChartController::RateImpactChartController(ProjectDocument* document, QCustomPlot* plot,
                                                     QObject* parent)
    : QObject(parent), document_(document), plot_(plot)
{
    prepareChart(plot_, QStringLiteral("rate-impact"));
    plot_->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    title_ = arrangeChartLayout(plot_);

    impactBars_ = new QCPBars(plot_->xAxis, plot_->yAxis2);
    impactBars_->setName(tr("Rate impact (right axis)"));
    impactBars_->setPen(Qt::NoPen);
    impactBars_->setBrush(QColor(0xf6, 0xb2, 0x6b, 190));
    impactBars_->setWidth(0.45);
    auto makeLine = [&](const QString& name, const QColor& color, Qt::PenStyle style) {
        auto* graph = plot_->addGraph(plot_->xAxis, plot_->yAxis);
        graph->setName(name);
        graph->setPen(QPen(color, 2.0, style));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        return graph;
    };
    rebasedLine_ = makeLine(tr("Rebased rate"), QColor(0x1f, 0x4e, 0x79), Qt::SolidLine);
    nonRebasedLine_ = makeLine(tr("Non-rebased rate"), QColor(0xb4, 0x5f, 0x06), Qt::DashLine);
    impactBars_->removeFromLegend();
    impactBars_->addToLegend();

    plot_->xAxis->setLabel(tr("Projection year"));
    plot_->xAxis->grid()->setVisible(false);
    plot_->yAxis->setLabel(tr("Statewide gross rate, $ PMPM"));
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setTickLabels(true);
    plot_->yAxis2->setLabel(tr("Rate impact, $ millions"));
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { showValueAt(e->pos()); });
    connect(document_, &ProjectDocument::resultsChanged, this, &RateImpactChartController::redraw);
    redraw();
}

void RateImpactChartController::redraw()
{
    years_.clear();
    rebased_.clear();
    nonRebased_.clear();
    impact_.clear();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const Projection& projection = document_->projection();
    for (const ProjectionYear& y : projection.all) {
        years_ << y.year;
        rebased_ << y.rateRebased;
        nonRebased_ << y.rateNonRebased;
        impact_ << y.rateImpact / 1e6;
        ticker->addTick(y.year, QString::number(y.year));
    }
    rebasedLine_->setData(years_, rebased_, true);
    nonRebasedLine_->setData(years_, nonRebased_, true);
    impactBars_->setData(years_, impact_, true);
    title_->setText(tr("Rebased vs non-rebased rates and the rate impact (lag %1 years)")
                        .arg(document_->scenario().projection.rateLag));
    plot_->xAxis->setTicker(ticker);
    if (years_.isEmpty()) {
        plot_->xAxis->setRange(0.0, 1.0);
        plot_->yAxis->setRange(0.0, 1.0);
        plot_->yAxis2->setRange(0.0, 1.0);
        plot_->replot();
        return;
    }
    plot_->xAxis->setRange(years_.front() - 0.5, years_.back() + 0.5);

    // As on the projection chart: the lines in the upper part, the bars in the lower part.
    const auto [rMin, rMax] = std::minmax_element(rebased_.begin(), rebased_.end());
    const auto [nMin, nMax] = std::minmax_element(nonRebased_.begin(), nonRebased_.end());
    const double low = std::min(*rMin, *nMin), high = std::max(*rMax, *nMax);
    const double span = high - low > 0.0 ? high - low : std::max(1.0, std::fabs(high) * 0.05);
    plot_->yAxis->setRange(std::max(0.0, low - 0.8 * span), high + 0.1 * span);
    const auto [iMin, iMax] = std::minmax_element(impact_.begin(), impact_.end());
    const double barLow = std::min(0.0, *iMin), barHigh = std::max(0.0, *iMax);
    const double barSpan = barHigh - barLow > 0.0 ? barHigh - barLow : 1.0;
    plot_->yAxis2->setRange(barLow - (barLow < 0.0 ? 0.1 * barSpan : 0.0), barLow + barSpan / 0.6);
    plot_->replot();
}

QString RateImpactChartController::hoverText(const QPoint& pos) const
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
    return tr("%1\nrebased rate %2 PMPM\nnon-rebased rate %3 PMPM\nrate impact %4")
        .arg(QString::number(years_[i]), formatDollars(rebased_[i]), formatDollars(nonRebased_[i]),
             formatMillions(impact_[i] * 1e6, 1));
}

void RateImpactChartController::showValueAt(const QPoint& pos)
{
    const QString text = hoverText(pos);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(plot_->mapToGlobal(pos), text, plot_);
}

} // namespace sharecast::ui
