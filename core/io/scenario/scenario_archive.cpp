#include "io/scenario/scenario_archive.h"

#include "engine/error.h"
#include "io/json/scenario_json.h"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>

#include <cmath>
#include <initializer_list>
#include <istream>
#include <locale>
#include <new>
#include <sstream>

namespace sharecast {

namespace archive_detail {

//! Boost's text input archive with one change: a text's declared length is checked against the
//! bytes left in the payload before the string is sized (Boost's own reader resizes first, so a
//! damaged length of 10^12 would allocate and zero a terabyte). Reads what text_oarchive writes.
class BoundedTextIArchive : public boost::archive::text_iarchive_impl<BoundedTextIArchive> {
public:
    BoundedTextIArchive(std::istream& is, unsigned declaredFormat)
        : boost::archive::text_iarchive_impl<BoundedTextIArchive>(is, 0), declaredFormat_(declaredFormat)
    {
        init();
    }
    ~BoundedTextIArchive() override = default;

    //! The format version the scenario file's header declares (withinDeclaredFormat()).
    unsigned declaredFormat() const { return declaredFormat_; }

protected:
    friend class boost::archive::detail::interface_iarchive<BoundedTextIArchive>;
    friend class boost::archive::basic_text_iarchive<BoundedTextIArchive>;
    friend class boost::archive::load_access;

    using boost::archive::text_iarchive_impl<BoundedTextIArchive>::load;

    //! Boost's text layout ("<length> <bytes>"), the length checked before the string is sized.
    void load(std::string& s)
    {
        std::size_t size = 0;
        boost::archive::basic_text_iprimitive<std::istream>::load(size);
        is.get(); // the separating space
        const std::streamsize left = is.rdbuf()->in_avail();
        if (left < 0 || size > static_cast<std::size_t>(left))
            throw InputError("the scenario data ends early: a text declares " + std::to_string(size) +
                             " bytes but only " + std::to_string(left < 0 ? 0 : left) + " are left");
        s.assign(size, '\0');
        if (size > 0 && !is.read(s.data(), static_cast<std::streamsize>(size)))
            throw InputError("the scenario data ends early, inside a text");
    }

private:
    unsigned declaredFormat_;
};

void throwTooManyItems(std::uint64_t count, const char* what)
{
    InputLocation where;
    where.column = what;
    where.value = std::to_string(count);
    where.hasValue = true;
    throw InputError(where, "more than " + std::to_string(kMaxArchiveItems) + " items in one collection");
}

void throwUnknownVersion(const char* part, unsigned version, unsigned known)
{
    throw InputError(
        "the scenario data holds " + std::string(part) + " version " + std::to_string(version) +
        (version > known ? ", written by a newer version of Sharecast" : ", which never existed") +
        " (this version reads 1 to " + std::to_string(known) + ")");
}

void throwNewerThanDeclared(unsigned version, unsigned declared)
{
    throw InputError("the scenario data is of version " + std::to_string(version) +
                     " but the file's header declares format " + std::to_string(declared) +
                     ": the header is damaged");
}

void throwDuplicateKey(const std::string& key, const char* what)
{
    InputLocation where;
    where.column = what;
    where.value = key;
    where.hasValue = true;
    throw InputError(where, "a key given twice");
}

} // namespace archive_detail

} // namespace sharecast

// The bounded archive is a Boost archive class of its own; its templates are instantiated here
// (as Boost's own text_iarchive's are inside the library).
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>

namespace boost::archive {
template class detail::archive_serializer_map<sharecast::archive_detail::BoundedTextIArchive>;
template class basic_text_iarchive<sharecast::archive_detail::BoundedTextIArchive>;
template class text_iarchive_impl<sharecast::archive_detail::BoundedTextIArchive>;
} // namespace boost::archive

namespace sharecast {

namespace {

// ---- live → archive --------------------------------------------------------------------------

//! v itself; a text archive cannot carry a number that is not finite, so that is refused here.
double num(double v, const std::string& key)
{
    if (!std::isfinite(v)) {
        InputLocation where;
        where.column = key;
        where.value = std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
        where.hasValue = true;
        throw InputError(where, "a scenario file cannot hold a number that is not finite");
    }
    return v;
}

std::optional<double> num(const std::optional<double>& v, const std::string& key)
{
    if (v)
        return num(*v, key);
    return std::nullopt;
}

std::vector<double> nums(const std::vector<double>& v, const std::string& key)
{
    for (std::size_t i = 0; i < v.size(); ++i)
        num(v[i], key + "[" + std::to_string(i) + "]");
    return v;
}

std::map<std::string, double> nums(const std::map<std::string, double>& m, const std::string& key)
{
    for (const auto& [k, v] : m)
        num(v, key + "." + k);
    return m;
}

TrendPairArchive toArchive(const TrendPair& t, const std::string& key)
{
    return TrendPairArchive{num(t.utilization, key + ".utilization"), num(t.unitCost, key + ".unit_cost")};
}

std::map<std::string, TrendPairArchive> toArchive(const std::map<std::string, TrendPair>& m,
                                                  const std::string& key)
{
    std::map<std::string, TrendPairArchive> out;
    for (const auto& [cos, t] : m)
        out.emplace(cos, toArchive(t, key + "." + cos));
    return out;
}

// ---- archive → live --------------------------------------------------------------------------

//! The enumerator whose JSON name is text; an unknown name is an InputError naming the key.
template <class E> E parseName(const std::string& text, std::initializer_list<E> all, const std::string& key)
{
    std::string expected;
    for (E e : all) {
        if (text == toString(e))
            return e;
        expected += std::string(expected.empty() ? "" : ", ") + toString(e);
    }
    InputLocation where;
    where.column = key;
    where.value = text;
    where.hasValue = true;
    throw InputError(where, "unknown name; expected one of " + expected);
}

ThresholdMethod thresholdMethod(const std::string& text, const std::string& key)
{
    return parseName(text,
                     {ThresholdMethod::None, ThresholdMethod::Fixed, ThresholdMethod::Elected,
                      ThresholdMethod::Confidence, ThresholdMethod::MsspTable},
                     key);
}

Direction direction(const std::string& text, const std::string& key)
{
    return parseName(text, {Direction::Higher, Direction::Lower}, key);
}

TrendPair fromArchive(const TrendPairArchive& t)
{
    return TrendPair{t.utilization, t.unitCost};
}

std::map<std::string, TrendPair> fromArchive(const std::map<std::string, TrendPairArchive>& m)
{
    std::map<std::string, TrendPair> out;
    for (const auto& [cos, t] : m)
        out.emplace(cos, fromArchive(t));
    return out;
}

//! Boost's reason for refusing an archive, in the user's terms.
std::string describe(const boost::archive::archive_exception& e)
{
    using boost::archive::archive_exception;
    switch (e.code) {
    case archive_exception::invalid_signature:
        return "the scenario data is not a Boost serialization text archive";
    case archive_exception::unsupported_version:
        return "the scenario data was written by a newer Boost serialization library than this Sharecast "
               "uses";
    case archive_exception::unsupported_class_version:
        return "the scenario data holds a part written by a newer version of Sharecast (" +
               std::string(e.what()) + ")";
    case archive_exception::input_stream_error:
        return "the scenario data ends early or holds text where a number is expected";
    default: return std::string("the scenario data cannot be read: ") + e.what();
    }
}

} // namespace

ScenarioArchive toArchive(const Scenario& s)
{
    ScenarioArchive a;
    a.name = s.name;
    a.description = s.description;
    a.performanceYear = s.performanceYear;
    a.baseline.years = s.baseline.years;
    a.baseline.weights = nums(s.baseline.weights, "baseline.weights");
    a.includedCos = s.includedCos;
    a.excludedCos = s.excludedCos;

    a.trend.defaultTrend = toArchive(s.trend.defaultTrend, "trend.default");
    a.trend.byCos = toArchive(s.trend.byCos, "trend.by_cos");
    for (const auto& [cell, rc] : s.trend.byRateCell) {
        const std::string key = "trend.by_rate_cell." + cell;
        RateCellTrendArchive out;
        if (rc.defaultTrend)
            out.defaultTrend = toArchive(*rc.defaultTrend, key + ".default");
        out.byCos = toArchive(rc.byCos, key + ".by_cos");
        a.trend.byRateCell.emplace(cell, std::move(out));
    }

    for (std::size_t i = 0; i < s.programChanges.size(); ++i) {
        const ProgramChange& p = s.programChanges[i];
        a.programChanges.push_back(
            ProgramChangeArchive{p.cos, p.rateCells, p.effectiveYear,
                                 num(p.factor, "program_changes[" + std::to_string(i) + "].factor")});
    }
    for (std::size_t i = 0; i < s.newBenefits.size(); ++i) {
        const NewBenefit& b = s.newBenefits[i];
        const std::string key = "new_benefits[" + std::to_string(i) + "]";
        NewBenefitArchive out{b.cos, b.priceYear, nums(b.pmpm, key + ".pmpm"),
                              {},    {},          num(b.trend, key + ".trend")};
        for (const auto& [year, value] : b.takeUp) {
            out.takeUpYears.push_back(year);
            out.takeUpValues.push_back(num(value, key + ".take_up." + std::to_string(year)));
        }
        a.newBenefits.push_back(std::move(out));
    }

    CostRulesArchive& c = a.costRules;
    c.riskAdjustmentEnabled = s.riskAdjustment.enabled;
    c.riskCapUp = num(s.riskAdjustment.capUp, "risk_adjustment.cap_up");
    c.riskCapDown = num(s.riskAdjustment.capDown, "risk_adjustment.cap_down");
    c.truncationEnabled = s.truncation.enabled;
    c.truncationThreshold = num(s.truncation.threshold, "truncation.threshold");
    c.msrMethod = toString(s.msr.method);
    c.msrRate = num(s.msr.rate, "msr.rate");
    c.msrZ = num(s.msr.z, "msr.z");
    c.msrCv = num(s.msr.cv, "msr.cv");
    c.mlrSameAsMsr = s.mlr.sameAsMsr;
    c.mlrMethod = toString(s.mlr.method);
    c.mlrRate = num(s.mlr.rate, "mlr.rate");

    QualityArchive& q = a.quality;
    q.scoring = toString(s.quality.scoring);
    q.blendWeight = num(s.quality.blendWeight, "quality.blend_weight");
    q.improvementMax = num(s.quality.improvementMax, "quality.improvement_max");
    q.minDenominator = s.quality.minDenominator;
    q.minMeasures = s.quality.minMeasures;
    q.gateEnabled = s.quality.gateEnabled;
    q.minComposite = num(s.quality.minComposite, "quality.gate.min_composite");
    for (std::size_t i = 0; i < s.quality.measures.size(); ++i) {
        const QualityMeasure& m = s.quality.measures[i];
        const std::string key = "quality.measures[" + std::to_string(i) + "]";
        q.measures.push_back(
            QualityMeasureArchive{m.id, m.name, num(m.weight, key + ".weight"), toString(m.direction),
                                  num(m.threshold, key + ".threshold"), num(m.benchmark, key + ".benchmark"),
                                  num(m.gateMin, key + ".gate_min")});
    }

    GuardrailsArchive& g = a.guardrails;
    g.tccTrendGateEnabled = s.tccTrendGate.enabled;
    g.tccMaxTrend = num(s.tccTrendGate.maxTrend, "tcc_trend_gate.max_trend");
    g.appropriatenessEnabled = s.appropriateness.enabled;
    g.maxDenialRateIncrease =
        num(s.appropriateness.maxDenialRateIncrease, "appropriateness.max_denial_rate_increase");
    g.maxGrievanceRateIncrease =
        num(s.appropriateness.maxGrievanceRateIncrease, "appropriateness.max_grievance_rate_increase");
    g.appropriatenessAction = toString(s.appropriateness.action);

    a.savingsBasis = toString(s.savingsBasis);
    a.paymentModel = toString(s.paymentModel);
    a.federalLimits = FederalLimitsArchive{
        s.federalLimits.enabled, num(s.federalLimits.incentiveMax, "federal_limits.incentive_max"),
        s.federalLimits.ilosCos, num(s.federalLimits.ilosMax, "federal_limits.ilos_max"),
        num(s.federalLimits.ilosEvaluation, "federal_limits.ilos_evaluation")};
    for (std::size_t i = 0; i < s.resourceUse.size(); ++i) {
        const ResourceUseMeasure& m = s.resourceUse[i];
        const std::string key = "resource_use.measures[" + std::to_string(i) + "]";
        a.resourceUse.push_back(
            ResourceUseMeasureArchive{m.id, m.numerator, m.exposure, num(m.per, key + ".per"),
                                      num(m.unitCost, key + ".unit_cost"), toString(m.direction)});
    }

    SharingArchive& sh = a.sharing;
    sh.maxShare = num(s.sharing.maxShare, "sharing.max_share");
    sh.minShare = num(s.sharing.minShare, "sharing.min_share");
    sh.qualityScaling = toString(s.sharing.qualityScaling);
    sh.qualityLow = num(s.sharing.qualityLow, "sharing.quality_low");
    sh.qualityHigh = num(s.sharing.qualityHigh, "sharing.quality_high");
    for (std::size_t i = 0; i < s.sharing.tiers.size(); ++i) {
        const std::string key = "sharing.tiers[" + std::to_string(i) + "]";
        sh.tiers.push_back(SharingTierArchive{num(s.sharing.tiers[i].minScore, key + ".min_score"),
                                              num(s.sharing.tiers[i].share, key + ".share")});
    }
    sh.firstDollar = s.sharing.firstDollar;
    sh.cap = num(s.sharing.cap, "sharing.cap");
    sh.paymentReduction = num(s.sharing.paymentReduction, "sharing.payment_reduction");
    sh.rateOnFailedGate = toString(s.sharing.rateOnFailedGate);

    LossesArchive& l = a.losses;
    l.enabled = s.losses.enabled;
    l.rateMethod = toString(s.losses.rateMethod);
    l.rate = num(s.losses.rate, "losses.rate");
    l.rateMin = num(s.losses.rateMin, "losses.rate_min");
    l.rateMax = num(s.losses.rateMax, "losses.rate_max");
    l.cap = num(s.losses.cap, "losses.cap");

    a.fmap.defaultRate = num(s.fmap.defaultRate, "fmap.default");
    a.fmap.byRateCell = nums(s.fmap.byRateCell, "fmap.by_rate_cell");

    ProjectionArchive& p = a.projection;
    const ProjectionSpec& sp = s.projection;
    p.startYear = sp.startYear;
    p.horizon = sp.horizon;
    p.enrollmentGrowth = num(sp.enrollmentGrowth, "projection.enrollment_growth");
    p.utilizationChangeDefault =
        num(sp.utilizationChange.defaultRate, "projection.utilization_change.default");
    p.utilizationChangeByCos = nums(sp.utilizationChange.byCos, "projection.utilization_change.by_cos");
    p.investmentPmpm = num(sp.investmentPmpm, "projection.investment_pmpm");
    if (sp.qualityPath)
        p.qualityPath = nums(*sp.qualityPath, "projection.quality_path");
    p.rateLag = sp.rateLag;
    p.adminLoad = num(sp.adminLoad, "projection.admin_load");
    p.underwritingGain = num(sp.underwritingGain, "projection.underwriting_gain");
    p.careCoordinationToMedical = sp.careCoordinationToMedical;

    for (std::size_t i = 0; i < s.corridors.size(); ++i) {
        const Corridor& cor = s.corridors[i];
        const std::string key = "corridors[" + std::to_string(i) + "]";
        CorridorArchive out{cor.name, cor.cos, num(cor.targetPmpm, key + ".target_pmpm"), {}};
        for (std::size_t b = 0; b < cor.bands.size(); ++b) {
            const CorridorBand& band = cor.bands[b];
            const std::string bk = key + ".bands[" + std::to_string(b) + "]";
            out.bands.push_back(CorridorBandArchive{num(band.from, bk + ".from"), num(band.to, bk + ".to"),
                                                    num(band.stateShare, bk + ".state_share")});
        }
        a.corridors.push_back(std::move(out));
    }

    if (s.blend)
        a.blend = BlendArchive{s.blend->rateCells, nums(s.blend->rates, "blend.rates"),
                               nums(s.blend->projectedMix, "blend.projected_mix"),
                               num(s.blend->tolerance, "blend.tolerance")};
    a.mlrRemittanceEnabled = s.mlrRemittance.enabled;
    a.mlrRemittanceMinimum = num(s.mlrRemittance.minimum, "mlr_remittance.minimum");
    const UncertaintySpec& u = s.uncertainty;
    a.uncertainty = UncertaintyArchive{num(u.cv, "uncertainty.cv"),
                                       num(u.alpha, "uncertainty.alpha"),
                                       num(u.trueSavings, "uncertainty.true_savings"),
                                       u.draws,
                                       u.seed,
                                       num(u.trendSd, "uncertainty.trend_sd")};
    if (const std::optional<RegionalRatesSpec>& r = s.regionalRates) {
        RegionalRatesArchive out;
        for (const auto& [region, counties] : r->regions)
            out.regions.push_back(RegionArchive{region, counties});
        out.blend = num(r->blend, "regional_rates.blend");
        out.adjustments = nums(r->adjustments, "regional_rates.adjustments");
        out.budgetNeutral = r->budgetNeutral;
        a.regionalRates = std::move(out);
    }
    for (const auto& [year, json] : s.byYear)
        a.byYear.emplace(std::to_string(year), json);
    a.partnerships.outcomeCredit = toString(s.partnerships.outcomeCredit);
    a.partnerships.pmpmFactor = num(s.partnerships.pmpmFactor, "partnerships.pmpm_factor");
    for (const auto& [partner, t] : s.partnerships.terms) {
        const std::string key = "partnerships.terms." + partner;
        a.partnerships.terms.push_back(PartnershipTermsArchive{
            partner, num(t.pmpm, key + ".pmpm"), num(t.outreachFee, key + ".outreach_fee"),
            num(t.outreachCap, key + ".outreach_cap"), num(t.outcomeBonus, key + ".outcome_bonus"),
            num(t.savingsPassThrough, key + ".savings_pass_through")});
    }
    for (const auto& [group, source] : s.assumptionSources)
        a.assumptionSources.push_back(AssumptionSourceArchive{group, source.source, source.owner});
    return a;
}

Scenario fromArchive(const ScenarioArchive& a)
{
    Scenario s;
    s.name = a.name;
    s.description = a.description;
    s.performanceYear = a.performanceYear;
    s.baseline.years = a.baseline.years;
    s.baseline.weights = a.baseline.weights;
    s.includedCos = a.includedCos;
    s.excludedCos = a.excludedCos;

    s.trend.defaultTrend = fromArchive(a.trend.defaultTrend);
    s.trend.byCos = fromArchive(a.trend.byCos);
    for (const auto& [cell, rc] : a.trend.byRateCell) {
        RateCellTrend out;
        if (rc.defaultTrend)
            out.defaultTrend = fromArchive(*rc.defaultTrend);
        out.byCos = fromArchive(rc.byCos);
        s.trend.byRateCell.emplace(cell, std::move(out));
    }

    for (const ProgramChangeArchive& p : a.programChanges)
        s.programChanges.push_back(ProgramChange{p.cos, p.rateCells, p.effectiveYear, p.factor});
    for (std::size_t i = 0; i < a.newBenefits.size(); ++i) {
        const NewBenefitArchive& b = a.newBenefits[i];
        if (b.takeUpYears.size() != b.takeUpValues.size())
            throw InputError(
                InputLocation{{}, 0, "new_benefits[" + std::to_string(i) + "].take_up", {}, false},
                "the scenario data holds take-up years and values of different counts");
        NewBenefit n{b.cos, b.priceYear, b.pmpm, {}, b.trend};
        for (std::size_t k = 0; k < b.takeUpYears.size(); ++k)
            if (!n.takeUp.emplace(b.takeUpYears[k], b.takeUpValues[k]).second)
                throw InputError(InputLocation{{},
                                               0,
                                               "new_benefits[" + std::to_string(i) + "].take_up",
                                               std::to_string(b.takeUpYears[k]),
                                               true},
                                 "the scenario data holds a take-up year twice");
        s.newBenefits.push_back(std::move(n));
    }

    const CostRulesArchive& c = a.costRules;
    s.riskAdjustment = RiskAdjustment{c.riskAdjustmentEnabled, c.riskCapUp, c.riskCapDown};
    s.truncation = Truncation{c.truncationEnabled, c.truncationThreshold};
    s.msr = MsrSpec{thresholdMethod(c.msrMethod, "msr.method"), c.msrRate, c.msrZ, c.msrCv};
    s.mlr = MlrSpec{c.mlrSameAsMsr, thresholdMethod(c.mlrMethod, "mlr.method"), c.mlrRate};

    const QualityArchive& q = a.quality;
    s.quality.scoring = parseName(
        q.scoring,
        {QualityScoring::Attainment, QualityScoring::Improvement, QualityScoring::Max, QualityScoring::Blend},
        "quality.scoring");
    s.quality.blendWeight = q.blendWeight;
    s.quality.improvementMax = q.improvementMax;
    s.quality.minDenominator = q.minDenominator;
    s.quality.minMeasures = q.minMeasures;
    s.quality.gateEnabled = q.gateEnabled;
    s.quality.minComposite = q.minComposite;
    for (std::size_t i = 0; i < q.measures.size(); ++i) {
        const QualityMeasureArchive& m = q.measures[i];
        s.quality.measures.push_back(
            QualityMeasure{m.id, m.name, m.weight,
                           direction(m.direction, "quality.measures[" + std::to_string(i) + "].direction"),
                           m.threshold, m.benchmark, m.gateMin});
    }

    const GuardrailsArchive& g = a.guardrails;
    s.tccTrendGate = TccTrendGate{g.tccTrendGateEnabled, g.tccMaxTrend};
    s.appropriateness = Appropriateness{
        g.appropriatenessEnabled, g.maxDenialRateIncrease, g.maxGrievanceRateIncrease,
        parseName(g.appropriatenessAction, {GuardrailAction::Flag, GuardrailAction::Ineligible},
                  "appropriateness.action")};

    s.savingsBasis =
        parseName(a.savingsBasis, {SavingsBasis::Tcc, SavingsBasis::ResourceUse}, "savings_basis");
    s.paymentModel =
        parseName(a.paymentModel, {PaymentModel::Ffs, PaymentModel::Capitation}, "payment_model");
    s.federalLimits =
        FederalLimits{a.federalLimits.enabled, a.federalLimits.incentiveMax, a.federalLimits.ilosCos,
                      a.federalLimits.ilosMax, a.federalLimits.ilosEvaluation};
    for (std::size_t i = 0; i < a.resourceUse.size(); ++i) {
        const ResourceUseMeasureArchive& m = a.resourceUse[i];
        s.resourceUse.push_back(ResourceUseMeasure{
            m.id, m.numerator, m.exposure, m.per, m.unitCost,
            direction(m.direction, "resource_use.measures[" + std::to_string(i) + "].direction")});
    }

    const SharingArchive& sh = a.sharing;
    s.sharing.maxShare = sh.maxShare;
    s.sharing.minShare = sh.minShare;
    s.sharing.qualityScaling = parseName(
        sh.qualityScaling,
        {QualityScaling::None, QualityScaling::Multiply, QualityScaling::Tiers, QualityScaling::Linear},
        "sharing.quality_scaling");
    s.sharing.qualityLow = sh.qualityLow;
    s.sharing.qualityHigh = sh.qualityHigh;
    for (const SharingTierArchive& t : sh.tiers)
        s.sharing.tiers.push_back(SharingTier{t.minScore, t.share});
    s.sharing.firstDollar = sh.firstDollar;
    s.sharing.cap = sh.cap;
    s.sharing.paymentReduction = sh.paymentReduction;
    s.sharing.rateOnFailedGate = parseName(
        sh.rateOnFailedGate, {FailedGateRate::Scaled, FailedGateRate::Zero}, "sharing.rate_on_failed_gate");

    const LossesArchive& l = a.losses;
    s.losses = LossSpec{l.enabled,
                        parseName(l.rateMethod, {LossRateMethod::Fixed, LossRateMethod::OneMinusSharing},
                                  "losses.rate_method"),
                        l.rate,
                        l.rateMin,
                        l.rateMax,
                        l.cap};

    s.fmap.defaultRate = a.fmap.defaultRate;
    s.fmap.byRateCell = a.fmap.byRateCell;

    const ProjectionArchive& p = a.projection;
    ProjectionSpec& sp = s.projection;
    sp.startYear = p.startYear;
    sp.horizon = p.horizon;
    sp.enrollmentGrowth = p.enrollmentGrowth;
    sp.utilizationChange.defaultRate = p.utilizationChangeDefault;
    sp.utilizationChange.byCos = p.utilizationChangeByCos;
    sp.investmentPmpm = p.investmentPmpm;
    sp.qualityPath = p.qualityPath;
    sp.rateLag = p.rateLag;
    sp.adminLoad = p.adminLoad;
    sp.underwritingGain = p.underwritingGain;
    sp.careCoordinationToMedical = p.careCoordinationToMedical;

    for (const CorridorArchive& cor : a.corridors) {
        Corridor out{cor.name, cor.cos, cor.targetPmpm, {}};
        for (const CorridorBandArchive& band : cor.bands)
            out.bands.push_back(CorridorBand{band.from, band.to, band.stateShare});
        s.corridors.push_back(std::move(out));
    }

    if (a.blend)
        s.blend = BlendSpec{a.blend->rateCells, a.blend->rates, a.blend->projectedMix, a.blend->tolerance};
    s.mlrRemittance = MlrRemittance{a.mlrRemittanceEnabled, a.mlrRemittanceMinimum};
    const UncertaintyArchive& u = a.uncertainty;
    s.uncertainty = UncertaintySpec{u.cv, u.alpha, u.trueSavings, u.draws, u.seed, u.trendSd};
    if (const std::optional<RegionalRatesArchive>& r = a.regionalRates) {
        RegionalRatesSpec out;
        for (const RegionArchive& region : r->regions)
            if (!out.regions.emplace(region.name, region.counties).second)
                archive_detail::throwDuplicateKey(region.name, "regional_rates.regions");
        out.blend = r->blend;
        out.adjustments = r->adjustments;
        out.budgetNeutral = r->budgetNeutral;
        s.regionalRates = std::move(out);
    }
    for (const auto& [key, json] : a.byYear) {
        const std::optional<Year> year = io::byYearKey(key);
        if (!year)
            throw InputError(InputLocation{{}, 0, "by_year." + key, key, true},
                             "a by_year key must be a year");
        s.byYear.emplace(*year, json);
    }
    s.partnerships.outcomeCredit =
        parseName(a.partnerships.outcomeCredit, {OutcomeCredit::Target, OutcomeCredit::Linear},
                  "partnerships.outcome_credit");
    s.partnerships.pmpmFactor = a.partnerships.pmpmFactor;
    for (const PartnershipTermsArchive& t : a.partnerships.terms)
        if (!s.partnerships.terms
                 .emplace(t.partner, PartnershipTerms{t.pmpm, t.outreachFee, t.outreachCap, t.outcomeBonus,
                                                      t.savingsPassThrough})
                 .second)
            archive_detail::throwDuplicateKey(t.partner, "partnerships.terms");
    for (const AssumptionSourceArchive& x : a.assumptionSources)
        if (!s.assumptionSources.emplace(x.group, AssumptionSource{x.source, x.owner}).second)
            archive_detail::throwDuplicateKey(x.group, "assumption_sources");
    return s;
}

std::string writeScenarioArchive(const Scenario& scenario)
{
    const ScenarioArchive a = toArchive(scenario);
    std::ostringstream os;
    os.imbue(std::locale::classic());
    {
        boost::archive::text_oarchive out(os);
        out << a;
    } // the archive finishes its output when it closes
    if (!os)
        throw InputError("the scenario could not be written as an archive");
    return std::move(os).str();
}

Scenario readScenarioArchivePayload(std::string_view payload)
{
    return readScenarioArchivePayload(payload, kScenarioArchiveVersion);
}

Scenario readScenarioArchivePayload(std::string_view payload, unsigned declaredFormat)
{
    std::istringstream is{std::string(payload)};
    is.imbue(std::locale::classic());
    ScenarioArchive a;
    try {
        archive_detail::BoundedTextIArchive in(is, declaredFormat);
        in >> a;
    } catch (const InputError&) {
        throw;
    } catch (const boost::archive::archive_exception& e) {
        throw InputError(describe(e));
    } catch (const std::bad_alloc&) {
        throw InputError("the scenario data needs more memory than is available");
    } catch (const std::exception& e) {
        throw InputError(std::string("the scenario data cannot be read: ") + e.what());
    }
    // The archive closes with one line break (so that a cut inside the last number shows), and
    // nothing may follow it.
    const auto eof = std::istream::traits_type::eof();
    const auto closing = is.get();
    if (closing == eof)
        throw InputError("the scenario data ends early (its closing line break is missing)");
    if (closing != '\n' || is.peek() != eof)
        throw InputError("unexpected data after the end of the scenario");
    return fromArchive(a);
}

} // namespace sharecast
