#pragma once
//! Experience arranged for settlement: plans, their (region, rate cell) series, cells by year.
//! Built once per dataset and reused by every settlement and projection over it.

#include "experience.h"

#include <string>
#include <vector>

namespace sharecast {

//! One (plan, region, rate cell) over the years: cellFor(y) is the record of year y or null.
struct CellSeries {
    const std::string* region = nullptr;
    const std::string* rateCell = nullptr;
    int rateCellId = 0; //!< index into ExperienceIndex::rateCells()
    Year firstYear = 0;
    std::vector<const ExperienceCell*> byYear; //!< byYear[y - firstYear]

    const ExperienceCell* cellFor(Year y) const
    {
        const long i = static_cast<long>(y) - firstYear;
        return i < 0 || i >= static_cast<long>(byYear.size()) ? nullptr : byYear[static_cast<std::size_t>(i)];
    }
};

//! One plan's series, ordered by region then rate cell.
struct PlanSeries {
    std::string planId;
    std::vector<CellSeries> cells;
};

//! An index over one ExperienceData, which must outlive it and stay unchanged.
class ExperienceIndex {
public:
    explicit ExperienceIndex(const ExperienceData& data);

    const ExperienceData& data() const { return *data_; }
    const std::vector<PlanSeries>& plans() const { return plans_; }          //!< ordered by plan id
    const std::vector<std::string>& rateCells() const { return rateCells_; } //!< sorted
    Year minYear() const { return minYear_; }
    Year maxYear() const { return maxYear_; }
    bool empty() const { return plans_.empty(); }

private:
    const ExperienceData* data_;
    std::vector<PlanSeries> plans_;
    std::vector<std::string> rateCells_;
    Year minYear_ = 0;
    Year maxYear_ = 0;
};

} // namespace sharecast
