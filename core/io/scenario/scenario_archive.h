#pragma once
//! The scenario's archive form, the payload of a *.sharecast-scenario file: plain structs that
//! mirror what the file holds, kept apart from the live Scenario so that the live type can change
//! while old files stay loadable (methodology §1.5, §11, §12).
//!
//! Rules for changing the file (see also core/io/scenario/scenario_file.h):
//! - never reorder, retype or remove what a serialize() reads; add new fields at the end of a
//!   struct's serialize() under `if (version >= n)`, bump that struct's BOOST_CLASS_VERSION to n,
//!   and give the new field the value an old file means;
//! - bump kScenarioArchiveVersion with every such change (the file header carries it, so that an
//!   older Sharecast refuses a newer file before Boost reads it);
//! - check in a file of the new version under tests/data/scenario-files/ next to the old ones.
//!
//! Collections and optionals are written by the helpers below (a count, or a presence flag, then
//! the items), never by Boost's own std::vector/std::map code: a loaded count is checked against
//! kMaxArchiveItems before anything is stored, and nothing is reserved from a count, so a damaged
//! or hostile count cannot make the reader allocate more than the payload holds.

#include "engine/scenario.h"

#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sharecast {

//! The version of the archive as a whole, written in the file header; bumped with any change of
//! any struct below (each struct also carries its own BOOST_CLASS_VERSION).
inline constexpr unsigned kScenarioArchiveVersion = 5;

//! Most items one collection of an archive may hold, on writing and on reading.
inline constexpr std::size_t kMaxArchiveItems = 100000;

namespace archive_detail {

//! Throws InputError: a collection named `what` declares `count` items, over kMaxArchiveItems.
[[noreturn]] void throwTooManyItems(std::uint64_t count, const char* what);

//! Throws InputError: the map named `what` holds `key` twice.
[[noreturn]] void throwDuplicateKey(const std::string& key, const char* what);

//! Throws InputError: a part of the archive has a version this build does not know.
[[noreturn]] void throwUnknownVersion(const char* part, unsigned version, unsigned known);

//! Checks, on loading, that a struct's stored version is one this build reads (Boost itself
//! does not refuse a class version newer than BOOST_CLASS_VERSION).
template <class T, class Archive> void knownVersion(const Archive&, unsigned version, const char* part)
{
    if constexpr (Archive::is_loading::value) {
        constexpr unsigned known = boost::serialization::version<T>::value;
        if (version < 1 || version > known)
            throwUnknownVersion(part, version, known);
    }
}

//! Throws InputError: the scenario data is of a newer version than its file header declares.
[[noreturn]] void throwNewerThanDeclared(unsigned version, unsigned declared);

//! Checks, on loading by a reader told the file's declared format version (the scenario file's
//! header), that ScenarioArchive's stored version is not newer than that: a header damaged into
//! an older format must not pass.
template <class Archive> void withinDeclaredFormat(const Archive& ar, unsigned version)
{
    if constexpr (requires { ar.declaredFormat(); })
        if (version > ar.declaredFormat())
            throwNewerThanDeclared(version, ar.declaredFormat());
}

//! Plain fields (numbers, flags, texts, nested archive structs), in order.
template <class Archive, class... T> void fields(Archive& ar, T&... t)
{
    (ar & ... & t);
}

//! A vector as a count and its items; on loading the count is checked first and items are
//! appended one by one as they are read (no reserve from an untrusted count).
template <class Archive, class T> void items(Archive& ar, std::vector<T>& v, const char* what)
{
    if constexpr (Archive::is_saving::value) {
        std::uint64_t count = v.size();
        if (count > kMaxArchiveItems)
            throwTooManyItems(count, what);
        fields(ar, count);
        for (T& item : v)
            fields(ar, item);
    } else {
        std::uint64_t count = 0;
        fields(ar, count);
        if (count > kMaxArchiveItems)
            throwTooManyItems(count, what);
        v.clear();
        for (std::uint64_t i = 0; i < count; ++i) {
            T item{};
            fields(ar, item);
            v.push_back(std::move(item));
        }
    }
}

//! A map keyed by text as a count and key/value pairs; a repeated key on loading is an error.
template <class Archive, class V> void entries(Archive& ar, std::map<std::string, V>& m, const char* what)
{
    if constexpr (Archive::is_saving::value) {
        std::uint64_t count = m.size();
        if (count > kMaxArchiveItems)
            throwTooManyItems(count, what);
        fields(ar, count);
        for (auto& [key, value] : m)
            fields(ar, key, value);
    } else {
        std::uint64_t count = 0;
        fields(ar, count);
        if (count > kMaxArchiveItems)
            throwTooManyItems(count, what);
        m.clear();
        for (std::uint64_t i = 0; i < count; ++i) {
            std::string key;
            V value{};
            fields(ar, key, value);
            if (!m.emplace(key, std::move(value)).second)
                throwDuplicateKey(key, what);
        }
    }
}

//! An optional as a presence flag, then the value when present.
template <class Archive, class T> void optional(Archive& ar, std::optional<T>& o)
{
    bool present = o.has_value();
    fields(ar, present);
    if constexpr (Archive::is_loading::value) {
        o.reset();
        if (present) {
            T value{};
            fields(ar, value);
            o = std::move(value);
        }
    } else if (present) {
        fields(ar, *o);
    }
}

//! An optional vector as a presence flag, then the vector when present.
template <class Archive, class T>
void optionalItems(Archive& ar, std::optional<std::vector<T>>& o, const char* what)
{
    bool present = o.has_value();
    fields(ar, present);
    if constexpr (Archive::is_loading::value) {
        o.reset();
        if (present) {
            std::vector<T> value;
            items(ar, value, what);
            o = std::move(value);
        }
    } else if (present) {
        items(ar, *o, what);
    }
}

} // namespace archive_detail

//! A trend pair as stored (§2.3).
struct TrendPairArchive {
    double utilization = 0.0;
    double unitCost = 0.0;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<TrendPairArchive>(ar, version, "TrendPairArchive");
        archive_detail::fields(ar, utilization, unitCost);
    }
    bool operator==(const TrendPairArchive&) const = default;
};

//! One rate cell's trend overrides as stored (§2.3).
struct RateCellTrendArchive {
    std::optional<TrendPairArchive> defaultTrend;
    std::map<std::string, TrendPairArchive> byCos;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<RateCellTrendArchive>(ar, version, "RateCellTrendArchive");
        archive_detail::optional(ar, defaultTrend);
        archive_detail::entries(ar, byCos, "trend.by_rate_cell.by_cos");
    }
    bool operator==(const RateCellTrendArchive&) const = default;
};

//! The trend table as stored (§2.3).
struct TrendTableArchive {
    TrendPairArchive defaultTrend;
    std::map<std::string, TrendPairArchive> byCos;
    std::map<std::string, RateCellTrendArchive> byRateCell;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<TrendTableArchive>(ar, version, "TrendTableArchive");
        archive_detail::fields(ar, defaultTrend);
        archive_detail::entries(ar, byCos, "trend.by_cos");
        archive_detail::entries(ar, byRateCell, "trend.by_rate_cell");
    }
    bool operator==(const TrendTableArchive&) const = default;
};

//! A program change as stored (§2.4).
struct ProgramChangeArchive {
    std::optional<std::string> cos;
    std::optional<std::vector<std::string>> rateCells;
    int effectiveYear = 0;
    double factor = 1.0;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<ProgramChangeArchive>(ar, version, "ProgramChangeArchive");
        archive_detail::optional(ar, cos);
        archive_detail::optionalItems(ar, rateCells, "program_changes.rate_cells");
        archive_detail::fields(ar, effectiveYear, factor);
    }
    bool operator==(const ProgramChangeArchive&) const = default;
};

//! The federal limits as stored (from ScenarioArchive version 3).
struct FederalLimitsArchive {
    bool enabled = false;
    double incentiveMax = 0.05;
    std::vector<std::string> ilosCos{"community_supports"};
    double ilosMax = 0.05;
    double ilosEvaluation = 0.015;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<FederalLimitsArchive>(ar, version, "FederalLimitsArchive");
        archive_detail::fields(ar, enabled, incentiveMax);
        archive_detail::items(ar, ilosCos, "federal_limits.ilos_cos");
        archive_detail::fields(ar, ilosMax, ilosEvaluation);
    }
    bool operator==(const FederalLimitsArchive&) const = default;
};

//! A benefit priced as a PMPM add-on as stored (new_benefits; from ScenarioArchive version 3).
struct NewBenefitArchive {
    std::string cos;
    int priceYear = 0;
    std::map<std::string, double> pmpm;
    std::vector<int> takeUpYears;
    std::vector<double> takeUpValues;
    double trend = 0.0;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<NewBenefitArchive>(ar, version, "NewBenefitArchive");
        archive_detail::fields(ar, cos, priceYear);
        archive_detail::entries(ar, pmpm, "new_benefits.pmpm");
        archive_detail::items(ar, takeUpYears, "new_benefits.take_up");
        archive_detail::items(ar, takeUpValues, "new_benefits.take_up");
        archive_detail::fields(ar, trend);
    }
    bool operator==(const NewBenefitArchive&) const = default;
};

//! Baseline years and weights as stored (§2.6).
struct BaselineArchive {
    std::vector<int> years;
    std::vector<double> weights;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<BaselineArchive>(ar, version, "BaselineArchive");
        archive_detail::items(ar, years, "baseline.years");
        archive_detail::items(ar, weights, "baseline.weights");
    }
    bool operator==(const BaselineArchive&) const = default;
};

//! Risk adjustment, truncation, MSR and MLR as stored (§2.1, §2.5, §5); methods by their JSON
//! names, so that the file does not depend on the order of the live enumerations.
struct CostRulesArchive {
    bool riskAdjustmentEnabled = false;
    std::optional<double> riskCapUp;
    std::optional<double> riskCapDown;
    bool truncationEnabled = false;
    double truncationThreshold = 250000.0;
    std::string msrMethod = "none";
    double msrRate = 0.0;
    double msrZ = 1.6449;
    double msrCv = 2.5;
    bool mlrSameAsMsr = true;
    std::string mlrMethod = "none";
    double mlrRate = 0.0;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<CostRulesArchive>(ar, version, "CostRulesArchive");
        archive_detail::fields(ar, riskAdjustmentEnabled);
        archive_detail::optional(ar, riskCapUp);
        archive_detail::optional(ar, riskCapDown);
        archive_detail::fields(ar, truncationEnabled, truncationThreshold, msrMethod, msrRate, msrZ, msrCv,
                               mlrSameAsMsr, mlrMethod, mlrRate);
    }
    bool operator==(const CostRulesArchive&) const = default;
};

//! A quality measure as stored (§6).
struct QualityMeasureArchive {
    std::string id;
    std::string name;
    double weight = 1.0;
    std::string direction = "higher";
    double threshold = 0.0;
    double benchmark = 0.0;
    std::optional<double> gateMin;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<QualityMeasureArchive>(ar, version, "QualityMeasureArchive");
        archive_detail::fields(ar, id, name, weight, direction, threshold, benchmark);
        archive_detail::optional(ar, gateMin);
    }
    bool operator==(const QualityMeasureArchive&) const = default;
};

//! Quality composite, gate and measures as stored (§6).
struct QualityArchive {
    std::string scoring = "max";
    double blendWeight = 0.5;
    double improvementMax = 90.0;
    int minDenominator = 30;
    int minMeasures = 1;
    bool gateEnabled = true;
    double minComposite = 0.0;
    std::vector<QualityMeasureArchive> measures;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<QualityArchive>(ar, version, "QualityArchive");
        archive_detail::fields(ar, scoring, blendWeight, improvementMax, minDenominator, minMeasures,
                               gateEnabled, minComposite);
        archive_detail::items(ar, measures, "quality.measures");
    }
    bool operator==(const QualityArchive&) const = default;
};

//! The TCC trend gate and the appropriateness guardrail as stored (§8).
struct GuardrailsArchive {
    bool tccTrendGateEnabled = false;
    double tccMaxTrend = 0.05;
    bool appropriatenessEnabled = false;
    double maxDenialRateIncrease = 0.02;
    double maxGrievanceRateIncrease = 0.5;
    std::string appropriatenessAction = "flag";

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<GuardrailsArchive>(ar, version, "GuardrailsArchive");
        archive_detail::fields(ar, tccTrendGateEnabled, tccMaxTrend, appropriatenessEnabled,
                               maxDenialRateIncrease, maxGrievanceRateIncrease, appropriatenessAction);
    }
    bool operator==(const GuardrailsArchive&) const = default;
};

//! A resource-use measure as stored (§7).
struct ResourceUseMeasureArchive {
    std::string id;
    std::string numerator;
    std::string exposure = "member_years";
    double per = 1000.0;
    double unitCost = 0.0;
    std::string direction = "lower";

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<ResourceUseMeasureArchive>(ar, version, "ResourceUseMeasureArchive");
        archive_detail::fields(ar, id, numerator, exposure, per, unitCost, direction);
    }
    bool operator==(const ResourceUseMeasureArchive&) const = default;
};

//! A sharing tier as stored (§8).
struct SharingTierArchive {
    double minScore = 0.0;
    double share = 0.0;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<SharingTierArchive>(ar, version, "SharingTierArchive");
        archive_detail::fields(ar, minScore, share);
    }
    bool operator==(const SharingTierArchive&) const = default;
};

//! Savings sharing as stored (§8).
struct SharingArchive {
    double maxShare = 0.5;
    double minShare = 0.0;
    std::string qualityScaling = "none";
    double qualityLow = 0.0;
    double qualityHigh = 100.0;
    std::vector<SharingTierArchive> tiers;
    bool firstDollar = true;
    std::optional<double> cap;
    double paymentReduction = 0.0;
    std::string rateOnFailedGate = "scaled"; //!< version 2

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<SharingArchive>(ar, version, "SharingArchive");
        archive_detail::fields(ar, maxShare, minShare, qualityScaling, qualityLow, qualityHigh);
        archive_detail::items(ar, tiers, "sharing.tiers");
        archive_detail::fields(ar, firstDollar);
        archive_detail::optional(ar, cap);
        archive_detail::fields(ar, paymentReduction);
        if (version >= 2)
            archive_detail::fields(ar, rateOnFailedGate);
    }
    bool operator==(const SharingArchive&) const = default;
};

//! Shared losses as stored (§8).
struct LossesArchive {
    bool enabled = false;
    std::string rateMethod = "fixed";
    double rate = 0.3;
    double rateMin = 0.4;
    double rateMax = 0.75;
    std::optional<double> cap;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<LossesArchive>(ar, version, "LossesArchive");
        archive_detail::fields(ar, enabled, rateMethod, rate, rateMin, rateMax);
        archive_detail::optional(ar, cap);
    }
    bool operator==(const LossesArchive&) const = default;
};

//! FMAP by rate cell as stored (§9).
struct FmapArchive {
    double defaultRate = 0.5;
    std::map<std::string, double> byRateCell;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<FmapArchive>(ar, version, "FmapArchive");
        archive_detail::fields(ar, defaultRate);
        archive_detail::entries(ar, byRateCell, "fmap.by_rate_cell");
    }
    bool operator==(const FmapArchive&) const = default;
};

//! The multi-year projection as stored (§10, §11).
struct ProjectionArchive {
    std::optional<int> startYear;
    int horizon = 5;
    double enrollmentGrowth = 0.0;
    double utilizationChangeDefault = 0.0;
    std::map<std::string, double> utilizationChangeByCos;
    double investmentPmpm = 0.0;
    std::optional<std::vector<double>> qualityPath;
    int rateLag = 2;
    double adminLoad = 0.08;
    double underwritingGain = 0.02;
    bool careCoordinationToMedical = false;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<ProjectionArchive>(ar, version, "ProjectionArchive");
        archive_detail::optional(ar, startYear);
        archive_detail::fields(ar, horizon, enrollmentGrowth, utilizationChangeDefault);
        archive_detail::entries(ar, utilizationChangeByCos, "projection.utilization_change.by_cos");
        archive_detail::fields(ar, investmentPmpm);
        archive_detail::optionalItems(ar, qualityPath, "projection.quality_path");
        archive_detail::fields(ar, rateLag, adminLoad, underwritingGain, careCoordinationToMedical);
    }
    bool operator==(const ProjectionArchive&) const = default;
};

//! One band of a risk corridor as stored (§12).
struct CorridorBandArchive {
    double from = 0.0;
    std::optional<double> to;
    double stateShare = 0.0;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<CorridorBandArchive>(ar, version, "CorridorBandArchive");
        archive_detail::fields(ar, from);
        archive_detail::optional(ar, to);
        archive_detail::fields(ar, stateShare);
    }
    bool operator==(const CorridorBandArchive&) const = default;
};

//! A risk corridor as stored (§12).
struct CorridorArchive {
    std::string name;
    std::string cos;
    double targetPmpm = 0.0;
    std::vector<CorridorBandArchive> bands;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<CorridorArchive>(ar, version, "CorridorArchive");
        archive_detail::fields(ar, name, cos, targetPmpm);
        archive_detail::items(ar, bands, "corridors.bands");
    }
    bool operator==(const CorridorArchive&) const = default;
};

//! The SPD/LTC blend true-up as stored (§12).
struct BlendArchive {
    std::vector<std::string> rateCells;
    std::map<std::string, double> rates;
    std::map<std::string, double> projectedMix;
    double tolerance = 0.0;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<BlendArchive>(ar, version, "BlendArchive");
        archive_detail::items(ar, rateCells, "blend.rate_cells");
        archive_detail::entries(ar, rates, "blend.rates");
        archive_detail::entries(ar, projectedMix, "blend.projected_mix");
        archive_detail::fields(ar, tolerance);
    }
    bool operator==(const BlendArchive&) const = default;
};

//! Statistical validity as stored (§13; ScenarioArchive version 2).
struct UncertaintyArchive {
    std::optional<double> cv;
    double alpha = 0.10;
    std::optional<double> trueSavings;
    int draws = 10000;
    std::uint64_t seed = 1;
    double trendSd = 0.01;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<UncertaintyArchive>(ar, version, "UncertaintyArchive");
        archive_detail::optional(ar, cv);
        archive_detail::fields(ar, alpha);
        archive_detail::optional(ar, trueSavings);
        archive_detail::fields(ar, draws, seed, trendSd);
    }
    bool operator==(const UncertaintyArchive&) const = default;
};

// ---- ScenarioArchive version 3: regional rates (issue 16 item 3) ------------------------------

//! One rating region and its counties as stored.
struct RegionArchive {
    std::string name;
    std::vector<std::string> counties;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<RegionArchive>(ar, version, "RegionArchive");
        archive_detail::fields(ar, name);
        archive_detail::items(ar, counties, "regional_rates.regions.counties");
    }
    bool operator==(const RegionArchive&) const = default;
};

//! Regional rates as stored (ScenarioArchive version 3); regions in name order.
struct RegionalRatesArchive {
    std::vector<RegionArchive> regions;
    double blend = 1.0;
    std::map<std::string, double> adjustments;
    bool budgetNeutral = true;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<RegionalRatesArchive>(ar, version, "RegionalRatesArchive");
        archive_detail::items(ar, regions, "regional_rates.regions");
        archive_detail::fields(ar, blend);
        archive_detail::entries(ar, adjustments, "regional_rates.adjustments");
        archive_detail::fields(ar, budgetNeutral);
    }
    bool operator==(const RegionalRatesArchive&) const = default;
};

//! One partner's terms as stored (ScenarioArchive version 4).
struct PartnershipTermsArchive {
    std::string partner;
    std::optional<double> pmpm;
    std::optional<double> outreachFee;
    std::optional<double> outreachCap;
    std::optional<double> outcomeBonus;
    std::optional<double> savingsPassThrough;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<PartnershipTermsArchive>(ar, version, "PartnershipTermsArchive");
        archive_detail::fields(ar, partner);
        archive_detail::optional(ar, pmpm);
        archive_detail::optional(ar, outreachFee);
        archive_detail::optional(ar, outreachCap);
        archive_detail::optional(ar, outcomeBonus);
        archive_detail::optional(ar, savingsPassThrough);
    }
    bool operator==(const PartnershipTermsArchive&) const = default;
};

//! MCP–CBO partnership terms as stored (ScenarioArchive version 4); terms in partner order.
struct PartnershipsArchive {
    std::string outcomeCredit = "target";
    double pmpmFactor = 1.0;
    std::vector<PartnershipTermsArchive> terms;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<PartnershipsArchive>(ar, version, "PartnershipsArchive");
        archive_detail::fields(ar, outcomeCredit, pmpmFactor);
        archive_detail::items(ar, terms, "partnerships.terms");
    }
    bool operator==(const PartnershipsArchive&) const = default;
};

//! Who set one assumption group, as stored (ScenarioArchive version 5); in group order.
struct AssumptionSourceArchive {
    std::string group;
    std::string source;
    std::string owner;

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<AssumptionSourceArchive>(ar, version, "AssumptionSourceArchive");
        archive_detail::fields(ar, group, source, owner);
    }
    bool operator==(const AssumptionSourceArchive&) const = default;
};

//! A complete scenario as stored: the *.sharecast-scenario payload (§1.5, §11, §12; from
//! version 2 also §13's uncertainty, which a version-1 file leaves at its defaults; from version 3
//! §9's payment model (`ffs` in older files), new benefits, federal limits, the regional rates
//! (not configured in older files) and the by_year overrides (none in older files); from version 4
//! the partnership terms (defaults in older files); from version 5 the assumption sources (none in
//! older files).
struct ScenarioArchive {
    std::string name;
    std::string description;
    std::optional<int> performanceYear;
    BaselineArchive baseline;
    std::optional<std::vector<std::string>> includedCos;
    std::vector<std::string> excludedCos;
    TrendTableArchive trend;
    std::vector<ProgramChangeArchive> programChanges;
    CostRulesArchive costRules;
    QualityArchive quality;
    GuardrailsArchive guardrails;
    std::string savingsBasis = "tcc";
    std::vector<ResourceUseMeasureArchive> resourceUse;
    SharingArchive sharing;
    LossesArchive losses;
    FmapArchive fmap;
    ProjectionArchive projection;
    std::vector<CorridorArchive> corridors;
    std::optional<BlendArchive> blend;
    bool mlrRemittanceEnabled = false;
    double mlrRemittanceMinimum = 0.85;
    UncertaintyArchive uncertainty;                    //!< version 2
    std::string paymentModel = "ffs";                  //!< version 3
    std::vector<NewBenefitArchive> newBenefits;        //!< version 3
    FederalLimitsArchive federalLimits;                //!< version 3
    std::optional<RegionalRatesArchive> regionalRates; //!< version 3
    //! version 3: by_year, year (decimal text) → the override's compact JSON, as Scenario keeps it
    std::map<std::string, std::string> byYear;
    PartnershipsArchive partnerships;                       //!< version 4
    std::vector<AssumptionSourceArchive> assumptionSources; //!< version 5

    template <class Archive> void serialize(Archive& ar, unsigned version)
    {
        archive_detail::knownVersion<ScenarioArchive>(ar, version, "ScenarioArchive");
        archive_detail::withinDeclaredFormat(ar, version);
        archive_detail::fields(ar, name, description);
        archive_detail::optional(ar, performanceYear);
        archive_detail::fields(ar, baseline);
        archive_detail::optionalItems(ar, includedCos, "included_cos");
        archive_detail::items(ar, excludedCos, "excluded_cos");
        archive_detail::fields(ar, trend);
        archive_detail::items(ar, programChanges, "program_changes");
        archive_detail::fields(ar, costRules, quality, guardrails, savingsBasis);
        archive_detail::items(ar, resourceUse, "resource_use.measures");
        archive_detail::fields(ar, sharing, losses, fmap, projection);
        archive_detail::items(ar, corridors, "corridors");
        archive_detail::optional(ar, blend);
        archive_detail::fields(ar, mlrRemittanceEnabled, mlrRemittanceMinimum);
        if (version >= 2)
            archive_detail::fields(ar, uncertainty);
        if (version >= 3) {
            archive_detail::fields(ar, paymentModel);
            archive_detail::items(ar, newBenefits, "new_benefits");
            archive_detail::fields(ar, federalLimits);
            archive_detail::optional(ar, regionalRates);
            archive_detail::entries(ar, byYear, "by_year");
        }
        if (version >= 4)
            archive_detail::fields(ar, partnerships);
        if (version >= 5)
            archive_detail::items(ar, assumptionSources, "assumption_sources");
    }
    bool operator==(const ScenarioArchive&) const = default;
};

//! The archive form of a scenario. Throws InputError naming the key for a number that is not
//! finite (a text archive cannot carry it) or a collection over kMaxArchiveItems.
ScenarioArchive toArchive(const Scenario& scenario);

//! The scenario an archive describes. Throws InputError naming the key for an unknown method,
//! direction or other name, or a by_year key that is not a year; does not run Scenario::validate()
//! nor io::validateYearOverrides() (the caller does, as for JSON).
Scenario fromArchive(const ScenarioArchive& archive);

//! The scenario as a Boost.Serialization text archive (portable text: numbers in the classic
//! locale, doubles with 17 significant digits, so every finite double reads back exactly).
//! readScenarioArchivePayload(writeScenarioArchive(s)) == s. Throws as toArchive().
std::string writeScenarioArchive(const Scenario& scenario);

//! Reads a text archive written by writeScenarioArchive() of this or an earlier version. Every
//! failure is an InputError without a file name (the caller adds it): not an archive, written
//! by a newer Boost or Sharecast, ends early, a text or count larger than the payload or than
//! kMaxArchiveItems, a repeated map key, an unknown name, or data after the end. Text lengths
//! are checked against the bytes left before any allocation; Scenario::validate() is not run.
Scenario readScenarioArchivePayload(std::string_view payload);

//! The same for the payload of a scenario file whose header declares format `declaredFormat`:
//! also refuses scenario data of a newer version than declared.
Scenario readScenarioArchivePayload(std::string_view payload, unsigned declaredFormat);

} // namespace sharecast

// Every archive struct: its version (bump it with a change, see the rules at the top) and no
// object tracking (they are stored by value only, never through pointers).
#define SHARECAST_ARCHIVE_STRUCT(T, v)                                                                       \
    BOOST_CLASS_VERSION(sharecast::T, v)                                                                     \
    BOOST_CLASS_TRACKING(sharecast::T, boost::serialization::track_never)

SHARECAST_ARCHIVE_STRUCT(TrendPairArchive, 1)
SHARECAST_ARCHIVE_STRUCT(RateCellTrendArchive, 1)
SHARECAST_ARCHIVE_STRUCT(TrendTableArchive, 1)
SHARECAST_ARCHIVE_STRUCT(ProgramChangeArchive, 1)
SHARECAST_ARCHIVE_STRUCT(BaselineArchive, 1)
SHARECAST_ARCHIVE_STRUCT(NewBenefitArchive, 1)
SHARECAST_ARCHIVE_STRUCT(FederalLimitsArchive, 1)
SHARECAST_ARCHIVE_STRUCT(CostRulesArchive, 1)
SHARECAST_ARCHIVE_STRUCT(QualityMeasureArchive, 1)
SHARECAST_ARCHIVE_STRUCT(QualityArchive, 1)
SHARECAST_ARCHIVE_STRUCT(GuardrailsArchive, 1)
SHARECAST_ARCHIVE_STRUCT(ResourceUseMeasureArchive, 1)
SHARECAST_ARCHIVE_STRUCT(SharingTierArchive, 1)
SHARECAST_ARCHIVE_STRUCT(SharingArchive, 2)
SHARECAST_ARCHIVE_STRUCT(LossesArchive, 1)
SHARECAST_ARCHIVE_STRUCT(FmapArchive, 1)
SHARECAST_ARCHIVE_STRUCT(ProjectionArchive, 1)
SHARECAST_ARCHIVE_STRUCT(CorridorBandArchive, 1)
SHARECAST_ARCHIVE_STRUCT(CorridorArchive, 1)
SHARECAST_ARCHIVE_STRUCT(BlendArchive, 1)
SHARECAST_ARCHIVE_STRUCT(UncertaintyArchive, 1)
SHARECAST_ARCHIVE_STRUCT(RegionArchive, 1)
SHARECAST_ARCHIVE_STRUCT(RegionalRatesArchive, 1)
SHARECAST_ARCHIVE_STRUCT(PartnershipTermsArchive, 1)
SHARECAST_ARCHIVE_STRUCT(PartnershipsArchive, 1)
SHARECAST_ARCHIVE_STRUCT(AssumptionSourceArchive, 1)
SHARECAST_ARCHIVE_STRUCT(ScenarioArchive, 5)

#undef SHARECAST_ARCHIVE_STRUCT
