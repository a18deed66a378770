//! The settlement orchestration (methodology §2–§9, §1.4), hand-worked end to end.
//!
//! Experience built in code; performance year 2024; COS inpatient, professional, pharmacy
//! (pharmacy excluded by every scenario); util ed_visits.
//!
//!   plan cell          year     MM  risk  inpatient professional pharmacy  excess  denied/total griev  ed
//!   A    R1/Adult      2022  12000  1.00  1,800,000    1,200,000  600,000        0     500/10,000    12   -
//!   A    R1/Adult      2023  12600  1.02  1,900,000    1,300,000  650,000  100,000     520/10,400    12 600
//!   A    R1/Adult      2024  13200  1.05  1,850,000    1,250,000  700,000   80,000     550/11,000    14 550
//!   A    R1/ACA Exp.   2022   6000  0.90    600,000      480,000  200,000        0                       -
//!   A    R1/ACA Exp.   2023   6000  0.92    640,000      500,000  210,000        0                     300
//!   A    R1/ACA Exp.   2024   6600  0.95    650,000      520,000  230,000        0                     280
//!   A    R2/Child      2024   2400  0.60    100,000       80,000   20,000        0   (no base year: left
//!   out) A    R2/SPD        2023   1200  2.50    900,000      300,000  150,000        0   (no 2024 record)
//!   B    R1/Adult      2023  24000  1.00  3,600,000    2,400,000 1,000,000       0   1,000/20,000    20
//!   B    R1/Adult      2024  24000  1.00  3,900,000    2,600,000 1,100,000       0   1,500/20,000    20
//!   C    R3/SPD        2024    600  2.00    300,000      100,000   50,000        0   (no base year)
//!   C    R3/Adult      2022    900  1.00     90,000       60,000   30,000        0   (no 2024 record)
//!
//! Base scenario S1: baseline [2022, 2023] weights 0.4/0.6; excluded_cos [pharmacy]; trend default
//! (u 0.01, k 0.02), by_rate_cell "ACA Expansion" default (0, 0.03); program change inpatient ×1.02
//! effective 2024 (every base year); risk adjustment on, cap_up 0.03; truncation on; MSR fixed
//! 0.01 (MLR same); quality CIS (higher 0.30/0.45) and PCR (lower 0.20/0.10), scoring max, gate
//! min_composite 30; TCC trend gate on, max 0.10; appropriateness on, flag; sharing multiply,
//! max_share 0.5, first dollar, cap 0.10; losses off; fmap 0.5, ACA Expansion 0.9.
//!
//! Hand working (python3 as a calculator, from the spec's formulas):
//!  A R1/Adult: 2022: τ 1, PMPM (1.8M·1.02 + 1.2M)/12,000 = 253, T (1.01·1.02)^2 = 1.06131204,
//!              RA 1.05/1.00 = 1.05 → cap 1.03: 276.5673045036;
//!              2023: τ = 1 − 100,000/3,200,000 = 0.96875, PMPM 0.96875·(1.9M·1.02 + 1.3M)/12,600,
//!              T 1.0302, RA 1.05/1.02 = 1.0294117647: 264.0150520833;
//!              E_pmpm = 0.4·276.5673045036 + 0.6·264.0150520833 = 269.0359530514; ·13,200 MM =
//!              E_cell 3,551,274.580279009; A_cell = 3,100,000 − 80,000 = 3,020,000.
//!  A R1/ACA:   2022: 1,092,000/6000 = 182 · 1.03^2 · RA(0.95/0.90 → 1.03) = 198.876314;
//!              2023: 1,152,800/6000 = 192.1333 · 1.03 · RA(0.95/0.92 → 1.03) = 203.8342533333;
//!              E_pmpm 201.8510776; E_cell 1,332,217.11216; A_cell 1,170,000.
//!  A: E 4,883,491.692439009; A 4,190,000; G 693,491.692439009; S 0.1420073455869;
//!     N = (13,200 + 6,600)/12 = 1650 (Child left out).
//!  B R1/Adult: 2023 only (w' 1): (3.6M·1.02 + 2.4M)/24,000 = 253 · 1.0302 · RA 1 = 260.6406;
//!     E 6,255,374.4; A 6,500,000; G −244,625.6; S −0.0391064681916; N 2000.
//!  Quality: A CIS r 117/300 = 0.39, r0 0.33: max(60, 90·0.06/0.12 = 45) = 60; PCR r 0.14, r0
//!     45/250 = 0.18: max(60, 45) = 60; Q_A = 60. B CIS 20/25 (denominator < 30: NA); PCR r 0.16,
//!     r0 0.19: max(40, 30) = 40; Q_B = 40.
//!  TCC trend: A: Y over settled cells 4,190,000/19,800 = 211.6161616; Y − 1 over all A's cells
//!     (Adult, ACA, SPD) (3,100,000 + 1,140,000 + 1,200,000)/19,800 = 274.7474747;
//!     R_Y = (1.05·13,200 + 0.95·6,600)/19,800 = 1.0166667; R_{Y−1} = (1.02·12,600 + 0.92·6,000
//!     + 2.5·1,200)/19,800 = 1.0793939; trend = 211.616/274.747/(1.0166667/1.0793939) − 1
//!     = −0.1822576049794. B: (6,500,000/24,000)/(6,000,000/24,000) − 1 = 0.0833333.
//!  Appropriateness: A denial 550/11,000 = 0.05 vs 520/10,400 = 0.05; B 0.075 vs 0.05: +0.025 > 0.02.
//! Tolerances: dollars 1e-6 (tighter than a cent), rates 1e-10.

#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/settlement.h"

#include "engine_fixtures.h"

#include <QTest>

#include <algorithm>
#include <functional>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::Scenario)
Q_DECLARE_METATYPE(sharecast::TotalsRecord)

namespace {

constexpr double kMoneyTol = 1e-6;
constexpr double kRateTol = 1e-10;

ExperienceData settlementData()
{
    fixtures::ExperienceBuilder b({"inpatient", "professional", "pharmacy"}, {"ed_visits"});
    auto claims = [](ExperienceCell& c, double denied, double total, double grievances) {
        c.claimsDenied = denied;
        c.claimsTotal = total;
        c.grievances = grievances;
    };
    claims(b.add("A", "R1", "Adult", 2022, 12000, {1800000, 1200000, 600000}, 1.00), 500, 10000, 12);
    {
        ExperienceCell& c = b.add("A", "R1", "Adult", 2023, 12600, {1900000, 1300000, 650000}, 1.02);
        c.excessOverThreshold = 100000;
        claims(c, 520, 10400, 12);
    }
    b.util({600});
    {
        ExperienceCell& c = b.add("A", "R1", "Adult", 2024, 13200, {1850000, 1250000, 700000}, 1.05);
        c.excessOverThreshold = 80000;
        claims(c, 550, 11000, 14);
    }
    b.util({550});
    b.add("A", "R1", "ACA Expansion", 2022, 6000, {600000, 480000, 200000}, 0.90);
    b.add("A", "R1", "ACA Expansion", 2023, 6000, {640000, 500000, 210000}, 0.92);
    b.util({300});
    b.add("A", "R1", "ACA Expansion", 2024, 6600, {650000, 520000, 230000}, 0.95);
    b.util({280});
    b.add("A", "R2", "Child", 2024, 2400, {100000, 80000, 20000}, 0.60);
    b.add("A", "R2", "SPD", 2023, 1200, {900000, 300000, 150000}, 2.50);
    claims(b.add("B", "R1", "Adult", 2023, 24000, {3600000, 2400000, 1000000}, 1.00), 1000, 20000, 20);
    claims(b.add("B", "R1", "Adult", 2024, 24000, {3900000, 2600000, 1100000}, 1.00), 1500, 20000, 20);
    b.add("C", "R3", "SPD", 2024, 600, {300000, 100000, 50000}, 2.00);
    b.add("C", "R3", "Adult", 2022, 900, {90000, 60000, 30000}, 1.00);
    return b.data();
}

const ExperienceData& data()
{
    static const ExperienceData d = settlementData();
    return d;
}

QualityRecord numDen(const std::string& plan, Year y, const std::string& id, long long n, long long d)
{
    QualityRecord r;
    r.planId = plan;
    r.year = y;
    r.measureId = id;
    r.numerator = n;
    r.denominator = d;
    return r;
}

QualityRecord rate(const std::string& plan, Year y, const std::string& id, double v)
{
    QualityRecord r;
    r.planId = plan;
    r.year = y;
    r.measureId = id;
    r.rate = v;
    return r;
}

const QualityData& qualityData()
{
    static const QualityData q = [] {
        QualityData d;
        d.sourceName = "quality (in code)";
        d.records = {
            numDen("A", 2024, "CIS", 117, 300),
            rate("A", 2023, "CIS", 0.33),
            rate("A", 2024, "PCR", 0.14),
            numDen("A", 2023, "PCR", 45, 250),
            numDen("B", 2024, "CIS", 20, 25),
            rate("B", 2024, "PCR", 0.16),
            rate("B", 2023, "PCR", 0.19),
            rate("A", 2024, "XYZ", 0.0),  // a measure the scenario does not name: ignored
            rate("A", 2022, "CIS", 0.99), // neither Y nor Y − 1: ignored
        };
        return d;
    }();
    return q;
}

QualityMeasure measure(const std::string& id, Direction d, double threshold, double benchmark)
{
    QualityMeasure m;
    m.id = id;
    m.direction = d;
    m.threshold = threshold;
    m.benchmark = benchmark;
    return m;
}

//! S1 of the header, then `edit`.
Scenario s1(const std::function<void(Scenario&)>& edit = {})
{
    Scenario s;
    s.name = "S1";
    s.performanceYear = 2024;
    s.baseline.years = {2022, 2023};
    s.baseline.weights = {0.4, 0.6};
    s.excludedCos = {"pharmacy"};
    s.trend.defaultTrend = {0.01, 0.02};
    s.trend.byRateCell["ACA Expansion"].defaultTrend = TrendPair{0.0, 0.03};
    ProgramChange pc;
    pc.cos = "inpatient";
    pc.effectiveYear = 2024;
    pc.factor = 1.02;
    s.programChanges = {pc};
    s.riskAdjustment.enabled = true;
    s.riskAdjustment.capUp = 0.03;
    s.truncation.enabled = true;
    s.msr.method = ThresholdMethod::Fixed;
    s.msr.rate = 0.01;
    s.quality.scoring = QualityScoring::Max;
    s.quality.minComposite = 30.0;
    s.quality.measures = {measure("CIS", Direction::Higher, 0.30, 0.45),
                          measure("PCR", Direction::Lower, 0.20, 0.10)};
    s.tccTrendGate.enabled = true;
    s.tccTrendGate.maxTrend = 0.10;
    s.appropriateness.enabled = true;
    s.sharing.qualityScaling = QualityScaling::Multiply;
    s.sharing.maxShare = 0.5;
    s.sharing.cap = 0.10;
    s.fmap.byRateCell = {{"ACA Expansion", 0.9}};
    if (edit)
        edit(s);
    return s;
}

//! S2: two-sided: losses one_minus_sharing (λ in [0.4, 0.75]), net of the MSR/MLR, a 2 % payment
//! reduction, and the appropriateness guardrail blocking (action ineligible).
Scenario s2()
{
    return s1([](Scenario& s) {
        s.name = "S2";
        s.losses.enabled = true;
        s.losses.rateMethod = LossRateMethod::OneMinusSharing;
        s.sharing.firstDollar = false;
        s.sharing.paymentReduction = 0.02;
        s.appropriateness.action = GuardrailAction::Ineligible;
    });
}

Settlement run(const Scenario& s, const QualityData* q = &qualityData(), SettlementOptions options = {})
{
    const ExperienceIndex index(data());
    return settle(index, q, s, options);
}

const PlanSettlement* planOf(const Settlement& st, const std::string& id)
{
    const auto it = std::find_if(st.plans.begin(), st.plans.end(),
                                 [&](const PlanSettlement& p) { return p.planId == id; });
    return it == st.plans.end() ? nullptr : &*it;
}

bool warned(const std::vector<std::string>& warnings, std::initializer_list<const char*> parts)
{
    return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
        return std::all_of(parts.begin(), parts.end(),
                           [&](const char* p) { return w.find(p) != std::string::npos; });
    });
}

TotalsRecord entity(const std::string& id, double expected, double actual, double members,
                    double quality = 100.0, bool gate = true, std::optional<double> elected = std::nullopt)
{
    TotalsRecord r;
    r.entityId = id;
    r.expected = expected;
    r.actual = actual;
    r.members = members;
    r.qualityScore = quality;
    r.qualityGate = gate;
    r.electedMsr = elected;
    return r;
}

//! MSSP-like: mssp_table MSR (MLR same), multiply scaling max 0.5, first dollar, cap 0.1 of E,
//! 2 % payment reduction (sequestration) before the cap.
Scenario mssp(bool gateEnabled = true)
{
    Scenario s;
    s.msr.method = ThresholdMethod::MsspTable;
    s.sharing.qualityScaling = QualityScaling::Multiply;
    s.sharing.maxShare = 0.5;
    s.sharing.cap = 0.10;
    s.sharing.paymentReduction = 0.02;
    s.quality.gateEnabled = gateEnabled;
    return s;
}

//! Elected two-sided: MSR elected (MLR same_as_msr), sharing none 0.5, losses one_minus_sharing:
//! λ = clamp(1 − 0.5, 0.4, 0.75) = 0.5.
Scenario elected(bool firstDollar = true)
{
    Scenario s;
    s.msr.method = ThresholdMethod::Elected;
    s.sharing.firstDollar = firstDollar;
    s.losses.enabled = true;
    s.losses.rateMethod = LossRateMethod::OneMinusSharing;
    return s;
}

} // namespace

class TestSettlement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plan_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<double>("E");
        QTest::addColumn<double>("A");
        QTest::addColumn<double>("G");
        QTest::addColumn<double>("S");
        QTest::addColumn<double>("N");
        QTest::addColumn<double>("MSR");
        QTest::addColumn<double>("MLR");
        QTest::addColumn<double>("Q"); // NA: Q is NA
        QTest::addColumn<bool>("qualityGate");
        QTest::addColumn<bool>("tccPassed");
        QTest::addColumn<double>("tccTrend"); // NA: not checked
        QTest::addColumn<bool>("guardrailTripped");
        QTest::addColumn<bool>("eligible");
        QTest::addColumn<double>("rho");
        QTest::addColumn<double>("P");
        QTest::addColumn<double>("net");
        QTest::addColumn<double>("federal");
        QTest::addColumn<double>("state");

        const double eA = 4883491.692439009, aA = 4190000.0, gA = 693491.6924390094, sA = 0.14200734558691389;
        const double eB = 6255374.4, aB = 6500000.0, gB = -244625.59999999963, sB = -0.03910646819157613;
        const double trendA = -0.1822576049793987, trendB = 0.08333333333333326;

        // S1 A: ρ = 0.5·60/100 = 0.3; P = min(693,491.69·0.3 = 208,047.51, 0.1·E = 488,349.17);
        // net 485,444.18; cells: G_Adult = 3,551,274.58 − 3,020,000 = 531,274.58, G_ACA 162,217.11;
        // net_Adult = 531,274.58 − 208,047.51·3,551,274.58/E = 379,982.4573; net_ACA 105,461.7274;
        // federal 0.5·379,982.4573 + 0.9·105,461.7274 = 284,906.7833; state 200,537.4014
        QTest::newRow("S1 A: savings shared")
            << s1() << "A" << eA << aA << gA << sA << 1650.0 << 0.01 << 0.01 << 60.0 << true << true << trendA
            << false << true << 0.3 << 208047.50773170282 << 485444.1847073066 << 284906.7833164566
            << 200537.40139084976;
        // S1 B: loss, losses off → P 0; guardrail trips (flag: still eligible); ρ = 0.5·40/100 = 0.2;
        // net = G; one cell, fmap 0.5: federal = state = −122,312.8
        QTest::newRow("S1 B: loss, one-sided")
            << s1() << "B" << eB << aB << gB << sB << 2000.0 << 0.01 << 0.01 << 40.0 << true << true << trendB
            << true << true << 0.2 << 0.0 << gB << -122312.79999999981 << -122312.79999999981;
        // S2 A: basis G − MSR·E = 693,491.69 − 48,834.92 = 644,656.7755; ·0.3·0.98 = 189,529.0920;
        // cap 488,349.17 not binding; net 503,962.6004; net_Adult 393,449.0470, net_ACA 110,513.5534;
        // federal 296,186.7216; state 207,775.8789
        QTest::newRow("S2 A: net of MSR, reduction")
            << s2() << "A" << eA << aA << gA << sA << 1650.0 << 0.01 << 0.01 << 60.0 << true << true << trendA
            << false << true << 0.3 << 189529.09200129806 << 503962.60043771134 << 296186.7215835831
            << 207775.87885412804;
        // S2 B: guardrail blocks (ineligible) but losses are owed: S −0.0391 <= −0.01;
        // λ = clamp(1 − 0.2, 0.4, 0.75) = 0.75; basis |G| − MLR·E = 244,625.6 − 62,553.744 = 182,071.856;
        // P = −136,553.892; net = −244,625.6 + 136,553.892 = −108,071.708; fmap 0.5 each side
        QTest::newRow("S2 B: ineligible, owes losses")
            << s2() << "B" << eB << aB << gB << sB << 2000.0 << 0.01 << 0.01 << 40.0 << true << true << trendB
            << true << false << 0.2 << -136553.8919999997 << -108071.70799999993 << -54035.85399999996
            << -54035.85399999996;
        // S3: min_measures 2 and max_trend 0.05. A unchanged from S1. B: only PCR reportable → Q NA,
        // quality gate fails, ρ 0; TCC trend 0.0833 > 0.05 fails; not eligible; P 0 (losses off).
        const Scenario s3 = s1([](Scenario& s) {
            s.quality.minMeasures = 2;
            s.tccTrendGate.maxTrend = 0.05;
        });
        QTest::newRow("S3 A: unchanged")
            << s3 << "A" << eA << aA << gA << sA << 1650.0 << 0.01 << 0.01 << 60.0 << true << true << trendA
            << false << true << 0.3 << 208047.50773170282 << 485444.1847073066 << 284906.7833164566
            << 200537.40139084976;
        QTest::newRow("S3 B: Q NA, gates fail")
            << s3 << "B" << eB << aB << gB << sB << 2000.0 << 0.01 << 0.01 << NA << false << false << trendB
            << true << false << 0.0 << 0.0 << gB << -122312.79999999981 << -122312.79999999981;
        // S4: no quality measures: Q NA, gate passes, multiply uses Q = 100 → ρ 0.5;
        // P = 0.5·693,491.69 = 346,745.8462 (cap 488,349.17 not binding); federal 200,422.8448, state
        // 146,323.0014
        const Scenario s4 = s1([](Scenario& s) { s.quality.measures.clear(); });
        QTest::newRow("S4 A: no measures")
            << s4 << "A" << eA << aA << gA << sA << 1650.0 << 0.01 << 0.01 << NA << true << true << trendA
            << false << true << 0.5 << 346745.8462195047 << 346745.8462195047 << 200422.8448050912
            << 146323.00141441327;
        // S4 without quality data at all: the same (no measures, nothing to look up)
        QTest::newRow("S4 A: no measures, no quality data")
            << s4 << "A" << eA << aA << gA << sA << 1650.0 << 0.01 << 0.01 << NA << true << true << trendA
            << false << true << 0.5 << 346745.8462195047 << 346745.8462195047 << 200422.8448050912
            << 146323.00141441327;
        // S5: savings_basis resource_use, ED visits per 1,000 member years, unit cost 1,100.
        // A over settled cells: 2023 900 visits / 1550 MY = 580.6451613; 2024 830 / 1650 MY = 503.0303030;
        // RA = R_2024/R_2023 over settled cells = 1.0166667/((1.02·12,600 + 0.92·6,000)/18,600 = 0.9877419)
        // = 1.0292837 (under the 1.03 cap); x̂ = 597.6485957;
        // G_RU = (597.6486 − 503.0303)·1650/1000·1100 = 171,732.2012; S = G_RU/E = 0.0351658633;
        // P = 0.3·G_RU = 51,519.6604; net 120,212.5408 split by E_cell/E: federal 73,223.8686,
        // state 46,988.6723. E and A unchanged.
        const Scenario s5 = s1([](Scenario& s) {
            s.savingsBasis = SavingsBasis::ResourceUse;
            ResourceUseMeasure m;
            m.id = "ed";
            m.numerator = "util_ed_visits";
            m.unitCost = 1100.0;
            s.resourceUse = {m};
        });
        QTest::newRow("S5 A: resource-use basis")
            << s5 << "A" << eA << aA << 171732.20117570227 << 0.035165863278029334 << 1650.0 << 0.01 << 0.01
            << 60.0 << true << true << trendA << false << true << 0.3 << 51519.66035271068
            << 120212.54082299159 << 73223.86856189929 << 46988.672261092295;
        // B has no ED counts (0 both years): G_RU 0, S 0 → nothing; net 0
        QTest::newRow("S5 B: resource-use basis, no change")
            << s5 << "B" << eB << aB << 0.0 << 0.0 << 2000.0 << 0.01 << 0.01 << 40.0 << true << true << trendB
            << true << true << 0.2 << 0.0 << 0.0 << 0.0 << 0.0;
    }

    void plan()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, plan);
        QFETCH(double, E);
        QFETCH(double, A);
        QFETCH(double, G);
        QFETCH(double, S);
        QFETCH(double, N);
        QFETCH(double, MSR);
        QFETCH(double, MLR);
        QFETCH(double, Q);
        QFETCH(bool, qualityGate);
        QFETCH(bool, tccPassed);
        QFETCH(double, tccTrend);
        QFETCH(bool, guardrailTripped);
        QFETCH(bool, eligible);
        QFETCH(double, rho);
        QFETCH(double, P);
        QFETCH(double, net);
        QFETCH(double, federal);
        QFETCH(double, state);
        const bool noQualityData = QByteArray(QTest::currentDataTag()).contains("no quality data");
        const Settlement st = run(scenario, noQualityData ? nullptr : &qualityData());
        QCOMPARE(st.year, 2024);
        const PlanSettlement* p = planOf(st, plan.toStdString());
        QVERIFY2(p, "plan not settled");
        FIX_COMPARE_NEAR("E", p->expected, E, kMoneyTol);
        FIX_COMPARE_NEAR("A", p->actual, A, kMoneyTol);
        FIX_COMPARE_NEAR("G", p->grossSavings, G, kMoneyTol);
        QVERIFY(p->savingsRate.has_value());
        FIX_COMPARE_NEAR("S", *p->savingsRate, S, kRateTol);
        FIX_COMPARE_NEAR("N", p->members, N, 1e-9);
        FIX_COMPARE_NEAR("MSR", p->msr.rate, MSR, kRateTol);
        FIX_COMPARE_NEAR("MLR", p->mlr.rate, MLR, kRateTol);
        QCOMPARE(p->quality.composite.has_value(), !std::isnan(Q));
        if (p->quality.composite)
            FIX_COMPARE_NEAR("Q", *p->quality.composite, Q, 1e-9);
        QCOMPARE(p->quality.gatePassed, qualityGate);
        QCOMPARE(p->tccTrend.passed, tccPassed);
        if (!std::isnan(tccTrend))
            FIX_COMPARE_NEAR("TCC trend", p->tccTrend.trend, tccTrend, kRateTol);
        QCOMPARE(p->appropriateness.tripped, guardrailTripped);
        QCOMPARE(p->eligible, eligible);
        FIX_COMPARE_NEAR("rho", p->shareRate, rho, kRateTol);
        FIX_COMPARE_NEAR("P", p->payment.payment, P, kMoneyTol);
        FIX_COMPARE_NEAR("program net", p->programNet, net, kMoneyTol);
        FIX_COMPARE_NEAR("federal", p->split.federal, federal, kMoneyTol);
        FIX_COMPARE_NEAR("state", p->split.state, state, kMoneyTol);
        FIX_COMPARE_NEAR("federal + state = program net", p->split.federal + p->split.state, net, kMoneyTol);
    }

    //! Per settled cell: E_cell and A_cell (S1).
    void cells_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<double>("expectedPmpm");
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("actual");
        QTest::newRow("A Adult") << "A"
                                 << "Adult" << 269.03595305144006 << 3551274.580279009 << 3020000.0;
        QTest::newRow("A ACA Expansion")
            << "A"
            << "ACA Expansion" << 201.85107760000002 << 1332217.1121600003 << 1170000.0;
        QTest::newRow("B Adult") << "B"
                                 << "Adult" << 260.6406 << 6255374.4 << 6500000.0;
    }

    void cells()
    {
        QFETCH(QString, plan);
        QFETCH(QString, rateCell);
        QFETCH(double, expectedPmpm);
        QFETCH(double, expected);
        QFETCH(double, actual);
        const Settlement st = run(s1());
        const PlanSettlement* p = planOf(st, plan.toStdString());
        QVERIFY(p);
        const auto it = std::find_if(p->cells.begin(), p->cells.end(), [&](const CellResult& c) {
            return *c.rateCell == rateCell.toStdString();
        });
        QVERIFY2(it != p->cells.end(), "cell not settled");
        FIX_COMPARE_NEAR("E_pmpm", it->benchmark.expectedPmpm, expectedPmpm, kMoneyTol);
        FIX_COMPARE_NEAR("E_cell", it->benchmark.expected, expected, kMoneyTol);
        FIX_COMPARE_NEAR("A_cell", it->actual, actual, kMoneyTol);
    }

    //! A cell without a baseline year is left out with a warning (from E, A and N alike); a plan
    //! with no settleable cell is left out with a warning.
    void exclusions()
    {
        const Settlement st = run(s1());
        QCOMPARE(st.plans.size(), std::size_t{2});
        QVERIFY(planOf(st, "A"));
        QVERIFY(planOf(st, "B"));
        QVERIFY2(!planOf(st, "C"), "plan C has no settleable cell and must be left out");
        QVERIFY2(warned(st.warnings, {"C"}), "no warning for plan C");
        const PlanSettlement* a = planOf(st, "A");
        QCOMPARE(a->cells.size(), std::size_t{2});
        QCOMPARE(a->excludedCells.size(), std::size_t{1});
        QVERIFY(a->excludedCells.front().find("Child") != std::string::npos);
        QVERIFY2(warned(st.warnings, {"A", "Child"}), "no warning for A's Child cell");
        // N = 19,800/12 = 1650 without Child's 2,400 MM; A has no Child cost (200,000 excluded)
        FIX_COMPARE_NEAR("N", a->members, 1650.0, 1e-9);
        FIX_COMPARE_NEAR("A", a->actual, 4190000.0, kMoneyTol);
        QCOMPARE(st.includedCos, (std::vector<int>{0, 1}));
        QCOMPARE(st.baseline.years, (std::vector<Year>{2022, 2023}));
    }

    //! The year option wins over the scenario's performance_year.
    void yearOptionWins()
    {
        Scenario s = s1();
        s.performanceYear = 2023;
        SettlementOptions o;
        o.year = 2024;
        const Settlement st = run(s, &qualityData(), o);
        QCOMPARE(st.year, 2024);
        const PlanSettlement* a = planOf(st, "A");
        QVERIFY(a);
        FIX_COMPARE_NEAR("E", a->expected, 4883491.692439009, kMoneyTol);
    }

    void errors_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("key"); // in the message; empty: any message
        // no performance year (neither option nor scenario)
        QTest::newRow("no performance year") << s1([](Scenario& s) { s.performanceYear.reset(); }) << "";
        // `elected` is for totals mode only
        QTest::newRow("elected MSR in cell mode")
            << s1([](Scenario& s) { s.msr.method = ThresholdMethod::Elected; }) << "elected";
        QTest::newRow("elected MLR in cell mode") << s1([](Scenario& s) {
            s.mlr.sameAsMsr = false;
            s.mlr.method = ThresholdMethod::Elected;
        }) << "elected";
        // a util_ column a resource-use measure names but the data lacks
        auto ru = [](const std::string& numerator, const std::string& exposure, SavingsBasis basis) {
            return s1([=](Scenario& s) {
                s.savingsBasis = basis;
                ResourceUseMeasure m;
                m.id = "m";
                m.numerator = numerator;
                m.exposure = exposure;
                m.unitCost = 100.0;
                s.resourceUse = {m};
            });
        };
        QTest::newRow("resource-use numerator missing")
            << ru("util_readmissions", "member_years", SavingsBasis::ResourceUse) << "util_readmissions";
        QTest::newRow("resource-use exposure missing")
            << ru("util_ed_visits", "util_index_admissions", SavingsBasis::ResourceUse)
            << "util_index_admissions";
        // §1.5: "A util_ column that a resource-use measure names but the data lacks is an input
        // error" — stated without regard to savings_basis.
        QTest::newRow("resource-use numerator missing, tcc basis")
            << ru("util_readmissions", "member_years", SavingsBasis::Tcc) << "util_readmissions";
    }

    void errors()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, key);
        try {
            run(scenario);
        } catch (const InputError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(key), e.what());
            return;
        }
        QFAIL("settle() accepted the input");
    }

    //! Settlement from totals (§1.4): one entity per row.
    void totals_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<TotalsRecord>("record");
        QTest::addColumn<double>("S");
        QTest::addColumn<double>("MSR");
        QTest::addColumn<double>("MLR");
        QTest::addColumn<bool>("eligible");
        QTest::addColumn<double>("rho");
        QTest::addColumn<bool>("capBinds");
        QTest::addColumn<double>("P");
        QTest::addColumn<double>("net");

        // MSSP-like. 12,000 members: MSR 0.030 − 0.003·2000/5000 = 0.0288; S = 4M/100M = 0.04 >= MSR;
        // Q 90: ρ = 0.45; P = 4,000,000·0.45·0.98 = 1,764,000 (cap 10,000,000); net 2,236,000
        QTest::newRow("MSSP: shared, reduction")
            << mssp() << entity("ACO1", 100e6, 96e6, 12000, 90.0) << 0.04 << 0.0288 << 0.0288 << true << 0.45
            << false << 1764000.0 << 2236000.0;
        // 6,000 members: MSR 0.036; S = 1M/50M = 0.02 < MSR → 0; ρ 0.5 (Q default 100) still reported
        QTest::newRow("MSSP: below the MSR") << mssp() << entity("ACO2", 50e6, 49e6, 6000) << 0.02 << 0.036
                                             << 0.036 << true << 0.5 << false << 0.0 << 1000000.0;
        // 20,000 members: MSR 0.025; S 0.1; quality_gate 0 with the gate enabled → ineligible; ρ 0.4
        QTest::newRow("MSSP: quality gate failed")
            << mssp() << entity("ACO3", 30e6, 27e6, 20000, 80.0, false) << 0.1 << 0.025 << 0.025 << false
            << 0.4 << false << 0.0 << 3000000.0;
        // gate disabled: the file's 0 does not count: 3,000,000·0.4·0.98 = 1,176,000 (cap 3,000,000)
        QTest::newRow("MSSP: file gate ignored when disabled")
            << mssp(false) << entity("ACO3", 30e6, 27e6, 20000, 80.0, false) << 0.1 << 0.025 << 0.025 << true
            << 0.4 << false << 1176000.0 << 1824000.0;
        // 60,000 members: MSR 0.02; S 0.3; ρ 0.5: 3M·0.5·0.98 = 1,470,000 > cap 0.1·10M = 1,000,000
        QTest::newRow("MSSP: cap binding") << mssp() << entity("ACO4", 10e6, 7e6, 60000) << 0.3 << 0.02
                                           << 0.02 << true << 0.5 << true << 1000000.0 << 2000000.0;
        // 400 members (< 500): MSR 0.122; a loss, one-sided → 0
        QTest::newRow("MSSP: loss, one-sided")
            << mssp() << entity("ACO5", 40e6, 41e6, 400, 95.0) << -0.025 << 0.122 << 0.122 << true << 0.475
            << false << 0.0 << -1000000.0;
        // Q 0: ρ = 0 → P 0 though eligible
        QTest::newRow("MSSP: quality 0") << mssp() << entity("ACO6", 100e6, 96e6, 12000, 0.0) << 0.04
                                         << 0.0288 << 0.0288 << true << 0.0 << false << 0.0 << 4000000.0;

        // Elected two-sided, λ 0.5. Elected 0.02: S = −1M/20M = −0.05 <= −0.02 → P = −1,000,000·0.5
        QTest::newRow("elected: shared loss")
            << elected() << entity("E1", 20e6, 21e6, 5000, 100.0, true, 0.02) << -0.05 << 0.02 << 0.02 << true
            << 0.5 << false << -500000.0 << -500000.0;
        // S = 0.015 < elected 0.02 → 0
        QTest::newRow("elected: below own MSR")
            << elected() << entity("E2", 20e6, 19.7e6, 5000, 100.0, true, 0.02) << 0.015 << 0.02 << 0.02
            << true << 0.5 << false << 0.0 << 300000.0;
        // elected 0.01: S 0.015 >= → 300,000·0.5 = 150,000
        QTest::newRow("elected: savings over own MSR")
            << elected() << entity("E3", 20e6, 19.7e6, 5000, 100.0, true, 0.01) << 0.015 << 0.01 << 0.01
            << true << 0.5 << false << 150000.0 << 150000.0;
        // S −0.015 inside the ±0.02 corridor → 0
        QTest::newRow("elected: inside the corridor")
            << elected() << entity("E4", 20e6, 20.3e6, 5000, 100.0, true, 0.02) << -0.015 << 0.02 << 0.02
            << true << 0.5 << false << 0.0 << -300000.0;
        // quality gate failed: still owes the loss
        QTest::newRow("elected: ineligible still owes")
            << elected() << entity("E5", 20e6, 21e6, 5000, 100.0, false, 0.0) << -0.05 << 0.0 << 0.0 << false
            << 0.5 << false << -500000.0 << -500000.0;
        // net of the threshold: loss (1,000,000 − 0.02·20M)·0.5 = −300,000; savings (300,000 − 200,000)·0.5
        QTest::newRow("elected: net of MLR")
            << elected(false) << entity("E1", 20e6, 21e6, 5000, 100.0, true, 0.02) << -0.05 << 0.02 << 0.02
            << true << 0.5 << false << -300000.0 << -700000.0;
        QTest::newRow("elected: net of MSR")
            << elected(false) << entity("E3", 20e6, 19.7e6, 5000, 100.0, true, 0.01) << 0.015 << 0.01 << 0.01
            << true << 0.5 << false << 50000.0 << 250000.0;
    }

    void totals()
    {
        QFETCH(Scenario, scenario);
        QFETCH(TotalsRecord, record);
        QFETCH(double, S);
        QFETCH(double, MSR);
        QFETCH(double, MLR);
        QFETCH(bool, eligible);
        QFETCH(double, rho);
        QFETCH(bool, capBinds);
        QFETCH(double, P);
        QFETCH(double, net);
        TotalsData t;
        t.sourceName = "totals.csv";
        t.records = {record};
        const TotalsSettlement st = settleTotals(t, scenario);
        QCOMPARE(st.entities.size(), std::size_t{1});
        const EntitySettlement& e = st.entities.front();
        QCOMPARE(e.entityId, record.entityId);
        FIX_COMPARE_NEAR("G", e.grossSavings, record.expected - record.actual, kMoneyTol);
        QVERIFY(e.savingsRate.has_value());
        FIX_COMPARE_NEAR("S", *e.savingsRate, S, kRateTol);
        FIX_COMPARE_NEAR("MSR", e.msr.rate, MSR, kRateTol);
        FIX_COMPARE_NEAR("MLR", e.mlr.rate, MLR, kRateTol);
        QCOMPARE(e.eligible, eligible);
        FIX_COMPARE_NEAR("rho", e.shareRate, rho, kRateTol);
        QCOMPARE(e.payment.capBinds, capBinds);
        FIX_COMPARE_NEAR("P", e.payment.payment, P, kMoneyTol);
        FIX_COMPARE_NEAR("program net", e.programNet, net, kMoneyTol);
    }

    //! Entities come back in file order, each settled on its own.
    void totalsFileOrder()
    {
        TotalsData t;
        t.records = {entity("ACO4", 10e6, 7e6, 60000), entity("ACO1", 100e6, 96e6, 12000, 90.0)};
        const TotalsSettlement st = settleTotals(t, mssp());
        QCOMPARE(st.entities.size(), std::size_t{2});
        QCOMPARE(st.entities[0].entityId, std::string("ACO4"));
        QCOMPARE(st.entities[1].entityId, std::string("ACO1"));
        FIX_COMPARE_NEAR("P ACO4", st.entities[0].payment.payment, 1000000.0, kMoneyTol);
        FIX_COMPARE_NEAR("P ACO1", st.entities[1].payment.payment, 1764000.0, kMoneyTol);
    }

    //! `elected` without the entity's elected_msr, and the resource-use basis, are input errors.
    void totalsErrors()
    {
        TotalsData t;
        t.sourceName = "totals.csv";
        TotalsRecord r = entity("E6", 20e6, 21e6, 5000);
        r.sourceLine = 7;
        t.records = {r};
        try {
            settleTotals(t, elected());
            QFAIL("elected without elected_msr was accepted");
        } catch (const InputError& e) {
            const QString m = QString::fromStdString(e.what());
            QVERIFY2(m.contains("elected_msr"), e.what());
            QVERIFY2(m.contains("totals.csv:7"), e.what());
        }
        Scenario ru;
        ru.savingsBasis = SavingsBasis::ResourceUse;
        t.records = {entity("ACO1", 100e6, 96e6, 12000)};
        QVERIFY_THROWS_EXCEPTION(InputError, settleTotals(t, ru));
    }
};

QTEST_GUILESS_MAIN(TestSettlement)
#include "tst_settlement.moc"
