#include "sharing.h"

#include "rounding.h"

#include <algorithm>
#include <cmath>

namespace sharecast {

const SharingTier* tierFor(const SharingSpec& s, Score q)
{
    const SharingTier* best = nullptr;
    for (const SharingTier& t : s.tiers)
        if (q >= t.minScore && (!best || t.minScore > best->minScore))
            best = &t;
    return best;
}

Rate sharingRate(const SharingSpec& s, std::optional<Score> q)
{
    if (!q)
        return 0.0; // §8: ρ = 0 when Q is NA
    switch (s.qualityScaling) {
    case QualityScaling::None: return s.maxShare;
    case QualityScaling::Multiply: return s.maxShare * *q / 100.0;
    case QualityScaling::Tiers: {
        const SharingTier* tier = tierFor(s, *q); // below every tier, 0 (§1.5)
        return tier ? tier->share : 0.0;
    }
    case QualityScaling::Linear:
        return s.minShare + (s.maxShare - s.minShare) *
                                std::clamp((*q - s.qualityLow) / (s.qualityHigh - s.qualityLow), 0.0, 1.0);
    }
    return 0.0;
}

Rate planSharingRate(const SharingSpec& s, std::optional<Score> q, bool eligible)
{
    if (!eligible && s.rateOnFailedGate == FailedGateRate::Zero)
        return 0.0;
    return sharingRate(s, q);
}

SharingResult computePayment(const SharingInput& in)
{
    SharingResult r;
    const Dollars e = in.expected;
    const Dollars g = in.grossSavings;
    if (!in.savingsRate) {
        if (in.withReason)
            r.reason = "expected cost is 0: nothing is shared";
        return r;
    }
    const Rate s = *in.savingsRate;

    if (g > 0.0) {
        if (s < in.msr) {
            if (in.withReason)
                r.reason = "savings rate " + formatFixed(s, 6) + " below the MSR " + formatFixed(in.msr, 6);
            return r;
        }
        if (!in.eligible) {
            if (in.withReason)
                r.reason = "not eligible: a blocking gate failed";
            return r;
        }
        r.side = PaymentSide::Savings;
        r.basis = in.sharing->firstDollar ? g : g - in.msr * e;
        r.rate = in.shareRate;
        r.reduction = in.sharing->paymentReduction;
        r.beforeCap = r.basis * r.rate * (1.0 - r.reduction); // reduction before the cap (§8)
        r.payment = r.beforeCap;
        if (in.sharing->cap) {
            r.cap = *in.sharing->cap * e;
            if (*r.cap < r.payment) {
                r.payment = *r.cap;
                r.capBinds = true;
            }
        }
        if (in.withReason)
            r.reason = "shared savings";
        return r;
    }

    if (in.losses->enabled && s <= -in.mlr) {
        r.side = PaymentSide::Losses;
        const Dollars loss = std::fabs(g);
        r.basis = in.sharing->firstDollar ? loss : loss - in.mlr * e;
        r.rate = in.losses->rateMethod == LossRateMethod::Fixed
                     ? in.losses->rate
                     : std::clamp(1.0 - in.shareRate, in.losses->rateMin, in.losses->rateMax);
        r.beforeCap = r.basis * r.rate; // losses take no payment reduction
        Dollars owed = r.beforeCap;
        if (in.losses->cap) {
            r.cap = *in.losses->cap * e;
            if (*r.cap < owed) {
                owed = *r.cap;
                r.capBinds = true;
            }
        }
        r.payment = -owed;
        if (in.withReason) {
            r.reason = "shared losses";
            if (!in.eligible && in.sharing->rateOnFailedGate == FailedGateRate::Zero &&
                in.losses->rateMethod == LossRateMethod::OneMinusSharing)
                r.reason +=
                    " at the highest rate: a blocking gate failed, so ρ = 0 (rate_on_failed_gate zero)";
        }
        return r;
    }
    if (in.withReason)
        r.reason = g == 0.0
                       ? "no savings"
                       : (in.losses->enabled ? "loss within the MLR corridor" : "loss; losses not shared");
    return r;
}

} // namespace sharecast
