#include "ui/analysis/uncertainty_view.h"

#include "ui/charts/payment_histogram.h"
#include "ui/charts/validity_chart.h"
#include "ui/document/fit_columns.h"
#include "ui/document/format.h"
#include "ui/document/frozen_column_table_view.h"
#include "ui/document/validity_model.h"
#include "ui/document/validity_runner.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace sharecast::ui {

UncertaintyView::UncertaintyView(ProjectDocument* document, ValidityRunner* runner, QWidget* parent)
    : QWidget(parent), runner_(runner)
{
    auto* layout = new QVBoxLayout(this);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("monteCarloStatus"));
    status_->setStyleSheet(QStringLiteral("color: #444;"));
    layout->addWidget(status_);

    auto* intervals = new QCustomPlot;
    intervals->setObjectName(QStringLiteral("intervalChart"));
    intervalChart_ = new ValidityChartController(document, runner, intervals, intervals);
    auto* payments = new QCustomPlot;
    payments->setObjectName(QStringLiteral("paymentHistogram"));
    histogram_ = new PaymentHistogramController(document, runner, payments, payments);

    model_ = new ValidityModel(document, runner, this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(Qt::UserRole);
    table_ = new FrozenColumnTableView(2); // plan and name stay in view while the figures scroll
    table_->setObjectName(QStringLiteral("validityTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(-1, Qt::AscendingOrder); // the settlement's order until the user sorts
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setVisible(false);
    new FitColumnsToContents(table_);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    Q_EMIT planSelected(model_->planId(proxy_->mapToSource(current).row()));
            });

    // The interval chart the whole height on the left (a row per plan); on the right the
    // payment distribution over the table.
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(payments);
    right->addWidget(table_);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(intervals);
    split->addWidget(right);
    // The histogram and the table (false-reward odds, members needed) share the right side
    // evenly; the right side gets as much width as the interval chart.
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    for (auto signal : {&ValidityRunner::monteCarloStarted, &ValidityRunner::monteCarloFinished,
                        &ValidityRunner::fanStarted, &ValidityRunner::fanFinished})
        connect(runner_, signal, this, &UncertaintyView::refreshStatus);
    refreshStatus();
}

void UncertaintyView::refreshStatus()
{
    const Validity& v = runner_->validity();
    const QString draws = formatNumber(static_cast<double>(v.draws), 0);
    QString mc;
    if (runner_->monteCarloRunning())
        mc = tr("Monte Carlo: running (%1 draws)…").arg(draws);
    else if (v.monteCarloDone)
        mc = tr("Monte Carlo: %1 draws, seed %2").arg(draws).arg(v.seed);
    else
        mc = v.plans.empty() ? tr("Monte Carlo: not run (no plans settled)") : tr("Monte Carlo: not run");
    const QString fanDraws = formatNumber(static_cast<double>(ValidityRunner::fanDraws(v.draws)), 0);
    const QString fan =
        runner_->fanRunning() ? tr("projection fan: running (%1 draws)…").arg(fanDraws)
        : runner_->fan()
            ? tr("projection fan: %1 draws").arg(formatNumber(static_cast<double>(runner_->fan()->draws), 0))
            : tr("projection fan: not run");
    status_->setText(
        tr("%1 · %2 · σ, interval and probabilities are closed forms (§13), shown at once").arg(mc, fan));
}

} // namespace sharecast::ui
