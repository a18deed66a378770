#pragma once
//! A program's settlement as CSV (`sharecast settle --years`; docs/methodology.md, "Program
//! years"): the settle columns behind a leading `year`, one row per plan and year, then one
//! `cumulative` row per plan.

#include "engine/program_years.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace sharecast::io {

//! The whole CSV document: header `year` + settlementColumns(); the rows of every year in year
//! order (plans by id), then the cumulative rows (plans by id): expected, actual, gross_savings,
//! plan_payment, program_net, federal_share and state_share summed as written (in cents),
//! savings_rate = Σ gross_savings / Σ expected, the other columns empty. `scenarios` are the program's
//! scenarios, one per year (io::scenarioForYear()). Throws InputError when the years' scenarios
//! give different columns (a by_year override that adds or removes a corridor, the blend or the
//! MLR remittance), naming the first such year.
QByteArray programSettlementCsv(const ProgramSettlement& program, const std::vector<Scenario>& scenarios);

} // namespace sharecast::io
