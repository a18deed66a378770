//! Reading experience.csv (methodology §1.1): column rules, defaults for empty optional cells and
//! their count, and every error class with the line, column and value it must name. Expected values
//! are read off the input bytes by hand (physical lines: header = 1, quoted line breaks count).

#include "io/csv/experience_csv.h"
#include "io_test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using sharecast::ExperienceCell;
using sharecast::ExperienceData;
using sharecast::InputError;
using namespace sharecast::io;
using namespace sharecast::testing;

namespace {

const QByteArray kHeader = "plan_id,region,rate_cell,year,member_months";

QString num(double v)
{
    return QString::number(v, 'g', 15);
}

QString joined(const std::vector<double>& values)
{
    QStringList out;
    for (const double v : values)
        out << num(v);
    return out.join(u',');
}

QString joined(const std::vector<std::string>& values)
{
    QStringList out;
    for (const std::string& v : values)
        out << QString::fromStdString(v);
    return out.join(u',');
}

// Every stored value of a cell, in one comparable line.
QString describe(const ExperienceCell& c)
{
    return QStringList{QString::fromStdString(c.planId),
                       QString::fromStdString(c.region),
                       QString::fromStdString(c.rateCell),
                       QString::number(c.year),
                       QStringLiteral("mm=") + num(c.memberMonths),
                       QStringLiteral("rs=") + num(c.riskScore),
                       QStringLiteral("cost=") + joined(c.cost),
                       QStringLiteral("ex=") + num(c.excessOverThreshold),
                       QStringLiteral("util=") + joined(c.util),
                       QStringLiteral("cap=") + num(c.capitationRevenue),
                       QStringLiteral("adm=") + num(c.adminCost),
                       QStringLiteral("den=") + num(c.claimsDenied),
                       QStringLiteral("tot=") + num(c.claimsTotal),
                       QStringLiteral("gr=") + num(c.grievances),
                       QStringLiteral("line=") + QString::number(c.sourceLine)}
        .join(u'|');
}

ExperienceData read(const QByteArray& bytes, ImportSummary* summary = nullptr,
                    const ImportControl& control = {})
{
    return readBuffer(bytes, [&](QIODevice& in) {
        return readExperienceCsv(in, QStringLiteral("experience.csv"), summary, control);
    });
}

} // namespace

class TestExperienceCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // clang-format off
    void valid_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("cos");
        QTest::addColumn<QString>("util");
        QTest::addColumn<QString>("planNames");
        QTest::addColumn<QStringList>("cells");

        QTest::newRow("required columns only")
            << kHeader + "\nP1,North,Child,2023,120\nP1,North,Child,2024,130.5\n" << "" << "" << ""
            << QStringList{"P1|North|Child|2023|mm=120|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=2",
                           "P1|North|Child|2024|mm=130.5|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=3"};
        QTest::newRow("every column, free order")
            << QByteArray("cost_pharmacy,year,util_ed_visits,plan_name,member_months,grievances,region,claims_total,"
                          "excess_over_threshold,rate_cell,admin_cost,cost_inpatient,risk_score,claims_denied,"
                          "capitation_revenue,plan_id\n"
                          "40.5,2023,7,Sierra Health,12,1,Fresno,10,5,Adult,3,100,1.05,2,250,P1\n")
            << "pharmacy,inpatient" << "ed_visits" << "P1=Sierra Health"
            << QStringList{"P1|Fresno|Adult|2023|mm=12|rs=1.05|cost=40.5,100|ex=5|util=7|cap=250|adm=3|den=2|tot=10|gr=1|line=2"};
        QTest::newRow("BOM and CRLF")
            << QByteArray("\xEF\xBB\xBF" "plan_id,region,rate_cell,year,member_months,cost_ip\r\n"
                          "P1,N,Adult,2023,10,5\r\nP1,N,Adult,2024,11,6\r\n")
            << "ip" << "" << ""
            << QStringList{"P1|N|Adult|2023|mm=10|rs=1|cost=5|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=2",
                           "P1|N|Adult|2024|mm=11|rs=1|cost=6|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=3"};
        // The first record spans lines 2-3, so P2 is on line 4.
        QTest::newRow("quoted comma, quotes and line break")
            << QByteArray("plan_id,plan_name,region,rate_cell,year,member_months,cost_ip\n"
                          "P1,\"The \"\"Best\"\"\nPlan\",\"Los Angeles, North\",SPD/Dual,2023,10,\"1000.5\"\n"
                          "P2,Other,South,LTC,2023,20,7\n")
            << "ip" << "" << "P1=The \"Best\"\nPlan;P2=Other"
            << QStringList{"P1|Los Angeles, North|SPD/Dual|2023|mm=10|rs=1|cost=1000.5|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=2",
                           "P2|South|LTC|2023|mm=20|rs=1|cost=7|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=4"};
        QTest::newRow("trailing empty lines")
            << kHeader + "\nP1,N,C,2023,1\n\n\r\n\n" << "" << "" << ""
            << QStringList{"P1|N|C|2023|mm=1|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=2"};
        QTest::newRow("empty optional cells take defaults")
            << QByteArray("plan_id,region,rate_cell,year,member_months,risk_score,cost_ip,cost_rx,util_ed,"
                          "excess_over_threshold,claims_denied,claims_total\n"
                          "P1,N,C,2023,10,,,5,,,,\n"
                          "P1,N,C,2024,10,0.9,3,,2,1,,4\n")
            << "ip,rx" << "ed" << ""
            << QStringList{"P1|N|C|2023|mm=10|rs=1|cost=0,5|ex=0|util=0|cap=0|adm=0|den=0|tot=0|gr=0|line=2",
                           "P1|N|C|2024|mm=10|rs=0.9|cost=3,0|ex=1|util=2|cap=0|adm=0|den=0|tot=4|gr=0|line=3"};
        QTest::newRow("keys are not trimmed")
            << kHeader + "\nP1,N,C,2023,1\n P1,N,C,2023,1\nP1,N ,C,2023,1\n" << "" << "" << ""
            << QStringList{"P1|N|C|2023|mm=1|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=2",
                           " P1|N|C|2023|mm=1|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=3",
                           "P1|N |C|2023|mm=1|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=4"};
        QTest::newRow("fractional counts, plus sign, exponent")
            << kHeader + ",cost_ip,util_ed,grievances,claims_denied,claims_total\nP1,N,C,2023,1e2,+7,2.5,0.5,1.5,1.5\n"
            << "ip" << "ed" << ""
            << QStringList{"P1|N|C|2023|mm=100|rs=1|cost=7|ex=0|util=2.5|cap=0|adm=0|den=1.5|tot=1.5|gr=0.5|line=2"};
        // 60 + 40 = 100 exactly: an excess equal to the total cost is allowed.
        QTest::newRow("excess equal to total cost")
            << kHeader + ",cost_ip,cost_rx,excess_over_threshold\nP1,N,C,2023,1,60,40,100\n" << "ip,rx" << "" << ""
            << QStringList{"P1|N|C|2023|mm=1|rs=1|cost=60,40|ex=100|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=2"};
        QTest::newRow("negative and odd years, UTF-8 names")
            << kHeader + ",plan_name\nP1,Peña,Año,-1,1,Salud Año\nP2,N,C,0,1,\n" << "" << "" << "P1=Salud Año"
            << QStringList{"P1|Peña|Año|-1|mm=1|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=2",
                           "P2|N|C|0|mm=1|rs=1|cost=|ex=0|util=|cap=0|adm=0|den=0|tot=0|gr=0|line=3"};
    }
    // clang-format on
    void valid()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, cos);
        QFETCH(QString, util);
        QFETCH(QString, planNames);
        QFETCH(QStringList, cells);
        const ExperienceData data = read(input);
        QCOMPARE(QString::fromStdString(data.sourceName), QStringLiteral("experience.csv"));
        QCOMPARE(joined(data.cosNames), cos);
        QCOMPARE(joined(data.utilNames), util);
        QStringList names;
        for (const auto& [id, name] : data.planNames)
            names << QString::fromStdString(id + "=" + name);
        QCOMPARE(names.join(u';'), planNames);
        QStringList got;
        for (const ExperienceCell& cell : data.cells)
            got << describe(cell);
        QCOMPARE(got, cells);
    }

    // clang-format off
    void summary_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<long>("rows");
        QTest::addColumn<long>("plans");
        QTest::addColumn<QString>("years");
        QTest::addColumn<int>("cosCount");
        QTest::addColumn<QString>("blanks");
        QTest::addColumn<QStringList>("warnings");  // one expected substring per warning, in order

        // Empty cells per column: risk_score 1 (row 2), cost_ip 1 (row 2), cost_rx 1 (row 3),
        // util_ed 1 (row 2), excess 1 (row 2), claims_denied 2, claims_total 1 (row 2).
        QTest::newRow("blanks counted per column")
            << QByteArray("plan_id,region,rate_cell,year,member_months,risk_score,cost_ip,cost_rx,util_ed,"
                          "excess_over_threshold,claims_denied,claims_total\n"
                          "P1,N,C,2023,10,,,5,,,,\n"
                          "P1,N,C,2024,10,0.9,3,,2,1,,4\n")
            << 2L << 1L << "2023,2024" << 2
            << "risk_score=1,cost_ip=1,cost_rx=1,util_ed=1,excess_over_threshold=1,claims_denied=2,claims_total=1"
            << QStringList{};
        QTest::newRow("plans, years, name conflict")
            << kHeader + ",plan_name,cost_a,cost_b,cost_c\n"
                         "P2,N,C,2024,1,Two,1,2,3\nP1,N,C,2022,1,One,1,2,3\nP1,S,C,2024,1,Uno,1,2,3\n"
                         "P1,S,C,2022,1,Eins,1,2,3\nP3,S,C,2022,1,,1,2,3\n"
            << 5L << 3L << "2022,2024" << 3 << ""
            << QStringList{"plan 'P1' has more than one plan_name; line 4 says 'Uno', 'One' is kept"};
        QTest::newRow("keys with spaces, no cost columns")
            << kHeader + "\nP1 ,N,C,2023,1\nP1, N,C,2023,1\nP1,N,C,2023,1\nP1 ,S,C,2023,1\n"
            << 4L << 2L << "2023" << 0 << ""
            << QStringList{"no cost_<cos> columns",
                           "plan_id: 2 value(s) begin or end with a space, kept as written (first on line 2: 'P1 ')",
                           "region: 1 value(s) begin or end with a space, kept as written (first on line 3: ' N')"};
        QTest::newRow("claims_denied alone")
            << kHeader + ",cost_ip,claims_denied\nP1,N,C,2023,1,5,3\n" << 1L << 1L << "2023" << 1 << ""
            << QStringList{"claims_denied is given without claims_total"};
    }
    // clang-format on
    void summary()
    {
        QFETCH(QByteArray, input);
        QFETCH(long, rows);
        QFETCH(long, plans);
        QFETCH(QString, years);
        QFETCH(int, cosCount);
        QFETCH(QString, blanks);
        QFETCH(QStringList, warnings);
        ImportSummary s;
        s.warnings.emplace_back("stale"); // the summary is replaced, not appended to
        const ExperienceData data = read(input, &s);
        QCOMPARE(s.rows, rows);
        QCOMPARE(s.cells, rows);
        QCOMPARE(static_cast<long>(data.cells.size()), rows);
        QCOMPARE(s.plans, plans);
        QStringList y;
        for (const int year : s.years)
            y << QString::number(year);
        QCOMPARE(y.join(u','), years);
        QCOMPARE(s.cosCount, cosCount);
        QStringList b;
        for (const BlankCount& blank : s.blanks)
            b << QString::fromStdString(blank.column) + u'=' + QString::number(blank.count);
        QCOMPARE(b.join(u','), blanks);
        QCOMPARE(static_cast<qsizetype>(s.warnings.size()), warnings.size());
        for (qsizetype i = 0; i < warnings.size(); ++i)
            QVERIFY2(QString::fromStdString(s.warnings[std::size_t(i)]).contains(warnings[i]),
                     s.warnings[std::size_t(i)].c_str());
    }

    // clang-format off
    void malformed_data()
    {
        addInputErrorColumns();
        const QByteArray h = kHeader + ",cost_ip,cost_rx\n";
        const QByteArray ok = "P1,N,C,2023,10,1,2\n";

        // Header.
        QTest::newRow("missing member_months") << QByteArray("plan_id,region,rate_cell,year\nP1,N,C,2023\n") << 1L
                                               << "member_months" << false << "" << "required column is missing";
        QTest::newRow("missing plan_id") << QByteArray("region,rate_cell,year,member_months,cost_ip\nN,C,2023,1,1\n")
                                         << 1L << "plan_id" << false << "" << "required column is missing";
        QTest::newRow("duplicate cost column") << kHeader + ",cost_ip,cost_rx,cost_ip\n" + ok << 1L << "cost_ip"
                                               << true << "cost_ip" << "duplicate column name (columns 6 and 8)";
        QTest::newRow("duplicate key column") << QByteArray("plan_id,region,plan_id,rate_cell,year,member_months\n")
                                              << 1L << "plan_id" << true << "plan_id" << "columns 1 and 3";
        QTest::newRow("unknown column") << kHeader + ",costs_ip\n" << 1L << "costs_ip" << true << "costs_ip"
                                        << "unknown column";
        QTest::newRow("names are case-sensitive") << QByteArray("Plan_ID,region,rate_cell,year,member_months\n") << 1L
                                                  << "Plan_ID" << true << "Plan_ID" << "unknown column";
        QTest::newRow("names are not trimmed") << QByteArray("plan_id,region,rate_cell, year,member_months\n") << 1L
                                               << " year" << true << " year" << "unknown column";
        QTest::newRow("bare cost_") << kHeader + ",cost_\n" << 1L << "cost_" << true << "cost_"
                                    << "needs a name after the prefix";
        QTest::newRow("bare util_") << kHeader + ",util_\n" << 1L << "util_" << true << "util_"
                                    << "needs a name after the prefix";
        QTest::newRow("header only") << h << 1L << "" << false << "" << "no data rows";
        QTest::newRow("empty file") << QByteArray() << 1L << "" << false << "" << "a header row is required";

        // Required fields.
        QTest::newRow("empty plan_id") << h + ok + ",N,C,2023,10,1,2\n" << 3L << "plan_id" << true << ""
                                       << "required field is empty";
        QTest::newRow("empty region") << h + "P1,,C,2023,10,1,2\n" << 2L << "region" << true << ""
                                      << "required field is empty";
        QTest::newRow("empty rate_cell") << h + "P1,N,,2023,10,1,2\n" << 2L << "rate_cell" << true << ""
                                         << "required field is empty";
        QTest::newRow("empty year") << h + "P1,N,C,,10,1,2\n" << 2L << "year" << true << ""
                                    << "required field is empty";
        QTest::newRow("empty member_months") << h + "P1,N,C,2023,,1,2\n" << 2L << "member_months" << true << ""
                                             << "required field is empty";
        QTest::newRow("year with fraction") << h + "P1,N,C,2023.5,10,1,2\n" << 2L << "year" << true << "2023.5"
                                            << "the year must be an integer";
        QTest::newRow("year .0") << h + "P1,N,C,2023.0,10,1,2\n" << 2L << "year" << true << "2023.0"
                                 << "the year must be an integer";
        QTest::newRow("year exponent") << h + "P1,N,C,2e3,10,1,2\n" << 2L << "year" << true << "2e3"
                                       << "the year must be an integer";
        QTest::newRow("year text") << h + "P1,N,C,FY23,10,1,2\n" << 2L << "year" << true << "FY23"
                                   << "the year must be an integer";
        QTest::newRow("year beyond int") << h + "P1,N,C,3000000000,10,1,2\n" << 2L << "year" << true << "3000000000"
                                         << "the year must be an integer";
        QTest::newRow("member_months zero") << h + "P1,N,C,2023,0,1,2\n" << 2L << "member_months" << true << "0"
                                            << "must be > 0";
        QTest::newRow("member_months negative") << h + "P1,N,C,2023,-5,1,2\n" << 2L << "member_months" << true << "-5"
                                                << "must be > 0";
        QTest::newRow("member_months NaN") << h + "P1,N,C,2023,NaN,1,2\n" << 2L << "member_months" << true << "NaN"
                                           << "not a finite decimal number";

        // Optional numbers.
        QTest::newRow("risk_score zero") << kHeader + ",risk_score\nP1,N,C,2023,1,0\n" << 2L << "risk_score" << true
                                         << "0" << "must be > 0";
        QTest::newRow("risk_score negative") << kHeader + ",risk_score\nP1,N,C,2023,1,-1\n" << 2L << "risk_score"
                                             << true << "-1" << "must be > 0";
        QTest::newRow("risk_score inf") << kHeader + ",risk_score\nP1,N,C,2023,1,inf\n" << 2L << "risk_score" << true
                                        << "inf" << "not a finite decimal number";
        QTest::newRow("negative cost") << h + ok + "P1,N,C,2024,10,1,-0.01\n" << 3L << "cost_rx" << true << "-0.01"
                                       << "must be >= 0";
        QTest::newRow("cost text") << h + "P1,N,C,2023,10,abc,2\n" << 2L << "cost_ip" << true << "abc"
                                   << "not a finite decimal number";
        QTest::newRow("cost nan") << h + "P1,N,C,2023,10,nan,2\n" << 2L << "cost_ip" << true << "nan"
                                  << "not a finite decimal number";
        // Input bounds (engine/input_bounds.h): finite but unbelievable figures, which overflowed
        // into `inf` and 309-digit amounts in the results before they were refused.
        QTest::newRow("cost above a trillion") << h + "P1,N,C,2023,10,1.7e308,2\n" << 2L << "cost_ip" << true
                                               << "1.7e308" << "above $1e+12";
        QTest::newRow("cost just above the bound") << h + "P1,N,C,2023,10,1000000000000.01,2\n" << 2L << "cost_ip"
                                                   << true << "1000000000000.01" << "above $1e+12";
        QTest::newRow("member_months tiny") << h + "P1,N,C,2023,1e-300,1,2\n" << 2L << "member_months" << true
                                            << "1e-300" << "between 1e-06 and 1e+09";
        QTest::newRow("member_months huge") << h + "P1,N,C,2023,2e9,1,2\n" << 2L << "member_months" << true << "2e9"
                                            << "between 1e-06 and 1e+09";
        QTest::newRow("risk_score above 100") << kHeader + ",risk_score\nP1,N,C,2023,1,101\n" << 2L << "risk_score"
                                              << true << "101" << "above 100";
        QTest::newRow("util above 1e12") << kHeader + ",util_ed\nP1,N,C,2023,1,2e12\n" << 2L << "util_ed" << true
                                         << "2e12" << "count above 1e+12";
        QTest::newRow("cost overflow") << h + "P1,N,C,2023,10,1e999,2\n" << 2L << "cost_ip" << true << "1e999"
                                       << "not a finite decimal number";
        QTest::newRow("cost leading space") << h + "P1,N,C,2023,10, 5,2\n" << 2L << "cost_ip" << true << " 5"
                                            << "not a finite decimal number";
        QTest::newRow("cost thousands separator") << h + "P1,N,C,2023,10,\"1,000\",2\n" << 2L << "cost_ip" << true
                                                  << "1,000" << "not a finite decimal number";
        QTest::newRow("cost hex") << h + "P1,N,C,2023,10,0x10,2\n" << 2L << "cost_ip" << true << "0x10"
                                  << "not a finite decimal number";
        QTest::newRow("negative util") << kHeader + ",util_ed\nP1,N,C,2023,1,-2\n" << 2L << "util_ed" << true << "-2"
                                       << "must be >= 0";
        QTest::newRow("negative capitation") << kHeader + ",capitation_revenue\nP1,N,C,2023,1,-2\n" << 2L
                                             << "capitation_revenue" << true << "-2" << "must be >= 0";
        QTest::newRow("negative admin") << kHeader + ",admin_cost\nP1,N,C,2023,1,-2\n" << 2L << "admin_cost" << true
                                        << "-2" << "must be >= 0";
        QTest::newRow("negative grievances") << kHeader + ",grievances\nP1,N,C,2023,1,-1\n" << 2L << "grievances"
                                             << true << "-1" << "must be >= 0";
        QTest::newRow("negative claims_total") << kHeader + ",claims_total\nP1,N,C,2023,1,-1\n" << 2L
                                               << "claims_total" << true << "-1" << "must be >= 0";
        QTest::newRow("negative excess") << kHeader + ",cost_ip,excess_over_threshold\nP1,N,C,2023,1,5,-1\n" << 2L
                                         << "excess_over_threshold" << true << "-1" << "must be >= 0";

        // Cross-field checks.
        QTest::newRow("denied above total") << kHeader + ",claims_denied,claims_total\nP1,N,C,2023,1,11,10\n" << 2L
                                            << "claims_denied" << true << "11" << "claims_denied exceeds claims_total (10)";
        QTest::newRow("denied with empty total") << kHeader + ",claims_total,claims_denied\nP1,N,C,2023,1,,3\n" << 2L
                                                 << "claims_denied" << true << "3"
                                                 << "claims_denied exceeds claims_total (0)";
        // 100 + 50 = 150 < 150.01.
        QTest::newRow("excess above total cost")
            << kHeader + ",cost_ip,cost_rx,excess_over_threshold\nP1,N,C,2023,1,100,50,150.01\n" << 2L
            << "excess_over_threshold" << true << "150.01" << "exceeds the cell's total cost 150";
        QTest::newRow("excess without cost columns") << kHeader + ",excess_over_threshold\nP1,N,C,2023,1,1\n" << 2L
                                                     << "excess_over_threshold" << true << "1"
                                                     << "exceeds the cell's total cost 0";
        QTest::newRow("duplicate cell") << h + ok + "P1,N,C,2024,10,1,2\n" + ok << 4L
                                        << "plan_id, region, rate_cell, year" << true << "P1 | N | C | 2023"
                                        << "duplicate cell; first given on line 2";
        // The first record spans lines 2-4; the duplicate is on line 5.
        QTest::newRow("duplicate cell after multi-line field")
            << kHeader + ",plan_name\nP1,N,C,2023,1,\"a\nb\nc\"\nP1,N,C,2023,2,x\n" << 5L
            << "plan_id, region, rate_cell, year" << true << "P1 | N | C | 2023" << "first given on line 2";

        // Record shape.
        QTest::newRow("too few fields") << h + ok + "P1,N,C,2024,10,1\n" << 3L << "cost_rx" << false << ""
                                        << "row has 6 fields (the header has 7)";
        QTest::newRow("too many fields") << h + "P1,N,C,2023,10,1,2,9\n" << 2L << "" << true << "9"
                                         << "row has 8 fields (the header has 7)";
        QTest::newRow("empty line inside") << h + ok + "\nP1,N,C,2024,10,1,2\n" << 3L << "" << false << ""
                                           << "empty line";
        QTest::newRow("error after multi-line plan_name")
            << QByteArray("plan_id,plan_name,region,rate_cell,year,member_months\n"
                          "P1,\"a\nb\",N,C,2023,10\nP2,x,N,C,2023,-1\n")
            << 4L << "member_months" << true << "-1" << "must be > 0";
        QTest::newRow("BOM and CRLF line numbers") << "\xEF\xBB\xBF" + kHeader + "\r\nP1,N,C,2023,10\r\nP2,N,C,2023,x\r\n"
                                                   << 3L << "member_months" << true << "x"
                                                   << "not a finite decimal number";
        QTest::newRow("quoted number with space") << h + "P1,N,C,2023,10,\"12 \",2\n" << 2L << "cost_ip" << true
                                                  << "12 " << "not a finite decimal number";
        QTest::newRow("unterminated quote") << h + ok + "P2,\"N,C,2023,10,1,2\n" << 3L << "region" << true
                                            << "\"N,C,2023,10,1,2" << "quoted field opened on line 3 is never closed";
        QTest::newRow("garbage after quote") << h + "P1,\"N\"x,C,2023,10,1,2\n" << 2L << "region" << true << "\"N\"x"
                                             << "after the closing quote";
        QTest::newRow("region not UTF-8") << h + "P1,Pe\xF1" "a,C,2023,10,1,2\n" << 2L << "region" << true
                                          << "Pe\\xF1a" << "not valid UTF-8";
    }
    // clang-format on
    void malformed()
    {
        checkInputError(
            QStringLiteral("experience.csv"), [](const QByteArray& bytes) { return read(bytes); }, true);
    }

    void fromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("exp.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kHeader + ",cost_ip\nP1,N,C,2023,12,100\nP1,N,C,2024,12,110\n");
        file.close();
        ImportSummary s;
        const ExperienceData data = readExperienceFile(path, &s);
        QCOMPARE(data.sourceName, path.toStdString());
        QCOMPARE(data.cells.size(), std::size_t(2));
        QCOMPARE(data.cells[1].cost.at(0), 110.0);
        QCOMPARE(s.rows, 2L);

        const QString missing = dir.filePath(QStringLiteral("missing.csv"));
        try {
            readExperienceFile(missing);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().file, missing.toStdString());
            QVERIFY2(e.reason().find("no such file") != std::string::npos, e.what());
        }
    }

    // Enough rows for the reader to size its tables from the first 1024 and grow past them.
    void duplicateAmongMany()
    {
        QByteArray bytes = kHeader + "\n";
        for (int i = 0; i < 5000; ++i) // row i: plan P(i % 50), region R(i / 50), on line i + 2
            bytes += "P" + QByteArray::number(i % 50) + ",R" + QByteArray::number(i / 50) + ",C,2023,1\n";
        ImportSummary s;
        QCOMPARE(read(bytes, &s).cells.size(), std::size_t(5000));
        QCOMPARE(s.plans, 50L);
        QCOMPARE(s.rows, 5000L);
        try {
            read(bytes + "P23,R2,C,2023,7\n"); // row 123 again, on line 5002
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 5002L);
            QCOMPARE(e.where().value, std::string("P23 | R2 | C | 2023"));
            QVERIFY2(e.reason() == "duplicate cell; first given on line 125", e.what());
        }
    }

    void cancel()
    {
        ImportControl control;
        control.cancelled = [] { return true; };
        QVERIFY_THROWS_EXCEPTION(ImportCancelled, read(kHeader + "\nP1,N,C,2023,1\n", nullptr, control));
    }
};

QTEST_GUILESS_MAIN(TestExperienceCsv)
#include "tst_experience_csv.moc"
