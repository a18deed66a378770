//! `sharecast partnerships` and the partnership metrics as a user runs them, on the golden case
//! tests/golden/partnerships_target (its NOTES.md works the ledger by hand): goal seek on a
//! partner's pass-through, a tornado with a term the scenario does not name, the funding flows,
//! and bad input (exit 2, nothing written, an existing output left whole).
//!
//! Goal seek by hand: ECM-1's operating cost is 400,000 + 150,000 + 30,000 = 580,000 and its
//! operating revenue without pass-through 487,000 − 16,000 = 471,000; only plan A pays (P =
//! 160,000; B and Z receive nothing), so sustainability 1 needs s × 160,000 = 109,000:
//! s = 0.68125.

#include "run_sharecast.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

class TestPartnershipsCli : public QObject {
    Q_OBJECT

    using Result = sharecast::testing::CliResult;
    static Result run(const QStringList& args) { return sharecast::testing::runSharecast(args); }

    QTemporaryDir tmp_;
    const QString case_ = QStringLiteral(SHARECAST_SOURCE_DIR "/tests/golden/partnerships_target/");

    QStringList data() const
    {
        return {"--experience",   case_ + "experience.csv",   "--quality",  case_ + "quality.csv",
                "--partnerships", case_ + "partnerships.csv", "--scenario", case_ + "scenario.json"};
    }

private Q_SLOTS:
    void goalSeekFindsThePassThroughThatSustainsThePartner()
    {
        const Result r =
            run(QStringList{"goal-seek"} + data() +
                QStringList{"--metric", "cbo_sustainability@ECM-1", "--vary",
                            "partnerships.terms.ECM-1.savings_pass_through=0:1", "--target", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith("partnerships.terms.ECM-1.savings_pass_through="));
        QVERIFY(std::abs(lines[0].section(u'=', 1).toDouble() - 0.68125) < 1e-6);
        QCOMPARE(lines[1], QStringLiteral("cbo_sustainability@ECM-1=1.0000000000"));
    }

    void tornadoOfATermTheScenarioDoesNotName()
    {
        const QString out = tmp_.filePath("t.csv");
        Result r = run(QStringList{"sensitivity"} + data() +
                       QStringList{"--metric", "mcp_value@ECM-1", "--vary", "partnerships.terms.ECM-1.pmpm",
                                   "--out", out});
        QCOMPARE(r.exitCode, 2); // no base value: a range is needed
        QVERIFY2(r.err.contains("give a range"), qPrintable(r.err));
        r = run(QStringList{"sensitivity"} + data() +
                QStringList{"--metric", "mcp_value@ECM-1", "--vary", "partnerships.terms.ECM-1.pmpm=250:350",
                            "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // MCP value of ECM-1 = kept 75,000 + 40,000 + 0 − payments 487,000 = −372,000 (NOTES.md).
        // PMPM 250 on all its 1,460 MM: payments fall by 50 × 1,460 = 73,000 → −299,000; 350: −445,000.
        const QList<QByteArray> rows = sharecast::testing::fileLines(out);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(
            rows[1],
            QByteArray("partnerships.terms.ECM-1.pmpm,,250,350,-299000.00,-372000.00,-445000.00,146000.00"));
    }

    void flowsFootToThePartnersRevenue()
    {
        const QString out = tmp_.filePath("l.csv"), flows = tmp_.filePath("f.csv");
        const Result r =
            run(QStringList{"partnerships"} + data() + QStringList{"--out", out, "--flows", flows});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("plan Z has partnerships in 2024 but is not in the settlement"));
        QVERIFY(r.err.contains("plan E promised partners more than its whole shared-savings payment"));
        double intoPartners = 0.0;
        const QList<QByteArray> rows = sharecast::testing::fileLines(flows);
        QCOMPARE(rows[0], QByteArray("year,from,from_column,to,to_column,stream,amount"));
        for (qsizetype i = 1; i < rows.size(); ++i)
            if (rows[i].split(',').value(4) == "3")
                intoPartners += rows[i].split(',').value(6).toDouble();
        // The statewide total revenue of NOTES.md: 627,000 operating + 50,000 + 10,000 + 12,000 + 5,000
        // grants.
        QVERIFY(std::abs(intoPartners - 704000.0) < 0.005);
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString out = tmp_.filePath("keep.csv");
        QTest::newRow("no partnerships file") << QStringList{"partnerships",
                                                             "--experience",
                                                             case_ + "experience.csv",
                                                             "--scenario",
                                                             case_ + "scenario.json",
                                                             "--out",
                                                             out}
                                              << "needs --partnerships";
        QTest::newRow("missing file") << QStringList{"partnerships",
                                                     "--experience",
                                                     case_ + "experience.csv",
                                                     "--partnerships",
                                                     tmp_.filePath("none.csv"),
                                                     "--scenario",
                                                     case_ + "scenario.json",
                                                     "--out",
                                                     out}
                                      << "none.csv";
        const QString only2023 = tmp_.filePath("p2023.csv");
        QVERIFY(sharecast::testing::writeFile(only2023,
                                              "plan_id,partner_id,service,year,pmpm\nA,K,ecm,2023,10\n"));
        QTest::newRow("a year without contracts")
            << QStringList{"partnerships",          "--experience", case_ + "experience.csv",
                           "--partnerships",        only2023,       "--scenario",
                           case_ + "scenario.json", "--out",        out}
            << "no partnership is given for the year";
        QTest::newRow("unknown partner metric")
            << (QStringList{"goal-seek"} + data() +
                QStringList{"--metric", "cbo_gap@NOPE", "--vary", "partnerships.pmpm_factor=0:2", "--target",
                            "0"})
            << "no contract of this partner";
    }
    void badInputWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString out = tmp_.filePath("keep.csv");
        QVERIFY(sharecast::testing::writeFile(out, "previous\n"));
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(sharecast::testing::readFile(out), QByteArray("previous\n"));
    }
};

QTEST_GUILESS_MAIN(TestPartnershipsCli)
#include "tst_partnerships_cli.moc"
