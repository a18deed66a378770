#pragma once
//! Settlement results as CSV, in the column order of the settlement issue (methodology §9a).

#include "engine/settlement.h"

#include <QByteArray>
#include <QStringList>

namespace sharecast::io {

//! The header of `sharecast settle` output.
QStringList settlementColumns();
//! The header of `sharecast settle-totals` output.
QStringList totalsSettlementColumns();

//! One output row per plan: money to cents, rates to 10 decimals, members to 6, flags 1/0,
//! NA empty (§9a); tcc_trend_gate and appropriateness_flag empty when that check is disabled.
QStringList settlementRow(const PlanSettlement& plan);
//! One output row per entity.
QStringList totalsSettlementRow(const EntitySettlement& entity);

//! The whole CSV document of a settlement.
QByteArray settlementCsv(const Settlement& settlement);
//! The whole CSV document of a totals settlement.
QByteArray totalsSettlementCsv(const TotalsSettlement& settlement);

}  // namespace sharecast::io
