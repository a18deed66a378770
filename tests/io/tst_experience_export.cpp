//! Writing experience back as §1.1 CSV (core/io/csv/experience_export.h): the export is lossless
//! (experience.csv → project → export → read gives the same ExperienceData, every double equal
//! with ==, no tolerance), also through the commands `sharecast import` and `export-experience`;
//! and the public-briefing mode suppresses small numbers: every figure of a cell with fewer than 11
//! members (member months / 12) and every count from 1 to 10 is written as "*". Expected lines are
//! written out by hand.

#include "cli/cli.h"
#include "io/csv/csv_reader.h"
#include "io/csv/experience_csv.h"
#include "io/csv/experience_export.h"
#include "io/project/importer.h"
#include "io/project/project_store.h"
#include "io_test_support.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>

using sharecast::ExperienceCell;
using sharecast::ExperienceData;
using namespace sharecast::io;
namespace cli = sharecast::cli;
using namespace sharecast::testing;

namespace {

ExperienceData readBytes(const QByteArray& bytes)
{
    return readBuffer(bytes,
                      [](QIODevice& in) { return readExperienceCsv(in, QStringLiteral("export.csv")); });
}

const QByteArray kAwkward =
    "plan_id,plan_name,region,rate_cell,year,member_months,risk_score,cost_inpatient,cost_pharmacy,"
    "excess_over_threshold,util_ed_visits,capitation_revenue,admin_cost,claims_denied,claims_total,"
    "grievances\n"
    // 1/3 written with 17 significant digits; 1e-7 as the excess of a 1e-7 cost.
    "P1,\"Alpha, \"\"Best\"\" Plan\",\"Los Angeles, North\",SPD/Dual,2023,0.1,0.33333333333333331,1234567.89,"
    "1e-7,1e-7,123456789012.34,123456789012.34,0.1,1.5,2.5,0.5\n"
    "P2,Salud Año,Fresno,Child,2024,1234567.89,1.05,0.1,0.2,0.30000000000000004,3.3333333333333335,100,"
    "0.30000000000000004,0,0,0\n"
    // Blanks take their defaults (risk 1, amounts 0); keys keep their spaces.
    "P3,, spaced ,Child,2024,12,,,,,,,,,,\n"
    // Extremes inside the input bounds (engine/input_bounds.h): 17 significant digits just under
    // $10^12 and 10^9 member months, the smallest denormal, a count at the bound.
    "P1,\"Alpha, \"\"Best\"\" "
    "Plan\",Fresno,LTC/Dual,2022,999999999.99999988,2.5e-5,999999999999.99988,4.9406564584124654e-324,"
    "0,1000000000000,999999999999.99988,0.000123,7,11,1e-300\n";

} // namespace

class TestExperienceExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // clang-format off
    void shortestNumber_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("integer") << 100.0 << "100";
        QTest::newRow("0.1") << 0.1 << "0.1";
        QTest::newRow("1234.5") << 1234.5 << "1234.5";
        QTest::newRow("1234567.89") << 1234567.89 << "1234567.89";
        QTest::newRow("1e-7") << 1e-7 << "1e-07";
        QTest::newRow("123456789012.34") << 123456789012.34 << "123456789012.34";
        QTest::newRow("1/3") << 1.0 / 3.0 << "0.3333333333333333";
        QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << "0.30000000000000004";
        QTest::newRow("negative") << -12.5 << "-12.5";
        QTest::newRow("largest") << 1.7976931348623157e308 << "1.7976931348623157e+308";
        QTest::newRow("smallest subnormal") << 4.9406564584124654e-324 << "5e-324";
    }
    // clang-format on
    void shortestNumber()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        const std::string s = sharecast::io::shortestNumber(value);
        QCOMPARE(QString::fromStdString(s), text);
        // And it reads back as exactly the same double.
        double back = 0.0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), back);
        QVERIFY(r.ec == std::errc());
        QVERIFY(back == value);
    }

    // clang-format off
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("sameLines");  // one physical line per record: source lines match too

        QTest::newRow("awkward values") << kAwkward << true;
        QTest::newRow("BOM and CRLF") << "\xEF\xBB\xBF" + QByteArray(kAwkward).replace("\n", "\r\n") << true;
        QTest::newRow("required columns only") << QByteArray("plan_id,region,rate_cell,year,member_months\nP1,R,C,2023,1e-6\nP1,R,C,2024,0.1\n") << true;
        QTest::newRow("columns in another order")
            << QByteArray("util_b,cost_z,year,member_months,cost_a,region,util_a,plan_id,rate_cell\n"
                          "0.1,1/3 is not here,2023,1,2,R,3,P,C\n").replace("1/3 is not here", "0.33333333333333331") << true;
        QTest::newRow("plan name over two lines") << QByteArray("plan_id,plan_name,region,rate_cell,year,member_months,cost_ip\n"
                                                                "P1,\"Alpha\nHealth\",R,C,2023,120,0.1\n"
                                                                "P1,\"Alpha\nHealth\",R,C,2024,120,0.2\n") << false;
    }
    // clang-format on
    void roundTrip()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, sameLines);
        QTemporaryDir dir;
        const QString source = writeFile(dir.filePath(QStringLiteral("experience.csv")), input);
        const ExperienceData original = readExperienceFile(source);

        ImportRequest request;
        request.experiencePath = source;
        qint64 id = 0;
        {
            auto store = ProjectStore::create(dir.filePath(QStringLiteral("p.sharecast")));
            id = importFiles(*store, request).datasetIds.value(0);
        }
        auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.sharecast")));
        const QByteArray exported = experienceCsv(store->loadExperience(id));
        const ExperienceData back = readBytes(exported);
        const QString diff = experienceDiff(back, original, sameLines);
        QVERIFY2(diff.isEmpty(), qPrintable(diff + "\n" + QString::fromUtf8(exported)));

        // The same bytes as exporting what was read, and exporting the re-read data changes nothing.
        QCOMPARE(experienceCsv(original), exported);
        QCOMPARE(experienceCsv(back), exported);
        QVERIFY(!exported.contains('*'));
    }

    //! The canonical column order of the export (§1.1), for a dataset with two COS and one util.
    void header()
    {
        ExperienceData d;
        d.cosNames = {"inpatient", "pharmacy"};
        d.utilNames = {"ed_visits"};
        const QByteArray bytes = experienceCsv(d);
        QCOMPARE(
            bytes,
            QByteArray("plan_id,plan_name,region,rate_cell,year,member_months,risk_score,cost_inpatient,"
                       "cost_pharmacy,excess_over_threshold,util_ed_visits,capitation_revenue,admin_cost,"
                       "claims_denied,claims_total,grievances\n"));
    }

    void commandsRoundTrip()
    {
        QTemporaryDir dir;
        const QString source = writeFile(dir.filePath(QStringLiteral("experience.csv")), kAwkward);
        const QString quality = writeFile(dir.filePath(QStringLiteral("quality.csv")),
                                          "plan_id,year,measure_id,rate\nP1,2023,M,0.5\n");
        const QString project = dir.filePath(QStringLiteral("built.sharecast"));
        const QString out = dir.filePath(QStringLiteral("exported.csv"));

        const cli::CommandResult imported =
            cli::execute({"import", "--project", project, "--experience", source, "--quality", quality});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(QFile::exists(project));
        QVERIFY(!QFile::exists(project + QStringLiteral(".importing")));

        const cli::CommandResult exported =
            cli::execute({"export-experience", "--project", project, "--out", out});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const ExperienceData back = readExperienceFile(out);
        const QString diff = experienceDiff(back, readExperienceFile(source), true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // Public mode through the command: the same bytes as experienceCsv with suppression.
        const QString publicOut = dir.filePath(QStringLiteral("public.csv"));
        QCOMPARE(cli::execute({"export-experience", "--project", project, "--out", publicOut, "--public"})
                     .exitCode,
                 0);
        ExportOptions suppress;
        suppress.suppressSmallCells = true;
        QCOMPARE(fileBytes(publicOut), experienceCsv(readExperienceFile(source), suppress));

        // Bad input: exit code 2 and no output written.
        const QByteArray bad = "plan_id,region,rate_cell,year,member_months\nP1,R,C,2023,0\n";
        const QString never = dir.filePath(QStringLiteral("never.sharecast"));
        const cli::CommandResult refused =
            cli::execute({"import", "--project", never, "--experience",
                          writeFile(dir.filePath(QStringLiteral("bad.csv")), bad)});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("bad.csv:2")), qPrintable(refused.err));
        QVERIFY(!QFile::exists(never));
        QVERIFY(!QFile::exists(never + QStringLiteral(".importing")));

        const QString xOut = dir.filePath(QStringLiteral("x.csv"));
        QCOMPARE(cli::execute({"export-experience", "--project", never, "--out", xOut}).exitCode, 2);
        QVERIFY(!QFile::exists(xOut));
        QVERIFY(!QFile::exists(never)); // not created by trying to read it

        const QString qualityOnly = dir.filePath(QStringLiteral("quality-only.sharecast"));
        QCOMPARE(cli::execute({"import", "--project", qualityOnly, "--quality", quality}).exitCode, 0);
        const QString yOut = dir.filePath(QStringLiteral("y.csv"));
        const cli::CommandResult none =
            cli::execute({"export-experience", "--project", qualityOnly, "--out", yOut});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(QStringLiteral("no experience data")), qPrintable(none.err));
        QVERIFY(!QFile::exists(yOut));

        QCOMPARE(cli::execute({"export-experience", "--project", project, "--out",
                               dir.filePath(QStringLiteral("missing/z.csv"))})
                     .exitCode,
                 2);
    }

    // clang-format off
    void suppression_data()
    {
        QTest::addColumn<double>("memberMonths");
        QTest::addColumn<QList<double>>("counts");  // util_ed_visits, util_ip_discharges, claims_denied, claims_total, grievances
        QTest::addColumn<QString>("publicLine");    // the row in the suppressed export
        QTest::addColumn<QString>("fullLine");      // the row without suppression

        // 120 MM = 10 members: every figure suppressed, counts 50 and 200 included; keys kept.
        QTest::newRow("10 members") << 120.0 << QList<double>{50, 7, 40, 200, 0}
            << "P1,Alpha,North,Child,2023,*,*,*,*,*,*,*,*,*,*,*"
            << "P1,Alpha,North,Child,2023,120,1.1,5000.5,0,50,7,9000,100,40,200,0";
        // 131.9 MM = 10.99 members: still fewer than 11.
        QTest::newRow("10.99 members") << 131.9 << QList<double>{12, 12, 12, 12, 12}
            << "P1,Alpha,North,Child,2023,*,*,*,*,*,*,*,*,*,*,*"
            << "P1,Alpha,North,Child,2023,131.9,1.1,5000.5,0,12,12,9000,100,12,12,12";
        // 132 MM = 11 members: figures kept; counts 1–10 suppressed, 11 and fractions below 1 kept.
        QTest::newRow("11 members") << 132.0 << QList<double>{7, 11, 10, 11, 0.5}
            << "P1,Alpha,North,Child,2023,132,1.1,5000.5,0,*,11,9000,100,*,11,0.5"
            << "P1,Alpha,North,Child,2023,132,1.1,5000.5,0,7,11,9000,100,10,11,0.5";
        // Boundaries of the count rule: 1 and 10 suppressed; 0, 0.99, 10.5 and 11 kept.
        QTest::newRow("count boundaries") << 1200.0 << QList<double>{1, 0.99, 10.5, 11, 10}
            << "P1,Alpha,North,Child,2023,1200,1.1,5000.5,0,*,0.99,9000,100,10.5,11,*"
            << "P1,Alpha,North,Child,2023,1200,1.1,5000.5,0,1,0.99,9000,100,10.5,11,10";
        QTest::newRow("zeros kept") << 1200.0 << QList<double>{0, 0, 0, 0, 0}
            << "P1,Alpha,North,Child,2023,1200,1.1,5000.5,0,0,0,9000,100,0,0,0"
            << "P1,Alpha,North,Child,2023,1200,1.1,5000.5,0,0,0,9000,100,0,0,0";
    }
    // clang-format on
    void suppression()
    {
        QFETCH(double, memberMonths);
        QFETCH(QList<double>, counts);
        QFETCH(QString, publicLine);
        QFETCH(QString, fullLine);
        ExperienceData d;
        d.cosNames = {"inpatient"};
        d.utilNames = {"ed_visits", "ip_discharges"};
        d.planNames = {{"P1", "Alpha"}};
        ExperienceCell c;
        c.planId = "P1";
        c.region = "North";
        c.rateCell = "Child";
        c.year = 2023;
        c.memberMonths = memberMonths;
        c.riskScore = 1.1;
        c.cost = {5000.5};
        c.util = {counts[0], counts[1]};
        c.capitationRevenue = 9000.0;
        c.adminCost = 100.0;
        c.claimsDenied = counts[2];
        c.claimsTotal = counts[3];
        c.grievances = counts[4];
        d.cells = {c};
        const QString header = QStringLiteral("plan_id,plan_name,region,rate_cell,year,member_months,risk_"
                                              "score,cost_inpatient,excess_over_threshold,"
                                              "util_ed_visits,util_ip_discharges,capitation_revenue,admin_"
                                              "cost,claims_denied,claims_total,grievances\n");
        ExportOptions options;
        options.suppressSmallCells = true;
        QCOMPARE(QString::fromUtf8(experienceCsv(d, options)), header + publicLine + u'\n');
        QCOMPARE(QString::fromUtf8(experienceCsv(d)), header + fullLine + u'\n');
    }

    //! A whole suppressed export: no count column holds a number from 1 to 10, and every figure of
    //! a cell with fewer than 11 members is "*".
    void noSmallCountsAnywhere()
    {
        ExperienceData d;
        d.cosNames = {"inpatient", "pharmacy"};
        d.utilNames = {"ed_visits", "ip_discharges", "readmissions"};
        int line = 2;
        for (int mm = 12; mm <= 240; mm += 6) { // 1 to 20 members
            for (int k = 0; k < 3; ++k) {
                ExperienceCell c;
                c.planId = "P" + std::to_string(k);
                c.region = "R";
                c.rateCell = "C";
                c.year = 2000 + mm;
                c.memberMonths = mm;
                c.riskScore = 0.5 + 0.1 * k;
                c.cost = {1000.0 * mm, 7.0};
                c.excessOverThreshold = k;
                c.util = {double(mm % 13), double(k + 1), 0.5 * mm};
                c.capitationRevenue = 5.0;
                c.adminCost = 3.0;
                c.claimsDenied = double(mm % 11);
                c.claimsTotal = double(mm % 11 + k * 5);
                c.grievances = double(k * 4);
                c.sourceLine = line++;
                d.cells.push_back(c);
            }
        }
        ExportOptions options;
        options.suppressSmallCells = true;
        QBuffer buffer;
        buffer.setData(experienceCsv(d, options));
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, "public.csv");
        const std::vector<std::string> names = readCsvHeader(reader);
        std::size_t row = 0;
        int suppressedCells = 0, suppressedCounts = 0;
        while (reader.next()) {
            QVERIFY(row < d.cells.size());
            const ExperienceCell& c = d.cells[row++];
            const bool small = c.memberMonths / 12.0 < 11.0;
            suppressedCells += small ? 1 : 0;
            for (std::size_t i = 0; i < names.size(); ++i) {
                const std::string& name = names[i];
                const QString text =
                    QString::fromUtf8(reader.field(i).data(), qsizetype(reader.field(i).size()));
                const bool key = name == "plan_id" || name == "plan_name" || name == "region" ||
                                 name == "rate_cell" || name == "year";
                const bool count = name.rfind("util_", 0) == 0 || name == "claims_denied" ||
                                   name == "claims_total" || name == "grievances";
                const QString where = QStringLiteral("line %1, %2 = %3")
                                          .arg(reader.line())
                                          .arg(QString::fromStdString(name), text);
                if (key) {
                    QVERIFY2(text != QLatin1String("*"), qPrintable(where));
                } else if (small) {
                    QVERIFY2(text == QLatin1String("*"), qPrintable(where));
                } else if (count) {
                    if (text == QLatin1String("*")) {
                        ++suppressedCounts;
                        continue;
                    }
                    bool ok = false;
                    const double v = text.toDouble(&ok);
                    QVERIFY2(ok, qPrintable(where));
                    QVERIFY2(!(v >= 1.0 && v <= 10.0), qPrintable(where));
                } else {
                    QVERIFY2(text != QLatin1String("*"), qPrintable(where));
                }
            }
        }
        QCOMPARE(row, d.cells.size());
        QVERIFY(suppressedCells > 0 && suppressedCounts > 0); // the check had something to check
    }
};

QTEST_GUILESS_MAIN(TestExperienceExport)
#include "tst_experience_export.moc"
