#pragma once
//! Savings by plan: gross savings, the plan's share and the state's net, in $ millions.

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPAxis;
class QCPBars;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the chart's bars and redraws them whenever the document has new results.
class SavingsChartController : public ChartController {
    Q_OBJECT
public:
    //! Plans along the x axis (vertical bars), or down the y axis by name (Qt::Horizontal: bars
    //! across, for long plan names).
    SavingsChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr,
                           Qt::Orientation orientation = Qt::Vertical);

    //! The plotted values ($M), in plan order (the tests compare them with the engine).
    const QVector<double>& grossMillions() const { return gross_; }
    const QVector<double>& paymentMillions() const { return payment_; }
    const QVector<double>& netMillions() const { return net_; }
    //! The axis labels: each plan's name (its id where the data give none), in plan order.
    const QStringList& planNames() const { return names_; }
    //! The hover text at a pixel of the plot: the plan's three values near its bars, else empty.
    QString hoverText(const QPoint& pos) const override;

private:
    void redraw();

    bool horizontal() const { return horizontal_; }

    ProjectDocument* document_;
    bool horizontal_ = false;
    QCPAxis* keyAxis_ = nullptr;   //!< the plans
    QCPAxis* valueAxis_ = nullptr; //!< $ millions
    QCPBars* grossBars_ = nullptr;
    QCPBars* paymentBars_ = nullptr;
    QCPBars* netBars_ = nullptr;
    QVector<double> gross_, payment_, net_;
    QStringList plans_, names_;
};

} // namespace sharecast::ui
