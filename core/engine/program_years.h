#pragma once
//! A multi-year program: each program year settled with that year's scenario, and the cumulative
//! money of each plan over the years (docs/methodology.md, "Program years"; the retrospective
//! tiered model "available for three calendar years").

#include "experience_index.h"
#include "quality_data.h"
#include "scenario.h"
#include "settlement.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! One plan's money summed over the program years in which it was settled, each year's figure
//! rounded to cents first (sumOfCents), so that the total is what adding up the year rows gives.
struct PlanProgramTotal {
    std::string planId;
    std::vector<Year> years; //!< the program years with a settlement of the plan
    Dollars expected = 0.0;  //!< Σ E
    Dollars actual = 0.0;    //!< Σ A
    Dollars grossSavings = 0.0;
    Dollars payment = 0.0; //!< Σ P
    Dollars programNet = 0.0;
    Dollars federal = 0.0;
    Dollars state = 0.0;
    //! Σ G / Σ E (the sums above): the plan's savings rate over the program; nullopt when Σ E = 0.
    std::optional<Rate> savingsRate() const;
};

//! The settlement of a program: one Settlement per program year, in year order, and the totals.
struct ProgramSettlement {
    std::vector<Settlement> years;
    std::vector<PlanProgramTotal> cumulative; //!< by plan id, every plan settled in some year
    std::vector<std::string> warnings;        //!< each year's, prefixed "YYYY: ", then the absences
};

//! Settles each scenario for its own performance year (each must have performance_year set, and
//! the years must rise strictly: io::scenarioForYear() makes them) and sums each plan's money
//! over the years. A plan missing from some year's settlement (no data, no baseline) is absent
//! that year and named in a warning. Throws InputError as settle() does, the message prefixed with
//! the year.
ProgramSettlement settleProgram(const ExperienceIndex& index, const QualityData* quality,
                                const std::vector<Scenario>& scenarios, bool trace = false);

} // namespace sharecast
