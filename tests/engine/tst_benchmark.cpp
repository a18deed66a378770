//! Expected cost, the benchmark (methodology §2): hand-worked cells.
//!
//! One plan P1 in region R1, performance year Y = 2024, COS inpatient / outpatient / pharmacy:
//!
//!   cell   year    MM   risk   inpatient outpatient pharmacy  excess  PMPM (all COS)
//!   Adult  2021  1000   0.95     120,000     60,000   30,000  12,000  210
//!   Adult  2022  1100   1.00     140,000     66,000   33,000       0  239,000/1100 = 217.2727…
//!   Adult  2023  1200   1.05     150,000     72,000   36,000   9,000  215
//!   Adult  2024  1250   1.10     160,000     75,000   40,000   5,000
//!   Child  2023  2000   1.20      80,000     50,000   20,000       0  75
//!   Child  2024  2100   1.00      90,000     52,000   21,000       0
//!   SPD    2021   500   2.00     300,000    100,000   50,000       0  900
//!   SPD    2023   510   2.10     320,000    105,000   52,000       0  477,000/510 = 935.294…
//!   SPD    2024   520   2.20     330,000    110,000   55,000       0
//!   Dual   2021   300   1.50      30,000     15,000    6,000       0
//!   Dual   2024   310   1.50      31,000     16,000    7,000       0
//!   LTC    2024   400   1.80      90,000     20,000    8,000       0  (no base year at all)
//!   Trunc0 2022   100   1.00       5,000          0        0   2,000  (included [outpatient]: 0)
//!   Trunc0 2023   100   1.00       6,000        800        0     100
//!   Trunc0 2024   100   1.00       6,500        900        0       0
//!
//! Adult's non-inpatient PMPM is 90 in 2021, 2022 and 2023 (90,000/1000, 99,000/1100,
//! 108,000/1200) and its pharmacy PMPM 30 in each. Expected values were worked by hand with python3
//! as a calculator; tolerances: PMPM and dollars 1e-6 (tighter than a cent), factors 1e-10.

#include "engine/benchmark.h"
#include "engine/experience_index.h"
#include "engine/scenario.h"

#include "engine_fixtures.h"

#include <QTest>

#include <functional>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::Scenario)

namespace {

constexpr Year kYear = 2024;
constexpr double kMoneyTol = 1e-6;
constexpr double kRateTol = 1e-10;

ExperienceData benchmarkData()
{
    fixtures::ExperienceBuilder b({"inpatient", "outpatient", "pharmacy"});
    b.add("P1", "R1", "Adult", 2021, 1000, {120000, 60000, 30000}, 0.95).excessOverThreshold = 12000;
    b.add("P1", "R1", "Adult", 2022, 1100, {140000, 66000, 33000}, 1.00);
    b.add("P1", "R1", "Adult", 2023, 1200, {150000, 72000, 36000}, 1.05).excessOverThreshold = 9000;
    b.add("P1", "R1", "Adult", 2024, 1250, {160000, 75000, 40000}, 1.10).excessOverThreshold = 5000;
    b.add("P1", "R1", "Child", 2023, 2000, {80000, 50000, 20000}, 1.20);
    b.add("P1", "R1", "Child", 2024, 2100, {90000, 52000, 21000}, 1.00);
    b.add("P1", "R1", "SPD", 2021, 500, {300000, 100000, 50000}, 2.00);
    b.add("P1", "R1", "SPD", 2023, 510, {320000, 105000, 52000}, 2.10);
    b.add("P1", "R1", "SPD", 2024, 520, {330000, 110000, 55000}, 2.20);
    b.add("P1", "R1", "Dual", 2021, 300, {30000, 15000, 6000}, 1.50);
    b.add("P1", "R1", "Dual", 2024, 310, {31000, 16000, 7000}, 1.50);
    b.add("P1", "R1", "LTC", 2024, 400, {90000, 20000, 8000}, 1.80);
    b.add("P1", "R1", "Trunc0", 2022, 100, {5000, 0, 0}).excessOverThreshold = 2000;
    b.add("P1", "R1", "Trunc0", 2023, 100, {6000, 800, 0}).excessOverThreshold = 100;
    b.add("P1", "R1", "Trunc0", 2024, 100, {6500, 900, 0});
    return b.data();
}

const ExperienceData& data()
{
    static const ExperienceData d = benchmarkData();
    return d;
}

const ExperienceIndex& index()
{
    static const ExperienceIndex i(data());
    return i;
}

const CellSeries* seriesFor(const std::string& rateCell)
{
    for (const PlanSeries& p : index().plans())
        for (const CellSeries& s : p.cells)
            if (*s.rateCell == rateCell)
                return &s;
    return nullptr;
}

Scenario scenario(const std::function<void(Scenario&)>& edit = {})
{
    Scenario s;
    s.performanceYear = kYear;
    if (edit)
        edit(s);
    return s;
}

void baseline(Scenario& s, std::vector<Year> years, std::vector<double> weights = {})
{
    s.baseline.years = std::move(years);
    s.baseline.weights = std::move(weights);
}

void threeYears(Scenario& s)
{
    baseline(s, {2021, 2022, 2023}, {0.2, 0.3, 0.5});
}
void twoYears(Scenario& s)
{
    baseline(s, {2021, 2023}, {0.5, 0.5});
}

ProgramChange change(std::optional<std::string> cos, Year effective, double factor,
                     std::optional<std::vector<std::string>> cells = std::nullopt)
{
    ProgramChange c;
    c.cos = std::move(cos);
    c.effectiveYear = effective;
    c.factor = factor;
    c.rateCells = std::move(cells);
    return c;
}

//! The §2.3 precedence scenario: every level set with distinct utilization trends, one year.
Scenario precedenceScenario()
{
    return scenario([](Scenario& s) {
        baseline(s, {2023});
        s.trend.defaultTrend = {0.01, 0.0};
        s.trend.byCos["inpatient"] = {0.02, 0.0};
        s.trend.byCos["pharmacy"] = {0.05, 0.0};
        s.trend.byRateCell["Adult"].defaultTrend = TrendPair{0.03, 0.0};
        s.trend.byRateCell["Adult"].byCos["inpatient"] = {0.04, 0.0};
    });
}

//! A by_rate_cell entry without a default: its other COS fall through to by_cos, then default.
Scenario fallThroughScenario()
{
    return scenario([](Scenario& s) {
        baseline(s, {2023});
        s.trend.defaultTrend = {0.01, 0.0};
        s.trend.byCos["pharmacy"] = {0.05, 0.0};
        s.trend.byRateCell["Adult"].byCos["inpatient"] = {0.04, 0.0};
    });
}

CellBenchmark run(const Scenario& s, const QString& rateCell)
{
    const CellSeries* series = seriesFor(rateCell.toStdString());
    if (!series)
        qFatal("no test cell %s", qPrintable(rateCell));
    const BenchmarkContext ctx = BenchmarkContext::make(s, index(), kYear);
    return computeCellBenchmark(*series, *series->cellFor(kYear), ctx, true);
}

const BaseYearTerm* termFor(const CellBenchmark& b, Year y)
{
    for (const BaseYearTerm& t : b.baseYears)
        if (t.year == y)
            return &t;
    return nullptr;
}

} // namespace

class TestBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellBenchmark_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<bool>("settleable");
        QTest::addColumn<double>("expectedPmpm");
        QTest::addColumn<double>("expected"); // E_cell = E_pmpm · MM_2024

        // §2.6 single base year, defaults ([Y−1] weight 1, no trend): 258,000/1200 = 215; · 1250.
        QTest::newRow("single base year (default [Y-1])")
            << scenario() << "Adult" << true << 215.0 << 268750.0;
        // baseline [2021] weight 1: 210,000/1000 = 210; · 1250 = 262,500.
        QTest::newRow("single base year 2021") << scenario([](Scenario& s) { baseline(s, {2021}, {1.0}); })
                                               << "Adult" << true << 210.0 << 262500.0;
        // 0.2·210 + 0.3·217.2727… + 0.5·215 = 42 + 65.1818… + 107.5 = 214.6818181818…
        QTest::newRow("3-year weights 0.2/0.3/0.5")
            << scenario(threeYears) << "Adult" << true << 214.6818181818182 << 268352.2727272727;
        // years without weights: equal weights (§1.5): (210 + 217.2727… + 215)/3 = 214.0909…
        QTest::newRow("3 years, equal weights") << scenario([](Scenario& s) {
            baseline(s, {2021, 2022, 2023});
        }) << "Adult" << true << 214.0909090909091
                                                << 267613.63636363635;
        // SPD lacks 2022: w' = 0.2/0.7, 0.5/0.7: (0.2·900 + 0.5·935.294…)/0.7 = 925.2100840…; · 520.
        QTest::newRow("missing base year renormalised")
            << scenario(threeYears) << "SPD" << true << 925.2100840336135 << 481109.243697479;
        // Dual has only 2021, whose weight is 0: available weights sum to 0 → no baseline year.
        QTest::newRow("available weights sum to 0") << scenario([](Scenario& s) {
            baseline(s, {2021, 2022, 2023}, {0.0, 0.4, 0.6});
        }) << "Dual" << false << 0.0 << 0.0;
        // LTC has no record in any base year.
        QTest::newRow("no base year at all") << scenario(threeYears) << "LTC" << false << 0.0 << 0.0;

        // §2.3 trend: baseline [2022], default (u 0.02, k 0.03): T = (1.02·1.03)^2 = 1.10376036;
        // 217.2727…·1.10376036 = 239.8170236727…
        QTest::newRow("default trend, 2 years") << scenario([](Scenario& s) {
            baseline(s, {2022});
            s.trend.defaultTrend = {0.02, 0.03};
        }) << "Adult" << true << 239.81702367272726
                                                << 299771.2795909091;
        // negative trends (−0.02, −0.01), baseline [2021, 2023] 0.5/0.5:
        // 0.5·210·(0.98·0.99)^3 + 0.5·215·(0.98·0.99) = 105·0.913237656408 + 107.5·0.9702 = 200.18645…
        QTest::newRow("negative trends") << scenario([](Scenario& s) {
            twoYears(s);
            s.trend.defaultTrend = {-0.02, -0.01};
        }) << "Adult" << true << 200.18645392283997
                                         << 250233.06740354997;
        // precedence, 1 year from 2023. Adult: inpatient by_rate_cell.by_cos 1.04, outpatient and
        // pharmacy by_rate_cell.default 1.03 (beats by_cos pharmacy 1.05):
        // (150,000·1.04 + 72,000·1.03 + 36,000·1.03)/1200 = (156,000 + 74,160 + 37,080)/1200 = 222.7
        QTest::newRow("precedence: Adult (by_rate_cell)")
            << precedenceScenario() << "Adult" << true << 222.7 << 278375.0;
        // Child has no by_rate_cell entry: inpatient by_cos 1.02, outpatient default 1.01, pharmacy
        // by_cos 1.05: (81,600 + 50,500 + 21,000)/2000 = 76.55; · 2100 = 160,755.
        QTest::newRow("precedence: Child (by_cos, default)")
            << precedenceScenario() << "Child" << true << 76.55 << 160755.0;
        // by_rate_cell Adult has by_cos inpatient only: inpatient 1.04, outpatient falls to default
        // 1.01, pharmacy to by_cos 1.05: (156,000 + 72,720 + 37,800)/1200 = 222.1
        QTest::newRow("by_rate_cell without default falls through")
            << fallThroughScenario() << "Adult" << true << 222.1 << 277625.0;

        // §2.4 program changes: 3-year weights, no trend. Adult inpatient PMPM: 120 (2021),
        // 127.2727… (2022), 125 (2023); the no-change result is 214.6818181818….
        // inpatient ×1.1 effective 2024 = Y: every base year. +0.1·(0.2·120 + 0.3·127.27… + 0.5·125)
        // = 214.6818… + 12.4681… = 227.15
        QTest::newRow("change effective Y applies to every base year") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1)};
        }) << "Adult" << true << 227.15 << 283937.5;
        // effective 2023: only base years 2021 and 2022 (b < 2023): +0.1·(24 + 38.1818…) = 220.9
        QTest::newRow("change effective in a base year: earlier years only") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2023, 1.1)};
        }) << "Adult" << true << 220.9 << 276125.0;
        // effective 2022: only 2021: +0.1·0.2·120 = +2.4 → 217.0818…
        QTest::newRow("change effective 2022: 2021 only") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2022, 1.1)};
        }) << "Adult" << true << 217.0818181818182 << 271352.27272727276;
        // effective 2021: no base year b < 2021 → no effect.
        QTest::newRow("change effective at the first base year: none") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2021, 1.1)};
        }) << "Adult" << true << 214.6818181818182 << 268352.2727272727;
        // effective 2025 > Y → no effect.
        QTest::newRow("change effective after Y: none") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2025, 1.1)};
        }) << "Adult" << true << 214.6818181818182 << 268352.2727272727;
        // rate cells [SPD]: Adult unaffected.
        QTest::newRow("change for SPD only: Adult unaffected") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1, std::vector<std::string>{"SPD"})};
        }) << "Adult" << true << 214.6818181818182 << 268352.2727272727;
        // rate cells [SPD]: SPD inpatient 600 (2021), 320,000/510 = 627.45… (2023), w' 2/7, 5/7:
        // 925.2100… + 0.1·(2/7·600 + 5/7·627.45…) = 987.170868…; · 520
        QTest::newRow("change for SPD only: SPD affected") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1, std::vector<std::string>{"SPD"})};
        }) << "SPD" << true << 987.170868347339 << 513328.8515406163;
        // rate cells [Adult, SPD]: Adult affected as in "effective Y".
        QTest::newRow("change listing Adult and SPD") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1, std::vector<std::string>{"SPD", "Adult"})};
        }) << "Adult" << true << 227.15 << 283937.5;
        // rate_cells [] applies to no cell (§1.5).
        QTest::newRow("change with empty rate_cells: none") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1, std::vector<std::string>{})};
        }) << "Adult" << true << 214.6818181818182 << 268352.2727272727;
        // cos null = every COS: ×1.05 on everything: 1.05·214.6818… = 225.4159…
        QTest::newRow("change with cos null: every COS") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change(std::nullopt, 2024, 1.05)};
        }) << "Adult" << true << 225.4159090909091 << 281769.8863636364;
        // factor 0 carve-out of pharmacy (PMPM 30 in every base year): 214.6818… − 30
        QTest::newRow("factor 0 carve-out") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("pharmacy", 2024, 0.0)};
        }) << "Adult" << true << 184.6818181818182
                                            << 230852.27272727274;
        // two changes multiply: inpatient ×1.1 (eff 2024) and every COS ×1.02 (eff 2023):
        // 0.2·(132 + 90)·1.02 + 0.3·(140 + 90)·1.02 + 0.5·(137.5 + 90) = 45.288 + 70.38 + 113.75 = 229.418
        QTest::newRow("two changes multiply") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1), change(std::nullopt, 2023, 1.02)};
        }) << "Adult" << true << 229.418 << 286772.5;

        // §2.5 risk adjustment, baseline [2021, 2023] 0.5/0.5, Adult risk 0.95, 1.05 → 1.10.
        // no caps: 105·(1.1/0.95) + 107.5·(1.1/1.05) = 121.578947… + 112.619047… = 234.197994…
        QTest::newRow("risk adjustment, caps null") << scenario([](Scenario& s) {
            twoYears(s);
            s.riskAdjustment.enabled = true;
        }) << "Adult" << true << 234.1979949874687 << 292747.4937343359;
        // cap_up 0.05: 2021 ratio 1.1579 → 1.05; 2023 ratio 1.047619 under the cap:
        // 105·1.05 + 107.5·1.047619… = 110.25 + 112.619047… = 222.869047…
        QTest::newRow("risk adjustment capped upward (one year)") << scenario([](Scenario& s) {
            twoYears(s);
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capUp = 0.05;
        }) << "Adult" << true << 222.86904761904762 << 278586.3095238095;
        // cap_up 0.03: both capped at 1.03: 212.5·1.03 = 218.875
        QTest::newRow("risk adjustment capped upward (both)") << scenario([](Scenario& s) {
            twoYears(s);
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capUp = 0.03;
        }) << "Adult" << true << 218.875 << 273593.75;
        // disabled: RA = 1 whatever the caps: 0.5·210 + 0.5·215 = 212.5
        QTest::newRow("risk adjustment disabled") << scenario([](Scenario& s) {
            twoYears(s);
            s.riskAdjustment.capUp = 0.03;
            s.riskAdjustment.capDown = 0.03;
        }) << "Adult" << true << 212.5 << 265625.0;
        // Child, baseline [2023]: ratio 1.0/1.2 = 0.8333…, no caps: 75·0.8333… = 62.5
        QTest::newRow("risk downward, cap_down null")
            << scenario([](Scenario& s) { s.riskAdjustment.enabled = true; }) << "Child" << true << 62.5
            << 131250.0;
        // cap_down 0.1: clamp at 0.9: 75·0.9 = 67.5
        QTest::newRow("risk capped downward") << scenario([](Scenario& s) {
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capDown = 0.1;
        }) << "Child" << true << 67.5 << 141750.0;
        // cap_up 0 does not bound a fall: still 62.5
        QTest::newRow("risk downward, only cap_up set") << scenario([](Scenario& s) {
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capUp = 0.0;
        }) << "Child" << true << 62.5 << 131250.0;
        // both caps 0: RA = 1: 212.5
        QTest::newRow("risk caps both 0") << scenario([](Scenario& s) {
            twoYears(s);
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capUp = 0.0;
            s.riskAdjustment.capDown = 0.0;
        }) << "Adult" << true << 212.5 << 265625.0;

        // §2.1 truncation, baseline [2021, 2023] 0.5/0.5:
        // τ_2021 = 1 − 12,000/210,000; B·MM = τ·cost so PMPM = 210 − 12 = 198;
        // τ_2023 = 1 − 9,000/258,000: 215 − 7.5 = 207.5. 0.5·198 + 0.5·207.5 = 202.75
        QTest::newRow("truncation enabled") << scenario([](Scenario& s) {
            twoYears(s);
            s.truncation.enabled = true;
        }) << "Adult" << true << 202.75 << 253437.5;
        // disabled: excess ignored: 212.5
        QTest::newRow("truncation disabled") << scenario(twoYears) << "Adult" << true << 212.5 << 265625.0;
        // excluded pharmacy: τ_2021 = 1 − 12,000/180,000 → 180 − 12 = 168;
        // τ_2023 = 1 − 9,000/222,000 → 185 − 7.5 = 177.5; 0.5·168 + 0.5·177.5 = 172.75
        QTest::newRow("truncation over the included COS only") << scenario([](Scenario& s) {
            twoYears(s);
            s.truncation.enabled = true;
            s.excludedCos = {"pharmacy"};
        }) << "Adult" << true << 172.75 << 215937.5;
        // Trunc0, included [outpatient], baseline [2022, 2023] 0.5/0.5: 2022 included cost 0 → τ = 1
        // (PMPM 0); 2023 τ = 1 − 100/800 → 8·0.875 = 7. 0.5·0 + 0.5·7 = 3.5; · 100 MM = 350
        QTest::newRow("truncation with included cost 0") << scenario([](Scenario& s) {
            baseline(s, {2022, 2023}, {0.5, 0.5});
            s.truncation.enabled = true;
            s.includedCos = std::vector<std::string>{"outpatient"};
        }) << "Trunc0" << true << 3.5 << 350.0;

        // §2 included / excluded COS, baseline [2023]
        // included [inpatient]: 150,000/1200 = 125
        QTest::newRow("included_cos [inpatient]")
            << scenario([](Scenario& s) { s.includedCos = std::vector<std::string>{"inpatient"}; }) << "Adult"
            << true << 125.0 << 156250.0;
        // excluded [pharmacy]: 222,000/1200 = 185
        QTest::newRow("excluded_cos [pharmacy]")
            << scenario([](Scenario& s) { s.excludedCos = {"pharmacy"}; }) << "Adult" << true << 185.0
            << 231250.0;
        // included [] includes nothing: E 0, still settleable (it has a base year)
        QTest::newRow("included_cos [] (nothing)")
            << scenario([](Scenario& s) { s.includedCos = std::vector<std::string>{}; }) << "Adult" << true
            << 0.0 << 0.0;
        // a COS absent from the data contributes 0: [inpatient, dental] = 125
        QTest::newRow("included COS absent from the data") << scenario([](Scenario& s) {
            s.includedCos = std::vector<std::string>{"inpatient", "dental"};
        }) << "Adult" << true << 125.0 << 156250.0;
    }

    void cellBenchmark()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, rateCell);
        QFETCH(bool, settleable);
        QFETCH(double, expectedPmpm);
        QFETCH(double, expected);
        const CellBenchmark b = run(scenario, rateCell);
        QCOMPARE(b.settleable, settleable);
        FIX_COMPARE_NEAR("E_pmpm", b.expectedPmpm, expectedPmpm, kMoneyTol);
        FIX_COMPARE_NEAR("E_cell", b.expected, expected, kMoneyTol);
    }

    //! The per-base-year trace: availability, w', τ_b, R_Y/R_b and RA_b.
    void baseYearTrace_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<int>("year");
        QTest::addColumn<bool>("available");
        QTest::addColumn<double>("renormalisedWeight");
        QTest::addColumn<double>("truncationFactor");
        QTest::addColumn<double>("riskRatio"); // NA: not checked
        QTest::addColumn<double>("riskFactor");

        const Scenario weights = scenario(threeYears);
        // 0.2 / 0.3 / 0.5 all available: w' = w
        QTest::newRow("w' 2021") << weights << "Adult" << 2021 << true << 0.2 << 1.0 << NA << 1.0;
        QTest::newRow("w' 2022") << weights << "Adult" << 2022 << true << 0.3 << 1.0 << NA << 1.0;
        QTest::newRow("w' 2023") << weights << "Adult" << 2023 << true << 0.5 << 1.0 << NA << 1.0;
        // SPD without 2022: 0.2/0.7 = 0.285714…, 0.5/0.7 = 0.714285…
        QTest::newRow("w' renormalised 2021")
            << weights << "SPD" << 2021 << true << 0.2857142857142857 << 1.0 << NA << 1.0;
        QTest::newRow("w' missing 2022") << weights << "SPD" << 2022 << false << 0.0 << 1.0 << NA << 1.0;
        QTest::newRow("w' renormalised 2023")
            << weights << "SPD" << 2023 << true << 0.7142857142857143 << 1.0 << NA << 1.0;

        const Scenario capped = scenario([](Scenario& s) {
            twoYears(s);
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capUp = 0.05;
        });
        // 1.10/0.95 = 1.157894…, capped at 1.05; 1.10/1.05 = 1.047619… under the cap
        QTest::newRow("RA capped up")
            << capped << "Adult" << 2021 << true << 0.5 << 1.0 << 1.1578947368421053 << 1.05;
        QTest::newRow("RA under the cap")
            << capped << "Adult" << 2023 << true << 0.5 << 1.0 << 1.0476190476190477 << 1.0476190476190477;
        // 1.0/1.2 = 0.8333…; cap_down 0.1 → 0.9
        QTest::newRow("RA capped down") << scenario([](Scenario& s) {
            s.riskAdjustment.enabled = true;
            s.riskAdjustment.capDown = 0.1;
        }) << "Child" << 2023 << true << 1.0
                                        << 1.0 << 0.8333333333333334 << 0.9;
        // disabled: RA = 1
        QTest::newRow("RA disabled") << scenario(twoYears) << "Adult" << 2021 << true << 0.5 << 1.0 << NA
                                     << 1.0;

        const Scenario trunc = scenario([](Scenario& s) {
            twoYears(s);
            s.truncation.enabled = true;
        });
        // τ = 1 − 12,000/210,000 = 0.942857…; 1 − 9,000/258,000 = 0.965116…
        QTest::newRow("tau 2021") << trunc << "Adult" << 2021 << true << 0.5 << 0.9428571428571428 << NA
                                  << 1.0;
        QTest::newRow("tau 2023") << trunc << "Adult" << 2023 << true << 0.5 << 0.9651162790697675 << NA
                                  << 1.0;
        // excluded pharmacy: 1 − 12,000/180,000 = 0.9333…
        QTest::newRow("tau over included COS") << scenario([](Scenario& s) {
            twoYears(s);
            s.truncation.enabled = true;
            s.excludedCos = {"pharmacy"};
        }) << "Adult" << 2021 << true << 0.5 << 0.9333333333333333
                                               << NA << 1.0;
        // included cost 0 → τ = 1
        QTest::newRow("tau with included cost 0") << scenario([](Scenario& s) {
            baseline(s, {2022, 2023}, {0.5, 0.5});
            s.truncation.enabled = true;
            s.includedCos = std::vector<std::string>{"outpatient"};
        }) << "Trunc0" << 2022 << true << 0.5 << 1.0
                                                  << NA << 1.0;
        // disabled: τ = 1 despite the excess
        QTest::newRow("tau disabled")
            << scenario(twoYears) << "Adult" << 2021 << true << 0.5 << 1.0 << NA << 1.0;
    }

    void baseYearTrace()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, rateCell);
        QFETCH(int, year);
        QFETCH(bool, available);
        QFETCH(double, renormalisedWeight);
        QFETCH(double, truncationFactor);
        QFETCH(double, riskRatio);
        QFETCH(double, riskFactor);
        const CellBenchmark b = run(scenario, rateCell);
        const BaseYearTerm* t = termFor(b, year);
        QVERIFY2(t, "no trace for the base year");
        QCOMPARE(t->available, available);
        FIX_COMPARE_NEAR("w'", t->renormalisedWeight, renormalisedWeight, kRateTol);
        if (!available)
            return;
        FIX_COMPARE_NEAR("tau", t->truncationFactor, truncationFactor, kRateTol);
        if (!std::isnan(riskRatio))
            FIX_COMPARE_NEAR("R_Y/R_b", t->riskRatio, riskRatio, kRateTol);
        FIX_COMPARE_NEAR("RA_b", t->riskFactor, riskFactor, kRateTol);
    }

    //! The per-COS trace: B_{b,s}, T_s(b→Y), PC_s(b,Y).
    void cosTrace_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<int>("year");
        QTest::addColumn<QString>("cos");
        QTest::addColumn<double>("basePmpm");
        QTest::addColumn<double>("trendFactor");
        QTest::addColumn<double>("programChange");

        const Scenario prec = precedenceScenario();
        // Adult: by_rate_cell.by_cos beats everything; by_rate_cell.default beats by_cos.
        QTest::newRow("Adult inpatient: rate cell x COS")
            << prec << "Adult" << 2023 << "inpatient" << 125.0 << 1.04 << 1.0;
        QTest::newRow("Adult outpatient: rate cell default")
            << prec << "Adult" << 2023 << "outpatient" << 60.0 << 1.03 << 1.0;
        QTest::newRow("Adult pharmacy: rate cell default over by_cos")
            << prec << "Adult" << 2023 << "pharmacy" << 30.0 << 1.03 << 1.0;
        // Child: no by_rate_cell entry → by_cos, else default. 80,000/2000 = 40 etc.
        QTest::newRow("Child inpatient: by_cos")
            << prec << "Child" << 2023 << "inpatient" << 40.0 << 1.02 << 1.0;
        QTest::newRow("Child outpatient: default")
            << prec << "Child" << 2023 << "outpatient" << 25.0 << 1.01 << 1.0;
        QTest::newRow("Child pharmacy: by_cos")
            << prec << "Child" << 2023 << "pharmacy" << 10.0 << 1.05 << 1.0;
        const Scenario fall = fallThroughScenario();
        QTest::newRow("no rate-cell default: outpatient to default")
            << fall << "Adult" << 2023 << "outpatient" << 60.0 << 1.01 << 1.0;
        QTest::newRow("no rate-cell default: pharmacy to by_cos")
            << fall << "Adult" << 2023 << "pharmacy" << 30.0 << 1.05 << 1.0;
        QTest::newRow("no rate-cell default: inpatient rate cell x COS")
            << fall << "Adult" << 2023 << "inpatient" << 125.0 << 1.04 << 1.0;
        // (1.02·1.03)^2 = 1.10376036; 140,000/1100 = 127.2727…
        QTest::newRow("2-year trend") << scenario([](Scenario& s) {
            baseline(s, {2022});
            s.trend.defaultTrend = {0.02, 0.03};
        }) << "Adult" << 2022 << "inpatient"
                                      << 127.27272727272727 << 1.10376036 << 1.0;
        // (0.98·0.99)^3 = 0.9702^3 = 0.913237656408
        const Scenario neg = scenario([](Scenario& s) {
            twoYears(s);
            s.trend.defaultTrend = {-0.02, -0.01};
        });
        QTest::newRow("negative trend, 3 years")
            << neg << "Adult" << 2021 << "pharmacy" << 30.0 << 0.913237656408 << 1.0;
        QTest::newRow("negative trend, 1 year")
            << neg << "Adult" << 2023 << "pharmacy" << 30.0 << 0.9702 << 1.0;

        // program changes: inpatient ×1.1 effective 2023 → base years 2021, 2022 only
        const Scenario pc2023 = scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2023, 1.1)};
        });
        QTest::newRow("PC eff 2023 on 2021")
            << pc2023 << "Adult" << 2021 << "inpatient" << 120.0 << 1.0 << 1.1;
        QTest::newRow("PC eff 2023 on 2022")
            << pc2023 << "Adult" << 2022 << "inpatient" << 127.27272727272727 << 1.0 << 1.1;
        QTest::newRow("PC eff 2023 not on 2023")
            << pc2023 << "Adult" << 2023 << "inpatient" << 125.0 << 1.0 << 1.0;
        QTest::newRow("PC for inpatient not on outpatient")
            << pc2023 << "Adult" << 2021 << "outpatient" << 60.0 << 1.0 << 1.0;
        const Scenario pcSpd = scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1, std::vector<std::string>{"SPD"})};
        });
        QTest::newRow("PC for SPD on SPD") << pcSpd << "SPD" << 2021 << "inpatient" << 600.0 << 1.0 << 1.1;
        QTest::newRow("PC for SPD not on Adult")
            << pcSpd << "Adult" << 2021 << "inpatient" << 120.0 << 1.0 << 1.0;
        QTest::newRow("PC cos null on pharmacy") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change(std::nullopt, 2024, 1.05)};
        }) << "Adult" << 2023 << "pharmacy" << 30.0
                                                 << 1.0 << 1.05;
        QTest::newRow("PC factor 0") << scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("pharmacy", 2024, 0.0)};
        }) << "Adult" << 2021 << "pharmacy"
                                     << 30.0 << 1.0 << 0.0;
        const Scenario two = scenario([](Scenario& s) {
            threeYears(s);
            s.programChanges = {change("inpatient", 2024, 1.1), change(std::nullopt, 2023, 1.02)};
        });
        // 1.1·1.02 = 1.122
        QTest::newRow("two PCs multiply") << two << "Adult" << 2021 << "inpatient" << 120.0 << 1.0 << 1.122;
        QTest::newRow("two PCs: only the all-COS one")
            << two << "Adult" << 2021 << "outpatient" << 60.0 << 1.0 << 1.02;
        QTest::newRow("two PCs: only the 2024 one")
            << two << "Adult" << 2023 << "inpatient" << 125.0 << 1.0 << 1.1;
        // truncation: B = τ·cost/MM = (1 − 12,000/210,000)·120 = 113.142857…
        QTest::newRow("base PMPM truncated") << scenario([](Scenario& s) {
            twoYears(s);
            s.truncation.enabled = true;
        }) << "Adult" << 2021 << "inpatient" << 113.14285714285714
                                             << 1.0 << 1.0;
    }

    void cosTrace()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, rateCell);
        QFETCH(int, year);
        QFETCH(QString, cos);
        QFETCH(double, basePmpm);
        QFETCH(double, trendFactor);
        QFETCH(double, programChange);
        const CellBenchmark b = run(scenario, rateCell);
        const BaseYearTerm* t = termFor(b, year);
        QVERIFY2(t, "no trace for the base year");
        const int cosIndex = data().cosIndex(cos.toStdString());
        const CosTerm* term = nullptr;
        for (const CosTerm& c : t->cos)
            if (c.cos == cosIndex)
                term = &c;
        QVERIFY2(term, "no trace for the COS");
        FIX_COMPARE_NEAR("B_{b,s}", term->basePmpm, basePmpm, kMoneyTol);
        FIX_COMPARE_NEAR("T_s", term->trendFactor, trendFactor, kRateTol);
        FIX_COMPARE_NEAR("PC_s", term->programChange, programChange, kRateTol);
    }

    //! §2: the included COS (included_cos if given, else all minus excluded_cos), in data order.
    void includedCos_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QList<int>>("expected"); // indices into inpatient, outpatient, pharmacy
        QTest::newRow("all") << scenario() << QList<int>{0, 1, 2};
        QTest::newRow("excluded pharmacy")
            << scenario([](Scenario& s) { s.excludedCos = {"pharmacy"}; }) << QList<int>{0, 1};
        QTest::newRow("included pharmacy, inpatient") << scenario([](Scenario& s) {
            s.includedCos = std::vector<std::string>{"pharmacy", "inpatient"};
        }) << QList<int>{0, 2};
        QTest::newRow("included []") << scenario([](Scenario& s) {
            s.includedCos = std::vector<std::string>{};
        }) << QList<int>{};
    }

    void includedCos()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QList<int>, expected);
        const BenchmarkContext ctx = BenchmarkContext::make(scenario, index(), kYear);
        QCOMPARE(QList<int>(ctx.includedCos.begin(), ctx.includedCos.end()), expected);
    }
};

QTEST_GUILESS_MAIN(TestBenchmark)
#include "tst_benchmark.moc"
