#pragma once
//! Writing experience back to the §1.1 CSV form, losslessly, with optional small-cell suppression.

#include "engine/experience.h"

#include <QByteArray>
#include <string>

namespace sharecast::io {

//! How an export treats small numbers.
struct ExportOptions {
    //! Public-briefing mode: the disclosure rule (engine/disclosure.h): counts from 1 to 10, and
    //! every figure of a cell with fewer than 11 members (but not none), are written as "*".
    bool suppressSmallCells = false;
};

//! The shortest decimal text that reads back as exactly this double ("0.1", "1234.5", "1e-07").
std::string shortestNumber(double value);

//! experience.csv bytes (§1.1): plan_id, plan_name, region, rate_cell, year, member_months,
//! risk_score, cost_<cos>..., excess_over_threshold, util_<name>..., capitation_revenue,
//! admin_cost, claims_denied, claims_total, grievances. Without suppression, reading the bytes
//! back gives the same data (a lossless round trip) — except text that a spreadsheet would take
//! for a formula (starting with =, +, -, @, tab or CR), which is written with a leading
//! apostrophe on purpose (see csvField()).
QByteArray experienceCsv(const ExperienceData& data, const ExportOptions& options = {});

} // namespace sharecast::io
