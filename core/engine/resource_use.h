#pragma once
//! Resource-use savings, IHA style (methodology §7).

#include "scenario.h"

#include <string>
#include <vector>

namespace sharecast {

//! One year's plan totals for one measure.
struct ResourceUseTotals {
    bool present = false;
    double numerator = 0.0;
    double exposure = 0.0; //!< member years or the exposure util_ column's sum
};

//! What one measure needs: the spec, year Y and Y − 1 totals, the plan's risk ratio.
struct ResourceUseInput {
    const ResourceUseMeasure* measure = nullptr;
    ResourceUseTotals current;
    ResourceUseTotals prior;
    bool riskAdjust = false; //!< risk adjustment enabled and exposure is member years
    double riskFactor = 1.0; //!< R_Y / R_{Y−1} clamped by the risk-adjustment caps
};

//! One measure's savings with its trace.
struct ResourceUseResult {
    std::string id;
    bool evaluable = false;    //!< false: no year Y − 1 data (saves 0, warning)
    double rate = 0.0;         //!< x_Y
    double priorRate = 0.0;    //!< x_{Y−1}
    double expectedRate = 0.0; //!< x̂
    double riskFactor = 1.0;   //!< as applied
    double exposure = 0.0;     //!< exposure_Y
    Dollars savings = 0.0;     //!< g_m
};

//! g_m = (x̂ − x_Y) · exposure_Y / per · unit_cost for `lower`, the negative for `higher` (§7).
ResourceUseResult computeResourceUse(const ResourceUseInput& input);

//! True when the measure's exposure is member years.
inline bool exposureIsMemberYears(const ResourceUseMeasure& m)
{
    return m.exposure == "member_years";
}

//! The utilization column name without its `util_` prefix.
std::string utilColumnName(const std::string& name);

} // namespace sharecast
