#include "ui/charts/payment_histogram.h"

#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/validity_runner.h"
#include "ui/palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

namespace {

constexpr int kBins = 60;

//! The share of values (%) in each of kBins bins of width `width` from `from`.
QVector<double> histogram(const std::vector<double>& values, double from, double width)
{
    QVector<double> counts(kBins, 0.0);
    for (double v : values) {
        const int b = std::clamp(static_cast<int>((v / 1e6 - from) / width), 0, kBins - 1);
        counts[b] += 1.0;
    }
    for (double& c : counts)
        c = values.empty() ? 0.0 : 100.0 * c / static_cast<double>(values.size());
    return counts;
}

} // namespace

PaymentHistogramController::PaymentHistogramController(ProjectDocument* document, ValidityRunner* runner,
                                                       QCustomPlot* plot, QObject* parent)
    : ChartController(plot, QStringLiteral("statewide-payment-distribution"), parent), document_(document),
      runner_(runner)
{
    auto makeSeries = [&](const QString& name, const QColor& color) {
        QCPGraph* g = plot_->addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsStepCenter);
        g->setPen(QPen(color, 1.5));
        g->setBrush(palette::withAlpha(color, 80));
        return g;
    };
    chanceGraph_ = makeSeries(tr("By chance (no true savings)"), QColor(0x80, 0x80, 0x80));
    aroundGraph_ = makeSeries(tr("Around the result"), palette::kAccent);
    observedLine_ = new QCPItemStraightLine(plot_);
    observedLine_->setPen(QPen(palette::kError, 2.0, Qt::DashLine));
    observedLabel_ = new QCPItemText(plot_);
    observedLabel_->setColor(palette::kError);
    observedLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    observedLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    observedLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    observedLabel_->setPadding(QMargins(4, 2, 4, 2));
    observedLabel_->setBrush(QColor(255, 255, 255, 220));
    waiting_ = new QCPItemText(plot_);
    waiting_->position->setType(QCPItemPosition::ptAxisRectRatio);
    waiting_->position->setCoords(0.5, 0.5);
    waiting_->setColor(palette::kMuted);
    waiting_->setFont(QFont(plot_->font().family(), 10));

    plot_->xAxis->setLabel(tr("Statewide payment to plans, $ millions"));
    plot_->yAxis->setLabel(tr("Share of draws, %"));
    setRedraw([this] { redraw(); });
    connect(runner_, &ValidityRunner::monteCarloStarted, this, &ChartController::requestRedraw);
    connect(runner_, &ValidityRunner::monteCarloFinished, this, &ChartController::requestRedraw);
    redraw();
}

void PaymentHistogramController::redraw()
{
    const Validity& v = runner_->validity();
    observed_ = 0.0;
    for (const PlanSettlement& p : document_->settlement().plans)
        observed_ += p.payment.payment;
    observed_ /= 1e6;
    centres_.clear();
    chance_.clear();
    around_.clear();

    const bool done = v.monteCarloDone && !v.chanceTotals.empty();
    double low = observed_, high = observed_;
    if (done) {
        const auto [cMin, cMax] = std::minmax_element(v.chanceTotals.begin(), v.chanceTotals.end());
        const auto [aMin, aMax] = std::minmax_element(v.aroundTotals.begin(), v.aroundTotals.end());
        low = std::min({low, *cMin / 1e6, *aMin / 1e6});
        high = std::max({high, *cMax / 1e6, *aMax / 1e6});
    }
    const double span = high - low > 0.0 ? high - low : std::max(1.0, std::fabs(high) * 0.1);
    binWidth_ = span / kBins;
    if (done) {
        for (int b = 0; b < kBins; ++b)
            centres_ << low + (b + 0.5) * binWidth_;
        chance_ = histogram(v.chanceTotals, low, binWidth_);
        around_ = histogram(v.aroundTotals, low, binWidth_);
    }
    chanceGraph_->setData(centres_, chance_, true);
    aroundGraph_->setData(centres_, around_, true);
    waiting_->setVisible(!done);
    waiting_->setText(
        v.plans.empty() ? tr("No plans settled")
        : runner_->monteCarloRunning()
            ? tr("Monte Carlo running (%1 draws)…").arg(formatNumber(static_cast<double>(v.draws), 0))
            : tr("Monte Carlo not run"));

    observedLine_->point1->setCoords(observed_, 0.0);
    observedLine_->point2->setCoords(observed_, 1.0);
    observedLabel_->setText(tr("Observed %1").arg(formatMillions(observed_ * 1e6, 1)));
    observedLabel_->position->setCoords(observed_, 0.02);
    // The label goes on the side of the line with more room.
    const bool right = observed_ < low + 0.6 * span;
    observedLabel_->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop);

    plot_->xAxis->setRange(low - 0.04 * span, high + 0.04 * span);
    const double top = std::max(chance_.isEmpty() ? 0.0 : *std::max_element(chance_.begin(), chance_.end()),
                                around_.isEmpty() ? 0.0 : *std::max_element(around_.begin(), around_.end()));
    plot_->yAxis->setRange(0.0, top > 0.0 ? top * 1.18 : 1.0);
    title_->setText(done ? tr("Statewide payment over %1 draws (seed %2)")
                               .arg(formatNumber(static_cast<double>(v.draws), 0))
                               .arg(v.seed)
                         : tr("Statewide payment"));
    showDrawing();
}

QString PaymentHistogramController::hoverText(const QPoint& pos) const
{
    if (centres_.isEmpty() || !plot_->axisRect()->rect().contains(pos))
        return {};
    const double x = plot_->xAxis->pixelToCoord(pos.x());
    const int b = static_cast<int>(std::floor((x - (centres_.front() - binWidth_ / 2)) / binWidth_));
    if (b < 0 || b >= centres_.size())
        return {};
    return tr("%1 to %2\nby chance %3 of draws\naround the result %4 of draws\nobserved %5")
        .arg(formatMillions((centres_[b] - binWidth_ / 2) * 1e6, 1),
             formatMillions((centres_[b] + binWidth_ / 2) * 1e6, 1), formatPercent(chance_[b] / 100.0, 1),
             formatPercent(around_[b] / 100.0, 1), formatMillions(observed_ * 1e6, 1));
}

} // namespace sharecast::ui
