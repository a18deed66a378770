//! `sharecast validity` (methodology §13) as a user runs it: the columns and their precision on a
//! case worked by hand, c from member data imported with and without the scenario, the ALL row,
//! seed reproducibility, the projection fan, and bad input (exit 2, nothing written).
//!
//! Case H (one plan P1, region R, rate cell Child, one COS):
//!   2023: 60,000 MM, cost 6,000,000 (PMPM 100); 2024: 60,000 MM, cost 5,880,000 (PMPM 98).
//!   Scenario: performance year 2024, baseline [2023] (default), no trend; MSR fixed 2 %;
//!   uncertainty.cv 1.7; α 0.10; sharing 50 % first dollar; losses off.
//!   E = 6,000,000, A = 5,880,000, S = 0.02; N = 5,000, N_2023 = 5,000, w = 1.
//!   σ = 1.7 · √(1/5,000 + 1/5,000) = 0.034; p_false_reward = 1 − Φ(0.02/0.034) = 0.2781871852;
//!   power = 1 − Φ((0.02 − 0.02)/σ) = 0.5; interval 0.02 ∓ 1.6448536270 · 0.034
//!   = −0.0359250233 … 0.0759250233; members_needed = ⌈(1.2815515655 · 1.7 / 0.02)² · (1 + 1)⌉
//!   = ⌈23,732.31⌉ = 23,733. (python3 as a calculator: Φ(x) = erfc(−x/√2)/2.)

#include "run_sharecast.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestValidityCli : public QObject {
    Q_OBJECT

    using Result = sharecast::testing::CliResult;
    static Result run(const QStringList& args) { return sharecast::testing::runSharecast(args); }
    static bool write(const QString& path, const QByteArray& text)
    {
        return sharecast::testing::writeFile(path, text);
    }
    static QByteArray readAll(const QString& path) { return sharecast::testing::readFile(path); }
    static QList<QByteArray> lines(const QString& path) { return sharecast::testing::fileLines(path); }

    QTemporaryDir tmp_;
    QString experience_, scenario_;

    QString path(const char* name) const { return tmp_.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        experience_ = path("experience.csv");
        scenario_ = path("scenario.json");
        QVERIFY(write(experience_, "plan_id,region,rate_cell,year,member_months,cost_medical\n"
                                   "P1,R,Child,2023,60000,6000000\n"
                                   "P1,R,Child,2024,60000,5880000\n"));
        QVERIFY(write(scenario_, R"({"performance_year": 2024, "msr": {"method": "fixed", "rate": 0.02},
                                     "sharing": {"max_share": 0.5},
                                     "uncertainty": {"cv": 1.7, "draws": 2000, "seed": 7}})"));
    }

    void rowWorkedByHand()
    {
        const QString out = path("v.csv");
        const Result r =
            run({"validity", "--experience", experience_, "--scenario", scenario_, "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> l = lines(out);
        QCOMPARE(l.size(), 3);
        QCOMPARE(l[0],
                 QByteArray("plan_id,members,cv,sigma,msr,mlr,savings_rate,ci_low,ci_high,p_false_reward,"
                            "p_false_penalty,power,members_needed,chance_payment_mean,chance_payment_p95,"
                            "payment_p05,payment_p50,payment_p95"));
        const QList<QByteArray> f = l[1].split(',');
        QCOMPARE(f.size(), 18);
        const QList<QByteArray> closedForm = f.mid(0, 13);
        QCOMPARE(closedForm,
                 (QList<QByteArray>{"P1", "5000.000000", "1.7000000000", "0.0340000000", "0.0200000000",
                                    "0.0200000000", "0.0200000000", "-0.0359250233", "0.0759250233",
                                    "0.2781871852", "", "0.5000000000", "23733"}));
        // Monte Carlo around S = m: the median draw pays on S ≈ 2 % (ρ · G ≈ 60,000), p05 pays 0;
        // by chance the mean is 0.5 · E · σφ(m/σ) = 0.5 · 6e6 · 0.034 · φ(0.588) = 34,227.31, within
        // sampling error (2,000 draws: standard error 1,374).
        QCOMPARE(f[15], QByteArray("0.00"));
        QVERIFY2(qAbs(f[16].toDouble() - 60000.0) < 6000.0, f[16].constData());
        QVERIFY2(qAbs(f[13].toDouble() - 34227.31) < 4 * 1374.0, f[13].constData());
        // ALL: the Monte Carlo columns of the per-draw sum; with one plan, the plan's.
        const QList<QByteArray> all = l[2].split(',');
        QCOMPARE(all.size(), 18);
        QCOMPARE(all[0], QByteArray("ALL"));
        for (int i = 1; i < 13; ++i)
            QVERIFY2(all[i].isEmpty(), qPrintable(QString::number(i)));
        QCOMPARE(all.mid(13), f.mid(13));
    }

    void explainPrintsSigmaAndItsParts()
    {
        const Result r =
            run({"validity", "--experience", experience_, "--scenario", scenario_, "--explain", "P1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* text :
             {"c = 1.700000 from uncertainty.cv", "N = 5000.00 members in 2024: 1/N = 0.0002000000",
              "base year 2023: N_b = 5000.00, w_b = 1.000000, w_b²/N_b = 0.0002000000", "= 3.4000 %",
              "clears it by chance 27.8187 % of the time",
              "members needed for a false-reward chance of 10.0 % at this MSR: 23733"})
            QVERIFY2(r.out.contains(QString::fromUtf8(text)),
                     qPrintable(QString::fromUtf8(text) + "\n" + r.out));
        const Result none =
            run({"validity", "--experience", experience_, "--scenario", scenario_, "--explain", "P9"});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("no settled plan 'P9'"), qPrintable(none.err));
    }

    void sameSeedSameBytes()
    {
        const QStringList base{"validity", "--experience", experience_, "--scenario",
                               scenario_,  "--draws",      "5000"};
        QVERIFY(run(base + QStringList{"--seed", "42", "--out", path("a.csv")}).exitCode == 0);
        QVERIFY(run(base + QStringList{"--seed", "42", "--out", path("b.csv")}).exitCode == 0);
        QVERIFY(run(base + QStringList{"--seed", "43", "--out", path("c.csv")}).exitCode == 0);
        QCOMPARE(readAll(path("a.csv")), readAll(path("b.csv")));
        const QList<QByteArray> a = lines(path("a.csv"))[1].split(','),
                                c = lines(path("c.csv"))[1].split(',');
        QCOMPARE(a.mid(0, 13), c.mid(0, 13)); // the closed forms do not draw
        QVERIFY(a.mid(13) != c.mid(13));
    }

    //! c from member data: four members in 2024 costing 100, 200, 300 and 400 (mean 250, variance
    //! 12,500, c = 0.4472135955); imported with a scenario that truncates at 350: 100, 200, 300,
    //! 350 (mean 237.5, variance 9,218.75, c = 0.4042708288).
    void cvFromMemberData()
    {
        const QString members = path("members.csv");
        QVERIFY(write(members, "member_id,plan_id,region,rate_cell,year,member_months,cost_medical\n"
                               "a,P1,R,Child,2023,12,100\nb,P1,R,Child,2023,12,100\n"
                               "c,P1,R,Child,2023,12,100\nd,P1,R,Child,2023,12,100\n"
                               "a,P1,R,Child,2024,12,100\nb,P1,R,Child,2024,12,200\n"
                               "c,P1,R,Child,2024,12,300\nd,P1,R,Child,2024,12,400\n"));
        const QString plain = path("plain.json"), truncating = path("truncating.json");
        QVERIFY(write(plain, R"({"performance_year": 2024, "msr": {"method": "fixed", "rate": 0.02}})"));
        QVERIFY(write(truncating, R"({"performance_year": 2024, "msr": {"method": "fixed", "rate": 0.02},
                                      "truncation": {"enabled": true, "threshold": 350}})"));

        const QString p1 = path("p1.sharecast");
        Result r = run({"import", "--project", p1, "--members", members});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({"validity", "--project", p1, "--scenario", plain, "--draws", "10", "--out", path("m1.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(lines(path("m1.csv"))[1].split(',')[2], QByteArray("0.4472135955"));

        const QString p2 = path("p2.sharecast");
        r = run({"import", "--project", p2, "--members", members, "--scenario", truncating});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({"validity", "--project", p2, "--scenario", truncating, "--draws", "10", "--out",
                 path("m2.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(lines(path("m2.csv"))[1].split(',')[2], QByteArray("0.4042708288"));

        // The scenario's own cv wins; with no member data (a cell file) msr.cv (default 2.5).
        r = run(
            {"validity", "--project", p2, "--scenario", scenario_, "--draws", "10", "--out", path("m3.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(lines(path("m3.csv"))[1].split(',')[2], QByteArray("1.7000000000"));
        r = run({"validity", "--experience", experience_, "--scenario", plain, "--draws", "10", "--out",
                 path("m4.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(lines(path("m4.csv"))[1].split(',')[2], QByteArray("2.5000000000"));
    }

    void projectionFan()
    {
        const QString fan = path("fan.csv");
        const Result r = run({"validity", "--experience", experience_, "--scenario", scenario_, "--out",
                              path("vf.csv"), "--projection-out", fan});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> l = lines(fan);
        QCOMPARE(l.value(0), QByteArray("year,metric,p05,p50,p95"));
        QCOMPARE(l.size(), 1 + 5 * 4); // horizon 5, four metrics
        const char* metrics[] = {"gross_savings", "plan_payment", "rate_impact",
                                 "net_state_saving_nonrebased"};
        for (int t = 0; t < 5; ++t)
            for (int m = 0; m < 4; ++m) {
                const QList<QByteArray> f = l[1 + 4 * t + m].split(',');
                QCOMPARE(f[0], QByteArray::number(2025 + t));
                QCOMPARE(f[1], QByteArray(metrics[m]));
                QVERIFY(f[2].toDouble() <= f[3].toDouble() && f[3].toDouble() <= f[4].toDouble());
            }
    }

    void badInputExitsTwoAndWritesNothing_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("no draws") << QStringList{"--draws", "0"} << "--draws '0'";
        QTest::newRow("draws not a number") << QStringList{"--draws", "many"} << "--draws 'many'";
        QTest::newRow("negative seed") << QStringList{"--seed", "-1"} << "--seed '-1'";
        QTest::newRow("seed above 2^53") << QStringList{"--seed", "9007199254740993"} << "2^53";
        QTest::newRow("unknown option") << QStringList{"--bogus", "1"} << "--bogus";
    }
    void badInputExitsTwoAndWritesNothing()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const QString out = path("bad.csv");
        QFile::remove(out);
        const Result r =
            run(QStringList{"validity", "--experience", experience_, "--scenario", scenario_, "--out", out} +
                extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void badScenarioValueNamesTheKey()
    {
        const QString bad = path("bad.json");
        QVERIFY(write(bad, R"({"performance_year": 2024, "uncertainty": {"alpha": 1.5}})"));
        const Result r =
            run({"validity", "--experience", experience_, "--scenario", bad, "--out", path("x.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("uncertainty.alpha"), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("x.csv")));
    }
};

QTEST_GUILESS_MAIN(TestValidityCli)
#include "tst_validity_cli.moc"
