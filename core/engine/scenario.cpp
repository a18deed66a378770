#include "scenario.h"

#include "error.h"
#include "rounding.h"

#include <cmath>
#include <map>
#include <set>

namespace sharecast {

namespace {

[[noreturn]] void fail(const std::string& key, double value, const std::string& reason)
{
    InputLocation where;
    where.column = key;
    where.value = formatFixed(value, 10);
    // Trim trailing zeros of the shown value for readability.
    while (where.value.size() > 1 && where.value.back() == '0' && where.value.find('.') != std::string::npos)
        where.value.pop_back();
    if (!where.value.empty() && where.value.back() == '.')
        where.value.pop_back();
    where.hasValue = true;
    throw InputError(where, reason);
}

[[noreturn]] void failText(const std::string& key, const std::string& value, const std::string& reason)
{
    throw InputError(InputLocation{{}, 0, key, value, true}, reason);
}

[[noreturn]] void failKey(const std::string& key, const std::string& reason)
{
    InputLocation where;
    where.column = key;
    throw InputError(where, reason);
}

void checkFinite(const std::string& key, double v)
{
    if (!std::isfinite(v))
        fail(key, v, "must be a finite number");
}

void checkUnit(const std::string& key, double v)
{
    checkFinite(key, v);
    if (v < 0.0 || v > 1.0)
        fail(key, v, "must lie in [0, 1]");
}

void checkNonNegative(const std::string& key, double v)
{
    checkFinite(key, v);
    if (v < 0.0)
        fail(key, v, "must not be negative");
}

void checkTrend(const std::string& key, const TrendPair& t)
{
    checkFinite(key + ".utilization", t.utilization);
    checkFinite(key + ".unit_cost", t.unitCost);
    if (t.utilization <= -1.0)
        fail(key + ".utilization", t.utilization, "a trend must be greater than -1");
    if (t.unitCost <= -1.0)
        fail(key + ".unit_cost", t.unitCost, "a trend must be greater than -1");
}

void checkScore(const std::string& key, double v)
{
    checkFinite(key, v);
    if (v < 0.0 || v > 100.0)
        fail(key, v, "a quality score must lie in [0, 100]");
}

} // namespace

Rate NewBenefit::takeUpIn(Year y) const
{
    Rate r = 0.0;
    for (const auto& [year, value] : takeUp)
        if (year <= y)
            r = value; // the map is ordered: the last one <= y wins
    return r;
}

std::optional<Pmpm> NewBenefit::pricedPmpm(const std::string& rateCell) const
{
    auto it = pmpm.find(rateCell);
    if (it == pmpm.end())
        it = pmpm.find("all");
    return it == pmpm.end() ? std::nullopt : std::optional<Pmpm>(it->second);
}

double NewBenefit::trendFactor(Year y) const
{
    return std::pow(1.0 + trend, static_cast<double>(y - priceYear));
}

const NewBenefit* Scenario::newBenefitFor(const std::string& cos) const
{
    for (const NewBenefit& b : newBenefits)
        if (b.cos == cos)
            return &b;
    return nullptr;
}

void Scenario::validate() const
{
    // §1.5 baseline: weights >= 0 summing to 1 ± 1e-9; years distinct (and before Y).
    if (!baseline.weights.empty() && baseline.weights.size() != baseline.years.size())
        failKey("baseline.weights", "must have one weight per baseline year (" +
                                        std::to_string(baseline.years.size()) + " years, " +
                                        std::to_string(baseline.weights.size()) + " weights)");
    if (baseline.years.empty() && !baseline.weights.empty())
        failKey("baseline.weights", "weights given without baseline years");
    {
        std::set<Year> seen;
        for (Year y : baseline.years)
            if (!seen.insert(y).second)
                fail("baseline.years", y, "baseline years must be distinct");
        double sum = 0.0;
        for (double w : baseline.weights) {
            checkNonNegative("baseline.weights", w);
            sum += w;
        }
        if (!baseline.weights.empty() && std::fabs(sum - 1.0) > 1e-9)
            fail("baseline.weights", sum, "baseline weights must sum to 1");
        if (performanceYear)
            for (Year y : baseline.years)
                if (y >= *performanceYear)
                    fail("baseline.years", y,
                         "baseline years must be before the performance year " +
                             std::to_string(*performanceYear));
    }

    if (includedCos && !includedCos->empty() && !excludedCos.empty())
        failKey("included_cos", "included_cos and excluded_cos cannot both be non-empty");

    checkTrend("trend.default", trend.defaultTrend);
    for (const auto& [cos, t] : trend.byCos)
        checkTrend("trend.by_cos." + cos, t);
    for (const auto& [cell, rc] : trend.byRateCell) {
        if (rc.defaultTrend)
            checkTrend("trend.by_rate_cell." + cell + ".default", *rc.defaultTrend);
        for (const auto& [cos, t] : rc.byCos)
            checkTrend("trend.by_rate_cell." + cell + ".by_cos." + cos, t);
    }

    for (std::size_t i = 0; i < programChanges.size(); ++i) {
        const std::string key = "program_changes[" + std::to_string(i) + "]";
        checkNonNegative(key + ".factor", programChanges[i].factor);
    }

    if (riskAdjustment.capUp)
        checkUnit("risk_adjustment.cap_up", *riskAdjustment.capUp);
    if (riskAdjustment.capDown)
        checkUnit("risk_adjustment.cap_down", *riskAdjustment.capDown);
    checkNonNegative("truncation.threshold", truncation.threshold);
    if (truncation.threshold <= 0.0)
        fail("truncation.threshold", truncation.threshold, "the truncation threshold must be positive");

    checkUnit("msr.rate", msr.rate);
    checkNonNegative("msr.z", msr.z);
    checkNonNegative("msr.cv", msr.cv);
    checkUnit("mlr.rate", mlr.rate);

    checkUnit("quality.blend_weight", quality.blendWeight);
    checkScore("quality.improvement_max", quality.improvementMax);
    if (quality.minDenominator < 0)
        fail("quality.min_denominator", quality.minDenominator, "must not be negative");
    if (quality.minMeasures < 0)
        fail("quality.min_measures", quality.minMeasures, "must not be negative");
    checkScore("quality.gate.min_composite", quality.minComposite);
    {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < quality.measures.size(); ++i) {
            const QualityMeasure& m = quality.measures[i];
            const std::string key = "quality.measures[" + std::to_string(i) + "]";
            if (m.id.empty())
                failKey(key + ".id", "a measure needs an id");
            if (!ids.insert(m.id).second)
                failKey(key + ".id", "duplicate measure id '" + m.id + "'");
            checkNonNegative(key + ".weight", m.weight);
            checkUnit(key + ".threshold", m.threshold);
            checkUnit(key + ".benchmark", m.benchmark);
            if (m.gateMin)
                checkUnit(key + ".gate_min", *m.gateMin);
            if (m.direction == Direction::Higher && !(m.threshold < m.benchmark))
                fail(key + ".threshold", m.threshold,
                     "for a 'higher' measure the threshold must be below the benchmark");
            if (m.direction == Direction::Lower && !(m.threshold > m.benchmark))
                fail(key + ".threshold", m.threshold,
                     "for a 'lower' measure the threshold must be above the benchmark");
        }
    }

    checkFinite("tcc_trend_gate.max_trend", tccTrendGate.maxTrend);
    checkUnit("appropriateness.max_denial_rate_increase", appropriateness.maxDenialRateIncrease);
    checkNonNegative("appropriateness.max_grievance_rate_increase", appropriateness.maxGrievanceRateIncrease);

    {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < resourceUse.size(); ++i) {
            const ResourceUseMeasure& m = resourceUse[i];
            const std::string key = "resource_use.measures[" + std::to_string(i) + "]";
            if (m.id.empty())
                failKey(key + ".id", "a measure needs an id");
            if (!ids.insert(m.id).second)
                failKey(key + ".id", "duplicate measure id '" + m.id + "'");
            if (m.numerator.empty())
                failKey(key + ".numerator", "a resource-use measure needs a numerator (a util_ column)");
            if (m.exposure.empty())
                failKey(key + ".exposure", "must be member_years or a util_ column");
            checkNonNegative(key + ".per", m.per);
            if (m.per <= 0.0)
                fail(key + ".per", m.per, "must be positive");
            checkNonNegative(key + ".unit_cost", m.unitCost);
        }
    }

    checkUnit("sharing.max_share", sharing.maxShare);
    checkUnit("sharing.min_share", sharing.minShare);
    checkScore("sharing.quality_low", sharing.qualityLow);
    checkScore("sharing.quality_high", sharing.qualityHigh);
    if (sharing.qualityScaling == QualityScaling::Linear && !(sharing.qualityLow < sharing.qualityHigh))
        fail("sharing.quality_high", sharing.qualityHigh,
             "must be above sharing.quality_low for linear scaling");
    {
        std::set<double> scores;
        for (std::size_t i = 0; i < sharing.tiers.size(); ++i) {
            const std::string key = "sharing.tiers[" + std::to_string(i) + "]";
            checkScore(key + ".min_score", sharing.tiers[i].minScore);
            checkUnit(key + ".share", sharing.tiers[i].share);
            if (!scores.insert(sharing.tiers[i].minScore).second)
                fail(key + ".min_score", sharing.tiers[i].minScore, "duplicate tier score");
        }
    }
    if (sharing.cap)
        checkUnit("sharing.cap", *sharing.cap);
    checkUnit("sharing.payment_reduction", sharing.paymentReduction);

    checkUnit("losses.rate", losses.rate);
    checkUnit("losses.rate_min", losses.rateMin);
    checkUnit("losses.rate_max", losses.rateMax);
    if (losses.rateMin > losses.rateMax)
        fail("losses.rate_min", losses.rateMin, "must not exceed losses.rate_max");
    if (losses.cap)
        checkUnit("losses.cap", *losses.cap);

    checkUnit("fmap.default", fmap.defaultRate);
    for (const auto& [cell, f] : fmap.byRateCell)
        checkUnit("fmap.by_rate_cell." + cell, f);

    if (projection.horizon < 1 || projection.horizon > 50)
        fail("projection.horizon", projection.horizon, "must be between 1 and 50 years");
    checkFinite("projection.enrollment_growth", projection.enrollmentGrowth);
    if (projection.enrollmentGrowth <= -1.0)
        fail("projection.enrollment_growth", projection.enrollmentGrowth, "must be greater than -1");
    checkFinite("projection.utilization_change.default", projection.utilizationChange.defaultRate);
    if (projection.utilizationChange.defaultRate <= -1.0)
        fail("projection.utilization_change.default", projection.utilizationChange.defaultRate,
             "must be greater than -1");
    for (const auto& [cos, c] : projection.utilizationChange.byCos) {
        checkFinite("projection.utilization_change.by_cos." + cos, c);
        if (c <= -1.0)
            fail("projection.utilization_change.by_cos." + cos, c, "must be greater than -1");
    }
    checkNonNegative("projection.investment_pmpm", projection.investmentPmpm);
    if (projection.qualityPath)
        for (std::size_t i = 0; i < projection.qualityPath->size(); ++i)
            checkScore("projection.quality_path[" + std::to_string(i) + "]", (*projection.qualityPath)[i]);
    if (projection.rateLag < 0 || projection.rateLag > 10)
        fail("projection.rate_lag", projection.rateLag, "must be between 0 and 10 years");
    checkUnit("projection.admin_load", projection.adminLoad);
    checkUnit("projection.underwriting_gain", projection.underwritingGain);
    if (projection.adminLoad + projection.underwritingGain >= 1.0)
        fail("projection.admin_load", projection.adminLoad,
             "admin load plus underwriting gain must be below 1");

    checkUnit("federal_limits.incentive_max", federalLimits.incentiveMax);
    checkUnit("federal_limits.ilos_max", federalLimits.ilosMax);
    checkUnit("federal_limits.ilos_evaluation", federalLimits.ilosEvaluation);

    if (!(partnerships.pmpmFactor >= 0.0))
        fail("partnerships.pmpm_factor", partnerships.pmpmFactor, "must be >= 0");
    for (const auto& [partner, t] : partnerships.terms) {
        const std::string key = "partnerships.terms." + partner;
        if (partner.empty())
            failKey("partnerships.terms", "a partner id must not be empty");
        if (t.pmpm)
            checkNonNegative(key + ".pmpm", *t.pmpm);
        if (t.outreachFee)
            checkNonNegative(key + ".outreach_fee", *t.outreachFee);
        if (t.outreachCap)
            checkNonNegative(key + ".outreach_cap", *t.outreachCap);
        if (t.outcomeBonus)
            checkNonNegative(key + ".outcome_bonus", *t.outcomeBonus);
        if (t.savingsPassThrough)
            checkUnit(key + ".savings_pass_through", *t.savingsPassThrough);
    }

    {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < newBenefits.size(); ++i) {
            const NewBenefit& b = newBenefits[i];
            const std::string key = "new_benefits[" + std::to_string(i) + "]";
            if (b.cos.empty())
                failKey(key + ".cos", "a new benefit needs a COS");
            if (!seen.insert(b.cos).second)
                failText(key + ".cos", b.cos, "a COS can be priced by one new_benefits entry only");
            if (!includesCos(b.cos))
                failText(key + ".cos", b.cos,
                         "the COS is excluded from the total cost of care (included_cos/excluded_cos); a new "
                         "benefit must be included");
            if (b.pmpm.empty())
                failKey(key + ".pmpm", "give a PMPM for at least one rate cell, or \"all\"");
            for (const auto& [cell, v] : b.pmpm)
                checkNonNegative(key + ".pmpm." + cell, v);
            if (b.takeUp.empty())
                failKey(key + ".take_up", "give the take-up of at least one year");
            for (const auto& [year, v] : b.takeUp)
                checkUnit(key + ".take_up." + std::to_string(year), v);
            checkFinite(key + ".trend", b.trend);
            if (b.trend <= -1.0)
                fail(key + ".trend", b.trend, "a trend must be greater than -1");
        }
    }

    for (std::size_t i = 0; i < corridors.size(); ++i) {
        const Corridor& c = corridors[i];
        const std::string key = "corridors[" + std::to_string(i) + "]";
        if (c.cos.empty())
            failKey(key + ".cos", "a corridor needs a COS");
        checkNonNegative(key + ".target_pmpm", c.targetPmpm);
        if (c.targetPmpm <= 0.0)
            fail(key + ".target_pmpm", c.targetPmpm, "must be positive");
        for (std::size_t b = 0; b < c.bands.size(); ++b) {
            const CorridorBand& band = c.bands[b];
            const std::string bk = key + ".bands[" + std::to_string(b) + "]";
            checkNonNegative(bk + ".from", band.from);
            if (band.to && !(*band.to > band.from))
                fail(bk + ".to", *band.to, "must be above 'from'");
            checkUnit(bk + ".state_share", band.stateShare);
        }
    }

    if (blend) {
        checkUnit("blend.tolerance", blend->tolerance);
        for (const auto& [cell, r] : blend->rates)
            checkNonNegative("blend.rates." + cell, r);
        double mix = 0.0;
        for (const auto& [cell, m] : blend->projectedMix) {
            checkUnit("blend.projected_mix." + cell, m);
            mix += m;
        }
        if (!blend->projectedMix.empty() && std::fabs(mix - 1.0) > 1e-9)
            fail("blend.projected_mix", mix, "the projected mix must sum to 1");
        for (const std::string& cell : blend->rateCells)
            if (!blend->rates.count(cell))
                failKey("blend.rates", "no rate for blended rate cell '" + cell + "'");
    }
    checkUnit("mlr_remittance.minimum", mlrRemittance.minimum);

    if (regionalRates) {
        // Regional rates: every county in at most one region, blend in [0, 1], adjustments > 0.
        std::map<std::string, std::string> regionOf;
        for (const auto& [region, counties] : regionalRates->regions) {
            const std::string key = "regional_rates.regions." + region;
            if (counties.empty())
                failKey(key, "a region needs at least one county");
            for (const std::string& county : counties) {
                const auto [it, fresh] = regionOf.emplace(county, region);
                if (!fresh)
                    failKey(key, it->second == region
                                     ? "county '" + county + "' is listed twice in region '" + region + "'"
                                     : "county '" + county + "' is in two regions, '" + it->second +
                                           "' and '" + region + "'");
            }
        }
        checkUnit("regional_rates.blend", regionalRates->blend);
        for (const auto& [county, factor] : regionalRates->adjustments) {
            checkFinite("regional_rates.adjustments." + county, factor);
            if (!(factor > 0.0))
                fail("regional_rates.adjustments." + county, factor, "an adjustment must be positive");
        }
    }

    // §13 ranges.
    if (uncertainty.cv) {
        checkFinite("uncertainty.cv", *uncertainty.cv);
        if (!(*uncertainty.cv > 0.0))
            fail("uncertainty.cv", *uncertainty.cv,
                 "the coefficient of variation must be positive (or null)");
    }
    checkFinite("uncertainty.alpha", uncertainty.alpha);
    if (!(uncertainty.alpha > 0.0 && uncertainty.alpha < 1.0))
        fail("uncertainty.alpha", uncertainty.alpha, "must lie strictly between 0 and 1");
    if (uncertainty.trueSavings)
        checkFinite("uncertainty.true_savings", *uncertainty.trueSavings);
    if (uncertainty.seed > (std::uint64_t{1} << 53))
        fail("uncertainty.seed", static_cast<double>(uncertainty.seed),
             "the seed must be a whole number from 0 to 2^53 (9007199254740992)");
    if (uncertainty.draws < 1 || uncertainty.draws > UncertaintySpec::kMaxDraws)
        fail("uncertainty.draws", static_cast<double>(uncertainty.draws),
             "the number of draws must be between 1 and " + std::to_string(UncertaintySpec::kMaxDraws));
    checkNonNegative("uncertainty.trend_sd", uncertainty.trendSd);
}

BaselineSpec Scenario::effectiveBaseline(Year y) const
{
    BaselineSpec b = baseline;
    if (b.years.empty()) {
        b.years = {y - 1};
        b.weights = {1.0};
    } else if (b.weights.empty()) {
        b.weights.assign(b.years.size(), 1.0 / static_cast<double>(b.years.size()));
    }
    for (Year by : b.years)
        if (by >= y)
            fail("baseline.years", by,
                 "baseline years must be before the performance year " + std::to_string(y));
    return b;
}

TrendChoice Scenario::trendChoiceFor(const std::string& rateCell, const std::string& cos) const
{
    const auto rc = trend.byRateCell.find(rateCell);
    if (rc != trend.byRateCell.end()) {
        const auto s = rc->second.byCos.find(cos);
        if (s != rc->second.byCos.end())
            return {s->second, TrendSource::RateCellCos};
        if (rc->second.defaultTrend)
            return {*rc->second.defaultTrend, TrendSource::RateCellDefault};
    }
    const auto s = trend.byCos.find(cos);
    if (s != trend.byCos.end())
        return {s->second, TrendSource::Cos};
    return {trend.defaultTrend, TrendSource::Default};
}

TrendPair Scenario::trendFor(const std::string& rateCell, const std::string& cos) const
{
    return trendChoiceFor(rateCell, cos).pair;
}

DefaultTrendReach defaultTrendReach(const Scenario& scenario, const std::vector<std::string>& cosNames,
                                    const std::vector<std::string>& rateCells)
{
    DefaultTrendReach reach;
    reach.rateCells = rateCells.size();
    for (const std::string& cos : cosNames) {
        if (!scenario.includesCos(cos))
            continue;
        DefaultTrendReach::Cos c;
        c.name = cos;
        for (const std::string& cell : rateCells) {
            switch (scenario.trendChoiceFor(cell, cos).source) {
            case TrendSource::Default: ++c.cellsTakingDefault; break;
            case TrendSource::Cos: c.replacedByCos = true; break;
            case TrendSource::RateCellCos:
            case TrendSource::RateCellDefault: c.replacedByRateCell = true; break;
            }
        }
        reach.included.push_back(std::move(c));
    }
    return reach;
}

bool Scenario::includesCos(const std::string& cos) const
{
    if (includedCos) {
        for (const std::string& c : *includedCos)
            if (c == cos)
                return true;
        return false;
    }
    for (const std::string& c : excludedCos)
        if (c == cos)
            return false;
    return true;
}

const char* toString(ThresholdMethod m)
{
    switch (m) {
    case ThresholdMethod::None: return "none";
    case ThresholdMethod::Fixed: return "fixed";
    case ThresholdMethod::Elected: return "elected";
    case ThresholdMethod::Confidence: return "confidence";
    case ThresholdMethod::MsspTable: return "mssp_table";
    }
    return "none";
}

const char* toString(Direction d)
{
    return d == Direction::Higher ? "higher" : "lower";
}

const char* toString(QualityScoring s)
{
    switch (s) {
    case QualityScoring::Attainment: return "attainment";
    case QualityScoring::Improvement: return "improvement";
    case QualityScoring::Max: return "max";
    case QualityScoring::Blend: return "blend";
    }
    return "max";
}

const char* toString(GuardrailAction a)
{
    return a == GuardrailAction::Flag ? "flag" : "ineligible";
}

const char* toString(PaymentModel m)
{
    return m == PaymentModel::Ffs ? "ffs" : "capitation";
}

const char* toString(FailedGateRate r)
{
    return r == FailedGateRate::Scaled ? "scaled" : "zero";
}

const char* toString(OutcomeCredit c)
{
    return c == OutcomeCredit::Target ? "target" : "linear";
}

const char* toString(SavingsBasis b)
{
    return b == SavingsBasis::Tcc ? "tcc" : "resource_use";
}

const char* toString(QualityScaling s)
{
    switch (s) {
    case QualityScaling::None: return "none";
    case QualityScaling::Multiply: return "multiply";
    case QualityScaling::Tiers: return "tiers";
    case QualityScaling::Linear: return "linear";
    }
    return "none";
}

const char* toString(LossRateMethod m)
{
    return m == LossRateMethod::Fixed ? "fixed" : "one_minus_sharing";
}

} // namespace sharecast
