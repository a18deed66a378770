#include "io/project/member_moments.h"

namespace sharecast::io {

MemberMoments memberMoments(const MemberAggregates& aggregates, const DatasetInfo& dataset)
{
    MemberMoments m;
    m.source = dataset.provenance.sourceName.toStdString() + ", imported " +
               dataset.provenance.importedAt.toString(Qt::ISODate).toStdString();
    m.includedCos = aggregates.includedCos;
    m.truncationThreshold = aggregates.truncationThreshold;
    m.cells.reserve(aggregates.cells.size());
    for (const MemberCellAggregate& a : aggregates.cells)
        m.cells.push_back(MemberCostMoments{a.planId, a.region, a.rateCell, a.year,
                                            static_cast<double>(a.members), a.costSum, a.costSumSquares,
                                            a.truncatedSum, a.truncatedSumSquares});
    return m;
}

std::optional<MemberMoments> activeMemberMoments(const ProjectStore& store)
{
    const std::optional<DatasetInfo> active = store.activeDataset(DatasetKind::Experience);
    if (!active || active->kind != DatasetKind::Members)
        return std::nullopt;
    return memberMoments(store.loadMemberAggregates(active->id), *active);
}

} // namespace sharecast::io
