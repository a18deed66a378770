//! The *.sharecast-scenario file (core/io/scenario/scenario_file.h): valid scenarios save and load
//! unchanged and agree with the JSON form byte for byte; the checked-in files of every past format
//! version under tests/data/scenario-files/ load to the scenarios spelled out below; and every
//! class of damaged, hostile or newer file is refused with an InputError that names the file and
//! what is wrong, never a crash, a hang or a large allocation. Exact comparisons throughout:
//! nothing is computed.

#include "engine/error.h"
#include "engine/scenario.h"
#include "io/json/scenario_json.h"
#include "io/scenario/scenario_archive.h"
#include "io/scenario/scenario_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace sharecast;
using namespace sharecast::io;

namespace {

const QString kName = QStringLiteral("damaged.sharecast-scenario");

QString scenarioFilesDir()
{
    return QStringLiteral(SHARECAST_TEST_DATA "/scenario-files");
}

// ---- the contents of the checked-in version 1 files (spelled out; never from defaults) ---------

//! v1-full.sharecast-scenario: every key of §1.5, §11 and §12 away from its default, optionals
//! present, non-ASCII text.
Scenario fullScenarioV1()
{
    Scenario s;
    s.name = "Straw Proposal 7 — baseline ✓";
    s.description = "Provenance: methodology §1.5 example, extended.\nSecond line: «quoted» 日本";
    s.performanceYear = 2024;
    s.baseline = BaselineSpec{{2021, 2022, 2023}, {0.1, 0.3, 0.6}};
    s.includedCos = std::vector<std::string>{"inpatient", "outpatient", "ecm", "ltc"};
    s.excludedCos = {};
    s.trend.defaultTrend = TrendPair{0.01, 0.02};
    s.trend.byCos = {{"inpatient", TrendPair{0.01, 0.035}}, {"émergence", TrendPair{-0.05, -0.02}}};
    s.trend.byRateCell = {
        {"SPD", RateCellTrend{TrendPair{0.02, 0.03}, {{"ltc", TrendPair{-0.1, 0.04}}}}},
        {"Child", RateCellTrend{std::nullopt, {{"pharmacy", TrendPair{0.0, 0.07}}}}},
    };
    s.programChanges = {
        ProgramChange{std::string("ltc"), std::nullopt, 2023, 1.05},
        ProgramChange{std::nullopt, std::vector<std::string>{"SPD", "LTC"}, 2022, 0.97},
        ProgramChange{std::string("ecm"), std::vector<std::string>{}, 2021, 1.0 / 3.0},
    };
    s.riskAdjustment = RiskAdjustment{true, 0.03, 0.05};
    s.truncation = Truncation{true, 125000.5};
    s.msr = MsrSpec{ThresholdMethod::Confidence, 0.02, 1.96, 2.75};
    s.mlr = MlrSpec{false, ThresholdMethod::Fixed, 0.015};
    s.quality.scoring = QualityScoring::Blend;
    s.quality.blendWeight = 0.4;
    s.quality.improvementMax = 80.0;
    s.quality.minDenominator = 25;
    s.quality.minMeasures = 2;
    s.quality.gateEnabled = false;
    s.quality.minComposite = 12.5;
    s.quality.measures = {
        QualityMeasure{"CIS-10", "Childhood Immunization Status", 2.0, Direction::Higher, 0.30, 0.45, 0.2},
        QualityMeasure{"PCR", "Plan All-Cause Readmissions", 1.0, Direction::Lower, 0.12, 0.08, std::nullopt},
    };
    s.tccTrendGate = TccTrendGate{true, 0.045};
    s.appropriateness = Appropriateness{true, 0.03, 0.75, GuardrailAction::Ineligible};
    s.savingsBasis = SavingsBasis::ResourceUse;
    s.resourceUse = {
        ResourceUseMeasure{"ed_visits", "util_ed_visits", "member_years", 1000.0, 1100.0, Direction::Lower},
        ResourceUseMeasure{"ip_days", "util_ip_days", "util_ip_admits", 1.0, 2500.25, Direction::Higher},
    };
    s.sharing.maxShare = 0.6;
    s.sharing.minShare = 0.1;
    s.sharing.qualityScaling = QualityScaling::Tiers;
    s.sharing.qualityLow = 10.0;
    s.sharing.qualityHigh = 90.0;
    s.sharing.tiers = {SharingTier{0.0, 0.0}, SharingTier{50.0, 0.4}, SharingTier{75.0, 0.55}};
    s.sharing.firstDollar = false;
    s.sharing.cap = 0.1;
    s.sharing.paymentReduction = 0.02;
    s.losses = LossSpec{true, LossRateMethod::OneMinusSharing, 0.35, 0.3, 0.8, 0.05};
    s.fmap.defaultRate = 0.5;
    s.fmap.byRateCell = {{"ACA Expansion", 0.9}, {"SPD", 0.55}};
    ProjectionSpec& p = s.projection;
    p.startYear = 2023;
    p.horizon = 7;
    p.enrollmentGrowth = 0.015;
    p.utilizationChange.defaultRate = -0.01;
    p.utilizationChange.byCos = {{"inpatient", -0.025}, {"emergency", -0.035}};
    p.investmentPmpm = 4.25;
    p.qualityPath = std::vector<double>{60.0, 65.0, 70.0, 72.5, 75.0, 77.0, 80.0};
    p.rateLag = 1;
    p.adminLoad = 0.09;
    p.underwritingGain = 0.015;
    p.careCoordinationToMedical = true;
    s.corridors = {Corridor{"ECM corridor",
                            "ecm",
                            120.0,
                            {CorridorBand{0.0, 0.02, 0.0}, CorridorBand{0.02, 0.05, 0.5},
                             CorridorBand{0.05, std::nullopt, 0.9}}}};
    s.blend =
        BlendSpec{{"SPD", "LTC"}, {{"SPD", 1450.75}, {"LTC", 6200.0}}, {{"SPD", 0.8}, {"LTC", 0.2}}, 0.01};
    s.mlrRemittance = MlrRemittance{true, 0.87};
    return s;
}

//! v2-full.sharecast-scenario: the v1 file's scenario with §13's uncertainty away from its
//! defaults (format version 2 added it).
Scenario fullScenarioV2()
{
    Scenario s = fullScenarioV1();
    s.uncertainty = UncertaintySpec{1.7, 0.05, 0.015, 25000, 987654321, 0.02};
    return s;
}

//! v3-full.sharecast-scenario: the v2 file's scenario with the keys format version 3 added away
//! from their defaults: §9's payment model, §8's rate on a failed gate, new benefits priced as
//! add-ons, the federal limits, the regional rates and by_year overrides (docs/methodology.md,
//! "Program years").
Scenario fullScenarioV3()
{
    Scenario s = fullScenarioV2();
    s.paymentModel = PaymentModel::Capitation;
    s.sharing.rateOnFailedGate = FailedGateRate::Zero;
    s.newBenefits = {
        NewBenefit{"ecm", 2022, {{"all", 6.0}, {"SPD", 25.0}}, {{2022, 0.3}, {2023, 0.6}, {2024, 1.0}}, 0.03},
        NewBenefit{"ltc", 2024, {{"SPD", 10.5}}, {{2024, 0.5}}, 0.0}};
    s.federalLimits = FederalLimits{true, 0.04, {"community_supports", "ecm"}, 0.06, 0.02};
    s.regionalRates = RegionalRatesSpec{
        {{"Bay Area", {"Alameda", "Contra Costa", "San Francisco"}}, {"Central Valley", {"Fresno", "Kern"}}},
        0.75,
        {{"Alameda", 1.02}, {"Kern", 0.985}},
        false};
    s.byYear = {{2025, R"({"sharing": {"max_share": 0.4, "tiers": [{"min_score": 0, "share": 0.25}]}})"},
                {2026, R"({"msr": {"rate": 0.015}, "fmap": {"by_rate_cell": {"SPD": 0.6}}})"}};
    return s;
}

//! v4-full.sharecast-scenario: the v3 file's scenario with format version 4's partnership terms
//! away from their defaults (docs/methodology.md, "Partnerships").
Scenario fullScenarioV4()
{
    Scenario s = fullScenarioV3();
    s.partnerships.outcomeCredit = OutcomeCredit::Linear;
    s.partnerships.pmpmFactor = 1.1;
    s.partnerships.terms = {
        {"CBO-MEALS", PartnershipTerms{18.5, std::nullopt, std::nullopt, 40000.0, 0.05}},
        {"ECM-1", PartnershipTerms{std::nullopt, 45.0, 12000.0, std::nullopt, std::nullopt}}};
    return s;
}

//! v5-full.sharecast-scenario: the v4 file's scenario with format version 5's assumption sources
//! (who set each assumption group, for the report's ASOP 41/56 disclosures).
Scenario fullScenarioV5()
{
    Scenario s = fullScenarioV4();
    s.assumptionSources = {
        {"trend", AssumptionSource{"2023 rate development trend study", "Office of the Chief Actuary"}},
        {"sharing", AssumptionSource{"Straw Proposal 7, policy decision", ""}},
        {"fmap", AssumptionSource{"", "Budget office"}}};
    return s;
}

//! v1-minimal.sharecast-scenario: the full scenario with every optional absent and every
//! collection empty (null and [] are different things, §1.5).
Scenario minimalScenarioV1()
{
    Scenario s = fullScenarioV1();
    s.name.clear();
    s.description.clear();
    s.performanceYear.reset();
    s.baseline.years.clear();
    s.baseline.weights.clear();
    s.includedCos.reset();
    s.excludedCos = {"pharmacy"};
    s.trend.byCos.clear();
    s.trend.byRateCell.clear();
    s.programChanges.clear();
    s.riskAdjustment.capUp.reset();
    s.riskAdjustment.capDown.reset();
    s.quality.measures.clear();
    s.savingsBasis = SavingsBasis::Tcc;
    s.resourceUse.clear();
    s.sharing.qualityScaling = QualityScaling::None;
    s.sharing.tiers.clear();
    s.sharing.cap.reset();
    s.losses.cap.reset();
    s.fmap.byRateCell.clear();
    s.projection.startYear.reset();
    s.projection.utilizationChange.byCos.clear();
    s.projection.qualityPath.reset();
    s.corridors.clear();
    s.blend.reset();
    return s;
}

// ---- valid scenarios, generated -----------------------------------------------------------------

//! Valid scenarios (Scenario::validate() passes) with awkward doubles, negative trends, unicode
//! names, optionals absent and present. Seeded: repeatable.
class ValidScenario {
public:
    explicit ValidScenario(std::uint64_t seed) : rng_(seed) {}

    Scenario next()
    {
        Scenario s;
        s.name = text();
        s.description = text();
        if (chance(0.7)) {
            s.performanceYear = integer(2015, 2035);
            if (chance(0.7)) {
                const int n = integer(1, 3);
                for (int k = n; k >= 1; --k)
                    s.baseline.years.push_back(*s.performanceYear - k);
                if (chance(0.5))
                    s.baseline.weights = weights(std::size_t(n));
            }
        }
        if (chance(0.3))
            s.includedCos = names(kCos, 0, 3);
        else
            s.excludedCos = names(kCos, 0, 2);
        s.trend.defaultTrend = trend();
        for (const std::string& c : names(kCos, 0, 3))
            s.trend.byCos[c] = trend();
        for (const std::string& cell : names(kCells, 0, 2)) {
            RateCellTrend& rc = s.trend.byRateCell[cell];
            if (chance(0.5))
                rc.defaultTrend = trend();
            for (const std::string& c : names(kCos, 0, 2))
                rc.byCos[c] = trend();
        }
        for (int n = integer(0, 2); n > 0; --n)
            s.programChanges.push_back(
                ProgramChange{chance(0.5) ? std::optional(pick(kCos)) : std::nullopt,
                              chance(0.5) ? std::optional(names(kCells, 0, 2)) : std::nullopt,
                              integer(2015, 2030), positive()});
        s.riskAdjustment = RiskAdjustment{chance(0.5), maybeUnit(), maybeUnit()};
        s.truncation = Truncation{chance(0.5), positive()};
        s.msr = MsrSpec{pick(kMethods), unit(), positive(), positive()};
        s.mlr = MlrSpec{chance(0.5), pick(kMethods), unit()};
        s.quality.scoring =
            pick(std::vector<QualityScoring>{QualityScoring::Attainment, QualityScoring::Improvement,
                                             QualityScoring::Max, QualityScoring::Blend});
        s.quality.blendWeight = unit();
        s.quality.improvementMax = score();
        s.quality.minDenominator = integer(0, 100);
        s.quality.minMeasures = integer(0, 5);
        s.quality.gateEnabled = chance(0.5);
        s.quality.minComposite = score();
        for (int i = integer(0, 3); i > 0; --i) {
            double a = unit(), b = unit();
            while (a == b)
                b = unit();
            const Direction d = chance(0.5) ? Direction::Higher : Direction::Lower;
            const double lo = std::min(a, b), hi = std::max(a, b);
            s.quality.measures.push_back(QualityMeasure{"M" + std::to_string(i) + text(), text(), positive(),
                                                        d, d == Direction::Higher ? lo : hi,
                                                        d == Direction::Higher ? hi : lo, maybeUnit()});
        }
        s.tccTrendGate = TccTrendGate{chance(0.5), unit() * 2.0 - 1.0};
        s.appropriateness =
            Appropriateness{chance(0.5), unit(), positive(),
                            chance(0.5) ? GuardrailAction::Flag : GuardrailAction::Ineligible};
        s.savingsBasis = chance(0.5) ? SavingsBasis::Tcc : SavingsBasis::ResourceUse;
        for (int i = integer(0, 2); i > 0; --i)
            s.resourceUse.push_back(ResourceUseMeasure{
                "R" + std::to_string(i), "util_" + pick(kCos), chance(0.5) ? "member_years" : "util_x",
                positive(), positive(), chance(0.5) ? Direction::Lower : Direction::Higher});
        s.sharing.maxShare = unit();
        s.sharing.minShare = unit();
        s.sharing.qualityScaling = pick(std::vector<QualityScaling>{
            QualityScaling::None, QualityScaling::Multiply, QualityScaling::Tiers, QualityScaling::Linear});
        s.sharing.qualityLow = integer(0, 49);
        s.sharing.qualityHigh = score() / 2.0 + 50.0;
        for (int i = integer(0, 3); i > 0; --i)
            s.sharing.tiers.push_back(SharingTier{double(i) * 30.0 + unit(), unit()});
        s.sharing.firstDollar = chance(0.5);
        s.sharing.cap = maybeUnit();
        s.sharing.paymentReduction = unit();
        const double r1 = unit(), r2 = unit();
        s.losses =
            LossSpec{chance(0.5),      chance(0.5) ? LossRateMethod::Fixed : LossRateMethod::OneMinusSharing,
                     unit(),           std::min(r1, r2),
                     std::max(r1, r2), maybeUnit()};
        s.fmap.defaultRate = unit();
        s.fmap.byRateCell.clear();
        for (const std::string& cell : names(kCells, 0, 3))
            s.fmap.byRateCell[cell] = unit();
        ProjectionSpec& p = s.projection;
        if (chance(0.5))
            p.startYear = integer(2015, 2030);
        p.horizon = integer(1, 50);
        p.enrollmentGrowth = trendRate();
        p.utilizationChange.defaultRate = trendRate();
        p.utilizationChange.byCos.clear();
        for (const std::string& c : names(kCos, 0, 3))
            p.utilizationChange.byCos[c] = trendRate();
        p.investmentPmpm = positive();
        if (chance(0.5)) {
            p.qualityPath.emplace();
            for (int t = 0; t < p.horizon && t < 8; ++t)
                p.qualityPath->push_back(score());
        }
        p.rateLag = integer(0, 10);
        p.adminLoad = unit() * 0.5;
        p.underwritingGain = unit() * 0.49;
        p.careCoordinationToMedical = chance(0.5);
        for (int i = integer(0, 2); i > 0; --i) {
            Corridor c{text(), pick(kCos), positive() + 1e-6, {}};
            double from = 0.0;
            for (int b = integer(0, 3); b > 0; --b) {
                const double to = (from + positive()) * 1.5 + 1e-9;
                c.bands.push_back(
                    CorridorBand{from, b == 1 && chance(0.5) ? std::nullopt : std::optional(to), unit()});
                from = to;
            }
            s.corridors.push_back(c);
        }
        if (chance(0.5)) {
            BlendSpec b;
            b.rateCells = names(kCells, 0, 3);
            for (const std::string& cell : b.rateCells)
                b.rates[cell] = positive();
            if (!b.rateCells.empty() && chance(0.7)) {
                const std::vector<double> w = weights(b.rateCells.size());
                for (std::size_t i = 0; i < w.size(); ++i)
                    b.projectedMix[b.rateCells[i]] = w[i];
            }
            b.tolerance = unit();
            s.blend = b;
        }
        s.mlrRemittance = MlrRemittance{chance(0.5), unit()};
        s.uncertainty.cv = chance(0.5) ? std::optional<double>(0.1 + 3.0 * unit()) : std::nullopt;
        s.uncertainty.alpha = 0.01 + 0.5 * unit();
        s.uncertainty.trueSavings = chance(0.5) ? std::optional<double>(unit() - 0.5) : std::nullopt;
        s.uncertainty.draws = integer(1, 200000);
        s.uncertainty.seed = static_cast<std::uint64_t>(integer(0, 1000000000));
        s.uncertainty.trendSd = 0.05 * unit();
        return s;
    }

private:
    std::mt19937_64 rng_;

    inline static const std::vector<std::string> kCos = {
        "inpatient", "outpatient", "pharmacy", "ltc", "ecm", "community supports", "émergence", "日本"};
    inline static const std::vector<std::string> kCells = {"Child",    "Adult", "ACA Expansion", "SPD",
                                                           "SPD/Dual", "LTC",   "😀 cell"};
    inline static const std::vector<ThresholdMethod> kMethods = {
        ThresholdMethod::None, ThresholdMethod::Fixed, ThresholdMethod::Elected, ThresholdMethod::Confidence,
        ThresholdMethod::MsspTable};

    bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    template <class T> T pick(const std::vector<T>& list)
    {
        return list[std::size_t(integer(0, int(list.size()) - 1))];
    }

    //! A fraction in [0, 1]: awkward decimals, extremes and full 53-bit doubles.
    double unit()
    {
        switch (integer(0, 5)) {
        case 0: return pick(std::vector<double>{0.0, 1.0, 0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0, 0.1 + 0.2});
        case 1: return pick(std::vector<double>{1e-300, 5e-324, 2.2250738585072014e-308, 0.9999999999999999});
        default: return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
        }
    }
    std::optional<double> maybeUnit() { return chance(0.5) ? std::optional(unit()) : std::nullopt; }
    double score() { return unit() * 100.0; }
    double positive() { return std::exp(std::uniform_real_distribution<double>(-30.0, 30.0)(rng_)); }
    //! A trend above −1, negative ones included.
    double trendRate() { return unit() * 1.8 - 0.9; }
    TrendPair trend() { return TrendPair{trendRate(), chance(0.3) ? -unit() * 0.5 : unit() * 0.2}; }

    std::vector<double> weights(std::size_t n)
    {
        std::vector<double> w(n);
        double sum = 0.0;
        for (double& x : w)
            sum += (x = 0.01 + unit());
        for (double& x : w)
            x /= sum;
        return w;
    }

    std::vector<std::string> names(const std::vector<std::string>& list, int lo, int hi)
    {
        std::vector<std::string> all = list;
        std::shuffle(all.begin(), all.end(), rng_);
        all.resize(std::size_t(std::min(integer(lo, hi), int(all.size()))));
        return all;
    }

    std::string text()
    {
        static const std::vector<std::string> parts = {
            "Straw", " Proposal 7", "\"quoted\"", "line\nbreak", "tab\t", "façade", "日本", "😀", "", "  "};
        std::string out;
        for (int k = integer(0, 3); k > 0; --k)
            out += pick(parts);
        return out;
    }
};

//! A readable account of a scenario for failure messages.
QByteArray describe(const Scenario& s)
{
    try {
        return writeScenarioJson(s);
    } catch (const InputError& e) {
        return QByteArray("(no JSON form: ") + e.what() + ")";
    }
}

//! The file's bytes with one bit flipped.
QByteArray flipped(QByteArray bytes, qsizetype at, int bit)
{
    bytes[at] = char(bytes[at] ^ (1 << bit));
    return bytes;
}

//! The file's bytes with the first occurrence of from replaced by to (from must occur).
QByteArray replaced(QByteArray bytes, const QByteArray& from, const QByteArray& to)
{
    const qsizetype at = bytes.indexOf(from);
    if (at < 0)
        qFatal("test setup: '%s' not found", from.constData());
    return bytes.replace(at, from.size(), to);
}

//! The header of a valid file with `line` (2..4) replaced, over the same payload.
QByteArray withHeaderLine(const QByteArray& good, int line, const QByteArray& text)
{
    QList<QByteArray> parts = good.split('\n');
    parts[line - 1] = text;
    return parts.join('\n');
}

//! The payload of a file (everything after its four header lines).
QByteArray payloadOf(const QByteArray& file)
{
    qsizetype at = 0;
    for (int i = 0; i < 4; ++i)
        at = file.indexOf('\n', at) + 1;
    return file.mid(at);
}

} // namespace

Q_DECLARE_METATYPE(sharecast::Scenario)

class TestScenarioFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- round trips ------------------------------------------------------------------------------

    void headerIsWrittenAsSpecified()
    {
        const Scenario s = fullScenarioV1();
        const QByteArray file = encodeScenarioFile(s);
        const QByteArray payload = QByteArray::fromStdString(writeScenarioArchive(s));
        const QByteArray header =
            "SHARECAST-SCENARIO\nformat-version: " + QByteArray::number(kScenarioFileFormatVersion) +
            "\npayload-length: " + QByteArray::number(payload.size()) +
            "\npayload-sha256: " + QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex() +
            "\n";
        QCOMPARE(file, header + payload);
        QCOMPARE(scenarioFileFromPayload(payload), file);
    }

    void generatedScenariosRoundTrip()
    {
        ValidScenario gen(1234567);
        for (int i = 0; i < 500; ++i) {
            const Scenario s = gen.next();
            try {
                s.validate();
            } catch (const InputError& e) {
                QFAIL(qPrintable(
                    QStringLiteral("generator made an invalid scenario %1: %2").arg(i).arg(e.what())));
            }
            const Scenario back = decodeScenarioFile(encodeScenarioFile(s), kName);
            QVERIFY2(back == s, qPrintable(QStringLiteral("scenario %1:\n").arg(i) + describe(s) +
                                           "\nread back:\n" + describe(back)));
        }
    }

    void archiveAndJsonAgree_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("§1.5 example + §11/§12 keys") << QByteArray(R"({
  "name": "Straw Proposal 7 baseline",
  "performance_year": 2024,
  "baseline": { "years": [2021, 2022, 2023], "weights": [0.1, 0.3, 0.6] },
  "included_cos": null,
  "excluded_cos": ["pharmacy"],
  "trend": {
    "default": { "utilization": 0.0, "unit_cost": 0.0 },
    "by_cos": { "inpatient": { "utilization": 0.01, "unit_cost": 0.035 } },
    "by_rate_cell": { "SPD": { "default": { "utilization": 0.02, "unit_cost": 0.03 } } }
  },
  "program_changes": [ { "cos": "ltc", "rate_cells": null, "effective_year": 2023, "factor": 1.0 } ],
  "risk_adjustment": { "enabled": true, "cap_up": 0.03, "cap_down": null },
  "quality": { "measures": [ { "id": "CIS-10", "name": "Childhood Immunization Status", "weight": 1.0,
        "direction": "higher", "threshold": 0.30, "benchmark": 0.45, "gate_min": null } ] },
  "fmap": { "default": 0.5, "by_rate_cell": { "ACA Expansion": 0.9 } },
  "projection": { "start_year": 2023, "horizon": 3, "quality_path": [60, 70.5, 80] },
  "corridors": [ { "name": "ECM", "cos": "ecm", "target_pmpm": 120.0, "bands": [
      { "from": 0.0, "to": 0.02, "state_share": 0.0 }, { "from": 0.02, "to": null, "state_share": 0.9 } ] } ],
  "blend": { "rate_cells": ["SPD", "LTC"], "rates": { "SPD": 1450.75, "LTC": 6200 },
             "projected_mix": { "SPD": 0.8, "LTC": 0.2 }, "tolerance": 0.01 }
})");
        QTest::newRow("empty object") << QByteArray("{}");
        ValidScenario gen(99);
        for (int i = 0; i < 200; ++i)
            QTest::newRow(qPrintable(QStringLiteral("generated %1").arg(i))) << writeScenarioJson(gen.next());
    }
    void archiveAndJsonAgree()
    {
        // JSON → scenario → file → scenario → JSON: the bytes the JSON writer gives are identical.
        QFETCH(QByteArray, json);
        const QByteArray before = writeScenarioJson(readScenarioJson(json, QStringLiteral("in.json")));
        const Scenario viaFile =
            decodeScenarioFile(encodeScenarioFile(readScenarioJson(before, "in.json")), kName);
        QCOMPARE(writeScenarioJson(viaFile), before);
    }

    // ---- checked-in files of every format version -------------------------------------------------

    void checkedInFilesLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Scenario>("expected");
        QTest::newRow("v1 full") << "v1-full.sharecast-scenario" << fullScenarioV1();
        QTest::newRow("v1 minimal") << "v1-minimal.sharecast-scenario" << minimalScenarioV1();
        QTest::newRow("v2 full") << "v2-full.sharecast-scenario" << fullScenarioV2();
        QTest::newRow("v3 full") << "v3-full.sharecast-scenario" << fullScenarioV3();
        QTest::newRow("v4 full") << "v4-full.sharecast-scenario" << fullScenarioV4();
        QTest::newRow("v5 full") << "v5-full.sharecast-scenario" << fullScenarioV5();
    }
    void checkedInFilesLoad()
    {
        QFETCH(QString, file);
        QFETCH(Scenario, expected);
        const Scenario loaded = loadScenarioFile(scenarioFilesDir() + "/" + file);
        QVERIFY2(loaded == expected, "loaded:\n" + describe(loaded) + "\nexpected:\n" + describe(expected));
    }

    //! SHARECAST_WRITE_SCENARIO_FILE=DIR writes the current version's full file into DIR: how a
    //! new format version's file is made (then checked in under tests/data/scenario-files/).
    void writeCurrentVersionWhenAsked()
    {
        const QByteArray dir = qgetenv("SHARECAST_WRITE_SCENARIO_FILE");
        if (dir.isEmpty())
            QSKIP("SHARECAST_WRITE_SCENARIO_FILE not set");
        QFile f(QString::fromLocal8Bit(dir) +
                QStringLiteral("/v%1-full.sharecast-scenario").arg(kScenarioFileFormatVersion));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(encodeScenarioFile(fullScenarioV5()));
    }

    void everyFormatVersionHasACheckedInFile()
    {
        // A new format version must come with a file of it, and the old ones must stay.
        for (unsigned v = 1; v <= kScenarioFileFormatVersion; ++v) {
            const QString path = scenarioFilesDir() + QStringLiteral("/v%1-full.sharecast-scenario").arg(v);
            QVERIFY2(QFile::exists(path), qPrintable("missing " + path));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().startsWith("SHARECAST-SCENARIO\nformat-version: " + QByteArray::number(v) +
                                           "\n"));
        }
        const QStringList all = QDir(scenarioFilesDir()).entryList({"*.sharecast-scenario"}, QDir::Files);
        QVERIFY(all.size() >= 2);
    }

    // ---- malformed files --------------------------------------------------------------------------

    void malformedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason"); // a part of the message
        const QByteArray good = encodeScenarioFile(fullScenarioV1());
        const QByteArray payload = payloadOf(good);
        const qsizetype headerSize = good.size() - payload.size();
        const QByteArray marker = QByteArray::fromStdString(writeScenarioArchive([] {
            Scenario s;
            s.excludedCos = {"marker-excluded"};
            return s;
        }()));

        QTest::newRow("empty file") << QByteArray() << "the file is empty";
        QTest::newRow("truncated inside the magic") << good.left(9) << "truncated: it ends inside its header";
        QTest::newRow("truncated after the magic") << good.left(19) << "truncated: it ends inside its header";
        QTest::newRow("truncated inside format-version")
            << good.left(30) << "truncated: it ends inside its header";
        QTest::newRow("truncated inside the digest")
            << good.left(headerSize - 10) << "truncated: it ends inside its header";
        QTest::newRow("header only") << good.left(headerSize) << "truncated: the header declares";
        QTest::newRow("truncated payload") << good.left(good.size() - 1) << "truncated: the header declares";
        QTest::newRow("payload bit flipped") << flipped(good, headerSize + payload.size() / 2, 0)
                                             << "does not match the SHA-256 digest in its header";
        QTest::newRow("header bit flipped: magic") << flipped(good, 3, 5) << "not a Sharecast scenario file";
        QTest::newRow("header bit flipped: version 5 → 7")
            << flipped(good, 35, 1) << "newer version of Sharecast";
        QTest::newRow("header bit flipped: version 5 → 4")
            << flipped(good, 35, 0) << "header declares format 4";
        QTest::newRow("header bit flipped: version 5 → 1")
            << flipped(good, 35, 2) << "header declares format 1";
        QTest::newRow("header bit flipped: newline")
            << flipped(good, 18, 0) << "not a Sharecast scenario file";
        QTest::newRow("header bit flipped: length")
            << flipped(good, good.indexOf("\npayload-sha256") - 1, 0) << "declares";
        QTest::newRow("header bit flipped: digest") << flipped(good, headerSize - 2, 0) << "payload-sha256";
        QTest::newRow("wrong magic") << replaced(good, "SHARECAST-SCENARIO", "SHARECAST-SCENARIX")
                                     << "not a Sharecast scenario file";
        QTest::newRow("lower-case magic")
            << replaced(good, "SHARECAST-SCENARIO", "sharecast-scenario") << "not a Sharecast scenario file";
        QTest::newRow("JSON scenario") << QByteArray("{ \"name\": \"x\" }\n") << "looks like a JSON scenario";
        QTest::newRow("Boost archive without header") << payload << "not a Sharecast scenario file";
        QTest::newRow("older format version over newer data")
            << withHeaderLine(good, 2, "format-version: 2") << "header declares format 2";
        QTest::newRow("future format version")
            << withHeaderLine(good, 2,
                              "format-version: " + QByteArray::number(kScenarioFileFormatVersion + 1))
            << "written by a newer version of Sharecast";
        QTest::newRow("future format version 2^63")
            << withHeaderLine(good, 2, "format-version: 9223372036854775808")
            << "written by a newer version of Sharecast";
        QTest::newRow("format version of 20 digits")
            << withHeaderLine(good, 2, "format-version: 18446744073709551616") << "absurdly large";
        QTest::newRow("format version 0")
            << withHeaderLine(good, 2, "format-version: 0") << "no scenario file format 0";
        QTest::newRow("format version older than the data")
            << withHeaderLine(good, 2, "format-version: 1")
            << "but the file's header declares format 1: the header is damaged";
        QTest::newRow("format version with leading zero")
            << withHeaderLine(good, 2, "format-version: 01") << "decimal number";
        QTest::newRow("format version signed")
            << withHeaderLine(good, 2, "format-version: +1") << "decimal number";
        QTest::newRow("format version empty")
            << withHeaderLine(good, 2, "format-version: ") << "decimal number";
        QTest::newRow("format version misspelt")
            << withHeaderLine(good, 2, "format_version: 1") << "must read";
        QTest::newRow("format version line too long")
            << QByteArray("SHARECAST-SCENARIO\nformat-version: ") + QByteArray(200, '1') << "too long";
        QTest::newRow("length larger than the file")
            << withHeaderLine(good, 3, "payload-length: " + QByteArray::number(payload.size() + 1))
            << "truncated: the header declares";
        QTest::newRow("length smaller than the payload")
            << withHeaderLine(good, 3, "payload-length: " + QByteArray::number(payload.size() - 1))
            << "bytes follow the header";
        QTest::newRow("length 4 GiB")
            << withHeaderLine(good, 3, "payload-length: 4294967296") << "larger than the limit of 4 MiB";
        QTest::newRow("length absurdly large")
            << withHeaderLine(good, 3, "payload-length: 99999999999999999999999") << "absurdly large";
        QTest::newRow("length negative") << withHeaderLine(good, 3, "payload-length: -5") << "decimal number";
        QTest::newRow("digest upper-case")
            << withHeaderLine(good, 4, "payload-sha256: " + payloadDigest(payload).toUpper())
            << "lower-case hexadecimal";
        QTest::newRow("digest short")
            << withHeaderLine(good, 4, "payload-sha256: " + payloadDigest(payload).left(63))
            << "lower-case hexadecimal";
        QTest::newRow("digest of other data")
            << withHeaderLine(good, 4, "payload-sha256: " + payloadDigest("other"))
            << "does not match the SHA-256";
        QTest::newRow("digest line misspelt")
            << replaced(good, "payload-sha256", "payload-sha512") << "must read";
        QTest::newRow("valid header over a garbage payload")
            << scenarioFileFromPayload("this is not what Boost wrote\n")
            << "the scenario data ends early or holds text where a number is expected";
        QTest::newRow("valid header over binary garbage")
            << scenarioFileFromPayload(QByteArray("\x00\xff\x16\x80 22 serialization::archive", 31))
            << "the scenario data ends early or holds text where a number is expected";
        QTest::newRow("valid header over half a payload")
            << scenarioFileFromPayload(payload.left(payload.size() / 2)) << "the scenario data ends early";
        QTest::newRow("payload declaring a huge collection")
            << scenarioFileFromPayload(
                   replaced(marker, " 1 15 marker-excluded", " 18446744073709551615 15 marker-excluded"))
            << "more than 100000 items";
        QTest::newRow("payload declaring a huge text")
            << scenarioFileFromPayload(
                   replaced(marker, "15 marker-excluded", "1099511627776 marker-excluded"))
            << "a text declares 1099511627776 bytes";
        QTest::newRow("payload of a newer Sharecast")
            << scenarioFileFromPayload(replaced(marker,
                                                "serialization::archive 18 0 " +
                                                    QByteArray::number(kScenarioFileFormatVersion) + " ",
                                                "serialization::archive 18 0 7 "))
            << "written by a newer version of Sharecast";
        QTest::newRow("payload of a newer Boost")
            << scenarioFileFromPayload(
                   replaced(marker, "serialization::archive 18", "serialization::archive 250"))
            << "newer Boost serialization library";
        QTest::newRow("valid archive of an invalid scenario")
            << scenarioFileFromPayload(QByteArray::fromStdString(writeScenarioArchive([] {
                   Scenario s;
                   s.baseline = BaselineSpec{{2021, 2022}, {0.5, 0.6}};
                   return s;
               }())))
            << "column 'baseline.weights', value '1.1': baseline weights must sum to 1";
        QTest::newRow("file over the size limit")
            << QByteArray(kScenarioFileMagic) + QByteArray(kMaxScenarioFileBytes, ' ')
            << "larger than the limit";
        std::mt19937_64 rng(42);
        QByteArray random(777, '\0');
        for (char& c : random)
            c = char(rng());
        QTest::newRow("random bytes") << random << "not a Sharecast scenario file";
    }
    void malformedFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        try {
            const Scenario s = decodeScenarioFile(bytes, kName);
            QFAIL("a malformed file was read");
        } catch (const InputError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(kName + ":"), e.what()); // names the file
            QVERIFY2(message.contains(reason), e.what());        // and what is wrong
        }
    }

    void randomBytesAreRefused()
    {
        // Random files, random files behind the magic, and random payloads behind a correct header
        // (which reach the archive reader): each is an InputError.
        std::mt19937_64 rng(20240611);
        const QByteArray good = encodeScenarioFile(fullScenarioV1());
        const QByteArray payload = payloadOf(good);
        for (int i = 0; i < 3000; ++i) {
            QByteArray bytes(std::uniform_int_distribution<int>(0, 2048)(rng), '\0');
            for (char& c : bytes)
                c = char(rng());
            if (i % 3 == 1)
                bytes.prepend(good.left(
                    std::uniform_int_distribution<qsizetype>(0, good.size() - payload.size())(rng)));
            if (i % 3 == 2)
                bytes = scenarioFileFromPayload(
                    payload.left(std::uniform_int_distribution<qsizetype>(0, payload.size())(rng)) + bytes);
            QVERIFY_THROWS_EXCEPTION(InputError, decodeScenarioFile(bytes, kName));
        }
    }

    void everyTruncationAndBitFlipIsRefused()
    {
        const QByteArray good = encodeScenarioFile(fullScenarioV1());
        QVERIFY(decodeScenarioFile(good, kName) == fullScenarioV1());
        for (qsizetype n = 0; n < good.size(); ++n)
            QVERIFY_THROWS_EXCEPTION(InputError, decodeScenarioFile(good.left(n), kName));
        for (qsizetype at = 0; at < good.size(); ++at)
            for (int bit = 0; bit < 8; ++bit)
                QVERIFY_THROWS_EXCEPTION(InputError, decodeScenarioFile(flipped(good, at, bit), kName));
    }

    void payloadBitFlipsBehindAValidDigestAreSafe()
    {
        // With the digest recomputed, a flip reaches Boost: an InputError, or (a digit of a number
        // changed) another valid scenario that saves and loads like any other.
        const QByteArray payload = payloadOf(encodeScenarioFile(fullScenarioV1()));
        int read = 0;
        for (qsizetype at = 0; at < payload.size(); ++at) {
            for (int bit = 0; bit < 8; ++bit) {
                try {
                    const Scenario s =
                        decodeScenarioFile(scenarioFileFromPayload(flipped(payload, at, bit)), kName);
                    ++read;
                    QVERIFY(decodeScenarioFile(encodeScenarioFile(s), kName) == s);
                } catch (const InputError&) {
                }
            }
        }
        QVERIFY(read > 0);
    }

    // ---- saving and loading files -------------------------------------------------------------------

    void saveAndLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("plan é.sharecast-scenario"));
        saveScenarioFile(fullScenarioV1(), path);
        QVERIFY(loadScenarioFile(path) == fullScenarioV1());
        // Saving again replaces the file whole, and leaves no temporary file behind.
        saveScenarioFile(minimalScenarioV1(), path);
        QVERIFY(loadScenarioFile(path) == minimalScenarioV1());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{"plan é.sharecast-scenario"});
    }

    void failedSaveKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.sharecast-scenario"));
        saveScenarioFile(fullScenarioV1(), path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        Scenario invalid = fullScenarioV1();
        invalid.sharing.maxShare = 1.5;
        try {
            saveScenarioFile(invalid, path);
            QFAIL("an invalid scenario was saved");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(path + ": column 'sharing.max_share'"), e.what());
            QVERIFY2(e.reason().find("cannot be saved") != std::string::npos, e.what());
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void unwritablePathIsAnInputError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no such folder/plan.sharecast-scenario"));
        try {
            saveScenarioFile(fullScenarioV1(), path);
            QFAIL("saved into a folder that does not exist");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(path + ": cannot write the scenario file"),
                     e.what());
        }
    }

    void unloadableFilesAreInputErrors()
    {
        QTemporaryDir dir;
        const auto refused = [](const QString& path, const QString& reason) {
            try {
                loadScenarioFile(path);
                return false;
            } catch (const InputError& e) {
                return QString::fromUtf8(e.what()).startsWith(path + ": ") &&
                       QString::fromUtf8(e.what()).contains(reason);
            }
        };
        QVERIFY(refused(dir.filePath("missing.sharecast-scenario"), "does not exist"));
        QVERIFY(refused(dir.path(), "folder"));
        // An oversized file is refused from its size, before it is read (a sparse file here).
        const QString big = dir.filePath("big.sharecast-scenario");
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(kScenarioFileMagic) > 0);
        if (!f.resize(qint64{8} * 1024 * 1024 * 1024)) // a file system without sparse files
            QVERIFY(f.resize(kMaxScenarioFileBytes + 1));
        f.close();
        QVERIFY(refused(big, "larger than the limit of 4 MiB for a scenario file and is not read"));
        // An empty file.
        const QString empty = dir.filePath("empty.sharecast-scenario");
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        QVERIFY(refused(empty, "the file is empty"));
    }

private:
    static QByteArray payloadDigest(const QByteArray& payload)
    {
        return QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex();
    }
};

QTEST_GUILESS_MAIN(TestScenarioFile)
#include "tst_scenario_file.moc"
