#pragma once
//! Minimum savings and loss rates (methodology §5).

#include "scenario.h"

#include <optional>

namespace sharecast {

//! What one threshold computation needs.
struct ThresholdInput {
    ThresholdMethod method = ThresholdMethod::None;
    Rate fixedRate = 0.0;            //!< for `fixed`
    double z = 1.6449;               //!< for `confidence`
    double cv = 2.5;                 //!< for `confidence`
    double members = 0.0;            //!< N, average members (MM / 12)
    std::optional<Rate> electedRate; //!< for `elected` (totals mode)
};

//! A threshold with the method and inputs that produced it (the trace).
struct ThresholdResult {
    Rate rate = 0.0;
    ThresholdMethod method = ThresholdMethod::None;
    double members = 0.0;
    //! For mssp_table: the table points bracketing N (equal when clamped at an end).
    double lowerMembers = 0.0, upperMembers = 0.0;
    Rate lowerRate = 0.0, upperRate = 0.0;
};

//! The MSR (or MLR) by method (§5). `elected` without a rate is an InputError.
ThresholdResult computeThreshold(const ThresholdInput& input);

//! The MSSP table of §5, interpolated linearly in N; 12.2 % below 500, 2.0 % from 60,000.
Rate msspTableRate(double members);

//! The ThresholdInput for the MSR of a scenario, for N members.
ThresholdInput msrInput(const Scenario& scenario, double members, std::optional<Rate> elected);
//! The ThresholdInput for the MLR of a scenario (same_as_msr: the MSR's input).
ThresholdInput mlrInput(const Scenario& scenario, double members, std::optional<Rate> elected);

} // namespace sharecast
