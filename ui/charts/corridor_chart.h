#pragma once
//! The scenario's first risk corridor (methodology §12): the settlement as a share of the target
//! against the cost ratio A / T, with each plan's own ratio and settlement marked.

#include "engine/scenario.h"

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPAbstractItem;
class QCPGraph;
class QCPItemText;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the corridor chart's curve and plan markers and redraws them whenever the document has
//! new results; without a corridor it says so in the chart.
class CorridorChartController : public ChartController {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current settlement.
    CorridorChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! Whether the scenario has a corridor (else the chart shows noticeText()).
    bool hasCorridor() const { return hasCorridor_; }
    //! The text shown in place of the curve, empty when there is a corridor.
    QString noticeText() const;
    //! The cost ratios A / T at which the curve is drawn (ascending).
    const QVector<double>& curveRatios() const { return curveRatios_; }
    //! The settlement of a unit target at each curve ratio, in percent of the target.
    const QVector<double>& curvePercents() const { return curvePercents_; }
    //! The plans marked (those with a positive target), in settlement order.
    const QStringList& planIds() const { return planIds_; }
    //! Each marked plan's cost ratio A / T.
    const QVector<double>& planRatios() const { return planRatios_; }
    //! Each marked plan's settlement in percent of its target.
    const QVector<double>& planPercents() const { return planPercents_; }
    //! The hover text at a pixel of the plot (empty away from the data).
    QString hoverText(const QPoint& pos) const override;

private:
    void redraw();
    void drawBands();
    void fitBandLabels();

    ProjectDocument* document_;
    QCPGraph* curve_ = nullptr;
    QCPGraph* planPoints_ = nullptr;
    QCPItemText* notice_ = nullptr;
    QCPItemText* outsideNote_ = nullptr;  //!< plans beyond the view
    QVector<QCPAbstractItem*> bandItems_; //!< shaded band zones and their labels
    //! A band label with its zone's cost ratios.
    struct BandLabel {
        QCPItemText* label;
        double left, right;
    };
    QVector<BandLabel> bandLabels_;
    bool hasCorridor_ = false;
    Corridor corridor_; //!< the corridor drawn (the hover reads it, not the edited scenario)
    QVector<double> curveRatios_, curvePercents_, planRatios_, planPercents_, planActual_, planTarget_,
        planSettlement_;
    QStringList planIds_;
};

} // namespace sharecast::ui
