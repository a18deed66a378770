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

GrossRate buildGrossRate(const RateInput& in)
{
    GrossRate r;
    r.rateYear = in.rateYear;
    r.baseYear = in.baseYear;
    r.underwritingGain = in.assumptions.underwritingGain;
    const Scenario& s = *in.scenario;
    const int years = in.rateYear - in.baseYear;
    Pmpm baseMedical = 0.0; // the base year's medical PMPM without care coordination, untrended
    for (std::size_t k = 0; k < in.cos->size(); ++k) {
        const int cos = (*in.cos)[k];
        const std::string& name = (*in.cosNames)[static_cast<std::size_t>(cos)];
        const TrendPair t = s.trendFor(*in.rateCell, name);
        RateCosTerm term;
        term.cos = cos;
        term.basePmpm = in.basePmpm[k];
        term.trendFactor = std::pow((1.0 + t.utilization) * (1.0 + t.unitCost), static_cast<double>(years));
        term.programChange = programChangeFactor(s, name, *in.rateCell, in.baseYear, in.rateYear);
        term.careCoordination = static_cast<int>(k) == in.ecmPosition;
        r.medicalPmpm += term.basePmpm * term.trendFactor * term.programChange;
        if (term.careCoordination)
            r.careCoordinationPmpm = term.basePmpm;
        else
            baseMedical += term.basePmpm;
        if (in.trace)
            r.terms.push_back(term);
    }
    const double margin = 1.0 - in.assumptions.adminLoad - in.assumptions.underwritingGain;
    r.adminLoad = in.assumptions.adminLoad;
    if (in.ecmPosition >= 0 && baseMedical > 0.0) {
        const Pmpm baseGross = baseMedical / margin; // the base year's rate with ECM as administration
        r.adminLoad = std::max(0.0, in.assumptions.adminLoad - r.careCoordinationPmpm / baseGross);
    }
    r.gross = r.medicalPmpm / (1.0 - r.adminLoad - r.underwritingGain);
    return r;
}

} // namespace sharecast
