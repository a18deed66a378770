#pragma once
//! Program years: each plan's payments stacked year on year (the stack is its cumulative payment)
//! and its cumulative program net as a marker, in $ millions (docs/methodology.md, "Program years").

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

#include <vector>

class QCPBars;
class QCPGraph;

namespace sharecast::ui {

class ProgramYears;

//! Redraws whenever the program has been settled again.
class ProgramYearsChartController : public ChartController {
    Q_OBJECT
public:
    ProgramYearsChartController(ProgramYears* program, QCustomPlot* plot, QObject* parent = nullptr);

    //! The plotted values ($M): paymentMillions()[k][i] is plan i's payment in the k-th program
    //! year (0 where it was not settled), cumulativeNetMillions()[i] its cumulative program net.
    const std::vector<QVector<double>>& paymentMillions() const { return payments_; }
    const QVector<double>& cumulativeNetMillions() const { return cumulativeNet_; }
    //! The plan's payment in each year and its cumulative figures near its bar, else empty.
    QString hoverText(const QPoint& pos) const override;

private:
    void redraw();

    ProgramYears* program_;
    std::vector<QCPBars*> bars_; //!< one layer per program year, stacked
    QCPGraph* netLine_ = nullptr;
    std::vector<QVector<double>> payments_;
    QVector<double> cumulativeNet_, cumulativePayment_;
    QStringList plans_;
    QVector<int> years_;
};

} // namespace sharecast::ui
