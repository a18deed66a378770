#pragma once
//! Savings by plan: gross savings, the plan's share and the state's net, in $ millions.

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPBars;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the chart's bars and redraws them whenever the document has new results.
class SavingsChartController : public ChartController {
    Q_OBJECT
public:
    SavingsChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! The plotted values ($M), in plan order (the tests compare them with the engine).
    const QVector<double>& grossMillions() const { return gross_; }
    const QVector<double>& paymentMillions() const { return payment_; }
    const QVector<double>& netMillions() const { return net_; }
    //! The hover text at a pixel of the plot: the plan's three values near its bars, else empty.
    QString hoverText(const QPoint& pos) const override;

private:
    void redraw();

    ProjectDocument* document_;
    QCPBars* grossBars_ = nullptr;
    QCPBars* paymentBars_ = nullptr;
    QCPBars* netBars_ = nullptr;
    QVector<double> gross_, payment_, net_;
    QStringList plans_;
};

} // namespace sharecast::ui
