#pragma once
//! Cell-level experience (methodology §1.1): one record per (plan, region, rate cell, year).

#include "types.h"

#include <map>
#include <string>
#include <vector>

namespace sharecast {

//! One experience cell. Costs and utilization counts are indexed by the dataset's COS and
//! utilization name lists.
struct ExperienceCell {
    std::string planId;
    std::string region;
    std::string rateCell;
    Year year = 0;
    MemberMonths memberMonths = 0.0;
    double riskScore = 1.0;
    std::vector<Dollars> cost; //!< by ExperienceData::cosNames
    Dollars excessOverThreshold = 0.0;
    std::vector<double> util; //!< by ExperienceData::utilNames
    Dollars capitationRevenue = 0.0;
    Dollars adminCost = 0.0;
    double claimsDenied = 0.0;
    double claimsTotal = 0.0;
    double grievances = 0.0;
    long sourceLine = 0; //!< physical line of the record in its file (0: not from a file)
};

//! A whole experience dataset.
struct ExperienceData {
    std::string sourceName;                       //!< file name, for messages
    std::vector<std::string> cosNames;            //!< from the cost_<cos> columns, file order
    std::vector<std::string> utilNames;           //!< from the util_<name> columns, without prefix
    std::map<std::string, std::string> planNames; //!< plan_id → plan_name where given
    std::vector<ExperienceCell> cells;

    //! Index of COS `name` in cosNames, or -1.
    int cosIndex(const std::string& name) const;
    //! Index of utilization column `name` (without the util_ prefix) in utilNames, or -1.
    int utilIndex(const std::string& name) const;
    //! Display name of a plan: plan_name when given, else the id.
    std::string planName(const std::string& planId) const;
};

} // namespace sharecast
