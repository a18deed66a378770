//! The strict JSON reader/writer and the scenario's JSON form (methodology §1.5, §11, §12).
//! Expected values come from the methodology text (the §1.5 example and its list of defaults),
//! not from the Scenario struct; numbers must match exactly (no tolerance: nothing is computed).

#include "engine/error.h"
#include "engine/scenario.h"
#include "io/json/json.h"
#include "io/json/scenario_json.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <climits>
#include <cmath>
#include <limits>
#include <random>

using namespace sharecast;
using namespace sharecast::io;

namespace {

const QString kFile = QStringLiteral("test.json");

//! JSON text from lines, so that a row's expected line number is its index + 1.
QByteArray lines(std::initializer_list<const char*> ls)
{
    QByteArray out;
    for (const char* l : ls) {
        out += l;
        out += '\n';
    }
    return out;
}

Scenario read(const QByteArray& json)
{
    return readScenarioJson(json, kFile);
}

//! One row of an error table: the input, then the line, key path, value ("-": none shown) and a
//! part of the reason that the error must report.
void addError(const char* name, const QByteArray& json, int line, const QString& path, const QString& value,
              const QString& reason)
{
    QTest::newRow(name) << json << line << path << value << reason;
}

//! The §1.5 example, verbatim.
const char* const kSpecExample = R"({
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
  "truncation": { "enabled": false, "threshold": 250000 },
  "msr": { "method": "none", "rate": 0.0, "z": 1.6449, "cv": 2.5 },
  "mlr": { "method": "same_as_msr", "rate": 0.0 },
  "quality": {
    "scoring": "max", "blend_weight": 0.5, "improvement_max": 90,
    "min_denominator": 30, "min_measures": 1,
    "gate": { "enabled": true, "min_composite": 0.0 },
    "measures": [
      { "id": "CIS-10", "name": "Childhood Immunization Status", "weight": 1.0,
        "direction": "higher", "threshold": 0.30, "benchmark": 0.45, "gate_min": null }
    ]
  },
  "tcc_trend_gate": { "enabled": false, "max_trend": 0.05 },
  "appropriateness": { "enabled": false, "max_denial_rate_increase": 0.02,
                       "max_grievance_rate_increase": 0.5, "action": "flag" },
  "savings_basis": "tcc",
  "resource_use": { "measures": [
      { "id": "ed_visits", "numerator": "util_ed_visits", "exposure": "member_years",
        "per": 1000, "unit_cost": 1100.0, "direction": "lower" } ] },
  "sharing": {
    "max_share": 0.5, "min_share": 0.0, "quality_scaling": "none",
    "quality_low": 0.0, "quality_high": 100.0,
    "tiers": [ { "min_score": 0, "share": 0.0 }, { "min_score": 50, "share": 0.4 } ],
    "first_dollar": true, "cap": null, "payment_reduction": 0.0
  },
  "losses": { "enabled": false, "rate_method": "fixed", "rate": 0.3,
              "rate_min": 0.4, "rate_max": 0.75, "cap": null },
  "fmap": { "default": 0.5, "by_rate_cell": { "ACA Expansion": 0.9 } }
}
)";

//! §11's projection block and §12's corridor, blend and remittance keys, as the spec writes them
//! (the blend's placeholders filled in).
const char* const kFurtherExample = R"({
"projection": {
  "start_year": null, "horizon": 5, "enrollment_growth": 0.0,
  "utilization_change": { "default": 0.0, "by_cos": { "inpatient": -0.02, "emergency": -0.03 } },
  "investment_pmpm": 0.0, "quality_path": null,
  "rate_lag": 2, "admin_load": 0.08, "underwriting_gain": 0.02,
  "care_coordination_to_medical": false
},
"corridors": [{ "name": "ECM", "cos": "ecm", "target_pmpm": 245.5,
  "bands": [{ "from": 0.0, "to": 0.02, "state_share": 0.0 }, { "from": 0.02, "to": 0.05,
  "state_share": 0.5 }, { "from": 0.05, "to": null, "state_share": 0.9 }] }],
"blend": { "rate_cells": ["SPD", "LTC"], "rates": { "SPD": 1200.5, "LTC": 6400 },
  "projected_mix": { "SPD": 0.8, "LTC": 0.2 }, "tolerance": 0.01 },
"mlr_remittance": { "enabled": false, "minimum": 0.85 }
}
)";

// ---------------------------------------------------------------------------------------------
// A seeded generator of valid, varied scenarios for the round trip.

class ScenarioGenerator {
public:
    explicit ScenarioGenerator(unsigned seed) : rng_(seed) {}

    Scenario next()
    {
        Scenario s;
        s.name = text();
        s.description = chance(0.5) ? text() : std::string();
        if (chance(0.8))
            s.performanceYear = integer(2000, 2040);
        if (chance(0.7)) {
            const int y = s.performanceYear.value_or(2100);
            const int n = integer(1, 4);
            for (int k = 1; k <= n; ++k)
                if (chance(0.8))
                    s.baseline.years.push_back(y - k);
            std::shuffle(s.baseline.years.begin(), s.baseline.years.end(), rng_);
            if (!s.baseline.years.empty() && chance(0.6))
                s.baseline.weights = weights(s.baseline.years.size());
        }
        const int cosMode = integer(0, 2);
        if (cosMode == 1)
            s.includedCos = names(kCos, 0, 4);
        else if (cosMode == 2)
            s.excludedCos = names(kCos, 1, 3);
        s.trend.defaultTrend = trend();
        for (const std::string& c : names(kCos, 0, 3))
            s.trend.byCos[c] = trend();
        for (const std::string& cell : names(kCells, 0, 3)) {
            RateCellTrend rc;
            if (chance(0.6))
                rc.defaultTrend = trend();
            for (const std::string& c : names(kCos, 0, 2))
                rc.byCos[c] = trend();
            s.trend.byRateCell[cell] = rc;
        }
        for (int k = integer(0, 3); k > 0; --k) {
            ProgramChange pc;
            if (chance(0.7))
                pc.cos = pick(kCos);
            if (chance(0.5))
                pc.rateCells = names(kCells, 0, 3);
            pc.effectiveYear = integer(-5, 3000);
            pc.factor = positive();
            s.programChanges.push_back(pc);
        }
        s.riskAdjustment.enabled = chance(0.5);
        if (chance(0.5))
            s.riskAdjustment.capUp = unit();
        if (chance(0.5))
            s.riskAdjustment.capDown = unit();
        s.truncation.enabled = chance(0.5);
        s.truncation.threshold = chance(0.1) ? std::numeric_limits<double>::max() : positive() + 1e-300;
        s.msr.method = pick(kMethods);
        s.msr.rate = unit();
        s.msr.z = positive();
        s.msr.cv = positive();
        s.mlr.sameAsMsr = chance(0.5);
        if (!s.mlr.sameAsMsr) // with same_as_msr the method is not part of the file
            s.mlr.method = pick(kMethods);
        s.mlr.rate = unit();

        s.quality.scoring =
            pick(std::vector<QualityScoring>{QualityScoring::Attainment, QualityScoring::Improvement,
                                             QualityScoring::Max, QualityScoring::Blend});
        s.quality.blendWeight = unit();
        s.quality.improvementMax = 100.0 * unit();
        s.quality.minDenominator = chance(0.1) ? INT_MAX : integer(0, 1000);
        s.quality.minMeasures = integer(0, 10);
        s.quality.gateEnabled = chance(0.5);
        s.quality.minComposite = 100.0 * unit();
        for (int k = integer(0, 4); k > 0; --k) {
            QualityMeasure m;
            m.id = "M-" + std::to_string(k) + "-" + text();
            m.name = chance(0.5) ? text() : std::string();
            m.weight = positive();
            m.direction = chance(0.5) ? Direction::Higher : Direction::Lower;
            double a = unit(), b = unit();
            while (a == b)
                b = unit();
            if (a > b)
                std::swap(a, b);
            m.threshold = m.direction == Direction::Higher ? a : b;
            m.benchmark = m.direction == Direction::Higher ? b : a;
            if (chance(0.4))
                m.gateMin = unit();
            s.quality.measures.push_back(m);
        }
        s.tccTrendGate.enabled = chance(0.5);
        s.tccTrendGate.maxTrend = unit() - 0.5;
        s.appropriateness.enabled = chance(0.5);
        s.appropriateness.maxDenialRateIncrease = unit();
        s.appropriateness.maxGrievanceRateIncrease = positive();
        s.appropriateness.action = chance(0.5) ? GuardrailAction::Flag : GuardrailAction::Ineligible;
        s.savingsBasis = chance(0.5) ? SavingsBasis::Tcc : SavingsBasis::ResourceUse;
        for (int k = integer(0, 3); k > 0; --k) {
            ResourceUseMeasure m;
            m.id = "ru" + std::to_string(k);
            m.numerator = "util_" + text();
            if (chance(0.5))
                m.exposure = "util_ip_discharges";
            m.per = positive() + 1e-6;
            m.unitCost = chance(0.1) ? std::numeric_limits<double>::denorm_min() : positive();
            m.direction = chance(0.5) ? Direction::Higher : Direction::Lower;
            s.resourceUse.push_back(m);
        }
        s.sharing.maxShare = unit();
        s.sharing.minShare = unit();
        s.sharing.qualityScaling = pick(std::vector<QualityScaling>{
            QualityScaling::None, QualityScaling::Multiply, QualityScaling::Tiers, QualityScaling::Linear});
        s.sharing.qualityLow = 50.0 * unit();
        s.sharing.qualityHigh = 50.5 + 49.5 * unit();
        for (int k = integer(0, 4); k > 0; --k)
            s.sharing.tiers.push_back(SharingTier{25.0 * k - 25.0 * unit() * 0.5, unit()});
        s.sharing.firstDollar = chance(0.5);
        if (chance(0.5))
            s.sharing.cap = unit();
        s.sharing.paymentReduction = chance(0.3) ? 0.02 : unit();
        s.losses.enabled = chance(0.5);
        s.losses.rateMethod = chance(0.5) ? LossRateMethod::Fixed : LossRateMethod::OneMinusSharing;
        s.losses.rate = unit();
        s.losses.rateMin = 0.5 * unit();
        s.losses.rateMax = 0.5 + 0.5 * unit();
        if (chance(0.5))
            s.losses.cap = unit();
        s.fmap.defaultRate = unit();
        for (const std::string& cell : names(kCells, 0, 3))
            s.fmap.byRateCell[cell] = unit();

        ProjectionSpec& p = s.projection;
        if (chance(0.5))
            p.startYear = integer(1990, 2050);
        p.horizon = integer(1, 50);
        p.enrollmentGrowth = unit() - 0.5;
        p.utilizationChange.defaultRate = unit() - 0.5;
        p.utilizationChange.byCos.clear();
        for (const std::string& c : names(kCos, 0, 3))
            p.utilizationChange.byCos[c] = -unit() * 0.9;
        p.investmentPmpm = chance(0.1) ? std::numeric_limits<double>::denorm_min() : positive();
        if (chance(0.5)) {
            p.qualityPath.emplace();
            for (int k = integer(0, 6); k > 0; --k)
                p.qualityPath->push_back(100.0 * unit());
        }
        p.rateLag = integer(0, 10);
        p.adminLoad = 0.5 * unit();
        p.underwritingGain = 0.49 * unit();
        p.careCoordinationToMedical = chance(0.5);

        for (int k = integer(0, 2); k > 0; --k) {
            Corridor c;
            c.name = chance(0.5) ? text() : std::string();
            c.cos = pick(kCos);
            c.targetPmpm = positive() + 1e-9;
            double from = 0.0;
            for (int b = integer(0, 3); b > 0; --b) {
                CorridorBand band;
                band.from = from;
                if (b > 1 || chance(0.5))
                    band.to = 2.0 * from + positive() + 1e-9;
                band.stateShare = unit();
                from = band.to.value_or(from);
                c.bands.push_back(band);
            }
            s.corridors.push_back(c);
        }
        if (chance(0.5)) {
            BlendSpec b;
            b.rateCells = names(kCells, 0, 3);
            for (const std::string& cell : b.rateCells)
                b.rates[cell] = positive();
            if (chance(0.5)) {
                const std::vector<double> w = weights(b.rateCells.size());
                for (std::size_t i = 0; i < w.size(); ++i)
                    b.projectedMix[b.rateCells[i]] = w[i];
            }
            b.tolerance = unit();
            s.blend = b;
        }
        s.mlrRemittance.enabled = chance(0.5);
        s.mlrRemittance.minimum = unit();
        s.paymentModel = chance(0.5) ? PaymentModel::Ffs : PaymentModel::Capitation;
        s.sharing.rateOnFailedGate = chance(0.5) ? FailedGateRate::Scaled : FailedGateRate::Zero;
        for (int k = integer(0, 2); k > 0; --k) {
            NewBenefit b;
            b.cos = pick(kCos);
            if (!s.includesCos(b.cos) || s.newBenefitFor(b.cos))
                continue;
            b.priceYear = integer(2000, 2040);
            for (const std::string& cell : names(kCells, 0, 3))
                b.pmpm[cell] = positive();
            b.pmpm["all"] = positive();
            for (int y = integer(1, 3); y > 0; --y)
                b.takeUp[integer(2000, 2040)] = unit();
            b.trend = unit() - 0.5;
            s.newBenefits.push_back(b);
        }
        s.federalLimits.enabled = chance(0.5);
        s.federalLimits.incentiveMax = unit();
        s.federalLimits.ilosCos = names(kCos, 0, 2);
        s.federalLimits.ilosMax = unit();
        s.federalLimits.ilosEvaluation = unit();
        if (chance(0.5)) {
            // Regional rates: counties dealt into up to three regions, each county in one.
            RegionalRatesSpec r;
            const std::vector<std::string> regions = {"Bay Area", "Central.Valley", "Sur"};
            for (const std::string& county : kCounties) {
                const int k = integer(-1, 2);
                if (k >= 0)
                    r.regions[regions[static_cast<std::size_t>(k)]].push_back(county);
                if (chance(0.3))
                    r.adjustments[county] = positive() + 1e-6;
            }
            r.blend = unit();
            r.budgetNeutral = chance(0.5);
            s.regionalRates = r;
        }
        if (chance(0.5)) {
            // An override after every base year: msr.rate, or a whole tier list, as written.
            Year first = 2000;
            for (Year b : s.baseline.years)
                first = std::max(first, b + 1);
            for (int k = integer(1, 3); k > 0; --k) {
                JsonValue o = JsonValue::makeObject();
                if (chance(0.5)) {
                    o.add("msr", JsonValue::makeObject()).add("rate", JsonValue::fromNumber(unit()));
                } else {
                    JsonValue& tiers =
                        o.add("sharing", JsonValue::makeObject()).add("tiers", JsonValue::makeArray());
                    JsonValue& t = tiers.append(JsonValue::makeObject());
                    t.add("min_score", JsonValue::fromNumber(unit() * 100.0));
                    t.add("share", JsonValue::fromNumber(unit()));
                }
                s.byYear[first + integer(0, 5)] = writeJsonCompact(o);
            }
        }
        return s;
    }

private:
    std::mt19937_64 rng_;

    inline static const std::vector<std::string> kCounties = {
        "Alameda", "Contra Costa", "Kern", "San Luis Obispo", "a.b", "Los Ángeles"};

    inline static const std::vector<std::string> kCos = {
        "inpatient", "outpatient", "pharmacy", "ltc", "ecm", "community supports", "a.b", "émergence"};
    inline static const std::vector<std::string> kCells = {"Child",    "Adult", "ACA Expansion", "SPD",
                                                           "SPD/Dual", "LTC",   "LTC/Dual"};
    inline static const std::vector<ThresholdMethod> kMethods = {
        ThresholdMethod::None, ThresholdMethod::Fixed, ThresholdMethod::Elected, ThresholdMethod::Confidence,
        ThresholdMethod::MsspTable};

    bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

    //! A fraction in [0, 1]: often a full 53-bit random double, sometimes a round decimal.
    double unit()
    {
        switch (integer(0, 5)) {
        case 0: return 0.0;
        case 1: return 1.0;
        case 2: return pick(std::vector<double>{0.1, 0.2, 0.3, 0.35, 0.85, 1.0 / 3.0});
        default: return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
        }
    }

    //! A non-negative number spread over many orders of magnitude.
    double positive() { return std::exp(std::uniform_real_distribution<double>(-30.0, 30.0)(rng_)); }

    TrendPair trend() { return TrendPair{unit() * 1.8 - 0.9, unit() * 0.4 - 0.2}; }

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

    template <class T> T pick(const std::vector<T>& list)
    {
        return list[static_cast<std::size_t>(integer(0, static_cast<int>(list.size()) - 1))];
    }

    //! A few distinct names from list.
    std::vector<std::string> names(const std::vector<std::string>& list, int lo, int hi)
    {
        std::vector<std::string> all = list;
        std::shuffle(all.begin(), all.end(), rng_);
        all.resize(static_cast<std::size_t>(std::min<int>(integer(lo, hi), static_cast<int>(all.size()))));
        return all;
    }

    //! Free text with what JSON must escape: quotes, backslashes, control characters, non-ASCII.
    std::string text()
    {
        static const std::vector<std::string> parts = {
            "Straw", " Proposal 7", "\"quoted\"", "back\\slash", "line\nbreak",
            "tab\t", "\x01\x1f",    "façade",     "日本",        "😀",
            "/",     "{}[]",        ":,",         "\\u0041",     ""};
        std::string out;
        for (int k = integer(1, 4); k > 0; --k)
            out += pick(parts);
        return out;
    }
};

//! Every field of two scenarios that differ, for a readable failure message.
QByteArray diffText(const Scenario& a, const Scenario& b)
{
    return "written:\n" + writeScenarioJson(a) + "\nread back:\n" + writeScenarioJson(b);
}

} // namespace

class TestScenarioJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- the JSON layer ------------------------------------------------------------------------

    void assumptionSourcesRoundTrip()
    {
        const Scenario s = read(R"({"assumption_sources": {
            "trend": {"source": "2023 trend study", "owner": "Chief Actuary"},
            "fmap": {"owner": "Budget office"}}})");
        QCOMPARE(s.assumptionSources.size(), std::size_t(2));
        QCOMPARE(s.assumptionSources.at("trend").source, std::string("2023 trend study"));
        QCOMPARE(s.assumptionSources.at("trend").owner, std::string("Chief Actuary"));
        QCOMPARE(s.assumptionSources.at("fmap").source, std::string());
        QCOMPARE(s.assumptionSources.at("fmap").owner, std::string("Budget office"));
        const QByteArray json = writeScenarioJson(s);
        QVERIFY(json.contains("\"assumption_sources\": {\n    \"fmap\": {\n      \"source\": \"\",\n      "
                              "\"owner\": \"Budget office\"\n    },"));
        QVERIFY(read(json) == s);
    }

    void jsonPositions()
    {
        const JsonValue v =
            parseJson("{\n  \"a\": [1, \"é\", true],\n    \"b\" : {\"c\": null}\n}", "x.json");
        QCOMPARE(v.type, JsonType::Object);
        QCOMPARE(v.line, 1);
        QCOMPARE(v.column, 1);
        QCOMPARE(v.members.size(), std::size_t(2));
        QCOMPARE(v.members[0].key, std::string("a"));
        QCOMPARE(v.members[0].line, 2);
        QCOMPARE(v.members[0].column, 3);
        const JsonValue& a = v.members[0].value;
        QCOMPARE(a.column, 8);
        QCOMPARE(a.items[1].text, std::string("é"));
        QCOMPARE(a.items[2].column, 17); // columns count characters: "é" is one
        QCOMPARE(v.members[1].line, 3);
        QCOMPARE(v.members[1].column, 5);
        QCOMPARE(v.find("b")->find("c")->type, JsonType::Null);
        QCOMPARE(v.find("b")->find("c")->column, 17);
    }

    void jsonScalars_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<double>("number");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("integer") << QByteArray("2024") << 2024.0 << QByteArray("2024");
        QTest::newRow("fraction") << QByteArray("0.035") << 0.035 << QByteArray("0.035");
        QTest::newRow("exponent") << QByteArray("-1.5E+3") << -1500.0 << QByteArray("-1.5E+3");
        QTest::newRow("smallest subnormal")
            << QByteArray("5e-324") << 4.9406564584124654e-324 << QByteArray("5e-324");
        QTest::newRow("underflow reads as 0") << QByteArray("1e-400") << 0.0 << QByteArray("1e-400");
        QTest::newRow("underflow with fraction")
            << QByteArray("0.0001e-330") << 0.0 << QByteArray("0.0001e-330");
        QTest::newRow("largest double") << QByteArray("1.7976931348623157e308") << 1.7976931348623157e308
                                        << QByteArray("1.7976931348623157e308");
        QTest::newRow("surrounding space") << QByteArray(" \t\r\n 7 \n") << 7.0 << QByteArray("7");
    }
    void jsonScalars()
    {
        QFETCH(QByteArray, json);
        QFETCH(double, number);
        QFETCH(QByteArray, text);
        const JsonValue v = parseJson(json.toStdString(), "x.json");
        QCOMPARE(v.type, JsonType::Number);
        QVERIFY2(v.number == number, qPrintable(QString::number(v.number, 'g', 17)));
        QCOMPARE(QByteArray::fromStdString(v.text), text);
    }

    void jsonStrings_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("expected");
        // (A plain literal: moc 6.4 misreads \" inside a raw string and then skips the class.)
        QTest::newRow("simple escapes")
            << QByteArray("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"") << QByteArray("a\"b\\c/d\b\f\n\r\t");
        QTest::newRow("unicode escape") << QByteArray(R"("\u00e9\u65E5")") << QByteArray("é日");
        QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << QByteArray("😀");
        QTest::newRow("NUL escape") << QByteArray(R"("a\u0000b")") << QByteArray("a\0b", 3);
        QTest::newRow("raw UTF-8") << QByteArray("\"façade 😀\"") << QByteArray("façade 😀");
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF\"x\"") << QByteArray("x");
    }
    void jsonStrings()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, expected);
        const JsonValue v = parseJson(std::string_view(json.constData(), std::size_t(json.size())), "x.json");
        QCOMPARE(v.type, JsonType::String);
        QCOMPARE(QByteArray::fromStdString(v.text), expected);
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("found");
        QTest::addColumn<QString>("reason");
        addError("empty", QByteArray(""), 1, "", "", "empty");
        addError("only BOM and space", QByteArray("\xEF\xBB\xBF  \n"), 2, "", "", "empty");
        addError("lone surrogate", QByteArray("[\n\"\\ud83d x\"]"), 2, "[0]", "\\ud83d", "low surrogate");
        addError("low surrogate first", QByteArray("[\"\\ude00\"]"), 1, "[0]", "\\ude00",
                 "without a high surrogate");
        addError("short \\u", QByteArray("[\"\\u12\"]"), 1, "[0]", "\\u12\"]", "four hexadecimal");
        addError("invalid UTF-8", QByteArray("{\"a\": \"\xC3\x28\"}"), 1, "a", "byte 0xC3",
                 "not valid UTF-8");
        addError("overlong UTF-8", QByteArray("[\"\xC0\xAF\"]"), 1, "[0]", "byte 0xC0", "not valid UTF-8");
        addError("tab in string", QByteArray("{\"a\":\n \"x\ty\"}"), 2, "a", "byte 0x09",
                 "control character");
        addError("unclosed string", QByteArray("{\"a\": \"xy"), 1, "a", "end of input", "not closed");
        addError("unclosed object", QByteArray("{\"a\": 1\n"), 2, "a", "end of input", "expected ',' or '}'");
        addError("unclosed array", QByteArray("[1,\n2"), 2, "[1]", "end of input", "expected ',' or ']'");
        addError("missing colon", QByteArray("{\"a\" 1}"), 1, "", "1", "expected ':'");
        addError("key not a string", QByteArray("{a: 1}"), 1, "", "a", "expected a key");
        addError("trailing comma array", QByteArray("[1,]"), 1, "[1]", "]", "expected a JSON value");
        addError("plus sign", QByteArray("[+1]"), 1, "[0]", "+1", "expected a JSON value");
        addError("hex number", QByteArray("[0x10]"), 1, "[0]", "0x10", "not a valid number");
        addError("bare dot", QByteArray("[1.]"), 1, "[0]", "1.", "digit must follow");
        addError("no exponent digits", QByteArray("[1e]"), 1, "[0]", "1e", "exponent");
        addError("overflow", QByteArray("[1,\n-1e309]"), 2, "[1]", "-1e309", "not finite");
        addError("True", QByteArray("[True]"), 1, "[0]", "True", "expected a JSON value");
        addError("nullx", QByteArray("[nullx]"), 1, "[0]", "nullx", "expected a JSON value");
        addError("two documents", QByteArray("{}\n{}"), 2, "", "{", "after the end");
        addError("nesting 201", (QByteArray(201, '[') + QByteArray(201, ']')), 1,
                 QString(QStringLiteral("[0]").repeated(200)), "[", "nested deeper");
    }
    void jsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, line);
        QFETCH(QString, path);
        QFETCH(QString, found);
        QFETCH(QString, reason);
        try {
            parseJson(std::string_view(json.constData(), std::size_t(json.size())), "x.json");
            QFAIL("no error");
        } catch (const InputError& e) {
            const QString msg = QString::fromStdString(e.what());
            QCOMPARE(QString::fromStdString(e.where().file), QStringLiteral("x.json"));
            QCOMPARE(e.where().line, long(line));
            QCOMPARE(QString::fromStdString(e.where().column), path);
            QCOMPARE(QString::fromStdString(e.where().value), found);
            QVERIFY2(msg.contains(reason), qPrintable(msg));
            QVERIFY2(msg.startsWith(QStringLiteral("x.json:%1: ").arg(line)), qPrintable(msg));
        }
    }

    void jsonLimits()
    {
        // 200 levels parse; the 201st is refused (above). Over the size limit nothing is read.
        const std::string deep = std::string(200, '[') + std::string(200, ']');
        QCOMPARE(parseJson(deep, "x.json").type, JsonType::Array);
        const std::string big = "\"" + std::string(16u * 1024u * 1024u - 2u, 'a') + "\"";
        QCOMPARE(parseJson(big, "x.json").text.size(), big.size() - 2);
        try {
            parseJson(big + " ", "x.json");
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY2(QByteArray(e.what()).contains("16 MiB"), e.what());
        }
    }

    void jsonDuplicateKeys()
    {
        try {
            parseJson("{\"a\": {\"b\": 1,\n \"b\": 2}}", "x.json");
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 2L);
            QCOMPARE(e.where().column, std::string("a.b"));
            QCOMPARE(e.where().value, std::string("b"));
        }
        // The same key in sibling objects is fine.
        QCOMPARE(parseJson("[{\"a\": 1}, {\"a\": 2}]", "x.json").items.size(), std::size_t(2));
    }

    void jsonWriter()
    {
        JsonValue root = JsonValue::makeObject();
        root.add("s", JsonValue::fromString("q\"\\\n\x01é"));
        JsonValue& list = root.add("list", JsonValue::makeArray());
        list.append(JsonValue::fromNumber(0.1));
        list.append(JsonValue::fromNumber(2024));
        list.append(JsonValue());
        list.append(JsonValue::fromBool(false));
        JsonValue& nested = root.add("nested", JsonValue::makeArray());
        nested.append(JsonValue::makeObject()).add("z", JsonValue::fromNumber(-0.5));
        nested.append(JsonValue::makeArray());
        root.add("empty", JsonValue::makeObject());
        const std::string expected = "{\n"
                                     "  \"s\": \"q\\\"\\\\\\n\\u0001é\",\n"
                                     "  \"list\": [0.1, 2024, null, false],\n"
                                     "  \"nested\": [\n"
                                     "    {\n"
                                     "      \"z\": -0.5\n"
                                     "    },\n"
                                     "    []\n"
                                     "  ],\n"
                                     "  \"empty\": {}\n"
                                     "}\n";
        QCOMPARE(QString::fromStdString(writeJson(root)), QString::fromStdString(expected));
        // And it reads back to the same tree.
        QCOMPARE(writeJson(parseJson(expected, "x.json")), expected);
    }

    void jsonNumbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("0.1") << 0.1 << "0.1";
        QTest::newRow("0.1+0.2") << 0.1 + 0.2 << "0.30000000000000004";
        QTest::newRow("one third") << 1.0 / 3.0 << "0.3333333333333333";
        QTest::newRow("integer") << 250000.0 << "250000";
        QTest::newRow("1e21") << 1e21 << "1e+21";
        QTest::newRow("subnormal") << 5e-324 << "5e-324";
        QTest::newRow("max") << 1.7976931348623157e308 << "1.7976931348623157e+308";
        QTest::newRow("negative") << -0.02 << "-0.02";
    }
    void jsonNumbers()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatJsonNumber(value)), text);
        QVERIFY(parseJson(formatJsonNumber(value), "x.json").number == value);
    }

    void jsonWriterRefuses()
    {
        JsonValue root = JsonValue::makeObject();
        root.add("a", JsonValue::makeArray()).append(JsonValue::fromNumber(std::nan("")));
        QVERIFY_THROWS_EXCEPTION(InputError, writeJson(root));
        try {
            writeJson(root);
        } catch (const InputError& e) {
            QCOMPARE(e.where().column, std::string("a[0]"));
        }
        JsonValue s = JsonValue::fromString("\xFF");
        QVERIFY_THROWS_EXCEPTION(InputError, writeJson(s));
    }

    // ---- the scenario: values, defaults, merging -----------------------------------------------

    void specExample()
    {
        const Scenario s = read(kSpecExample);
        QCOMPARE(s.name, std::string("Straw Proposal 7 baseline"));
        QCOMPARE(s.performanceYear, std::optional<Year>(2024));
        QCOMPARE(s.baseline.years, (std::vector<Year>{2021, 2022, 2023}));
        QCOMPARE(s.baseline.weights, (std::vector<double>{0.1, 0.3, 0.6}));
        QVERIFY(!s.includedCos.has_value());
        QCOMPARE(s.excludedCos, std::vector<std::string>{"pharmacy"});
        QCOMPARE(s.trend.defaultTrend, (TrendPair{0.0, 0.0}));
        QCOMPARE(s.trend.byCos.size(), std::size_t(1));
        QCOMPARE(s.trend.byCos.at("inpatient"), (TrendPair{0.01, 0.035}));
        QCOMPARE(s.trend.byRateCell.size(), std::size_t(1));
        QCOMPARE(s.trend.byRateCell.at("SPD").defaultTrend, std::optional<TrendPair>(TrendPair{0.02, 0.03}));
        QVERIFY(s.trend.byRateCell.at("SPD").byCos.empty());
        QCOMPARE(s.programChanges.size(), std::size_t(1));
        QCOMPARE(s.programChanges[0].cos, std::optional<std::string>("ltc"));
        QVERIFY(!s.programChanges[0].rateCells.has_value());
        QCOMPARE(s.programChanges[0].effectiveYear, 2023);
        QCOMPARE(s.programChanges[0].factor, 1.0);
        QCOMPARE(s.riskAdjustment.enabled, true);
        QCOMPARE(s.riskAdjustment.capUp, std::optional<double>(0.03));
        QVERIFY(!s.riskAdjustment.capDown.has_value());
        QCOMPARE(s.truncation.enabled, false);
        QCOMPARE(s.truncation.threshold, 250000.0);
        QCOMPARE(s.msr.method, ThresholdMethod::None);
        QCOMPARE(s.msr.rate, 0.0);
        QCOMPARE(s.msr.z, 1.6449);
        QCOMPARE(s.msr.cv, 2.5);
        QCOMPARE(s.mlr.sameAsMsr, true);
        QCOMPARE(s.mlr.rate, 0.0);
        QCOMPARE(s.quality.scoring, QualityScoring::Max);
        QCOMPARE(s.quality.blendWeight, 0.5);
        QCOMPARE(s.quality.improvementMax, 90.0);
        QCOMPARE(s.quality.minDenominator, 30);
        QCOMPARE(s.quality.minMeasures, 1);
        QCOMPARE(s.quality.gateEnabled, true);
        QCOMPARE(s.quality.minComposite, 0.0);
        QCOMPARE(s.quality.measures.size(), std::size_t(1));
        const QualityMeasure& m = s.quality.measures[0];
        QCOMPARE(m.id, std::string("CIS-10"));
        QCOMPARE(m.name, std::string("Childhood Immunization Status"));
        QCOMPARE(m.weight, 1.0);
        QCOMPARE(m.direction, Direction::Higher);
        QCOMPARE(m.threshold, 0.30);
        QCOMPARE(m.benchmark, 0.45);
        QVERIFY(!m.gateMin.has_value());
        QCOMPARE(s.tccTrendGate.enabled, false);
        QCOMPARE(s.tccTrendGate.maxTrend, 0.05);
        QCOMPARE(s.appropriateness.enabled, false);
        QCOMPARE(s.appropriateness.maxDenialRateIncrease, 0.02);
        QCOMPARE(s.appropriateness.maxGrievanceRateIncrease, 0.5);
        QCOMPARE(s.appropriateness.action, GuardrailAction::Flag);
        QCOMPARE(s.savingsBasis, SavingsBasis::Tcc);
        QCOMPARE(s.resourceUse.size(), std::size_t(1));
        const ResourceUseMeasure& ru = s.resourceUse[0];
        QCOMPARE(ru.id, std::string("ed_visits"));
        QCOMPARE(ru.numerator, std::string("util_ed_visits"));
        QCOMPARE(ru.exposure, std::string("member_years"));
        QCOMPARE(ru.per, 1000.0);
        QCOMPARE(ru.unitCost, 1100.0);
        QCOMPARE(ru.direction, Direction::Lower);
        QCOMPARE(s.sharing.maxShare, 0.5);
        QCOMPARE(s.sharing.minShare, 0.0);
        QCOMPARE(s.sharing.qualityScaling, QualityScaling::None);
        QCOMPARE(s.sharing.qualityLow, 0.0);
        QCOMPARE(s.sharing.qualityHigh, 100.0);
        QCOMPARE(s.sharing.tiers, (std::vector<SharingTier>{{0.0, 0.0}, {50.0, 0.4}}));
        QCOMPARE(s.sharing.firstDollar, true);
        QVERIFY(!s.sharing.cap.has_value());
        QCOMPARE(s.sharing.paymentReduction, 0.0);
        QCOMPARE(s.losses.enabled, false);
        QCOMPARE(s.losses.rateMethod, LossRateMethod::Fixed);
        QCOMPARE(s.losses.rate, 0.3);
        QCOMPARE(s.losses.rateMin, 0.4);
        QCOMPARE(s.losses.rateMax, 0.75);
        QVERIFY(!s.losses.cap.has_value());
        QCOMPARE(s.fmap.defaultRate, 0.5);
        QCOMPARE(s.fmap.byRateCell, (std::map<std::string, double>{{"ACA Expansion", 0.9}}));
        QCOMPARE(s.fmap.forRateCell("Child"), 0.5);
    }

    void furtherExample()
    {
        const Scenario s = read(kFurtherExample);
        const ProjectionSpec& p = s.projection;
        QVERIFY(!p.startYear.has_value());
        QCOMPARE(p.horizon, 5);
        QCOMPARE(p.enrollmentGrowth, 0.0);
        QCOMPARE(p.utilizationChange.defaultRate, 0.0);
        QCOMPARE(p.utilizationChange.byCos,
                 (std::map<std::string, double>{{"inpatient", -0.02}, {"emergency", -0.03}}));
        QCOMPARE(p.investmentPmpm, 0.0);
        QVERIFY(!p.qualityPath.has_value());
        QCOMPARE(p.rateLag, 2);
        QCOMPARE(p.adminLoad, 0.08);
        QCOMPARE(p.underwritingGain, 0.02);
        QCOMPARE(p.careCoordinationToMedical, false);
        QCOMPARE(s.corridors.size(), std::size_t(1));
        QCOMPARE(s.corridors[0].name, std::string("ECM"));
        QCOMPARE(s.corridors[0].cos, std::string("ecm"));
        QCOMPARE(s.corridors[0].targetPmpm, 245.5);
        const std::vector<CorridorBand> bands = {
            {0.0, 0.02, 0.0}, {0.02, 0.05, 0.5}, {0.05, std::nullopt, 0.9}};
        QCOMPARE(s.corridors[0].bands, bands);
        QVERIFY(s.blend.has_value());
        QCOMPARE(s.blend->rateCells, (std::vector<std::string>{"SPD", "LTC"}));
        QCOMPARE(s.blend->rates, (std::map<std::string, double>{{"SPD", 1200.5}, {"LTC", 6400.0}}));
        QCOMPARE(s.blend->projectedMix, (std::map<std::string, double>{{"SPD", 0.8}, {"LTC", 0.2}}));
        QCOMPARE(s.blend->tolerance, 0.01);
        QCOMPARE(s.mlrRemittance.enabled, false);
        QCOMPARE(s.mlrRemittance.minimum, 0.85);
    }

    //! §1.5 "Defaults", §11 "(defaults shown)", §12: each number as the spec text states it.
    void defaultNumbers_data()
    {
        QTest::addColumn<double>("actual");
        QTest::addColumn<double>("expected");
        const Scenario s = read("{}");
        const auto row = [](const char* key, double actual, double expected) {
            QTest::newRow(key) << actual << expected;
        };
        row("trend.default.utilization", s.trend.defaultTrend.utilization, 0.0); // "trends 0"
        row("trend.default.unit_cost", s.trend.defaultTrend.unitCost, 0.0);
        row("risk_adjustment.enabled", s.riskAdjustment.enabled, false); // "risk adjustment disabled"
        row("truncation.enabled", s.truncation.enabled, false);          // "truncation disabled"
        row("truncation.threshold", s.truncation.threshold, 250000.0);   // "truncation.threshold 250,000"
        row("msr.rate", s.msr.rate, 0.0);
        row("msr.z", s.msr.z, 1.6449);
        row("msr.cv", s.msr.cv, 2.5);
        row("mlr.rate", s.mlr.rate, 0.0);
        row("quality.blend_weight", s.quality.blendWeight, 0.5);
        row("quality.improvement_max", s.quality.improvementMax, 90.0);
        row("quality.min_denominator", s.quality.minDenominator, 30.0);
        row("quality.min_measures", s.quality.minMeasures, 1.0);
        row("quality.gate.enabled", s.quality.gateEnabled, true); // "gate enabled with min_composite 0"
        row("quality.gate.min_composite", s.quality.minComposite, 0.0);
        row("tcc_trend_gate.enabled", s.tccTrendGate.enabled, false);
        row("tcc_trend_gate.max_trend", s.tccTrendGate.maxTrend, 0.05);
        row("appropriateness.enabled", s.appropriateness.enabled, false);
        row("appropriateness.max_denial_rate_increase", s.appropriateness.maxDenialRateIncrease, 0.02);
        row("appropriateness.max_grievance_rate_increase", s.appropriateness.maxGrievanceRateIncrease, 0.5);
        row("sharing.max_share", s.sharing.maxShare, 0.5);
        row("sharing.min_share", s.sharing.minShare, 0.0);
        row("sharing.quality_low", s.sharing.qualityLow, 0.0);
        row("sharing.quality_high", s.sharing.qualityHigh, 100.0);
        row("sharing.first_dollar", s.sharing.firstDollar, true);
        row("sharing.payment_reduction", s.sharing.paymentReduction, 0.0);
        row("losses.enabled", s.losses.enabled, false);
        row("losses.rate", s.losses.rate, 0.3);
        row("losses.rate_min", s.losses.rateMin, 0.4);
        row("losses.rate_max", s.losses.rateMax, 0.75);
        row("fmap.default", s.fmap.defaultRate, 0.5);
        row("projection.horizon", s.projection.horizon, 5.0);
        row("projection.enrollment_growth", s.projection.enrollmentGrowth, 0.0);
        row("projection.utilization_change.default", s.projection.utilizationChange.defaultRate, 0.0);
        // v2 (§11): no utilization change by default (by_cos empty: defaultCollections).
        row("projection.investment_pmpm", s.projection.investmentPmpm, 0.0);
        row("projection.rate_lag", s.projection.rateLag, 2.0); // §10 "lag default 2"
        row("projection.admin_load", s.projection.adminLoad, 0.08);
        row("projection.underwriting_gain", s.projection.underwritingGain, 0.02);
        row("projection.care_coordination_to_medical", s.projection.careCoordinationToMedical, false);
        row("mlr_remittance.enabled", s.mlrRemittance.enabled, false);
        row("mlr_remittance.minimum", s.mlrRemittance.minimum, 0.85);
        // Sharecast's own keys (docs/methodology.md): federal limits with their CFR values.
        row("federal_limits.enabled", s.federalLimits.enabled, false);
        row("federal_limits.incentive_max", s.federalLimits.incentiveMax, 0.05);      // 42 CFR 438.6(b)(2)
        row("federal_limits.ilos_max", s.federalLimits.ilosMax, 0.05);                // 42 CFR 438.16(c)
        row("federal_limits.ilos_evaluation", s.federalLimits.ilosEvaluation, 0.015); // 42 CFR 438.16(e)
    }
    void defaultNumbers()
    {
        QFETCH(double, actual);
        QFETCH(double, expected);
        QVERIFY2(actual == expected,
                 qPrintable(
                     QStringLiteral("actual %1, spec %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }

    void defaultChoices_data()
    {
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("expected");
        const Scenario s = read("{}");
        QTest::newRow("msr.method") << toString(s.msr.method) << "none";
        QTest::newRow("mlr.method") << (s.mlr.sameAsMsr ? "same_as_msr" : toString(s.mlr.method))
                                    << "same_as_msr";
        QTest::newRow("quality.scoring") << toString(s.quality.scoring) << "max";
        QTest::newRow("appropriateness.action") << toString(s.appropriateness.action) << "flag";
        QTest::newRow("savings_basis") << toString(s.savingsBasis) << "tcc";
        QTest::newRow("sharing.quality_scaling") << toString(s.sharing.qualityScaling) << "none";
        QTest::newRow("losses.rate_method") << toString(s.losses.rateMethod) << "fixed";
        QTest::newRow("payment_model") << toString(s.paymentModel) << "ffs"; // §9 v2
        QTest::newRow("sharing.rate_on_failed_gate")
            << toString(s.sharing.rateOnFailedGate) << "scaled"; // §8 v2
        QTest::newRow("name") << QString::fromStdString(s.name) << "";
        QTest::newRow("description") << QString::fromStdString(s.description) << "";
    }
    void defaultChoices()
    {
        QFETCH(QString, actual);
        QFETCH(QString, expected);
        QCOMPARE(actual, expected);
    }

    void defaultCollections()
    {
        const Scenario s = read("{}");
        QVERIFY(!s.performanceYear.has_value()); // from --year
        QVERIFY(s.baseline.years.empty());       // [Y − 1] with weight 1, applied by effectiveBaseline
        QVERIFY(s.baseline.weights.empty());
        QCOMPARE(s.effectiveBaseline(2024).years, std::vector<Year>{2023});
        QCOMPARE(s.effectiveBaseline(2024).weights, std::vector<double>{1.0});
        QVERIFY(!s.includedCos.has_value()); // included_cos null, excluded_cos []
        QVERIFY(s.excludedCos.empty());
        QVERIFY(s.trend.byCos.empty());
        QVERIFY(s.trend.byRateCell.empty());
        QVERIFY(s.programChanges.empty());
        QVERIFY(!s.riskAdjustment.capUp.has_value());
        QVERIFY(!s.riskAdjustment.capDown.has_value());
        QVERIFY(s.quality.measures.empty());
        QVERIFY(s.resourceUse.empty());
        QVERIFY(s.sharing.tiers.empty());
        QVERIFY(!s.sharing.cap.has_value());
        QVERIFY(!s.losses.cap.has_value());
        QVERIFY(s.fmap.byRateCell.empty());
        QVERIFY(!s.projection.startYear.has_value());
        QVERIFY(!s.projection.qualityPath.has_value());
        QVERIFY(s.projection.utilizationChange.byCos.empty()); // v2 (§11)
        QVERIFY(s.newBenefits.empty());
        QVERIFY(s.corridors.empty());
        QVERIFY(!s.blend.has_value());
        // Inside a measure: weight 1, direction higher, gate_min null.
        // Inside a resource-use measure: exposure member_years, per 1000, direction lower.
        const Scenario m =
            read(R"({"quality": {"measures": [{"id": "A", "threshold": 0.1, "benchmark": 0.2}]},
            "resource_use": {"measures": [{"id": "r", "numerator": "util_x", "unit_cost": 5}]}})");
        QCOMPARE(m.quality.measures[0].weight, 1.0);
        QCOMPARE(m.quality.measures[0].direction, Direction::Higher);
        QVERIFY(!m.quality.measures[0].gateMin.has_value());
        QCOMPARE(m.quality.measures[0].name, std::string());
        QCOMPARE(m.resourceUse[0].exposure, std::string("member_years"));
        QCOMPARE(m.resourceUse[0].per, 1000.0);
        QCOMPARE(m.resourceUse[0].direction, Direction::Lower);
        // Program change: cos and rate_cells default to null (every COS, every cell).
        const Scenario pc = read(R"({"program_changes": [{"effective_year": 2023, "factor": 1.1}]})");
        QVERIFY(!pc.programChanges[0].cos.has_value());
        QVERIFY(!pc.programChanges[0].rateCells.has_value());
        // An empty object equals the default-constructed scenario as well.
        QVERIFY(s == Scenario{});
    }

    void partialObjects()
    {
        Scenario s = read(R"({"sharing": {"max_share": 0.4}})");
        QCOMPARE(s.sharing.maxShare, 0.4);
        Scenario expected;
        expected.sharing.maxShare = 0.4;
        QVERIFY(s == expected);

        s = read(R"({"quality": {"gate": {"min_composite": 50}}})");
        QCOMPARE(s.quality.gateEnabled, true);
        QCOMPARE(s.quality.minComposite, 50.0);
        QCOMPARE(s.quality.minDenominator, 30);

        s = read(R"({"msr": {"method": "confidence"}, "mlr": {"rate": 0.01}})");
        QCOMPARE(s.msr.method, ThresholdMethod::Confidence);
        QCOMPARE(s.msr.z, 1.6449);
        QCOMPARE(s.mlr.sameAsMsr, true);
        QCOMPARE(s.mlr.rate, 0.01);

        s = read(R"({"mlr": {"method": "mssp_table"}})");
        QCOMPARE(s.mlr.sameAsMsr, false);
        QCOMPARE(s.mlr.method, ThresholdMethod::MsspTable);

        s = read(R"({"projection": {"horizon": 3, "utilization_change": {"default": -0.01}}})");
        QCOMPARE(s.projection.horizon, 3);
        QCOMPARE(s.projection.utilizationChange.defaultRate, -0.01);
        QVERIFY(s.projection.utilizationChange.byCos.empty()); // the v2 default: no change by COS
        QCOMPARE(s.projection.adminLoad, 0.08);

        s = read(R"({"risk_adjustment": {"enabled": true}, "blend": {"tolerance": 0.1}})");
        QCOMPARE(s.riskAdjustment.enabled, true);
        QVERIFY(!s.riskAdjustment.capUp.has_value());
        QVERIFY(s.blend.has_value());
        QCOMPARE(s.blend->tolerance, 0.1);
        QVERIFY(s.blend->rates.empty());

        s = read(R"({"blend": null, "performance_year": null, "sharing": {"cap": null}})");
        QVERIFY(!s.blend.has_value());
        QVERIFY(!s.performanceYear.has_value());

        s = read(R"({"baseline": {"years": [2022, 2023]}, "performance_year": 2024})");
        QVERIFY(s.baseline.weights.empty());
        QCOMPARE(s.effectiveBaseline(2024).weights, (std::vector<double>{0.5, 0.5}));
    }

    void replacedWholesale()
    {
        // Maps keyed by data and lists replace the default; they are not merged into it.
        Scenario s = read(R"({"projection": {"utilization_change": {"by_cos": {"pharmacy": -0.01}}}})");
        QCOMPARE(s.projection.utilizationChange.byCos, (std::map<std::string, double>{{"pharmacy", -0.01}}));
        s = read(R"({"projection": {"utilization_change": {"by_cos": {}}}})");
        QVERIFY(s.projection.utilizationChange.byCos.empty());

        // A trend entry replaces the whole pair: the missing component is 0, not the default's.
        s = read(R"({"trend": {"default": {"utilization": 0.02, "unit_cost": 0.03},
                              "by_cos": {"inpatient": {"unit_cost": 0.04}},
                              "by_rate_cell": {"SPD": {"by_cos": {"ltc": {"utilization": 0.05}}}}}})");
        QCOMPARE(s.trend.byCos.at("inpatient"), (TrendPair{0.0, 0.04}));
        QCOMPARE(s.trendFor("Adult", "inpatient"), (TrendPair{0.0, 0.04}));
        QCOMPARE(s.trendFor("SPD", "ltc"), (TrendPair{0.05, 0.0}));
        QVERIFY(!s.trend.byRateCell.at("SPD").defaultTrend.has_value());
        QCOMPARE(s.trendFor("SPD", "pharmacy"), (TrendPair{0.02, 0.03})); // falls through to default
        s = read(R"({"trend": {"default": {"unit_cost": 0.03}}})");
        QCOMPARE(s.trend.defaultTrend, (TrendPair{0.0, 0.03}));

        s = read(R"({"fmap": {"by_rate_cell": {"Adult": 0.6}}})");
        QCOMPARE(s.fmap.byRateCell, (std::map<std::string, double>{{"Adult", 0.6}}));
        QCOMPARE(s.fmap.defaultRate, 0.5);

        // included_cos: null vs []: null is every COS, [] is none.
        s = read(R"({"included_cos": []})");
        QVERIFY(s.includedCos.has_value() && s.includedCos->empty());
        QVERIFY(!s.includesCos("inpatient"));
        s = read(R"({"included_cos": null})");
        QVERIFY(s.includesCos("inpatient"));
        s = read(R"({"program_changes": [
            {"cos": null, "rate_cells": [], "effective_year": 2023, "factor": 0.9}]})");
        QVERIFY(!s.programChanges[0].cos.has_value());
        QVERIFY(s.programChanges[0].rateCells.has_value() && s.programChanges[0].rateCells->empty());
    }

    //! by_year (docs/methodology.md, "Program years"): each override read over the base by the
    //! §1.5 merging rules, kept as compact JSON, and merged by scenarioForYear().
    void yearOverrides()
    {
        const Scenario s = read(R"({
          "performance_year": 2024,
          "sharing": {"max_share": 0.5, "quality_scaling": "tiers",
                      "tiers": [{"min_score": 0, "share": 0.2}, {"min_score": 50, "share": 0.4}]},
          "fmap": {"default": 0.6, "by_rate_cell": {"ACA Expansion": 0.9}},
          "program_changes": [{"cos": "ltc", "effective_year": 2023, "factor": 1.1}],
          "by_year": {
            "2024": {"sharing": {"tiers": [{"min_score": 0, "share": 0.1}]}},
            "2023": {"sharing": {"cap": 0.02}, "fmap": {"by_rate_cell": {"SPD": 0.7}}, "program_changes": []}
          }})");
        QCOMPARE(s.byYear.size(), std::size_t{2});
        QCOMPARE(QString::fromStdString(s.byYear.at(2023)),
                 QStringLiteral(R"({"sharing": {"cap": 0.02}, "fmap": {"by_rate_cell": {"SPD": 0.7}}, )"
                                R"("program_changes": []})"));
        QCOMPARE(QString::fromStdString(s.byYear.at(2024)),
                 QStringLiteral(R"({"sharing": {"tiers": [{"min_score": 0, "share": 0.1}]}})"));

        const Scenario y2023 = scenarioForYear(s, 2023);
        QVERIFY(y2023.performanceYear == std::optional<Year>(2023));
        QVERIFY(y2023.byYear.empty());
        QVERIFY(y2023.sharing.cap == std::optional<double>(0.02));     // given
        QCOMPARE(y2023.sharing.tiers.size(), std::size_t{2});          // kept (sharing partly given)
        QCOMPARE(y2023.sharing.qualityScaling, QualityScaling::Tiers); // kept
        QCOMPARE(y2023.fmap.defaultRate, 0.6);                         // kept (fmap partly given)
        QCOMPARE(y2023.fmap.byRateCell, (std::map<std::string, double>{{"SPD", 0.7}})); // map replaced
        QVERIFY(y2023.programChanges.empty());                                          // list replaced

        const Scenario y2024 = scenarioForYear(s, 2024);
        QVERIFY(y2024.sharing.tiers == (std::vector<SharingTier>{{0.0, 0.1}})); // list replaced
        QVERIFY(!y2024.sharing.cap.has_value());
        QCOMPARE(y2024.fmap.byRateCell, (std::map<std::string, double>{{"ACA Expansion", 0.9}}));
        QCOMPARE(y2024.programChanges.size(), std::size_t{1});

        // A year without an override: the base with that performance year and no by_year.
        Scenario expected = s;
        expected.byYear.clear();
        expected.performanceYear = 2025;
        QVERIFY(scenarioForYear(s, 2025) == expected);
        const std::vector<Scenario> program = scenariosForYears(s, {2023, 2024, 2025});
        QCOMPARE(program.size(), std::size_t{3});
        QVERIFY(program[0] == y2023 && program[1] == y2024 && program[2] == expected);

        // The round trip keeps the overrides, and the writer spells them out under by_year.
        const QByteArray written = writeScenarioJson(s);
        QVERIFY(read(written) == s);
        QVERIFY(
            written.contains("\"by_year\": {\n    \"2023\": {\n      \"sharing\": {\n        \"cap\": 0.02"));

        // An override that a later edit of the base makes invalid is named when it is used.
        Scenario edited = s;
        edited.baseline.years = {2023};
        try {
            scenarioForYear(edited, 2023);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.where().column), QStringLiteral("by_year.2023.baseline.years"));
            QCOMPARE(e.where().line, 0L);
        }
    }

    void byteOrderMark()
    {
        const Scenario s = read("\xEF\xBB\xBF{\"name\": \"BOM\"}");
        QCOMPARE(s.name, std::string("BOM"));
        try {
            read("\xEF\xBB\xBF{\n\"nmae\": 1}");
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 2L);
        }
    }

    // ---- the scenario: errors ------------------------------------------------------------------

    void regionalRates()
    {
        // The issue's form; absent keys take their defaults (blend 1, no adjustments, budget neutral).
        const Scenario s =
            read(R"({"regional_rates": {"regions": {"Bay Area": ["Alameda", "Marin"], "Sur": ["Kern"]},
                                    "adjustments": {"Alameda": 1.02}}})");
        QVERIFY(s.regionalRates.has_value());
        const RegionalRatesSpec& r = *s.regionalRates;
        QCOMPARE(r.regions.size(), std::size_t{2});
        QCOMPARE(r.regions.at("Bay Area"), (std::vector<std::string>{"Alameda", "Marin"}));
        QCOMPARE(r.regions.at("Sur"), (std::vector<std::string>{"Kern"}));
        QCOMPARE(r.blend, 1.0);
        QCOMPARE(r.adjustments.at("Alameda"), 1.02);
        QCOMPARE(r.adjustments.size(), std::size_t{1});
        QVERIFY(r.budgetNeutral);
        QVERIFY(read(R"({"regional_rates": {"regions": {}, "blend": 0.25, "budget_neutral": false}})")
                    .regionalRates->blend == 0.25);
        // null and absent: not configured.
        QVERIFY(!read(R"({"regional_rates": null})").regionalRates);
        QVERIFY(!read("{}").regionalRates);
        // Written back in full and read again unchanged.
        QVERIFY(read(writeScenarioJson(s)) == s);
        QVERIFY(writeScenarioJson(s).contains(
            "  \"regional_rates\": {\n    \"regions\": {\n      \"Bay Area\": [\"Alameda\", \"Marin\"],\n"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value"); // "-" when the error shows no value
        QTest::addColumn<QString>("reason");

        // JSON syntax, seen through the scenario reader.
        addError("missing comma", lines({"{", R"(  "name": "x")", R"(  "performance_year": 2024)", "}"}), 3,
                 "name", R"("performance_year")", "expected ',' or '}'");
        addError("trailing comma", lines({"{", R"(  "name": "x",)", "}"}), 3, "", "}", "expected a key");
        addError("trailing garbage", lines({"{}", "x"}), 2, "", "x", "after the end");
        addError("comment", lines({"{", "  // note", "}"}), 2, "", "/", "expected a key");
        addError("single quotes", lines({"{'name': 'x'}"}), 1, "", "'", "expected a key");
        addError("invalid escape", lines({"{", R"(  "name": "a\qb")", "}"}), 2, "name", "\\q",
                 "not a valid escape");
        addError("raw line break in string", lines({"{", R"(  "name": "a)", R"(b"})"}), 2, "name",
                 "byte 0x0A", "control character");
        addError("not finite", lines({"{", R"(  "sharing": {"cap": 1e400})", "}"}), 2, "sharing.cap", "1e400",
                 "not finite");
        addError("NaN", lines({R"({"msr": {"rate": NaN}})"}), 1, "msr.rate", "NaN", "expected a JSON value");
        addError("-Infinity", lines({"{", R"(  "tcc_trend_gate": {"max_trend": -Infinity}})"}), 2,
                 "tcc_trend_gate.max_trend", "-Infinity", "not a valid number");
        addError("leading zero", lines({R"({"projection": {"horizon": 05}})"}), 1, "projection.horizon", "05",
                 "leading zeros");
        addError("empty file", QByteArray(), 1, "", "-", "empty");
        addError("top level not an object", lines({"[]"}), 1, "", "[...]", "expected an object");
        addError("deep nesting", QByteArray("{\"quality_path\": " + QByteArray(300, '[')), 1,
                 QString("quality_path" + QStringLiteral("[0]").repeated(199)), "[",
                 "nested deeper than 200");

        // Keys given twice.
        addError("duplicate key", lines({"{", R"(  "name": "a",)", R"(  "name": "b")", "}"}), 3, "name",
                 "name", "given twice");
        addError("duplicate nested key",
                 lines({"{", R"(  "sharing": {)", R"(    "max_share": 0.4,)", R"(    "cap": null,)",
                        R"(    "max_share": 0.3)", "  }", "}"}),
                 5, "sharing.max_share", "max_share", "given twice");
        addError("duplicate data key",
                 lines({"{", R"(  "fmap": {"by_rate_cell": {"SPD": 0.5,)", R"(    "SPD": 0.6}}}})"}), 3,
                 "fmap.by_rate_cell.SPD", "SPD", "given twice");

        // Unknown keys at any depth.
        addError("unknown top-level key", lines({"{", R"(  "nmae": "x")", "}"}), 2, "nmae", "nmae",
                 "unknown key");
        addError("unknown nested key",
                 lines({"{", R"(  "sharing": {)", R"(    "max_shar": 0.4)", "  }", "}"}), 3,
                 "sharing.max_shar", "max_shar", "unknown key");
        addError("unknown key in a measure",
                 lines({"{", R"(  "quality": { "measures": [)",
                        R"(    { "id": "A", "threshold": 0.1, "benchmark": 0.2 },)",
                        R"(    { "id": "B", "benchmark": 0.2,)", R"(      "treshold": 0.1 })", "  ] }", "}"}),
                 5, "quality.measures[1].treshold", "treshold", "unknown key");
        addError("unknown key in a trend pair",
                 lines({R"({"trend": {"by_cos": {"inpatient": {"unit_costs": 0.1}}}})"}), 1,
                 "trend.by_cos.inpatient.unit_costs", "unit_costs", "unknown key");
        addError("unknown key in a rate cell",
                 lines({"{", R"( "trend": {"by_rate_cell": {"SPD": {)", R"(   "by_coss": {}}}}})"}), 3,
                 "trend.by_rate_cell.SPD.by_coss", "by_coss", "unknown key");
        addError("unknown key in a band",
                 lines({R"({"corridors": [{"cos": "ecm", "target_pmpm": 10, "bands": [)",
                        R"(  {"from": 0, "state_share": 0.5, "too": 0.1}]}]})"}),
                 2, "corridors[0].bands[0].too", "too", "unknown key");
        addError("resource_use as a list", lines({R"({"resource_use": []})"}), 1, "resource_use", "[...]",
                 "expected an object");
        addError("unknown key in resource_use", lines({R"({"resource_use": {"measure": []}})"}), 1,
                 "resource_use.measure", "measure", "unknown key");
        addError("gate_min at quality level", lines({R"({"quality": {"gate": {"min": 1}}})"}), 1,
                 "quality.gate.min", "min", "unknown key");

        // null where an object (or a non-nullable value) is expected.
        addError("null object", lines({"{", R"(  "sharing": null)", "}"}), 2, "sharing", "null",
                 "expected an object, found null");
        addError("null gate", lines({R"({"quality": {"gate": null}})"}), 1, "quality.gate", "null",
                 "expected an object, found null");
        addError("null trend entry", lines({R"({"trend": {"by_cos": {"inpatient": null}}})"}), 1,
                 "trend.by_cos.inpatient", "null", "expected an object, found null");
        addError("null rate-cell default",
                 lines({R"({"trend": {"by_rate_cell": {"SPD": {"default": null}}}})"}), 1,
                 "trend.by_rate_cell.SPD.default", "null", "expected an object, found null");
        addError("null measure", lines({R"({"quality": {"measures": [null]}})"}), 1, "quality.measures[0]",
                 "null", "expected an object, found null");
        addError("null max_share", lines({R"({"sharing": {"max_share": null}})"}), 1, "sharing.max_share",
                 "null", "expected a number, found null");
        addError("null excluded_cos", lines({R"({"excluded_cos": null})"}), 1, "excluded_cos", "null",
                 "expected an array, found null");
        addError("null tiers", lines({R"({"sharing": {"tiers": null}})"}), 1, "sharing.tiers", "null",
                 "expected an array, found null");
        addError("null mlr_remittance", lines({R"({"mlr_remittance": null})"}), 1, "mlr_remittance", "null",
                 "expected an object, found null");

        // Wrong types.
        addError("string for number", lines({"{", R"(  "sharing": {"max_share": "0.5"}})"}), 2,
                 "sharing.max_share", R"("0.5")", "expected a number, found a string");
        addError("bool for number", lines({R"({"msr": {"rate": false}})"}), 1, "msr.rate", "false",
                 "expected a number, found a boolean");
        addError("number for bool", lines({R"({"risk_adjustment": {"enabled": 1}})"}), 1,
                 "risk_adjustment.enabled", "1", "expected a boolean, found a number");
        addError("number for string", lines({R"({"name": 5})"}), 1, "name", "5",
                 "expected a string, found a number");
        addError("object for list", lines({R"({"excluded_cos": {}})"}), 1, "excluded_cos", "{...}",
                 "expected an array, found an object");
        addError("list for object", lines({R"({"trend": []})"}), 1, "trend", "[...]",
                 "expected an object, found an array");
        addError("number in a name list", lines({"{", R"(  "excluded_cos": ["ltc",)", "    3]", "}"}), 3,
                 "excluded_cos[1]", "3", "expected a string, found a number");
        addError("string in quality_path", lines({R"({"projection": {"quality_path": [90, "95"]}})"}), 1,
                 "projection.quality_path[1]", R"("95")", "expected a number, found a string");
        addError("string for fmap", lines({R"({"fmap": {"by_rate_cell": {"SPD": "0.5"}}})"}), 1,
                 "fmap.by_rate_cell.SPD", R"("0.5")", "expected a number");
        addError("string for method object", lines({R"({"msr": "fixed"})"}), 1, "msr", R"("fixed")",
                 "expected an object, found a string");
        addError("number for enum", lines({R"({"savings_basis": 1})"}), 1, "savings_basis", "1",
                 "expected a string, found a number");
        addError("empty COS name", lines({R"({"excluded_cos": [""]})"}), 1, "excluded_cos[0]", R"("")",
                 "must not be empty");
        addError("empty by_cos key", lines({"{", R"( "trend": {"by_cos": {)", R"(  "": {}}}})"}), 3,
                 "trend.by_cos", "-", "must not be empty");

        // Integers where a fraction is given.
        addError("fractional performance_year", lines({"{", R"(  "performance_year": 2024.5)", "}"}), 2,
                 "performance_year", "2024.5", "whole number");
        addError("fractional baseline year", lines({R"({"baseline": {"years": [2021, 2022.5]}})"}), 1,
                 "baseline.years[1]", "2022.5", "whole number");
        addError("fractional horizon", lines({R"({"projection": {"horizon": 2.5}})"}), 1,
                 "projection.horizon", "2.5", "whole number");
        addError("fractional rate_lag", lines({R"({"projection": {"rate_lag": 1.5}})"}), 1,
                 "projection.rate_lag", "1.5", "whole number");
        addError("fractional start_year", lines({R"({"projection": {"start_year": 2023.01}})"}), 1,
                 "projection.start_year", "2023.01", "whole number");
        addError("fractional min_denominator", lines({R"({"quality": {"min_denominator": 30.5}})"}), 1,
                 "quality.min_denominator", "30.5", "whole number");
        addError("fractional min_measures", lines({R"({"quality": {"min_measures": 1.2}})"}), 1,
                 "quality.min_measures", "1.2", "whole number");
        addError("fractional effective_year",
                 lines({R"({"program_changes": [{"effective_year": 2023.5, "factor": 1}]})"}), 1,
                 "program_changes[0].effective_year", "2023.5", "whole number");
        addError("integer out of range", lines({R"({"performance_year": 1e12})"}), 1, "performance_year",
                 "1e12", "out of range");

        // Spellings of the enumerations.
        addError("msr.method", lines({R"({"msr": {"method": "fixd"}})"}), 1, "msr.method", R"("fixd")",
                 "none, fixed, elected, confidence, mssp_table");
        addError("mlr.method", lines({R"({"mlr": {"method": "sameasmsr"}})"}), 1, "mlr.method",
                 R"("sameasmsr")", "same_as_msr, none, fixed");
        addError("quality.scoring", lines({R"({"quality": {"scoring": "average"}})"}), 1, "quality.scoring",
                 R"("average")", "attainment, improvement, max, blend");
        addError("measure direction",
                 lines({R"({"quality": {"measures": [{"id": "A", "direction": "up",)",
                        R"(  "threshold": 0.1, "benchmark": 0.2}]}})"}),
                 1, "quality.measures[0].direction", R"("up")", "higher, lower");
        addError("appropriateness.action", lines({R"({"appropriateness": {"action": "block"}})"}), 1,
                 "appropriateness.action", R"("block")", "flag, ineligible");
        addError("savings_basis", lines({R"({"savings_basis": "TCC"})"}), 1, "savings_basis", R"("TCC")",
                 "tcc, resource_use");
        addError("quality_scaling", lines({R"({"sharing": {"quality_scaling": "linearly"}})"}), 1,
                 "sharing.quality_scaling", R"("linearly")", "none, multiply, tiers, linear");
        addError("rate_method", lines({R"({"losses": {"rate_method": "fixed "}})"}), 1, "losses.rate_method",
                 R"("fixed ")", "fixed, one_minus_sharing");

        // Required keys.
        addError("measure without threshold",
                 lines({"{", R"(  "quality": {"measures": [)", R"(    {"id": "A", "benchmark": 0.2}]}})"}), 3,
                 "quality.measures[0].threshold", "-", "required key is missing");
        addError("measure without id",
                 lines({R"({"quality": {"measures": [{"threshold": 0.1, "benchmark": 0.2}]}})"}), 1,
                 "quality.measures[0].id", "-", "required key is missing");
        addError("resource-use measure without unit_cost",
                 lines({R"({"resource_use": {"measures": [{"id": "r", "numerator": "util_x"}]}})"}), 1,
                 "resource_use.measures[0].unit_cost", "-", "required key is missing");
        addError("program change without factor",
                 lines({R"({"program_changes": [{"effective_year": 2023}]})"}), 1,
                 "program_changes[0].factor", "-", "required key is missing");
        addError("tier without share", lines({R"({"sharing": {"tiers": [{"min_score": 50}]}})"}), 1,
                 "sharing.tiers[0].share", "-", "required key is missing");

        // Out of range (Scenario::validate(), located by the reader).
        addError("weights not summing to 1",
                 lines({"{", R"(  "performance_year": 2024,)", R"(  "baseline": {)",
                        R"(    "years": [2022, 2023],)", R"(    "weights": [0.5, 0.4])", "  }", "}"}),
                 5, "baseline.weights", "0.9", "must sum to 1");
        addError("negative weight",
                 lines({R"({"baseline": {"years": [2022, 2023],)", R"( "weights": [1.5, -0.5]}})"}), 2,
                 "baseline.weights", "-0.5", "must not be negative");
        addError("baseline year not before Y",
                 lines({R"({"performance_year": 2024,)", R"( "baseline": {"years": [2024]}})"}), 2,
                 "baseline.years", "2024", "before the performance year");
        addError("share above 1", lines({"{", R"(  "sharing": {)", R"(    "max_share": 1.5)", "  }", "}"}), 3,
                 "sharing.max_share", "1.5", "[0, 1]");
        addError(
            "trend at -1",
            lines({"{", R"(  "trend": { "by_cos": { "inpatient": {)", R"(    "utilization": -1 } } })", "}"}),
            3, "trend.by_cos.inpatient.utilization", "-1", "greater than -1");
        addError("trend below -1 in a rate cell",
                 lines({"{", R"( "trend": {"by_rate_cell": {"SPD/Dual": {"default":)",
                        R"(   {"unit_cost": -1.5}}}}})"}),
                 3, "trend.by_rate_cell.SPD/Dual.default.unit_cost", "-1.5", "greater than -1");
        addError("threshold above benchmark (higher)",
                 lines({"{", R"(  "quality": {"measures": [)",
                        R"(    {"id": "A", "threshold": 0.1, "benchmark": 0.2},)", R"(    {"id": "B",)",
                        R"(     "threshold": 0.5, "benchmark": 0.4}]}})"}),
                 5, "quality.measures[1].threshold", "0.5", "threshold must be below the benchmark");
        addError("threshold below benchmark (lower)",
                 lines({R"({"quality": {"measures": [{"id": "A", "direction": "lower",)",
                        R"(  "threshold": 0.1, "benchmark": 0.2}]}})"}),
                 2, "quality.measures[0].threshold", "0.1", "threshold must be above the benchmark");
        addError("duplicate measure id",
                 lines({R"({"quality": {"measures": [{"id": "A", "threshold": 0.1, "benchmark": 0.2},)",
                        R"(  {"id": "A", "threshold": 0.1, "benchmark": 0.2}]}})"}),
                 2, "quality.measures[1].id", "-", "duplicate measure id");
        addError("duplicate tier score",
                 lines({R"({"sharing": {"tiers": [{"min_score": 50, "share": 0.1},)",
                        R"(  {"min_score": 50, "share": 0.2}]}})"}),
                 2, "sharing.tiers[1].min_score", "50", "duplicate tier score");
        addError("included and excluded",
                 lines({"{", R"( "included_cos": ["ecm"],)", R"( "excluded_cos": ["ltc"]})"}), 2,
                 "included_cos", "-", "cannot both be non-empty");
        addError("fmap above 1", lines({R"({"fmap": {)", R"(  "by_rate_cell": {"ACA Expansion": 1.2}}})"}), 2,
                 "fmap.by_rate_cell.ACA Expansion", "1.2", "[0, 1]");
        addError("mix not summing to 1",
                 lines({R"({"blend": {"rate_cells": ["SPD"], "rates": {"SPD": 10},)",
                        R"(  "projected_mix": {"SPD": 0.7}}})"}),
                 2, "blend.projected_mix", "0.7", "must sum to 1");
        addError("band to below from",
                 lines({R"({"corridors": [{"cos": "ecm", "target_pmpm": 10, "bands": [)",
                        R"(  {"from": 0.05, "to": 0.02, "state_share": 0.5}]}]})"}),
                 2, "corridors[0].bands[0].to", "0.02", "above 'from'");
        addError("horizon 0", lines({R"({"projection": {)", R"(  "horizon": 0}})"}), 2, "projection.horizon",
                 "0", "between 1 and 50");
        // The key validate() names is absent from the file: the deepest key that is there.
        // v2 and issue-16 keys.
        addError("payment model misspelt", lines({"{", R"(  "payment_model": "capitated"})"}), 2,
                 "payment_model", R"("capitated")", "ffs");
        addError("rate on failed gate misspelt",
                 lines({R"({"sharing": {)", R"(  "rate_on_failed_gate": "none"}})"}), 2,
                 "sharing.rate_on_failed_gate", R"("none")", "zero");
        addError(
            "new benefit on an excluded COS",
            lines({R"({"excluded_cos": ["ecm"], "new_benefits": [)",
                   R"(  {"cos": "ecm", "price_year": 2022, "pmpm": {"all": 6}, "take_up": {"2022": 1}}]})"}),
            2, "new_benefits[0].cos", "ecm", "must be included");
        addError("new benefit take-up keyed by a word",
                 lines({R"({"new_benefits": [{"cos": "ecm", "price_year": 2022, "pmpm": {"all": 6},)",
                        R"(  "take_up": {"first": 0.3}}]})"}),
                 2, "new_benefits[0].take_up.first", "first", "keyed by a year");
        addError("new benefit take-up above 1",
                 lines({R"({"new_benefits": [{"cos": "ecm", "price_year": 2022, "pmpm": {"all": 6},)",
                        R"(  "take_up": {"2023": 1.5}}]})"}),
                 2, "new_benefits[0].take_up.2023", "1.5", "[0, 1]");
        addError("new benefit without a price year",
                 lines({R"({"new_benefits": [{"cos": "ecm", "pmpm": {"all": 6},)",
                        R"(  "take_up": {"2023": 1}}]})"}),
                 1, "new_benefits[0].price_year", "-", "required key is missing");
        addError("new benefit unknown key",
                 lines({R"({"new_benefits": [{"cos": "ecm", "price_year": 2022, "pmpm": {"all": 6},)",
                        R"(  "take_up": {"2023": 1}, "ramp": 2}]})"}),
                 2, "new_benefits[0].ramp", "ramp", "unknown key");
        addError("federal incentive limit above 1",
                 lines({R"({"federal_limits": {)", R"(  "incentive_max": 1.05}})"}), 2,
                 "federal_limits.incentive_max", "1.05", "[0, 1]");
        // Regional rates: strict like every key.
        addError("regional_rates unknown key",
                 lines({"{", R"(  "regional_rates": {"regions": {"N": ["A"]},)", R"(    "blnd": 0.5}})"}), 3,
                 "regional_rates.blnd", "blnd", "unknown key");
        addError("regional_rates without regions", lines({"{", R"(  "regional_rates": {"blend": 0.5}})"}), 2,
                 "regional_rates.regions", "-", "a required key is missing");
        addError("regional_rates county not a name",
                 lines({"{", R"(  "regional_rates": {"regions": {"N": ["A", 3]}}})"}), 2,
                 "regional_rates.regions.N[1]", "3", "expected a string");
        addError("regional_rates county in two regions",
                 lines({"{", R"(  "regional_rates": {"regions": {)", R"(    "N": ["A", "B"],)",
                        R"(    "S": ["B"]}}})"}),
                 4, "regional_rates.regions.S", "-", "county 'B' is in two regions, 'N' and 'S'");
        addError("regional_rates blend above 1",
                 lines({"{", R"(  "regional_rates": {"regions": {"N": ["A"]},)", R"(    "blend": 1.5}})"}), 3,
                 "regional_rates.blend", "1.5", "must lie in [0, 1]");
        addError("regional_rates adjustment zero",
                 lines({"{", R"(  "regional_rates": {"regions": {"N": ["A"]},)",
                        R"(    "adjustments": {"A": 0}}})"}),
                 3, "regional_rates.adjustments.A", "0", "an adjustment must be positive");
        addError(
            "regional_rates budget_neutral not a flag",
            lines({"{", R"(  "regional_rates": {"regions": {"N": ["A"]},)", R"(    "budget_neutral": 1}})"}),
            3, "regional_rates.budget_neutral", "1", "expected a boolean");
        addError("admin load plus gain at default",
                 lines({"{", R"(  "projection": {)", R"(    "underwriting_gain": 0.95}})"}), 2,
                 "projection.admin_load", "0.08", "below 1");

        // by_year (docs/methodology.md, "Program years"): keys are years, overrides validate for
        // their year merged over the base, and errors name the path inside by_year.
        // assumption_sources (ASOP 41/56): keyed by a top-level assumption group, each with
        // source and owner texts only.
        addError("assumption source of an unknown group",
                 lines({R"({"assumption_sources": {)", R"(  "trends": {"owner": "x"}}})"}), 2,
                 "assumption_sources.trends", "trends", "not an assumption group");
        addError("assumption source of the scenario's name",
                 lines({R"({"assumption_sources": {"name": {}}})"}), 1, "assumption_sources.name", "name",
                 "not an assumption group");
        addError("assumption source with an unknown key",
                 lines({R"({"assumption_sources": {"trend": {"who": "x"}}})"}), 1,
                 "assumption_sources.trend.who", "who", "unknown key");
        addError("assumption source not text", lines({R"({"assumption_sources": {"trend": {"owner": 3}}})"}),
                 1, "assumption_sources.trend.owner", "3", "");
        addError("assumption sources in a program year",
                 lines({R"({"by_year": {"2023": {"assumption_sources": {}}}})"}), 1,
                 "by_year.2023.assumption_sources", "-", "cannot set assumption_sources");
        addError("by_year key not a year", lines({R"({"by_year": {)", R"(  "next": {}}})"}), 2,
                 "by_year.next", "next", "must be a year");
        addError("by_year key with a leading zero", lines({R"({"by_year": {"02023": {}}})"}), 1,
                 "by_year.02023", "02023", "must be a year");
        addError("by_year not an object", lines({R"({"by_year": [2023]})"}), 1, "by_year", "[...]",
                 "expected an object");
        addError("override not an object", lines({R"({"by_year": {"2023": 0.4}})"}), 1, "by_year.2023", "0.4",
                 "expected an object");
        addError("override names the scenario", lines({R"({"by_year": {"2023": {)", R"(  "name": "x"}}})"}),
                 2, "by_year.2023.name", "-", "cannot set name");
        addError("override sets the performance year",
                 lines({R"({"by_year": {"2023": {)", R"(  "performance_year": 2023}}})"}), 2,
                 "by_year.2023.performance_year", "-", "cannot set performance_year");
        addError("override nests by_year", lines({R"({"by_year": {"2023": {"by_year": {}}}})"}), 1,
                 "by_year.2023.by_year", "-", "cannot set by_year");
        addError("unknown key in an override",
                 lines({R"({"by_year": {"2023": {)", R"(  "sharing": {"maxshare": 1}}}})"}), 2,
                 "by_year.2023.sharing.maxshare", "maxshare", "unknown key");
        addError("override value out of range",
                 lines({R"({"by_year": {)", R"(  "2024": {"sharing": {)", R"(    "max_share": 1.5}}}})"}), 3,
                 "by_year.2024.sharing.max_share", "1.5", "[0, 1]");
        addError(
            "override baseline not before its year",
            lines({R"({"by_year": {)", R"(  "2023": {"baseline": {)", R"(    "years": [2022, 2023]}}}})"}), 3,
            "by_year.2023.baseline.years", "2023", "before the performance year 2023");
        // The base's explicit baseline applies to every program year: 2022 is not before 2022.
        addError("base baseline inside an override's year",
                 lines({R"({"baseline": {"years": [2021, 2022]},)", R"( "by_year": {"2022": {}}})"}), 2,
                 "by_year.2022.baseline.years", "2022", "before the performance year 2022");
        // Merged: weights of the base with the override's years do not match.
        addError("override years against the base weights",
                 lines({R"({"baseline": {"years": [2020, 2021], "weights": [0.5, 0.5]},)",
                        R"( "by_year": {"2024": {"baseline": {"years": [2023]}}}})"}),
                 2, "by_year.2024.baseline.weights", "-", "one weight per baseline year");
    }
    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, line);
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        try {
            const Scenario s = read(json);
            QFAIL(qPrintable(QStringLiteral("no error; read:\n") + QString::fromUtf8(writeScenarioJson(s))));
        } catch (const InputError& e) {
            const QString msg = QString::fromStdString(e.what());
            QCOMPARE(QString::fromStdString(e.where().file), kFile);
            QCOMPARE(e.where().line, long(line));
            QCOMPARE(QString::fromStdString(e.where().column), path);
            if (value == QStringLiteral("-")) {
                QVERIFY2(!e.where().hasValue, qPrintable(msg));
            } else {
                QVERIFY2(e.where().hasValue, qPrintable(msg));
                QCOMPARE(QString::fromStdString(e.where().value), value);
            }
            // The message a user sees names the file, line and key path, and says why.
            QVERIFY2(msg.startsWith(QStringLiteral("test.json:%1: ").arg(line)), qPrintable(msg));
            if (!path.isEmpty())
                QVERIFY2(msg.contains(QStringLiteral("'%1'").arg(path)), qPrintable(msg));
            QVERIFY2(msg.contains(reason), qPrintable(msg));
        }
    }

    // ---- writing and the round trip ------------------------------------------------------------

    void writeDefault()
    {
        const QByteArray json = writeScenarioJson(Scenario{});
        QVERIFY(read(json) == Scenario{});
        // Independent check that it is well-formed JSON, and that every top-level key is spelled
        // out in the §1.5 order, then projection, corridors, blend, mlr_remittance.
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const JsonValue root = parseJson(json.toStdString(), "x.json");
        QStringList keys;
        for (const JsonMember& m : root.members)
            keys << QString::fromStdString(m.key);
        const QStringList expected = {"name",
                                      "description",
                                      "performance_year",
                                      "baseline",
                                      "included_cos",
                                      "excluded_cos",
                                      "trend",
                                      "program_changes",
                                      "new_benefits",
                                      "risk_adjustment",
                                      "truncation",
                                      "msr",
                                      "mlr",
                                      "quality",
                                      "tcc_trend_gate",
                                      "appropriateness",
                                      "savings_basis",
                                      "payment_model",
                                      "resource_use",
                                      "sharing",
                                      "losses",
                                      "fmap",
                                      "projection",
                                      "corridors",
                                      "blend",
                                      "mlr_remittance",
                                      "federal_limits",
                                      "uncertainty",
                                      "regional_rates",
                                      "partnerships",
                                      "assumption_sources",
                                      "by_year"};
        QCOMPARE(keys, expected);
        QVERIFY(json.endsWith("\n  \"by_year\": {}\n}\n"));
        QVERIFY(doc.object().value("blend").isNull());
        QVERIFY(doc.object().value("regional_rates").isNull());
        QVERIFY(doc.object().value("included_cos").isNull());
        QCOMPARE(doc.object().value("sharing").toObject().size(), 10);
        QCOMPARE(doc.object().value("projection").toObject().size(), 10);
        QVERIFY(
            json.contains("\n  \"truncation\": {\n    \"enabled\": false,\n    \"threshold\": 250000\n  },"));
        QVERIFY(json.endsWith("}\n"));
    }

    void specExampleRoundTrip()
    {
        for (const char* text : {kSpecExample, kFurtherExample}) {
            const Scenario s = read(text);
            const QByteArray written = writeScenarioJson(s);
            const Scenario back = read(written);
            QVERIFY2(back == s, diffText(s, back).constData());
            QCOMPARE(writeScenarioJson(back), written);
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<unsigned>("seed");
        for (unsigned seed = 1; seed <= 200; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void roundTrip()
    {
        QFETCH(unsigned, seed);
        const Scenario s = ScenarioGenerator(seed).next();
        s.validate(); // the generator makes valid scenarios only
        const QByteArray written = writeScenarioJson(s);
        Scenario back;
        try {
            back = read(written);
        } catch (const InputError& e) {
            QFAIL(qPrintable(QString::fromStdString(e.what()) + "\n" + QString::fromUtf8(written)));
        }
        QVERIFY2(back == s, diffText(s, back).constData());
        QCOMPARE(writeScenarioJson(back), written);
        QJsonParseError err{};
        QJsonDocument::fromJson(written, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
    }

    void writerRefusesNonFinite()
    {
        Scenario s;
        s.msr.z = std::numeric_limits<double>::infinity();
        try {
            writeScenarioJson(s);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().column, std::string("msr.z"));
        }
    }

    // ---- files ---------------------------------------------------------------------------------

    void files()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("scenario.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kSpecExample);
        }
        QVERIFY(readScenarioFile(path) == read(kSpecExample));

        const QString missing = dir.filePath(QStringLiteral("missing.json"));
        try {
            readScenarioFile(missing);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.where().file), missing);
            QVERIFY2(QByteArray(e.what()).contains("does not exist"), e.what());
        }
        try {
            readScenarioFile(dir.path());
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.where().file), dir.path());
        }
        // Errors inside a file name the path as given.
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\n  \"sharing\": {\"max_share\": 2}\n}\n");
        }
        try {
            readScenarioFile(bad);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.where().file), bad);
            QCOMPARE(e.where().line, 2L);
            QCOMPARE(e.where().column, std::string("sharing.max_share"));
        }
    }
};

QTEST_GUILESS_MAIN(TestScenarioJson)
#include "tst_scenario_json.moc"
