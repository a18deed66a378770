#pragma once
//! MCP–CBO partnerships as a plan reports them (docs/methodology.md, "Partnerships"): one record
//! per plan × partner × service × year of partnerships.csv.

#include "types.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! One contract year between a managed care plan and a community-based organization.
struct PartnershipRecord {
    std::string planId;
    std::string partnerId;
    std::string partnerName; //!< the partner id when the file leaves it empty
    std::string service;     //!< `ecm` or `community_supports:<kind>`
    Year year = 0;
    double membersEngaged = 0.0;
    MemberMonths memberMonths = 0.0;       //!< engaged member months paid at the PMPM
    Pmpm pmpm = 0.0;                       //!< paid per engaged member month
    double outreachAttempts = 0.0;         //!< billable outreach attempts
    Dollars outreachFee = 0.0;             //!< per attempt
    std::optional<Dollars> outreachCap;    //!< the year's most in outreach fees; null: no cap
    std::string outcomeMeasure;            //!< empty: no outcome term
    std::optional<double> outcomeBaseline; //!< the measure before the partnership
    std::optional<double> outcomeTarget;   //!< below the baseline: lower is better
    std::optional<double> outcomeActual;   //!< null: not yet measured (no bonus earned)
    Dollars outcomeBonus = 0.0;            //!< paid in full when the target is met
    Rate savingsPassThrough = 0.0;         //!< share of the plan's shared-savings payment
    Dollars operatingCost = 0.0;           //!< the partner's cost of delivering the service
    Dollars grantIpp = 0.0;                //!< Incentive Payment Program funds passed by the plan
    Dollars grantPath = 0.0;               //!< PATH funds (state to provider)
    Dollars grantOther = 0.0;              //!< other grants (philanthropy, county)
    Dollars utilizationAvoided = 0.0;      //!< cost the plan estimates the service avoided
    long sourceLine = 0;

    //! True when a lower outcome is better (the target lies below the baseline).
    bool lowerIsBetter() const
    {
        return outcomeTarget && outcomeBaseline && *outcomeTarget < *outcomeBaseline;
    }
};

//! A partnerships dataset.
struct PartnershipData {
    std::string sourceName;
    std::vector<PartnershipRecord> records;
};

} // namespace sharecast
