//! Risk corridor, blend true-up and MLR remittance (methodology §12), hand-worked (python3 as a
//! calculator, from the spec's formulas; never through the engine), and their wiring into settle().
//!
//! Corridor: d = (A − T)/T with T = target_pmpm · MM; settlement to the plan
//!   = sign(d) · T · Σ_band state_share · overlap(|d|, band), overlap = max(0, min(|d|, to) − from).
//!   CalAIM-style bands: [0, 2 %) 0, [2 %, 5 %) 50 %, 5 %+ 90 %.
//! Blend: R_blend = Σ mix_c R_c; Δ = Σ_c MM_c R_c − R_blend Σ_c MM_c, paid when
//!   |Δ| > tolerance · R_blend Σ MM_c.
//! MLR remittance: MLR = medical cost / revenue; remittance max(0, minimum − MLR) · revenue.
//!
//! Tolerances: dollars 1e-6, rates 1e-12.

#include "engine/experience_index.h"
#include "engine/risk_corridor.h"
#include "engine/settlement.h"

#include "engine_fixtures.h"

#include <QTest>

#include <algorithm>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::Corridor)

namespace {

constexpr double kMoneyTol = 1e-6;
constexpr double kRateTol = 1e-12;

CorridorBand band(double from, std::optional<double> to, double share)
{
    CorridorBand b;
    b.from = from;
    b.to = to;
    b.stateShare = share;
    return b;
}

//! The CalAIM ECM corridor at `target` PMPM.
Corridor calAim(double target)
{
    Corridor c;
    c.name = "ecm";
    c.cos = "ecm";
    c.targetPmpm = target;
    c.bands = {band(0.0, 0.02, 0.0), band(0.02, 0.05, 0.5), band(0.05, std::nullopt, 0.9)};
    return c;
}

//! SPD 1,200 and LTC 8,000 PMPM, projected mix 0.8 / 0.2: R_blend = 960 + 1,600 = 2,560.
BlendSpec spdLtc(double tolerance)
{
    BlendSpec b;
    b.rateCells = {"SPD", "LTC"};
    b.rates = {{"SPD", 1200.0}, {"LTC", 8000.0}};
    b.projectedMix = {{"SPD", 0.8}, {"LTC", 0.2}};
    b.tolerance = tolerance;
    return b;
}

MlrRemittance mlrFloor(bool enabled, double minimum)
{
    MlrRemittance m;
    m.enabled = enabled;
    m.minimum = minimum;
    return m;
}

QByteArray corridorInputs(const Corridor& c, double actual, double mm)
{
    QByteArray s = "target " + QByteArray::number(c.targetPmpm, 'g', 17) + " PMPM, MM " +
                   QByteArray::number(mm, 'g', 17) + ", actual " + QByteArray::number(actual, 'g', 17) +
                   ", bands";
    for (const CorridorBand& b : c.bands)
        s += " [" + QByteArray::number(b.from) + ", " +
             (b.to ? QByteArray::number(*b.to) : QByteArray("null")) + ") " +
             QByteArray::number(b.stateShare);
    return s;
}

} // namespace

class TestRiskCorridor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void settleCorridor_data()
    {
        QTest::addColumn<Corridor>("corridor");
        QTest::addColumn<double>("actual");
        QTest::addColumn<double>("memberMonths");
        QTest::addColumn<double>("target");
        QTest::addColumn<double>("deviation");
        QTest::addColumn<QList<double>>("overlaps");
        QTest::addColumn<double>("settlement");

        // T = 50 · 10,000 = 500,000 throughout the CalAIM rows.
        const Corridor c = calAim(50.0);
        // +1 %: A 505,000; overlaps 0.01, 0, 0 → 0·0.01 = 0
        QTest::newRow("CalAIM +1 %") << c << 505000.0 << 10000.0 << 500000.0 << 0.01
                                     << QList<double>{0.01, 0.0, 0.0} << 0.0;
        // +3 %: A 515,000; overlaps 0.02, 0.01, 0 → 0.5·0.01 = 0.005; · 500,000 = 2,500
        QTest::newRow("CalAIM +3 %") << c << 515000.0 << 10000.0 << 500000.0 << 0.03
                                     << QList<double>{0.02, 0.01, 0.0} << 2500.0;
        // +8 %: A 540,000; overlaps 0.02, 0.03, 0.03 → 0.5·0.03 + 0.9·0.03 = 0.042; · 500,000 = 21,000
        QTest::newRow("CalAIM +8 %") << c << 540000.0 << 10000.0 << 500000.0 << 0.08
                                     << QList<double>{0.02, 0.03, 0.03} << 21000.0;
        // −3 %: A 485,000; |d| as +3 %, sign negative: the plan pays the state 2,500
        QTest::newRow("CalAIM −3 %") << c << 485000.0 << 10000.0 << 500000.0 << -0.03
                                     << QList<double>{0.02, 0.01, 0.0} << -2500.0;
        // −8 %: A 460,000 → −21,000
        QTest::newRow("CalAIM −8 %") << c << 460000.0 << 10000.0 << 500000.0 << -0.08
                                     << QList<double>{0.02, 0.03, 0.03} << -21000.0;
        QTest::newRow("CalAIM on target")
            << c << 500000.0 << 10000.0 << 500000.0 << 0.0 << QList<double>{0.0, 0.0, 0.0} << 0.0;
        // exactly +2 %: the first band only → 0
        QTest::newRow("CalAIM +2 %") << c << 510000.0 << 10000.0 << 500000.0 << 0.02
                                     << QList<double>{0.02, 0.0, 0.0} << 0.0;
        // exactly +5 %: 0.5·0.03 = 0.015 → 7,500
        QTest::newRow("CalAIM +5 %") << c << 525000.0 << 10000.0 << 500000.0 << 0.05
                                     << QList<double>{0.02, 0.03, 0.0} << 7500.0;
        // +100 %: 0.5·0.03 + 0.9·0.95 = 0.87 → 435,000
        QTest::newRow("CalAIM +100 %")
            << c << 1000000.0 << 10000.0 << 500000.0 << 1.0 << QList<double>{0.02, 0.03, 0.95} << 435000.0;
        // no cost at all: −100 % → −435,000
        QTest::newRow("CalAIM −100 %")
            << c << 0.0 << 10000.0 << 500000.0 << -1.0 << QList<double>{0.02, 0.03, 0.95} << -435000.0;
        // T = 37.5 · 8,000 = 300,000; A 330,000: d 0.10: 0.5·0.03 + 0.9·0.05 = 0.06 → 18,000
        QTest::newRow("CalAIM +10 %, other target") << calAim(37.5) << 330000.0 << 8000.0 << 300000.0 << 0.1
                                                    << QList<double>{0.02, 0.03, 0.05} << 18000.0;
        // Bands given highest first: each band is measured on its own, so +8 % still gives 21,000.
        Corridor reversed = calAim(50.0);
        std::reverse(reversed.bands.begin(), reversed.bands.end());
        QTest::newRow("bands out of order, +8 %") << reversed << 540000.0 << 10000.0 << 500000.0 << 0.08
                                                  << QList<double>{0.03, 0.03, 0.02} << 21000.0;
        // A band structure with a gap: [0.01, 0.03) 40 %, [0.06, 0.10) 80 %; d +12 %:
        //   0.4·0.02 + 0.8·0.04 = 0.04 → 20,000 on T 500,000
        Corridor gaps = calAim(50.0);
        gaps.bands = {band(0.01, 0.03, 0.4), band(0.06, 0.10, 0.8)};
        QTest::newRow("bands with gaps, +12 %")
            << gaps << 560000.0 << 10000.0 << 500000.0 << 0.12 << QList<double>{0.02, 0.04} << 20000.0;
        // No target (0 PMPM): d is undefined; nothing is settled.
        QTest::newRow("no target") << calAim(0.0) << 1000.0 << 10000.0 << 0.0 << 0.0 << QList<double>{}
                                   << 0.0;
    }
    void settleCorridor()
    {
        QFETCH(Corridor, corridor);
        QFETCH(double, actual);
        QFETCH(double, memberMonths);
        QFETCH(double, target);
        QFETCH(double, deviation);
        QFETCH(QList<double>, overlaps);
        QFETCH(double, settlement);
        const CorridorResult r = sharecast::settleCorridor(corridor, actual, memberMonths);
        const QByteArray in = corridorInputs(corridor, actual, memberMonths);
        QVERIFY2(r.name == corridor.name && r.cos == corridor.cos, in.constData());
        FIX_COMPARE_NEAR(("actual; " + in).constData(), r.actual, actual, kMoneyTol);
        FIX_COMPARE_NEAR(("target; " + in).constData(), r.target, target, kMoneyTol);
        FIX_COMPARE_NEAR(("deviation; " + in).constData(), r.deviation, deviation, kRateTol);
        FIX_COMPARE_NEAR(("settlement; " + in).constData(), r.settlement, settlement, kMoneyTol);
        if (!overlaps.isEmpty()) {
            QCOMPARE(r.bands.size(), static_cast<std::size_t>(overlaps.size()));
            for (qsizetype i = 0; i < overlaps.size(); ++i) {
                const auto k = static_cast<std::size_t>(i);
                FIX_COMPARE_NEAR(("overlap of band " + QByteArray::number(i) + "; " + in).constData(),
                                 r.bands[k].overlap, overlaps[i], kRateTol);
                QCOMPARE(r.bands[k].stateShare, corridor.bands[k].stateShare);
            }
        }
    }

    //! Invariant: one band of 100 % state share from 0 without an end returns the whole deviation
    //! A − T (sign(d) · T · |d| = T · d = A − T), on both sides.
    void oneFullBandReturnsWholeDeviation_data()
    {
        QTest::addColumn<double>("targetPmpm");
        QTest::addColumn<double>("memberMonths");
        QTest::addColumn<double>("actual");
        // T = 50 · 10,000 = 500,000
        QTest::newRow("over by 37,123.45") << 50.0 << 10000.0 << 537123.45;
        QTest::newRow("under by 123,456.78") << 50.0 << 10000.0 << 376543.22;
        // T = 42.17 · 12,345.5 = 520,599.735
        QTest::newRow("fractional MM, over") << 42.17 << 12345.5 << 600000.0;
        QTest::newRow("fractional MM, under") << 42.17 << 12345.5 << 1.0;
        QTest::newRow("no cost") << 42.17 << 12345.5 << 0.0;
        QTest::newRow("three times the target") << 10.0 << 1000.0 << 30000.0;
        QTest::newRow("on target") << 10.0 << 1000.0 << 10000.0;
    }
    void oneFullBandReturnsWholeDeviation()
    {
        QFETCH(double, targetPmpm);
        QFETCH(double, memberMonths);
        QFETCH(double, actual);
        Corridor c;
        c.name = "full";
        c.cos = "ecm";
        c.targetPmpm = targetPmpm;
        c.bands = {band(0.0, std::nullopt, 1.0)};
        const CorridorResult r = sharecast::settleCorridor(c, actual, memberMonths);
        const double t = targetPmpm * memberMonths;
        FIX_COMPARE_NEAR(("A − T; " + corridorInputs(c, actual, memberMonths)).constData(), r.settlement,
                         actual - t, kMoneyTol);
    }

    void trueUpBlend_data()
    {
        QTest::addColumn<double>("tolerance");
        QTest::addColumn<double>("spdMM");
        QTest::addColumn<double>("ltcMM");
        QTest::addColumn<double>("otherMM"); // member months of a cell outside the blend (ignored)
        QTest::addColumn<double>("atCellRates");
        QTest::addColumn<double>("atBlendedRate");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<double>("trueUp");

        // R_blend = 2,560 in every row.
        // 8,000·1,200 + 2,000·8,000 = 25,600,000 = 2,560·10,000: Δ 0
        QTest::newRow("mix as projected")
            << 0.0 << 8000.0 << 2000.0 << 0.0 << 25600000.0 << 25600000.0 << 0.0 << 0.0;
        // 7,000·1,200 + 3,000·8,000 = 32,400,000; 2,560·10,000 = 25,600,000; Δ 6,800,000;
        //   threshold 0.05·25,600,000 = 1,280,000: not binding → 6,800,000 to the plan
        QTest::newRow("more LTC, tolerance not binding")
            << 0.05 << 7000.0 << 3000.0 << 0.0 << 32400000.0 << 25600000.0 << 1280000.0 << 6800000.0;
        // 7,950·1,200 + 2,050·8,000 = 25,940,000; Δ 340,000; threshold 0.02·25.6M = 512,000: binding → 0
        QTest::newRow("slightly more LTC, tolerance binding")
            << 0.02 << 7950.0 << 2050.0 << 0.0 << 25940000.0 << 25600000.0 << 512000.0 << 0.0;
        QTest::newRow("slightly more LTC, no tolerance")
            << 0.0 << 7950.0 << 2050.0 << 0.0 << 25940000.0 << 25600000.0 << 0.0 << 340000.0;
        // 8,500·1,200 + 1,500·8,000 = 22,200,000; Δ −3,400,000; threshold 1,280,000 → −3,400,000 (the plan
        // repays)
        QTest::newRow("less LTC, tolerance not binding")
            << 0.05 << 8500.0 << 1500.0 << 0.0 << 22200000.0 << 25600000.0 << 1280000.0 << -3400000.0;
        // threshold 0.2·25.6M = 5,120,000 > 3,400,000 → 0
        QTest::newRow("less LTC, tolerance binding")
            << 0.2 << 8500.0 << 1500.0 << 0.0 << 22200000.0 << 25600000.0 << 5120000.0 << 0.0;
        // 2,400·1,200 + 1,000·8,000 = 10,880,000; 2,560·3,400 = 8,704,000; Δ 2,176,000;
        //   threshold 0.25·8,704,000 = 2,176,000 = |Δ|: paid only when above → 0
        QTest::newRow("difference exactly at the tolerance")
            << 0.25 << 2400.0 << 1000.0 << 0.0 << 10880000.0 << 8704000.0 << 2176000.0 << 0.0;
        // An Adult cell (no blend rate) adds nothing: as "more LTC, tolerance not binding"
        QTest::newRow("cell outside the blend ignored")
            << 0.05 << 7000.0 << 3000.0 << 5000.0 << 32400000.0 << 25600000.0 << 1280000.0 << 6800000.0;
    }
    void trueUpBlend()
    {
        QFETCH(double, tolerance);
        QFETCH(double, spdMM);
        QFETCH(double, ltcMM);
        QFETCH(double, otherMM);
        QFETCH(double, atCellRates);
        QFETCH(double, atBlendedRate);
        QFETCH(double, threshold);
        QFETCH(double, trueUp);
        std::vector<std::pair<std::string, MemberMonths>> mm{{"SPD", spdMM}, {"LTC", ltcMM}};
        if (otherMM > 0.0)
            mm.emplace_back("Adult", otherMM);
        const BlendResult r = sharecast::trueUpBlend(spdLtc(tolerance), mm);
        const QByteArray in = "SPD 1200 / LTC 8000, mix 0.8 / 0.2, tolerance " +
                              QByteArray::number(tolerance) + ", MM SPD " + QByteArray::number(spdMM) +
                              ", LTC " + QByteArray::number(ltcMM) + ", Adult " + QByteArray::number(otherMM);
        FIX_COMPARE_NEAR(("blended rate; " + in).constData(), r.blendedRate, 2560.0, kMoneyTol);
        FIX_COMPARE_NEAR(("member months; " + in).constData(), r.memberMonths, spdMM + ltcMM, kMoneyTol);
        FIX_COMPARE_NEAR(("at cell rates; " + in).constData(), r.atCellRates, atCellRates, kMoneyTol);
        FIX_COMPARE_NEAR(("at blended rate; " + in).constData(), r.atBlendedRate, atBlendedRate, kMoneyTol);
        FIX_COMPARE_NEAR(("difference; " + in).constData(), r.difference, atCellRates - atBlendedRate,
                         kMoneyTol);
        FIX_COMPARE_NEAR(("threshold; " + in).constData(), r.threshold, threshold, kMoneyTol);
        FIX_COMPARE_NEAR(("true-up; " + in).constData(), r.trueUp, trueUp, kMoneyTol);
    }

    //! Invariant: when the actual mix equals the projected mix the true-up is 0 (Δ = Σ_c MM·mix_c·R_c
    //! − Σ_c mix_c R_c · MM = 0), whatever the rates, the enrollment and the tolerance.
    void blendAtProjectedMixTruesUpNothing_data()
    {
        QTest::addColumn<double>("totalMM");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("12,345 MM, no tolerance") << 12345.0 << 0.0;
        QTest::newRow("987,654.5 MM, no tolerance") << 987654.5 << 0.0;
        QTest::newRow("100 MM, tolerance 1 %") << 100.0 << 0.01;
    }
    void blendAtProjectedMixTruesUpNothing()
    {
        QFETCH(double, totalMM);
        QFETCH(double, tolerance);
        BlendSpec b;
        b.rateCells = {"SPD", "SPD/Dual", "LTC"};
        b.rates = {{"SPD", 1150.25}, {"SPD/Dual", 480.10}, {"LTC", 7925.55}};
        b.projectedMix = {{"SPD", 0.6}, {"SPD/Dual", 0.3}, {"LTC", 0.1}};
        b.tolerance = tolerance;
        const BlendResult r = sharecast::trueUpBlend(
            b, {{"SPD", 0.6 * totalMM}, {"SPD/Dual", 0.3 * totalMM}, {"LTC", 0.1 * totalMM}});
        const QByteArray in = "total MM " + QByteArray::number(totalMM, 'g', 17) + ", tolerance " +
                              QByteArray::number(tolerance);
        // R_blend = 0.6·1,150.25 + 0.3·480.10 + 0.1·7,925.55 = 690.15 + 144.03 + 792.555 = 1,626.735
        FIX_COMPARE_NEAR(("blended rate; " + in).constData(), r.blendedRate, 1626.735, 1e-9);
        FIX_COMPARE_NEAR(("difference; " + in).constData(), r.difference, 0.0, kMoneyTol);
        FIX_COMPARE_NEAR(("true-up; " + in).constData(), r.trueUp, 0.0, kMoneyTol);
    }

    void mlrRemittance_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<double>("minimum");
        QTest::addColumn<double>("medical");
        QTest::addColumn<double>("revenue");
        QTest::addColumn<double>("ratio"); // NA: not computed
        QTest::addColumn<double>("remittance");
        // 800,000 / 1,000,000 = 0.80 < 0.85: (0.85 − 0.80) · 1,000,000 = 50,000
        QTest::newRow("below the 85 % floor") << true << 0.85 << 800000.0 << 1000000.0 << 0.8 << 50000.0;
        QTest::newRow("above the floor") << true << 0.85 << 900000.0 << 1000000.0 << 0.9 << 0.0;
        QTest::newRow("at the floor") << true << 0.85 << 850000.0 << 1000000.0 << 0.85 << 0.0;
        // no revenue: the ratio is undefined and nothing is remitted
        QTest::newRow("revenue 0") << true << 0.85 << 800000.0 << 0.0 << NA << 0.0;
        // no medical cost: ratio 0 → 0.85 · 2,000,000 = 1,700,000
        QTest::newRow("no medical cost") << true << 0.85 << 0.0 << 2000000.0 << 0.0 << 1700000.0;
        // floor 0.88: 7,930,000 / 10,000,000 = 0.793; (0.88 − 0.793) · 10,000,000 = 870,000
        QTest::newRow("floor 88 %") << true << 0.88 << 7930000.0 << 10000000.0 << 0.793 << 870000.0;
        QTest::newRow("disabled") << false << 0.85 << 800000.0 << 1000000.0 << NA << 0.0;
    }
    void mlrRemittance()
    {
        QFETCH(bool, enabled);
        QFETCH(double, minimum);
        QFETCH(double, medical);
        QFETCH(double, revenue);
        QFETCH(double, ratio);
        QFETCH(double, remittance);
        const MlrRemittanceResult r = computeMlrRemittance(mlrFloor(enabled, minimum), medical, revenue);
        const QByteArray in = QByteArray(enabled ? "enabled" : "disabled") + ", minimum " +
                              QByteArray::number(minimum) + ", medical " +
                              QByteArray::number(medical, 'g', 17) + ", revenue " +
                              QByteArray::number(revenue, 'g', 17);
        FIX_COMPARE_NEAR(("ratio; " + in).constData(), r.ratio ? *r.ratio : NA, ratio, kRateTol);
        FIX_COMPARE_NEAR(("remittance; " + in).constData(), r.remittance, remittance, kMoneyTol);
        FIX_COMPARE_NEAR(("medical; " + in).constData(), r.medicalCost, medical, kMoneyTol);
        FIX_COMPARE_NEAR(("revenue; " + in).constData(), r.revenue, revenue, kMoneyTol);
    }

    //! settle() fills PlanSettlement::corridors, blend and mlrRemittance from the plan's settled
    //! cells of the performance year (2024; baseline 2023 by default).
    //!
    //!   plan cell       year    MM  inpatient      ecm  capitation_revenue
    //!   A    R1/SPD     2023  6000  4,800,000  250,000
    //!   A    R1/SPD     2024  6000  5,000,000  276,000  6,000,000
    //!   A    R1/LTC     2023  4000  2,400,000  150,000
    //!   A    R1/LTC     2024  4000  2,500,000  154,000  4,000,000
    //!   A    R2/SPD     2024  1000    900,000  100,000  1,000,000   (no baseline year: not settled)
    //!   B    R1/SPD     2023  2000  1,500,000   75,000
    //!   B    R1/SPD     2024  2000  1,600,000   80,000  2,000,000
    //!
    //! A corridor (ecm, 40 PMPM, CalAIM bands): T = 40·10,000 = 400,000; A = 430,000; d = 0.075;
    //!   0.5·0.03 + 0.9·0.025 = 0.0375 → +15,000.
    //! A blend (SPD 1,200 / LTC 8,000, mix 0.8/0.2, tolerance 0.02): 6,000·1,200 + 4,000·8,000 =
    //!   39,200,000 − 2,560·10,000 = 13,600,000 > 512,000 → +13,600,000.
    //! A MLR (floor 0.85): (7,500,000 + 430,000) / 10,000,000 = 0.793 → 0.057·10,000,000 = 570,000.
    //! B corridor: T = 40·2,000 = 80,000 = A → 0. B blend: 2,000·1,200 = 2,400,000 − 2,560·2,000 =
    //!   −2,720,000; threshold 0.02·5,120,000 = 102,400 → −2,720,000. B MLR 1,680,000 / 2,000,000 =
    //!   0.84 → 0.01·2,000,000 = 20,000.
    void settleWiresTheTools()
    {
        fixtures::ExperienceBuilder b({"inpatient", "ecm"});
        b.add("A", "R1", "SPD", 2023, 6000, {4800000, 250000});
        b.add("A", "R1", "SPD", 2024, 6000, {5000000, 276000}).capitationRevenue = 6000000;
        b.add("A", "R1", "LTC", 2023, 4000, {2400000, 150000});
        b.add("A", "R1", "LTC", 2024, 4000, {2500000, 154000}).capitationRevenue = 4000000;
        b.add("A", "R2", "SPD", 2024, 1000, {900000, 100000}).capitationRevenue = 1000000;
        b.add("B", "R1", "SPD", 2023, 2000, {1500000, 75000});
        b.add("B", "R1", "SPD", 2024, 2000, {1600000, 80000}).capitationRevenue = 2000000;
        const ExperienceData data = b.data();
        const ExperienceIndex index(data);

        Scenario s;
        s.performanceYear = 2024;
        s.corridors = {calAim(40.0)};
        s.blend = spdLtc(0.02);
        s.mlrRemittance = mlrFloor(true, 0.85);
        const Settlement st = settle(index, nullptr, s, SettlementOptions{});
        QCOMPARE(st.plans.size(), std::size_t{2});
        const PlanSettlement& a = st.plans[0];
        const PlanSettlement& bb = st.plans[1];
        QCOMPARE(a.planId, std::string("A"));
        QCOMPARE(a.cells.size(), std::size_t{2});

        QCOMPARE(a.corridors.size(), std::size_t{1});
        FIX_COMPARE_NEAR("A corridor target", a.corridors[0].target, 400000.0, kMoneyTol);
        FIX_COMPARE_NEAR("A corridor actual", a.corridors[0].actual, 430000.0, kMoneyTol);
        FIX_COMPARE_NEAR("A corridor deviation", a.corridors[0].deviation, 0.075, kRateTol);
        FIX_COMPARE_NEAR("A corridor settlement", a.corridors[0].settlement, 15000.0, kMoneyTol);
        QVERIFY(a.blend.has_value());
        FIX_COMPARE_NEAR("A blend true-up", a.blend->trueUp, 13600000.0, kMoneyTol);
        QVERIFY(a.mlrRemittance.has_value() && a.mlrRemittance->ratio.has_value());
        FIX_COMPARE_NEAR("A MLR", *a.mlrRemittance->ratio, 0.793, kRateTol);
        FIX_COMPARE_NEAR("A MLR remittance", a.mlrRemittance->remittance, 570000.0, kMoneyTol);

        QCOMPARE(bb.corridors.size(), std::size_t{1});
        FIX_COMPARE_NEAR("B corridor settlement", bb.corridors[0].settlement, 0.0, kMoneyTol);
        QVERIFY(bb.blend.has_value());
        FIX_COMPARE_NEAR("B blend true-up", bb.blend->trueUp, -2720000.0, kMoneyTol);
        QVERIFY(bb.mlrRemittance.has_value());
        FIX_COMPARE_NEAR("B MLR remittance", bb.mlrRemittance->remittance, 20000.0, kMoneyTol);

        // Without the tools in the scenario nothing is filled in.
        Scenario plain;
        plain.performanceYear = 2024;
        const Settlement none = settle(index, nullptr, plain, SettlementOptions{});
        for (const PlanSettlement& p : none.plans) {
            QVERIFY(p.corridors.empty());
            QVERIFY(!p.blend.has_value());
            QVERIFY(!p.mlrRemittance.has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestRiskCorridor)
#include "tst_risk_corridor.moc"
