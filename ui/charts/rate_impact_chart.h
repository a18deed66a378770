#pragma once
//! Rates rebased versus not rebased (methodology §10, Straw Proposal 7): the statewide gross rate
//! on each path by projection year ($ PMPM, left axis) with the rate impact as bars ($M, right axis).

#include "ui/charts/projection_chart_base.h"

namespace sharecast::ui {

//! Owns the rate chart's lines and bars and redraws them whenever the document has new results.
class RateImpactChartController : public ProjectionChartBase {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current projection, with the fan of
    //! runner when given.
    RateImpactChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr,
                              ValidityRunner* runner = nullptr);

    //! The statewide rebased gross rate of the ALL rows (member-month weighted, $ PMPM).
    const QVector<double>& rebasedPmpm() const { return rebased_; }
    //! The statewide non-rebased gross rate of the ALL rows ($ PMPM).
    const QVector<double>& nonRebasedPmpm() const { return nonRebased_; }
    //! The rate impact (non-rebased − rebased gross rate) · MM of the ALL rows ($M).
    const QVector<double>& rateImpactMillions() const { return impact_; }

private:
    Drawing read(const Projection& projection, const ProjectionFan* fan) override;
    QString hoverTextAt(int i) const override;

    QVector<double> rebased_, nonRebased_, impact_;
};

} // namespace sharecast::ui
