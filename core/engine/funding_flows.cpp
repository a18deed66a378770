#include "funding_flows.h"

#include <map>
#include <utility>

namespace sharecast {

namespace {

// Builds the diagram: nodes made when a link first needs them, links summed by (from, to, kind).
class FlowBuilder {
public:
    void add(const FlowNode& from, const FlowNode& to, const std::string& kind, Dollars amount)
    {
        if (amount == 0.0)
            return;
        const int a = node(from), b = node(to);
        const auto [it, inserted] = links_.try_emplace(std::make_tuple(a, b, kind), flows_.links.size());
        if (inserted)
            flows_.links.push_back(FlowLink{a, b, 0.0, kind});
        flows_.links[it->second].amount += amount;
    }
    FundingFlows take() { return std::move(flows_); }

private:
    int node(const FlowNode& n)
    {
        const auto [it, inserted] = index_.try_emplace(n.id, static_cast<int>(flows_.nodes.size()));
        if (inserted)
            flows_.nodes.push_back(n);
        return it->second;
    }
    FundingFlows flows_;
    std::map<std::string, int> index_;
    std::map<std::tuple<int, int, std::string>, std::size_t> links_;
};

const FlowNode kFederal{"funder:federal", "Federal funds", 0};
const FlowNode kState{"funder:state", "State funds", 0};
const FlowNode kOtherFunders{"funder:other", "Other funders", 0};

struct Stream {
    const char* kind;
    FlowNode node;
};
const Stream kCapitation{"capitation", {"stream:capitation", "Capitation (PMPM, fees, bonuses)", 1}};
const Stream kIpp{"ipp", {"stream:ipp", "Incentive Payment Program", 1}};
const Stream kSharedSavings{"shared_savings", {"stream:shared_savings", "Shared-savings payment", 1}};
const Stream kPath{"path", {"stream:path", "PATH grants", 1}};
const Stream kOther{"other", {"stream:other", "Other grants", 1}};

} // namespace

FundingFlows fundingFlows(const PartnershipLedger& ledger, const std::optional<std::string>& plan)
{
    FlowBuilder b;
    Dollars total = 0.0;
    for (const PartnershipLine& l : ledger.lines) {
        if (plan && l.planId != *plan)
            continue;
        const LedgerAmounts& a = l.amounts;
        const FlowNode planNode{"plan:" + l.planId, l.planId, 2};
        const FlowNode partner{"partner:" + l.partnerId, l.partnerName, 3};
        // Medi-Cal streams: split at the plan's FMAP, through the plan (PATH straight to the partner).
        const auto medical = [&](const Stream& s, Dollars amount, bool throughPlan) {
            b.add(kFederal, s.node, s.kind, l.fmap * amount);
            b.add(kState, s.node, s.kind, amount - l.fmap * amount);
            if (throughPlan) {
                b.add(s.node, planNode, s.kind, amount);
                b.add(planNode, partner, s.kind, amount);
            } else {
                b.add(s.node, partner, s.kind, amount);
            }
        };
        medical(kCapitation, a.pmpmRevenue + a.outreachRevenue + a.outcomeBonus, true);
        medical(kIpp, a.grantIpp, true);
        medical(kSharedSavings, a.passThrough, true);
        medical(kPath, a.grantPath, false);
        b.add(kOtherFunders, kOther.node, kOther.kind, a.grantOther);
        b.add(kOther.node, partner, kOther.kind, a.grantOther);
        total += a.totalRevenue();
    }
    FundingFlows flows = b.take();
    flows.total = total;
    return flows;
}

} // namespace sharecast
