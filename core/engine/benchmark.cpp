#include "benchmark.h"

#include "rates.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sharecast {

BenchmarkContext BenchmarkContext::make(const Scenario& scenario, const ExperienceIndex& index, Year y)
{
    BenchmarkContext ctx;
    ctx.year = y;
    ctx.baseline = scenario.effectiveBaseline(y);
    ctx.truncation = scenario.truncation.enabled;
    ctx.riskAdjustment = scenario.riskAdjustment;

    const ExperienceData& data = index.data();
    for (std::size_t s = 0; s < data.cosNames.size(); ++s)
        if (scenario.includesCos(data.cosNames[s]))
            ctx.includedCos.push_back(static_cast<int>(s));

    const std::size_t nb = ctx.baseline.years.size();
    const std::size_t nk = ctx.includedCos.size();
    const auto& cells = index.rateCells();
    ctx.trend.assign(cells.size(), std::vector<std::vector<double>>(nb, std::vector<double>(nk, 1.0)));
    ctx.programChange = ctx.trend;
    ctx.addOn.assign(cells.size(), std::vector<Pmpm>(nk, 0.0));
    for (std::size_t k = 0; k < nk; ++k) {
        const NewBenefit* nb =
            scenario.newBenefitFor(data.cosNames[static_cast<std::size_t>(ctx.includedCos[k])]);
        ctx.newBenefit.push_back(nb);
        if (nb)
            for (std::size_t c = 0; c < cells.size(); ++c)
                ctx.addOn[c][k] =
                    nb->pricedPmpm(cells[c]).value_or(0.0) * nb->takeUpIn(y) * nb->trendFactor(y);
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
        for (std::size_t k = 0; k < nk; ++k) {
            const std::string& cos = data.cosNames[static_cast<std::size_t>(ctx.includedCos[k])];
            const TrendPair t = scenario.trendFor(cells[c], cos); // §2.3 precedence
            const double annual = (1.0 + t.utilization) * (1.0 + t.unitCost);
            for (std::size_t b = 0; b < nb; ++b) {
                const Year base = ctx.baseline.years[b];
                ctx.trend[c][b][k] = std::pow(annual, static_cast<double>(y - base));               // §2.3
                ctx.programChange[c][b][k] = programChangeFactor(scenario, cos, cells[c], base, y); // §2.4
            }
        }
    }
    return ctx;
}

Dollars includedCost(const ExperienceCell& cell, const std::vector<int>& includedCos)
{
    Dollars sum = 0.0;
    for (int s : includedCos)
        sum += cell.cost[static_cast<std::size_t>(s)];
    return sum;
}

CellBenchmark computeCellBenchmark(const CellSeries& series, const ExperienceCell& current,
                                   const BenchmarkContext& ctx, bool trace)
{
    CellBenchmark result;
    const std::size_t nb = ctx.baseline.years.size();
    const std::size_t nk = ctx.includedCos.size();
    const auto rc = static_cast<std::size_t>(series.rateCellId);

    double availableWeight = 0.0;
    for (std::size_t b = 0; b < nb; ++b)
        if (series.cellFor(ctx.baseline.years[b]))
            availableWeight += ctx.baseline.weights[b];
    if (trace)
        result.baseYears.reserve(nb);

    if (!(availableWeight > 0.0)) { // §2.6: no baseline year
        if (trace)
            for (std::size_t b = 0; b < nb; ++b) {
                BaseYearTerm term;
                term.year = ctx.baseline.years[b];
                term.weight = ctx.baseline.weights[b];
                result.baseYears.push_back(std::move(term));
            }
        return result;
    }

    const double lower = ctx.riskAdjustment.capDown ? 1.0 - *ctx.riskAdjustment.capDown
                                                    : -std::numeric_limits<double>::infinity();
    const double upper =
        ctx.riskAdjustment.capUp ? 1.0 + *ctx.riskAdjustment.capUp : std::numeric_limits<double>::infinity();
    Pmpm expectedPmpm = 0.0;
    for (std::size_t b = 0; b < nb; ++b) {
        const ExperienceCell* base = series.cellFor(ctx.baseline.years[b]);
        BaseYearTerm term;
        term.year = ctx.baseline.years[b];
        term.weight = ctx.baseline.weights[b];
        if (!base) {
            if (trace)
                result.baseYears.push_back(std::move(term));
            continue;
        }
        term.available = true;
        term.renormalisedWeight = ctx.baseline.weights[b] / availableWeight; // §2.6 w'
        term.memberMonths = base->memberMonths;
        term.riskScore = base->riskScore;

        if (ctx.truncation) { // §2.1
            const Dollars included = includedCost(*base, ctx.includedCos);
            if (included > 0.0)
                term.truncationFactor = 1.0 - base->excessOverThreshold / included;
        }
        if (ctx.riskAdjustment.enabled) { // §2.5
            term.riskRatio = current.riskScore / base->riskScore;
            term.riskFactor = std::clamp(term.riskRatio, lower, upper);
        }

        const double scale = term.truncationFactor / base->memberMonths;
        const auto& trend = ctx.trend[rc][b];
        const auto& pc = ctx.programChange[rc][b];
        double sum = 0.0;
        if (trace)
            term.cos.reserve(nk);
        for (std::size_t k = 0; k < nk; ++k) {
            if (ctx.newBenefit[k])
                continue; // priced as an add-on: its base experience is not used
            const Pmpm basePmpm = scale * base->cost[static_cast<std::size_t>(ctx.includedCos[k])]; // §2.2
            sum += basePmpm * trend[k] * pc[k];
            if (trace)
                term.cos.push_back(CosTerm{ctx.includedCos[k], basePmpm, trend[k], pc[k]});
        }
        term.pmpm = sum * term.riskFactor;
        expectedPmpm += term.renormalisedWeight * term.pmpm; // §2.6
        if (trace)
            result.baseYears.push_back(std::move(term));
    }

    // New benefits: a PMPM add-on instead of base experience, scaled by the cell's risk score.
    const double risk = ctx.riskAdjustment.enabled ? current.riskScore : 1.0;
    for (std::size_t k = 0; k < nk; ++k) {
        const NewBenefit* nb = ctx.newBenefit[k];
        if (!nb)
            continue;
        const Pmpm addOn = ctx.addOn[rc][k] * risk;
        result.addOnPmpm += addOn;
        if (trace)
            result.addOns.push_back(
                AddOnTerm{ctx.includedCos[k], nb->pricedPmpm(*series.rateCell).value_or(0.0),
                          nb->takeUpIn(ctx.year), nb->trendFactor(ctx.year), risk, addOn});
    }
    expectedPmpm += result.addOnPmpm;

    result.settleable = true;
    result.expectedPmpm = expectedPmpm;
    result.expected = expectedPmpm * current.memberMonths; // §2.7
    return result;
}

} // namespace sharecast
