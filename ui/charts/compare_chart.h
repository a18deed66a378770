#pragma once
//! The comparison's chart: each compared scenario's plan payment against the reference scenario's,
//! by plan, in $ millions (one series of bars per scenario after the reference).

#include "ui/charts/chart_controller.h"

#include <QList>
#include <QStringList>
#include <QVector>

namespace sharecast::ui {

//! Owns the compare tab's chart; CompareView hands it the differences to draw.
class CompareChartController : public ChartController {
    Q_OBJECT
public:
    //! Builds the (empty) chart on plot.
    explicit CompareChartController(QCustomPlot* plot, QObject* parent = nullptr);

    //! Draws deltas[s] (in $M, in plans order) as the bars of series seriesNames[s].
    void draw(const QStringList& plans, const QStringList& seriesNames, const QList<QVector<double>>& deltas);
    //! No hover values: the bars' figures are in the tables beside the chart.
    QString hoverText(const QPoint&) const override { return {}; }
};

} // namespace sharecast::ui
