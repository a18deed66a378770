#include "risk_corridor.h"

#include <algorithm>
#include <cmath>

namespace sharecast {

CorridorResult settleCorridor(const Corridor& c, Dollars actual, MemberMonths mm)
{
    CorridorResult r;
    r.name = c.name;
    r.cos = c.cos;
    r.actual = actual;
    r.target = c.targetPmpm * mm;
    if (!(r.target > 0.0))
        return r;
    r.deviation = (actual - r.target) / r.target;
    const double magnitude = std::fabs(r.deviation);
    double shared = 0.0;
    for (const CorridorBand& b : c.bands) {
        CorridorBandShare s{b.from, b.to, b.stateShare, 0.0};
        const double upper = b.to ? std::min(magnitude, *b.to) : magnitude;
        s.overlap = std::max(0.0, upper - b.from);
        shared += b.stateShare * s.overlap;
        r.bands.push_back(s);
    }
    r.settlement = (r.deviation < 0.0 ? -1.0 : 1.0) * r.target * shared;
    if (r.deviation == 0.0)
        r.settlement = 0.0;
    return r;
}

BlendResult trueUpBlend(const BlendSpec& blend, const std::vector<std::pair<std::string, MemberMonths>>& mm)
{
    BlendResult r;
    for (const std::string& cell : blend.rateCells) {
        const auto mix = blend.projectedMix.find(cell);
        const auto rate = blend.rates.find(cell);
        if (mix != blend.projectedMix.end() && rate != blend.rates.end())
            r.blendedRate += mix->second * rate->second;
    }
    for (const auto& [cell, months] : mm) {
        const auto rate = blend.rates.find(cell);
        if (rate == blend.rates.end())
            continue;
        r.memberMonths += months;
        r.atCellRates += months * rate->second;
    }
    r.atBlendedRate = r.blendedRate * r.memberMonths;
    r.difference = r.atCellRates - r.atBlendedRate;
    r.threshold = blend.tolerance * r.atBlendedRate;
    r.trueUp = std::fabs(r.difference) > r.threshold ? r.difference : 0.0;
    return r;
}

MlrRemittanceResult computeMlrRemittance(const MlrRemittance& spec, Dollars medicalCost, Dollars revenue)
{
    MlrRemittanceResult r;
    r.medicalCost = medicalCost;
    r.revenue = revenue;
    if (!spec.enabled || !(revenue > 0.0))
        return r;
    r.ratio = medicalCost / revenue;
    r.remittance = std::max(0.0, spec.minimum - *r.ratio) * revenue;
    return r;
}

} // namespace sharecast
