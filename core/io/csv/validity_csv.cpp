#include "io/csv/validity_csv.h"

#include "io/csv/csv_numbers.h"
#include "io/csv/csv_writer.h"

namespace sharecast::io {

using csvtext::members;
using csvtext::money;
using csvtext::rate;

namespace {

QStringList paymentFields(const PaymentDistribution& d, bool done)
{
    if (!done)
        return {QString(), QString(), QString(), QString(), QString()};
    return {money(d.chanceMean), money(d.chanceP95), money(d.p05), money(d.p50), money(d.p95)};
}

} // namespace

QStringList validityColumns()
{
    return {"plan_id",
            "members",
            "cv",
            "sigma",
            "msr",
            "mlr",
            "savings_rate",
            "ci_low",
            "ci_high",
            "p_false_reward",
            "p_false_penalty",
            "power",
            "members_needed",
            "chance_payment_mean",
            "chance_payment_p95",
            "payment_p05",
            "payment_p50",
            "payment_p95"};
}

QByteArray validityCsv(const Validity& v)
{
    const QStringList header = validityColumns();
    CsvWriter w;
    w.addRow(header);
    for (const PlanValidity& p : v.plans) {
        QStringList row{QString::fromStdString(p.planId),
                        members(p.members),
                        rate(p.cv),
                        rate(p.sigma),
                        rate(p.msr),
                        rate(p.mlr),
                        rate(p.savingsRate),
                        rate(p.ciLow),
                        rate(p.ciHigh),
                        rate(p.pFalseReward),
                        rate(p.pFalsePenalty),
                        rate(p.power),
                        p.membersNeeded ? QString::number(*p.membersNeeded) : QString()};
        row << paymentFields(p.payment, v.monteCarloDone);
        w.addResultRow(header, row, QStringLiteral("plan %1").arg(QString::fromStdString(p.planId)));
    }
    QStringList all{QStringLiteral("ALL")};
    for (int i = 1; i < 13; ++i)
        all << QString();
    all << paymentFields(v.all, v.monteCarloDone);
    w.addResultRow(header, all, QStringLiteral("the ALL row"));
    return w.bytes();
}

QByteArray projectionFanCsv(const ProjectionFan& fan)
{
    const QStringList header{"year", "metric", "p05", "p50", "p95"};
    CsvWriter w;
    w.addRow(header);
    for (const FanYear& y : fan.years) {
        const std::pair<const char*, const FanYear::Band*> metrics[] = {
            {"gross_savings", &y.grossSavings},
            {"plan_payment", &y.planPayment},
            {"rate_impact", &y.rateImpact},
            {"net_state_saving_nonrebased", &y.netStateSavingNonRebased}};
        for (const auto& [name, band] : metrics)
            w.addResultRow(header,
                           {QString::number(y.year), QString::fromLatin1(name), money(band->p05),
                            money(band->p50), money(band->p95)},
                           QStringLiteral("the fan of %1").arg(y.year));
    }
    return w.bytes();
}

} // namespace sharecast::io
