#include "quality.h"

#include "rounding.h"

#include <algorithm>

namespace sharecast {

std::optional<Score> QualityResult::scalingScore() const
{
    if (!hasQualityStep)
        return 100.0; // §6: no measures → quality-scaled sharing uses Q = 100
    return composite;
}

MeasureScore scoreMeasure(const QualityMeasure& m, const MeasureRates& rates, const QualitySpec& spec)
{
    MeasureScore out;
    out.id = m.id;
    out.weight = m.weight;
    out.rate = rates.rate;
    out.priorRate = rates.priorRate;
    out.gateMin = m.gateMin;
    out.reportable = rates.rate.has_value();

    // §6: for `lower` measures negate r, r0, threshold, benchmark and gate_min.
    const double sign = m.direction == Direction::Lower ? -1.0 : 1.0;
    const double threshold = sign * m.threshold;
    const double benchmark = sign * m.benchmark;

    if (m.gateMin)
        out.gatePassed = out.reportable && sign * *rates.rate >= sign * *m.gateMin;
    if (!out.reportable)
        return out;

    const double r = sign * *rates.rate;
    out.attainment = 100.0 * std::clamp((r - threshold) / (benchmark - threshold), 0.0, 1.0);
    if (rates.priorRate) {
        const double r0 = sign * *rates.priorRate;
        if (r0 < benchmark) {
            out.improvementApplies = true;
            out.improvement = spec.improvementMax * std::clamp((r - r0) / (benchmark - r0), 0.0, 1.0);
        }
    }
    switch (spec.scoring) {
    case QualityScoring::Attainment: out.score = out.attainment; break;
    case QualityScoring::Improvement: out.score = out.improvement; break;
    case QualityScoring::Max: out.score = std::max(out.attainment, out.improvement); break;
    case QualityScoring::Blend:
        out.score = spec.blendWeight * out.attainment + (1.0 - spec.blendWeight) * out.improvement;
        break;
    }
    return out;
}

QualityResult computeQuality(const QualityInput& in)
{
    const QualitySpec& spec = *in.spec;
    QualityResult out;
    out.gateEnabled = spec.gateEnabled;
    out.hasQualityStep = !spec.measures.empty();
    if (!out.hasQualityStep)
        return out; // §6: Q NA, the gate passes

    double weighted = 0.0;
    double weights = 0.0;
    bool measureGatesPass = true;
    std::string failedMeasures;
    for (std::size_t i = 0; i < spec.measures.size(); ++i) {
        MeasureScore ms = scoreMeasure(spec.measures[i], in.rates[i], spec);
        if (ms.reportable) {
            ++out.reportableMeasures;
            weighted += ms.weight * ms.score;
            weights += ms.weight;
        }
        if (!ms.gatePassed) {
            measureGatesPass = false;
            failedMeasures += (failedMeasures.empty() ? "" : ", ") + ms.id +
                              (ms.reportable ? " rate " + formatPercentText(*ms.rate) +
                                                   (spec.measures[i].direction == Direction::Lower
                                                        ? " above its limit "
                                                        : " below its minimum ") +
                                                   formatPercentText(*ms.gateMin)
                                             : std::string(" not reportable"));
        }
        out.measures.push_back(std::move(ms));
    }

    const int needed = std::max(1, spec.minMeasures);
    if (out.reportableMeasures >= needed && weights > 0.0)
        out.composite = weighted / weights;

    bool passed = true;
    if (!out.composite) {
        passed = false;
        out.gateReason = std::to_string(out.reportableMeasures) + " reportable measure(s), " +
                         std::to_string(needed) + " needed: composite is NA";
    } else if (*out.composite < spec.minComposite) {
        passed = false;
        out.compositeBelowMinimum = true;
        out.gateReason = "composite " + formatFixed(*out.composite, 2) + " below the minimum " +
                         formatFixed(spec.minComposite, 2);
    }
    if (!measureGatesPass) {
        passed = false;
        out.gateReason +=
            (out.gateReason.empty() ? "" : "; ") + std::string("measure gate: ") + failedMeasures;
    }
    out.gatePassed = spec.gateEnabled ? passed : true;
    out.gateBlocks = spec.gateEnabled && !passed;
    if (!spec.gateEnabled && !passed)
        out.gateReason = "gate disabled (would fail: " + out.gateReason + ")";
    return out;
}

} // namespace sharecast

namespace sharecast {

QualityResult planQualityFor(const std::vector<QualityRecord>& records, const QualitySpec& spec,
                             const std::string& planId, Year y)
{
    QualityInput in;
    in.spec = &spec;
    in.rates.resize(spec.measures.size());
    for (const QualityRecord& r : records) {
        if (r.planId != planId || (r.year != y && r.year != y - 1))
            continue;
        for (std::size_t m = 0; m < spec.measures.size(); ++m)
            if (spec.measures[m].id == r.measureId)
                (r.year == y ? in.rates[m].rate : in.rates[m].priorRate) =
                    r.reportableRate(spec.minDenominator);
    }
    return computeQuality(in);
}

std::optional<Year> latestQualityYear(const std::vector<QualityRecord>& records, const QualitySpec& spec,
                                      const std::string& planId, Year upTo)
{
    std::optional<Year> latest;
    for (const QualityRecord& r : records) {
        if (r.planId != planId || r.year > upTo || (latest && r.year <= *latest))
            continue;
        for (const QualityMeasure& m : spec.measures)
            if (m.id == r.measureId) {
                latest = r.year;
                break;
            }
    }
    return latest;
}

} // namespace sharecast
