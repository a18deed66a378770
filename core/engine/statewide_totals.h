#pragma once
//! Statewide totals of a settlement: the headline figures the workbench, the report and the
//! comparisons show, each the sum of the plans' figures in whole cents, so that a total always
//! equals adding up the column of the settlement CSV (methodology §0: rounded at output only).

#include "settlement.h"
#include "types.h"

#include <vector>

namespace sharecast {

//! The sum of amounts each rounded to cents (half away from zero), added as whole cents: exactly
//! what adding up the written amounts gives.
Dollars sumOfCents(const std::vector<Dollars>& values);

//! The seven statewide headline figures of a settlement (each a sumOfCents over the plans).
struct StatewideTotals {
    Dollars expected = 0.0;
    Dollars actual = 0.0;
    Dollars grossSavings = 0.0;
    Dollars payments = 0.0;
    Dollars programNet = 0.0;
    Dollars federal = 0.0;
    Dollars state = 0.0;
    double members = 0.0; //!< Σ N, member years (unrounded)
};

//! The statewide totals of a settlement.
StatewideTotals statewideTotals(const Settlement& settlement);

} // namespace sharecast
