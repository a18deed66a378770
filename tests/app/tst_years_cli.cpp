//! `sharecast settle --years` (docs/methodology.md, "Program years") as a user runs it: the rows
//! of a program worked by hand, by_year terms applied per year, the cumulative rows, a plan absent
//! in a year, the single-year path unchanged, and bad input (exit 2, nothing written).
//!
//! Case Y (one rate cell Child in region R, one COS; no trend, MSR none, first-dollar sharing):
//!   P1: 12,000 MM every year; cost 2021 1,200,000 (PMPM 100), 2022 1,176,000 (98),
//!       2023 1,140,720 (95.06), 2024 1,129,312.80.
//!   P2: 1,200 MM and cost 120,000 in 2021–2023 (no 2024 row): G = 0 every year, P = 0.
//!   Scenario: max_share 0.5; by_year 2023 max_share 0.4; by_year 2024 max_share 0.3; each year Y
//!   settles on [Y − 1]; FMAP 0.5.
//!   P1 2022: E = 100 · 12,000 = 1,200,000; A = 1,176,000; G = 24,000; S = 0.02; P = 0.5 · G =
//!            12,000; net 12,000; federal = state = 6,000.
//!   P1 2023: E = 98 · 12,000 = 1,176,000; A = 1,140,720; G = 35,280; S = 0.03; P = 0.4 · G =
//!            14,112; net 21,168; federal = state = 10,584.
//!   P1 2024: E = 95.06 · 12,000 = 1,140,720; A = 1,129,312.80; G = 11,407.20; S = 0.01;
//!            P = 0.3 · G = 3,422.16; net 7,985.04; federal = state = 3,992.52.
//!   P1 cumulative: E 3,516,720; A 3,446,032.80; G 70,687.20; S = 70,687.2 / 3,516,720 =
//!            0.0201003208; P 29,534.16; net 41,153.04; federal = state = 20,576.52.

#include "run_sharecast.h"

#include <QTemporaryDir>
#include <QTest>

class TestYearsCli : public QObject {
    Q_OBJECT

    using Result = sharecast::testing::CliResult;
    static Result run(const QStringList& args) { return sharecast::testing::runSharecast(args); }
    static bool write(const QString& path, const QByteArray& text)
    {
        return sharecast::testing::writeFile(path, text);
    }
    static QList<QByteArray> lines(const QString& path) { return sharecast::testing::fileLines(path); }

    QTemporaryDir tmp_;
    QString experience_, scenario_;

    QString path(const char* name) const { return tmp_.filePath(QLatin1String(name)); }

    //! Runs settle on case Y with the scenario text and extra arguments.
    Result settle(const QByteArray& scenario, const QStringList& extra, const QString& out)
    {
        const QString s = path("s.json");
        if (!write(s, scenario))
            return {-3, {}, QStringLiteral("cannot write the scenario")};
        return run(QStringList{"settle", "--experience", experience_, "--scenario", s, "--out", out} + extra);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        experience_ = path("experience.csv");
        scenario_ = path("scenario.json");
        QVERIFY(write(experience_, "plan_id,region,rate_cell,year,member_months,cost_medical\n"
                                   "P1,R,Child,2021,12000,1200000\n"
                                   "P1,R,Child,2022,12000,1176000\n"
                                   "P1,R,Child,2023,12000,1140720\n"
                                   "P1,R,Child,2024,12000,1129312.80\n"
                                   "P2,R,Child,2021,1200,120000\n"
                                   "P2,R,Child,2022,1200,120000\n"
                                   "P2,R,Child,2023,1200,120000\n"));
        QVERIFY(write(scenario_, R"({"sharing": {"max_share": 0.5},
                                     "by_year": {"2023": {"sharing": {"max_share": 0.4}},
                                                 "2024": {"sharing": {"max_share": 0.3}}}})"));
    }

    void programWorkedByHand()
    {
        const QString out = path("program.csv");
        const Result r = run({"settle", "--experience", experience_, "--scenario", scenario_, "--years",
                              "2022-2024", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("plan P2 is not settled in 2024")), qPrintable(r.err));
        const QList<QByteArray> l = lines(out);
        QCOMPARE(l.size(), 1 + 5 + 2);
        QCOMPARE(l[0], QByteArray("year,plan_id,expected,actual,gross_savings,savings_rate,members,msr,mlr,"
                                  "quality_score,quality_gate,tcc_trend_gate,appropriateness_flag,eligible,"
                                  "share_rate,plan_payment,program_net,federal_share,state_share"));
        QCOMPARE(l[1],
                 QByteArray("2022,P1,1200000.00,1176000.00,24000.00,0.0200000000,1000.000000,0.0000000000,"
                            "0.0000000000,,1,,,1,0.5000000000,12000.00,12000.00,6000.00,6000.00"));
        QCOMPARE(l[2], QByteArray("2022,P2,120000.00,120000.00,0.00,0.0000000000,100.000000,0.0000000000,"
                                  "0.0000000000,,1,,,1,0.5000000000,0.00,0.00,0.00,0.00"));
        QCOMPARE(l[3],
                 QByteArray("2023,P1,1176000.00,1140720.00,35280.00,0.0300000000,1000.000000,0.0000000000,"
                            "0.0000000000,,1,,,1,0.4000000000,14112.00,21168.00,10584.00,10584.00"));
        QVERIFY(l[4].startsWith("2023,P2,"));
        QCOMPARE(l[5],
                 QByteArray("2024,P1,1140720.00,1129312.80,11407.20,0.0100000000,1000.000000,0.0000000000,"
                            "0.0000000000,,1,,,1,0.3000000000,3422.16,7985.04,3992.52,3992.52"));
        QCOMPARE(l[6],
                 QByteArray("cumulative,P1,3516720.00,3446032.80,70687.20,0.0201003208,,,,,,,,,,29534.16,"
                            "41153.04,20576.52,20576.52"));
        QCOMPARE(
            l[7],
            QByteArray("cumulative,P2,240000.00,240000.00,0.00,0.0000000000,,,,,,,,,,0.00,0.00,0.00,0.00"));
    }

    void listOfYears()
    {
        // 2022 and 2024 only: the cumulative row sums those two (P1: E 2,340,720; P 15,422.16).
        const QString out = path("list.csv");
        const Result r = run({"settle", "--experience", experience_, "--scenario", scenario_, "--years",
                              "2024,2022", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> l = lines(out);
        QCOMPARE(l.size(), 1 + 3 + 2);
        QVERIFY(l[1].startsWith("2022,P1,"));
        QVERIFY(l[3].startsWith("2024,P1,"));
        QCOMPARE(l[4],
                 QByteArray("cumulative,P1,2340720.00,2305312.80,35407.20,0.0151266277,,,,,,,,,,15422.16,"
                            "19985.04,9992.52,9992.52"));
    }

    //! One program year is the single-year settlement of that year's scenario, with a year column.
    void oneYearIsTheSettleRow()
    {
        const QString program = path("one.csv");
        const QString single = path("single.csv");
        QVERIFY(run({"settle", "--experience", experience_, "--scenario", scenario_, "--years", "2022",
                     "--out", program})
                    .exitCode == 0);
        const Result r = run({"settle", "--experience", experience_, "--scenario", scenario_, "--year",
                              "2022", "--out", single});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> p = lines(program);
        const QList<QByteArray> s = lines(single);
        QCOMPARE(p.size(), 1 + 2 + 2);
        QCOMPARE(s.size(), 3);
        QCOMPARE(p[0], "year," + s[0]);
        QCOMPARE(p[1], "2022," + s[1]);
        QCOMPARE(p[2], "2022," + s[2]);
    }

    //! A single-year settlement of a year with an override says it does not apply it.
    void singleYearWarnsOfItsOverride()
    {
        const Result r = run({"settle", "--experience", experience_, "--scenario", scenario_, "--year",
                              "2023", "--out", path("single2023.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("by_year.2023 is not applied")), qPrintable(r.err));
        QVERIFY(lines(path("single2023.csv"))[1].contains(",0.5000000000,17640.00,")); // P = 0.5 · 35,280
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        const QByteArray good = R"({"by_year": {"2023": {"sharing": {"max_share": 0.4}}}})";
        QTest::newRow("--years with --year") << good << QStringList{"--years", "2022-2024", "--year", "2023"}
                                             << "--years and --year cannot both be given";
        QTest::newRow("range backwards") << good << QStringList{"--years", "2024-2022"}
                                         << "--years '2024-2022': the range ends before it starts";
        QTest::newRow("not a year") << good << QStringList{"--years", "2022,x"} << "'x' is not a year";
        QTest::newRow("year twice") << good << QStringList{"--years", "2022,2023,2022"}
                                    << "2022 is given twice";
        QTest::newRow("override sets performance_year")
            << QByteArray(R"({"by_year": {"2023": {"performance_year": 2023}}})")
            << QStringList{"--years", "2023"}
            << "column 'by_year.2023.performance_year': a by_year override cannot set performance_year";
        QTest::newRow("override nests by_year")
            << QByteArray(R"({"by_year": {"2023": {"by_year": {}}}})") << QStringList{"--years", "2023"}
            << "column 'by_year.2023.by_year'";
        QTest::newRow("override out of range")
            << QByteArray("{\"by_year\": {\n  \"2023\": {\"sharing\": {\n    \"max_share\": 1.5}}}}")
            << QStringList{"--years", "2023"}
            << "s.json:3: column 'by_year.2023.sharing.max_share', value '1.5': must lie in [0, 1]";
        QTest::newRow("override key not a year")
            << QByteArray(R"({"by_year": {"next": {}}})") << QStringList{"--years", "2023"}
            << "column 'by_year.next', value 'next': a by_year key must be a year";
        QTest::newRow("unknown key in an override")
            << QByteArray(R"({"by_year": {"2023": {"sharing": {"max_shares": 0.4}}}})")
            << QStringList{"--years", "2023"} << "column 'by_year.2023.sharing.max_shares'";
        QTest::newRow("explicit baseline inside the program")
            << QByteArray(R"({"baseline": {"years": [2021, 2022]}})") << QStringList{"--years", "2022-2024"}
            << "column 'baseline.years', value '2022': baseline years must be before the performance year "
               "2022";
    }

    void badInput()
    {
        QFETCH(QByteArray, scenario);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const QString out = path("bad.csv");
        QFile::remove(out);
        const Result r = settle(scenario, extra, out);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestYearsCli)
#include "tst_years_cli.moc"
