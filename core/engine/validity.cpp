#include "validity.h"

#include "normal.h"
#include "parallel.h"
#include "projection.h"
#include "rounding.h"
#include "sharing.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace sharecast {

namespace {

// ---- Counter-based random numbers -----------------------------------------------------------
// Draw k of a stream is a pure function of (stream key, k): SplitMix64's output function applied
// to key + (k + 1)·γ. Nothing depends on which thread computes which draw.

constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ULL;

std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

//! FNV-1a of a text: the same on every platform (std::hash is not).
std::uint64_t fnv1a(const std::string& text)
{
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char ch : text) {
        h ^= ch;
        h *= 0x100000001B3ULL;
    }
    return h;
}

//! The key of a named stream under a seed.
std::uint64_t streamKey(std::uint64_t seed, const std::string& name)
{
    return mix64(mix64(seed + kGamma) ^ fnv1a(name));
}

//! Standard normal draw k of a stream: inverse CDF of a uniform in (0, 1) with 53 random bits.
double normalDraw(std::uint64_t key, std::uint64_t k)
{
    const std::uint64_t bits = mix64(key + (k + 1) * kGamma);
    const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
    return normalQuantile(u);
}

void checkCancel(const std::atomic<bool>* cancel)
{
    if (cancel && cancel->load(std::memory_order_relaxed))
        throw MonteCarloCancelled{};
}

// ---- c from member aggregates ----------------------------------------------------------------

std::string cellKey(const std::string& plan, const std::string& region, const std::string& rateCell, Year y)
{
    return plan + '\x1f' + region + '\x1f' + rateCell + '\x1f' + std::to_string(y);
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "none" : out;
}

//! Why member aggregates cannot give c for this scenario, or empty when they can.
std::string momentsMismatch(const MemberMoments& m, const Settlement& settlement)
{
    std::set<std::string> scenarioCos;
    for (int k : settlement.includedCos)
        scenarioCos.insert(settlement.cosNames[static_cast<std::size_t>(k)]);
    const std::set<std::string> memberCos(m.includedCos.begin(), m.includedCos.end());
    if (memberCos != scenarioCos)
        return "the member aggregates (" + m.source + ") sum COS {" + joined(m.includedCos) +
               "} but the scenario includes {" +
               joined(std::vector<std::string>(scenarioCos.begin(), scenarioCos.end())) +
               "}; re-import members.csv with this scenario to use them";
    return {};
}

struct PooledMoments {
    double n = 0.0, sum = 0.0, sumSquares = 0.0;
    std::size_t cellsCovered = 0;
    bool truncatedMissing = false;
};

} // namespace

double quantileOf(std::vector<double>& values, int percent)
{
    if (values.empty())
        return 0.0;
    const auto k = static_cast<long long>(values.size());
    long long rank = (static_cast<long long>(percent) * k + 99) / 100; // ⌈q·K⌉
    rank = std::clamp<long long>(rank, 1, k);
    const auto nth = values.begin() + (rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

Validity validityClosedForms(const Settlement& settlement, const ExperienceIndex& index,
                             const Scenario& scenario, const MemberMoments* moments)
{
    const UncertaintySpec& u = scenario.uncertainty;
    Validity out;
    out.year = settlement.year;
    out.alpha = u.alpha;
    out.draws = u.draws;
    out.seed = u.seed;

    // Member aggregates by cell, when they fit the scenario.
    std::unordered_map<std::string, const MemberCostMoments*> momentsByCell;
    std::string momentsProblem;
    if (moments && !u.cv) {
        momentsProblem = momentsMismatch(*moments, settlement);
        if (momentsProblem.empty())
            for (const MemberCostMoments& m : moments->cells)
                momentsByCell.emplace(cellKey(m.planId, m.region, m.rateCell, m.year), &m);
    }

    const BaselineSpec& baseline = settlement.baseline;
    const double zInterval = normalQuantile(1.0 - u.alpha / 2.0);
    const double zNeeded = normalQuantile(1.0 - u.alpha);

    for (const PlanSettlement& plan : settlement.plans) {
        PlanValidity v;
        v.planId = plan.planId;
        v.members = plan.members;
        v.msr = plan.msr.rate;
        v.mlr = plan.mlr.rate;
        v.savingsRate = plan.savingsRate;

        // N_b over the plan's settled cells.
        std::set<std::pair<std::string, std::string>> settled;
        for (const CellResult& c : plan.cells)
            settled.emplace(*c.region, *c.rateCell);
        std::vector<double> baseMm(baseline.years.size(), 0.0);
        const auto series =
            std::lower_bound(index.plans().begin(), index.plans().end(), plan.planId,
                             [](const PlanSeries& p, const std::string& id) { return p.planId < id; });
        if (series != index.plans().end() && series->planId == plan.planId)
            for (const CellSeries& cs : series->cells) {
                if (!settled.count({*cs.region, *cs.rateCell}))
                    continue;
                for (std::size_t b = 0; b < baseline.years.size(); ++b)
                    if (const ExperienceCell* rec = cs.cellFor(baseline.years[b]))
                        baseMm[b] += rec->memberMonths;
            }
        double weightSum = 0.0;
        for (std::size_t b = 0; b < baseline.years.size(); ++b)
            if (baseMm[b] > 0.0)
                weightSum += baseline.weights.empty() ? 1.0 : baseline.weights[b];
        for (std::size_t b = 0; b < baseline.years.size(); ++b) {
            BaseYearNoise n;
            n.year = baseline.years[b];
            n.members = memberYears(baseMm[b]);
            if (baseMm[b] > 0.0 && weightSum > 0.0)
                n.weight = (baseline.weights.empty() ? 1.0 : baseline.weights[b]) / weightSum;
            if (n.members > 0.0)
                v.benchmarkTerm += n.weight * n.weight / n.members;
            v.baseYears.push_back(n);
        }

        // c: uncertainty.cv, else member aggregates over the plan's settled cells, else msr.cv.
        if (u.cv) {
            v.cv = *u.cv;
            v.cvSource = CvSource::Scenario;
            v.cvNote = "uncertainty.cv";
        } else {
            std::string why = moments ? momentsProblem : "the project holds no member aggregates";
            if (moments && momentsProblem.empty()) {
                PooledMoments pooled;
                for (const CellResult& c : plan.cells) {
                    const auto it =
                        momentsByCell.find(cellKey(plan.planId, *c.region, *c.rateCell, settlement.year));
                    if (it == momentsByCell.end())
                        continue;
                    const MemberCostMoments& m = *it->second;
                    ++pooled.cellsCovered;
                    pooled.n += m.count;
                    if (scenario.truncation.enabled) {
                        if (!m.truncatedSum || !m.truncatedSumSquares) {
                            pooled.truncatedMissing = true;
                            continue;
                        }
                        pooled.sum += *m.truncatedSum;
                        pooled.sumSquares += *m.truncatedSumSquares;
                    } else {
                        pooled.sum += m.sum;
                        pooled.sumSquares += m.sumSquares;
                    }
                }
                const double mean = pooled.n > 0.0 ? pooled.sum / pooled.n : 0.0;
                const double variance = pooled.n > 0.0 ? pooled.sumSquares / pooled.n - mean * mean : 0.0;
                if (pooled.cellsCovered < plan.cells.size())
                    why = "member aggregates cover " + std::to_string(pooled.cellsCovered) +
                          " of the plan's " + std::to_string(plan.cells.size()) + " settled cells in " +
                          std::to_string(settlement.year);
                else if (pooled.truncatedMissing)
                    why = "the member aggregates predate truncated sums; re-import members.csv";
                else if (!(mean > 0.0) || !(variance > 0.0))
                    why = "member costs have no spread (mean " + formatMoney(mean) + ")";
                else {
                    v.cv = std::sqrt(variance) / mean;
                    v.cvSource = CvSource::MemberData;
                    v.memberRecords = pooled.n;
                    v.cvNote = "member aggregates (" + moments->source + "): " + formatFixed(pooled.n, 0) +
                               " member records over " + std::to_string(pooled.cellsCovered) + " cells" +
                               (scenario.truncation.enabled
                                    ? ", costs truncated at " + formatMoney(moments->truncationThreshold)
                                    : std::string());
                    why.clear();
                }
            }
            if (v.cvSource != CvSource::MemberData) {
                v.cv = scenario.msr.cv;
                v.cvSource = CvSource::MsrCv;
                v.cvNote = "msr.cv (" + why + ")";
            }
        }

        v.sigma = v.members > 0.0 ? v.cv * std::sqrt(1.0 / v.members + v.benchmarkTerm) : 0.0;
        const double m = v.msr;
        const double l = v.mlr;
        const double sigma = v.sigma;
        // A plan without noise (σ = 0) clears m by chance only when m ≤ 0 (the limits of Φ).
        auto tail = [sigma](double x) { // Φ(x / σ)
            if (sigma > 0.0)
                return normalCdf(x / sigma);
            return x > 0.0 ? 1.0 : (x < 0.0 ? 0.0 : 0.5);
        };
        v.pFalseReward = tail(-m);
        if (scenario.losses.enabled)
            v.pFalsePenalty = tail(-l);
        const std::optional<Rate> s = u.trueSavings ? u.trueSavings : v.savingsRate;
        if (s)
            v.power = tail(*s - m);
        if (v.savingsRate) {
            v.ciLow = *v.savingsRate - zInterval * sigma;
            v.ciHigh = *v.savingsRate + zInterval * sigma;
            v.straddlesMsr = *v.ciLow < m && m < *v.ciHigh;
        }
        if (m > 0.0) {
            const double k = zNeeded * v.cv / m;
            const double needed = std::ceil(k * k * (1.0 + v.members * v.benchmarkTerm));
            if (std::isfinite(needed) && needed < 9.0e18)
                v.membersNeeded = static_cast<long long>(needed);
        }
        out.plans.push_back(std::move(v));
    }
    return out;
}

namespace {

//! One plan's fixed inputs of the payment step, and the draws of its payment.
struct PlanDraws {
    SharingInput input;
    std::uint64_t key = 0;
    double sigma = 0.0;
    std::optional<Rate> observed;

    //! P when the savings rate is s (G = s·E; gates, Q, ρ, m and l as settled).
    Dollars paymentAt(double s) const
    {
        SharingInput in = input;
        if (in.expected == 0.0) // §4: S is NA, nothing is shared
            return 0.0;
        in.grossSavings = s * in.expected;
        in.savingsRate = s;
        return computePayment(in).payment;
    }
    //! Draw k: the payment by chance (S = σZ) and around the result (S = S_p + σZ), one Z.
    std::pair<Dollars, Dollars> draw(std::uint64_t k) const
    {
        const double z = normalDraw(key, k);
        return {paymentAt(sigma * z), observed ? paymentAt(*observed + sigma * z) : 0.0};
    }
};

constexpr std::uint64_t kChunk = 4096;

} // namespace

void runPaymentMonteCarlo(Validity& validity, const Settlement& settlement, const Scenario& scenario,
                          const MonteCarloOptions& options)
{
    const auto draws = static_cast<std::uint64_t>(std::max(1L, options.draws));
    validity.draws = static_cast<long>(draws);
    validity.seed = options.seed;

    std::vector<PlanDraws> plans;
    for (std::size_t p = 0; p < settlement.plans.size(); ++p) {
        const PlanSettlement& ps = settlement.plans[p];
        PlanDraws d;
        d.input = SharingInput{&scenario.sharing, &scenario.losses, ps.expected,  0.0,         0.0,
                               ps.msr.rate,       ps.mlr.rate,      ps.shareRate, ps.eligible, false};
        d.key = streamKey(options.seed, "plan:" + ps.planId);
        d.sigma = validity.plans[p].sigma;
        d.observed = ps.savingsRate;
        plans.push_back(d);
    }

    // Pass 1, per plan (in parallel over plans): its own distribution.
    const int threads = threadCount(options.threads, plans.size());
    parallelFor(plans.size(), threads, [&](std::size_t p) {
        std::vector<double> chance(draws), around(draws);
        for (std::uint64_t k = 0; k < draws; ++k) {
            if (k % kChunk == 0)
                checkCancel(options.cancel);
            std::tie(chance[k], around[k]) = plans[p].draw(k);
        }
        PaymentDistribution& d = validity.plans[p].payment;
        double sum = 0.0;
        for (double x : chance)
            sum += x;
        d.chanceMean = sum / static_cast<double>(draws);
        d.chanceP95 = quantileOf(chance, 95);
        d.p05 = quantileOf(around, 5);
        d.p50 = quantileOf(around, 50);
        d.p95 = quantileOf(around, 95);
    });

    // Pass 2, per chunk of draws (in parallel over chunks): the statewide sum of each draw, the
    // plans added in their order so that every sum is the same whichever thread computes it.
    std::vector<double> chanceAll(draws, 0.0), aroundAll(draws, 0.0);
    const std::size_t chunks = static_cast<std::size_t>((draws + kChunk - 1) / kChunk);
    parallelFor(chunks, threadCount(options.threads, chunks), [&](std::size_t c) {
        checkCancel(options.cancel);
        const std::uint64_t from = c * kChunk;
        const std::uint64_t to = std::min(draws, from + kChunk);
        for (std::uint64_t k = from; k < to; ++k) {
            double chance = 0.0, around = 0.0;
            for (const PlanDraws& p : plans) {
                const auto [c, a] = p.draw(k);
                chance += c;
                around += a;
            }
            chanceAll[k] = chance;
            aroundAll[k] = around;
        }
    });
    double sum = 0.0;
    for (double x : chanceAll)
        sum += x;
    PaymentDistribution& all = validity.all;
    all.chanceMean = sum / static_cast<double>(draws);
    if (options.keepDraws) {
        validity.chanceTotals = chanceAll;
        validity.aroundTotals = aroundAll;
    }
    all.chanceP95 = quantileOf(chanceAll, 95);
    all.p05 = quantileOf(aroundAll, 5);
    all.p50 = quantileOf(aroundAll, 50);
    all.p95 = quantileOf(aroundAll, 95);
    validity.monteCarloDone = true;
}

Validity assessValidity(const Settlement& settlement, const ExperienceIndex& index, const Scenario& scenario,
                        const MemberMoments* moments, MonteCarloOptions options)
{
    Validity v = validityClosedForms(settlement, index, scenario, moments);
    runPaymentMonteCarlo(v, settlement, scenario, options);
    return v;
}

ProjectionFan projectionFan(const ExperienceIndex& index, const QualityData* quality,
                            const Scenario& scenario, const MonteCarloOptions& options)
{
    const auto draws = static_cast<std::uint64_t>(std::max(1L, options.draws));
    const int horizon = scenario.projection.horizon;
    std::vector<std::uint64_t> yearKeys;
    for (int t = 1; t <= horizon; ++t)
        yearKeys.push_back(streamKey(options.seed, "projection-fan:" + std::to_string(t)));

    // metric[m][t − 1][k]
    std::vector<std::vector<std::vector<double>>> metric(
        4, std::vector<std::vector<double>>(static_cast<std::size_t>(horizon), std::vector<double>(draws)));
    std::vector<Year> years(static_cast<std::size_t>(horizon), 0);
    const ProjectionModel model = prepareProjection(index, quality, scenario); // once: a draw only evaluates
    parallelFor(static_cast<std::size_t>(draws),
                threadCount(options.threads, static_cast<std::size_t>(draws)), [&](std::size_t k) {
                    if (k % 64 == 0)
                        checkCancel(options.cancel);
                    ProjectionOptions mine;
                    mine.trace = false;
                    mine.threads = 1; // the draws are spread over the cores already
                    for (int t = 0; t < horizon; ++t)
                        mine.utilizationShock.push_back(scenario.uncertainty.trendSd *
                                                        normalDraw(yearKeys[static_cast<std::size_t>(t)], k));
                    const Projection pr = evaluateProjection(model, mine);
                    for (std::size_t t = 0; t < pr.all.size() && t < years.size(); ++t) {
                        const ProjectionYear& y = pr.all[t];
                        if (k == 0)
                            years[t] = y.year;
                        metric[0][t][k] = y.grossSavings;
                        metric[1][t][k] = y.payment.payment;
                        metric[2][t][k] = y.rateImpact;
                        metric[3][t][k] = y.netStateSavingNonRebased;
                    }
                });
    ProjectionFan fan;
    fan.draws = static_cast<long>(draws);
    fan.seed = options.seed;
    fan.trendSd = scenario.uncertainty.trendSd;
    for (std::size_t t = 0; t < static_cast<std::size_t>(horizon); ++t) {
        FanYear y;
        y.year = years[t];
        FanYear::Band* bands[4] = {&y.grossSavings, &y.planPayment, &y.rateImpact,
                                   &y.netStateSavingNonRebased};
        for (std::size_t m = 0; m < 4; ++m) {
            bands[m]->p05 = quantileOf(metric[m][t], 5);
            bands[m]->p50 = quantileOf(metric[m][t], 50);
            bands[m]->p95 = quantileOf(metric[m][t], 95);
        }
        fan.years.push_back(y);
    }
    return fan;
}

} // namespace sharecast
