#include "ui/analysis/sensitivity_range.h"

#include "engine/rounding.h"
#include "io/report/sensitivity_table.h"

#include <cmath>

namespace sharecast::ui {

std::optional<KeyRange> defaultKeyRange(std::optional<double> base)
{
    const auto range = io::defaultSensitivityRange(base); // the one home of the §14 rule
    return range ? std::optional(KeyRange{range->first, range->second}) : std::nullopt;
}

std::vector<double> keyGrid(double low, double high, int n)
{
    return io::sensitivityGrid(low, high, n);
}

double roundedSwing(double metricLow, double metricHigh)
{
    return roundTo(std::fabs(metricHigh - metricLow), 2);
}

} // namespace sharecast::ui
