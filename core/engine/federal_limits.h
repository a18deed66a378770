#pragma once
//! Federal limits on Medicaid managed care arrangements, flagged per plan (42 CFR 438.6(b)(2),
//! 42 CFR 438.16; the 85 % MLR floor of 42 CFR 438.8 is mlr_remittance, §12).

#include "scenario.h"
#include "types.h"

#include <optional>

namespace sharecast {

//! The federal limits of one plan (FederalLimits), each a flag with the figures compared.
struct FederalLimitsResult {
    Dollars revenue = 0.0;              //!< capitation revenue of the settled cells in year Y
    Dollars payment = 0.0;              //!< P
    std::optional<Rate> incentiveRatio; //!< P / revenue; NA without revenue
    bool incentiveExceeded = false;     //!< P > incentive_max · revenue (42 CFR 438.6(b)(2))
    Dollars ilosCost = 0.0;             //!< cost of the in-lieu-of-services COS
    std::optional<Rate> ilosRatio;      //!< ILOS cost / revenue; NA without revenue
    bool ilosExceeded = false;          //!< ratio > ilos_max (42 CFR 438.16(c))
    bool ilosEvaluationDue = false;     //!< ratio > ilos_evaluation (42 CFR 438.16(e))
    bool noRevenue = false;             //!< no capitation revenue: the limits cannot be checked
};

//! Checks one plan against the federal limits; a plan without capitation revenue is flagged as
//! not checkable (noRevenue), with no limit reported exceeded.
FederalLimitsResult checkFederalLimits(const FederalLimits& spec, Dollars revenue, Dollars payment,
                                       Dollars ilosCost);

} // namespace sharecast
