#pragma once
//! Regional rates, winners and losers (docs/methodology.md "Regional rates"): the change in
//! capitation dollars over the projection's rate years by county (top) and by plan (bottom),
//! gains and losses as bars of their own colour, largest gain first.

#include "engine/regional_rates.h"

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPAxisRect;
class QCPBars;
class QCPItemText;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the winners/losers bars and redraws them whenever the document has new results; without
//! regional_rates in the scenario it says so in the chart.
class RegionalRatesChartController : public ChartController {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current projection.
    RegionalRatesChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! Whether the scenario configures regional rates (else the chart shows noticeText()).
    bool configured() const { return configured_; }
    //! The text shown in place of the bars, empty when configured.
    QString noticeText() const;
    //! The counties drawn, largest gain first, and their change in dollars (summed over years).
    const QStringList& counties() const { return counties_; }
    const QVector<double>& countyChange() const { return countyChange_; }
    //! The plans drawn, largest gain first, and their change in dollars.
    const QStringList& plans() const { return plans_; }
    const QVector<double>& planChange() const { return planChange_; }
    //! The regional rates drawn (empty when not configured).
    const RegionalRates& rates() const { return rates_; }
    //! The hover text at a pixel: the county or plan under it with its change and old dollars.
    QString hoverText(const QPoint& pos) const override;

private:
    struct Panel {
        QCPAxisRect* rect = nullptr;
        QCPBars* gains = nullptr;
        QCPBars* losses = nullptr;
    };
    void redraw();
    void drawPanel(const Panel& panel, const std::vector<RegionalRateTotal>& totals, QStringList& keys,
                   QVector<double>& change, QVector<double>& old);

    ProjectDocument* document_;
    Panel byCounty_, byPlan_;
    QCPItemText* notice_ = nullptr;
    bool configured_ = false;
    RegionalRates rates_;
    QStringList counties_, plans_;
    QVector<double> countyChange_, planChange_, countyOld_, planOld_;
};

} // namespace sharecast::ui
