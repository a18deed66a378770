#pragma once
//! What every chart of the workbench shares: hover values, zoom and pan, and a context menu that
//! exports the chart as PNG, SVG or PDF.

#include <QString>

class QCustomPlot;
class QCPTextElement;
class QPoint;

namespace sharecast::ui {

//! Sets up interactions (drag and wheel zoom), the legend, fonts, and the export context menu.
void prepareChart(QCustomPlot* plot, const QString& fileStem);

//! Title on top, a centred legend row under it (wrapped to the width before each replot), then
//! the axis rect, so the legend never covers data; returns the (empty) title element.
QCPTextElement* arrangeChartLayout(QCustomPlot* plot);

//! Shows text as the plot's tooltip at pos (a pixel of the plot); hides the tooltip when text is empty.
void showChartToolTip(QCustomPlot* plot, const QPoint& pos, const QString& text);

//! Saves the chart to path by its suffix (.pdf and .svg as vectors, anything else as .png at 2×
//! resolution); false on error. PNG and PDF show the current view; SVG shows the whole chart
//! (every plottable's data in range), since Qt 6.4's SVG writer cannot clip a zoomed view.
bool exportChart(QCustomPlot* plot, const QString& path);

} // namespace sharecast::ui
