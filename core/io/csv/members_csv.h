#pragma once
//! Member-level experience, `members.csv` (methodology §1.3), aggregated to cells as it streams.

#include "engine/experience.h"
#include "io/csv/csv_reader.h"
#include "io/project/project_store.h"

#include <QIODevice>
#include <QString>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sharecast::io {

//! How member rows are aggregated.
struct MemberAggregationOptions {
    double truncationThreshold = 250000.0; //!< per-member threshold for excess_over_threshold
    //! COS summed into a member's cost for truncation and the cost statistics (§2's rule, as a
    //! scenario's included_cos and excluded_cos): null and empty: all COS.
    std::optional<std::vector<std::string>> includedCos;
    std::vector<std::string> excludedCos;
    //! Threads parsing the file; 0: one per processor core. The result does not depend on it.
    int threads = 0;
    //! Bytes read at a time and handed to a thread (whole records); the result does not depend on it.
    std::size_t blockBytes = std::size_t(4) << 20;
};

//! The cells built from member rows, their per-cell statistics, and what was read.
struct MemberImport {
    ExperienceData cells;        //!< §1.1 cells: sums per (plan, region, rate cell, year)
    MemberAggregates aggregates; //!< member count, Σ cost, Σ cost², Σ excess per cell
    long rows = 0;
    long blankRiskScores = 0; //!< empty risk_score read as 1.0
    long blankAmounts = 0;    //!< empty cost_/util_ fields read as 0
};

//! Reads members.csv from device, aggregating each member row into its cell as it goes: the
//! file is read in blocks of whole records that several threads parse at once, and never held in
//! memory. Per member, excess = max(0, Σ included cost − threshold) (§1.3). Every sum is exact
//! (§1.3's exact-sum rule: each field's decimal as written, summed without rounding, each sum
//! rounded once to the nearest double), so the result is the same bit for bit whatever the
//! threads and blocks; cells come ordered by plan, region, rate cell (bytewise) and year.
//! Errors (InputError naming file, line, column, value; the first in the file wins): missing or
//! unknown columns, a required field empty, text that is not a finite number, more than 19
//! significant digits, a negative amount, member_months <= 0 or above 12, risk_score <= 0 or
//! above 100, a member listed twice in the same cell and year (found by a second pass over the
//! device, which must then allow seeking back to where reading started). Throws ImportCancelled
//! when asked to stop.
MemberImport readMembersCsv(QIODevice& device, const QString& fileName,
                            const MemberAggregationOptions& options, const ImportControl& control = {});

} // namespace sharecast::io
