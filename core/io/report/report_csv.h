#pragma once
//! The CSV exports that accompany a report: settlement, projection, assumptions (key/value),
//! the settlement trace in long format and a two-scenario comparison. Every field goes through
//! CsvWriter (formula-injection safe); a public mode suppresses small cells.

#include "engine/projection.h"
#include "engine/quality_data.h"
#include "engine/settlement.h"
#include "engine/validity.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sharecast::io {

//! How the report's exports treat small numbers.
struct ReportCsvOptions {
    //! Public-briefing mode (the disclosure rule, engine/disclosure.h): counts from 1 to 10, and
    //! every figure derived from fewer than 11 members, are written as "*"; a plan with fewer
    //! than 11 members has all its figures suppressed.
    bool suppressSmallCells = false;
    //! The quality data settled, if any: in public mode a measure rate whose denominator is from
    //! 1 to 10 is suppressed in the trace.
    const QualityData* quality = nullptr;
    //! Public mode: the plans whose figures are suppressed, chosen once for every table of a
    //! report by reportCsvOptions(): those with fewer than 11 members in the settlement or in any
    //! projection year, and their complement (disclosure::complementarySuppression), so that no
    //! suppressed plan is the statewide total minus the plans shown. A plan with fewer than 11
    //! members is suppressed even when it is missing here.
    std::set<std::string> suppressedPlans;
};

//! The options of a report's exports. In public mode chooses the suppressed plans of
//! `settlement` (with the plan-years of `projection` and the plans of `other`, a compared
//! settlement, when given) so that no total gives one away. Throws InputError when no public
//! version can be made: the only plan with members has fewer than 11, so every total is its.
ReportCsvOptions reportCsvOptions(bool isPublic, const Settlement& settlement, const Projection* projection,
                                  const QualityData* quality, const Settlement* other = nullptr);

//! True when public mode suppresses this plan's settlement figures (fewer than 11 members, or
//! chosen as a complement).
bool isSuppressedPlan(const PlanSettlement& plan, const ReportCsvOptions& options);

//! True when public mode suppresses a plan's statistical-validity figures (§13): the same plans
//! as its settlement figures, N being the same members.
bool isSuppressedPlan(const PlanValidity& plan, const ReportCsvOptions& options);

//! True when public mode withholds the validity's statewide (ALL) figures: exactly one suppressed
//! plan has a non-zero mean payment by chance (its complement is never paid, e.g. not eligible),
//! so the ALL mean, a sum over plans, minus the plans shown would give it.
bool isValidityTotalWithheld(const Validity& validity, const ReportCsvOptions& options);

//! The validity CSV (§13): exactly `sharecast validity`'s output (io::validityCsv) without
//! suppression; in public mode the rows of suppressed plans keep their plan_id and show "*"
//! elsewhere, as does an ALL row that would give a suppressed plan away.
QByteArray reportValidityCsv(const Validity& validity, const ReportCsvOptions& options);

//! True when public mode suppresses a plan's projection row: the plan is suppressed, or the
//! year has fewer than 11 members (MM / 12 < 11).
bool isSuppressedProjectionRow(const std::string& planId, const ProjectionYear& year,
                               const ReportCsvOptions& options);

//! True when public mode withholds the statewide (ALL) projection row of year index `i`: exactly
//! one plan with members is suppressed that year, so the row minus the others would give it.
bool isProjectionTotalWithheld(const Projection& projection, std::size_t i, const ReportCsvOptions& options);

//! Public mode: for each of the plan's measure scores (in p.quality.measures order), whether it
//! is suppressed: its rate this year or last comes from a denominator of 1 to 10, or it is the
//! complement of the only such measure (the composite would give that one away).
std::vector<bool> suppressedMeasures(const PlanSettlement& plan, Year year, const ReportCsvOptions& options);

//! The settlement CSV: exactly `sharecast settle`'s output without suppression; in public mode
//! the rows of suppressed plans keep their plan_id and show "*" in every other column.
QByteArray reportSettlementCsv(const Settlement& settlement, const Scenario& scenario,
                               const ReportCsvOptions& options);

//! The projection CSV: exactly `sharecast project`'s output without suppression; in public mode
//! the rows of suppressed plans (and plan-years with fewer than 11 members) keep plan_id and year
//! and show "*" elsewhere, as does an ALL row that would give a suppressed plan away.
QByteArray reportProjectionCsv(const Projection& projection, const ReportCsvOptions& options);

//! One leaf of the scenario's JSON form (methodology §1.5): its dotted path and its value.
struct AssumptionEntry {
    QString key;   //!< e.g. `trend.by_cos.inpatient.utilization`, `quality.measures[2].threshold`
    QString value; //!< JSON scalar text: numbers as written, strings unquoted, true/false, null,
                   //!< and `[]` / `{}` for an empty list or object
};

//! Every leaf of writeScenarioJson(scenario), in the file's order: objects by member
//! (`a.b`), lists by position (`a[0]`); a key holding '.', '[' or ']' is quoted (`a["x.y"]`).
std::vector<AssumptionEntry> flattenScenario(const Scenario& scenario);

//! The assumptions CSV: `key,value`, one row per flattenScenario() entry.
QByteArray assumptionsCsv(const Scenario& scenario);

//! One row of the long-format trace: plan, methodology step, item path, value.
struct TraceEntry {
    QString planId;
    QString step;  //!< benchmark, actual, savings, msr, mlr, quality, tcc_trend_gate, ...
    QString item;  //!< e.g. `cell[Los Angeles|Child].base_year[2023].cos[inpatient].base_pmpm`
    QString value; //!< money to cents, rates and factors to 10 decimals, members to 6, flags 1/0
};

//! The settlement's trace as long-format rows (settle with SettlementOptions::trace = true for
//! the per-cell detail). In public mode every figure of a cell with fewer than 11 members in the
//! year or a base year (and of its complement among the plan's cells, so that the plan's totals
//! do not give it away), counts from 1 to 10, measure scores from small denominators (and their
//! complement), and every figure of a suppressed plan are "*".
std::vector<TraceEntry> settlementTrace(const Settlement& settlement, const ReportCsvOptions& options);

//! The trace CSV: `plan_id,step,item,value`.
QByteArray traceCsv(const Settlement& settlement, const ReportCsvOptions& options);

//! The comparison CSV of two settlements of the same data: one `ALL` row of statewide totals,
//! then one row per plan in either settlement, with each figure for A, for B and B − A.
QByteArray comparisonCsv(const Settlement& a, const Settlement& b, const ReportCsvOptions& options);

//! The reportable denominator of a plan's measure in a year, if the dataset gives one.
std::optional<long long> measureDenominator(const QualityData& quality, const std::string& planId, Year year,
                                            const std::string& measureId);

} // namespace sharecast::io
