#pragma once
//! Risk corridors, blended-rate true-up and MLR remittance (methodology §12).

#include "scenario.h"

#include <string>
#include <vector>

namespace sharecast {

//! One band's part of a corridor settlement.
struct CorridorBandShare {
    Rate from = 0.0;
    std::optional<Rate> to;
    Rate stateShare = 0.0;
    Rate overlap = 0.0; //!< overlap(|d|, band)
};

//! A corridor's settlement with what produced it.
struct CorridorResult {
    std::string name;
    std::string cos;
    Dollars actual = 0.0; //!< A: the COS's cost
    Dollars target = 0.0; //!< T = target_pmpm · MM
    Rate deviation = 0.0; //!< d = (A − T) / T
    std::vector<CorridorBandShare> bands;
    Dollars settlement = 0.0; //!< sign(d) · T · Σ state_share · overlap; positive: the state pays the plan
};

//! §12 corridor over one plan's COS cost and member months.
CorridorResult settleCorridor(const Corridor& corridor, Dollars actual, MemberMonths memberMonths);

//! The blend true-up with its parts.
struct BlendResult {
    Pmpm blendedRate = 0.0;          //!< R_blend = Σ mix_c R_c
    MemberMonths memberMonths = 0.0; //!< Σ_c MM_c over the blended cells
    Dollars atCellRates = 0.0;       //!< Σ_c MM_c R_c
    Dollars atBlendedRate = 0.0;     //!< R_blend Σ_c MM_c
    Dollars difference = 0.0;        //!< Δ
    Dollars threshold = 0.0;         //!< tolerance · R_blend Σ MM_c
    Dollars trueUp = 0.0;            //!< Δ when |Δ| > threshold, else 0; positive: paid to the plan
};

//! §12 blend true-up for one plan, given its member months by blended rate cell.
BlendResult trueUpBlend(const BlendSpec& blend,
                        const std::vector<std::pair<std::string, MemberMonths>>& memberMonths);

//! MLR remittance with its parts.
struct MlrRemittanceResult {
    Dollars medicalCost = 0.0;
    Dollars revenue = 0.0;
    std::optional<Rate> ratio; //!< NA without revenue
    Dollars remittance = 0.0;  //!< max(0, minimum − MLR) · revenue
};

//! §12: MLR = medical cost / capitation revenue; remittance at the floor.
MlrRemittanceResult computeMlrRemittance(const MlrRemittance& spec, Dollars medicalCost, Dollars revenue);

} // namespace sharecast
