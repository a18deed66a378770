#pragma once
//! Quality composite by plan (methodology §6) against the quality gate: each bar's colour (and its
//! legend entry) says which of the gate's tests the plan fails (the minimum composite, drawn as a
//! line; a measure's minimum; a gated measure not reported), the measures it fails are named over
//! the bar and in its hover, and a plan whose composite is NA has no bar and an "NA" tick label.

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPBars;
class QCPGraph;
class QCPItemText;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the quality chart's bars and gate line and redraws them whenever the document has new results.
class QualityChartController : public ChartController {
    Q_OBJECT
public:
    //! Which of the quality gate's tests a plan fails, first one first (the bar's colour).
    enum class GateOutcome {
        Meets,               //!< passes the gate (or the gate is disabled)
        BelowComposite,      //!< its composite is below the minimum composite
        BelowMeasureMinimum, //!< a gated measure's rate misses its minimum (gate_min)
        MeasureNotReported,  //!< a gated measure has no reportable rate
        CompositeNa,         //!< too few reportable measures for a composite (no bar)
    };

    //! Builds the chart on plot and draws the document's current settlement.
    QualityChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! The plans in settlement order (bar i + 1 is plans()[i]).
    const QStringList& plans() const { return plans_; }
    //! The x-axis tick labels: the plan id, with " (NA)" when its composite is NA.
    const QStringList& tickLabels() const { return tickLabels_; }
    //! Each plan's composite Q (score 0–100); NaN when Q is NA.
    const QVector<double>& composites() const { return composites_; }
    //! Whether each plan fails the enabled quality gate (drawn in a failing colour).
    const QVector<bool>& failsGate() const { return fails_; }
    //! Which of the gate's tests each plan fails.
    const QVector<GateOutcome>& gateOutcomes() const { return outcomes_; }
    //! The gated measures each failing plan misses or does not report, as named over its bar.
    const QVector<QStringList>& failingMeasures() const { return failingMeasures_; }
    //! The gate's minimum composite, drawn as a line; NaN when the gate is disabled (no line).
    double minComposite() const { return minComposite_; }
    //! Whether the plan tick labels are rotated (many plans for the chart's width).
    bool tickLabelsRotated() const;
    //! The hover text at a pixel of the plot (empty away from a plan).
    QString hoverText(const QPoint& pos) const override;

protected:
    //! Re-decides the tick label rotation when the plot is resized.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void redraw();
    void updateTickRotation();
    void fitMeasureLabels();

    ProjectDocument* document_;
    QCPBars* passBars_ = nullptr;
    QCPBars* compositeBars_ = nullptr;  //!< below the minimum composite
    QCPBars* measureBars_ = nullptr;    //!< a measure below its minimum
    QCPBars* unreportedBars_ = nullptr; //!< a gated measure not reported
    QCPGraph* gateLine_ = nullptr;
    QVector<QCPItemText*> measureLabels_; //!< the failing measures over each failing bar
    QStringList plans_, tickLabels_;
    QVector<QStringList> failures_;   //!< each plan's failed tests, as the hover lists them
    QVector<QStringList> ineligible_; //!< the other gates (§8) that make each plan ineligible
    QVector<QStringList> failingMeasures_;
    QVector<double> composites_;
    QVector<bool> fails_;
    QVector<GateOutcome> outcomes_;
    QVector<int> reportable_;
    double minComposite_ = 0.0;
    bool gateEnabled_ = false;
};

} // namespace sharecast::ui
