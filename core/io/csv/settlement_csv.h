#pragma once
//! Settlement results as CSV, in the column order of the settlement issue (methodology §9a).

#include "engine/settlement.h"

#include <QByteArray>
#include <QStringList>

namespace sharecast::io {

//! The header of `sharecast settle` output; the §12 columns follow when the scenario configures
//! them: corridor_<name> per corridor, blend_true_up, medical_loss_ratio and mlr_remittance.
QStringList settlementColumns(const Scenario& scenario);
//! The header of `sharecast settle-totals` output.
QStringList totalsSettlementColumns();

//! One output row per plan: money to cents, rates to 10 decimals, members to 6, flags 1/0,
//! NA empty (§9a); tcc_trend_gate and appropriateness_flag empty when that check is disabled.
QStringList settlementRow(const PlanSettlement& plan);
//! One output row per entity.
QStringList totalsSettlementRow(const EntitySettlement& entity);

//! The §12 values of a plan, matching the extra columns of settlementColumns(scenario).
QStringList furtherToolsRow(const PlanSettlement& plan, const Scenario& scenario);

//! The whole CSV document of a settlement.
QByteArray settlementCsv(const Settlement& settlement, const Scenario& scenario);
//! The whole CSV document of a totals settlement.
QByteArray totalsSettlementCsv(const TotalsSettlement& settlement);

} // namespace sharecast::io
