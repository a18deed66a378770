#pragma once
//! The partnership ledger as CSV (`sharecast partnerships`; docs/methodology.md, "Partnerships").

#include "engine/funding_flows.h"
#include "engine/partnership_ledger.h"

#include <QByteArray>
#include <QStringList>

namespace sharecast::io {

//! The columns of the ledger CSV.
QStringList partnershipLedgerColumns();

//! One row per contract (level `contract`), then per partner (`partner`, plan_id ALL), per plan
//! (`plan`, partner_id ALL) and one `statewide` row. Money to cents, ratios to 10 decimals,
//! members to 6; a figure that does not apply at a level (a contract's terms on a total row, a
//! ratio with a zero denominator) is empty. Throws InputError for a figure that is not finite.
QByteArray partnershipLedgerCsv(const PartnershipLedger& ledger);

//! The funding flows of `year` as CSV (`partnerships --flows`): one row per link, from and to by
//! node id with their columns, the stream and the amount in cents.
QByteArray fundingFlowsCsv(const FundingFlows& flows, Year year);

} // namespace sharecast::io
