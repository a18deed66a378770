#include "io/csv/projection_csv.h"

#include "engine/rounding.h"
#include "io/csv/csv_numbers.h"
#include "io/csv/csv_writer.h"

namespace sharecast::io {

namespace {
using csvtext::money;
} // namespace

QStringList projectionColumns()
{
    return {"plan_id",
            "year",
            "member_months",
            "counterfactual_cost",
            "projected_cost",
            "investment",
            "benchmark",
            "gross_savings",
            "plan_payment",
            "rate_rebased_pmpm",
            "rate_nonrebased_pmpm",
            "rate_impact",
            "margin_rebased",
            "margin_nonrebased",
            "state_cost_rebased",
            "state_cost_nonrebased",
            "federal_share_nonrebased",
            "net_state_saving_nonrebased",
            "net_state_saving_rebased"};
}

QStringList projectionRow(const QString& planId, const ProjectionYear& y)
{
    return {planId,
            QString::number(y.year),
            QString::fromStdString(formatFixed(y.memberMonths, 2)),
            money(y.counterfactualCost),
            money(y.projectedCost),
            money(y.investment),
            money(y.benchmark),
            money(y.grossSavings),
            money(y.payment.payment),
            money(y.rateRebased),
            money(y.rateNonRebased),
            money(y.rateImpact),
            money(y.marginRebased),
            money(y.marginNonRebased),
            money(y.stateCostRebased),
            money(y.stateCostNonRebased),
            money(y.federalShareNonRebased),
            money(y.netStateSavingNonRebased),
            money(y.netStateSavingRebased)};
}

QByteArray projectionCsv(const Projection& p)
{
    CsvWriter w;
    const QStringList header = projectionColumns();
    w.addRow(header);
    for (const PlanProjection& plan : p.plans)
        for (const ProjectionYear& y : plan.years)
            w.addResultRow(
                header, projectionRow(QString::fromStdString(plan.planId), y),
                QStringLiteral("plan %1, %2").arg(QString::fromStdString(plan.planId)).arg(y.year));
    for (const ProjectionYear& y : p.all)
        w.addResultRow(header, projectionRow(QStringLiteral("ALL"), y),
                       QStringLiteral("all plans, %1").arg(y.year));
    return w.bytes();
}

} // namespace sharecast::io
