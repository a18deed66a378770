//! Member-level experience, members.csv (methodology §1.3), aggregated to §1.1 cells: the cell
//! sums, the member-month-weighted risk score, and the per-member truncation excess
//! max(0, Σ included cost − threshold) with the per-cell statistics (members, Σ cost, Σ cost²,
//! Σ excess). Every expected value is worked out by hand in the comments from the input below.
//! Tolerance: none. Every sum is exact (§1.3's exact-sum rule) and rounded once to the nearest
//! double, and each ratio (risk score) is one correctly rounded division of two such doubles,
//! equal to the double nearest the hand-computed fraction here; doubles are compared with ==.
//! The import is parallel: the same file read with any number of threads and any block size must
//! give the same doubles bit for bit, and the same first error.

#include "io/csv/members_csv.h"
#include "io_test_support.h"
#include "sample/sample_generator.h"

#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cstdio>

using sharecast::ExperienceCell;
using sharecast::InputError;
using namespace sharecast::io;
using namespace sharecast::testing;

namespace {

// Compares two doubles exactly, printing both with 17 significant digits on failure.
#define COMPARE_EXACT(actual, expected)                                                                      \
    do {                                                                                                     \
        const double a_ = (actual);                                                                          \
        const double e_ = (expected);                                                                        \
        QVERIFY2(a_ == e_, qPrintable(QStringLiteral("%1: got %2, expected %3")                              \
                                          .arg(QStringLiteral(#actual))                                      \
                                          .arg(a_, 0, 'g', 17)                                               \
                                          .arg(e_, 0, 'g', 17)));                                            \
    } while (false)

// Seven members in three cells, interleaved so that consecutive rows change cell.
//
//   line member cell  mm  risk   inpatient pharmacy  ltc   ed   member cost (all COS)
//    2   M1     A     12  1.25      1000      500      0    2        1 500
//    3   M4     B     12  0.5        200      100      0    0          300
//    4   M2     A      6  0.75         0      300    100    1          400
//    5   M1     C     12  2       240000     5000  10000    3      255 000   (same id, other plan: allowed)
//    6   M5     B      3  1      (blank)        0      0 (blank)       0
//    7   M3     A     12 (blank) 300000    20000      0    5      320 000   (risk 1.0)
//    8   M6     C      9  1.5         50       25      0    1           75
//
// A = (P1, North, Adult, 2023), B = (P1, North, Child, 2023), C = (P2, South, Adult, 2024).
const QByteArray kMembers =
    "member_id,plan_id,region,rate_cell,year,member_months,risk_score,cost_inpatient,cost_pharmacy,cost_ltc,"
    "util_ed_visits\n"
    "M1,P1,North,Adult,2023,12,1.25,1000,500,0,2\n"
    "M4,P1,North,Child,2023,12,0.5,200,100,0,0\n"
    "M2,P1,North,Adult,2023,6,0.75,0,300,100,1\n"
    "M1,P2,South,Adult,2024,12,2,240000,5000,10000,3\n"
    "M5,P1,North,Child,2023,3,1,,0,0,\n"
    "M3,P1,North,Adult,2023,12,,300000,20000,0,5\n"
    "M6,P2,South,Adult,2024,9,1.5,50,25,0,1\n";

MemberImport read(const QByteArray& bytes, const MemberAggregationOptions& options = {},
                  const ImportControl& control = {})
{
    return readBuffer(bytes, [&](QIODevice& in) {
        return readMembersCsv(in, QStringLiteral("members.csv"), options, control);
    });
}

QStringList names(const std::vector<std::string>& list)
{
    QStringList out;
    for (const std::string& s : list)
        out << QString::fromStdString(s);
    return out;
}

std::vector<std::string> strings(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

class TestMembersCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    //! The cells built from kMembers with the default options (threshold 250,000, every COS).
    void cells()
    {
        const MemberImport m = read(kMembers);
        QCOMPARE(m.rows, 7L);
        QCOMPARE(m.blankRiskScores, 1L); // M3
        QCOMPARE(m.blankAmounts, 2L);    // M5's cost_inpatient and util_ed_visits
        QCOMPARE(names(m.cells.cosNames), (QStringList{"inpatient", "pharmacy", "ltc"}));
        QCOMPARE(names(m.cells.utilNames), QStringList{"ed_visits"});
        QCOMPARE(QString::fromStdString(m.cells.sourceName), QStringLiteral("members.csv"));
        QVERIFY(m.cells.planNames.empty());
        QCOMPARE(m.cells.cells.size(), std::size_t(3));

        // Cells ordered by plan, region, rate cell and year, each at the line of its first member.
        const ExperienceCell& a = m.cells.cells[0];
        QCOMPARE(QString::fromStdString(a.planId + "|" + a.region + "|" + a.rateCell),
                 QStringLiteral("P1|North|Adult"));
        QCOMPARE(a.year, 2023);
        QCOMPARE(a.sourceLine, 2L);
        COMPARE_EXACT(a.memberMonths, 30.0);     // 12 + 6 + 12
        COMPARE_EXACT(a.riskScore, 31.5 / 30.0); // (1.25·12 + 0.75·6 + 1.0·12) / 30 = 1.05
        COMPARE_EXACT(a.riskScore, 1.05);
        COMPARE_EXACT(a.cost.at(0), 301000.0);         // 1000 + 0 + 300000
        COMPARE_EXACT(a.cost.at(1), 20800.0);          // 500 + 300 + 20000
        COMPARE_EXACT(a.cost.at(2), 100.0);            // 0 + 100 + 0
        COMPARE_EXACT(a.util.at(0), 8.0);              // 2 + 1 + 5
        COMPARE_EXACT(a.excessOverThreshold, 70000.0); // M3: 320000 − 250000

        const ExperienceCell& b = m.cells.cells[1];
        QCOMPARE(QString::fromStdString(b.planId + "|" + b.region + "|" + b.rateCell),
                 QStringLiteral("P1|North|Child"));
        QCOMPARE(b.year, 2023);
        QCOMPARE(b.sourceLine, 3L);
        COMPARE_EXACT(b.memberMonths, 15.0); // 12 + 3
        COMPARE_EXACT(b.riskScore, 0.6);     // (0.5·12 + 1·3) / 15 = 9 / 15
        COMPARE_EXACT(b.cost.at(0), 200.0);  // 200 + blank
        COMPARE_EXACT(b.cost.at(1), 100.0);
        COMPARE_EXACT(b.cost.at(2), 0.0);
        COMPARE_EXACT(b.util.at(0), 0.0); // 0 + blank
        COMPARE_EXACT(b.excessOverThreshold, 0.0);

        const ExperienceCell& c = m.cells.cells[2];
        QCOMPARE(QString::fromStdString(c.planId + "|" + c.region + "|" + c.rateCell),
                 QStringLiteral("P2|South|Adult"));
        QCOMPARE(c.year, 2024);
        QCOMPARE(c.sourceLine, 5L);
        COMPARE_EXACT(c.memberMonths, 21.0);     // 12 + 9
        COMPARE_EXACT(c.riskScore, 37.5 / 21.0); // (2·12 + 1.5·9) / 21 = 1.7857142857142858
        COMPARE_EXACT(c.cost.at(0), 240050.0);
        COMPARE_EXACT(c.cost.at(1), 5025.0);
        COMPARE_EXACT(c.cost.at(2), 10000.0);
        COMPARE_EXACT(c.util.at(0), 4.0);
        COMPARE_EXACT(c.excessOverThreshold, 5000.0); // M1 in C: 255000 − 250000

        // Fields a members file does not carry stay at their defaults.
        for (const ExperienceCell& cell : m.cells.cells) {
            COMPARE_EXACT(cell.capitationRevenue, 0.0);
            COMPARE_EXACT(cell.adminCost, 0.0);
            COMPARE_EXACT(cell.claimsDenied, 0.0);
            COMPARE_EXACT(cell.claimsTotal, 0.0);
            COMPARE_EXACT(cell.grievances, 0.0);
        }
    }

    // clang-format off
    void aggregates_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("allCos");
        QTest::addColumn<QStringList>("included");
        QTest::addColumn<QStringList>("expectedIncluded");
        // One value per cell A, B, C.
        QTest::addColumn<QList<double>>("costSum");
        QTest::addColumn<QList<double>>("costSumSquares");
        QTest::addColumn<QList<double>>("excess");
        // Σ min(cost, threshold)² (§13's c after truncation); Σ min(cost, threshold) is costSum − excess.
        QTest::addColumn<QList<double>>("truncatedSquares");

        // Member costs (all COS): A 1500, 400, 320000; B 300, 0; C 255000, 75.
        // Σ² A = 1500² + 400² + 320000² = 2 250 000 + 160 000 + 102 400 000 000 = 102 402 410 000
        // Σ² B = 300² = 90 000;  Σ² C = 255000² + 75² = 65 025 000 000 + 5 625 = 65 025 005 625
        QTest::newRow("default: 250,000, every COS") << 250000.0 << true << QStringList{}
            << QStringList{"inpatient", "pharmacy", "ltc"}
            << QList<double>{321900.0, 300.0, 255075.0}
            << QList<double>{102402410000.0, 90000.0, 65025005625.0}
            << QList<double>{70000.0, 0.0, 5000.0}
            // A 1500² + 400² + 250000² = 62 502 410 000; B 90 000; C 250000² + 75² = 62 500 005 625
            << QList<double>{62502410000.0, 90000.0, 62500005625.0};

        // Without ltc: A 1500, 300, 320000; B 300, 0; C 245000, 75.
        // Excess: M3 320000 − 250000 = 70000; M1 in C 245000 < 250000 → 0.
        // Σ² A = 2 250 000 + 90 000 + 102 400 000 000 = 102 402 340 000
        // Σ² C = 245000² + 75² = 60 025 000 000 + 5 625 = 60 025 005 625
        QTest::newRow("inpatient and pharmacy") << 250000.0 << false << QStringList{"inpatient", "pharmacy"}
            << QStringList{"inpatient", "pharmacy"}
            << QList<double>{321800.0, 300.0, 245075.0}
            << QList<double>{102402340000.0, 90000.0, 60025005625.0}
            << QList<double>{70000.0, 0.0, 0.0}
            // A 1500² + 300² + 250000² = 62 502 340 000; B 90 000; C (no member above) 60 025 005 625
            << QList<double>{62502340000.0, 90000.0, 60025005625.0};

        // Threshold 1000, every COS: A: 1500 → 500, 400 → 0, 320000 → 319000, Σ 319500;
        // B: 300, 0 → 0; C: 255000 → 254000, 75 → 0.
        QTest::newRow("threshold 1,000") << 1000.0 << true << QStringList{}
            << QStringList{"inpatient", "pharmacy", "ltc"}
            << QList<double>{321900.0, 300.0, 255075.0}
            << QList<double>{102402410000.0, 90000.0, 65025005625.0}
            << QList<double>{319500.0, 0.0, 254000.0}
            // A 1000² + 400² + 1000² = 2 160 000; B 90 000; C 1000² + 75² = 1 005 625
            << QList<double>{2160000.0, 90000.0, 1005625.0};

        // Pharmacy only, threshold 10,000: A 500, 300, 20000 (excess 10000); B 100, 0; C 5000, 25.
        // Σ² A = 250 000 + 90 000 + 400 000 000 = 400 340 000; B 10 000; C 25 000 000 + 625 = 25 000 625
        QTest::newRow("pharmacy only, 10,000") << 10000.0 << false << QStringList{"pharmacy"}
            << QStringList{"pharmacy"}
            << QList<double>{20800.0, 100.0, 5025.0}
            << QList<double>{400340000.0, 10000.0, 25000625.0}
            << QList<double>{10000.0, 0.0, 0.0}
            // A 500² + 300² + 10000² = 100 340 000; B 10 000; C 25 000 625
            << QList<double>{100340000.0, 10000.0, 25000625.0};

        // A COS the file lacks adds nothing: inpatient only. A 1000, 0, 300000 (excess 50000);
        // B 200, 0; C 240000, 50 (240000 < 250000 → 0).
        // Σ² A = 1 000 000 + 90 000 000 000 = 90 001 000 000; B 40 000; C 57 600 000 000 + 2 500
        QTest::newRow("unknown COS named") << 250000.0 << false << QStringList{"inpatient", "dental"}
            << QStringList{"inpatient"}
            << QList<double>{301000.0, 200.0, 240050.0}
            << QList<double>{90001000000.0, 40000.0, 57600002500.0}
            << QList<double>{50000.0, 0.0, 0.0}
            // A 1000² + 250000² = 62 501 000 000; B 40 000; C 57 600 002 500
            << QList<double>{62501000000.0, 40000.0, 57600002500.0};

        // Nothing included: every member's cost is 0, so no excess at all.
        QTest::newRow("no COS included") << 0.0 << false << QStringList{} << QStringList{}
            << QList<double>{0.0, 0.0, 0.0}
            << QList<double>{0.0, 0.0, 0.0}
            << QList<double>{0.0, 0.0, 0.0}
            << QList<double>{0.0, 0.0, 0.0};
    }
    // clang-format on
    void aggregates()
    {
        QFETCH(double, threshold);
        QFETCH(bool, allCos);
        QFETCH(QStringList, included);
        QFETCH(QStringList, expectedIncluded);
        QFETCH(QList<double>, costSum);
        QFETCH(QList<double>, costSumSquares);
        QFETCH(QList<double>, excess);
        QFETCH(QList<double>, truncatedSquares);

        MemberAggregationOptions options;
        options.truncationThreshold = threshold;
        if (!allCos)
            options.includedCos = strings(included);
        const MemberImport m = read(kMembers, options);

        COMPARE_EXACT(m.aggregates.truncationThreshold, threshold);
        QCOMPARE(names(m.aggregates.includedCos), expectedIncluded);
        QCOMPARE(m.aggregates.cells.size(), std::size_t(3));
        const char* keys[] = {"P1|North|Adult|2023", "P1|North|Child|2023", "P2|South|Adult|2024"};
        const qint64 members[] = {3, 2, 2};
        const double mm[] = {30.0, 15.0, 21.0};
        for (int i = 0; i < 3; ++i) {
            const MemberCellAggregate& a = m.aggregates.cells[static_cast<std::size_t>(i)];
            const ExperienceCell& c = m.cells.cells[static_cast<std::size_t>(i)];
            QCOMPARE(QString::fromStdString(a.planId + "|" + a.region + "|" + a.rateCell + "|" +
                                            std::to_string(a.year)),
                     QString::fromLatin1(keys[i]));
            QCOMPARE(a.members, members[i]);
            COMPARE_EXACT(a.memberMonths, mm[i]);
            COMPARE_EXACT(a.costSum, costSum[i]);
            COMPARE_EXACT(a.costSumSquares, costSumSquares[i]);
            COMPARE_EXACT(a.excessSum, excess[i]);
            QVERIFY(a.truncatedSum && a.truncatedSumSquares);
            COMPARE_EXACT(*a.truncatedSum, costSum[i] - excess[i]);
            COMPARE_EXACT(*a.truncatedSumSquares, truncatedSquares[i]);
            // The cell's excess_over_threshold is the same sum (§1.3).
            COMPARE_EXACT(c.excessOverThreshold, excess[i]);
            // The cell's cost columns do not depend on which COS are included.
            COMPARE_EXACT(c.cost.at(0) + c.cost.at(1) + c.cost.at(2),
                          (std::vector<double>{321900.0, 300.0, 255075.0})[static_cast<std::size_t>(i)]);
        }
    }

    //! Without a risk_score column every member counts 1.0, and nothing is counted as blank.
    void noRiskScoreColumn()
    {
        const MemberImport m = read("member_id,plan_id,region,rate_cell,year,member_months,cost_ip\n"
                                    "A,P,R,C,2023,12,300000\n"
                                    "B,P,R,C,2023,0.5,1\n");
        QCOMPARE(m.cells.cells.size(), std::size_t(1));
        const ExperienceCell& c = m.cells.cells[0];
        COMPARE_EXACT(c.memberMonths, 12.5);
        COMPARE_EXACT(c.riskScore, 1.0);
        COMPARE_EXACT(c.cost.at(0), 300001.0);
        COMPARE_EXACT(c.excessOverThreshold, 50000.0); // A: 300000 − 250000; B: 1 → 0
        QCOMPARE(m.blankRiskScores, 0L);
        QCOMPARE(m.blankAmounts, 0L);
        // Σ cost² = 300000² + 1² = 90 000 000 001 (exact: below 2^53)
        COMPARE_EXACT(m.aggregates.cells.at(0).costSumSquares, 90000000001.0);
    }

    // clang-format off
    void errors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<long>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");  // a fragment of the reason

        const QByteArray h = "member_id,plan_id,region,rate_cell,year,member_months,risk_score,cost_ip,util_ed\n";
        const QByteArray ok = "M0,P1,N,Adult,2023,12,1,10,1\n";  // line 2 in most rows

        QTest::newRow("member_months 12.5") << h + ok + "M1,P1,N,Adult,2023,12.5,1,10,1\n"
                                            << 3L << "member_months" << "12.5" << "at most 12";
        QTest::newRow("member_months 13") << h + "M1,P1,N,Adult,2023,13,1,10,1\n"
                                          << 2L << "member_months" << "13" << "at most 12";
        QTest::newRow("member_months 0") << h + "M1,P1,N,Adult,2023,0,1,10,1\n"
                                         << 2L << "member_months" << "0" << "> 0";
        QTest::newRow("member_months negative") << h + "M1,P1,N,Adult,2023,-1,1,10,1\n"
                                                << 2L << "member_months" << "-1" << "> 0";
        QTest::newRow("risk_score 0") << h + "M1,P1,N,Adult,2023,12,0,10,1\n"
                                      << 2L << "risk_score" << "0" << "> 0";
        // tests/fuzz/fuzz_members_csv.cpp's finite check flagged it: 1e308 · 12 member months
        // overflowed the cell's risk score to inf (input_bounds.h: a risk score is at most 100).
        QTest::newRow("risk_score above 100") << h + ok + "M1,P1,N,Adult,2023,12,1e308,10,1\n"
                                              << 3L << "risk_score" << "1e308" << "above 100";
        QTest::newRow("negative cost") << h + ok + "M1,P1,N,Adult,2023,12,1,-5,1\n"
                                       << 3L << "cost_ip" << "-5" << "negative";
        QTest::newRow("negative util") << h + ok + "M1,P1,N,Adult,2023,12,1,5,-1\n"
                                       << 3L << "util_ed" << "-1" << "negative";
        QTest::newRow("bad number") << h + "M1,P1,N,Adult,2023,12,1,12.5.3,1\n"
                                    << 2L << "cost_ip" << "12.5.3" << "";
        QTest::newRow("NaN") << h + "M1,P1,N,Adult,2023,12,1,nan,1\n" << 2L << "cost_ip" << "nan" << "";
        QTest::newRow("year not an integer") << h + "M1,P1,N,Adult,2023.5,12,1,1,1\n"
                                             << 2L << "year" << "2023.5" << "";
        QTest::newRow("empty member_id") << h + ok + ",P1,N,Adult,2023,12,1,1,1\n"
                                         << 3L << "member_id" << "" << "required field is empty";
        QTest::newRow("empty rate_cell") << h + "M1,P1,N,,2023,12,1,1,1\n"
                                         << 2L << "rate_cell" << "" << "required field is empty";
        QTest::newRow("member listed twice") << h + ok + "M1,P1,N,Adult,2023,6,1,1,1\nM2,P1,N,Adult,2023,6,1,1,1\n"
                                                    "M1,P1,N,Adult,2023,6,1,1,1\n"
                                             << 5L << "member_id" << "M1" << "also on line 3";
        QTest::newRow("unknown column") << QByteArray("member_id,plan_id,region,rate_cell,year,member_months,age\n")
                                        << 1L << "age" << "age" << "unknown column";
        QTest::newRow("missing required column") << QByteArray("member_id,plan_id,region,rate_cell,year\nM1,P,R,C,2023\n")
                                                 << 1L << "member_months" << "" << "required column is missing";
        // The first record's quoted member_id spans lines 2–3, so the bad record starts on line 4.
        QTest::newRow("quoted newline before the bad line")
            << h + "\"M\n1\",P1,N,Adult,2023,12,1,10,1\nM2,P1,N,Adult,2023,x,1,10,1\n"
            << 4L << "member_months" << "x" << "";
        QTest::newRow("BOM and CRLF")
            << "\xEF\xBB\xBF" + QByteArray(h).replace("\n", "\r\n") + "M1,P1,N,Adult,2023,12,1,10,1\r\n"
               "M2,P1,N,Adult,2023,12,1,-3,1\r\n"
            << 3L << "cost_ip" << "-3" << "negative";
        QTest::newRow("header only") << h << 1L << "" << "" << "no member rows";
        QTest::newRow("empty line before more rows") << h + ok + "\n\r\n" + ok << 3L << "" << "" << "empty line";
        QTest::newRow("20 significant digits") << h + ok + "M1,P1,N,Adult,2023,12,1,1234567890.1234567891,1\n"
                                               << 3L << "cost_ip" << "1234567890.1234567891" << "more than 19 significant digits";
        QTest::newRow("quote inside an unquoted field") << h + ok + "M\"1,P1,N,Adult,2023,12,1,10,1\n" + ok
                                                        << 3L << "member_id" << "M\"1" << "quote inside";
    }
    // clang-format on
    void errors()
    {
        QFETCH(QByteArray, input);
        QFETCH(long, line);
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        // One block and one thread; every line its own chunk on one thread and on four (so that
        // the threads race and the first error in the file must still win).
        for (const auto& [blockBytes, threads] :
             {std::pair<std::size_t, int>{std::size_t(4) << 20, 1}, {1, 1}, {1, 4}}) {
            MemberAggregationOptions options;
            options.blockBytes = blockBytes;
            options.threads = threads;
            const QString config =
                QStringLiteral(" (blocks of %1 bytes, %2 threads)").arg(blockBytes).arg(threads);
            try {
                read(input, options);
                QFAIL(qPrintable("no InputError" + config));
            } catch (const InputError& e) {
                const QString what = QString::fromStdString(e.what()) + config;
                QCOMPARE(QString::fromStdString(e.where().file), QStringLiteral("members.csv"));
                QVERIFY2(e.where().line == line, qPrintable(what));
                QVERIFY2(QString::fromStdString(e.where().column) == column, qPrintable(what));
                QVERIFY2(QString::fromStdString(e.where().value) == value, qPrintable(what));
                QVERIFY2(what.contains(reason), qPrintable(what));
            }
        }
    }

    //! Ten members of one cell each cost 0.1: the exact sum is 1, whose double is 1.0, while
    //! adding 0.1 ten times in doubles gives 0.9999999999999999. The same with one line per chunk
    //! on one, two and five threads.
    void exactSums()
    {
        QByteArray csv = "member_id,plan_id,region,rate_cell,year,member_months,risk_score,cost_ip,util_ed\n";
        for (int i = 0; i < 10; ++i)
            csv += QByteArray("M") + QByteArray::number(i) + ",P,R,C,2023,0.1,1.1,0.1,0.3\n";
        double doubles = 0.0;
        for (int i = 0; i < 10; ++i)
            doubles += 0.1;
        QVERIFY(doubles != 1.0);
        for (const auto& [blockBytes, threads] :
             {std::pair<std::size_t, int>{std::size_t(4) << 20, 1}, {1, 1}, {1, 2}, {1, 5}}) {
            MemberAggregationOptions options;
            options.blockBytes = blockBytes;
            options.threads = threads;
            const MemberImport m = read(csv, options);
            QCOMPARE(m.rows, 10L);
            QCOMPARE(m.cells.cells.size(), std::size_t(1));
            const ExperienceCell& c = m.cells.cells[0];
            COMPARE_EXACT(c.memberMonths, 1.0); // 10 × 0.1
            COMPARE_EXACT(c.cost.at(0), 1.0);   // 10 × 0.1
            COMPARE_EXACT(c.util.at(0), 3.0);   // 10 × 0.3
            COMPARE_EXACT(c.riskScore, 1.1);    // Σ 1.1 × 0.1 = 1.1 exactly, / 1
            const MemberCellAggregate& a = m.aggregates.cells.at(0);
            COMPARE_EXACT(a.costSum, 1.0);
            COMPARE_EXACT(a.costSumSquares, 0.1); // 10 × 0.01
            COMPARE_EXACT(*a.truncatedSumSquares, 0.1);
            QCOMPARE(a.members, qint64(10));
            QCOMPARE(c.sourceLine, 2L);
        }
    }

    //! A generated file of 20 000 members read with 1, 2 and 7 threads and blocks from 1 KiB to
    //! 4 MiB: every double of every cell is the same bit for bit, and so are the counts.
    void sameWhateverTheThreads()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SampleOptions sample;
        sample.seed = 11;
        sample.outDir = dir.path();
        sample.members = 20000;
        generateSample(sample);
        QFile file(dir.filePath(QStringLiteral("members.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();

        const auto bits = [](const MemberImport& m) {
            QList<quint64> out;
            const auto add = [&](double x) { out << std::bit_cast<quint64>(x); };
            for (std::size_t i = 0; i < m.cells.cells.size(); ++i) {
                const ExperienceCell& c = m.cells.cells[i];
                const MemberCellAggregate& a = m.aggregates.cells[i];
                out << quint64(c.sourceLine) << quint64(a.members) << quint64(c.year);
                for (double x : {c.memberMonths, c.riskScore, c.excessOverThreshold, a.costSum,
                                 a.costSumSquares, a.excessSum, *a.truncatedSum, *a.truncatedSumSquares})
                    add(x);
                for (double x : c.cost)
                    add(x);
                for (double x : c.util)
                    add(x);
            }
            out << quint64(m.rows) << quint64(m.blankRiskScores) << quint64(m.blankAmounts);
            return out;
        };
        MemberAggregationOptions one;
        one.threads = 1;
        const MemberImport reference = read(bytes, one);
        QCOMPARE(reference.rows, 20000L);
        QVERIFY(reference.cells.cells.size() > 10);
        const QList<quint64> expected = bits(reference);
        for (const auto& [blockBytes, threads] : {std::pair<std::size_t, int>{1024, 1},
                                                  {1024, 2},
                                                  {1024, 7},
                                                  {65536, 2},
                                                  {std::size_t(4) << 20, 2},
                                                  {4093, 7}}) {
            MemberAggregationOptions options;
            options.blockBytes = blockBytes;
            options.threads = threads;
            QVERIFY2(
                bits(read(bytes, options)) == expected,
                qPrintable(QStringLiteral("blocks of %1 bytes, %2 threads").arg(blockBytes).arg(threads)));
        }
        // Cells in (plan, region, rate cell, year) order.
        for (std::size_t i = 1; i < reference.cells.cells.size(); ++i) {
            const ExperienceCell& p = reference.cells.cells[i - 1];
            const ExperienceCell& c = reference.cells.cells[i];
            QVERIFY(std::tie(p.planId, p.region, p.rateCell, p.year) <
                    std::tie(c.planId, c.region, c.rateCell, c.year));
        }
    }

    //! A duplicate whose two rows lie in chunks far apart is found, with both lines, and an error
    //! earlier in the file wins over it.
    void duplicateAcrossChunks()
    {
        const QByteArray h = "member_id,plan_id,region,rate_cell,year,member_months,cost_ip\n";
        QByteArray csv = h;
        for (int i = 0; i < 200; ++i)
            csv += QByteArray("M") + QByteArray::number(i) + ",P,R,C,2023,12,1\n"; // lines 2–201
        const QByteArray twice = csv + "M7,P,R,C,2023,12,1\n";                     // line 202, as line 9
        for (const int threads : {1, 3}) {
            MemberAggregationOptions options;
            options.blockBytes = 64;
            options.threads = threads;
            try {
                read(twice, options);
                QFAIL("no InputError");
            } catch (const InputError& e) {
                QCOMPARE(e.where().line, 202L);
                QCOMPARE(QString::fromStdString(e.where().value), QStringLiteral("M7"));
                QVERIFY2(QString::fromStdString(e.what()).contains("also on line 9"), e.what());
            }
            // A bad value on line 150 comes first.
            QByteArray bad = twice;
            bad.replace("M148,P,R,C,2023,12,1", "M148,P,R,C,2023,12,x");
            try {
                read(bad, options);
                QFAIL("no InputError");
            } catch (const InputError& e) {
                QCOMPARE(e.where().line, 150L);
                QCOMPARE(QString::fromStdString(e.where().column), QStringLiteral("cost_ip"));
            }
        }
    }

    //! Empty lines at the end of the file are ignored, even when they fill chunks of their own.
    void trailingEmptyLines()
    {
        const QByteArray csv =
            "member_id,plan_id,region,rate_cell,year,member_months\nA,P,R,C,2023,12\n\n\r\n\n";
        for (const int threads : {1, 3}) {
            MemberAggregationOptions options;
            options.blockBytes = 1;
            options.threads = threads;
            QCOMPARE(read(csv, options).rows, 1L);
        }
    }

    void cancel()
    {
        ImportControl control;
        control.cancelled = [] { return true; };
        QVERIFY_THROWS_EXCEPTION(ImportCancelled, read(kMembers, {}, control));
    }
};

QTEST_GUILESS_MAIN(TestMembersCsv)
#include "tst_members_csv.moc"
