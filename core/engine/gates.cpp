#include "gates.h"

#include "rounding.h"

namespace sharecast {

TccTrendResult evaluateTccTrend(const TccTrendGate& gate, bool riskAdjusted, const PlanYearTotals& cur,
                                const PlanYearTotals& prior)
{
    TccTrendResult r;
    r.enabled = gate.enabled;
    r.maxTrend = gate.maxTrend;
    if (!gate.enabled)
        return r;
    if (!prior.present || prior.memberMonths <= 0.0 || prior.actual <= 0.0 || cur.memberMonths <= 0.0) {
        r.passed = false; // §8: a gate that cannot be evaluated fails
        r.reason = "no prior-year cost to compare with";
        return r;
    }
    r.evaluable = true;
    r.pmpm = cur.actual / cur.memberMonths;
    r.priorPmpm = prior.actual / prior.memberMonths;
    r.riskRatio = riskAdjusted ? cur.riskScore / prior.riskScore : 1.0;
    r.trend = r.pmpm / r.priorPmpm / r.riskRatio - 1.0;
    r.passed = !(r.trend > gate.maxTrend);
    r.reason = "trend " + formatPercentText(r.trend) + (r.passed ? " within " : " above ") + "the limit " +
               formatPercentText(gate.maxTrend);
    return r;
}

AppropriatenessResult evaluateAppropriateness(const Appropriateness& g, const PlanYearTotals& cur,
                                              const PlanYearTotals& prior)
{
    AppropriatenessResult r;
    r.enabled = g.enabled;
    if (!g.enabled)
        return r;
    if (!prior.present || prior.memberMonths <= 0.0) {
        r.tripped = true; // §8: cannot be evaluated → flags
        r.blocks = g.action == GuardrailAction::Ineligible;
        r.reason = "no prior-year data to compare with";
        return r;
    }
    r.evaluable = true;
    // §8: claims_total 0 means a denial rate of 0; grievances per 1,000 member months.
    r.denialRate = cur.claimsTotal > 0.0 ? cur.claimsDenied / cur.claimsTotal : 0.0;
    r.priorDenialRate = prior.claimsTotal > 0.0 ? prior.claimsDenied / prior.claimsTotal : 0.0;
    r.grievanceRate = cur.grievances / cur.memberMonths * 1000.0;
    r.priorGrievanceRate = prior.grievances / prior.memberMonths * 1000.0;
    const bool denial = r.denialRate - r.priorDenialRate > g.maxDenialRateIncrease;
    const bool grievance = r.grievanceRate - r.priorGrievanceRate > g.maxGrievanceRateIncrease;
    r.tripped = denial || grievance;
    r.blocks = r.tripped && g.action == GuardrailAction::Ineligible;
    if (denial)
        r.reason = "denial rate rose " + formatFixed(100.0 * (r.denialRate - r.priorDenialRate), 2) +
                   " percentage points (limit " + formatFixed(100.0 * g.maxDenialRateIncrease, 2) + ")";
    if (grievance)
        r.reason += (r.reason.empty() ? "" : "; ") + std::string("grievance rate rose ") +
                    formatFixed(r.grievanceRate - r.priorGrievanceRate, 2) +
                    " per 1,000 member months (limit " + formatFixed(g.maxGrievanceRateIncrease, 2) + ")";
    if (!r.tripped)
        r.reason = "within limits";
    return r;
}

} // namespace sharecast
