#pragma once
//! The multi-year projection (methodology §11) with rates rebased and not rebased (§10).

#include "experience_index.h"
#include "quality_data.h"
#include "rates.h"
#include "scenario.h"
#include "sharing.h"
#include "thresholds.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! How to run a projection.
struct ProjectionOptions {
    bool trace = true; //!< keep per-cell, per-COS detail
    //! δ_t by t − 1, added to every COS's annual utilization change in year t (§13's projection
    //! fan): the cumulative factor becomes Π_{τ≤t} (1 + c_s + δ_τ). Empty: (1 + c_s)^t.
    std::vector<double> utilizationShock;
    //! Plans evaluated on this many threads; 0: one per hardware thread. The result is the same.
    int threads = 0;
};

//! One cell in one projection year (the trace).
struct CellProjectionYear {
    Year year = 0;
    MemberMonths memberMonths = 0.0;
    std::vector<Dollars> counterfactual; //!< C_{s,t}, one per projected COS
    std::vector<Dollars> projected;      //!< A_{s,t}
    std::vector<double> programChange;   //!< PC_s(Y0, Y0 + t)
    Dollars investment = 0.0;            //!< I_t
    GrossRate rebased;
    GrossRate nonRebased;
    Rate fmap = 0.5;
};

//! One cell's projection: its start-year PMPMs and its years.
struct CellProjection {
    std::string region;
    std::string rateCell;
    MemberMonths startMemberMonths = 0.0;
    std::vector<Pmpm> startPmpm;         //!< PMPM_{Y0,s}
    std::vector<double> annualTrend;     //!< (1+u_s)(1+k_s)
    std::vector<Rate> utilizationChange; //!< c_s
    std::vector<CellProjectionYear> years;
};

//! One plan (or the ALL total) in one projection year: the §11 output row and its parts.
struct ProjectionYear {
    Year year = 0;
    MemberMonths memberMonths = 0.0;
    Dollars counterfactualCost = 0.0;  //!< Σ C
    Dollars projectedCost = 0.0;       //!< A_t = Σ A + I_t
    Dollars investment = 0.0;          //!< I_t
    Dollars benchmark = 0.0;           //!< E_t
    Dollars grossSavings = 0.0;        //!< G_t
    std::optional<Score> qualityScore; //!< as used for ρ (quality path or latest composite)
    bool eligible = true;
    Rate shareRate = 0.0;
    ThresholdResult msr;
    ThresholdResult mlr;
    SharingResult payment; //!< P_t
    Dollars revenueRebased = 0.0;
    Dollars revenueNonRebased = 0.0;
    Dollars revenueCounterfactual = 0.0; //!< counterfactual gross rate · MM_t
    Pmpm rateRebased = 0.0;              //!< revenue / MM
    Pmpm rateNonRebased = 0.0;
    Dollars rateImpact = 0.0; //!< (non-rebased − rebased gross rate) · MM
    Dollars rateImpactFederal = 0.0;
    Dollars rateImpactState = 0.0;
    bool nonRebasedApplies = true;  //!< false: a blocking gate failed, the plan gets the rebased rate
    bool transfers = true;          //!< §9: false for a one-sided capitation loss (T = 0)
    Dollars programNet = 0.0;       //!< T_t: G − P (ffs), the transfer plan → state (capitation)
    Dollars marginRebased = 0.0;    //!< Rev − A − admin · Rev (no arrangement)
    Dollars marginNonRebased = 0.0; //!< capitation: Rev − A − admin · Rev − T; ffs: … + P (§11 v2)
    Dollars stateCostRebased = 0.0; //!< Rev (all funds)
    Dollars stateCostNonRebased = 0.0;      //!< Rev − T (capitation), Rev + P − G (ffs)
    Dollars federalShareNonRebased = 0.0;   //!< Σ fmap · (Rev_cell − net_cell)
    Dollars netStateSavingNonRebased = 0.0; //!< CF − state cost, non-rebased path
    Dollars netStateSavingRebased = 0.0;    //!< CF − state cost, rebased path (v2)
};

//! One plan's projection.
struct PlanProjection {
    std::string planId;
    std::vector<ProjectionYear> years;
    std::vector<CellProjection> cells; //!< filled when tracing
};

//! A whole projection.
struct Projection {
    Year startYear = 0;
    int horizon = 0;
    std::vector<std::string> cosNames; //!< of the dataset
    std::vector<int> cos; //!< projected COS (included, plus ecm when care coordination is medical)
    std::vector<PlanProjection> plans; //!< by plan id
    std::vector<ProjectionYear> all;   //!< sums of the plans per year (PMPMs member-month weighted)
    std::vector<std::string> warnings;
};

//! What a projection fixes before any utilization path (§11): per plan and cell the member
//! months, counterfactual costs, program changes, investment and FMAP of every year and the rates
//! that do not depend on projected cost; per plan and year the thresholds, quality score, gate and
//! sharing rate. Made once by prepareProjection(); evaluateProjection() then runs the utilization
//! path (the scenario's, or one shocked per year for the §13 fan) with arithmetic only.
struct ProjectionModel {
    struct CellYear {
        bool baseInWindow = false;         //!< the rate's base year is a projected year (rates move with A)
        int baseIndex = 0;                 //!< its t − 1 when baseInWindow
        RateRecipe rebasedRecipe;          //!< the rebased rate's recipe when baseInWindow
        GrossRate rebased;                 //!< fixed rebased rate when !baseInWindow
        GrossRate nonRebased;              //!< the non-rebased rate (on counterfactual or actual experience)
        Dollars counterfactualTotal = 0.0; //!< Σ_s C_{s,t}
    };
    struct Cell {
        CellProjection trace;         //!< years without projected cost and rates
        std::vector<int> changeClass; //!< per COS: index into utilizationRates
        std::vector<CellYear> years;
    };
    struct PlanYear {
        MemberMonths memberMonths = 0.0;
        Dollars counterfactualCost = 0.0;
        Dollars investment = 0.0;
        std::optional<Score> qualityScore;
        bool eligible = true;
        Rate shareRate = 0.0;
        ThresholdResult msr, mlr;
    };
    struct Plan {
        std::string planId;
        std::vector<Cell> cells;
        std::vector<PlanYear> years;
    };
    const Scenario* scenario = nullptr;
    Year startYear = 0;
    int horizon = 0;
    std::vector<std::string> cosNames;
    std::vector<int> cos;
    std::vector<Rate> utilizationRates; //!< the distinct annual utilization changes c_s
    std::vector<Plan> plans;
    std::vector<std::string> warnings;
};

//! The fixed part of the projection of every plan (§10, §11). Keeps a pointer to scenario. The
//! plans are prepared on `threads` threads (0: one per hardware thread); the model is the same.
ProjectionModel prepareProjection(const ExperienceIndex& index, const QualityData* quality,
                                  const Scenario& scenario, int threads = 0);

//! The projection of a prepared model under the scenario's utilization changes, shocked by
//! options.utilizationShock when given.
Projection evaluateProjection(const ProjectionModel& model, const ProjectionOptions& options);

//! Projects every plan over the horizon (§11), with rates by §10, payments by §5/§8:
//! evaluateProjection(prepareProjection(...), options).
Projection project(const ExperienceIndex& index, const QualityData* quality, const Scenario& scenario,
                   const ProjectionOptions& options = {});

} // namespace sharecast
