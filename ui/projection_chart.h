#pragma once
//! The multi-year projection (methodology §11) statewide: counterfactual and projected cost by year
//! ($M, left axis) with the cumulative gross savings as bars ($M, right axis).

#include <QObject>
#include <QVector>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPTextElement;
class QPoint;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the projection chart's lines and bars and redraws them whenever the document has new results.
class ProjectionChartController : public QObject {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current projection.
    ProjectionChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! The projection years plotted, in order.
    const QVector<double>& years() const { return years_; }
    //! Counterfactual cost Σ C of the ALL rows ($M).
    const QVector<double>& counterfactualMillions() const { return counterfactual_; }
    //! Projected cost A_t of the ALL rows ($M).
    const QVector<double>& projectedMillions() const { return projected_; }
    //! Gross savings G_t of the ALL rows, accumulated from the first projection year ($M).
    const QVector<double>& cumulativeSavingsMillions() const { return cumulative_; }
    //! The hover text at a pixel of the plot (empty away from a projection year).
    QString hoverText(const QPoint& pos) const;

private:
    void redraw();
    void showValueAt(const QPoint& pos);

    ProjectDocument* document_;
    QCustomPlot* plot_;
    QCPTextElement* title_ = nullptr;
    QCPGraph* counterfactualLine_ = nullptr;
    QCPGraph* projectedLine_ = nullptr;
    QCPBars* cumulativeBars_ = nullptr;
    QVector<double> years_, counterfactual_, projected_, savings_, cumulative_;
};

} // namespace sharecast::ui
