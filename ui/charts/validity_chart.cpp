#include "ui/charts/validity_chart.h"

#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/validity_runner.h"
#include "ui/palette.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace sharecast::ui {

namespace {

//! Half the width of a plan's MSR and −MLR ticks, in plan slots.
constexpr double kTickHalfWidth = 0.32;

const QColor kWithinChance(0xd9, 0x6c, 0x06);
const QColor kMsrColor(0x38, 0x76, 0x1d);

} // namespace

ValidityChartController::ValidityChartController(ProjectDocument* document, ValidityRunner* runner,
                                                 QCustomPlot* plot, QObject* parent)
    : ChartController(plot, QStringLiteral("savings-rate-intervals"), parent), document_(document),
      runner_(runner)
{
    // A threshold per plan (the MSR can depend on N): a short level line over each plan's slot.
    auto makeTicks = [&](const QString& name, const QColor& color, Qt::PenStyle style) {
        QCPGraph* g = plot_->addGraph(plot_->yAxis, plot_->xAxis);
        g->setName(name);
        g->setPen(QPen(color, 2.0, style));
        return g;
    };
    msrLine_ = makeTicks(tr("MSR"), kMsrColor, Qt::SolidLine);
    mlrLine_ = makeTicks(tr("−MLR"), palette::kError, Qt::DashLine);
    auto makeDots = [&](const QString& name, const QColor& color, QCPErrorBars*& bars) {
        QCPGraph* g = plot_->addGraph(plot_->yAxis, plot_->xAxis);
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 9));
        g->setPen(QPen(color));
        bars = new QCPErrorBars(plot_->yAxis, plot_->xAxis);
        bars->setDataPlottable(g);
        bars->setPen(QPen(color, 2.0));
        bars->setWhiskerWidth(12);
        bars->removeFromLegend();
        return g;
    };
    clear_ = makeDots(tr("S and its interval"), palette::kAccent, clearBars_);
    straddle_ = makeDots(tr("Interval contains the MSR"), kWithinChance, straddleBars_);
    auto* zero = new QCPItemStraightLine(plot_);
    zero->point1->setCoords(0.0, 0.0);
    zero->point2->setCoords(0.0, 1.0);
    zero->setPen(QPen(QColor(0x99, 0x99, 0x99), 1.0));
    zero->setLayer(QStringLiteral("grid"));

    // A forest plot: the plans down the side by name (the first on top), where twenty names
    // read level; the rates across.
    plot_->xAxis->setLabel(tr("Savings rate S, %"));
    plot_->yAxis->grid()->setVisible(false);
    plot_->yAxis->setRangeReversed(true);
    setRedraw([this] { redraw(); });
    connect(runner_, &ValidityRunner::monteCarloStarted, this, &ChartController::requestRedraw);
    redraw();
}

void ValidityChartController::redraw()
{
    const Validity& v = runner_->validity();
    labels_.clear();
    ids_.clear();
    rate_.clear();
    low_.clear();
    high_.clear();
    msr_.clear();
    mlr_.clear();
    straddles_.clear();
    struct Dots {
        QVector<double> x, y, below, above; //!< the dots and their whiskers' lengths
    } clear, within;
    QVector<double> tickX, msrY, mlrY;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double low = 0.0, high = 0.0;
    int i = 0;
    for (const PlanValidity& p : v.plans) {
        const double x = ++i;
        const std::string name = document_->experience().planName(p.planId);
        ids_ << QString::fromStdString(p.planId);
        labels_ << QString::fromStdString(name.empty() ? p.planId : name);
        ticker->addTick(x, labels_.back());
        const double s = p.savingsRate.value_or(nan) * 100.0;
        const double lo = p.ciLow.value_or(nan) * 100.0, hi = p.ciHigh.value_or(nan) * 100.0;
        rate_ << s;
        low_ << lo;
        high_ << hi;
        msr_ << p.msr * 100.0;
        mlr_ << -p.mlr * 100.0;
        straddles_ << p.straddlesMsr;
        if (p.savingsRate) {
            Dots& dots = p.straddlesMsr ? within : clear;
            dots.x << x;
            dots.y << s;
            dots.below << (std::isnan(lo) ? 0.0 : s - lo);
            dots.above << (std::isnan(hi) ? 0.0 : hi - s);
            low = std::min({low, s, std::isnan(lo) ? s : lo});
            high = std::max({high, s, std::isnan(hi) ? s : hi});
        }
        // Each plan's level line, then a gap (NaN) before the next plan's.
        tickX << x - kTickHalfWidth << x + kTickHalfWidth << x + kTickHalfWidth + 0.01;
        msrY << msr_.back() << msr_.back() << nan;
        mlrY << mlr_.back() << mlr_.back() << nan;
        low = std::min(low, mlr_.back());
        high = std::max(high, msr_.back());
    }
    clear_->setData(clear.x, clear.y, true);
    clearBars_->setData(clear.below, clear.above);
    straddle_->setData(within.x, within.y, true);
    straddleBars_->setData(within.below, within.above);
    msrLine_->setData(tickX, msrY, true);
    mlrLine_->setData(tickX, mlrY, true);
    // The legend names only what is drawn: "within chance" only when some plan is.
    if (within.x.isEmpty())
        straddle_->removeFromLegend();
    else
        straddle_->addToLegend();

    plot_->yAxis->setTicker(ticker);
    plot_->yAxis->setRange(0.4, std::max(1, i) + 0.6);
    QSharedPointer<QCPAxisTickerFixed> percent(new QCPAxisTickerFixed);
    const double span = std::max(high - low, 1.0);
    percent->setTickStep(span > 40 ? 10.0 : span > 16 ? 5.0 : span > 6 ? 2.0 : 1.0);
    plot_->xAxis->setTicker(percent);
    plot_->xAxis->setNumberFormat(QStringLiteral("f"));
    plot_->xAxis->setNumberPrecision(0);
    plot_->xAxis->setRange(low - 0.05 * span, high + 0.05 * span);
    title_->setText(v.plans.empty()
                        ? tr("Savings rate and its confidence interval (no plans settled)")
                        : tr("Savings rate with its %1 % interval against each plan's MSR and −MLR, %2")
                              .arg(QString::number(100.0 * (1.0 - v.alpha), 'g', 4))
                              .arg(v.year));
    showDrawing();
}

QString ValidityChartController::hoverText(const QPoint& pos) const
{
    const double y = plot_->yAxis->pixelToCoord(pos.y());
    const int i = static_cast<int>(std::lround(y)) - 1;
    if (i < 0 || i >= labels_.size() || std::fabs(y - (i + 1)) > 0.45)
        return {};
    const PlanValidity& p = runner_->validity().plans[static_cast<std::size_t>(i)];
    auto pct = [](const std::optional<double>& r) { return r ? formatPercent(*r, 2) : QStringLiteral("NA"); };
    return tr("%1 (%2)\nsavings rate %3\ninterval %4 to %5\nMSR %6, −MLR %7\nσ %8%9")
        .arg(labels_[i], ids_[i], pct(p.savingsRate), pct(p.ciLow), pct(p.ciHigh), formatPercent(p.msr, 2),
             formatPercent(-p.mlr, 2), formatPercent(p.sigma, 2),
             p.straddlesMsr ? tr("\nthe interval contains the MSR: within chance of it") : QString());
}

} // namespace sharecast::ui
