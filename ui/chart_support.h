#pragma once
//! What every chart of the workbench shares: hover values, zoom and pan, and a context menu that
//! exports the chart as PNG or PDF.

#include <QString>

class QCustomPlot;

namespace sharecast::ui {

//! Sets up interactions (drag and wheel zoom), the legend, fonts, and the export context menu.
void prepareChart(QCustomPlot* plot, const QString& fileStem);

//! Saves the chart to path by its suffix (.png at 2× resolution, .pdf as vectors); false on error.
bool exportChart(QCustomPlot* plot, const QString& path);

}  // namespace sharecast::ui
