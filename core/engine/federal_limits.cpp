#include "federal_limits.h"

namespace sharecast {

FederalLimitsResult checkFederalLimits(const FederalLimits& spec, Dollars revenue, Dollars payment,
                                       Dollars ilosCost)
{
    FederalLimitsResult r;
    r.revenue = revenue;
    r.payment = payment;
    r.ilosCost = ilosCost;
    if (!(revenue > 0.0)) {
        r.noRevenue = true;
        return r;
    }
    r.incentiveRatio = payment / revenue;
    r.incentiveExceeded = payment > spec.incentiveMax * revenue;
    r.ilosRatio = ilosCost / revenue;
    r.ilosExceeded = *r.ilosRatio > spec.ilosMax;
    r.ilosEvaluationDue = *r.ilosRatio > spec.ilosEvaluation;
    return r;
}

} // namespace sharecast
