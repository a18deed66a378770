#pragma once
//! Capitation rates: rebasing versus non-rebasing (methodology §10).

#include "scenario.h"

#include <vector>

namespace sharecast {

//! The rate-setting assumptions of a projection (§10, §11).
struct RateAssumptions {
    Rate adminLoad = 0.08;
    Rate underwritingGain = 0.02;
    bool careCoordinationToMedical = false;
};

//! One COS's part of a medical PMPM: base-year PMPM, trended to the rate year.
struct RateCosTerm {
    int cos = 0;                   //!< index into ExperienceData::cosNames
    Pmpm basePmpm = 0.0;           //!< the base year's PMPM (actual, projected or counterfactual)
    double trendFactor = 1.0;      //!< ((1+u)(1+k))^(R − base) (§2.3)
    double programChange = 1.0;    //!< PC_s(base, R) (§2.4)
    bool careCoordination = false; //!< the ecm COS, moved from administration into medical
};

//! A gross capitation rate with how it was built.
struct GrossRate {
    Year rateYear = 0;
    Year baseYear = 0;
    std::vector<RateCosTerm> terms;  //!< filled when tracing
    Pmpm medicalPmpm = 0.0;          //!< Σ base PMPM · trend · program change
    Pmpm careCoordinationPmpm = 0.0; //!< the ecm part of medicalPmpm (base year, untrended)
    Rate adminLoad = 0.08;           //!< as applied (reduced for care coordination)
    Rate underwritingGain = 0.02;
    Pmpm gross = 0.0; //!< medical / (1 − admin − underwriting gain)
};

//! What one rate needs: base-year PMPM by COS (parallel to cos), the rate year, the scenario.
struct RateInput {
    const Scenario* scenario = nullptr;
    const std::string* rateCell = nullptr;
    const std::vector<std::string>* cosNames = nullptr;
    const std::vector<int>* cos = nullptr; //!< the COS in the rate (indices into cosNames)
    std::vector<Pmpm> basePmpm;            //!< one per cos
    int ecmPosition = -1;                  //!< position of ecm in cos when care coordination is medical
    Year baseYear = 0;
    Year rateYear = 0;
    RateAssumptions assumptions;
    bool trace = false;
    //! The rate cell's annual trend (1+u)(1+k) per cos, when the caller has it (a projection
    //! makes many rates of one cell): spares looking each trend up again. Null: looked up.
    const std::vector<double>* annualTrend = nullptr;
};

//! Everything of a §10 rate but the base PMPMs: per COS the trend and program-change factors of
//! (base → rate year). Made once, applied to many base PMPMs (the projection fan's draws).
struct RateRecipe {
    Year rateYear = 0;
    Year baseYear = 0;
    std::vector<int> cos;              //!< indices into ExperienceData::cosNames
    std::vector<double> trendFactor;   //!< ((1+u)(1+k))^(R − base), one per cos
    std::vector<double> programChange; //!< PC_s(base, R), one per cos
    int ecmPosition = -1;
    RateAssumptions assumptions;
};

//! The recipe of input's rate (input.basePmpm is not read).
RateRecipe rateRecipe(const RateInput& input);

//! The gross rate of §10 from a recipe and base PMPMs (one per recipe.cos): base PMPM · trend ·
//! program change summed; gross = medical / (1 − admin_load − underwriting_gain); with care
//! coordination as medical, admin_load is reduced by ecm PMPM / the base year's gross rate
//! without it. The terms are kept when tracing.
GrossRate applyRateRecipe(const RateRecipe& recipe, const std::vector<Pmpm>& basePmpm, bool trace);

//! applyRateRecipe(rateRecipe(input), input.basePmpm, input.trace).
GrossRate buildGrossRate(const RateInput& input);

//! PC_s(from, to): the product of every program change for COS s (and rate cell c) with
//! from < effective_year <= to (§2.4).
double programChangeFactor(const Scenario& scenario, const std::string& cos, const std::string& rateCell,
                           Year from, Year to);

} // namespace sharecast
