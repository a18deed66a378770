#include "ui/charts/rebasing_chart.h"

#include "engine/projection.h"
#include "ui/document/format.h"
#include "ui/palette.h"

#include <cmath>

namespace sharecast::ui {

RebasingChartController::RebasingChartController(ProjectDocument* document, QCustomPlot* plot,
                                                 QObject* parent)
    : ProjectionChartBase(
          document, plot,
          {.fileStem = QStringLiteral("rebasing"),
           .firstLine = {tr("Program saving, rebased"), palette::kAccent, Qt::SolidLine},
           .secondLine = {tr("Program saving, not rebased"), QColor(0xb4, 0x5f, 0x06), Qt::DashLine},
           .bars = {tr("Cost of not rebasing (right axis)"), palette::withAlpha(palette::kOrange, 190)},
           .leftAxisLabel = tr("Saving, $ millions"),
           .rightAxisLabel = tr("Not rebasing, $ millions"),
           .bandColor = palette::kOrange,
           .bandOnBars = true},
          parent)
{
    redraw();
}

ProjectionChartBase::Drawing RebasingChartController::read(const Projection& projection, const ProjectionFan*)
{
    rebased_.clear();
    notRebased_.clear();
    extra_.clear();
    double total = 0.0;
    for (const ProjectionYear& y : projection.all) {
        rebased_ << y.netStateSavingRebased / 1e6;
        notRebased_ << y.netStateSavingNonRebased / 1e6;
        extra_ << (y.stateCostNonRebased - y.stateCostRebased) / 1e6;
        total += extra_.back();
    }
    // The bars stand up from zero: the cost of not rebasing, or its saving when it saves overall.
    const bool saves = total < 0.0;
    setBarsName(saves ? tr("Saving from not rebasing (right axis)")
                      : tr("Cost of not rebasing (right axis)"));
    QVector<double> bars;
    for (double x : extra_)
        bars << (saves ? -x : x);
    return {rebased_, notRebased_, bars, tr("Rates rebased or not: the program's saving (state and federal)"),
            {},       {}};
}

QString RebasingChartController::hoverTextAt(int i) const
{
    const double x = extra_[i];
    return tr("%1\nprogram saving, rebased %2\nprogram saving, not rebased %3\nnot rebasing %4 %5")
        .arg(QString::number(years()[i]), formatMillions(rebased_[i] * 1e6, 1),
             formatMillions(notRebased_[i] * 1e6, 1), x >= 0.0 ? tr("costs") : tr("saves"),
             formatMillions(std::fabs(x) * 1e6, 1));
}

} // namespace sharecast::ui
