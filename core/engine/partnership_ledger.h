#pragma once
//! The partnership ledger (docs/methodology.md, "Partnerships"): for one year, what each MCP–CBO
//! contract paid the partner by source, whether the partner can sustain the service without
//! grants, what the partnership is worth to the plan after the shared-savings settlement, what it
//! did for members, and who funds it (federal and state shares at the plan's FMAP). A pure
//! function of the partnership records, the plans' settled figures and the scenario's terms.

#include "partnership_data.h"
#include "scenario.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sharecast {

struct Settlement;

//! What the ledger needs of one plan's settlement (§4–§9) for the year.
struct PlanSettledFigures {
    Dollars grossSavings = 0.0; //!< G
    Dollars payment = 0.0;      //!< P (negative: the plan pays its share of a loss)
    Dollars programNet = 0.0;   //!< G − P, or the capitation transfer T (§9)
    Rate fmap = 0.5;            //!< the plan's FMAP: its cells' FMAP weighted by expected cost
};

//! The additive amounts of a ledger line, summed for partner, plan and statewide totals.
struct LedgerAmounts {
    double membersEngaged = 0.0;
    MemberMonths memberMonths = 0.0;
    Dollars pmpmRevenue = 0.0;     //!< member_months × PMPM
    Dollars outreachRevenue = 0.0; //!< attempts × fee, at most the cap
    Dollars outcomeBonus = 0.0;    //!< earned: bonus × credit
    Dollars passThrough = 0.0;     //!< share × max(P, 0)
    Dollars grantIpp = 0.0;
    Dollars grantPath = 0.0;
    Dollars grantOther = 0.0;
    Dollars operatingCost = 0.0;
    Dollars avoidedCost = 0.0;     //!< utilization_avoided
    Dollars avoidedCostKept = 0.0; //!< avoided cost × the plan's kept share
    Dollars federal = 0.0;         //!< federal share of the Medi-Cal funds reaching the partner
    Dollars state = 0.0;           //!< state share of them

    //! Revenue from operations, grants left out: PMPM + outreach + outcome bonus + pass-through.
    Dollars operatingRevenue() const { return pmpmRevenue + outreachRevenue + outcomeBonus + passThrough; }
    Dollars grants() const { return grantIpp + grantPath + grantOther; }
    Dollars totalRevenue() const { return operatingRevenue() + grants(); }
    //! What the plan pays the partner from its own revenue (the operating revenue; IPP funds are
    //! the state's incentive passed through, PATH and other grants do not pass through the plan).
    Dollars planPayments() const { return operatingRevenue(); }
    //! The plan's value: the avoided cost it keeps after the settlement, less its payments.
    Dollars mcpValue() const { return avoidedCostKept - planPayments(); }
    //! Operating revenue ÷ operating cost; null when the cost is 0.
    std::optional<Rate> sustainability() const;
    //! Months of operating cost the grants cover: 12 × grants ÷ operating cost; null when the
    //! cost is 0.
    std::optional<double> grantMonths() const;
    //! The yearly shortfall once grants end: max(0, operating cost − operating revenue).
    Dollars gapAfterGrants() const;
    //! Avoided cost per 1,000 engaged members; null when no member is engaged.
    std::optional<Dollars> avoidedPerThousand() const;

    LedgerAmounts& operator+=(const LedgerAmounts& o);
};

//! One contract: a plan × partner × service in the year, terms in force after the scenario's.
struct PartnershipLine {
    std::string planId;
    std::string partnerId;
    std::string partnerName;
    std::string service;
    long sourceLine = 0;
    // The terms in force.
    Pmpm pmpm = 0.0;
    Dollars outreachFee = 0.0;
    std::optional<Dollars> outreachCap;
    Dollars outcomeBonusOffered = 0.0;
    Rate passThroughShare = 0.0;
    bool termsFromScenario = false; //!< some term set by partnerships.terms
    // The steps.
    Dollars outreachUncapped = 0.0; //!< attempts × fee
    bool outreachCapped = false;    //!< the cap bound
    std::string outcomeMeasure;
    std::optional<double> outcomeChange; //!< actual − baseline; null when not measured
    std::optional<bool> outcomeMet;      //!< null: no outcome term or not measured
    Rate outcomeCredit = 0.0;            //!< 0–1
    Rate keptShare = 0.0;                //!< of the plan (see PlanPartnerships)
    Rate fmap = 0.5;
    LedgerAmounts amounts;
};

//! One partner across its contracts in the year.
struct PartnerTotals {
    std::string partnerId;
    std::string partnerName;
    std::vector<std::string> plans;    //!< the plans it contracts with
    std::vector<std::string> services; //!< the services it delivers
    LedgerAmounts amounts;
};

//! Whether a plan's promised pass-through is funded by its shared-savings payment.
enum class PassThroughFunding {
    None,          //!< no contract of the plan passes savings through
    Funded,        //!< P > 0 and the shares sum to at most 1
    NoPayment,     //!< shares promised but P <= 0: nothing is owed (flagged)
    OverCommitted, //!< the shares sum above 1: the plan pays more than it received (flagged)
};

//! One plan across its partners in the year.
struct PlanPartnerships {
    std::string planId;
    bool settled = false;       //!< the plan is in the settlement
    PlanSettledFigures figures; //!< zeros when not settled
    //! The share of a dollar of avoided cost the plan keeps after the settlement: (G − N) ÷ G
    //! with N the program net (§9): P ÷ G, except a capitation plan bearing a one-sided loss keeps
    //! it all (N = 0); with G = 0, 1 under capitation and 0 under ffs.
    Rate keptShare = 0.0;
    Rate passThroughShares = 0.0;      //!< Σ savings_pass_through over its contracts
    Dollars passThroughPromised = 0.0; //!< Σ shares × max(P, 0) (= amounts.passThrough)
    PassThroughFunding funding = PassThroughFunding::None;
    std::vector<std::string> partners;
    LedgerAmounts amounts;
};

//! The ledger of one year.
struct PartnershipLedger {
    Year year = 0;
    OutcomeCredit outcomeCredit = OutcomeCredit::Target;
    PaymentModel paymentModel = PaymentModel::Ffs;
    std::vector<PartnershipLine> lines;  //!< by plan, partner, service
    std::vector<PartnerTotals> partners; //!< by partner id
    std::vector<PlanPartnerships> plans; //!< by plan id
    LedgerAmounts statewide;
    std::vector<std::string> warnings; //!< unsettled plans, unknown term partners, flags
};

//! The ledger of `year` from the records of that year. `plans` holds the settled figures of the
//! plans in the settlement; a record of a plan not in it earns no pass-through, keeps no avoided
//! cost and is split at `fallbackFmap` (the scenario's fmap.default; a warning says so). Throws
//! InputError when no record is of `year`, or when the scenario's terms name a partner the
//! records of `year` do not have.
PartnershipLedger partnershipLedger(const PartnershipData& data, Year year,
                                    const std::map<std::string, PlanSettledFigures>& plans,
                                    const PartnershipSpec& spec, PaymentModel model, Rate fallbackFmap);

//! The settled figures of every plan of a settlement, the plan's FMAP from the scenario.
std::map<std::string, PlanSettledFigures> settledFigures(const Settlement& settlement, const FmapSpec& fmap);

//! The ledger of a settlement's year: settledFigures() then partnershipLedger().
PartnershipLedger partnershipLedger(const PartnershipData& data, const Settlement& settlement,
                                    const Scenario& scenario);

//! The text of a funding status as files spell it: none, funded, no_payment, over_committed.
const char* passThroughFundingName(PassThroughFunding f);

} // namespace sharecast
