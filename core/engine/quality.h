#pragma once
//! Quality composite and gate (methodology §6).

#include "quality_data.h"
#include "scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! One plan's reported rates on one measure: year Y and Y − 1 (nullopt = not reportable).
struct MeasureRates {
    std::optional<Rate> rate;
    std::optional<Rate> priorRate;
};

//! The inputs of one plan's composite: the spec and, per spec measure (same order), its rates.
struct QualityInput {
    const QualitySpec* spec = nullptr;
    std::vector<MeasureRates> rates; //!< one per spec->measures
};

//! One measure's scoring, as the trace shows it.
struct MeasureScore {
    std::string id;
    double weight = 0.0;
    bool reportable = false;
    std::optional<Rate> rate;
    std::optional<Rate> priorRate;
    Score attainment = 0.0;
    Score improvement = 0.0;
    bool improvementApplies = false; //!< r0 reportable and r0 < benchmark (after direction)
    Score score = 0.0;
    std::optional<Rate> gateMin;
    bool gatePassed = true; //!< true when the measure has no gate_min
};

//! The composite and the gate of one plan.
struct QualityResult {
    bool hasQualityStep = false;    //!< false when the scenario has no measures
    std::optional<Score> composite; //!< Q; NA when too few measures are reportable
    int reportableMeasures = 0;
    bool gateEnabled = false;
    bool gatePassed = true;  //!< as reported (a disabled gate passes)
    bool gateBlocks = false; //!< the gate is enabled and failed
    //! Which of the gate's tests failed (whether or not the gate is enabled): Q is reportable and
    //! below min_composite; the measure minimums are each measures[i].gatePassed; Q is NA when
    //! composite is empty.
    bool compositeBelowMinimum = false;
    std::string gateReason;
    std::vector<MeasureScore> measures;

    //! Q for quality-scaled sharing: 100 without a quality step; nullopt when Q is NA (ρ = 0).
    std::optional<Score> scalingScore() const;
};

//! The measure score of one measure (§6), direction applied.
MeasureScore scoreMeasure(const QualityMeasure& measure, const MeasureRates& rates, const QualitySpec& spec);

//! The composite Q and the gate (§6).
QualityResult computeQuality(const QualityInput& input);

//! The plan's composite and gate for year y straight from quality records (rates of y, prior
//! rates of y − 1).
QualityResult planQualityFor(const std::vector<QualityRecord>& records, const QualitySpec& spec,
                             const std::string& planId, Year y);

//! The latest year <= upTo in which the plan reported any of the spec's measures, or nullopt.
std::optional<Year> latestQualityYear(const std::vector<QualityRecord>& records, const QualitySpec& spec,
                                      const std::string& planId, Year upTo);

} // namespace sharecast
