#pragma once
//! The partnership ledger in words (docs/methodology.md, "Partnerships"): the plain-language line
//! per plan that the Partnerships tab and the report's section "Partnerships: the three wins" show,
//! and the short texts of a contract's outcome term. Formatting only: every figure is the ledger's.

#include "engine/partnership_ledger.h"

#include <QString>

namespace sharecast::ui {

//! One plan's line and whether it is flagged (a promised pass-through that no payment funds, or
//! shares above the whole payment).
struct PlanPartnershipLine {
    QString planId;
    QString text;
    bool flagged = false;
};

//! "P03 (Name): 3 partners paid $2.1M by the plan, grants another $400k; pass-through $140k funded
//! by its $1.4M shared-savings payment; MCP value $310k." — or the flag: "promised 10 % of its
//! shared savings but received no payment: nothing is owed". planName may be empty.
PlanPartnershipLine planPartnershipLine(const PlanPartnerships& plan, const QString& planName);

//! A contract's outcome measure and its change from the baseline: "ed_visits −7.0",
//! "ed_visits: not measured", or "—" without an outcome term.
QString outcomeText(const PartnershipLine& line);

//! How much of the outcome bonus was earned: "met: 100 %", "not met: 0 %", "partial: 60 %"
//! (linear credit), "not measured", or "—" without an outcome term.
QString creditText(const PartnershipLine& line);

} // namespace sharecast::ui
