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

//! The benchmark of one cell (§2.6–2.7).
struct CellBenchmark {
    bool settleable = false; //!< false: no baseline year (§2.6)
    Pmpm expectedPmpm = 0.0;
    Dollars expected = 0.0;              //!< E_cell = E_pmpm · MM_Y
    std::vector<BaseYearTerm> baseYears; //!< filled only when tracing
};

//! E_pmpm and E_cell for one cell series whose year-Y record is `current` (§2).
CellBenchmark computeCellBenchmark(const CellSeries& series, const ExperienceCell& current,
                                   const BenchmarkContext& context, bool trace);

//! Σ_{s∈I} cost_s of one record.
Dollars includedCost(const ExperienceCell& cell, const std::vector<int>& includedCos);

} // namespace sharecast
