#include "federal_split.h"

namespace sharecast {

SplitResult splitProgramNet(std::vector<SplitCell> cells, Dollars e, Dollars p, bool resourceUse, Dollars gru)
{
    SplitResult r;
    const double n = static_cast<double>(cells.size());
    for (SplitCell& c : cells) {
        const double share = e != 0.0 ? c.expected / e : (n > 0 ? 1.0 / n : 0.0);
        c.net = resourceUse ? (gru - p) * share : c.grossSavings - p * (e != 0.0 ? c.expected / e : 0.0);
        r.federal += c.fmap * c.net;
        r.state += (1.0 - c.fmap) * c.net;
    }
    r.cells = std::move(cells);
    return r;
}

} // namespace sharecast
