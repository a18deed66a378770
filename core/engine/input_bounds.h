#pragma once
//! The bounds inside which input figures are believed (methodology §0: every input error names
//! file, line, column and value). Outside them a figure is a data error, not a fact, and letting
//! it in would carry overflow (inf) or meaningless 300-digit amounts into every result.

namespace sharecast::bounds {

//! The largest amount of one cell or entity, in dollars: $10¹², a trillion — several times all
//! Medi-Cal spending of a year, so no real cell, plan or ACO comes near it, while any sum or
//! product the methodology forms from such amounts stays far inside a double's range.
inline constexpr double kMaxAmount = 1e12;

//! The fewest member months a cell may have: 10⁻⁶ (a few seconds of enrollment). Smaller values
//! are rounding noise, and dividing by them (PMPM) overflows.
inline constexpr double kMinMemberMonths = 1e-6;

//! The most member months a cell may have: 10⁹, five times every Medi-Cal member for a year.
inline constexpr double kMaxMemberMonths = 1e9;

//! The largest risk score (a relative factor around 1): 100.
inline constexpr double kMaxRiskScore = 100.0;

//! The largest count (utilization, claims, grievances): 10¹².
inline constexpr double kMaxCount = 1e12;

} // namespace sharecast::bounds
