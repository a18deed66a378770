#pragma once
//! What several subcommands share: their inputs (files or a project), output checks and writes,
//! and warnings. Errors are thrown (see Command::run), never printed.

#include "engine/experience.h"
#include "engine/quality_data.h"
#include "engine/settlement.h"
#include "engine/validity.h"

#include <QByteArray>
#include <QString>

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
    //! Member-level cost moments when the project's active experience came from members.csv.
    std::optional<MemberMoments> moments;
    const QualityData* qualityOrNull() const { return hasQuality ? &quality : nullptr; }
};

//! The data inputs of a command (--project or --experience and --quality) as Inputs.
Inputs loadInputs(io::ProjectStore* project, const Arguments& arguments);

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

} // namespace sharecast::cli
