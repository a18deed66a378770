#pragma once
//! The settlement of a performance year from cell experience (methodology §2–§9) and from
//! entity totals (§1.4). Pure functions: scenario and data in, named results with their trace out.

#include "benchmark.h"
#include "experience_index.h"
#include "federal_limits.h"
#include "federal_split.h"
#include "gates.h"
#include "quality.h"
#include "quality_data.h"
#include "resource_use.h"
#include "risk_corridor.h"
#include "scenario.h"
#include "sharing.h"
#include "thresholds.h"
#include "totals.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! How to run a settlement.
struct SettlementOptions {
    std::optional<Year> year; //!< the performance year; wins over scenario.performance_year
    bool trace = true;        //!< keep per-COS and per-base-year detail (off for sweeps)
};

//! One settled cell.
struct CellResult {
    const std::string* region = nullptr;
    const std::string* rateCell = nullptr;
    MemberMonths memberMonths = 0.0;
    double riskScore = 1.0;
    CellBenchmark benchmark;    //!< E_cell with its trace
    Dollars includedCost = 0.0; //!< Σ_{s∈I} cost_{Y,s}
    Dollars excess = 0.0;       //!< excess_Y (0 when truncation is off)
    Dollars actual = 0.0;       //!< A_cell (§3)
};

//! One plan's settlement: every figure of the output row and the trace behind it.
struct PlanSettlement {
    std::string planId;
    std::vector<CellResult> cells;          //!< settled cells
    std::vector<std::string> excludedCells; //!< "region / rate cell" with no baseline year
    Dollars expected = 0.0;                 //!< E
    Dollars actual = 0.0;                   //!< A
    Dollars tccSavings = 0.0;               //!< E − A
    Dollars grossSavings = 0.0;             //!< G (E − A, or G_RU on the resource-use basis)
    std::optional<Rate> savingsRate;        //!< S = G / E; nullopt when E = 0
    double members = 0.0;                   //!< N = Σ MM_Y / 12
    ThresholdResult msr;
    ThresholdResult mlr;
    QualityResult quality;
    PlanYearTotals currentTotals, priorTotals;
    TccTrendResult tccTrend;
    AppropriatenessResult appropriateness;
    bool resourceUseBasis = false;
    std::vector<ResourceUseResult> resourceUse;
    double resourceUseRiskFactor = 1.0; //!< R_Y / R_{Y−1} clamped (§7)
    Dollars resourceUseSavings = 0.0;   //!< G_RU
    bool eligible = true;
    Rate shareRate = 0.0;                             //!< ρ
    SharingResult payment;                            //!< P with its steps
    bool transfers = true;                            //!< §9: false for a one-sided capitation loss
    Dollars programNet = 0.0;                         //!< G − P, or the capitation transfer T (§9)
    SplitResult split;                                //!< federal and state shares
    std::vector<CorridorResult> corridors;            //!< one per scenario corridor (§12)
    std::optional<BlendResult> blend;                 //!< when the scenario has a blend (§12)
    std::optional<MlrRemittanceResult> mlrRemittance; //!< when enabled (§12)
    std::optional<FederalLimitsResult> federalLimits; //!< when enabled
};

//! The settlement of one performance year.
struct Settlement {
    Year year = 0;
    std::vector<std::string> cosNames; //!< of the dataset
    std::vector<int> includedCos;      //!< indices into cosNames
    BaselineSpec baseline;             //!< as applied
    std::vector<PlanSettlement> plans; //!< by plan id
    std::vector<std::string> warnings;
};

//! The performance year of a settlement where no year is asked for (the workbench, its Compare
//! view, the report): the scenario's performance_year, else the latest year of the experience.
//! (`sharecast settle` instead requires --year or performance_year, as methodology §1.5 says.)
//! A comparison settles every scenario for this year of the scenario being edited or reported,
//! so that all are settled on the same year's data.
Year defaultPerformanceYear(const Scenario& scenario, const ExperienceIndex& index);

//! Settles every plan of the index for the scenario (§2–§9). Throws InputError for input that
//! makes the settlement meaningless (no performance year, `elected` outside totals mode, a
//! resource-use column the data lacks).
Settlement settle(const ExperienceIndex& index, const QualityData* quality, const Scenario& scenario,
                  const SettlementOptions& options);

//! One entity settled from totals (§1.4, §5, §8).
struct EntitySettlement {
    std::string entityId;
    Dollars expected = 0.0;
    Dollars actual = 0.0;
    Dollars grossSavings = 0.0;
    std::optional<Rate> savingsRate;
    double members = 0.0;
    ThresholdResult msr;
    ThresholdResult mlr;
    Score qualityScore = 100.0;
    bool qualityGate = true; //!< as it counts: the file's value when the gate is enabled
    bool eligible = true;
    Rate shareRate = 0.0;
    SharingResult payment;
    Dollars programNet = 0.0; //!< G − P, or the capitation transfer T (§9)
};

//! Settlement of every entity in a totals file.
struct TotalsSettlement {
    std::vector<EntitySettlement> entities; //!< in file order
    std::vector<std::string> warnings;
};

//! Settles entity totals (§1.4): Q and the gate from the file; no TCC or guardrail gates.
TotalsSettlement settleTotals(const TotalsData& totals, const Scenario& scenario);

} // namespace sharecast
