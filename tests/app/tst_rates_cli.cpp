//! `sharecast rates --regional` (docs/methodology.md "Regional rates") as a user runs it: a
//! two-year case worked by hand, --year, warnings, and bad input (exit 2, nothing written).
//!
//! Case H: plans P1 and P2 in counties A and B (region R) and P1 in C (no region), rate cell
//! Adult, 2024 experience; projection from 2024, horizon 2, rate lag 1, no admin load or
//! underwriting gain, no trend, enrollment growth 10 %. Both rate years rest on 2024 experience
//! (2025's base year is 2024; 2026's base year 2025 is projected, and with no utilization change the
//! counterfactual and projected PMPM are both the 2024 PMPM), so old rates are the 2024 PMPMs:
//!   P1 A: MM 1,000, PMPM 200;  P2 B: MM 3,000, PMPM 100;  P1 C: MM 500, PMPM 150.
//! 2025: MM · 1.1; 2026: MM · 1.21 — a common factor, so R is the same both years:
//!   R = (1,000·200 + 3,000·100) / 4,000 = 125. blend 1, adjustment A 1.1, budget neutral:
//!   k = 500,000 / (1,000·137.5 + 3,000·125) = 500,000 / 512,500 = 40/41;
//!   new A = 137.5 · 40/41 = 134.146341… → 134.15, change −65.853658… → −65.85;
//!   dollars 2025: −65.853658… · 1,100 = −72,439.02; 2026: · 1,210 = −79,682.93.
//!   new B = 125 · 40/41 = 121.951219… → 121.95, change +21.951219… → 21.95;
//!   dollars 2025: · 3,300 = +72,439.02; 2026: · 3,630 = +79,682.93.

#include "run_sharecast.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using sharecast::testing::fileLines;
using sharecast::testing::runSharecast;
using sharecast::testing::writeFile;

class TestRatesCli : public QObject {
    Q_OBJECT

    using Result = sharecast::testing::CliResult;

    QTemporaryDir tmp_;
    QString experience_, scenario_;

    QString path(const char* name) const { return tmp_.filePath(QLatin1String(name)); }

    static QByteArray scenarioText(const QByteArray& regional)
    {
        return R"({"projection": {"start_year": 2024, "horizon": 2, "rate_lag": 1, "admin_load": 0,
                                  "underwriting_gain": 0, "enrollment_growth": 0.1,
                                  "utilization_change": {"default": 0, "by_cos": {}}},
                  "regional_rates": )" +
               regional + "}";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        experience_ = path("experience.csv");
        scenario_ = path("scenario.json");
        QVERIFY(writeFile(experience_, "plan_id,region,rate_cell,year,member_months,cost_medical\n"
                                       "P1,A,Adult,2024,1000,200000\n"
                                       "P2,B,Adult,2024,3000,300000\n"
                                       "P1,C,Adult,2024,500,75000\n"));
        QVERIFY(writeFile(scenario_,
                          scenarioText(R"({"regions": {"R": ["A", "B"]}, "adjustments": {"A": 1.1}})")));
    }

    void rowsWorkedByHand()
    {
        const QString out = path("rates.csv");
        const Result r = runSharecast(
            {"rates", "--regional", "--experience", experience_, "--scenario", scenario_, "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("warning: county C is in no region of regional_rates and keeps its own rate"),
                 qPrintable(r.err));
        const QList<QByteArray> l = fileLines(out);
        QCOMPARE(l.size(), 7);
        QCOMPARE(l[0], QByteArray("plan_id,county,region,rate_cell,year,member_months,old_pmpm,regional_pmpm,"
                                  "adjustment,scale,new_pmpm,change_pmpm,change_dollars"));
        QCOMPARE(l[1], QByteArray("P1,A,R,Adult,2025,1100.000000,200.00,125.00,1.1000000000,0.9756097561,"
                                  "134.15,-65.85,-72439.02"));
        QCOMPARE(l[2], QByteArray("P1,A,R,Adult,2026,1210.000000,200.00,125.00,1.1000000000,0.9756097561,"
                                  "134.15,-65.85,-79682.93"));
        QCOMPARE(l[3], QByteArray("P1,C,,Adult,2025,550.000000,150.00,,,,150.00,0.00,0.00"));
        QCOMPARE(l[4], QByteArray("P1,C,,Adult,2026,605.000000,150.00,,,,150.00,0.00,0.00"));
        QCOMPARE(l[5], QByteArray("P2,B,R,Adult,2025,3300.000000,100.00,125.00,1.0000000000,0.9756097561,"
                                  "121.95,21.95,72439.02"));
        QCOMPARE(l[6], QByteArray("P2,B,R,Adult,2026,3630.000000,100.00,125.00,1.0000000000,0.9756097561,"
                                  "121.95,21.95,79682.93"));
    }

    void oneYear()
    {
        const QString out = path("rates-2026.csv");
        const Result r = runSharecast({"rates", "--regional", "--experience", experience_, "--scenario",
                                       scenario_, "--year", "2026", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> l = fileLines(out);
        QCOMPARE(l.size(), 4);
        for (int i = 1; i < l.size(); ++i)
            QVERIFY2(l[i].split(',').value(4) == "2026", l[i].constData());
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QByteArray>("regional"); // empty: the good scenario
        QTest::addColumn<QString>("message");
        QTest::newRow("no regional_rates")
            << QStringList{} << QByteArray("null") << "the scenario configures no regional rates";
        QTest::newRow("county in two regions")
            << QStringList{} << QByteArray(R"({"regions": {"R": ["A", "B"], "S": ["B"]}})")
            << "county 'B' is in two regions, 'R' and 'S'";
        QTest::newRow("blend above 1")
            << QStringList{} << QByteArray(R"({"regions": {"R": ["A"]}, "blend": 2})")
            << "'regional_rates.blend'";
        QTest::newRow("negative adjustment")
            << QStringList{} << QByteArray(R"({"regions": {"R": ["A"]}, "adjustments": {"A": -1}})")
            << "an adjustment must be positive";
        QTest::newRow("unknown key") << QStringList{}
                                     << QByteArray(R"({"regions": {"R": ["A"]}, "budget_neutrality": true})")
                                     << "unknown key";
        QTest::newRow("year outside the projection") << QStringList{"--year", "2024"} << QByteArray()
                                                     << "not a rate year of the projection (2025 to 2026)";
        QTest::newRow("year not a number") << QStringList{"--year", "next"} << QByteArray() << "--year";
    }
    void badInput()
    {
        QFETCH(QStringList, extra);
        QFETCH(QByteArray, regional);
        QFETCH(QString, message);
        QString scenario = scenario_;
        if (!regional.isEmpty()) {
            scenario = path("bad.json");
            QVERIFY(writeFile(scenario, scenarioText(regional)));
        }
        const QString out = path("never.csv");
        const Result r = runSharecast(QStringList{"rates", "--regional", "--experience", experience_,
                                                  "--scenario", scenario, "--out", out} +
                                      extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void needsRegional()
    {
        const Result r = runSharecast(
            {"rates", "--experience", experience_, "--scenario", scenario_, "--out", path("x.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("rates needs --regional"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestRatesCli)
#include "tst_rates_cli.moc"
