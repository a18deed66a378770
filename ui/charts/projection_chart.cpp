#include "ui/charts/projection_chart.h"

#include "engine/validity.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

namespace sharecast::ui {

ProjectionChartController::ProjectionChartController(ProjectDocument* document, QCustomPlot* plot,
                                                     QObject* parent, ValidityRunner* runner)
    : ProjectionChartBase(
          document, plot,
          {.fileStem = QStringLiteral("projection"),
           .firstLine = {tr("Counterfactual cost"), QColor(0x59, 0x59, 0x59), Qt::DashLine},
           .secondLine = {tr("Projected cost"), palette::kAccent, Qt::SolidLine},
           .bars = {tr("Cumulative gross savings (right axis)"), palette::withAlpha(palette::kGreen, 170)},
           .leftAxisLabel = tr("Cost, $ millions"),
           .rightAxisLabel = tr("Cumulative gross savings, $ millions"),
           .bandColor = palette::kAccent,
           .bandOnBars = false},
          parent, runner)
{
    redraw();
}

ProjectionChartBase::Drawing ProjectionChartController::read(const Projection& projection,
                                                             const ProjectionFan* fan)
{
    counterfactual_.clear();
    projected_.clear();
    savings_.clear();
    cumulative_.clear();
    double sum = 0.0;
    for (const ProjectionYear& y : projection.all) {
        counterfactual_ << y.counterfactualCost / 1e6;
        projected_ << y.projectedCost / 1e6;
        savings_ << y.grossSavings / 1e6;
        sum += y.grossSavings;
        cumulative_ << sum / 1e6;
    }
    // The fan around the projected cost: the shock leaves the counterfactual cost C as it is and
    // A = C − G statewide (§11), so A's 5th percentile is C less G's 95th, and its 95th C less G's 5th.
    QVector<double> bandLow, bandHigh;
    for (const ProjectionYear& y : projection.all)
        if (const FanYear* f = fanYear(fan, y.year)) {
            bandLow << (y.counterfactualCost - f->grossSavings.p95) / 1e6;
            bandHigh << (y.counterfactualCost - f->grossSavings.p05) / 1e6;
        }
    return {counterfactual_,
            projected_,
            cumulative_,
            projection.all.empty() ? tr("Projection (no projection years)")
                                   : tr("Statewide projection %1–%2: cost and cumulative gross savings")
                                         .arg(projection.all.front().year)
                                         .arg(projection.all.back().year),
            bandLow,
            bandHigh};
}

QString ProjectionChartController::hoverTextAt(int i) const
{
    return tr("%1\ncounterfactual cost %2\nprojected cost %3\ngross savings %4\ncumulative gross savings %5")
        .arg(QString::number(years()[i]), formatMillions(counterfactual_[i] * 1e6, 1),
             formatMillions(projected_[i] * 1e6, 1), formatMillions(savings_[i] * 1e6, 1),
             formatMillions(cumulative_[i] * 1e6, 1));
}

} // namespace sharecast::ui
