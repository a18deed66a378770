#pragma once
//! The report's two charts, built by the workbench's own chart controllers on off-screen plots and
//! drawn as vectors into the report (QCustomPlot::toPainter), styled for paper.

#include <QRectF>
#include <QSet>
#include <QString>

#include <memory>

class QCPPainter;
class QCustomPlot;

namespace sharecast::ui {

class ProjectDocument;
class RateImpactChartController;
class SavingsChartController;

namespace report {

//! Savings by plan and the rate impact over the projection years, for one document's results.
class ReportCharts {
public:
    //! Builds both charts from the document's current results; the plans in `suppressed` (public
    //! mode: fewer than 11 members) are left without bars.
    ReportCharts(ProjectDocument* document, const QSet<QString>& suppressed);
    ~ReportCharts();
    ReportCharts(const ReportCharts&) = delete;
    ReportCharts& operator=(const ReportCharts&) = delete;

    QCustomPlot* savings() const { return savingsPlot_.get(); }
    QCustomPlot* rateImpact() const { return ratePlot_.get(); }

private:
    std::unique_ptr<QCustomPlot> savingsPlot_;
    std::unique_ptr<QCustomPlot> ratePlot_;
    std::unique_ptr<SavingsChartController> savingsController_;
    std::unique_ptr<RateImpactChartController> rateController_;
};

//! Draws a plot as vectors into rect (device pixels) of a painter on a device of `dpi`: the plot
//! is laid out at 96 units an inch and scaled, with every font in pixels so that the plot's own
//! text measurement and the drawn text agree at any resolution.
void drawPlot(QCustomPlot* plot, QCPPainter& painter, const QRectF& rect, double dpi);

} // namespace report
} // namespace sharecast::ui
