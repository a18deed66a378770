#include "regional_rates.h"

#include "error.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace sharecast {

std::vector<PaidRate> paidRates(const Projection& projection)
{
    std::vector<PaidRate> out;
    for (const PlanProjection& plan : projection.plans) {
        require(plan.years.empty() || !plan.cells.empty(),
                "regional rates need a traced projection (the rates of every cell)");
        for (const CellProjection& cell : plan.cells) {
            for (std::size_t t = 0; t < cell.years.size() && t < plan.years.size(); ++t) {
                const CellProjectionYear& y = cell.years[t];
                // §10: the non-rebased rate, or the rebased one for a plan failing a blocking gate.
                const GrossRate& paid = plan.years[t].nonRebasedApplies ? y.nonRebased : y.rebased;
                out.push_back(
                    PaidRate{plan.planId, cell.region, cell.rateCell, y.year, y.memberMonths, paid.gross});
            }
        }
    }
    return out;
}

RegionalRates computeRegionalRates(const RegionalRatesInput& in)
{
    require(in.spec != nullptr, "regional rates need a regional_rates specification");
    const RegionalRatesSpec& spec = *in.spec;
    RegionalRates out;

    std::map<std::string, std::string> regionOf;
    for (const auto& [region, counties] : spec.regions)
        for (const std::string& county : counties)
            regionOf.emplace(county, region);

    std::set<std::string> countiesInData;
    for (const PaidRate& r : in.rates)
        countiesInData.insert(r.county);

    // Rows in order; each regionalised row belongs to the group of its region, cell and year.
    std::vector<std::size_t> order(in.rates.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto key = [](const PaidRate& r) { return std::tie(r.planId, r.county, r.rateCell, r.year); };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(in.rates[a]) < key(in.rates[b]); });

    using GroupKey = std::tuple<std::string, std::string, Year>;
    std::map<GroupKey, RegionalRateGroup> groups;
    std::set<std::string> notRegionalised;
    for (std::size_t i : order) {
        const PaidRate& r = in.rates[i];
        RegionalRateRow row;
        row.old = r;
        const auto region = regionOf.find(r.county);
        if (region == regionOf.end()) {
            notRegionalised.insert(r.county);
        } else {
            row.region = region->second;
            const auto adj = spec.adjustments.find(r.county);
            row.adjustment = adj == spec.adjustments.end() ? 1.0 : adj->second;
            RegionalRateGroup& g = groups[GroupKey{row.region, r.rateCell, r.year}];
            g.region = row.region;
            g.rateCell = r.rateCell;
            g.year = r.year;
            ++g.cells;
            g.memberMonths += r.memberMonths;
            g.oldDollars += r.memberMonths * r.rate;
        }
        out.rows.push_back(std::move(row));
    }

    // R per group, then the blended and adjusted dollars before scaling.
    for (auto& [k, g] : groups)
        g.regionalMean = g.memberMonths > 0.0 ? g.oldDollars / g.memberMonths : 0.0;
    auto blended = [&spec](const RegionalRateRow& row, const RegionalRateGroup& g) {
        return ((1.0 - spec.blend) * row.old.rate + spec.blend * g.regionalMean) * row.adjustment;
    };
    for (const RegionalRateRow& row : out.rows)
        if (row.regionalised()) {
            RegionalRateGroup& g = groups.at(GroupKey{row.region, row.old.rateCell, row.old.year});
            g.adjustedDollars += row.old.memberMonths * blended(row, g);
        }
    for (auto& [k, g] : groups)
        g.scale = spec.budgetNeutral && g.adjustedDollars != 0.0 ? g.oldDollars / g.adjustedDollars : 1.0;

    for (RegionalRateRow& row : out.rows) {
        if (row.regionalised()) {
            RegionalRateGroup& g = groups.at(GroupKey{row.region, row.old.rateCell, row.old.year});
            row.regionalMean = g.regionalMean;
            row.scale = g.scale;
            row.newRate = g.scale * blended(row, g);
            g.newDollars += row.old.memberMonths * row.newRate;
        } else {
            row.newRate = row.old.rate;
        }
        row.change = row.newRate - row.old.rate;
        row.changeDollars = row.change * row.old.memberMonths;
    }
    for (auto& [k, g] : groups)
        out.groups.push_back(g);

    for (const std::string& county : notRegionalised)
        out.warnings.push_back("county " + county +
                               " is in no region of regional_rates and keeps its own rate");
    for (const auto& [region, counties] : spec.regions)
        for (const std::string& county : counties)
            if (!countiesInData.count(county))
                out.warnings.push_back("regional_rates.regions." + region + " names county " + county +
                                       ", which has no rates in the data");
    for (const auto& [county, factor] : spec.adjustments)
        if (!countiesInData.count(county))
            out.warnings.push_back("regional_rates.adjustments names county " + county +
                                   ", which has no rates in the data");
        else if (!regionOf.count(county))
            out.warnings.push_back("regional_rates.adjustments." + county +
                                   " is not applied: the county is in no region");
    return out;
}

RegionalRates regionalRatesFor(const ExperienceIndex& index, const QualityData* quality,
                               const Scenario& scenario, std::optional<Year> rateYear)
{
    if (!scenario.regionalRates)
        throw InputError(InputLocation{{}, 0, "regional_rates", {}, false},
                         "the scenario configures no regional rates (add a regional_rates object)");
    ProjectionOptions options;
    options.trace = true;
    const Projection projection = project(index, quality, scenario, options);
    std::vector<PaidRate> rates = paidRates(projection);
    if (rateYear) {
        const Year first = projection.startYear + 1;
        const Year last = projection.startYear + projection.horizon;
        if (*rateYear < first || *rateYear > last)
            throw InputError(InputLocation{{}, 0, "year", std::to_string(*rateYear), true},
                             "not a rate year of the projection (" + std::to_string(first) + " to " +
                                 std::to_string(last) + ")");
        std::erase_if(rates, [&](const PaidRate& r) { return r.year != *rateYear; });
    }
    RegionalRates out = computeRegionalRates(RegionalRatesInput{&*scenario.regionalRates, std::move(rates)});
    out.warnings.insert(out.warnings.begin(), projection.warnings.begin(), projection.warnings.end());
    return out;
}

std::vector<RegionalRateTotal> regionalRateTotals(const RegionalRates& rates, bool byCounty)
{
    std::map<std::string, RegionalRateTotal> totals;
    for (const RegionalRateRow& row : rates.rows) {
        const std::string& key = byCounty ? row.old.county : row.old.planId;
        RegionalRateTotal& t = totals[key];
        t.key = key;
        t.changeDollars += row.changeDollars;
        t.oldDollars += row.old.memberMonths * row.old.rate;
    }
    std::vector<RegionalRateTotal> out;
    for (auto& [key, t] : totals)
        out.push_back(t);
    return out;
}

} // namespace sharecast
