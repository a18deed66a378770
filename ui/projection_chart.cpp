#include "ui/projection_chart.h"

#include "ui/chart_support.h"
#include "ui/format.h"
#include "ui/project_document.h"

#include <QToolTip>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

ProjectionChartController::ProjectionChartController(ProjectDocument* document, QCustomPlot* plot,
                                                     QObject* parent)
    : QObject(parent), document_(document), plot_(plot)
{
    prepareChart(plot_, QStringLiteral("projection"));
    plot_->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    title_ = arrangeChartLayout(plot_);

    cumulativeBars_ = new QCPBars(plot_->xAxis, plot_->yAxis2);
    cumulativeBars_->setName(tr("Cumulative gross savings (right axis)"));
    cumulativeBars_->setPen(Qt::NoPen);
    cumulativeBars_->setBrush(QColor(0x6a, 0xa8, 0x4f, 170));
    cumulativeBars_->setWidth(0.45);
    auto makeLine = [&](const QString& name, const QColor& color, Qt::PenStyle style) {
        auto* graph = plot_->addGraph(plot_->xAxis, plot_->yAxis);
        graph->setName(name);
        graph->setPen(QPen(color, 2.0, style));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        return graph;
    };
    counterfactualLine_ = makeLine(tr("Counterfactual cost"), QColor(0x59, 0x59, 0x59), Qt::DashLine);
    projectedLine_ = makeLine(tr("Projected cost"), QColor(0x1f, 0x4e, 0x79), Qt::SolidLine);
    // Lines first in the legend, the bars last (they belong to the right axis).
    cumulativeBars_->removeFromLegend();
    cumulativeBars_->addToLegend();

    plot_->xAxis->setLabel(tr("Projection year"));
    plot_->xAxis->grid()->setVisible(false);
    plot_->yAxis->setLabel(tr("Cost, $ millions"));
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setTickLabels(true);
    plot_->yAxis2->setLabel(tr("Cumulative gross savings, $ millions"));
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { showValueAt(e->pos()); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ProjectionChartController::redraw);
    redraw();
}

void ProjectionChartController::redraw()
{
    years_.clear();
    counterfactual_.clear();
    projected_.clear();
    savings_.clear();
    cumulative_.clear();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double sum = 0.0;
    const Projection& projection = document_->projection();
    for (const ProjectionYear& y : projection.all) {
        years_ << y.year;
        counterfactual_ << y.counterfactualCost / 1e6;
        projected_ << y.projectedCost / 1e6;
        savings_ << y.grossSavings / 1e6;
        sum += y.grossSavings;
        cumulative_ << sum / 1e6;
        ticker->addTick(y.year, QString::number(y.year));
    }
    counterfactualLine_->setData(years_, counterfactual_, true);
    projectedLine_->setData(years_, projected_, true);
    cumulativeBars_->setData(years_, cumulative_, true);
    title_->setText(projection.all.empty()
                        ? tr("Projection (no projection years)")
                        : tr("Statewide projection %1–%2: cost and cumulative gross savings")
                              .arg(projection.all.front().year)
                              .arg(projection.all.back().year));
    plot_->xAxis->setTicker(ticker);
    if (years_.isEmpty()) {
        plot_->xAxis->setRange(0.0, 1.0);
        plot_->yAxis->setRange(0.0, 1.0);
        plot_->yAxis2->setRange(0.0, 1.0);
        plot_->replot();
        return;
    }
    plot_->xAxis->setRange(years_.front() - 0.5, years_.back() + 0.5);

    // The lines keep to the upper part of the chart and the bars to the lower part, so neither
    // hides the other.
    const auto [cMin, cMax] = std::minmax_element(counterfactual_.begin(), counterfactual_.end());
    const auto [pMin, pMax] = std::minmax_element(projected_.begin(), projected_.end());
    const double low = std::min(*cMin, *pMin), high = std::max(*cMax, *pMax);
    const double span = high - low > 0.0 ? high - low : std::max(1.0, std::fabs(high) * 0.05);
    plot_->yAxis->setRange(std::max(0.0, low - 0.8 * span), high + 0.1 * span);
    const auto [sMin, sMax] = std::minmax_element(cumulative_.begin(), cumulative_.end());
    const double barLow = std::min(0.0, *sMin), barHigh = std::max(0.0, *sMax);
    const double barSpan = barHigh - barLow > 0.0 ? barHigh - barLow : 1.0;
    plot_->yAxis2->setRange(barLow - (barLow < 0.0 ? 0.1 * barSpan : 0.0), barLow + barSpan / 0.6);
    plot_->replot();
}

QString ProjectionChartController::hoverText(const QPoint& pos) const
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
    return tr("%1\ncounterfactual cost %2\nprojected cost %3\ngross savings %4\ncumulative gross savings %5")
        .arg(QString::number(years_[i]), formatMillions(counterfactual_[i] * 1e6, 1),
             formatMillions(projected_[i] * 1e6, 1), formatMillions(savings_[i] * 1e6, 1),
             formatMillions(cumulative_[i] * 1e6, 1));
}

void ProjectionChartController::showValueAt(const QPoint& pos)
{
    const QString text = hoverText(pos);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(plot_->mapToGlobal(pos), text, plot_);
}

} // namespace sharecast::ui
