//! Resource-use savings, IHA style (methodology §7), hand-worked: the measure formula, and through
//! settle() the plan totals, the risk scaling (member-years exposure only, only with risk
//! adjustment) and the missing-prior-year case. Tolerances: dollars 1e-6, rates 1e-10.

#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/resource_use.h"
#include "engine/settlement.h"

#include "engine_fixtures.h"

#include <QTest>

#include <algorithm>
#include <functional>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::ResourceUseTotals)
Q_DECLARE_METATYPE(sharecast::Direction)
Q_DECLARE_METATYPE(sharecast::Scenario)

namespace {

constexpr double kMoneyTol = 1e-6;
constexpr double kRateTol = 1e-10;

ResourceUseTotals totals(double numerator, double exposure)
{
    return ResourceUseTotals{true, numerator, exposure};
}

//! Plan P1 (cells Adult and Child, 2023 and 2024) and plan P2 (Adult, 2022 and 2024: no Y − 1).
//! COS: medical. util: ed_visits, op_visits_preferred, op_visits_total.
//!
//!   plan cell  year    MM  (MY)  risk    medical   ed  op_pref op_total
//!   P1   Adult 2023  6000  500   1.0  1,800,000   300     200     400
//!   P1   Adult 2024  6600  550   1.1  2,000,000   280     260     420
//!   P1   Child 2023  6000  500   0.8    600,000   300       0       0
//!   P1   Child 2024  6000  500   0.8    610,000   270       0       0
//!   P2   Adult 2022  1200  100   1.0    360,000    60      10      20
//!   P2   Adult 2024  1200  100   1.0    370,000    50      12      20
//!
//! P1 totals: 2023 MY 1000, ED 600, R = (1.0·6000 + 0.8·6000)/12,000 = 0.9;
//!            2024 MY 1050, ED 550, R = (1.1·6600 + 0.8·6000)/12,600 = 12,060/12,600 = 0.957142857…
//!            risk ratio 0.957142857…/0.9 = 1.063492063…
ExperienceData ruData()
{
    fixtures::ExperienceBuilder b({"medical"}, {"ed_visits", "op_visits_preferred", "op_visits_total"});
    b.add("P1", "R1", "Adult", 2023, 6000, {1800000}, 1.0);
    b.util({300, 200, 400});
    b.add("P1", "R1", "Adult", 2024, 6600, {2000000}, 1.1);
    b.util({280, 260, 420});
    b.add("P1", "R1", "Child", 2023, 6000, {600000}, 0.8);
    b.util({300, 0, 0});
    b.add("P1", "R1", "Child", 2024, 6000, {610000}, 0.8);
    b.util({270, 0, 0});
    b.add("P2", "R1", "Adult", 2022, 1200, {360000}, 1.0);
    b.util({60, 10, 20});
    b.add("P2", "R1", "Adult", 2024, 1200, {370000}, 1.0);
    b.util({50, 12, 20});
    return b.data();
}

Scenario ruScenario(const std::function<void(Scenario&)>& edit = {})
{
    Scenario s;
    s.performanceYear = 2024;
    s.baseline.years = {2022, 2023};
    s.baseline.weights = {0.5, 0.5};
    s.savingsBasis = SavingsBasis::ResourceUse;
    ResourceUseMeasure ed;
    ed.id = "ed_visits";
    ed.numerator = "util_ed_visits";
    ed.unitCost = 1100.0; // exposure member_years, per 1000, lower
    ResourceUseMeasure op;
    op.id = "op_preferred";
    op.numerator = "util_op_visits_preferred";
    op.exposure = "util_op_visits_total";
    op.per = 1.0;
    op.unitCost = 80.0;
    op.direction = Direction::Higher;
    s.resourceUse = {ed, op};
    if (edit)
        edit(s);
    return s;
}

} // namespace

class TestResourceUse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    //! x = numerator/exposure·per; x̂ = x_{Y−1}·RA (when risk-adjusted);
    //! g = (x̂ − x_Y)·exposure_Y/per·unit_cost for lower, −that for higher.
    void measure_data()
    {
        QTest::addColumn<Direction>("direction");
        QTest::addColumn<double>("per");
        QTest::addColumn<double>("unitCost");
        QTest::addColumn<ResourceUseTotals>("current");
        QTest::addColumn<ResourceUseTotals>("prior");
        QTest::addColumn<bool>("riskAdjust");
        QTest::addColumn<double>("riskFactor");
        QTest::addColumn<bool>("evaluable");
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("priorRate");
        QTest::addColumn<double>("expectedRate");
        QTest::addColumn<double>("savings");

        using D = Direction;
        // ED per 1,000 MY: 600/1000 → 600; 550/1100 → 500; x̂ 600: (600 − 500)·1100/1000·1100 = 121,000
        QTest::newRow("lower, no risk")
            << D::Lower << 1000.0 << 1100.0 << totals(550, 1100) << totals(600, 1000) << false << 1.0 << true
            << 500.0 << 600.0 << 600.0 << 121000.0;
        // risk factor 1.05: x̂ = 630: 130·1.1·1100 = 157,300
        QTest::newRow("lower, risk-scaled up")
            << D::Lower << 1000.0 << 1100.0 << totals(550, 1100) << totals(600, 1000) << true << 1.05 << true
            << 500.0 << 600.0 << 630.0 << 157300.0;
        // risk factor 0.97: x̂ = 582: 82·1.1·1100 = 99,220
        QTest::newRow("lower, risk-scaled down")
            << D::Lower << 1000.0 << 1100.0 << totals(550, 1100) << totals(600, 1000) << true << 0.97 << true
            << 500.0 << 600.0 << 582.0 << 99220.0;
        // not risk-adjusted: the factor given is not applied → 121,000
        QTest::newRow("lower, factor not applied")
            << D::Lower << 1000.0 << 1100.0 << totals(550, 1100) << totals(600, 1000) << false << 1.05 << true
            << 500.0 << 600.0 << 600.0 << 121000.0;
        // the rate rose to 770/1100 = 700: (600 − 700)·1.1·1100 = −121,000
        QTest::newRow("lower, rate rose: negative")
            << D::Lower << 1000.0 << 1100.0 << totals(770, 1100) << totals(600, 1000) << false << 1.0 << true
            << 700.0 << 600.0 << 600.0 << -121000.0;
        // no change: 0
        QTest::newRow("lower, no change")
            << D::Lower << 1000.0 << 1100.0 << totals(660, 1100) << totals(600, 1000) << false << 1.0 << true
            << 600.0 << 600.0 << 600.0 << 0.0;
        // higher, per 1: 600/1000 = 0.6 → 770/1100 = 0.7, unit cost 50:
        // −(0.6 − 0.7)·1100/1·50 = +5,500
        QTest::newRow("higher, rate rose: positive")
            << D::Higher << 1.0 << 50.0 << totals(770, 1100) << totals(600, 1000) << false << 1.0 << true
            << 0.7 << 0.6 << 0.6 << 5500.0;
        // higher, rate fell to 550/1100 = 0.5: −(0.6 − 0.5)·1100·50 = −5,500
        QTest::newRow("higher, rate fell: negative")
            << D::Higher << 1.0 << 50.0 << totals(550, 1100) << totals(600, 1000) << false << 1.0 << true
            << 0.5 << 0.6 << 0.6 << -5500.0;
        // readmissions per 100 index admissions: 15/100 → 15; 12/120 → 10; unit cost 15,000:
        // (15 − 10)·120/100·15,000 = 90,000
        QTest::newRow("per 100 admissions")
            << D::Lower << 100.0 << 15000.0 << totals(12, 120) << totals(15, 100) << false << 1.0 << true
            << 10.0 << 15.0 << 15.0 << 90000.0;
        // no year Y − 1 data → saves 0
        QTest::newRow("no prior data")
            << D::Lower << 1000.0 << 1100.0 << totals(550, 1100) << ResourceUseTotals{} << false << 1.0
            << false << NA << NA << NA << 0.0;
        // Y − 1 exposure 0 → no rate to compare with → 0
        QTest::newRow("prior exposure 0") << D::Lower << 1000.0 << 1100.0 << totals(550, 1100) << totals(0, 0)
                                          << true << 1.05 << false << NA << NA << NA << 0.0;
    }

    void measure()
    {
        QFETCH(Direction, direction);
        QFETCH(double, per);
        QFETCH(double, unitCost);
        QFETCH(ResourceUseTotals, current);
        QFETCH(ResourceUseTotals, prior);
        QFETCH(bool, riskAdjust);
        QFETCH(double, riskFactor);
        QFETCH(bool, evaluable);
        QFETCH(double, rate);
        QFETCH(double, priorRate);
        QFETCH(double, expectedRate);
        QFETCH(double, savings);
        ResourceUseMeasure m;
        m.id = "m";
        m.numerator = "util_x";
        m.per = per;
        m.unitCost = unitCost;
        m.direction = direction;
        ResourceUseInput in;
        in.measure = &m;
        in.current = current;
        in.prior = prior;
        in.riskAdjust = riskAdjust;
        in.riskFactor = riskFactor;
        const ResourceUseResult r = computeResourceUse(in);
        QCOMPARE(r.evaluable, evaluable);
        FIX_COMPARE_NEAR("g_m", r.savings, savings, kMoneyTol);
        if (evaluable) {
            FIX_COMPARE_NEAR("x_Y", r.rate, rate, kRateTol);
            FIX_COMPARE_NEAR("x_{Y-1}", r.priorRate, priorRate, kRateTol);
            FIX_COMPARE_NEAR("x-hat", r.expectedRate, expectedRate, kRateTol);
        }
    }

    //! Through settle(): plan totals over the settled cells; member-years exposure risk-scaled
    //! only with risk adjustment enabled; a util_ exposure never risk-scaled; no Y − 1 → 0.
    void throughSettlement_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<int>("measure");
        QTest::addColumn<bool>("evaluable");
        QTest::addColumn<double>("riskFactorApplied");
        QTest::addColumn<double>("expectedRate"); // NA: not checked
        QTest::addColumn<double>("savings");
        QTest::addColumn<double>("totalSavings"); // G_RU = G
        QTest::addColumn<double>("savingsRate");  // S = G_RU/E; NA: not checked

        const Scenario off = ruScenario();
        // ED: x_{Y−1} = 600/1000·1000 = 600, x_Y = 550/1050·1000 = 523.8095…; no risk:
        // (600 − 523.8095…)·1050/1000·1100 = (630 − 550)·1100 = 88,000
        // OP preferred (higher, per 1 visit): 200/400 = 0.5 → 260/420 = 0.6190…:
        // −(0.5 − 0.6190…)·420·80 = −(210 − 260)·80 = 4,000.  G_RU = 92,000.
        // E (no trend, RA off; P1 baseline 2023 only): 300·6600 + 100·6000 = 2,580,000;
        // S = 92,000/2,580,000 = 0.0356589147…
        QTest::newRow("ED, risk adjustment off")
            << off << "P1" << 0 << true << 1.0 << 600.0 << 88000.0 << 92000.0 << 0.035658914728682156;
        QTest::newRow("OP share, risk adjustment off")
            << off << "P1" << 1 << true << 1.0 << 0.5 << 4000.0 << 92000.0 << 0.035658914728682156;
        const Scenario on = ruScenario([](Scenario& s) { s.riskAdjustment.enabled = true; });
        // RA = 0.957142857…/0.9 = 1.063492063…: x̂ = 638.095238…;
        // (638.095238…·1.05 − 550)·1100 = (670 − 550)·1100 = 132,000
        // OP share is a per-service rate: not risk-scaled → 4,000. G_RU = 136,000.
        // E: Adult RA 1.1/1.0 → 330·6600 = 2,178,000; Child 0.8/0.8 → 600,000; E = 2,778,000;
        // S = 136,000/2,778,000 = 0.0489560835…
        QTest::newRow("ED, risk adjustment on")
            << on << "P1" << 0 << true << 1.0634920634920635 << 638.0952380952381 << 132000.0 << 136000.0
            << 0.04895608351331891;
        QTest::newRow("OP share not risk-scaled")
            << on << "P1" << 1 << true << 1.0 << 0.5 << 4000.0 << 136000.0 << 0.04895608351331891;
        const Scenario capped = ruScenario([](Scenario& s) {
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capUp = 0.05;
        });
        // RA 1.0635 capped at 1.05: x̂ = 630: (630·1.05 − 550)·1100 = 122,650; G_RU = 126,650.
        // E: Adult RA capped 1.05 → 315·6600 = 2,079,000 + 600,000 = 2,679,000; S = 0.0472751026…
        QTest::newRow("ED, risk ratio capped")
            << capped << "P1" << 0 << true << 1.05 << 630.0 << 122650.0 << 126650.0 << 0.04727510265024261;
        // P2 has no 2023 record: each measure saves 0 (a warning)
        QTest::newRow("no Y-1 data: ED") << off << "P2" << 0 << false << 1.0 << NA << 0.0 << 0.0 << 0.0;
        QTest::newRow("no Y-1 data: OP share") << on << "P2" << 1 << false << 1.0 << NA << 0.0 << 0.0 << 0.0;
    }

    void throughSettlement()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, plan);
        QFETCH(int, measure);
        QFETCH(bool, evaluable);
        QFETCH(double, riskFactorApplied);
        QFETCH(double, expectedRate);
        QFETCH(double, savings);
        QFETCH(double, totalSavings);
        QFETCH(double, savingsRate);
        const ExperienceData data = ruData();
        const ExperienceIndex index(data);
        const Settlement st = settle(index, nullptr, scenario, SettlementOptions{});
        const auto it = std::find_if(st.plans.begin(), st.plans.end(),
                                     [&](const PlanSettlement& p) { return p.planId == plan.toStdString(); });
        QVERIFY2(it != st.plans.end(), "plan not settled");
        QVERIFY(it->resourceUseBasis);
        QCOMPARE(it->resourceUse.size(), std::size_t{2});
        const ResourceUseResult& r = it->resourceUse[static_cast<std::size_t>(measure)];
        QCOMPARE(r.evaluable, evaluable);
        FIX_COMPARE_NEAR("g_m", r.savings, savings, kMoneyTol);
        if (evaluable) {
            FIX_COMPARE_NEAR("risk factor applied", r.riskFactor, riskFactorApplied, kRateTol);
            FIX_COMPARE_NEAR("x-hat", r.expectedRate, expectedRate, kRateTol);
        } else {
            const bool warned =
                std::any_of(st.warnings.begin(), st.warnings.end(), [&](const std::string& w) {
                    return w.find(r.id) != std::string::npos &&
                           w.find("plan " + plan.toStdString()) != std::string::npos;
                });
            QVERIFY2(warned, "a measure without year Y - 1 data is listed as a warning");
        }
        FIX_COMPARE_NEAR("G_RU", it->resourceUseSavings, totalSavings, kMoneyTol);
        FIX_COMPARE_NEAR("G", it->grossSavings, totalSavings, kMoneyTol);
        if (!std::isnan(savingsRate)) {
            QVERIFY(it->savingsRate.has_value());
            FIX_COMPARE_NEAR("S", *it->savingsRate, savingsRate, kRateTol);
        }
    }

    void helpers()
    {
        QCOMPARE(utilColumnName("util_ed_visits"), std::string("ed_visits"));
        QCOMPARE(utilColumnName("ed_visits"), std::string("ed_visits"));
        ResourceUseMeasure m;
        QVERIFY(exposureIsMemberYears(m)); // default exposure member_years (§1.5)
        QCOMPARE(m.per, 1000.0);           // default per 1000
        QCOMPARE(m.direction, Direction::Lower);
        m.exposure = "util_op_visits_total";
        QVERIFY(!exposureIsMemberYears(m));
    }
};

QTEST_GUILESS_MAIN(TestResourceUse)
#include "tst_resource_use.moc"
