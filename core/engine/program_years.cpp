#include "program_years.h"

#include "error.h"
#include "statewide_totals.h"

#include <algorithm>
#include <map>

namespace sharecast {

std::optional<Rate> PlanProgramTotal::savingsRate() const
{
    if (expected == 0.0)
        return std::nullopt;
    return grossSavings / expected;
}

ProgramSettlement settleProgram(const ExperienceIndex& index, const QualityData* quality,
                                const std::vector<Scenario>& scenarios, bool trace)
{
    ProgramSettlement out;
    // Each plan's yearly figures, summed in cents at the end (as the statewide totals are).
    struct Figures {
        std::vector<Year> years;
        std::vector<Dollars> expected, actual, gross, payment, net, federal, state;
    };
    std::map<std::string, Figures> byPlan;
    for (const Scenario& scenario : scenarios) {
        require(scenario.performanceYear.has_value(), "a program year's scenario has no performance year");
        const Year y = *scenario.performanceYear;
        require(out.years.empty() || y > out.years.back().year, "program years must rise strictly");
        SettlementOptions options;
        options.year = y;
        options.trace = trace;
        try {
            out.years.push_back(settle(index, quality, scenario, options));
        } catch (const InputError& e) {
            throw InputError(e.where(), std::to_string(y) + ": " + e.reason());
        }
        for (const std::string& w : out.years.back().warnings)
            out.warnings.push_back(std::to_string(y) + ": " + w);
        for (const PlanSettlement& p : out.years.back().plans) {
            Figures& f = byPlan[p.planId];
            f.years.push_back(y);
            f.expected.push_back(p.expected);
            f.actual.push_back(p.actual);
            f.gross.push_back(p.grossSavings);
            f.payment.push_back(p.payment.payment);
            f.net.push_back(p.programNet);
            f.federal.push_back(p.split.federal);
            f.state.push_back(p.split.state);
        }
    }
    for (const auto& [id, f] : byPlan) {
        if (f.years.size() < out.years.size()) {
            std::string missing;
            for (const Settlement& s : out.years)
                if (std::find(f.years.begin(), f.years.end(), s.year) == f.years.end())
                    missing += (missing.empty() ? "" : ", ") + std::to_string(s.year);
            out.warnings.push_back("plan " + id + " is not settled in " + missing +
                                   "; its cumulative total covers the other program years");
        }
        out.cumulative.push_back(PlanProgramTotal{
            id, f.years, sumOfCents(f.expected), sumOfCents(f.actual), sumOfCents(f.gross),
            sumOfCents(f.payment), sumOfCents(f.net), sumOfCents(f.federal), sumOfCents(f.state)});
    }
    return out;
}

} // namespace sharecast
