#pragma once
//! The multi-year projection (methodology §11) statewide: counterfactual and projected cost by year
//! ($M, left axis) with the cumulative gross savings as bars ($M, right axis).

#include "ui/charts/projection_chart_base.h"

namespace sharecast::ui {

//! Owns the projection chart's lines and bars and redraws them whenever the document has new results.
class ProjectionChartController : public ProjectionChartBase {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current projection, with the fan of
    //! runner when given.
    ProjectionChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr,
                              ValidityRunner* runner = nullptr);

    //! Counterfactual cost Σ C of the ALL rows ($M).
    const QVector<double>& counterfactualMillions() const { return counterfactual_; }
    //! Projected cost A_t of the ALL rows ($M).
    const QVector<double>& projectedMillions() const { return projected_; }
    //! Gross savings G_t of the ALL rows, accumulated from the first projection year ($M).
    const QVector<double>& cumulativeSavingsMillions() const { return cumulative_; }

private:
    Drawing read(const Projection& projection, const ProjectionFan* fan) override;
    QString hoverTextAt(int i) const override;

    QVector<double> counterfactual_, projected_, savings_, cumulative_;
};

} // namespace sharecast::ui
