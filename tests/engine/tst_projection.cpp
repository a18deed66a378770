//! The multi-year projection (methodology §11) with rates rebased and not rebased (§10), payments
//! by §5/§8. Invariants over a three-plan dataset, then a small case worked by hand (python3 as a
//! calculator, from the spec's formulas; never through the engine).
//!
//! Output columns checked (§11): member_months, counterfactual_cost, projected_cost, investment,
//! benchmark, gross_savings, plan_payment, rate_rebased_pmpm, rate_nonrebased_pmpm, rate_impact,
//! margin_rebased, margin_nonrebased, state_cost_rebased, state_cost_nonrebased,
//! federal_share_nonrebased, net_state_saving_nonrebased, net_state_saving_rebased — as the
//! ProjectionYear fields they print.
//!
//! ── Small case S (one plan P, region R1, two cells, history 2021–2023) ──────────────────────────
//!   cell           year     MM   inpatient  professional
//!   Adult          2021  11000   1,100,000       880,000
//!   Adult          2022  11500   1,200,000       920,000
//!   Adult          2023  12000   1,320,000       960,000    PMPM 110, 80
//!   ACA Expansion  2021   5800     870,000       522,000
//!   ACA Expansion  2022   6000     900,000       540,000
//!   ACA Expansion  2023   6000     960,000       570,000    PMPM 160, 95
//! Scenario: Y0 = 2023 (latest year), horizon 3, rate lag 1, enrollment growth 3 %; trend default
//! (u 0.01, k 0.02) → 1.0302 a year, by_cos professional (0, 0.03) → 1.03; program change
//! professional ×1.05 effective 2025; utilization change default 0, by_cos {inpatient −4 %};
//! investment 3.00 PMPM; MSR fixed 1.5 %; sharing multiply, max_share 0.5, first dollar;
//! quality_path [80, 90] (held at 90 for t = 3); admin 0.08, underwriting gain 0.02 (divisor 0.9);
//! FMAP 0.5, ACA Expansion 0.9.
//!
//! t = 1 (2024): growth 1.03. Adult MM 12,360: C_ip = 110·1.0302·12,360 = 1,400,659.92,
//!   C_pr = 80·1.03·12,360 = 1,018,464; A_ip = 1,400,659.92·0.96 = 1,344,633.5232.
//!   ACA MM 6,180: C_ip = 160·1.0302·6,180 = 1,018,661.76, C_pr = 95·1.03·6,180 = 604,713;
//!   A_ip = 977,915.2896. MM 18,540; E = Σ C = 4,042,498.68; I = 3·18,540 = 55,620;
//!   A = Σ A_s + I = 3,945,725.8128 + 55,620 = 4,001,345.8128;
//!   G = 41,152.8672; S = 0.0101801 < MSR 0.015 → P = 0.
//!   Rates (base 2023 ≤ Y0: actual experience, trended 1 year, PC(2023, 2024) = 1):
//!   Adult (110·1.0302 + 80·1.03)/0.9 = 195.722/0.9 = 217.468888…; ACA (160·1.0302 + 95·1.03)/0.9
//!   = 262.682/0.9 = 291.868888…; revenue 217.4689·12,360 + 291.8689·6,180 = 4,491,665.20 on both
//!   paths; rate 242.268888… PMPM; impact 0. v2 cash flows (§11), payment model ffs (the
//!   default): margin rebased = Rev − A − 0.08·Rev = 130,986.1712 = margin non-rebased (+ P = 0);
//!   state cost rebased = Rev = 4,491,665.20, non-rebased = Rev + P − G = 4,450,512.3328;
//!   G_cell: Adult 2,419,123.92 − 2,400,177.5232 = 18,946.3968 (A incl. 3·12,360 investment), ACA
//!   1,623,374.76 − 1,601,168.2896 = 22,206.4704; federal = Σ fmap·(Rev_cell + P·E_cell/E − G_cell)
//!   = 2,967,332.4933 − (0.5·18,946.3968 + 0.9·22,206.4704) = 2,937,873.4716; net saving
//!   non-rebased = CF − state cost = G − P = 41,152.8672; rebased = CF − Rev = 0.
//! t = 2 (2025): growth 1.0609; Adult MM 12,730.8: C_ip = 110·1.06131204·12,730.8
//!   = 1,486,248.6451, C_pr = 80·1.0609·1.05·12,730.8 = 1,134,512.8805; A_ip = C_ip·0.9216
//!   = 1,369,726.7513. ACA MM 6,365.4: C_ip = 1,080,908.1055, C_pr = 673,617.0228, A_ip = 996,164.9100.
//!   MM 19,096.2; E = 4,375,286.6538; I = 57,288.6; A = 4,231,310.1646; G = 143,976.4892;
//!   S = 0.0329 >= 0.015, Q 90 → ρ 0.45 → P = 64,789.4202.
//!   Rates (base 2024 > Y0, trended 1 year, PC(2024, 2025) = 1.05 on professional):
//!   Adult rebased (A_ip/MM₂₀₂₄·1.0302 + C_pr/MM₂₀₂₄·1.03·1.05)
//!     = (108.78912·1.0302 + 82.4·1.0815) = 201.190151424 → /0.9 = 223.5446127;
//!   Adult non-rebased (113.322·1.0302 + 82.4·1.0815) = 205.8599244 → 228.7332493;
//!   ACA rebased 268.842304344 → 298.7136715; non-rebased 275.6347014 → 306.2607793.
//!   Rev rebased 4,747,333.7598, non-rebased 4,861,429.6154 (PMPM 248.6009656 / 254.5757593);
//!   impact 114,095.8556; margins (v2) rebased Rev − A − 0.08·Rev = 136,236.8944, non-rebased
//!   + P = 305,994.5017; state cost rebased 4,747,333.7598, non-rebased Rev + P − G
//!   = 4,782,242.5463; G_cell Adult 78,329.4938, ACA 65,646.9955; federal = Σ fmap·(Rev_nonreb,cell
//!   + P·E_cell/E − G_cell) = 3,155,043.8522; net non-rebased = CF − state cost = G − P
//!   = 79,187.0691; net rebased = CF − Rev_rebased = impact = 114,095.8556.
//! t = 3 (2026): growth 1.092727; Adult MM 13,112.724: C_ip = 1,577,067.3548, C_pr = 1,203,604.7149,
//!   A_ip = C_ip·0.884736 = 1,395,288.2632; ACA MM 6,556.362: C_ip = 1,146,958.0762,
//!   C_pr = 714,640.2995, A_ip = 1,014,755.1005. E = 4,642,270.4454; I = 59,007.258;
//!   A = 4,387,295.6361; G = 254,974.8093; S 0.0549; Q 90 (held) → P = 114,738.6642.
//!   Rates (base 2025, PC(2025, 2026) = 1): Adult 202.6299028 → 225.1443364 / 212.0590710
//!   → 235.6211900; ACA 270.2225506 → 300.2472785 / 283.9377044 → 315.4863383;
//!   PMPM 250.1786504 / 262.2429061; impact 237,292.8820; margins (v2) 139,826.9233 / 472,875.0389;
//!   state cost 4,920,785.3906 / 5,017,842.1275; federal 3,309,689.1193; net non-rebased G − P
//!   = 140,236.1451, rebased = impact 237,292.8820.
//! Payment model capitation: the same except the non-rebased margin, Rev − A − 0.08·Rev − T with
//!   T = G − P: 89,833.3040 (2024), 162,018.0125 (2025), 217,900.2296 (2026); with G ≥ 0 in every
//!   year T = G − P, so the state's figures equal ffs's (Rev + P − G = Rev − T).
//!
//! Tolerances: dollars 1e-6, PMPM 1e-9, rates 1e-10.

#include "engine/experience_index.h"
#include "engine/projection.h"
#include "engine/quality_data.h"

#include "engine_fixtures.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <functional>

using namespace sharecast;

namespace {

constexpr double kMoneyTol = 1e-6;
constexpr double kPmpmTol = 1e-9;
constexpr double kRateTol = 1e-10;

//! The §11 output columns after plan_id and year, in file order.
constexpr std::array<const char*, 17> kColumns{"member_months",
                                               "counterfactual_cost",
                                               "projected_cost",
                                               "investment",
                                               "benchmark",
                                               "gross_savings",
                                               "plan_payment",
                                               "rate_rebased_pmpm",
                                               "rate_nonrebased_pmpm",
                                               "rate_impact",
                                               "margin_rebased",
                                               "margin_nonrebased",
                                               "state_cost_rebased",
                                               "state_cost_nonrebased",
                                               "federal_share_nonrebased",
                                               "net_state_saving_nonrebased",
                                               "net_state_saving_rebased"};
constexpr std::size_t kRateRebased = 7;
constexpr std::size_t kRateNonRebased = 8;

std::array<double, 17> columns(const ProjectionYear& y)
{
    return {y.memberMonths,
            y.counterfactualCost,
            y.projectedCost,
            y.investment,
            y.benchmark,
            y.grossSavings,
            y.payment.payment,
            y.rateRebased,
            y.rateNonRebased,
            y.rateImpact,
            y.marginRebased,
            y.marginNonRebased,
            y.stateCostRebased,
            y.stateCostNonRebased,
            y.federalShareNonRebased,
            y.netStateSavingNonRebased,
            y.netStateSavingRebased};
}

double tolerance(std::size_t column)
{
    return column == kRateRebased || column == kRateNonRebased ? kPmpmTol : kMoneyTol;
}

// ── Small case S (header) ─────────────────────────────────────────────────────────────────────

ExperienceData smallData()
{
    fixtures::ExperienceBuilder b({"inpatient", "professional"});
    b.add("P", "R1", "Adult", 2021, 11000, {1100000, 880000});
    b.add("P", "R1", "Adult", 2022, 11500, {1200000, 920000});
    b.add("P", "R1", "Adult", 2023, 12000, {1320000, 960000});
    b.add("P", "R1", "ACA Expansion", 2021, 5800, {870000, 522000});
    b.add("P", "R1", "ACA Expansion", 2022, 6000, {900000, 540000});
    b.add("P", "R1", "ACA Expansion", 2023, 6000, {960000, 570000});
    return b.data();
}

const ExperienceData& small()
{
    static const ExperienceData d = smallData();
    return d;
}

Scenario smallScenario(const std::function<void(Scenario&)>& edit = {})
{
    Scenario s;
    s.trend.defaultTrend = {0.01, 0.02};
    s.trend.byCos["professional"] = {0.0, 0.03};
    ProgramChange pc;
    pc.cos = "professional";
    pc.effectiveYear = 2025;
    pc.factor = 1.05;
    s.programChanges = {pc};
    s.msr.method = ThresholdMethod::Fixed;
    s.msr.rate = 0.015;
    s.sharing.qualityScaling = QualityScaling::Multiply;
    s.sharing.maxShare = 0.5;
    s.fmap.byRateCell = {{"ACA Expansion", 0.9}};
    ProjectionSpec& p = s.projection;
    p.horizon = 3;
    p.rateLag = 1;
    p.enrollmentGrowth = 0.03;
    p.utilizationChange.defaultRate = 0.0;
    p.utilizationChange.byCos = {{"inpatient", -0.04}};
    p.investmentPmpm = 3.0;
    p.qualityPath = std::vector<Score>{80.0, 90.0};
    if (edit)
        edit(s);
    s.validate();
    return s;
}

Projection run(const ExperienceData& data, const Scenario& s, const QualityData* quality = nullptr)
{
    const ExperienceIndex index(data);
    return project(index, quality, s);
}

// ── Three-plan dataset M for the invariants ───────────────────────────────────────────────────
// COS inpatient, outpatient, emergency, ecm, pharmacy (pharmacy excluded).
//   A R1/Adult          2020–2023   A R1/ACA Expansion 2020–2023
//   B R2/Child          2021–2023   B R2/SPD           2023 only (its rates fall back to 2023)
//   C R1/Adult          2020–2022   (no 2023 record: not projected)
// Costs and member months grow by year so every base year differs from the start year.

ExperienceData multiData()
{
    fixtures::ExperienceBuilder b({"inpatient", "outpatient", "emergency", "ecm", "pharmacy"});
    auto series = [&](const std::string& plan, const std::string& region, const std::string& cell, Year from,
                      Year to, double mm, std::vector<double> cost) {
        for (Year y = from; y <= to; ++y) {
            const double k = y - 2020;
            std::vector<double> c;
            for (std::size_t i = 0; i < cost.size(); ++i)
                c.push_back(cost[i] * (1.0 + (0.035 + 0.01 * static_cast<double>(i)) * k));
            b.add(plan, region, cell, y, mm * (1.0 + 0.02 * k), c);
        }
    };
    series("A", "R1", "Adult", 2020, 2023, 10000, {1000000, 600000, 150000, 50000, 400000});
    series("A", "R1", "ACA Expansion", 2020, 2023, 5000, {900000, 400000, 100000, 30000, 300000});
    series("B", "R2", "Child", 2021, 2023, 8000, {300000, 250000, 80000, 10000, 120000});
    series("B", "R2", "SPD", 2023, 2023, 1500, {1200000, 500000, 100000, 90000, 600000});
    series("C", "R1", "Adult", 2020, 2022, 900, {90000, 60000, 15000, 4000, 30000});
    return b.data();
}

const ExperienceData& multi()
{
    static const ExperienceData d = multiData();
    return d;
}

Scenario multiScenario(const std::function<void(Scenario&)>& edit = {})
{
    Scenario s;
    s.excludedCos = {"pharmacy"};
    s.trend.defaultTrend = {0.01, 0.03};
    s.trend.byCos["inpatient"] = {0.02, 0.04};
    s.trend.byRateCell["SPD"].defaultTrend = TrendPair{0.02, 0.02};
    ProgramChange pc;
    pc.cos = "outpatient";
    pc.effectiveYear = 2025;
    pc.factor = 1.04;
    s.programChanges = {pc};
    s.msr.method = ThresholdMethod::Fixed;
    s.msr.rate = 0.01;
    s.sharing.qualityScaling = QualityScaling::Multiply;
    s.fmap.byRateCell = {{"ACA Expansion", 0.9}, {"SPD", 0.6}};
    ProjectionSpec& p = s.projection;
    p.horizon = 5;
    p.enrollmentGrowth = 0.015;
    p.investmentPmpm = 0.5;
    p.utilizationChange.byCos = {{"inpatient", -0.02}, {"emergency", -0.03}}; // v1's default, now explicit
    p.qualityPath = std::vector<Score>{70.0, 90.0};
    if (edit)
        edit(s);
    s.validate();
    return s;
}

QByteArray where(const std::string& plan, const ProjectionYear& y, const char* column,
                 const QByteArray& scenario)
{
    return "plan " + QByteArray::fromStdString(plan) + ", year " + QByteArray::number(y.year) + ", " +
           column + "; " + scenario;
}

} // namespace

class TestProjection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ── Invariants ───────────────────────────────────────────────────────────────────────────

    //! No utilization change (default 0 and by_cos emptied) and no investment: projected =
    //! counterfactual, savings 0, nothing paid, rebased = non-rebased, rate impact 0, in every
    //! plan, cell and year, whatever the lag and with care coordination as medical or not.
    void noChangeMeansNoSavingsAndNoImpact_data()
    {
        QTest::addColumn<int>("lag");
        QTest::addColumn<bool>("careCoordination");
        for (int lag = 0; lag <= 3; ++lag)
            for (bool cc : {false, true})
                QTest::addRow("lag %d%s", lag, cc ? ", care coordination as medical" : "") << lag << cc;
    }
    void noChangeMeansNoSavingsAndNoImpact()
    {
        QFETCH(int, lag);
        QFETCH(bool, careCoordination);
        const Scenario s = multiScenario([&](Scenario& sc) {
            sc.projection.utilizationChange.defaultRate = 0.0;
            sc.projection.utilizationChange.byCos.clear();
            sc.projection.investmentPmpm = 0.0;
            sc.projection.rateLag = lag;
            sc.projection.careCoordinationToMedical = careCoordination;
        });
        const QByteArray in = "M, no utilization change, no investment, lag " + QByteArray::number(lag) +
                              (careCoordination ? ", care coordination" : "");
        const Projection p = run(multi(), s);
        QCOMPARE(p.startYear, 2023);
        QCOMPARE(p.plans.size(), std::size_t{2}); // C has no 2023 cell
        for (const PlanProjection& plan : p.plans) {
            QCOMPARE(plan.years.size(), std::size_t{5});
            for (const ProjectionYear& y : plan.years) {
                QVERIFY2(y.counterfactualCost > 0.0,
                         where(plan.planId, y, "counterfactual_cost", in).constData());
                FIX_COMPARE_NEAR(where(plan.planId, y, "projected_cost", in).constData(), y.projectedCost,
                                 y.counterfactualCost, kMoneyTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "investment", in).constData(), y.investment, 0.0,
                                 kMoneyTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "gross_savings", in).constData(), y.grossSavings, 0.0,
                                 kMoneyTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "plan_payment", in).constData(), y.payment.payment,
                                 0.0, kMoneyTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "rate_nonrebased_pmpm", in).constData(),
                                 y.rateNonRebased, y.rateRebased, kPmpmTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "rate_impact", in).constData(), y.rateImpact, 0.0,
                                 kMoneyTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "margin_nonrebased", in).constData(),
                                 y.marginNonRebased, y.marginRebased, kMoneyTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "state_cost_nonrebased", in).constData(),
                                 y.stateCostNonRebased, y.stateCostRebased, kMoneyTol);
                FIX_COMPARE_NEAR(where(plan.planId, y, "net_state_saving_nonrebased", in).constData(),
                                 y.netStateSavingNonRebased, 0.0, kMoneyTol);
            }
            for (const CellProjection& c : plan.cells)
                for (const CellProjectionYear& cy : c.years)
                    FIX_COMPARE_NEAR(("cell " + QByteArray::fromStdString(c.region + "/" + c.rateCell) + " " +
                                      QByteArray::number(cy.year) + " gross rate; " + in)
                                         .constData(),
                                     cy.nonRebased.gross, cy.rebased.gross, kPmpmTol);
        }
    }

    //! v2 (§11): the default utilization change is none, so a scenario that sets none projects
    //! the counterfactual (no investment: nothing saved, nothing paid, no rate impact).
    void defaultUtilizationChangeIsNone()
    {
        QCOMPARE(UtilizationChange{}.defaultRate, 0.0);
        QVERIFY(UtilizationChange{}.byCos.empty());
        const Scenario s = multiScenario([](Scenario& sc) {
            sc.projection.utilizationChange = UtilizationChange{};
            sc.projection.investmentPmpm = 0.0;
        });
        const Projection p = run(multi(), s);
        for (const PlanProjection& plan : p.plans)
            for (const ProjectionYear& y : plan.years) {
                FIX_COMPARE_NEAR(
                    where(plan.planId, y, "projected_cost", "default utilization change").constData(),
                    y.projectedCost, y.counterfactualCost, kMoneyTol);
                FIX_COMPARE_NEAR(
                    where(plan.planId, y, "rate_impact", "default utilization change").constData(),
                    y.rateImpact, 0.0, kMoneyTol);
            }
    }

    //! A loss year (utilization rising 3 % a year, losses not shared): under capitation the plan
    //! bears the loss, T = 0, so the state pays the non-rebased revenue and its net saving is
    //! CF − Rev; under ffs the payer paid the extra claims: state cost Rev − G (G < 0), program
    //! net G. The rebased path is the same under both models.
    void oneSidedLossYear()
    {
        for (const PaymentModel model : {PaymentModel::Capitation, PaymentModel::Ffs}) {
            const Scenario s = multiScenario([&](Scenario& sc) {
                sc.paymentModel = model;
                sc.projection.utilizationChange = UtilizationChange{0.03, {}};
            });
            const QByteArray in = model == PaymentModel::Capitation ? "capitation, loss" : "ffs, loss";
            const Projection p = run(multi(), s);
            for (const PlanProjection& plan : p.plans)
                for (const ProjectionYear& y : plan.years) {
                    QVERIFY2(y.grossSavings < 0.0,
                             where(plan.planId, y, "gross_savings < 0", in).constData());
                    QCOMPARE(y.payment.payment, 0.0);
                    const bool cap = model == PaymentModel::Capitation;
                    QCOMPARE(y.transfers, !cap);
                    FIX_COMPARE_NEAR(where(plan.planId, y, "program net", in).constData(), y.programNet,
                                     cap ? 0.0 : y.grossSavings, kMoneyTol);
                    FIX_COMPARE_NEAR(
                        where(plan.planId, y, "state_cost_nonrebased", in).constData(), y.stateCostNonRebased,
                        cap ? y.revenueNonRebased : y.revenueNonRebased - y.grossSavings, kMoneyTol);
                    FIX_COMPARE_NEAR(where(plan.planId, y, "state_cost_rebased", in).constData(),
                                     y.stateCostRebased, y.revenueRebased, kMoneyTol);
                    FIX_COMPARE_NEAR(where(plan.planId, y, "net_state_saving_rebased", in).constData(),
                                     y.netStateSavingRebased, y.revenueCounterfactual - y.revenueRebased,
                                     kMoneyTol);
                }
        }
    }

    //! The ALL rows are the sums of the plan rows in every money column; the PMPM columns are the
    //! member-month-weighted averages of the plans'.
    void allRowsSumThePlans_data()
    {
        QTest::addColumn<int>("lag");
        QTest::addColumn<bool>("careCoordination");
        QTest::newRow("lag 2") << 2 << false;
        QTest::newRow("lag 1, care coordination as medical") << 1 << true;
        QTest::newRow("lag 0") << 0 << false;
    }
    void allRowsSumThePlans()
    {
        QFETCH(int, lag);
        QFETCH(bool, careCoordination);
        const Scenario s = multiScenario([&](Scenario& sc) {
            sc.projection.rateLag = lag;
            sc.projection.careCoordinationToMedical = careCoordination;
        });
        const QByteArray in =
            "M, lag " + QByteArray::number(lag) + (careCoordination ? ", care coordination" : "");
        const Projection p = run(multi(), s);
        QCOMPARE(p.plans.size(), std::size_t{2});
        QCOMPARE(p.all.size(), std::size_t{5});
        bool anyPayment = false;
        for (std::size_t t = 0; t < p.all.size(); ++t) {
            const ProjectionYear& all = p.all[t];
            QCOMPARE(all.year, 2024 + static_cast<int>(t));
            std::array<double, 17> sum{};
            for (const PlanProjection& plan : p.plans) {
                QCOMPARE(plan.years[t].year, all.year);
                const std::array<double, 17> c = columns(plan.years[t]);
                for (std::size_t k = 0; k < c.size(); ++k)
                    sum[k] += (k == kRateRebased || k == kRateNonRebased) ? c[k] * c[0] : c[k];
                anyPayment = anyPayment || plan.years[t].payment.payment > 0.0;
            }
            sum[kRateRebased] /= sum[0];
            sum[kRateNonRebased] /= sum[0];
            const std::array<double, 17> a = columns(all);
            for (std::size_t k = 0; k < a.size(); ++k)
                FIX_COMPARE_NEAR(where("ALL", all, kColumns[k], in).constData(), a[k], sum[k], tolerance(k));
        }
        QVERIFY2(anyPayment, "the sums should include a plan payment; " + in);
    }

    //! Rate impact is 0 in the first rate_lag years (base years <= Y0 rest on actual experience)
    //! and positive after (the non-rebased rate keeps the counterfactual cost).
    void rateImpactWaitsForTheLag_data()
    {
        QTest::addColumn<int>("lag");
        for (int lag = 0; lag <= 3; ++lag)
            QTest::addRow("lag %d", lag) << lag;
    }
    void rateImpactWaitsForTheLag()
    {
        QFETCH(int, lag);
        const Scenario s = multiScenario([&](Scenario& sc) { sc.projection.rateLag = lag; });
        const QByteArray in = "M, inpatient −2 %, emergency −3 %, lag " + QByteArray::number(lag);
        const Projection p = run(multi(), s);
        std::vector<const std::vector<ProjectionYear>*> rows{&p.all};
        for (const PlanProjection& plan : p.plans)
            rows.push_back(&plan.years);
        for (const auto* years : rows)
            for (int t = 1; t <= 5; ++t) {
                const ProjectionYear& y = (*years)[static_cast<std::size_t>(t - 1)];
                if (t <= lag) {
                    FIX_COMPARE_NEAR(where("", y, "rate_impact", in).constData(), y.rateImpact, 0.0,
                                     kMoneyTol);
                    FIX_COMPARE_NEAR(where("", y, "rate_nonrebased_pmpm", in).constData(), y.rateNonRebased,
                                     y.rateRebased, kPmpmTol);
                } else {
                    QVERIFY2(y.rateImpact > 1.0, where("", y, "rate_impact > 0", in).constData());
                    QVERIFY2(y.rateNonRebased > y.rateRebased,
                             where("", y, "non-rebased > rebased", in).constData());
                }
            }
    }

    // ── Small case S, by hand ────────────────────────────────────────────────────────────────

    void smallCase_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<bool>("capitation");
        QTest::addColumn<QList<double>>("expected"); // the 17 columns of kColumns
        QTest::addColumn<double>("quality");
        QTest::addColumn<double>("shareRate");
        // working: header, t = 1..3; capitation differs only in the non-rebased margin (− T, not + P)
        const QList<QList<double>> ffs{
            {18540.0, 4042498.6799999997, 4001345.8128000004, 55620.0, 4042498.6799999997, 41152.86719999928,
             0.0, 242.2688888888889, 242.2688888888889, 0.0, 130986.17119999975, 130986.17119999975,
             4491665.2, 4450512.332800001, 2937873.4715733333, 41152.86719999928, 0.0},
            {19096.199999999997, 4375286.65384308, 4231310.164597757, 57288.59999999999, 4375286.65384308,
             143976.48924532253, 64789.420160395144, 248.6009656266667, 254.57575933333337,
             114095.85558124818, 136236.89441819838, 305994.50171334186, 4747333.759799952, 4782242.546296272,
             3155043.8522398733, 79187.06908492744, 114095.85558124818},
            // quality_path held at its last value, 90
            {19669.086, 4642270.445352742, 4387295.636076389, 59007.258, 4642270.445352742,
             254974.80927635357, 114738.6641743591, 250.17865042771498, 262.2429060818667, 237292.88198749628,
             139826.92330014054, 472875.0389029962, 4920785.390626662, 5017842.127512164, 3309689.1192943817,
             140236.14510199428, 237292.88198749628}};
        const double capitationMargin[] = {89833.30400000047, 162018.01246801933, 217900.22962664266};
        const double quality[] = {80.0, 90.0, 90.0};
        for (int t = 0; t < 3; ++t)
            for (bool capitation : {false, true}) {
                QList<double> e = ffs[t];
                if (capitation)
                    e[11] = capitationMargin[t];
                QTest::addRow("%d %s", 2024 + t, capitation ? "capitation" : "ffs")
                    << 2024 + t << capitation << e << quality[t] << 0.5 * quality[t] / 100.0;
            }
    }
    void smallCase()
    {
        QFETCH(int, year);
        QFETCH(bool, capitation);
        QFETCH(QList<double>, expected);
        QFETCH(double, quality);
        QFETCH(double, shareRate);
        QCOMPARE(expected.size(), qsizetype{17});
        const Projection p = run(small(), smallScenario([&](Scenario& sc) {
                                     sc.paymentModel =
                                         capitation ? PaymentModel::Capitation : PaymentModel::Ffs;
                                 }));
        const QByteArray in = "small case S (header)";
        QCOMPARE(p.startYear, 2023);
        QCOMPARE(p.plans.size(), std::size_t{1});
        const PlanProjection& plan = p.plans[0];
        QCOMPARE(plan.planId, std::string("P"));
        const auto t = static_cast<std::size_t>(year - 2024);
        const ProjectionYear& y = plan.years[t];
        QCOMPARE(y.year, year);
        const std::array<double, 17> got = columns(y);
        for (std::size_t k = 0; k < got.size(); ++k)
            FIX_COMPARE_NEAR(where("P", y, kColumns[k], in).constData(), got[k],
                             expected[static_cast<qsizetype>(k)], tolerance(k));
        // One plan: the ALL row is the plan's.
        const std::array<double, 17> all = columns(p.all[t]);
        for (std::size_t k = 0; k < all.size(); ++k)
            FIX_COMPARE_NEAR(where("ALL", p.all[t], kColumns[k], in).constData(), all[k],
                             expected[static_cast<qsizetype>(k)], tolerance(k));
        QVERIFY(y.qualityScore.has_value());
        FIX_COMPARE_NEAR(where("P", y, "quality score", in).constData(), *y.qualityScore, quality, kRateTol);
        FIX_COMPARE_NEAR(where("P", y, "ρ", in).constData(), y.shareRate, shareRate, kRateTol);
        FIX_COMPARE_NEAR(where("P", y, "MSR", in).constData(), y.msr.rate, 0.015, kRateTol);
        QVERIFY(y.eligible);
        QVERIFY(y.nonRebasedApplies);
        // (non-rebased − rebased) · MM split by FMAP: the impact falls on the ACA cell 90 % federal.
        FIX_COMPARE_NEAR(where("P", y, "impact federal + state", in).constData(),
                         y.rateImpactFederal + y.rateImpactState, y.rateImpact, kMoneyTol);
    }

    //! The trace of S: start-year PMPMs, annual trends and utilization changes per cell and COS,
    //! and the cell rates of 2025 (header, t = 2).
    void smallCaseTrace()
    {
        const Projection p = run(small(), smallScenario());
        const PlanProjection& plan = p.plans[0];
        QCOMPARE(plan.cells.size(), std::size_t{2});
        QCOMPARE(p.cos.size(), std::size_t{2});
        for (const CellProjection& c : plan.cells) {
            const bool adult = c.rateCell == "Adult";
            QVERIFY(adult || c.rateCell == "ACA Expansion");
            const QByteArray in = "S cell " + QByteArray::fromStdString(c.rateCell);
            FIX_COMPARE_NEAR(("start MM; " + in).constData(), c.startMemberMonths, adult ? 12000.0 : 6000.0,
                             kMoneyTol);
            FIX_COMPARE_NEAR(("start PMPM inpatient; " + in).constData(), c.startPmpm[0],
                             adult ? 110.0 : 160.0, kPmpmTol);
            FIX_COMPARE_NEAR(("start PMPM professional; " + in).constData(), c.startPmpm[1],
                             adult ? 80.0 : 95.0, kPmpmTol);
            FIX_COMPARE_NEAR(("trend inpatient; " + in).constData(), c.annualTrend[0], 1.0302, kRateTol);
            FIX_COMPARE_NEAR(("trend professional; " + in).constData(), c.annualTrend[1], 1.03, kRateTol);
            FIX_COMPARE_NEAR(("utilization change inpatient; " + in).constData(), c.utilizationChange[0],
                             -0.04, kRateTol);
            FIX_COMPARE_NEAR(("utilization change professional; " + in).constData(), c.utilizationChange[1],
                             0.0, kRateTol);
            QCOMPARE(c.years.size(), std::size_t{3});
            const CellProjectionYear& y2 = c.years[1];
            QCOMPARE(y2.rebased.baseYear, 2024);
            QCOMPARE(y2.rebased.rateYear, 2025);
            // Adult 223.5446127 / 228.7332493; ACA 298.7136715 / 306.2607793 (header, t = 2)
            FIX_COMPARE_NEAR(("2025 rebased gross; " + in).constData(), y2.rebased.gross,
                             adult ? 223.54461269333336 : 298.7136714933333, kPmpmTol);
            FIX_COMPARE_NEAR(("2025 non-rebased gross; " + in).constData(), y2.nonRebased.gross,
                             adult ? 228.73324933333333 : 306.2607793333333, kPmpmTol);
            FIX_COMPARE_NEAR(("2025 investment; " + in).constData(), y2.investment,
                             3.0 * (adult ? 12730.8 : 6365.4), kMoneyTol);
            FIX_COMPARE_NEAR(("fmap; " + in).constData(), y2.fmap, adult ? 0.5 : 0.9, kRateTol);
            // 2024's rates rest on the 2023 experience
            QCOMPARE(c.years[0].rebased.baseYear, 2023);
        }
    }

    //! A quality path below the gate's minimum composite blocks sharing in that year, and a plan
    //! failing the gate in a rate's base year gets the rebased rate (§10). Path [80, 40, 90],
    //! min_composite 50: 2025 fails. 2025: P = 0 (the rest as in S: its rate rests on 2024, which
    //! passed): margins 201,026.3146 − 64,789.4202 = 136,236.8944 and 305,994.5017 − 64,789.4202
    //! = 241,205.0816; state cost 4,747,333.7598 / 4,861,429.6154; federal 3,210,503.7536; net 0.
    //! 2025 (gate fails): P = 0, so (ffs, v2) the state cost not rebased is Rev − G
    //! = 4,861,429.6154 − 143,976.4892 = 4,717,453.1261 and the net saving G = 143,976.4892.
    //! 2026 (base 2025 failed): non-rebased = rebased 250.1786504 PMPM; impact 0; margins rebased
    //! 139,826.9233 (Rev − A − 0.08·Rev), non-rebased + P = 254,565.5875; state cost rebased
    //! 4,920,785.3906, non-rebased Rev + P − G = 4,780,549.2455; federal = Σ fmap·(Rev_cell
    //! + P·E_cell/E − G_cell) = 3,151,077.5613; net non-rebased = CF − state cost where CF is the
    //! counterfactual (non-rebased) revenue 5,158,078.2728: 377,529.0271; rebased 237,292.8820.
    void gateFailureGivesTheRebasedRate()
    {
        const Scenario s = smallScenario([](Scenario& sc) {
            sc.projection.qualityPath = std::vector<Score>{80.0, 40.0, 90.0};
            sc.quality.minComposite = 50.0;
        });
        const Projection p = run(small(), s);
        const QByteArray in = "S with quality_path [80, 40, 90], min_composite 50";
        const std::vector<ProjectionYear>& y = p.plans[0].years;
        QVERIFY(y[0].eligible && !y[1].eligible && y[2].eligible);
        QVERIFY(y[0].nonRebasedApplies && y[1].nonRebasedApplies && !y[2].nonRebasedApplies);
        const QList<QList<double>> expected{
            {19096.199999999997, 4375286.65384308, 4231310.164597757, 57288.59999999999, 4375286.65384308,
             143976.48924532253, 0.0, 248.6009656266667, 254.57575933333337, 114095.85558124818,
             136236.89441819838, 241205.0815529467, 4747333.759799952, 4717453.126135877, 3112256.7107866127,
             143976.48924532253, 114095.85558124818},
            {19669.086, 4642270.445352742, 4387295.636076389, 59007.258, 4642270.445352742,
             254974.80927635357, 114738.6641743591, 250.17865042771498, 250.17865042771498, 0.0,
             139826.92330014054, 254565.58747449965, 4920785.390626662, 4780549.245524668, 3151077.5613343185,
             377529.02708949056, 237292.88198749628},
        };
        for (std::size_t t = 1; t <= 2; ++t) {
            const std::array<double, 17> got = columns(y[t]);
            for (std::size_t k = 0; k < got.size(); ++k)
                FIX_COMPARE_NEAR(where("P", y[t], kColumns[k], in).constData(), got[k],
                                 expected[static_cast<qsizetype>(t - 1)][static_cast<qsizetype>(k)],
                                 tolerance(k));
        }
    }

    //! Without a quality path the plan's latest composite (and gate) is carried forward; a plan
    //! without quality data shares at Q = 100. Measure CIS (higher, threshold 0.30, benchmark 0.50),
    //! scoring max: P 2023 rate 0.40, 2022 0.35: attainment 100·0.10/0.20 = 50, improvement
    //! 90·0.05/0.15 = 30 → Q 50 → ρ = 0.5·50/100 = 0.25: P₂₀₂₅ = 0.25·143,976.4892 = 35,994.1223,
    //! P₂₀₂₆ = 0.25·254,974.8093 = 63,743.7023. With min_composite 60 the gate blocks: nothing is
    //! paid and every rate is the rebased one.
    void qualityFromTheData()
    {
        QualityData q;
        q.sourceName = "quality (in code)";
        auto record = [](Year y, double r) {
            QualityRecord rec;
            rec.planId = "P";
            rec.year = y;
            rec.measureId = "CIS";
            rec.rate = r;
            return rec;
        };
        q.records = {record(2022, 0.35), record(2023, 0.40)};
        QualityMeasure cis;
        cis.id = "CIS";
        cis.threshold = 0.30;
        cis.benchmark = 0.50;
        const Scenario s = smallScenario([&](Scenario& sc) {
            sc.projection.qualityPath.reset();
            sc.quality.measures = {cis};
        });
        const Projection p = run(small(), s, &q);
        const std::vector<ProjectionYear>& y = p.plans[0].years;
        const QByteArray in = "S, quality from data (Q 50)";
        FIX_COMPARE_NEAR(where("P", y[1], "quality score", in).constData(), y[1].qualityScore.value_or(-1.0),
                         50.0, kRateTol);
        FIX_COMPARE_NEAR(where("P", y[2], "ρ", in).constData(), y[2].shareRate, 0.25, kRateTol);
        FIX_COMPARE_NEAR(where("P", y[0], "plan_payment", in).constData(), y[0].payment.payment, 0.0,
                         kMoneyTol);
        FIX_COMPARE_NEAR(where("P", y[1], "plan_payment", in).constData(), y[1].payment.payment,
                         35994.122311330632, kMoneyTol);
        FIX_COMPARE_NEAR(where("P", y[2], "plan_payment", in).constData(), y[2].payment.payment,
                         63743.70231908816, kMoneyTol);

        // The gate at 60 blocks: no payment, rebased rates throughout.
        const Scenario blocked = smallScenario([&](Scenario& sc) {
            sc.projection.qualityPath.reset();
            sc.quality.measures = {cis};
            sc.quality.minComposite = 60.0;
        });
        const Projection b = run(small(), blocked, &q);
        for (const ProjectionYear& yb : b.plans[0].years) {
            QVERIFY(!yb.eligible);
            FIX_COMPARE_NEAR(where("P", yb, "plan_payment", "gate blocks").constData(), yb.payment.payment,
                             0.0, kMoneyTol);
            FIX_COMPARE_NEAR(where("P", yb, "rate_impact", "gate blocks").constData(), yb.rateImpact, 0.0,
                             kMoneyTol);
        }

        // No quality records for the plan: Q = 100, ρ = 0.5, with a warning.
        const QualityData none;
        const Projection n = run(small(), s, &none);
        FIX_COMPARE_NEAR("no quality data: ρ", n.plans[0].years[1].shareRate, 0.5, kRateTol);
        QVERIFY(!n.warnings.empty());
    }

    //! A cell without the rate's base-year record falls back to the start year, trended from there.
    //! One cell, 2023 only: inpatient 100 PMPM, trend (0, 0.05), no utilization change, lag 2.
    //! 2024 (base 2022 missing → 2023, 1 year): 100·1.05/0.9 = 116.666…; 2025 (base 2023):
    //! 100·1.05²/0.9 = 122.5; 2026 (base 2024, projected 105): 105·1.05²/0.9 = 128.625.
    //! (Without the fallback to the start year's own distance, 2024 would be 100·1.05²/0.9.)
    void missingBaseYearFallsBackToTheStartYear()
    {
        fixtures::ExperienceBuilder b({"inpatient"});
        b.add("Q", "R9", "Adult", 2023, 1000, {100000});
        const ExperienceData data = b.data();
        Scenario s;
        s.trend.defaultTrend = {0.0, 0.05};
        s.projection.horizon = 3;
        s.projection.rateLag = 2;
        s.projection.utilizationChange.byCos.clear();
        s.validate();
        const Projection p = run(data, s);
        const std::vector<ProjectionYear>& y = p.plans[0].years;
        const std::array<double, 3> expected{116.66666666666667, 122.5, 128.625};
        for (std::size_t t = 0; t < 3; ++t) {
            FIX_COMPARE_NEAR(where("Q", y[t], "rate_rebased_pmpm", "one cell, 2023 only, lag 2").constData(),
                             y[t].rateRebased, expected[t], kPmpmTol);
            FIX_COMPARE_NEAR(
                where("Q", y[t], "rate_nonrebased_pmpm", "one cell, 2023 only, lag 2").constData(),
                y[t].rateNonRebased, expected[t], kPmpmTol);
        }
        QCOMPARE(p.plans[0].cells[0].years[0].rebased.baseYear, 2023);
    }
};

QTEST_GUILESS_MAIN(TestProjection)
#include "tst_projection.moc"
