#include "ui/report/report_partnerships.h"

#include "engine/disclosure.h"
#include "ui/document/format.h"
#include "ui/document/partnership_text.h"
#include "ui/report/report_format.h"

#include <algorithm>
#include <set>

namespace sharecast::ui::report {

namespace {

const QString kStar = QString::fromLatin1(disclosure::kMark);

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

TableColumn figure(const QString& header)
{
    return TableColumn{header, Qt::AlignRight, false, false};
}

QString optionalPercent(const std::optional<double>& v)
{
    return v ? percent(*v, 0) : QStringLiteral("—");
}

//! A table of one row per partner: its caption, small type, and the Partner column.
Table partnerTable(const QString& caption)
{
    Table t;
    t.caption = caption;
    t.fontPt = 7.5;
    t.minFontPt = 6.0;
    t.columns = {TableColumn{QStringLiteral("Partner"), Qt::AlignLeft, true, false}};
    return t;
}

//! The partner's row: its name, then its figures or "*" when withheld.
TableRow partnerRow(const PartnerTotals& p, const QStringList& figures, bool withheld)
{
    QStringList cells{text(p.partnerName)};
    for (const QString& f : figures)
        cells << (withheld ? kStar : f);
    return TableRow{cells};
}

} // namespace

bool PartnershipSuppression::any() const
{
    return totalsWithheld || std::find(partners.begin(), partners.end(), true) != partners.end() ||
           std::find(plans.begin(), plans.end(), true) != plans.end();
}

PartnershipSuppression partnershipSuppression(const PartnershipLedger& ledger, bool publicMode)
{
    PartnershipSuppression out;
    out.partners.assign(ledger.partners.size(), false);
    out.plans.assign(ledger.plans.size(), false);
    if (!publicMode)
        return out;
    // A contract engaging 1 to 10 members makes its partner's and its plan's figures small cells.
    std::set<std::string> smallPartners, smallPlans;
    for (const PartnershipLine& l : ledger.lines)
        if (disclosure::isSmallCount(l.amounts.membersEngaged)) {
            smallPartners.insert(l.partnerId);
            smallPlans.insert(l.planId);
        }
    std::vector<double> partnerSizes, planSizes;
    std::vector<bool> partnerPrimary, planPrimary;
    for (const PartnerTotals& p : ledger.partners) {
        partnerSizes.push_back(p.amounts.membersEngaged);
        partnerPrimary.push_back(smallPartners.count(p.partnerId) > 0);
    }
    for (const PlanPartnerships& p : ledger.plans) {
        planSizes.push_back(p.amounts.membersEngaged);
        planPrimary.push_back(smallPlans.count(p.planId) > 0);
    }
    const disclosure::Suppression byPartner =
        disclosure::complementarySuppression(partnerSizes, partnerPrimary);
    const disclosure::Suppression byPlan = disclosure::complementarySuppression(planSizes, planPrimary);
    out.partners = byPartner.suppressed;
    out.plans = byPlan.suppressed;
    out.totalsWithheld = byPartner.totalWithheld || byPlan.totalWithheld;
    return out;
}

QString partnershipsSummary(const PartnershipLedger& ledger, const PartnershipSuppression& suppression)
{
    const LedgerAmounts& a = ledger.statewide;
    int flagged = 0;
    for (const PlanPartnerships& p : ledger.plans)
        flagged +=
            p.funding == PassThroughFunding::NoPayment || p.funding == PassThroughFunding::OverCommitted;
    QString s = QStringLiteral("In %1, %2 plans held %3 contracts with %4 community-based organizations "
                               "delivering Enhanced Care Management and Community Supports")
                    .arg(ledger.year)
                    .arg(ledger.plans.size())
                    .arg(ledger.lines.size())
                    .arg(ledger.partners.size());
    if (suppression.totalsWithheld) {
        s += QStringLiteral(". Statewide figures are withheld in the public version (they would reveal a "
                            "small cell).");
    } else {
        s += QStringLiteral(": the plans paid them %1 (PMPM, outreach fees, outcome bonuses and savings "
                            "pass-through) and grants added %2. ")
                 .arg(dollars(a.planPayments()), dollars(a.grants()));
        // One partner's surplus does not cover another's gap: say how many fall short.
        int short_ = 0;
        for (const PartnerTotals& p : ledger.partners)
            short_ += p.amounts.gapAfterGrants() > 0.0 ? 1 : 0;
        if (const std::optional<Rate> sus = a.sustainability())
            s += QStringLiteral("Their operating revenue covers %1 of their operating cost in all%2; ")
                     .arg(percent(*sus, 0),
                          short_ == 0 ? QStringLiteral(", and each partner’s covers its own")
                                      : QStringLiteral(", but %1 of the %2 partners would fall short once "
                                                       "their grants end")
                                            .arg(short_)
                                            .arg(ledger.partners.size()));
        s += QStringLiteral("the plans keep %1 of the cost the services avoided after the shared-savings "
                            "settlement, a value of %2 after their payments.")
                 .arg(dollars(a.avoidedCostKept), dollars(a.mcpValue()));
    }
    if (flagged > 0)
        s += QStringLiteral(" %1 %2 a savings pass-through that the plan’s shared-savings payment does not "
                            "fund (flagged below).")
                 .arg(flagged)
                 .arg(flagged == 1 ? QStringLiteral("plan promises") : QStringLiteral("plans promise"));
    return s;
}

QString partnershipsExplanation()
{
    return QStringLiteral(
        "Each partnership is read three ways. The member’s win: members engaged, the outcome measure’s "
        "change from its baseline (whether the target was met and the share of the outcome bonus earned), "
        "and the cost the plan estimates the service avoided per 1,000 engaged members. The plan’s win (MCP "
        "value) = the avoided cost the plan keeps after the shared-savings settlement − its payments to the "
        "partner; the plan keeps the share of a dollar of savings that the settlement does not return to the "
        "program. The CBO’s win: operating revenue by source (PMPM per engaged member month, outreach fees "
        "up "
        "to their cap, the outcome bonus earned, and the pass-through: its share of the plan’s "
        "shared-savings "
        "payment, nothing when the plan received none); grants (IPP, PATH, other) are not operating revenue. "
        "Sustainability = operating revenue without grants ÷ operating cost (100 % or more: the service "
        "pays for itself); months the grants cover = 12 × grants ÷ operating cost; the gap when grants end "
        "= operating cost − operating revenue, if positive.");
}

QStringList partnershipPlanLines(const PartnershipLedger& ledger, const PartnershipSuppression& suppression,
                                 const std::function<QString(const std::string&)>& planName)
{
    QStringList out;
    for (std::size_t i = 0; i < ledger.plans.size(); ++i) {
        const PlanPartnerships& p = ledger.plans[i];
        if (i < suppression.plans.size() && suppression.plans[i]) {
            out << QStringLiteral(
                       "%1: withheld in the public version (a contract engaged fewer than 11 members).")
                       .arg(text(p.planId));
            continue;
        }
        const PlanPartnershipLine line = planPartnershipLine(p, planName(p.planId));
        out << (line.flagged ? QStringLiteral("Flag — ") + line.text : line.text);
    }
    return out;
}

Table partnershipWinsTable(const PartnershipLedger& ledger, const PartnershipSuppression& suppression,
                           const QString& caption)
{
    Table t = partnerTable(caption);
    t.columns.append(QList<TableColumn>{
        figure(QStringLiteral("Engaged members")), figure(QStringLiteral("Outcome targets met")),
        figure(QStringLiteral("Avoided cost per 1,000")), figure(QStringLiteral("Avoided cost kept")),
        figure(QStringLiteral("Paid to partner")), figure(QStringLiteral("MCP value")),
        figure(QStringLiteral("Operating revenue")), figure(QStringLiteral("Grants")),
        figure(QStringLiteral("Operating cost")), figure(QStringLiteral("Sustainability")),
        figure(QStringLiteral("Months grants cover")), figure(QStringLiteral("Gap when grants end"))});
    t.groups = {{QStringLiteral("Member"), 1, 3},
                {QStringLiteral("Plan (MCP)"), 4, 6},
                {QStringLiteral("CBO"), 7, 12}};
    // The figures of a row after its outcome targets met, and its gap ("—": the total row's).
    const auto figures = [](const LedgerAmounts& a, const QString& met, const QString& gap) {
        const std::optional<double> months = a.grantMonths();
        const std::optional<Dollars> avoided = a.avoidedPerThousand();
        return QStringList{count(a.membersEngaged),
                           met,
                           avoided ? dollars(*avoided) : QStringLiteral("—"),
                           dollars(a.avoidedCostKept),
                           dollars(a.planPayments()),
                           dollars(a.mcpValue()),
                           dollars(a.operatingRevenue()),
                           dollars(a.grants()),
                           dollars(a.operatingCost),
                           optionalPercent(a.sustainability()),
                           months ? formatNumber(*months, 1) : QStringLiteral("—"),
                           gap};
    };
    for (std::size_t i = 0; i < ledger.partners.size(); ++i) {
        const PartnerTotals& p = ledger.partners[i];
        int terms = 0, met = 0;
        for (const PartnershipLine& l : ledger.lines)
            if (l.partnerId == p.partnerId && !l.outcomeMeasure.empty()) {
                ++terms;
                met += l.outcomeMet.value_or(false) ? 1 : 0;
            }
        t.rows.append(partnerRow(
            p,
            figures(p.amounts, terms ? QStringLiteral("%1 of %2").arg(met).arg(terms) : QStringLiteral("—"),
                    dollars(p.amounts.gapAfterGrants())),
            i < suppression.partners.size() && suppression.partners[i]));
    }
    if (!suppression.totalsWithheld && ledger.partners.size() > 1)
        t.rows.append(TableRow{QStringList{QStringLiteral("All partners")} +
                                   figures(ledger.statewide, QString(), QStringLiteral("—")),
                               true});
    t.notes << QStringLiteral(
        "Money to the dollar. Operating revenue = PMPM + outreach + outcome bonus + "
        "pass-through, all paid by the plan (Paid to partner); the next table breaks it "
        "down by source. The gaps are each partner’s own: one partner’s surplus does not fill "
        "another’s gap, so the All partners row has none.");
    return t;
}

Table partnershipRevenueTable(const PartnershipLedger& ledger, const PartnershipSuppression& suppression,
                              const QString& caption)
{
    Table t = partnerTable(caption);
    t.columns.append(QList<TableColumn>{
        TableColumn{QStringLiteral("Plans"), Qt::AlignLeft, true, false}, figure(QStringLiteral("PMPM")),
        figure(QStringLiteral("Outreach")), figure(QStringLiteral("Outcome bonus")),
        figure(QStringLiteral("Pass-through")), figure(QStringLiteral("IPP")), figure(QStringLiteral("PATH")),
        figure(QStringLiteral("Other grants")), figure(QStringLiteral("Federal")),
        figure(QStringLiteral("State"))});
    t.groups = {{QStringLiteral("Operating revenue"), 2, 5},
                {QStringLiteral("Grants"), 6, 8},
                {QStringLiteral("Medi-Cal funds paid"), 9, 10}};
    for (std::size_t i = 0; i < ledger.partners.size(); ++i) {
        const PartnerTotals& p = ledger.partners[i];
        const LedgerAmounts& a = p.amounts;
        QStringList plans;
        for (const std::string& id : p.plans)
            plans << text(id);
        const bool withheld = i < suppression.partners.size() && suppression.partners[i];
        TableRow row =
            partnerRow(p,
                       {dollars(a.pmpmRevenue), dollars(a.outreachRevenue), dollars(a.outcomeBonus),
                        dollars(a.passThrough), dollars(a.grantIpp), dollars(a.grantPath),
                        dollars(a.grantOther), dollars(a.federal), dollars(a.state)},
                       withheld);
        row.cells.insert(1, plans.join(QStringLiteral(", ")));
        t.rows.append(row);
    }
    t.notes << QStringLiteral(
        "Federal and state: the Medi-Cal funds reaching the partner split at each plan’s "
        "FMAP (its cells’ FMAP weighted by expected cost).");
    return t;
}

} // namespace sharecast::ui::report
