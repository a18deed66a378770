#pragma once
//! Reading and replacing one number of a scenario by its key path (methodology §14): the
//! sensitivity commands, two-way tables, goal seek and the workbench's Sensitivity view all vary
//! assumptions through these two functions, so a varied scenario is exactly the scenario a user
//! would get by editing that one key.

#include "engine/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast::io {

//! The number at `key` in the scenario's JSON form (§1.5); nullopt when it is null (e.g.
//! `sharing.cap` without a cap). A key under a parent object that is absent (null, e.g.
//! `blend.tolerance` without a blend) reads the parent's default. Throws InputError naming the
//! key when there is no such key, a list element or data-keyed entry does not exist, or the value
//! is not a number.
std::optional<double> scenarioNumber(const Scenario& scenario, const std::string& key);

//! The scenario with the number at `key` replaced by `value` and nothing else changed: a missing
//! parent object is created with its defaults; a list element or data-keyed entry that does not
//! exist is an input error naming the key, except under partnerships.terms, whose partners and
//! terms are created when absent (they are partial overrides of the partnerships data). The result is
//! validated as any scenario (a value the rules refuse is an InputError naming the key and the value).
Scenario withScenarioNumber(const Scenario& scenario, const std::string& key, double value);

//! The keys of every numeric assumption the scenario holds (not null), in the order of its JSON
//! form: what a tornado varies by default. Leaves out what is not an amount or rate to vary:
//! years, counts, the Monte Carlo's draws and seed, by_year (a single-year settlement does
//! not read the per-program-year overrides) and partnerships (they move only partnership
//! metrics; vary them by name) (baseline.years, performance_year,
//! projection.start_year, projection.horizon, projection.rate_lag, quality.min_denominator,
//! quality.min_measures, uncertainty.draws, uncertainty.seed, program_changes[i].effective_year,
//! new_benefits[i].price_year).
std::vector<std::string> scenarioNumberKeys(const Scenario& scenario);

} // namespace sharecast::io
