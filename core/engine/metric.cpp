#include "metric.h"

#include "error.h"
#include "parallel.h"
#include "partnership_ledger.h"
#include "projection.h"
#include "rounding.h"
#include "settlement.h"

#include <algorithm>
#include <utility>

namespace sharecast {

namespace {

constexpr std::pair<MetricKind, const char*> kSettlementNames[] = {
    {MetricKind::Expected, "expected"},          {MetricKind::Actual, "actual"},
    {MetricKind::GrossSavings, "gross_savings"}, {MetricKind::PlanPayment, "plan_payment"},
    {MetricKind::ProgramNet, "program_net"},     {MetricKind::FederalShare, "federal_share"},
    {MetricKind::StateShare, "state_share"},
};
constexpr std::pair<MetricKind, const char*> kPartnerNames[] = {
    {MetricKind::CboSustainability, "cbo_sustainability"},
    {MetricKind::CboOperatingRevenue, "cbo_operating_revenue"},
    {MetricKind::CboGap, "cbo_gap"},
    {MetricKind::McpValue, "mcp_value"},
};
constexpr std::pair<MetricKind, const char*> kProjectionNames[] = {
    {MetricKind::RateImpact, "rate_impact"},
    {MetricKind::NetStateSavingNonRebased, "net_state_saving_nonrebased"},
    {MetricKind::NetStateSavingRebased, "net_state_saving_rebased"},
};

[[noreturn]] void unknownMetric(const std::string& name)
{
    std::string names;
    for (const auto& [k, n] : kSettlementNames)
        names += std::string(names.empty() ? "" : ", ") + n;
    for (const auto& [k, n] : kProjectionNames)
        names += std::string(", ") + n + "@YEAR";
    names += ", partnership_payments";
    for (const auto& [k, n] : kPartnerNames)
        names += std::string(", ") + n + "@PARTNER";
    throw InputError(InputLocation{{}, 0, "--metric", name, true},
                     "no such metric (there are " + names + ")");
}

Dollars settlementFigure(MetricKind kind, const PlanSettlement& p)
{
    switch (kind) {
    case MetricKind::Expected: return p.expected;
    case MetricKind::Actual: return p.actual;
    case MetricKind::GrossSavings: return p.grossSavings;
    case MetricKind::PlanPayment: return p.payment.payment;
    case MetricKind::ProgramNet: return p.programNet;
    case MetricKind::FederalShare: return p.split.federal;
    case MetricKind::StateShare: return p.split.state;
    default: return 0.0;
    }
}

Dollars projectionFigure(MetricKind kind, const ProjectionYear& y)
{
    switch (kind) {
    case MetricKind::RateImpact: return y.rateImpact;
    case MetricKind::NetStateSavingRebased: return y.netStateSavingRebased;
    default: return y.netStateSavingNonRebased;
    }
}

// The partnership figure of a ledger's amounts (the lines of one partner, or of every partner).
double partnershipFigure(const Metric& metric, const LedgerAmounts& a)
{
    switch (metric.kind) {
    case MetricKind::CboSustainability: {
        const std::optional<Rate> r = a.sustainability();
        if (!r)
            throw InputError(InputLocation{{}, 0, "--metric", metric.name(), true},
                             "the partner has no operating cost, so its sustainability is not defined");
        return roundTo(*r, 10);
    }
    case MetricKind::CboOperatingRevenue: return roundTo(a.operatingRevenue(), 2);
    case MetricKind::CboGap: return roundTo(a.gapAfterGrants(), 2);
    case MetricKind::McpValue: return roundTo(a.mcpValue(), 2);
    default: return roundTo(a.planPayments(), 2);
    }
}

double partnershipMetric(const Metric& metric, const MetricContext& context, const Scenario& scenario,
                         const Settlement& settlement)
{
    if (!context.partnerships)
        throw InputError(
            InputLocation{{}, 0, "--metric", metric.name(), true},
            "a partnership metric needs partnerships data (--partnerships, or a project with it)");
    const PartnershipLedger ledger = partnershipLedger(*context.partnerships, settlement, scenario);
    LedgerAmounts sum;
    bool found = false;
    for (const PartnershipLine& l : ledger.lines) {
        if ((metric.plan && l.planId != *metric.plan) || (metric.partner && l.partnerId != *metric.partner))
            continue;
        sum += l.amounts;
        found = true;
    }
    if (!found && metric.partner)
        throw InputError(InputLocation{{}, 0, "--metric", metric.name(), true},
                         "no contract of this partner in " + std::to_string(ledger.year) +
                             (metric.plan ? " with plan " + *metric.plan : std::string()));
    if (!found && metric.plan)
        throw InputError(InputLocation{{}, 0, "--plan", *metric.plan, true},
                         "no partnership of this plan in " + std::to_string(ledger.year));
    return partnershipFigure(metric, sum);
}

} // namespace

std::string Metric::name() const
{
    for (const auto& [k, n] : kSettlementNames)
        if (k == kind)
            return n;
    if (kind == MetricKind::PartnershipPayments)
        return "partnership_payments";
    for (const auto& [k, n] : kPartnerNames)
        if (k == kind)
            return std::string(n) + "@" + partner.value_or("");
    for (const auto& [k, n] : kProjectionNames)
        if (k == kind)
            return std::string(n) + "@" + std::to_string(year);
    return {};
}

std::string formatMetric(const Metric& metric, double value)
{
    return metric.isRatio() ? formatRate(value) : formatMoney(value);
}

Metric parseMetric(const std::string& name, const std::optional<std::string>& plan)
{
    Metric m;
    m.plan = plan;
    for (const auto& [k, n] : kSettlementNames)
        if (name == n) {
            m.kind = k;
            return m;
        }
    if (name == "partnership_payments") {
        m.kind = MetricKind::PartnershipPayments;
        return m;
    }
    const std::size_t at = name.find('@');
    if (at == std::string::npos)
        unknownMetric(name);
    const std::string base = name.substr(0, at), year = name.substr(at + 1);
    for (const auto& [k, n] : kPartnerNames)
        if (base == n) {
            if (year.empty())
                throw InputError(InputLocation{{}, 0, "--metric", name, true},
                                 "the partner's id goes after '@' (" + base + "@PARTNER)");
            m.kind = k;
            m.partner = year;
            return m;
        }
    const auto found = std::find_if(std::begin(kProjectionNames), std::end(kProjectionNames),
                                    [&](const auto& p) { return base == p.second; });
    if (found == std::end(kProjectionNames))
        unknownMetric(name);
    if (year.empty() || year.size() > 4 ||
        !std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw InputError(InputLocation{{}, 0, "--metric", name, true}, "the year after '@' must be a year");
    m.kind = found->first;
    m.year = std::stoi(year);
    return m;
}

double metricValue(const Metric& metric, const MetricContext& context, const Scenario& scenario)
{
    if (metric.isProjection()) {
        ProjectionOptions options;
        options.trace = false;
        const Projection p = project(*context.index, context.quality, scenario, options);
        const int t = metric.year - p.startYear;
        if (t < 1 || t > p.horizon)
            throw InputError(InputLocation{{}, 0, "--metric", metric.name(), true},
                             "the projection runs from " + std::to_string(p.startYear + 1) + " to " +
                                 std::to_string(p.startYear + p.horizon));
        if (!metric.plan)
            return roundTo(projectionFigure(metric.kind, p.all[static_cast<std::size_t>(t - 1)]), 2);
        for (const PlanProjection& pp : p.plans)
            if (pp.planId == *metric.plan)
                return roundTo(projectionFigure(metric.kind, pp.years[static_cast<std::size_t>(t - 1)]), 2);
        throw InputError(InputLocation{{}, 0, "--plan", *metric.plan, true},
                         "no projected plan with this id");
    }
    SettlementOptions options;
    options.year = context.year;
    options.trace = false;
    const Settlement s = settle(*context.index, context.quality, scenario, options);
    if (metric.isPartnership())
        return partnershipMetric(metric, context, scenario, s);
    double total = 0.0; // statewide: the plans' figures in cents, summed
    for (const PlanSettlement& p : s.plans) {
        if (metric.plan && p.planId != *metric.plan)
            continue;
        total += roundTo(settlementFigure(metric.kind, p), 2);
        if (metric.plan)
            return total;
    }
    if (metric.plan)
        throw InputError(InputLocation{{}, 0, "--plan", *metric.plan, true}, "no settled plan with this id");
    return roundTo(total, 2);
}

std::vector<double> metricValues(const Metric& metric, const MetricContext& context,
                                 const std::vector<Scenario>& scenarios, int threads)
{
    return metricValues(
        metric, context, scenarios.size(), [&scenarios](std::size_t i) { return scenarios[i]; }, threads);
}

std::vector<double> metricValues(const Metric& metric, const MetricContext& context, std::size_t count,
                                 const std::function<Scenario(std::size_t)>& scenario, int threads)
{
    std::vector<double> out(count);
    parallelFor(count, threadCount(threads, count),
                [&](std::size_t i) { out[i] = metricValue(metric, context, scenario(i)); });
    return out;
}

} // namespace sharecast
