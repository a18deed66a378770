#include "ui/charts/waterfall_chart.h"

#include "engine/statewide_totals.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QFontMetrics>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

namespace {

constexpr int kCostCategories = 3;  // expected, the savings step, actual
constexpr int kSplitCategories = 5; // gross savings, payments, program net, federal, state

const QColor& kTotalColor = palette::kAccent;
const QColor kDownColor(0xe6, 0x91, 0x38);
const QColor kUpColor(0x8e, 0x7c, 0xc3);

//! Tick and axis label fonts (8 and 9 pt) for one axis rect's bottom and left axes.
void styleAxes(QCPAxisRect* rect)
{
    QFont font = rect->parentPlot()->font();
    for (QCPAxis* axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
        font.setPointSize(8);
        axis->setTickLabelFont(font);
        font.setPointSize(9);
        axis->setLabelFont(font);
    }
}

//! "−$530.2M" / "+$12.0M" for a step, "$62,725.3M" for a level.
QString valueLabel(double millions, bool step)
{
    const QString text = formatMillions(millions * 1e6, 1);
    return step && millions >= 0.0 ? QStringLiteral("+") + text : text;
}

} // namespace

WaterfallChartController::WaterfallChartController(ProjectDocument* document, QCustomPlot* plot,
                                                   QObject* parent)
    : ChartController(plot, QStringLiteral("settlement-waterfall"), parent), document_(document)
{
    // Layout: title, a centred legend row, then (in the axis rect's place) the two panels side by side.
    QCPLayoutGrid* layout = plot_->plotLayout();
    costRect_ = plot_->axisRect();
    layout->take(costRect_);
    auto* panels = new QCPLayoutGrid;
    layout->addElement(2, 0, panels);
    splitRect_ = new QCPAxisRect(plot_);
    panels->addElement(0, 0, costRect_);
    panels->addElement(0, 1, splitRect_);
    // The cost panel's wide tick labels ("62,750") get it a little more than its share of bars.
    panels->setColumnStretchFactors({kCostCategories + 1.6, kSplitCategories + 1.0});
    auto* margins = new QCPMarginGroup(plot_);
    costRect_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    splitRect_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    splitRect_->setRangeZoom(Qt::Vertical | Qt::Horizontal);

    QFont legendFont = plot_->font();
    legendFont.setPointSize(8);

    for (QCPAxisRect* rect : {costRect_, splitRect_}) {
        styleAxes(rect);
        rect->axis(QCPAxis::atBottom)->grid()->setVisible(false);
        rect->axis(QCPAxis::atBottom)->setTickLength(0, 0);
        rect->axis(QCPAxis::atLeft)->grid()->setZeroLinePen(QPen(Qt::gray));
    }
    splitRect_->axis(QCPAxis::atLeft)->setLabel(tr("$ millions"));

    for (int i = 0; i < kCostCategories + kSplitCategories; ++i) {
        QCPAxisRect* rect = i < kCostCategories ? costRect_ : splitRect_;
        auto* bars = new QCPBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.6);
        bars->removeFromLegend();
        bars_ << bars;
        auto* label = new QCPItemText(plot_);
        label->position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        label->setClipAxisRect(rect);
        label->setFont(legendFont);
        label->setPadding(QMargins(2, 2, 2, 2));
        labels_ << label;
    }
    auto makeLegendBars = [&](const QString& name, const QColor& color) {
        auto* bars = new QCPBars(splitRect_->axis(QCPAxis::atBottom), splitRect_->axis(QCPAxis::atLeft));
        bars->setName(name);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        return bars;
    };
    legendTotal_ = makeLegendBars(tr("Total"), kTotalColor);
    legendDown_ = makeLegendBars(tr("Step down"), kDownColor);
    legendUp_ = makeLegendBars(tr("Step up"), kUpColor);

    connect(plot_, &QCustomPlot::afterReplot, this, &WaterfallChartController::fitValueLabels);
    connect(costRect_->axis(QCPAxis::atLeft), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &WaterfallChartController::clampCostBars);
    setRedraw([this] { redraw(); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ChartController::requestRedraw);
    redraw();
}

void WaterfallChartController::redraw()
{
    // Statewide sums in plan order (methodology §8: G, P, G − P; §9: federal and state shares).
    // The totals foot with the settlement table: the plans' figures in cents, summed.
    const StatewideTotals t = statewideTotals(document_->settlement());
    const double expected = t.expected, actual = t.actual, gross = t.grossSavings, payments = t.payments,
                 net = t.programNet, federal = t.federal, state = t.state;
    bool tccBasis = true;
    for (const PlanSettlement& p : document_->settlement().plans)
        tccBasis = tccBasis && !p.resourceUseBasis;
    title_->setText(tr("Statewide settlement waterfall, %1").arg(document_->settlement().year));
    categories_.clear();
    values_.clear();
    lower_.clear();
    upper_.clear();
    kinds_.clear();
    auto total = [&](const QString& name, double value) {
        categories_ << name;
        values_ << value / 1e6;
        lower_ << std::min(0.0, value) / 1e6;
        upper_ << std::max(0.0, value) / 1e6;
        kinds_ << Kind::Total;
    };
    auto step = [&](const QString& name, double from, double change) {
        categories_ << name;
        values_ << change / 1e6;
        lower_ << std::min(from, from + change) / 1e6;
        upper_ << std::max(from, from + change) / 1e6;
        kinds_ << (change <= 0.0 ? Kind::StepDown : Kind::StepUp);
    };
    total(tr("Expected cost"), expected);
    step(tccBasis ? tr("Gross savings") : tr("Savings (E − A)"), expected, actual - expected);
    total(tr("Actual cost"), actual);
    total(tr("Gross savings"), gross);
    // §9: under capitation the plans keep a one-sided loss (T = 0), so the step from G to the
    // transfer is the payments and those losses; under ffs it is the payments alone.
    if (document_->scenario().paymentModel == PaymentModel::Capitation) {
        step(tr("Payments, losses kept"), gross, net - gross);
        total(tr("Returned to state"), net);
    } else {
        step(tr("Plan payments"), gross, -payments);
        total(tr("Program net"), net);
    }
    step(tr("Federal share"), net, -federal);
    total(tr("State share"), state);

    // The cost panel zooms in on expected and actual cost, or the savings step would be a sliver.
    const double low = std::min(expected, actual) / 1e6, high = std::max(expected, actual) / 1e6;
    QCPAxis* costAxis = costRect_->axis(QCPAxis::atLeft);
    if (high <= 0.0) {
        costAxis->setRange(std::min(0.0, low) * 1.1 - 1.0, 1.0);
        costAxis->setLabel(tr("$ millions"));
    } else {
        const double pad = std::max(high - low, 0.004 * high);
        const double bottom = std::max(0.0, low - 1.5 * pad);
        costAxis->setRange(bottom, high + 0.6 * pad);
        costAxis->setLabel(bottom > 0.0 ? tr("$ millions (axis does not start at 0)") : tr("$ millions"));
    }
    QSharedPointer<QCPAxisTickerText> costTicks(new QCPAxisTickerText);
    QSharedPointer<QCPAxisTickerText> splitTicks(new QCPAxisTickerText);
    bool hasDown = false, hasUp = false;
    for (int i = 0; i < categories_.size(); ++i) {
        const bool cost = i < kCostCategories;
        const double key = cost ? i + 1 : i - kCostCategories + 1;
        QString tick = categories_[i];
        if (const qsizetype space = tick.indexOf(u' '); space > 0)
            tick[space] = u'\n'; // two short lines stay readable in a narrow window
        (cost ? costTicks : splitTicks)->addTick(key, tick);
        QCPBars* bars = bars_[i];
        if (!cost) { // the cost panel's bars: clampCostBars() below
            bars->setBaseValue(lower_[i]);
            bars->data()->set({QCPBarsData(key, upper_[i] - lower_[i])});
        }
        const Kind kind = kinds_[i];
        bars->setBrush(kind == Kind::Total ? kTotalColor : kind == Kind::StepDown ? kDownColor : kUpColor);
        hasDown = hasDown || kind == Kind::StepDown;
        hasUp = hasUp || kind == Kind::StepUp;
        QCPItemText* label = labels_[i];
        label->setText(valueLabel(values_[i], kind != Kind::Total));
        const bool below = kind == Kind::Total && values_[i] < 0.0;
        label->position->setCoords(key, below ? lower_[i] : upper_[i]);
        label->setPositionAlignment(Qt::AlignHCenter | (below ? Qt::AlignTop : Qt::AlignBottom));
    }
    costRect_->axis(QCPAxis::atBottom)->setTicker(costTicks);
    splitRect_->axis(QCPAxis::atBottom)->setTicker(splitTicks);
    costRect_->axis(QCPAxis::atBottom)->setRange(0.4, kCostCategories + 0.6);
    splitRect_->axis(QCPAxis::atBottom)->setRange(0.4, kSplitCategories + 0.6);
    legendDown_->removeFromLegend();
    legendUp_->removeFromLegend();
    if (hasDown)
        legendDown_->addToLegend();
    if (hasUp)
        legendUp_->addToLegend();

    const double splitLow = std::min(0.0, *std::min_element(lower_.begin() + kCostCategories, lower_.end()));
    const double splitHigh = std::max(0.0, *std::max_element(upper_.begin() + kCostCategories, upper_.end()));
    const double size = splitHigh - splitLow > 0.0 ? splitHigh - splitLow : 1.0;
    splitRect_->axis(QCPAxis::atLeft)
        ->setRange(splitLow - (splitLow < 0.0 ? 0.12 * size : 0.0), splitHigh + 0.14 * size);
    clampCostBars();
    showDrawing();
}

void WaterfallChartController::clampCostBars()
{
    // Where the cost panel's axis does not start at 0, its bars are drawn from the visible bottom:
    // the same picture, and one that needs no clipping (an SVG export cannot clip).
    const double bottom = costRect_->axis(QCPAxis::atLeft)->range().lower;
    for (int i = 0; i < kCostCategories && i < bars_.size() && i < upper_.size(); ++i) {
        const double base = std::max(lower_[i], std::min(bottom, upper_[i]));
        bars_[i]->setBaseValue(base);
        bars_[i]->data()->set({QCPBarsData(i + 1, upper_[i] - base)});
    }
}

void WaterfallChartController::fitValueLabels()
{
    // A panel shows its value labels only when each fits the space between two bars (hovering
    // still gives the value); a change is drawn by one more (queued) replot.
    bool changed = false;
    for (QCPAxisRect* rect : {costRect_, splitRect_}) {
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        const double slot = std::fabs(x->coordToPixel(2.0) - x->coordToPixel(1.0));
        const int first = rect == costRect_ ? 0 : kCostCategories;
        const int count = rect == costRect_ ? kCostCategories : kSplitCategories;
        bool fits = true;
        for (int i = first; i < first + count; ++i)
            fits = fits && QFontMetrics(labels_[i]->font()).horizontalAdvance(labels_[i]->text()) + 6 <= slot;
        for (int i = first; i < first + count; ++i)
            if (labels_[i]->visible() != fits) {
                labels_[i]->setVisible(fits);
                changed = true;
            }
    }
    if (changed)
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString WaterfallChartController::hoverText(const QPoint& pos) const
{
    for (QCPAxisRect* rect : {costRect_, splitRect_}) {
        if (!rect->rect().contains(pos))
            continue;
        const double key = rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
        const int k = static_cast<int>(std::lround(key));
        const int count = rect == costRect_ ? kCostCategories : kSplitCategories;
        if (k < 1 || k > count || std::fabs(key - k) > 0.35)
            return {};
        const int i = (rect == costRect_ ? 0 : kCostCategories) + k - 1;
        if (i >= categories_.size())
            return {};
        if (kinds_[i] == Kind::Total)
            return tr("%1\n%2").arg(categories_[i], valueLabel(values_[i], false));
        const double from = kinds_[i] == Kind::StepDown ? upper_[i] : lower_[i];
        const double to = kinds_[i] == Kind::StepDown ? lower_[i] : upper_[i];
        return tr("%1\n%2 (from %3 to %4)")
            .arg(categories_[i], valueLabel(values_[i], true), valueLabel(from, false),
                 valueLabel(to, false));
    }
    return {};
}

} // namespace sharecast::ui
