#include "quality_data.h"

namespace sharecast {

std::optional<Rate> QualityRecord::reportableRate(int minDenominator) const
{
    if (rate)
        return rate; // §1.2: a rate row is always reportable
    if (!numerator || !denominator)
        return std::nullopt;
    if (*denominator <= 0 || *denominator < minDenominator)
        return std::nullopt;
    return static_cast<double>(*numerator) / static_cast<double>(*denominator);
}

} // namespace sharecast
