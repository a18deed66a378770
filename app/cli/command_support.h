#pragma once
//! What several subcommands share: their inputs (files or a project), output checks and writes,
//! and warnings. Errors are thrown (see Command::run), never printed.

#include "engine/experience.h"
#include "engine/partnership_data.h"
#include "engine/quality_data.h"
#include "engine/settlement.h"
#include "engine/types.h"
#include "io/report/sensitivity_table.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace sharecast::io {
class ProjectStore;
}

namespace sharecast::cli {

class Arguments;

//! Experience and quality data from files (--experience, --quality) or from a project's active
//! datasets (--project, already open).
struct Inputs {
    ExperienceData experience;
    QualityData quality;
    bool hasQuality = false;
    PartnershipData partnerships; //!< --partnerships, or the project's (when the command reads it)
    bool hasPartnerships = false;
    const QualityData* qualityOrNull() const { return hasQuality ? &quality : nullptr; }
    const PartnershipData* partnershipsOrNull() const { return hasPartnerships ? &partnerships : nullptr; }
};

//! The data inputs of a command (--project or --experience and --quality) as Inputs.
Inputs loadInputs(io::ProjectStore* project, const Arguments& arguments);

//! Adds partnerships data to inputs: the file of --partnerships, else the project's active
//! partnerships dataset (none: left without). Throws InputError naming the file.
void loadPartnerships(Inputs& inputs, io::ProjectStore* project, const Arguments& arguments);

//! Settlement options from --year (when given) and whether to keep the trace.
SettlementOptions settlementOptions(const Arguments& arguments, bool trace);

//! Reads the inputs; throws InputError or io::ProjectError naming the file.
Inputs loadInputs(io::ProjectStore* project, const QString& experiencePath, const QString& qualityPath);

//! Checks before any work that path can be written as a file (its folder exists and it is not a
//! folder); throws InputError naming it, so that nothing is computed for an output that cannot be.
void checkOutputPath(const QString& path);

//! Writes bytes to path atomically; throws OutputError naming the file when it cannot be written
//! (the previous file, if any, is left whole).
void writeOutput(const QString& path, const QByteArray& bytes);

//! "warning: …" lines for stderr.
QString warningsText(const std::vector<std::string>& warnings);

//! The program years of `--years` (docs/methodology.md, "Program years"): `2022-2024` (a range,
//! first <= last), `2023` or `2022,2024` (a list), in rising order, at most 50 years. Throws
//! UsageError naming the option and the text for anything else (a year twice, a year outside
//! 1–9999, an empty item).
std::vector<Year> parseProgramYears(const QString& text, const QString& option);

//! A number given on the command line; throws UsageError naming the option and its text.
double parseNumber(const QString& text, const QString& option, const QString& spec);

//! KEY, or KEY=A:B[:N] split into the key and its numbers (`parts` of them; none when optional
//! and absent).
struct KeySpec {
    std::string key;
    std::vector<double> numbers;
};

//! Parses KEY or KEY=A:B[:N] (methodology §14); throws UsageError naming the option and the text.
KeySpec parseKeySpec(const QString& spec, const QString& option, int parts, bool rangeOptional);

//! The keys of a tornado as `sensitivity --vary` (or `report --sensitivity`) gives them:
//! KEY[=LOW:HIGH], each once; throws UsageError naming the option and a key given twice.
std::vector<io::SensitivityKey> parseVaryKeys(const QStringList& specs, const QString& option);

} // namespace sharecast::cli
