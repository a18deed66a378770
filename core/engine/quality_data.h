#pragma once
//! Quality rates as reported by plans (methodology §1.2).

#include "types.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! One plan's result on one measure in one year: a numerator/denominator pair, a rate, or NA.
struct QualityRecord {
    std::string planId;
    Year year = 0;
    std::string measureId;
    std::optional<long long> numerator;
    std::optional<long long> denominator;
    std::optional<Rate> rate; //!< the `rate` form (always reportable)
    long sourceLine = 0;

    //! The reportable rate under min_denominator (§1.2), or nullopt when NA.
    std::optional<Rate> reportableRate(int minDenominator) const;
};

//! A quality dataset.
struct QualityData {
    std::string sourceName;
    std::vector<QualityRecord> records;
};

} // namespace sharecast
