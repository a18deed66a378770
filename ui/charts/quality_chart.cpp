#include "ui/charts/quality_chart.h"

#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QEvent>
#include <QFontMetrics>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sharecast::ui {

namespace {

const QColor kCompositeColor(0xcc, 0x41, 0x25);  // below the minimum composite
const QColor kMeasureColor(0xe6, 0x91, 0x38);    // a measure below its minimum
const QColor kUnreportedColor(0x8e, 0x7c, 0xc3); // a gated measure not reported

//! A label over a bar stays out of the title's way: above this composite it goes inside the bar.
constexpr double kLabelInsideFrom = 88.0;

} // namespace

QualityChartController::QualityChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent)
    : ChartController(plot, QStringLiteral("quality-by-plan"), parent), document_(document)
{
    auto makeBars = [&](const QColor& color) {
        auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(0.6);
        return bars;
    };
    passBars_ = makeBars(palette::kAccent);
    compositeBars_ = makeBars(kCompositeColor);
    measureBars_ = makeBars(kMeasureColor);
    unreportedBars_ = makeBars(kUnreportedColor);
    gateLine_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    gateLine_->setPen(QPen(QColor(0x7f, 0x00, 0x00), 1.5, Qt::DashLine));

    plot_->xAxis->setLabel(tr("Plan"));
    plot_->xAxis->grid()->setVisible(false);
    plot_->xAxis->setTickLength(0, 3);
    plot_->yAxis->setLabel(tr("Composite score (0–100)"));
    plot_->yAxis->setRange(0.0, 105.0);
    plot_->installEventFilter(this);
    connect(plot_, &QCustomPlot::afterReplot, this, &QualityChartController::fitMeasureLabels);
    setRedraw([this] { redraw(); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ChartController::requestRedraw);
    redraw();
}

void QualityChartController::redraw()
{
    plans_.clear();
    tickLabels_.clear();
    failures_.clear();
    ineligible_.clear();
    failingMeasures_.clear();
    composites_.clear();
    fails_.clear();
    outcomes_.clear();
    reportable_.clear();
    for (QCPItemText* label : std::as_const(measureLabels_))
        plot_->removeItem(label);
    measureLabels_.clear();
    const QualitySpec& spec = document_->scenario().quality;
    gateEnabled_ = spec.gateEnabled && !spec.measures.empty();
    minComposite_ = gateEnabled_ ? spec.minComposite : std::numeric_limits<double>::quiet_NaN();
    const QString minimum = formatNumber(spec.minComposite, 1);
    title_->setText(
        tr("Quality composite by plan and the quality gate, %1").arg(document_->settlement().year));
    QFont labelFont = plot_->font();
    labelFont.setPointSize(7);

    // The bars by the first test each plan fails.
    QVector<double> keys[4], values[4]; // by GateOutcome, Meets to MeasureNotReported
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    int i = 0;
    for (const PlanSettlement& p : document_->settlement().plans) {
        const double x = ++i;
        const QualityResult& q = p.quality;
        plans_ << QString::fromStdString(p.planId);
        tickLabels_ << (q.composite ? plans_.back() : tr("%1 (NA)").arg(plans_.back()));
        composites_ << (q.composite ? *q.composite : std::numeric_limits<double>::quiet_NaN());
        fails_ << q.gateBlocks;
        reportable_ << q.reportableMeasures;
        ticker->addTick(x, tickLabels_.back());

        // The gate's tests that fail (§6), as the engine decided them.
        QStringList failures, below, unreported;
        if (q.hasQualityStep && !q.composite)
            failures << tr("%1 reportable measures, %2 needed for a composite")
                            .arg(q.reportableMeasures)
                            .arg(std::max(1, spec.minMeasures));
        if (q.compositeBelowMinimum)
            failures << tr("composite below the minimum %1").arg(minimum);
        for (std::size_t k = 0; k < q.measures.size(); ++k) {
            const MeasureScore& m = q.measures[k];
            if (m.gatePassed)
                continue;
            const QString id = QString::fromStdString(m.id);
            if (!m.reportable || !m.rate || !m.gateMin) {
                unreported << id;
                failures << tr("%1 not reported (the gate needs its rate)").arg(id);
                continue;
            }
            below << id;
            const bool lower = k < spec.measures.size() && spec.measures[k].direction == Direction::Lower;
            failures << (lower ? tr("%1 rate %2 above its limit %3") : tr("%1 rate %2 below its minimum %3"))
                            .arg(id, formatPercent(*m.rate, 2), formatPercent(*m.gateMin, 2));
        }
        GateOutcome outcome = GateOutcome::Meets;
        if (q.gateBlocks) {
            if (!q.composite)
                outcome = GateOutcome::CompositeNa;
            else if (q.compositeBelowMinimum)
                outcome = GateOutcome::BelowComposite;
            else if (!below.isEmpty())
                outcome = GateOutcome::BelowMeasureMinimum;
            else
                outcome = GateOutcome::MeasureNotReported;
        }
        outcomes_ << outcome;
        failures_ << failures;
        failingMeasures_ << (q.gateBlocks ? below + unreported : QStringList());
        // The other blocking gates (§8), which the hover names too.
        QStringList ineligible;
        if (p.tccTrend.enabled && !p.tccTrend.passed)
            ineligible << tr("the TCC trend gate failed");
        if (p.appropriateness.blocks)
            ineligible << tr("the appropriateness guardrail tripped");
        ineligible_ << ineligible;
        if (!q.composite)
            continue;
        keys[static_cast<int>(outcome)] << x;
        values[static_cast<int>(outcome)] << *q.composite;

        // Over a bar that fails measure tests, the measures, one a line ("no W30-6": not reported).
        if (failingMeasures_.back().isEmpty())
            continue;
        auto* label = new QCPItemText(plot_);
        label->position->setCoords(x, *q.composite);
        QStringList lines = below;
        for (const QString& id : std::as_const(unreported))
            lines << tr("no %1").arg(id);
        label->setText(lines.join(u'\n'));
        label->setFont(labelFont);
        label->setPadding(QMargins(2, 1, 2, 1));
        label->setSelectable(false);
        const bool inside = *q.composite >= kLabelInsideFrom;
        label->setPositionAlignment(Qt::AlignHCenter | (inside ? Qt::AlignTop : Qt::AlignBottom));
        label->setColor(inside ? Qt::white : QColor(0x40, 0x40, 0x40));
        if (!inside) // legible over the minimum composite's line
            label->setBrush(QColor(255, 255, 255, 210));
        measureLabels_ << label;
    }
    passBars_->setName(gateEnabled_ ? tr("Meets the quality gate") : tr("Composite (quality gate off)"));
    compositeBars_->setName(tr("Below the minimum composite"));
    // The legend names the test; the measures are named over each bar and in its hover.
    measureBars_->setName(tr("Misses a measure minimum"));
    unreportedBars_->setName(tr("Gated measure not reported"));
    QCPBars* const byOutcome[] = {passBars_, compositeBars_, measureBars_, unreportedBars_};
    for (int o = 0; o < 4; ++o) {
        byOutcome[o]->setData(keys[o], values[o], true);
        byOutcome[o]->removeFromLegend();
        if (o == 0 || !keys[o].isEmpty())
            byOutcome[o]->addToLegend();
    }
    gateLine_->removeFromLegend();
    if (gateEnabled_) {
        gateLine_->setData({0.5, i + 0.5}, {minComposite_, minComposite_}, true);
        gateLine_->setName(tr("Minimum composite %1").arg(minimum));
        gateLine_->addToLegend();
    } else {
        gateLine_->data()->clear();
    }
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(0.4, std::max(i, 1) + 0.6);
    plot_->yAxis->setRange(0.0, 105.0);
    updateTickRotation();
    showDrawing();
}

void QualityChartController::fitMeasureLabels()
{
    // A label shows only where it fits over its bar (hovering still names the measures); a
    // change is drawn by one more (queued) replot.
    const double slot = std::fabs(plot_->xAxis->coordToPixel(2.0) - plot_->xAxis->coordToPixel(1.0));
    bool changed = false;
    for (QCPItemText* label : std::as_const(measureLabels_)) {
        const QFontMetrics metrics(label->font());
        int widest = 0;
        for (const QString& line : label->text().split(u'\n'))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        const bool fits = widest + 4 <= slot;
        if (label->visible() != fits) {
            label->setVisible(fits);
            changed = true;
        }
    }
    if (changed)
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool QualityChartController::tickLabelsRotated() const
{
    return plot_->xAxis->tickLabelRotation() != 0.0;
}

void QualityChartController::updateTickRotation()
{
    // Rotate when the labels, side by side, would not fit the axis (the y axis and margins take
    // about 90 pixels of the plot's width).
    const QFontMetrics metrics(plot_->xAxis->tickLabelFont());
    int widest = 0;
    for (const QString& label : tickLabels_)
        widest = std::max(widest, metrics.horizontalAdvance(label));
    const int available = plot_->width() - 90;
    const bool rotate = !tickLabels_.isEmpty() && tickLabels_.size() * (widest + 12) > available;
    plot_->xAxis->setTickLabelRotation(rotate ? 45.0 : 0.0);
}

bool QualityChartController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == plot_ && event->type() == QEvent::Resize)
        updateTickRotation(); // QCustomPlot replots after its own resize handling
    return QObject::eventFilter(watched, event);
}

QString QualityChartController::hoverText(const QPoint& pos) const
{
    if (!plot_->axisRect()->rect().contains(pos))
        return {};
    const double x = plot_->xAxis->pixelToCoord(pos.x());
    const int i = static_cast<int>(std::lround(x)) - 1;
    if (i < 0 || i >= plans_.size() || std::fabs(x - (i + 1)) > 0.4)
        return {};
    QString composite = std::isnan(composites_[i]) ? tr("NA (%1 reportable measures)").arg(reportable_[i])
                                                   : formatNumber(composites_[i], 2);
    QString gate;
    if (!gateEnabled_) {
        gate = tr("quality gate disabled");
    } else if (!fails_[i]) {
        gate = tr("meets the quality gate");
    } else {
        if (outcomes_[i] != GateOutcome::BelowComposite && outcomes_[i] != GateOutcome::CompositeNa)
            composite += tr(" (the minimum %1 is met)").arg(formatNumber(minComposite_, 1));
        gate = failures_[i].size() == 1
                   ? tr("fails the quality gate: %1").arg(failures_[i].front())
                   : tr("fails the quality gate:\n  %1").arg(failures_[i].join(QStringLiteral("\n  ")));
    }
    QString text = tr("%1\ncomposite %2\n%3").arg(plans_[i], composite, gate);
    if (!ineligible_[i].isEmpty())
        text += tr("\nnot eligible: %1").arg(ineligible_[i].join(tr(" and ")));
    return text;
}

} // namespace sharecast::ui
