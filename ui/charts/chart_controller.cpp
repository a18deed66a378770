#include "ui/charts/chart_controller.h"

#include "ui/charts/chart_support.h"

#include <qcustomplot.h>

namespace sharecast::ui {

ChartController::ChartController(QCustomPlot* plot, const QString& fileStem, QObject* parent, Layout layout)
    : QObject(parent), plot_(plot)
{
    prepareChart(plot_, fileStem);
    plot_->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    if (layout == Layout::TitleAndLegendRow)
        title_ = arrangeChartLayout(plot_);
    connect(plot_, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* e) { showChartToolTip(plot_, e->pos(), hoverText(e->pos())); });
}

void ChartController::showDrawing()
{
    rememberDrawnView(plot_);
    plot_->replot();
}

} // namespace sharecast::ui
