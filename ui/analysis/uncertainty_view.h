#pragma once
//! The Uncertainty tab (methodology §13): each plan's savings rate with its interval against the
//! MSR, the statewide payment's distribution from the Monte Carlo, and the validity table.

#include <QWidget>

class QCustomPlot;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace sharecast::ui {

class PaymentHistogramController;
class ProjectDocument;
class ValidityChartController;
class ValidityModel;
class ValidityRunner;

//! Shows what the runner has: the closed forms at once, the Monte Carlo's columns and histogram
//! when it finishes, with a status line saying which.
class UncertaintyView : public QWidget {
    Q_OBJECT
public:
    UncertaintyView(ProjectDocument* document, ValidityRunner* runner, QWidget* parent = nullptr);

    ValidityChartController* intervalChart() const { return intervalChart_; }
    PaymentHistogramController* histogram() const { return histogram_; }
    QTableView* table() const { return table_; }
    ValidityModel* model() const { return model_; }
    //! "Monte Carlo: running (N draws)…" or "Monte Carlo: N draws, seed S", and the fan's state.
    QLabel* status() const { return status_; }

Q_SIGNALS:
    //! The user selected a plan's row.
    void planSelected(const QString& planId);

private:
    void refreshStatus();

    ValidityRunner* runner_;
    QLabel* status_ = nullptr;
    ValidityChartController* intervalChart_ = nullptr;
    PaymentHistogramController* histogram_ = nullptr;
    ValidityModel* model_ = nullptr;
    QSortFilterProxyModel* proxy_ = nullptr;
    QTableView* table_ = nullptr;
};

} // namespace sharecast::ui
