#include "thresholds.h"

#include "error.h"

#include <array>
#include <cmath>
#include <utility>

namespace sharecast {

namespace {

// §5: (members, MSR). Rows below 5,000 reproduce CMS's public files for small ACOs.
constexpr std::array<std::pair<double, double>, 13> kMsspTable{{
    {500, 0.122},
    {1000, 0.087},
    {3000, 0.050},
    {5000, 0.039},
    {6000, 0.036},
    {7000, 0.034},
    {8000, 0.032},
    {9000, 0.031},
    {10000, 0.030},
    {15000, 0.027},
    {20000, 0.025},
    {50000, 0.022},
    {60000, 0.020},
}};

void bracket(double n, ThresholdResult& r)
{
    if (n < kMsspTable.front().first) {
        r.lowerMembers = r.upperMembers = kMsspTable.front().first;
        r.lowerRate = r.upperRate = kMsspTable.front().second;
        r.rate = kMsspTable.front().second;
        return;
    }
    if (n >= kMsspTable.back().first) {
        r.lowerMembers = r.upperMembers = kMsspTable.back().first;
        r.lowerRate = r.upperRate = kMsspTable.back().second;
        r.rate = kMsspTable.back().second;
        return;
    }
    for (std::size_t i = 1; i < kMsspTable.size(); ++i) {
        if (n < kMsspTable[i].first) {
            const auto [n0, r0] = kMsspTable[i - 1];
            const auto [n1, r1] = kMsspTable[i];
            r.lowerMembers = n0;
            r.upperMembers = n1;
            r.lowerRate = r0;
            r.upperRate = r1;
            r.rate = r0 + (r1 - r0) * (n - n0) / (n1 - n0);
            return;
        }
    }
}

} // namespace

Rate msspTableRate(double members)
{
    ThresholdResult r;
    bracket(members, r);
    return r.rate;
}

ThresholdResult computeThreshold(const ThresholdInput& in)
{
    ThresholdResult r;
    r.method = in.method;
    r.members = in.members;
    switch (in.method) {
    case ThresholdMethod::None: r.rate = 0.0; break;
    case ThresholdMethod::Fixed: r.rate = in.fixedRate; break;
    case ThresholdMethod::Elected:
        if (!in.electedRate)
            throw InputError("the threshold method is 'elected' but the entity has no elected_msr");
        r.rate = *in.electedRate;
        break;
    case ThresholdMethod::Confidence: // z · cv / sqrt(N)
        r.rate = in.members > 0.0 ? in.z * in.cv / std::sqrt(in.members) : 1.0;
        break;
    case ThresholdMethod::MsspTable: bracket(in.members, r); break;
    }
    return r;
}

ThresholdInput msrInput(const Scenario& s, double members, std::optional<Rate> elected)
{
    return ThresholdInput{s.msr.method, s.msr.rate, s.msr.z, s.msr.cv, members, elected};
}

ThresholdInput mlrInput(const Scenario& s, double members, std::optional<Rate> elected)
{
    if (s.mlr.sameAsMsr)
        return msrInput(s, members, elected);
    // §8: an MLR by `confidence` uses msr.z and msr.cv.
    return ThresholdInput{s.mlr.method, s.mlr.rate, s.msr.z, s.msr.cv, members, elected};
}

} // namespace sharecast
