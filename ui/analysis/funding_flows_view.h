#pragma once
//! The Funding flows tab (docs/methodology.md, "Partnerships: funding flows"): the flow diagram of
//! the partners' money for the performance year, for all plans or the plan chosen.

#include <QWidget>

class QComboBox;
class QCustomPlot;

namespace sharecast::ui {

class FundingFlowChartController;
class ProjectDocument;

//! A plan chooser over the funding-flow chart; follows the document's results.
class FundingFlowsView : public QWidget {
    Q_OBJECT
public:
    explicit FundingFlowsView(ProjectDocument* document, QWidget* parent = nullptr);

    //! "All plans", then each plan with partners (item data: the plan id, empty for all).
    QComboBox* planChooser() const { return plans_; }
    FundingFlowChartController* chart() const { return chart_; }
    QCustomPlot* plot() const { return plot_; }

private:
    void refreshPlans();

    ProjectDocument* document_;
    QComboBox* plans_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    FundingFlowChartController* chart_ = nullptr;
};

} // namespace sharecast::ui
