#include "sample/sample_generator.h"

#include "engine/error.h"
#include "io/atomic_file.h"
#include "io/csv/csv_writer.h"
#include "sample/sample_partnerships.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

// The magnitudes below (enrollment, PMPMs, cost shares, utilization rates, quality levels) and
// their sources are described in docs/sample-data.md. Every value is invented around them.

namespace sharecast::io {

namespace {

// ---------------------------------------------------------------------------------------------
// Deterministic arithmetic: the generator's own PRNG, exp, log and normal deviates, built from
// +, −, ×, ÷, sqrt, floor, frexp and ldexp only (all exact or correctly rounded in IEEE 754), so
// that a seed gives the same bytes whatever the C++ library's <random> or libm does.

std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

//! A seed for one independent stream, from the user's seed, a stream tag and two indices.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t tag, std::uint64_t a = 0, std::uint64_t b = 0)
{
    std::uint64_t state = seed;
    std::uint64_t h = splitMix64(state);
    for (std::uint64_t part : {tag, a, b}) {
        state = h ^ part;
        h = splitMix64(state);
    }
    return h;
}

constexpr double kLn2Hi = 6.93147180369123816490e-01; // fdlibm's split of ln 2
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;

//! e^x to about 1 ulp: x = k ln2 + r, |r| <= ln2/2, Taylor series of degree 13 in r.
double detExp(double x)
{
    if (x > 700.0)
        x = 700.0;
    if (x < -700.0)
        return 0.0;
    const double kd = std::floor(x * kInvLn2 + 0.5);
    const double r = (x - kd * kLn2Hi) - kd * kLn2Lo;
    double p = 1.0 / 6227020800.0; // 1/13!
    constexpr double kInvFact[] = {1.0,
                                   1.0,
                                   1.0 / 2.0,
                                   1.0 / 6.0,
                                   1.0 / 24.0,
                                   1.0 / 120.0,
                                   1.0 / 720.0,
                                   1.0 / 5040.0,
                                   1.0 / 40320.0,
                                   1.0 / 362880.0,
                                   1.0 / 3628800.0,
                                   1.0 / 39916800.0,
                                   1.0 / 479001600.0};
    for (int i = 12; i >= 0; --i) {
        const double t = p * r;
        p = t + kInvFact[i];
    }
    return std::ldexp(p, static_cast<int>(kd));
}

//! ln x for x > 0: x = m 2^e with m in [√½, √2), ln m = 2 atanh((m − 1)/(m + 1)) by its series.
double detLog(double x)
{
    int e = 0;
    double m = std::frexp(x, &e);
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        --e;
    }
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double p = 1.0 / 23.0;
    for (int k = 21; k >= 1; k -= 2) {
        const double t = p * s2;
        p = t + 1.0 / k;
    }
    const double de = e;
    const double lo = de * kLn2Lo + 2.0 * s * p;
    return de * kLn2Hi + lo;
}

//! P(Z > z) for a standard normal Z (Numerical Recipes' erfcc, relative error < 1.2e-7).
double upperTail(double z)
{
    const double x = std::fabs(z) / 1.41421356237309504880;
    const double t = 1.0 / (1.0 + 0.5 * x);
    const double poly =
        -x * x - 1.26551223 +
        t * (1.00002368 +
             t * (0.37409196 +
                  t * (0.09678418 + t * (-0.18628806 +
                                         t * (0.27886807 + t * (-1.13520398 +
                                                                t * (1.48851587 + t * (-0.82215223 +
                                                                                       t * 0.17087277))))))));
    const double erfc = t * detExp(poly);
    return z >= 0.0 ? 0.5 * erfc : 1.0 - 0.5 * erfc;
}

//! The z with P(Z > z) = p, by bisection on upperTail() (so the two agree exactly).
double upperQuantile(double p)
{
    double lo = -9.0, hi = 9.0;
    for (int i = 0; i < 80; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (upperTail(mid) > p)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

//! x^n for a small whole n >= 0 by repeated multiplication.
double powInt(double x, int n)
{
    double r = 1.0;
    for (int i = 0; i < n; ++i)
        r *= x;
    return r;
}

//! x^a for x > 0.
double detPow(double x, double a)
{
    return detExp(a * detLog(x));
}

//! xoshiro256** (Blackman & Vigna), seeded through splitmix64.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& w : s_)
            w = splitMix64(seed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    //! Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    //! Uniform on [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    //! Standard normal deviate (Marsaglia's polar method).
    double normal()
    {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u = 0.0, v = 0.0, s = 0.0;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            const double uu = u * u;
            const double vv = v * v;
            s = uu + vv;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * detLog(s) / s);
        spare_ = v * f;
        hasSpare_ = true;
        return u * f;
    }

    //! A lognormal factor with mean 1 and log-sd sigma.
    double meanOne(double sigma)
    {
        return sigma > 0.0 ? detExp(sigma * normal() - 0.5 * sigma * sigma) : 1.0;
    }

    //! Binomial(n, p): exact for small n, else the rounded normal approximation.
    long long binomial(long long n, double p)
    {
        if (n <= 0)
            return 0;
        if (n <= 64) {
            long long k = 0;
            for (long long i = 0; i < n; ++i)
                k += uniform() < p ? 1 : 0;
            return k;
        }
        const double nd = static_cast<double>(n);
        const double k = std::floor(nd * p + std::sqrt(nd * p * (1.0 - p)) * normal() + 0.5);
        return std::clamp(static_cast<long long>(k), 0LL, n);
    }

    //! floor(x + U): an integer whose mean is x (x >= 0).
    long long stochasticRound(double x) { return static_cast<long long>(std::floor(x + uniform())); }

    //! Fisher–Yates shuffle.
    template <typename T> void shuffle(std::vector<T>& v)
    {
        for (std::size_t i = v.size(); i > 1; --i) {
            const std::size_t j = static_cast<std::size_t>(next() % i);
            std::swap(v[i - 1], v[j]);
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> s_{};
    bool hasSpare_ = false;
    double spare_ = 0.0;
};

// ---------------------------------------------------------------------------------------------
// Number formatting: fixed decimals, half away from zero, independent of locale and library.

const double kScale[] = {1.0, 10.0, 100.0, 1000.0, 10000.0};

//! v rounded to `decimals` places, as the scaled integer that is written.
long long scaled(double v, int decimals)
{
    return std::llround(v * kScale[decimals]);
}

void appendInt(std::string& out, long long n)
{
    char tmp[24];
    int len = 0;
    const bool negative = n < 0;
    unsigned long long u =
        negative ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    do {
        tmp[len++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u);
    if (negative)
        out += '-';
    while (len)
        out += tmp[--len];
}

//! Appends the scaled integer n as a number with `decimals` places ("12.50", "0.0000").
void appendScaled(std::string& out, long long n, int decimals)
{
    if (decimals == 0) {
        appendInt(out, n);
        return;
    }
    if (n < 0) {
        out += '-';
        n = -n;
    }
    const long long unit = static_cast<long long>(kScale[decimals]);
    appendInt(out, n / unit);
    out += '.';
    long long frac = n % unit;
    char tmp[8];
    for (int i = decimals - 1; i >= 0; --i) {
        tmp[i] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    out.append(tmp, static_cast<std::size_t>(decimals));
}

void appendText(std::string& out, const std::string& text)
{
    out += csvField(QString::fromStdString(text)).toStdString();
}

// ---------------------------------------------------------------------------------------------
// The catalogue: rate cells, categories of service, utilization columns, regions and plans.

constexpr int kFirstYear = 2019;
constexpr int kYears = 6;
static_assert(kFirstYear + kYears - 1 == 2024, "the sample covers 2019–2024");
constexpr int kRxCarveOutYear = 2022; // Medi-Cal Rx, January 2022
constexpr int kCalAimYear = 2022;     // ECM and Community Supports, January 2022
constexpr int kLtcCarveInYear = 2023; // long-term care carved in for every plan, January 2023

enum RateCell { kChild, kAdult, kAca, kSpd, kSpdDual, kLtc, kLtcDual, kCellCount };
const char* const kCellNames[kCellCount] = {"Child",    "Adult", "ACA Expansion", "SPD",
                                            "SPD/Dual", "LTC",   "LTC/Dual"};

bool isLtcCell(int c)
{
    return c == kLtc || c == kLtcDual;
}

enum Cos { kIp, kOp, kProf, kEd, kRx, kLtcCos, kBh, kEcm, kCs, kOther, kCosCount };
const char* const kCosNames[kCosCount] = {"inpatient",          "outpatient", "professional", "emergency",
                                          "pharmacy",           "ltc",        "behavioral",   "ecm",
                                          "community_supports", "other"};

enum Util {
    kUDischarges,
    kUBedDays,
    kUReadmissions,
    kUIndex,
    kUEd,
    kUOpPreferred,
    kUOpTotal,
    kURxGeneric,
    kURxTotal,
    kUCsection,
    kUDeliveries,
    kUtilCount
};
const char* const kUtilNames[kUtilCount] = {"ip_discharges",    "ip_bed_days",    "readmissions",
                                            "index_admissions", "ed_visits",      "op_visits_preferred",
                                            "op_visits_total",  "rx_generic",     "rx_total",
                                            "csection_ntsv",    "deliveries_ntsv"};

enum Model { kCohs, kTwoPlan, kGmc, kRegional, kSinglePlan };
const char* const kModelNames[] = {"COHS", "Two-Plan", "GMC", "Regional", "Single Plan"};

//! Statewide mix of enrollment by rate cell (2024).
constexpr double kMix[kCellCount] = {0.375, 0.175, 0.325, 0.067, 0.054, 0.0012, 0.0028};

//! Enrollment by year relative to 2024: continuous coverage 2020–2022, unwinding 2023–2024.
constexpr double kEnrollment[kCellCount][kYears] = {
    {0.92, 0.93, 0.98, 1.02, 1.04, 1.00}, // Child
    {0.86, 0.88, 0.95, 1.02, 1.05, 1.00}, // Adult
    {0.78, 0.81, 0.92, 1.01, 1.06, 1.00}, // ACA Expansion
    {0.97, 0.97, 0.98, 0.99, 1.01, 1.00}, // SPD
    {0.93, 0.94, 0.96, 0.98, 1.00, 1.00}, // SPD/Dual
    {0.99, 0.95, 0.93, 0.95, 0.98, 1.00}, // LTC
    {0.99, 0.95, 0.93, 0.95, 0.98, 1.00}, // LTC/Dual
};

//! Statewide PMPM by rate cell and COS in 2024 (pharmacy: what it would be without Medi-Cal Rx).
//! The rows other than pharmacy sum to 150, 380, 470, 1,250, 320, 7,500 and 6,900.
// clang-format off
constexpr double kPmpm2024[kCellCount][kCosCount] = {
    // inpatient outpatient professional emergency pharmacy ltc behavioral ecm cs other
    { 28,  22,  55, 14,  30,  0.3, 12,  0.8, 0.3,  17.6},  // Child
    {105,  65, 110, 30,  75,  1,   22,  3,   2,    42},    // Adult
    {150,  90, 120, 38, 115,  3,   22,  6,   4,    37},    // ACA Expansion
    {480, 210, 240, 55, 360,  40,  35, 25,  15,   150},    // SPD
    { 25,  35,  30,  6,  15,  90,   8, 12,  10,   104},    // SPD/Dual
    {450, 120, 200, 60, 300, 6300, 40,  5,   5,   320},    // LTC
    { 20,  25,  30,  5,  15, 6600, 10,  3,   2,   205},    // LTC/Dual
};
// clang-format on

//! Statewide annual utilization and unit-cost trends by COS (inpatient and emergency
//! utilization follow each plan's own trend instead).
constexpr double kUtilTrend[kCosCount] = {0, 0.015, 0.01, 0, 0.02, 0.0, 0.04, 0, 0, 0.01};
constexpr double kUnitTrend[kCosCount] = {0.035, 0.03, 0.025, 0.03, 0.05, 0.04, 0.03, 0, 0, 0.03};

//! Pandemic utilization factors for 2020, 2021 and 2022.
// clang-format off
constexpr double kCovid[kCosCount][3] = {
    {0.90, 0.96, 0.99},  // inpatient
    {0.85, 0.97, 1.00},  // outpatient
    {0.90, 0.99, 1.00},  // professional
    {0.75, 0.86, 0.95},  // emergency
    {0.98, 1.00, 1.00},  // pharmacy
    {0.95, 0.97, 1.00},  // ltc
    {0.97, 1.00, 1.00},  // behavioral
    {1.00, 1.00, 1.00},  // ecm
    {1.00, 1.00, 1.00},  // community_supports
    {0.92, 0.98, 1.00},  // other
};
// clang-format on

//! ECM and Community Supports ramp-up from their January 2022 start.
constexpr double kCalAimRamp[kYears] = {0, 0, 0, 0.35, 0.70, 1.00};

//! Average acuity by year: the continuous-coverage population was healthier; the unwinding
//! (from mid-2023) left a sicker one.
constexpr double kAcuity[kYears] = {1.000, 0.995, 0.975, 0.965, 0.980, 1.000};

//! How much of a plan's efficiency and of the area's cost level reach each COS.
constexpr double kEffExponent[kCosCount] = {1, 1, 1, 1, 1, 0.2, 1, 0.5, 0.5, 1};
constexpr double kAreaExponent[kCosCount] = {1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1};

//! Member-level coefficient of variation by COS, for the sampling noise of a cell's cost.
constexpr double kCostCv[kCosCount] = {4, 2.5, 1.5, 2, 3, 8, 3, 6, 6, 2};

// Utilization per 1,000 member years in 2019 and related rates, by rate cell.
constexpr double kDischarges[kCellCount] = {25, 95, 75, 240, 260, 500, 450};
constexpr double kAlos[kCellCount] = {4.0, 3.2, 5.0, 5.8, 5.5, 7.0, 6.5};
constexpr double kReadmitRate[kCellCount] = {0.06, 0.08, 0.14, 0.18, 0.17, 0.20, 0.20};
constexpr double kEdVisits[kCellCount] = {380, 600, 650, 1100, 900, 1000, 800};
constexpr double kOpVisits[kCellCount] = {900, 1800, 2200, 4500, 3000, 2000, 1500};
constexpr double kScripts[kCellCount] = {3200, 9000, 11000, 30000, 2000, 60000, 3000};
constexpr double kNtsvDeliveries[kCellCount] = {0.8, 22, 4, 1.5, 0.1, 0, 0};
constexpr double kClaimsPerYear[kCellCount] = {7, 13, 15, 42, 35, 55, 45};
constexpr double kGrievanceWeight[kCellCount] = {0.6, 1.0, 1.1, 1.8, 1.5, 1.3, 1.2};

struct RegionDef {
    const char* name;
    Model model;
    double members2024; // average enrollment, all plans
    double area;        // cost level
};

const RegionDef kRegions[] = {
    {"Los Angeles", kTwoPlan, 3.95e6, 1.04},
    {"San Diego", kGmc, 0.95e6, 1.00},
    {"Orange", kCohs, 0.92e6, 1.03},
    {"Riverside", kTwoPlan, 0.90e6, 0.97},
    {"San Bernardino", kTwoPlan, 0.97e6, 0.96},
    {"Sacramento", kGmc, 0.50e6, 0.99},
    {"Alameda", kTwoPlan, 0.40e6, 1.08},
    {"Santa Clara", kTwoPlan, 0.46e6, 1.10},
    {"Fresno", kTwoPlan, 0.53e6, 0.92},
    {"Kern", kTwoPlan, 0.44e6, 0.93},
    {"San Joaquin", kTwoPlan, 0.34e6, 0.95},
    {"Sonoma", kCohs, 0.14e6, 1.05},
    {"Monterey", kCohs, 0.19e6, 1.02},
    {"Humboldt", kCohs, 0.06e6, 0.98},
    {"Imperial", kSinglePlan, 0.11e6, 0.90},
    {"Bay Area Region", kTwoPlan, 0.95e6, 1.12},
    {"Central Coast Region", kCohs, 1.10e6, 1.03},
    {"North State Region", kCohs, 1.10e6, 1.00},
    {"Sierra Foothills Region", kRegional, 0.49e6, 0.97},
};
constexpr int kRegionCount = static_cast<int>(std::size(kRegions));

const char* const kPlanNames[] = {
    "Golden Poppy Health Plan",
    "Desert Tortoise Health Plan",
    "Bay Laurel Health Plan",
    "Valley Quail Health Plan",
    "Tule Elk Health Plan",
    "Condor Ridge Health Plan",
    "Delta Heron Health Plan",
    "Pacific Lupine Health Plan",
    "Coyote Brush Health Plan",
    "Western Bluebird Health Plan",
    "Sand Verbena Health Plan",
    "Garibaldi Coast Health Plan",
    "Coastal Sage Care Plan",
    "Orange Blossom Health Authority",
    "Redwood Sorrel Health Authority",
    "Monterey Cypress Health Authority",
    "Kelp Forest Health Authority",
    "Valley Oak Integrated Care",
    "Ocotillo Bloom Health Plan",
    "Fog Harbor Health Plan",
};
constexpr int kPlanCount = static_cast<int>(std::size(kPlanNames));
constexpr int kSpecialtyPlan = 12; // P13: a small plan with few children and many SPD members

// A larger generated state (SampleOptions::scale = S) repeats the 19 regions and 20 plans S
// times: copy k (from 0) has plans k·20 + p and regions k·19 + r, named as the originals with
// " k+1" after them, and draws from its own random streams. Copy 0 is the sample itself, byte
// for byte. Plans and regions are numbered over all copies; these give back the originals.
int basePlan(int plan)
{
    return plan % kPlanCount;
}
int baseRegion(int region)
{
    return region % kRegionCount;
}
int copyOf(int plan)
{
    return plan / kPlanCount;
}
//! The copy's suffix: "" for copy 0, " 2" for copy 1 …
std::string copySuffix(int copy)
{
    return copy == 0 ? std::string() : " " + std::to_string(copy + 1);
}
std::string planName(int plan)
{
    return kPlanNames[basePlan(plan)] + copySuffix(copyOf(plan));
}
std::string regionName(int region)
{
    return kRegions[baseRegion(region)].name + copySuffix(region / kRegionCount);
}
//! The random-stream index of a plan's cells in a region (copy 0: plan · 64 + region, as ever).
std::uint64_t cellStream(int plan, int region)
{
    return (static_cast<std::uint64_t>(copyOf(plan)) << 20) |
           static_cast<std::uint64_t>(basePlan(plan) * 64 + baseRegion(region));
}

//! A plan's share of a region's enrollment in 2024.
struct ServiceDef {
    int region;
    int plan;
    double share;
};

// clang-format off
const ServiceDef kServices[] = {
    {0, 0, 0.68},    {0, 7, 0.32},                                                      // Los Angeles
    {1, 7, 0.22},    {1, 8, 0.17},  {1, 10, 0.14}, {1, 11, 0.21}, {1, 12, 0.006}, {1, 17, 0.254},  // San Diego
    {2, 13, 1.0},                                                                       // Orange
    {3, 1, 0.75},    {3, 8, 0.25},                                                      // Riverside
    {4, 1, 0.76},    {4, 8, 0.24},                                                      // San Bernardino
    {5, 7, 0.25},    {5, 8, 0.24},  {5, 9, 0.16},  {5, 10, 0.12}, {5, 17, 0.23},         // Sacramento
    {6, 2, 0.74},    {6, 8, 0.26},                                                      // Alameda
    {7, 3, 0.72},    {7, 9, 0.28},                                                      // Santa Clara
    {8, 4, 0.70},    {8, 7, 0.30},                                                      // Fresno
    {9, 5, 0.66},    {9, 7, 0.34},                                                      // Kern
    {10, 6, 0.80},   {10, 9, 0.20},                                                     // San Joaquin
    {11, 14, 1.0},                                                                      // Sonoma
    {12, 15, 1.0},                                                                      // Monterey
    {13, 14, 1.0},                                                                      // Humboldt
    {14, 18, 1.0},                                                                      // Imperial
    {15, 19, 0.70},  {15, 9, 0.30},                                                     // Bay Area Region
    {16, 16, 1.0},                                                                      // Central Coast Region
    {17, 14, 1.0},                                                                      // North State Region
    {18, 8, 0.55},   {18, 9, 0.45},                                                     // Sierra Foothills Region
};
// clang-format on

//! A quality measure of the Straw Proposal 7 preset: its MPL (50th percentile, the preset's
//! threshold) and HPL (90th percentile, its benchmark), and who is eligible for it.
struct MeasureDef {
    const char* id;
    double mpl;
    double hpl;
    int covidGroup;              // 0 screening and well care, 1 chronic care, 2 prenatal
    double eligible[kCellCount]; // denominator per member of each rate cell
};

const MeasureDef kMeasures[] = {
    {"CIS-10", 0.35, 0.50, 0, {0.030, 0, 0, 0, 0, 0, 0}},
    {"W30-6", 0.58, 0.68, 0, {0.022, 0, 0, 0, 0, 0, 0}},
    {"WCV", 0.48, 0.61, 0, {0.62, 0, 0, 0, 0, 0, 0}},
    {"LSC", 0.63, 0.80, 0, {0.030, 0, 0, 0, 0, 0, 0}},
    {"BCS-E", 0.52, 0.63, 0, {0, 0.03, 0.08, 0.12, 0, 0, 0}},
    {"CCS", 0.57, 0.67, 0, {0, 0.45, 0.25, 0.15, 0, 0, 0}},
    {"CHL", 0.56, 0.68, 0, {0.02, 0.06, 0.03, 0, 0, 0, 0}},
    {"CBP", 0.61, 0.72, 1, {0, 0.03, 0.07, 0.18, 0, 0, 0}},
    {"HBD-H9", 0.38, 0.28, 1, {0, 0.03, 0.06, 0.15, 0, 0, 0}},
    {"PPC-Pre", 0.85, 0.92, 2, {0.001, 0.05, 0.012, 0, 0, 0, 0}},
    {"PPC-Pst", 0.78, 0.85, 2, {0.001, 0.05, 0.012, 0, 0, 0, 0}},
};
constexpr int kMeasureCount = static_cast<int>(std::size(kMeasures));
constexpr int kCbp = 7;
constexpr int kW30 = 1;

//! Quality z-score shift in 2020 and 2021 by measure group (z = 0 at the MPL, 1 at the HPL).
constexpr double kQualityCovid[3][2] = {{-0.45, -0.20}, {-0.50, -0.20}, {-0.15, 0.0}};

// Stream tags.
enum : std::uint64_t { kTagGrid = 1, kTagPlan, kTagRegion, kTagService, kTagCell, kTagQuality, kTagMembers };

// ---------------------------------------------------------------------------------------------
// Plan behaviour.

struct PlanParams {
    double efficiency = 1.0;  // persistent cost level
    double utilTrend = 0.0;   // annual inpatient and emergency utilization trend
    double risk = 1.0;        // risk level
    double mlr = 0.88;        // revenue = expected medical cost / mlr
    double adminRatio = 0.07; // admin cost / revenue
    std::array<double, kYears> denial{};
    std::array<double, kYears> grievance{}; // per 1,000 member months, before the rate-cell weight
    double preferred = 0.65, preferredGain = 0.0;
    double generic = 0.85, genericGain = 0.0;
    double csection = 0.24, csectionTrend = 0.0;
    double readmitFactor = 1.0;
    double qualityLevel = 0.0, qualityGain = 0.0;
    std::array<double, kMeasureCount> measureOffset{};
    std::array<double, kCellCount> mixTilt{};
};

//! n values evenly spread over [lo, hi], in a seeded random order.
std::vector<double> shuffledGrid(Rng& rng, int n, double lo, double hi)
{
    std::vector<double> v;
    for (int k = 0; k < n; ++k)
        v.push_back(lo + (hi - lo) * k / (n - 1));
    rng.shuffle(v);
    return v;
}

//! The plans of copy k: each copy spreads efficiency, trend and quality over the same grids.
void makeCopyPlans(std::uint64_t seed, int k, std::vector<PlanParams>& plans)
{
    Rng grid(streamSeed(seed, kTagGrid, static_cast<std::uint64_t>(k)));
    const auto efficiency = shuffledGrid(grid, kPlanCount, 0.90, 1.10);
    const auto trend = shuffledGrid(grid, kPlanCount, -0.03, 0.01);
    const auto level = shuffledGrid(grid, kPlanCount, 0.0, 1.0);
    const auto gain = shuffledGrid(grid, kPlanCount, 0.0, 0.09);

    for (int q = 0; q < kPlanCount; ++q) {
        const int p = k * kPlanCount + q;
        Rng rng(streamSeed(seed, kTagPlan, static_cast<std::uint64_t>(p)));
        PlanParams& pp = plans[static_cast<std::size_t>(p)];
        pp.efficiency = efficiency[static_cast<std::size_t>(q)];
        pp.utilTrend = trend[static_cast<std::size_t>(q)];
        pp.qualityLevel = level[static_cast<std::size_t>(q)];
        pp.qualityGain = gain[static_cast<std::size_t>(q)];
        pp.risk = std::clamp(1.0 + 0.035 * rng.normal(), 0.92, 1.08);
        pp.mlr = rng.uniform(0.855, 0.905);
        pp.adminRatio = rng.uniform(0.06, 0.085) + (q == kSpecialtyPlan ? 0.03 : 0.0);
        double denial = rng.uniform(0.06, 0.12);
        double grievance = rng.uniform(0.35, 1.1);
        for (int y = 0; y < kYears; ++y) {
            if (y > 0) {
                denial += std::clamp(0.0015 * rng.normal(), -0.004, 0.004);
                grievance = std::max(0.2, grievance + std::clamp(0.03 * rng.normal(), -0.08, 0.08));
            }
            pp.denial[static_cast<std::size_t>(y)] = denial;
            pp.grievance[static_cast<std::size_t>(y)] = grievance;
        }
        pp.preferred = rng.uniform(0.55, 0.75);
        pp.preferredGain = rng.uniform(0.0, 0.012);
        pp.generic = rng.uniform(0.82, 0.88);
        pp.genericGain = rng.uniform(0.0, 0.004);
        pp.csection = rng.uniform(0.20, 0.29);
        pp.csectionTrend = rng.uniform(-0.004, 0.001);
        pp.readmitFactor = rng.meanOne(0.08);
        for (auto& o : pp.measureOffset)
            o = 0.3 * rng.normal();
        for (auto& t : pp.mixTilt)
            t = rng.meanOne(0.06);
        if (q == kSpecialtyPlan) {
            pp.mixTilt[kChild] *= 0.08;
            pp.mixTilt[kAca] *= 1.3;
            pp.mixTilt[kSpd] *= 3.0;
            pp.mixTilt[kSpdDual] *= 2.5;
        }
    }
}

std::vector<PlanParams> makePlans(std::uint64_t seed, int copies)
{
    std::vector<PlanParams> plans(static_cast<std::size_t>(kPlanCount * copies));
    for (int k = 0; k < copies; ++k)
        makeCopyPlans(seed, k, plans);
    return plans;
}

// ---------------------------------------------------------------------------------------------
// Experience cells.

struct Cell {
    int plan = 0, region = 0, rateCell = 0, year = 0; // year as an index from kFirstYear
    double mm = 0.0;                                  // whole member months
    double risk = 1.0;                                // rounded to 4 decimals
    std::array<double, kCosCount> factor{};           // deterministic cost factor before calibration
    std::array<double, kCosCount> expected{};         // expected cost
    std::array<long long, kCosCount> costCents{};
    std::array<long long, kUtilCount> util{};
    long long revenueCents = 0, adminCents = 0, denied = 0, claims = 0, grievances = 0;
    // Unit values the member sample uses.
    double ipUnit = 0.0, edUnit = 0.0, opUnit = 0.0, rxPerMm = 0.0, alos = 4.0, readmit = 0.1;
    double deliveriesPerMm = 0.0, csection = 0.25, generic = 0.85, preferred = 0.65;
};

bool isCohs(int region)
{
    return kRegions[baseRegion(region)].model == kCohs;
}

//! The plan-level utilization index of COS s in year index y (2019 = 1).
double trendIndex(const PlanParams& pp, int s, int y)
{
    const double util = (s == kIp || s == kEd) ? pp.utilTrend : kUtilTrend[s];
    return powInt((1.0 + util) * (1.0 + kUnitTrend[s]), y);
}

double covidFactor(int s, int y)
{
    const int year = kFirstYear + y;
    return (year >= 2020 && year <= 2022) ? kCovid[s][year - 2020] : 1.0;
}

//! Whether COS s is paid by the plan in region r in year index y (the program changes).
bool cosCovered(int s, int region, int y)
{
    const int year = kFirstYear + y;
    if (s == kRx)
        return year < kRxCarveOutYear;
    if (s == kEcm || s == kCs)
        return year >= kCalAimYear;
    if (s == kLtcCos)
        return year >= kLtcCarveInYear || isCohs(region);
    return true;
}

//! Enrollment, risk and the deterministic cost factors of every cell.
std::vector<Cell> makeCells(std::uint64_t seed, const std::vector<PlanParams>& plans)
{
    const int copies = static_cast<int>(plans.size()) / kPlanCount;
    const int regionCount = kRegionCount * copies;
    // Region-level draws: rate-cell mix tilt and growth.
    std::vector<std::array<double, kCellCount>> regionTilt(static_cast<std::size_t>(regionCount));
    std::vector<double> regionGrowth(static_cast<std::size_t>(regionCount));
    for (int r = 0; r < regionCount; ++r) {
        Rng rng(streamSeed(seed, kTagRegion, static_cast<std::uint64_t>(r)));
        for (auto& t : regionTilt[static_cast<std::size_t>(r)])
            t = rng.meanOne(0.08);
        regionGrowth[static_cast<std::size_t>(r)] = 0.006 * rng.normal();
    }
    // Service-level draws: market-share drift (service k·kServiceCount + i is kServices[i] in
    // copy k).
    constexpr int kServiceCount = static_cast<int>(std::size(kServices));
    std::vector<double> drift(static_cast<std::size_t>(kServiceCount * copies));
    for (int k = 0; k < copies; ++k)
        for (int i = 0; i < kServiceCount; ++i) {
            Rng rng(streamSeed(seed, kTagService,
                               static_cast<std::uint64_t>(k * kPlanCount + kServices[i].plan),
                               static_cast<std::uint64_t>(k * kRegionCount + kServices[i].region)));
            drift[static_cast<std::size_t>(k * kServiceCount + i)] =
                kServices[i].share < 1.0 ? 0.02 * rng.normal() : 0.0;
        }
    auto shareOf = [&](int k, int service, int y) {
        const int region = kServices[service].region;
        double own = 0.0, total = 0.0;
        for (int i = 0; i < kServiceCount; ++i) {
            if (kServices[i].region != region)
                continue;
            const double raw =
                kServices[i].share *
                detExp(drift[static_cast<std::size_t>(k * kServiceCount + i)] * (y - (kYears - 1)));
            total += raw;
            if (i == service)
                own = raw;
        }
        return own / total;
    };

    std::vector<Cell> cells;
    for (int p = 0; p < static_cast<int>(plans.size()); ++p) {
        const PlanParams& pp = plans[static_cast<std::size_t>(p)];
        const int k = copyOf(p);
        for (int service = 0; service < kServiceCount; ++service) {
            if (kServices[service].plan != basePlan(p))
                continue;
            const int r = k * kRegionCount + kServices[service].region;
            std::array<double, kCellCount> mix{};
            double mixTotal = 0.0;
            for (int c = 0; c < kCellCount; ++c) {
                mix[static_cast<std::size_t>(c)] =
                    kMix[c] * regionTilt[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] *
                    pp.mixTilt[static_cast<std::size_t>(c)];
                mixTotal += mix[static_cast<std::size_t>(c)];
            }
            for (int c = 0; c < kCellCount; ++c) {
                // The cell's persistent risk offset (its own stream, year slot 15).
                Rng persistent(
                    streamSeed(seed, kTagCell, cellStream(p, r), static_cast<std::uint64_t>(c * 16 + 15)));
                const double riskOffset = 1.0 + 0.02 * persistent.normal();
                for (int y = 0; y < kYears; ++y) {
                    if (isLtcCell(c) && !isCohs(r) && kFirstYear + y < kLtcCarveInYear)
                        continue;
                    Rng rng(
                        streamSeed(seed, kTagCell, cellStream(p, r), static_cast<std::uint64_t>(c * 16 + y)));
                    const double members =
                        kRegions[baseRegion(r)].members2024 * shareOf(k, service, y) *
                        mix[static_cast<std::size_t>(c)] / mixTotal * kEnrollment[c][y] *
                        detExp(regionGrowth[static_cast<std::size_t>(r)] * (y - (kYears - 1))) *
                        rng.meanOne(0.01);
                    const double mm = std::floor(members * 12.0 + 0.5);
                    if (mm < 12.0)
                        continue;
                    Cell cell;
                    cell.plan = p;
                    cell.region = r;
                    cell.rateCell = c;
                    cell.year = y;
                    cell.mm = mm;
                    const double risk = pp.risk * riskOffset * kAcuity[y] * (1.0 + 0.006 * rng.normal());
                    cell.risk = static_cast<double>(scaled(std::max(0.3, risk), 4)) / kScale[4];
                    for (int s = 0; s < kCosCount; ++s)
                        cell.factor[static_cast<std::size_t>(s)] =
                            detPow(kRegions[baseRegion(r)].area, kAreaExponent[s]) *
                            detPow(pp.efficiency, kEffExponent[s]) * cell.risk * trendIndex(pp, s, y) *
                            covidFactor(s, y);
                    cells.push_back(cell);
                }
            }
        }
    }
    return cells;
}

//! Expected and actual costs, utilization, revenue, claims and grievances of every cell. The
//! calibration makes each COS's statewide 2024 PMPM of each rate cell equal kPmpm2024 before
//! noise.
void fillCells(std::uint64_t seed, const std::vector<PlanParams>& plans, std::vector<Cell>& cells,
               const std::vector<int>& denialJumpPlans)
{
    // Each copy of the state is calibrated on its own, so copy 0 is the sample itself.
    const std::size_t copies = plans.size() / kPlanCount;
    std::vector<std::array<std::array<double, kCosCount>, kCellCount>> weightedOf(copies);
    std::vector<std::array<double, kCellCount>> mm2024Of(copies);
    for (const Cell& cell : cells) {
        if (cell.year != kYears - 1)
            continue;
        const auto k = static_cast<std::size_t>(copyOf(cell.plan));
        mm2024Of[k][static_cast<std::size_t>(cell.rateCell)] += cell.mm;
        for (int s = 0; s < kCosCount; ++s)
            weightedOf[k][static_cast<std::size_t>(cell.rateCell)][static_cast<std::size_t>(s)] +=
                cell.mm * cell.factor[static_cast<std::size_t>(s)];
    }

    for (Cell& cell : cells) {
        const PlanParams& pp = plans[static_cast<std::size_t>(cell.plan)];
        const int c = cell.rateCell;
        const int y = cell.year;
        const auto& weighted = weightedOf[static_cast<std::size_t>(copyOf(cell.plan))];
        const auto& mm2024 = mm2024Of[static_cast<std::size_t>(copyOf(cell.plan))];
        Rng rng(streamSeed(seed, kTagCell, cellStream(cell.plan, cell.region),
                           static_cast<std::uint64_t>(c * 16 + y) + 0x1000));
        const double my = cell.mm / 12.0;

        std::array<double, kCosCount> noise{};
        double expectedTotal = 0.0;
        for (int s = 0; s < kCosCount; ++s) {
            const auto si = static_cast<std::size_t>(s);
            const double k = kPmpm2024[c][s] * mm2024[static_cast<std::size_t>(c)] /
                             weighted[static_cast<std::size_t>(c)][si];
            double expected = cell.mm * k * cell.factor[si];
            if (s == kEcm || s == kCs)
                expected *= kCalAimRamp[y];
            if (!cosCovered(s, cell.region, y))
                expected = 0.0;
            cell.expected[si] = expected;
            expectedTotal += expected;
            const double cv = (s == kLtcCos && isLtcCell(c)) ? 0.6 : kCostCv[s];
            const double sigma = std::min(0.35, std::sqrt(cv * cv / my + 0.01 * 0.01));
            noise[si] = rng.meanOne(sigma);
            cell.costCents[si] = scaled(expected * noise[si], 2);
        }

        // Utilization, consistent with the costs (cost = count × unit cost).
        const double riskU = detPow(cell.risk, 0.9);
        const double effU = detPow(pp.efficiency, 0.6);
        const double planTrend = powInt(1.0 + pp.utilTrend, y);
        const double ipRate = kDischarges[c] / 1000.0 * planTrend * covidFactor(kIp, y) * riskU * effU;
        const double edRate = kEdVisits[c] / 1000.0 * planTrend * covidFactor(kEd, y) * riskU * effU;
        const double opRate = kOpVisits[c] / 1000.0 * powInt(1.015, y) * covidFactor(kOp, y) * riskU;
        const double rxRate = kScripts[c] / 1000.0 * powInt(1.02, y) * riskU;
        auto count = [](double x) { return static_cast<long long>(std::floor(std::max(0.0, x) + 0.5)); };
        auto& u = cell.util;
        u[kUDischarges] = count(my * ipRate * detPow(noise[kIp], 0.8) * rng.meanOne(0.01));
        cell.alos = kAlos[c] * detPow(pp.efficiency, 0.5);
        u[kUBedDays] = count(static_cast<double>(u[kUDischarges]) * cell.alos * rng.meanOne(0.02));
        u[kUIndex] = count(static_cast<double>(u[kUDischarges]) * 0.88 * rng.meanOne(0.005));
        cell.readmit = std::min(0.5, kReadmitRate[c] * pp.readmitFactor * planTrend);
        const double readm = static_cast<double>(u[kUIndex]) * cell.readmit;
        u[kUReadmissions] =
            std::min(u[kUIndex], count(readm * rng.meanOne(std::min(0.3, 1.0 / std::sqrt(readm + 1.0)))));
        u[kUEd] = count(my * edRate * detPow(noise[kEd], 0.8) * rng.meanOne(0.01));
        u[kUOpTotal] = count(my * opRate * detPow(noise[kOp], 0.8) * rng.meanOne(0.01));
        cell.preferred = std::clamp(pp.preferred + pp.preferredGain * y + 0.005 * rng.normal(), 0.0, 1.0);
        u[kUOpPreferred] = count(static_cast<double>(u[kUOpTotal]) * cell.preferred);
        u[kURxTotal] = count(my * rxRate * rng.meanOne(0.02));
        cell.generic = std::clamp(pp.generic + pp.genericGain * y + 0.003 * rng.normal(), 0.0, 1.0);
        u[kURxGeneric] = count(static_cast<double>(u[kURxTotal]) * cell.generic);
        const double deliveries = my * kNtsvDeliveries[c] / 1000.0;
        u[kUDeliveries] = count(deliveries * rng.meanOne(std::min(0.4, 1.0 / std::sqrt(deliveries + 1.0))));
        cell.csection = std::clamp(pp.csection + pp.csectionTrend * y + 0.01 * rng.normal(), 0.05, 0.6);
        u[kUCsection] = count(static_cast<double>(u[kUDeliveries]) * cell.csection);

        // Unit values for the member sample (from the noise-free expectation).
        const double mmD = cell.mm;
        cell.ipUnit = cell.expected[kIp] / std::max(1e-9, mmD / 12.0 * ipRate);
        cell.edUnit = cell.expected[kEd] / std::max(1e-9, mmD / 12.0 * edRate);
        cell.opUnit = cell.expected[kOp] / std::max(1e-9, mmD / 12.0 * opRate);
        cell.rxPerMm = rxRate / 12.0;
        cell.deliveriesPerMm = kNtsvDeliveries[c] / 1000.0 / 12.0;

        // Revenue is set on expected cost; admin, claims, denials and grievances.
        const double revenue = expectedTotal / pp.mlr * rng.meanOne(0.01);
        cell.revenueCents = scaled(revenue, 2);
        cell.adminCents = scaled(revenue * pp.adminRatio * rng.meanOne(0.02), 2);
        cell.claims = count(my * kClaimsPerYear[c] * powInt(1.01, y) * covidFactor(kProf, y) * riskU *
                            rng.meanOne(0.01));
        double denial = pp.denial[static_cast<std::size_t>(y)];
        double grievance = pp.grievance[static_cast<std::size_t>(y)];
        if (cell.plan == denialJumpPlans[static_cast<std::size_t>(copyOf(cell.plan))] && y == kYears - 1) {
            denial += 0.035;
            grievance += 0.7;
        }
        denial = std::clamp(denial + 0.002 * rng.normal(), 0.0, 1.0);
        cell.denied = std::min(cell.claims, count(static_cast<double>(cell.claims) * denial));
        const double g = cell.mm / 1000.0 * grievance * kGrievanceWeight[c];
        cell.grievances = count(g * rng.meanOne(std::min(0.25, 0.5 / std::sqrt(g + 1.0))));
    }
}

//! The plan of each copy whose denial rate jumps in the last year: the one cutting inpatient and
//! emergency use fastest among the copy's plans with at least 100,000 members in 2024.
std::vector<int> pickDenialJumpPlans(const std::vector<PlanParams>& plans, const std::vector<Cell>& cells)
{
    std::vector<double> mm(plans.size());
    for (const Cell& cell : cells)
        if (cell.year == kYears - 1)
            mm[static_cast<std::size_t>(cell.plan)] += cell.mm;
    std::vector<int> best(plans.size() / kPlanCount, -1);
    for (int p = 0; p < static_cast<int>(plans.size()); ++p) {
        if (mm[static_cast<std::size_t>(p)] < 100000.0 * 12.0)
            continue;
        int& b = best[static_cast<std::size_t>(copyOf(p))];
        if (b < 0 ||
            plans[static_cast<std::size_t>(p)].utilTrend < plans[static_cast<std::size_t>(b)].utilTrend)
            b = p;
    }
    return best;
}

std::string planId(int p)
{
    std::string id = "P";
    if (p + 1 < 10)
        id += '0';
    appendInt(id, p + 1);
    return id;
}

//! The columns that place a cell's row: "region,rate_cell,year".
void appendCellPlace(std::string& out, const Cell& cell)
{
    appendText(out, regionName(cell.region));
    out += ',';
    appendText(out, kCellNames[cell.rateCell]);
    out += ',';
    appendInt(out, kFirstYear + cell.year);
}

// ---------------------------------------------------------------------------------------------
// Writing.

void progressTo(const SampleOptions& options, double fraction)
{
    if (options.progress)
        options.progress(std::clamp(fraction, 0.0, 1.0));
}

void writeWhole(const QString& path, const std::string& bytes)
{
    const QString error = writeFileAtomically(path, QByteArray::fromStdString(bytes));
    if (!error.isEmpty())
        throw WriteError(error);
}

std::string experienceCsv(const std::vector<Cell>& cells)
{
    std::string out = "plan_id,plan_name,region,rate_cell,year,member_months,risk_score";
    for (const char* cos : kCosNames)
        out += std::string(",cost_") + cos;
    for (const char* util : kUtilNames)
        out += std::string(",util_") + util;
    out += ",capitation_revenue,admin_cost,claims_denied,claims_total,grievances\n";
    for (const Cell& cell : cells) {
        out += planId(cell.plan);
        out += ',';
        appendText(out, planName(cell.plan));
        out += ',';
        appendCellPlace(out, cell);
        out += ',';
        appendInt(out, static_cast<long long>(cell.mm));
        out += ',';
        appendScaled(out, scaled(cell.risk, 4), 4);
        for (long long cents : cell.costCents) {
            out += ',';
            appendScaled(out, cents, 2);
        }
        for (long long n : cell.util) {
            out += ',';
            appendInt(out, n);
        }
        for (long long cents : {cell.revenueCents, cell.adminCents}) {
            out += ',';
            appendScaled(out, cents, 2);
        }
        for (long long n : {cell.denied, cell.claims, cell.grievances}) {
            out += ',';
            appendInt(out, n);
        }
        out += '\n';
    }
    return out;
}

//! quality.csv: every plan × year × measure as numerator/denominator. Rates sit on a z scale
//! (0 at the MPL, 1 at the HPL) from each plan's level, its measure offsets, its improvement
//! per year and the 2020–2021 dip.
std::string qualityCsv(std::uint64_t seed, const std::vector<PlanParams>& plans,
                       const std::vector<Cell>& cells, qint64& rows)
{
    // Two plans in 20 miss the MPL on CBP and one on W30-6, whatever the seed (not the small
    // plans, whose denominators are too small to report).
    const int planCount = static_cast<int>(plans.size());
    const int copies = planCount / kPlanCount;
    std::vector<std::array<double, kMeasureCount>> forced(plans.size());
    for (int k = 0; k < copies; ++k) {
        Rng pick(streamSeed(seed, kTagQuality, 999, static_cast<std::uint64_t>(k)));
        std::vector<int> candidates;
        for (int q = 0; q < kPlanCount; ++q)
            if (q != kSpecialtyPlan)
                candidates.push_back(k * kPlanCount + q);
        pick.shuffle(candidates);
        forced[static_cast<std::size_t>(candidates[0])][kCbp] = -0.9;
        forced[static_cast<std::size_t>(candidates[1])][kCbp] = -0.9;
        forced[static_cast<std::size_t>(candidates[2])][kW30] = -0.8;
    }

    std::vector<std::array<std::array<double, kCellCount>, kYears>> members(plans.size());
    for (const Cell& cell : cells)
        members[static_cast<std::size_t>(cell.plan)][static_cast<std::size_t>(cell.year)]
               [static_cast<std::size_t>(cell.rateCell)] += cell.mm / 12.0;

    std::string out = "plan_id,year,measure_id,numerator,denominator\n";
    for (int p = 0; p < planCount; ++p) {
        const PlanParams& pp = plans[static_cast<std::size_t>(p)];
        for (int y = 0; y < kYears; ++y) {
            Rng rng(
                streamSeed(seed, kTagQuality, static_cast<std::uint64_t>(p), static_cast<std::uint64_t>(y)));
            for (int m = 0; m < kMeasureCount; ++m) {
                const MeasureDef& def = kMeasures[m];
                double eligible = 0.0;
                for (int c = 0; c < kCellCount; ++c)
                    eligible += def.eligible[c] *
                                members[static_cast<std::size_t>(p)][static_cast<std::size_t>(y)]
                                       [static_cast<std::size_t>(c)];
                const long long denominator =
                    static_cast<long long>(std::floor(eligible * rng.meanOne(0.05) + 0.5));
                const int year = kFirstYear + y;
                const double covid =
                    (year == 2020 || year == 2021) ? kQualityCovid[def.covidGroup][year - 2020] : 0.0;
                const double z = pp.qualityLevel + pp.measureOffset[static_cast<std::size_t>(m)] +
                                 forced[static_cast<std::size_t>(p)][static_cast<std::size_t>(m)] +
                                 pp.qualityGain * y + covid + 0.1 * rng.normal();
                const double rate = std::clamp(def.mpl + (def.hpl - def.mpl) * z, 0.02, 0.98);
                const long long numerator = rng.binomial(denominator, rate);
                out += planId(p);
                out += ',';
                appendInt(out, year);
                out += ',';
                out += def.id;
                out += ',';
                appendInt(out, numerator);
                out += ',';
                appendInt(out, denominator);
                out += '\n';
                ++rows;
            }
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// members.csv: member-year rows drawn cell by cell, streamed.

//! The shape of one COS's member-level cost: raw = H · X^a · noise, where X is the member's
//! overall cost intensity and H an optional hurdle (the member used the service at all),
//! correlated with X.
struct CosShape {
    double exponent = 1.0;
    double hurdle = 1.0; // probability of any use among members with any cost; 1 = no hurdle
    double rho = 0.0;    // correlation of the hurdle with the intensity
    double tau = 0.5;    // log-sd of the member-level noise
};

CosShape cosShape(int s, int c)
{
    const bool ltc = isLtcCell(c);
    switch (s) {
    case kIp: {
        constexpr double admitted[kCellCount] = {0.02, 0.08, 0.06, 0.18, 0.20, 0.35, 0.30};
        return {1.1, admitted[c], 0.8, 0.5};
    }
    case kOp: return {0.9, ltc ? 0.5 : 0.55, 0.6, 0.5};
    case kProf: return {0.7, 1.0, 0.0, 0.4};
    case kEd: {
        constexpr double visited[kCellCount] = {0.25, 0.35, 0.35, 0.45, 0.35, 0.40, 0.35};
        return {0.5, visited[c], 0.6, 0.4};
    }
    case kRx: {
        constexpr double filled[kCellCount] = {0.60, 0.70, 0.70, 0.90, 0.50, 0.95, 0.60};
        return {0.8, filled[c], 0.5, 0.5};
    }
    case kLtcCos: return ltc ? CosShape{1.0, 1.0, 0.0, 0.15} : CosShape{0.0, 0.02, 0.7, 0.5};
    case kBh: return {0.6, ltc ? 0.20 : 0.12, 0.3, 0.8};
    case kEcm: return {0.0, ltc ? 0.05 : 0.02, 0.8, 0.4};
    case kCs: return {0.0, ltc ? 0.03 : 0.025, 0.7, 0.5};
    default: return {0.8, 1.0, 0.0, 0.5};
    }
}

//! Share of members with no cost at all, and the log-sd of the intensity of the others.
constexpr double kZeroShare[kCellCount] = {0.18, 0.15, 0.20, 0.05, 0.10, 0.0, 0.0};
constexpr double kSigma[kCellCount] = {1.35, 1.4, 1.5, 1.3, 1.2, 0.45, 0.40};

//! Per rate cell: the intensity's log-mean and, per COS, the hurdle threshold and E[raw] per
//! member month, so that a cell's expected member cost equals its experience PMPM.
struct MemberModel {
    double mu = 0.0, sigma = 1.0, zeroShare = 0.0;
    std::array<CosShape, kCosCount> shape{};
    std::array<double, kCosCount> threshold{};
    std::array<double, kCosCount> mean{};
    double sqrtMean = 1.0; // E[X^0.5], for risk scores
};

MemberModel memberModel(int c)
{
    MemberModel m;
    m.sigma = kSigma[c];
    m.zeroShare = kZeroShare[c];
    // E[X] = 1: (1 − p0) exp(μ + σ²/2) = 1.
    m.mu = -0.5 * m.sigma * m.sigma - detLog(1.0 - m.zeroShare);
    for (int s = 0; s < kCosCount; ++s) {
        const auto si = static_cast<std::size_t>(s);
        const CosShape shape = cosShape(s, c);
        m.shape[si] = shape;
        const double a = shape.exponent;
        const double moment = detExp(a * m.mu + 0.5 * a * a * m.sigma * m.sigma);
        if (shape.hurdle < 1.0) {
            m.threshold[si] = upperQuantile(shape.hurdle);
            // E[1{ρZ + √(1−ρ²)W > t} e^{aσZ}] = e^{a²σ²/2} Q(t − ρaσ).
            m.mean[si] = (1.0 - m.zeroShare) * moment * upperTail(m.threshold[si] - shape.rho * a * m.sigma);
        } else {
            m.threshold[si] = -1e9;
            m.mean[si] = (1.0 - m.zeroShare) * moment;
        }
    }
    m.sqrtMean = (1.0 - m.zeroShare) * detExp(0.5 * m.mu + 0.125 * m.sigma * m.sigma);
    return m;
}

//! Row counts by cell in proportion to member months (largest remainder, ties to the earlier cell).
std::vector<long long> allocateRows(const std::vector<Cell>& cells, long long n)
{
    long long totalMm = 0;
    for (const Cell& cell : cells)
        totalMm += static_cast<long long>(cell.mm);
    std::vector<long long> rows(cells.size());
    std::vector<std::pair<long long, std::size_t>> remainders;
    long long given = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const long long product = n * static_cast<long long>(cells[i].mm); // n <= 1e9, MM < 1e8
        rows[i] = product / totalMm;
        given += rows[i];
        remainders.emplace_back(product % totalMm, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (long long k = 0; k < n - given; ++k)
        ++rows[remainders[static_cast<std::size_t>(k)].second];
    return rows;
}

void writeMembers(const SampleOptions& options, const QString& path, const std::vector<Cell>& cells,
                  double progressFrom)
{
    AtomicFile file(path);
    if (!file.open())
        throw WriteError(file.error());
    std::string buf;
    buf.reserve((1 << 20) + 4096);
    auto flush = [&] {
        if (!file.write(buf.data(), static_cast<qint64>(buf.size())))
            throw WriteError(file.error());
        buf.clear();
    };

    buf = "member_id,plan_id,region,rate_cell,year,member_months,risk_score";
    for (const char* cos : kCosNames)
        buf += std::string(",cost_") + cos;
    for (const char* util : kUtilNames)
        buf += std::string(",util_") + util;
    buf += '\n';

    std::array<MemberModel, kCellCount> models;
    for (int c = 0; c < kCellCount; ++c)
        models[static_cast<std::size_t>(c)] = memberModel(c);

    const std::vector<long long> rows = allocateRows(cells, options.members);
    const double total = static_cast<double>(options.members);
    long long id = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (rows[i] == 0)
            continue;
        const Cell& cell = cells[i];
        const MemberModel& m = models[static_cast<std::size_t>(cell.rateCell)];
        std::string prefix = ",";
        prefix += planId(cell.plan);
        prefix += ',';
        appendCellPlace(prefix, cell);
        prefix += ',';
        // Scale of each COS: the cell's experience PMPM over E[raw] per member month.
        std::array<double, kCosCount> scale{};
        for (int s = 0; s < kCosCount; ++s) {
            const auto si = static_cast<std::size_t>(s);
            const double pmpm = static_cast<double>(cell.costCents[si]) / 100.0 / cell.mm;
            scale[si] = m.mean[si] > 0.0 ? pmpm / m.mean[si] : 0.0;
        }
        const double rxScale = m.mean[kRx] > 0.0 ? cell.rxPerMm / m.mean[kRx] : 0.0;
        Rng rng(streamSeed(options.seed, kTagMembers, i));

        for (long long row = 0; row < rows[i]; ++row) {
            const double u = rng.uniform();
            const int mm = u < 0.68 ? 12 : 1 + static_cast<int>((u - 0.68) / 0.32 * 11.0);
            const bool anyCost = rng.uniform() >= m.zeroShare;
            std::array<double, kCosCount> cost{};
            std::array<long long, kUtilCount> util{};
            double intensity = 0.0; // X^0.5
            if (anyCost) {
                const double z = rng.normal();
                const double logX = m.mu + m.sigma * z;
                intensity = detExp(0.5 * logX);
                std::array<double, kCosCount> raw{};
                for (int s = 0; s < kCosCount; ++s) {
                    const auto si = static_cast<std::size_t>(s);
                    const CosShape& shape = m.shape[si];
                    if (shape.hurdle < 1.0) {
                        const double w = rng.normal();
                        const double h = shape.rho * z + std::sqrt(1.0 - shape.rho * shape.rho) * w;
                        if (h <= m.threshold[si])
                            continue;
                    }
                    raw[si] = detExp(shape.exponent * logX) * rng.meanOne(shape.tau);
                    cost[si] = static_cast<double>(scaled(raw[si] * mm * scale[si], 2)) / 100.0;
                }
                // Counts from costs and the cell's unit costs; Rx counts continue after the
                // carve-out (DHCS has them from Medi-Cal Rx).
                if (raw[kIp] > 0.0) {
                    long long d = std::max(1LL, rng.stochasticRound(cost[kIp] / std::max(1.0, cell.ipUnit)));
                    const long long readm =
                        std::min(d - 1, rng.stochasticRound(static_cast<double>(d) * cell.readmit * 1.5));
                    util[kUDischarges] = d;
                    util[kUIndex] = d;
                    util[kUReadmissions] = readm;
                    util[kUBedDays] = std::max(
                        d, rng.stochasticRound(static_cast<double>(d) * cell.alos * rng.meanOne(0.5)));
                }
                if (raw[kEd] > 0.0)
                    util[kUEd] = std::max(1LL, rng.stochasticRound(cost[kEd] / std::max(1.0, cell.edUnit)));
                if (raw[kOp] > 0.0) {
                    util[kUOpTotal] =
                        std::max(1LL, rng.stochasticRound(cost[kOp] / std::max(1.0, cell.opUnit)));
                    util[kUOpPreferred] =
                        std::min(util[kUOpTotal],
                                 rng.stochasticRound(static_cast<double>(util[kUOpTotal]) * cell.preferred));
                }
                if (raw[kRx] > 0.0) {
                    util[kURxTotal] = std::max(1LL, rng.stochasticRound(raw[kRx] * mm * rxScale));
                    util[kURxGeneric] =
                        std::min(util[kURxTotal],
                                 rng.stochasticRound(static_cast<double>(util[kURxTotal]) * cell.generic));
                }
                if (rng.uniform() < cell.deliveriesPerMm * mm) {
                    util[kUDeliveries] = 1;
                    util[kUCsection] = rng.uniform() < cell.csection ? 1 : 0;
                }
            }
            const double risk = cell.risk * (0.35 + 0.65 * intensity / m.sqrtMean) * rng.meanOne(0.25);

            ++id;
            buf += 'M';
            char digits[16];
            long long v = id;
            for (int k = 9; k >= 0; --k) {
                digits[k] = static_cast<char>('0' + v % 10);
                v /= 10;
            }
            buf.append(digits, 10);
            buf += prefix;
            appendInt(buf, mm);
            buf += ',';
            appendScaled(buf, scaled(std::max(0.01, risk), 4), 4);
            for (double dollars : cost) {
                buf += ',';
                appendScaled(buf, scaled(dollars, 2), 2);
            }
            for (long long n : util) {
                buf += ',';
                appendInt(buf, n);
            }
            buf += '\n';
            if (buf.size() >= (1u << 20)) {
                flush();
                progressTo(options, progressFrom + (1.0 - progressFrom) * static_cast<double>(id) / total);
            }
        }
    }
    flush();
    if (!file.commit())
        throw WriteError(file.error());
}

} // namespace

const SampleCellTotal* SampleSummary::total(const QString& rateCell, Year year) const
{
    for (const SampleCellTotal& t : totals)
        if (t.rateCell == rateCell && t.year == year)
            return &t;
    return nullptr;
}

double SampleSummary::statewideMembers(Year year) const
{
    double members = 0.0;
    for (const SampleCellTotal& t : totals)
        if (t.year == year)
            members += t.members;
    return members;
}

SampleSummary generateSample(const SampleOptions& options)
{
    require(!options.outDir.isEmpty(), "generate-sample: no output folder given");
    require(options.members >= 0, "generate-sample: the number of member rows must not be negative");
    require(options.members <= 1000000000, "generate-sample: at most 1,000,000,000 member rows");
    require(options.scale >= 1 && options.scale <= kMaxScale,
            "generate-sample: --scale must be a whole number from 1 to 100");
    const QFileInfo dirInfo(options.outDir);
    if (dirInfo.exists() && !dirInfo.isDir())
        throw InputError(options.outDir.toStdString() + ": exists and is not a folder");
    if (!QDir().mkpath(options.outDir))
        throw InputError(options.outDir.toStdString() + ": cannot create the folder");
    const QDir dir(options.outDir);

    progressTo(options, 0.0);
    const std::vector<PlanParams> plans = makePlans(options.seed, options.scale);
    std::vector<Cell> cells = makeCells(options.seed, plans);
    const std::vector<int> jumpPlans = pickDenialJumpPlans(plans, cells);
    fillCells(options.seed, plans, cells, jumpPlans);

    SampleSummary summary;
    summary.seed = options.seed;
    summary.denialJumpPlanId = QString::fromStdString(planId(jumpPlans.front()));
    for (int p = 0; p < static_cast<int>(plans.size()); ++p) {
        SamplePlan plan;
        plan.id = QString::fromStdString(planId(p));
        plan.name = QString::fromStdString(planName(p));
        for (int r = 0; r < kRegionCount; ++r)
            for (const ServiceDef& s : kServices)
                if (s.plan == basePlan(p) && s.region == r)
                    plan.regions.push_back({QString::fromStdString(regionName(copyOf(p) * kRegionCount + r)),
                                            QString::fromUtf8(kModelNames[kRegions[r].model])});
        summary.plans.push_back(plan);
    }
    for (int c = 0; c < kCellCount; ++c) {
        for (int y = 0; y < kYears; ++y) {
            SampleCellTotal t;
            t.rateCell = QString::fromUtf8(kCellNames[c]);
            t.year = kFirstYear + y;
            long long cents = 0;
            for (const Cell& cell : cells) {
                if (cell.rateCell != c || cell.year != y)
                    continue;
                t.memberMonths += cell.mm;
                for (long long v : cell.costCents)
                    cents += v;
            }
            if (t.memberMonths <= 0.0)
                continue;
            t.members = t.memberMonths / 12.0;
            t.cost = static_cast<double>(cents) / 100.0;
            t.pmpm = t.cost / t.memberMonths;
            summary.totals.push_back(t);
        }
    }

    const double share = options.members > 0 ? 0.02 : 0.5;
    const QString experiencePath = dir.absoluteFilePath(QStringLiteral("experience.csv"));
    writeWhole(experiencePath, experienceCsv(cells));
    summary.experienceRows = static_cast<qint64>(cells.size());
    summary.files << experiencePath;
    progressTo(options, share);

    const QString qualityPath = dir.absoluteFilePath(QStringLiteral("quality.csv"));
    writeWhole(qualityPath, qualityCsv(options.seed, plans, cells, summary.qualityRows));
    summary.files << qualityPath;

    const QString partnershipsPath = dir.absoluteFilePath(QStringLiteral("partnerships.csv"));
    const PartnershipData partnerships = samplePartnerships();
    writeWhole(partnershipsPath, samplePartnershipsCsv(partnerships).toStdString());
    summary.partnershipRows = static_cast<qint64>(partnerships.records.size());
    summary.files << partnershipsPath;

    if (options.members > 0) {
        const QString membersPath = dir.absoluteFilePath(QStringLiteral("members.csv"));
        writeMembers(options, membersPath, cells, share);
        summary.memberRows = options.members;
        summary.files << membersPath;
    }
    progressTo(options, 1.0);
    return summary;
}

} // namespace sharecast::io
