#pragma once
//! State and federal split of the program's net (methodology §9).

#include "scenario.h"
#include "types.h"

#include <string>
#include <vector>

namespace sharecast {

//! Whether the settlement moves the program's money (§9): always under `ffs`; under `capitation`
//! only when G ≥ 0 or losses are enabled (a one-sided arrangement leaves a loss with the plan).
bool settlementTransfers(PaymentModel model, bool lossesEnabled, Dollars grossSavings);

//! The program net (§8–§9): G − P when the settlement transfers, else 0. Under `ffs` the payer
//! keeps G and pays P; under `capitation` it is the transfer T from the plan to the state.
Dollars programNet(PaymentModel model, bool lossesEnabled, Dollars grossSavings, Dollars payment);

//! One cell's part of the split.
struct SplitCell {
    std::string rateCell;
    Dollars expected = 0.0;     //!< E_cell
    Dollars grossSavings = 0.0; //!< G_cell (tcc basis); unused on the resource-use basis
    Rate fmap = 0.5;
    Dollars net = 0.0; //!< net_cell (output)
};

//! The split of one plan.
struct SplitResult {
    std::vector<SplitCell> cells;
    Dollars federal = 0.0;
    Dollars state = 0.0;
};

//! net_cell = G_cell − P·E_cell/E (tcc) or (G_RU − P)·E_cell/E (resource use); federal
//! Σ fmap·net_cell, state Σ (1 − fmap)·net_cell (§9). With E = 0 (nothing shared) the cell's
//! own G_cell is its net on the tcc basis, and member-month shares are not available, so the
//! resource-use net is split evenly over the cells. When the settlement does not transfer
//! (settlementTransfers() false) every net_cell is 0.
SplitResult splitProgramNet(std::vector<SplitCell> cells, Dollars expected, Dollars payment,
                            bool resourceUseBasis, Dollars resourceUseSavings, bool transfers = true);

} // namespace sharecast
