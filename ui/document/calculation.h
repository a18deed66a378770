#pragma once
//! The results the workbench shows for one scenario (the settlement, the five-year projection,
//! §13's closed forms and the partnership ledger), calculated by one function that runs on any
//! thread: the document runs it on a worker after an edit, and on the GUI thread when asked to.

#include "engine/partnership_ledger.h"
#include "engine/projection.h"
#include "engine/settlement.h"
#include "engine/validity.h"

#include <QString>

#include <atomic>
#include <optional>

namespace sharecast::ui {

//! What a calculation reads besides the scenario: the document's data, unchanged for its life.
struct CalculationData {
    const ExperienceIndex* index = nullptr;
    const QualityData* quality = nullptr;          //!< null: no quality data
    const MemberMoments* moments = nullptr;        //!< null: the experience is not member-level
    const PartnershipData* partnerships = nullptr; //!< null: no partnerships data
};

//! The results of one scenario.
struct CalculationResults {
    Settlement settlement;
    Projection projection;
    Validity validity; //!< the closed forms of §13 (the Monte Carlo runs elsewhere)
    QString error;     //!< why the results could not be calculated (then they are empty)
    std::optional<PartnershipLedger> partnershipLedger; //!< the performance year's, when there are data
    QString partnershipError; //!< why the ledger could not be made (empty when it was, or no data)
    double ms = 0.0;          //!< how long the calculation took
};

//! Thrown by calculateResults() when its cancel flag is raised between two steps.
struct CalculationSuperseded {};

//! Calculates the results of scenario on data. An InputError of the engine becomes `error` with
//! empty results; a raised cancel flag (checked between steps) throws CalculationSuperseded.
CalculationResults calculateResults(const CalculationData& data, const Scenario& scenario,
                                    const std::atomic<bool>* cancel = nullptr);

} // namespace sharecast::ui
