#pragma once
//! Expected cost, the benchmark fixed before the performance year (methodology §2).

#include "experience_index.h"
#include "scenario.h"

#include <string>
#include <vector>

namespace sharecast {

//! What the benchmark needs from a scenario, resolved against one dataset and year:
//! the included COS, and per rate cell, base year and COS the trend and program-change factors.
struct BenchmarkContext {
    Year year = 0;
    BaselineSpec baseline;        //!< defaults applied (§1.5)
    std::vector<int> includedCos; //!< indices into ExperienceData::cosNames (§2)
    bool truncation = false;
    RiskAdjustment riskAdjustment;
    //! trend[rateCellId][baseIdx][k]: T_s(b→Y) for includedCos[k] (§2.3)
    std::vector<std::vector<std::vector<double>>> trend;
    //! programChange[rateCellId][baseIdx][k]: PC_s(b, Y) (§2.4)
    std::vector<std::vector<std::vector<double>>> programChange;
    //! newBenefit[k]: the new_benefits entry pricing includedCos[k], null when it takes base
    //! experience; addOn[rateCellId][k]: its PMPM in year Y before the risk score
    //! (pmpm × take_up(Y) × (1 + trend)^(Y − price_year); 0 for a rate cell it does not price).
    std::vector<const NewBenefit*> newBenefit;
    std::vector<std::vector<Pmpm>> addOn;

    //! Resolves scenario against index for performance year y.
    static BenchmarkContext make(const Scenario& scenario, const ExperienceIndex& index, Year y);
};

//! One COS's part of one base year's term (§2.2–2.4).
struct CosTerm {
    int cos = 0;                //!< index into ExperienceData::cosNames
    Pmpm basePmpm = 0.0;        //!< B_{b,s}, truncation applied
    double trendFactor = 1.0;   //!< T_s(b→Y)
    double programChange = 1.0; //!< PC_s(b, Y)
};

//! One base year of a cell (§2.6).
struct BaseYearTerm {
    Year year = 0;
    bool available = false; //!< the cell has member months in this year
    double weight = 0.0;    //!< as given
    double renormalisedWeight = 0.0;
    MemberMonths memberMonths = 0.0;
    double riskScore = 1.0;
    double truncationFactor = 1.0; //!< τ_b
    double riskRatio = 1.0;        //!< R_Y / R_b before the caps
    double riskFactor = 1.0;       //!< RA_b after the caps
    Pmpm pmpm = 0.0;               //!< Σ_s B·T·PC·RA
    std::vector<CosTerm> cos;      //!< filled only when tracing
};

//! One new benefit's add-on in a cell (new_benefits).
struct AddOnTerm {
    int cos = 0;              //!< index into ExperienceData::cosNames
    Pmpm pricedPmpm = 0.0;    //!< pmpm[rate cell, else "all"] (0 when neither)
    Rate takeUp = 0.0;        //!< take_up(Y)
    double trendFactor = 1.0; //!< (1 + trend)^(Y − price_year)
    double riskFactor = 1.0;  //!< the cell's year-Y risk score when risk adjustment is enabled
    Pmpm pmpm = 0.0;          //!< the product
};

//! The benchmark of one cell (§2.6–2.7).
struct CellBenchmark {
    bool settleable = false; //!< false: no baseline year (§2.6)
    Pmpm expectedPmpm = 0.0;
    Dollars expected = 0.0;              //!< E_cell = E_pmpm · MM_Y
    std::vector<BaseYearTerm> baseYears; //!< filled only when tracing
    Pmpm addOnPmpm = 0.0;                //!< Σ of the new benefits' add-ons (part of E_pmpm)
    std::vector<AddOnTerm> addOns;       //!< filled only when tracing
};

//! E_pmpm and E_cell for one cell series whose year-Y record is `current` (§2).
CellBenchmark computeCellBenchmark(const CellSeries& series, const ExperienceCell& current,
                                   const BenchmarkContext& context, bool trace);

//! Σ_{s∈I} cost_s of one record.
Dollars includedCost(const ExperienceCell& cell, const std::vector<int>& includedCos);

} // namespace sharecast
