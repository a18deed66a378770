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
    QString experiencePath;
    QString qualityPath;    //!< optional
    QString scenario;       //!< a path or preset:NAME
    std::optional<int> year;
    QString outPath;        //!< optional with --explain
    QString explainPlan;    //!< print this plan's trace
};

//! `sharecast settle-totals`.
struct SettleTotalsRequest {
    QString inputPath;
    QString scenario;
    QString outPath;
};

//! Settles cell experience (methodology §2–§9) and writes the §9a CSV.
CommandResult runSettle(const SettleRequest& request);

//! Settles entity totals (§1.4) and writes the CSV.
CommandResult runSettleTotals(const SettleTotalsRequest& request);

//! Lists the bundled presets, one per line with its title.
CommandResult runListPresets();

}  // namespace sharecast::io
