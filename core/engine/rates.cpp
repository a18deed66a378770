#include "rates.h"

#include <algorithm>
#include <cmath>

namespace sharecast {

double programChangeFactor(const Scenario& scenario, const std::string& cos, const std::string& rateCell,
                           Year from, Year to)
{
    double pc = 1.0;
    for (const ProgramChange& change : scenario.programChanges) {
        if (change.cos && *change.cos != cos)
            continue;
        if (change.rateCells && std::find(change.rateCells->begin(), change.rateCells->end(), rateCell) ==
                                    change.rateCells->end())
            continue;
        if (from < change.effectiveYear && change.effectiveYear <= to)
            pc *= change.factor;
    }
    return pc;
}

RateRecipe rateRecipe(const RateInput& in)
{
    RateRecipe r;
    r.rateYear = in.rateYear;
    r.baseYear = in.baseYear;
    r.cos = *in.cos;
    r.ecmPosition = in.ecmPosition;
    r.assumptions = in.assumptions;
    const Scenario& s = *in.scenario;
    const int years = in.rateYear - in.baseYear;
    r.trendFactor.reserve(r.cos.size());
    r.programChange.reserve(r.cos.size());
    for (std::size_t k = 0; k < r.cos.size(); ++k) {
        const std::string& name = (*in.cosNames)[static_cast<std::size_t>(r.cos[k])];
        double annual = 0.0;
        if (in.annualTrend) {
            annual = (*in.annualTrend)[k];
        } else {
            const TrendPair t = s.trendFor(*in.rateCell, name);
            annual = (1.0 + t.utilization) * (1.0 + t.unitCost);
        }
        r.trendFactor.push_back(std::pow(annual, static_cast<double>(years)));
        r.programChange.push_back(programChangeFactor(s, name, *in.rateCell, in.baseYear, in.rateYear));
    }
    return r;
}

GrossRate applyRateRecipe(const RateRecipe& recipe, const std::vector<Pmpm>& basePmpm, bool trace)
{
    GrossRate r;
    r.rateYear = recipe.rateYear;
    r.baseYear = recipe.baseYear;
    r.underwritingGain = recipe.assumptions.underwritingGain;
    Pmpm baseMedical = 0.0; // the base year's medical PMPM without care coordination, untrended
    for (std::size_t k = 0; k < recipe.cos.size(); ++k) {
        RateCosTerm term;
        term.cos = recipe.cos[k];
        term.basePmpm = basePmpm[k];
        term.trendFactor = recipe.trendFactor[k];
        term.programChange = recipe.programChange[k];
        term.careCoordination = static_cast<int>(k) == recipe.ecmPosition;
        r.medicalPmpm += term.basePmpm * term.trendFactor * term.programChange;
        if (term.careCoordination)
            r.careCoordinationPmpm = term.basePmpm;
        else
            baseMedical += term.basePmpm;
        if (trace) {
            r.terms.reserve(recipe.cos.size());
            r.terms.push_back(term);
        }
    }
    const double margin = 1.0 - recipe.assumptions.adminLoad - recipe.assumptions.underwritingGain;
    r.adminLoad = recipe.assumptions.adminLoad;
    if (recipe.ecmPosition >= 0 && baseMedical > 0.0) {
        const Pmpm baseGross = baseMedical / margin; // the base year's rate with ECM as administration
        r.adminLoad = std::max(0.0, recipe.assumptions.adminLoad - r.careCoordinationPmpm / baseGross);
    }
    r.gross = r.medicalPmpm / (1.0 - r.adminLoad - r.underwritingGain);
    return r;
}

GrossRate buildGrossRate(const RateInput& in)
{
    return applyRateRecipe(rateRecipe(in), in.basePmpm, in.trace);
}

} // namespace sharecast
