#pragma once
//! Plan-level gates besides quality: the TCC trend gate and the appropriateness guardrail (§8).

#include "scenario.h"

#include <string>

namespace sharecast {

//! One year's plan totals that the gates compare.
struct PlanYearTotals {
    bool present = false; //!< any cell in that year
    MemberMonths memberMonths = 0.0;
    Dollars actual = 0.0;   //!< included cost less excess when truncating (§3)
    double riskScore = 1.0; //!< MM-weighted
    double claimsDenied = 0.0;
    double claimsTotal = 0.0;
    double grievances = 0.0;
};

//! The TCC trend gate's comparison (§8).
struct TccTrendResult {
    bool enabled = false;
    bool evaluable = false;
    bool passed = true; //!< a disabled gate passes; an unevaluable one fails
    Pmpm pmpm = 0.0, priorPmpm = 0.0;
    double riskRatio = 1.0; //!< R_Y / R_{Y−1}, 1 when risk adjustment is off
    Rate trend = 0.0;
    Rate maxTrend = 0.0;
    std::string reason;
};

//! The appropriateness guardrail's comparison (§8).
struct AppropriatenessResult {
    bool enabled = false;
    bool evaluable = false;
    bool tripped = false; //!< the flag; an unevaluable guardrail trips
    bool blocks = false;  //!< tripped and action ineligible
    Rate denialRate = 0.0, priorDenialRate = 0.0;
    double grievanceRate = 0.0, priorGrievanceRate = 0.0; //!< per 1,000 MM
    std::string reason;
};

//! TCC trend = (A_Y/MM_Y)/(A_{Y−1}/MM_{Y−1})/(R_Y/R_{Y−1}) − 1; fails above max_trend (§8).
TccTrendResult evaluateTccTrend(const TccTrendGate& gate, bool riskAdjusted, const PlanYearTotals& current,
                                const PlanYearTotals& prior);

//! Denial-rate and grievance-rate increases against their limits (§8).
AppropriatenessResult evaluateAppropriateness(const Appropriateness& guardrail, const PlanYearTotals& current,
                                              const PlanYearTotals& prior);

} // namespace sharecast
