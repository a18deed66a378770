#pragma once
//! The report's charts, built by the workbench's own chart controllers on off-screen plots and
//! drawn as vectors into the report (QCustomPlot::toPainter), styled for paper.

#include <QRectF>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

class QCPPainter;
class QCustomPlot;

namespace sharecast::ui {

class FundingFlowChartController;
class ProjectDocument;
class RebasingChartController;
class RegionalRatesChartController;
class SavingsChartController;

namespace report {

//! Savings by plan and the cost of not rebasing over the projection years, for one document's results;
//! with regional rates in the scenario also their winners and losers, and with a partnership ledger
//! the partners' funding flows.
class ReportCharts {
public:
    //! Builds both charts from the document's current results; the plans in `suppressed` (public
    //! mode: fewer than 11 members) are left without bars.
    ReportCharts(ProjectDocument* document, const QSet<QString>& suppressed);
    ~ReportCharts();
    ReportCharts(const ReportCharts&) = delete;
    ReportCharts& operator=(const ReportCharts&) = delete;

    QCustomPlot* savings() const { return savingsPlot_.get(); }
    //! The program's saving with rates rebased and not, and the yearly cost of not rebasing.
    QCustomPlot* rebasing() const { return rebasingPlot_.get(); }
    //! The regional rates' winners and losers; null when the scenario configures none.
    QCustomPlot* regionalRates() const { return regionalPlot_.get(); }
    //! Where the partners' money comes from (all plans); null without a partnership ledger.
    QCustomPlot* fundingFlows() const { return flowPlot_.get(); }

private:
    std::unique_ptr<QCustomPlot> savingsPlot_;
    std::unique_ptr<QCustomPlot> rebasingPlot_;
    std::unique_ptr<QCustomPlot> regionalPlot_;
    std::unique_ptr<QCustomPlot> flowPlot_;
    std::unique_ptr<SavingsChartController> savingsController_;
    std::unique_ptr<RebasingChartController> rebasingController_;
    std::unique_ptr<RegionalRatesChartController> regionalController_;
    std::unique_ptr<FundingFlowChartController> flowController_;
};

//! One plan of the chance chart (§13): its savings rate S with its interval, and its MSR m.
struct ChanceInterval {
    QString plan;
    double rate = 0.0, low = 0.0, high = 0.0; //!< S and its interval (fractions)
    double msr = 0.0;
    bool straddles = false; //!< the interval contains m: within chance of the MSR
    bool shown = true;      //!< false: suppressed (public mode), its tick stays without a mark
};

//! Each plan's savings rate as a dot with its interval as a whisker, and its MSR as a dash;
//! plans whose interval contains the MSR in the highlight colour. `confidence`: "90 %".
std::unique_ptr<QCustomPlot> chanceIntervalPlot(const std::vector<ChanceInterval>& plans,
                                                const QString& confidence);

//! The statewide payment of each Monte Carlo draw by chance and around the result, as the share
//! of draws in each $ band (the same bands for both), with the payment made marked.
std::unique_ptr<QCustomPlot> chancePaymentPlot(const std::vector<double>& byChance,
                                               const std::vector<double>& around, double paid);

//! One bar of a tornado (methodology §14): the metric with one assumption at its low and at its
//! high value, every other as in the scenario.
struct TornadoBar {
    QString label;             //!< the key
    double atLow = 0.0;        //!< the metric at the low value, dollars
    double atHigh = 0.0;       //!< the metric at the high value, dollars
    QString lowText, highText; //!< the low and high values as printed ("3.15 %")
};

//! A tornado: one row per bar (the first at the top), a bar from the base to the metric at the
//! key's low value and one to the metric at its high value, each end labelled with the value; the
//! base as a line. `metric`: the axis's name of the metric ("Program net").
std::unique_ptr<QCustomPlot> tornadoPlot(const std::vector<TornadoBar>& bars, double base,
                                         const QString& metric);

//! Draws a plot as vectors into rect (device pixels) of a painter on a device of `dpi`: the plot
//! is laid out at 96 units an inch and scaled, with every font in pixels so that the plot's own
//! text measurement and the drawn text agree at any resolution.
void drawPlot(QCustomPlot* plot, QCPPainter& painter, const QRectF& rect, double dpi);

} // namespace report
} // namespace sharecast::ui
