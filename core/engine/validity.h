#pragma once
//! Statistical validity of a settlement (methodology §13): per plan the standard error of the
//! savings rate with the benchmark's own noise, the probabilities of a reward or penalty by
//! chance, power, a confidence interval and the members needed; and the Monte Carlo of the §8
//! payment by chance and around the result, over all plans at once, with the statewide sum.
//! Pure functions: a settlement and a scenario in, named results with their parts out.

#include "experience_index.h"
#include "scenario.h"
#include "settlement.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! Per-cell sums of members' annual included cost x (§1.3, §13): the count n, Σx and Σx², and
//! the same of x truncated at the aggregates' threshold, min(x, threshold).
struct MemberCostMoments {
    std::string planId, region, rateCell;
    Year year = 0;
    double count = 0.0;
    double sum = 0.0;
    double sumSquares = 0.0;
    std::optional<double> truncatedSum, truncatedSumSquares; //!< absent in older projects
};

//! The member aggregates a project holds, as the statistical tools use them.
struct MemberMoments {
    std::string source;                   //!< for the trace: the import it comes from
    std::vector<std::string> includedCos; //!< the COS summed into each member's cost
    Dollars truncationThreshold = 0.0;    //!< the threshold of the truncated sums
    std::vector<MemberCostMoments> cells;
};

//! Where a plan's coefficient of variation c comes from (§13).
enum class CvSource {
    Scenario,   //!< uncertainty.cv
    MemberData, //!< pooled over the plan's settled cells from member aggregates
    MsrCv,      //!< msr.cv (neither of the above)
};

//! One base year's part of σ.
struct BaseYearNoise {
    Year year = 0;
    double members = 0.0; //!< N_b: members of the plan's settled cells in year b
    double weight = 0.0;  //!< w_b renormalised over the years with members
};

//! The Monte Carlo statistics of one plan's payment, or of the statewide sum (§13).
struct PaymentDistribution {
    Dollars chanceMean = 0.0; //!< by chance: mean of P with S = σZ
    Dollars chanceP95 = 0.0;
    Dollars p05 = 0.0; //!< around the result: S = S_p + σZ
    Dollars p50 = 0.0;
    Dollars p95 = 0.0;
};

//! One plan's validity: the §13 row and its parts (Explain shows them).
struct PlanValidity {
    std::string planId;
    double members = 0.0; //!< N
    double cv = 0.0;      //!< c
    CvSource cvSource = CvSource::MsrCv;
    std::string cvNote;         //!< why c comes from where it does (the trace)
    double memberRecords = 0.0; //!< n over the plan's cells when c is from member data
    std::vector<BaseYearNoise> baseYears;
    double benchmarkTerm = 0.0;      //!< Σ_b w_b² / N_b
    double sigma = 0.0;              //!< c · √(1/N + Σ_b w_b²/N_b)
    Rate msr = 0.0;                  //!< m
    Rate mlr = 0.0;                  //!< l
    std::optional<Rate> savingsRate; //!< S (NA when E = 0)
    std::optional<Rate> ciLow, ciHigh;
    double pFalseReward = 0.0;
    std::optional<double> pFalsePenalty;    //!< NA when losses are off
    std::optional<double> power;            //!< NA when s is NA (E = 0 and no true_savings)
    std::optional<long long> membersNeeded; //!< NA when m = 0
    bool straddlesMsr = false;   //!< the interval contains m: the result is within chance of the MSR
    PaymentDistribution payment; //!< filled by the Monte Carlo
};

//! The validity of every settled plan, and the Monte Carlo's statewide sum.
struct Validity {
    Year year = 0;
    Rate alpha = 0.10;
    long draws = 0;
    std::uint64_t seed = 1;
    std::vector<PlanValidity> plans; //!< in the settlement's order
    bool monteCarloDone = false;
    PaymentDistribution all; //!< the ALL row: statistics of the per-draw sum over plans
    //! Per draw, the statewide payment by chance and around the result (when kept).
    std::vector<Dollars> chanceTotals, aroundTotals;
};

//! The closed forms of §13 for every plan of the settlement (no Monte Carlo). `moments` may be
//! null (no member aggregates). The settlement must be of `scenario` on `index`'s data.
Validity validityClosedForms(const Settlement& settlement, const ExperienceIndex& index,
                             const Scenario& scenario, const MemberMoments* moments);

//! Thrown by the Monte Carlo when its cancel flag is raised.
struct MonteCarloCancelled {};

//! How to run a Monte Carlo.
struct MonteCarloOptions {
    long draws = 10000;
    std::uint64_t seed = 1;
    int threads = 0;        //!< 0: one per hardware thread; the output does not depend on it
    bool keepDraws = false; //!< keep the statewide sum of each draw (histograms)
    const std::atomic<bool>* cancel = nullptr; //!< raised: stop soon, throw MonteCarloCancelled
};

//! The §13 Monte Carlo over every plan of `validity` (closed forms already filled): draws only the
//! payment step, with each plan's gates, Q, ρ, m and l as settled. Reproducible: plan p's Z for
//! draw k is a pure function of (seed, plan id, k).
void runPaymentMonteCarlo(Validity& validity, const Settlement& settlement, const Scenario& scenario,
                          const MonteCarloOptions& options);

//! Both: the closed forms, then the Monte Carlo with the scenario's draws and seed.
Validity assessValidity(const Settlement& settlement, const ExperienceIndex& index, const Scenario& scenario,
                        const MemberMoments* moments, MonteCarloOptions options);

//! The ⌈q·K⌉-th smallest of the K values for q = percent / 100 (1-based; the first when
//! q·K ≤ 1), §13, in exact integer arithmetic. Reorders values.
double quantileOf(std::vector<double>& values, int percent);

//! The projection fan (§13): percentiles across draws of the statewide projection, per year.
struct FanYear {
    Year year = 0;
    //! p05, p50, p95 of each metric
    struct Band {
        double p05 = 0.0, p50 = 0.0, p95 = 0.0;
    };
    Band grossSavings, planPayment, rateImpact, netStateSavingNonRebased;
};

struct ProjectionFan {
    long draws = 0;
    std::uint64_t seed = 1;
    double trendSd = 0.0;
    std::vector<FanYear> years;
};

//! Runs the §11 projection once per draw with the common annual utilization shock
//! δ_kt = trend_sd · Z_kt added to every plan's and COS's c_s, and takes percentiles of the ALL
//! rows. Z_kt is a pure function of (seed, t, k): the same at any number of threads.
ProjectionFan projectionFan(const ExperienceIndex& index, const QualityData* quality,
                            const Scenario& scenario, const MonteCarloOptions& options);

} // namespace sharecast
