#pragma once
//! The spider plot of a sensitivity study (methodology §14; ISPOR's advice that a tornado shows
//! only the extremes): the metric at points across each key's range, one line per key.

#include "ui/charts/chart_controller.h"

#include <QString>

#include <vector>

namespace sharecast::ui {

//! One key's line: its values and the metric at each (dollars, in cents).
struct SpiderLine {
    QString key;
    std::vector<double> values;
    std::vector<double> metrics;
};

//! Draws the lines against the position in each key's range (0 % at its low value, 100 % at its
//! high), with the metric at the base marked; hovering a point shows the key's value and the metric.
class SpiderChartController : public ChartController {
    Q_OBJECT
public:
    explicit SpiderChartController(QCustomPlot* plot, QObject* parent = nullptr);

    void setLines(const std::vector<SpiderLine>& lines, double metricBase, const QString& metricTitle);
    //! Shows a message instead of lines.
    void showMessage(const QString& message);
    const std::vector<SpiderLine>& lines() const { return lines_; }

    QString hoverText(const QPoint& pos) const override;

private:
    std::vector<SpiderLine> lines_;
    double base_ = 0.0;
};

} // namespace sharecast::ui
