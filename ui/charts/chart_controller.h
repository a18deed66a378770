#pragma once
//! What every chart controller shares: the plot it draws on, set up once (zoom and pan, the export
//! menu, US number formatting, the title and legend layout), its title, and hover tooltips.

#include <QObject>
#include <QString>

#include <functional>

class QCustomPlot;
class QCPTextElement;
class QPoint;

namespace sharecast::ui {

class RefreshWhenShown;

//! Owns the set-up of one QCustomPlot; a derived controller draws on it and says what hovering shows.
class ChartController : public QObject {
    Q_OBJECT
public:
    //! The plot the chart is drawn on.
    QCustomPlot* plot() const { return plot_; }
    //! The hover text at a pixel of the plot (empty away from the data: the tooltip hides).
    virtual QString hoverText(const QPoint& pos) const = 0;
    //! True while the chart is hidden (on a tab not in front) with data that changed since it was
    //! drawn: it redraws when shown.
    bool isStale() const;
    //! The chart's data changed (connect the signals that say so here): it redraws now when it is
    //! on screen or in no shown window (a report, an export), else when it is next shown.
    void requestRedraw();

protected:
    //! Where the title and the legend go.
    enum class Layout {
        //! arrangeChartLayout(): the (empty) title on top, a centred legend row under it, then the axes.
        TitleAndLegendRow,
        //! The plot's own layout (the legend inside the axes); the derived class adds its title.
        Own,
    };

    //! Sets plot up for interaction and export (as fileStem.png/.svg/.pdf), with US number
    //! formatting and the given layout, and shows hoverText() as the plot's tooltip.
    ChartController(QCustomPlot* plot, const QString& fileStem, QObject* parent,
                    Layout layout = Layout::TitleAndLegendRow);

    //! Sets how the chart redraws for requestRedraw() (once, in the derived constructor).
    void setRedraw(std::function<void()> redraw);

    //! Ends every drawing: remembers the axis ranges just set as the chart's view as drawn (Reset
    //! zoom returns to it, and the exports save it) and replots: after a change of the data with
    //! the plot on screen, queued (the changes of one event, or several charts' data, make one
    //! paint); otherwise at once (reports and exports render the plot as laid out by its last
    //! replot, and a chart just made is laid out for hovering).
    void showDrawing();

    QCustomPlot* const plot_;
    //! The chart's title (with Layout::Own, set by the derived class).
    QCPTextElement* title_ = nullptr;

private:
    RefreshWhenShown* redraw_ = nullptr;
    bool queueReplot_ = false; //!< while redrawing for requestRedraw()
};

} // namespace sharecast::ui
