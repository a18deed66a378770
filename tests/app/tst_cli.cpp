//! The command-line front end: help, version, and the error path for unknown commands.

#include <QProcess>
#include <QTest>

class TestCli : public QObject {
    Q_OBJECT

    struct Result {
        int exitCode;
        QString out;
        QString err;
    };

    static Result run(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));  // subcommands must not need a display
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SHARECAST_BINARY), args);
        if (!p.waitForFinished(60000))
            return {-1, {}, QStringLiteral("timed out")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void helpListsCommands()
    {
        const Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Usage: sharecast")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Commands:")), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
    }

    void versionPrintsVersion()
    {
        const Result r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("sharecast ")), qPrintable(r.out));
        QVERIFY(r.out.trimmed().split(u' ').value(1).count(u'.') == 2);
    }

    void unknownCommandExitsTwoWithUsageOnStderr()
    {
        const Result r = run({QStringLiteral("no-such-command")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QLatin1String("unknown command 'no-such-command'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Usage: sharecast")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
