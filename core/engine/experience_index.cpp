#include "experience_index.h"

#include <algorithm>
#include <tuple>

namespace sharecast {

ExperienceIndex::ExperienceIndex(const ExperienceData& data) : data_(&data)
{
    if (data.cells.empty())
        return;

    std::vector<const ExperienceCell*> order;
    order.reserve(data.cells.size());
    minYear_ = maxYear_ = data.cells.front().year;
    for (const ExperienceCell& c : data.cells) {
        order.push_back(&c);
        minYear_ = std::min(minYear_, c.year);
        maxYear_ = std::max(maxYear_, c.year);
    }
    std::sort(order.begin(), order.end(), [](const ExperienceCell* a, const ExperienceCell* b) {
        return std::tie(a->planId, a->region, a->rateCell, a->year) <
               std::tie(b->planId, b->region, b->rateCell, b->year);
    });

    for (const ExperienceCell* c : order)
        rateCells_.push_back(c->rateCell);
    std::sort(rateCells_.begin(), rateCells_.end());
    rateCells_.erase(std::unique(rateCells_.begin(), rateCells_.end()), rateCells_.end());

    const std::size_t span = static_cast<std::size_t>(maxYear_ - minYear_ + 1);
    for (std::size_t i = 0; i < order.size();) {
        const ExperienceCell* first = order[i];
        if (plans_.empty() || plans_.back().planId != first->planId)
            plans_.push_back(PlanSeries{first->planId, {}});
        CellSeries series;
        series.region = &first->region;
        series.rateCell = &first->rateCell;
        series.rateCellId = static_cast<int>(
            std::lower_bound(rateCells_.begin(), rateCells_.end(), first->rateCell) - rateCells_.begin());
        series.firstYear = minYear_;
        series.byYear.assign(span, nullptr);
        std::size_t j = i;
        while (j < order.size() && order[j]->planId == first->planId && order[j]->region == first->region &&
               order[j]->rateCell == first->rateCell) {
            // A duplicate key is rejected by the readers; the first record wins if one slips in.
            auto& slot = series.byYear[static_cast<std::size_t>(order[j]->year - minYear_)];
            if (!slot)
                slot = order[j];
            ++j;
        }
        plans_.back().cells.push_back(std::move(series));
        i = j;
    }
}

} // namespace sharecast
