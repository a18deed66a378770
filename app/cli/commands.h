#pragma once
//! The headless subcommands' work: read inputs, run the engine, write outputs atomically.
//! Each returns what to print and the exit code; nothing here prints or exits.

#include <QString>
#include <QStringList>

#include <optional>

namespace sharecast::io {

//! What a command reports back to the command line.
struct CommandResult {
    int exitCode = 0;     //!< 0 success, 1 failure (I/O), 2 bad input
    QString out;          //!< for stdout
    QString err;          //!< for stderr (errors and warnings)
};

//! `sharecast settle`.
struct SettleRequest {
    QString projectPath;    //!< instead of the files: the project's active datasets
    QString experiencePath;
    QString qualityPath;    //!< optional
    QString scenario;       //!< a path or preset:NAME
    std::optional<int> year;
    QString outPath;        //!< optional with --explain
    QString explainPlan;    //!< print this plan's trace
};

//! `sharecast project`.
struct ProjectRequest {
    QString projectPath;
    QString experiencePath;
    QString qualityPath;
    QString scenario;
    QString outPath;
    QString explainPlan;
    int explainYear = 0;
};

//! `sharecast settle-totals`.
struct SettleTotalsRequest {
    QString inputPath;
    QString scenario;
    QString outPath;
};

//! `sharecast import`.
struct ImportCommandRequest {
    QString projectPath;
    QString experiencePath;
    QString qualityPath;
    QString membersPath;
    double truncationThreshold = 250000.0;
};

//! `sharecast export-experience`.
struct ExportExperienceRequest {
    QString projectPath;
    QString outPath;
    bool suppressSmallCells = false;
};

//! Imports files into a project (created when absent), all or nothing.
CommandResult runImport(const ImportCommandRequest& request);

//! Writes a project's active experience as §1.1 CSV.
CommandResult runExportExperience(const ExportExperienceRequest& request);

//! `sharecast generate-sample`.
struct GenerateSampleRequest {
    quint64 seed = 2024;
    QString outDir;
    qint64 members = 0;
    QString projectPath;  //!< also build a project from the files (replaced when it exists)
};

//! Writes the synthetic statewide sample (docs/sample-data.md) and prints its statewide totals.
CommandResult runGenerateSample(const GenerateSampleRequest& request);

//! Settles cell experience (methodology §2–§9) and writes the §9a CSV.
CommandResult runSettle(const SettleRequest& request);

//! Projects every plan over the scenario's horizon (§10, §11) and writes the §11 CSV.
CommandResult runProject(const ProjectRequest& request);

//! Settles entity totals (§1.4) and writes the CSV.
CommandResult runSettleTotals(const SettleTotalsRequest& request);

//! Lists the bundled presets, one per line with its title.
CommandResult runListPresets();

}  // namespace sharecast::io
