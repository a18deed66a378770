#pragma once
//! Regional rates (issue 16 item 3; docs/methodology.md "Regional rates"): each county's §10
//! rate moved toward the member-month-weighted mean of its rating region, times a county
//! adjustment, and scaled (when budget neutral) so that a region's capitation dollars do not move.

#include "projection.h"
#include "scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! One plan × county × rate cell in one rate year: the rate paid and its member months.
struct PaidRate {
    std::string planId;
    std::string county; //!< the experience's `region`
    std::string rateCell;
    Year year = 0;
    MemberMonths memberMonths = 0.0; //!< the weight: the projection's MM_t
    Pmpm rate = 0.0;                 //!< the §10 gross rate paid under the arrangement
};

//! What the regional rates need: the specification and every rate paid.
struct RegionalRatesInput {
    const RegionalRatesSpec* spec = nullptr;
    std::vector<PaidRate> rates;
};

//! One rate before and after regionalisation.
struct RegionalRateRow {
    PaidRate old;                //!< the cell, its weight and its old rate
    std::string region;          //!< empty: the county is in no region and keeps its rate
    Pmpm regionalMean = 0.0;     //!< R of its region, rate cell and year
    double adjustment = 1.0;     //!< a_county
    double scale = 1.0;          //!< k of its group (1 when not budget neutral)
    Pmpm newRate = 0.0;          //!< k · ((1 − blend) · old + blend · R) · a
    Pmpm change = 0.0;           //!< new − old
    Dollars changeDollars = 0.0; //!< (new − old) · MM
    bool regionalised() const { return !region.empty(); }
};

//! One region × rate cell × year: the trace of its mean and scale.
struct RegionalRateGroup {
    std::string region;
    std::string rateCell;
    Year year = 0;
    int cells = 0;                   //!< plan × county cells in the group
    MemberMonths memberMonths = 0.0; //!< Σ MM
    Pmpm regionalMean = 0.0;         //!< R = Σ MM · old / Σ MM
    Dollars oldDollars = 0.0;        //!< Σ MM · old
    Dollars adjustedDollars = 0.0;   //!< Σ MM · ((1 − blend) · old + blend · R) · a, before scaling
    double scale = 1.0;              //!< k = oldDollars / adjustedDollars when budget neutral, else 1
    Dollars newDollars = 0.0;        //!< Σ MM · new
};

//! Change in dollars summed by one key (a county or a plan).
struct RegionalRateTotal {
    std::string key;
    Dollars changeDollars = 0.0;
    Dollars oldDollars = 0.0;
};

//! The regional rates: one row per input rate (ordered by plan, county, rate cell, year), one
//! group per region × rate cell × year (ordered likewise) and the warnings.
struct RegionalRates {
    std::vector<RegionalRateRow> rows;
    std::vector<RegionalRateGroup> groups;
    std::vector<std::string> warnings;
};

//! The rates paid under the arrangement in a traced projection (ProjectionOptions::trace): per
//! plan, county, rate cell and projection year the non-rebased gross rate, or the rebased one
//! for a plan whose blocking gate failed (§10, §11), weighted by MM_t.
std::vector<PaidRate> paidRates(const Projection& projection);

//! Regionalises input.rates by input.spec. Per region, rate cell and year:
//! R = Σ MM · old / Σ MM over the group's plan × county cells; new = ((1 − blend) · old +
//! blend · R) · a_county, times k = Σ MM · old / Σ MM · new when budget neutral. A county in no
//! region keeps its rate (a warning names it); a region's county absent from the rates, and an
//! adjustment for a county not regionalised, are warnings.
RegionalRates computeRegionalRates(const RegionalRatesInput& input);

//! The regional rates of a scenario over its projection (§10, §11): paidRates() of the traced
//! projection, regionalised by scenario.regionalRates; the projection's warnings come first.
//! With rateYear, only that rate year. Throws InputError when the scenario configures no
//! regional_rates, or rateYear is not a year of the projection.
RegionalRates regionalRatesFor(const ExperienceIndex& index, const QualityData* quality,
                               const Scenario& scenario, std::optional<Year> rateYear = std::nullopt);

//! Change dollars and old dollars summed by county (byCounty) or by plan, ordered by key.
std::vector<RegionalRateTotal> regionalRateTotals(const RegionalRates& rates, bool byCounty);

} // namespace sharecast
