#pragma once
//! The Excel workbook's audit sheet: one plan's settlement (methodology §2–§9) rebuilt as live
//! Excel formulas over its input cells, so that a reviewer can change an input (a trend, a
//! weight, a share) and watch the payment follow. Each formula row carries the engine's value
//! (from the settlement's trace) and the difference, so agreement is visible at a glance.

#include "engine/experience_index.h"
#include "engine/scenario.h"
#include "engine/settlement.h"
#include "io/report/xlsx_workbook.h"

#include <QString>

#include <string>

namespace sharecast::io {

//! The audit sheet's fixed columns (0-based): the § of the methodology, the step, the unit, the
//! value (an input or a formula), the engine's value, the difference and a note.
namespace audit_columns {
constexpr int kSection = 0, kStep = 1, kUnit = 2, kValue = 3, kEngine = 4, kDifference = 5, kNote = 6;
}

//! The plan an audit sheet shows by default: the first plan that was paid (P ≠ 0), else the first
//! plan; empty when the settlement has no plan.
std::string defaultAuditPlan(const Settlement& settlement);

//! Adds a sheet `sheetName` that rebuilds `plan` (one of settlement.plans, settled with its
//! trace) as formulas. `index` and `scenario` are those the settlement was made from. Throws
//! InputError when the settlement was made without its trace.
void writeAuditSheet(XlsxWorkbook& book, const QString& sheetName, const Settlement& settlement,
                     const PlanSettlement& plan, const Scenario& scenario, const ExperienceIndex& index);

} // namespace sharecast::io
