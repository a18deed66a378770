#include "goal_seek.h"

#include <algorithm>
#include <cmath>

namespace sharecast {

GoalSeekResult goalSeek(const std::function<double(double)>& metric, double low, double high, double target)
{
    GoalSeekResult r;
    r.valueLow = metric(low);
    r.valueHigh = metric(high);
    r.evaluations = 2;
    auto answer = [&r](double x, double value) {
        r.found = true;
        r.x = x;
        r.value = value;
        return r;
    };
    const double dLow = r.valueLow - target, dHigh = r.valueHigh - target;
    if (dLow == 0.0)
        return answer(low, r.valueLow);
    if (dHigh == 0.0)
        return answer(high, r.valueHigh);
    if ((dLow < 0.0) == (dHigh < 0.0))
        return r;
    double a = low, b = high, da = dLow;
    for (;;) {
        const double mid = a + (b - a) / 2.0;
        if (!(b - a > 1e-9 * std::max(1.0, std::fabs(mid))) || mid <= a || mid >= b)
            break;
        const double value = metric(mid);
        ++r.evaluations;
        const double d = value - target;
        if (d == 0.0)
            return answer(mid, value);
        if ((d < 0.0) == (da < 0.0)) {
            a = mid;
            da = d;
        } else {
            b = mid;
        }
    }
    const double x = a + (b - a) / 2.0;
    ++r.evaluations;
    return answer(x, metric(x));
}

} // namespace sharecast
