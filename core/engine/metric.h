#pragma once
//! The metrics of sensitivity analysis, two-way tables and goal seek (methodology §14): a
//! statewide settlement total (the sum of the plans' figures in cents, as settle prints them and
//! the report and workbench show them) or one plan's, or a projection total of the ALL rows (or
//! one plan's) in a year; and their evaluation over many scenarios at once, on every core.

#include "experience_index.h"
#include "partnership_data.h"
#include "quality_data.h"
#include "scenario.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! What a metric measures.
enum class MetricKind {
    Expected,
    Actual,
    GrossSavings,
    PlanPayment,
    ProgramNet,
    FederalShare,
    StateShare,
    RateImpact,               //!< projection, rate_impact@YEAR
    NetStateSavingNonRebased, //!< projection, net_state_saving_nonrebased@YEAR
    NetStateSavingRebased,    //!< projection, net_state_saving_rebased@YEAR (v2)
    // Partnerships (docs/methodology.md, "Partnerships"): of the settlement's year.
    PartnershipPayments, //!< partnership_payments: what plans pay their partners
    CboSustainability,   //!< cbo_sustainability@PARTNER: operating revenue ÷ operating cost
    CboOperatingRevenue, //!< cbo_operating_revenue@PARTNER
    CboGap,              //!< cbo_gap@PARTNER: the yearly shortfall once grants end
    McpValue,            //!< mcp_value@PARTNER: avoided cost kept − payments to the partner
};

//! A metric: its kind, the plan (null: statewide) and, for projection metrics, the year.
struct Metric {
    MetricKind kind = MetricKind::ProgramNet;
    std::optional<std::string> plan;
    Year year = 0;                      //!< projection metrics only
    std::optional<std::string> partner; //!< partner metrics only (the text after '@')
    //! The name as the command line spells it (`program_net`, `rate_impact@2027`,
    //! `cbo_sustainability@ECM-1`).
    std::string name() const;
    bool isProjection() const
    {
        return kind == MetricKind::RateImpact || kind == MetricKind::NetStateSavingNonRebased ||
               kind == MetricKind::NetStateSavingRebased;
    }
    bool isPartnership() const { return kind >= MetricKind::PartnershipPayments; }
    //! A ratio (cbo_sustainability), rounded to 10 decimals; every other metric is dollars.
    bool isRatio() const { return kind == MetricKind::CboSustainability; }
};

//! A value of the metric as files print it: money to cents, a ratio to 10 decimals.
std::string formatMetric(const Metric& metric, double value);

//! The metric named `name` (§14), for `plan` when given. Throws InputError naming the metric
//! and listing the names there are.
Metric parseMetric(const std::string& name, const std::optional<std::string>& plan);

//! What evaluating metrics needs besides the scenario: the data, and the performance year.
struct MetricContext {
    const ExperienceIndex* index = nullptr;
    const QualityData* quality = nullptr;
    std::optional<Year> year; //!< the settlement's (--year); null: the scenario's performance year
    const PartnershipData* partnerships = nullptr; //!< for partnership metrics
};

//! The metric for one scenario, in dollars rounded to cents as settle, project or partnerships
//! print them (a ratio to 10 decimals). Throws InputError when the plan is not settled (or
//! projected), the year not projected, or a partnership metric has no partnerships data, no
//! such partner or (cbo_sustainability) a partner with no operating cost.
double metricValue(const Metric& metric, const MetricContext& context, const Scenario& scenario);

//! metricValue for every scenario, on `threads` threads (0: every core); the same at any number.
std::vector<double> metricValues(const Metric& metric, const MetricContext& context,
                                 const std::vector<Scenario>& scenarios, int threads = 0);

//! metricValue of scenario(i) for i in [0, count): the scenarios are made on the worker threads
//! too. When making or evaluating fails for some i, the error of the lowest such i is thrown
//! (the same error whatever the threads), after every job has stopped.
std::vector<double> metricValues(const Metric& metric, const MetricContext& context, std::size_t count,
                                 const std::function<Scenario(std::size_t)>& scenario, int threads = 0);

} // namespace sharecast
