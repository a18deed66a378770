#pragma once
//! Quality composite by plan (methodology §6) against the gate's minimum composite; plans that fail
//! the gate stand out, and a plan whose composite is NA has no bar and an "NA" tick label.

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPBars;
class QCPGraph;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the quality chart's bars and gate line and redraws them whenever the document has new results.
class QualityChartController : public ChartController {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current settlement.
    QualityChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! The plans in settlement order (bar i + 1 is plans()[i]).
    const QStringList& plans() const { return plans_; }
    //! The x-axis tick labels: the plan id, with " (NA)" when its composite is NA.
    const QStringList& tickLabels() const { return tickLabels_; }
    //! Each plan's composite Q (score 0–100); NaN when Q is NA.
    const QVector<double>& composites() const { return composites_; }
    //! Whether each plan fails the enabled quality gate (drawn in the failing colour).
    const QVector<bool>& failsGate() const { return fails_; }
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

    ProjectDocument* document_;
    QCPBars* passBars_ = nullptr;
    QCPBars* failBars_ = nullptr;
    QCPGraph* gateLine_ = nullptr;
    QStringList plans_, tickLabels_, reasons_;
    QVector<double> composites_;
    QVector<bool> fails_;
    QVector<int> reportable_;
    double minComposite_ = 0.0;
};

} // namespace sharecast::ui
