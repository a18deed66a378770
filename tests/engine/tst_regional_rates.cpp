//! Regional rates (docs/methodology.md "Regional rates") on cases worked by hand.
//!
//! Case H: region R = {A, B}; county C in no region; rate cell Adult, year 2025.
//!   P1 A: MM 100, rate 200;  P2 B: MM 300, rate 100;  P1 C: MM 50, rate 150.
//!   R = (100·200 + 300·100) / 400 = 50,000 / 400 = 125.
//!   blend 1, adjustment A 1.1, budget neutral:
//!     before scaling A: 125 · 1.1 = 137.5, B: 125; Σ MM = 100·137.5 + 300·125 = 51,250;
//!     k = 50,000 / 51,250 = 40/41; new A = 137.5 · 40/41 = 5,500/41 = 134.1463414634…,
//!     new B = 125 · 40/41 = 5,000/41 = 121.9512195122…;
//!     change dollars A = (5,500/41 − 200) · 100 = −270,000/41 = −6,585.3658536585…,
//!     B = (5,000/41 − 100) · 300 = +270,000/41; C unchanged.
//!   blend 0.25, not budget neutral: A (0.75·200 + 0.25·125) · 1.1 = 181.25 · 1.1 = 199.375,
//!     B 0.75·100 + 31.25 = 106.25, k = 1.
//!   P1 A Child: MM 10, rate 50 is a group of its own: R = 50, before scaling 55, k = 50/55,
//!     new = 50.
//! Tolerance 1e-9 (dollars and PMPM of order 10^4).

#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/regional_rates.h"
#include "engine_fixtures.h"

#include <QTest>

using namespace sharecast;

namespace {

constexpr double kTol = 1e-9;

std::vector<PaidRate> caseH()
{
    return {PaidRate{"P2", "B", "Adult", 2025, 300.0, 100.0},
            PaidRate{"P1", "A", "Adult", 2025, 100.0, 200.0}, PaidRate{"P1", "C", "Adult", 2025, 50.0, 150.0},
            PaidRate{"P1", "A", "Child", 2025, 10.0, 50.0}};
}

RegionalRatesSpec specH()
{
    RegionalRatesSpec s;
    s.regions = {{"R", {"A", "B"}}};
    s.blend = 1.0;
    s.adjustments = {{"A", 1.1}};
    s.budgetNeutral = true;
    return s;
}

const RegionalRateRow& row(const RegionalRates& r, const std::string& plan, const std::string& county,
                           const std::string& cell)
{
    for (const RegionalRateRow& x : r.rows)
        if (x.old.planId == plan && x.old.county == county && x.old.rateCell == cell)
            return x;
    qFatal("no row %s %s %s", plan.c_str(), county.c_str(), cell.c_str());
    return r.rows.front();
}

bool hasWarning(const RegionalRates& r, const std::string& part)
{
    for (const std::string& w : r.warnings)
        if (w.find(part) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestRegionalRates : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void budgetNeutralFullBlend()
    {
        const RegionalRatesSpec spec = specH();
        const RegionalRates r = computeRegionalRates({&spec, caseH()});
        QCOMPARE(r.rows.size(), std::size_t{4});
        // Ordered by plan, county, rate cell, year.
        QCOMPARE(r.rows[0].old.planId + r.rows[0].old.county + r.rows[0].old.rateCell,
                 std::string("P1AAdult"));
        QCOMPARE(r.rows[1].old.planId + r.rows[1].old.county + r.rows[1].old.rateCell,
                 std::string("P1AChild"));
        QCOMPARE(r.rows[2].old.county, std::string("C"));
        QCOMPARE(r.rows[3].old.planId, std::string("P2"));

        const RegionalRateRow& a = row(r, "P1", "A", "Adult");
        const RegionalRateRow& b = row(r, "P2", "B", "Adult");
        QVERIFY(fixtures::near(a.regionalMean, 125.0, kTol));
        QVERIFY(fixtures::near(a.scale, 40.0 / 41.0, kTol));
        QVERIFY(fixtures::near(a.newRate, 5500.0 / 41.0, kTol));
        QVERIFY(fixtures::near(b.newRate, 5000.0 / 41.0, kTol));
        QVERIFY(fixtures::near(a.change, 5500.0 / 41.0 - 200.0, kTol));
        QVERIFY(fixtures::near(a.changeDollars, -270000.0 / 41.0, kTol));
        QVERIFY(fixtures::near(b.changeDollars, 270000.0 / 41.0, kTol));
        QCOMPARE(a.region, std::string("R"));
        QCOMPARE(a.adjustment, 1.1);
        QCOMPARE(b.adjustment, 1.0);

        // The Child cell is its own group: k undoes the adjustment.
        const RegionalRateRow& child = row(r, "P1", "A", "Child");
        QVERIFY(fixtures::near(child.scale, 50.0 / 55.0, kTol));
        QVERIFY(fixtures::near(child.newRate, 50.0, kTol));

        // County C is in no region: its rate stands, and a warning says so.
        const RegionalRateRow& c = row(r, "P1", "C", "Adult");
        QVERIFY(!c.regionalised());
        QCOMPARE(c.newRate, 150.0);
        QCOMPARE(c.changeDollars, 0.0);
        QVERIFY(hasWarning(r, "county C is in no region"));

        // Groups: R/Adult and R/Child, with their trace.
        QCOMPARE(r.groups.size(), std::size_t{2});
        const RegionalRateGroup& g = r.groups[0];
        QCOMPARE(g.rateCell, std::string("Adult"));
        QCOMPARE(g.cells, 2);
        QCOMPARE(g.memberMonths, 400.0);
        QVERIFY(fixtures::near(g.oldDollars, 50000.0, kTol));
        QVERIFY(fixtures::near(g.adjustedDollars, 51250.0, kTol));
        QVERIFY(fixtures::near(g.newDollars, 50000.0, kTol)); // budget neutral
    }

    void partialBlendNotBudgetNeutral()
    {
        RegionalRatesSpec spec = specH();
        spec.blend = 0.25;
        spec.budgetNeutral = false;
        const RegionalRates r = computeRegionalRates({&spec, caseH()});
        QVERIFY(fixtures::near(row(r, "P1", "A", "Adult").newRate, 199.375, kTol));
        QVERIFY(fixtures::near(row(r, "P2", "B", "Adult").newRate, 106.25, kTol));
        QCOMPARE(row(r, "P1", "A", "Adult").scale, 1.0);
        QVERIFY(fixtures::near(r.groups[0].newDollars, 100 * 199.375 + 300 * 106.25, kTol));
    }

    void blendZeroWithoutAdjustmentsChangesNothing()
    {
        RegionalRatesSpec spec = specH();
        spec.blend = 0.0;
        spec.adjustments.clear();
        const RegionalRates r = computeRegionalRates({&spec, caseH()});
        for (const RegionalRateRow& x : r.rows) {
            QVERIFY(fixtures::near(x.newRate, x.old.rate, kTol));
            QVERIFY(fixtures::near(x.changeDollars, 0.0, kTol));
        }
    }

    void yearsAndCellsAreSeparateGroups()
    {
        // The same counties in 2026 at other rates: a group of their own, means not mixed.
        std::vector<PaidRate> rates = caseH();
        rates.push_back(PaidRate{"P1", "A", "Adult", 2026, 100.0, 300.0});
        rates.push_back(PaidRate{"P2", "B", "Adult", 2026, 100.0, 100.0});
        RegionalRatesSpec spec = specH();
        spec.adjustments.clear();
        const RegionalRates r = computeRegionalRates({&spec, rates});
        QCOMPARE(r.groups.size(), std::size_t{3});
        for (const RegionalRateRow& x : r.rows) {
            if (x.old.year == 2026)
                QVERIFY(fixtures::near(x.newRate, 200.0, kTol));
            else if (x.old.rateCell == "Adult" && x.regionalised())
                QVERIFY(fixtures::near(x.newRate, 125.0, kTol));
        }
    }

    void warnings()
    {
        RegionalRatesSpec spec = specH();
        spec.regions["R"].push_back("D");
        spec.adjustments["Z"] = 1.05;
        spec.adjustments["C"] = 0.9;
        const RegionalRates r = computeRegionalRates({&spec, caseH()});
        QVERIFY(hasWarning(r, "regional_rates.regions.R names county D, which has no rates"));
        QVERIFY(hasWarning(r, "regional_rates.adjustments names county Z, which has no rates"));
        QVERIFY(hasWarning(r, "regional_rates.adjustments.C is not applied"));
        QCOMPARE(row(r, "P1", "C", "Adult").newRate, 150.0); // an unregionalised county is not adjusted
    }

    void totalsByCountyAndPlan()
    {
        const RegionalRatesSpec spec = specH();
        const RegionalRates r = computeRegionalRates({&spec, caseH()});
        const std::vector<RegionalRateTotal> counties = regionalRateTotals(r, true);
        QCOMPARE(counties.size(), std::size_t{3});
        QCOMPARE(counties[0].key, std::string("A"));
        // A: Adult −270,000/41 and Child 10 · (50 − 50) = 0.
        QVERIFY(fixtures::near(counties[0].changeDollars, -270000.0 / 41.0, 1e-6));
        QVERIFY(fixtures::near(counties[0].oldDollars, 20000.0 + 500.0, kTol));
        const std::vector<RegionalRateTotal> plans = regionalRateTotals(r, false);
        QCOMPARE(plans.size(), std::size_t{2});
        QVERIFY(fixtures::near(plans[1].changeDollars, 270000.0 / 41.0, 1e-6));
    }

    //! The rate paid (§10): the non-rebased one, or the rebased one when the plan fails a gate.
    //! P1 County X Adult, 2024: MM 1,000, medical cost 90,000 (PMPM 90); no trend; utilization
    //! change −10 %/year; rate lag 1, admin 0.08, underwriting gain 0.02; horizon 2 from 2024.
    //! 2025: base 2024 is experience: both rates 90 / 0.9 = 100.
    //! 2026: base 2025 is projected: non-rebased on the counterfactual PMPM 90 → 100; rebased on
    //! the projected 90 · 0.9 = 81 → 90. With a quality path below the gate's minimum the plan
    //! fails in the base year 2025 and is paid 90 in 2026.
    void paidRateFollowsTheGate()
    {
        fixtures::ExperienceBuilder b({"medical"});
        b.add("P1", "County X", "Adult", 2024, 1000.0, {90000.0});
        const ExperienceIndex index(b.data());
        Scenario s;
        s.projection.horizon = 2;
        s.projection.rateLag = 1;
        s.projection.utilizationChange.byCos.clear();
        s.projection.utilizationChange.defaultRate = -0.1;
        s.regionalRates = RegionalRatesSpec{{{"Solo", {"County X"}}}, 1.0, {}, true};

        s.projection.qualityPath = std::vector<double>{80.0, 80.0};
        s.quality.minComposite = 50.0;
        RegionalRates passing = regionalRatesFor(index, nullptr, s);
        QCOMPARE(passing.rows.size(), std::size_t{2});
        QVERIFY(fixtures::near(passing.rows[0].old.rate, 100.0, 1e-9));
        QVERIFY(fixtures::near(passing.rows[1].old.rate, 100.0, 1e-9));
        QCOMPARE(passing.rows[1].old.memberMonths, 1000.0);

        s.projection.qualityPath = std::vector<double>{20.0, 20.0};
        const RegionalRates failing = regionalRatesFor(index, nullptr, s);
        QVERIFY(fixtures::near(failing.rows[0].old.rate, 100.0, 1e-9));
        QVERIFY(fixtures::near(failing.rows[1].old.rate, 90.0, 1e-9));

        // One rate year, and a year outside the projection refused.
        const RegionalRates only2026 = regionalRatesFor(index, nullptr, s, 2026);
        QCOMPARE(only2026.rows.size(), std::size_t{1});
        QCOMPARE(only2026.rows[0].old.year, 2026);
        QVERIFY_THROWS_EXCEPTION(InputError, regionalRatesFor(index, nullptr, s, 2024));
        s.regionalRates.reset();
        QVERIFY_THROWS_EXCEPTION(InputError, regionalRatesFor(index, nullptr, s));
    }

    void validationRules_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("reason");
        QTest::newRow("county in two regions") << 0 << "county 'A' is in two regions, 'R' and 'S'";
        QTest::newRow("county twice in a region") << 1 << "county 'A' is listed twice in region 'R'";
        QTest::newRow("empty region") << 2 << "a region needs at least one county";
        QTest::newRow("blend above 1") << 3 << "must lie in [0, 1]";
        QTest::newRow("adjustment zero") << 4 << "an adjustment must be positive";
    }
    void validationRules()
    {
        QFETCH(int, which);
        QFETCH(QString, reason);
        Scenario s;
        s.regionalRates = specH();
        RegionalRatesSpec& r = *s.regionalRates;
        switch (which) {
        case 0: r.regions["S"] = {"A"}; break;
        case 1: r.regions["R"].push_back("A"); break;
        case 2: r.regions["S"] = {}; break;
        case 3: r.blend = 1.5; break;
        default: r.adjustments["B"] = 0.0; break;
        }
        try {
            s.validate();
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(reason), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestRegionalRates)
#include "tst_regional_rates.moc"
