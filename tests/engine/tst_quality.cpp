//! Quality composite and gate (methodology §6), hand-worked; §1.2 reportability.
//!
//! The "higher" measure of most rows: threshold 0.30, benchmark 0.45 (span 0.15), improvement_max 90.
//! The "lower" measure: threshold 0.20, benchmark 0.10; negated: threshold −0.20, benchmark −0.10.
//! Tolerance: scores 1e-9 (a score is 100 × a rate; rates 1e-10 ⇒ scores 1e-8 would do).

#include "engine/quality.h"
#include "engine/quality_data.h"
#include "engine/scenario.h"

#include "engine_fixtures.h"

#include <QTest>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::QualitySpec)
Q_DECLARE_METATYPE(sharecast::QualityScoring)
Q_DECLARE_METATYPE(sharecast::Direction)

namespace {

constexpr double kScoreTol = 1e-9;

QualityMeasure measure(const std::string& id, Direction d, double threshold, double benchmark,
                       double weight = 1.0, std::optional<double> gateMin = std::nullopt)
{
    QualityMeasure m;
    m.id = id;
    m.direction = d;
    m.threshold = threshold;
    m.benchmark = benchmark;
    m.weight = weight;
    m.gateMin = gateMin;
    return m;
}

QualityMeasure higher(const std::string& id, double weight = 1.0,
                      std::optional<double> gateMin = std::nullopt)
{
    return measure(id, Direction::Higher, 0.30, 0.45, weight, gateMin);
}

QualityMeasure lower(const std::string& id, double weight = 1.0, std::optional<double> gateMin = std::nullopt)
{
    return measure(id, Direction::Lower, 0.20, 0.10, weight, gateMin);
}

QualitySpec spec(std::vector<QualityMeasure> measures, QualityScoring scoring = QualityScoring::Attainment)
{
    QualitySpec s;
    s.scoring = scoring;
    s.measures = std::move(measures);
    return s;
}

} // namespace

class TestQuality : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void measureScore_data()
    {
        QTest::addColumn<Direction>("direction");
        QTest::addColumn<QualityScoring>("scoring");
        QTest::addColumn<double>("blendWeight");
        QTest::addColumn<double>("improvementMax");
        QTest::addColumn<double>("rate");      // NA: not reportable
        QTest::addColumn<double>("priorRate"); // NA: not reportable
        QTest::addColumn<bool>("reportable");
        QTest::addColumn<double>("attainment");
        QTest::addColumn<double>("improvement");
        QTest::addColumn<bool>("improvementApplies");
        QTest::addColumn<double>("score");

        using D = Direction;
        using S = QualityScoring;
        // attainment a = 100·clamp((r − 0.30)/0.15, 0, 1)
        // r 0.39: 100·0.09/0.15 = 60; no r0 → i = 0; max = 60
        QTest::newRow("attainment 60, no prior")
            << D::Higher << S::Max << 0.5 << 90.0 << 0.39 << NA << true << 60.0 << 0.0 << false << 60.0;
        // r 0.50 above the benchmark: clamped to 100
        QTest::newRow("attainment clamped at 100") << D::Higher << S::Attainment << 0.5 << 90.0 << 0.50 << NA
                                                   << true << 100.0 << 0.0 << false << 100.0;
        // r 0.25 below the threshold: clamped to 0
        QTest::newRow("attainment clamped at 0")
            << D::Higher << S::Attainment << 0.5 << 90.0 << 0.25 << NA << true << 0.0 << 0.0 << false << 0.0;
        // r = threshold → 0; r = benchmark → 100
        QTest::newRow("r at threshold")
            << D::Higher << S::Attainment << 0.5 << 90.0 << 0.30 << NA << true << 0.0 << 0.0 << false << 0.0;
        QTest::newRow("r at benchmark") << D::Higher << S::Attainment << 0.5 << 90.0 << 0.45 << NA << true
                                        << 100.0 << 0.0 << false << 100.0;
        // r 0.36, r0 0.30: a = 100·0.06/0.15 = 40; i = 90·(0.36 − 0.30)/(0.45 − 0.30) = 36
        QTest::newRow("max picks attainment")
            << D::Higher << S::Max << 0.5 << 90.0 << 0.36 << 0.30 << true << 40.0 << 36.0 << true << 40.0;
        QTest::newRow("attainment scoring") << D::Higher << S::Attainment << 0.5 << 90.0 << 0.36 << 0.30
                                            << true << 40.0 << 36.0 << true << 40.0;
        QTest::newRow("improvement scoring") << D::Higher << S::Improvement << 0.5 << 90.0 << 0.36 << 0.30
                                             << true << 40.0 << 36.0 << true << 36.0;
        // blend 0.5: 0.5·40 + 0.5·36 = 38; blend 0.25: 0.25·40 + 0.75·36 = 37
        QTest::newRow("blend 0.5") << D::Higher << S::Blend << 0.5 << 90.0 << 0.36 << 0.30 << true << 40.0
                                   << 36.0 << true << 38.0;
        QTest::newRow("blend 0.25") << D::Higher << S::Blend << 0.25 << 90.0 << 0.36 << 0.30 << true << 40.0
                                    << 36.0 << true << 37.0;
        // r 0.33, r0 0.20: a = 20; i = 90·0.13/0.25 = 46.8; max = 46.8
        QTest::newRow("max picks improvement")
            << D::Higher << S::Max << 0.5 << 90.0 << 0.33 << 0.20 << true << 20.0 << 46.8 << true << 46.8;
        // improvement_max 100: 100·0.06/0.15 = 40
        QTest::newRow("improvement_max 100") << D::Higher << S::Improvement << 0.5 << 100.0 << 0.36 << 0.30
                                             << true << 40.0 << 40.0 << true << 40.0;
        // improvement clamped at 1: r 0.60, r0 0.20: 0.40/0.25 > 1 → 90
        QTest::newRow("improvement clamped at max") << D::Higher << S::Improvement << 0.5 << 90.0 << 0.60
                                                    << 0.20 << true << 100.0 << 90.0 << true << 90.0;
        // r fell (0.35 → 0.32): (−0.03)/0.10 clamped to 0; applies (r0 < benchmark); a = 100·0.02/0.15
        QTest::newRow("improvement negative → 0")
            << D::Higher << S::Max << 0.5 << 90.0 << 0.32 << 0.35 << true << 13.333333333333334 << 0.0 << true
            << 13.333333333333334;
        // r0 = benchmark (0.45): not r0 < benchmark → i = 0; a = 100·0.14/0.15 = 93.33…
        QTest::newRow("r0 at benchmark: no improvement")
            << D::Higher << S::Max << 0.5 << 90.0 << 0.44 << 0.45 << true << 93.33333333333333 << 0.0 << false
            << 93.33333333333333;
        // r0 above the benchmark: i = 0
        QTest::newRow("r0 above benchmark: no improvement")
            << D::Higher << S::Improvement << 0.5 << 90.0 << 0.40 << 0.50 << true << 66.66666666666667 << 0.0
            << false << 0.0;
        // r0 NA with improvement scoring → 0
        QTest::newRow("r0 NA: improvement 0") << D::Higher << S::Improvement << 0.5 << 90.0 << 0.40 << NA
                                              << true << 66.66666666666667 << 0.0 << false << 0.0;
        // r NA: not reportable
        QTest::newRow("r NA") << D::Higher << S::Max << 0.5 << 90.0 << NA << 0.30 << false << 0.0 << 0.0
                              << false << 0.0;

        // lower is better (threshold 0.20, benchmark 0.10), negated:
        // r 0.14: a = 100·(−0.14 + 0.20)/(−0.10 + 0.20) = 60
        QTest::newRow("lower: attainment 60")
            << D::Lower << S::Attainment << 0.5 << 90.0 << 0.14 << NA << true << 60.0 << 0.0 << false << 60.0;
        // r0 0.18: i = 90·(−0.14 + 0.18)/(−0.10 + 0.18) = 90·0.5 = 45
        QTest::newRow("lower: improvement 45") << D::Lower << S::Improvement << 0.5 << 90.0 << 0.14 << 0.18
                                               << true << 60.0 << 45.0 << true << 45.0;
        // r0 0.10 = benchmark: −0.10 < −0.10 false → no improvement
        QTest::newRow("lower: r0 at benchmark") << D::Lower << S::Improvement << 0.5 << 90.0 << 0.14 << 0.10
                                                << true << 60.0 << 0.0 << false << 0.0;
        // r0 0.08 better than the benchmark → no improvement
        QTest::newRow("lower: r0 better than benchmark")
            << D::Lower << S::Max << 0.5 << 90.0 << 0.14 << 0.08 << true << 60.0 << 0.0 << false << 60.0;
        // r 0.25 worse than the threshold → 0; r 0.05 better than the benchmark → 100
        QTest::newRow("lower: worse than threshold")
            << D::Lower << S::Attainment << 0.5 << 90.0 << 0.25 << NA << true << 0.0 << 0.0 << false << 0.0;
        QTest::newRow("lower: better than benchmark") << D::Lower << S::Attainment << 0.5 << 90.0 << 0.05
                                                      << NA << true << 100.0 << 0.0 << false << 100.0;
        // r 0.16, r0 0.19: a = 100·0.04/0.10 = 40; i = 90·0.03/0.09 = 30; max 40; blend 0.5: 35
        QTest::newRow("lower: max") << D::Lower << S::Max << 0.5 << 90.0 << 0.16 << 0.19 << true << 40.0
                                    << 30.0 << true << 40.0;
        QTest::newRow("lower: blend")
            << D::Lower << S::Blend << 0.5 << 90.0 << 0.16 << 0.19 << true << 40.0 << 30.0 << true << 35.0;
        // r got worse (0.14 → 0.16): applies, clamped to 0
        QTest::newRow("lower: worsened") << D::Lower << S::Improvement << 0.5 << 90.0 << 0.16 << 0.14 << true
                                         << 40.0 << 0.0 << true << 0.0;
    }

    void measureScore()
    {
        QFETCH(Direction, direction);
        QFETCH(QualityScoring, scoring);
        QFETCH(double, blendWeight);
        QFETCH(double, improvementMax);
        QFETCH(double, rate);
        QFETCH(double, priorRate);
        QFETCH(bool, reportable);
        QFETCH(double, attainment);
        QFETCH(double, improvement);
        QFETCH(bool, improvementApplies);
        QFETCH(double, score);
        QualitySpec s;
        s.scoring = scoring;
        s.blendWeight = blendWeight;
        s.improvementMax = improvementMax;
        const QualityMeasure m = direction == Direction::Higher ? higher("M") : lower("M");
        const MeasureScore r =
            scoreMeasure(m, MeasureRates{fixtures::opt(rate), fixtures::opt(priorRate)}, s);
        QCOMPARE(r.reportable, reportable);
        FIX_COMPARE_NEAR("attainment", r.attainment, attainment, kScoreTol);
        FIX_COMPARE_NEAR("improvement", r.improvement, improvement, kScoreTol);
        QCOMPARE(r.improvementApplies, improvementApplies);
        FIX_COMPARE_NEAR("score", r.score, score, kScoreTol);
    }

    //! A measure with gate_min: r >= gate_min (negated for lower); a gating measure that is NA fails.
    void measureGate_data()
    {
        QTest::addColumn<Direction>("direction");
        QTest::addColumn<double>("gateMin"); // NA: none
        QTest::addColumn<double>("rate");
        QTest::addColumn<bool>("passed");
        using D = Direction;
        QTest::newRow("higher: above gate_min") << D::Higher << 0.35 << 0.36 << true;
        QTest::newRow("higher: at gate_min") << D::Higher << 0.35 << 0.35 << true;
        QTest::newRow("higher: below gate_min") << D::Higher << 0.35 << 0.34 << false;
        QTest::newRow("higher: NA fails") << D::Higher << 0.35 << NA << false;
        QTest::newRow("no gate_min: NA passes") << D::Higher << NA << NA << true;
        QTest::newRow("no gate_min: low rate passes") << D::Higher << NA << 0.01 << true;
        // lower: −r >= −gate_min, i.e. r <= gate_min
        QTest::newRow("lower: below gate_min passes") << D::Lower << 0.16 << 0.14 << true;
        QTest::newRow("lower: at gate_min passes") << D::Lower << 0.16 << 0.16 << true;
        QTest::newRow("lower: above gate_min fails") << D::Lower << 0.16 << 0.17 << false;
        QTest::newRow("lower: NA fails") << D::Lower << 0.16 << NA << false;
    }

    void measureGate()
    {
        QFETCH(Direction, direction);
        QFETCH(double, gateMin);
        QFETCH(double, rate);
        QFETCH(bool, passed);
        const QualityMeasure m = direction == Direction::Higher ? higher("M", 1.0, fixtures::opt(gateMin))
                                                                : lower("M", 1.0, fixtures::opt(gateMin));
        const MeasureScore r =
            scoreMeasure(m, MeasureRates{fixtures::opt(rate), std::nullopt}, QualitySpec{});
        QCOMPARE(r.gatePassed, passed);
    }

    //! The composite Q = Σ w·score / Σ w over reportable measures, and the gate.
    //! Attainment scoring unless the row says otherwise; higher measure: r 0.39 → 60, 0.345 → 30,
    //! 0.42 → 80, 0.33 → 20 (100·(r − 0.30)/0.15).
    void composite_data()
    {
        QTest::addColumn<QualitySpec>("spec");
        QTest::addColumn<QList<double>>("rates");      // per measure; NA = not reportable
        QTest::addColumn<QList<double>>("priorRates"); // per measure
        QTest::addColumn<bool>("hasQualityStep");
        QTest::addColumn<double>("composite"); // NA: Q is NA
        QTest::addColumn<int>("reportable");
        QTest::addColumn<bool>("gatePassed");
        QTest::addColumn<bool>("gateBlocks");
        QTest::addColumn<double>("scalingScore"); // NA: nullopt (ρ = 0)

        // (60 + 30)/2 = 45
        QTest::newRow("equal weights") << spec({higher("A"), higher("B")}) << QList<double>{0.39, 0.345}
                                       << QList<double>{NA, NA} << true << 45.0 << 2 << true << false << 45.0;
        // weights 2, 1: (2·60 + 30)/3 = 50
        QTest::newRow("weights 2:1") << spec({higher("A", 2.0), higher("B", 1.0)})
                                     << QList<double>{0.39, 0.345} << QList<double>{NA, NA} << true << 50.0
                                     << 2 << true << false << 50.0;
        // weights 1, 3: (60 + 3·80)/4 = 75
        QTest::newRow("weights 1:3") << spec({higher("A", 1.0), higher("B", 3.0)})
                                     << QList<double>{0.39, 0.42} << QList<double>{NA, NA} << true << 75.0
                                     << 2 << true << false << 75.0;
        // B NA is left out (its weight too): (60 + 80)/2 = 70
        QTest::newRow("NA measure left out")
            << spec({higher("A"), higher("B"), higher("C")}) << QList<double>{0.39, NA, 0.42}
            << QList<double>{NA, NA, NA} << true << 70.0 << 2 << true << false << 70.0;
        // weight 0 counts for nothing: A alone → 60
        QTest::newRow("weight 0") << spec({higher("A", 1.0), higher("B", 0.0)}) << QList<double>{0.39, 0.345}
                                  << QList<double>{NA, NA} << true << 60.0 << 2 << true << false << 60.0;
        // higher A (60) and lower L r 0.12: 100·(−0.12 + 0.20)/0.10 = 80 → (60 + 80)/2 = 70
        QTest::newRow("with a lower measure")
            << spec({higher("A"), lower("L")}) << QList<double>{0.39, 0.12} << QList<double>{NA, NA} << true
            << 70.0 << 2 << true << false << 70.0;
        // max scoring: A r 0.33, r0 0.20 → max(20, 46.8) = 46.8; B r 0.39 → 60; (46.8 + 60)/2 = 53.4
        QTest::newRow("max scoring with prior")
            << spec({higher("A"), higher("B")}, QualityScoring::Max) << QList<double>{0.33, 0.39}
            << QList<double>{0.20, NA} << true << 53.4 << 2 << true << false << 53.4;
        {
            QualitySpec s = spec({higher("A"), higher("B"), higher("C")});
            s.minMeasures = 3;
            // 2 reportable < 3 → Q NA, gate fails and blocks, ρ = 0
            QTest::newRow("fewer than min_measures")
                << s << QList<double>{0.39, NA, 0.42} << QList<double>{NA, NA, NA} << true << NA << 2 << false
                << true << NA;
            s.minMeasures = 2;
            QTest::newRow("exactly min_measures")
                << s << QList<double>{0.39, NA, 0.42} << QList<double>{NA, NA, NA} << true << 70.0 << 2
                << true << false << 70.0;
            s.minMeasures = 0; // at least 1
            QTest::newRow("min_measures 0, none reportable")
                << s << QList<double>{NA, NA, NA} << QList<double>{0.3, 0.3, 0.3} << true << NA << 0 << false
                << true << NA;
        }
        QTest::newRow("none reportable") << spec({higher("A")}) << QList<double>{NA} << QList<double>{0.35}
                                         << true << NA << 0 << false << true << NA;
        // no measures: no quality step: Q NA, gate passes, scaling uses 100
        QTest::newRow("no measures") << spec({}) << QList<double>{} << QList<double>{} << false << NA << 0
                                     << true << false << 100.0;
        {
            QualitySpec s = spec({});
            s.minComposite = 50.0;
            s.minMeasures = 3;
            QTest::newRow("no measures, strict gate")
                << s << QList<double>{} << QList<double>{} << false << NA << 0 << true << false << 100.0;
        }
        {
            QualitySpec s = spec({higher("A"), higher("B")});
            s.minComposite = 45.000001; // Q 45 just below
            QTest::newRow("Q below min_composite") << s << QList<double>{0.39, 0.345} << QList<double>{NA, NA}
                                                   << true << 45.0 << 2 << false << true << 45.0;
            s.minComposite = 44.999999; // Q 45 just above
            QTest::newRow("Q above min_composite") << s << QList<double>{0.39, 0.345} << QList<double>{NA, NA}
                                                   << true << 45.0 << 2 << true << false << 45.0;
            s.gateEnabled = false;
            s.minComposite = 45.000001;
            // a disabled gate is reported as passed; Q unchanged
            QTest::newRow("gate disabled, would fail")
                << s << QList<double>{0.39, 0.345} << QList<double>{NA, NA} << true << 45.0 << 2 << true
                << false << 45.0;
            // disabled gate with Q NA: passes, but Q NA still gives ρ = 0
            QTest::newRow("gate disabled, Q NA") << s << QList<double>{NA, NA} << QList<double>{NA, NA}
                                                 << true << NA << 0 << true << false << NA;
        }
        // gate_min 0.40 on A with r 0.39 fails the gate although Q = (60 + 80)/2 = 70
        QTest::newRow("gate_min failing")
            << spec({higher("A", 1.0, 0.40), higher("B")}) << QList<double>{0.39, 0.42}
            << QList<double>{NA, NA} << true << 70.0 << 2 << false << true << 70.0;
        QTest::newRow("gate_min passing")
            << spec({higher("A", 1.0, 0.38), higher("B")}) << QList<double>{0.39, 0.42}
            << QList<double>{NA, NA} << true << 70.0 << 2 << true << false << 70.0;
        // gating measure B NA: fails the gate; Q from A alone = 60
        QTest::newRow("gating measure NA")
            << spec({higher("A"), higher("B", 1.0, 0.30)}) << QList<double>{0.39, NA} << QList<double>{NA, NA}
            << true << 60.0 << 1 << false << true << 60.0;
        {
            QualitySpec s = spec({higher("A", 1.0, 0.40), higher("B")});
            s.gateEnabled = false;
            QTest::newRow("gate_min failing, gate disabled")
                << s << QList<double>{0.39, 0.42} << QList<double>{NA, NA} << true << 70.0 << 2 << true
                << false << 70.0;
        }
    }

    //! The gate's reason in percent for rates (a measure's rate and minimum) and as a score for the
    //! composite: r 0.5951 against gate_min 0.61 → "59.51 %" below "61.00 %"; a lower measure
    //! above its limit; Q 30 (attainment of 0.345 between 0.30 and 0.45) below 40.
    void gateReasonInPercent()
    {
        QualitySpec s = spec({higher("CBP", 1.0, 0.61), lower("L", 1.0, 0.15)});
        s.minComposite = 40.0;
        QualityInput in;
        in.spec = &s;
        in.rates = {MeasureRates{0.5951, std::nullopt}, MeasureRates{0.18, std::nullopt}};
        const QualityResult r = computeQuality(in);
        QVERIFY(!r.gatePassed);
        QCOMPARE(r.gateReason, std::string("measure gate: CBP rate 59.51 % below its minimum 61.00 %, L rate "
                                           "18.00 % above its limit 15.00 %"));
        in.rates = {MeasureRates{0.345, std::nullopt}, MeasureRates{0.20, std::nullopt}};
        s.measures[0].gateMin.reset();
        s.measures[1].gateMin.reset();
        // CBP: 100·(0.345 − 0.30)/0.15 = 30; L: r 0.20 at its threshold 0.20 → 0; (30 + 0)/2 = 15
        QCOMPARE(computeQuality(in).gateReason, std::string("composite 15.00 below the minimum 40.00"));
    }

    void composite()
    {
        QFETCH(QualitySpec, spec);
        QFETCH(QList<double>, rates);
        QFETCH(QList<double>, priorRates);
        QFETCH(bool, hasQualityStep);
        QFETCH(double, composite);
        QFETCH(int, reportable);
        QFETCH(bool, gatePassed);
        QFETCH(bool, gateBlocks);
        QFETCH(double, scalingScore);
        QualityInput in;
        in.spec = &spec;
        for (qsizetype i = 0; i < rates.size(); ++i)
            in.rates.push_back(MeasureRates{fixtures::opt(rates[i]), fixtures::opt(priorRates[i])});
        const QualityResult r = computeQuality(in);
        QCOMPARE(r.hasQualityStep, hasQualityStep);
        QCOMPARE(r.composite.has_value(), !std::isnan(composite));
        if (r.composite)
            FIX_COMPARE_NEAR("Q", *r.composite, composite, kScoreTol);
        QCOMPARE(r.reportableMeasures, reportable);
        QCOMPARE(r.gatePassed, gatePassed);
        QCOMPARE(r.gateBlocks, gateBlocks);
        // Which test failed: the composite's alone, apart from the measure minimums, enabled or not
        // ("Q below min_composite", "gate disabled, would fail"; not "gate_min failing").
        QCOMPARE(r.compositeBelowMinimum, r.composite && *r.composite < spec.minComposite);
        const std::optional<Score> scaling = r.scalingScore();
        QCOMPARE(scaling.has_value(), !std::isnan(scalingScore));
        if (scaling)
            FIX_COMPARE_NEAR("scaling score", *scaling, scalingScore, kScoreTol);
    }

    //! §1.2: a rate whose denominator is 0 or below min_denominator is NA; a `rate` row always counts.
    void reportableRate_data()
    {
        QTest::addColumn<double>("numerator");   // NA: empty
        QTest::addColumn<double>("denominator"); // NA: empty
        QTest::addColumn<double>("rate");        // NA: the numerator/denominator form
        QTest::addColumn<int>("minDenominator");
        QTest::addColumn<double>("expected"); // NA: not reportable
        QTest::newRow("45/100") << 45.0 << 100.0 << NA << 30 << 0.45;
        QTest::newRow("denominator at the minimum") << 15.0 << 30.0 << NA << 30 << 0.5;
        QTest::newRow("denominator below the minimum") << 15.0 << 29.0 << NA << 30 << NA;
        QTest::newRow("denominator 0") << 0.0 << 0.0 << NA << 0 << NA;
        QTest::newRow("rate form, always") << NA << NA << 0.42 << 30 << 0.42;
        QTest::newRow("all empty") << NA << NA << NA << 30 << NA;
    }

    void reportableRate()
    {
        QFETCH(double, numerator);
        QFETCH(double, denominator);
        QFETCH(double, rate);
        QFETCH(int, minDenominator);
        QFETCH(double, expected);
        QualityRecord rec;
        if (!std::isnan(numerator))
            rec.numerator = static_cast<long long>(numerator);
        if (!std::isnan(denominator))
            rec.denominator = static_cast<long long>(denominator);
        rec.rate = fixtures::opt(rate);
        const std::optional<Rate> r = rec.reportableRate(minDenominator);
        QCOMPARE(r.has_value(), !std::isnan(expected));
        if (r)
            FIX_COMPARE_NEAR("rate", *r, expected, 1e-10);
    }
};

QTEST_GUILESS_MAIN(TestQuality)
#include "tst_quality.moc"
