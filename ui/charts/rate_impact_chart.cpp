#include "ui/charts/rate_impact_chart.h"

#include "engine/validity.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

namespace sharecast::ui {

RateImpactChartController::RateImpactChartController(ProjectDocument* document, QCustomPlot* plot,
                                                     QObject* parent, ValidityRunner* runner)
    : ProjectionChartBase(
          document, plot,
          {.fileStem = QStringLiteral("rate-impact"),
           .firstLine = {tr("Rebased rate"), palette::kAccent, Qt::SolidLine},
           .secondLine = {tr("Non-rebased rate"), QColor(0xb4, 0x5f, 0x06), Qt::DashLine},
           .bars = {tr("Rate impact (right axis)"), palette::withAlpha(palette::kOrange, 190)},
           .leftAxisLabel = tr("Statewide gross rate, $ PMPM"),
           .rightAxisLabel = tr("Rate impact, $ millions"),
           .bandColor = QColor(0xb4, 0x5f, 0x06),
           .bandOnBars = true},
          parent, runner)
{
    redraw();
}

ProjectionChartBase::Drawing RateImpactChartController::read(const Projection& projection,
                                                             const ProjectionFan* fan)
{
    rebased_.clear();
    nonRebased_.clear();
    impact_.clear();
    QVector<double> bandLow, bandHigh; // the fan of the rate impact (§13)
    for (const ProjectionYear& y : projection.all) {
        rebased_ << y.rateRebased;
        nonRebased_ << y.rateNonRebased;
        impact_ << y.rateImpact / 1e6;
        if (const FanYear* f = fanYear(fan, y.year)) {
            bandLow << f->rateImpact.p05 / 1e6;
            bandHigh << f->rateImpact.p95 / 1e6;
        }
    }
    return {rebased_,
            nonRebased_,
            impact_,
            tr("Rebased vs non-rebased rates and the rate impact (lag %1 years)")
                .arg(document()->scenario().projection.rateLag),
            bandLow,
            bandHigh};
}

QString RateImpactChartController::hoverTextAt(int i) const
{
    QString text = tr("%1\nrebased rate %2 PMPM\nnon-rebased rate %3 PMPM\nrate impact %4")
                       .arg(QString::number(years()[i]), formatDollars(rebased_[i]),
                            formatDollars(nonRebased_[i]), formatMillions(impact_[i] * 1e6, 1));
    // The bottom line of each path against the counterfactual program cost (§11 v2).
    const std::vector<ProjectionYear>& all = document()->projection().all;
    if (i >= 0 && static_cast<std::size_t>(i) < all.size())
        text += tr("\nnet state saving: not rebased %1, rebased %2")
                    .arg(formatMillions(all[static_cast<std::size_t>(i)].netStateSavingNonRebased, 1),
                         formatMillions(all[static_cast<std::size_t>(i)].netStateSavingRebased, 1));
    return text;
}

} // namespace sharecast::ui
