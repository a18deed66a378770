//! Benchmark: settle a statewide dataset once, and a 10,000-scenario what-if sweep.
//! Statewide: 25 plans × 12 regions × 7 rate cells × 10 COS × 4 years, with quality.
//! Targets (settlement issue): one settlement ≤ 2 ms; the sweep ≤ 5 s on a 2-core machine.

#include "engine/experience_index.h"
#include "engine/settlement.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

using namespace sharecast;
using Clock = std::chrono::steady_clock;

namespace {

ExperienceData makeStatewide(std::mt19937_64& rng)
{
    ExperienceData d;
    d.sourceName = "statewide (generated)";
    d.cosNames = {"inpatient", "outpatient", "professional", "emergency",          "pharmacy",
                  "ltc",       "behavioral", "ecm",          "community_supports", "other"};
    d.utilNames = {"ed_visits", "ip_bed_days"};
    const char* cells[] = {"Child", "Adult", "ACA Expansion", "SPD", "SPD/Dual", "LTC", "LTC/Dual"};
    const double pmpm[] = {150, 380, 470, 1250, 320, 7500, 900};
    std::lognormal_distribution<double> noise(0.0, 0.05);
    std::uniform_real_distribution<double> mmDist(2000, 40000);
    for (int p = 0; p < 25; ++p) {
        char plan[16];
        std::snprintf(plan, sizeof plan, "P%02d", p + 1);
        for (int r = 0; r < 12; ++r) {
            const std::string region = "Region " + std::to_string(r + 1);
            for (int c = 0; c < 7; ++c) {
                const double mm = mmDist(rng);
                for (int y = 2021; y <= 2024; ++y) {
                    ExperienceCell cell;
                    cell.planId = plan;
                    cell.region = region;
                    cell.rateCell = cells[c];
                    cell.year = y;
                    cell.memberMonths = mm * (1.0 + 0.01 * (y - 2021)) * noise(rng);
                    cell.riskScore = noise(rng);
                    for (int s = 0; s < 10; ++s)
                        cell.cost.push_back(cell.memberMonths * pmpm[c] / 10.0 * noise(rng));
                    cell.util = {cell.memberMonths / 12.0 * 0.45 * noise(rng),
                                 cell.memberMonths / 12.0 * 0.3 * noise(rng)};
                    cell.claimsTotal = cell.memberMonths * 1.5;
                    cell.claimsDenied = cell.claimsTotal * 0.05 * noise(rng);
                    cell.grievances = cell.memberMonths * 0.001;
                    d.cells.push_back(std::move(cell));
                }
            }
        }
    }
    return d;
}

QualityData makeQuality(std::mt19937_64& rng)
{
    QualityData q;
    std::uniform_int_distribution<long long> num(150, 330);
    for (int p = 0; p < 25; ++p) {
        char plan[16];
        std::snprintf(plan, sizeof plan, "P%02d", p + 1);
        for (int y = 2023; y <= 2024; ++y)
            for (int m = 0; m < 10; ++m) {
                QualityRecord r;
                r.planId = plan;
                r.year = y;
                r.measureId = "M" + std::to_string(m);
                r.numerator = num(rng);
                r.denominator = 411;
                q.records.push_back(r);
            }
    }
    return q;
}

Scenario baseScenario()
{
    Scenario s;
    s.performanceYear = 2024;
    s.baseline.years = {2021, 2022, 2023};
    s.baseline.weights = {0.1, 0.3, 0.6};
    s.excludedCos = {"pharmacy"};
    s.trend.defaultTrend = {0.01, 0.03};
    s.trend.byCos["inpatient"] = {0.015, 0.035};
    s.trend.byRateCell["SPD"].defaultTrend = TrendPair{0.02, 0.03};
    s.programChanges.push_back(ProgramChange{std::string("ltc"), std::nullopt, 2023, 1.05});
    s.riskAdjustment.enabled = true;
    s.riskAdjustment.capUp = 0.03;
    s.msr.method = ThresholdMethod::MsspTable;
    for (int m = 0; m < 10; ++m)
        s.quality.measures.push_back(
            QualityMeasure{"M" + std::to_string(m), "", 1.0, Direction::Higher, 0.4, 0.7, std::nullopt});
    s.tccTrendGate.enabled = true;
    s.appropriateness.enabled = true;
    s.sharing.qualityScaling = QualityScaling::Tiers;
    s.sharing.tiers = {{0, 0.1}, {40, 0.3}, {60, 0.45}, {80, 0.6}};
    s.sharing.cap = 0.1;
    s.losses.enabled = true;
    s.fmap.byRateCell["ACA Expansion"] = 0.9;
    return s;
}

double millis(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

} // namespace

int main()
{
    std::mt19937_64 rng(20241122);
    const ExperienceData data = makeStatewide(rng);
    const QualityData quality = makeQuality(rng);
    const Scenario scenario = baseScenario();
    std::printf("statewide input: %zu cells (25 plans x 12 regions x 7 rate cells x 4 years), %zu COS, %zu "
                "quality rows\n",
                data.cells.size(), data.cosNames.size(), quality.records.size());

    auto t0 = Clock::now();
    const ExperienceIndex index(data);
    std::printf("index build (once per dataset):          %8.3f ms\n", millis(Clock::now() - t0));

    // One settlement, with and without the trace; the median of repeated runs.
    for (bool trace : {true, false}) {
        std::vector<double> times;
        double checksum = 0.0;
        for (int i = 0; i < 200; ++i) {
            const auto start = Clock::now();
            const Settlement s = settle(index, &quality, scenario, SettlementOptions{std::nullopt, trace});
            times.push_back(millis(Clock::now() - start));
            checksum += s.plans.front().payment.payment;
        }
        std::sort(times.begin(), times.end());
        std::printf(
            "settle once, %-13s median %8.3f ms  (min %.3f, p90 %.3f; target <= 2 ms)  [checksum %.2f]\n",
            trace ? "with trace:" : "no trace:", times[times.size() / 2], times.front(),
            times[times.size() * 9 / 10], checksum / 200.0);
    }

    // The sweep: 10,000 scenarios varying trend, MSR and sharing, on every core.
    const int scenarios = 10000;
    std::vector<Scenario> sweep;
    sweep.reserve(scenarios);
    for (int i = 0; i < scenarios; ++i) {
        Scenario s = scenario;
        s.trend.defaultTrend.unitCost = 0.01 + 0.0005 * (i % 80);
        s.trend.byCos["inpatient"].utilization = -0.01 + 0.001 * ((i / 80) % 25);
        s.msr.method = ThresholdMethod::Fixed;
        s.msr.rate = 0.005 * ((i / 2000) % 5);
        s.sharing.qualityScaling = QualityScaling::Multiply;
        s.sharing.maxShare = 0.3 + 0.05 * (i % 7);
        sweep.push_back(std::move(s));
    }
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::atomic<int> next{0};
    std::vector<double> totals(threads, 0.0);
    t0 = Clock::now();
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (int i = next++; i < scenarios; i = next++) {
                const Settlement s = settle(index, &quality, sweep[static_cast<std::size_t>(i)],
                                            SettlementOptions{std::nullopt, false});
                for (const PlanSettlement& p : s.plans)
                    totals[t] += p.payment.payment;
            }
        });
    for (std::thread& th : pool)
        th.join();
    const double sweepMs = millis(Clock::now() - t0);
    double all = 0.0;
    for (double v : totals)
        all += v;
    std::printf(
        "sweep of %d scenarios on %u threads:     %8.1f ms = %.3f s  (%.3f ms per scenario; target <= 5 s)\n",
        scenarios, threads, sweepMs, sweepMs / 1000.0, sweepMs / scenarios);
    std::printf("mean statewide plan payment over the sweep: %.2f\n", all / scenarios);
    return 0;
}
