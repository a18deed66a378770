#pragma once
//! Statewide waterfall of the settlement: expected cost, the gross savings step, actual cost; then
//! the gross savings split into plan payments and program net, and the program net into the
//! federal and state shares (methodology §8–§9), in $ millions.

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPAxisRect;
class QCPBars;
class QCPItemText;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the waterfall's two panels (cost on a scale that does not start at zero, the split of the
//! savings on one that does) and redraws them whenever the document has new results.
class WaterfallChartController : public ChartController {
    Q_OBJECT
public:
    //! Builds the chart on plot and draws the document's current results.
    WaterfallChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! The categories in drawing order (expected cost, gross savings, actual cost, gross savings,
    //! plan payments, program net, federal share, state share).
    const QStringList& categories() const { return categories_; }
    //! Each category's value ($M): a level for the totals, the signed change for the steps
    //! (−gross savings, −plan payments, −federal share).
    const QVector<double>& valuesMillions() const { return values_; }
    //! The bottom of each floating bar ($M).
    const QVector<double>& lowerMillions() const { return lower_; }
    //! The top of each floating bar ($M).
    const QVector<double>& upperMillions() const { return upper_; }
    //! The hover text at a pixel of the plot (empty away from a bar).
    QString hoverText(const QPoint& pos) const override;

private:
    enum class Kind { Total, StepDown, StepUp };
    void redraw();
    void fitValueLabels();
    void clampCostBars();

    ProjectDocument* document_;
    QCPAxisRect* costRect_ = nullptr;
    QCPAxisRect* splitRect_ = nullptr;
    QVector<QCPBars*> bars_;         //!< one per category (each has its own base value)
    QVector<QCPItemText*> labels_;   //!< the value over each bar
    QCPBars* legendTotal_ = nullptr; //!< empty bars that only carry the legend entries
    QCPBars* legendDown_ = nullptr;
    QCPBars* legendUp_ = nullptr;
    QStringList categories_;
    QVector<double> values_, lower_, upper_;
    QVector<Kind> kinds_;
};

} // namespace sharecast::ui
