#include "ui/charts/chart_controller.h"

#include "ui/charts/chart_support.h"
#include "ui/document/refresh_when_shown.h"

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

bool ChartController::isStale() const
{
    return redraw_ && redraw_->isStale();
}

void ChartController::setRedraw(std::function<void()> redraw)
{
    redraw_ = new RefreshWhenShown(plot_, this, [this, redraw = std::move(redraw)] {
        queueReplot_ = true; // a change of the data: the replot waits for the event loop
        redraw();
        queueReplot_ = false;
    });
}

void ChartController::requestRedraw()
{
    if (redraw_)
        redraw_->request();
}

void ChartController::showDrawing()
{
    rememberDrawnView(plot_);
    plot_->replot(queueReplot_ && plot_->isVisible() ? QCustomPlot::rpQueuedReplot
                                                     : QCustomPlot::rpRefreshHint);
}

} // namespace sharecast::ui
