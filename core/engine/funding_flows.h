#pragma once
//! Where the partners' money comes from (docs/methodology.md, "Partnerships: funding flows"): the
//! ledger's amounts as a flow diagram in four columns — funders (federal, state, other) → funding
//! streams (capitation, IPP incentive, shared-savings payment, PATH, other grants) → plans →
//! partners. Every flow is an amount of the ledger; each node's inflow equals its outflow.

#include "partnership_ledger.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! A node of the flow diagram.
struct FlowNode {
    std::string id;    //!< `funder:federal`, `stream:capitation`, `plan:<id>`, `partner:<id>`
    std::string label; //!< what a reader sees
    int column = 0;    //!< 0 funders, 1 streams, 2 plans, 3 partners
};

//! One flow between two nodes (indices into FundingFlows::nodes), in dollars (> 0).
struct FlowLink {
    int from = 0;
    int to = 0;
    Dollars amount = 0.0;
    std::string kind; //!< the stream it carries: capitation, ipp, shared_savings, path, other
};

//! The flow diagram of one year.
struct FundingFlows {
    std::vector<FlowNode> nodes;
    std::vector<FlowLink> links;
    Dollars total = 0.0; //!< everything the partners received
};

//! The flows of the ledger's year, for one plan (its partners only) or for all plans (plan
//! null). PATH and other grants go from their stream straight to the partner (they do not pass
//! through a plan): their links skip column 2. Zero amounts make no link.
FundingFlows fundingFlows(const PartnershipLedger& ledger, const std::optional<std::string>& plan = {});

} // namespace sharecast
