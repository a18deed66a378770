#include "ui/charts/corridor_chart.h"

#include "engine/risk_corridor.h"
#include "ui/charts/chart_support.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QFontMetrics>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

namespace {

//! The settlement of a unit target (T = 1) at cost ratio r, in percent of the target (§12).
double unitSettlementPercent(const Corridor& corridor, double ratio)
{
    Corridor unit = corridor;
    unit.targetPmpm = 1.0;
    return 100.0 * settleCorridor(unit, ratio, 1.0).settlement;
}

} // namespace

CorridorChartController::CorridorChartController(ProjectDocument* document, QCustomPlot* plot,
                                                 QObject* parent)
    : ChartController(plot, QStringLiteral("risk-corridor"), parent), document_(document)
{
    curve_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    curve_->setName(tr("Settlement at each cost ratio"));
    curve_->setPen(QPen(palette::kAccent, 2.0));
    planPoints_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    planPoints_->setName(tr("Plans (performance year)"));
    planPoints_->setLineStyle(QCPGraph::lsNone);
    planPoints_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x99, 0x4d, 0x00), 1.2), palette::kOrange, 8));

    notice_ = addChartNotice(plot_, tr("No risk corridor in this scenario"));

    QFont font = plot_->font();
    outsideNote_ = new QCPItemText(plot_);
    outsideNote_->position->setType(QCPItemPosition::ptAxisRectRatio);
    outsideNote_->position->setCoords(0.99, 0.97);
    outsideNote_->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    font.setPointSize(8);
    outsideNote_->setFont(font);
    outsideNote_->setBrush(QColor(255, 255, 255, 220));
    outsideNote_->setPadding(QMargins(4, 2, 4, 2));

    plot_->xAxis->setLabel(tr("Cost ratio A / T (actual over target cost)"));
    plot_->xAxis->setNumberFormat(QStringLiteral("f"));
    plot_->xAxis->setNumberPrecision(2);
    plot_->yAxis->setLabel(tr("Settlement, % of target (+: state pays plan)"));
    plot_->yAxis->grid()->setZeroLinePen(QPen(Qt::gray));
    connect(plot_, &QCustomPlot::afterReplot, this, &CorridorChartController::fitBandLabels);
    setRedraw([this] { redraw(); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ChartController::requestRedraw);
    redraw();
}

QString CorridorChartController::noticeText() const
{
    return hasCorridor_ ? QString() : notice_->text();
}

void CorridorChartController::redraw()
{
    curveRatios_.clear();
    curvePercents_.clear();
    planIds_.clear();
    planRatios_.clear();
    planPercents_.clear();
    planActual_.clear();
    planTarget_.clear();
    planSettlement_.clear();
    const std::vector<Corridor>& corridors = document_->scenario().corridors;
    hasCorridor_ = !corridors.empty();
    notice_->setVisible(!hasCorridor_);
    plot_->legend->setVisible(hasCorridor_);
    if (!hasCorridor_) {
        title_->setText(tr("Risk corridor"));
        curve_->data()->clear();
        planPoints_->data()->clear();
        corridor_ = Corridor{};
        drawBands();
        outsideNote_->setVisible(false);
        plot_->xAxis->setRange(0.8, 1.2);
        plot_->yAxis->setRange(-10.0, 10.0);
        showDrawing();
        return;
    }
    corridor_ = corridors.front();
    const Corridor& corridor = corridor_;
    title_->setText(tr("Risk corridor “%1” on %2, target %3 PMPM")
                        .arg(QString::fromStdString(corridor.name), QString::fromStdString(corridor.cos),
                             formatDollars(corridor.targetPmpm)));

    // Each plan's own corridor result, as settled (§12).
    for (const PlanSettlement& p : document_->settlement().plans) {
        if (p.corridors.empty() || !(p.corridors.front().target > 0.0))
            continue;
        const CorridorResult& r = p.corridors.front();
        planIds_ << QString::fromStdString(p.planId);
        planRatios_ << r.actual / r.target;
        planPercents_ << 100.0 * r.settlement / r.target;
        planActual_ << r.actual;
        planTarget_ << r.target;
        planSettlement_ << r.settlement;
    }
    // The view keeps to cost ratios near 1, where the bands are; a plan far outside is noted in a
    // corner (its marker and the curve under it are drawn: the user can pan to them).
    constexpr double kViewLimit = 0.5;
    double viewFrom = 0.8, viewTo = 1.2, from = 0.8, to = 1.2;
    QStringList outside;
    for (int i = 0; i < planRatios_.size(); ++i) {
        const double r = planRatios_[i];
        from = std::min(from, r - 0.02);
        to = std::max(to, r + 0.02);
        if (std::fabs(r - 1.0) > kViewLimit)
            outside << tr("%1 at %2").arg(planIds_[i], formatNumber(r, 2));
        else {
            viewFrom = std::min(viewFrom, r - 0.02);
            viewTo = std::max(viewTo, r + 0.02);
        }
    }
    viewFrom = std::max(0.0, viewFrom - 0.005); // a little room so the end ticks show
    viewTo += 0.005;
    from = std::max(0.0, std::min(from, viewFrom));
    to = std::max(to, viewTo);
    if (outside.size() > 2)
        outsideNote_->setText(tr("%1 plans beyond the chart (pan to see them)").arg(outside.size()));
    else
        outsideNote_->setText(tr("Beyond the chart (A / T): %1").arg(outside.join(QStringLiteral(", "))));
    outsideNote_->setVisible(!outside.isEmpty());

    // The curve: a fine grid of the view plus the rest of the plans' range, and the band edges
    // 1 ± from/to where it bends.
    std::vector<double> ratios;
    constexpr int kSteps = 400;
    for (int k = 0; k <= kSteps; ++k)
        ratios.push_back(viewFrom + (viewTo - viewFrom) * k / kSteps);
    for (int k = 0; k <= kSteps / 4; ++k) {
        ratios.push_back(from + (viewFrom - from) * k / (kSteps / 4));
        ratios.push_back(viewTo + (to - viewTo) * k / (kSteps / 4));
    }
    for (const CorridorBand& band : corridor.bands)
        for (const std::optional<double> edge : {std::optional<double>(band.from), band.to})
            if (edge)
                for (double r : {1.0 - *edge, 1.0 + *edge})
                    if (r > from && r < to)
                        ratios.push_back(r);
    std::sort(ratios.begin(), ratios.end());
    ratios.erase(std::unique(ratios.begin(), ratios.end()), ratios.end());
    for (double r : ratios) {
        curveRatios_ << r;
        curvePercents_ << unitSettlementPercent(corridor, r);
    }
    curve_->setData(curveRatios_, curvePercents_, true);
    planPoints_->setData(planRatios_, planPercents_);
    plot_->xAxis->setRange(viewFrom, viewTo);
    drawBands();

    double low = 0.0, high = 0.0;
    auto widen = [&](double r, double v) {
        if (r >= viewFrom && r <= viewTo) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    };
    for (int i = 0; i < curveRatios_.size(); ++i)
        widen(curveRatios_[i], curvePercents_[i]);
    for (int i = 0; i < planRatios_.size(); ++i)
        widen(planRatios_[i], planPercents_[i]);
    const double span = high - low > 0.0 ? high - low : 1.0;
    plot_->yAxis->setRange(low - 0.08 * span, high + 0.16 * span); // room for the band labels
    showDrawing();
}

void CorridorChartController::drawBands()
{
    for (QCPAbstractItem* item : std::as_const(bandItems_))
        plot_->removeItem(item);
    bandItems_.clear();
    bandLabels_.clear();
    QFont font = plot_->font();
    font.setPointSize(8);
    for (const CorridorBand& band : corridor_.bands) {
        // A band is |d| in [from, to): the two sides of 1, one zone when it starts at 0.
        const double outer = band.to ? *band.to : 100.0;
        std::vector<std::pair<double, double>> zones;
        if (band.from == 0.0)
            zones.emplace_back(1.0 - outer, 1.0 + outer);
        else
            zones = {{1.0 - outer, 1.0 - band.from}, {1.0 + band.from, 1.0 + outer}};
        for (const auto& [left, right] : zones) {
            auto* zone = new QCPItemRect(plot_);
            zone->setLayer(QStringLiteral("background"));
            zone->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
            zone->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
            zone->topLeft->setCoords(left, 0.0);
            zone->bottomRight->setCoords(right, 1.0);
            zone->setPen(Qt::NoPen);
            zone->setBrush(palette::withAlpha(palette::kAccent, static_cast<int>(10 + 40 * band.stateShare)));
            zone->setSelectable(false);
            bandItems_ << zone;
            // The state's share of the deviation in this band (placed by fitBandLabels()).
            auto* label = new QCPItemText(plot_);
            label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
            label->setFont(font);
            label->setColor(QColor(0x40, 0x40, 0x40));
            label->setText(tr("state %1").arg(formatPercent(band.stateShare, 0)));
            label->setSelectable(false);
            bandItems_ << label;
            bandLabels_.push_back({label, left, right});
        }
    }
}

void CorridorChartController::fitBandLabels()
{
    // Each label sits in the middle of the visible part of its zone, and shows only where the
    // zone is wide enough for it; a change is drawn by one more (queued) replot.
    const QCPRange view = plot_->xAxis->range();
    bool changed = false;
    for (const BandLabel& b : bandLabels_) {
        const double left = std::max(b.left, view.lower), right = std::min(b.right, view.upper);
        const double pixels = std::fabs(plot_->xAxis->coordToPixel(right) - plot_->xAxis->coordToPixel(left));
        const bool fits =
            right > left && QFontMetrics(b.label->font()).horizontalAdvance(b.label->text()) + 8 <= pixels;
        const QPointF at((left + right) / 2.0, 0.02);
        if (fits != b.label->visible() || (fits && at != b.label->position->coords())) {
            b.label->setVisible(fits);
            b.label->position->setCoords(at);
            changed = true;
        }
    }
    if (changed)
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString CorridorChartController::hoverText(const QPoint& pos) const
{
    if (!hasCorridor_ || !plot_->axisRect()->rect().contains(pos))
        return {};
    // A plan marker within 8 pixels wins over the curve.
    int best = -1;
    double bestDistance = 8.0;
    for (int i = 0; i < planIds_.size(); ++i) {
        const double dx = plot_->xAxis->coordToPixel(planRatios_[i]) - pos.x();
        const double dy = plot_->yAxis->coordToPixel(planPercents_[i]) - pos.y();
        if (const double d = std::hypot(dx, dy); d <= bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    if (best >= 0)
        return tr("%1\nA / T %2 (actual %3, target %4)\nsettlement %5 (%6 of target)")
            .arg(planIds_[best], formatNumber(planRatios_[best], 4), formatDollars(planActual_[best]),
                 formatDollars(planTarget_[best]), formatDollars(planSettlement_[best]),
                 formatPercent(planPercents_[best] / 100.0, 2));
    const double ratio = plot_->xAxis->pixelToCoord(pos.x());
    if (curveRatios_.isEmpty() || ratio < curveRatios_.front() || ratio > curveRatios_.back())
        return {};
    return tr("A / T %1\nsettlement %2 of target")
        .arg(formatNumber(ratio, 3), formatPercent(unitSettlementPercent(corridor_, ratio) / 100.0, 2));
}

} // namespace sharecast::ui
