#include "ui/document/partnership_text.h"

#include "ui/document/format.h"

#include <QObject>

namespace sharecast::ui {

namespace {

QString signedNumber(double v, int decimals)
{
    const QString s = formatNumber(v, decimals);
    return v > 0.0 && s != formatNumber(0.0, decimals) ? QStringLiteral("+") + s : s;
}

} // namespace

PlanPartnershipLine planPartnershipLine(const PlanPartnerships& plan, const QString& planName)
{
    PlanPartnershipLine out;
    out.planId = QString::fromStdString(plan.planId);
    const LedgerAmounts& a = plan.amounts;
    const int partners = static_cast<int>(plan.partners.size());
    QString s = planName.isEmpty() || planName == out.planId
                    ? out.planId
                    : QStringLiteral("%1 (%2)").arg(out.planId, planName);
    s += (partners == 1 ? QObject::tr(": 1 partner paid %1 by the plan")
                        : QObject::tr(": %1 partners paid %2 by the plan").arg(partners))
             .arg(formatCompactDollars(a.planPayments()));
    if (a.grants() > 0.0)
        s += QObject::tr(", grants another %1").arg(formatCompactDollars(a.grants()));
    const Dollars p = plan.figures.payment;
    switch (plan.funding) {
    case PassThroughFunding::None: s += QObject::tr("; no savings pass-through"); break;
    case PassThroughFunding::Funded:
        s += QObject::tr("; pass-through %1 funded by its %2 shared-savings payment")
                 .arg(formatCompactDollars(a.passThrough), formatCompactDollars(p));
        break;
    case PassThroughFunding::NoPayment:
        out.flagged = true;
        s += QObject::tr("; promised %1 of its shared savings but received no payment%2: nothing is owed")
                 .arg(formatPercent(plan.passThroughShares, 0),
                      p < 0.0 ? QObject::tr(" (it owes %1 of a loss)").arg(formatCompactDollars(-p))
                              : QString());
        break;
    case PassThroughFunding::OverCommitted:
        out.flagged = true;
        s += QObject::tr(
                 "; promised %1 of its %2 shared-savings payment: pass-through %3 is more than it received")
                 .arg(formatPercent(plan.passThroughShares, 0), formatCompactDollars(p),
                      formatCompactDollars(a.passThrough));
        break;
    }
    if (!plan.settled)
        s += QObject::tr("; not in this year's settlement, so no pass-through and no avoided cost kept");
    else
        s += QObject::tr("; MCP value %1").arg(formatCompactDollars(a.mcpValue()));
    out.text = s + u'.';
    return out;
}

QString outcomeText(const PartnershipLine& line)
{
    if (line.outcomeMeasure.empty())
        return QStringLiteral("—");
    const QString measure = QString::fromStdString(line.outcomeMeasure);
    if (!line.outcomeChange)
        return QObject::tr("%1: not measured").arg(measure);
    return QStringLiteral("%1 %2").arg(measure, signedNumber(*line.outcomeChange, 1));
}

QString creditText(const PartnershipLine& line)
{
    if (line.outcomeMeasure.empty())
        return QStringLiteral("—");
    if (!line.outcomeMet)
        return QObject::tr("not measured");
    const QString share = formatPercent(line.outcomeCredit, 0);
    if (*line.outcomeMet)
        return QObject::tr("met: %1").arg(share);
    return (line.outcomeCredit > 0.0 ? QObject::tr("partial: %1") : QObject::tr("not met: %1")).arg(share);
}

} // namespace sharecast::ui
