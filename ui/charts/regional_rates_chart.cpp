#include "ui/charts/regional_rates_chart.h"

#include "ui/charts/chart_support.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

RegionalRatesChartController::RegionalRatesChartController(ProjectDocument* document, QCustomPlot* plot,
                                                           QObject* parent)
    : ChartController(plot, QStringLiteral("regional-rates"), parent), document_(document)
{
    // Two panels under the title and legend: by county (the chart's own axis rect), then by plan.
    byCounty_.rect = plot_->axisRect();
    byPlan_.rect = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(3, 0, byPlan_.rect);
    plot_->plotLayout()->setRowStretchFactors({0.001, 0.001, 1.0, 1.0});
    auto* margins = new QCPMarginGroup(plot_);
    for (Panel* p : {&byCounty_, &byPlan_}) {
        p->rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        QCPAxis* x = p->rect->axis(QCPAxis::atBottom);
        QCPAxis* y = p->rect->axis(QCPAxis::atLeft);
        y->grid()->setZeroLinePen(QPen(Qt::gray));
        y->setLabel(p == &byCounty_ ? tr("By county, $ millions") : tr("By plan, $ millions"));
        for (QCPAxis* a : {x, y}) {
            a->setTickLabelFont(plot_->xAxis->tickLabelFont());
            a->setLabelFont(plot_->xAxis->labelFont());
        }
        auto makeBars = [&](const QString& name, const QColor& color) {
            auto* bars = new QCPBars(x, y);
            bars->setName(name);
            bars->setPen(Qt::NoPen);
            bars->setBrush(color);
            bars->setWidth(0.7);
            return bars;
        };
        p->gains = makeBars(tr("Gain (new rate above old)"), palette::kGreen);
        p->losses = makeBars(tr("Loss (new rate below old)"), palette::withAlpha(palette::kError, 200));
    }
    byPlan_.gains->removeFromLegend();
    byPlan_.losses->removeFromLegend();

    notice_ = addChartNotice(plot_,
                             tr("No regional rates in this scenario: add a regional_rates object (regions of "
                                "counties, blend, adjustments)\nto see each county's and plan's change in "
                                "capitation dollars."),
                             byCounty_.rect);

    setRedraw([this] { redraw(); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ChartController::requestRedraw);
    redraw();
}

QString RegionalRatesChartController::noticeText() const
{
    return configured_ ? QString() : notice_->text();
}

void RegionalRatesChartController::drawPanel(const Panel& panel, const std::vector<RegionalRateTotal>& totals,
                                             QStringList& keys, QVector<double>& change, QVector<double>& old)
{
    std::vector<RegionalRateTotal> sorted = totals;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const RegionalRateTotal& a, const RegionalRateTotal& b) {
                         return a.changeDollars > b.changeDollars;
                     });
    QVector<double> gx, gy, lx, ly;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (const RegionalRateTotal& t : sorted) {
        const double x = keys.size() + 1;
        keys << QString::fromStdString(t.key);
        change << t.changeDollars;
        old << t.oldDollars;
        (t.changeDollars >= 0.0 ? gx : lx) << x;
        (t.changeDollars >= 0.0 ? gy : ly) << t.changeDollars / 1e6;
        ticker->addTick(x, keys.back());
    }
    panel.gains->setData(gx, gy);
    panel.losses->setData(lx, ly);
    QCPAxis* x = panel.rect->axis(QCPAxis::atBottom);
    QCPAxis* y = panel.rect->axis(QCPAxis::atLeft);
    x->setTicker(ticker);
    x->setTickLabelRotation(keys.size() > 8 ? 45 : 0);
    x->setRange(0.3, std::max<double>(keys.size(), 1) + 0.7);
    double low = 0.0, high = 0.0;
    for (double v : change) {
        low = std::min(low, v / 1e6);
        high = std::max(high, v / 1e6);
    }
    const double pad = high > low ? 0.1 * (high - low) : 1.0;
    y->setRange(low - pad, high + pad);
}

void RegionalRatesChartController::redraw()
{
    counties_.clear();
    plans_.clear();
    countyChange_.clear();
    planChange_.clear();
    countyOld_.clear();
    planOld_.clear();
    rates_ = RegionalRates{};
    const std::optional<RegionalRatesSpec>& spec = document_->scenario().regionalRates;
    configured_ = spec.has_value() && !document_->projection().plans.empty();
    if (configured_)
        rates_ = computeRegionalRates(RegionalRatesInput{&*spec, paidRates(document_->projection())});
    drawPanel(byCounty_, regionalRateTotals(rates_, true), counties_, countyChange_, countyOld_);
    drawPanel(byPlan_, regionalRateTotals(rates_, false), plans_, planChange_, planOld_);
    notice_->setVisible(!configured_);
    plot_->legend->setVisible(configured_);
    const Projection& p = document_->projection();
    title_->setText(configured_ ? tr("Regional rates: change in capitation dollars, rate years %1–%2 "
                                     "(blend %3%4)")
                                      .arg(p.startYear + 1)
                                      .arg(p.startYear + p.horizon)
                                      .arg(formatPercent(spec->blend, 0),
                                           spec->budgetNeutral ? tr(", budget neutral by region") : QString())
                                : tr("Regional rates"));
    showDrawing();
}

QString RegionalRatesChartController::hoverText(const QPoint& pos) const
{
    for (const auto& [panel, keys, change, old] :
         {std::tuple{&byCounty_, &counties_, &countyChange_, &countyOld_},
          std::tuple{&byPlan_, &plans_, &planChange_, &planOld_}}) {
        if (!panel->rect->rect().contains(pos))
            continue;
        const double x = panel->rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
        const int i = static_cast<int>(std::lround(x)) - 1;
        if (i < 0 || i >= keys->size() || std::fabs(x - (i + 1)) > 0.45)
            return {};
        const double base = (*old)[i];
        return tr("%1\nchange %2 (%3 of %4)")
            .arg((*keys)[i], formatMillions((*change)[i], 2),
                 base != 0.0 ? formatPercent((*change)[i] / base, 2) : QStringLiteral("—"),
                 formatMillions(base, 1));
    }
    return {};
}

} // namespace sharecast::ui
