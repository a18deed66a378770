#include "ui/analysis/funding_flows_view.h"

#include "ui/charts/funding_flow_chart.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace sharecast::ui {

FundingFlowsView::FundingFlowsView(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    plans_ = new QComboBox;
    plans_->setObjectName(QStringLiteral("fundingFlowsPlan"));
    plans_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(new QLabel(tr("Flows of")));
    top->addWidget(plans_);
    auto* hint = new QLabel(tr("Band widths are dollars. PATH and other grants reach the partners without "
                               "passing through a plan. Hover a band or a node for its amount."));
    hint->setStyleSheet(QStringLiteral("color: #555;"));
    top->addSpacing(12);
    top->addWidget(hint, 1);
    layout->addLayout(top);
    plot_ = new QCustomPlot;
    plot_->setObjectName(QStringLiteral("fundingFlowChart"));
    chart_ = new FundingFlowChartController(document_, plot_, plot_);
    layout->addWidget(plot_, 1);

    connect(plans_, &QComboBox::currentIndexChanged, this, [this] {
        const QString id = plans_->currentData().toString();
        chart_->setPlan(id.isEmpty() ? std::nullopt : std::optional<std::string>(id.toStdString()));
    });
    connect(document_, &ProjectDocument::resultsChanged, this, &FundingFlowsView::refreshPlans);
    refreshPlans();
}

void FundingFlowsView::refreshPlans()
{
    const QString current = plans_->currentData().toString();
    const QSignalBlocker block(plans_);
    plans_->clear();
    plans_->addItem(tr("all plans"), QString());
    if (const PartnershipLedger* ledger = document_->partnershipLedger())
        for (const PlanPartnerships& p : ledger->plans) {
            const QString id = QString::fromStdString(p.planId);
            const QString name = QString::fromStdString(document_->experience().planName(p.planId));
            plans_->addItem(name.isEmpty() || name == id ? id : QStringLiteral("%1 · %2").arg(id, name), id);
        }
    const int at = plans_->findData(current);
    plans_->setCurrentIndex(at < 0 ? 0 : at);
    plans_->setEnabled(plans_->count() > 1);
    if (at < 0 && chart_->plan())
        chart_->setPlan(std::nullopt);
}

} // namespace sharecast::ui
