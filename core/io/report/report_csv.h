#pragma once
//! The CSV exports that accompany a report: settlement, projection, assumptions (key/value),
//! the settlement trace in long format and a two-scenario comparison. Every field goes through
//! CsvWriter (formula-injection safe); a public mode suppresses small cells.

#include "engine/projection.h"
#include "engine/quality_data.h"
#include "engine/settlement.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
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
};

//! True when public mode suppresses this plan's settlement figures (fewer than 11 members).
bool isSuppressedPlan(const PlanSettlement& plan, const ReportCsvOptions& options);

//! True when public mode suppresses a projection row (fewer than 11 members: MM / 12 < 11).
bool isSuppressedProjectionYear(const ProjectionYear& year, const ReportCsvOptions& options);

//! The settlement CSV: exactly `sharecast settle`'s output without suppression; in public mode
//! the rows of suppressed plans keep their plan_id and show "*" in every other column.
QByteArray reportSettlementCsv(const Settlement& settlement, const Scenario& scenario,
                               const ReportCsvOptions& options);

//! The projection CSV: exactly `sharecast project`'s output without suppression; in public mode
//! plan-year rows with fewer than 11 members keep plan_id and year and show "*" elsewhere.
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
//! the per-cell detail). In public mode cell figures from fewer than 11 members, counts from 1
//! to 10, and every figure of a suppressed plan are "*".
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
