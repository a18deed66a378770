#include "federal_split.h"

namespace sharecast {

bool settlementTransfers(PaymentModel model, bool lossesEnabled, Dollars g)
{
    return model == PaymentModel::Ffs || g >= 0.0 || lossesEnabled;
}

Dollars programNet(PaymentModel model, bool lossesEnabled, Dollars g, Dollars p)
{
    return settlementTransfers(model, lossesEnabled, g) ? g - p : 0.0;
}

SplitResult splitProgramNet(std::vector<SplitCell> cells, Dollars e, Dollars p, bool resourceUse, Dollars gru,
                            bool transfers)
{
    SplitResult r;
    const double n = static_cast<double>(cells.size());
    for (SplitCell& c : cells) {
        const double share = e != 0.0 ? c.expected / e : (n > 0 ? 1.0 / n : 0.0);
        c.net = !transfers    ? 0.0
                : resourceUse ? (gru - p) * share
                              : c.grossSavings - p * (e != 0.0 ? c.expected / e : 0.0);
        r.federal += c.fmap * c.net;
        r.state += (1.0 - c.fmap) * c.net;
    }
    r.cells = std::move(cells);
    return r;
}

} // namespace sharecast
