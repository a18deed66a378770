#pragma once
//! Entity totals for settlement from a benchmark computed elsewhere (methodology §1.4).

#include "types.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! One entity (an MSSP ACO, a plan with a certified expected cost).
struct TotalsRecord {
    std::string entityId;
    Dollars expected = 0.0;
    Dollars actual = 0.0;
    double members = 0.0;
    Score qualityScore = 100.0;
    bool qualityGate = true;
    std::optional<Rate> electedMsr;
    long sourceLine = 0;
};

//! A totals dataset.
struct TotalsData {
    std::string sourceName;
    std::vector<TotalsRecord> records;
};

} // namespace sharecast
