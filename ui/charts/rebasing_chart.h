#pragma once
//! The cost of the incentive (methodology §10–§11, Straw Proposal 7): by projection year, what the
//! program saves against what care would have cost when rates are rebased and when they are not
//! (left axis, $ millions), with the yearly cost of not rebasing as bars (right axis, $ millions).

#include "ui/charts/projection_chart_base.h"

namespace sharecast::ui {

//! Owns the rebasing chart's lines and bars and redraws them whenever the document has new results.
class RebasingChartController : public ProjectionChartBase {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current projection.
    RebasingChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! The program's net saving on the rebased path (ALL rows, all funds, $M).
    const QVector<double>& savingRebased() const { return rebased_; }
    //! The program's net saving when rates are not rebased ($M).
    const QVector<double>& savingNotRebased() const { return notRebased_; }
    //! The yearly cost of not rebasing: state cost not rebased − rebased ($M).
    const QVector<double>& extraCost() const { return extra_; }

private:
    Drawing read(const Projection& projection, const ProjectionFan* fan) override;
    QString hoverTextAt(int i) const override;

    QVector<double> rebased_, notRebased_, extra_;
};

} // namespace sharecast::ui
