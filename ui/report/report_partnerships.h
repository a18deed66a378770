#pragma once
//! The report's section "Partnerships: the three wins" (docs/methodology.md, "Partnerships"),
//! present when the project has partnerships data: a lead sentence written from the ledger, what
//! the columns mean, a plain-language line per plan, one row per partner with the member's, the
//! plan's and the CBO's win, and the partners' revenue by source.

#include "engine/partnership_ledger.h"
#include "ui/report/report_layout.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <vector>

namespace sharecast::ui::report {

//! What a public report withholds of the ledger (the disclosure rule, engine/disclosure.h): the
//! partners and plans with a contract that engaged 1 to 10 members, with their complements, and the
//! totals when a withheld row could be recovered from them.
struct PartnershipSuppression {
    std::vector<bool> partners; //!< by ledger.partners
    std::vector<bool> plans;    //!< by ledger.plans
    bool totalsWithheld = false;
    //! True when anything is withheld.
    bool any() const;
};

//! Nothing withheld (publicMode false), else what the disclosure rule withholds.
PartnershipSuppression partnershipSuppression(const PartnershipLedger& ledger, bool publicMode);

//! The lead paragraph: how many partners and plans, what the plans paid and the grants added, the
//! partners' sustainability and the plans' value, and the flags (statewide figures left out when
//! withheld).
QString partnershipsSummary(const PartnershipLedger& ledger, const PartnershipSuppression& suppression);

//! What each column means (sustainability, MCP value, …): the explanatory paragraph.
QString partnershipsExplanation();

//! One line per plan in plain language; a withheld plan's line says so. planName gives a plan's
//! name (may be empty).
QStringList partnershipPlanLines(const PartnershipLedger& ledger, const PartnershipSuppression& suppression,
                                 const std::function<QString(const std::string&)>& planName);

//! One row per partner: the three wins (member, plan, CBO) with column groups; "*" for withheld rows.
Table partnershipWinsTable(const PartnershipLedger& ledger, const PartnershipSuppression& suppression,
                           const QString& caption);

//! One row per partner: operating revenue by source, grants by source, and who funds the payments
//! (federal and state at the plans' FMAP).
Table partnershipRevenueTable(const PartnershipLedger& ledger, const PartnershipSuppression& suppression,
                              const QString& caption);

} // namespace sharecast::ui::report
