//! Capitation rates, rebasing versus non-rebasing (methodology §10): buildGrossRate and
//! programChangeFactor, hand-worked (python3 as a calculator, from the spec's formulas; never
//! through the engine).
//!
//! COS of the dataset: inpatient, outpatient, professional, ecm (indices 0..3).
//!
//! Scenario R (trends by the §2.3 precedence, program changes by §2.4):
//!   trend default               u 0.01,  k 0.03  → annual factor 1.01·1.03  = 1.0403
//!   trend by_cos inpatient      u 0.005, k 0.04  →              1.005·1.04 = 1.0452
//!   by_rate_cell SPD default    u 0.02,  k 0.03  →              1.02·1.03  = 1.0506
//!   by_rate_cell SPD inpatient  u 0.03,  k 0.05  →              1.03·1.05  = 1.0815
//!   program changes  (a) inpatient ×1.02 effective 2024, every rate cell
//!                    (b) every COS (cos null) ×1.05 effective 2025, every rate cell
//!                    (c) professional ×0.90 effective 2024, rate cells [SPD]
//!                    (d) outpatient ×1.10 effective 2023, rate cells [] (applies to no cell)
//!                    (e) inpatient ×1.10 and (f) inpatient ×0.95, both effective 2027
//!   PC_s(b, R) = Π factor over changes for s (and the cell) with b < effective_year <= R.
//!
//! Gross rate: medical = Σ_s base PMPM_s · T_s^(R − b) · PC_s(b, R);
//! gross = medical / (1 − admin_load − underwriting_gain). With care coordination as medical
//! (ecm in the rate), the admin load is reduced by ecm PMPM / the base year's gross rate, where that
//! gross rate is the base year's medical PMPM without ecm, untrended, over (1 − 0.08 − 0.02)
//! (ECM as administration, as before the change; the engine's documented reading of §10).
//!
//! Tolerances: PMPM 1e-9, factors and loads 1e-12.

#include "engine/rates.h"
#include "engine/scenario.h"

#include "engine_fixtures.h"

#include <QTest>

#include <string>
#include <vector>

using namespace sharecast;

namespace {

constexpr double kPmpmTol = 1e-9;
constexpr double kFactorTol = 1e-12;

const std::vector<std::string>& cosNames()
{
    static const std::vector<std::string> names{"inpatient", "outpatient", "professional", "ecm"};
    return names;
}

ProgramChange change(std::optional<std::string> cos, std::optional<std::vector<std::string>> cells,
                     Year effective, double factor)
{
    ProgramChange c;
    c.cos = std::move(cos);
    c.rateCells = std::move(cells);
    c.effectiveYear = effective;
    c.factor = factor;
    return c;
}

//! Scenario R of the header.
const Scenario& scenarioR()
{
    static const Scenario s = [] {
        Scenario r;
        r.trend.defaultTrend = {0.01, 0.03};
        r.trend.byCos["inpatient"] = {0.005, 0.04};
        r.trend.byRateCell["SPD"].defaultTrend = TrendPair{0.02, 0.03};
        r.trend.byRateCell["SPD"].byCos["inpatient"] = {0.03, 0.05};
        r.programChanges = {
            change("inpatient", std::nullopt, 2024, 1.02),
            change(std::nullopt, std::nullopt, 2025, 1.05),
            change("professional", std::vector<std::string>{"SPD"}, 2024, 0.90),
            change("outpatient", std::vector<std::string>{}, 2023, 1.10),
            change("inpatient", std::nullopt, 2027, 1.10),
            change("inpatient", std::nullopt, 2027, 0.95),
        };
        return r;
    }();
    return s;
}

int cosIndex(const QString& name)
{
    for (std::size_t i = 0; i < cosNames().size(); ++i)
        if (cosNames()[i] == name.toStdString())
            return static_cast<int>(i);
    return -1;
}

QByteArray inputs(const QString& cell, const QStringList& cos, const QList<double>& base, int ecm, int b,
                  int r, double admin, double ug)
{
    QByteArray s = "cell " + cell.toUtf8() + ", cos " + cos.join('/').toUtf8() + ", base PMPM";
    for (double x : base)
        s += ' ' + QByteArray::number(x, 'g', 17);
    s += ", ecm position " + QByteArray::number(ecm) + ", base year " + QByteArray::number(b) +
         ", rate year " + QByteArray::number(r) + ", admin " + QByteArray::number(admin) +
         ", underwriting gain " + QByteArray::number(ug);
    return s;
}

} // namespace

class TestRates : public QObject {
    Q_OBJECT
private Q_SLOTS:
    //! §2.4 timing: a change counts when from < effective_year <= to, for its COS (null: every
    //! COS) and its rate cells (null: every cell; []: none); several changes multiply.
    void programChangeFactor_data()
    {
        QTest::addColumn<QString>("cos");
        QTest::addColumn<QString>("cell");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<double>("expected");

        QTest::newRow("(a) effective in the rate year counts") << "inpatient"
                                                               << "Adult" << 2023 << 2024 << 1.02;
        QTest::newRow("(a) effective in the base year does not") << "inpatient"
                                                                 << "Adult" << 2024 << 2024 << 1.0;
        // 2024 is not > 2024; (b) 2025 is in (2024, 2025]
        QTest::newRow("(a) not after the base year, (b) counts") << "inpatient"
                                                                 << "Adult" << 2024 << 2025 << 1.05;
        // (a)·(b) = 1.02·1.05 = 1.071
        QTest::newRow("(a) and (b) over two years") << "inpatient"
                                                    << "Adult" << 2023 << 2025 << 1.071;
        QTest::newRow("nothing in (2022, 2023] for inpatient") << "inpatient"
                                                               << "Adult" << 2022 << 2023 << 1.0;
        QTest::newRow("(b) effective in the base year does not") << "inpatient"
                                                                 << "Adult" << 2025 << 2026 << 1.0;
        // (e)·(f) = 1.10·0.95 = 1.045
        QTest::newRow("two changes in one year multiply") << "inpatient"
                                                          << "Adult" << 2026 << 2027 << 1.045;
        // (a)·(b)·(e)·(f) = 1.02·1.05·1.10·0.95 = 1.119195
        QTest::newRow("every inpatient change") << "inpatient"
                                                << "SPD" << 2000 << 2030 << 1.119195;
        QTest::newRow("rate_cells [] applies to no cell (Adult)") << "outpatient"
                                                                  << "Adult" << 2022 << 2023 << 1.0;
        QTest::newRow("rate_cells [] applies to no cell (SPD)") << "outpatient"
                                                                << "SPD" << 2022 << 2023 << 1.0;
        QTest::newRow("(c) in its listed cell") << "professional"
                                                << "SPD" << 2023 << 2024 << 0.90;
        QTest::newRow("(c) not in another cell") << "professional"
                                                 << "Adult" << 2023 << 2024 << 1.0;
        // (c)·(b) = 0.90·1.05 = 0.945
        QTest::newRow("(c) and (b) in SPD") << "professional"
                                            << "SPD" << 2023 << 2025 << 0.945;
        QTest::newRow("cos null reaches ecm") << "ecm"
                                              << "Child" << 2020 << 2030 << 1.05;
        QTest::newRow("cos null reaches a COS no change names") << "dental"
                                                                << "Adult" << 2024 << 2025 << 1.05;
        QTest::newRow("from after to: no change") << "inpatient"
                                                  << "Adult" << 2025 << 2023 << 1.0;
    }
    void programChangeFactor()
    {
        QFETCH(QString, cos);
        QFETCH(QString, cell);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(double, expected);
        const double pc =
            sharecast::programChangeFactor(scenarioR(), cos.toStdString(), cell.toStdString(), from, to);
        const QByteArray what = "PC(" + cos.toUtf8() + ", " + cell.toUtf8() + ", " +
                                QByteArray::number(from) + " → " + QByteArray::number(to) + ")";
        FIX_COMPARE_NEAR(what.constData(), pc, expected, kFactorTol);
    }

    //! §10 gross rate: trend and program-change factors over R − base years, admin load and
    //! underwriting gain, care coordination as medical.
    void buildGrossRate_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QStringList>("cos");
        QTest::addColumn<QList<double>>("basePmpm");
        QTest::addColumn<int>("ecmPosition"); // −1: care coordination not medical
        QTest::addColumn<int>("baseYear");
        QTest::addColumn<int>("rateYear");
        QTest::addColumn<double>("admin");
        QTest::addColumn<double>("ug");
        QTest::addColumn<double>("medical");
        QTest::addColumn<double>("careCoordination");
        QTest::addColumn<double>("adminApplied");
        QTest::addColumn<double>("gross");

        // 200 · 1.0403^2 = 200 · 1.08222409 = 216.444818; / 0.9 = 240.494242222…
        // (no change touches professional in Adult over (2021, 2023])
        QTest::newRow("one COS, default trend, 2 years")
            << "Adult" << QStringList{"professional"} << QList<double>{200.0} << -1 << 2021 << 2023 << 0.08
            << 0.02 << 216.444818 << 0.0 << 0.08 << 240.49424222222223;
        // 2022 → 2025, 3 years. inpatient 100 · 1.0452^3 (1.141821465408) · (a)1.02·(b)1.05
        //   = 122.289078945197; outpatient 50 · 1.0403^3 (1.125837720827) · (b)1.05 = 59.106480343418
        //   ((d) applies to no cell); professional 80 · 1.125837720827 · (b)1.05 = 94.570368549468
        //   ((c) is SPD only). Σ 275.965927838082; / 0.9 = 306.628808708980
        QTest::newRow("three COS, Adult, 3 years with program changes")
            << "Adult" << QStringList{"inpatient", "outpatient", "professional"}
            << QList<double>{100.0, 50.0, 80.0} << -1 << 2022 << 2025 << 0.08 << 0.02 << 275.9659278380823
            << 0.0 << 0.08 << 306.62880870898033;
        // SPD, 2022 → 2025: inpatient by_rate_cell SPD by_cos 1.0815^3 = 1.264968093375 · 1.071
        //   · 100 = 135.478082800463; outpatient SPD default 1.0506^3 = 1.159610634216 · 1.05 · 50
        //   = 60.879558296340; professional 1.159610634216 · (c)0.90·(b)1.05 · 80 = 87.666563946730.
        //   Σ 284.024205043532; / 0.9 = 315.582450048369
        QTest::newRow("SPD: rate-cell trends and a cell-listed change")
            << "SPD" << QStringList{"inpatient", "outpatient", "professional"}
            << QList<double>{100.0, 50.0, 80.0} << -1 << 2022 << 2025 << 0.08 << 0.02 << 284.02420504353216
            << 0.0 << 0.08 << 315.5824500483691;
        // lag 0: R = base = 2024: trend^0 = 1, PC(2024, 2024) = 1: 230 / 0.9 = 255.555…
        QTest::newRow("lag 0: no trend, no change")
            << "Adult" << QStringList{"inpatient", "outpatient", "professional"}
            << QList<double>{100.0, 50.0, 80.0} << -1 << 2024 << 2024 << 0.08 << 0.02 << 230.0 << 0.0 << 0.08
            << 255.55555555555554;
        // 2024 → 2025: (a) is in the base year (not applied), (b) applies to all:
        //   100 · 1.0452 · 1.05 + 50 · 1.0403 · 1.05 + 80 · 1.0403 · 1.05
        //   = 109.746 + 54.61575 + 87.3852 = 251.74695; / 0.9 = 279.718833333…
        QTest::newRow("change effective in the base year is not applied")
            << "Adult" << QStringList{"inpatient", "outpatient", "professional"}
            << QList<double>{100.0, 50.0, 80.0} << -1 << 2024 << 2025 << 0.08 << 0.02 << 251.74695 << 0.0
            << 0.08 << 279.71883333333335;
        // admin 0.10, underwriting gain 0.03: 216.444818 / 0.87 = 248.787147126437
        QTest::newRow("admin 0.10, underwriting gain 0.03")
            << "Adult" << QStringList{"professional"} << QList<double>{200.0} << -1 << 2021 << 2023 << 0.10
            << 0.03 << 216.444818 << 0.0 << 0.10 << 248.7871471264368;
        QTest::newRow("no loads: gross = medical")
            << "Adult" << QStringList{"professional"} << QList<double>{200.0} << -1 << 2021 << 2023 << 0.0
            << 0.0 << 216.444818 << 0.0 << 0.0 << 216.444818;
        // Care coordination as medical, Adult 2023 → 2024: base inpatient 120, professional 80,
        //   ecm 9. Base gross without ecm = (120 + 80) / 0.9 = 222.222…; admin reduced by
        //   9 / 222.222… = 0.0405 → 0.0395. Medical = 120 · 1.0452 · (a)1.02 + 80 · 1.0403
        //   + 9 · 1.0403 (ecm takes the default trend) = 127.93248 + 83.224 + 9.3627 = 220.51918;
        //   gross = 220.51918 / (1 − 0.0395 − 0.02) = 220.51918 / 0.9405 = 234.470154173312
        QTest::newRow("care coordination: ecm as medical, admin reduced")
            << "Adult" << QStringList{"inpatient", "professional", "ecm"} << QList<double>{120.0, 80.0, 9.0}
            << 2 << 2023 << 2024 << 0.08 << 0.02 << 220.51918 << 9.0 << 0.0395 << 234.47015417331204;
        // ecm 30: 30 / 222.222… = 0.135 > 0.08: the load stops at 0 (a negative administrative
        //   load has no meaning). Medical 127.93248 + 83.224 + 31.209 = 242.36548; / 0.98
        //   = 247.311714285714
        QTest::newRow("care coordination larger than the admin load")
            << "Adult" << QStringList{"inpatient", "professional", "ecm"} << QList<double>{120.0, 80.0, 30.0}
            << 2 << 2023 << 2024 << 0.08 << 0.02 << 242.36548 << 30.0 << 0.0 << 247.3117142857143;
        // ecm in the rate as an ordinary COS (not care coordination): admin stays 0.08;
        //   220.51918 / 0.9 = 245.021311111111
        QTest::newRow("ecm included without care coordination")
            << "Adult" << QStringList{"inpatient", "professional", "ecm"} << QList<double>{120.0, 80.0, 9.0}
            << -1 << 2023 << 2024 << 0.08 << 0.02 << 220.51918 << 0.0 << 0.08 << 245.0213111111111;
    }
    void buildGrossRate()
    {
        QFETCH(QString, cell);
        QFETCH(QStringList, cos);
        QFETCH(QList<double>, basePmpm);
        QFETCH(int, ecmPosition);
        QFETCH(int, baseYear);
        QFETCH(int, rateYear);
        QFETCH(double, admin);
        QFETCH(double, ug);
        QFETCH(double, medical);
        QFETCH(double, careCoordination);
        QFETCH(double, adminApplied);
        QFETCH(double, gross);

        const std::string rateCell = cell.toStdString();
        std::vector<int> indices;
        for (const QString& c : cos)
            indices.push_back(cosIndex(c));
        RateInput in;
        in.scenario = &scenarioR();
        in.rateCell = &rateCell;
        in.cosNames = &cosNames();
        in.cos = &indices;
        in.basePmpm.assign(basePmpm.begin(), basePmpm.end());
        in.ecmPosition = ecmPosition;
        in.baseYear = baseYear;
        in.rateYear = rateYear;
        in.assumptions = RateAssumptions{admin, ug, ecmPosition >= 0};
        in.trace = true;
        const GrossRate r = sharecast::buildGrossRate(in);

        const QByteArray what = inputs(cell, cos, basePmpm, ecmPosition, baseYear, rateYear, admin, ug);
        QVERIFY2(r.rateYear == rateYear && r.baseYear == baseYear, what.constData());
        FIX_COMPARE_NEAR(("medical PMPM; " + what).constData(), r.medicalPmpm, medical, kPmpmTol);
        FIX_COMPARE_NEAR(("care coordination PMPM; " + what).constData(), r.careCoordinationPmpm,
                         careCoordination, kPmpmTol);
        FIX_COMPARE_NEAR(("admin load applied; " + what).constData(), r.adminLoad, adminApplied, kFactorTol);
        FIX_COMPARE_NEAR(("underwriting gain; " + what).constData(), r.underwritingGain, ug, kFactorTol);
        FIX_COMPARE_NEAR(("gross rate; " + what).constData(), r.gross, gross, kPmpmTol);
        // The trace multiplies out to the medical PMPM.
        QCOMPARE(r.terms.size(), indices.size());
        double sum = 0.0;
        for (std::size_t k = 0; k < r.terms.size(); ++k) {
            QCOMPARE(r.terms[k].cos, indices[k]);
            QCOMPARE(r.terms[k].careCoordination, static_cast<int>(k) == ecmPosition);
            sum += r.terms[k].basePmpm * r.terms[k].trendFactor * r.terms[k].programChange;
        }
        FIX_COMPARE_NEAR(("Σ trace terms; " + what).constData(), sum, medical, kPmpmTol);
    }

    //! The trace's factors for the SPD row: each COS's own trend (§2.3 precedence) to the power
    //! R − base, and its own program-change factor.
    void buildGrossRate_traceFactors()
    {
        const std::string cell = "SPD";
        const std::vector<int> cos{0, 1, 2};
        RateInput in;
        in.scenario = &scenarioR();
        in.rateCell = &cell;
        in.cosNames = &cosNames();
        in.cos = &cos;
        in.basePmpm = {100.0, 50.0, 80.0};
        in.baseYear = 2022;
        in.rateYear = 2025;
        in.trace = true;
        const GrossRate r = sharecast::buildGrossRate(in);
        QCOMPARE(r.terms.size(), std::size_t{3});
        // 1.0815^3, 1.0506^3, 1.0506^3
        FIX_COMPARE_NEAR("SPD inpatient trend", r.terms[0].trendFactor, 1.2649680933750005, kFactorTol);
        FIX_COMPARE_NEAR("SPD outpatient trend", r.terms[1].trendFactor, 1.159610634216, kFactorTol);
        FIX_COMPARE_NEAR("SPD professional trend", r.terms[2].trendFactor, 1.159610634216, kFactorTol);
        // (a)·(b) = 1.071; (b) = 1.05; (c)·(b) = 0.945
        FIX_COMPARE_NEAR("SPD inpatient PC", r.terms[0].programChange, 1.071, kFactorTol);
        FIX_COMPARE_NEAR("SPD outpatient PC", r.terms[1].programChange, 1.05, kFactorTol);
        FIX_COMPARE_NEAR("SPD professional PC", r.terms[2].programChange, 0.945, kFactorTol);
        FIX_COMPARE_NEAR("SPD inpatient base", r.terms[0].basePmpm, 100.0, kPmpmTol);

        // Without tracing the rate is the same and the terms are left out.
        in.trace = false;
        const GrossRate quiet = sharecast::buildGrossRate(in);
        QVERIFY(quiet.terms.empty());
        FIX_COMPARE_NEAR("untraced gross", quiet.gross, r.gross, kPmpmTol);
    }
};

QTEST_GUILESS_MAIN(TestRates)
#include "tst_rates.moc"
