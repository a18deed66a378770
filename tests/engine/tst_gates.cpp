//! Plan-level gates besides quality (methodology §8): the TCC trend gate and the appropriateness
//! guardrail, hand-worked. Tolerance: rates 1e-10.

#include "engine/gates.h"
#include "engine/scenario.h"

#include "engine_fixtures.h"

#include <QTest>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::PlanYearTotals)
Q_DECLARE_METATYPE(sharecast::GuardrailAction)

namespace {

constexpr double kRateTol = 1e-10;

PlanYearTotals costYear(double mm, double actual, double risk)
{
    PlanYearTotals t;
    t.present = true;
    t.memberMonths = mm;
    t.actual = actual;
    t.riskScore = risk;
    return t;
}

PlanYearTotals claimsYear(double mm, double denied, double total, double grievances)
{
    PlanYearTotals t;
    t.present = true;
    t.memberMonths = mm;
    t.actual = 1000.0 * mm;
    t.claimsDenied = denied;
    t.claimsTotal = total;
    t.grievances = grievances;
    return t;
}

} // namespace

class TestGates : public QObject {
    Q_OBJECT
private Q_SLOTS:
    //! trend = (A_Y/MM_Y)/(A_{Y−1}/MM_{Y−1})/(R_Y/R_{Y−1}) − 1, the risk division only with risk
    //! adjustment; fails when trend > max_trend; no Y − 1 data → fails.
    void tccTrend_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<double>("maxTrend");
        QTest::addColumn<bool>("riskAdjusted");
        QTest::addColumn<PlanYearTotals>("current");
        QTest::addColumn<PlanYearTotals>("prior");
        QTest::addColumn<bool>("evaluable");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<double>("trend");     // NA: not checked
        QTest::addColumn<double>("riskRatio"); // NA: not checked

        // PMPM 1,152,000/1200 = 960 vs 900,000/1000 = 900: 960/900 − 1 = 0.0666… > 0.05 → fails
        const PlanYearTotals cur = costYear(1200, 1152000, 1.10);
        const PlanYearTotals prior = costYear(1000, 900000, 1.00);
        QTest::newRow("no risk division, above max")
            << true << 0.05 << false << cur << prior << true << false << 0.06666666666666665 << 1.0;
        // with risk division 1.10/1.00: 960/900/1.1 − 1 = −0.030303… → passes
        QTest::newRow("risk division, passes")
            << true << 0.05 << true << cur << prior << true << true << -0.030303030303030387 << 1.1;
        // risk falls 1.00 → 0.95: 960/900/0.95 − 1 = 0.122807… → fails
        QTest::newRow("risk division, fails") << true << 0.05 << true << costYear(1200, 1152000, 0.95)
                                              << prior << true << false << 0.12280701754385959 << 0.95;
        // max 0.10: 0.0666… passes
        QTest::newRow("below a higher max")
            << true << 0.10 << false << cur << prior << true << true << 0.06666666666666665 << 1.0;
        // PMPM 1,056,000/1200 = 880 vs 900: −0.0222… → passes
        QTest::newRow("negative trend") << true << 0.05 << false << costYear(1200, 1056000, 1.0) << prior
                                        << true << true << -0.022222222222222254 << 1.0;
        // exactly at the limit (binary exact): 1000/800 − 1 = 0.25 with max 0.25 → passes (not >)
        QTest::newRow("at the limit passes") << true << 0.25 << false << costYear(100, 100000, 1.0)
                                             << costYear(100, 80000, 1.0) << true << true << 0.25 << 1.0;
        // no Y − 1 data → cannot be evaluated → fails
        QTest::newRow("no prior data fails")
            << true << 0.05 << false << cur << PlanYearTotals{} << false << false << NA << NA;
        QTest::newRow("no prior data fails (risk)")
            << true << 0.05 << true << cur << PlanYearTotals{} << false << false << NA << NA;
        // disabled: passes, nothing evaluated
        QTest::newRow("disabled") << false << 0.05 << false << cur << prior << false << true << NA << NA;
        QTest::newRow("disabled, no prior data")
            << false << 0.05 << false << cur << PlanYearTotals{} << false << true << NA << NA;
    }

    //! The reason says the trend and its limit in percent (rates are shown in percent, §0):
    //! 960/900 − 1 = 6.666…% → "6.67 %" above "5.00 %"; the unevaluable gate says why in words.
    void tccTrendReasonInPercent()
    {
        TccTrendGate gate;
        gate.enabled = true;
        gate.maxTrend = 0.05;
        QCOMPARE(
            evaluateTccTrend(gate, false, costYear(1200, 1152000, 1.0), costYear(1000, 900000, 1.0)).reason,
            std::string("trend 6.67 % above the limit 5.00 %"));
        QCOMPARE(evaluateTccTrend(gate, false, costYear(1200, 1152000, 1.0), PlanYearTotals{}).reason,
                 std::string("no prior-year cost to compare with"));
    }

    void tccTrend()
    {
        QFETCH(bool, enabled);
        QFETCH(double, maxTrend);
        QFETCH(bool, riskAdjusted);
        QFETCH(PlanYearTotals, current);
        QFETCH(PlanYearTotals, prior);
        QFETCH(bool, evaluable);
        QFETCH(bool, passed);
        QFETCH(double, trend);
        QFETCH(double, riskRatio);
        TccTrendGate gate;
        gate.enabled = enabled;
        gate.maxTrend = maxTrend;
        const TccTrendResult r = evaluateTccTrend(gate, riskAdjusted, current, prior);
        QCOMPARE(r.enabled, enabled);
        QCOMPARE(r.evaluable, evaluable);
        QCOMPARE(r.passed, passed);
        if (!std::isnan(trend))
            FIX_COMPARE_NEAR("trend", r.trend, trend, kRateTol);
        if (!std::isnan(riskRatio))
            FIX_COMPARE_NEAR("R_Y/R_{Y-1}", r.riskRatio, riskRatio, kRateTol);
        if (!evaluable && enabled)
            QVERIFY2(!r.reason.empty(), "an unevaluable gate gives its reason");
    }

    //! Denial rate d = denied/total (0 when total is 0), grievances per 1,000 MM; trips when
    //! d_Y − d_{Y−1} > max_denial_rate_increase or the grievance rate rises by more than
    //! max_grievance_rate_increase (absolute). Limits 0.02 and 0.5 unless the row says otherwise.
    void appropriateness_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<double>("maxDenial");
        QTest::addColumn<double>("maxGrievance");
        QTest::addColumn<GuardrailAction>("action");
        QTest::addColumn<PlanYearTotals>("current");
        QTest::addColumn<PlanYearTotals>("prior");
        QTest::addColumn<bool>("evaluable");
        QTest::addColumn<bool>("tripped");
        QTest::addColumn<bool>("blocks");
        QTest::addColumn<double>("denialRate"); // NA: not checked
        QTest::addColumn<double>("priorDenialRate");
        QTest::addColumn<double>("grievanceRate");
        QTest::addColumn<double>("priorGrievanceRate");

        using A = GuardrailAction;
        // prior: 50/1000 = 0.05 denied, 10 grievances / 10,000 MM = 1.0 per 1,000
        const PlanYearTotals prior = claimsYear(10000, 50, 1000, 10);
        // 60/1000 = 0.06 (+0.01), 14/10,000·1000 = 1.4 (+0.4): within both limits
        QTest::newRow("within limits") << true << 0.02 << 0.5 << A::Flag << claimsYear(10000, 60, 1000, 14)
                                       << prior << true << false << false << 0.06 << 0.05 << 1.4 << 1.0;
        // 80/1000 = 0.08: +0.03 > 0.02 → trips; flag does not block
        QTest::newRow("denial increase, flag")
            << true << 0.02 << 0.5 << A::Flag << claimsYear(10000, 80, 1000, 10) << prior << true << true
            << false << 0.08 << 0.05 << 1.0 << 1.0;
        // same with action ineligible → blocks
        QTest::newRow("denial increase, ineligible")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 80, 1000, 10) << prior << true
            << true << true << 0.08 << 0.05 << 1.0 << 1.0;
        // a higher limit 0.05: +0.03 passes
        QTest::newRow("denial increase under a higher limit")
            << true << 0.05 << 0.5 << A::Ineligible << claimsYear(10000, 80, 1000, 10) << prior << true
            << false << false << 0.08 << 0.05 << 1.0 << 1.0;
        // 18 grievances / 10,000 MM = 1.8 per 1,000: +0.8 > 0.5 → trips
        QTest::newRow("grievance increase")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 50, 1000, 18) << prior << true
            << true << true << 0.05 << 0.05 << 1.8 << 1.0;
        // absolute, not relative: 2/10,000 = 0.2 → 6/10,000 = 0.6 per 1,000: +0.4 (a 200 % rise) → within
        QTest::newRow("grievance rise is absolute")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 50, 1000, 6)
            << claimsYear(10000, 50, 1000, 2) << true << false << false << 0.05 << 0.05 << 0.6 << 0.2;
        // per 1,000 MM with different MM: 5/5,000 = 1.0 → 24/12,000 = 2.0: +1.0 → trips
        QTest::newRow("grievances per 1,000 MM")
            << true << 0.02 << 0.5 << A::Flag << claimsYear(12000, 50, 1000, 24)
            << claimsYear(5000, 50, 1000, 5) << true << true << false << 0.05 << 0.05 << 2.0 << 1.0;
        // 15/12,000 = 1.25 per 1,000 (vs 1.0): +0.25 → within, though the count tripled
        QTest::newRow("more grievances, lower rate rise")
            << true << 0.02 << 0.5 << A::Flag << claimsYear(12000, 50, 1000, 15)
            << claimsYear(5000, 50, 1000, 5) << true << false << false << 0.05 << 0.05 << 1.25 << 1.0;
        // denial rise is absolute: 0.01 → 0.025 (+0.015, a 150 % rise) → within
        QTest::newRow("denial rise is absolute")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 25, 1000, 10)
            << claimsYear(10000, 10, 1000, 10) << true << false << false << 0.025 << 0.01 << 1.0 << 1.0;
        // claims_total 0 both years: rates 0 → within
        QTest::newRow("claims_total 0 both years")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 0, 0, 10)
            << claimsYear(10000, 0, 0, 10) << true << false << false << 0.0 << 0.0 << 1.0 << 1.0;
        // claims_total 0 in Y − 1 (rate 0), 30/1000 = 0.03 in Y: +0.03 → trips
        QTest::newRow("claims_total 0 in the prior year")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 30, 1000, 10)
            << claimsYear(10000, 0, 0, 10) << true << true << true << 0.03 << 0.0 << 1.0 << 1.0;
        // claims_total 0 in Y: rate 0, a fall → within
        QTest::newRow("claims_total 0 in Y")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 0, 0, 10) << prior << true << false
            << false << 0.0 << 0.05 << 1.0 << 1.0;
        // no Y − 1 data: trips (flags); blocks only with action ineligible
        QTest::newRow("no prior data, flag")
            << true << 0.02 << 0.5 << A::Flag << claimsYear(10000, 60, 1000, 14) << PlanYearTotals{} << false
            << true << false << NA << NA << NA << NA;
        QTest::newRow("no prior data, ineligible")
            << true << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 60, 1000, 14) << PlanYearTotals{}
            << false << true << true << NA << NA << NA << NA;
        // disabled: never trips
        QTest::newRow("disabled") << false << 0.02 << 0.5 << A::Ineligible << claimsYear(10000, 80, 1000, 18)
                                  << prior << false << false << false << NA << NA << NA << NA;
    }

    void appropriateness()
    {
        QFETCH(bool, enabled);
        QFETCH(double, maxDenial);
        QFETCH(double, maxGrievance);
        QFETCH(GuardrailAction, action);
        QFETCH(PlanYearTotals, current);
        QFETCH(PlanYearTotals, prior);
        QFETCH(bool, evaluable);
        QFETCH(bool, tripped);
        QFETCH(bool, blocks);
        QFETCH(double, denialRate);
        QFETCH(double, priorDenialRate);
        QFETCH(double, grievanceRate);
        QFETCH(double, priorGrievanceRate);
        Appropriateness g;
        g.enabled = enabled;
        g.maxDenialRateIncrease = maxDenial;
        g.maxGrievanceRateIncrease = maxGrievance;
        g.action = action;
        const AppropriatenessResult r = evaluateAppropriateness(g, current, prior);
        QCOMPARE(r.enabled, enabled);
        QCOMPARE(r.evaluable, evaluable);
        QCOMPARE(r.tripped, tripped);
        QCOMPARE(r.blocks, blocks);
        if (!std::isnan(denialRate)) {
            FIX_COMPARE_NEAR("d_Y", r.denialRate, denialRate, kRateTol);
            FIX_COMPARE_NEAR("d_{Y-1}", r.priorDenialRate, priorDenialRate, kRateTol);
            FIX_COMPARE_NEAR("grievances per 1,000 MM, Y", r.grievanceRate, grievanceRate, kRateTol);
            FIX_COMPARE_NEAR("grievances per 1,000 MM, Y-1", r.priorGrievanceRate, priorGrievanceRate,
                             kRateTol);
        }
    }
};

QTEST_GUILESS_MAIN(TestGates)
#include "tst_gates.moc"
