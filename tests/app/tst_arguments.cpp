//! The command line's one parser (app/cli/arguments.h) and its one exception → exit-code mapping
//! (app/cli/cli.h): what each kind of mistake and failure prints and returns, in-process.

#include "cli/arguments.h"
#include "cli/cli.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sharecast::cli;

class TestArguments : public QObject {
    Q_OBJECT

    static ArgumentSpec spec()
    {
        return {
            {{QStringLiteral("out")}, {QStringLiteral("public"), 0}, {QStringLiteral("explain"), 2}}, 2, {}};
    }

private Q_SLOTS:
    void parsesOptionsSwitchesAndPositionals()
    {
        const Arguments a =
            Arguments::parse({"A", "--out", "r.csv", "--public", "--explain", "P01", "2027", "B"}, spec());
        QCOMPARE(a.value(QStringLiteral("out")), QStringLiteral("r.csv"));
        QVERIFY(a.has(QStringLiteral("public")));
        QCOMPARE(a.values(QStringLiteral("explain")), (QStringList{"P01", "2027"}));
        QCOMPARE(a.positional(), (QStringList{"A", "B"}));
        QVERIFY(!a.has(QStringLiteral("missing")));
        QCOMPARE(a.value(QStringLiteral("missing")), QString());
    }

    void refusesWhatTheSpecDoesNotAllow_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{"--bogus"} << "unknown option '--bogus'";
        QTest::newRow("missing value") << QStringList{"--out"} << "option '--out' needs a value";
        QTest::newRow("one of two values")
            << QStringList{"--explain", "P01"} << "option '--explain' needs 2 values";
        QTest::newRow("twice") << QStringList{"--out", "a", "--out", "b"} << "option '--out' given twice";
        QTest::newRow("too many positionals") << QStringList{"A", "B", "C"} << "unexpected argument 'C'";
    }
    void refusesWhatTheSpecDoesNotAllow()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        try {
            Arguments::parse(args, spec());
            QFAIL("accepted");
        } catch (const UsageError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), message);
        }
    }

    void typedValues()
    {
        const ArgumentSpec s{
            {{QStringLiteral("year")}, {QStringLiteral("seed")}, {QStringLiteral("t")}}, 0, {}};
        const Arguments a =
            Arguments::parse({"--year", "2024", "--seed", "18446744073709551615", "--t", "2.5e5"}, s);
        QCOMPARE(*a.integer(QStringLiteral("year")), 2024LL);
        QCOMPARE(*a.unsignedInteger(QStringLiteral("seed")), 18446744073709551615ULL);
        QCOMPARE(*a.number(QStringLiteral("t")), 250000.0);
        const Arguments bad = Arguments::parse({"--year", "20x4"}, s);
        try {
            (void)bad.integer(QStringLiteral("year"), QStringLiteral("a year"));
            QFAIL("accepted 20x4");
        } catch (const UsageError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("--year '20x4' is not a year"));
        }
    }

    //! The one mapping: a usage mistake is 2 with the command's usage; bad input is 2 with the
    //! message naming the file; a project that cannot be written is 1; --help and --version 0.
    void exitCodes()
    {
        QTemporaryDir dir;
        const CommandResult usage = execute({"settle", "--bogus"});
        QCOMPARE(usage.exitCode, int(BadInput));
        QVERIFY2(usage.err.startsWith(QLatin1String("sharecast settle: unknown option '--bogus'")),
                 qPrintable(usage.err));
        QVERIFY2(usage.err.contains(QLatin1String("Usage: sharecast settle")), qPrintable(usage.err));

        const QString notProject = dir.filePath(QStringLiteral("text.sharecast"));
        QFile f(notProject);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("not a project\n") > 0);
        f.close();
        const CommandResult bad = execute({"scenario", "list", "--project", notProject});
        QCOMPARE(bad.exitCode, int(BadInput));
        QVERIFY2(bad.err.startsWith(QLatin1String("sharecast: ")) && bad.err.contains(notProject),
                 qPrintable(bad.err));

        const CommandResult missing = execute({"report", "--project", notProject});
        QCOMPARE(missing.exitCode, int(BadInput));
        QVERIFY2(missing.err.contains(QLatin1String("report needs --project and --scenario")),
                 qPrintable(missing.err));

        QCOMPARE(execute({"--help"}).exitCode, int(Ok));
        QVERIFY(execute({"--version"}).out.startsWith(QLatin1String("sharecast ")));
        const CommandResult unknown = execute({"frobnicate"});
        QCOMPARE(unknown.exitCode, int(BadInput));
        QVERIFY(unknown.err.contains(QLatin1String("unknown command 'frobnicate'")));
        QVERIFY(execute({"help", "import"}).out.startsWith(QLatin1String("Usage: sharecast import")));
    }
};

QTEST_GUILESS_MAIN(TestArguments)
#include "tst_arguments.moc"
