#pragma once
//! Sharing rate and plan payment, savings and losses (methodology §8).

#include "scenario.h"

#include <optional>

namespace sharecast {

//! The tier that applies at quality score q: the highest min_score at or below q; null when q is
//! below every tier (§1.5, §8).
const SharingTier* tierFor(const SharingSpec& s, Score q);

//! ρ by quality scaling (§8); nullopt score (Q NA) gives 0.
Rate sharingRate(const SharingSpec& sharing, std::optional<Score> qualityScore);

//! ρ of a plan or entity (§8): sharingRate(), except 0 for one that fails a blocking gate
//! (eligible false) when sharing.rate_on_failed_gate is `zero` (v2; CMS, 42 CFR 425.610(f)).
Rate planSharingRate(const SharingSpec& sharing, std::optional<Score> qualityScore, bool eligible);

//! What the payment step needs for one plan or entity.
struct SharingInput {
    const SharingSpec* sharing = nullptr;
    const LossSpec* losses = nullptr;
    Dollars expected = 0.0;          //!< E (the base of caps and thresholds)
    Dollars grossSavings = 0.0;      //!< G (or G_RU)
    std::optional<Rate> savingsRate; //!< S; nullopt when E = 0
    Rate msr = 0.0;
    Rate mlr = 0.0;
    Rate shareRate = 0.0; //!< ρ
    bool eligible = true;
    bool withReason = true; //!< false: leave SharingResult::reason empty (Monte Carlo draws)
};

//! Which side of the arrangement applied.
enum class PaymentSide { None, Savings, Losses };

//! The payment with its steps (the trace).
struct SharingResult {
    PaymentSide side = PaymentSide::None;
    std::string reason;         //!< why nothing, or what applied
    Dollars basis = 0.0;        //!< G, G − MSR·E, |G| or |G| − MLR·E
    Rate rate = 0.0;            //!< ρ (savings) or λ (losses)
    Rate reduction = 0.0;       //!< payment_reduction applied (savings only)
    Dollars beforeCap = 0.0;    //!< basis · rate · (1 − reduction)
    std::optional<Dollars> cap; //!< cap · E when a cap is set
    bool capBinds = false;
    Dollars payment = 0.0; //!< P: positive to the plan, negative owed by it
};

//! P on the savings side or the loss side (§8).
SharingResult computePayment(const SharingInput& input);

} // namespace sharecast
