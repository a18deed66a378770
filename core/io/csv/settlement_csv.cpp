#include "io/csv/settlement_csv.h"

#include "engine/rounding.h"
#include "io/csv/csv_numbers.h"
#include "io/csv/csv_writer.h"

namespace sharecast::io {

namespace {
using csvtext::flag;
using csvtext::money;
using csvtext::rate;
} // namespace

namespace {
QStringList baseColumns()
{
    return {
        "plan_id",  "expected",   "actual",        "gross_savings", "savings_rate",   "members",
        "msr",      "mlr",        "quality_score", "quality_gate",  "tcc_trend_gate", "appropriateness_flag",
        "eligible", "share_rate", "plan_payment",  "program_net",   "federal_share",  "state_share"};
}

QString corridorColumn(const Corridor& c, std::size_t i)
{
    return QStringLiteral("corridor_%1")
        .arg(c.name.empty() ? QString::number(i + 1) : QString::fromStdString(c.name));
}
} // namespace

QStringList settlementColumns(const Scenario& scenario)
{
    QStringList columns = baseColumns();
    for (std::size_t i = 0; i < scenario.corridors.size(); ++i)
        columns << corridorColumn(scenario.corridors[i], i);
    if (scenario.blend)
        columns << QStringLiteral("blend_true_up");
    if (scenario.mlrRemittance.enabled)
        columns << QStringLiteral("medical_loss_ratio") << QStringLiteral("mlr_remittance");
    if (scenario.federalLimits.enabled)
        columns << QStringLiteral("capitation_revenue") << QStringLiteral("incentive_ratio")
                << QStringLiteral("incentive_limit_flag") << QStringLiteral("ilos_cost")
                << QStringLiteral("ilos_ratio") << QStringLiteral("ilos_limit_flag")
                << QStringLiteral("ilos_evaluation_flag");
    return columns;
}

QStringList furtherToolsRow(const PlanSettlement& p, const Scenario& scenario)
{
    QStringList row;
    for (const CorridorResult& c : p.corridors)
        row << money(c.settlement);
    if (scenario.blend)
        row << (p.blend ? money(p.blend->trueUp) : QString());
    if (scenario.mlrRemittance.enabled)
        row << (p.mlrRemittance ? rate(p.mlrRemittance->ratio) : QString())
            << (p.mlrRemittance ? money(p.mlrRemittance->remittance) : QString());
    if (scenario.federalLimits.enabled) {
        // Flags are empty when a plan has no capitation revenue to check them against.
        const FederalLimitsResult* f = p.federalLimits ? &*p.federalLimits : nullptr;
        const bool checked = f && !f->noRevenue;
        row << (f ? money(f->revenue) : QString()) << (checked ? rate(*f->incentiveRatio) : QString())
            << (checked ? flag(f->incentiveExceeded) : QString()) << (f ? money(f->ilosCost) : QString())
            << (checked ? rate(*f->ilosRatio) : QString()) << (checked ? flag(f->ilosExceeded) : QString())
            << (checked ? flag(f->ilosEvaluationDue) : QString());
    }
    return row;
}

QStringList totalsSettlementColumns()
{
    return {"entity_id", "expected", "actual",     "gross_savings", "savings_rate", "members",
            "msr",       "mlr",      "share_rate", "plan_payment",  "program_net"};
}

QStringList settlementRow(const PlanSettlement& p)
{
    return {QString::fromStdString(p.planId),
            money(p.expected),
            money(p.actual),
            money(p.grossSavings),
            rate(p.savingsRate),
            QString::fromStdString(formatMembers(p.members)),
            rate(p.msr.rate),
            rate(p.mlr.rate),
            rate(p.quality.composite),
            flag(p.quality.gatePassed),
            p.tccTrend.enabled ? flag(p.tccTrend.passed) : QString(),
            p.appropriateness.enabled ? flag(p.appropriateness.tripped) : QString(),
            flag(p.eligible),
            rate(p.shareRate),
            money(p.payment.payment),
            money(p.programNet),
            money(p.split.federal),
            money(p.split.state)};
}

QStringList totalsSettlementRow(const EntitySettlement& e)
{
    return {QString::fromStdString(e.entityId),
            money(e.expected),
            money(e.actual),
            money(e.grossSavings),
            rate(e.savingsRate),
            QString::fromStdString(formatMembers(e.members)),
            rate(e.msr.rate),
            rate(e.mlr.rate),
            rate(e.shareRate),
            money(e.payment.payment),
            money(e.programNet)};
}

QByteArray settlementCsv(const Settlement& s, const Scenario& scenario)
{
    CsvWriter w;
    const QStringList header = settlementColumns(scenario);
    w.addRow(header);
    for (const PlanSettlement& p : s.plans)
        w.addResultRow(header, settlementRow(p) + furtherToolsRow(p, scenario),
                       QStringLiteral("plan %1").arg(QString::fromStdString(p.planId)));
    return w.bytes();
}

QByteArray totalsSettlementCsv(const TotalsSettlement& s)
{
    CsvWriter w;
    const QStringList header = totalsSettlementColumns();
    w.addRow(header);
    for (const EntitySettlement& e : s.entities)
        w.addResultRow(header, totalsSettlementRow(e),
                       QStringLiteral("entity %1").arg(QString::fromStdString(e.entityId)));
    return w.bytes();
}

} // namespace sharecast::io
