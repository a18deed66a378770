#pragma once
//! The scenario: every assumption of a settlement and projection (methodology §1.5, §11, §12).
//! A plain value type; readers fill it, Scenario::validate() checks it, the engine reads it.

#include "types.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sharecast {

//! Annual utilization and unit-cost trend (methodology §2.3).
struct TrendPair {
    Rate utilization = 0.0;
    Rate unitCost = 0.0;
    bool operator==(const TrendPair&) const = default;
};

//! Trend overrides for one rate cell: its own default and per-COS pairs (§2.3).
struct RateCellTrend {
    std::optional<TrendPair> defaultTrend; //!< absent: fall through to trend.by_cos/default
    std::map<std::string, TrendPair> byCos;
    bool operator==(const RateCellTrend&) const = default;
};

//! The trend table, most specific first: by_rate_cell[c].by_cos[s], by_rate_cell[c].default,
//! by_cos[s], default (§2.3).
struct TrendTable {
    TrendPair defaultTrend;
    std::map<std::string, TrendPair> byCos;
    std::map<std::string, RateCellTrend> byRateCell;
    bool operator==(const TrendTable&) const = default;
};

//! Which entry of the trend table gives the pair for one rate cell and COS (§2.3), most specific
//! first.
enum class TrendSource {
    RateCellCos,     //!< trend.by_rate_cell[c].by_cos[s]
    RateCellDefault, //!< trend.by_rate_cell[c].default
    Cos,             //!< trend.by_cos[s]
    Default,         //!< trend.default
};

//! The trend pair in force for one rate cell and COS, and the entry it comes from.
struct TrendChoice {
    TrendPair pair;
    TrendSource source = TrendSource::Default;
};

//! A program change: a factor on a COS's base cost for base years before it took effect (§2.4).
struct ProgramChange {
    std::optional<std::string> cos;                    //!< null: every COS
    std::optional<std::vector<std::string>> rateCells; //!< null: every rate cell
    Year effectiveYear = 0;
    double factor = 1.0;
    bool operator==(const ProgramChange&) const = default;
};

//! Risk adjustment of the baseline (§2.5).
struct RiskAdjustment {
    bool enabled = false;
    std::optional<Rate> capUp;
    std::optional<Rate> capDown;
    bool operator==(const RiskAdjustment&) const = default;
};

//! Truncation of high-cost members (§2.1, §1.3).
struct Truncation {
    bool enabled = false;
    Dollars threshold = 250000.0;
    bool operator==(const Truncation&) const = default;
};

enum class ThresholdMethod { None, Fixed, Elected, Confidence, MsspTable };

//! Minimum savings rate (§5).
struct MsrSpec {
    ThresholdMethod method = ThresholdMethod::None;
    Rate rate = 0.0;
    double z = 1.6449;
    double cv = 2.5;
    bool operator==(const MsrSpec&) const = default;
};

//! Minimum loss rate (§5); sameAsMsr mirrors the MSR.
struct MlrSpec {
    bool sameAsMsr = true;
    ThresholdMethod method = ThresholdMethod::None; //!< used when !sameAsMsr
    Rate rate = 0.0;
    bool operator==(const MlrSpec&) const = default;
};

enum class Direction { Higher, Lower };
enum class QualityScoring { Attainment, Improvement, Max, Blend };

//! One quality measure (§6).
struct QualityMeasure {
    std::string id;
    std::string name;
    double weight = 1.0;
    Direction direction = Direction::Higher;
    Rate threshold = 0.0;
    Rate benchmark = 0.0;
    std::optional<Rate> gateMin;
    bool operator==(const QualityMeasure&) const = default;
};

//! Quality composite and gate (§6).
struct QualitySpec {
    QualityScoring scoring = QualityScoring::Max;
    double blendWeight = 0.5;
    double improvementMax = 90.0;
    int minDenominator = 30;
    int minMeasures = 1;
    bool gateEnabled = true;
    Score minComposite = 0.0;
    std::vector<QualityMeasure> measures;
    bool operator==(const QualitySpec&) const = default;
};

//! IHA-style total-cost-of-care trend gate (§8).
struct TccTrendGate {
    bool enabled = false;
    Rate maxTrend = 0.05;
    bool operator==(const TccTrendGate&) const = default;
};

enum class GuardrailAction { Flag, Ineligible };

//! Appropriateness guardrail on denials and grievances (§8).
struct Appropriateness {
    bool enabled = false;
    Rate maxDenialRateIncrease = 0.02;
    double maxGrievanceRateIncrease = 0.5; //!< per 1,000 member months, absolute
    GuardrailAction action = GuardrailAction::Flag;
    bool operator==(const Appropriateness&) const = default;
};

enum class SavingsBasis { Tcc, ResourceUse };

//! Who holds the savings before the settlement (§9, v2): the payer (`ffs`, MSSP: the payer paid
//! the claims and pays P) or the plan (`capitation`, Medi-Cal: the plan was paid rates built on E
//! and the settlement is a transfer T from the plan to the state).
enum class PaymentModel { Ffs, Capitation };

//! ρ for a plan that fails a blocking gate (§8, v2): `scaled` as the gates allow (v1), `zero`
//! (CMS, 42 CFR 425.610(f): under one_minus_sharing the loss rate becomes rate_max).
enum class FailedGateRate { Scaled, Zero };

//! One resource-use measure (§7).
struct ResourceUseMeasure {
    std::string id;
    std::string numerator;                 //!< a util_ column
    std::string exposure = "member_years"; //!< member_years or a util_ column
    double per = 1000.0;
    Dollars unitCost = 0.0;
    Direction direction = Direction::Lower;
    bool operator==(const ResourceUseMeasure&) const = default;
};

enum class QualityScaling { None, Multiply, Tiers, Linear };

//! A sharing tier: the share for quality scores at or above min_score (§8).
struct SharingTier {
    Score minScore = 0.0;
    Rate share = 0.0;
    bool operator==(const SharingTier&) const = default;
};

//! Savings sharing (§8).
struct SharingSpec {
    Rate maxShare = 0.5;
    Rate minShare = 0.0;
    QualityScaling qualityScaling = QualityScaling::None;
    Score qualityLow = 0.0;
    Score qualityHigh = 100.0;
    std::vector<SharingTier> tiers;
    bool firstDollar = true;
    std::optional<Rate> cap; //!< fraction of E
    Rate paymentReduction = 0.0;
    FailedGateRate rateOnFailedGate = FailedGateRate::Scaled;
    bool operator==(const SharingSpec&) const = default;
};

enum class LossRateMethod { Fixed, OneMinusSharing };

//! Shared losses (§8).
struct LossSpec {
    bool enabled = false;
    LossRateMethod rateMethod = LossRateMethod::Fixed;
    Rate rate = 0.3;
    Rate rateMin = 0.4;
    Rate rateMax = 0.75;
    std::optional<Rate> cap;
    bool operator==(const LossSpec&) const = default;
};

//! Federal medical assistance percentage by rate cell (§9).
struct FmapSpec {
    Rate defaultRate = 0.5;
    std::map<std::string, Rate> byRateCell;
    Rate forRateCell(const std::string& cell) const
    {
        const auto it = byRateCell.find(cell);
        return it == byRateCell.end() ? defaultRate : it->second;
    }
    bool operator==(const FmapSpec&) const = default;
};

//! Annual utilization change assumed by the projection (§11).
struct UtilizationChange {
    Rate defaultRate = 0.0;
    std::map<std::string, Rate> byCos; //!< v2: none by default (§11)
    bool operator==(const UtilizationChange&) const = default;
};

//! Multi-year projection (§11) and rate setting (§10).
struct ProjectionSpec {
    std::optional<Year> startYear;
    int horizon = 5;
    Rate enrollmentGrowth = 0.0;
    UtilizationChange utilizationChange;
    Pmpm investmentPmpm = 0.0;
    std::optional<std::vector<Score>> qualityPath;
    int rateLag = 2;
    Rate adminLoad = 0.08;
    Rate underwritingGain = 0.02;
    bool careCoordinationToMedical = false;
    bool operator==(const ProjectionSpec&) const = default;
};

//! One band of a risk corridor (§12); `to` null means unbounded.
struct CorridorBand {
    Rate from = 0.0;
    std::optional<Rate> to;
    Rate stateShare = 0.0;
    bool operator==(const CorridorBand&) const = default;
};

//! A benefit priced as a PMPM add-on instead of from base experience (new_benefits): new CalAIM
//! benefits (ECM, Community Supports from 2022) and carve-ins (LTC, 2023) have no base to trend.
//! Expected PMPM of a cell in year Y: pmpm[rate cell, else "all"] × take_up(Y) × (1 + trend)^(Y −
//! price_year), times the cell's risk score when risk adjustment is enabled.
struct NewBenefit {
    std::string cos;
    Year priceYear = 0;
    std::map<std::string, Pmpm> pmpm; //!< by rate cell, "all" for the others
    std::map<Year, Rate> takeUp;      //!< the latest listed year <= Y holds; 0 before the first
    Rate trend = 0.0;
    bool operator==(const NewBenefit&) const = default;

    //! take_up(Y): the value of the latest listed year <= y, 0 before the first.
    Rate takeUpIn(Year y) const;
    //! The priced PMPM of rate cell c (pmpm[c], else pmpm["all"]); null when neither is given.
    std::optional<Pmpm> pricedPmpm(const std::string& rateCell) const;
    //! (1 + trend)^(y − price_year).
    double trendFactor(Year y) const;
};

//! A risk corridor on one COS (§12).
struct Corridor {
    std::string name;
    std::string cos;
    Pmpm targetPmpm = 0.0;
    std::vector<CorridorBand> bands;
    bool operator==(const Corridor&) const = default;
};

//! Blended SPD/LTC rate with a true-up (§12).
struct BlendSpec {
    std::vector<std::string> rateCells;
    std::map<std::string, Pmpm> rates;
    std::map<std::string, Rate> projectedMix;
    Rate tolerance = 0.0;
    bool operator==(const BlendSpec&) const = default;
};

//! MLR remittance at a medical-loss-ratio floor (§12).
struct MlrRemittance {
    bool enabled = false;
    Rate minimum = 0.85;
    bool operator==(const MlrRemittance&) const = default;
};

//! Federal limits on Medicaid managed care arrangements, checked per plan and flagged (never
//! applied): incentive payments above 105 % of the capitation attributable to the enrollees
//! (42 CFR 438.6(b)(2): the plan's payment above `incentive_max` of its capitation revenue);
//! in lieu of services (Community Supports) above 5 % of capitation (42 CFR 438.16(c)), with a
//! retrospective evaluation due above 1.5 % (42 CFR 438.16(e)). The 85 % MLR floor is
//! mlr_remittance (42 CFR 438.8).
struct FederalLimits {
    bool enabled = false;
    Rate incentiveMax = 0.05;                               //!< 42 CFR 438.6(b)(2)
    std::vector<std::string> ilosCos{"community_supports"}; //!< in lieu of services
    Rate ilosMax = 0.05;                                    //!< 42 CFR 438.16(c)
    Rate ilosEvaluation = 0.015;                            //!< 42 CFR 438.16(e)
    bool operator==(const FederalLimits&) const = default;
};

//! How an outcome bonus is earned (docs/methodology.md, "Partnerships"): in full when the target
//! is met (`target`), or in proportion to the way travelled from the baseline to the target,
//! clamped to [0, 1] (`linear`).
enum class OutcomeCredit { Target, Linear };

//! A partner's contract terms as a scenario sets them: each given term replaces the value of every
//! partnerships.csv row of that partner (all its plans and services); absent terms keep the file's.
struct PartnershipTerms {
    std::optional<Pmpm> pmpm;
    std::optional<Dollars> outreachFee;
    std::optional<Dollars> outreachCap;
    std::optional<Dollars> outcomeBonus;
    std::optional<Rate> savingsPassThrough;
    bool operator==(const PartnershipTerms&) const = default;
};

//! MCP–CBO partnership assumptions (docs/methodology.md, "Partnerships"): what-if terms over the
//! partnerships data.
struct PartnershipSpec {
    OutcomeCredit outcomeCredit = OutcomeCredit::Target;
    double pmpmFactor = 1.0;                       //!< multiplies every PMPM (after terms)
    std::map<std::string, PartnershipTerms> terms; //!< partner id → its terms
    bool operator==(const PartnershipSpec&) const = default;
};

//! Who set one group of assumptions and on what basis (ASOP 41 §3.4.1, ASOP 56 §3.6): the
//! scenario key `assumption_sources`, one entry per top-level assumption group. The engine never
//! reads it; the report's assumptions section and its ASOP checklist show it.
struct AssumptionSource {
    std::string source; //!< the basis: a study, a rate filing, a policy decision, …
    std::string owner;  //!< who set it: a person, an office or an outside party
    bool operator==(const AssumptionSource&) const = default;
};

//! Statistical validity and Monte Carlo (§13).
struct UncertaintySpec {
    //! The largest number of draws (the Monte Carlo keeps two statewide values per draw).
    static constexpr int kMaxDraws = 10000000;
    std::optional<double> cv;        //!< c; null: from member data, else msr.cv
    Rate alpha = 0.10;               //!< 1 − confidence of the interval; the α of members_needed
    std::optional<Rate> trueSavings; //!< s of power; null: the plan's observed S
    int draws = 10000;               //!< K
    std::uint64_t seed = 1;          //!< ≤ 2^53; same seed, same draws at any number of threads
    double trendSd = 0.01;           //!< sd of the projection fan's common annual shock
    bool operator==(const UncertaintySpec&) const = default;
};

//! Regional rates (issue 16 item 3; docs/methodology.md "Regional rates"): counties (the
//! experience's `region`) grouped into rating regions, each county's §10 rate moved toward the
//! member-month-weighted mean of its region, times a county adjustment, budget neutral per region.
struct RegionalRatesSpec {
    std::map<std::string, std::vector<std::string>> regions; //!< region name → its counties
    Rate blend = 1.0;                                        //!< 0: own rate, 1: the regional mean
    std::map<std::string, double> adjustments;               //!< county → factor (> 0); absent: 1
    bool budgetNeutral = true; //!< scale so that Σ MM · new = Σ MM · old per region, cell and year
    bool operator==(const RegionalRatesSpec&) const = default;
};

//! Baseline years and weights (§2.6). Empty years: [Y − 1] with weight 1.
struct BaselineSpec {
    std::vector<Year> years;
    std::vector<double> weights; //!< empty with years given: equal weights
    bool operator==(const BaselineSpec&) const = default;
};

//! A complete scenario (methodology §1.5).
struct Scenario {
    std::string name;
    std::string description;
    std::optional<Year> performanceYear;
    BaselineSpec baseline;
    std::optional<std::vector<std::string>> includedCos; //!< null: all COS
    std::vector<std::string> excludedCos;
    TrendTable trend;
    std::vector<ProgramChange> programChanges;
    std::vector<NewBenefit> newBenefits; //!< COS priced as PMPM add-ons (no base experience)
    RiskAdjustment riskAdjustment;
    Truncation truncation;
    MsrSpec msr;
    MlrSpec mlr;
    QualitySpec quality;
    TccTrendGate tccTrendGate;
    Appropriateness appropriateness;
    SavingsBasis savingsBasis = SavingsBasis::Tcc;
    PaymentModel paymentModel = PaymentModel::Ffs;
    std::vector<ResourceUseMeasure> resourceUse;
    SharingSpec sharing;
    LossSpec losses;
    FmapSpec fmap;
    ProjectionSpec projection;
    std::vector<Corridor> corridors;
    std::optional<BlendSpec> blend;
    MlrRemittance mlrRemittance;
    FederalLimits federalLimits;
    PartnershipSpec partnerships; //!< MCP–CBO partnership terms (what-if over the data)
    UncertaintySpec uncertainty;
    std::optional<RegionalRatesSpec> regionalRates; //!< absent: not configured
    //! Source and owner per assumption group: top-level scenario key → who set it and why.
    std::map<std::string, AssumptionSource> assumptionSources;
    //! Per-program-year overrides (docs/methodology.md, "Program years"): year → a partial
    //! scenario object as compact JSON (io::writeJsonCompact), merged over this scenario by
    //! io::scenarioForYear(). The engine never reads it; io checks it where scenarios enter.
    std::map<Year, std::string> byYear;

    bool operator==(const Scenario&) const = default;

    //! Checks the ranges and consistency rules of §1.5; throws InputError naming the key.
    void validate() const;

    //! Baseline years and weights for performance year y, defaults applied (§1.5).
    BaselineSpec effectiveBaseline(Year y) const;

    //! The trend pair for COS s in rate cell c by the §2.3 precedence, and the entry of the trend
    //! table it comes from: the one statement of that precedence.
    TrendChoice trendChoiceFor(const std::string& rateCell, const std::string& cos) const;

    //! The trend pair for COS s in rate cell c by the §2.3 precedence (trendChoiceFor()'s pair).
    TrendPair trendFor(const std::string& rateCell, const std::string& cos) const;

    //! Whether COS s is included (§2: included_cos if given, else all minus excluded_cos).
    bool includesCos(const std::string& cos) const;

    //! The new_benefits entry that prices COS s, or null when s takes its base experience.
    const NewBenefit* newBenefitFor(const std::string& cos) const;
};

//! Where trend.default is in force for a dataset (§2.3): every included COS (§2, includesCos())
//! of cosNames, each with the rate cells that take the default for it and the other entries that
//! replace it in the rest. The benchmark, projection and rates pick each pair with the same
//! trendChoiceFor(); the workbench shows this beside the default trend.
struct DefaultTrendReach {
    struct Cos {
        std::string name;
        std::size_t cellsTakingDefault = 0; //!< of rateCells
        bool replacedByCos = false;         //!< trend.by_cos replaces the default in some cell
        bool replacedByRateCell = false;    //!< a by_rate_cell entry replaces it in some cell
    };
    std::vector<Cos> included; //!< in the order of cosNames
    std::size_t rateCells = 0;
};

//! The reach of trend.default over the given COS and rate cells (a dataset's names).
DefaultTrendReach defaultTrendReach(const Scenario& scenario, const std::vector<std::string>& cosNames,
                                    const std::vector<std::string>& rateCells);

//! Text names of the enumerations, as the JSON form spells them.
const char* toString(ThresholdMethod m);
const char* toString(Direction d);
const char* toString(QualityScoring s);
const char* toString(GuardrailAction a);
const char* toString(SavingsBasis b);
const char* toString(QualityScaling s);
const char* toString(LossRateMethod m);
const char* toString(PaymentModel m);
const char* toString(FailedGateRate r);
const char* toString(OutcomeCredit c);

} // namespace sharecast
