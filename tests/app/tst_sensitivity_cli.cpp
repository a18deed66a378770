//! `sharecast sensitivity`, `table2` and `goal-seek` (methodology §14) as a user runs them, on a
//! case worked by hand.
//!
//! One plan P1 (region R, rate cell Child, one COS): 2023 60,000 MM costing 6,000,000; 2024
//! 60,000 MM costing 5,880,000. Scenario: performance year 2024, MSR fixed 2 %, sharing 50 %
//! first dollar, no cap, losses off. E = 6,000,000, A = 5,880,000, G = 120,000, S = 0.02 ≥ m:
//! P = ρ · 120,000 and program_net = G − P = 120,000 (1 − ρ) = 60,000 at ρ = 0.5; with m above
//! 0.02 nothing is paid and program_net = 120,000.

#include "run_sharecast.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>

class TestSensitivityCli : public QObject {
    Q_OBJECT

    using Result = sharecast::testing::CliResult;
    static Result run(const QStringList& args) { return sharecast::testing::runSharecast(args); }
    static bool write(const QString& path, const QByteArray& text)
    {
        return sharecast::testing::writeFile(path, text);
    }
    static QByteArray readAll(const QString& path) { return sharecast::testing::readFile(path); }
    static QList<QByteArray> lines(const QString& path) { return sharecast::testing::fileLines(path); }

    //! The shortest text that reads back as v, as the commands write key values.
    static QByteArray shortest(double v)
    {
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        return QByteArray(buf, static_cast<int>(r.ptr - buf));
    }

    QTemporaryDir tmp_;
    QStringList data_;
    QString path(const char* name) const { return tmp_.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(write(path("e.csv"), "plan_id,region,rate_cell,year,member_months,cost_medical\n"
                                     "P1,R,Child,2023,60000,6000000\nP1,R,Child,2024,60000,5880000\n"));
        QVERIFY(write(path("s.json"), R"({"performance_year": 2024, "msr": {"method": "fixed", "rate": 0.02},
                                          "sharing": {"max_share": 0.5}})"));
        data_ = QStringList{"--experience", path("e.csv"), "--scenario", path("s.json")};
    }

    void tornadoSortedBySwing()
    {
        const Result r = run(QStringList{"sensitivity"} + data_ +
                             QStringList{"--metric", "program_net", "--vary", "sharing.max_share", "msr.rate",
                                         "--vary", "sharing.cap=0:0.01", "--out", path("t.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> l = lines(path("t.csv"));
        QCOMPARE(l.value(0), QByteArray("key,base_value,low,high,metric_low,metric_base,metric_high,swing"));
        // msr.rate 0.018 → paid, 60,000; 0.022 → not paid, 120,000: swing 60,000.
        QCOMPARE(l.value(1), "msr.rate,0.02," + shortest(0.02 * 0.9) + "," + shortest(0.02 * 1.1) +
                                 ",60000.00,60000.00,120000.00,60000.00");
        // cap 0 → P = 0, net 120,000; cap 1 % of E = 60,000 → P = 60,000, net 60,000: swing 60,000,
        // after msr.rate by key.
        QCOMPARE(l.value(2), QByteArray("sharing.cap,,0,0.01,120000.00,60000.00,60000.00,60000.00"));
        // ρ 0.45 → net 66,000; 0.55 → 54,000.
        QCOMPARE(l.value(3), "sharing.max_share,0.5," + shortest(0.5 * 0.9) + "," + shortest(0.5 * 1.1) +
                                 ",66000.00,60000.00,54000.00,12000.00");
        QCOMPARE(l.size(), 4);
    }

    //! Every value is what `settle` prints for the scenario with that key replaced (§14): each
    //! low and high of a tornado against a settle run of a scenario file written with the value.
    void valuesEqualSettleOfTheModifiedScenario()
    {
        const Result r = run(QStringList{"sensitivity"} + data_ +
                             QStringList{"--metric", "state_share", "--vary", "sharing.max_share=0.3:0.8",
                                         "msr.rate=0.01:0.03", "--out", path("d.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> rows = lines(path("d.csv")).mid(1);
        QCOMPARE(rows.size(), 2);
        for (const QByteArray& row : rows) {
            const QList<QByteArray> f = row.split(',');
            for (int side = 0; side < 2; ++side) {
                const QByteArray value = f[2 + side];
                const QByteArray msr = f[0] == "msr.rate" ? value : QByteArray("0.02");
                const QByteArray share = f[0] == "sharing.max_share" ? value : QByteArray("0.5");
                QVERIFY(write(path("m.json"),
                              R"({"performance_year": 2024, "msr": {"method": "fixed", "rate": )" + msr +
                                  R"(}, "sharing": {"max_share": )" + share + "}}"));
                const Result settled = run({"settle", "--experience", path("e.csv"), "--scenario",
                                            path("m.json"), "--out", path("m.csv")});
                QVERIFY2(settled.exitCode == 0, qPrintable(settled.err));
                const QList<QByteArray> out = lines(path("m.csv"));
                const int column = static_cast<int>(out[0].split(',').indexOf("state_share"));
                QCOMPARE(out[1].split(',')[column], f[4 + 2 * side]); // metric_low, metric_high
            }
        }
    }

    void twoWayTable()
    {
        const Result r = run(QStringList{"table2"} + data_ +
                             QStringList{"--metric", "plan_payment", "--x", "sharing.max_share=0.4:0.6:3",
                                         "--y", "msr.rate=0.01:0.03:3", "--out", path("g.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> l = lines(path("g.csv"));
        // Grid values LOW + i (HIGH − LOW) / (N − 1), written as the shortest text of that double:
        // the middle MSR is 0.01 + 0.02 / 2 = 0.019999999999999997 (one ulp below S), so it pays.
        QList<QByteArray> expected{"x_key,x,y_key,y,metric"};
        const double payments[3][3] = {{48000, 48000, 0}, {60000, 60000, 0}, {72000, 72000, 0}};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                expected << "sharing.max_share," + shortest(0.4 + i * (0.6 - 0.4) / 2) + ",msr.rate," +
                                shortest(0.01 + j * (0.03 - 0.01) / 2) + "," +
                                QByteArray::number(payments[i][j], 'f', 2);
        QCOMPARE(l, expected);
    }

    void goalSeekSmoothAndStep()
    {
        // program_net = 120,000 (1 − ρ) = 90,000 at ρ = 0.25 (met exactly on the way).
        Result r = run(
            QStringList{"goal-seek"} + data_ +
            QStringList{"--metric", "program_net", "--vary", "sharing.max_share=0:1", "--target", "90000"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("sharing.max_share=0.25\nprogram_net=90000.00\n"));
        // The payment drops from 60,000 to 0 where the MSR passes S = 0.02: found at the jump.
        r = run(QStringList{"goal-seek"} + data_ +
                QStringList{"--metric", "plan_payment", "--plan", "P1", "--vary", "msr.rate=0:0.05",
                            "--target", "30000"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList out = r.out.split(u'\n');
        QVERIFY2(out.value(0).startsWith("msr.rate="), qPrintable(r.out));
        QVERIFY2(qAbs(out.value(0).mid(9).toDouble() - 0.02) <= 1e-9, qPrintable(r.out));
        // No crossing: exit 2, the metric at both ends.
        r = run(
            QStringList{"goal-seek"} + data_ +
            QStringList{"--metric", "program_net", "--vary", "sharing.max_share=0:1", "--target", "1000000"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("it is 120000.00 at 0 and 0.00 at 1"), qPrintable(r.err));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown metric")
            << QStringList{"sensitivity", "--metric", "savings", "--vary", "msr.rate", "--out", "OUT"}
            << "no such metric";
        QTest::newRow("missing entry") << QStringList{"sensitivity",
                                                      "--metric",
                                                      "program_net",
                                                      "--vary",
                                                      "trend.by_cos.dental.unit_cost",
                                                      "--out",
                                                      "OUT"}
                                       << "no 'dental' entry";
        QTest::newRow("null without range")
            << QStringList{"sensitivity", "--metric", "program_net", "--vary", "sharing.cap", "--out", "OUT"}
            << "give a range";
        QTest::newRow("refused value")
            << QStringList{"table2", "--metric",         "program_net", "--x", "sharing.max_share=0:2:3",
                           "--y",    "msr.rate=0:0.1:2", "--out",       "OUT"}
            << "must lie in [0, 1]";
        QTest::newRow("N below 2") << QStringList{"table2",
                                                  "--metric",
                                                  "program_net",
                                                  "--x",
                                                  "msr.rate=0:1:1",
                                                  "--y",
                                                  "sharing.max_share=0:1:2",
                                                  "--out",
                                                  "OUT"}
                                   << "N must be";
        QTest::newRow("year not projected")
            << QStringList{"sensitivity", "--metric", "rate_impact@2040", "--vary", "msr.rate",
                           "--out",       "OUT"}
            << "the projection runs from 2025 to 2029";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString out = path("bad.csv");
        args.replace(args.indexOf("OUT"), out);
        const Result r = run(args + data_);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestSensitivityCli)
#include "tst_sensitivity_cli.moc"
