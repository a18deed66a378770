//! The scenario's rules (methodology §1.5): validate() rejects each out-of-range or inconsistent
//! value with the key path in the message; trendFor's §2.3 precedence and the entry it comes
//! from; the reach of the default trend over a dataset; includesCos; the baseline defaults of
//! effectiveBaseline().

#include "engine/error.h"
#include "engine/scenario.h"

#include "engine_fixtures.h"

#include <QTest>

#include <functional>

using namespace sharecast;

Q_DECLARE_METATYPE(sharecast::Scenario)

namespace {

Scenario scenario(const std::function<void(Scenario&)>& edit = {})
{
    Scenario s;
    s.performanceYear = 2024;
    if (edit)
        edit(s);
    return s;
}

QualityMeasure measure(const std::string& id, Direction d, double threshold, double benchmark)
{
    QualityMeasure m;
    m.id = id;
    m.direction = d;
    m.threshold = threshold;
    m.benchmark = benchmark;
    return m;
}

//! The illustrative scenario of §1.5, built in code.
Scenario illustrative()
{
    Scenario s;
    s.name = "Straw Proposal 7 baseline";
    s.performanceYear = 2024;
    s.baseline.years = {2021, 2022, 2023};
    s.baseline.weights = {0.1, 0.3, 0.6};
    s.excludedCos = {"pharmacy"};
    s.trend.byCos["inpatient"] = {0.01, 0.035};
    s.trend.byRateCell["SPD"].defaultTrend = TrendPair{0.02, 0.03};
    ProgramChange pc;
    pc.cos = "ltc";
    pc.effectiveYear = 2023;
    s.programChanges = {pc};
    s.riskAdjustment.enabled = true;
    s.riskAdjustment.capUp = 0.03;
    QualityMeasure m = measure("CIS-10", Direction::Higher, 0.30, 0.45);
    m.name = "Childhood Immunization Status";
    s.quality.measures = {m};
    ResourceUseMeasure ru;
    ru.id = "ed_visits";
    ru.numerator = "util_ed_visits";
    ru.unitCost = 1100.0;
    s.resourceUse = {ru};
    s.sharing.tiers = {{0.0, 0.0}, {50.0, 0.4}};
    s.fmap.byRateCell = {{"ACA Expansion", 0.9}};
    return s;
}

} // namespace

class TestScenario : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::newRow("defaults") << Scenario{};
        QTest::newRow("defaults with a year") << scenario();
        QTest::newRow("the illustrative example of 1.5") << illustrative();
        // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in doubles: within 1e-9
        QTest::newRow("weights summing to 1 within 1e-9") << scenario([](Scenario& s) {
            s.baseline.years = {2021, 2022, 2023};
            s.baseline.weights = {0.1, 0.2, 0.7};
        });
        QTest::newRow("years without weights") << scenario([](Scenario& s) {
            s.baseline.years = {2022, 2023};
        });
        QTest::newRow("negative trend") << scenario([](Scenario& s) {
            s.trend.defaultTrend = {-0.05, -0.99};
        });
        QTest::newRow("included [] with excluded") << scenario([](Scenario& s) {
            s.includedCos = std::vector<std::string>{};
            s.excludedCos = {"pharmacy"};
        });
        QTest::newRow("lower measure, threshold above benchmark") << scenario(
            [](Scenario& s) { s.quality.measures = {measure("PCR", Direction::Lower, 0.20, 0.10)}; });
        QTest::newRow("shares and caps at 0 and 1") << scenario([](Scenario& s) {
            s.sharing.maxShare = 1.0;
            s.sharing.minShare = 0.0;
            s.sharing.cap = 1.0;
            s.sharing.paymentReduction = 0.0;
            s.fmap.defaultRate = 1.0;
        });
    }

    void valid()
    {
        QFETCH(Scenario, scenario);
        try {
            scenario.validate();
        } catch (const InputError& e) {
            QFAIL(e.what());
        }
    }

    void invalid_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("key"); // the key path the message must name

        // weights >= 0 summing to 1 ± 1e-9
        QTest::newRow("weights sum 0.9") << scenario([](Scenario& s) {
            s.baseline.years = {2022, 2023};
            s.baseline.weights = {0.5, 0.4};
        }) << "baseline.weights";
        QTest::newRow("weights sum 1 + 1e-6") << scenario([](Scenario& s) {
            s.baseline.years = {2022, 2023};
            s.baseline.weights = {0.5, 0.500001};
        }) << "baseline.weights";
        QTest::newRow("negative weight") << scenario([](Scenario& s) {
            s.baseline.years = {2022, 2023};
            s.baseline.weights = {-0.5, 1.5};
        }) << "baseline.weights";
        QTest::newRow("weight count differs from year count") << scenario([](Scenario& s) {
            s.baseline.years = {2022, 2023};
            s.baseline.weights = {1.0};
        }) << "baseline.weights";
        // years distinct and before Y
        QTest::newRow("duplicate baseline years") << scenario([](Scenario& s) {
            s.baseline.years = {2022, 2022};
            s.baseline.weights = {0.5, 0.5};
        }) << "baseline.years";
        QTest::newRow("baseline year = Y") << scenario([](Scenario& s) {
            s.baseline.years = {2023, 2024};
        }) << "baseline.years";
        // both included and excluded COS non-empty
        QTest::newRow("included and excluded COS") << scenario([](Scenario& s) {
            s.includedCos = std::vector<std::string>{"inpatient"};
            s.excludedCos = {"pharmacy"};
        }) << "included_cos";
        // shares, rates, caps, payment_reduction, fmap, blend_weight, measure rates in [0, 1]
        QTest::newRow("max_share > 1")
            << scenario([](Scenario& s) { s.sharing.maxShare = 1.2; }) << "sharing.max_share";
        QTest::newRow("min_share < 0")
            << scenario([](Scenario& s) { s.sharing.minShare = -0.1; }) << "sharing.min_share";
        QTest::newRow("tier share > 1") << scenario([](Scenario& s) {
            s.sharing.tiers = {{50.0, 1.5}};
        }) << "sharing.tiers[0].share";
        QTest::newRow("sharing cap > 1")
            << scenario([](Scenario& s) { s.sharing.cap = 1.1; }) << "sharing.cap";
        QTest::newRow("payment_reduction < 0")
            << scenario([](Scenario& s) { s.sharing.paymentReduction = -0.01; })
            << "sharing.payment_reduction";
        QTest::newRow("msr.rate > 1") << scenario([](Scenario& s) { s.msr.rate = 1.5; }) << "msr.rate";
        QTest::newRow("mlr.rate < 0") << scenario([](Scenario& s) { s.mlr.rate = -0.02; }) << "mlr.rate";
        QTest::newRow("losses.rate > 1")
            << scenario([](Scenario& s) { s.losses.rate = 1.2; }) << "losses.rate";
        QTest::newRow("losses.cap > 1") << scenario([](Scenario& s) { s.losses.cap = 2.0; }) << "losses.cap";
        QTest::newRow("risk cap_up > 1")
            << scenario([](Scenario& s) { s.riskAdjustment.capUp = 1.5; }) << "risk_adjustment.cap_up";
        QTest::newRow("fmap.default > 1")
            << scenario([](Scenario& s) { s.fmap.defaultRate = 1.2; }) << "fmap.default";
        QTest::newRow("fmap by rate cell > 1")
            << scenario([](Scenario& s) { s.fmap.byRateCell["ACA Expansion"] = 1.1; })
            << "fmap.by_rate_cell.ACA Expansion";
        QTest::newRow("blend_weight > 1")
            << scenario([](Scenario& s) { s.quality.blendWeight = 2.0; }) << "quality.blend_weight";
        QTest::newRow("measure benchmark > 1")
            << scenario([](Scenario& s) { s.quality.measures = {measure("M", Direction::Higher, 0.3, 1.2)}; })
            << "quality.measures[0].benchmark";
        QTest::newRow("gate_min > 1") << scenario([](Scenario& s) {
            QualityMeasure m = measure("M", Direction::Higher, 0.3, 0.45);
            m.gateMin = 1.5;
            s.quality.measures = {m};
        }) << "quality.measures[0].gate_min";
        // trends > −1
        QTest::newRow("default utilization trend -1") << scenario([](Scenario& s) {
            s.trend.defaultTrend = {-1.0, 0.0};
        }) << "trend.default.utilization";
        QTest::newRow("by_cos unit_cost trend -1.5") << scenario([](Scenario& s) {
            s.trend.byCos["inpatient"] = {0.0, -1.5};
        }) << "trend.by_cos.inpatient.unit_cost";
        QTest::newRow("by_rate_cell default trend -1") << scenario([](Scenario& s) {
            s.trend.byRateCell["SPD"].defaultTrend = TrendPair{-1.0, 0.0};
        }) << "trend.by_rate_cell.SPD.default.utilization";
        QTest::newRow("by_rate_cell by_cos trend -2") << scenario([](Scenario& s) {
            s.trend.byRateCell["SPD"].byCos["ltc"] = {0.0, -2.0};
        }) << "trend.by_rate_cell.SPD.by_cos.ltc.unit_cost";
        // threshold below benchmark for higher measures (above for lower)
        QTest::newRow("higher measure, threshold above benchmark") << scenario([](Scenario& s) {
            s.quality.measures = {measure("CIS-10", Direction::Higher, 0.50, 0.45)};
        }) << "quality.measures[0].threshold";
        QTest::newRow("higher measure, threshold = benchmark") << scenario([](Scenario& s) {
            s.quality.measures = {measure("CIS-10", Direction::Higher, 0.45, 0.45)};
        }) << "quality.measures[0].threshold";
        QTest::newRow("lower measure, threshold below benchmark") << scenario([](Scenario& s) {
            s.quality.measures = {measure("A", Direction::Higher, 0.30, 0.45),
                                  measure("PCR", Direction::Lower, 0.10, 0.20)};
        }) << "quality.measures[1].threshold";
        // duplicate measure ids, duplicate tier scores
        QTest::newRow("duplicate measure ids") << scenario([](Scenario& s) {
            s.quality.measures = {measure("CIS-10", Direction::Higher, 0.30, 0.45),
                                  measure("CIS-10", Direction::Higher, 0.20, 0.40)};
        }) << "quality.measures[1].id";
        QTest::newRow("duplicate tier scores") << scenario([](Scenario& s) {
            s.sharing.tiers = {{0.0, 0.1}, {50.0, 0.4}, {50.0, 0.5}};
        }) << "sharing.tiers[2].min_score";
    }

    void invalid()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, key);
        try {
            scenario.validate();
        } catch (const InputError& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains(key), qPrintable("message '" + message + "' does not name " + key));
            return;
        }
        QFAIL(qPrintable("validate() accepted an invalid scenario (" + key + ")"));
    }

    //! §2.3: by_rate_cell[c].by_cos[s] > by_rate_cell[c].default > by_cos[s] > default; a rate-cell
    //! entry without a default falls through for the COS it does not list.
    void trendFor_data()
    {
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<QString>("cos");
        QTest::addColumn<double>("utilization");
        QTest::addColumn<double>("unitCost");
        QTest::addColumn<int>("source");
        const int cellCos = static_cast<int>(TrendSource::RateCellCos);
        const int cellDefault = static_cast<int>(TrendSource::RateCellDefault);
        const int byCos = static_cast<int>(TrendSource::Cos);
        const int byDefault = static_cast<int>(TrendSource::Default);
        QTest::newRow("rate cell x COS") << "SPD"
                                         << "inpatient" << 0.04 << 0.004 << cellCos;
        QTest::newRow("rate cell default over by_cos") << "SPD"
                                                       << "pharmacy" << 0.03 << 0.003 << cellDefault;
        QTest::newRow("rate cell default") << "SPD"
                                           << "other" << 0.03 << 0.003 << cellDefault;
        QTest::newRow("by_cos") << "Adult"
                                << "inpatient" << 0.02 << 0.002 << byCos;
        QTest::newRow("default") << "Adult"
                                 << "other" << 0.01 << 0.001 << byDefault;
        // Child's entry has by_cos only: inpatient from it; pharmacy falls to by_cos; other to default
        QTest::newRow("entry without default: its COS") << "Child"
                                                        << "inpatient" << 0.05 << 0.005 << cellCos;
        QTest::newRow("entry without default: by_cos") << "Child"
                                                       << "pharmacy" << 0.06 << 0.006 << byCos;
        QTest::newRow("entry without default: default") << "Child"
                                                        << "other" << 0.01 << 0.001 << byDefault;
        // names are case-sensitive
        QTest::newRow("unknown rate cell spelling") << "spd"
                                                    << "other" << 0.01 << 0.001 << byDefault;
        // a by_cos row equal to the default is still the by_cos row (the source, not the value)
        QTest::newRow("by_cos equal to the default") << "Adult"
                                                     << "ltc" << 0.01 << 0.001 << byCos;
    }

    void trendFor()
    {
        QFETCH(QString, rateCell);
        QFETCH(QString, cos);
        QFETCH(double, utilization);
        QFETCH(double, unitCost);
        QFETCH(int, source);
        Scenario s;
        s.trend.defaultTrend = {0.01, 0.001};
        s.trend.byCos["inpatient"] = {0.02, 0.002};
        s.trend.byCos["pharmacy"] = {0.06, 0.006};
        s.trend.byCos["ltc"] = {0.01, 0.001};
        s.trend.byRateCell["SPD"].defaultTrend = TrendPair{0.03, 0.003};
        s.trend.byRateCell["SPD"].byCos["inpatient"] = {0.04, 0.004};
        s.trend.byRateCell["Child"].byCos["inpatient"] = {0.05, 0.005};
        const TrendPair t = s.trendFor(rateCell.toStdString(), cos.toStdString());
        QCOMPARE(t.utilization, utilization);
        QCOMPARE(t.unitCost, unitCost);
        const TrendChoice choice = s.trendChoiceFor(rateCell.toStdString(), cos.toStdString());
        QVERIFY(choice.pair == t);
        QCOMPARE(static_cast<int>(choice.source), source);
    }

    //! Where trend.default is in force over a dataset's names: only included COS count; a COS is
    //! taken from the default in the rate cells no by_cos or by_rate_cell entry covers.
    void defaultTrendReach()
    {
        Scenario s;
        s.excludedCos = {"pharmacy"};
        s.trend.byCos["inpatient"] = {0.02, 0.002};
        s.trend.byCos["pharmacy"] = {0.06, 0.006};
        s.trend.byRateCell["SPD"].byCos["other"] = {0.04, 0.004};
        const std::vector<std::string> cos{"inpatient", "pharmacy", "other"};
        const std::vector<std::string> cells{"Adult", "Child", "SPD"};

        DefaultTrendReach r = sharecast::defaultTrendReach(s, cos, cells);
        QCOMPARE(r.rateCells, std::size_t{3});
        QCOMPARE(r.included.size(), std::size_t{2}); // pharmacy is excluded
        QCOMPARE(r.included[0].name, std::string("inpatient"));
        QCOMPARE(r.included[0].cellsTakingDefault, std::size_t{0});
        QVERIFY(r.included[0].replacedByCos && !r.included[0].replacedByRateCell);
        QCOMPARE(r.included[1].name, std::string("other"));
        QCOMPARE(r.included[1].cellsTakingDefault, std::size_t{2}); // SPD has its own
        QVERIFY(!r.included[1].replacedByCos && r.included[1].replacedByRateCell);

        // A by_cos row for every included COS: the default reaches nothing.
        s.trend.byCos["other"] = {0.03, 0.003};
        r = sharecast::defaultTrendReach(s, cos, cells);
        for (const DefaultTrendReach::Cos& c : r.included)
            QCOMPARE(c.cellsTakingDefault, std::size_t{0});
        // Nothing included: nothing to reach.
        s.includedCos = std::vector<std::string>{};
        QVERIFY(sharecast::defaultTrendReach(s, cos, cells).included.empty());
    }

    //! §2: included_cos if given (null = not restricted, [] = nothing), else all minus excluded_cos.
    void includesCos_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("cos");
        QTest::addColumn<bool>("included");
        QTest::newRow("default: every COS") << Scenario{} << "pharmacy" << true;
        const Scenario excl = scenario([](Scenario& s) { s.excludedCos = {"pharmacy", "ltc"}; });
        QTest::newRow("excluded") << excl << "pharmacy" << false;
        QTest::newRow("excluded, second") << excl << "ltc" << false;
        QTest::newRow("not excluded") << excl << "inpatient" << true;
        const Scenario incl =
            scenario([](Scenario& s) { s.includedCos = std::vector<std::string>{"inpatient"}; });
        QTest::newRow("included") << incl << "inpatient" << true;
        QTest::newRow("not in included") << incl << "pharmacy" << false;
        const Scenario none = scenario([](Scenario& s) { s.includedCos = std::vector<std::string>{}; });
        QTest::newRow("included [] includes nothing") << none << "inpatient" << false;
        QTest::newRow("case-sensitive") << excl << "Pharmacy" << true;
    }

    void includesCos()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, cos);
        QFETCH(bool, included);
        QCOMPARE(scenario.includesCos(cos.toStdString()), included);
    }

    //! Baseline defaults: [Y − 1] weight 1; years without weights: equal weights; years >= Y rejected.
    void effectiveBaseline_data()
    {
        QTest::addColumn<QList<int>>("years");
        QTest::addColumn<QList<double>>("weights");
        QTest::addColumn<int>("year");
        QTest::addColumn<QList<int>>("expectedYears");
        QTest::addColumn<QList<double>>("expectedWeights");
        QTest::newRow("default [Y-1]")
            << QList<int>{} << QList<double>{} << 2024 << QList<int>{2023} << QList<double>{1.0};
        QTest::newRow("default [Y-1], Y 2019")
            << QList<int>{} << QList<double>{} << 2019 << QList<int>{2018} << QList<double>{1.0};
        QTest::newRow("equal weights, 3 years")
            << QList<int>{2021, 2022, 2023} << QList<double>{} << 2024 << QList<int>{2021, 2022, 2023}
            << QList<double>{1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0};
        QTest::newRow("equal weights, 2 years") << QList<int>{2020, 2022} << QList<double>{} << 2024
                                                << QList<int>{2020, 2022} << QList<double>{0.5, 0.5};
        QTest::newRow("given weights kept")
            << QList<int>{2021, 2022, 2023} << QList<double>{0.1, 0.3, 0.6} << 2024
            << QList<int>{2021, 2022, 2023} << QList<double>{0.1, 0.3, 0.6};
    }

    void effectiveBaseline()
    {
        QFETCH(QList<int>, years);
        QFETCH(QList<double>, weights);
        QFETCH(int, year);
        QFETCH(QList<int>, expectedYears);
        QFETCH(QList<double>, expectedWeights);
        Scenario s;
        s.baseline.years.assign(years.begin(), years.end());
        s.baseline.weights.assign(weights.begin(), weights.end());
        const BaselineSpec b = s.effectiveBaseline(year);
        QCOMPARE(QList<int>(b.years.begin(), b.years.end()), expectedYears);
        QCOMPARE(b.weights.size(), static_cast<std::size_t>(expectedWeights.size()));
        for (qsizetype i = 0; i < expectedWeights.size(); ++i)
            FIX_COMPARE_NEAR("weight", b.weights[static_cast<std::size_t>(i)], expectedWeights[i], 1e-12);
    }

    void effectiveBaselineRejects_data()
    {
        QTest::addColumn<QList<int>>("years");
        QTest::addColumn<int>("year");
        QTest::newRow("year = Y") << QList<int>{2022, 2024} << 2024;
        QTest::newRow("year > Y") << QList<int>{2025} << 2024;
        QTest::newRow("all after Y") << QList<int>{2021, 2022} << 2020;
    }

    void effectiveBaselineRejects()
    {
        QFETCH(QList<int>, years);
        QFETCH(int, year);
        Scenario s;
        s.baseline.years.assign(years.begin(), years.end());
        try {
            s.effectiveBaseline(year);
        } catch (const InputError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains("baseline.years"), e.what());
            return;
        }
        QFAIL("a baseline year at or after the performance year was accepted");
    }

    //! §1.5 defaults of an absent key, as the Scenario value type carries them.
    void defaults()
    {
        const Scenario s;
        QVERIFY(!s.performanceYear);
        QVERIFY(!s.includedCos);
        QVERIFY(s.excludedCos.empty());
        QVERIFY(!s.riskAdjustment.enabled);
        QVERIFY(!s.riskAdjustment.capUp && !s.riskAdjustment.capDown);
        QVERIFY(!s.truncation.enabled);
        QCOMPARE(s.truncation.threshold, 250000.0);
        QCOMPARE(s.msr.method, ThresholdMethod::None);
        QCOMPARE(s.msr.rate, 0.0);
        QCOMPARE(s.msr.z, 1.6449);
        QCOMPARE(s.msr.cv, 2.5);
        QVERIFY(s.mlr.sameAsMsr);
        QCOMPARE(s.quality.scoring, QualityScoring::Max);
        QCOMPARE(s.quality.blendWeight, 0.5);
        QCOMPARE(s.quality.improvementMax, 90.0);
        QCOMPARE(s.quality.minDenominator, 30);
        QCOMPARE(s.quality.minMeasures, 1);
        QVERIFY(s.quality.gateEnabled);
        QCOMPARE(s.quality.minComposite, 0.0);
        QVERIFY(s.quality.measures.empty());
        QVERIFY(!s.tccTrendGate.enabled);
        QCOMPARE(s.tccTrendGate.maxTrend, 0.05);
        QVERIFY(!s.appropriateness.enabled);
        QCOMPARE(s.appropriateness.maxDenialRateIncrease, 0.02);
        QCOMPARE(s.appropriateness.maxGrievanceRateIncrease, 0.5);
        QCOMPARE(s.appropriateness.action, GuardrailAction::Flag);
        QCOMPARE(s.savingsBasis, SavingsBasis::Tcc);
        QCOMPARE(s.sharing.maxShare, 0.5);
        QCOMPARE(s.sharing.minShare, 0.0);
        QCOMPARE(s.sharing.qualityScaling, QualityScaling::None);
        QCOMPARE(s.sharing.qualityLow, 0.0);
        QCOMPARE(s.sharing.qualityHigh, 100.0);
        QVERIFY(s.sharing.tiers.empty());
        QVERIFY(s.sharing.firstDollar);
        QVERIFY(!s.sharing.cap);
        QCOMPARE(s.sharing.paymentReduction, 0.0);
        QVERIFY(!s.losses.enabled);
        QCOMPARE(s.losses.rateMethod, LossRateMethod::Fixed);
        QCOMPARE(s.losses.rate, 0.3);
        QCOMPARE(s.losses.rateMin, 0.4);
        QCOMPARE(s.losses.rateMax, 0.75);
        QVERIFY(!s.losses.cap);
        QCOMPARE(s.fmap.defaultRate, 0.5);
        QVERIFY(s.fmap.byRateCell.empty());
        const QualityMeasure m;
        QCOMPARE(m.weight, 1.0);
        QCOMPARE(m.direction, Direction::Higher);
        QVERIFY(!m.gateMin);
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
