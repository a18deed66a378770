#include "explain.h"

#include "rounding.h"
#include "sharing.h"

#include <sstream>

namespace sharecast {

namespace {

std::string money(double x)
{
    // Cents with thousands separators, for reading; negatives as "−$1,234.56".
    std::string s = formatMoney(x);
    const bool neg = !s.empty() && s[0] == '-';
    if (neg)
        s.erase(0, 1);
    std::size_t dot = s.find('.');
    if (dot == std::string::npos)
        dot = s.size();
    for (long i = static_cast<long>(dot) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return (neg ? "−$" : "$") + s;
}

std::string num(double x, int d)
{
    return formatFixed(x, d);
}

//! Characters (UTF-8 code points) of s: "−" is one.
std::size_t width(const std::string& s)
{
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}
std::string padLeft(const std::string& s, std::size_t w)
{
    return std::string(w > width(s) ? w - width(s) : 0, ' ') + s;
}
std::string padRight(const std::string& s, std::size_t w)
{
    return s + std::string(w > width(s) ? w - width(s) : 0, ' ');
}
std::string pct(double x)
{
    return formatFixed(100.0 * x, 4) + " %";
}

//! Why ρ is what it is: the rule of the scaling mode applied to the plan's quality score (§8).
void explainShareRate(std::ostream& o, const SharingSpec& s, std::optional<Score> q, bool eligible)
{
    if (!eligible && s.rateOnFailedGate == FailedGateRate::Zero) {
        o << ": a blocking gate failed and sharing.rate_on_failed_gate is zero (42 CFR 425.610(f)), so ρ = 0";
        return;
    }
    if (!q) {
        o << ": quality score NA, so ρ = 0";
        return;
    }
    switch (s.qualityScaling) {
    case QualityScaling::None: o << ": the plan share " << pct(s.maxShare); break;
    case QualityScaling::Multiply:
        o << ": plan share " << pct(s.maxShare) << " × Q " << num(*q, 4) << " / 100";
        break;
    case QualityScaling::Tiers: {
        const SharingTier* best = tierFor(s, *q);
        if (best)
            o << ": Q " << num(*q, 4) << " reaches the tier from " << num(best->minScore, 1) << ", share "
              << pct(best->share);
        else
            o << ": Q " << num(*q, 4) << " is below every tier";
        break;
    }
    case QualityScaling::Linear:
        o << ": " << pct(s.minShare) << " + (" << pct(s.maxShare) << " − " << pct(s.minShare)
          << ") × clamp((Q " << num(*q, 4) << " − " << num(s.qualityLow, 1) << ") / ("
          << num(s.qualityHigh, 1) << " − " << num(s.qualityLow, 1) << "))";
        break;
    }
}

//! The program net under the payment model (§9), one or two lines.
std::string programNetText(const Scenario& s, Dollars g, Dollars payment, bool transfers, Dollars net)
{
    std::ostringstream o;
    if (s.paymentModel == PaymentModel::Ffs) {
        o << "  payment model ffs (the payer paid the claims and keeps G): program net G − P = " << money(g)
          << " − " << money(payment) << " = " << money(net) << "\n";
    } else if (transfers) {
        o << "  payment model capitation (the plan holds G under rates built on E): the plan transfers\n"
          << "  T = G − P = " << money(g) << " − " << money(payment) << " = " << money(net)
          << (net >= 0.0 ? " to the state" : " (the state pays the plan its share of the loss)") << "\n";
    } else {
        o << "  payment model capitation, losses not shared: the plan bears its loss of " << money(-g)
          << "; T = 0\n";
    }
    return o.str();
}

std::string thresholdText(const ThresholdResult& t)
{
    std::string s = std::string(toString(t.method)) + " → " + pct(t.rate);
    if (t.method == ThresholdMethod::MsspTable)
        s += " (N " + num(t.members, 2) + " between table points " + num(t.lowerMembers, 0) + " at " +
             pct(t.lowerRate) + " and " + num(t.upperMembers, 0) + " at " + pct(t.upperRate) + ")";
    else if (t.method == ThresholdMethod::Confidence)
        s += " (z·cv/√N with N " + num(t.members, 2) + ")";
    return s;
}

} // namespace

std::string explainStatewide(const Settlement& settlement, StatewideFigure figure, PaymentModel model)
{
    struct Definition {
        const char* title;
        const char* rule;
        double (*of)(const PlanSettlement&);
    };
    static const Definition defs[] = {
        {"Expected cost", "E: each plan's benchmark fixed before the performance year (§2)",
         [](const PlanSettlement& p) { return p.expected; }},
        {"Actual cost", "A: each plan's included cost in the performance year (§3)",
         [](const PlanSettlement& p) { return p.actual; }},
        {"Gross savings", "G = E − A, or the resource-use savings on that basis (§4, §7)",
         [](const PlanSettlement& p) { return p.grossSavings; }},
        {"Plan payments", "P: the shared savings paid to (or losses owed by) each plan (§5, §8)",
         [](const PlanSettlement& p) { return p.payment.payment; }},
        {"Program net (all funds)", "G − P: what the program keeps of each plan's savings (§8, §9 ffs)",
         [](const PlanSettlement& p) { return p.programNet; }},
        {"Federal share", "Σ over rate cells of the net × FMAP (§9)",
         [](const PlanSettlement& p) { return p.split.federal; }},
        {"State share", "the net minus the federal share (§9)",
         [](const PlanSettlement& p) { return p.split.state; }},
    };
    Definition d = defs[static_cast<int>(figure)];
    if (figure == StatewideFigure::ProgramNet && model == PaymentModel::Capitation) {
        d.title = "Transfer to the state (all funds)";
        d.rule = "T = G − P: under capitation each plan holds its savings and returns what it does not\n"
                 "  earn; a loss stays with the plan (T = 0) unless losses are shared (§9)";
    }
    std::ostringstream o;
    o << d.title << ", performance year " << settlement.year << "\n  " << d.rule << "\n\n";
    double total = 0.0;
    for (const PlanSettlement& p : settlement.plans) {
        const double cents = roundTo(d.of(p), 2);
        total += cents;
        o << "  " << padRight(p.planId + (p.eligible ? "" : " *"), 12) << padLeft(money(cents), 24) << "\n";
    }
    o << "  " << std::string(12, ' ') << std::string(24, '-') << "\n";
    o << "  " << padRight("total", 12) << padLeft(money(total), 24) << "  (" << settlement.plans.size()
      << " plans, each in cents)\n";
    bool anyIneligible = false;
    for (const PlanSettlement& p : settlement.plans)
        anyIneligible = anyIneligible || !p.eligible;
    if (anyIneligible)
        o << "  * not eligible to share savings (§8)\n";
    o << "\nSelect a plan in the table for its own calculation.\n";
    return o.str();
}

const PlanSettlement* findPlan(const Settlement& s, const std::string& planId)
{
    for (const PlanSettlement& p : s.plans)
        if (p.planId == planId)
            return &p;
    return nullptr;
}

std::string explainPlan(const Settlement& s, const PlanSettlement& p, const Scenario& scenario)
{
    std::ostringstream o;
    o << "Plan " << p.planId << ", performance year " << s.year << "\n";
    o << "  Baseline years:";
    for (std::size_t i = 0; i < s.baseline.years.size(); ++i)
        o << " " << s.baseline.years[i] << " (weight " << num(s.baseline.weights[i], 4) << ")";
    o << "\n  Included COS:";
    for (int k : s.includedCos)
        o << " " << s.cosNames[static_cast<std::size_t>(k)];
    o << "\n\n";

    o << "Expected cost (§2) and actual cost (§3) by cell\n";
    for (const CellResult& c : p.cells) {
        o << "  " << *c.region << " / " << *c.rateCell << ": MM " << num(c.memberMonths, 2) << ", risk "
          << num(c.riskScore, 4) << "\n";
        for (const BaseYearTerm& b : c.benchmark.baseYears) {
            if (!b.available) {
                o << "    base " << b.year << ": no member months (weight " << num(b.weight, 4)
                  << " left out, others renormalised)\n";
                continue;
            }
            o << "    base " << b.year << ": weight " << num(b.weight, 4) << " → "
              << num(b.renormalisedWeight, 6) << ", MM " << num(b.memberMonths, 2) << ", truncation factor "
              << num(b.truncationFactor, 8) << ", risk " << num(b.riskScore, 4) << " → ratio "
              << num(b.riskRatio, 6) << ", factor " << num(b.riskFactor, 6) << "\n";
            for (const CosTerm& t : b.cos)
                o << "      " << s.cosNames[static_cast<std::size_t>(t.cos)] << ": base PMPM "
                  << num(t.basePmpm, 6) << " × trend " << num(t.trendFactor, 6) << " × program change "
                  << num(t.programChange, 6) << "\n";
            o << "      term PMPM (× risk factor) " << num(b.pmpm, 6) << "\n";
        }
        for (const AddOnTerm& a : c.benchmark.addOns)
            o << "    new benefit " << s.cosNames[static_cast<std::size_t>(a.cos)]
              << " (no base experience): PMPM " << num(a.pricedPmpm, 6) << " × take-up " << num(a.takeUp, 4)
              << " × trend " << num(a.trendFactor, 6) << " × risk " << num(a.riskFactor, 4) << " = "
              << num(a.pmpm, 6) << "\n";
        o << "    expected PMPM " << num(c.benchmark.expectedPmpm, 6) << " × MM " << num(c.memberMonths, 2)
          << " = " << money(c.benchmark.expected) << "\n";
        o << "    actual: included cost " << money(c.includedCost);
        if (c.excess != 0.0)
            o << " − excess over threshold " << money(c.excess);
        o << " = " << money(c.actual) << "\n";
    }
    for (const std::string& e : p.excludedCells)
        o << "  " << e << ": no baseline year, left out\n";

    o << "\nSavings (§4)\n";
    o << "  E " << money(p.expected) << ", A " << money(p.actual) << ", E − A " << money(p.tccSavings)
      << "\n";
    if (p.resourceUseBasis) {
        o << "  Resource-use savings (§7), plan risk factor " << num(p.resourceUseRiskFactor, 6) << "\n";
        for (const ResourceUseResult& r : p.resourceUse) {
            if (!r.evaluable) {
                o << "    " << r.id << ": no prior-year data, saves 0\n";
                continue;
            }
            o << "    " << r.id << ": rate " << num(r.rate, 6) << ", prior " << num(r.priorRate, 6) << " × "
              << num(r.riskFactor, 6) << " = expected " << num(r.expectedRate, 6) << ", exposure "
              << num(r.exposure, 4) << " → " << money(r.savings) << "\n";
        }
    }
    o << "  G " << money(p.grossSavings) << ", S "
      << (p.savingsRate ? pct(*p.savingsRate) : std::string("NA (E = 0)")) << ", N " << num(p.members, 6)
      << " members\n";

    o << "\nThresholds (§5)\n";
    o << "  MSR: " << thresholdText(p.msr) << "\n";
    o << "  MLR: " << (scenario.mlr.sameAsMsr ? "same as MSR → " + pct(p.mlr.rate) : thresholdText(p.mlr))
      << "\n";

    o << "\nQuality (§6)\n";
    if (!p.quality.hasQualityStep) {
        o << "  no measures: no quality step (Q NA; quality-scaled sharing uses 100)\n";
    } else {
        for (const MeasureScore& m : p.quality.measures) {
            o << "  " << m.id << " (weight " << num(m.weight, 4) << "): ";
            if (!m.reportable) {
                o << "not reportable";
            } else {
                o << "rate " << num(*m.rate, 6) << ", prior "
                  << (m.priorRate ? num(*m.priorRate, 6) : std::string("NA")) << ", attainment "
                  << num(m.attainment, 6) << ", improvement "
                  << (m.improvementApplies ? num(m.improvement, 6) : std::string("n/a")) << " → score "
                  << num(m.score, 6);
            }
            if (m.gateMin)
                o << "; gate minimum " << num(*m.gateMin, 4) << (m.gatePassed ? " met" : " NOT met");
            o << "\n";
        }
        o << "  composite Q " << (p.quality.composite ? num(*p.quality.composite, 10) : std::string("NA"))
          << " over " << p.quality.reportableMeasures << " reportable measure(s)\n";
    }
    o << "  quality gate: "
      << (p.quality.gateEnabled ? (p.quality.gatePassed ? "passed" : "FAILED") : "disabled");
    if (!p.quality.gateReason.empty())
        o << " (" << p.quality.gateReason << ")";
    o << "\n";

    o << "\nOther gates (§8)\n";
    if (p.tccTrend.enabled)
        o << "  TCC trend gate: " << (p.tccTrend.passed ? "passed" : "FAILED") << " — PMPM "
          << num(p.tccTrend.pmpm, 6) << " vs prior " << num(p.tccTrend.priorPmpm, 6) << ", risk ratio "
          << num(p.tccTrend.riskRatio, 6) << "; " << p.tccTrend.reason << "\n";
    else
        o << "  TCC trend gate: disabled\n";
    if (p.appropriateness.enabled)
        o << "  Appropriateness guardrail: " << (p.appropriateness.tripped ? "TRIPPED" : "not tripped")
          << (p.appropriateness.blocks ? " (blocks sharing)" : "") << " — denial rate "
          << num(p.appropriateness.denialRate, 6) << " vs " << num(p.appropriateness.priorDenialRate, 6)
          << ", grievances per 1,000 MM " << num(p.appropriateness.grievanceRate, 6) << " vs "
          << num(p.appropriateness.priorGrievanceRate, 6) << "; " << p.appropriateness.reason << "\n";
    else
        o << "  Appropriateness guardrail: disabled\n";
    o << "  eligible: " << (p.eligible ? "yes" : "no") << "\n";

    o << "\nSharing (§8)\n";
    o << "  share rate ρ " << num(p.shareRate, 10) << " (" << toString(scenario.sharing.qualityScaling)
      << ")";
    explainShareRate(o, scenario.sharing, p.quality.scalingScore(), p.eligible);
    o << "\n";
    const SharingResult& pay = p.payment;
    if (pay.side == PaymentSide::None) {
        o << "  no payment: " << pay.reason << "\n";
    } else {
        o << "  " << (pay.side == PaymentSide::Savings ? "savings" : "losses") << ": basis "
          << money(pay.basis) << " × rate " << num(pay.rate, 10);
        if (pay.side == PaymentSide::Savings)
            o << " × (1 − reduction " << num(pay.reduction, 4) << ")";
        o << " = " << money(pay.beforeCap);
        if (pay.cap)
            o << "; cap " << money(*pay.cap) << (pay.capBinds ? " binds" : " does not bind");
        o << "\n";
    }
    o << "  plan payment P " << money(pay.payment) << "\n";
    o << programNetText(scenario, p.grossSavings, pay.payment, p.transfers, p.programNet);

    o << "\nFederal and state split (§9)\n";
    for (const SplitCell& c : p.split.cells)
        o << "  " << c.rateCell << ": net " << money(c.net) << " × FMAP " << num(c.fmap, 4) << "\n";
    o << "  federal " << money(p.split.federal) << ", state " << money(p.split.state) << "\n";

    if (!p.corridors.empty() || p.blend || p.mlrRemittance)
        o << "\nFurther tools (§12)\n";
    for (const CorridorResult& c : p.corridors) {
        o << "  corridor " << c.name << " on " << c.cos << ": actual " << money(c.actual) << " vs target "
          << money(c.target) << ", deviation " << pct(c.deviation) << "\n";
        for (const CorridorBandShare& b : c.bands)
            o << "    band " << pct(b.from) << " to " << (b.to ? pct(*b.to) : std::string("no limit"))
              << ": overlap " << pct(b.overlap) << " × state share " << pct(b.stateShare) << "\n";
        o << "    settlement " << money(c.settlement)
          << (c.settlement >= 0 ? " (state pays the plan)" : " (plan pays the state)") << "\n";
    }
    if (p.blend)
        o << "  blend true-up: " << money(p.blend->atCellRates) << " at cell rates − "
          << money(p.blend->atBlendedRate) << " at the blended rate " << num(p.blend->blendedRate, 2) << " = "
          << money(p.blend->difference) << " (tolerance " << money(p.blend->threshold) << ") → "
          << money(p.blend->trueUp) << "\n";
    if (p.mlrRemittance)
        o << "  MLR: medical " << money(p.mlrRemittance->medicalCost) << " / revenue "
          << money(p.mlrRemittance->revenue) << " = "
          << (p.mlrRemittance->ratio ? pct(*p.mlrRemittance->ratio) : std::string("NA")) << " → remittance "
          << money(p.mlrRemittance->remittance) << "\n";
    if (p.federalLimits) {
        const FederalLimitsResult& f = *p.federalLimits;
        const FederalLimits& spec = scenario.federalLimits;
        o << "\nFederal limits (flagged, not applied)\n";
        if (f.noRevenue) {
            o << "  no capitation revenue in the settled cells: the limits cannot be checked\n";
        } else {
            o << "  incentive (42 CFR 438.6(b)(2)): payment " << money(f.payment) << " / capitation revenue "
              << money(f.revenue) << " = " << pct(*f.incentiveRatio)
              << (f.incentiveExceeded ? " ABOVE" : " within") << " the " << pct(spec.incentiveMax)
              << " limit (105 % of capitation)\n";
            o << "  in lieu of services (42 CFR 438.16): cost " << money(f.ilosCost)
              << " / revenue = " << pct(*f.ilosRatio) << (f.ilosExceeded ? " ABOVE" : " within") << " the "
              << pct(spec.ilosMax) << " limit; " << (f.ilosEvaluationDue ? "above " : "not above ")
              << pct(spec.ilosEvaluation)
              << (f.ilosEvaluationDue ? ": a retrospective evaluation is due\n" : ": no evaluation due\n");
        }
    }
    return o.str();
}

std::string explainProjection(const Projection& pr, const std::string& planId, Year year,
                              const Scenario& scenario)
{
    const PlanProjection* plan = nullptr;
    for (const PlanProjection& p : pr.plans)
        if (p.planId == planId)
            plan = &p;
    if (!plan || year <= pr.startYear || year > pr.startYear + pr.horizon)
        return {};
    const std::size_t t = static_cast<std::size_t>(year - pr.startYear);
    const ProjectionYear& y = plan->years[t - 1];
    const ProjectionSpec& spec = scenario.projection;
    std::ostringstream o;
    o << "Plan " << planId << ", projection year " << year << " (t = " << t << " from " << pr.startYear
      << ")\n";
    o << "  enrollment growth " << pct(spec.enrollmentGrowth) << ", investment "
      << num(spec.investmentPmpm, 2) << " PMPM, rate lag " << spec.rateLag << ", admin load "
      << pct(spec.adminLoad) << ", underwriting gain " << pct(spec.underwritingGain)
      << (spec.careCoordinationToMedical ? ", care coordination as medical" : "")
      << "\n\nCost by cell (§11)\n";
    for (const CellProjection& c : plan->cells) {
        const CellProjectionYear& cy = c.years[t - 1];
        o << "  " << c.region << " / " << c.rateCell << ": MM " << num(c.startMemberMonths, 2) << " → "
          << num(cy.memberMonths, 2) << "\n";
        for (std::size_t k = 0; k < pr.cos.size(); ++k)
            o << "    " << pr.cosNames[static_cast<std::size_t>(pr.cos[k])] << ": PMPM "
              << num(c.startPmpm[k], 6) << " × trend " << num(c.annualTrend[k], 6) << "^" << t
              << " × program change " << num(cy.programChange[k], 6) << " × MM → counterfactual "
              << money(cy.counterfactual[k]) << "; utilization change " << pct(c.utilizationChange[k])
              << " a year → projected " << money(cy.projected[k]) << "\n";
        if (cy.investment != 0.0)
            o << "    investment " << money(cy.investment) << "\n";
        auto rate = [&](const char* label, const GrossRate& g) {
            o << "    " << label << " rate (base " << g.baseYear << "): medical " << num(g.medicalPmpm, 6)
              << " PMPM / (1 − " << num(g.adminLoad, 6) << " − " << num(g.underwritingGain, 6)
              << ") = " << num(g.gross, 6) << "\n";
        };
        rate("rebased", cy.rebased);
        rate("non-rebased", cy.nonRebased);
    }
    o << "\nPlan totals\n";
    o << "  MM " << num(y.memberMonths, 2) << "; counterfactual (benchmark) " << money(y.benchmark)
      << "; projected " << money(y.projectedCost) << " incl. investment " << money(y.investment) << "; G "
      << money(y.grossSavings) << "\n";
    o << "  quality " << (y.qualityScore ? num(*y.qualityScore, 4) : std::string("NA")) << ", eligible "
      << (y.eligible ? "yes" : "no") << ", ρ " << num(y.shareRate, 6) << ", MSR " << pct(y.msr.rate) << "\n";
    o << "  plan payment " << money(y.payment.payment) << " (" << y.payment.reason << ")\n";
    o << programNetText(scenario, y.grossSavings, y.payment.payment, y.transfers, y.programNet);
    o << "  rates PMPM: rebased " << num(y.rateRebased, 2) << ", non-rebased " << num(y.rateNonRebased, 2)
      << (y.nonRebasedApplies ? "" : " (a blocking gate failed in the base year: rebased rate applies)")
      << "\n";
    o << "  rate impact " << money(y.rateImpact) << " (federal " << money(y.rateImpactFederal) << ", state "
      << money(y.rateImpactState) << ")\n";
    o << "  margin: rebased " << money(y.marginRebased) << ", non-rebased " << money(y.marginNonRebased)
      << "\n";
    o << "  state cost (all funds): rebased " << money(y.stateCostRebased) << ", non-rebased "
      << money(y.stateCostNonRebased) << "; federal share (non-rebased) " << money(y.federalShareNonRebased)
      << "\n";
    o << "  counterfactual program cost " << money(y.revenueCounterfactual)
      << " → net saving to the state: non-rebased " << money(y.netStateSavingNonRebased) << ", rebased "
      << money(y.netStateSavingRebased) << "\n";
    return o.str();
}

std::string explainValidity(const Validity& v, const PlanValidity& p)
{
    std::ostringstream o;
    o << "How much is chance (§13), plan " << p.planId << ", " << v.year << "\n";
    o << "  c = " << num(p.cv, 6) << " from ";
    switch (p.cvSource) {
    case CvSource::Scenario: o << "uncertainty.cv"; break;
    case CvSource::MemberData: o << p.cvNote; break;
    case CvSource::MsrCv: o << p.cvNote; break;
    }
    o << "\n  N = " << num(p.members, 2) << " members in " << v.year << ": 1/N = " << num(1.0 / p.members, 10)
      << "\n";
    for (const BaseYearNoise& b : p.baseYears) {
        o << "  base year " << b.year << ": N_b = " << num(b.members, 2) << ", w_b = " << num(b.weight, 6);
        if (b.members > 0.0)
            o << ", w_b²/N_b = " << num(b.weight * b.weight / b.members, 10);
        else
            o << " (no members: no weight)";
        o << "\n";
    }
    o << "  σ = c · √(1/N + Σ w_b²/N_b) = " << num(p.cv, 6) << " · √(" << num(1.0 / p.members, 10) << " + "
      << num(p.benchmarkTerm, 10) << ") = " << pct(p.sigma) << "\n";
    o << "  MSR m " << pct(p.msr) << ": a plan with no true savings clears it by chance "
      << pct(p.pFalseReward) << " of the time (1 − Φ(m/σ))\n";
    if (p.pFalsePenalty)
        o << "  MLR l " << pct(p.mlr) << ": a plan with no true loss owes losses by chance "
          << pct(*p.pFalsePenalty) << " of the time (Φ(−l/σ))\n";
    if (p.savingsRate && p.ciLow && p.ciHigh) {
        o << "  savings rate S " << pct(*p.savingsRate) << "; " << num(100.0 * (1.0 - v.alpha), 1)
          << " % interval " << pct(*p.ciLow) << " to " << pct(*p.ciHigh);
        if (p.straddlesMsr)
            o << ": it straddles the MSR, so the result is within chance of the threshold";
        o << "\n";
    } else {
        o << "  savings rate NA (E = 0): no interval\n";
    }
    if (p.power)
        o << "  power: the chance of clearing the MSR again at this savings rate " << pct(*p.power) << "\n";
    if (p.membersNeeded)
        o << "  members needed for a false-reward chance of " << num(100.0 * v.alpha, 1)
          << " % at this MSR: " << *p.membersNeeded << "\n";
    if (v.monteCarloDone)
        o << "  Monte Carlo (" << v.draws << " draws, seed " << v.seed << "): payment by chance mean "
          << money(p.payment.chanceMean) << ", 95th percentile " << money(p.payment.chanceP95)
          << "; around the result 5th " << money(p.payment.p05) << ", median " << money(p.payment.p50)
          << ", 95th " << money(p.payment.p95) << "\n";
    return o.str();
}

} // namespace sharecast
