#pragma once
//! What every chart of the workbench shares: hover values, zoom and pan, and a context menu that
//! exports the chart as PNG, SVG or PDF.

#include <QImage>
#include <QString>

class QCustomPlot;
class QCPAxisRect;
class QCPItemText;
class QCPTextElement;
class QPoint;

namespace sharecast::ui {

//! Sets up interactions (drag and wheel zoom), the legend, fonts, and the export context menu.
void prepareChart(QCustomPlot* plot, const QString& fileStem);

//! Title on top, a centred legend row under it (wrapped to the width before each replot), then
//! the axis rect, so the legend never covers data; returns the (empty) title element.
QCPTextElement* arrangeChartLayout(QCustomPlot* plot);

//! A notice in the middle of an axis rect (the plot's main one when rect is null) shown in place
//! of a chart that has nothing to draw: grey 10-point text on white, hidden or shown by the chart.
QCPItemText* addChartNotice(QCustomPlot* plot, const QString& text, QCPAxisRect* rect = nullptr);

//! Shows text as the plot's tooltip at pos (a pixel of the plot); hides the tooltip when text is empty.
void showChartToolTip(QCustomPlot* plot, const QPoint& pos, const QString& text);

//! Remembers the plot's axis ranges as the chart's view as drawn (its ranges with their padding,
//! so that every bar is whole): Reset zoom returns to it and exportChart() saves it. A chart calls
//! this each time it draws (ChartController::showDrawing()).
void rememberDrawnView(QCustomPlot* plot);

//! Puts every axis back to its range as drawn and replots: the context menu's "Reset zoom".
//! (An axis the chart never drew keeps its range.)
void resetToDrawnView(QCustomPlot* plot);

//! Saves the chart to path by its suffix (.pdf and .svg as vectors, anything else as .png at 2×
//! resolution); false on error. Every format saves the whole chart as drawn, whatever the user
//! has zoomed or panned to, so an export never cuts a bar; the view on screen keeps its zoom.
//! SVG, which Qt 6.4's writer cannot clip, also widens an axis to any data drawn beyond it.
bool exportChart(QCustomPlot* plot, const QString& path);

//! The chart as drawn (whatever the zoom), at twice its on-screen resolution.
QImage chartImage(QCustomPlot* plot);

//! Puts chartImage() on the clipboard (the chart's menu "Copy image", Edit ▸ Copy on a chart);
//! false when the image could not be made.
bool copyChartToClipboard(QCustomPlot* plot);

} // namespace sharecast::ui
