#pragma once
//! The scenario's JSON interchange form (methodology §1.5, §11, §12): a strict reader that
//! rejects anything it does not know, and a writer that spells out every key so that reading
//! what it wrote gives back the same scenario.

#include "engine/scenario.h"
#include "io/json/json.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>
#include <vector>

namespace sharecast::io {

//! Reads a scenario from JSON bytes (methodology §1.5): absent keys keep their defaults, maps
//! keyed by data and lists replace the default wholesale, and the result is validated. Throws
//! sharecast::InputError with file = fileName, line = the JSON line, column = the key path
//! (e.g. `quality.measures[1].threshold`) and the offending text, for a JSON syntax error, an
//! unknown or duplicate key, null where an object is expected, a wrong type, a fraction where an
//! integer is expected, a missing required key, or a value out of range (Scenario::validate()).
Scenario readScenarioJson(const QByteArray& bytes, const QString& fileName);

//! Reads a scenario from a JSON object already parsed (one member of a larger document, as in a
//! crash-recovery file): as readScenarioJson() on bytes, with key paths relative to that object
//! and lines of the document it was parsed from.
Scenario readScenarioJson(const JsonValue& root, const QString& fileName);

//! The year a by_year key names ("2024": decimal digits without a leading zero, 1 to 9999), or
//! nullopt.
std::optional<Year> byYearKey(std::string_view key);

//! The scenario of program year `year` (docs/methodology.md, "Program years"): by_year.<year>
//! read over the scenario by the §1.5 merging rules (a partly given object keeps the other keys;
//! lists and maps keyed by data replace wholesale), performance_year = year, by_year empty, and
//! validated. Without an override for the year: the scenario itself with those two changes.
//! Throws InputError naming the key (`by_year.2023.sharing.max_share`, or `baseline.years` for
//! an explicit base year not before `year`).
Scenario scenarioForYear(const Scenario& scenario, Year year);

//! scenarioForYear() of every year, in the order given (the program's scenarios).
std::vector<Scenario> scenariosForYears(const Scenario& scenario, const std::vector<Year>& years);

//! Checks that every by_year override merged over the scenario validates for its year
//! (scenarioForYear() of each); readScenarioJson() does this itself, the scenario-file reader and
//! writer call it. Throws InputError naming the key.
void validateYearOverrides(const Scenario& scenario);

//! Reads a scenario JSON file; a file that cannot be read is an InputError naming the path.
Scenario readScenarioFile(const QString& path);

//! The scenario's JSON tree: every key (defaults spelled out) in the order writeScenarioJson()
//! writes them; numbers as doubles (a non-finite one is refused when written, not here).
JsonValue scenarioToJson(const Scenario& scenario);

//! Writes every key of the scenario (defaults spelled out), in the order of the §1.5 example
//! followed by projection, corridors, blend (null when absent), mlr_remittance and uncertainty; numbers in
//! the shortest text that reads back exactly, so readScenarioJson(writeScenarioJson(s)) == s for
//! every valid scenario. Throws InputError for a non-finite number or text that is not UTF-8.
QByteArray writeScenarioJson(const Scenario& scenario);

} // namespace sharecast::io
