//! Statistical validity (methodology §13): the closed forms per plan, hand-worked, c from its three
//! sources, the Monte Carlo of the payment against closed forms, the ⌈qK⌉ quantile rule, seed
//! reproducibility across thread counts, and the projection fan.
//!
//! Expected probabilities and quantiles use Boost.Math's normal distribution, an implementation
//! independent of core/engine/normal.cpp; every other figure is worked out here from the spec.
//!
//! End-to-end data (performance year 2024, baseline [2022, 2023] weights 0.4 / 0.6, one COS):
//!   plan cell        2022 MM  2023 MM  2024 MM   (PMPM 100 in the base years; 2024 as below)
//!   A    R1/Adult    12,000   12,600   13,200    2024 PMPM 92
//!   A    R1/Child        -     6,000    6,600    2024 PMPM 92
//!   B    R1/Adult        -    24,000   24,000    2024 PMPM 104
//! A: N = 19,800 / 12 = 1,650; N_2022 = 1,000 (Adult only), N_2023 = 18,600 / 12 = 1,550; both
//!    years have members, so w = 0.4, 0.6 and Σ w²/N_b = 0.16/1,000 + 0.36/1,550.
//! B: N = 2,000; no member in 2022, so w renormalises to 2023 alone: Σ w²/N_b = 1/2,000.

#include "engine/experience_index.h"
#include "engine/normal.h"
#include "engine/projection.h"
#include "engine/settlement.h"
#include "engine/validity.h"

#include "engine_fixtures.h"

#include <boost/math/distributions/normal.hpp>

#include <QTest>

#include <cmath>
#include <numeric>
#include <random>

using namespace sharecast;

namespace {

const boost::math::normal kStdNormal;

double Phi(double x)
{
    return boost::math::cdf(kStdNormal, x);
}
double z(double p)
{
    return boost::math::quantile(kStdNormal, p);
}
double phi(double x)
{
    return boost::math::pdf(kStdNormal, x);
}

//! A settlement of one plan built by hand (only what §13 reads): no base year, so σ = c/√N.
Settlement handSettlement(double members, double expected, std::optional<double> savingsRate, double msr,
                          double mlr, double shareRate, bool eligible = true, const std::string& id = "P")
{
    Settlement s;
    s.year = 2024;
    PlanSettlement p;
    p.planId = id;
    p.members = members;
    p.expected = expected;
    p.savingsRate = savingsRate;
    p.grossSavings = savingsRate ? *savingsRate * expected : 0.0;
    p.msr.rate = msr;
    p.mlr.rate = mlr;
    p.shareRate = shareRate;
    p.eligible = eligible;
    s.plans.push_back(p);
    return s;
}

const ExperienceData& noData()
{
    static const ExperienceData empty;
    return empty;
}

ExperienceData twoPlans()
{
    fixtures::ExperienceBuilder b({"medical"});
    b.add("A", "R1", "Adult", 2022, 12000, {1200000});
    b.add("A", "R1", "Adult", 2023, 12600, {1260000});
    b.add("A", "R1", "Adult", 2024, 13200, {13200 * 92.0});
    b.add("A", "R1", "Child", 2023, 6000, {600000});
    b.add("A", "R1", "Child", 2024, 6600, {6600 * 92.0});
    b.add("B", "R1", "Adult", 2023, 24000, {2400000});
    b.add("B", "R1", "Adult", 2024, 24000, {24000 * 104.0});
    return b.data();
}

Scenario twoPlanScenario()
{
    Scenario s;
    s.performanceYear = 2024;
    s.baseline = BaselineSpec{{2022, 2023}, {0.4, 0.6}};
    s.msr.method = ThresholdMethod::Fixed;
    s.msr.rate = 0.03;
    s.losses.enabled = true;
    s.losses.rate = 0.3;
    s.uncertainty.cv = 2.0;
    return s;
}

} // namespace

class TestValidity : public QObject {
    Q_OBJECT

private slots:
    //! The issue's checks of the normal approximation: c = 1.7, one performance year only (no
    //! base-year term), m = 2 %.
    void normalApproximationChecks()
    {
        Scenario sc;
        sc.uncertainty.cv = 1.7;
        const ExperienceIndex index(noData());
        for (const auto& [n, expected] : {std::pair{5000.0, 0.203}, std::pair{50000.0, 0.0042}}) {
            const Validity v =
                validityClosedForms(handSettlement(n, 1e8, 0.01, 0.02, 0.02, 0.5), index, sc, nullptr);
            const PlanValidity& p = v.plans.at(0);
            FIX_COMPARE_NEAR("sigma", p.sigma, 1.7 / std::sqrt(n), 1e-15);
            FIX_COMPARE_NEAR("p_false_reward", p.pFalseReward, 1.0 - Phi(0.02 * std::sqrt(n) / 1.7), 1e-12);
            FIX_COMPARE_NEAR("p_false_reward (the issue's rounding)", p.pFalseReward, expected,
                             expected * 0.02);
            QCOMPARE(p.membersNeeded, std::optional<long long>(11867)); // α 0.10, m 2 %, c 1.7
        }
    }

    //! Every closed-form column for hand-set plans: σ = c/√N without base years.
    void closedFormTable_data()
    {
        QTest::addColumn<double>("members");
        QTest::addColumn<double>("cv");
        QTest::addColumn<double>("msr");
        QTest::addColumn<double>("mlr");
        QTest::addColumn<double>("savingsRate"); // NA: E = 0
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("trueSavings"); // NA: the observed S
        QTest::addColumn<bool>("losses");
        QTest::newRow("savings, losses off")
            << 8000.0 << 2.5 << 0.025 << 0.025 << 0.031 << 0.10 << fixtures::NA << false;
        QTest::newRow("loss, two-sided")
            << 12000.0 << 1.2 << 0.02 << 0.015 << -0.04 << 0.05 << fixtures::NA << true;
        QTest::newRow("true savings given") << 3000.0 << 3.0 << 0.05 << 0.05 << 0.01 << 0.20 << 0.06 << true;
        QTest::newRow("no MSR") << 100000.0 << 1.0 << 0.0 << 0.0 << 0.002 << 0.10 << fixtures::NA << false;
        QTest::newRow("E = 0: S is NA")
            << 500.0 << 2.0 << 0.03 << 0.03 << fixtures::NA << 0.10 << fixtures::NA << true;
    }
    void closedFormTable()
    {
        QFETCH(double, members);
        QFETCH(double, cv);
        QFETCH(double, msr);
        QFETCH(double, mlr);
        QFETCH(double, savingsRate);
        QFETCH(double, alpha);
        QFETCH(double, trueSavings);
        QFETCH(bool, losses);
        Scenario sc;
        sc.uncertainty.cv = cv;
        sc.uncertainty.alpha = alpha;
        sc.uncertainty.trueSavings = fixtures::opt(trueSavings);
        sc.losses.enabled = losses;
        const ExperienceIndex index(noData());
        const Validity v = validityClosedForms(handSettlement(members, fixtures::opt(savingsRate) ? 1e7 : 0.0,
                                                              fixtures::opt(savingsRate), msr, mlr, 0.5),
                                               index, sc, nullptr);
        const PlanValidity& p = v.plans.at(0);
        const double sigma = cv / std::sqrt(members);
        QCOMPARE(p.cvSource, CvSource::Scenario);
        FIX_COMPARE_NEAR("sigma", p.sigma, sigma, 1e-15);
        FIX_COMPARE_NEAR("p_false_reward", p.pFalseReward, 1.0 - Phi(msr / sigma), 1e-12);
        QCOMPARE(p.pFalsePenalty.has_value(), losses);
        if (losses)
            FIX_COMPARE_NEAR("p_false_penalty", *p.pFalsePenalty, Phi(-mlr / sigma), 1e-12);
        const double s = std::isnan(trueSavings) ? savingsRate : trueSavings;
        QCOMPARE(p.power.has_value(), !std::isnan(s));
        if (!std::isnan(s))
            FIX_COMPARE_NEAR("power", *p.power, 1.0 - Phi((msr - s) / sigma), 1e-12);
        QCOMPARE(p.ciLow.has_value(), !std::isnan(savingsRate));
        if (!std::isnan(savingsRate)) {
            FIX_COMPARE_NEAR("ci_low", *p.ciLow, savingsRate - z(1 - alpha / 2) * sigma, 1e-12);
            FIX_COMPARE_NEAR("ci_high", *p.ciHigh, savingsRate + z(1 - alpha / 2) * sigma, 1e-12);
            QCOMPARE(p.straddlesMsr, *p.ciLow < msr && msr < *p.ciHigh);
        }
        if (msr == 0.0) {
            QVERIFY(!p.membersNeeded); // NA when m = 0
        } else {
            const double k = z(1 - alpha) * cv / msr;
            QCOMPARE(p.membersNeeded, std::optional<long long>(static_cast<long long>(std::ceil(k * k))));
        }
    }

    //! σ with the benchmark's own noise, N_b gathered from the plan's settled cells, weights
    //! renormalised at plan level (see the table at the top of the file).
    void benchmarkNoiseFromExperience()
    {
        const ExperienceData data = twoPlans();
        const ExperienceIndex index(data);
        const Scenario sc = twoPlanScenario();
        const Settlement st = settle(index, nullptr, sc, SettlementOptions{2024, false});
        const Validity v = validityClosedForms(st, index, sc, nullptr);
        QCOMPARE(v.plans.size(), std::size_t(2));

        const PlanValidity& a = v.plans[0];
        QCOMPARE(a.planId, std::string("A"));
        FIX_COMPARE_NEAR("N_A", a.members, 1650.0, 1e-12);
        QCOMPARE(a.baseYears.size(), std::size_t(2));
        FIX_COMPARE_NEAR("N_2022", a.baseYears[0].members, 1000.0, 1e-12);
        FIX_COMPARE_NEAR("N_2023", a.baseYears[1].members, 1550.0, 1e-12);
        FIX_COMPARE_NEAR("w_2022", a.baseYears[0].weight, 0.4, 1e-15);
        const double termA = 0.16 / 1000.0 + 0.36 / 1550.0;
        FIX_COMPARE_NEAR("term A", a.benchmarkTerm, termA, 1e-18);
        const double sigmaA = 2.0 * std::sqrt(1.0 / 1650.0 + termA);
        FIX_COMPARE_NEAR("sigma A", a.sigma, sigmaA, 1e-15);
        FIX_COMPARE_NEAR("ci_low A", *a.ciLow, *st.plans[0].savingsRate - z(0.95) * sigmaA, 1e-12);
        // members_needed with the base years in today's proportion: (z_0.9 · 2 / 0.03)² (1 + N·term)
        const double k = z(0.9) * 2.0 / 0.03;
        QCOMPARE(a.membersNeeded,
                 std::optional<long long>(static_cast<long long>(std::ceil(k * k * (1.0 + 1650.0 * termA)))));

        const PlanValidity& b = v.plans[1];
        FIX_COMPARE_NEAR("w_2022 B (no members)", b.baseYears[0].weight, 0.0, 0.0);
        FIX_COMPARE_NEAR("w_2023 B", b.baseYears[1].weight, 1.0, 1e-15);
        FIX_COMPARE_NEAR("sigma B", b.sigma, 2.0 * std::sqrt(1.0 / 2000.0 + 1.0 / 2000.0), 1e-15);
        // B lost 4 %: S = (2,496,000·(1.0 + 0) − 24,000·104)/E … the settlement's own S, and the
        // loss side's false-penalty probability at l = 3 %.
        FIX_COMPARE_NEAR("p_false_penalty B", *b.pFalsePenalty, Phi(-0.03 / b.sigma), 1e-12);
    }

    //! c: uncertainty.cv, else member aggregates (after truncation when enabled), else msr.cv,
    //! and the trace says which and why.
    void cvSources()
    {
        fixtures::ExperienceBuilder builder({"medical", "pharmacy"});
        builder.add("P", "R", "C", 2023, 48, {1000, 0});
        builder.add("P", "R", "C", 2024, 48, {1000, 0});
        const ExperienceData data = builder.data();
        const ExperienceIndex index(data);
        Scenario sc;
        sc.performanceYear = 2024;
        sc.msr.cv = 2.5;
        const Settlement st = settle(index, nullptr, sc, SettlementOptions{2024, false});

        // Four members in 2024 costing 100, 200, 300, 400: mean 250, variance 75,000 − 62,500
        // = 12,500, c = √12,500 / 250 = 0.4472135955. Truncated at 350: 100, 200, 300, 350: mean
        // 237.5, Σx² 262,500, variance 65,625 − 56,406.25 = 9,218.75, c = 96.0143218 / 237.5.
        MemberMoments m;
        m.source = "members.csv";
        m.includedCos = {"medical", "pharmacy"};
        m.truncationThreshold = 350;
        m.cells.push_back(MemberCostMoments{"P", "R", "C", 2024, 4, 1000, 300000, 950, 262500});
        Validity v = validityClosedForms(st, index, sc, &m);
        QCOMPARE(v.plans[0].cvSource, CvSource::MemberData);
        FIX_COMPARE_NEAR("c from members", v.plans[0].cv, std::sqrt(12500.0) / 250.0, 1e-15);
        QVERIFY(v.plans[0].cvNote.find("members.csv") != std::string::npos);

        sc.truncation.enabled = true;
        const Settlement truncated = settle(index, nullptr, sc, SettlementOptions{2024, false});
        v = validityClosedForms(truncated, index, sc, &m);
        FIX_COMPARE_NEAR("c truncated", v.plans[0].cv, std::sqrt(9218.75) / 237.5, 1e-15);
        QVERIFY(v.plans[0].cvNote.find("350.00") != std::string::npos);

        // Aggregates of an older project without truncated sums: msr.cv, and the trace says why.
        MemberMoments old = m;
        old.cells[0].truncatedSum.reset();
        old.cells[0].truncatedSumSquares.reset();
        v = validityClosedForms(truncated, index, sc, &old);
        QCOMPARE(v.plans[0].cvSource, CvSource::MsrCv);
        FIX_COMPARE_NEAR("msr.cv", v.plans[0].cv, 2.5, 0.0);
        QVERIFY(v.plans[0].cvNote.find("re-import") != std::string::npos);

        // Aggregates over other COS than the scenario includes: not used.
        sc.truncation.enabled = false;
        sc.excludedCos = {"pharmacy"};
        const Settlement medicalOnly = settle(index, nullptr, sc, SettlementOptions{2024, false});
        v = validityClosedForms(medicalOnly, index, sc, &m);
        QCOMPARE(v.plans[0].cvSource, CvSource::MsrCv);
        QVERIFY(v.plans[0].cvNote.find("pharmacy") != std::string::npos);

        // A settled cell without aggregates: not used either.
        MemberMoments other = m;
        other.includedCos = {"medical"};
        other.cells[0].region = "elsewhere";
        v = validityClosedForms(medicalOnly, index, sc, &other);
        QCOMPARE(v.plans[0].cvSource, CvSource::MsrCv);
        QVERIFY(v.plans[0].cvNote.find("cover 0 of") != std::string::npos);

        // uncertainty.cv wins over member data.
        sc.uncertainty.cv = 0.9;
        v = validityClosedForms(medicalOnly, index, sc, &other);
        QCOMPARE(v.plans[0].cvSource, CvSource::Scenario);
        FIX_COMPARE_NEAR("uncertainty.cv", v.plans[0].cv, 0.9, 0.0);
    }

    //! The ⌈q·K⌉-th smallest, 1-based.
    void quantileRule()
    {
        std::vector<double> values(20);
        std::iota(values.begin(), values.end(), 1.0);
        std::shuffle(values.begin(), values.end(), std::mt19937(7));
        QCOMPARE(quantileOf(values, 5), 1.0);   // ⌈1⌉
        QCOMPARE(quantileOf(values, 50), 10.0); // ⌈10⌉
        QCOMPARE(quantileOf(values, 95), 19.0); // ⌈19⌉
        std::vector<double> seven{7, 3, 5, 1, 6, 2, 4};
        QCOMPARE(quantileOf(seven, 5), 1.0);  // ⌈0.35⌉ = 1
        QCOMPARE(quantileOf(seven, 50), 4.0); // ⌈3.5⌉ = 4
        QCOMPARE(quantileOf(seven, 95), 7.0); // ⌈6.65⌉ = 7
        std::vector<double> one{42};
        QCOMPARE(quantileOf(one, 5), 42.0);
    }

    //! The uncapped first-dollar payment by chance has mean ρ(1 − r)·E·σφ(m/σ): the Monte Carlo
    //! mean lies within 4 standard errors of it. Its 95th percentile is ρ(1 − r)·E·σ·z_0.95 when
    //! that clears the MSR, and 0 when the false-reward probability is below 5 %.
    void monteCarloAgainstClosedForms()
    {
        Scenario sc;
        sc.uncertainty.cv = 1.5;
        sc.sharing.paymentReduction = 0.02;
        const double e = 1e8, rho = 0.5, m = 0.02, n = 2000.0;
        const ExperienceIndex index(noData());
        const Settlement st = handSettlement(n, e, 0.05, m, m, rho);
        MonteCarloOptions options;
        options.draws = 200000;
        options.seed = 11;
        const Validity v = assessValidity(st, index, sc, nullptr, options);
        const double sigma = 1.5 / std::sqrt(n);
        const double scale = rho * (1 - 0.02) * e;
        const double mean = scale * sigma * phi(m / sigma);
        const double secondMoment =
            scale * scale * sigma * sigma * ((m / sigma) * phi(m / sigma) + 1 - Phi(m / sigma));
        const double se = std::sqrt((secondMoment - mean * mean) / options.draws);
        const PlanValidity& p = v.plans[0];
        QVERIFY(v.monteCarloDone);
        FIX_COMPARE_NEAR("chance payment mean", p.payment.chanceMean, mean, 4 * se);
        FIX_COMPARE_NEAR("chance payment p95", p.payment.chanceP95, scale * sigma * z(0.95),
                         scale * sigma * 0.02);
        // Around the result S = 5 % ± σ: p50 pays on S itself; p05 is S − 1.645σ = 1.1 %, below m.
        FIX_COMPARE_NEAR("payment p50", p.payment.p50, scale * 0.05, scale * sigma * 0.02);
        QCOMPARE(p.payment.p05, 0.0);
        FIX_COMPARE_NEAR("payment p95", p.payment.p95, scale * (0.05 + z(0.95) * sigma),
                         scale * sigma * 0.02);
        // One plan: the ALL row is the plan's.
        QCOMPARE(v.all.chanceMean, p.payment.chanceMean);
        QCOMPARE(v.all.p95, p.payment.p95);

        // 50,000 members: a false reward 0.42 % of the time, so the 95th percentile pays nothing.
        const Validity big =
            assessValidity(handSettlement(50000, e, 0.0, m, m, rho), index, sc, nullptr, options);
        QCOMPARE(big.plans[0].payment.chanceP95, 0.0);
        QVERIFY(big.plans[0].payment.chanceMean > 0.0);

        // The loss side by chance: two-sided with a fixed 30 % loss rate and no MSR gap, the mean
        // is ρ(1−r)Eσφ(m/σ) − 0.3·Eσφ(l/σ).
        sc.losses.enabled = true;
        sc.losses.rate = 0.3;
        const Validity two = assessValidity(st, index, sc, nullptr, options);
        const double meanTwo = mean - 0.3 * e * sigma * phi(m / sigma);
        FIX_COMPARE_NEAR("two-sided chance mean", two.plans[0].payment.chanceMean, meanTwo, 6 * se);
    }

    //! Same seed, same output at 1, 2 and 7 threads, bit for bit; another seed differs. The ALL
    //! row is the per-draw sum over plans.
    void reproducibleAcrossThreads()
    {
        Scenario sc;
        sc.uncertainty.cv = 2.0;
        Settlement st;
        st.year = 2024;
        for (int i = 0; i < 5; ++i) {
            Settlement one = handSettlement(1000.0 + 900.0 * i, 1e7 * (i + 1), 0.01 * i - 0.01, 0.03, 0.03,
                                            0.5, i != 2, "P" + std::to_string(i));
            st.plans.push_back(one.plans[0]);
        }
        sc.losses.enabled = true;
        const ExperienceIndex index(noData());
        auto run = [&](int threads, std::uint64_t seed) {
            MonteCarloOptions o;
            o.draws = 30001;
            o.seed = seed;
            o.threads = threads;
            o.keepDraws = true;
            return assessValidity(st, index, sc, nullptr, o);
        };
        const Validity one = run(1, 5), two = run(2, 5), seven = run(7, 5), other = run(2, 6);
        for (const Validity* v : {&two, &seven}) {
            QCOMPARE(v->chanceTotals, one.chanceTotals);
            QCOMPARE(v->aroundTotals, one.aroundTotals);
            for (std::size_t p = 0; p < st.plans.size(); ++p) {
                QCOMPARE(v->plans[p].payment.chanceMean, one.plans[p].payment.chanceMean);
                QCOMPARE(v->plans[p].payment.p05, one.plans[p].payment.p05);
                QCOMPARE(v->plans[p].payment.p95, one.plans[p].payment.p95);
            }
            QCOMPARE(v->all.chanceMean, one.all.chanceMean);
            QCOMPARE(v->all.p50, one.all.p50);
        }
        QVERIFY(other.chanceTotals != one.chanceTotals);
        double sumOfMeans = 0.0;
        for (const PlanValidity& p : one.plans)
            sumOfMeans += p.payment.chanceMean;
        FIX_COMPARE_NEAR("ALL mean = Σ plan means", one.all.chanceMean, sumOfMeans,
                         1e-6 * std::fabs(sumOfMeans));
        // The ineligible plan P2 is never paid savings, but owes losses.
        QVERIFY(one.plans[2].payment.p95 <= 0.0);
    }

    //! The fan: with no shock every percentile is the projection itself; with one, the band
    //! widens with the years and brackets the projection.
    void projectionFan()
    {
        const ExperienceData data = twoPlans();
        const ExperienceIndex index(data);
        Scenario sc = twoPlanScenario();
        sc.projection.utilizationChange.byCos = {{"medical", -0.02}};
        const Projection deterministic = project(index, nullptr, sc, ProjectionOptions{false, {}});
        MonteCarloOptions o;
        o.draws = 400;
        o.seed = 3;
        sc.uncertainty.trendSd = 0.0;
        const ProjectionFan flat = sharecast::projectionFan(index, nullptr, sc, o);
        QCOMPARE(flat.years.size(), deterministic.all.size());
        for (std::size_t t = 0; t < flat.years.size(); ++t) {
            const double g = deterministic.all[t].grossSavings;
            FIX_COMPARE_NEAR("p05 = projection", flat.years[t].grossSavings.p05, g,
                             1e-6 * std::fabs(g) + 1e-6);
            FIX_COMPARE_NEAR("p95 = projection", flat.years[t].grossSavings.p95, g,
                             1e-6 * std::fabs(g) + 1e-6);
            FIX_COMPARE_NEAR("rate impact", flat.years[t].rateImpact.p50, deterministic.all[t].rateImpact,
                             1e-6 * std::fabs(deterministic.all[t].rateImpact) + 1e-6);
        }
        sc.uncertainty.trendSd = 0.02;
        o.threads = 1;
        const ProjectionFan fan = sharecast::projectionFan(index, nullptr, sc, o);
        o.threads = 3;
        const ProjectionFan fan3 = sharecast::projectionFan(index, nullptr, sc, o);
        double previousWidth = 0.0;
        for (std::size_t t = 0; t < fan.years.size(); ++t) {
            const FanYear::Band& b = fan.years[t].grossSavings;
            QVERIFY(b.p05 < b.p50 && b.p50 < b.p95);
            QVERIFY(b.p95 - b.p05 > previousWidth);
            previousWidth = b.p95 - b.p05;
            QCOMPARE(fan3.years[t].grossSavings.p05, b.p05);
            QCOMPARE(fan3.years[t].netStateSavingNonRebased.p95, fan.years[t].netStateSavingNonRebased.p95);
            // The shock is symmetric: the median stays within a few percent of the band of the
            // unshocked projection.
            FIX_COMPARE_NEAR("median", b.p50, deterministic.all[t].grossSavings, 0.25 * (b.p95 - b.p05));
        }
    }

    void cancelStopsTheMonteCarlo()
    {
        Scenario sc;
        const ExperienceIndex index(noData());
        std::atomic<bool> cancel{true};
        MonteCarloOptions o;
        o.cancel = &cancel;
        Validity v =
            validityClosedForms(handSettlement(1000, 1e6, 0.01, 0.02, 0.02, 0.5), index, sc, nullptr);
        QVERIFY_THROWS_EXCEPTION(
            MonteCarloCancelled,
            runPaymentMonteCarlo(v, handSettlement(1000, 1e6, 0.01, 0.02, 0.02, 0.5), sc, o));
        QVERIFY(!v.monteCarloDone);
    }
};

QTEST_APPLESS_MAIN(TestValidity)
#include "tst_validity.moc"
