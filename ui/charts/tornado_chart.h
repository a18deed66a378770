#pragma once
//! The tornado of a sensitivity study (methodology §14): per key, a bar from the metric at the
//! base scenario to the metric at the key's low value and one to its high value, sorted by swing.

#include "ui/charts/chart_controller.h"

#include <QPoint>
#include <QString>

#include <optional>
#include <vector>

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;

namespace sharecast::ui {

//! One key of a tornado: its values and the metric at each.
struct TornadoBar {
    QString key;
    std::optional<double> base; //!< the key's value in the scenario
    double low = 0.0, high = 0.0;
    double metricLow = 0.0, metricHigh = 0.0; //!< dollars, in cents
    //! |metricHigh − metricLow| in cents: what the bars are sorted by.
    double swing() const;
};

//! Draws a tornado: the largest swing on top, the base marked; hovering a bar shows the key's
//! values and the metric at each; clicking one emits keyClicked().
class TornadoChartController : public ChartController {
    Q_OBJECT
public:
    explicit TornadoChartController(QCustomPlot* plot, QObject* parent = nullptr);

    //! Draws `bars` in their order (sorted by swing, largest first) around the metric at the base.
    void setBars(const std::vector<TornadoBar>& bars, double metricBase, const QString& metricTitle);
    //! Shows a message instead of bars (nothing chosen, or the study failed).
    void showMessage(const QString& message);
    //! The bars drawn, top first.
    const std::vector<TornadoBar>& bars() const { return bars_; }
    //! The key of the bar row at a pixel of the plot, or empty.
    QString keyAt(const QPoint& pos) const;
    //! The pixel at the middle of a key's row (on the base line), for the tests.
    QPoint rowCenter(int index) const;

    QString hoverText(const QPoint& pos) const override;

Q_SIGNALS:
    //! A bar (its row) was clicked.
    void keyClicked(const QString& key);

private:
    int rowAt(const QPoint& pos) const;

    std::vector<TornadoBar> bars_;
    double base_ = 0.0;
    QCPBars* lowBars_;
    QCPBars* highBars_;
    QCPItemStraightLine* baseLine_;
    QCPItemText* baseLabel_;
    QCPItemText* message_;
    QPoint pressedAt_;
};

} // namespace sharecast::ui
