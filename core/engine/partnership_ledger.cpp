#include "partnership_ledger.h"

#include "error.h"
#include "settlement.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace sharecast {

std::optional<Rate> LedgerAmounts::sustainability() const
{
    if (operatingCost <= 0.0)
        return std::nullopt;
    return operatingRevenue() / operatingCost;
}

std::optional<double> LedgerAmounts::grantMonths() const
{
    if (operatingCost <= 0.0)
        return std::nullopt;
    return 12.0 * grants() / operatingCost;
}

Dollars LedgerAmounts::gapAfterGrants() const
{
    return std::max(0.0, operatingCost - operatingRevenue());
}

std::optional<Dollars> LedgerAmounts::avoidedPerThousand() const
{
    if (membersEngaged <= 0.0)
        return std::nullopt;
    return 1000.0 * avoidedCost / membersEngaged;
}

LedgerAmounts& LedgerAmounts::operator+=(const LedgerAmounts& o)
{
    membersEngaged += o.membersEngaged;
    memberMonths += o.memberMonths;
    pmpmRevenue += o.pmpmRevenue;
    outreachRevenue += o.outreachRevenue;
    outcomeBonus += o.outcomeBonus;
    passThrough += o.passThrough;
    grantIpp += o.grantIpp;
    grantPath += o.grantPath;
    grantOther += o.grantOther;
    operatingCost += o.operatingCost;
    avoidedCost += o.avoidedCost;
    avoidedCostKept += o.avoidedCostKept;
    federal += o.federal;
    state += o.state;
    return *this;
}

const char* passThroughFundingName(PassThroughFunding f)
{
    switch (f) {
    case PassThroughFunding::Funded: return "funded";
    case PassThroughFunding::NoPayment: return "no_payment";
    case PassThroughFunding::OverCommitted: return "over_committed";
    case PassThroughFunding::None: break;
    }
    return "none";
}

namespace {

// The share of a dollar of avoided cost the plan keeps after the settlement (PlanPartnerships).
Rate keptShare(const PlanSettledFigures& f, PaymentModel model)
{
    if (f.grossSavings == 0.0)
        return model == PaymentModel::Capitation ? 1.0 : 0.0;
    return (f.grossSavings - f.programNet) / f.grossSavings;
}

// The earned share of the outcome bonus (0–1) and whether the target was met.
struct OutcomeResult {
    std::optional<double> change;
    std::optional<bool> met;
    Rate credit = 0.0;
};

OutcomeResult outcome(const PartnershipRecord& r, OutcomeCredit credit)
{
    OutcomeResult o;
    if (r.outcomeActual && r.outcomeBaseline)
        o.change = *r.outcomeActual - *r.outcomeBaseline;
    if (!r.outcomeActual || !r.outcomeTarget || !r.outcomeBaseline)
        return o;
    const double actual = *r.outcomeActual, target = *r.outcomeTarget, baseline = *r.outcomeBaseline;
    o.met = r.lowerIsBetter() ? actual <= target : actual >= target;
    if (*o.met)
        o.credit = 1.0;
    else if (credit == OutcomeCredit::Linear)
        o.credit = std::clamp((actual - baseline) / (target - baseline), 0.0, 1.0);
    return o;
}

// The record's line: the scenario's terms over the file's, then every step.
PartnershipLine ledgerLine(const PartnershipRecord& r, const PartnershipSpec& spec,
                           const PlanPartnerships& plan)
{
    PartnershipLine l;
    l.planId = r.planId;
    l.partnerId = r.partnerId;
    l.partnerName = r.partnerName;
    l.service = r.service;
    l.sourceLine = r.sourceLine;
    l.pmpm = r.pmpm;
    l.outreachFee = r.outreachFee;
    l.outreachCap = r.outreachCap;
    l.outcomeBonusOffered = r.outcomeBonus;
    l.passThroughShare = r.savingsPassThrough;
    if (const auto t = spec.terms.find(r.partnerId); t != spec.terms.end()) {
        const PartnershipTerms& terms = t->second;
        l.termsFromScenario = true;
        l.pmpm = terms.pmpm.value_or(l.pmpm);
        l.outreachFee = terms.outreachFee.value_or(l.outreachFee);
        if (terms.outreachCap)
            l.outreachCap = terms.outreachCap;
        l.outcomeBonusOffered = terms.outcomeBonus.value_or(l.outcomeBonusOffered);
        l.passThroughShare = terms.savingsPassThrough.value_or(l.passThroughShare);
    }
    l.pmpm *= spec.pmpmFactor;

    LedgerAmounts& a = l.amounts;
    a.membersEngaged = r.membersEngaged;
    a.memberMonths = r.memberMonths;
    a.pmpmRevenue = r.memberMonths * l.pmpm;
    l.outreachUncapped = r.outreachAttempts * l.outreachFee;
    l.outreachCapped = l.outreachCap && l.outreachUncapped > *l.outreachCap;
    a.outreachRevenue = l.outreachCapped ? *l.outreachCap : l.outreachUncapped;
    const OutcomeResult o = outcome(r, spec.outcomeCredit);
    l.outcomeMeasure = r.outcomeMeasure;
    l.outcomeChange = o.change;
    l.outcomeMet = o.met;
    l.outcomeCredit = o.credit;
    a.outcomeBonus = l.outcomeBonusOffered * o.credit;
    a.passThrough = plan.settled ? l.passThroughShare * std::max(plan.figures.payment, 0.0) : 0.0;
    a.grantIpp = r.grantIpp;
    a.grantPath = r.grantPath;
    a.grantOther = r.grantOther;
    a.operatingCost = r.operatingCost;
    a.avoidedCost = r.utilizationAvoided;
    l.keptShare = plan.keptShare;
    a.avoidedCostKept = r.utilizationAvoided * plan.keptShare;
    // The Medi-Cal funds reaching the partner: what the plan pays it, the IPP funds it passes on,
    // and PATH; split at the plan's FMAP. Other grants are not Medi-Cal funds.
    l.fmap = plan.figures.fmap;
    const Dollars medical = a.planPayments() + a.grantIpp + a.grantPath;
    a.federal = l.fmap * medical;
    a.state = medical - a.federal;
    return l;
}

template <typename T> void addUnique(std::vector<T>& v, const T& x)
{
    if (std::find(v.begin(), v.end(), x) == v.end())
        v.push_back(x);
}

} // namespace

PartnershipLedger partnershipLedger(const PartnershipData& data, Year year,
                                    const std::map<std::string, PlanSettledFigures>& plans,
                                    const PartnershipSpec& spec, PaymentModel model, Rate fallbackFmap)
{
    PartnershipLedger ledger;
    ledger.year = year;
    ledger.outcomeCredit = spec.outcomeCredit;
    ledger.paymentModel = model;

    std::vector<const PartnershipRecord*> records;
    for (const PartnershipRecord& r : data.records)
        if (r.year == year)
            records.push_back(&r);
    if (records.empty())
        throw InputError(InputLocation{data.sourceName, 0, "year", std::to_string(year), true},
                         "no partnership is given for the year");
    for (const auto& [partner, terms] : spec.terms) {
        const bool known = std::any_of(records.begin(), records.end(),
                                       [&](const PartnershipRecord* r) { return r->partnerId == partner; });
        if (!known)
            throw InputError(InputLocation{{}, 0, "partnerships.terms", partner, true},
                             "the scenario sets terms for a partner with no contract in " +
                                 std::to_string(year));
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const PartnershipRecord* a, const PartnershipRecord* b) {
                         return std::tie(a->planId, a->partnerId, a->service) <
                                std::tie(b->planId, b->partnerId, b->service);
                     });

    // Plans first: their settled figures decide the pass-through and the avoided cost kept.
    std::map<std::string, PlanPartnerships> byPlan;
    for (const PartnershipRecord* r : records) {
        auto [it, inserted] = byPlan.try_emplace(r->planId);
        PlanPartnerships& p = it->second;
        if (inserted) {
            p.planId = r->planId;
            if (const auto f = plans.find(r->planId); f != plans.end()) {
                p.settled = true;
                p.figures = f->second;
                p.keptShare = keptShare(f->second, model);
            } else {
                p.figures.fmap = fallbackFmap;
                ledger.warnings.push_back(
                    "plan " + r->planId + " has partnerships in " + std::to_string(year) +
                    " but is not in the settlement: no pass-through is paid, no avoided "
                    "cost is counted as kept, and its funds are split at fmap.default");
            }
        }
    }

    std::map<std::string, PartnerTotals> byPartner;
    for (const PartnershipRecord* r : records) {
        PlanPartnerships& plan = byPlan.at(r->planId);
        PartnershipLine line = ledgerLine(*r, spec, plan);
        plan.amounts += line.amounts;
        plan.passThroughShares += line.passThroughShare;
        addUnique(plan.partners, r->partnerId);
        auto [it, inserted] = byPartner.try_emplace(r->partnerId);
        PartnerTotals& partner = it->second;
        partner.partnerId = r->partnerId;
        partner.partnerName = r->partnerName;
        partner.amounts += line.amounts;
        addUnique(partner.plans, r->planId);
        addUnique(partner.services, r->service);
        ledger.statewide += line.amounts;
        ledger.lines.push_back(std::move(line));
    }

    for (auto& [id, p] : byPlan) {
        p.passThroughPromised = p.amounts.passThrough;
        if (p.passThroughShares <= 0.0)
            p.funding = PassThroughFunding::None;
        else if (p.passThroughShares > 1.0 + 1e-12)
            p.funding = PassThroughFunding::OverCommitted;
        else if (!p.settled || p.figures.payment <= 0.0)
            p.funding = PassThroughFunding::NoPayment;
        else
            p.funding = PassThroughFunding::Funded;
        if (p.funding == PassThroughFunding::NoPayment)
            ledger.warnings.push_back("plan " + id +
                                      " promised partners a share of its shared-savings payment but "
                                      "received none in " +
                                      std::to_string(year) + ": nothing is owed");
        if (p.funding == PassThroughFunding::OverCommitted)
            ledger.warnings.push_back("plan " + id +
                                      " promised partners more than its whole shared-savings payment "
                                      "(shares sum to " +
                                      std::to_string(p.passThroughShares) + ")");
        ledger.plans.push_back(std::move(p));
    }
    for (auto& [id, p] : byPartner)
        ledger.partners.push_back(std::move(p));
    return ledger;
}

std::map<std::string, PlanSettledFigures> settledFigures(const Settlement& settlement, const FmapSpec& fmap)
{
    std::map<std::string, PlanSettledFigures> out;
    for (const PlanSettlement& p : settlement.plans) {
        PlanSettledFigures f;
        f.grossSavings = p.grossSavings;
        f.payment = p.payment.payment;
        f.programNet = p.programNet;
        Dollars weight = 0.0, weighted = 0.0;
        for (const CellResult& c : p.cells) {
            weight += c.benchmark.expected;
            weighted += c.benchmark.expected * fmap.forRateCell(*c.rateCell);
        }
        f.fmap = weight > 0.0 ? weighted / weight : fmap.defaultRate;
        out.emplace(p.planId, f);
    }
    return out;
}

PartnershipLedger partnershipLedger(const PartnershipData& data, const Settlement& settlement,
                                    const Scenario& scenario)
{
    return partnershipLedger(data, settlement.year, settledFigures(settlement, scenario.fmap),
                             scenario.partnerships, scenario.paymentModel, scenario.fmap.defaultRate);
}

} // namespace sharecast
