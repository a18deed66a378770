//! The scenario's archive form (core/io/scenario/scenario_archive.h): every scenario the live type can
//! hold reads back from its text archive unchanged, bit for bit (no tolerance: nothing is
//! computed); numbers that are not finite and oversized collections are refused on writing; and
//! the payload reader turns every damaged, hostile or newer payload into an InputError, never a
//! crash or a large allocation. The file header around the payload is tested in
//! tests/io/tst_scenario_file.cpp.

#include "engine/error.h"
#include "engine/scenario.h"
#include "io/scenario/scenario_archive.h"

#include <QTest>

#include <bit>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>
#include <locale>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#ifdef __linux__
#include <sys/resource.h>
#endif

using namespace sharecast;

namespace {

//! Scenarios with anything the live type can hold (not necessarily valid: the archive does not
//! validate): optionals absent and present, empty and full collections, awkward doubles, text
//! with spaces, newlines, NUL bytes, non-ASCII and bytes that are not UTF-8. Seeded: repeatable.
class AnyScenario {
public:
    explicit AnyScenario(std::uint64_t seed) : rng_(seed) {}

    Scenario next()
    {
        Scenario s;
        s.name = text();
        s.description = text();
        s.performanceYear = maybe(integer());
        s.baseline.years = list([&] { return integer(); });
        s.baseline.weights = list([&] { return number(); });
        s.includedCos = maybe(list([&] { return text(); }));
        s.excludedCos = list([&] { return text(); });
        s.trend.defaultTrend = trend();
        s.trend.byCos = map([&] { return trend(); });
        s.trend.byRateCell = map([&] { return RateCellTrend{maybe(trend()), map([&] { return trend(); })}; });
        s.programChanges = list([&] {
            return ProgramChange{maybe(text()), maybe(list([&] { return text(); })), integer(), number()};
        });
        s.riskAdjustment = RiskAdjustment{flag(), maybe(number()), maybe(number())};
        s.truncation = Truncation{flag(), number()};
        s.msr = MsrSpec{pick(kMethods), number(), number(), number()};
        s.mlr = MlrSpec{flag(), pick(kMethods), number()};
        s.quality.scoring =
            pick(std::vector<QualityScoring>{QualityScoring::Attainment, QualityScoring::Improvement,
                                             QualityScoring::Max, QualityScoring::Blend});
        s.quality.blendWeight = number();
        s.quality.improvementMax = number();
        s.quality.minDenominator = integer();
        s.quality.minMeasures = integer();
        s.quality.gateEnabled = flag();
        s.quality.minComposite = number();
        s.quality.measures = list([&] {
            return QualityMeasure{text(), text(), number(), direction(), number(), number(), maybe(number())};
        });
        s.tccTrendGate = TccTrendGate{flag(), number()};
        s.appropriateness = Appropriateness{flag(), number(), number(),
                                            flag() ? GuardrailAction::Flag : GuardrailAction::Ineligible};
        s.savingsBasis = flag() ? SavingsBasis::Tcc : SavingsBasis::ResourceUse;
        s.resourceUse =
            list([&] { return ResourceUseMeasure{text(), text(), text(), number(), number(), direction()}; });
        s.sharing.maxShare = number();
        s.sharing.minShare = number();
        s.sharing.qualityScaling = pick(std::vector<QualityScaling>{
            QualityScaling::None, QualityScaling::Multiply, QualityScaling::Tiers, QualityScaling::Linear});
        s.sharing.qualityLow = number();
        s.sharing.qualityHigh = number();
        s.sharing.tiers = list([&] { return SharingTier{number(), number()}; });
        s.sharing.firstDollar = flag();
        s.sharing.cap = maybe(number());
        s.sharing.paymentReduction = number();
        s.losses = LossSpec{flag(),   flag() ? LossRateMethod::Fixed : LossRateMethod::OneMinusSharing,
                            number(), number(),
                            number(), maybe(number())};
        s.fmap.defaultRate = number();
        s.fmap.byRateCell = map([&] { return number(); });
        ProjectionSpec& p = s.projection;
        p.startYear = maybe(integer());
        p.horizon = integer();
        p.enrollmentGrowth = number();
        p.utilizationChange.defaultRate = number();
        p.utilizationChange.byCos = map([&] { return number(); });
        p.investmentPmpm = number();
        p.qualityPath = maybe(list([&] { return number(); }));
        p.rateLag = integer();
        p.adminLoad = number();
        p.underwritingGain = number();
        p.careCoordinationToMedical = flag();
        s.corridors = list([&] {
            return Corridor{text(), text(), number(), list([&] {
                                return CorridorBand{number(), maybe(number()), number()};
                            })};
        });
        if (flag())
            s.blend = BlendSpec{list([&] { return text(); }), map([&] { return number(); }),
                                map([&] { return number(); }), number()};
        s.mlrRemittance = MlrRemittance{flag(), number()};
        s.paymentModel = flag() ? PaymentModel::Capitation : PaymentModel::Ffs;
        s.sharing.rateOnFailedGate = flag() ? FailedGateRate::Zero : FailedGateRate::Scaled;
        s.newBenefits = list([&] {
            NewBenefit b{text(), integer(), map([&] { return number(); }), {}, number()};
            for (int k = below(4); k > 0; --k)
                b.takeUp[integer()] = number();
            return b;
        });
        s.federalLimits = FederalLimits{flag(), number(), list([&] { return text(); }), number(), number()};
        if (flag())
            s.regionalRates = RegionalRatesSpec{map([&] { return list([&] { return text(); }); }), number(),
                                                map([&] { return number(); }), flag()};
        return s;
    }

private:
    std::mt19937_64 rng_;

    inline static const std::vector<ThresholdMethod> kMethods = {
        ThresholdMethod::None, ThresholdMethod::Fixed, ThresholdMethod::Elected, ThresholdMethod::Confidence,
        ThresholdMethod::MsspTable};

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    bool flag() { return below(2) == 0; }
    template <class T> std::optional<T> maybe(T value)
    {
        return flag() ? std::optional<T>(std::move(value)) : std::nullopt;
    }
    template <class T> T pick(const std::vector<T>& from)
    {
        return from[std::size_t(below(int(from.size())))];
    }
    Direction direction() { return flag() ? Direction::Higher : Direction::Lower; }
    TrendPair trend() { return TrendPair{number(), number()}; }

    int integer()
    {
        switch (below(4)) {
        case 0: return pick(std::vector<int>{0, -1, 1, 2024, INT_MIN, INT_MAX});
        case 1: return std::uniform_int_distribution<int>(INT_MIN, INT_MAX)(rng_);
        default: return std::uniform_int_distribution<int>(1990, 2040)(rng_);
        }
    }

    //! Awkward doubles: round decimals that binary cannot hold, extremes, subnormals, negative
    //! zero, negative trends, and any finite bit pattern.
    double number()
    {
        switch (below(4)) {
        case 0:
            return pick(std::vector<double>{0.0,       -0.0,      0.1,      0.2,       0.3,
                                            1.0 / 3.0, 2.0 / 3.0, -0.02,    -0.999999, 1e-300,
                                            -1e-300,   5e-324,    DBL_MIN,  DBL_MAX,   -DBL_MAX,
                                            1.6449,    0.1 + 0.2, 250000.0, 1e22,      123456789.123456789});
        case 1: {
            double v = 0.0;
            do
                v = std::bit_cast<double>(rng_());
            while (!std::isfinite(v));
            return v;
        }
        case 2: return std::uniform_real_distribution<double>(-0.99, 0.99)(rng_);
        default: return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
        }
    }

    //! Text the archive must carry byte for byte: what looks like archive syntax included.
    std::string text()
    {
        static const std::vector<std::string> parts = {"",
                                                       "inpatient",
                                                       "ACA Expansion",
                                                       " leading",
                                                       "trailing ",
                                                       "new\nline",
                                                       std::string("nul\0byte", 8),
                                                       "façade",
                                                       "émergence",
                                                       "日本",
                                                       "😀",
                                                       "\xff\xfe not UTF-8",
                                                       "22 serialization::archive 18",
                                                       "3 abc",
                                                       "\t",
                                                       "-1"};
        std::string out;
        for (int k = below(4); k > 0; --k)
            out += pick(parts);
        return out;
    }

    template <class F> std::vector<std::invoke_result_t<F&>> list(F make)
    {
        std::vector<std::invoke_result_t<F&>> out;
        for (int n = below(4); n > 0; --n)
            out.push_back(make());
        return out;
    }

    template <class F> std::map<std::string, std::invoke_result_t<F&>> map(F make)
    {
        std::map<std::string, std::invoke_result_t<F&>> out;
        for (int n = below(4); n > 0; --n)
            out.emplace(text(), make());
        return out;
    }
};

//! A scenario whose archive text holds recognisable marks for the damage tests below.
Scenario marked()
{
    Scenario s;
    s.name = "marked";
    s.excludedCos = {"marker-excluded"};
    s.fmap.byRateCell = {{"marker-a", 0.25}, {"marker-b", 0.75}};
    s.msr.method = ThresholdMethod::MsspTable;
    s.quality.measures = {
        QualityMeasure{"m1", "Measure one", 1.0, Direction::Higher, 0.3, 0.45, std::nullopt}};
    return s;
}

//! text with the first occurrence of from replaced by to; fails the test when from is absent.
std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const std::size_t at = text.find(from);
    if (at == std::string::npos)
        qFatal("test setup: '%s' not found in the archive", from.c_str());
    return text.replace(at, from.size(), to);
}

//! The peak resident memory of this process so far, in KiB (0 where unknown).
long peakKib()
{
#ifdef __linux__
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
#else
    return 0;
#endif
}

} // namespace

class TestScenarioArchive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultScenarioRoundTrips()
    {
        const Scenario s;
        const std::string text = writeScenarioArchive(s);
        QVERIFY2(text.rfind("22 serialization::archive ", 0) == 0, text.c_str()); // a Boost text archive
        QVERIFY(readScenarioArchivePayload(text) == s);
    }

    void generatedScenariosRoundTrip()
    {
        AnyScenario gen(20240611);
        for (int i = 0; i < 2000; ++i) {
            const Scenario s = gen.next();
            const std::string text = writeScenarioArchive(s);
            const Scenario back = readScenarioArchivePayload(text);
            // operator== cannot tell -0.0 from 0.0; the archive text of the result can.
            const std::string again = writeScenarioArchive(back);
            QVERIFY2(back == s && again == text,
                     qPrintable(QStringLiteral("scenario %1:\n%2\nread back and written again:\n%3")
                                    .arg(i)
                                    .arg(QString::fromStdString(text), QString::fromStdString(again))));
            QVERIFY(fromArchive(toArchive(s)) == s);
        }
    }

    void doublesRoundTripBitForBit_data()
    {
        QTest::addColumn<double>("value");
        QTest::newRow("0.1") << 0.1;
        QTest::newRow("1/3") << 1.0 / 3.0;
        QTest::newRow("0.1 + 0.2") << 0.1 + 0.2;
        QTest::newRow("1e-300") << 1e-300;
        QTest::newRow("smallest subnormal") << std::numeric_limits<double>::denorm_min();
        QTest::newRow("largest subnormal") << std::nextafter(DBL_MIN, 0.0);
        QTest::newRow("smallest normal") << DBL_MIN;
        QTest::newRow("largest") << DBL_MAX;
        QTest::newRow("negative zero") << -0.0;
        QTest::newRow("negative trend") << -0.035;
        QTest::newRow("just above -1") << std::nextafter(-1.0, 0.0);
        QTest::newRow("1 + ulp") << std::nextafter(1.0, 2.0);
        QTest::newRow("2^53 + 2") << 9007199254740994.0;
    }
    void doublesRoundTripBitForBit()
    {
        QFETCH(double, value);
        Scenario s;
        s.trend.defaultTrend.utilization = value;
        s.trend.byRateCell["SPD"].defaultTrend = TrendPair{value, -value};
        s.fmap.byRateCell["ACA Expansion"] = value;
        s.projection.qualityPath = std::vector<double>{value};
        s.corridors = {Corridor{"c", "ecm", value, {CorridorBand{value, value, value}}}};
        s.blend = BlendSpec{{}, {{"SPD", value}}, {}, value};
        const Scenario back = readScenarioArchivePayload(writeScenarioArchive(s));
        const auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v); };
        QCOMPARE(bits(back.trend.defaultTrend.utilization), bits(value));
        QCOMPARE(bits(back.trend.byRateCell.at("SPD").defaultTrend->unitCost), bits(-value));
        QCOMPARE(bits(back.fmap.byRateCell.at("ACA Expansion")), bits(value));
        QCOMPARE(bits(back.projection.qualityPath->at(0)), bits(value));
        QCOMPARE(bits(*back.corridors.at(0).bands.at(0).to), bits(value));
        QCOMPARE(bits(back.blend->rates.at("SPD")), bits(value));
        QCOMPARE(bits(back.blend->tolerance), bits(value));
    }

    void textDoesNotDependOnTheGlobalLocale()
    {
        // A machine whose C++ locale groups thousands and writes decimal commas writes and reads
        // the same text as any other (the archive is portable across machines).
        struct Continental : std::numpunct<char> {
            char do_decimal_point() const override { return ','; }
            char do_thousands_sep() const override { return '.'; }
            std::string do_grouping() const override { return "\3"; }
        };
        Scenario s = AnyScenario(11).next();
        s.truncation.threshold = 1234567.25;
        s.quality.minDenominator = 1234567;
        const std::string classic = writeScenarioArchive(s);
        const std::locale previous =
            std::locale::global(std::locale(std::locale::classic(), new Continental));
        std::string continental;
        Scenario back;
        try {
            continental = writeScenarioArchive(s);
            back = readScenarioArchivePayload(classic);
        } catch (...) {
            std::locale::global(previous);
            throw;
        }
        std::locale::global(previous);
        QCOMPARE(continental, classic);
        QVERIFY(back == s);
    }

    void optionalsAbsentAndEmptyCollectionsStayDistinct()
    {
        // null ("not restricted") and [] ("nothing") mean different things (§1.5).
        Scenario absent;
        absent.includedCos.reset();
        absent.programChanges = {ProgramChange{std::nullopt, std::nullopt, 2023, 1.0}};
        Scenario empty = absent;
        empty.includedCos = std::vector<std::string>{};
        empty.programChanges[0].rateCells = std::vector<std::string>{};
        empty.programChanges[0].cos = std::string();
        const Scenario a = readScenarioArchivePayload(writeScenarioArchive(absent));
        const Scenario e = readScenarioArchivePayload(writeScenarioArchive(empty));
        QVERIFY(!a.includedCos.has_value());
        QVERIFY(!a.programChanges[0].rateCells.has_value());
        QVERIFY(!a.programChanges[0].cos.has_value());
        QVERIFY(e.includedCos.has_value() && e.includedCos->empty());
        QVERIFY(e.programChanges[0].rateCells.has_value() && e.programChanges[0].rateCells->empty());
        QCOMPARE(e.programChanges[0].cos, std::optional<std::string>(std::string()));
    }

    void nonFiniteNumbersAreRefused_data()
    {
        QTest::addColumn<int>("where");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("key");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("msr.rate NaN") << 0 << nan << "msr.rate";
        QTest::newRow("band.to +inf") << 1 << inf << "corridors[0].bands[0].to";
        QTest::newRow("fmap cell -inf") << 2 << -inf << "fmap.by_rate_cell.SPD";
        QTest::newRow("quality path NaN") << 3 << nan << "projection.quality_path[1]";
        QTest::newRow("rate-cell trend +inf") << 4 << inf << "trend.by_rate_cell.SPD.by_cos.ltc.unit_cost";
    }
    void nonFiniteNumbersAreRefused()
    {
        QFETCH(int, where);
        QFETCH(double, value);
        QFETCH(QString, key);
        Scenario s;
        switch (where) {
        case 0: s.msr.rate = value; break;
        case 1: s.corridors = {Corridor{"c", "ecm", 1.0, {CorridorBand{0.0, value, 0.5}}}}; break;
        case 2: s.fmap.byRateCell["SPD"] = value; break;
        case 3: s.projection.qualityPath = std::vector<double>{50.0, value}; break;
        case 4: s.trend.byRateCell["SPD"].byCos["ltc"] = TrendPair{0.0, value}; break;
        }
        try {
            writeScenarioArchive(s);
            QFAIL("a number that is not finite was written");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.where().column), key);
            QVERIFY2(e.reason().find("not finite") != std::string::npos, e.what());
        }
    }

    void oversizedCollectionsAreRefusedOnWriting()
    {
        Scenario s;
        s.excludedCos.assign(kMaxArchiveItems + 1, "x");
        try {
            writeScenarioArchive(s);
            QFAIL("an oversized collection was written");
        } catch (const InputError& e) {
            QCOMPARE(e.where().column, std::string("excluded_cos"));
        }
        s.excludedCos.resize(kMaxArchiveItems); // the limit itself is allowed
        QCOMPARE(readScenarioArchivePayload(writeScenarioArchive(s)).excludedCos.size(), kMaxArchiveItems);
    }

    void damagedPayloadsAreInputErrors_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("column"); // the key the error names ("" for none)
        QTest::addColumn<QString>("reason"); // a part of the reason
        const std::string good = writeScenarioArchive(marked());
        const auto row = [](const char* name, const std::string& payload, const char* column,
                            const char* reason) {
            QTest::newRow(name) << QByteArray::fromStdString(payload) << column << reason;
        };
        row("empty", "", "", "ends early");
        row("white space only", " \n\n", "", "ends early");
        row("not an archive", "hello, world", "", "ends early");
        row("another archive signature", replaced(good, "serialization::archive", "serialization::archivf"),
            "", "not a Boost serialization text archive");
        row("newer Boost library", replaced(good, "serialization::archive 18", "serialization::archive 99"),
            "", "newer Boost serialization library");
        const std::string current =
            "serialization::archive 18 0 " + std::to_string(kScenarioArchiveVersion) + " ";
        const std::string newer = std::to_string(kScenarioArchiveVersion + 1);
        row("newer ScenarioArchive version",
            replaced(good, current.c_str(), ("serialization::archive 18 0 " + newer + " ").c_str()), "",
            ("ScenarioArchive version " + newer + ", written by a newer version of Sharecast").c_str());
        row("ScenarioArchive version 0", replaced(good, current.c_str(), "serialization::archive 18 0 0 "),
            "", "never existed");
        row("truncated", good.substr(0, good.size() / 2), "", "ends early");
        row("closing line break missing", good.substr(0, good.size() - 1), "",
            "closing line break is missing");
        // The archive ends with the regional rates' presence flag and the by_year count, so a cut
        // inside its last double leaves them unread.
        row("cut inside the last double", good.substr(0, good.rfind('e')), "", "ends early");
        row("cut after the last count", good.substr(0, good.size() - 2), "", "ends early");
        row("data after the end", good + "7", "", "unexpected data after the end");
        row("a second line break", good + "\n", "", "unexpected data after the end");
        row("letters where a number belongs",
            replaced(good, " 1 15 marker-excluded", " x 15 marker-excluded"), "",
            "ends early or holds text where a number is expected");
        row("negative count", replaced(good, " 1 15 marker-excluded", " -1 15 marker-excluded"),
            "excluded_cos", "more than 100000 items");
        row("huge vector count",
            replaced(good, " 1 15 marker-excluded", " 18446744073709551615 15 marker-excluded"),
            "excluded_cos", "more than 100000 items");
        row("vector count 2^32", replaced(good, " 1 15 marker-excluded", " 4294967296 15 marker-excluded"),
            "excluded_cos", "more than 100000 items");
        row("vector count above the limit",
            replaced(good, " 1 15 marker-excluded", " 100001 15 marker-excluded"), "excluded_cos",
            "more than 100000 items");
        row("vector count within the limit, items missing",
            replaced(good, " 1 15 marker-excluded", " 99999 15 marker-excluded"), "", "ends early");
        row("huge map count", replaced(good, " 2 8 marker-a", " 9223372036854775807 8 marker-a"),
            "fmap.by_rate_cell", "more than 100000 items");
        row("repeated map key", replaced(good, "8 marker-b", "8 marker-a"), "fmap.by_rate_cell",
            "a key given twice");
        row("huge text length", replaced(good, "15 marker-excluded", "999999999999 marker-excluded"), "",
            "declares 999999999999 bytes");
        row("text length past the end", replaced(good, "15 marker-excluded", "100000 marker-excluded"), "",
            "declares 100000 bytes");
        row("huge signature length", replaced(good, "22 serialization", "99999999999999999999 serialization"),
            "", "ends early");
        row("unknown method", replaced(good, "10 mssp_table", "10 mssq_table"), "msr.method", "unknown name");
        row("unknown direction", replaced(good, "6 higher", "6 hither"), "quality.measures[0].direction",
            "unknown name");
    }
    void damagedPayloadsAreInputErrors()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, column);
        QFETCH(QString, reason);
        try {
            readScenarioArchivePayload(payload.toStdString());
            QFAIL("a damaged payload was read");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromStdString(e.reason()).contains(reason), e.what());
            QCOMPARE(QString::fromStdString(e.where().column), column);
        }
    }

    void hugeDeclaredSizesDoNotAllocate()
    {
        const std::string good = writeScenarioArchive(marked());
        const std::vector<std::string> hostile = {
            replaced(good, " 1 15 marker-excluded", " 18446744073709551615 15 marker-excluded"),
            replaced(good, " 1 15 marker-excluded", " 100000 15 marker-excluded"),
            replaced(good, " 2 8 marker-a", " 4294967295 8 marker-a"),
            replaced(good, "15 marker-excluded", "1099511627776 marker-excluded"),
            replaced(good, "22 serialization", "1099511627776 serialization"),
        };
        const long before = peakKib();
        for (const std::string& payload : hostile)
            QVERIFY_THROWS_EXCEPTION(InputError, readScenarioArchivePayload(payload));
        // Without the guards, each of these would reserve or zero gigabytes to terabytes.
        QVERIFY2(peakKib() - before < 64 * 1024,
                 qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(peakKib() - before)));
    }

    void everyTruncationIsAnInputError()
    {
        const std::string good = writeScenarioArchive(AnyScenario(7).next());
        for (std::size_t n = 0; n < good.size(); ++n) {
            try {
                readScenarioArchivePayload(good.substr(0, n));
                QFAIL(qPrintable(
                    QStringLiteral("a payload cut to %1 of %2 bytes was read").arg(n).arg(good.size())));
            } catch (const InputError&) {
            }
        }
    }

    void everyBitFlipIsAnInputErrorOrAScenario()
    {
        // The digest normally stops these; here the reader itself must not trust the bytes. A flip
        // that still reads (a digit of a number, a letter of a name) must give a scenario that
        // writes and reads back like any other.
        const std::string good = writeScenarioArchive(marked());
        int read = 0;
        for (std::size_t i = 0; i < good.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                std::string flipped = good;
                flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
                try {
                    const Scenario s = readScenarioArchivePayload(flipped);
                    ++read;
                    std::string again;
                    try {
                        again = writeScenarioArchive(s);
                    } catch (const InputError&) {
                        continue; // e.g. an oversized collection cannot arise; nothing else to check
                    }
                    QVERIFY(readScenarioArchivePayload(again) == s);
                } catch (const InputError&) {
                }
            }
        }
        QVERIFY(read > 0); // some flips (digits of numbers) do give another scenario
    }
};

QTEST_GUILESS_MAIN(TestScenarioArchive)
#include "tst_scenario_archive.moc"
