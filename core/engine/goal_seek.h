#pragma once
//! Goal seek (methodology §14): the value of one assumption at which a metric crosses a target,
//! by bracketing and bisection. Metrics such as a payment jump where a savings rate crosses the
//! MSR; bisection on the sign of metric − target finds such a crossing as well as a smooth one.

#include <functional>

namespace sharecast {

//! How a goal seek ended.
struct GoalSeekResult {
    bool found = false;     //!< false: metric − target has the same sign at both ends
    double x = 0.0;         //!< the answer when found
    double value = 0.0;     //!< the metric at x
    double valueLow = 0.0;  //!< the metric at low
    double valueHigh = 0.0; //!< the metric at high
    int evaluations = 0;
};

//! Finds x in [low, high] (low ≤ high) where metric(x) crosses target: an end where the metric
//! equals target exactly is the answer; else bisection on a sign change of metric − target until
//! the bracket is no wider than 1e-9 · max(1, |x|), and the answer is its midpoint (or a point
//! met exactly on the way). `metric` returns the value as compared (cents, as printed).
GoalSeekResult goalSeek(const std::function<double(double)>& metric, double low, double high, double target);

} // namespace sharecast
