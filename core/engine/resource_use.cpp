#include "resource_use.h"

namespace sharecast {

std::string utilColumnName(const std::string& name)
{
    return name.rfind("util_", 0) == 0 ? name.substr(5) : name;
}

ResourceUseResult computeResourceUse(const ResourceUseInput& in)
{
    const ResourceUseMeasure& m = *in.measure;
    ResourceUseResult r;
    r.id = m.id;
    r.exposure = in.current.exposure;
    if (!in.current.present || in.current.exposure <= 0.0 || !in.prior.present || in.prior.exposure <= 0.0)
        return r; // §7: without year Y − 1 data the measure saves 0
    r.evaluable = true;
    r.rate = in.current.numerator / in.current.exposure * m.per;
    r.priorRate = in.prior.numerator / in.prior.exposure * m.per;
    r.riskFactor = in.riskAdjust ? in.riskFactor : 1.0;
    r.expectedRate = r.priorRate * r.riskFactor;
    const Dollars g = (r.expectedRate - r.rate) * in.current.exposure / m.per * m.unitCost;
    r.savings = m.direction == Direction::Lower ? g : -g;
    return r;
}

} // namespace sharecast
