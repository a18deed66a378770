#include "ui/analysis/sensitivity_range.h"

#include "engine/rounding.h"

#include <cmath>

namespace sharecast::ui {

std::optional<KeyRange> defaultKeyRange(std::optional<double> base)
{
    if (!base)
        return std::nullopt;
    if (*base == 0.0) // §14: base ∓ 0.01 when the base is 0
        return KeyRange{-0.01, 0.01};
    return KeyRange{*base * (1.0 - 0.10), *base * (1.0 + 0.10)}; // base × (1 ∓ 0.10)
}

std::vector<double> keyGrid(double low, double high, int n)
{
    std::vector<double> g;
    if (n < 2)
        return g;
    g.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        g.push_back(low + i * (high - low) / (n - 1));
    return g;
}

double roundedSwing(double metricLow, double metricHigh)
{
    return roundTo(std::fabs(metricHigh - metricLow), 2);
}

} // namespace sharecast::ui
