#pragma once
//! Rates rebased versus not rebased (methodology §10, Straw Proposal 7): the statewide gross rate
//! on each path by projection year ($ PMPM, left axis) with the rate impact as bars ($M, right axis).

#include <QObject>
#include <QVector>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPTextElement;
class QPoint;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the rate chart's lines and bars and redraws them whenever the document has new results.
class RateImpactChartController : public QObject {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current projection.
    RateImpactChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! The projection years plotted, in order.
    const QVector<double>& years() const { return years_; }
    //! The statewide rebased gross rate of the ALL rows (member-month weighted, $ PMPM).
    const QVector<double>& rebasedPmpm() const { return rebased_; }
    //! The statewide non-rebased gross rate of the ALL rows ($ PMPM).
    const QVector<double>& nonRebasedPmpm() const { return nonRebased_; }
    //! The rate impact (non-rebased − rebased gross rate) · MM of the ALL rows ($M).
    const QVector<double>& rateImpactMillions() const { return impact_; }
    //! The hover text at a pixel of the plot (empty away from a projection year).
    QString hoverText(const QPoint& pos) const;

private:
    void redraw();
    void showValueAt(const QPoint& pos);

    ProjectDocument* document_;
    QCustomPlot* plot_;
    QCPTextElement* title_ = nullptr;
    QCPGraph* rebasedLine_ = nullptr;
    QCPGraph* nonRebasedLine_ = nullptr;
    QCPBars* impactBars_ = nullptr;
    QVector<double> years_, rebased_, nonRebased_, impact_;
};

} // namespace sharecast::ui
