#include "io/csv/partnerships_ledger_csv.h"

#include "io/csv/csv_numbers.h"
#include "io/csv/csv_writer.h"

#include <map>

namespace sharecast::io {

namespace {

using Row = std::map<QString, QString>;

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

QString optMoney(const std::optional<double>& x)
{
    return x ? csvtext::money(*x) : QString();
}

// The columns every level has: the amounts and what follows from them.
void amounts(Row& r, const LedgerAmounts& a)
{
    using namespace csvtext;
    r[QStringLiteral("members_engaged")] = members(a.membersEngaged);
    r[QStringLiteral("member_months")] = members(a.memberMonths);
    r[QStringLiteral("pmpm_revenue")] = money(a.pmpmRevenue);
    r[QStringLiteral("outreach_revenue")] = money(a.outreachRevenue);
    r[QStringLiteral("outcome_bonus")] = money(a.outcomeBonus);
    r[QStringLiteral("pass_through")] = money(a.passThrough);
    r[QStringLiteral("operating_revenue")] = money(a.operatingRevenue());
    r[QStringLiteral("grant_ipp")] = money(a.grantIpp);
    r[QStringLiteral("grant_path")] = money(a.grantPath);
    r[QStringLiteral("grant_other")] = money(a.grantOther);
    r[QStringLiteral("grants")] = money(a.grants());
    r[QStringLiteral("total_revenue")] = money(a.totalRevenue());
    r[QStringLiteral("operating_cost")] = money(a.operatingCost);
    r[QStringLiteral("sustainability")] = rate(a.sustainability());
    r[QStringLiteral("grant_months")] = rate(a.grantMonths());
    r[QStringLiteral("gap_after_grants")] = money(a.gapAfterGrants());
    r[QStringLiteral("avoided_cost")] = money(a.avoidedCost);
    r[QStringLiteral("avoided_cost_kept")] = money(a.avoidedCostKept);
    r[QStringLiteral("plan_payments")] = money(a.planPayments());
    r[QStringLiteral("mcp_value")] = money(a.mcpValue());
    r[QStringLiteral("avoided_per_1000")] = optMoney(a.avoidedPerThousand());
    r[QStringLiteral("federal_share")] = money(a.federal);
    r[QStringLiteral("state_share")] = money(a.state);
}

Row base(const char* level, Year year, const QString& plan, const QString& partner)
{
    return Row{{QStringLiteral("level"), QString::fromLatin1(level)},
               {QStringLiteral("year"), QString::number(year)},
               {QStringLiteral("plan_id"), plan},
               {QStringLiteral("partner_id"), partner}};
}

} // namespace

QStringList partnershipLedgerColumns()
{
    return {QStringLiteral("level"),
            QStringLiteral("year"),
            QStringLiteral("plan_id"),
            QStringLiteral("partner_id"),
            QStringLiteral("partner_name"),
            QStringLiteral("service"),
            QStringLiteral("members_engaged"),
            QStringLiteral("member_months"),
            QStringLiteral("pmpm"),
            QStringLiteral("outreach_fee"),
            QStringLiteral("outreach_cap"),
            QStringLiteral("outcome_bonus_offered"),
            QStringLiteral("pass_through_share"),
            QStringLiteral("terms_from_scenario"),
            QStringLiteral("pmpm_revenue"),
            QStringLiteral("outreach_uncapped"),
            QStringLiteral("outreach_capped"),
            QStringLiteral("outreach_revenue"),
            QStringLiteral("outcome_measure"),
            QStringLiteral("outcome_change"),
            QStringLiteral("outcome_met"),
            QStringLiteral("outcome_credit"),
            QStringLiteral("outcome_bonus"),
            QStringLiteral("pass_through"),
            QStringLiteral("operating_revenue"),
            QStringLiteral("grant_ipp"),
            QStringLiteral("grant_path"),
            QStringLiteral("grant_other"),
            QStringLiteral("grants"),
            QStringLiteral("total_revenue"),
            QStringLiteral("operating_cost"),
            QStringLiteral("sustainability"),
            QStringLiteral("grant_months"),
            QStringLiteral("gap_after_grants"),
            QStringLiteral("avoided_cost"),
            QStringLiteral("kept_share"),
            QStringLiteral("avoided_cost_kept"),
            QStringLiteral("plan_payments"),
            QStringLiteral("mcp_value"),
            QStringLiteral("avoided_per_1000"),
            QStringLiteral("fmap"),
            QStringLiteral("federal_share"),
            QStringLiteral("state_share"),
            QStringLiteral("plan_gross_savings"),
            QStringLiteral("plan_payment"),
            QStringLiteral("plan_program_net"),
            QStringLiteral("pass_through_shares"),
            QStringLiteral("pass_through_funding")};
}

QByteArray partnershipLedgerCsv(const PartnershipLedger& ledger)
{
    using namespace csvtext;
    const QStringList header = partnershipLedgerColumns();
    CsvWriter w;
    w.addRow(header);
    const auto write = [&](const Row& r, const QString& who) {
        QStringList fields;
        for (const QString& c : header) {
            const auto it = r.find(c);
            fields << (it == r.end() ? QString() : it->second);
        }
        w.addResultRow(header, fields, who);
    };
    const QString all = QStringLiteral("ALL");
    for (const PartnershipLine& l : ledger.lines) {
        Row r = base("contract", ledger.year, text(l.planId), text(l.partnerId));
        r[QStringLiteral("partner_name")] = text(l.partnerName);
        r[QStringLiteral("service")] = text(l.service);
        r[QStringLiteral("pmpm")] = money(l.pmpm);
        r[QStringLiteral("outreach_fee")] = money(l.outreachFee);
        r[QStringLiteral("outreach_cap")] = optMoney(l.outreachCap);
        r[QStringLiteral("outcome_bonus_offered")] = money(l.outcomeBonusOffered);
        r[QStringLiteral("pass_through_share")] = rate(l.passThroughShare);
        r[QStringLiteral("terms_from_scenario")] = flag(l.termsFromScenario);
        r[QStringLiteral("outreach_uncapped")] = money(l.outreachUncapped);
        r[QStringLiteral("outreach_capped")] = flag(l.outreachCapped);
        r[QStringLiteral("outcome_measure")] = text(l.outcomeMeasure);
        r[QStringLiteral("outcome_change")] = rate(l.outcomeChange);
        r[QStringLiteral("outcome_met")] = l.outcomeMet ? flag(*l.outcomeMet) : QString();
        r[QStringLiteral("outcome_credit")] = rate(l.outcomeCredit);
        r[QStringLiteral("kept_share")] = rate(l.keptShare);
        r[QStringLiteral("fmap")] = rate(l.fmap);
        amounts(r, l.amounts);
        write(
            r,
            QStringLiteral("contract %1 / %2 / %3").arg(text(l.planId), text(l.partnerId), text(l.service)));
    }
    for (const PartnerTotals& p : ledger.partners) {
        Row r = base("partner", ledger.year, all, text(p.partnerId));
        r[QStringLiteral("partner_name")] = text(p.partnerName);
        amounts(r, p.amounts);
        write(r, QStringLiteral("partner %1").arg(text(p.partnerId)));
    }
    for (const PlanPartnerships& p : ledger.plans) {
        Row r = base("plan", ledger.year, text(p.planId), all);
        amounts(r, p.amounts);
        r[QStringLiteral("kept_share")] = rate(p.keptShare);
        r[QStringLiteral("fmap")] = rate(p.figures.fmap);
        if (p.settled) {
            r[QStringLiteral("plan_gross_savings")] = money(p.figures.grossSavings);
            r[QStringLiteral("plan_payment")] = money(p.figures.payment);
            r[QStringLiteral("plan_program_net")] = money(p.figures.programNet);
        }
        r[QStringLiteral("pass_through_shares")] = rate(p.passThroughShares);
        r[QStringLiteral("pass_through_funding")] = QString::fromLatin1(passThroughFundingName(p.funding));
        write(r, QStringLiteral("plan %1").arg(text(p.planId)));
    }
    Row r = base("statewide", ledger.year, all, all);
    amounts(r, ledger.statewide);
    write(r, QStringLiteral("statewide"));
    return w.bytes();
}

QByteArray fundingFlowsCsv(const FundingFlows& flows, Year year)
{
    const QStringList header{QStringLiteral("year"),        QStringLiteral("from"),
                             QStringLiteral("from_column"), QStringLiteral("to"),
                             QStringLiteral("to_column"),   QStringLiteral("stream"),
                             QStringLiteral("amount")};
    CsvWriter w;
    w.addRow(header);
    for (const FlowLink& l : flows.links) {
        const FlowNode& from = flows.nodes[static_cast<std::size_t>(l.from)];
        const FlowNode& to = flows.nodes[static_cast<std::size_t>(l.to)];
        w.addResultRow(header,
                       {QString::number(year), QString::fromStdString(from.id), QString::number(from.column),
                        QString::fromStdString(to.id), QString::number(to.column),
                        QString::fromStdString(l.kind), csvtext::money(l.amount)},
                       QStringLiteral("flow %1 to %2")
                           .arg(QString::fromStdString(from.id), QString::fromStdString(to.id)));
    }
    return w.bytes();
}

} // namespace sharecast::io
